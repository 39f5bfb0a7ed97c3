import { Hono } from 'hono';
import type { Entity } from '../model/story.js';
import type { Store } from '../storage/store.js';
import { idSchema, searchQuerySchema, storiesQuerySchema } from './api-schemas.js';
import { articlePage } from './article-page.js';
import { entityMentions } from './entity-mentions.js';
import { entityPage } from './entity-page.js';
import { HttpFailure } from './http-errors.js';
import { searchPage, storiesPage } from './html-pages.js';
import { parseRequest, toListOptions } from './request-schemas.js';
import { storyPage } from './story-page.js';

/** A story page lists all its articles; beyond this many, the API pages them. */
const STORY_ARTICLE_LIMIT = 500;

async function entitiesById(store: Store, ids: Iterable<string | null | undefined>): Promise<Map<string, Entity>> {
  return store.getEntities([...ids].filter((id): id is string => Boolean(id)));
}

/** The HTML pages. Every value from the store goes through `html`, which escapes it. */
export function pageRoutes(store: Store, siteName: string): Hono {
  const pages = new Hono();

  pages.get('/', async (c) => {
    // Empty form fields arrive as "": they mean "no filter", not an invalid one.
    const query = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
    const view = parseRequest(storiesQuerySchema, query, 'filter');
    const page = await store.listStories(toListOptions(view));
    return c.html(storiesPage(siteName, page, view).value);
  });

  pages.get('/stories/:id', async (c) => {
    const id = parseRequest(idSchema, c.req.param('id'), 'story id');
    const story = await store.getStory(id);
    if (!story) throw new HttpFailure('NOT_FOUND', `There is no story with id “${id}”.`);
    const articles = await store.listArticles({ limit: STORY_ARTICLE_LIMIT, offset: 0, story: id });
    const docs = await store.getArticles(articles.items.map((a) => a.id));
    const ids = [...story.quotes.map((q) => q.speaker), ...[...docs.values()].flatMap((d) => d.mentions.map((m) => m.entity))];
    return c.html(storyPage(siteName, { story, articles: articles.items, docs, entities: await entitiesById(store, ids) }).value);
  });

  pages.get('/articles/:id', async (c) => {
    const id = parseRequest(idSchema, c.req.param('id'), 'article id');
    const doc = await store.getArticle(id);
    if (!doc) throw new HttpFailure('NOT_FOUND', `There is no article with id “${id}”.`);
    const ids = [...doc.mentions.map((m) => m.entity), ...doc.quotes.map((q) => q.speaker), ...doc.figures.map((f) => f.source)];
    return c.html(articlePage(siteName, doc, await entitiesById(store, ids)).value);
  });

  pages.get('/entities/:id', async (c) => {
    const id = parseRequest(idSchema, c.req.param('id'), 'entity id');
    const view = await entityMentions(store, id);
    if (!view) throw new HttpFailure('NOT_FOUND', `There is no entity with id “${id}”.`);
    return c.html(entityPage(siteName, view).value);
  });

  pages.get('/search', async (c) => {
    const { q, limit } = parseRequest(searchQuerySchema, c.req.query(), 'search');
    return c.html(searchPage(siteName, q, await store.search(q, { limit })).value);
  });

  return pages;
}
