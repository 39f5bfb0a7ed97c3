import { Hono, type Context } from 'hono';
import type { Store } from '../storage/store.js';
import { apiRoutes, type DeadLetterSource } from './api-routes.js';
import { createIngest, type Ingest } from './ingest-articles.js';
import { createRateLimiter, type RateLimiter } from './rate-limit.js';
import { appCss } from './app-css.js';
import { errorPage } from './html-pages.js';
import { HttpFailure, toHttpError } from './http-errors.js';
import { pageRoutes } from './page-routes.js';

export interface AppOptions {
  /** Shown in the header and page titles. */
  readonly siteName?: string;
  /** Where unexpected errors are reported; they never reach the client in detail. */
  readonly onError?: (error: unknown) => void;
  /**
   * The bearer token that POST /api/ingest requires. Defaults to the
   * CROSSCHECK_TOKEN environment variable; when neither is set, writes are off.
   */
  readonly token?: string | undefined;
  /** Runs the pipeline on posted articles; tests may pass a stub. */
  readonly ingest?: Ingest;
  /** Limits writes per client (default: a burst of 5, then 10 a minute). */
  readonly writeLimiter?: RateLimiter;
  /** Largest accepted write body in bytes (default 5 MiB: a hundred long articles). */
  readonly maxBodyBytes?: number;
  /** The job queue's dead letters for GET /api/dead-letters; given only when the store is PostgreSQL. */
  readonly deadLetters?: DeadLetterSource | undefined;
}

const APP_VERSION = '0.1.0';

/**
 * No scripts at all, styles only from our own stylesheet: article text is
 * untrusted, and even a missed escape cannot run code under this policy.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

function isApi(c: Context): boolean {
  return c.req.path === '/api' || c.req.path.startsWith('/api/');
}

/** The web UI and JSON API over a store; the caller owns (and closes) the store. */
export function createApp(
  store: Store,
  {
    siteName = 'crosscheck',
    onError = (error) => console.error(error),
    token = process.env.CROSSCHECK_TOKEN,
    ingest = createIngest(store),
    writeLimiter = createRateLimiter(),
    maxBodyBytes = 5 * 1024 * 1024,
    deadLetters,
  }: AppOptions = {},
): Hono {
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
  });

  app.get('/static/app.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(appCss);
  });

  app.route('/api', apiRoutes(store, { token: token || undefined, ingest, writeLimiter, maxBodyBytes, version: APP_VERSION, deadLetters }));
  app.route('/', pageRoutes(store, siteName));

  app.notFound((c) => {
    const message = `nothing at ${c.req.method} ${c.req.path}`;
    if (isApi(c))
      return c.json({ error: { code: 'NOT_FOUND', message: `${message}; see GET /api/stories, /api/search?q=` } }, 404);
    return c.html(errorPage(siteName, 404, 'There is no page at this address.').value, 404);
  });

  app.onError((error, c) => {
    if (!(error instanceof HttpFailure)) onError(error);
    const { status, body } = toHttpError(error);
    if (isApi(c)) return c.json(body, status);
    return c.html(errorPage(siteName, status, body.error.message).value, status);
  });

  return app;
}
