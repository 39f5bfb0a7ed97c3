import type { Doc } from '../model/doc.js';
import type { Corpus, Entity, Story } from '../model/story.js';
import type { InputFailure } from '../input/input-item.js';

/** The JSON report of `crosscheck analyze --json` (see schema/report.schema.json). */
export interface Report {
  readonly version: string;
  readonly pipeline: readonly string[];
  readonly articles: readonly ReportArticle[];
  readonly entities: readonly Entity[];
  readonly stories: readonly Story[];
  /** Inputs that could not be read at all. */
  readonly errors: readonly InputFailure[];
}

export type ReportArticle = Pick<
  Doc,
  | 'id'
  | 'source'
  | 'title'
  | 'byline'
  | 'outlet'
  | 'published'
  | 'language'
  | 'text'
  | 'removed'
  | 'mentions'
  | 'quotes'
  | 'figures'
  | 'dates'
  | 'messages'
> & { readonly failed?: boolean; readonly publishedFrom?: string; readonly extractedBy?: string };

export const REPORT_VERSION = '1';

export function toReportArticle(doc: Doc): ReportArticle {
  return {
    id: doc.id,
    source: doc.source,
    title: doc.title,
    byline: doc.byline,
    outlet: doc.outlet,
    published: doc.published,
    ...(doc.publishedFrom ? { publishedFrom: doc.publishedFrom } : {}),
    language: doc.language,
    ...(doc.extractedBy ? { extractedBy: doc.extractedBy } : {}),
    text: doc.text,
    removed: doc.removed,
    mentions: doc.mentions,
    quotes: doc.quotes,
    figures: doc.figures,
    dates: doc.dates,
    messages: doc.messages,
    ...(doc.failed ? { failed: true } : {}),
  };
}

export function toReport(corpus: Corpus, pipeline: readonly string[], errors: readonly InputFailure[] = []): Report {
  return {
    version: REPORT_VERSION,
    pipeline,
    articles: corpus.docs.map(toReportArticle),
    entities: corpus.entities,
    stories: corpus.stories,
    errors,
  };
}
