import type { z } from 'zod';
import type { InputItem } from '../input/input-item.js';
import type { RawInput } from '../model/doc.js';
import { buildPipeline, type Pipeline } from '../pipeline/build-pipeline.js';
import { defaultPipeline } from '../pipeline/default-pipeline.js';
import { contextFor, runDocStages, runStoryStages } from '../pipeline/run-pipeline.js';
import type { Store } from '../storage/store.js';
import type { ingestBodySchema, ingestResultSchema } from './api-schemas.js';

export type IngestRequest = z.output<typeof ingestBodySchema>;
export type IngestResult = z.output<typeof ingestResultSchema>;

/** Runs the pipeline on posted articles and saves them, like `crosscheck ingest` does for files. */
export type Ingest = (request: IngestRequest) => Promise<IngestResult>;

function toItem(article: IngestRequest['articles'][number], referenceDate: string | undefined): InputItem {
  const raw: RawInput = {
    ...(article.html !== undefined ? { html: article.html } : {}),
    ...(article.text !== undefined ? { text: article.text } : {}),
    ...(article.url !== undefined ? { url: article.url } : {}),
    ...(article.title !== undefined ? { title: article.title } : {}),
    ...(article.outlet !== undefined ? { outlet: article.outlet } : {}),
    ...(article.byline !== undefined ? { byline: typeof article.byline === 'string' ? [article.byline] : article.byline } : {}),
    ...(article.published !== undefined ? { published: article.published } : {}),
    // As for a .jsonl line: cleaned unless the caller keeps the text verbatim.
    clean: article.clean ?? true,
    ...(referenceDate !== undefined ? { referenceDate } : {}),
  };
  return { id: article.id, source: article.id, raw };
}

export function createIngest(store: Store, pipeline: Pipeline = buildPipeline(defaultPipeline())): Ingest {
  // Story stages regroup every stored article; two ingests at once would each
  // save a corpus missing the other's articles, so requests take turns.
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
        const doc = await runDocStages(pipeline, toItem(article, request.published), ctx);
        if (doc.failed)
          result.failed.push({ id: doc.id, message: doc.messages.find((m) => m.severity === 'error')?.text ?? 'a stage failed' });
        if ((await store.saveArticle(doc)) === 'inserted') result.added.push(doc.id);
        else result.existing.push(doc.id);
      }
      if (result.added.length > 0) {
        const corpus = await runStoryStages(pipeline, await store.loadArticles(), ctx);
        await store.saveCorpus(corpus);
      }
      const stats = await store.stats();
      return { ...result, articles: stats.articles, stories: stats.stories };
    });
    queue = run.catch(() => undefined);
    return run;
  };
}
