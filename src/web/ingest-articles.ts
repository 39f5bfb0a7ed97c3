import type { z } from 'zod';
import { toInputItem } from '../input/parse-jsonl.js';
import { buildPipeline, type Pipeline } from '../pipeline/build-pipeline.js';
import { defaultPipeline } from '../pipeline/default-pipeline.js';
import { contextFor, runDocStages, runStoryStages } from '../pipeline/run-pipeline.js';
import type { Store } from '../storage/store.js';
import type { ingestBodySchema, ingestResultSchema } from './api-schemas.js';

export type IngestRequest = z.output<typeof ingestBodySchema>;
export type IngestResult = z.output<typeof ingestResultSchema>;

/** Runs the pipeline on posted articles and saves them, like `crosscheck ingest` does for files. */
export type Ingest = (request: IngestRequest) => Promise<IngestResult>;

export function createIngest(store: Store, pipeline: Pipeline = buildPipeline(defaultPipeline())): Ingest {
  // Story stages regroup every stored article; requests take turns here, and
  // `regroupStories` keeps the stories whole against other writers (a CLI
  // ingest or workers on the same store).
  let queue: Promise<unknown> = Promise.resolve();
  return (request) => {
    const run = queue.then(async (): Promise<IngestResult> => {
      const ctx = contextFor(request.published ? { referenceDate: request.published } : {});
      const result: IngestResult = { added: [], existing: [], failed: [], articles: 0, stories: 0 };
      for (const article of request.articles) {
        if (await store.hasArticle(article.id)) {
          result.existing.push(article.id);
          continue;
        }
        const doc = await runDocStages(pipeline, toInputItem(article, { clean: true, referenceDate: request.published }), ctx);
        if (doc.failed)
          result.failed.push({ id: doc.id, message: doc.messages.find((m) => m.severity === 'error')?.text ?? 'a stage failed' });
        if ((await store.saveArticle(doc)) === 'inserted') result.added.push(doc.id);
        else result.existing.push(doc.id);
      }
      if (result.added.length > 0) {
        await store.regroupStories((docs) => runStoryStages(pipeline, docs, ctx));
      }
      const stats = await store.stats();
      return { ...result, articles: stats.articles, stories: stats.stories };
    });
    queue = run.catch(() => undefined);
    return run;
  };
}
