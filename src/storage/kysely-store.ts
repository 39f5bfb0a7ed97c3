import type { Doc } from '../model/doc.js';
import { CrosscheckError, isCrosscheckError } from '../model/errors.js';
import type { Corpus, Entity, Story } from '../model/story.js';
import * as queries from './kysely-queries.js';
import type { DialectHooks, StoreDb } from './kysely-queries.js';
import type { ArticleListOptions, ArticleSummary, ListOptions, Page, SearchHit, Store, StoreStats, StoryListOptions, StorySummary } from './store.js';

/** How a store names itself in errors, e.g. `"data/crosscheck.db"`, or a redacted URL and its schema. */
export interface StorePlace {
  /** Where the store is, for "the store at … is closed". */
  readonly at: string;
  /** The same, for "… in … failed" (PostgreSQL adds the schema). */
  readonly in: string;
}

/**
 * The half of a Store that reads the same on every engine: each method is a
 * shared query from `kysely-queries.ts` behind one guard, so the two stores
 * cannot drift apart in behaviour or in their error messages. Writes and
 * search stay with each engine, whose transactions and full-text search differ.
 */
export abstract class KyselyStore implements Store {
  protected readonly db: StoreDb;
  readonly #dialect: DialectHooks;
  readonly #place: StorePlace;
  #closed = false;

  protected constructor(db: StoreDb, dialect: DialectHooks, place: StorePlace) {
    this.db = db;
    this.#dialect = dialect;
    this.#place = place;
  }

  abstract saveArticle(doc: Doc): Promise<'inserted' | 'existing'>;
  abstract saveCorpus(corpus: Corpus): Promise<void>;
  abstract regroupStories(compute: (docs: Doc[]) => Promise<Corpus>): Promise<Corpus>;
  abstract search(query: string, options: { readonly limit: number }): Promise<SearchHit[]>;
  /** Frees what the engine holds; called once, by `close`. */
  protected abstract release(): Promise<void>;

  async hasArticle(id: string): Promise<boolean> {
    return this.guard('checking an article', () => queries.hasArticle(this.db, id));
  }

  async getArticle(id: string): Promise<Doc | null> {
    return this.guard(`reading article "${id}"`, () => queries.getArticle(this.db, id));
  }

  async getArticles(ids: Iterable<string>): Promise<Map<string, Doc>> {
    return this.guard('reading articles', () => queries.getArticles(this.db, ids));
  }

  async loadArticles(): Promise<Doc[]> {
    return this.guard('reading articles', () => queries.loadArticles(this.db));
  }

  async listArticles(options: ArticleListOptions): Promise<Page<ArticleSummary>> {
    return this.guard('listing articles', () => queries.listArticles(this.db, options));
  }

  async listStories(options: StoryListOptions): Promise<Page<StorySummary>> {
    return this.guard('listing stories', () => queries.listStories(this.db, this.#dialect, options));
  }

  async getStory(id: string): Promise<Story | null> {
    return this.guard(`reading story "${id}"`, () => queries.getStory(this.db, id));
  }

  async listEntities(options: ListOptions): Promise<Page<Entity>> {
    return this.guard('listing entities', () => queries.listEntities(this.db, options));
  }

  async getEntity(id: string): Promise<Entity | null> {
    return this.guard(`reading entity "${id}"`, () => queries.getEntity(this.db, id));
  }

  async getEntities(ids: Iterable<string>): Promise<Map<string, Entity>> {
    return this.guard('reading entities', () => queries.getEntities(this.db, ids));
  }

  async stats(): Promise<StoreStats> {
    return this.guard('counting', () => queries.stats(this.db));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.release();
  }

  /** Refuses work on a closed store and turns driver errors into one STORE_FAILED saying what was being done where. */
  protected async guard<T>(what: string, work: () => Promise<T>): Promise<T> {
    if (this.#closed) throw new CrosscheckError('STORE_FAILED', `${what}: the store at ${this.#place.at} is closed; open it again`);
    try {
      return await work();
    } catch (error) {
      if (isCrosscheckError(error)) throw error;
      throw new CrosscheckError('STORE_FAILED', `${what} in ${this.#place.in} failed: ${queries.messageOf(error)}`, { cause: error });
    }
  }
}
