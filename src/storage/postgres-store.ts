import pg from 'pg';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
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
import { postgresMigrations } from './postgres-migrations.js';
import type { StoreDatabase } from './store-schema.js';
import type { ArticleFacts } from './store-rows.js';
import type { SearchHit, Store } from './store.js';

/** Articles are wide rows (text, raw input, every layer as JSON): a few hundred per statement keeps each message small. */
const ARTICLE_CHUNK = 200;
/** Well below PostgreSQL's 65,535 bound parameters per statement for the narrow tables. */
const ROW_CHUNK = 1000;
const SNIPPET_MAX_WORDS = 16;
const SNIPPET_MIN_WORDS = 8;
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

/** A Store on PostgreSQL, which names its schema. */
export interface PostgresStore extends Store {
  readonly schema: string;
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
    const pending = pendingMigrations(migrations, applied, (newest, known) =>
      new CrosscheckError('STORE_FAILED', `${shown} (schema ${schema}) has schema version ${newest} but this crosscheck knows up to ${known}; upgrade crosscheck to open it`));
    for (const migration of pending) {
      for (const statement of migration.statements) await sql.raw(statement).execute(trx);
      await trx.insertInto('migrations').values({ version: migration.version, name: migration.name, applied_at: new Date().toISOString() }).execute();
    }
  });
}

/** Error messages end up in logs; a URL's password must not. */
export function redactPassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

/** plainto_tsquery ANDs the words and reads no operators. */
function tsWords(query: string): string | null {
  return searchWords(query)?.join(' ') ?? null;
}

/** `jsonb_array_elements_text` names its column by the alias's column list. The layers are `text`, hence the cast. */
const postgresHooks: DialectHooks = {
  jsonArrayValues: (array, alias) => sql`jsonb_array_elements_text(${array}::jsonb) as ${sql.id(alias)}(value)`,
};

/**
 * PostgreSQL's writes and search; reads are KyselyStore's, shared with SQLite
 * (docs/decisions/0004). Values are always bound as parameters. Multi-statement
 * writes run in one transaction; corpus writes also take the story lock
 * (docs/decisions/0003).
 */
class PgStore extends KyselyStore implements PostgresStore {
  readonly schema: string;

  constructor(db: Kysely<StoreDatabase>, schema: string, shown: string) {
    super(db, postgresHooks, { at: shown, in: `${shown} (schema ${schema})` });
    this.schema = schema;
  }

  async saveArticle(doc: Doc): Promise<'inserted' | 'existing'> {
    return this.guard(`saving article "${doc.id}"`, async () => {
      // One statement: the row and its generated search vector commit together.
      // ON CONFLICT DO NOTHING makes two workers saving the same article race-free.
      const rows = await insertArticles(this.db, [doc]).returning('id').execute();
      return rows.length > 0 ? 'inserted' : 'existing';
    });
  }

  async saveCorpus(corpus: Corpus): Promise<void> {
    return this.guard('saving the stories', async () => {
      await this.db.transaction().execute(async (trx) => {
        await lockStories(trx);
        await writeCorpus(trx, corpus);
      });
    });
  }

  /**
   * In one transaction holding the story lock: two regroups never interleave,
   * so the later one always sees every article the earlier one saw.
   */
  async regroupStories(compute: (docs: Doc[]) => Promise<Corpus>): Promise<Corpus> {
    return this.guard('regrouping the stories', async () =>
      this.db.transaction().execute(async (trx) => {
        // The lock comes before the read: whoever waits reads the articles the
        // holder saw plus any saved since, so its stories are never older.
        await lockStories(trx);
        const corpus = await compute(await loadArticles(trx));
        await writeCorpus(trx, corpus);
        return corpus;
      }),
    );
  }

  async search(query: string, options: { readonly limit: number }): Promise<SearchHit[]> {
    const words = tsWords(query);
    if (words === null) return [];
    return this.guard('searching', async () => {
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
        limit ${options.limit}`.execute(this.db);
      return result.rows.map((row) => {
        const marked = row.body.includes(MARK_OPEN) || !row.heading.includes(MARK_OPEN) ? row.body : row.heading;
        return { article: row.id, title: row.title, outlet: row.outlet, published: row.published, ...parseSnippet(marked) };
      });
    });
  }

  protected async release(): Promise<void> {
    await this.db.destroy();
  }
}

/**
 * Held until the transaction ends, and released by the server if the
 * connection dies, so a killed worker can never leave it held. Keyed by
 * schema: stores in different schemas do not wait for each other.
 */
async function lockStories(trx: Transaction<StoreDatabase>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('crosscheck:stories:' || current_schema()))`.execute(trx);
}

/** Multi-row statements: each round trip to the server costs far more than SQLite's in-process calls. */
async function writeCorpus(trx: Transaction<StoreDatabase>, corpus: Corpus): Promise<void> {
  const facts = new Map<string, ArticleFacts>();
  const savedAt = new Date().toISOString();
  for (const docs of chunks(corpus.docs, ARTICLE_CHUNK)) {
    const inserted = await insertArticles(trx, docs, savedAt).returning('id').execute();
    const fresh = new Set(inserted.map((r) => r.id));
    const existing = docs.filter((doc) => !fresh.has(doc.id)).map((doc) => ({ id: doc.id, ...storyLayersOf(doc) }));
    if (existing.length > 0) {
      // Unchanged rows are skipped, because rewriting a row in PostgreSQL also
      // recomputes its search vector.
      await sql`
        update articles as a set mentions = v.mentions, quotes = v.quotes, figures = v.figures
        from unnest(${existing.map((d) => d.id)}::text[], ${existing.map((d) => d.mentions)}::text[],
                    ${existing.map((d) => d.quotes)}::text[], ${existing.map((d) => d.figures)}::text[])
          as v(id, mentions, quotes, figures)
        where a.id = v.id
          and (a.mentions is distinct from v.mentions or a.quotes is distinct from v.quotes or a.figures is distinct from v.figures)`.execute(trx);
    }
    for (const doc of docs) facts.set(doc.id, factsOf(doc));
  }
  for (const ids of chunks(citedButUnknown(corpus, facts), ROW_CHUNK)) {
    const rows = await trx.selectFrom('articles').select(['id', 'outlet', 'published']).where('id', 'in', ids).execute();
    for (const row of rows) facts.set(row.id, factsOf(row));
  }
  const rows = corpusRows(corpus, facts);
  await trx.deleteFrom('story_articles').execute();
  await trx.deleteFrom('stories').execute();
  await trx.deleteFrom('entities').execute();
  for (const chunk of chunks(rows.entities, ROW_CHUNK / 10)) await trx.insertInto('entities').values(chunk).execute();
  for (const chunk of chunks(rows.stories, ROW_CHUNK / 10)) await trx.insertInto('stories').values(chunk).execute();
  for (const chunk of chunks(rows.links, ROW_CHUNK)) await trx.insertInto('story_articles').values(chunk).execute();
}
