import { sql, type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Doc } from '../model/doc.js';
import { CrosscheckError } from '../model/errors.js';
import type { Span } from '../model/span.js';
import type { Corpus, Entity, Story } from '../model/story.js';
import type { EntityTable, StoreDatabase, StoryArticleTable, StoryTable } from './store-schema.js';
import {
  fromArticleRow,
  fromEntityRow,
  fromStoryRow,
  toArticleRow,
  toArticleSummary,
  toEntityRow,
  toStoryRow,
  toStorySummary,
  type ArticleFacts,
} from './store-rows.js';
import type { ArticleListOptions, ArticleSummary, ListOptions, Page, StoreStats, StoryListOptions, StorySummary } from './store.js';

/**
 * The queries both engines run alike, written once against Kysely. A
 * `Transaction` is a `Kysely`, so each of them also runs inside one.
 */
export type StoreDb = Kysely<StoreDatabase>;

/** What the shared queries cannot say the same way on SQLite and PostgreSQL. */
export interface DialectHooks {
  /**
   * A table expression named `alias` with one text column, `value`: the
   * elements of the JSON array stored as text in `array`.
   */
  jsonArrayValues(array: RawBuilder<unknown>, alias: string): RawBuilder<unknown>;
}

/** Every column a Doc is rebuilt from; PostgreSQL's `search` vector is the database's own and stays out. */
const ARTICLE_COLUMNS = [
  'id', 'source', 'title', 'outlet', 'published', 'language', 'failed', 'published_from', 'extracted_by', 'text', 'raw', 'byline',
  'removed', 'sentences', 'tokens', 'mentions', 'quotes', 'figures', 'dates', 'messages', 'extra', 'saved_at',
] as const;

const ARTICLE_SUMMARY_COLUMNS = ['articles.id', 'articles.source', 'articles.title', 'articles.outlet', 'articles.published', 'articles.language', 'articles.failed'] as const;
const STORY_SUMMARY_COLUMNS = ['id', 'title', 'article_count', 'discrepancy_count', 'first_published', 'last_published', 'outlets'] as const;

/** Escapes LIKE wildcards so a user's "50%" matches literally. */
function containsPattern(query: string): string {
  return `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `lower() like` rather than ILIKE: SQLite has no ILIKE, and the `escape` clause reads the same on both. */
function containsText(column: string, query: string): RawBuilder<boolean> {
  return sql<boolean>`lower(${sql.ref(column)}) like ${containsPattern(query)} escape '\\'`;
}

export async function hasArticle(db: StoreDb, id: string): Promise<boolean> {
  const row = await db.selectFrom('articles').select('seq').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export async function getArticle(db: StoreDb, id: string): Promise<Doc | null> {
  const row = await db.selectFrom('articles').select(ARTICLE_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? fromArticleRow(row) : null;
}

/** Below SQLite's bound-parameter limit with room to spare; PostgreSQL's is higher still. */
const ID_CHUNK = 500;

export async function getArticles(db: StoreDb, ids: Iterable<string>): Promise<Map<string, Doc>> {
  const found = new Map<string, Doc>();
  for (const chunk of chunks([...new Set(ids)], ID_CHUNK)) {
    const rows = await db.selectFrom('articles').select(ARTICLE_COLUMNS).where('id', 'in', chunk).execute();
    for (const row of rows) found.set(row.id, fromArticleRow(row));
  }
  return found;
}

/** Every stored article, oldest saved first. */
export async function loadArticles(db: StoreDb): Promise<Doc[]> {
  const rows = await db.selectFrom('articles').select(ARTICLE_COLUMNS).orderBy('seq').execute();
  return rows.map(fromArticleRow);
}

/** The article filters both listings share; a story's listing also keeps the story's order. */
function articleFilters({ query: text, outlet, from, to }: ArticleListOptions) {
  return (eb: ExpressionBuilder<StoreDatabase, 'articles'>): Expression<SqlBool> =>
    eb.and([
      ...(text ? [containsText('articles.title', text)] : []),
      ...(outlet !== undefined ? [eb('articles.outlet', '=', outlet)] : []),
      ...(from !== undefined ? [eb('articles.published', '>=', from)] : []),
      ...(to !== undefined ? [eb('articles.published', '<=', to)] : []),
    ]);
}

export async function listArticles(db: StoreDb, options: ArticleListOptions): Promise<Page<ArticleSummary>> {
  const filters = articleFilters(options);
  if (options.story !== undefined) {
    const query = db
      .selectFrom('story_articles')
      .innerJoin('articles', 'articles.id', 'story_articles.article_id')
      .where('story_articles.story_id', '=', options.story)
      .where(filters);
    const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const rows = await query.select(ARTICLE_SUMMARY_COLUMNS).orderBy('story_articles.position').limit(options.limit).offset(options.offset).execute();
    return { total: Number(total.n), items: rows.map(toArticleSummary) };
  }
  const query = db.selectFrom('articles').where(filters);
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select(ARTICLE_SUMMARY_COLUMNS)
    .orderBy('articles.published', (ob) => ob.desc().nullsLast())
    .orderBy('articles.seq')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return { total: Number(total.n), items: rows.map(toArticleSummary) };
}

export async function listStories(db: StoreDb, dialect: DialectHooks, options: StoryListOptions): Promise<Page<StorySummary>> {
  let query = db.selectFrom('stories');
  if (options.query) query = query.where(containsText('stories.title', options.query));
  if (options.outlet !== undefined) {
    const outlets = dialect.jsonArrayValues(sql.ref('stories.outlets'), 'o');
    query = query.where(sql<boolean>`exists (select 1 from ${outlets} where o.value = ${options.outlet})`);
  }
  // Overlap of the story's report range with [from, to]; undated stories never match a date filter.
  if (options.from !== undefined) query = query.where('last_published', '>=', options.from);
  if (options.to !== undefined) query = query.where('first_published', '<=', options.to);
  if (options.entity !== undefined) {
    const cited = dialect.jsonArrayValues(sql.ref('e.articles'), 'ea');
    query = query.where(
      sql<boolean>`exists (select 1 from story_articles sa join entities e on e.id = ${options.entity}
        join ${cited} on ea.value = sa.article_id where sa.story_id = stories.id)`,
    );
  }
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select(STORY_SUMMARY_COLUMNS)
    .orderBy('last_published', (ob) => ob.desc().nullsLast())
    .orderBy('position')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return { total: Number(total.n), items: rows.map(toStorySummary) };
}

export async function getStory(db: StoreDb, id: string): Promise<Story | null> {
  const row = await db.selectFrom('stories').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const links = await db.selectFrom('story_articles').select('article_id').where('story_id', '=', id).orderBy('position').execute();
  return fromStoryRow(row, links.map((l) => l.article_id));
}

export async function listEntities(db: StoreDb, options: ListOptions): Promise<Page<Entity>> {
  let query = db.selectFrom('entities');
  if (options.query) query = query.where(containsText('entities.name', options.query));
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('position').limit(options.limit).offset(options.offset).execute();
  return { total: Number(total.n), items: rows.map(fromEntityRow) };
}

export async function getEntity(db: StoreDb, id: string): Promise<Entity | null> {
  const row = await db.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? fromEntityRow(row) : null;
}

export async function getEntities(db: StoreDb, ids: Iterable<string>): Promise<Map<string, Entity>> {
  const found = new Map<string, Entity>();
  for (const chunk of chunks([...new Set(ids)], ID_CHUNK)) {
    const rows = await db.selectFrom('entities').selectAll().where('id', 'in', chunk).execute();
    for (const row of rows) found.set(row.id, fromEntityRow(row));
  }
  return found;
}

/** Counts come back as numbers from SQLite and as bigint strings from PostgreSQL; `Number` reads both. */
export async function stats(db: StoreDb): Promise<StoreStats> {
  const articles = await db
    .selectFrom('articles')
    .select((eb) => [
      eb.fn.countAll().as('all'),
      eb.fn.count('outlet').distinct().as('outlets'),
      eb.fn.sum<number | string | null>(sql`case when failed = 1 then 1 else 0 end`).as('failed'),
    ])
    .executeTakeFirstOrThrow();
  const stories = await db.selectFrom('stories').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const entities = await db.selectFrom('entities').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return {
    articles: Number(articles.all),
    failedArticles: Number(articles.failed ?? 0),
    stories: Number(stories.n),
    entities: Number(entities.n),
    outlets: Number(articles.outlets),
  };
}

/** Inserts the articles whose ids are not stored yet; each engine learns which were added its own way (changes, returning). */
export function insertArticles(db: StoreDb, docs: readonly Doc[], savedAt = new Date().toISOString()) {
  return db
    .insertInto('articles')
    .values(docs.map((doc) => toArticleRow(doc, savedAt)))
    .onConflict((oc) => oc.column('id').doNothing());
}

/** The article layers that story stages fill; the text and its other spans never change after cleaning. */
export function storyLayersOf(doc: Doc): { mentions: string; quotes: string; figures: string } {
  return { mentions: JSON.stringify(doc.mentions), quotes: JSON.stringify(doc.quotes), figures: JSON.stringify(doc.figures) };
}

export function factsOf(doc: Pick<Doc, 'outlet' | 'published'>): ArticleFacts {
  return { outlet: doc.outlet, published: doc.published };
}

/** Articles the corpus's stories cite whose facts are not known yet: they must be read from the store. */
export function citedButUnknown(corpus: Corpus, facts: ReadonlyMap<string, ArticleFacts>): string[] {
  return [...new Set(corpus.stories.flatMap((s) => s.articles))].filter((id) => !facts.has(id));
}

/** The rows that replace every entity, story and story link; throws if a story cites an article nobody knows. */
export function corpusRows(corpus: Corpus, facts: ReadonlyMap<string, ArticleFacts>): { entities: EntityTable[]; stories: StoryTable[]; links: StoryArticleTable[] } {
  for (const story of corpus.stories) {
    const unknown = story.articles.find((id) => !facts.has(id));
    if (unknown !== undefined) {
      throw new CrosscheckError('STORE_FAILED', `story "${story.id}" cites article "${unknown}", which is neither stored nor in the corpus; save the article before its story`);
    }
  }
  return {
    entities: corpus.entities.map((entity, i) => toEntityRow(entity, i)),
    stories: corpus.stories.map((story, i) => toStoryRow(story, i, facts)),
    links: corpus.stories.flatMap((story) => story.articles.map((article, position) => ({ story_id: story.id, article_id: article, position }))),
  };
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The words the user typed. Both engines' search syntaxes read operators
 * (FTS5's quotes and AND, tsquery's & and !), and a stray one is an error or a
 * surprise; a search box promises to find all the words typed, nothing more.
 */
export function searchWords(query: string): string[] | null {
  return query.match(/[\p{L}\p{N}]+/gu);
}

/** Control characters cannot occur in clean text, so they safely mark matches in a snippet. */
export const MARK_OPEN = '\u0001';
export const MARK_CLOSE = '\u0002';

/** Turns a snippet with matches between MARK_OPEN and MARK_CLOSE into plain text plus highlight spans. */
export function parseSnippet(marked: string): { snippet: string; highlights: Span[] } {
  let snippet = '';
  let open = -1;
  const highlights: Span[] = [];
  for (const ch of marked) {
    if (ch === MARK_OPEN) open = snippet.length;
    else if (ch === MARK_CLOSE && open >= 0) {
      highlights.push({ start: open, end: snippet.length });
      open = -1;
    } else snippet += ch;
  }
  return { snippet, highlights };
}
