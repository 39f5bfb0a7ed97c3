import { html, type HtmlValue, type SafeHtml } from './safe-html.js';

/** One span to highlight: `kind` picks the colour, `id` the anchor links land on. */
export interface Highlight {
  readonly start: number;
  readonly end: number;
  readonly kind: 'mention' | 'quote' | 'figure' | 'date';
  readonly id: string;
  /** Plain text shown on hover and read by screen readers (speaker, value, entity). */
  readonly label: string;
}

/** Wider spans open first so that a name inside a quote nests inside it. */
const KIND_ORDER: Readonly<Record<Highlight['kind'], number>> = { quote: 0, figure: 1, date: 2, mention: 3 };

function render(text: string, spans: readonly Highlight[], from: number, to: number): HtmlValue[] {
  const out: HtmlValue[] = [];
  let at = from;
  let i = 0;
  while (i < spans.length) {
    const span = spans[i]!;
    const start = Math.max(span.start, at);
    const end = Math.min(span.end, to);
    // Spans that follow and start inside this one are its children; a child
    // that crosses the end is cut there (markup must nest), never moved.
    let j = i + 1;
    while (j < spans.length && spans[j]!.start < end) j++;
    if (end > start) {
      out.push(text.slice(at, start));
      const inner = render(text, spans.slice(i + 1, j), start, end);
      out.push(html`<mark class="hl hl-${span.kind}" id="${span.id}" title="${span.label}">${inner}</mark>`);
      at = end;
    }
    i = j;
  }
  out.push(text.slice(at, to));
  return out;
}

/**
 * The text with highlights, built by slicing it at span boundaries and
 * escaping every piece: article text is untrusted and never becomes markup.
 * Spans out of range are dropped rather than trusted.
 */
export function highlightText(text: string, highlights: readonly Highlight[]): SafeHtml {
  const valid = highlights
    .filter((h) => Number.isInteger(h.start) && Number.isInteger(h.end) && h.start >= 0 && h.end <= text.length && h.start < h.end)
    .sort((a, b) => a.start - b.start || b.end - a.end || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return html`${render(text, valid, 0, text.length)}`;
}
