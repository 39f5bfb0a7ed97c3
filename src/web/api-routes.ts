import { Hono } from 'hono';
import { toReportArticle } from '../report/to-report.js';
import type { Store } from '../storage/store.js';
import { HttpFailure } from './http-errors.js';
import { idSchema, listQuerySchema, parseRequest, searchQuerySchema } from './request-schemas.js';

/** The JSON API under /api: the same data as the pages, in the report's shapes. */
export function apiRoutes(store: Store): Hono {
  const api = new Hono();

  api.get('/health', async (c) => c.json({ status: 'ok', ...(await store.stats()) }));

  api.get('/stories', async (c) => {
    const { limit, offset, q } = parseRequest(listQuerySchema, c.req.query(), 'query');
    const page = await store.listStories({ limit, offset, ...(q ? { query: q } : {}) });
    return c.json({ total: page.total, limit, offset, items: page.items });
  });

  api.get('/stories/:id', async (c) => {
    const id = parseRequest(idSchema, c.req.param('id'), 'story id');
    const story = await store.getStory(id);
    if (!story) throw new HttpFailure('NOT_FOUND', `no story with id "${id}"; GET /api/stories lists them`);
    return c.json(story);
  });

  api.get('/articles/:id', async (c) => {
    const id = parseRequest(idSchema, c.req.param('id'), 'article id');
    const doc = await store.getArticle(id);
    if (!doc) throw new HttpFailure('NOT_FOUND', `no article with id "${id}"; GET /api/search?q=WORDS finds articles`);
    return c.json(toReportArticle(doc));
  });

  api.get('/entities', async (c) => {
    const { limit, offset, q } = parseRequest(listQuerySchema, c.req.query(), 'query');
    const page = await store.listEntities({ limit, offset, ...(q ? { query: q } : {}) });
    return c.json({ total: page.total, limit, offset, items: page.items });
  });

  api.get('/entities/:id', async (c) => {
    const id = parseRequest(idSchema, c.req.param('id'), 'entity id');
    const entity = await store.getEntity(id);
    if (!entity) throw new HttpFailure('NOT_FOUND', `no entity with id "${id}"; GET /api/entities lists them`);
    return c.json(entity);
  });

  api.get('/search', async (c) => {
    const { q, limit } = parseRequest(searchQuerySchema, c.req.query(), 'query');
    return c.json({ query: q, items: await store.search(q, { limit }) });
  });

  return api;
}
