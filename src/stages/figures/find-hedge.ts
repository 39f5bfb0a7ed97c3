import type { Span } from '../../model/index.js';

/** Words that say a figure is not established, as written. */
export interface Hedge {
  readonly text: string;
  readonly span: Span;
}

// Longest first: "could not be independently verified" before "verified"-free words.
const HEDGE =
  /\b(?:could not be (?:independently )?(?:verified|confirmed)|(?:initial|early|preliminary|provisional|unofficial) (?:estimates?|reports?|figures?|results?|counts?|data)|unconfirmed|unverified|preliminary|provisional|reportedly|allegedly|purportedly)\b/i;

/**
 * The hedge of a sentence's figures ("unconfirmed reports", "reportedly",
 * "a figure that could not be independently verified"): a sentence hedges all
 * the figures it gives. The first adjective of a two-word hedge is kept alone
 * when it is the qualifier itself ("preliminary figures show" gives "preliminary").
 */
export function findHedge(text: string, sentence: Span): Hedge | null {
  const body = text.slice(sentence.start, sentence.end);
  const m = HEDGE.exec(body);
  if (!m) return null;
  const single = /^(preliminary|provisional) /i.exec(m[0]);
  const words = single ? single[1]! : m[0];
  const start = sentence.start + m.index;
  return { text: words.toLowerCase(), span: { start, end: start + words.length } };
}
