import type { z } from 'zod';
import type { ListOptions } from '../storage/store.js';
import { HttpFailure } from './http-errors.js';

/** Parses untrusted input or throws INVALID_REQUEST naming each bad field and what was expected. */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || what}: ${issue.message}`).join('; ');
  throw new HttpFailure('INVALID_REQUEST', `invalid ${what}: ${problems}`);
}

interface ListQuery {
  readonly limit: number;
  readonly offset: number;
  readonly q?: string | undefined;
}

type Filters<Q> = { readonly [K in Exclude<keyof Q, keyof ListQuery>]?: Exclude<Q[K], undefined> };

/**
 * The store's list options from a parsed list query: `q` becomes `query`, and
 * filters left out or blank (a `q` of spaces trims to "") are dropped, since
 * the store reads a present filter as one to apply.
 */
export function toListOptions<Q extends ListQuery>(parsed: Q): ListOptions & Filters<Q> {
  const { q, ...rest } = parsed;
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) if (value !== undefined && value !== '') options[key] = value;
  if (q) options['query'] = q;
  return options as ListOptions & Filters<Q>;
}
