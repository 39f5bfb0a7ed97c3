import type { PublishedSource } from './article-extraction.js';
import { parseBylineLine } from './classify-blocks.js';
import { dayFromUrl, isoDay, parseDay } from './parse-day.js';

export interface PageMetadata {
  readonly title: string | null;
  readonly byline: readonly string[];
  readonly outlet: string | null;
  readonly published: string | null;
  readonly publishedFrom: PublishedSource | null;
  /** Candidate names that were refused as bylines, for the junk-byline diagnostic. */
  readonly refusedBylines: readonly string[];
}

type JsonObject = Record<string, unknown>;

/** Title, byline, outlet and publication day from a page's head and markup. */
export function extractMetadata(document: Document, { url, now = new Date() }: { url?: string; now?: Date } = {}): PageMetadata {
  const ld = readJsonLd(document);
  const tags = readMetaTags(document);
  const article = ld.find((o) => /Article|Posting|Report|NewsArticle|BlogPosting/i.test(String(o['@type'] ?? ''))) ?? ld[0];
  const outlet =
    clean(meta(tags, 'og:site_name')) ??
    clean(nameOf(article?.['publisher'])) ??
    clean(meta(tags, 'application-name')) ??
    hostName(url);
  const rawTitle =
    clean(meta(tags, 'og:title')) ??
    clean(meta(tags, 'twitter:title')) ??
    clean(typeof article?.['headline'] === 'string' ? article['headline'] : null) ??
    clean(document.querySelector('title')?.textContent) ??
    clean(document.querySelector('h1')?.textContent);
  const title = rawTitle ? stripSiteSuffix(rawTitle, outlet) : null;
  const { byline, refused } = findByline(document, tags, article, outlet);
  const { published, publishedFrom } = findPublished(document, tags, ld, url, isoDay(now));
  return { title, byline, outlet, published, publishedFrom, refusedBylines: refused };
}

function readJsonLd(document: Document): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const o = value as JsonObject;
      out.push(o);
      if (o['@graph']) visit(o['@graph']);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common; the other sources still apply.
    }
  }
  return out;
}

/** A page's <meta> tags by property, name and itemprop; the first tag of a key wins, as querySelector would find it. */
type MetaTags = ReadonlyMap<string, string | null>;

// One walk over the <meta> tags instead of one selector query per key: on
// the extraction bench the per-key queries were a seventh of the run time.
function readMetaTags(document: Document): MetaTags {
  const tags = new Map<string, string | null>();
  for (const el of Array.from(document.getElementsByTagName('meta'))) {
    for (const attribute of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attribute);
      if (key !== null && !tags.has(key)) tags.set(key, el.getAttribute('content'));
    }
  }
  return tags;
}

function meta(tags: MetaTags, key: string): string | null {
  return tags.get(key) ?? null;
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return nameOf(value[0]);
  if (value && typeof value === 'object') {
    const name = (value as JsonObject)['name'];
    return typeof name === 'string' ? name : null;
  }
  return null;
}

/** The page's host without "www.", as the outlet of last resort; null without a usable URL. */
export function hostName(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** "Dam gates opened | The Harbor Ledger" → "Dam gates opened". */
export function stripSiteSuffix(title: string, outlet: string | null): string {
  const parts = title.split(/\s+(?:\||-|–|—|::|·|•)\s+/);
  if (parts.length < 2) return title;
  const last = parts.at(-1)!;
  const first = parts[0]!;
  const isOutlet = (part: string) =>
    (outlet !== null && simplify(part).includes(simplify(outlet).replace(/\.(?:com|org|net|co\.uk)$/, ''))) || part.split(/\s+/).length <= 3;
  if (isOutlet(last)) return parts.slice(0, -1).join(' - ').trim() || title;
  // Some sites put their name first: "The Harbor Ledger | Dam gates opened".
  if (outlet !== null && simplify(first) === simplify(outlet)) return parts.slice(1).join(' - ');
  return title;
}

function simplify(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}.]+/gu, '');
}

/**
 * A reporter's name, as opposed to what content farms and templates put in
 * byline slots: the site name, reading times, URLs, contact lines, ratings.
 */
export function isJunkByline(name: string, outlet: string | null): boolean {
  const text = name.trim();
  if (text.length < 3 || text.length > 60) return true;
  if (/https?:|www\.|@|\d|★|☆|minute|read\b|staff|admin|editor(?:ial)? team|team\b|about the author|phone|address|rating/i.test(text)) return true;
  if (outlet && simplify(text) === simplify(outlet)) return true;
  const words = text.split(/\s+/);
  if (words.length > 5) return true;
  return !words.some((w) => /^\p{Lu}/u.test(w));
}

function findByline(document: Document, tags: MetaTags, article: JsonObject | undefined, outlet: string | null): { byline: string[]; refused: string[] } {
  const candidates: string[] = [];
  const author = article?.['author'];
  for (const a of Array.isArray(author) ? author : author ? [author] : []) {
    const name = nameOf(a);
    if (name) candidates.push(name);
  }
  const metaAuthor = meta(tags, 'author') ?? meta(tags, 'article:author') ?? meta(tags, 'byl') ?? meta(tags, 'parsely-author');
  if (metaAuthor) candidates.push(...metaAuthor.replace(/^by\s+/i, '').split(/\s*(?:,|\band\b|;)\s*/));
  if (candidates.length === 0) {
    // `[class~="author"]` is the class token itself, so "comment-author" and
    // "author-box" (a content farm's fake profile) do not match.
    const marked = Array.from(document.querySelectorAll('[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"], [class~="author"], [class~="author-name"]'));
    for (const el of marked.filter((el) => !inComments(el)).slice(0, 4)) {
      const text = clean(el.textContent);
      if (text) candidates.push(...namesInByline(text));
    }
  }
  if (candidates.length === 0) {
    for (const el of Array.from(document.querySelectorAll('[class*="byline"], [class*="Byline"]')).slice(0, 3)) {
      const names = parseBylineLine(clean(el.textContent) ?? '');
      if (names) candidates.push(...names);
    }
  }
  const byline: string[] = [];
  const refused: string[] = [];
  for (const raw of candidates) {
    const name = raw.replace(/\s+/g, ' ').trim();
    if (!name) continue;
    if (isJunkByline(name, outlet)) refused.push(name);
    else if (!byline.includes(name)) byline.push(name);
  }
  return { byline, refused };
}

function inComments(el: Element): boolean {
  return el.closest('[class*="comment"], [id*="comment"], [id="respond"]') !== null;
}

// "By Ana Ruiz and Tomas Vell", "Ana Ruiz": an author element may or may not carry the "By".
function namesInByline(text: string): string[] {
  const names = parseBylineLine(/^(?:by|reporting by|written by|words by)\s/i.test(text) ? text : `By ${text}`);
  return names && names.length > 0 ? names : [text.replace(/^by\s+/i, '')];
}

// Published before modified, structured data before loose markup: a page's
// "updated" stamp and a sidebar's <time> are the usual wrong answers.
function findPublished(document: Document, tags: MetaTags, ld: JsonObject[], url: string | undefined, today: string): { published: string | null; publishedFrom: PublishedSource | null } {
  // Thunks, tried in order: most pages answer from JSON-LD or a meta tag, and
  // the <time> and <link> queries each walk the whole page.
  const candidates: [() => string | null, PublishedSource][] = [
    ...ld.map((o): [() => string | null, PublishedSource] => [() => (typeof o['datePublished'] === 'string' ? parseDay(o['datePublished']) : null), 'json-ld']),
    ...['article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'date', 'DC.date.issued', 'dc.date', 'sailthru.date', 'parsely-pub-date'].map(
      (key): [() => string | null, PublishedSource] => [() => parseDay(meta(tags, key)), 'meta'],
    ),
    [() => parseDay(document.querySelector('time[pubdate], time[itemprop="datePublished"]')?.getAttribute('datetime')), 'time'],
    [() => parseDay(document.querySelector('time[datetime]')?.getAttribute('datetime')), 'time'],
    // A saved page's own address is often a file path; the URL the page gives
    // for itself (canonical, og:url) still carries the /2024/03/07/ of many CMSs.
    [() => dayFromUrl(url), 'url'],
    [() => dayFromUrl(document.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? undefined), 'url'],
    [() => dayFromUrl(meta(tags, 'og:url') ?? undefined), 'url'],
  ];
  for (const [read, from] of candidates) {
    const day = read();
    if (day && day <= today) return { published: day, publishedFrom: from };
  }
  return { published: null, publishedFrom: null };
}
