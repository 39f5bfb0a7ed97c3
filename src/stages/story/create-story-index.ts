import type { Doc } from '../../model/doc.js';
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
}

export interface StoryIndexOptions extends StorySimilarityOptions {
  /**
   * Mean similarity to a story's articles from which a new article joins it
   * (average link, as in `groupStories`). The batch stage's 0.2: on ECB+
   * topics 1-35 a sweep of 0.12-0.3 gave B3 F1 0.863, 0.848, 0.856, 0.855,
   * 0.855, 0.847 (0.2), 0.791, 0.708: no steady gain below it worth a second constant.
   */
  linkThreshold?: number;
  /**
   * Mean similarity from which an article joins a story of more than
   * `fragmentSize` articles: the online form of `groupStories`' fragment
   * attachment (an established story's mean is a steadier guide than one
   * article's). Three quarters of the link threshold, not the batch's half:
   * online a wrong early join drags later articles along. On ECB+ topics 1-35
   * (arrival order / mean of 5 shuffles / worst shuffle): off 0.838/0.850/0.840,
   * 0.1 0.868/0.840/0.806, 0.15 0.853/0.855/0.846.
   */
  attachThreshold?: number;
  /** Articles a story needs beyond which `attachThreshold` applies to it. */
  fragmentSize?: number;
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
  /** Candidates scored in full, those sharing the most keys with the article first: bounds the cost of one assignment. */
  maxCandidates?: number;
}

/** Where one article went. */
export interface Assignment {
  readonly story: string;
  /** false: the article started a new story. */
  readonly joined: boolean;
  /** Its mean similarity to the story it joined (0 for a new story). */
  readonly score: number;
  /** Stories compared with it after blocking. */
  readonly candidates: number;
}

export interface StoryIndex {
  /** Puts the article in the story it is most like, or in a new one; returns where. */
  assign(article: ArticleFeatures): Assignment;
  /** Stories so far, in order of creation, with their articles in order of arrival. */
  stories(): { readonly id: string; readonly articles: readonly string[] }[];
}

/** The features of a processed Doc (after entity resolution, which fills mention entity ids). */
export function articleFeatures(doc: Doc): ArticleFeatures {
  return {
    id: doc.id,
    terms: contentWords(`${doc.title ?? ''}\n${doc.text}`),
    entities: doc.mentions.map((m) => m.entity).filter((e): e is string => e !== null),
    time: timeOf(doc),
  };
}

interface Weighted {
  /** 1 + log(term frequency), before IDF. */
  readonly weights: ReadonlyMap<string, number>;
  /** Norm of the TF-IDF vector when the article arrived. */
  readonly norm: number;
  /** Each key with its TF-IDF weight times its IDF, over the norm: what a story's sum is multiplied by. */
  readonly factors: readonly (readonly [string, number])[];
}

interface IndexedStory {
  readonly id: string;
  readonly articles: string[];
  /** Sums over member articles of their weights divided by their norm: average link against a centroid. */
  readonly termsWithEntities: Map<string, number>;
  readonly termsAlone: Map<string, number>;
  readonly entities: Map<string, number>;
  /** Distinct member times (most members of a story share a date) and how many members have each. */
  readonly times: Map<string, { readonly time: TimePoint | null; count: number }>;
}

/**
 * An online counterpart of `groupStories`: articles arrive one at a time and
 * each joins the story whose articles it is most like on average, or starts
 * one (a story of more than `fragmentSize` articles takes it from the lower
 * `attachThreshold`). Similarity is the batch stage's (TF-IDF cosine of key terms mixed with
 * entities, damped by time distance) against per-story sums, so one
 * comparison costs the size of the article, not of the story; IDF is that of
 * the articles seen so far. Candidate stories come from an inverted index of
 * each article's heaviest keys, so an assignment compares with a bounded
 * number of stories rather than all of them. Near-duplicate containment is
 * not used here: it needs every article's shingles.
 *
 * The index holds state by design: it is the thing an ingest loop keeps
 * between articles. Assignments depend on arrival order; ties go to the
 * oldest story, so one order always gives one result.
 */
export function createStoryIndex({
  linkThreshold = 0.2,
  attachThreshold = linkThreshold * 0.75,
  fragmentSize = 3,
  entityWeight = 0.3,
  graceDays = 7,
  dayScale = 30,
  mentionDayScale = 365,
  blockingKeys = 12,
  maxPostings = 200,
  maxCandidates = 30,
}: StoryIndexOptions = {}): StoryIndex {
  const termFrequency = new Map<string, number>();
  const entityFrequency = new Map<string, number>();
  let seen = 0;
  const all: IndexedStory[] = [];
  const postings = new Map<string, number[]>();

  const idf = (df: ReadonlyMap<string, number>, key: string): number => Math.log((1 + seen) / (1 + (df.get(key) ?? 0))) + 1;

  /** Counts the article in the document frequencies first, as the batch stage's IDF counts every article. */
  function weigh(list: readonly string[], df: Map<string, number>): Weighted {
    const counts = new Map<string, number>();
    for (const key of list) counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const key of counts.keys()) df.set(key, (df.get(key) ?? 0) + 1);
    const weights = new Map<string, number>();
    const idfs: number[] = [];
    let sum = 0;
    for (const [key, count] of counts) {
      const w = 1 + Math.log(count);
      const keyIdf = idf(df, key);
      weights.set(key, w);
      idfs.push(keyIdf);
      sum += (w * keyIdf) ** 2;
    }
    const norm = Math.sqrt(sum);
    const factors = norm === 0 ? [] : [...weights].map(([key, w], i) => [key, (w * idfs[i]! ** 2) / norm] as const);
    return { weights, norm, factors };
  }

  /** Σ over the article's keys of its TF-IDF weight times the story's sum, IDF applied to the story side too. */
  function dot(article: Weighted, sums: ReadonlyMap<string, number>): number {
    if (sums.size === 0) return 0;
    let total = 0;
    for (const [key, factor] of article.factors) {
      const other = sums.get(key);
      if (other !== undefined) total += factor * other;
    }
    return total;
  }

  function keysOf(article: Weighted, df: ReadonlyMap<string, number>, prefix: string): string[] {
    return [...article.weights]
      .map(([key, w]) => [key, w * idf(df, key)] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, blockingKeys)
      .map(([key]) => prefix + key);
  }

  function score(story: IndexedStory, terms: Weighted, entities: Weighted, time: TimePoint | null): number {
    const words = dot(terms, story.termsAlone);
    const wordsBeside = dot(terms, story.termsWithEntities);
    const shared = mixEntities(wordsBeside, entities.norm > 0 ? dot(entities, story.entities) : null, entityWeight);
    let damping = 0;
    for (const { time: other, count } of story.times.values()) damping += count * timeFactor(time, other, graceDays, dayScale, mentionDayScale);
    const size = story.articles.length;
    return ((words + shared) / size) * (damping / size);
  }

  function add(sums: Map<string, number>, article: Weighted): void {
    if (article.norm === 0) return;
    for (const [key, w] of article.weights) sums.set(key, (sums.get(key) ?? 0) + w / article.norm);
  }

  return {
    assign(article: ArticleFeatures): Assignment {
      seen++;
      const terms = weigh(article.terms, termFrequency);
      const entities = weigh(article.entities, entityFrequency);
      const keys = [...keysOf(terms, termFrequency, 't:'), ...keysOf(entities, entityFrequency, 'e:')];
      const shared = new Map<number, number>();
      for (const key of keys) {
        const list = postings.get(key);
        if (list && list.length <= maxPostings) for (const s of list) shared.set(s, (shared.get(s) ?? 0) + 1);
      }
      const candidates = [...shared]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, maxCandidates)
        .map(([s]) => s)
        .sort((a, b) => a - b);
      let best = -1;
      let bestScore = -Infinity;
      for (const s of candidates) {
        const story = all[s]!;
        const value = score(story, terms, entities, article.time);
        // Measured against the bar each story sets, so a fragment's better score does not hide an established story's sufficient one.
        const bar = story.articles.length > fragmentSize ? attachThreshold : linkThreshold;
        if (value >= bar && value > bestScore) {
          bestScore = value;
          best = s;
        }
      }
      const joined = best >= 0;
      if (!joined) {
        best = all.length;
        all.push({
          id: `s${all.length + 1}`,
          articles: [],
          termsWithEntities: new Map(),
          termsAlone: new Map(),
          entities: new Map(),
          times: new Map(),
        });
      }
      const story = all[best]!;
      story.articles.push(article.id);
      add(entities.norm > 0 ? story.termsWithEntities : story.termsAlone, terms);
      add(story.entities, entities);
      const timeKey = article.time ? `${article.time.published} ${article.time.periods.map((p) => `${p.from}-${p.to}`).join(',')}` : '';
      const slot = story.times.get(timeKey);
      if (slot) slot.count++;
      else story.times.set(timeKey, { time: article.time, count: 1 });
      for (const key of keys) {
        const list = postings.get(key);
        if (!list) postings.set(key, [best]);
        // A list past the cap is never read again, so it need not grow (nor be searched).
        else if (list.length <= maxPostings && !list.includes(best)) list.push(best);
      }
      return { story: story.id, joined, score: joined ? bestScore : 0, candidates: candidates.length };
    },
    stories() {
      return all.map((s) => ({ id: s.id, articles: [...s.articles] }));
    },
  };
}
