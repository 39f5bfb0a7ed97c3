// The public API: deliberately small. Everything else is internal.
export * from './model/index.js';
export { buildPipeline, type Pipeline } from './pipeline/build-pipeline.js';
export { defaultPipeline } from './pipeline/default-pipeline.js';
export { analyze, runDocStages, runStoryStages, type RunOptions } from './pipeline/run-pipeline.js';
export { toReport, type Report, type ReportArticle } from './report/to-report.js';
export type { InputItem, InputFailure } from './input/input-item.js';
