import type { TimelineEvent } from '../model/story.js';
import { html, type SafeHtml } from './safe-html.js';

const WIDTH = 720;
const MARGIN = 40;
const ROW = 16;
const AXIS_Y = 30;
const DAY_MS = 86_400_000;
/** Room one tick label needs at the stylesheet's font size, in viewBox units. */
const MIN_LABEL_GAP = 64;

/** YYYY, YYYY-MM and YYYY-MM-DD all land on their first day. */
function dayOf(date: string): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2] ?? '1') - 1, Number(m[3] ?? '1'));
  return Number.isNaN(t) ? null : t / DAY_MS;
}

const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The story's timeline as server-rendered SVG: a date axis and one dot per
 * event (events of one day stack up), each dot a link to the event in the
 * list below it, which names the articles behind it. No script needed.
 */
export function timelineSvg(events: readonly TimelineEvent[], anchor: (index: number) => string): SafeHtml | null {
  const placed = events
    .map((e, i) => ({ e, i, day: dayOf(e.date) }))
    .filter((p): p is { e: TimelineEvent; i: number; day: number } => p.day !== null);
  if (placed.length === 0) return null;
  const first = Math.min(...placed.map((p) => p.day));
  const last = Math.max(...placed.map((p) => p.day));
  // A single day still gets a readable axis: a week around it.
  const lo = first === last ? first - 3 : first;
  const hi = first === last ? last + 3 : last;
  const x = (day: number): number => Math.round((MARGIN + ((day - lo) / (hi - lo)) * (WIDTH - 2 * MARGIN)) * 10) / 10;
  const stack = new Map<number, number>();
  const dots = placed.map((p) => {
    const level = stack.get(p.day) ?? 0;
    stack.set(p.day, level + 1);
    return { ...p, cx: Math.round(x(p.day) * 10) / 10, cy: AXIS_Y + 18 + level * ROW };
  });
  const height = Math.max(...dots.map((d) => d.cy)) + 16;
  const span = hi - lo;
  const step = span <= 10 ? 1 : span <= 70 ? 7 : span <= 400 ? 30 : 365;
  const ticks: number[] = [];
  for (let d = lo; d <= hi; d += step) ticks.push(d);
  // Every tick, but a label only every few, so that labels ("2024-05") keep MIN_LABEL_GAP apart.
  const gap = ((WIDTH - 2 * MARGIN) * step) / span;
  const labelEvery = Math.max(1, Math.ceil(MIN_LABEL_GAP / gap));
  const described = `Timeline from ${isoDay(first)} to ${isoDay(last)}: ${placed.length} events`;
  return html`<svg
    class="timeline"
    viewBox="0 0 ${WIDTH} ${height}"
    role="img"
    aria-labelledby="timeline-title"
    preserveAspectRatio="xMinYMin meet"
  >
    <title id="timeline-title">${described}</title>
    <line class="axis" x1="${MARGIN}" y1="${AXIS_Y}" x2="${WIDTH - MARGIN}" y2="${AXIS_Y}"></line>
    ${ticks.map(
      (d, k) =>
        html`<line class="tick" x1="${x(d)}" y1="${AXIS_Y - 4}" x2="${x(d)}" y2="${AXIS_Y + 4}"></line>${
            k % labelEvery === 0
              ? html`<text class="tick-label" x="${x(d)}" y="${AXIS_Y - 10}" text-anchor="middle"
                  >${step >= 30 ? isoDay(d).slice(0, 7) : isoDay(d).slice(5)}</text
                >`
              : ''
          }`,
    )}
    <text class="year" x="${MARGIN}" y="${height - 2}">${isoDay(lo).slice(0, 4)}</text>
    ${dots.map(
      (d) =>
        html`<a href="${anchor(d.i)}" aria-label="${d.e.date}: ${d.e.text}"
          ><circle class="event" cx="${d.cx}" cy="${d.cy}" r="6"><title>${d.e.date}: ${d.e.text}</title></circle></a
        >`,
    )}
  </svg>`;
}
