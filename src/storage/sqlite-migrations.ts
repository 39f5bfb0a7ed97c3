import { ARTICLE_COLUMNS_V1, STORY_TABLES_V1, type Migration } from './migrations.js';

/** SQLite's schema, applied in order at open and recorded in `migrations`. */
export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, stories, entities and full-text search',
    statements: [
      `create table articles (
        seq integer primary key,
        ${ARTICLE_COLUMNS_V1}
      )`,
      'create index articles_outlet on articles (outlet)',
      'create index articles_published on articles (published)',
      ...STORY_TABLES_V1,
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
