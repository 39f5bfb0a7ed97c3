import type { Doc } from '../model/doc.js';
import type { Entity, Story } from '../model/story.js';
import type { ArticleTable, EntityTable, StoryTable } from './store-schema.js';
import type { ArticleSummary, StorySummary } from './store.js';

/** An article row as written (the integer key is the database's to choose). */
export type ArticleRow = Omit<ArticleTable, 'seq'>;

/** The Doc fields that have their own column; anything else goes to `extra`. */
const ARTICLE_FIELDS = new Set<string>([
  'id', 'source', 'raw', 'text', 'removed', 'title', 'byline', 'outlet', 'published', 'publishedFrom',
  'language', 'extractedBy', 'sentences', 'tokens', 'mentions', 'quotes', 'figures', 'dates', 'messages', 'failed',
]);
const ENTITY_FIELDS = new Set<string>(['id', 'name', 'type', 'aliases', 'roles', 'articles']);
const STORY_FIELDS = new Set<string>(['id', 'title', 'articles', 'timeline', 'quotes', 'discrepancies', 'copies']);

/**
 * Other engineers add optional fields to the model; keeping the ones we have
 * no column for in a JSON object makes every round trip exact without a
 * migration per field.
 */
function extraOf(value: object, known: ReadonlySet<string>): string | null {
  const extra = Object.fromEntries(Object.entries(value).filter(([key, v]) => !known.has(key) && v !== undefined));
  return Object.keys(extra).length > 0 ? JSON.stringify(extra) : null;
}

function parseExtra(extra: string | null): Record<string, unknown> {
  return extra === null ? {} : (JSON.parse(extra) as Record<string, unknown>);
}

export function toArticleRow(doc: Doc, savedAt: string): ArticleRow {
  return {
    id: doc.id,
    source: doc.source,
    title: doc.title,
    outlet: doc.outlet,
    published: doc.published,
    language: doc.language,
    failed: doc.failed === undefined ? null : doc.failed ? 1 : 0,
    published_from: doc.publishedFrom ?? null,
    extracted_by: doc.extractedBy ?? null,
    text: doc.text,
    raw: JSON.stringify(doc.raw),
    byline: JSON.stringify(doc.byline),
    removed: JSON.stringify(doc.removed),
    sentences: JSON.stringify(doc.sentences),
    tokens: JSON.stringify(doc.tokens),
    mentions: JSON.stringify(doc.mentions),
    quotes: JSON.stringify(doc.quotes),
    figures: JSON.stringify(doc.figures),
    dates: JSON.stringify(doc.dates),
    messages: JSON.stringify(doc.messages),
    extra: extraOf(doc, ARTICLE_FIELDS),
    saved_at: savedAt,
  };
}

export function fromArticleRow(row: ArticleRow): Doc {
  return {
    ...parseExtra(row.extra),
    id: row.id,
    source: row.source,
    raw: JSON.parse(row.raw) as Doc['raw'],
    text: row.text,
    removed: JSON.parse(row.removed) as Doc['removed'],
    title: row.title,
    byline: JSON.parse(row.byline) as Doc['byline'],
    outlet: row.outlet,
    published: row.published,
    ...(row.published_from === null ? {} : { publishedFrom: row.published_from }),
    language: row.language,
    ...(row.extracted_by === null ? {} : { extractedBy: row.extracted_by }),
    sentences: JSON.parse(row.sentences) as Doc['sentences'],
    tokens: JSON.parse(row.tokens) as Doc['tokens'],
    mentions: JSON.parse(row.mentions) as Doc['mentions'],
    quotes: JSON.parse(row.quotes) as Doc['quotes'],
    figures: JSON.parse(row.figures) as Doc['figures'],
    dates: JSON.parse(row.dates) as Doc['dates'],
    messages: JSON.parse(row.messages) as Doc['messages'],
    ...(row.failed === null ? {} : { failed: row.failed === 1 }),
  };
}

export function toArticleSummary(row: Pick<ArticleTable, 'id' | 'source' | 'title' | 'outlet' | 'published' | 'language' | 'failed'>): ArticleSummary {
  return {
    id: row.id,
    source: row.source,
    title: row.title,
    outlet: row.outlet,
    published: row.published,
    language: row.language,
    failed: row.failed === 1,
  };
}

export function toEntityRow(entity: Entity, position: number): EntityTable {
  return {
    id: entity.id,
    position,
    name: entity.name,
    type: entity.type,
    aliases: JSON.stringify(entity.aliases),
    roles: JSON.stringify(entity.roles),
    articles: JSON.stringify(entity.articles),
    extra: extraOf(entity, ENTITY_FIELDS),
  };
}

export function fromEntityRow(row: EntityTable): Entity {
  return {
    ...parseExtra(row.extra),
    id: row.id,
    name: row.name,
    type: row.type as Entity['type'],
    aliases: JSON.parse(row.aliases) as string[],
    roles: JSON.parse(row.roles) as string[],
    articles: JSON.parse(row.articles) as string[],
  };
}

/** What a story's summary needs to know about each of its articles. */
export interface ArticleFacts {
  readonly outlet: string | null;
  readonly published: string | null;
}

export function toStoryRow(story: Story, position: number, facts: ReadonlyMap<string, ArticleFacts>): StoryTable {
  const known = story.articles.map((id) => facts.get(id)).filter((f): f is ArticleFacts => f !== undefined);
  // YYYY-MM-DD (or a prefix of it) sorts as text, so min/max need no date parsing.
  const dates = known.map((f) => f.published).filter((d): d is string => d !== null).sort();
  const outlets = [...new Set(known.map((f) => f.outlet).filter((o): o is string => o !== null))];
  return {
    id: story.id,
    position,
    title: story.title,
    article_count: story.articles.length,
    discrepancy_count: story.discrepancies.length,
    first_published: dates[0] ?? null,
    last_published: dates.at(-1) ?? null,
    outlets: JSON.stringify(outlets),
    timeline: JSON.stringify(story.timeline),
    quotes: JSON.stringify(story.quotes),
    discrepancies: JSON.stringify(story.discrepancies),
    copies: story.copies === undefined ? null : JSON.stringify(story.copies),
    extra: extraOf(story, STORY_FIELDS),
  };
}

export function fromStoryRow(row: StoryTable, articles: readonly string[]): Story {
  return {
    ...parseExtra(row.extra),
    id: row.id,
    title: row.title,
    articles,
    timeline: JSON.parse(row.timeline) as Story['timeline'],
    quotes: JSON.parse(row.quotes) as Story['quotes'],
    discrepancies: JSON.parse(row.discrepancies) as Story['discrepancies'],
    ...(row.copies === null ? {} : { copies: JSON.parse(row.copies) as Story['copies'] }),
  };
}

export function toStorySummary(row: Pick<StoryTable, 'id' | 'title' | 'article_count' | 'discrepancy_count' | 'first_published' | 'last_published' | 'outlets'>): StorySummary {
  return {
    id: row.id,
    title: row.title,
    articleCount: row.article_count,
    outlets: JSON.parse(row.outlets) as string[],
    firstPublished: row.first_published,
    lastPublished: row.last_published,
    discrepancyCount: row.discrepancy_count,
  };
}
