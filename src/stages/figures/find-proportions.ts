import { NUMBER_WORD_PATTERN, parseNumber } from './parse-number.js';

/**
 * How the thing a proportion is taken of is read:
 * - `after`: the noun phrase after it, determiner kept ("a quarter of the crew", "one in four homes", "twice the amount");
 * - `as-many`: the noun after "as many"/"as much" ("three times as many engines");
 * - `change`: the noun after "a threefold rise in", else the clause's subject ("prices rose tenfold");
 * - `verb`: a multiplying verb's object ("tripled its workforce"), else its subject ("arrests doubled");
 * - `ratio`: the compound naming the ratio ("a nurse-to-patient ratio of 1:8").
 */
export type ProportionReading = 'after' | 'as-many' | 'change' | 'verb' | 'ratio';

/** A fraction, multiplier or ratio, offsets relative to the text searched. */
export interface ProportionMatch {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly unit: 'fraction' | 'times' | 'ratio';
  readonly reading: ProportionReading;
}

const ORDINAL_PARTS: Readonly<Record<string, number>> = {
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fifth: 5,
  fifths: 5,
  sixth: 6,
  sixths: 6,
  seventh: 7,
  sevenths: 7,
  eighth: 8,
  eighths: 8,
  ninth: 9,
  ninths: 9,
  tenth: 10,
  tenths: 10,
};
const PART = '(?:third|quarter|fifth|sixth|seventh|eighth|ninth|tenth)';
const PARTS = '(?:halves|thirds|quarters|fifths|sixths|sevenths|eighths|ninths|tenths)';
const COUNT = `(?:\\d{1,3}(?:,\\d{3})+|\\d+|${NUMBER_WORD_PATTERN})`;
const SMALL_WORD = '(?:two|three|four|five|six|seven|eight|nine|ten)';
// A determiner or possessive that opens the noun phrase a share is taken of ("half the staff", "twice its size").
const OPENS_PHRASE = '(?:the|its|their|his|her|our|these|those)\\b';
// Units of time or distance after "a quarter of an" or "three in ten": a span, not a share of anything counted.
const SPAN_UNIT =
  /^\s+(?:an?\s+)?(?:hours?|minutes?|seconds?|days?|weeks?|months?|years?|decades?|centur(?:y|ies)|miles?|kilometres?|kilometers?|metres?|meters?|inch(?:es)?|feet|foot)\b/i;

// "a quarter of", "one third of", "two-thirds of", "three quarters of": a written fraction needs "of" after it;
// "a third ferry" is an ordinal.
const PART_OF = new RegExp(`\\b(?:(a|one)[-\\s](${PART})|(${SMALL_WORD})[-\\s](${PARTS}))(?=\\s+of\\s)`, 'gi');
// "half of the 300 passengers", "half the staff"; not "half past nine", "half-built", "the second half of the race".
const HALF = new RegExp(`(?<![-\\w])half(?=\\s+(?:of\\s|${OPENS_PHRASE}))`, 'gi');
const HALF_IS_A_PERIOD = /\b(?:the|first|second|latter|former|other|final|opening|closing)\s+$|'s\s+$/i;
// "rose by a third", "cut by half": a change by a share of what changed.
const BY_PART = new RegExp(`(?<=\\bby\\s+)(?:(?:a|one)[-\\s](${PART})|(half))\\b(?![-\\s]+(?:of|an?|past|to)\\b)`, 'gi');
// "one in four homes", "nine out of 10 shops".
const N_IN_M = new RegExp(`(?<![\\w.,-])(${COUNT})\\s+(?:in|out\\s+of)\\s+(${COUNT})(?![\\w,.]\\d|[\\w-])`, 'gi');
// "three times as many", "ten times the annual profit", "twice the amount", "four times higher".
const TIMES = new RegExp(
  `(?<![\\w.,-])(?:(${COUNT}|\\d+\\.\\d+)\\s+times|(twice|thrice))(?=\\s+(?:as\\s+(?:many|much)\\b|${OPENS_PHRASE}|that\\b|what\\b|more\\b|higher\\b|larger\\b|bigger\\b|greater\\b|faster\\b|lower\\b|smaller\\b))`,
  'gi',
);
// "tenfold", "a threefold rise", "a 12-fold increase".
const FOLD = new RegExp(`\\b(?:(${NUMBER_WORD_PATTERN}|hundred|thousand)|(\\d+(?:\\.\\d+)?)-)fold\\b`, 'gi');
// "doubled", "has tripled", "halving", "could double"; not "doubled as a shelter", "doubled down", "a double murder".
const VERB =
  /\b(?:(doubl|tripl|trebl|quadrupl|halv)(?:ed|ing)|(?<=\b(?:to|will|would|could|may|might|can|should)\s+)(doubl|tripl|trebl|quadrupl|halv)e)\b(?!\s+(?:as|down|up|over|back)\b)/gi;
const VERB_VALUE: Readonly<Record<string, number>> = { doubl: 2, tripl: 3, trebl: 3, quadrupl: 4, halv: 0.5 };
// "a ratio of 1:8", "a staff-to-child ratio of one to four", "a ratio of three-to-one".
const RATIO = new RegExp(`\\bratio\\s+of\\s+(${COUNT}|\\d+\\.\\d+)(?:\\s*:\\s*|\\s+to\\s+|-to-)(${COUNT}|\\d+\\.\\d+)\\b`, 'gi');

/**
 * Fractions ("a quarter of", "two-thirds of", "one in five"), multipliers
 * ("three times as many", "twice the", "tenfold", "doubled") and ratios ("a
 * ratio of 1:8") in `body`.
 *
 * Values are chosen so that two outlets writing the same proportion
 * differently give the same number, and the unit keeps them from being
 * compared with counts: a fraction is the share itself (a quarter = 0.25,
 * "one in five" = 0.2, unit `fraction`); a multiplier is the factor ("three
 * times", "threefold", "tripled" = 3; "halved" = 0.5; unit `times`); a ratio
 * "A:B" or "A to B" is A / B (1:8 = 0.125, unit `ratio`), so "1:4" and "one to
 * four" agree. A rate per one ("three prisoners for each hostage") is left to
 * the count reader: its number already is the rate, and what it is per stays
 * in `about`.
 */
export function findProportions(body: string): ProportionMatch[] {
  const out: ProportionMatch[] = [];
  const push = (match: ProportionMatch) => {
    if (!out.some((o) => o.start < match.end && match.start < o.end)) out.push(match);
  };
  for (const m of body.matchAll(RATIO)) {
    const a = parseNumber(m[1]!);
    const b = parseNumber(m[2]!);
    if (a === null || !b) continue;
    const start = m.index + m[0].indexOf(m[1]!, 'ratio'.length);
    push({ start, end: m.index + m[0].length, value: a / b, unit: 'ratio', reading: 'ratio' });
  }
  for (const m of body.matchAll(PART_OF)) {
    if (SPAN_UNIT.test(body.slice(m.index + m[0].length).replace(/^\s+of/, ''))) continue;
    const value = m[2] ? 1 / ORDINAL_PARTS[m[2].toLowerCase()]! : parseNumber(m[3]!)! / ORDINAL_PARTS[m[4]!.toLowerCase()]!;
    push({ start: m.index, end: m.index + m[0].length, value, unit: 'fraction', reading: 'after' });
  }
  for (const m of body.matchAll(BY_PART)) {
    const value = m[1] ? 1 / ORDINAL_PARTS[m[1].toLowerCase()]! : 0.5;
    push({ start: m.index, end: m.index + m[0].length, value, unit: 'fraction', reading: 'change' });
  }
  for (const m of body.matchAll(HALF)) {
    const before = body.slice(0, m.index);
    if (HALF_IS_A_PERIOD.test(before) || SPAN_UNIT.test(body.slice(m.index + m[0].length).replace(/^\s+of/, ''))) continue;
    // "one half of" is the same half.
    const one = /\b(?:one|a)\s+$/i.exec(before);
    const start = one ? one.index : m.index;
    push({ start, end: m.index + m[0].length, value: 0.5, unit: 'fraction', reading: 'after' });
  }
  for (const m of body.matchAll(N_IN_M)) {
    const part = parseNumber(m[1]!);
    const whole = parseNumber(m[2]!);
    // "3 in 2024" is a year; "two in ten days" a span; the part of a whole is never more than the whole.
    if (part === null || whole === null || whole < 2 || part >= whole || /^\d{4}$/.test(m[2]!)) continue;
    if (SPAN_UNIT.test(body.slice(m.index + m[0].length))) continue;
    push({ start: m.index, end: m.index + m[0].length, value: part / whole, unit: 'fraction', reading: 'after' });
  }
  for (const m of body.matchAll(TIMES)) {
    const value = m[2] ? (m[2].toLowerCase() === 'twice' ? 2 : 3) : parseNumber(m[1]!);
    if (value === null) continue;
    const asMany = /^\s+as\s+(?:many|much)\b/i.test(body.slice(m.index + m[0].length));
    push({ start: m.index, end: m.index + m[0].length, value, unit: 'times', reading: asMany ? 'as-many' : 'after' });
  }
  for (const m of body.matchAll(FOLD)) {
    const value = parseNumber(m[1] ?? m[2]!);
    if (value === null || value < 2) continue;
    push({ start: m.index, end: m.index + m[0].length, value, unit: 'times', reading: 'change' });
  }
  for (const m of body.matchAll(VERB)) {
    push({
      start: m.index,
      end: m.index + m[0].length,
      value: VERB_VALUE[(m[1] ?? m[2])!.toLowerCase()]!,
      unit: 'times',
      reading: 'verb',
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
