import type { Doc, Quote } from '../model/doc.js';
import type { Evidence } from '../model/span.js';
import type { StageContext, StoryStage } from '../model/stage.js';
import type { Copy, Corpus, StoryQuote } from '../model/story.js';
import { countIndependentSources } from './story/count-independent-sources.js';
import { mapStories } from './story/map-stories.js';
import { jaccard, words } from './story/term-vectors.js';

export interface MergeQuotesOptions {
  /** Word Jaccard from which two wordings are one quote. */
  sameQuote?: number;
  /** Fewest words a wording needs to be matched as part of a longer one. */
  minContainedWords?: number;
  /**
   * Share of the shorter wording's words found in the same order in the longer
   * one from which two wordings are one quote: outlets tidy a tense or add a
   * clause ("have come" / "came ..., and they did"), which Jaccard punishes twice.
   */
  sameOrder?: number;
}

interface Carried {
  readonly doc: Doc;
  readonly quote: Quote;
  readonly text: string;
  readonly words: readonly string[];
  readonly wordSet: ReadonlySet<string>;
}

/**
 * Per story, the same quote carried by several outlets becomes one StoryQuote:
 * wordings merge when their words overlap enough or one is a run of the
 * other's words (an outlet quoting part of a sentence), unless both have a
 * resolved speaker and the speakers differ. Each quote counts its independent
 * sources: an outlet's copy of another carries the quote without confirming it.
 */
export function mergeQuotes({ sameQuote = 0.6, minContainedWords = 4, sameOrder = 0.8 }: MergeQuotesOptions = {}): StoryStage {
  return {
    kind: 'story',
    name: 'merge-quotes',
    version: '1',
    requires: ['stories', 'quotes'],
    provides: ['stories'],
    run(corpus: Corpus, _ctx: StageContext): Corpus {
      return mapStories(corpus, (story, docs) => {
        const carried = docs.flatMap((doc) =>
          doc.quotes.map((quote) => {
            const text = unquote(quote.text);
            const list = words(text);
            return { doc, quote, text, words: list, wordSet: new Set(list) };
          }),
        );
        return {
          ...story,
          quotes: groupWordings(carried, { sameQuote, minContained: minContainedWords, sameOrder })
            .map((group) => toStoryQuote(group, story.copies))
            // Widely confirmed quotes first, then widely carried; sort is stable, so text order breaks ties.
            .sort(
              (a, b) =>
                (b.independentSources ?? 0) - (a.independentSources ?? 0) || b.articles.length - a.articles.length,
            ),
        };
      });
    },
  };
}

/** The quote without the quotation marks and punctuation around it. */
function unquote(text: string): string {
  return text
    .replace(/^[\s"“”„«»‘’'`]+/u, '')
    .replace(/[\s"“”„«»‘’'`]+$/u, '')
    .replace(/[\s,;:]+$/u, '')
    .replace(/\s+/g, ' ');
}

interface Likeness {
  readonly sameQuote: number;
  readonly minContained: number;
  readonly sameOrder: number;
}

function groupWordings(carried: readonly Carried[], likeness: Likeness): Carried[][] {
  const groups: Carried[][] = [];
  for (const item of carried) {
    if (item.words.length === 0) continue;
    const group = groups.find(
      (g) =>
        g.every((other) => compatibleSpeakers(item.quote, other.quote)) &&
        g.some((other) => sameWording(item, other, likeness)),
    );
    if (group) group.push(item);
    else groups.push([item]);
  }
  return groups;
}

function compatibleSpeakers(a: Quote, b: Quote): boolean {
  return a.speaker === null || b.speaker === null || a.speaker === b.speaker;
}

function sameWording(a: Carried, b: Carried, { sameQuote, minContained, sameOrder }: Likeness): boolean {
  if (jaccard(a.wordSet, b.wordSet) >= sameQuote) return true;
  const [short, long] = a.words.length <= b.words.length ? [a.words, b.words] : [b.words, a.words];
  if (short.length < minContained) return false;
  if (` ${long.join(' ')} `.includes(` ${short.join(' ')} `)) return true;
  // Beyond twice the length the longer wording is another sentence that happens to hold these words.
  return long.length <= 2 * short.length && commonSubsequence(short, long) >= sameOrder * short.length;
}

/** Length of the longest common subsequence of two word lists. */
export function commonSubsequence(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const word of a) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 0; j < b.length; j++) row[j + 1] = word === b[j] ? previous[j]! + 1 : Math.max(previous[j + 1]!, row[j]!);
    previous = row;
  }
  return previous[b.length]!;
}

function toStoryQuote(group: readonly Carried[], copies: readonly Copy[] | undefined): StoryQuote {
  const byText = new Map<string, string[]>();
  for (const item of group) byText.set(item.text, [...new Set([...(byText.get(item.text) ?? []), item.doc.id])]);
  // The wording most outlets carry, else the fullest one.
  const variants = [...byText.entries()]
    .map(([text, articles]) => ({ text, articles }))
    .sort((a, b) => b.articles.length - a.articles.length || b.text.length - a.text.length || (a.text < b.text ? -1 : 1));
  const speaker = mostCommon(group.map((item) => item.quote.speaker));
  // With no entity to name, the source as the outlets wrote it ("a senior official") and its kind still tell the reader something.
  const unnamed = speaker === null ? mostCommon(group.map((item) => item.quote.speakerText?.trim() || null)) : null;
  const sourceKind = mostCommon(group.map((item) => item.quote.sourceKind ?? null));
  const evidence: Evidence[] = group.map((item) => ({ article: item.doc.id, start: item.quote.start, end: item.quote.end }));
  const articles = [...new Set(group.map((item) => item.doc.id))];
  return {
    text: variants[0]!.text,
    speaker,
    ...(unnamed ? { speakerText: unnamed } : {}),
    ...(sourceKind ? { sourceKind } : {}),
    articles,
    variants,
    evidence,
    independentSources: countIndependentSources(articles, copies),
  };
}

/** The value most items have, ties to the first in sort order; null when none has one. */
function mostCommon<T extends string>(values: readonly (T | null)[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
}
