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

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
