import type { Doc, DocLayer } from './doc.js';
import type { Corpus, CorpusLayer } from './story.js';

/** Run-wide facts a stage may read; never mutable state shared between articles. */
export interface StageContext {
  /** "Now" for this run (fetch time): no published date may be later. */
  readonly now: Date;
  /** Reference date (YYYY-MM-DD) for articles that carry none (`--published`). */
  readonly referenceDate?: string;
  readonly signal?: AbortSignal;
}

/** A document stage: one article in, one article out. */
export interface DocStage {
  readonly kind: 'doc';
  readonly name: string;
  readonly version: string;
  readonly requires: readonly DocLayer[];
  readonly provides: readonly DocLayer[];
  run(doc: Doc, ctx: StageContext): Doc | Promise<Doc>;
}

/** A story stage: many articles in, entities and stories out. */
export interface StoryStage {
  readonly kind: 'story';
  readonly name: string;
  readonly version: string;
  /** Doc layers every doc must have, and corpus layers that must exist. */
  readonly requires: readonly (DocLayer | CorpusLayer)[];
  readonly provides: readonly (DocLayer | CorpusLayer)[];
  run(corpus: Corpus, ctx: StageContext): Corpus | Promise<Corpus>;
}

export type Stage = DocStage | StoryStage;
