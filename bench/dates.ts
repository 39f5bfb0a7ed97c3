// Scores resolveDates on TempEval-3 TBAQ (training data: tuning on it is allowed).
// Run from the repo root: node --import tsx bench/dates.ts [--errors N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newDoc, type Doc } from '../src/model/index.js';
import { splitSentences } from '../src/stages/split-sentences.js';
import { resolveDates } from '../src/stages/resolve-dates.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '../shared');
if (!existsSync(shared)) {
  console.log('skipped: ../shared not found');
  process.exit(0);
}
const gold = join(shared, 'datasets/tempeval3/TBAQ-cleaned');
const converted = spawnSync(process.execPath, [join(shared, 'bench/to-jsonl.mjs'), 'tempeval', gold], { encoding: 'utf8', maxBuffer: 1 << 28 });
if (converted.status !== 0) throw new Error(`to-jsonl.mjs failed: ${converted.stderr}`);

interface Line {
  id: string;
  text: string;
  published?: string;
}

const ctx = { now: new Date() };
const split = splitSentences();
const dates = resolveDates();
const articles = [];
for (const line of converted.stdout.split('\n')) {
  if (!line.trim()) continue;
  const item = JSON.parse(line) as Line;
  let doc: Doc = { ...newDoc(item.id, item.id, { text: item.text, clean: false, ...(item.published ? { published: item.published } : {}) }), text: item.text };
  doc = await dates.run(await split.run(doc, ctx), ctx);
  articles.push({ id: doc.id, source: doc.source, text: doc.text, dates: doc.dates });
}
const out = join(root, 'bench/out/dates-tbaq.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ articles }));
const scored = spawnSync(process.execPath, [join(shared, 'bench/score-timex.mjs'), '--gold', gold, out, ...process.argv.slice(2)], { encoding: 'utf8', maxBuffer: 1 << 26 });
process.stdout.write(scored.stdout);
process.stderr.write(scored.stderr);
process.exit(scored.status ?? 1);
