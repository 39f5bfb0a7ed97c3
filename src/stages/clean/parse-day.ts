import * as chrono from 'chrono-node';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date string from page metadata as YYYY-MM-DD, or null. An ISO timestamp
 * keeps the day as written, whatever its offset: that is the day the outlet
 * published on, in its own time zone.
 */
export function parseDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value.trim();
  const iso = /^(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s])/.exec(text) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b/.exec(text);
  if (iso) return validDay(+iso[1]!, +iso[2]!, +iso[3]!);
  const named = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})\b/i.exec(text);
  // A number before a word that is no month ("3 min read 2024") must not hide a later date.
  const namedDay = named ? validDay(+named[3]!, MONTHS.indexOf(named[2]!.toLowerCase()) + 1, +named[1]!) : null;
  if (namedDay) return namedDay;
  const american = /\b([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i.exec(text);
  if (american) return validDay(+american[3]!, MONTHS.indexOf(american[1]!.toLowerCase()) + 1, +american[2]!);
  return null;
}

function validDay(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** /2024/02/13/ or /2024-02-13/ in a URL path. */
export function dayFromUrl(url: string | undefined): string | null {
  if (!url) return null;
  const m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)/.exec(url);
  return m ? validDay(+m[1]!, +m[2]!, +m[3]!) : null;
}

/** A full date (day, month and year written out) near the start of the text: a dateline. */
export function dayFromDateline(text: string, now: Date, window = 600): string | null {
  for (const result of chrono.strict.parse(text.slice(0, window), now)) {
    const start = result.start;
    if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) continue;
    // chrono marks relative phrases ("for a second", "two days ago") as certain
    // too, counted from `now`: only a year written out makes a dateline.
    if (!/\b\d{4}\b/.test(result.text)) continue;
    const day = validDay(start.get('year')!, start.get('month')!, start.get('day')!);
    if (day) return day;
  }
  return null;
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// "Posted on March 7, 2024 by …", "Published: 13 February 2024": the stamp a
// page prints under its headline. "Updated" stamps are left out on purpose:
// they date an edit, not the publication.
const STAMP = /^(?:first\s+)?(?:posted|published|dated)(?:\s+(?:on|at))?\s*[:\-–—]?\s*(\S.{5,80})/i;

/** The day of a "Posted on …" or "Published …" line, or null. */
export function dayFromStamp(line: string): string | null {
  const m = STAMP.exec(line.trim());
  return m ? parseDay(m[1]) : null;
}
