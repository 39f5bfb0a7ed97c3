import type { Figure } from '../../model/doc.js';
import { contentWords, jaccard } from './term-vectors.js';

/** A figure as one article gives it. */
export interface Reported {
  readonly article: string;
  readonly figure: Figure;
}

/**
 * Figures of several articles that count the same thing: same unit and
 * similar `about` words (plural-folded content words). Figures with no `about`
 * are left out: a bare number cannot be aligned with any confidence.
 */
export function alignFigures(reported: readonly Reported[], minSimilarity = 0.5): Reported[][] {
  const groups: { unit: string; words: Set<string>[]; members: Reported[] }[] = [];
  for (const item of reported) {
    const words = new Set(contentWords(item.figure.about ?? ''));
    if (words.size === 0) continue;
    const unit = (item.figure.unit ?? '').toLowerCase();
    const group = groups.find((g) => g.unit === unit && g.words.some((w) => jaccard(w, words) >= minSimilarity));
    if (group) {
      group.words.push(words);
      group.members.push(item);
    } else groups.push({ unit, words: [words], members: [item] });
  }
  return groups.map((g) => g.members);
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
}

function intervalOf(figure: Figure, tolerance: number): Interval {
  const q = (figure.qualifier ?? '').trim();
  const high = figure.high ?? figure.value;
  if (LOWER.test(q)) return { low: figure.value, high: Infinity, approximate: false };
  if (UPPER.test(q)) return { low: -Infinity, high: figure.value, approximate: false };
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
  // Strict bounds ("more than 240") exclude the bound itself; equal ends only meet for exact values.
  return low < high || (low === high && intervals.every((i) => i.low === i.high || (i.low !== low && i.high !== high)));
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
