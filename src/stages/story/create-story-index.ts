import type { Doc } from '../../model/doc.js';
import { shingleSketch, type ShingleSketch } from './shingle-sketch.js';
import { regroupArticles, type RegroupItem, type SparseVector } from './regroup-articles.js';
import { mixEntities, type StorySimilarityOptions } from './story-similarity.js';
import { contentWords } from './term-vectors.js';
import { timeFactor, timeOf, type TimePoint } from './time-of.js';

/** What incremental grouping knows of one article: its words, entities and time, nothing else. */
export interface ArticleFeatures {
  readonly id: string;
  /** Content words of title and text, repeats kept (they are the term frequencies). */
  readonly terms: readonly string[];
  /** Entity ids of its mentions, repeats kept. */
  readonly entities: readonly string[];
  readonly time: TimePoint | null;
  /** Its word shingles, for near-duplicate detection as `groupStories` does it; an article without them is nobody's copy. */
  readonly sketch?: ShingleSketch;
}

export interface StoryIndexOptions extends StorySimilarityOptions {
  /** Mean similarity two groups of articles need to merge (average link), as in `groupStories`. */
  linkThreshold?: number;
  /** Mean similarity from which a fragment left by average link joins the story it is most like, as in `groupStories`. */
  attachThreshold?: number;
  /** Largest group that counts as a fragment, as in `groupStories`. */
  fragmentSize?: number;
  /** Share of the smaller article's shingles found in the other from which it is a copy, as in `groupStories`. */
  copyThreshold?: number;
  /** Fewest shingles the smaller article needs before it can be called a copy, as in `groupStories`. */
  minCopyShingles?: number;
  /**
   * Mean similarity to a candidate story (against its per-story sums) from
   * which the story's articles are regrouped with the new one. Low, since a
   * story can be pulled in by the company it keeps (a bridge article makes two
   * stories link), but a candidate far below it would only cost time. On ECB+
   * topics 1-35, B3 F1 in arrival order / mean of 5 shuffles: 0 0.936/0.937,
   * 0.02 0.938/0.937, 0.03 0.939/0.937, 0.04 0.939/0.937, 0.05 0.933/0.937,
   * 0.1 0.929/0.938. Arrival order (topic by topic) is the one that needs it
   * low: a story formed while IDF knew one topic only is met again only
   * through the articles that regroup it.
   */
  neighbourThreshold?: number;
  /**
   * Most articles regrouped at once, the new one included: whole stories, best
   * first, as long as they fit. Regrouping costs the square of this for the
   * similarities and up to its cube for average link, so it bounds the cost of
   * one assignment. A best story too large to fit takes the article when its
   * mean reaches `linkThreshold`, as a plain centroid index would. ECB+ stories
   * (22 articles at most) never reach it: 40, 80 and 150 give the same stories;
   * on the invented stream of bench/story-scale.ts (8 articles an event) the
   * mean neighbourhood is 14 articles.
   */
  maxNeighbourhood?: number;
  /**
   * Heaviest terms (and entities) of each article that go into the inverted
   * index and that a new article looks up: a story is a candidate only when
   * one of its articles shares one of them.
   */
  blockingKeys?: number;
  /**
   * Stories a key may point to before it stops being looked up: a key that
   * common says little about which story an article belongs to, and skipping
   * it keeps the cost of one assignment independent of the index size.
   */
  maxPostings?: number;
  /** Candidates scored against their sums, those sharing the most keys with the article first: bounds the cost of one assignment. */
  maxCandidates?: number;
}

/** Where one article went, and what its arrival changed. */
export interface Assignment {
  /** The story the article is in now. */
  readonly story: string;
  /** false: the article is in a story that did not exist before it. */
  readonly joined: boolean;
  /** Its mean similarity to the other articles of its story (0 when it is alone). */
  readonly score: number;
  /** Stories compared with it after blocking. */
  readonly candidates: number;
  /**
   * Stories that no longer exist, each with the story that took most of its
   * articles. The older of two merged stories keeps its id; the newer one's
   * id is never used again.
   */
  readonly merged: readonly { readonly story: string; readonly into: string }[];
  /** Articles that arrived earlier and are now in another story (a merge, or a story split by regrouping). */
  readonly moved: readonly { readonly article: string; readonly from: string; readonly to: string }[];
}

export interface StoryIndex {
  /** Puts the article in a story, regrouping the stories around it; returns where it went and what moved. */
  assign(article: ArticleFeatures): Assignment;
  /** Stories as they stand, in order of creation, with their articles in order of arrival. */
  stories(): { readonly id: string; readonly articles: readonly string[] }[];
}

/** The features of a processed Doc (after entity resolution, which fills mention entity ids). */
export function articleFeatures(doc: Doc): ArticleFeatures {
  return {
    id: doc.id,
    terms: contentWords(`${doc.title ?? ''}\n${doc.text}`),
    entities: doc.mentions.map((m) => m.entity).filter((e): e is string => e !== null),
    time: timeOf(doc),
    sketch: shingleSketch(doc.text),
  };
}

/** Term (or entity) counts of one article: interned keys, ascending, with 1 + log(count). */
interface Counts {
  readonly keys: Int32Array;
  readonly tf: Float64Array;
}

interface Member {
  readonly id: string;
  readonly arrival: number;
  readonly terms: Counts;
  readonly entities: Counts;
  readonly time: TimePoint | null;
  readonly timeKey: string;
  readonly sketch: ShingleSketch | undefined;
  /** Its keys in the inverted index: term ids doubled, entity ids doubled plus one. */
  readonly blocking: readonly number[];
  /** null only while it is being assigned. */
  story: IndexedStory | null;
}

interface IndexedStory {
  readonly id: string;
  /** Order of creation: the lower, the older. */
  readonly created: number;
  /** In order of arrival; empty once merged away. */
  members: Member[];
  /** Sums over members of their TF weights over their TF-IDF norm: average link against a centroid. */
  termsWithEntities: SparseVector;
  termsAlone: SparseVector;
  entities: SparseVector;
  /** Distinct member times (most members of a story share a date) and how many members have each. */
  times: Map<string, { readonly time: TimePoint | null; count: number }>;
}

/** A key space: interned strings, and how many articles hold each. */
interface Vocabulary {
  readonly ids: Map<string, number>;
  readonly names: string[];
  readonly df: number[];
}

/**
 * An online counterpart of `groupStories`: articles arrive one at a time. A
 * new article's candidate stories come from an inverted index of each
 * article's heaviest keys, and are scored against per-story sums (TF-IDF
 * cosine of key terms mixed with entities, damped by time, averaged over the
 * story: one comparison costs the size of the article, not of the story).
 * Then the articles of the candidates it is close to and the new one are
 * regrouped exactly as the batch stage groups a corpus (`regroupArticles`:
 * average link and fragment attachment, IDF of all articles seen so far), and
 * the stories take the result: the article joins a story or starts one, and a
 * bridge article can merge two stories or a story drifted apart can split.
 * Regrouping the neighbourhood undoes what an early arrival got wrong, so the
 * result depends little on the order of arrival. Near-duplicates count as the
 * batch stage counts them when the articles come with their shingles
 * (`articleFeatures` adds them: about 2.5 KB for an article of 500 words).
 *
 * On ECB+ topics 1-35: B3 F1 0.939 in arrival order (odd topics 0.940, even
 * 0.939) and 0.937 on each of 5 shuffles, the batch stage's own figure (the
 * same stories on the first shuffle), where assigning each article to the
 * best story by its mean alone (no regrouping) gave 0.848 and 0.846-0.858.
 * Without shingles: 0.937 and 0.935, as the batch stage without them. The
 * bench's invented 100,000 articles go at about 2,500 articles/s. A prior of
 * 100-1000 pseudo-articles in the IDF, to hold early IDF steady, cost more
 * than it gave (0.926-0.929 in either order, without shingles): the batch
 * stage's IDF is the one regrouping converges to.
 *
 * The index holds state by design: it is the thing an ingest loop keeps
 * between articles. Regrouped articles are ordered by id and ties go to the
 * oldest story, so one order always gives one result.
 */
export function createStoryIndex({
  linkThreshold = 0.2,
  attachThreshold = linkThreshold / 2,
  fragmentSize = 2,
  copyThreshold = 0.4,
  minCopyShingles = 20,
  entityWeight = 0.3,
  graceDays = 7,
  dayScale = 30,
  mentionDayScale = 365,
  neighbourThreshold = 0.03,
  maxNeighbourhood = 80,
  blockingKeys = 12,
  maxPostings = 200,
  maxCandidates = 30,
}: StoryIndexOptions = {}): StoryIndex {
  const termVocabulary: Vocabulary = { ids: new Map(), names: [], df: [] };
  const entityVocabulary: Vocabulary = { ids: new Map(), names: [], df: [] };
  let seen = 0;
  let created = 0;
  const all: IndexedStory[] = [];
  const postings = new Map<number, IndexedStory[]>();
  // Dense by key, zero but for the article being scored (see `scatter`).
  let termScratch: Float64Array = new Float64Array(0);
  let entityScratch: Float64Array = new Float64Array(0);
  const regroupOptions = {
    linkThreshold,
    attachThreshold,
    fragmentSize,
    entityWeight,
    graceDays,
    dayScale,
    mentionDayScale,
    copyThreshold,
    minCopyShingles,
  };

  const idf = (vocabulary: Vocabulary, key: number): number => Math.log((1 + seen) / (1 + (vocabulary.df[key] ?? 0))) + 1;

  /** Interns the article's keys and counts it in the document frequencies first, as the batch stage's IDF counts every article. */
  function count(list: readonly string[], vocabulary: Vocabulary): Counts {
    const counts = new Map<number, number>();
    for (const name of list) {
      let key = vocabulary.ids.get(name);
      if (key === undefined) {
        key = vocabulary.df.length;
        vocabulary.ids.set(name, key);
        vocabulary.names.push(name);
        vocabulary.df.push(0);
      }
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const keys = new Int32Array(counts.size);
    let at = 0;
    for (const key of counts.keys()) keys[at++] = key;
    keys.sort();
    const tf = new Float64Array(keys.length);
    for (let k = 0; k < keys.length; k++) {
      vocabulary.df[keys[k]!]!++;
      tf[k] = 1 + Math.log(counts.get(keys[k]!)!);
    }
    return { keys, tf };
  }

  function normOf(counts: Counts, vocabulary: Vocabulary): number {
    let sum = 0;
    for (let k = 0; k < counts.keys.length; k++) sum += (counts.tf[k]! * idf(vocabulary, counts.keys[k]!)) ** 2;
    return Math.sqrt(sum);
  }

  /** The TF-IDF vector of the moment, L2-normalised, and the norm it was divided by. */
  function vectorOf(counts: Counts, vocabulary: Vocabulary): SparseVector & { readonly norm: number } {
    const weights = new Float64Array(counts.keys.length);
    let sum = 0;
    for (let k = 0; k < weights.length; k++) {
      const w = counts.tf[k]! * idf(vocabulary, counts.keys[k]!);
      weights[k] = w;
      sum += w * w;
    }
    const norm = Math.sqrt(sum);
    if (norm > 0) for (let k = 0; k < weights.length; k++) weights[k]! /= norm;
    return { keys: counts.keys, weights, norm };
  }

  /**
   * Spreads the article's TF-IDF weights times IDF once more (what a story's
   * sums, TF over norm, are multiplied by) over a dense array indexed by key,
   * so that scoring a story reads its sums in a row; returns the array.
   */
  function scatter(vector: SparseVector, vocabulary: Vocabulary, scratch: Float64Array): Float64Array {
    let dense = scratch;
    if (dense.length < vocabulary.df.length) dense = new Float64Array(Math.max(1024, vocabulary.df.length * 2));
    for (let k = 0; k < vector.keys.length; k++) dense[vector.keys[k]!] = vector.weights[k]! * idf(vocabulary, vector.keys[k]!);
    return dense;
  }

  /** Mean similarity of an article (scattered) to a story's members, from the story's sums. */
  function score(story: IndexedStory, hasEntities: boolean, time: TimePoint | null): number {
    const words = dot(termScratch, story.termsAlone);
    const wordsBeside = dot(termScratch, story.termsWithEntities);
    const shared = mixEntities(wordsBeside, hasEntities ? dot(entityScratch, story.entities) : null, entityWeight);
    let damping = 0;
    for (const { time: other, count: n } of story.times.values())
      damping += n * timeFactor(time, other, graceDays, dayScale, mentionDayScale);
    const size = story.members.length;
    return ((words + shared) / size) * (damping / size);
  }

  /** Per-story sums from its members, norms with the IDF of the moment (so they follow IDF drift each time the story changes). */
  function summarise(story: IndexedStory): void {
    const termsWithEntities = new Map<number, number>();
    const termsAlone = new Map<number, number>();
    const entities = new Map<number, number>();
    story.times = new Map();
    for (const member of story.members) {
      addTf(member.entities.keys.length > 0 ? termsWithEntities : termsAlone, member.terms, normOf(member.terms, termVocabulary));
      addTf(entities, member.entities, normOf(member.entities, entityVocabulary));
      const slot = story.times.get(member.timeKey);
      if (slot) slot.count++;
      else story.times.set(member.timeKey, { time: member.time, count: 1 });
    }
    story.termsWithEntities = sparse(termsWithEntities);
    story.termsAlone = sparse(termsAlone);
    story.entities = sparse(entities);
  }

  function newStory(): IndexedStory {
    created++;
    const story: IndexedStory = {
      id: `s${created}`,
      created,
      members: [],
      termsWithEntities: EMPTY,
      termsAlone: EMPTY,
      entities: EMPTY,
      times: new Map(),
    };
    all.push(story);
    return story;
  }

  function register(member: Member, story: IndexedStory): void {
    for (const key of member.blocking) {
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      // Merged stories leave dead entries: drop them before the list counts as full.
      if (list.length > maxPostings) continue;
      if (list.length === maxPostings) removeDead(list);
      if (!list.includes(story)) list.push(story);
    }
  }

  function blockingOf(terms: SparseVector, entities: SparseVector): number[] {
    return [
      ...heaviest(terms, termVocabulary, blockingKeys).map((key) => key * 2),
      ...heaviest(entities, entityVocabulary, blockingKeys).map((key) => key * 2 + 1),
    ];
  }

  function heaviest(vector: SparseVector, vocabulary: Vocabulary, limit: number): number[] {
    return [...vector.keys]
      .map((key, k) => [key, vector.weights[k]!] as const)
      .sort((a, b) => b[1] - a[1] || cmpNames(vocabulary, a[0], b[0]))
      .slice(0, limit)
      .map(([key]) => key);
  }

  function candidatesOf(blocking: readonly number[]): IndexedStory[] {
    const shared = new Map<IndexedStory, number>();
    for (const key of blocking) {
      const list = postings.get(key);
      if (!list || list.length > maxPostings) continue;
      for (const story of list) if (story.members.length > 0) shared.set(story, (shared.get(story) ?? 0) + 1);
    }
    return [...shared]
      .sort((a, b) => b[1] - a[1] || a[0].created - b[0].created)
      .slice(0, maxCandidates)
      .map(([story]) => story);
  }

  return {
    assign(article: ArticleFeatures): Assignment {
      seen++;
      const existing = created;
      const termCounts = count(article.terms, termVocabulary);
      const entityCounts = count(article.entities, entityVocabulary);
      const terms = vectorOf(termCounts, termVocabulary);
      const entities = vectorOf(entityCounts, entityVocabulary);
      const blocking = blockingOf(terms, entities);
      const candidates = candidatesOf(blocking);
      termScratch = scatter(terms, termVocabulary, termScratch);
      entityScratch = scatter(entities, entityVocabulary, entityScratch);
      const near = candidates
        .map((story) => ({ story, score: score(story, entities.keys.length > 0, article.time) }))
        .filter((c) => c.score >= neighbourThreshold)
        .sort((a, b) => b.score - a.score || a.story.created - b.story.created);
      for (const key of terms.keys) termScratch[key] = 0;
      for (const key of entities.keys) entityScratch[key] = 0;
      const member: Member = {
        id: article.id,
        arrival: seen,
        terms: termCounts,
        entities: entityCounts,
        time: article.time,
        timeKey: timeKeyOf(article.time),
        sketch: article.sketch,
        blocking,
        story: null,
      };
      const best = near[0];
      if (best && best.story.members.length + 1 > maxNeighbourhood) {
        const story = best.score >= linkThreshold ? best.story : newStory();
        return settle(member, [[member, story]], existing, candidates.length, [], best.score >= linkThreshold ? best.score : 0);
      }
      const neighbours: IndexedStory[] = [];
      let size = 1;
      for (const { story } of near) {
        if (size + story.members.length > maxNeighbourhood) continue;
        neighbours.push(story);
        size += story.members.length;
      }
      if (neighbours.length === 0) return settle(member, [[member, newStory()]], existing, candidates.length, [], 0);

      // Ordered by id, as `groupStories` orders a corpus, so that ties fall the same whatever the arrival order.
      const items = [member, ...neighbours.flatMap((s) => s.members)].sort((a, b) =>
        a.id < b.id ? -1 : a.id > b.id ? 1 : a.arrival - b.arrival,
      );
      const { clusters, similarity } = regroupArticles(
        items.map((m): RegroupItem => ({
          terms: m === member ? terms : vectorOf(m.terms, termVocabulary),
          entities: m === member ? entities : vectorOf(m.entities, entityVocabulary),
          time: m.time,
          sketch: m.sketch,
        })),
        regroupOptions,
      );
      const placed = placeClusters(
        clusters.map((c) => c.map((i) => items[i]!)),
        neighbours,
        newStory,
      );
      const self = items.indexOf(member);
      const mine = clusters.find((c) => c.includes(self))!;
      const mean =
        mine.length > 1
          ? mine.reduce((sum, i) => sum + (i === self ? 0 : similarity[self * items.length + i]!), 0) / (mine.length - 1)
          : 0;
      return settle(member, placed.placements, existing, candidates.length, placed.merged, mean);
    },
    stories() {
      return all.filter((s) => s.members.length > 0).map((s) => ({ id: s.id, articles: s.members.map((m) => m.id) }));
    },
  };

  /** Moves members to their stories, refreshes the sums of every story that changed, and says what happened. */
  function settle(
    member: Member,
    placements: readonly (readonly [Member, IndexedStory])[],
    existing: number,
    candidates: number,
    merged: readonly { readonly story: string; readonly into: string }[],
    mean: number,
  ): Assignment {
    const changed = new Set<IndexedStory>();
    const moved: { article: string; from: string; to: string }[] = [];
    const arrivals: Member[] = [];
    for (const [m, story] of placements) {
      if (m.story === story) continue;
      if (m.story !== null) {
        moved.push({ article: m.id, from: m.story.id, to: story.id });
        changed.add(m.story);
      }
      m.story = story;
      changed.add(story);
      arrivals.push(m);
    }
    for (const story of changed) {
      story.members = story.members.filter((m) => m.story === story);
      for (const m of arrivals) if (m.story === story) story.members.push(m);
      story.members.sort((a, b) => a.arrival - b.arrival);
      summarise(story);
    }
    for (const m of arrivals) register(m, m.story!);
    const story = member.story!;
    return { story: story.id, joined: story.created <= existing, score: mean, candidates, merged, moved };
  }
}

/**
 * Which story each regrouped cluster is: every old story goes to the cluster
 * holding most of its articles (the first on ties), and a cluster keeps the
 * id of the oldest story that went to it; the others that went to it are
 * merged into it. A cluster no old story went to (the new article alone, or a
 * part split off) is a new story.
 */
function placeClusters(
  clusters: readonly (readonly Member[])[],
  neighbours: readonly IndexedStory[],
  newStory: () => IndexedStory,
): { placements: [Member, IndexedStory][]; merged: { story: string; into: string }[] } {
  const heirs = clusters.map((): IndexedStory[] => []);
  for (const story of neighbours) {
    let best = 0;
    let bestCount = -1;
    clusters.forEach((cluster, c) => {
      const n = cluster.reduce((sum, m) => sum + (m.story === story ? 1 : 0), 0);
      if (n > bestCount) {
        bestCount = n;
        best = c;
      }
    });
    heirs[best]!.push(story);
  }
  const placements: [Member, IndexedStory][] = [];
  const merged: { story: string; into: string }[] = [];
  clusters.forEach((cluster, c) => {
    const [keep, ...rest] = heirs[c]!.sort((a, b) => a.created - b.created);
    const story = keep ?? newStory();
    for (const other of rest) merged.push({ story: other.id, into: story.id });
    for (const m of cluster) placements.push([m, story]);
  });
  return { placements, merged };
}

const EMPTY: SparseVector = { keys: new Int32Array(0), weights: new Float64Array(0) };

function dot(dense: Float64Array, sums: SparseVector): number {
  let total = 0;
  for (let k = 0; k < sums.keys.length; k++) total += dense[sums.keys[k]!]! * sums.weights[k]!;
  return total;
}

function sparse(map: ReadonlyMap<number, number>): SparseVector {
  const keys = new Int32Array(map.size);
  const weights = new Float64Array(map.size);
  let k = 0;
  for (const [key, weight] of map) {
    keys[k] = key;
    weights[k++] = weight;
  }
  return { keys, weights };
}

/** Adds TF over the TF-IDF norm: IDF is applied when a new article is scored, fresh for that key. */
function addTf(sums: Map<number, number>, counts: Counts, norm: number): void {
  if (norm === 0) return;
  for (let k = 0; k < counts.keys.length; k++) sums.set(counts.keys[k]!, (sums.get(counts.keys[k]!) ?? 0) + counts.tf[k]! / norm);
}

function removeDead(list: IndexedStory[]): void {
  let kept = 0;
  for (const story of list) if (story.members.length > 0) list[kept++] = story;
  list.length = kept;
}

function timeKeyOf(time: TimePoint | null): string {
  return time ? `${time.published} ${time.periods.map((p) => `${p.from}-${p.to}`).join(',')}` : '';
}

function cmpNames(vocabulary: Vocabulary, a: number, b: number): number {
  const x = vocabulary.names[a]!;
  const y = vocabulary.names[b]!;
  return x < y ? -1 : x > y ? 1 : 0;
}
