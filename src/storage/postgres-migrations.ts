import type { Migration } from './sqlite-migrations.js';

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
        id text not null unique,
        source text not null,
        title text,
        outlet text,
        published text,
        language text not null,
        failed integer,
        published_from text,
        extracted_by text,
        text text not null,
        raw text not null,
        byline text not null,
        removed text not null,
        sentences text not null,
        tokens text not null,
        mentions text not null,
        quotes text not null,
        figures text not null,
        dates text not null,
        messages text not null,
        extra text,
        saved_at text not null,
        -- Title words weigh more (A) than body words (B), as bm25(4.0, 1.0) does on SQLite.
        -- 'english' stems like FTS5's porter tokenizer: "pumping" finds "pump".
        search tsvector generated always as (
          setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', text), 'B')
        ) stored
      )`,
      'create index articles_outlet on articles (outlet)',
      'create index articles_published on articles (published)',
      'create index articles_search on articles using gin (search)',
      `create table entities (
        id text primary key,
        position integer not null,
        name text not null,
        type text not null,
        aliases text not null,
        roles text not null,
        articles text not null,
        extra text
      )`,
      `create table stories (
        id text primary key,
        position integer not null,
        title text not null,
        article_count integer not null,
        discrepancy_count integer not null,
        first_published text,
        last_published text,
        outlets text not null,
        timeline text not null,
        quotes text not null,
        discrepancies text not null,
        copies text,
        extra text
      )`,
      `create table story_articles (
        story_id text not null references stories (id) on delete cascade,
        article_id text not null references articles (id) on delete cascade,
        position integer not null,
        primary key (story_id, article_id)
      )`,
      'create index story_articles_article on story_articles (article_id)',
      'create index stories_recent on stories (last_published desc nulls last, position)',
    ],
  },
];
