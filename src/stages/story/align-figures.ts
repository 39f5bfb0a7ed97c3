import type { Figure } from '../../model/doc.js';
import { contentWords, stem } from './term-vectors.js';

/** A figure as one article gives it. */
export interface Reported {
  readonly article: string;
  readonly figure: Figure;
  /** The article's publication date (YYYY-MM-DD), when known: later reports may update a count. */
  readonly published?: string | null;
}

/**
 * What happened to what is counted, in the words news reports use for it.
 * "41 people died" and "the death toll" count one thing; "41 people died" and
 * "212 people were rescued" do not, though both count people. Checked in this
 * order: "survivors rescued" is about the rescued, "missing, feared dead"
 * about the missing.
 */
const OUTCOMES: readonly (readonly [string, RegExp])[] = [
  ['missing', /\b(?:missing|unaccounted)\b/],
  ['rescued', /\b(?:rescued|saved|survived|survivors?|pulled (?:out )?alive)\b/],
  ['injured', /\b(?:injured|wounded|hurt|injuries|hospitali[sz]ed)\b/],
  ['dead', /\b(?:died|dies|dead|deaths?|killed|perished|drowned|fatalit(?:y|ies)|toll|lost (?:their|his|her) lives?|lives lost|bodies)\b/],
  ['displaced', /\b(?:displaced|fled|evacuated|homeless|uprooted)\b/],
  ['arrested', /\b(?:arrested|detained)\b/],
  ['aboard', /\b(?:on board|aboard|onboard)\b/],
];
/** Heads that say nothing about what is counted: "people" needs its outcome. */
const GENERIC = new Set(['people', 'person', 'individual', 'other', 'one', 'those']);
/** Heads that are the outcome itself: "the death toll", "survivors". */
const OUTCOME_NOUNS = new Set(['toll', 'death', 'dead', 'fatality', 'casualty', 'survivor', 'victim', 'body', 'injury']);
/** Time spans rarely measure the same thing twice ("three days of mourning", "two days"): they align only word for word. */
const TIME = new Set(['second', 'minute', 'hour', 'day', 'night', 'week', 'month', 'year', 'decade']);

/** What a figure counts, reduced for comparison across articles. */
interface Quantity {
  readonly unit: string;
  /** Stemmed head noun; null when generic or naming the outcome itself. */
  readonly head: string | null;
  readonly outcome: string | null;
  readonly predicate: string | null;
  /** Stemmed content words of `about`, for time spans. */
  readonly words: string;
}

/**
 * Figures of several articles that count the same thing: same unit, same
 * head noun, and no clash in what happened to it ("people died" vs "people
 * rescued"). Figures with no `about` are left out: a bare number cannot be
 * aligned with any confidence. A figure joins the first group holding a
 * member it matches.
 */
export function alignFigures(reported: readonly Reported[]): Reported[][] {
  const groups: { quantities: Quantity[]; members: Reported[] }[] = [];
  for (const item of reported) {
    const quantity = quantityOf(item.figure);
    if (!quantity) continue;
    const group = groups.find((g) => g.quantities.some((q) => sameQuantity(q, quantity)));
    if (group) {
      group.quantities.push(quantity);
      group.members.push(item);
    } else groups.push({ quantities: [quantity], members: [item] });
  }
  return groups.map((g) => g.members);
}

/** The outcome class a figure's predicate, else its `about`, names; null when none. */
export function outcomeOf(figure: Figure): string | null {
  for (const text of [figure.predicate, figure.about]) {
    const lower = (text ?? '').toLowerCase();
    const found = OUTCOMES.find(([, pattern]) => pattern.test(lower));
    if (found) return found[0];
  }
  return null;
}

function quantityOf(figure: Figure): Quantity | null {
  const words = contentWords(figure.about ?? '');
  if (words.length === 0) return null;
  // Figures built before `head` existed (or by hand) fall back on the first word of `about`.
  const rawHead = figure.head === undefined ? words[0]! : figure.head === null ? null : stem(figure.head.toLowerCase());
  const head = rawHead === null || GENERIC.has(rawHead) || OUTCOME_NOUNS.has(rawHead) ? null : rawHead;
  return {
    unit: (figure.unit ?? '').toLowerCase(),
    head,
    outcome: outcomeOf(figure),
    predicate: figure.predicate?.toLowerCase() ?? null,
    words: [...new Set(words)].sort().join(' '),
  };
}

function sameQuantity(a: Quantity, b: Quantity): boolean {
  if (a.unit !== b.unit) return false;
  // "three days" alone says nothing of what lasted them.
  if ((a.head !== null && TIME.has(a.head)) || (b.head !== null && TIME.has(b.head))) return a.words === b.words && a.words.includes(' ');
  if (a.outcome !== null && b.outcome !== null) return a.outcome === b.outcome && (a.head === null || b.head === null || a.head === b.head);
  // One outcome only: "hostages freed" may be "hostages", but "people" without an outcome says too little.
  if (a.head === null || b.head === null) return a.head === b.head && a.outcome === b.outcome && a.predicate !== null && a.predicate === b.predicate;
  return a.head === b.head;
}

export type ValueKind = 'compatible' | 'rounding' | 'conflict';

const LOWER = /^(more than|over|above|at least|upwards of|in excess of|no fewer than|no less than|>|≥)$/i;
const UPPER = /^(less than|fewer than|under|below|up to|at most|no more than|as many as|<|≤)$/i;
const APPROX =
  /^(about|around|approximately|roughly|some|nearly|almost|close to|an estimated|estimated|circa|c\.|~|more or less)$/i;

interface Interval {
  readonly low: number;
  readonly high: number;
  readonly approximate: boolean;
  /** The bound itself is allowed: "at least 30" holds 30, "more than 30" does not. */
  readonly inclusive?: boolean;
}

const INCLUSIVE = /^(at least|no fewer than|no less than|up to|at most|no more than|as many as|≥|≤)$/i;

function intervalOf(figure: Figure, tolerance: number): Interval {
  const q = (figure.qualifier ?? '').trim();
  const high = figure.high ?? figure.value;
  if (LOWER.test(q)) return { low: figure.value, high: Infinity, approximate: false, inclusive: INCLUSIVE.test(q) };
  if (UPPER.test(q)) return { low: -Infinity, high: figure.value, approximate: false, inclusive: INCLUSIVE.test(q) };
  if (APPROX.test(q)) return { low: figure.value * (1 - tolerance), high: high * (1 + tolerance), approximate: true };
  return { low: figure.value, high, approximate: false };
}

/**
 * How differing values of one quantity relate. Compatible: some single value
 * satisfies every bound ("more than 240" and 253). Rounding: they fit together
 * once approximate values get `tolerance` either way ("about 1,200" and 1,139),
 * or one is the other rounded (1,100 and 1,139). Otherwise a conflict.
 */
export function classifyValues(figures: readonly Figure[], tolerance = 0.1): ValueKind {
  const exact = figures.map((f) => intervalOf(f, 0));
  if (intersects(exact)) return 'compatible';
  const loose = figures.map((f) => intervalOf(f, tolerance));
  if (loose.some((i) => i.approximate) && intersects(loose)) return 'rounding';
  const values = [...new Set(figures.map((f) => f.value))];
  if (values.length === 2 && isRoundingOf(values[0]!, values[1]!, tolerance)) return 'rounding';
  return 'conflict';
}

function intersects(intervals: readonly Interval[]): boolean {
  const low = Math.max(...intervals.map((i) => i.low));
  const high = Math.min(...intervals.map((i) => i.high));
  // Strict bounds ("more than 240") exclude the bound itself; equal ends meet for exact values and inclusive bounds.
  return low < high || (low === high && intervals.every((i) => i.low === i.high || i.inclusive === true || (i.low !== low && i.high !== high)));
}

/**
 * Whether the rounder of two values is the other rounded to its last non-zero
 * digit (1,100 ~ 1,139), and close to it: 1,000 for 1,400 is too coarse to be
 * read as the same report.
 */
function isRoundingOf(a: number, b: number, tolerance: number): boolean {
  if (Math.abs(a - b) > tolerance * Math.max(Math.abs(a), Math.abs(b))) return false;
  const [round, other] = trailingZeros(a) >= trailingZeros(b) ? [a, b] : [b, a];
  const zeros = trailingZeros(round);
  if (zeros === 0) return false;
  const step = 10 ** zeros;
  return Math.round(other / step) * step === round;
}

function trailingZeros(value: number): number {
  if (!Number.isInteger(value) || value === 0) return 0;
  let n = 0;
  for (let v = Math.abs(value); v % 10 === 0; v /= 10) n++;
  return n;
}
