import { fnv1a, minHash, minHashSimilarity, wordShingles } from './min-hash.js';

/** What near-duplicate detection keeps of one article: its word shingles as sorted distinct hashes, and their MinHash signature. */
export interface ShingleSketch {
  readonly hashes: Uint32Array;
  readonly signature: Uint32Array;
}

/**
 * The sketch of a text's word shingles (3 words, as `groupStories` compares
 * them). Hashes rather than the shingles themselves: a tenth of the memory for
 * an index that keeps every article, and two 32-bit hashes of different
 * shingles meet about once in four billion pairs.
 */
export function shingleSketch(text: string, size = 3): ShingleSketch {
  return sketchOf(wordShingles(text, size));
}

/** The sketch of a set of shingles (a text's, perhaps with some left out). */
export function sketchOf(shingles: ReadonlySet<string>): ShingleSketch {
  const hashes = new Uint32Array(shingles.size);
  let k = 0;
  for (const shingle of shingles) hashes[k++] = fnv1a(shingle);
  hashes.sort();
  // Colliding hashes count once, as a set would.
  let distinct = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[distinct++] = hashes[i]!;
  return { hashes: hashes.slice(0, distinct), signature: minHash(shingles) };
}

/**
 * The share of the smaller article's shingles that the other holds, as
 * `groupStories` measures a copy: 0 when the smaller has fewer than
 * `minShingles`, or when the MinHash estimate says it cannot come near
 * `threshold` (so the exact count runs for few pairs).
 */
export function containment(a: ShingleSketch, b: ShingleSketch, threshold: number, minShingles: number): number {
  const [small, large] = a.hashes.length <= b.hashes.length ? [a.hashes, b.hashes] : [b.hashes, a.hashes];
  if (small.length < minShingles) return 0;
  const jaccard = minHashSimilarity(a.signature, b.signature);
  // |A∩B| = J(|A|+|B|)/(1+J); the margin covers the estimate's error at 128 hashes.
  const estimate = (jaccard * (small.length + large.length)) / ((1 + jaccard) * small.length);
  if (estimate < threshold - 0.15) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < small.length && j < large.length;) {
    if (small[i]! < large[j]!) i++;
    else if (small[i]! > large[j]!) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return shared / small.length;
}
