/** How words, entities and time make one similarity: the same in `groupStories` and `createStoryIndex`. */
export interface StorySimilarityOptions {
  /** Share of the similarity given to shared entities (the rest: shared key terms). */
  entityWeight?: number;
  /** Days apart before the time penalty starts: follow-ups a few days later stay in. */
  graceDays?: number;
  /** Days between publication dates over which the similarity of two articles falls by a factor e. */
  dayScale?: number;
  /**
   * The same for articles known only by the dates they mention: a weaker signal
   * (background dates, anniversaries), so a slower fall. 365 measured best on
   * ECB+ topics 1-35 (B3 F1 0.879, vs 0.871 with 30 and 0.876 with no penalty).
   * Counting years written alone ("in 2011") as periods raised it from 0.865 to
   * 0.896-0.901: ECB+ pairs two instances of one kind of event years apart, and
   * often a bare year is the only date a report gives.
   */
  mentionDayScale?: number;
}

/**
 * Key-term similarity mixed with entity similarity by `entityWeight`;
 * `entities` is null when a side names no entity, and the words count alone.
 */
export function mixEntities(words: number, entities: number | null, entityWeight: number): number {
  return entities === null ? words : (1 - entityWeight) * words + entityWeight * entities;
}

/**
 * The similarity of two articles: above 1 for a copy (`copy`, the share that
 * made it one, 0 for none), so that copies always end in one story; else
 * key terms mixed with entities, damped by `time` (`timeFactor`).
 */
export function pairSimilarity(
  copy: number,
  words: () => number,
  entities: () => number | null,
  time: number,
  entityWeight: number,
): number {
  return copy > 0 ? 1 + copy : mixEntities(words(), entities(), entityWeight) * time;
}
