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

/** What the quotation marks of a text enclose, and the marks that close nothing. */
export interface QuoteMarks {
  readonly quotes: readonly QuoteSpan[];
  /** Opening marks never closed: a typo, or a quote cut off by the cleaner. */
  readonly unmatched: readonly Span[];
}

type Role = 'open' | 'close' | 'either';

/** Marks of one family pair with each other; another family inside only nests. */
type Family = 'curly' | 'straight' | 'doubled' | 'single';

interface Mark extends Span {
  readonly family: Family;
  readonly role: Role;
}

interface Pending {
  readonly open: Mark;
  readonly paragraphs: number;
  readonly start: number;
  /** A quote of another family open inside this one. */
  readonly nested: Family | null;
}

const isAlnum = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
const isOpener = (c: string | undefined): boolean => isSpace(c) || /[([{—–/-]/.test(c ?? '');
const spanOf = (mark: Span): Span => ({ start: mark.start, end: mark.end });

/**
 * What a mark does where it stands, whatever its shape: typists and
 * converters put “ at the end of a quote and ” at the start often enough.
 */
function roleOf(text: string, start: number, end: number): Role {
  const before = text[start - 1];
  const after = text[end];
  if (isOpener(before) && !isSpace(after)) return 'open';
  if (!isSpace(before) && (isSpace(after) || /[.,;:!?)\]…—–-]/.test(after ?? ''))) return 'close';
  return 'either';
}

/**
 * Quotation marks of one line: curly “ ”, straight ", the NYT's doubled
 * apostrophes '', and single ‘ ’ ' only where they cannot be apostrophes
 * (not between letters, not before a digit as in '90s).
 */
function marksOf(text: string, from: number, to: number): Mark[] {
  const marks: Mark[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '“' || c === '”' || c === '„') {
      const role = roleOf(text, i, i + 1);
      marks.push({ start: i, end: i + 1, family: 'curly', role: role === 'either' ? (c === '”' ? 'close' : 'open') : role });
    } else if (c === '"') {
      // 5'11" and 12" are measures, not quotes.
      if (/\d/.test(text[i - 1] ?? '') && !isAlnum(text[i + 1])) continue;
      marks.push({ start: i, end: i + 1, family: 'straight', role: roleOf(text, i, i + 1) });
    } else if (c === "'" && text[i + 1] === "'") {
      // Three in a row close a nested single quote and the double one around it (or open both).
      const triple = text[i + 2] === "'";
      const at = triple && !isOpener(text[i - 1]) ? i + 1 : i;
      marks.push({ start: at, end: at + 2, family: 'doubled', role: roleOf(text, at, at + 2) });
      i += triple ? 2 : 1;
    } else if (c === '‘' || c === '’' || c === "'") {
      if (isAlnum(text[i - 1]) && isAlnum(text[i + 1])) continue;
      const role = roleOf(text, i, i + 1);
      // A straight one opens only before a capital: 'em, 'n' and '90s stay apostrophes.
      const next = text[i + 1] ?? '';
      if (role === 'open' && (c === '’' || /\d/.test(next) || (c === "'" && !/\p{Lu}/u.test(next)))) continue;
      if (role === 'close' && c === '‘') continue;
      if (role !== 'either') marks.push({ start: i, end: i + 1, family: 'single', role });
    }
  }
  return marks;
}

/** Lines of the text, as spans without their line break. */
function lines(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * Every quoted stretch of the text. An opening mark left open at the end of a
 * paragraph continues into the next paragraph when that one opens with a mark
 * of the same kind (the newspaper convention for long quotes); otherwise it
 * is an unmatched mark and yields nothing. Single quotes count only outside
 * double ones (headlines: 'Be the voice'); inside they nest.
 */
export function findQuoteSpans(text: string): QuoteMarks {
  const quotes: QuoteSpan[] = [];
  const unmatched: Span[] = [];
  const close = (pending: Pending, mark: Mark): void => {
    const span = innerSpan(text, pending.start, mark.start);
    if (span) quotes.push({ ...span, open: spanOf(pending.open), close: spanOf(mark), paragraphs: pending.paragraphs });
  };
  let carried = null as Pending | null;
  for (const line of lines(text)) {
    const marks = marksOf(text, line.start, line.end);
    let pending = null as Pending | null;
    const open: Pending | null = carried;
    if (open) {
      const first = marks[0];
      const firstChar = text.slice(line.start, line.end).search(/\S/) + line.start;
      if (first && first.start === firstChar && first.role === 'open' && first.family === open.open.family) {
        pending = { ...open, nested: null, paragraphs: open.paragraphs + 1 };
        marks.shift();
      } else unmatched.push(spanOf(open.open));
    }
    for (const mark of marks) {
      if (!pending) {
        if (mark.role !== 'close') pending = { open: mark, paragraphs: 1, start: mark.end, nested: null };
        continue;
      }
      if (mark.family === pending.open.family) {
        if (mark.role !== 'open') {
          close(pending, mark);
          pending = null;
        } else if (pending.nested === null) {
          // A second opening mark: the first one was never closed (a typo); start again here.
          if (pending.open.family !== 'single') unmatched.push(spanOf(pending.open));
          pending = { open: mark, paragraphs: 1, start: mark.end, nested: null };
        }
      } else if (pending.nested === mark.family) {
        if (mark.role !== 'open') pending = { ...pending, nested: null };
      } else if (pending.nested === null && mark.role === 'open') {
        pending = { ...pending, nested: mark.family };
      } else if (pending.open.family === 'curly' && mark.family === 'straight' && mark.role === 'close') {
        // “…" : mixed typing, the straight mark closes.
        close(pending, mark);
        pending = null;
      }
    }
    // Single quotes never run over a paragraph: an open one was an apostrophe after all.
    carried = pending?.open.family === 'single' ? null : pending;
  }
  if (carried) unmatched.push(spanOf(carried.open));
  return { quotes, unmatched };
}

/** The quoted words: no surrounding spaces, no comma left by the attribution. */
function innerSpan(text: string, from: number, to: number): Span | null {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /[\s,]/.test(text[end - 1] ?? '')) end--;
  return /[\p{L}\p{N}]/u.test(text.slice(start, end)) ? { start, end } : null;
}
