import { z } from 'zod';
import { JsonlArticle } from '../input/parse-jsonl.js';
import { HttpErrorCodes } from './http-errors.js';

/**
 * Every shape the JSON API reads or writes, as zod schemas. Handlers validate
 * requests with them and `openApiDocument` turns the same objects into the
 * OpenAPI document, so the documentation cannot drift from what is enforced.
 */

/** Caps keep one request from asking the store for everything at once. */
export const MAX_PAGE_SIZE = 200;
export const MAX_QUERY_LENGTH = 200;
/** One ingest request is a handful of articles, not a crawl: larger batches belong to the CLI. */
export const MAX_INGEST_ARTICLES = 100;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day as YYYY-MM-DD')
  .meta({ description: 'A day, YYYY-MM-DD', example: '2031-04-02' });

const paging = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50).meta({ description: 'Items per page' }),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).meta({ description: 'Items to skip' }),
  q: z
    .string()
    .trim()
    .max(MAX_QUERY_LENGTH)
    .optional()
    .meta({ description: 'Case-insensitive substring of the title (name for entities)' }),
};

export const listQuerySchema = z.object(paging);

/** Dead letters have no title to filter on: pages only. */
export const deadLettersQuerySchema = z.object({ limit: paging.limit, offset: paging.offset });

const dateRange = {
  from: day.optional().meta({ description: 'Only items reported on or after this day' }),
  to: day.optional().meta({ description: 'Only items reported on or before this day' }),
};

export const storiesQuerySchema = z.object({
  ...paging,
  outlet: z
    .string()
    .trim()
    .min(1)
    .max(MAX_QUERY_LENGTH)
    .optional()
    .meta({ description: 'Only stories with an article from this outlet (exact name)' }),
  ...dateRange,
  entity: z.string().min(1).max(500).optional().meta({ description: 'Only stories with an article mentioning this entity id' }),
});

export const articlesQuerySchema = z.object({
  ...paging,
  story: z.string().min(1).max(500).optional().meta({ description: "Only this story's articles, in the story's order" }),
  outlet: z
    .string()
    .trim()
    .min(1)
    .max(MAX_QUERY_LENGTH)
    .optional()
    .meta({ description: 'Only articles from this outlet (exact name)' }),
  ...dateRange,
});

export const searchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'q must not be empty')
    .max(MAX_QUERY_LENGTH)
    .meta({ description: 'Words to find (all of them) in titles and texts' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** Ids are ours (hashes, slugs) or a .jsonl's own; anything longer is not one. */
export const idSchema = z.string().min(1).max(500);
export const idParamsSchema = z.object({ id: idSchema.meta({ description: 'The id, URL-encoded' }) });

export const ingestBodySchema = z.object({
  articles: z
    .array(JsonlArticle)
    .min(1)
    .max(MAX_INGEST_ARTICLES)
    .meta({
      description:
        'Articles, each like one line of a .jsonl input: {"id", "text" | "html", "title"?, "url"?, "outlet"?, "byline"?, "published"?, "clean"?}',
    }),
  published: day.optional().meta({ description: 'Reference date for articles that carry none (like --published)' }),
});

// ---- responses (documentation and tests; handlers build them from store types) ----

const span = {
  start: z.number().int().meta({ description: 'UTF-16 offset into the article text' }),
  end: z.number().int().meta({ description: 'End, exclusive' }),
};
const entityType = z.enum(['PERSON', 'ORG', 'LOC', 'MISC']);

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(HttpErrorCodes) as [keyof typeof HttpErrorCodes, ...(keyof typeof HttpErrorCodes)[]]),
      message: z.string().meta({ description: 'What was expected, what was found, what to do' }),
    }),
  })
  .meta({ id: 'Error' });

export const storySummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    articleCount: z.number().int(),
    outlets: z.array(z.string()),
    firstPublished: z.string().nullable(),
    lastPublished: z.string().nullable(),
    discrepancyCount: z.number().int(),
  })
  .meta({ id: 'StorySummary' });

const evidence = z.object({ article: z.string(), ...span });

export const storySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    articles: z.array(z.string()),
    timeline: z.array(
      z.object({
        date: z.string(),
        text: z.string(),
        articles: z.array(z.string()),
        evidence: z.array(evidence).optional(),
        independentSources: z.number().int().optional().describe('articles behind the entry, counting a copy and its original once'),
      }),
    ),
    quotes: z.array(
      z.object({
        text: z.string(),
        speaker: z.string().nullable(),
        speakerText: z.string().optional().describe('when no entity was found: the source as most outlets wrote it'),
        sourceKind: z.enum(['named', 'pronoun', 'nominal', 'anonymous', 'unattributed']).optional().describe('how most outlets wrote the source'),
        articles: z.array(z.string()),
        variants: z.array(z.object({ text: z.string(), articles: z.array(z.string()) })).optional(),
        evidence: z.array(evidence).optional(),
        independentSources: z.number().int().optional().describe('outlets carrying the quote, counting a copy and its original once'),
      }),
    ),
    discrepancies: z.array(
      z.object({
        about: z.string(),
        values: z.array(
          z.object({
            value: z.number(),
            text: z.string(),
            article: z.string(),
            start: z.number().int().optional(),
            end: z.number().int().optional(),
            qualifier: z.string().nullable().optional(),
            copyOf: z.string().optional().describe('set when this article is a copy of another: the value is not an independent report'),
          }),
        ),
        note: z.string().optional(),
        kind: z.enum(['compatible', 'rounding', 'conflict']).optional(),
        cause: z.enum(['as-of', 'different-sources']).optional(),
        independentSources: z.number().int().optional().describe('articles giving the values, counting a copy and its original once'),
      }),
    ),
    copies: z.array(z.object({ article: z.string(), of: z.string(), similarity: z.number() })).optional(),
  })
  .meta({ id: 'Story' });

export const articleSummarySchema = z
  .object({
    id: z.string(),
    source: z.string(),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    published: z.string().nullable(),
    language: z.string(),
    failed: z.boolean(),
  })
  .meta({ id: 'ArticleSummary' });

export const articleSchema = z
  .object({
    id: z.string(),
    source: z.string(),
    title: z.string().nullable(),
    byline: z.array(z.string()),
    outlet: z.string().nullable(),
    published: z.string().nullable(),
    publishedFrom: z.string().optional(),
    language: z.string(),
    extractedBy: z.string().optional(),
    text: z.string().meta({ description: 'The clean text; every span is an offset into it' }),
    removed: z.array(z.object({ text: z.string(), reason: z.string() })),
    mentions: z.array(z.object({ ...span, text: z.string(), type: entityType, entity: z.string().nullable() }).loose()),
    quotes: z.array(
      z
        .object({
          ...span,
          text: z.string(),
          speaker: z.string().nullable(),
          speakerText: z.string().nullable(),
          direct: z.boolean(),
        })
        .loose(),
    ),
    figures: z.array(
      z
        .object({
          ...span,
          text: z.string(),
          value: z.number(),
          qualifier: z.string().nullable(),
          unit: z.string().nullable(),
          about: z.string().nullable(),
          source: z.string().nullable(),
        })
        .loose(),
    ),
    dates: z.array(z.object({ ...span, text: z.string(), value: z.string() })),
    messages: z.array(
      z.object({ severity: z.enum(['error', 'warning', 'info']), text: z.string(), rule: z.string(), stage: z.string() }).loose(),
    ),
    failed: z.boolean().optional(),
  })
  .meta({ id: 'Article' });

export const entitySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: entityType,
    aliases: z.array(z.string()),
    roles: z.array(z.string()),
    articles: z.array(z.string()),
    roleHistory: z
      .array(
        z.object({
          role: z.string(),
          first: z.string().nullable(),
          last: z.string().nullable(),
          articles: z.array(z.string()),
        }),
      )
      .optional()
      .describe('Each role with the publication dates of the first and last article that wrote it with the name; oldest first.'),
  })
  .meta({ id: 'Entity' });

export const entityMentionsSchema = z
  .object({
    entity: entitySchema,
    items: z.array(
      z.object({
        article: z.string(),
        title: z.string().nullable(),
        outlet: z.string().nullable(),
        published: z.string().nullable(),
        ...span,
        text: z.string(),
        index: z.number().int().meta({ description: "Position in the article's mentions; the article page anchor #m-INDEX" }),
        role: z.string().nullable().meta({ description: 'Title or role written before the name here' }),
        sentence: z.string().meta({ description: 'The sentence around the mention, plain text' }),
      }),
    ),
    stories: z.array(storySummarySchema),
    truncated: z.boolean().meta({ description: 'true when the entity is in more articles than were read' }),
  })
  .meta({ id: 'EntityMentions' });

export const searchHitSchema = z
  .object({
    article: z.string(),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    published: z.string().nullable(),
    snippet: z.string().meta({ description: 'Plain text, never markup' }),
    highlights: z.array(z.object(span)),
  })
  .meta({ id: 'SearchHit' });

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), items: z.array(item) });
}

export const healthSchema = z.object({
  status: z.literal('ok'),
  articles: z.number().int(),
  failedArticles: z.number().int(),
  stories: z.number().int(),
  entities: z.number().int(),
  outlets: z.number().int(),
});

export const deadLetterSchema = z
  .object({
    article: z.string().meta({ description: 'The id of the article whose ingest job failed' }),
    source: z.string().meta({ description: 'Where the input came from (file, URL)' }),
    error: z.string().meta({ description: "The last attempt's error" }),
    failedAt: z.string().meta({ description: 'When it was dead-lettered (ISO 8601)' }),
  })
  .meta({ id: 'DeadLetter' });

export const searchResultSchema = z.object({ query: z.string(), items: z.array(searchHitSchema) });

export const ingestResultSchema = z.object({
  added: z.array(z.string()).meta({ description: 'Ids of the articles stored by this request' }),
  existing: z.array(z.string()).meta({ description: 'Ids already stored (left unchanged)' }),
  failed: z.array(z.object({ id: z.string(), message: z.string() })),
  articles: z.number().int(),
  stories: z.number().int(),
});
