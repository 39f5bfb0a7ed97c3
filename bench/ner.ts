/**
 * NER benchmark: tags CoNLL-2003 eng.testa with tagConll and scores it with
 * conlleval. Run from the repo root: `node --import tsx bench/ner.ts [split]`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tagConll } from '../src/stages/tag-conll.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const split = process.argv[2] ?? 'eng.testa';
const input = join(root, '../shared/datasets/conll2003', split);
const scorer = join(root, '../shared/bench/conlleval.mjs');
if (!existsSync(input) || !existsSync(scorer)) {
  console.log('skipped: ../shared not found');
  process.exit(0);
}

const text = readFileSync(input, 'utf8');
const began = performance.now();
const tagged = tagConll(text);
const seconds = (performance.now() - began) / 1000;
const tokens = text.split('\n').filter((line) => line.trim() !== '').length;

const outDir = join(root, 'bench/out');
mkdirSync(outDir, { recursive: true });
const outFile = join(outDir, `ner-${split.replace(/^eng\./, '')}.txt`);
writeFileSync(outFile, tagged);
const scored = spawnSync(process.execPath, [scorer, outFile], { encoding: 'utf8' });
process.stdout.write(scored.stdout);
process.stderr.write(scored.stderr);
console.log(`${tokens} tokens in ${seconds.toFixed(1)} s: ${Math.round(tokens / seconds)} tokens/s`);
process.exit(scored.status ?? 1);
