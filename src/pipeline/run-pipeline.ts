import { newDoc, type Doc } from '../model/doc.js';
import type { Corpus } from '../model/story.js';
import type { StageContext } from '../model/stage.js';
import type { InputItem } from '../input/input-item.js';
import { buildPipeline, type Pipeline } from './build-pipeline.js';
import { defaultPipeline } from './default-pipeline.js';

export interface RunOptions {
  /** "Now" for this run; defaults to the current time. */
  now?: Date;
  /** Reference date (YYYY-MM-DD) for inputs that carry none. */
  referenceDate?: string;
  signal?: AbortSignal;
  /** Called after each article's document stages. */
  onDoc?: (doc: Doc, index: number) => void;
  /** Called once the document stages are done, before the story stages start. */
  onStoryStages?: () => void;
}

export function contextFor(options: RunOptions = {}): StageContext {
  return {
    now: options.now ?? new Date(),
    ...(options.referenceDate ? { referenceDate: options.referenceDate } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

/**
 * Runs the document stages on one article. A stage that throws marks the
 * article failed (with the error as a message) and skips the stages after it.
 */
export async function runDocStages(pipeline: Pipeline, item: InputItem, ctx: StageContext): Promise<Doc> {
  let doc = newDoc(item.id, item.source, item.raw);
  for (const stage of pipeline.docStages) {
    try {
      doc = await stage.run(doc, ctx);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      return {
        ...doc,
        failed: true,
        messages: [...doc.messages, { severity: 'error', rule: 'pipeline/stage-failed', stage: stage.name, text: `stage failed: ${text}` }],
      };
    }
  }
  return doc;
}

/** Runs the story stages over all (not failed) articles of a batch. */
export async function runStoryStages(pipeline: Pipeline, docs: readonly Doc[], ctx: StageContext): Promise<Corpus> {
  const ok = docs.filter((d) => !d.failed);
  let corpus: Corpus = { docs: ok, entities: [], stories: [] };
  for (const stage of pipeline.storyStages) corpus = await stage.run(corpus, ctx);
  // Failed articles stay in the report, with their messages, outside every story.
  return { ...corpus, docs: [...corpus.docs, ...docs.filter((d) => d.failed)] };
}

/** The whole pipeline over a batch of inputs. */
export async function analyze(
  items: Iterable<InputItem> | AsyncIterable<InputItem>,
  options: RunOptions = {},
  pipeline: Pipeline = buildPipeline(defaultPipeline()),
): Promise<Corpus> {
  const ctx = contextFor(options);
  const docs: Doc[] = [];
  for await (const item of items) {
    const doc = await runDocStages(pipeline, item, ctx);
    options.onDoc?.(doc, docs.length);
    docs.push(doc);
  }
  options.onStoryStages?.();
  return runStoryStages(pipeline, docs, ctx);
}
