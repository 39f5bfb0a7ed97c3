import type { Generated } from 'kysely';

/**
 * The tables as Kysely sees them. JSON columns hold serialized layers; the
 * metadata a list filters or sorts on are real columns.
 */
export interface ArticleTable {
  /** Stable integer key for the full-text index (VACUUM may renumber implicit rowids). */
  seq: Generated<number>;
  id: string;
  source: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  language: string;
  /** null: the Doc carried no `failed` field; 0/1 otherwise, so the round trip is exact. */
  failed: number | null;
  published_from: string | null;
  extracted_by: string | null;
  text: string;
  raw: string;
  byline: string;
  removed: string;
  sentences: string;
  tokens: string;
  mentions: string;
  quotes: string;
  figures: string;
  dates: string;
  messages: string;
  /** Doc fields this schema has no column for yet (added to the model later), as a JSON object. */
  extra: string | null;
  saved_at: string;
}

export interface EntityTable {
  id: string;
  position: number;
  name: string;
  type: string;
  aliases: string;
  roles: string;
  articles: string;
  extra: string | null;
}

export interface StoryTable {
  id: string;
  position: number;
  title: string;
  article_count: number;
  discrepancy_count: number;
  first_published: string | null;
  last_published: string | null;
  outlets: string;
  timeline: string;
  quotes: string;
  discrepancies: string;
  copies: string | null;
  extra: string | null;
}

export interface StoryArticleTable {
  story_id: string;
  article_id: string;
  position: number;
}

export interface MigrationTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface StoreDatabase {
  articles: ArticleTable;
  entities: EntityTable;
  stories: StoryTable;
  story_articles: StoryArticleTable;
  migrations: MigrationTable;
}
