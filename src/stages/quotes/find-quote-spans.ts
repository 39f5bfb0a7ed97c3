import type { Span } from '../../model/span.js';

/**
 * A stretch of text between quotation marks. `start`/`end` cover the quoted
 * words without the outer marks (and without the comma the attribution
 * leaves before a closing mark); `open`/`close` are the marks themselves.
 */
export interface QuoteSpan extends Span {
  /** The opening mark of the first paragraph. */
  readonly open: Span;
  /** The closing mark of the last paragraph. */
  readonly close: Span;
  /** More than one paragraph: every paragraph after the first reopens with a mark. */
  readonly paragraphs: number;
}

type Direction = 'open' | 'close' | 'either';

interface Mark extends Span {
  readonly direction: Direction;
}

const isAlnum = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);

/**
 * Double quotation marks of one line: curly “ ”, straight ", and the NYT's
 * doubled apostrophes ''. Single marks are left alone: inside a double quote
 * they only nest, and outside one they are far more often apostrophes
 * ('90s, voters' rights) than quotes.
 */
function marksOf(text: string, from: number, to: number): Mark[] {
  const marks: Mark[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '“' || c === '„') marks.push({ start: i, end: i + 1, direction: 'open' });
    else if (c === '”') marks.push({ start: i, end: i + 1, direction: 'close' });
    else if (c === '"') {
      // 5'11" and 12" are measures, not quotes.
      if (/\d/.test(text[i - 1] ?? '') && !isAlnum(text[i + 1])) {
        marks.push({ start: i, end: i + 1, direction: 'close' });
        continue;
      }
      marks.push({ start: i, end: i + 1, direction: 'either' });
    } else if (c === "'" && text[i + 1] === "'" && text[i + 2] !== "'") {
      marks.push({ start: i, end: i + 2, direction: 'either' });
      i++;
    } else if (c === "'" && text[i + 1] === "'" && text[i + 2] === "'") {
      // ''' closes a nested single quote and the double quote around it, or opens both.
      const opening = isSpace(text[i - 1]) || /[([—–-]/.test(text[i - 1] ?? '');
      marks.push(opening ? { start: i, end: i + 2, direction: 'open' } : { start: i + 1, end: i + 3, direction: 'close' });
      i += 2;
    }
  }
  return marks;
}

/** Whether a mark of unknown direction reads as an opening one where it stands. */
function opensHere(text: string, mark: Mark): boolean {
  // A mark followed by a space closes something we missed; it cannot open.
  return !isSpace(text[mark.end]);
}

function closesHere(text: string, mark: Mark): boolean {
  return !isSpace(text[mark.start - 1]);
}

interface Pending {
  readonly open: Mark;
  readonly paragraphs: number;
  readonly start: number;
}

/** Lines of the text, as spans without their line break. */
function lines(text: string): Span[] {
  const out: Span[] = [];
  const line = /[^\n]*/g;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length });
    line.lastIndex = m.index + m[0].length + 1;
    if (line.lastIndex > text.length) break;
  }
  return out;
}

/** What the quotation marks of a text enclose, and the marks that close nothing. */
export interface QuoteMarks {
  readonly quotes: readonly QuoteSpan[];
  /** Opening marks never closed: a typo, or a quote cut off by the cleaner. */
  readonly unmatched: readonly Span[];
}

/**
 * Every double-quoted stretch of the text. An opening mark left open at the
 * end of a paragraph continues into the next paragraph when that one opens
 * with a quotation mark (the newspaper convention for long quotes); otherwise
 * it is an unmatched mark and yields nothing.
 */
export function findQuoteSpans(text: string): QuoteMarks {
  const quotes: QuoteSpan[] = [];
  const unmatched: Span[] = [];
  let carried = null as Pending | null;
  for (const line of lines(text)) {
    const marks = marksOf(text, line.start, line.end);
    let pending = null as Pending | null;
    const open: Pending | null = carried;
    if (open) {
      const first = marks[0];
      const firstChar = text.slice(line.start, line.end).search(/\S/) + line.start;
      if (first && first.start === firstChar && first.direction !== 'close') {
        pending = { open: open.open, start: open.start, paragraphs: open.paragraphs + 1 };
        marks.shift();
      } else unmatched.push(spanOf(open.open));
    }
    for (const mark of marks) {
      if (!pending) {
        if (mark.direction === 'open' || (mark.direction === 'either' && opensHere(text, mark))) {
          pending = { open: mark, paragraphs: 1, start: mark.end };
        }
        continue;
      }
      if (mark.direction === 'open') {
        // A second opening mark: the first one was never closed (a typo); start again here.
        unmatched.push(spanOf(pending.open));
        pending = { open: mark, paragraphs: 1, start: mark.end };
        continue;
      }
      if (mark.direction === 'close' || closesHere(text, mark)) {
        const span = innerSpan(text, pending.start, mark.start);
        if (span) quotes.push({ ...span, open: spanOf(pending.open), close: spanOf(mark), paragraphs: pending.paragraphs });
        pending = null;
      }
    }
    carried = pending;
  }
  if (carried) unmatched.push(spanOf(carried.open));
  return { quotes, unmatched };
}

const spanOf = (mark: Span): Span => ({ start: mark.start, end: mark.end });

/** The quoted words: no surrounding spaces, no comma left by the attribution. */
function innerSpan(text: string, from: number, to: number): Span | null {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /[\s,]/.test(text[end - 1] ?? '')) end--;
  return /[\p{L}\p{N}]/u.test(text.slice(start, end)) ? { start, end } : null;
}
