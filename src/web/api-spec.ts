import type { z } from 'zod';
import {
  articleSchema,
  articleSummarySchema,
  articlesQuerySchema,
  deadLetterSchema,
  deadLettersQuerySchema,
  entityMentionsSchema,
  entitySchema,
  healthSchema,
  idParamsSchema,
  ingestBodySchema,
  ingestResultSchema,
  listQuerySchema,
  pageSchema,
  searchQuerySchema,
  searchResultSchema,
  storiesQuerySchema,
  storySchema,
  storySummarySchema,
} from './api-schemas.js';
import type { HttpErrorCode } from './http-errors.js';

/** One API route: what the handler validates and what it answers, in one place. */
export interface ApiRoute {
  readonly method: 'get' | 'post';
  /** Hono path under /api (`/stories/:id`). */
  readonly path: string;
  readonly summary: string;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly response: z.ZodType;
  readonly status?: 200 | 201;
  readonly errors: readonly HttpErrorCode[];
  /** Needs `Authorization: Bearer $CROSSCHECK_TOKEN`. */
  readonly auth?: boolean;
}

/** The API, route by route. `apiRoutes` registers handlers against these entries; `openApiDocument` documents them. */
export const apiSpec = {
  health: {
    method: 'get',
    path: '/health',
    summary: 'Store counts; answers when the server is up',
    response: healthSchema,
    errors: ['STORE_FAILED'],
  },
  listStories: {
    method: 'get',
    path: '/stories',
    summary: 'Stories, most recent first; filter by title, outlet, report date range and entity',
    query: storiesQuerySchema,
    response: pageSchema(storySummarySchema),
    errors: ['INVALID_REQUEST'],
  },
  getStory: {
    method: 'get',
    path: '/stories/:id',
    summary: 'One story: articles, timeline, quotes, discrepancies, copies',
    params: idParamsSchema,
    response: storySchema,
    errors: ['INVALID_REQUEST', 'NOT_FOUND'],
  },
  listArticles: {
    method: 'get',
    path: '/articles',
    summary: 'Article metadata, newest first (a story: in its order); filter by title, story, outlet and date range',
    query: articlesQuerySchema,
    response: pageSchema(articleSummarySchema),
    errors: ['INVALID_REQUEST'],
  },
  getArticle: {
    method: 'get',
    path: '/articles/:id',
    summary: 'One article as in the report: clean text and every layer of spans',
    params: idParamsSchema,
    response: articleSchema,
    errors: ['INVALID_REQUEST', 'NOT_FOUND'],
  },
  listEntities: {
    method: 'get',
    path: '/entities',
    summary: 'People, organisations and places, filter by name',
    query: listQuerySchema,
    response: pageSchema(entitySchema),
    errors: ['INVALID_REQUEST'],
  },
  getEntity: {
    method: 'get',
    path: '/entities/:id',
    summary: 'One entity with aliases, roles and articles',
    params: idParamsSchema,
    response: entitySchema,
    errors: ['INVALID_REQUEST', 'NOT_FOUND'],
  },
  getEntityMentions: {
    method: 'get',
    path: '/entities/:id/mentions',
    summary: 'Every mention of an entity across articles, with its sentence, and the stories it appears in',
    params: idParamsSchema,
    response: entityMentionsSchema,
    errors: ['INVALID_REQUEST', 'NOT_FOUND'],
  },
  search: {
    method: 'get',
    path: '/search',
    summary: 'Full-text search over titles and texts, best match first',
    query: searchQuerySchema,
    response: searchResultSchema,
    errors: ['INVALID_REQUEST'],
  },
  listDeadLetters: {
    method: 'get',
    path: '/dead-letters',
    summary: 'Inputs whose ingest job failed every attempt, newest first, with their error (PostgreSQL job queue only)',
    query: deadLettersQuerySchema,
    response: pageSchema(deadLetterSchema),
    errors: ['INVALID_REQUEST', 'NOT_FOUND', 'STORE_FAILED'],
  },
  ingest: {
    method: 'post',
    path: '/ingest',
    summary: 'Analyse articles, store the new ones and regroup every stored article into stories',
    body: ingestBodySchema,
    response: ingestResultSchema,
    errors: ['INVALID_REQUEST', 'UNAUTHORIZED', 'WRITES_DISABLED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'RATE_LIMITED'],
    auth: true,
  },
} as const satisfies Record<string, ApiRoute>;
