// Scores story grouping on ECB+ topics 1-35 (the shared documents of the reference numbers).
// Run from the repo root: node --import tsx bench/stories.ts [--topics 1-35]
// Reference (score-stories.mjs README): TF-IDF average-link 0.861-0.880 B3 F1, topic oracle 0.683.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Doc } from '../src/model/index.js';
import type { InputItem } from '../src/input/input-item.js';
import { buildPipeline } from '../src/pipeline/build-pipeline.js';
import { defaultPipeline } from '../src/pipeline/default-pipeline.js';
import { contextFor, runDocStages, runStoryStages } from '../src/pipeline/run-pipeline.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '../shared');
if (!existsSync(shared)) {
  console.log('skipped: ../shared not found');
  process.exit(0);
}
const topicsAt = process.argv.indexOf('--topics');
const topics = topicsAt >= 0 ? (process.argv[topicsAt + 1] ?? '1-35') : '1-35';
const gold = join(shared, 'datasets/ecbplus/documents.jsonl');
const converted = spawnSync(process.execPath, [join(shared, 'bench/to-jsonl.mjs'), 'ecbplus', gold, '--topics', topics], {
  encoding: 'utf8',
  maxBuffer: 1 << 28,
});
if (converted.status !== 0) throw new Error(`to-jsonl.mjs failed: ${converted.stderr}`);

interface Line {
  id: string;
  text: string;
  published?: string;
}

const pipeline = buildPipeline(defaultPipeline());
const ctx = contextFor({ now: new Date() });
const started = performance.now();
const docs: Doc[] = [];
for (const line of converted.stdout.split('\n')) {
  if (!line.trim()) continue;
  const item = JSON.parse(line) as Line;
  const input: InputItem = {
    id: item.id,
    source: item.id,
    raw: { text: item.text, clean: false, ...(item.published ? { published: item.published } : {}) },
  };
  docs.push(await runDocStages(pipeline, input, ctx));
}
const docSeconds = (performance.now() - started) / 1000;
const corpus = await runStoryStages(pipeline, docs, ctx);
const seconds = (performance.now() - started) / 1000;
const failed = docs.filter((d) => d.failed).length;

const out = join(root, 'bench/out/stories-ecb.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ articles: corpus.docs.map((d) => ({ id: d.id })), stories: corpus.stories }));
const scored = spawnSync(process.execPath, [join(shared, 'bench/score-stories.mjs'), '--gold', gold, out, '--topics', topics], {
  encoding: 'utf8',
  maxBuffer: 1 << 26,
});
process.stdout.write(scored.stdout);
process.stderr.write(scored.stderr);
console.log(
  `${docs.length} articles (${failed} failed) in ${seconds.toFixed(1)} s: ${(docs.length / seconds).toFixed(1)} articles/s ` +
    `(document stages ${docSeconds.toFixed(1)} s, story stages ${(seconds - docSeconds).toFixed(1)} s)`,
);
process.exit(scored.status ?? 1);
