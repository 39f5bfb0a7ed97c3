/**
 * NER benchmark: tags CoNLL-2003 eng.testa with tagConll: with the trained
 * model (the default), with the pipeline's combination of model and rules
 * (findMentions' default) and with the v1 rule tagger, and scores each with
 * conlleval; prints tokens/s, the model's load time and size, and
 * compromise on the same sentences when it is installed. Only the default
 * tagger's score is printed as `ner F1:` (what eval reads); the others as
 * `LABEL F1:`. Times are the best of three runs: the machine is shared.
 * Run from the repo root:
 * `node --import tsx bench/ner.ts [split]`.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tagConll } from '../src/stages/tag-conll.js';
import { tagByRules } from '../src/stages/entities/tag-by-rules.js';
import { tagForPipeline } from '../src/stages/find-mentions.js';
import { NER_MODEL_URL, tagByModel } from '../src/stages/entities/perceptron/tag-by-model.js';
import { decodeModel } from '../src/stages/entities/perceptron/ner-model.js';
import type { MentionTagger } from '../src/stages/entities/mention-tagger.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const split = process.argv[2] ?? 'eng.testa';
const input = join(root, '../shared/datasets/conll2003', split);
const scorer = join(root, '../shared/bench/conlleval.mjs');
if (!existsSync(input) || !existsSync(scorer)) {
  console.log('skipped: ../shared not found');
  process.exit(0);
}

const text = readFileSync(input, 'utf8');
const tokens = text.split('\n').filter((line) => line.trim() !== '').length;
const outDir = join(root, 'bench/out');
mkdirSync(outDir, { recursive: true });
const name = split.replace(/^eng\./, '');

function score(label: string, tagged: string, seconds: number): number {
  const outFile = join(outDir, `ner-${name}-${label}.txt`);
  writeFileSync(outFile, tagged);
  const scored = spawnSync(process.execPath, [scorer, outFile], { encoding: 'utf8' });
  console.log(`\n== ${label}`);
  process.stdout.write(label === 'model' ? scored.stdout : scored.stdout.replace(/^ner F1:/m, `${label} F1:`));
  process.stderr.write(scored.stderr);
  console.log(`${label}: ${tokens} tokens in ${seconds.toFixed(2)} s: ${Math.round(tokens / seconds)} tokens/s (tokenizing included)`);
  return scored.status ?? 1;
}

function run(label: string, tagger: MentionTagger): number {
  let tagged = '';
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const began = performance.now();
    tagged = tagConll(text, { tagger });
    best = Math.min(best, (performance.now() - began) / 1000);
  }
  return score(label, tagged, best);
}

/** compromise on the same sentences, its people/places/organizations as PER/LOC/ORG (it has no MISC). */
async function runCompromise(): Promise<void> {
  let nlp: ((text: string) => CompromiseDoc) | undefined;
  try {
    // A variable specifier keeps tsc from requiring the package's types while it is not a dependency.
    const specifier = 'compromise';
    nlp = ((await import(specifier)) as { default: (text: string) => CompromiseDoc }).default;
  } catch {
    console.log('\n== compromise: skipped (not installed; add it as a devDependency to compare)');
    return;
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const out = lines.map((line) => (line.trim() === '' ? '' : `${line.trimEnd()} O`));
  const began = performance.now();
  let sentence: number[] = [];
  const flush = (): void => {
    if (sentence.length === 0) return;
    const offsets: number[] = [];
    let joined = '';
    for (const i of sentence) {
      if (joined) joined += ' ';
      offsets.push(joined.length);
      joined += lines[i]!.split(' ')[0];
    }
    const doc = nlp!(joined);
    for (const [type, found] of [
      ['PER', doc.people()],
      ['LOC', doc.places()],
      ['ORG', doc.organizations()],
    ] as const) {
      for (const match of found.json({ offset: true })) {
        const start = match.offset?.start ?? -1;
        const end = start + (match.offset?.length ?? 0);
        let inside = false;
        sentence.forEach((line, k) => {
          if (offsets[k]! >= start && offsets[k]! < end && !out[line]!.match(/ [BI]-\w+$/)) {
            out[line] = out[line]!.replace(/ O$/, ` ${inside ? 'I' : 'B'}-${type}`);
            inside = true;
          }
        });
      }
    }
    sentence = [];
  };
  lines.forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('-DOCSTART-')) flush();
    else sentence.push(i);
  });
  flush();
  score('compromise', out.join('\n') + '\n', (performance.now() - began) / 1000);
}

interface CompromiseDoc {
  people(): CompromiseView;
  places(): CompromiseView;
  organizations(): CompromiseView;
}
interface CompromiseView {
  json(options: { offset: boolean }): { offset?: { start: number; length: number } }[];
}

let status = run('rules', tagByRules());
await runCompromise();
const loadBegan = performance.now();
const model = decodeModel(readFileSync(NER_MODEL_URL));
const loadMs = performance.now() - loadBegan;
console.log(`\nmodel ${model.version}: ${(statSync(NER_MODEL_URL).size / 1e6).toFixed(1)} MB on disk, loaded in ${loadMs.toFixed(0)} ms`);
// The pipeline's combination (findMentions' default), with the loaded model.
status ||= run('pipeline', tagForPipeline({ model }));
status ||= run('model', tagByModel({ model }));
process.exit(status);
