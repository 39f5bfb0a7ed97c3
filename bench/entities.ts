// Scores cross-document entity clusters on ECB+ (topics 1-35, all 772 shared documents):
// the pipeline up to resolve-entities runs over the whole batch, as `crosscheck analyze` would,
// and bench/score-entity-clusters.ts compares `mentions[].entity` with the gold entity coreference.
// Run from the repo root: node --import tsx bench/entities.ts [--topics 1-35] [--errors N] [--reuse-docs]
// --reuse-docs reads the document stages' output from the last run (bench/out/entities-docs.json),
// to iterate on the story stage alone; never use it after changing a document stage.
// Convention: docs/decisions/0005-entity-cluster-scoring.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Doc } from '../src/model/index.js';
import type { InputItem } from '../src/input/input-item.js';
import { buildPipeline } from '../src/pipeline/build-pipeline.js';
import { defaultPipeline } from '../src/pipeline/default-pipeline.js';
import { contextFor, runDocStages, runStoryStages } from '../src/pipeline/run-pipeline.js';
import { clusterErrors, formatScores, readDocumentTexts, readEcbGold, scoreEntityClusters } from './score-entity-clusters.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '../shared');
if (!existsSync(shared)) {
  console.log('skipped: ../shared not found');
  process.exit(0);
}
const argAfter = (flag: string): string | undefined => {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const topics = argAfter('--topics') ?? '1-35';
const errors = Number(argAfter('--errors') ?? 0);
const goldDir = join(shared, 'datasets/ecbplus');
const docsCache = join(root, 'bench/out/entities-docs.json');

// Story stages after resolve-entities do not touch mentions.
const stages = defaultPipeline();
const pipeline = buildPipeline(stages.slice(0, stages.findIndex((s) => s.name === 'resolve-entities') + 1));
const ctx = contextFor({ now: new Date() });
const started = performance.now();
let docs: Doc[];
if (process.argv.includes('--reuse-docs') && existsSync(docsCache)) {
  docs = JSON.parse(readFileSync(docsCache, 'utf8')) as Doc[];
} else {
  const converted = spawnSync(
    process.execPath,
    [join(shared, 'bench/to-jsonl.mjs'), 'ecbplus', join(goldDir, 'documents.jsonl'), '--topics', topics],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  if (converted.status !== 0) throw new Error(`to-jsonl.mjs failed: ${converted.stderr}`);
  docs = [];
  for (const line of converted.stdout.split('\n')) {
    if (!line.trim()) continue;
    const item = JSON.parse(line) as { id: string; text: string };
    const input: InputItem = { id: item.id, source: item.id, raw: { text: item.text, clean: false } };
    docs.push(await runDocStages(pipeline, input, ctx));
  }
  mkdirSync(dirname(docsCache), { recursive: true });
  writeFileSync(docsCache, JSON.stringify(docs));
}
const corpus = await runStoryStages(pipeline, docs, ctx);
const seconds = (performance.now() - started) / 1000;

const articles = corpus.docs.map((d) => ({ id: d.id, mentions: d.mentions }));
const out = join(root, 'bench/out/entities-ecb.json');
writeFileSync(out, JSON.stringify({ articles, entities: corpus.entities }));

const gold = readEcbGold(join(goldDir, 'xml'));
const texts = readDocumentTexts(join(goldDir, 'documents.jsonl'));
const runs = [
  { label: 'lenient match, participants (HUMAN_PART*, NON_HUMAN_PART*)', scores: scoreEntityClusters(articles, gold, texts) },
  { label: 'strict match, participants', scores: scoreEntityClusters(articles, gold, texts, { mode: 'strict' }) },
  {
    label: 'lenient match, participants + locations (LOC*)',
    scores: scoreEntityClusters(articles, gold, texts, { withLocations: true }),
  },
];
if (errors > 0) for (const line of clusterErrors(runs[0]!.scores, errors)) console.log(line);
console.log(
  `${corpus.docs.length} articles, ${corpus.entities.length} entities in ${seconds.toFixed(1)} s (report: bench/out/entities-ecb.json)`,
);
for (const line of formatScores(runs)) console.log(line);
