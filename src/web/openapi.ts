import { z } from 'zod';
import { errorSchema } from './api-schemas.js';
import type { ApiRoute } from './api-spec.js';
import { HttpErrorCodes, type HttpErrorCode } from './http-errors.js';

type JsonSchema = Record<string, unknown>;

/**
 * JSON Schema for one zod schema. Schemas carrying a `.meta({id})` come out of
 * zod as `$defs`; they become shared components, so Story or Article is
 * described once however many routes return it.
 */
function toSchema(schema: z.ZodType, components: Record<string, JsonSchema>, io: 'input' | 'output'): JsonSchema {
  // Refinements (real dates, non-empty text) cannot be expressed in JSON Schema; the handlers still enforce them.
  const generated = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  const json = JSON.parse(JSON.stringify(generated).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema & {
    $defs?: Record<string, JsonSchema>;
  };
  delete json.$schema;
  for (const [id, def] of Object.entries(json.$defs ?? {})) components[id] = def;
  delete json.$defs;
  return json;
}

const statusFor = (code: HttpErrorCode): string => String(HttpErrorCodes[code]);

/** The OpenAPI 3.1 document for `routes`, built from the zod schemas the handlers validate with. */
export function openApiDocument(
  routes: Readonly<Record<string, ApiRoute>>,
  info: { title: string; version: string },
): JsonSchema {
  const components: Record<string, JsonSchema> = {};
  const paths: Record<string, Record<string, unknown>> = {};
  const errorRef = toSchema(errorSchema, components, 'output');
  for (const [operationId, route] of Object.entries(routes)) {
    const parameters: JsonSchema[] = [];
    for (const [where, schema] of [
      ['path', route.params],
      ['query', route.query],
    ] as const) {
      if (!schema) continue;
      for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
        const fieldSchema = toSchema(field, components, 'input');
        const { description, ...rest } = fieldSchema as { description?: string };
        parameters.push({
          name,
          in: where,
          required: where === 'path' || !field.safeParse(undefined).success,
          ...(description ? { description } : {}),
          schema: rest,
        });
      }
    }
    const responses: Record<string, unknown> = {
      [String(route.status ?? 200)]: {
        description: 'OK',
        content: { 'application/json': { schema: toSchema(route.response, components, 'output') } },
      },
    };
    const codes = [...route.errors, 'INTERNAL' as const];
    for (const status of [...new Set(codes.map(statusFor))]) {
      const which = codes.filter((c) => statusFor(c) === status);
      responses[status] = { description: which.join(' or '), content: { 'application/json': { schema: errorRef } } };
    }
    const path = `/api${route.path.replace(/:(\w+)/g, '{$1}')}`;
    paths[path] ??= {};
    paths[path][route.method] = {
      operationId,
      summary: route.summary,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(route.body, components, 'input') } },
            },
          }
        : {}),
      ...(route.auth ? { security: [{ bearerToken: [] }] } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      ...info,
      description:
        'The data of the crosscheck web UI as JSON. Every extracted item is a span {start, end} (UTF-16 offsets, end exclusive) into its article\'s `text`. Errors are {"error": {"code", "message"}}. Writes need `Authorization: Bearer $CROSSCHECK_TOKEN` and are disabled when the server was started without that variable.',
    },
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'The value of CROSSCHECK_TOKEN on the server' },
      },
    },
  };
}
