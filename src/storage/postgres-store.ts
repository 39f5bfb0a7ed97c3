import pg from 'pg';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import type { Doc } from '../model/doc.js';
import { CrosscheckError, isCrosscheckError } from '../model/errors.js';
import type { Span } from '../model/span.js';
import type { Corpus, Entity, Story } from '../model/story.js';
import { postgresMigrations } from './postgres-migrations.js';
import type { Migration } from './sqlite-migrations.js';
import type { StoreDatabase } from './store-schema.js';
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
import type { ArticleListOptions, ArticleSummary, ListOptions, Page, SearchHit, Store, StoreStats, StoryListOptions, StorySummary } from './store.js';

/** Articles are wide rows (text, raw input, every layer as JSON): a few hundred per statement keeps each message small. */
const ARTICLE_CHUNK = 200;
/** Well below PostgreSQL's 65,535 bound parameters per statement for the narrow tables. */
const ROW_CHUNK = 1000;
const SNIPPET_MAX_WORDS = 16;
const SNIPPET_MIN_WORDS = 8;
/** Control characters cannot occur in clean text, so they safely mark matches in a snippet. */
const MARK_OPEN = '\u0001';
const MARK_CLOSE = '\u0002';
const HEADLINE_OPTIONS = `StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}, MaxWords=${SNIPPET_MAX_WORDS}, MinWords=${SNIPPET_MIN_WORDS}`;
/** Unquoted identifiers only: the schema name ends up in `search_path`, which takes no bound parameter. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresStoreOptions {
  /** Schema holding crosscheck's tables; default: the URL's `?schema=` parameter, else `public`. */
  readonly schema?: string;
  /** Connections in this handle's pool. */
  readonly maxConnections?: number;
  /** Shown in pg_stat_activity; default `crosscheck:<schema>`, so an operator (or a fault test) can find this store's connections. */
  readonly applicationName?: string;
  /** Errors on idle pooled connections (a server restart); they are otherwise harmless. */
  readonly onConnectionError?: (error: Error) => void;
}

/** A Store on PostgreSQL, plus the story regrouping that concurrent workers need. */
export interface PostgresStore extends Store {
  readonly schema: string;
  /**
   * In one transaction holding the story lock: loads every stored article,
   * lets `compute` run the story stages over them and saves the result as
   * `saveCorpus` does. Two regroups never interleave, so the later one always
   * sees every article the earlier one saw (docs/decisions/0003).
   */
  regroupStories(compute: (docs: Doc[]) => Promise<Corpus>): Promise<Corpus>;
}

export interface PostgresLocation {
  /** The URL handed to `pg`, without crosscheck's own `schema` parameter. */
  readonly connectionString: string;
  readonly schema: string;
}

/** Splits crosscheck's `?schema=` out of a postgres:// URL and checks it is a plain identifier. */
export function parsePostgresLocation(url: string, schema?: string): PostgresLocation {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new CrosscheckError('USAGE', `expected a URL such as postgres://user@host:5432/db, got "${redactPassword(url)}"; check CROSSCHECK_DATABASE_URL`, { cause: error });
  }
  const fromUrl = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  const chosen = schema ?? fromUrl ?? 'public';
  if (!SCHEMA_NAME.test(chosen)) {
    throw new CrosscheckError('USAGE', `expected a schema name of lower-case letters, digits and _, got "${chosen}"; pick another ?schema=`);
  }
  return { connectionString: parsed.toString(), schema: chosen };
}

/**
 * Opens a store on the PostgreSQL database at `url` (credentials come from the
 * URL or the PG* environment variables, never from code) and applies pending
 * migrations under an advisory lock, so any number of workers may open a new
 * database at once.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const location = parsePostgresLocation(url, options.schema);
  const shown = redactPassword(url);
  const pool = new pg.Pool({
    connectionString: location.connectionString,
    max: options.maxConnections ?? 4,
    connectionTimeoutMillis: 10_000,
    application_name: options.applicationName ?? `crosscheck:${location.schema}`,
    // Every connection resolves table names in our schema; the name was checked against SCHEMA_NAME.
    options: `-c search_path=${location.schema}`,
  });
  // An idle connection dropped by a server restart emits 'error' on the pool;
  // unhandled, it would kill the process. The next query opens a new one.
  pool.on('error', (error) => options.onConnectionError?.(error));
  // A connection checked out but between queries (a regroup's transaction while
  // the story stages run) reports its loss on the client itself; the query that
  // follows fails and rolls the transaction back, so the event needs no more than this.
  pool.on('connect', (client) => client.on('error', (error) => options.onConnectionError?.(error)));
  const db = new Kysely<StoreDatabase>({ dialect: new PostgresDialect({ pool }) });
  try {
    await applyMigrations(db, postgresMigrations, location.schema, shown);
  } catch (error) {
    await db.destroy();
    if (isCrosscheckError(error)) throw error;
    throw new CrosscheckError('STORE_FAILED', `could not open the PostgreSQL store at ${shown} (${messageOf(error)}); is the server running and the URL right? Set it with CROSSCHECK_DATABASE_URL`, { cause: error });
  }
  return new PgStore(db, location.schema, shown);
}

/**
 * One transaction under a per-schema advisory lock: a second opener waits,
 * then finds the migrations applied. `create schema` sits inside the lock
 * because concurrent `create schema if not exists` can still collide.
 */
async function applyMigrations(db: Kysely<StoreDatabase>, migrations: readonly Migration[], schema: string, shown: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`crosscheck:migrate:${schema}`}))`.execute(trx);
    await sql`create schema if not exists ${sql.id(schema)}`.execute(trx);
    await sql`create table if not exists migrations (version integer primary key, name text not null, applied_at text not null)`.execute(trx);
    const applied = new Set((await trx.selectFrom('migrations').select('version').execute()).map((r) => r.version));
    const known = Math.max(0, ...migrations.map((m) => m.version));
    const newest = Math.max(0, ...applied);
    if (newest > known) {
      throw new CrosscheckError('STORE_FAILED', `${shown} (schema ${schema}) has schema version ${newest} but this crosscheck knows up to ${known}; upgrade crosscheck to open it`);
    }
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) await sql.raw(statement).execute(trx);
      await trx.insertInto('migrations').values({ version: migration.version, name: migration.name, applied_at: new Date().toISOString() }).execute();
    }
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Error messages end up in logs; a URL's password must not. */
export function redactPassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Escapes LIKE wildcards so a user's "50%" matches literally. */
function containsPattern(query: string): string {
  return `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The words the user typed, for plainto_tsquery, which ANDs them and reads no
 * operators; extracting words first also drops stray quotes and parentheses.
 */
function searchWords(query: string): string | null {
  const words = query.match(/[\p{L}\p{N}]+/gu);
  return words ? words.join(' ') : null;
}

function parseSnippet(marked: string): { snippet: string; highlights: Span[] } {
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

type Db = Kysely<StoreDatabase> | Transaction<StoreDatabase>;

/**
 * All of crosscheck's SQL for PostgreSQL, through Kysely like SQLite's, with
 * values always bound as parameters. Multi-statement writes run in one
 * transaction; corpus writes also take the story lock (docs/decisions/0003).
 */
class PgStore implements PostgresStore {
  readonly schema: string;
  readonly #db: Kysely<StoreDatabase>;
  readonly #shown: string;
  #closed = false;

  constructor(db: Kysely<StoreDatabase>, schema: string, shown: string) {
    this.#db = db;
    this.schema = schema;
    this.#shown = shown;
  }

  async hasArticle(id: string): Promise<boolean> {
    return this.#guard('checking an article', async () => {
      const row = await this.#db.selectFrom('articles').select('seq').where('id', '=', id).executeTakeFirst();
      return row !== undefined;
    });
  }

  async saveArticle(doc: Doc): Promise<'inserted' | 'existing'> {
    return this.#guard(`saving article "${doc.id}"`, async () => {
      // One statement: the row and its generated search vector commit together.
      // ON CONFLICT DO NOTHING makes two workers saving the same article race-free.
      const rows = await this.#db
        .insertInto('articles')
        .values(toArticleRow(doc, new Date().toISOString()))
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .execute();
      return rows.length > 0 ? 'inserted' : 'existing';
    });
  }

  async getArticle(id: string): Promise<Doc | null> {
    return this.#guard(`reading article "${id}"`, async () => {
      const row = await this.#db.selectFrom('articles').select(ARTICLE_COLUMNS).where('id', '=', id).executeTakeFirst();
      return row ? fromArticleRow(row) : null;
    });
  }

  async loadArticles(): Promise<Doc[]> {
    return this.#guard('reading articles', () => loadAll(this.#db));
  }

  async listArticles(options: ArticleListOptions): Promise<Page<ArticleSummary>> {
    return this.#guard('listing articles', async () => {
      const columns = ['articles.id', 'articles.source', 'articles.title', 'articles.outlet', 'articles.published', 'articles.language', 'articles.failed'] as const;
      const titled = sql<boolean>`lower(articles.title) like ${containsPattern(options.query ?? '')} escape '\\'`;
      const { outlet, from, to } = options;
      if (options.story !== undefined) {
        const query = this.#db
          .selectFrom('story_articles')
          .innerJoin('articles', 'articles.id', 'story_articles.article_id')
          .where('story_articles.story_id', '=', options.story)
          .$if(Boolean(options.query), (q) => q.where(titled))
          .$if(outlet !== undefined, (q) => q.where('articles.outlet', '=', outlet!))
          .$if(from !== undefined, (q) => q.where('articles.published', '>=', from!))
          .$if(to !== undefined, (q) => q.where('articles.published', '<=', to!));
        const total = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
        const rows = await query.select(columns).orderBy('story_articles.position').limit(options.limit).offset(options.offset).execute();
        return { total: Number(total.n), items: rows.map(toArticleSummary) };
      }
      const query = this.#db
        .selectFrom('articles')
        .$if(Boolean(options.query), (q) => q.where(titled))
        .$if(outlet !== undefined, (q) => q.where('articles.outlet', '=', outlet!))
        .$if(from !== undefined, (q) => q.where('articles.published', '>=', from!))
        .$if(to !== undefined, (q) => q.where('articles.published', '<=', to!));
      const total = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      const rows = await query
        .select(columns)
        .orderBy('articles.published', (ob) => ob.desc().nullsLast())
        .orderBy('articles.seq')
        .limit(options.limit)
        .offset(options.offset)
        .execute();
      return { total: Number(total.n), items: rows.map(toArticleSummary) };
    });
  }

  async saveCorpus(corpus: Corpus): Promise<void> {
    return this.#guard('saving the stories', async () => {
      await this.#db.transaction().execute(async (trx) => {
        await lockStories(trx);
        await writeCorpus(trx, corpus);
      });
    });
  }

  async regroupStories(compute: (docs: Doc[]) => Promise<Corpus>): Promise<Corpus> {
    return this.#guard('regrouping the stories', async () =>
      this.#db.transaction().execute(async (trx) => {
        // The lock comes before the read: whoever waits reads the articles the
        // holder saw plus any saved since, so its stories are never older.
        await lockStories(trx);
        const corpus = await compute(await loadAll(trx));
        await writeCorpus(trx, corpus);
        return corpus;
      }),
    );
  }

  async listStories(options: StoryListOptions): Promise<Page<StorySummary>> {
    return this.#guard('listing stories', async () => {
      let query = this.#db.selectFrom('stories');
      if (options.query) query = query.where(sql<boolean>`lower(title) like ${containsPattern(options.query)} escape '\\'`);
      if (options.outlet !== undefined) {
        query = query.where(sql<boolean>`exists (select 1 from jsonb_array_elements_text(stories.outlets::jsonb) o(value) where o.value = ${options.outlet})`);
      }
      // Overlap of the story's report range with [from, to]; undated stories never match a date filter.
      if (options.from !== undefined) query = query.where('last_published', '>=', options.from);
      if (options.to !== undefined) query = query.where('first_published', '<=', options.to);
      if (options.entity !== undefined) {
        query = query.where(
          sql<boolean>`exists (select 1 from story_articles sa join entities e on e.id = ${options.entity}
            join jsonb_array_elements_text(e.articles::jsonb) ea(value) on ea.value = sa.article_id where sa.story_id = stories.id)`,
        );
      }
      const total = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      const rows = await query
        .select(['id', 'title', 'article_count', 'discrepancy_count', 'first_published', 'last_published', 'outlets'])
        .orderBy('last_published', (ob) => ob.desc().nullsLast())
        .orderBy('position')
        .limit(options.limit)
        .offset(options.offset)
        .execute();
      return { total: Number(total.n), items: rows.map(toStorySummary) };
    });
  }

  async getStory(id: string): Promise<Story | null> {
    return this.#guard(`reading story "${id}"`, async () => {
      const row = await this.#db.selectFrom('stories').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return null;
      const links = await this.#db.selectFrom('story_articles').select('article_id').where('story_id', '=', id).orderBy('position').execute();
      return fromStoryRow(row, links.map((l) => l.article_id));
    });
  }

  async listEntities(options: ListOptions): Promise<Page<Entity>> {
    return this.#guard('listing entities', async () => {
      let query = this.#db.selectFrom('entities');
      if (options.query) query = query.where(sql<boolean>`lower(name) like ${containsPattern(options.query)} escape '\\'`);
      const total = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      const rows = await query.selectAll().orderBy('position').limit(options.limit).offset(options.offset).execute();
      return { total: Number(total.n), items: rows.map(fromEntityRow) };
    });
  }

  async getEntity(id: string): Promise<Entity | null> {
    return this.#guard(`reading entity "${id}"`, async () => {
      const row = await this.#db.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? fromEntityRow(row) : null;
    });
  }

  async search(query: string, options: { readonly limit: number }): Promise<SearchHit[]> {
    const words = searchWords(query);
    if (words === null) return [];
    return this.#guard('searching', async () => {
      // Both headlines are computed only for the `limit` rows returned; the body's
      // is shown unless the match was in the title alone (as FTS5's snippet(-1) picks a column).
      const result = await sql<{ id: string; title: string | null; outlet: string | null; published: string | null; body: string; heading: string }>`
        with q as (select plainto_tsquery('english', ${words}) as query)
        select a.id, a.title, a.outlet, a.published,
          ts_headline('english', a.text, q.query, ${HEADLINE_OPTIONS}) as body,
          ts_headline('english', coalesce(a.title, ''), q.query, ${HEADLINE_OPTIONS}) as heading
        from articles a cross join q
        where a.search @@ q.query
        order by ts_rank_cd(a.search, q.query) desc, a.seq
        limit ${options.limit}`.execute(this.#db);
      return result.rows.map((row) => {
        const marked = row.body.includes(MARK_OPEN) || !row.heading.includes(MARK_OPEN) ? row.body : row.heading;
        return { article: row.id, title: row.title, outlet: row.outlet, published: row.published, ...parseSnippet(marked) };
      });
    });
  }

  async stats(): Promise<StoreStats> {
    return this.#guard('counting', async () => {
      const articles = await this.#db
        .selectFrom('articles')
        .select((eb) => [
          eb.fn.countAll<string>().as('all'),
          eb.fn.count<string>('outlet').distinct().as('outlets'),
          eb.fn.sum<string | null>(sql`case when failed = 1 then 1 else 0 end`).as('failed'),
        ])
        .executeTakeFirstOrThrow();
      const stories = await this.#db.selectFrom('stories').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      const entities = await this.#db.selectFrom('entities').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      return {
        articles: Number(articles.all),
        failedArticles: Number(articles.failed ?? 0),
        stories: Number(stories.n),
        entities: Number(entities.n),
        outlets: Number(articles.outlets),
      };
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#db.destroy();
  }

  async #guard<T>(what: string, work: () => Promise<T>): Promise<T> {
    if (this.#closed) throw new CrosscheckError('STORE_FAILED', `${what}: the store at ${this.#shown} is closed; open it again`);
    try {
      return await work();
    } catch (error) {
      if (isCrosscheckError(error)) throw error;
      throw new CrosscheckError('STORE_FAILED', `${what} in ${this.#shown} (schema ${this.schema}) failed: ${messageOf(error)}`, { cause: error });
    }
  }
}

/** Every column a Doc is rebuilt from; `search` (the database's own index column) is left out on purpose. */
const ARTICLE_COLUMNS = [
  'id', 'source', 'title', 'outlet', 'published', 'language', 'failed', 'published_from', 'extracted_by', 'text', 'raw', 'byline',
  'removed', 'sentences', 'tokens', 'mentions', 'quotes', 'figures', 'dates', 'messages', 'extra', 'saved_at',
] as const;

async function loadAll(db: Db): Promise<Doc[]> {
  const rows = await db.selectFrom('articles').select(ARTICLE_COLUMNS).orderBy('seq').execute();
  return rows.map(fromArticleRow);
}

/**
 * Held until the transaction ends, and released by the server if the
 * connection dies, so a killed worker can never leave it held. Keyed by
 * schema: stores in different schemas do not wait for each other.
 */
async function lockStories(trx: Transaction<StoreDatabase>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('crosscheck:stories:' || current_schema()))`.execute(trx);
}

async function writeCorpus(trx: Transaction<StoreDatabase>, corpus: Corpus): Promise<void> {
  const facts = new Map<string, ArticleFacts>();
  const savedAt = new Date().toISOString();
  for (const docs of chunks(corpus.docs, ARTICLE_CHUNK)) {
    const inserted = await trx
      .insertInto('articles')
      .values(docs.map((doc) => toArticleRow(doc, savedAt)))
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    const fresh = new Set(inserted.map((r) => r.id));
    const existing = docs.filter((doc) => !fresh.has(doc.id));
    if (existing.length > 0) {
      // Only what story stages fill: the text and its spans never change after
      // cleaning. Unchanged rows are skipped, because rewriting a row in
      // PostgreSQL also recomputes its search vector.
      await sql`
        update articles as a set mentions = v.mentions, quotes = v.quotes, figures = v.figures
        from unnest(${existing.map((d) => d.id)}::text[], ${existing.map((d) => JSON.stringify(d.mentions))}::text[],
                    ${existing.map((d) => JSON.stringify(d.quotes))}::text[], ${existing.map((d) => JSON.stringify(d.figures))}::text[])
          as v(id, mentions, quotes, figures)
        where a.id = v.id
          and (a.mentions is distinct from v.mentions or a.quotes is distinct from v.quotes or a.figures is distinct from v.figures)`.execute(trx);
    }
    for (const doc of docs) facts.set(doc.id, { outlet: doc.outlet, published: doc.published });
  }
  const missing = [...new Set(corpus.stories.flatMap((s) => s.articles))].filter((id) => !facts.has(id));
  for (const ids of chunks(missing, ROW_CHUNK)) {
    const rows = await trx.selectFrom('articles').select(['id', 'outlet', 'published']).where('id', 'in', ids).execute();
    for (const row of rows) facts.set(row.id, { outlet: row.outlet, published: row.published });
  }
  for (const story of corpus.stories) {
    const unknown = story.articles.find((id) => !facts.has(id));
    if (unknown !== undefined) {
      throw new CrosscheckError('STORE_FAILED', `story "${story.id}" cites article "${unknown}", which is neither stored nor in the corpus; save the article before its story`);
    }
  }
  await trx.deleteFrom('story_articles').execute();
  await trx.deleteFrom('stories').execute();
  await trx.deleteFrom('entities').execute();
  for (const rows of chunks(corpus.entities.map((entity, i) => toEntityRow(entity, i)), ROW_CHUNK / 10)) {
    await trx.insertInto('entities').values(rows).execute();
  }
  for (const rows of chunks(corpus.stories.map((story, i) => toStoryRow(story, i, facts)), ROW_CHUNK / 10)) {
    await trx.insertInto('stories').values(rows).execute();
  }
  const links = corpus.stories.flatMap((story) => story.articles.map((article, position) => ({ story_id: story.id, article_id: article, position })));
  for (const rows of chunks(links, ROW_CHUNK)) await trx.insertInto('story_articles').values(rows).execute();
}
