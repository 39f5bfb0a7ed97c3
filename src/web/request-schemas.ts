import type { z } from 'zod';
import { HttpFailure } from './http-errors.js';

export {
  MAX_PAGE_SIZE,
  MAX_QUERY_LENGTH,
  idSchema,
  listQuerySchema,
  searchQuerySchema,
  storiesQuerySchema,
} from './api-schemas.js';

/** Parses untrusted input or throws INVALID_REQUEST naming each bad field and what was expected. */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || what}: ${issue.message}`).join('; ');
  throw new HttpFailure('INVALID_REQUEST', `invalid ${what}: ${problems}`);
}
