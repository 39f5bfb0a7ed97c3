/**
 * Calendar arithmetic on plain days. Dates are UTC midnights so that no local
 * time zone can move a day across midnight.
 */

/** A day as a UTC Date from "YYYY-MM-DD"; null when the string is not one. */
export function parseDay(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(date.getTime()) ? null : date;
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatDay(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function formatMonth(year: number, month: number): string {
  // month is 1-based and may overflow either way ("last month" in January).
  const date = new Date(Date.UTC(year, month - 1, 1));
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}`;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** ISO 8601 week ("YYYY-Www"): weeks start on Monday, week 1 holds the first Thursday. */
export function formatIsoWeek(date: Date): string {
  const thursday = addDays(date, 3 - ((date.getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round((thursday.getTime() - addDays(firstThursday, -((firstThursday.getUTCDay() + 6) % 7) + 3).getTime()) / (7 * 86_400_000));
  return `${pad(year, 4)}-W${pad(week)}`;
}

export function quarterOf(date: Date): number {
  return Math.floor(date.getUTCMonth() / 3) + 1;
}

/**
 * The day named by a weekday (0 = Sunday) relative to `ref`: the latest one on
 * or before it in a past-tense sentence, the next one on or after it otherwise.
 */
export function resolveWeekday(ref: Date, weekday: number, direction: 'past' | 'future'): Date {
  const diff = weekday - ref.getUTCDay();
  if (direction === 'past') return addDays(ref, diff <= 0 ? diff : diff - 7);
  return addDays(ref, diff >= 0 ? diff : diff + 7);
}
