import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv';

const schemaUrl = new URL('../../schema/report.schema.json', import.meta.url);

/** Problems with a report: schema violations, then spans whose text is not `text.slice(start, end)`. */
export function validateReport(report: unknown): string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaUrl, 'utf8')));
  const problems: string[] = [];
  if (!validate(report)) {
    for (const e of (validate.errors ?? []) as ErrorObject[]) problems.push(`${e.instancePath || '/'} ${e.message ?? ''}`);
    return problems;
  }
  const { articles, entities } = report as {
    articles: { id: string; text: string; [layer: string]: unknown }[];
    entities: { id: string }[];
  };
  const entityIds = new Set(entities.map((e) => e.id));
  for (const article of articles) {
    for (const layer of ['mentions', 'quotes', 'figures', 'dates'] as const) {
      const items = article[layer] as { start: number; end: number; text: string; entity?: string | null }[];
      items.forEach((item, i) => {
        const where = `article ${article.id} ${layer}[${i}]`;
        if (item.start > item.end || item.end > article.text.length) problems.push(`${where}: span ${item.start}-${item.end} out of range`);
        else if (article.text.slice(item.start, item.end) !== item.text) problems.push(`${where}: text does not equal text.slice(start, end)`);
        for (const ref of ['entity', 'speaker', 'source'] as const) {
          const id = (item as Record<string, unknown>)[ref];
          if (typeof id === 'string' && !entityIds.has(id)) problems.push(`${where}: ${ref} "${id}" is not in entities`);
        }
      });
    }
  }
  return problems;
}
