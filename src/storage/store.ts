import type { Doc } from '../model/doc.js';
import type { Span } from '../model/span.js';
import type { Corpus, Entity, Story } from '../model/story.js';

/** One page of a longer list; `total` counts every match, not just this page. */
export interface Page<T> {
  readonly total: number;
  readonly items: readonly T[];
}

export interface ListOptions {
  readonly limit: number;
  readonly offset: number;
  /** Case-insensitive substring of the title (stories, articles) or name (entities). */
  readonly query?: string;
}

export interface ArticleListOptions extends ListOptions {
  /** Only the articles of this story, in the story's order. */
  readonly story?: string;
  /** Only articles from this outlet (exact name). */
  readonly outlet?: string;
  /** Only articles published on or after `from` / on or before `to` (YYYY-MM-DD); undated ones are left out. */
  readonly from?: string;
  readonly to?: string;
}

/** Filters of the stories list; each one narrows it further. */
export interface StoryListOptions extends ListOptions {
  /** Only stories with an article from this outlet (exact name). */
  readonly outlet?: string;
  /** Only stories reported within [from, to] (YYYY-MM-DD): their first-to-last report range overlaps it. */
  readonly from?: string;
  readonly to?: string;
  /** Only stories with an article that mentions this entity id. */
  readonly entity?: string;
}

/** What a list of stories shows without loading each story. */
export interface StorySummary {
  readonly id: string;
  readonly title: string;
  readonly articleCount: number;
  readonly outlets: readonly string[];
  /** Earliest and latest `published` of the story's articles (YYYY-MM-DD), null when none is dated. */
  readonly firstPublished: string | null;
  readonly lastPublished: string | null;
  readonly discrepancyCount: number;
}

/** An article's metadata, without its text and layers. */
export interface ArticleSummary {
  readonly id: string;
  readonly source: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly language: string;
  readonly failed: boolean;
}

/** One full-text search match. */
export interface SearchHit {
  readonly article: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  /** Plain text around the match (title or body), never markup. */
  readonly snippet: string;
  /** The matched words, as spans of `snippet`. */
  readonly highlights: readonly Span[];
}

export interface StoreStats {
  readonly articles: number;
  readonly failedArticles: number;
  readonly stories: number;
  readonly entities: number;
  readonly outlets: number;
}

/**
 * Where crosscheck keeps articles, entities and stories. One interface in
 * domain terms; SQLite and PostgreSQL implement it (sharing their queries
 * through `KyselyStore`), and both must pass `runStoreContract`.
 */
export interface Store {
  hasArticle(id: string): Promise<boolean>;
  /**
   * Saves one article, atomically. An article whose id is already stored is
   * left exactly as it was ('existing'): saving never overwrites silently, so
   * a re-run after a crash only adds what is missing.
   */
  saveArticle(doc: Doc): Promise<'inserted' | 'existing'>;
  getArticle(id: string): Promise<Doc | null>;
  /** The stored articles among `ids`, by id, in as few queries as the engine allows; unknown ids are left out. */
  getArticles(ids: Iterable<string>): Promise<Map<string, Doc>>;
  /** Every stored article, oldest saved first. */
  loadArticles(): Promise<Doc[]>;
  listArticles(options: ArticleListOptions): Promise<Page<ArticleSummary>>;
  /**
   * In one transaction: replaces all entities and stories (and their links to
   * articles) with the corpus's, and writes into each article the layers that
   * story stages fill (mention entity ids, quote speakers, figure sources).
   * Corpus articles not yet stored are saved.
   */
  saveCorpus(corpus: Corpus): Promise<void>;
  /**
   * Loads every stored article, lets `compute` run the story stages over them
   * and saves the result as `saveCorpus` does, so that stories never leave out
   * an article another writer (a worker, a second `ingest`, `POST /api/ingest`)
   * saved meanwhile: PostgreSQL holds the story lock throughout
   * (docs/decisions/0003); SQLite computes again when articles were added
   * before its write.
   */
  regroupStories(compute: (docs: Doc[]) => Promise<Corpus>): Promise<Corpus>;
  listStories(options: StoryListOptions): Promise<Page<StorySummary>>;
  getStory(id: string): Promise<Story | null>;
  listEntities(options: ListOptions): Promise<Page<Entity>>;
  getEntity(id: string): Promise<Entity | null>;
  /** The stored entities among `ids`, by id; unknown ids are left out. */
  getEntities(ids: Iterable<string>): Promise<Map<string, Entity>>;
  /** Full-text search over article titles and texts, best match first. */
  search(query: string, options: { readonly limit: number }): Promise<SearchHit[]>;
  stats(): Promise<StoreStats>;
  /** Releases the database; calling it twice is harmless. */
  close(): Promise<void>;
}
