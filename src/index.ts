// The public API: deliberately small. Everything else is internal.
export * from './model/index.js';
export { buildPipeline, type Pipeline } from './pipeline/build-pipeline.js';
export { defaultPipeline } from './pipeline/default-pipeline.js';
export { analyze, runDocStages, runStoryStages, contextFor, type RunOptions } from './pipeline/run-pipeline.js';
export { toReport, type Report, type ReportArticle } from './report/to-report.js';
export { validateReport } from './report/validate-report.js';
export type { InputItem, InputFailure, InputResult } from './input/input-item.js';
export { readInputs, type ReadInputsOptions } from './input/read-inputs.js';
export { readFeed } from './input/read-feed.js';
export type { Store, StorySummary, ArticleSummary, SearchHit, Page } from './storage/store.js';
export { openStore, resolveStoreLocation } from './storage/open-store.js';
export { createApp } from './web/app.js';
export { serve } from './web/serve.js';
