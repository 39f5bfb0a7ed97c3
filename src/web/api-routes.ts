import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { DeadLetterPage } from '../queue/ingest-queue.js';
import { toReportArticle } from '../report/to-report.js';
import type { Page, Store } from '../storage/store.js';
import { apiSpec } from './api-spec.js';
import { entityMentions } from './entity-mentions.js';
import { HttpFailure } from './http-errors.js';
import type { Ingest } from './ingest-articles.js';
import { openApiDocument } from './openapi.js';
import type { RateLimiter } from './rate-limit.js';
import { parseRequest, toListOptions } from './request-schemas.js';

export interface ApiOptions {
  /** The bearer token writes require; writes are disabled when it is undefined or empty. */
  readonly token: string | undefined;
  readonly ingest: Ingest;
  readonly writeLimiter: RateLimiter;
  /** Largest request body accepted by POST /api/ingest, in bytes. */
  readonly maxBodyBytes: number;
  readonly version: string;
  /** Pages of the job queue's dead letters; only a PostgreSQL store has a queue, so SQLite servers leave it out. */
  readonly deadLetters?: DeadLetterSource | undefined;
}

export type DeadLetterSource = (page: { limit: number; offset: number }) => Promise<DeadLetterPage>;

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Compares hashes, so neither the token's length nor its prefix leaks through timing. */
function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** The client address when served by @hono/node-server; in-process requests share one bucket. */
function clientOf(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

/** Every list answers `{total, limit, offset, items}`, echoing the page asked for. */
function pageBody<T>(asked: { limit: number; offset: number }, page: Page<T>): { total: number; limit: number; offset: number; items: readonly T[] } {
  return { total: page.total, limit: asked.limit, offset: asked.offset, items: page.items };
}

/** The JSON API under /api: the same data as the pages, in the report's shapes. */
export function apiRoutes(store: Store, options: ApiOptions): Hono {
  const api = new Hono();
  const spec = apiSpec;
  const openapi = openApiDocument(spec, { title: 'crosscheck API', version: options.version });

  api.get('/openapi.json', (c) => c.json(openapi));

  api.get(spec.health.path, async (c) => c.json({ status: 'ok' as const, ...(await store.stats()) }));

  api.get(spec.listStories.path, async (c) => {
    const query = parseRequest(spec.listStories.query, c.req.query(), 'query');
    return c.json(pageBody(query, await store.listStories(toListOptions(query))));
  });

  api.get(spec.getStory.path, async (c) => {
    const { id } = parseRequest(spec.getStory.params, c.req.param(), 'story id');
    const story = await store.getStory(id);
    if (!story) throw new HttpFailure('NOT_FOUND', `no story with id "${id}"; GET /api/stories lists them`);
    return c.json(story);
  });

  api.get(spec.listArticles.path, async (c) => {
    const query = parseRequest(spec.listArticles.query, c.req.query(), 'query');
    return c.json(pageBody(query, await store.listArticles(toListOptions(query))));
  });

  api.get(spec.getArticle.path, async (c) => {
    const { id } = parseRequest(spec.getArticle.params, c.req.param(), 'article id');
    const doc = await store.getArticle(id);
    if (!doc) throw new HttpFailure('NOT_FOUND', `no article with id "${id}"; GET /api/search?q=WORDS finds articles`);
    return c.json(toReportArticle(doc));
  });

  api.get(spec.listEntities.path, async (c) => {
    const query = parseRequest(spec.listEntities.query, c.req.query(), 'query');
    return c.json(pageBody(query, await store.listEntities(toListOptions(query))));
  });

  api.get(spec.getEntity.path, async (c) => {
    const { id } = parseRequest(spec.getEntity.params, c.req.param(), 'entity id');
    const entity = await store.getEntity(id);
    if (!entity) throw new HttpFailure('NOT_FOUND', `no entity with id "${id}"; GET /api/entities lists them`);
    return c.json(entity);
  });

  api.get(spec.getEntityMentions.path, async (c) => {
    const { id } = parseRequest(spec.getEntityMentions.params, c.req.param(), 'entity id');
    const view = await entityMentions(store, id);
    if (!view) throw new HttpFailure('NOT_FOUND', `no entity with id "${id}"; GET /api/entities lists them`);
    return c.json(view);
  });

  api.get(spec.search.path, async (c) => {
    const { q, limit } = parseRequest(spec.search.query, c.req.query(), 'query');
    return c.json({ query: q, items: await store.search(q, { limit }) });
  });

  api.get(spec.listDeadLetters.path, async (c) => {
    const query = parseRequest(spec.listDeadLetters.query, c.req.query(), 'query');
    if (!options.deadLetters) {
      throw new HttpFailure(
        'NOT_FOUND',
        'dead letters belong to the job queue, which needs PostgreSQL; this server has no queue (its store is SQLite). Serve a store at CROSSCHECK_DATABASE_URL=postgres://… to see them',
      );
    }
    return c.json(pageBody(query, await options.deadLetters(query)));
  });

  api.post(
    spec.ingest.path,
    // Checked before the body is read: a refused request costs nothing.
    async (c, next) => {
      if (!options.token) {
        throw new HttpFailure(
          'WRITES_DISABLED',
          'writes are disabled on this server; start it with the environment variable CROSSCHECK_TOKEN set to a secret, then send "Authorization: Bearer <that secret>"',
        );
      }
      const header = c.req.header('authorization') ?? '';
      const given = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
      if (!given || !tokenMatches(given, options.token)) {
        c.header('WWW-Authenticate', 'Bearer realm="crosscheck"');
        throw new HttpFailure(
          'UNAUTHORIZED',
          'expected "Authorization: Bearer <token>" with the value of CROSSCHECK_TOKEN on the server; the header is missing or the token is wrong',
        );
      }
      const client = clientOf(c);
      if (!options.writeLimiter.take(client)) {
        c.header('Retry-After', String(options.writeLimiter.retryAfter(client)));
        throw new HttpFailure(
          'RATE_LIMITED',
          'too many writes from this client; wait for the number of seconds in Retry-After, or send more articles per request',
        );
      }
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/json\b/i.test(type))
        throw new HttpFailure('UNSUPPORTED_MEDIA_TYPE', `expected Content-Type: application/json, got "${type || 'none'}"`);
      await next();
    },
    bodyLimit({
      maxSize: options.maxBodyBytes,
      onError: () => {
        throw new HttpFailure(
          'PAYLOAD_TOO_LARGE',
          `expected a body of at most ${options.maxBodyBytes} bytes; send fewer articles per request or use crosscheck ingest`,
        );
      },
    }),
    async (c) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        throw new HttpFailure(
          'INVALID_REQUEST',
          'expected a JSON body {"articles": [{"id", "text" | "html", ...}]}, found invalid JSON',
        );
      }
      const request = parseRequest(spec.ingest.body, body, 'body');
      return c.json(await options.ingest(request));
    },
  );

  return api;
}
