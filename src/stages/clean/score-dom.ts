import { paragraphChars } from './strip-boilerplate.js';

/**
 * Our own content finder, a small cousin of Readability's: every paragraph
 * gives its length (less the part that is link text) to its parent and half
 * of it to its grandparent; the best-scored element holds the article.
 */
export function findContentElement(root: Element, { minChars = 140 }: { minChars?: number } = {}): Element | null {
  const semantic = Array.from(root.querySelectorAll('[itemprop="articleBody"], article'));
  const total = paragraphChars(root);
  // Schema.org's articleBody (or a lone <article>) is the publisher's own answer when it holds most of the prose.
  const marked = semantic.find((el) => paragraphChars(el) >= Math.max(minChars, total * 0.6));
  if (marked) return marked;
  const scores = new Map<Element, number>();
  for (const p of Array.from(root.querySelectorAll('p, pre, blockquote'))) {
    const text = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length < 25) continue;
    const linkChars = Array.from(p.querySelectorAll('a')).reduce((sum, a) => sum + (a.textContent ?? '').length, 0);
    const score = text.length * (1 - Math.min(1, linkChars / text.length)) + Math.min(3, (text.match(/,/g) ?? []).length);
    const parent = p.parentElement;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent?.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  let best: Element | null = null;
  let bestScore = minChars;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

/** Share of an element's text that sits inside links: high on menus and home pages. */
export function linkDensity(el: Element): number {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  if (text === 0) return 0;
  const links = Array.from(el.querySelectorAll('a')).reduce((sum, a) => sum + (a.textContent ?? '').replace(/\s+/g, ' ').trim().length, 0);
  return Math.min(1, links / text);
}
