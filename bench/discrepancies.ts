// Scores discrepancy finding on the invented multi-outlet stories of eval/discrepancies/.
// Run from the repo root: node --import tsx bench/discrepancies.ts [--split tune|held-out] [--errors]
// Each case runs through the whole pipeline (document and story stages) as its own batch.
// A found discrepancy matches an expected one when both give the same set of distinct values;
// precision = matched found / found, recall = matched expected / expected. An agreement is
// broken when a found discrepancy holds one of its values. Kind accuracy is over matched
// discrepancies, the found kind being `cause` when there is one, else `kind`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputItem } from '../src/input/input-item.js';
import type { Discrepancy } from '../src/model/index.js';
import { buildPipeline } from '../src/pipeline/build-pipeline.js';
import { defaultPipeline } from '../src/pipeline/default-pipeline.js';
import { contextFor, runDocStages, runStoryStages } from '../src/pipeline/run-pipeline.js';

interface CaseArticle {
  id: string;
  outlet: string;
  published: string;
  text: string;
}

interface Expected {
  about: string;
  values: number[];
  kind?: string;
}

interface Case {
  id: string;
  articles: CaseArticle[];
  discrepancies: Expected[];
  agreements: Expected[];
}

interface CaseFile {
  split: string;
  cases: Case[];
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const folder = join(root, 'eval/discrepancies');
const splitAt = process.argv.indexOf('--split');
const only = splitAt >= 0 ? process.argv[splitAt + 1] : null;
const showErrors = process.argv.includes('--errors');

const files = readdirSync(folder)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(folder, f), 'utf8')) as CaseFile);

const pipeline = buildPipeline(defaultPipeline());
const ctx = contextFor({ now: new Date('2032-01-01T00:00:00Z') });

interface Tally {
  found: number;
  matchedFound: number;
  expected: number;
  matchedExpected: number;
  kindRight: number;
  agreements: number;
  brokenAgreements: number;
  cases: number;
}

const tallies = new Map<string, Tally>();
const errors: string[] = [];
const started = performance.now();

for (const file of files) {
  if (only && file.split !== only) continue;
  const tally =
    tallies.get(file.split) ??
    ({ found: 0, matchedFound: 0, expected: 0, matchedExpected: 0, kindRight: 0, agreements: 0, brokenAgreements: 0, cases: 0 } satisfies Tally);
  tallies.set(file.split, tally);
  for (const c of file.cases) {
    const found = await discrepanciesOf(c);
    tally.cases++;
    tally.found += found.length;
    tally.expected += c.discrepancies.length;
    tally.agreements += c.agreements.length;
    const matched = new Set<Expected>();
    for (const d of found) {
      const values = distinct(d.values.map((v) => v.value));
      const hit = c.discrepancies.find((e) => !matched.has(e) && sameSet(distinct(e.values), values));
      const shown = `${c.id}: ${d.about} ${values.join(' vs ')} [${d.cause ?? d.kind}]`;
      if (!hit) {
        errors.push(`false   ${shown}`);
        continue;
      }
      matched.add(hit);
      tally.matchedFound++;
      if ((d.cause ?? d.kind) === hit.kind) tally.kindRight++;
      else errors.push(`kind    ${shown}, expected ${hit.kind}`);
    }
    tally.matchedExpected += matched.size;
    for (const e of c.discrepancies) if (!matched.has(e)) errors.push(`missed  ${c.id}: ${e.about} ${e.values.join(' vs ')} [${e.kind}]`);
    for (const a of c.agreements) {
      const broken = found.some((d) => d.values.some((v) => a.values.includes(v.value)));
      if (broken) {
        tally.brokenAgreements++;
        errors.push(`flagged ${c.id}: agreement ${a.about} ${a.values.join(', ')}`);
      }
    }
  }
}
const seconds = (performance.now() - started) / 1000;

if (showErrors) for (const line of errors) console.log(line);
console.log('| split | cases | expected | found | precision | recall | F1 | kind accuracy | agreements flagged |');
console.log('|---|---|---|---|---|---|---|---|---|');
const all: Tally = { found: 0, matchedFound: 0, expected: 0, matchedExpected: 0, kindRight: 0, agreements: 0, brokenAgreements: 0, cases: 0 };
for (const [split, t] of [...tallies.entries()].sort()) {
  row(split, t);
  for (const key of Object.keys(all) as (keyof Tally)[]) all[key] += t[key];
}
row('all', all);
const p = all.found ? all.matchedFound / all.found : 0;
const r = all.expected ? all.matchedExpected / all.expected : 0;
console.log(`${all.cases} cases in ${seconds.toFixed(1)} s`);
console.log(`discrepancies precision: ${p.toFixed(3)} recall: ${r.toFixed(3)}`);

function row(split: string, t: Tally): void {
  const p = t.found ? t.matchedFound / t.found : 0;
  const r = t.expected ? t.matchedExpected / t.expected : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  const kind = t.matchedFound ? t.kindRight / t.matchedFound : 0;
  console.log(
    `| ${split} | ${t.cases} | ${t.expected} | ${t.found} | ${p.toFixed(3)} | ${r.toFixed(3)} | ${f1.toFixed(3)} | ${kind.toFixed(3)} | ${t.brokenAgreements}/${t.agreements} |`,
  );
}

async function discrepanciesOf(c: Case): Promise<Discrepancy[]> {
  const docs = [];
  for (const a of c.articles) {
    const item: InputItem = {
      id: `${c.id}/${a.id}`,
      source: `${c.id}/${a.id}`,
      raw: { text: a.text, clean: false, outlet: a.outlet, published: a.published },
    };
    docs.push(await runDocStages(pipeline, item, ctx));
  }
  const corpus = await runStoryStages(pipeline, docs, ctx);
  return corpus.stories.flatMap((s) => s.discrepancies);
}

function distinct(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
