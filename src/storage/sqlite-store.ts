import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Compilable } from 'kysely';
import type { Doc } from '../model/doc.js';
import { CrosscheckError, isCrosscheckError } from '../model/errors.js';
import type { Corpus } from '../model/story.js';
import {
  chunks,
  citedButUnknown,
  corpusRows,
  factsOf,
  insertArticles,
  loadArticles,
  MARK_CLOSE,
  MARK_OPEN,
  messageOf,
  parseSnippet,
  searchWords,
  storyLayersOf,
  type DialectHooks,
} from './kysely-queries.js';
import { KyselyStore } from './kysely-store.js';
import { pendingMigrations, type Migration } from './migrations.js';
import { sqliteMigrations } from './sqlite-migrations.js';
import type { StoreDatabase } from './store-schema.js';
import type { ArticleFacts } from './store-rows.js';
import type { SearchHit, Store } from './store.js';

/** Long enough for another process's corpus write to finish; short enough to report a stuck lock. */
const BUSY_TIMEOUT_MS = 10_000;
/** Below SQLite's default limit of bound parameters per statement, with room to spare. */
const IN_LIST_CHUNK = 500;
const SNIPPET_WORDS = 16;

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
    const pending = pendingMigrations(migrations, applied, (newest, known) =>
      new CrosscheckError('STORE_FAILED', `"${path}" has schema version ${newest} but this crosscheck knows up to ${known}; upgrade crosscheck to open it`, { input: path }));
    const record = raw.prepare('insert into migrations (version, name, applied_at) values (?, ?, ?)');
    for (const migration of pending) {
      for (const statement of migration.statements) raw.exec(statement);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
  });
  apply.immediate();
}

/**
 * FTS5 has its own query syntax, in which a stray quote or "AND(" is an
 * error; each word is quoted, and FTS5 ANDs them.
 */
function ftsQuery(query: string): string | null {
  const words = searchWords(query);
  return words ? words.map((w) => `"${w}"`).join(' ') : null;
}

/** `json_each` yields the array's elements in a column named `value` already. */
const sqliteHooks: DialectHooks = {
  jsonArrayValues: (array, alias) => sql`json_each(${array}) as ${sql.id(alias)}`,
};

/** Times a regroup computes again because articles were saved while it ran. */
const REGROUP_ATTEMPTS = 3;

/**
 * SQLite's writes and search; reads are KyselyStore's, shared with PostgreSQL
 * (docs/decisions/0004). Multi-statement writes run synchronously inside
 * one better-sqlite3 transaction, so no other work (another Store on the same
 * file in this process included) can interleave while the write lock is held.
 */
class SqliteStore extends KyselyStore {
  readonly #raw: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(raw: Database.Database, path: string) {
    super(new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database: raw }) }), sqliteHooks, { at: `"${path}"`, in: `"${path}"` });
    this.#raw = raw;
  }

  async saveArticle(doc: Doc): Promise<'inserted' | 'existing'> {
    return this.guard(`saving article "${doc.id}"`, async () => {
      // One statement, hence one transaction: the article and its search entry
      // are committed together or not at all.
      const result = this.#run(insertArticles(this.db, [doc]));
      return result.changes > 0 ? 'inserted' : 'existing';
    });
  }

  async saveCorpus(corpus: Corpus): Promise<void> {
    return this.guard('saving the stories', async () => {
      const write = this.#raw.transaction(() => this.#writeCorpus(corpus));
      write.immediate();
    });
  }

  /**
   * Optimistic: the story stages run outside any transaction (they are
   * asynchronous, a better-sqlite3 transaction is not), and the write checks
   * under the write lock that no article was saved meanwhile, else computes
   * again. Articles are never deleted, so their count tells. After
   * `REGROUP_ATTEMPTS` the result is written all the same: whoever kept saving
   * regroups after its own saves, which covers the rest.
   */
  async regroupStories(compute: (docs: Doc[]) => Promise<Corpus>): Promise<Corpus> {
    return this.guard('regrouping the stories', async () => {
      for (let attempt = 1; ; attempt++) {
        const docs = await loadArticles(this.db);
        const corpus = await compute(docs);
        const write = this.#raw.transaction((): boolean => {
          if (attempt < REGROUP_ATTEMPTS && this.#articleCount() !== docs.length) return false;
          this.#writeCorpus(corpus);
          return true;
        });
        if (write.immediate()) return corpus;
      }
    });
  }

  #articleCount(): number {
    return Number(this.#all(this.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')))[0]?.n ?? 0);
  }

  /** Row by row through cached prepared statements: inside one SQLite transaction each insert costs microseconds. */
  #writeCorpus(corpus: Corpus): void {
    const db = this.db;
    const facts = new Map<string, ArticleFacts>();
    for (const doc of corpus.docs) {
      const inserted = this.#run(insertArticles(db, [doc])).changes > 0;
      if (!inserted) this.#run(db.updateTable('articles').set(storyLayersOf(doc)).where('id', '=', doc.id));
      facts.set(doc.id, factsOf(doc));
    }
    for (const ids of chunks(citedButUnknown(corpus, facts), IN_LIST_CHUNK)) {
      const rows = this.#all(db.selectFrom('articles').select(['id', 'outlet', 'published']).where('id', 'in', ids));
      for (const row of rows) facts.set(row.id, factsOf(row));
    }
    const rows = corpusRows(corpus, facts);
    this.#run(db.deleteFrom('story_articles'));
    this.#run(db.deleteFrom('stories'));
    this.#run(db.deleteFrom('entities'));
    for (const row of rows.entities) this.#run(db.insertInto('entities').values(row));
    for (const row of rows.stories) this.#run(db.insertInto('stories').values(row));
    for (const row of rows.links) this.#run(db.insertInto('story_articles').values(row));
  }

  async search(query: string, options: { readonly limit: number }): Promise<SearchHit[]> {
    const match = ftsQuery(query);
    if (match === null) return [];
    return this.guard('searching', async () => {
      const result = await sql<{ id: string; title: string | null; outlet: string | null; published: string | null; marked: string | null }>`
        select a.id, a.title, a.outlet, a.published,
          snippet(article_search, -1, ${MARK_OPEN}, ${MARK_CLOSE}, '…', ${SNIPPET_WORDS}) as marked
        from article_search join articles a on a.seq = article_search.rowid
        where article_search match ${match}
        order by bm25(article_search, 4.0, 1.0), a.seq
        limit ${options.limit}`.execute(this.db);
      return result.rows.map((row) => ({
        article: row.id,
        title: row.title,
        outlet: row.outlet,
        published: row.published,
        ...parseSnippet(row.marked ?? ''),
      }));
    });
  }

  protected async release(): Promise<void> {
    this.#statements.clear();
    await this.db.destroy();
    // Kysely only opens its driver on first use; the handle is ours to close either way.
    if (this.#raw.open) this.#raw.close();
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
}
