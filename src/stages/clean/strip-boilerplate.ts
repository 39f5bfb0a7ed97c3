import type { Removed } from '../../model/doc.js';
import type { RemovalReason } from './article-extraction.js';

interface ElementRule {
  readonly reason: RemovalReason;
  /** Tested against the element's tag, role and parent: the landmarks a selector would name. */
  readonly matches?: (el: Element) => boolean;
  /** Tested against the element's id and class names, joined by a space. */
  readonly names?: RegExp;
  /** Larger elements are left alone: a match on a container of the article is a false one. */
  readonly maxChars: number;
}

// Class and id names, matched as whole dash/underscore-separated words so that
// "comments" matches "article-comments" but "commentary" does not.
const word = (alternatives: string) => new RegExp(String.raw`(?:^|[\s_-])(?:${alternatives})(?:$|[\s_-])`, 'i');

const LANDMARK_ROLES = new Set(['navigation', 'banner', 'contentinfo']);

// nav, [role=navigation|banner|contentinfo], body > footer, body > header.
function isLandmark(el: Element): boolean {
  const tag = el.tagName;
  if (tag === 'NAV') return true;
  if ((tag === 'FOOTER' || tag === 'HEADER') && el.parentElement?.tagName === 'BODY') return true;
  const role = el.getAttribute('role');
  return role !== null && LANDMARK_ROLES.has(role);
}

const ELEMENT_RULES: readonly ElementRule[] = [
  { reason: 'navigation', matches: isLandmark, maxChars: 20_000 },
  { reason: 'comments', names: word('comments?|commentlist|comment-?list|comments?-?(?:section|area|wrapper|container)|disqus|disqus_thread|respond|reply-title|discussion'), maxChars: Infinity },
  { reason: 'share-widget', names: word('share|shares|sharing|share-?bar|share-?tools|social|social-?links|addthis|sharethis|social-?share'), maxChars: 400 },
  { reason: 'caption', matches: (el) => el.tagName === 'FIGCAPTION', maxChars: 1_000 },
  { reason: 'caption', names: word('caption|wp-caption-text|image-?caption|photo-?caption'), maxChars: 1_000 },
  { reason: 'photo-credit', names: word('credit|credits|image-?credit|photo-?credit|copyright'), maxChars: 300 },
  { reason: 'related-links', names: word('related|related-?(?:posts|articles|stories|content|links)|recommended|more-?stories|read-?more|also-?read|outbrain|taboola|trending|most-?read|most-?popular|recirc|popular'), maxChars: 5_000 },
  { reason: 'newsletter-promo', names: word('newsletter|newsletters|subscribe|subscription|signup|sign-?up|paywall|inline-?promo'), maxChars: 1_500 },
  { reason: 'donation-ask', names: word('donate|donation|donations|support-?(?:ask|us|box|banner|appeal|cta|message)|contribution-?ask|membership-?(?:ask|appeal)'), maxChars: 1_500 },
  { reason: 'author-box', names: word('author-?box|about-?(?:the-?)?author|author-?bio|author-?card|author-?info|bio-?box'), maxChars: 2_000 },
  { reason: 'advertisement', names: word('ad|ads|advert|advertisement|ad-?slot|ad-?container|dfp|sponsor|sponsored'), maxChars: 400 },
];

/** Removed text kept for inspection is capped: a whole menu adds nothing. */
const KEEP_CHARS = 500;

/**
 * Removes boilerplate elements from a parsed page, in place, and says what went
 * and why. An element holding more than half of the page's paragraph text is
 * never removed, whatever its class: themes name article wrappers "share-…"
 * or "has-comments".
 */
export function stripBoilerplate(document: Document): Removed[] {
  const removed: Removed[] = [];
  for (const el of Array.from(document.querySelectorAll('script, style, noscript, template, iframe, svg, link'))) el.remove();
  const body = document.body ?? document.documentElement;
  if (!body) return removed;
  const total = paragraphChars(body);
  // One walk of the page, then every rule over that list: a selector query
  // per rule walked the whole page a dozen times.
  const elements = descendants(body).map((el) => ({ el, names: `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}` }));
  const named = elements.filter((e) => e.names.length > 1);
  for (const rule of ELEMENT_RULES) {
    const matches = rule.matches ? elements.filter((e) => rule.matches!(e.el)) : named.filter((e) => rule.names!.test(e.names));
    for (const { el } of matches) {
      if (!el.isConnected || el === body || el.tagName === 'BODY' || el.tagName === 'HTML' || el.tagName === 'ARTICLE' || el.tagName === 'MAIN') continue;
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text.length > rule.maxChars) continue;
      if (total > 0 && paragraphChars(el) > total * 0.5 && (rule.reason !== 'comments' || holdsArticle(el))) continue;
      el.remove();
      if (text) removed.push({ text: text.length > KEEP_CHARS ? `${text.slice(0, KEEP_CHARS)}…` : text, reason: rule.reason });
    }
  }
  return removed;
}

/** Every element under root, in document order (linkedom's getElementsByTagName('*') finds none). */
export function descendants(root: Element): Element[] {
  const out: Element[] = [];
  const visit = (el: Element) => {
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      out.push(child);
      visit(child);
    }
  };
  visit(root);
  return out;
}

export function paragraphChars(root: Element): number {
  let sum = 0;
  for (const p of Array.from(root.querySelectorAll('p'))) sum += (p.textContent ?? '').trim().length;
  return sum;
}

// A comments section may outweigh the article on a spammed page; it never holds the headline.
function holdsArticle(el: Element): boolean {
  return el.querySelector('h1, article, [itemprop="articleBody"]') !== null;
}
