// Scores story grouping on ECB+ topics 1-35 (the shared documents of the reference numbers).
// Then the articles/s of incremental story assignment at 10,000 and 100,000 invented
// articles (bench/story-scale.ts); --no-scale skips that part (the eval gate needs only the score).
// Run from the repo root: node --import tsx bench/stories.ts [--topics 1-35] [--no-scale]
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
import { groupStories } from '../src/stages/group-stories.js';
import { articleFeatures, createStoryIndex } from '../src/stages/story/create-story-index.js';
import { seededRandom } from '../src/model/seeded-random.js';
import { measureStoryScale } from './story-scale.js';

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

// The same report on odd and on even topics: a change tuned on one half should hold on the other.
const topicList = topics.split(',').flatMap((part) => {
  const [from, to = from] = part.split('-').map(Number);
  return Array.from({ length: to! - from! + 1 }, (_, k) => from! + k);
});
const halves = [1, 0].map((parity) => {
  const half = topicList.filter((t) => t % 2 === parity);
  if (half.length === 0) return `${parity ? 'odd' : 'even'} none`;
  const run = spawnSync(
    process.execPath,
    [join(shared, 'bench/score-stories.mjs'), '--gold', gold, out, '--topics', half.join(',')],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  );
  const b3 = /B-cubed\s+(P\s+[\d.]+\s+R\s+[\d.]+\s+F1\s+[\d.]+)/.exec(run.stdout)?.[1];
  return `${parity ? 'odd' : 'even'} (${half.length} topics) ${b3 ?? 'failed'}`;
});
console.log(`B-cubed by topic parity: ${halves.join('; ')}`);
console.log(
  `${docs.length} articles (${failed} failed) in ${seconds.toFixed(1)} s: ${(docs.length / seconds).toFixed(1)} articles/s ` +
    `(document stages ${docSeconds.toFixed(1)} s, story stages ${(seconds - docSeconds).toFixed(1)} s)`,
);

// Incremental assignment (createStoryIndex) on the same docs, entity ids from the batch run:
// first in the corpus order, then over seeded shuffles, to see how much arrival order moves it.
function scoreB3(
  stories: readonly { readonly id: string; readonly articles: readonly string[] }[],
  name: string,
  only = topics,
): number {
  const file = join(root, `bench/out/stories-ecb-${name}.json`);
  writeFileSync(file, JSON.stringify({ articles: corpus.docs.map((d) => ({ id: d.id })), stories }));
  const run = spawnSync(process.execPath, [join(shared, 'bench/score-stories.mjs'), '--gold', gold, file, '--topics', only], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const f1 = /B-cubed\s+P\s+[\d.]+\s+R\s+[\d.]+\s+F1\s+([\d.]+)/.exec(run.stdout)?.[1];
  if (run.status !== 0 || f1 === undefined) throw new Error(`score-stories.mjs failed: ${run.stderr}`);
  return Number(f1);
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const order = [...items];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** B3 F1 on odd and on even topics alone, as for the batch stage above. */
function scoreHalves(stories: readonly { readonly id: string; readonly articles: readonly string[] }[], name: string): string {
  return [1, 0]
    .map((parity) => {
      const half = topicList.filter((t) => t % 2 === parity).join(',');
      return `${parity ? 'odd' : 'even'} ${half ? scoreB3(stories, `${name}-${parity ? 'odd' : 'even'}`, half).toFixed(3) : 'none'}`;
    })
    .join(', ');
}

interface IncrementalRun {
  stories: { id: string; articles: readonly string[] }[];
  candidates: number;
  merged: number;
  moved: number;
  seconds: number;
}

function incremental(order: readonly Doc[]): IncrementalRun {
  const features = order.map(articleFeatures);
  const index = createStoryIndex();
  let candidates = 0;
  let merged = 0;
  let moved = 0;
  const started = performance.now();
  for (const article of features) {
    const assignment = index.assign(article);
    candidates += assignment.candidates;
    merged += assignment.merged.length;
    moved += assignment.moved.length;
  }
  const seconds = (performance.now() - started) / 1000;
  return { stories: index.stories(), candidates: candidates / Math.max(1, order.length), merged, moved, seconds };
}

const arrival = incremental(corpus.docs);
console.log(
  `incremental, arrival order: B3 F1 ${scoreB3(arrival.stories, 'incremental').toFixed(3)} ` +
    `(${arrival.stories.length} stories, ${arrival.candidates.toFixed(1)} candidate stories per article)`,
);
console.log(
  `incremental, arrival order by topic parity: ${scoreHalves(arrival.stories, 'incremental')}; ` +
    `${arrival.merged} merges, ${arrival.moved} articles moved by regrouping; ` +
    `${(corpus.docs.length / arrival.seconds).toFixed(0)} articles/s`,
);
const shuffled: number[] = [];
for (let seed = 1; seed <= 5; seed++)
  shuffled.push(scoreB3(incremental(shuffle(corpus.docs, seed)).stories, `incremental-${seed}`));
const mean = shuffled.reduce((a, b) => a + b, 0) / shuffled.length;
console.log(
  `incremental, 5 seeded shuffles: B3 F1 mean ${mean.toFixed(3)} min ${Math.min(...shuffled).toFixed(3)} ` +
    `max ${Math.max(...shuffled).toFixed(3)} (${shuffled.map((f) => f.toFixed(3)).join(' ')})`,
);

// groupStories says its result does not depend on the input order: the story stages
// (entity resolution included) again on shuffled documents, which must score the same.
const batchShuffled: string[] = [];
for (let seed = 1; seed <= 3; seed++) {
  const again = await runStoryStages(pipeline, shuffle(docs, seed), ctx);
  const same = JSON.stringify(again.stories.map((s) => s.articles)) === JSON.stringify(corpus.stories.map((s) => s.articles));
  batchShuffled.push(`${scoreB3(again.stories, `batch-${seed}`).toFixed(3)}${same ? '' : ' (other stories)'}`);
}
console.log(`batch story stages, 3 seeded shuffles of the documents: B3 F1 ${batchShuffled.join(' ')}`);

// The story stages as the product runs them past `batchLimit` articles: group-stories' online
// strategy (the documents oldest first through createStoryIndex), then copies within each story.
const onlinePipeline = buildPipeline(
  defaultPipeline().map((stage) => (stage.name === 'group-stories' ? groupStories({ strategy: 'online' }) : stage)),
);
const onlineStarted = performance.now();
const onlineCorpus = await runStoryStages(onlinePipeline, shuffle(docs, 4), ctx);
console.log(
  `story stages with group-stories' online strategy (the default past 2,000 articles): B3 F1 ${scoreB3(onlineCorpus.stories, 'online-stage').toFixed(3)} ` +
    `in ${((performance.now() - onlineStarted) / 1000).toFixed(1)} s (batch: ${(seconds - docSeconds).toFixed(1)} s)`,
);
if (!process.argv.includes('--no-scale')) {
  const scaleStarted = performance.now();
  for (const line of measureStoryScale()) console.log(line);
  console.log(`story assignment scale runs: ${((performance.now() - scaleStarted) / 1000).toFixed(1)} s`);
}
process.exit(scored.status ?? 1);
