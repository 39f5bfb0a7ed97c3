import { clusterStories } from './attach-fragments.js';
import { containment, type ShingleSketch } from './shingle-sketch.js';
import { pairSimilarity } from './story-similarity.js';
import { timeFactor, type TimePoint } from './time-of.js';

/** A sparse L2-normalised vector: ascending integer keys and their weights. */
export interface SparseVector {
  readonly keys: Int32Array;
  readonly weights: Float64Array;
}

/** One article as regrouping sees it: TF-IDF vectors of its key terms and of its entities (empty when it names none), and its time. */
export interface RegroupItem {
  readonly terms: SparseVector;
  readonly entities: SparseVector;
  readonly time: TimePoint | null;
  /** Its shingles, for near-duplicate detection; without them it is nobody's copy. */
  readonly sketch?: ShingleSketch | undefined;
}

export interface RegroupOptions {
  readonly linkThreshold: number;
  readonly attachThreshold: number;
  readonly fragmentSize: number;
  readonly entityWeight: number;
  readonly graceDays: number;
  readonly dayScale: number;
  readonly mentionDayScale: number;
  readonly copyThreshold: number;
  readonly minCopyShingles: number;
}

/**
 * `groupStories`' clustering over a few articles: the similarity of every pair
 * (1 + containment for a near-duplicate within the grace days, else key terms
 * mixed with entities, damped by time), average link, then fragment attachment. Returns the clusters as item
 * indices, each ascending, and the similarity matrix (row-major, n × n) that
 * made them. The result depends only on the items and their order, which the
 * caller fixes (by article id) so that it does not depend on arrival order.
 */
export function regroupArticles(
  items: readonly RegroupItem[],
  options: RegroupOptions,
): { clusters: number[][]; similarity: Float64Array } {
  const n = items.length;
  const terms = pairwiseCosines(items.map((item) => item.terms));
  const entities = pairwiseCosines(items.map((item) => item.entities));
  const similarity = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const a = items[i]!;
    for (let j = i + 1; j < n; j++) {
      const b = items[j]!;
      const time = timeFactor(a.time, b.time, options.graceDays, options.dayScale, options.mentionDayScale);
      // A template reused months later ("talks opened in May") is a new event, not a copy.
      const share =
        time === 1 && a.sketch && b.sketch ? containment(a.sketch, b.sketch, options.copyThreshold, options.minCopyShingles) : 0;
      const value = pairSimilarity(
        share >= options.copyThreshold ? share : 0,
        () => terms[i * n + j]!,
        () => (a.entities.keys.length > 0 && b.entities.keys.length > 0 ? entities[i * n + j]! : null),
        time,
        options.entityWeight,
      );
      similarity[i * n + j] = value;
      similarity[j * n + i] = value;
    }
  }
  const clusters = clusterStories(n, (i, j) => similarity[i * n + j]!, options);
  return { clusters, similarity };
}

/**
 * Dot products of every pair of vectors (row-major, n × n, diagonal left 0),
 * through a local inverted index: the cost is the sum over keys of the square
 * of how many vectors hold them, far below n² full comparisons for sparse text.
 */
export function pairwiseCosines(vectors: readonly SparseVector[]): Float64Array {
  const n = vectors.length;
  const out = new Float64Array(n * n);
  const postings = new Map<number, number[]>();
  vectors.forEach((v, i) => {
    for (let k = 0; k < v.keys.length; k++) {
      const key = v.keys[k]!;
      const list = postings.get(key);
      // Pairs of (item, position in its vector), flat.
      if (list) list.push(i, k);
      else postings.set(key, [i, k]);
    }
  });
  for (const list of postings.values()) {
    for (let x = 0; x < list.length; x += 2) {
      const i = list[x]!;
      const wi = vectors[i]!.weights[list[x + 1]!]!;
      for (let y = x + 2; y < list.length; y += 2) {
        const j = list[y]!;
        out[i * n + j] = out[i * n + j]! + wi * vectors[j]!.weights[list[y + 1]!]!;
      }
    }
  }
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out[j * n + i] = out[i * n + j]!;
  return out;
}
