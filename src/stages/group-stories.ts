import type { Doc } from '../model/doc.js';
import type { StageContext, StoryStage } from '../model/stage.js';
import type { Copy, Corpus, Story } from '../model/story.js';
import { alignedShare, sentenceWords, type SentenceWords } from './story/align-sentences.js';
import { clusterStories } from './story/attach-fragments.js';
import { articleFeatures, createStoryIndex } from './story/create-story-index.js';
import { fnv1a, minHashSimilarity, wordShingles } from './story/min-hash.js';
import { containment, sketchOf, type ShingleSketch } from './story/shingle-sketch.js';
import { pairSimilarity, type StorySimilarityOptions } from './story/story-similarity.js';
import { contentWords, cosine, tfIdfVectors, topTerms, type TermVector } from './story/term-vectors.js';
import { timeFactor, timeOf, type TimePoint } from './story/time-of.js';

export interface GroupStoriesOptions extends StorySimilarityOptions {
  /**
   * Share of the smaller article's shingles found in the other from which it is
   * a copy (containment, not Jaccard: a content farm adds its own paragraphs,
   * which would dilute a Jaccard score).
   */
  copyThreshold?: number;
  /**
   * Words per shingle for copy detection. Three, not five: a rewrite that swaps
   * a word every few words still shares most 3-word runs, while two outlets
   * writing up the same facts share few beyond their common quotes.
   */
  shingleSize?: number;
  /** Fewest shingles the smaller article needs before it can be called a copy: a two-line brief proves nothing. */
  minCopyShingles?: number;
  /**
   * Share of the shorter article's words (outside direct quotes) in sentences
   * that match one sentence of the other (`alignedShare`, each sentence
   * matching to `alignOverlap` of its words) from which it is a copy even when
   * spun too hard for shingles. On ECB+ topics 1-35, pairs of reports of two
   * different events of one kind never reach it; of the same-event pairs that
   * do, all but 3 also share 40% of their word trigrams (reprints), while 0.6
   * let in 15 pairs that share only quotes and common phrasing; a rewrite with
   * a quarter of its words swapped and 15% of its sentences dropped reaches it
   * 274 times in 284 (0.6: 280). `npm run bench:copies` measures it in the
   * product.
   */
  alignThreshold?: number;
  alignOverlap?: number;
  /** Mean similarity two groups need to merge (average link). */
  linkThreshold?: number;
  /**
   * Mean similarity from which a group of at most `fragmentSize` articles left
   * over by average link joins the larger story it is most like. Half the link
   * threshold: on ECB+ topics 1-35 it took B3 F1 from 0.908 to 0.932 (odd
   * topics 0.892 -> 0.929, even 0.923 -> 0.934), and 0.08-0.12 all gave
   * 0.92-0.93 on both halves; with it, link thresholds 0.2-0.24 all give
   * 0.929-0.931, so the link threshold stays. 0 turns it off.
   */
  attachThreshold?: number;
  /** Largest group that counts as a fragment: one or two articles (3 gave the same 0.93, 4 started to cost precision). */
  fragmentSize?: number;
  /**
   * 'batch': average link over every pair of articles, exact and free of any
   * order, but it holds an n×n matrix and merges in up to O(n³) steps.
   * 'online': the articles in turn, oldest first, through `createStoryIndex`,
   * which regroups each newcomer's neighbourhood with the same clustering: a
   * bounded cost per article and, on ECB+ topics 1-35, the batch's B3 F1
   * (0.933-0.939 by order; `npm run bench:stories`). 'auto': batch up to
   * `batchLimit` articles, online beyond: average link alone took 0.3 s for
   * 1,000 articles, 2.9 s for 2,000 and 11 s for 3,000 on this project's
   * machine, and its matrix is 32 MB at 2,000.
   */
  strategy?: 'auto' | 'batch' | 'online';
  batchLimit?: number;
}

interface DocFeatures {
  readonly terms: TermVector;
  readonly entities: TermVector;
  readonly time: TimePoint | null;
  readonly sketch: ShingleSketch;
  /** Content words outside direct quotes of each sentence of 4+ of them, for sentence alignment. */
  readonly sentences: readonly SentenceWords[];
}

/**
 * Groups articles into stories: near-duplicates (the share of the smaller
 * article's word shingles that the other holds, or of its sentences aligned
 * with the other's) first, then average-link clustering over TF-IDF similarity of key terms and
 * of entities, damped by the distance between the articles' dates, so that two
 * events of the same kind months apart stay two stories; fragments of one or
 * two articles left over then join the story they are most like, from a lower
 * threshold (`attachFragments`). Every article ends in
 * exactly one story; the result does not depend on the input order.
 */
export function groupStories({
  copyThreshold = 0.4,
  shingleSize = 3,
  minCopyShingles = 20,
  alignThreshold = 0.7,
  alignOverlap = 0.6,
  linkThreshold = 0.2,
  attachThreshold = linkThreshold / 2,
  fragmentSize = 2,
  entityWeight = 0.3,
  graceDays = 7,
  dayScale = 30,
  mentionDayScale = 365,
  strategy = 'auto',
  batchLimit = 2_000,
}: GroupStoriesOptions = {}): StoryStage {
  return {
    kind: 'story',
    name: 'group-stories',
    version: '1',
    requires: ['text', 'mentions', 'dates', 'entities'],
    provides: ['stories'],
    run(corpus: Corpus, _ctx: StageContext): Corpus {
      // Sorting by id first makes every later tie-break independent of input order.
      const docs = [...corpus.docs].sort((a, b) => cmp(a.id, b.id));
      const online = strategy === 'online' || (strategy === 'auto' && docs.length > batchLimit);
      const features = describe(docs, shingleSize, !online);
      const copyPairs = new Map<string, number>();
      /** How much one article copies the other (i < j), recorded for the story's copies; 0 for none. */
      const copyOf = (i: number, j: number, time: number): number => {
        // A template reused months later ("talks opened in May") is a new event, not a copy.
        const copy =
          time === 1
            ? copyShare(features[i]!, features[j]!, { copyThreshold, minCopyShingles, alignThreshold, alignOverlap })
            : 0;
        if (copy > 0) copyPairs.set(`${i} ${j}`, copy);
        return copy;
      };
      const timeBetween = (i: number, j: number): number =>
        timeFactor(features[i]!.time, features[j]!.time, graceDays, dayScale, mentionDayScale);
      const similarity = (i: number, j: number): number => {
        const a = features[i]!;
        const b = features[j]!;
        const time = timeBetween(i, j);
        return pairSimilarity(
          copyOf(i, j, time),
          () => cosine(a.terms, b.terms),
          () => (a.entities.size > 0 && b.entities.size > 0 ? cosine(a.entities, b.entities) : null),
          time,
          entityWeight,
        );
      };
      const clusters = online
        ? groupOnline(docs, { linkThreshold, entityWeight, graceDays, dayScale, mentionDayScale })
        : clusterStories(docs.length, (i, j) => (i < j ? similarity(i, j) : similarity(j, i)), {
            linkThreshold,
            attachThreshold,
            fragmentSize,
          });
      // Online, copies are looked for within each story only: the index has already put them together.
      if (online)
        for (const members of clusters)
          for (const [x, i] of members.entries()) for (const j of members.slice(x + 1)) copyOf(i, j, timeBetween(i, j));
      const stories = clusters.map((members) => toStory(docs, features, members, copyPairs));
      stories.sort((a, b) => b.articles.length - a.articles.length || cmp(a.articles[0] ?? '', b.articles[0] ?? ''));
      return { ...corpus, stories };
    },
  };
}

/** The articles one at a time, oldest first (then by id), through the story index (the online strategy). */
function groupOnline(docs: readonly Doc[], options: StorySimilarityOptions & { linkThreshold: number }): number[][] {
  const order = docs.map((doc, i) => ({ doc, i })).sort((a, b) => cmp(a.doc.published ?? '', b.doc.published ?? '') || a.i - b.i);
  const index = createStoryIndex(options);
  for (const { doc } of order) index.assign(articleFeatures(doc));
  const at = new Map(docs.map((doc, i) => [doc.id, i]));
  return index.stories().map((story) => story.articles.map((id) => at.get(id)!).sort((a, b) => a - b));
}

function describe(docs: readonly Doc[], shingleSize: number, dropBoilerplate: boolean): DocFeatures[] {
  const terms = tfIdfVectors(docs.map((d) => contentWords(`${d.title ?? ''}\n${d.text}`)));
  const entities = tfIdfVectors(docs.map((d) => d.mentions.map((m) => m.entity).filter((e): e is string => e !== null)));
  let shingles = docs.map((doc) => wordShingles(doc.text, shingleSize));
  let sentences = docs.map((doc) =>
    sentenceWords(
      doc.text,
      doc.sentences,
      doc.quotes.filter((q) => q.direct),
      MIN_ALIGNED_WORDS,
    ),
  );
  if (dropBoilerplate) {
    shingles = withoutBoilerplate(
      shingles.map((set) => [...set]),
      (shingle) => shingle,
    ).map((list) => new Set(list));
    sentences = withoutBoilerplate(sentences, (sentence) => [...sentence].sort().join(' '));
  }
  return docs.map((doc, i) => ({
    terms: terms[i]!,
    entities: entities[i]!,
    time: timeOf(doc),
    sketch: sketchOf(shingles[i]!),
    sentences: sentences[i]!,
  }));
}

/**
 * Leaves out, for copy detection, the shingles and sentences that many
 * articles of the batch carry word for word: a site's own lines ("Subscribe
 * to our free newsletter…") recur under every article it posts and would make
 * two of its unrelated posts, or a brief padded with them, copies of each
 * other. `bench:copies` caught it: planted rewrites of reports from different
 * ECB+ topics, sharing only their junk lines, were linked. Reprints of one
 * wire story share their text in fewer articles than that, and all of it.
 * Counting needs every item of the batch in memory, so only the batch
 * strategy does it.
 */
function withoutBoilerplate<T>(perDoc: readonly (readonly T[])[], key: (item: T) => string): T[][] {
  const carriedBy = new Map<string, number>();
  for (const items of perDoc) for (const k of new Set(items.map(key))) carriedBy.set(k, (carriedBy.get(k) ?? 0) + 1);
  const limit = Math.max(BOILERPLATE_MIN_ARTICLES, Math.ceil(perDoc.length * BOILERPLATE_SHARE));
  return perDoc.map((items) => items.filter((item) => (carriedBy.get(key(item)) ?? 0) < limit));
}

/** Text carried by this many articles of a batch, or by this share of them if more, is boilerplate to copy detection. */
const BOILERPLATE_MIN_ARTICLES = 5;
const BOILERPLATE_SHARE = 0.02;

/** Sentences of fewer content words match too easily ("Police said no one was hurt") to show copying. */
const MIN_ALIGNED_WORDS = 4;
/** Sentences the shorter article needs before alignment may call it a copy, as `minCopyShingles` for shingles. */
const MIN_ALIGNED_SENTENCES = 3;

interface CopyOptions {
  readonly copyThreshold: number;
  readonly minCopyShingles: number;
  readonly alignThreshold: number;
  readonly alignOverlap: number;
}

/**
 * How much one article is a copy of the other, 0 when it is not: the share of
 * the smaller article's shingles that the other holds (a copy from
 * `copyThreshold`; `containment` runs the exact count only where the MinHash
 * estimate allows it), else the share of the shorter one's words in sentences
 * aligned with the other's (a copy from `alignThreshold`). Alignment runs only
 * for pairs that share some shingles at all, which pairs about different
 * events rarely do.
 */
function copyShare(a: DocFeatures, b: DocFeatures, options: CopyOptions): number {
  if (Math.min(a.sketch.hashes.length, b.sketch.hashes.length) < options.minCopyShingles) return 0;
  if (minHashSimilarity(a.sketch.signature, b.sketch.signature) === 0) return 0;
  const shingles = containment(a.sketch, b.sketch, options.copyThreshold, options.minCopyShingles);
  if (shingles >= options.copyThreshold) return shingles;
  const [shorter, longer] = a.sentences.length <= b.sentences.length ? [a.sentences, b.sentences] : [b.sentences, a.sentences];
  if (shorter.length < MIN_ALIGNED_SENTENCES) return 0;
  const aligned = alignedShare(shorter, longer, options.alignOverlap);
  return aligned >= options.alignThreshold ? aligned : 0;
}

function toStory(
  docs: readonly Doc[],
  features: readonly DocFeatures[],
  members: readonly number[],
  copyPairs: ReadonlyMap<string, number>,
): Story {
  const articles = members.map((i) => docs[i]!.id);
  const central = mostCentral(features, members);
  // Named after its earliest report, so a story keeps its id (and its page's address) while later
  // reports join it, and a merge keeps the id of the story that began first.
  const first = members
    .map((i) => docs[i]!)
    .sort((a, b) => cmp(a.published ?? '9999', b.published ?? '9999') || cmp(a.id, b.id))[0]!;
  return {
    id: `s-${fnv1a(first.id).toString(16).padStart(8, '0')}`,
    title: titleOf(docs[central]!, features[central]!),
    articles,
    timeline: [],
    quotes: [],
    discrepancies: [],
    copies: copiesIn(docs, members, copyPairs),
  };
}

function mostCentral(features: readonly DocFeatures[], members: readonly number[]): number {
  let best = members[0]!;
  let bestScore = -Infinity;
  for (const i of members) {
    let score = 0;
    for (const j of members) if (i !== j) score += cosine(features[i]!.terms, features[j]!.terms);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

/** The article's title, else its first sentence that reads like prose, else its key terms. */
function titleOf(doc: Doc, features: DocFeatures): string {
  if (doc.title?.trim()) return doc.title.trim();
  const spans =
    doc.sentences.length > 0
      ? doc.sentences
      : (doc.text.match(/[^\n]+/g) ?? []).map((line) => ({
          start: doc.text.indexOf(line),
          end: doc.text.indexOf(line) + line.length,
        }));
  for (const span of spans) {
    const sentence = doc.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
    if (/https?\s*:|www\s*\./i.test(sentence) || (sentence.match(/\p{L}{2,}/gu) ?? []).length < 4) continue;
    return sentence.length > 120 ? `${sentence.slice(0, 117).replace(/\s+\S*$/, '')}…` : sentence;
  }
  return topTerms(features.terms, 5).join(' ') || doc.id;
}

/**
 * In each set of near-duplicates one article is the original: the earliest
 * published, else the shortest (copies tend to add boilerplate), else the
 * first by id; the others are recorded as its copies.
 */
function copiesIn(docs: readonly Doc[], members: readonly number[], copyPairs: ReadonlyMap<string, number>): Copy[] {
  const inStory = new Set(members);
  const parent = new Map<number, number>();
  const find = (i: number): number => {
    const p = parent.get(i);
    return p === undefined || p === i ? i : find(p);
  };
  const links: [number, number, number][] = [];
  for (const [key, similarity] of copyPairs) {
    const [i, j] = key.split(' ').map(Number) as [number, number];
    if (!inStory.has(i) || !inStory.has(j)) continue;
    links.push([i, j, similarity]);
    parent.set(find(i), find(j));
  }
  const groups = new Map<number, number[]>();
  for (const [i, j] of links) for (const k of [i, j]) groups.set(find(k), [...new Set([...(groups.get(find(k)) ?? []), k])]);
  const copies: Copy[] = [];
  for (const group of groups.values()) {
    const original = [...group].sort((a, b) => originality(docs[a]!, docs[b]!))[0]!;
    for (const k of group.sort((a, b) => a - b)) {
      if (k === original) continue;
      const key = k < original ? `${k} ${original}` : `${original} ${k}`;
      const direct = copyPairs.get(key) ?? Math.max(...links.filter(([i, j]) => i === k || j === k).map(([, , s]) => s));
      copies.push({ article: docs[k]!.id, of: docs[original]!.id, similarity: Math.round(direct * 1000) / 1000 });
    }
  }
  return copies;
}

function originality(a: Doc, b: Doc): number {
  const pa = a.published ?? '9999';
  const pb = b.published ?? '9999';
  return cmp(pa, pb) || a.text.length - b.text.length || cmp(a.id, b.id);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
