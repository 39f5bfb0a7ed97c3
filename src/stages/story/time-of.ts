import type { Doc } from '../../model/doc.js';

export interface TimePoint {
  /** Periods the article is about, in days since 1970-01-01, ascending by start. */
  readonly periods: readonly Period[];
  /** From the publication date (compared as it is), else from dates written in the text. */
  readonly published: boolean;
}

/** A day, a month or a year, first and last day included. */
export interface Period {
  readonly from: number;
  readonly to: number;
}

const DAY_MS = 86_400_000;

/**
 * When the article is about: its publication date, else the dates it writes
 * out with their year: a day, a month or a year alone ("in 2011"), each the
 * period it covers. Relative dates ("on Tuesday") are left out when there is
 * no publication date, since they were resolved against the run's "now".
 * A publication date guessed from the text (`publishedFrom: 'inferred'`) is no
 * better than the dates the text writes out, and a wrong one would hold the
 * article apart from its story by the full time penalty, so it counts as none.
 */
export function timeOf(doc: Doc): TimePoint | null {
  const published = doc.published && doc.publishedFrom !== 'inferred' ? dayOf(doc.published) : null;
  if (published !== null) return { periods: [{ from: published, to: published }], published: true };
  const periods = new Map<string, Period>();
  for (const date of doc.dates) {
    if (!date.text.includes(date.value.slice(0, 4))) continue;
    const period = periodOf(date.value);
    if (period) periods.set(`${period.from} ${period.to}`, period);
  }
  return periods.size > 0 ? { periods: [...periods.values()].sort((a, b) => a.from - b.from || a.to - b.to), published: false } : null;
}

function periodOf(value: string): Period | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d-])/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[3]) {
    const day = dayOf(value);
    return day === null ? null : { from: day, to: day };
  }
  const month = m[2] ? Number(m[2]) - 1 : null;
  const from = Date.UTC(year, month ?? 0, 1) / DAY_MS;
  // Day 0 of the next month (or year) is the last day of this one.
  const to = (month === null ? Date.UTC(year + 1, 0, 0) : Date.UTC(year, month + 1, 0)) / DAY_MS;
  return Number.isFinite(from) && Number.isFinite(to) ? { from, to } : null;
}

function dayOf(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(ms) ? Math.round(ms / DAY_MS) : null;
}

/**
 * 1 for articles published within `graceDays`, falling by e every `dayScale`
 * days beyond (`mentionDayScale` when a publication date is missing). Articles
 * known only by the dates they mention are compared by the closest pair of
 * those periods: a report that looks back at an earlier event names its date,
 * so only reports with no period in common are kept apart.
 */
export function timeFactor(
  a: TimePoint | null,
  b: TimePoint | null,
  graceDays: number,
  dayScale: number,
  mentionDayScale: number,
): number {
  if (!a || !b) return 1;
  const published = a.published && b.published;
  const days = closest(a.periods, b.periods);
  return days <= graceDays ? 1 : Math.exp(-(days - graceDays) / (published ? dayScale : mentionDayScale));
}

function closest(a: readonly Period[], b: readonly Period[]): number {
  let best = Infinity;
  for (const p of a) for (const q of b) best = Math.min(best, Math.max(0, p.from - q.to, q.from - p.to));
  return best;
}

