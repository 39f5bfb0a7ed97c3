import { Hono } from 'hono';
import type { Entity } from '../model/story.js';
import type { Store } from '../storage/store.js';
import { HttpFailure } from './http-errors.js';
import { articlePage, searchPage, storiesPage, storyPage } from './html-pages.js';
import { idSchema, listQuerySchema, parseRequest, searchQuerySchema } from './request-schemas.js';

/** A story page lists all its articles; beyond this many, the API pages them. */
const STORY_ARTICLE_LIMIT = 500;

/** The HTML pages. Every value from the store goes through `html`, which escapes it. */
export function pageRoutes(store: Store, siteName: string): Hono {
  const pages = new Hono();

  pages.get('/', async (c) => {
    const { limit, offset, q } = parseRequest(listQuerySchema, c.req.query(), 'query');
    const page = await store.listStories({ limit, offset, ...(q ? { query: q } : {}) });
    return c.html(storiesPage(siteName, page, { limit, offset, q }).value);
  });

  pages.get('/stories/:id', async (c) => {
    const id = parseRequest(idSchema, c.req.param('id'), 'story id');
    const story = await store.getStory(id);
    if (!story) throw new HttpFailure('NOT_FOUND', `There is no story with id “${id}”.`);
    const articles = await store.listArticles({ limit: STORY_ARTICLE_LIMIT, offset: 0, story: id });
    const speakers = [...new Set(story.quotes.map((q) => q.speaker).filter((s): s is string => s !== null))];
    const entities = new Map<string, Entity>();
    for (const speaker of speakers) {
      const entity = await store.getEntity(speaker);
      if (entity) entities.set(speaker, entity);
    }
    return c.html(storyPage(siteName, { story, articles: articles.items, entities }).value);
  });

  pages.get('/articles/:id', async (c) => {
    const id = parseRequest(idSchema, c.req.param('id'), 'article id');
    const doc = await store.getArticle(id);
    if (!doc) throw new HttpFailure('NOT_FOUND', `There is no article with id “${id}”.`);
    return c.html(articlePage(siteName, doc).value);
  });

  pages.get('/search', async (c) => {
    const { q, limit } = parseRequest(searchQuerySchema, c.req.query(), 'search');
    return c.html(searchPage(siteName, q, await store.search(q, { limit })).value);
  });

  return pages;
}
