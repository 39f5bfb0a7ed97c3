/** The values a figure allows; null marks an open end. */
export interface Interval {
  readonly low: number | null;
  readonly high: number | null;
}

// The same reading as the story stage's align-figures, so that an interval is what discrepancy detection compares.
const LOWER = /^(?:more than|over|above|at least|upwards of|in excess of|no fewer than|no less than|well over|just over)$/;
const UPPER = /^(?:less than|fewer than|under|below|up to|at most|no more than|as many as|just under)$/;
const APPROX = /^(?:about|around|approximately|roughly|some|nearly|almost|close to|an estimated|estimated)$/;
/** How much a vague approximation may stray either way ("about 300": 270 to 330). */
const APPROX_TOLERANCE = 0.1;
const VAGUE_UNIT: Readonly<Record<string, number>> = {
  'dozens of': 12, 'scores of': 20, 'hundreds of': 100, 'thousands of': 1000, 'tens of thousands of': 10_000, 'hundreds of thousands of': 100_000, 'millions of': 1e6, 'billions of': 1e9,
};

/**
 * What a qualified figure means as an interval: "more than 300" is [300, open),
 * "up to 40" (open, 40], "about 300" [270, 330], "hundreds of" at least two and
 * fewer than ten hundreds. A figure without a qualifier is exact, or its range.
 */
export function qualifierInterval(value: number, qualifier: string | null, high?: number): Interval {
  const q = (qualifier ?? '').toLowerCase();
  const unit = VAGUE_UNIT[q];
  if (unit !== undefined) return { low: 2 * unit, high: 10 * unit - 1 };
  if (LOWER.test(q)) return { low: value, high: null };
  if (UPPER.test(q)) return { low: null, high: value };
  if (APPROX.test(q)) return { low: round(value * (1 - APPROX_TOLERANCE)), high: round((high ?? value) * (1 + APPROX_TOLERANCE)) };
  return { low: value, high: high ?? value };
}

// Keeps 270 from printing as 270.00000000000006.
function round(n: number): number {
  return Number(n.toPrecision(12));
}
