import * as chrono from 'chrono-node';
import type { DateMention, Span, Token } from '../../model/index.js';
import { NUMBER_WORD_PATTERN, parseNumber } from '../figures/parse-number.js';
import { addDays, formatDay, formatIsoWeek, formatMonth, pad, quarterOf, resolveWeekday } from './calendar.js';
import { tenseAt, type Tense } from './verb-tense.js';

/** What every recognizer needs to turn words into values. */
export interface TimexContext {
  /** The reference day (publication date), a UTC midnight. */
  readonly ref: Date;
  /** The tense of the clause around a text offset, null when unknown. */
  tenseAt(at: number): Tense | null;
}

/** A time expression found in one sentence, offsets relative to it. */
export interface Timex {
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

/** Finds time expressions in one sentence's text. */
export type TimexRecognizer = (body: string, ctx: TimexContext) => Timex[];

const NUM = `(?:\\d+(?:\\.\\d+)?|(?:${NUMBER_WORD_PATTERN})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\\b)?|a|an|a few|few|several|many|some|a couple of|a number of)`;
const UNIT = '(second|minute|hour|day|week|month|year|decade|centur(?:y|ies)|quarter)s?';
const QUALIFIER = '(?:(?:about|nearly|almost|more than|less than|at least|over|some|roughly|only|just|another|the past|the last|the next|the first|the previous|the final|the coming)\\s+)?';
const UNIT_CODE: Readonly<Record<string, string>> = {
  second: 'TS', minute: 'TM', hour: 'TH', day: 'D', week: 'W', month: 'M', year: 'Y', decade: 'DE', century: 'CE', centurie: 'CE', quarter: 'Q',
};
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const PART_OF_DAY: Readonly<Record<string, string>> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' };

function unitOf(word: string): string {
  const key = word.toLowerCase().replace(/s$/, '');
  return key === 'centurie' ? 'century' : key;
}

function countOf(word: string): number | null {
  const value = parseNumber(word.replace(/^a couple of$/i, 'two'));
  return value !== null && Number.isInteger(value) ? value : null;
}

function durationValue(count: number | null, unit: string): string {
  const code = UNIT_CODE[unit] ?? 'X';
  const n = count === null ? 'X' : String(count);
  return code.startsWith('T') ? `PT${n}${code.slice(1)}` : `P${n}${code}`;
}

/** "3 days ago", "a year ago", "two weeks earlier": a point in the past. */
const recognizeAgo: TimexRecognizer = (body, ctx) => {
  const re = new RegExp(`\\b${QUALIFIER}(${NUM})\\s+${UNIT}\\s+(?:ago|earlier)\\b`, 'gi');
  return [...body.matchAll(re)].map((m) => {
    const count = countOf(m[1]!);
    const unit = unitOf(m[2]!);
    return { start: m.index, end: m.index + m[0].length, value: shiftedValue(ctx.ref, unit, count === null ? null : -count) };
  });
};

function shiftedValue(ref: Date, unit: string, by: number | null): string {
  const year = ref.getUTCFullYear();
  if (unit === 'day') return by === null ? `${pad(year, 4)}-${pad(ref.getUTCMonth() + 1)}-XX` : formatDay(addDays(ref, by));
  if (unit === 'week') return by === null ? `${pad(year, 4)}-WXX` : formatIsoWeek(addDays(ref, 7 * by));
  if (unit === 'month') return by === null ? `${pad(year, 4)}-XX` : formatMonth(year, ref.getUTCMonth() + 1 + by);
  if (unit === 'year') return by === null ? 'PAST_REF' : pad(year + by, 4);
  if (unit === 'decade') return by === null ? 'PAST_REF' : pad(Math.floor((year + 10 * by) / 10), 3);
  if (unit === 'quarter') {
    const index = year * 4 + quarterOf(ref) - 1 + (by ?? 0);
    return `${pad(Math.floor(index / 4), 4)}-Q${(index % 4) + 1}`;
  }
  return 'PAST_REF';
}

/** "last week", "this month", "next year", "earlier this quarter". */
const recognizeRelativeUnit: TimexRecognizer = (body, ctx) => {
  const re = /\b(?:(?:earlier|later) )?(last|this|next|the coming|the current|this past|the previous|the latest|the most recent|the same|the|that)\s+(week|month|year|quarter)\b(?![- ](?:old|long))/gi;
  const out: Timex[] = [];
  for (const m of body.matchAll(re)) {
    const which = m[1]!.toLowerCase();
    const unit = m[2]!.toLowerCase();
    let by: number;
    if (which === 'last' || which === 'this past' || which === 'the previous') by = -1;
    else if (which === 'next' || which === 'the coming') by = 1;
    else if (which === 'the latest' || which === 'the most recent') by = unit === 'quarter' ? -1 : 0;
    else if (which === 'the' || which === 'that' || which === 'the same') {
      // "the year" / "the quarter" alone mostly name the period just reported on.
      if (unit === 'week' || unit === 'month') continue;
      by = unit === 'quarter' ? -1 : 0;
    } else by = 0;
    out.push({ start: m.index, end: m.index + m[0].length, value: shiftedValue(ctx.ref, unit, by) });
  }
  return out;
};

/** "three days", "a four-day strike", "the past two years": durations. */
const recognizeDuration: TimexRecognizer = (body) => {
  const re = new RegExp(`\\b${QUALIFIER}(${NUM})(?:\\s+more)?(?:\\s+|-)${UNIT}\\b(?:[- ](?:long|old))?`, 'gi');
  const out: Timex[] = [];
  for (const m of body.matchAll(re)) {
    // Ages ("a 44-year-old", "52 years old") are not time expressions in TimeML.
    if (/old$/i.test(m[0])) continue;
    const count = countOf(m[1]!);
    if (count === null && /^(?:a|an)$/i.test(m[1]!)) continue;
    if (isOrdinalSecond(m[1]!, m[2]!, body.slice(m.index + m[0].length))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, value: durationValue(count, unitOf(m[2]!)) });
  }
  return out;
};

// Words after "a second" that keep it a span of time: "a second later", "for a second or two", "a second of silence".
const SECOND_OF_TIME = /^\s*(?:[.,;:!?)"”]|$)|^\s+(?:later|earlier|ago|before|after|longer|or|of|too|more|while|when|then|until|passed|elapsed)\b/i;

/**
 * "a second ferry", "for a second time", "a second-half goal": "second" is the
 * ordinal there (issue #6). Only "a second" followed by the end of the clause
 * or a word of time ("a second later") is a duration.
 */
function isOrdinalSecond(count: string, unit: string, after: string): boolean {
  return /^(?:a|an)$/i.test(count) && /^second$/i.test(unit) && !SECOND_OF_TIME.test(after);
}

/** "in 1998", "fiscal 1989", "the 1990s", "mid-1980s". */
const recognizeYear: TimexRecognizer = (body) => {
  const re = /(?<![\d$€£.,:/-])(?:(fiscal|calendar)\s+)?(?:(?:the\s+)?(?:mid-|early\s+|late\s+)?)?\b(1[6-9]\d\d|20\d\d)(s)?\b(?![\d,.%:/-]\d|\s*(?:%|percent|per\s*cent))/gi;
  const out: Timex[] = [];
  for (const m of body.matchAll(re)) {
    const year = m[2]!;
    if (countsSomething(body.slice(m.index + m[0].length))) continue;
    const value = m[3] ? year.slice(0, 3) : year;
    // Keep "the" out of the extent: TimeML starts "the 1990s" at the number.
    const lead = m[0].search(/(?:fiscal|calendar|mid-|early|late|\d)/i);
    out.push({ start: m.index + lead, end: m.index + m[0].length, value });
  }
  return out;
};

/** "2000 more", "1500 troops": a number followed by what it counts is no year. */
function countsSomething(after: string): boolean {
  const next = /^\s+([a-z]+)/.exec(after)?.[1];
  if (!next) return false;
  if (/^(?:more|other|of|new|extra|additional)$/.test(next)) return true;
  return next.length > 3 && next.endsWith('s') && !/(?:ss|us|is|was|has|plus|across|unless|as)$/.test(next);
}

/** "third-quarter", "the first quarter of 1998", "first half". */
const recognizeQuarter: TimexRecognizer = (body, ctx) => {
  const re = /\b(first|second|third|fourth|1st|2nd|3rd|4th)[- ](quarter|half)\b(?:\s+of\s+(\d{4})|,?\s+(\d{4}))?/gi;
  const order = ['first', 'second', 'third', 'fourth'];
  const out: Timex[] = [];
  for (const m of body.matchAll(re)) {
    const word = m[1]!.toLowerCase();
    const n = order.indexOf(word) + 1 || Number(word[0]);
    const year = m[3] ?? m[4] ?? pad(ctx.ref.getUTCFullYear(), 4);
    const value = m[2]!.toLowerCase() === 'quarter' ? `${year}-Q${n}` : `${year}-H${n}`;
    out.push({ start: m.index, end: m.index + m[0].length, value });
  }
  return out;
};

// Only the words TimeML annotators mark: "former", "earlier", "previously" and
// "soon" were wrong more often than right on TBAQ, so they are opt-in.
const REFERENCES: readonly [RegExp, string][] = [
  [/\b(?:now|currently|current|at present|nowadays|presently|these days)\b/gi, 'PRESENT_REF'],
  [/\b(?:recently|lately|in the past|recent(?:\s+(?:years|months|weeks|days|times))?)\b/gi, 'PAST_REF'],
  [/\b(?:(?:the|in the)\s+(?:near\s+)?future|in the coming (?:days|weeks|months|years))\b/gi, 'FUTURE_REF'],
];

/** Opt-in reference words (`resolveDates({extraReferences: true})`). */
export const EXTRA_REFERENCES: readonly [RegExp, string][] = [
  [/\b(?:former|formerly|previously|earlier)\b/gi, 'PAST_REF'],
  [/\b(?:soon|shortly)\b/gi, 'FUTURE_REF'],
];

/** Reference words as a recognizer, e.g. `referenceRecognizer(EXTRA_REFERENCES)`. */
export function referenceRecognizer(references: readonly [RegExp, string][]): TimexRecognizer {
  return (body) => {
    const out: Timex[] = [];
    for (const [re, value] of references) for (const m of body.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length, value });
    return out;
  };
}

/** Frequencies TimeML writes as durations: "daily" is P1D. */
const recognizeFrequency: TimexRecognizer = (body) => {
  const codes: Readonly<Record<string, string>> = { daily: 'P1D', weekly: 'P1W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y' };
  return [...body.matchAll(/\b(daily|weekly|monthly|annually|yearly)\b/gi)].map((m) => ({
    start: m.index, end: m.index + m[0].length, value: codes[m[1]!.toLowerCase()]!,
  }));
};

const SEASONS: Readonly<Record<string, string>> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };

/** "last fall", "this summer", "the winter of 1994". */
const recognizeSeason: TimexRecognizer = (body, ctx) => {
  const re = /\b(?:(last|this|next|this past|the)\s+)(spring|summer|fall|autumn|winter)\b(?:\s+of\s+(\d{4}))?/gi;
  const out: Timex[] = [];
  for (const m of body.matchAll(re)) {
    const which = m[1]!.toLowerCase();
    if (which === 'the' && !m[3]) continue;
    const season = SEASONS[m[2]!.toLowerCase()]!;
    const refYear = ctx.ref.getUTCFullYear();
    const order = ['WI', 'SP', 'SU', 'FA'];
    const month = ctx.ref.getUTCMonth();
    const current = order[Math.floor(((month + 1) % 12) / 3)]!;
    let year = refYear;
    if (m[3]) year = Number(m[3]);
    else if (which === 'last' || which === 'this past') year = order.indexOf(season) >= order.indexOf(current) ? refYear - 1 : refYear;
    else if (which === 'next') year = order.indexOf(season) <= order.indexOf(current) ? refYear + 1 : refYear;
    out.push({ start: m.index, end: m.index + m[0].length, value: `${pad(year, 4)}-${season}` });
  }
  return out;
};

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "last May", "next March", "July last year": a month placed by a word chrono ignores. */
const recognizeAnchoredMonth: TimexRecognizer = (body, ctx) => {
  const names = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|');
  const re = new RegExp(`\\b(?:(last|next|this|this past) (${names})|(${names}) (last|next|this) year)\\b`, 'g');
  const refYear = ctx.ref.getUTCFullYear();
  const refMonth = ctx.ref.getUTCMonth() + 1;
  const out: Timex[] = [];
  for (const m of body.matchAll(re)) {
    const month = MONTHS.indexOf((m[2] ?? m[3])!.toLowerCase()) + 1;
    const which = (m[1] ?? m[4])!;
    let year = refYear;
    if (m[4]) year = which === 'last' ? refYear - 1 : which === 'next' ? refYear + 1 : refYear;
    else if (which === 'last' || which === 'this past') year = month < refMonth ? refYear : refYear - 1;
    else if (which === 'next') year = month > refMonth ? refYear : refYear + 1;
    out.push({ start: m.index, end: m.index + m[0].length, value: formatMonth(year, month) });
  }
  return out;
};

/** "the weekend", "last weekend": the ISO week with a WE suffix, as TimeML writes it. */
const recognizeWeekend: TimexRecognizer = (body, ctx) => {
  const out: Timex[] = [];
  for (const m of body.matchAll(/\b(the|this|last|next|over the) weekend\b/gi)) {
    const which = m[1]!.toLowerCase();
    const direction: Tense = which === 'next' ? 'future' : which === 'last' ? 'past' : (ctx.tenseAt(m.index) ?? 'past');
    let saturday = resolveWeekday(ctx.ref, 6, direction);
    if (which === 'last' && ctx.ref.getUTCDay() === 6) saturday = addDays(saturday, -7);
    out.push({ start: m.index, end: m.index + m[0].length, value: `${formatIsoWeek(saturday)}-WE` });
  }
  return out;
};

const QUARTER_WORDS: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };

/**
 * "a year ago", "the year-earlier quarter", "the corresponding period last
 * year" in a sentence about a quarter's results: the same quarter a year
 * before. The quarter is the one the sentence names, else the last one that
 * ended before the report (earnings are reported after the quarter closes).
 */
const recognizeYearAgoQuarter: TimexRecognizer = (body, ctx) => {
  if (!/\bquarter(?:ly)?\b/i.test(body)) return [];
  const named = /\b(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter\b/i.exec(body);
  const current = quarterOf(ctx.ref);
  const quarter = named ? QUARTER_WORDS[named[1]!.toLowerCase()]! : current - 1 || 4;
  // The latest such quarter that has ended, then the year before it.
  const year = ctx.ref.getUTCFullYear() - (quarter < current ? 1 : 2);
  const value = `${pad(year, 4)}-Q${quarter}`;
  const re =
    /\b(?:(?:the|a)\s+)?(?:(?:comparable|corresponding|same)\s+)?(?:year[- ](?:ago|earlier)(?:\s+(?:(?:first|second|third|fourth)\s+)?(?:quarter|period))?|(?:quarter|period)\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)|a\s+year\s+(?:ago|earlier)|last\s+year's\s+(?:(?:first|second|third|fourth)\s+)?quarter)\b/gi;
  return [...body.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length, value }));
};

/** "the fiscal year", "the full year", "year-end". */
const recognizeYearPhrase: TimexRecognizer = (body, ctx) => {
  const year = pad(ctx.ref.getUTCFullYear(), 4);
  const out: Timex[] = [];
  for (const m of body.matchAll(/\bthe (?:fiscal|full|whole|calendar) year\b/gi)) out.push({ start: m.index, end: m.index + m[0].length, value: year });
  for (const m of body.matchAll(/\byear(?:-| )end\b|\byear's end\b/gi)) out.push({ start: m.index, end: m.index + m[0].length, value: `${year}-12-31` });
  return out;
};

/** "now", "recently": times that only point before or after the report. */
const recognizeReference: TimexRecognizer = referenceRecognizer(REFERENCES);

/** "this morning", "last night", "tonight", "Sunday evening". */
const recognizePartOfDay: TimexRecognizer = (body, ctx) => {
  const re = /\b(?:(this|yesterday|tomorrow|today|last|sunday|monday|tuesday|wednesday|thursday|friday|saturday)\s+(morning|afternoon|evening|night)|(tonight))\b/gi;
  const out: Timex[] = [];
  for (const m of body.matchAll(re)) {
    const which = (m[1] ?? 'this').toLowerCase();
    const part = PART_OF_DAY[(m[2] ?? 'night').toLowerCase()]!;
    let day = ctx.ref;
    if (which === 'yesterday' || which === 'last') day = addDays(ctx.ref, -1);
    else if (which === 'tomorrow') day = addDays(ctx.ref, 1);
    else if (WEEKDAYS.includes(which)) {
      // TimeML annotators gave "Friday night" the day alone about twice as often as the part of day (TBAQ).
      day = resolveWeekday(ctx.ref, WEEKDAYS.indexOf(which), ctx.tenseAt(m.index) ?? 'past');
      out.push({ start: m.index, end: m.index + m[0].length, value: formatDay(day) });
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, value: `${formatDay(day)}T${part}` });
  }
  return out;
};

const LEADING_PREPOSITION = /^(?:on|at|in|by|since|from|until|till|of|for|during|before|after)\s+/i;

/** Absolute dates, weekdays, months and clock times, by chrono. */
const recognizeCalendar: TimexRecognizer = (body, ctx) => {
  const out: Timex[] = [];
  const instant = new Date(ctx.ref.getTime() + 12 * 3_600_000);
  for (const result of chrono.en.casual.parse(body, { instant, timezone: 0 })) {
    // A range ("Aug. 26 to Oct. 20", "Friday to December") holds two time expressions in TimeML.
    const join = result.end ? /\s*(?:,\s*)?(?:to|through|until|till|-|–)\s+/i.exec(result.text) : null;
    if (join) {
      const first = result.text.slice(0, join.index);
      const secondAt = join.index + join[0].length;
      out.push(...recognizeCalendar(first, ctx).map((t) => shift(t, result.index)));
      out.push(...recognizeCalendar(result.text.slice(secondAt), ctx).map((t) => shift(t, result.index + secondAt)));
      continue;
    }
    if (!plausibleCalendar(result)) continue;
    const lead = LEADING_PREPOSITION.exec(result.text)?.[0].length ?? 0;
    const start = result.index + lead;
    let value = calendarValue(result.start, ctx, start);
    // "last Wednesday" said on a Wednesday is a week ago, not today.
    if (value && /^(?:last|this past)\s+\w+day\b/i.test(result.text) && value === formatDay(ctx.ref)) value = formatDay(addDays(ctx.ref, -7));
    if (value) out.push({ start, end: result.index + result.text.length, value });
  }
  return out;
};

function shift(t: Timex, by: number): Timex {
  return { ...t, start: t.start + by, end: t.end + by };
}

/**
 * chrono reads too much in news copy: "$2.50 a share" as a time, "Sun" (the
 * company) as Sunday, "7/8" (a price) as a date, "the day before" without an anchor.
 */
function plausibleCalendar(result: chrono.ParsedResult): boolean {
  const text = result.text.replace(LEADING_PREPOSITION, '');
  const start = result.start;
  if (/^\d+(?:\.\d+)?$/.test(text) || /^\d+\/\d+$/.test(text)) return false;
  // "within two weeks" is a duration (P2W), which the duration recognizer reads without "within".
  if (/^within\b/i.test(result.text)) return false;
  if (/\b(?:before|after|later|earlier)\b/i.test(text) && !start.isCertain('month')) return false;
  if (start.isCertain('hour') && !/:\d\d|\b[ap]\.?m\b|o'clock|noon|midnight/i.test(text)) return false;
  if (start.isCertain('weekday') && !start.isCertain('month') && !/(?:sun|mon|tues|wednes|thurs|fri|satur)day/i.test(text)) return false;
  return true;
}

/**
 * The year of a month and day written without one: on or before the reference
 * in a past-tense clause, on or after it in a future one, else the nearest.
 */
function yearFor(month: number, day: number, ctx: TimexContext, at: number): number {
  const refYear = ctx.ref.getUTCFullYear();
  const candidates = [refYear - 1, refYear, refYear + 1].map((year) => ({ year, time: Date.UTC(year, month - 1, day) }));
  const ref = ctx.ref.getTime();
  const tense = ctx.tenseAt(at);
  const allowed = candidates.filter((c) => (tense === 'future' ? c.time >= ref : true));
  return allowed.reduce((a, b) => (Math.abs(b.time - ref) < Math.abs(a.time - ref) ? b : a)).year;
}

function calendarValue(component: chrono.ParsedComponents, ctx: TimexContext, at: number): string | null {
  const known = (name: chrono.Component) => component.isCertain(name);
  const get = (name: chrono.Component) => component.get(name) ?? 0;
  let day: string | null = null;
  if (known('day') && known('month')) {
    day = `${pad(known('year') ? get('year') : yearFor(get('month'), get('day'), ctx, at), 4)}-${pad(get('month'))}-${pad(get('day'))}`;
  } else if (known('weekday') && !known('month')) {
    day = formatDay(resolveWeekday(ctx.ref, get('weekday'), ctx.tenseAt(at) ?? 'past'));
  } else if (known('month')) {
    if (known('year')) return formatMonth(get('year'), get('month'));
    const refMonth = ctx.ref.getUTCMonth() + 1;
    const refYear = ctx.ref.getUTCFullYear();
    const tense = ctx.tenseAt(at);
    const month = get('month');
    // Without a tense, the reference year: what TimeML annotators assumed most often.
    let year = refYear;
    if (tense === 'future' && month < refMonth) year = refYear + 1;
    else if (tense === 'past' && month > refMonth) year = refYear - 1;
    return formatMonth(year, month);
  } else if (known('year')) {
    return pad(get('year'), 4);
  } else if (!known('hour')) {
    day = null;
  }
  if (known('hour')) {
    const base = day ?? formatDay(ctx.ref);
    return `${base}T${pad(get('hour'))}:${pad(get('minute'))}`;
  }
  return day;
}

/** Every recognizer, most specific first: on equal extents the earlier one wins. */
export const defaultRecognizers: readonly TimexRecognizer[] = [
  recognizeYearAgoQuarter,
  recognizeAgo,
  recognizeRelativeUnit,
  recognizePartOfDay,
  recognizeQuarter,
  recognizeSeason,
  recognizeAnchoredMonth,
  recognizeWeekend,
  recognizeYearPhrase,
  recognizeFrequency,
  recognizeDuration,
  recognizeReference,
  recognizeYear,
  recognizeCalendar,
];

/**
 * Time expressions of one sentence, as DateMentions with offsets into the
 * whole text. Where candidates overlap, the longest wins.
 */
export function findTimexes(
  text: string,
  sentence: Span,
  tokens: readonly Token[],
  ref: Date,
  recognizers: readonly TimexRecognizer[] = defaultRecognizers,
): DateMention[] {
  const body = text.slice(sentence.start, sentence.end);
  const ctx: TimexContext = { ref, tenseAt: (at) => tenseAt(text, sentence, tokens, sentence.start + at) };
  const candidates = recognizers.flatMap((recognize, rank) => recognize(body, ctx).map((t) => ({ ...t, rank })));
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank);
  const kept: Timex[] = [];
  for (const c of candidates) if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  return kept
    .sort((a, b) => a.start - b.start)
    .map((t) => ({ start: sentence.start + t.start, end: sentence.start + t.end, text: body.slice(t.start, t.end), value: t.value }));
}
