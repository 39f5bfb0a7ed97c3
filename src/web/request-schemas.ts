import { z } from 'zod';
import { HttpFailure } from './http-errors.js';

/** Caps keep one request from asking the store for everything at once. */
export const MAX_PAGE_SIZE = 200;
export const MAX_QUERY_LENGTH = 200;

export const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  q: z.string().trim().max(MAX_QUERY_LENGTH).optional(),
});

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1, 'q must not be empty').max(MAX_QUERY_LENGTH),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** Ids are ours (hashes, slugs) or a .jsonl's own; anything longer is not one. */
export const idSchema = z.string().min(1).max(500);

/** Parses untrusted input or throws INVALID_REQUEST naming each bad field and what was expected. */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || what}: ${issue.message}`).join('; ');
  throw new HttpFailure('INVALID_REQUEST', `invalid ${what}: ${problems}`);
}
