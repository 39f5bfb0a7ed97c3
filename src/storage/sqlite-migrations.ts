/** One schema change. Versions only grow; an applied migration is never edited. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}

/** SQLite's schema, applied in order at open and recorded in `migrations`. */
export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, stories, entities and full-text search',
    statements: [
      `create table articles (
        seq integer primary key,
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
        saved_at text not null
      )`,
      'create index articles_outlet on articles (outlet)',
      'create index articles_published on articles (published)',
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
      // External-content index: the text lives once, in `articles`; triggers keep
      // the index in step. Porter stemming so "killed" finds "kill" and "kills".
      `create virtual table article_search using fts5 (
        title, text,
        content = 'articles', content_rowid = 'seq',
        tokenize = 'porter unicode61 remove_diacritics 2'
      )`,
      `create trigger articles_search_insert after insert on articles begin
        insert into article_search (rowid, title, text) values (new.seq, coalesce(new.title, ''), new.text);
      end`,
      `create trigger articles_search_delete after delete on articles begin
        insert into article_search (article_search, rowid, title, text) values ('delete', old.seq, coalesce(old.title, ''), old.text);
      end`,
      `create trigger articles_search_update after update of title, text on articles begin
        insert into article_search (article_search, rowid, title, text) values ('delete', old.seq, coalesce(old.title, ''), old.text);
        insert into article_search (rowid, title, text) values (new.seq, coalesce(new.title, ''), new.text);
      end`,
    ],
  },
];
