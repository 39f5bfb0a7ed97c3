// Runs the whole pipeline once over the given inputs in this process and
// prints {articles, failed, stories, seconds, maxRssMB} as JSON: the child of
// bench/throughput.ts, so that peak memory is this run's alone.
import { readInputs } from '../src/input/read-inputs.js';
import { analyze } from '../src/pipeline/run-pipeline.js';
import type { InputItem } from '../src/input/input-item.js';

const paths = process.argv.slice(2);
const started = performance.now();
async function* ok(): AsyncGenerator<InputItem> {
  for await (const r of readInputs(paths, { referenceDate: '2026-01-15' })) if (r.ok) yield r.item;
}
const corpus = await analyze(ok());
const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({
    articles: corpus.docs.length,
    failed: corpus.docs.filter((d) => d.failed).length,
    stories: corpus.stories.length,
    seconds,
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
