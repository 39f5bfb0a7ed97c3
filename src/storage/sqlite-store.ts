import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Compilable } from 'kysely';
import type { Doc } from '../model/doc.js';
import { CrosscheckError, isCrosscheckError } from '../model/errors.js';
import type { Span } from '../model/span.js';
import type { Corpus, Entity, Story } from '../model/story.js';
import { sqliteMigrations, type Migration } from './sqlite-migrations.js';
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

/** Long enough for another process's corpus write to finish; short enough to report a stuck lock. */
const BUSY_TIMEOUT_MS = 10_000;
/** Below SQLite's default limit of bound parameters per statement, with room to spare. */
const IN_LIST_CHUNK = 500;
const SNIPPET_WORDS = 16;
/** Control characters cannot occur in clean text, so they safely mark matches in a snippet. */
const MARK_OPEN = '\u0001';
const MARK_CLOSE = '\u0002';

/**
 * Opens (creating if needed) a SQLite store at `path` (or ':memory:'), in WAL
 * mode with foreign keys on, and applies pending migrations.
 */
export async function openSqliteStore(path: string): Promise<Store> {
  let raw: Database.Database;
  try {
    raw = new Database(path);
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // WAL lets readers (the web UI) run while an ingest writes. `synchronous`
    // stays FULL: articles are committed one by one precisely so that each
    // survives a crash, power loss included.
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
  } catch (error) {
    throw new CrosscheckError('STORE_FAILED', `expected a SQLite database at "${path}", but it could not be opened (${messageOf(error)}); check the path or choose another with --db`, { input: path, cause: error });
  }
  try {
    applyMigrations(raw, sqliteMigrations, path);
  } catch (error) {
    raw.close();
    if (isCrosscheckError(error)) throw error;
    throw new CrosscheckError('STORE_FAILED', `could not prepare the database schema in "${path}" (${messageOf(error)}); is it a crosscheck database?`, { input: path, cause: error });
  }
  return new SqliteStore(raw, path);
}

/**
 * Runs inside one IMMEDIATE transaction so that two processes opening a new
 * file at once cannot both create the tables (SQLite's DDL is transactional).
 */
function applyMigrations(raw: Database.Database, migrations: readonly Migration[], path: string): void {
  raw.exec('create table if not exists migrations (version integer primary key, name text not null, applied_at text not null)');
  const apply = raw.transaction(() => {
    const applied = new Set(raw.prepare('select version from migrations').pluck().all() as number[]);
    const known = Math.max(0, ...migrations.map((m) => m.version));
    const newest = Math.max(0, ...applied);
    if (newest > known) {
      throw new CrosscheckError('STORE_FAILED', `"${path}" has schema version ${newest} but this crosscheck knows up to ${known}; upgrade crosscheck to open it`, { input: path });
    }
    const record = raw.prepare('insert into migrations (version, name, applied_at) values (?, ?, ?)');
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) raw.exec(statement);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
  });
  apply.immediate();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
 * FTS5 has its own query syntax, in which a stray quote or "AND(" is an
 * error; searching for the words the user typed (all of them) is what a
 * search box promises.
 */
function ftsQuery(query: string): string | null {
  const words = query.match(/[\p{L}\p{N}]+/gu);
  return words ? words.map((w) => `"${w}"`).join(' ') : null;
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

/**
 * All of crosscheck's SQL for SQLite. Queries are built with Kysely so that
 * PostgreSQL can share them; multi-statement writes run synchronously inside
 * one better-sqlite3 transaction, so no other work (another Store on the same
 * file in this process included) can interleave while the write lock is held.
 */
class SqliteStore implements Store {
  readonly #raw: Database.Database;
  readonly #db: Kysely<StoreDatabase>;
  readonly #path: string;
  readonly #statements = new Map<string, Database.Statement>();
  #closed = false;

  constructor(raw: Database.Database, path: string) {
    this.#raw = raw;
    this.#path = path;
    this.#db = new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database: raw }) });
  }

  async hasArticle(id: string): Promise<boolean> {
    return this.#guard('checking an article', async () => {
      const row = await this.#db.selectFrom('articles').select('seq').where('id', '=', id).executeTakeFirst();
      return row !== undefined;
    });
  }

  async saveArticle(doc: Doc): Promise<'inserted' | 'existing'> {
    return this.#guard(`saving article "${doc.id}"`, async () => {
      // One statement, hence one transaction: the article and its search entry
      // are committed together or not at all.
      const result = this.#run(this.#insertArticle(doc));
      return result.changes > 0 ? 'inserted' : 'existing';
    });
  }

  async getArticle(id: string): Promise<Doc | null> {
    return this.#guard(`reading article "${id}"`, async () => {
      const row = await this.#db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? fromArticleRow(row) : null;
    });
  }

  async loadArticles(): Promise<Doc[]> {
    return this.#guard('reading articles', async () => {
      const rows = await this.#db.selectFrom('articles').selectAll().orderBy('seq').execute();
      return rows.map(fromArticleRow);
    });
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
        const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        const rows = await query.select(columns).orderBy('story_articles.position').limit(options.limit).offset(options.offset).execute();
        return { total: Number(total.n), items: rows.map(toArticleSummary) };
      }
      const query = this.#db
        .selectFrom('articles')
        .$if(Boolean(options.query), (q) => q.where(titled))
        .$if(outlet !== undefined, (q) => q.where('articles.outlet', '=', outlet!))
        .$if(from !== undefined, (q) => q.where('articles.published', '>=', from!))
        .$if(to !== undefined, (q) => q.where('articles.published', '<=', to!));
      const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
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
      const write = this.#raw.transaction(() => this.#writeCorpus(corpus));
      write.immediate();
    });
  }

  #writeCorpus(corpus: Corpus): void {
    const db = this.#db;
    const facts = new Map<string, ArticleFacts>();
    for (const doc of corpus.docs) {
      const inserted = this.#run(this.#insertArticle(doc)).changes > 0;
      if (!inserted) {
        // Only what story stages fill: the text and its spans never change after cleaning.
        this.#run(
          db
            .updateTable('articles')
            .set({ mentions: JSON.stringify(doc.mentions), quotes: JSON.stringify(doc.quotes), figures: JSON.stringify(doc.figures) })
            .where('id', '=', doc.id),
        );
      }
      facts.set(doc.id, { outlet: doc.outlet, published: doc.published });
    }
    const missing = [...new Set(corpus.stories.flatMap((s) => s.articles))].filter((id) => !facts.has(id));
    for (const ids of chunks(missing, IN_LIST_CHUNK)) {
      const rows = this.#all(db.selectFrom('articles').select(['id', 'outlet', 'published']).where('id', 'in', ids));
      for (const row of rows) facts.set(row.id, { outlet: row.outlet, published: row.published });
    }
    for (const story of corpus.stories) {
      const unknown = story.articles.find((id) => !facts.has(id));
      if (unknown !== undefined) {
        throw new CrosscheckError('STORE_FAILED', `story "${story.id}" cites article "${unknown}", which is neither stored nor in the corpus; save the article before its story`);
      }
    }
    this.#run(db.deleteFrom('story_articles'));
    this.#run(db.deleteFrom('stories'));
    this.#run(db.deleteFrom('entities'));
    corpus.entities.forEach((entity, i) => this.#run(db.insertInto('entities').values(toEntityRow(entity, i))));
    corpus.stories.forEach((story, i) => {
      this.#run(db.insertInto('stories').values(toStoryRow(story, i, facts)));
      story.articles.forEach((article, position) => {
        this.#run(db.insertInto('story_articles').values({ story_id: story.id, article_id: article, position }));
      });
    });
  }

  async listStories(options: StoryListOptions): Promise<Page<StorySummary>> {
    return this.#guard('listing stories', async () => {
      let query = this.#db.selectFrom('stories');
      if (options.query) query = query.where(sql<boolean>`lower(title) like ${containsPattern(options.query)} escape '\\'`);
      if (options.outlet !== undefined) query = query.where(sql<boolean>`exists (select 1 from json_each(stories.outlets) where value = ${options.outlet})`);
      // Overlap of the story's report range with [from, to]; undated stories never match a date filter.
      if (options.from !== undefined) query = query.where('last_published', '>=', options.from);
      if (options.to !== undefined) query = query.where('first_published', '<=', options.to);
      if (options.entity !== undefined) {
        query = query.where(
          sql<boolean>`exists (select 1 from story_articles sa join entities e on e.id = ${options.entity} join json_each(e.articles) ea on ea.value = sa.article_id where sa.story_id = stories.id)`,
        );
      }
      const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
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
      const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
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
    const match = ftsQuery(query);
    if (match === null) return [];
    return this.#guard('searching', async () => {
      const result = await sql<{ id: string; title: string | null; outlet: string | null; published: string | null; marked: string | null }>`
        select a.id, a.title, a.outlet, a.published,
          snippet(article_search, -1, ${MARK_OPEN}, ${MARK_CLOSE}, '…', ${SNIPPET_WORDS}) as marked
        from article_search join articles a on a.seq = article_search.rowid
        where article_search match ${match}
        order by bm25(article_search, 4.0, 1.0), a.seq
        limit ${options.limit}`.execute(this.#db);
      return result.rows.map((row) => ({
        article: row.id,
        title: row.title,
        outlet: row.outlet,
        published: row.published,
        ...parseSnippet(row.marked ?? ''),
      }));
    });
  }

  async stats(): Promise<StoreStats> {
    return this.#guard('counting', async () => {
      const articles = await this.#db
        .selectFrom('articles')
        .select((eb) => [
          eb.fn.countAll<number>().as('all'),
          eb.fn.count<number>('outlet').distinct().as('outlets'),
          eb.fn.sum<number | null>(sql`case when failed = 1 then 1 else 0 end`).as('failed'),
        ])
        .executeTakeFirstOrThrow();
      const stories = await this.#db.selectFrom('stories').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const entities = await this.#db.selectFrom('entities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
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
    this.#statements.clear();
    await this.#db.destroy();
    // Kysely only opens its driver on first use; the handle is ours to close either way.
    if (this.#raw.open) this.#raw.close();
  }

  #insertArticle(doc: Doc) {
    return this.#db
      .insertInto('articles')
      .values(toArticleRow(doc, new Date().toISOString()))
      .onConflict((oc) => oc.column('id').doNothing());
  }

  #statement(query: Compilable<unknown>): { statement: Database.Statement; parameters: unknown[] } {
    const compiled = query.compile();
    let statement = this.#statements.get(compiled.sql);
    if (!statement) {
      statement = this.#raw.prepare(compiled.sql);
      this.#statements.set(compiled.sql, statement);
    }
    return { statement, parameters: [...compiled.parameters] };
  }

  #run(query: Compilable<unknown>): Database.RunResult {
    const { statement, parameters } = this.#statement(query);
    return statement.run(...parameters);
  }

  #all<R>(query: Compilable<R>): R[] {
    const { statement, parameters } = this.#statement(query);
    return statement.all(...parameters) as R[];
  }

  async #guard<T>(what: string, work: () => Promise<T>): Promise<T> {
    if (this.#closed) throw new CrosscheckError('STORE_FAILED', `${what}: the store at "${this.#path}" is closed; open it again`);
    try {
      return await work();
    } catch (error) {
      if (isCrosscheckError(error)) throw error;
      throw new CrosscheckError('STORE_FAILED', `${what} in "${this.#path}" failed: ${messageOf(error)}`, { cause: error });
    }
  }
}
