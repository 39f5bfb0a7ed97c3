import * as chrono from 'chrono-node';
import type { Span } from '../../model/index.js';
import { formatDay } from './calendar.js';

/** A publication date read from the text, with the words it came from. */
export interface InferredDate {
  readonly date: string;
  /** Which clue won: "dateline", "weekday-date" or "caption". */
  readonly clue: string;
  readonly span: Span;
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
// "LONDON, March 3 —", "KYIV, Ukraine (Wire) — March 3, 2024 —": a place in capitals, then a date.
const DATELINE = new RegExp(`^\\s*[A-Z][A-Z .'-]{2,}(?:,\\s*[A-Z][A-Za-z. ]+)?(?:\\s*\\([^)]{1,40}\\))?\\s*[,—–-]+\\s*(${MONTH}\\s+\\d{1,2}(?:,\\s*\\d{4})?)\\s*[—–-]`, 'm');
const WEEKDAY_DATE = new RegExp(`\\b(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday),?\\s+\\(?(${MONTH}\\s+\\d{1,2}(?:,\\s*\\d{4})?)`, 'g');
const CAPTION = new RegExp(`^.*\\b(?:Photo|Picture|Image|File photo|Credit)\\b.*?(${MONTH}\\s+\\d{1,2},\\s*\\d{4}).*$`, 'gim');

/**
 * Infers when an article was published from clues in its text, never later
 * than `now`: a dateline first (it names the day of filing), then the latest
 * date written with its weekday, then a dated photo caption. Cheap regexes run
 * before chrono is asked to read a date.
 */
export function inferPublished(text: string, now: Date): InferredDate | null {
  const head = text.slice(0, 600);
  const dateline = DATELINE.exec(head);
  if (dateline?.[1]) {
    const date = readDate(dateline[1], now);
    const at = dateline.index + dateline[0].indexOf(dateline[1]);
    if (date) return { date, clue: 'dateline', span: { start: at, end: at + dateline[1].length } };
  }
  const weekdayDates: InferredDate[] = [];
  for (const m of text.matchAll(WEEKDAY_DATE)) {
    const parsed = chrono.en.strict.parse(m[0], { instant: now, timezone: 0 })[0];
    const date = parsed && parsed.start.isCertain('day') ? parsed.start.date() : null;
    // A weekday that disagrees with the date means the year guess is wrong: skip it.
    if (!date || date.getUTCDay() !== parsed!.start.get('weekday') || date > now) continue;
    weekdayDates.push({ date: formatDay(date), clue: 'weekday-date', span: { start: m.index, end: m.index + m[0].length } });
  }
  if (weekdayDates.length > 0) return weekdayDates.reduce((a, b) => (b.date > a.date ? b : a));
  for (const m of text.matchAll(CAPTION)) {
    const date = readDate(m[1]!, now);
    const at = m.index + m[0].indexOf(m[1]!);
    if (date) return { date, clue: 'caption', span: { start: at, end: at + m[1]!.length } };
  }
  return null;
}

/** A written date as YYYY-MM-DD; without a year, the latest such day not after `now`. */
function readDate(words: string, now: Date): string | null {
  const parsed = chrono.en.strict.parse(words, { instant: now, timezone: 0 }, { forwardDate: false })[0];
  if (!parsed || !parsed.start.isCertain('day')) return null;
  const month = parsed.start.get('month')! - 1;
  const day = parsed.start.get('day')!;
  const year = parsed.start.isCertain('year') ? parsed.start.get('year')! : now.getUTCFullYear();
  let date = new Date(Date.UTC(year, month, day));
  if (!parsed.start.isCertain('year') && date > now) date = new Date(Date.UTC(year - 1, month, day));
  return date > now ? null : formatDay(date);
}
