import { z } from 'zod';
import type { RawInput } from '../model/doc.js';
import type { InputItem, InputResult } from './input-item.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a real date');

/** One line of a .jsonl input. Unknown keys are ignored so datasets may carry their own labels. */
export const JsonlArticle = z
  .object({
    id: z.string().trim().min(1, 'must not be empty'),
    text: z.string().optional(),
    html: z.string().optional(),
    title: z.string().optional(),
    url: z.string().optional(),
    outlet: z.string().optional(),
    byline: z.union([z.string(), z.array(z.string())]).optional(),
    published: isoDate.optional(),
    clean: z.boolean().optional(),
  })
  .refine((a) => a.text !== undefined || a.html !== undefined, { message: 'needs a "text" or an "html" field' })
  .refine((a) => (a.text ?? a.html ?? '').trim() !== '', { message: 'has an empty "text"/"html"' });

export type JsonlArticle = z.infer<typeof JsonlArticle>;

export interface JsonlOptions {
  /** Used when a line has no "clean" of its own. */
  readonly clean: boolean;
  readonly referenceDate?: string;
}

/**
 * One result per non-blank line: the article, or a failure naming the file and
 * line. A line's `source` and `id` are its "id"; its text is kept as given.
 */
export function* parseJsonl(content: string, file: string, { clean, referenceDate }: JsonlOptions): Generator<InputResult> {
  const lines = content.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const where = `${file}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      yield fail(where, `expected one JSON object per line in "${where}", found invalid JSON (${(error as Error).message}); fix or remove the line`);
      continue;
    }
    const parsed = JsonlArticle.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.length ? `"${issue.path.map(String).join('.')}" ` : '';
      yield fail(where, `expected an article {"id", "text"|"html", ...} in "${where}", found one whose ${field}${issue?.message ?? 'shape is wrong'}; fix the line`);
      continue;
    }
    yield { ok: true, item: toInputItem(parsed.data, { clean, referenceDate }) };
  }
}

/**
 * The input item of one article in the .jsonl shape (a file line or an API
 * request); its `source` is its id. `clean` applies unless the article sets its own.
 */
export function toInputItem(a: JsonlArticle, { clean, referenceDate }: { clean: boolean; referenceDate?: string | undefined }): InputItem {
  const raw: RawInput = {
    ...(a.html !== undefined ? { html: a.html } : {}),
    ...(a.text !== undefined ? { text: a.text } : {}),
    ...(a.url !== undefined ? { url: a.url } : {}),
    ...(a.title !== undefined ? { title: a.title } : {}),
    ...(a.outlet !== undefined ? { outlet: a.outlet } : {}),
    ...(a.byline !== undefined ? { byline: typeof a.byline === 'string' ? [a.byline] : a.byline } : {}),
    ...(a.published !== undefined ? { published: a.published } : {}),
    clean: a.clean ?? clean,
    ...(referenceDate !== undefined ? { referenceDate } : {}),
  };
  return { id: a.id, source: a.id, raw };
}

function fail(source: string, message: string): InputResult {
  return { ok: false, failure: { source, code: 'INPUT_FORMAT', message } };
}
