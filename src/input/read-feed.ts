import { XMLParser } from 'fast-xml-parser';
import { CrosscheckError } from '../model/errors.js';

export interface FeedItem {
  readonly title: string | null;
  /** The item's page, absolute when the feed or its base URL allows. */
  readonly url: string | null;
  /** YYYY-MM-DD as written in the feed, without a time-zone shift. */
  readonly published: string | null;
  readonly byline: readonly string[];
  /** The item's body as HTML (full content when present, else the summary). */
  readonly html: string | null;
  /** guid / id, when the feed gives one. */
  readonly guid: string | null;
}

export interface Feed {
  readonly format: 'rss' | 'atom' | 'rdf';
  readonly title: string | null;
  readonly link: string | null;
  readonly items: readonly FeedItem[];
}

type Node = Record<string, unknown>;

// Bodies are kept as raw markup (stop nodes) so Atom xhtml content stays HTML and
// CDATA is unwrapped by us; entities are decoded by us too, never expanded from
// a DOCTYPE, so a hostile feed cannot blow up memory with nested entities.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  stopNodes: ['*.encoded', '*.content', '*.description', '*.summary'],
  isArray: (name) => ['item', 'entry', 'link', 'author', 'creator', 'contributor'].includes(name),
});

/** True when the text's root element is `<rss>`, Atom `<feed>` or RSS 1.0 `<rdf:RDF>`. */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  // Skip the XML declaration, processing instructions, comments and a DOCTYPE before the root.
  const root = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*<([\w:.-]+)/i.exec(head)?.[1]?.toLowerCase();
  return root === 'rss' || root === 'feed' || root === 'rdf:rdf' || root?.endsWith(':feed') === true;
}

/**
 * Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed. Relative links are resolved
 * against `baseUrl` (where the feed was fetched), else the feed's own link.
 * Throws INPUT_FORMAT when the text is not a feed.
 */
export function readFeed(xml: string, baseUrl?: string): Feed {
  let tree: Node;
  try {
    tree = parser.parse(xml) as Node;
  } catch (error) {
    throw new CrosscheckError('INPUT_FORMAT', `expected an RSS or Atom feed, found malformed XML (${(error as Error).message}); check the feed URL`, { cause: error });
  }
  const rss = tree['rss'] as Node | undefined;
  const rdf = tree['RDF'] as Node | undefined;
  const atom = tree['feed'] as Node | undefined;
  if (rss || rdf) {
    const channel = ((rss ?? rdf)!['channel'] ?? {}) as Node;
    const link = absolute(firstText(channel['link']), baseUrl);
    const base = baseUrl ?? link ?? undefined;
    // RSS 1.0 puts items beside the channel, RSS 2.0 inside it.
    const items = asNodes(rss ? channel['item'] : rdf!['item']);
    return { format: rss ? 'rss' : 'rdf', title: textOf(channel['title']), link, items: items.map((item) => rssItem(item, base)) };
  }
  if (atom) {
    const link = absolute(atomLink(atom['link']), baseUrl);
    const base = baseUrl ?? link ?? undefined;
    return { format: 'atom', title: textOf(atom['title']), link, items: asNodes(atom['entry']).map((entry) => atomEntry(entry, base)) };
  }
  throw new CrosscheckError('INPUT_FORMAT', `expected an RSS or Atom feed, found a document whose root is not <rss>, <feed> or <rdf:RDF>; check the feed URL`);
}

function rssItem(item: Node, base: string | undefined): FeedItem {
  const guid = textOf(item['guid']);
  const guidIsLink = guid !== null && /^https?:\/\//i.test(guid) && attribute(item['guid'], 'isPermaLink') !== 'false';
  const authors = [...asArray(item['creator']), ...asArray(item['author'])].map((a) => authorName(textOf(a))).filter((a): a is string => !!a);
  return {
    title: textOf(item['title']),
    url: absolute(firstText(item['link']) ?? (guidIsLink ? guid : null), base),
    published: dateOf(textOf(item['pubDate']) ?? textOf(item['date'])),
    byline: unique(authors),
    html: bodyOf(item['encoded']) ?? bodyOf(item['content']) ?? bodyOf(item['description']),
    guid,
  };
}

function atomEntry(entry: Node, base: string | undefined): FeedItem {
  const authors = asNodes(entry['author']).map((a) => textOf(a['name']));
  return {
    title: textOf(entry['title']),
    url: absolute(atomLink(entry['link']), base),
    published: dateOf(textOf(entry['published']) ?? textOf(entry['updated'])),
    byline: unique(authors.filter((a): a is string => !!a)),
    html: bodyOf(entry['content']) ?? bodyOf(entry['summary']),
    guid: textOf(entry['id']),
  };
}

function atomLink(links: unknown): string | null {
  const nodes = asArray(links).filter((l): l is Node => typeof l === 'object' && l !== null);
  const alternate = nodes.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate') ?? nodes[0];
  const href = alternate?.['@_href'];
  return typeof href === 'string' ? decodeEntities(href) : null;
}

/** A stop node's raw markup as HTML: CDATA unwrapped, escaped markup unescaped. */
function bodyOf(node: unknown): string | null {
  const raw = rawText(node);
  if (raw === null) return null;
  const type = attribute(node, 'type');
  let html = '';
  // CDATA sections are literal; the text between them is entity-escaped.
  for (const part of raw.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)) {
    html += part.startsWith('<![CDATA[') ? part.slice(9, -3) : type === 'xhtml' ? part : decodeEntities(part);
  }
  if (type === 'text') html = `<p>${escapeHtml(html)}</p>`;
  html = html.trim();
  return html === '' ? null : html;
}

function textOf(node: unknown): string | null {
  const raw = rawText(node);
  if (raw === null) return null;
  const text = decodeEntities(raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

function rawText(node: unknown): string | null {
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
    const text = (node as Node)['#text'];
    return typeof text === 'string' ? text : null;
  }
  return null;
}

function firstText(node: unknown): string | null {
  for (const n of asArray(node)) {
    const text = textOf(n);
    if (text) return text;
  }
  return null;
}

function attribute(node: unknown, name: string): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const value = (node as Node)[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

function asArray(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

function asNodes(value: unknown): Node[] {
  return asArray(value).filter((v): v is Node => typeof v === 'object' && v !== null);
}

function absolute(url: string | null, base: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

// RSS <author> is "email (Name)" by the spec; show the name.
function authorName(author: string | null): string | null {
  if (!author) return null;
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(author)?.[1];
  return (named ?? author).trim() || null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The calendar date as written (ISO 8601 or RFC 822), so "23:30 -0500" stays on its own day. */
function dateOf(value: string | null): string | null {
  if (!value) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const rfc = /(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2,4})/i.exec(value);
  if (rfc) {
    const month = MONTHS.indexOf(rfc[2]!.toLowerCase()) + 1;
    const year = rfc[3]!.length === 2 ? 2000 + Number(rfc[3]) : Number(rfc[3]);
    if (month > 0) return `${year}-${String(month).padStart(2, '0')}-${rfc[1]!.padStart(2, '0')}`;
  }
  return null;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
