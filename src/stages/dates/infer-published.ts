import * as chrono from 'chrono-node';
import type { Span } from '../../model/index.js';
import { formatDay } from './calendar.js';

/** A publication date read from the text, with the words it came from. */
export interface InferredDate {
  readonly date: string;
  /** Which clue won: "dateline", "weekday-date", "caption" or "agency-credit". */
  readonly clue: string;
  readonly span: Span;
}

export interface InferPublishedOptions {
  /**
   * The article's title. A year in it ("Flood defences: the 2029 review") is a
   * weak clue: it never gives a day, so it only supplies the year of a dateline
   * or caption written without one.
   */
  readonly title?: string | null;
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
// "LONDON, March 3 —", "KYIV, Ukraine (Wire) — March 3, 2024 —": a place in capitals, then a date.
const DATELINE = new RegExp(`^\\s*[A-Z][A-Z .'-]{2,}(?:,\\s*[A-Z][A-Za-z. ]+)?(?:\\s*\\([^)]{1,40}\\))?\\s*[,—–-]+\\s*(${MONTH}\\s+\\d{1,2}(?:,\\s*\\d{4})?)\\s*[—–-]`, 'm');
const WEEKDAY_DATE = new RegExp(`\\b(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday),?\\s+\\(?(${MONTH}\\s+\\d{1,2}(?:,\\s*\\d{4})?)`, 'g');
const CAPTION = new RegExp(`^.*\\b(?:Photo|Picture|Image|File photo|Credit)\\b.*?(${MONTH}\\s+\\d{1,2},\\s*\\d{4}).*$`, 'gim');
// Numeric dates as photo agencies write them: "2024-03-12", "12.03.2024" (day first).
const NUMERIC_DATE = '(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.\\d{1,2}\\.\\d{4})';
// "(Photo: NORTHWIRE/Jan Dvorak, 12.03.2024)", "NWP 2024-03-12" on a line of its own, "© KELL PRESS 12.3.2024": an
// agency after "Photo:" or "©" (any capitalised name), or a code in capitals opening a line or a bracket ("the EU
// 2024-03-12 deadline" is no credit); a photographer after a slash if any; then the date the picture was filed.
const AGENCY_CODE = '[A-Z][A-Z&.-]{1,}(?:\\s+[A-Z][A-Z&.-]+){0,2}';
const AGENCY_NAME = "[A-Z][\\w&.'-]*(?:\\s+[A-Z][\\w&.'-]*){0,3}";
const PHOTOGRAPHER = "(?:\\s*/\\s*[A-Z][\\w.'-]*(?:\\s+[A-Z][\\w.'-]*){0,3})?";
const AGENCY_CREDIT = new RegExp(
  `(?:(?:\\b(?:Photo|Picture|Image|Foto|Credit)s?\\s*:\\s*|©\\s*)${AGENCY_NAME}|(?:\\(\\s*|^\\s*)${AGENCY_CODE})${PHOTOGRAPHER}\\s*,?\\s+(${NUMERIC_DATE})\\b`,
  'gm',
);
// A year in a title, not part of a longer number.
const TITLE_YEAR = /(?<![\d,.])(1[89]\d\d|20\d\d)(?![\d,.%]|s\b)/;

/**
 * Infers when an article was published from clues in its text, never later
 * than `now`: a dateline first (it names the day of filing), then the latest
 * date written with its weekday, then a dated photo caption, then the latest
 * date next to a photo agency's credit. A year in the title only places a
 * dateline or caption written without a year. Cheap regexes run before chrono
 * is asked to read a date.
 */
export function inferPublished(text: string, now: Date, { title = null }: InferPublishedOptions = {}): InferredDate | null {
  const year = titleYear(title, now);
  const head = text.slice(0, 600);
  const dateline = DATELINE.exec(head);
  if (dateline?.[1]) {
    const date = readDate(dateline[1], now, year);
    const at = dateline.index + dateline[0].indexOf(dateline[1]);
    if (date) return { date, clue: 'dateline', span: { start: at, end: at + dateline[1].length } };
  }
  const weekdayDates: InferredDate[] = [];
  for (const m of text.matchAll(WEEKDAY_DATE)) {
    const parsed = chrono.en.strict.parse(m[0], { instant: now, timezone: 0 })[0];
    let date = parsed && parsed.start.isCertain('day') ? parsed.start.date() : null;
    // "Tuesday, March 4" with no year: the title's year, when it names one, is the year to check the weekday against.
    if (date && year !== null && !parsed!.start.isCertain('year'))
      date = new Date(Date.UTC(year, date.getUTCMonth(), date.getUTCDate()));
    // A weekday that disagrees with the date means the year guess is wrong: skip it.
    if (!date || date.getUTCDay() !== parsed!.start.get('weekday') || date > now) continue;
    weekdayDates.push({ date: formatDay(date), clue: 'weekday-date', span: { start: m.index, end: m.index + m[0].length } });
  }
  if (weekdayDates.length > 0) return weekdayDates.reduce((a, b) => (b.date > a.date ? b : a));
  for (const m of text.matchAll(CAPTION)) {
    const date = readDate(m[1]!, now, year);
    const at = m.index + m[0].indexOf(m[1]!);
    if (date) return { date, clue: 'caption', span: { start: at, end: at + m[1]!.length } };
  }
  // Several credits: an archive picture is older than the article, so the latest day wins.
  const credits: InferredDate[] = [];
  for (const m of text.matchAll(AGENCY_CREDIT)) {
    const date = readNumericDate(m[1]!, now);
    const at = m.index + m[0].lastIndexOf(m[1]!);
    if (date) credits.push({ date, clue: 'agency-credit', span: { start: at, end: at + m[1]!.length } });
  }
  if (credits.length > 0) return credits.reduce((a, b) => (b.date > a.date ? b : a));
  return null;
}

/**
 * The year a title names, when it is not after `now`: "Harbour strike: 2029
 * in review" gives 2029. A year in the future is a plan ("Olympics 2040"), not
 * when the article was written.
 */
export function titleYear(title: string | null | undefined, now: Date): number | null {
  const m = title ? TITLE_YEAR.exec(title) : null;
  const year = m ? Number(m[1]) : null;
  return year !== null && year <= now.getUTCFullYear() ? year : null;
}

/**
 * A written date as YYYY-MM-DD. Without a year: the title's year when one is
 * given, else the latest such day not after `now`.
 */
function readDate(words: string, now: Date, titleYear: number | null = null): string | null {
  const parsed = chrono.en.strict.parse(words, { instant: now, timezone: 0 }, { forwardDate: false })[0];
  if (!parsed || !parsed.start.isCertain('day')) return null;
  const month = parsed.start.get('month')! - 1;
  const day = parsed.start.get('day')!;
  const certain = parsed.start.isCertain('year');
  const year = certain ? parsed.start.get('year')! : (titleYear ?? now.getUTCFullYear());
  let date = new Date(Date.UTC(year, month, day));
  if (!certain && titleYear === null && date > now) date = new Date(Date.UTC(year - 1, month, day));
  return date > now ? null : formatDay(date);
}

/** "2024-03-12" or "12.03.2024" (day first, as agencies outside the US write it) as YYYY-MM-DD; null if no such day. */
function readNumericDate(words: string, now: Date): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(words);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(words);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dotted ? [dotted[3], dotted[2], dotted[1]] : [];
  if (!year) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  // "31.02.2024" rolls over into March: not a day.
  if (date.getUTCDate() !== Number(day) || date.getUTCMonth() !== Number(month) - 1 || date > now) return null;
  return formatDay(date);
}
