import { findProportions, type ProportionReading } from './find-proportions.js';
import { MULTIPLIERS, NUMBER_WORD_PATTERN, parseNumber } from './parse-number.js';

/** A number that counts something, offsets relative to the text searched. */
export interface NumberMatch {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly high?: number;
  readonly qualifier: string | null;
  readonly unit: string | null;
  /** The counted noun follows "of" ("hundreds of people", "12% of voters"). */
  readonly ofFollows: boolean;
  /** For a fraction, multiplier or ratio: where what it is taken of is read. */
  readonly reading?: ProportionReading;
}

const QUALIFIERS = [
  'more than', 'over', 'at least', 'about', 'around', 'some', 'nearly', 'almost', 'up to', 'fewer than',
  'less than', 'roughly', 'an estimated', 'approximately', 'as many as', 'as few as', 'close to', 'just over',
  'just under', 'under', 'at most', 'no fewer than', 'no more than', 'upwards of', 'in excess of', 'estimated',
  'well over', 'almost exactly', 'exactly', 'only',
].sort((a, b) => b.length - a.length);
const QUALIFIER_BEFORE = new RegExp(`\\b(${QUALIFIERS.join('|')})\\s+$`, 'i');

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  $: 'USD', 'US$': 'USD', 'C$': 'CAD', 'A$': 'AUD', 'NZ$': 'NZD', 'HK$': 'HKD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR',
};
const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollars: 'USD', dollar: 'USD', euros: 'EUR', euro: 'EUR', yen: 'JPY', rupees: 'INR', usd: 'USD', eur: 'EUR', gbp: 'GBP', chf: 'CHF', francs: 'CHF',
};
const MEASURES = 'km|kilometres|kilometers|miles|metres|meters|tonnes|tons|kg|kilograms|acres|hectares|square miles|square kilometres|square kilometers|litres|liters|barrels|gallons|mph|km/h';

// "a 30-day truce", "a 62-metre ferry": the number measures the noun after it, in this unit.
const COMPOUND_UNIT = /^-(second|minute|hour|day|week|month|year|decade|metre|meter|kilometre|kilometer|km|mile|foot|inch|tonne|ton|acre|hectare|storey|story)(?![\w-])/i;

const DIGITS = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+';
const WORDS = `(?:${NUMBER_WORD_PATTERN})(?:-(?:${NUMBER_WORD_PATTERN}))?(?:\\s+(?:hundred|thousand|million|billion)(?:\\s+(?:and\\s+)?(?:${NUMBER_WORD_PATTERN}))?)*|half\\s+an?\\s+(?:hundred|thousand|million|billion)|a\\s+(?:dozen|hundred|thousand|million|billion)|a\\s+few\\s+(?:dozen|hundred|thousand)`;
const VAGUE: Readonly<Record<string, number>> = {
  dozens: 24, scores: 40, hundreds: 200, thousands: 2000, 'tens of thousands': 20_000, 'hundreds of thousands': 200_000, millions: 2e6, billions: 2e9,
};
const CORE = new RegExp(
  `(?<![\\w.,/:-])(?:(?<digits>${DIGITS})|(?<words>${WORDS})|(?<vague>tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions|billions)(?=\\s+of\\s))(?!(?!(?:bn|mn|tn|m|k|b)\\b)[\\w/]|[.,:]\\d)`,
  'gi',
);
const MULTIPLIER_AFTER = /^(?:\s*(bn|mn|tn)\b|(m|k|b)\b|\s+(hundred|thousand|million|billion|trillion)\b)/i;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
// Numbers that name rather than count: "Page 12", "Flight 302", "Route 9".
const NAMING_WORDS = /\b(?:page|pages|p\.|pp\.|section|sections|chapter|article|paragraph|clause|no\.|number|room|route|flight|gate|platform|model|version|item|rule|highway|bus|ward|district|precinct|resolution|phase|episode|volume|vol\.|apartment|apt\.|suite|channel|category|interstate)\s+$/i;
const STREETS = /^\s+(?:[A-Z][\w'-]*\s+){1,3}(?:Road|Rd\.?|Street|St\.?|Avenue|Ave\.?|Lane|Ln\.?|Boulevard|Blvd\.?|Way|Drive|Dr\.?|Square|Place|Terrace|Court|Crescent|Close|Parade|Quay|Row)\b/;

const NOT_NAMES = new RegExp(`^(?:${MONTH}|(?:mon|tues|wednes|thurs|fri|satur|sun)day|between|and|or|to|than|of|${QUALIFIERS.join('|')})$`, 'i');

/** Spans of phone numbers, which would otherwise read as ranges or counts. */
function phoneSpans(body: string): [number, number][] {
  const re = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}/g;
  const out: [number, number][] = [];
  for (const m of body.matchAll(re)) {
    const groups = m[0].split(/[\s.()+-]+/).filter(Boolean);
    const separators = (m[0].match(/[\s.-]/g) ?? []).length;
    // A phone number has at least seven digits and two groups glued by dashes, dots or a leading "+" / "(".
    const digitCount = m[0].replace(/\D/g, '').length;
    if (digitCount >= 7 && groups.length >= 2 && (/^[+(]/.test(m[0]) || /\d[.-]\d+[.-]\d/.test(m[0]) || (separators >= 1 && /-\d{4}$/.test(m[0]))))
      out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/**
 * Why a number at [start, end) is not a count, or null when it is one: a year,
 * part of a date or a clock time, an age, a street number, a naming number
 * ("Flight 302"), a model number, or "one" used as a pronoun.
 */
function notACount(body: string, start: number, end: number, core: string, isDigits: boolean, hasMoney: boolean): string | null {
  const before = body.slice(0, start);
  const after = body.slice(end, end + 60);
  if (isDigits && !hasMoney && /^\d{4}$/.test(core)) {
    const n = Number(core);
    if (n >= 1600 && n <= 2100 && !/^\s+(?:more|other|new|extra|additional|[a-z]{3,}s)\b(?<!\b(?:was|has|is|as|this|plus))/.test(after) && !/^\s*(?:%|percent)/i.test(after)) return 'year';
  }
  if (new RegExp(`\\b${MONTH}\\s+$`, 'i').test(before) && /^\d{1,2}$/.test(core)) return 'date';
  if (new RegExp(`^(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?![a-z])`, 'i').test(after) && /^\d{1,2}$/.test(core)) return 'date';
  if (/^(?:\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|GMT|UTC|local time)|:\d\d)/i.test(after)) return 'time';
  // "half past nine", "a quarter to six", "ten past four".
  if (/\b(?:half|quarter)\s+(?:past|to)\s+$|\b(?:\d{1,2}|five|ten|twenty|twenty-five)\s+(?:minutes\s+)?past\s+$/i.test(before)) return 'time';
  // "at 7 on Tuesday" is a time; "stood at 2,300 on June 9" a count.
  if (/\bat\s+$/i.test(before) && /^\s*(?:on|this|last|tonight|yesterday|today)\b/i.test(after) && /^\d{1,4}$/.test(core)) return 'time';
  if (/^[-\s]years?[-\s]old\b|^[-\s]year[-\s]olds?\b/i.test(after) || /\baged\s+$/i.test(before)) return 'age';
  // "two days ago", "three months later": a point in time, not an amount of anything in the story.
  if (/^\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+(?:ago|earlier|later)\b/i.test(after)) return 'date';
  if (isDigits && STREETS.test(after)) return 'street';
  if (NAMING_WORDS.test(before)) return 'naming';
  // "Boeing 737", "Apollo 11": a capitalised word (not opening the sentence, not a month or weekday) right before a bare number.
  const named = /(?:^|[^.!?:;"“\s]\s)([A-Z][A-Za-z]+)\s$/.exec(before);
  const opensSentence = named !== null && !/\S/.test(before.slice(0, before.length - named[1]!.length - 1));
  if (isDigits && !hasMoney && named && !opensSentence && !NOT_NAMES.test(named[1]!)) return 'model';
  if (/^(?:st|nd|rd|th)\b/i.test(after)) return 'ordinal';
  const dashed = /^[-–](\d+)\b/.exec(after);
  if (dashed && Number(dashed[1]) <= Number(core)) return 'score';
  if (/^one$/i.test(core)) {
    if (/^\s+(?:of|another|day|time|way|thing|or|by|after|hand)\b/i.test(after)) return 'one-of';
    if (/\b(?:no|any|every|some|the|this|that|which|each|someone|anyone|only)\s+$/i.test(before)) return 'pronoun';
    if (!/^\s+(?:[a-z]+)/.test(after) || /^\s+(?:who|that|which|is|was|has|had|can|could|would|will|must|should|might|may|does|did)\b/i.test(after)) return 'pronoun';
  }
  return null;
}

/** Every number in `body` that counts something, with qualifier, unit and range. */
export function findNumbers(body: string): NumberMatch[] {
  const phones = phoneSpans(body);
  const proportions = findProportions(body);
  const out: NumberMatch[] = proportions.map((p) => {
    const q = QUALIFIER_BEFORE.exec(body.slice(0, p.start));
    const start = q ? q.index : p.start;
    return { start, end: p.end, value: p.value, qualifier: q ? q[1]!.toLowerCase() : null, unit: p.unit, ofFollows: false, reading: p.reading };
  });
  let consumed = 0;
  for (const m of body.matchAll(CORE)) {
    let start = m.index;
    let end = m.index + m[0].length;
    // The top of a range already read ("between 200 and 300").
    if (start < consumed) continue;
    if (phones.some(([a, b]) => start < b && a < end)) continue;
    // "one in four", "three times": the numbers of a proportion are not counts of their own.
    if (proportions.some((p) => start < p.end && p.start < end)) continue;
    const { digits, words, vague } = m.groups as { digits?: string; words?: string; vague?: string };
    let value = vague ? VAGUE[vague.toLowerCase()]! : parseNumber(digits ?? words ?? '');
    if (value === null) continue;
    if (words && /^(?:a|an)$/i.test(words)) continue;

    let unit: string | null = null;
    const symbol = /(?:US\$|C\$|A\$|NZ\$|HK\$|[$€£¥₹])\s?$/.exec(body.slice(Math.max(0, start - 4), start));
    if (symbol) {
      unit = CURRENCY_SYMBOLS[symbol[0].trim()] ?? null;
      start -= symbol[0].length;
    }
    const multiplier = digits ? MULTIPLIER_AFTER.exec(body.slice(end)) : null;
    // "2m" or "5k" alone may be metres or a race; only money takes the one-letter forms.
    if (multiplier && (multiplier[1] || multiplier[3] || unit)) {
      value *= MULTIPLIERS[(multiplier[1] ?? multiplier[2] ?? multiplier[3])!.toLowerCase()]!;
      end += multiplier[0].length;
    }
    const reason = notACount(body, m.index, m.index + m[0].length, digits ?? words ?? vague ?? '', Boolean(digits), unit !== null);
    if (reason) continue;

    let high: number | undefined;
    let qualifier: string | null = null;
    const between = /\bbetween\s+(?:[$€£]\s?)?$/i.exec(body.slice(0, start));
    const rangeRe = between ? /^\s+and\s+(?:[$€£]\s?)?(\d[\d,.]*|[a-z-]+)(\s*(?:bn|mn|m|k)\b|\s+(?:hundred|thousand|million|billion))?/i : /^\s?[-–]\s?(?:[$€£]\s?)?(\d[\d,.]*)(\s*(?:bn|mn|m|k)\b|\s+(?:hundred|thousand|million|billion))?(?![\d-])/i;
    const range = rangeRe.exec(body.slice(end));
    const highValue = range ? parseNumber(range[1]!) : null;
    if (range && highValue !== null) {
      const rangeMultiplier = range[2] ? MULTIPLIERS[range[2].trim().toLowerCase()] ?? 1 : multiplier ? value / (parseNumber(digits ?? '') ?? 1) : 1;
      // "2-1" scores and "24-7" are not ranges: the top must exceed the bottom.
      if (highValue * rangeMultiplier > value) {
        high = highValue * rangeMultiplier;
        if (!multiplier && range[2]) value *= rangeMultiplier;
        end += range[0].length;
        if (between) start = between.index;
      }
    }
    if (!between) {
      const q = QUALIFIER_BEFORE.exec(body.slice(0, start));
      // "over nine days" is a span of time, not "more than nine".
      const spanOfTime = q?.[1]?.toLowerCase() === 'over' && /^\s+(?:days|weeks|months|years|hours|decades)\b/i.test(body.slice(end));
      if (q && !spanOfTime) {
        qualifier = q[1]!.toLowerCase();
        start = q.index;
      }
    }
    if (vague) qualifier = `${vague.toLowerCase()} of`;

    const rest = body.slice(end);
    const percent = /^(?:\s?%|\s+(?:percent|per cent|percentage points?)\b)/i.exec(rest);
    const currencyWord = /^\s+([A-Za-z]+)\b/.exec(rest);
    const measure = new RegExp(`^\\s*(${MEASURES})\\b`, 'i').exec(rest);
    const compound = COMPOUND_UNIT.exec(rest);
    if (compound && !unit) {
      unit = compound[1]!.toLowerCase();
      end += compound[0].length;
    } else if (percent) {
      unit = '%';
      end += percent[0].length;
    } else if (currencyWord && CURRENCY_WORDS[currencyWord[1]!.toLowerCase()] && !unit) {
      unit = CURRENCY_WORDS[currencyWord[1]!.toLowerCase()]!;
      end += currencyWord[0].length;
    } else if (measure && !unit) {
      unit = measure[1]!.toLowerCase();
      end += measure[0].length;
    }
    consumed = end;
    const ofFollows = Boolean(vague) || (unit !== null && /^\s+of\s/i.test(body.slice(end)));
    out.push({ start, end, value, ...(high !== undefined ? { high } : {}), qualifier, unit, ofFollows });
  }
  return out.sort((a, b) => a.start - b.start);
}
