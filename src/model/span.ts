/**
 * A range of a document's clean text, in UTF-16 code units (JavaScript string
 * indices), `end` exclusive: `doc.text.slice(start, end)`.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Evidence for a cross-document object: a span of one article's clean text. */
export interface Evidence extends Span {
  readonly article: string;
}

export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Narrows a span so that it does not start or end on whitespace. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}
