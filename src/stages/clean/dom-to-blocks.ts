/** One paragraph, heading, list item or other block of text in a page. */
export interface TextBlock {
  readonly text: string;
  readonly kind: 'paragraph' | 'heading' | 'item';
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD']);
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const ITEMS = new Set(['LI', 'DT', 'DD']);
const BLOCKS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'DL',
  'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'FIGURE', 'FIGCAPTION', 'FORM', 'FIELDSET', 'ADDRESS', 'CENTER', 'HR', 'BODY', 'HTML',
  ...HEADINGS, ...ITEMS,
]);

/**
 * The text of an element as blocks, in document order. Inline text is joined
 * with single spaces; every block element starts a new block, and so does a
 * <br>, since pages use <br><br> as a paragraph break.
 */
export function domToBlocks(root: Element): TextBlock[] {
  const blocks: TextBlock[] = [];
  let buffer = '';
  const flush = (kind: TextBlock['kind']) => {
    const text = buffer.replace(/[\s\u00a0]+/g, ' ').trim();
    buffer = '';
    if (text) blocks.push({ text, kind });
  };
  const walk = (node: Node, kind: TextBlock['kind']) => {
    if (node.nodeType === 3) {
      buffer += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') {
      flush(kind);
      return;
    }
    if (tag === 'TD' || tag === 'TH') buffer += ' ';
    if (!BLOCKS.has(tag)) {
      for (const child of Array.from(el.childNodes)) walk(child, kind);
      return;
    }
    const own: TextBlock['kind'] = HEADINGS.has(tag) ? 'heading' : ITEMS.has(tag) ? 'item' : kind === 'item' ? 'item' : 'paragraph';
    flush(kind);
    for (const child of Array.from(el.childNodes)) walk(child, own);
    flush(own);
  };
  walk(root, 'paragraph');
  flush('paragraph');
  return blocks;
}

/** The clean-text convention: a blank line between paragraphs, one line per list item. */
export function joinBlocks(blocks: readonly TextBlock[]): string {
  let text = '';
  blocks.forEach((block, i) => {
    if (i > 0) text += block.kind === 'item' && blocks[i - 1]!.kind === 'item' ? '\n' : '\n\n';
    text += block.text;
  });
  return text;
}
