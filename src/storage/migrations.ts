/** One schema change. Versions only grow; an applied migration is never edited. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}

/**
 * The migrations a database with `applied` versions still needs, oldest
 * first. A database newer than this code is refused (`tooNew` builds the
 * engine's error) rather than read with a schema it may not match.
 */
export function pendingMigrations(migrations: readonly Migration[], applied: ReadonlySet<number>, tooNew: (newest: number, known: number) => Error): Migration[] {
  const known = Math.max(0, ...migrations.map((m) => m.version));
  const newest = Math.max(0, ...applied);
  if (newest > known) throw tooNew(newest, known);
  return [...migrations].sort((a, b) => a.version - b.version).filter((m) => !applied.has(m.version));
}

/**
 * Version 1's article columns after the integer key, the same on both engines
 * because `store-rows.ts` reads and writes them. Each engine declares the key
 * (and PostgreSQL its search vector) itself. Never edit: see STORY_TABLES_V1.
 */
export const ARTICLE_COLUMNS_V1 = `id text not null unique,
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
        saved_at text not null`;

/**
 * Version 1's entities, stories and story links, identical on both engines
 * because the shared queries and row conversions read them alike. Part of an
 * applied migration: never edit these; a change is a new version per engine.
 */
export const STORY_TABLES_V1: readonly string[] = [
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
];
