import { ARTICLE_COLUMNS_V1, STORY_TABLES_V1, type Migration } from './migrations.js';

/**
 * PostgreSQL's schema, applied in order at open and recorded in `migrations`.
 * Same tables and columns as SQLite's, so both engines share the row
 * conversions of `store-rows.ts`; JSON layers stay `text` (not `jsonb`) because
 * jsonb reorders keys and drops duplicate ones, and a stored Doc must come back
 * exactly as saved.
 */
export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, stories, entities and full-text search',
    statements: [
      `create table articles (
        seq bigint generated always as identity primary key,
        ${ARTICLE_COLUMNS_V1},
        -- Title words weigh more (A) than body words (B), as bm25(4.0, 1.0) does on SQLite.
        -- 'english' stems like FTS5's porter tokenizer: "pumping" finds "pump".
        search tsvector generated always as (
          setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', text), 'B')
        ) stored
      )`,
      'create index articles_outlet on articles (outlet)',
      'create index articles_published on articles (published)',
      'create index articles_search on articles using gin (search)',
      ...STORY_TABLES_V1,
      'create index stories_recent on stories (last_published desc nulls last, position)',
    ],
  },
];
