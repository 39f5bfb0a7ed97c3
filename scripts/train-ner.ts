/**
 * Trains the two-pass perceptron NER model on CoNLL-2003 eng.train and writes
 * models/ner/ner-perceptron.bin.gz with its card (version, settings, dev F1)
 * beside it. Prints the eng.testa F1 after every epoch
 * (the epoch counts below were picked on it). Seeded: a rerun writes the same
 * bytes. Run from the repo root: `node --import tsx scripts/train-ner.ts`.
 * Never reads eng.testb.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { NER_TAGS, bucketsOf, decodeSentence, encodeModel, type NerModel, type PassWeights } from '../src/stages/entities/perceptron/ner-model.js';
import { trainPerceptron, toBioIndices, type TrainingSentence } from '../src/stages/entities/perceptron/train-perceptron.js';
import { documentHints } from '../src/stages/entities/perceptron/tag-words.js';
import { sentenceFeatures, type DocumentHint } from '../src/stages/entities/perceptron/word-features.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    epochs1: { type: 'string', default: '8' },
    epochs2: { type: 'string', default: '12' },
    folds: { type: 'string', default: '5' },
    bits: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: join(root, 'models/ner/ner-perceptron.bin.gz') },
  },
});
const epochs1 = Number(args.epochs1);
const epochs2 = Number(args.epochs2);
const folds = Number(args.folds);
const bits = Number(args.bits);
const seed = Number(args.seed);

const data = join(root, '../shared/datasets/conll2003');
if (!existsSync(join(data, 'eng.train'))) {
  console.log('skipped: ../shared/datasets/conll2003 not found');
  process.exit(0);
}

interface Sentence {
  readonly words: string[];
  readonly gold: number[];
}
type Document = Sentence[];

function readConll(path: string): Document[] {
  const docs: Document[] = [];
  let doc: Document = [];
  let words: string[] = [];
  let tags: string[] = [];
  const closeSentence = (): void => {
    if (words.length) doc.push({ words, gold: toBioIndices(tags) });
    words = [];
    tags = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      closeSentence();
      if (doc.length) docs.push(doc);
      doc = [];
    } else if (!cols[0]) {
      closeSentence();
    } else {
      words.push(cols[0]);
      tags.push(cols.at(-1)!);
    }
  }
  closeSentence();
  if (doc.length) docs.push(doc);
  return docs;
}

function features(doc: Document, hints?: DocumentHint[][]): Int32Array[][] {
  return doc.map((s, i) => sentenceFeatures(s.words, hints?.[i]).map((f) => bucketsOf(f, bits)));
}

function decodeDocs(weights: PassWeights, docs: readonly Int32Array[][][]): number[][][] {
  return docs.map((doc) => doc.map((buckets) => decodeSentence(weights, buckets)));
}

function hintsFor(docs: readonly Document[], tags: readonly number[][][]): DocumentHint[][][] {
  return docs.map((doc, d) => documentHints(doc.map((s) => s.words), tags[d]!));
}

function chunks(tags: readonly number[]): Set<string> {
  const out = new Set<string>();
  let start = -1;
  let type = '';
  const close = (end: number): void => {
    if (start >= 0) out.add(`${start}:${end}:${type}`);
    start = -1;
  };
  tags.forEach((tag, i) => {
    const name = NER_TAGS[tag]!;
    if (name === 'O') return close(i);
    const t = name.slice(2);
    if (name.startsWith('B-') || t !== type || start < 0) {
      close(i);
      start = i;
      type = t;
    }
  });
  close(tags.length);
  return out;
}

/** Entity-level micro F1 with conlleval's chunking, for the per-epoch printout; bench:ner scores with conlleval itself. */
function f1(docs: readonly Document[], predicted: readonly number[][][]): number {
  let found = 0;
  let gold = 0;
  let correct = 0;
  docs.forEach((doc, d) =>
    doc.forEach((s, i) => {
      const g = chunks(s.gold);
      const p = chunks(predicted[d]![i]!);
      gold += g.size;
      found += p.size;
      for (const c of p) if (g.has(c)) correct++;
    }),
  );
  return correct === 0 ? 0 : (200 * correct) / (found + gold);
}

function training(docs: readonly Document[], buckets: readonly Int32Array[][][]): TrainingSentence[] {
  return docs.flatMap((doc, d) => doc.map((s, i) => ({ buckets: buckets[d]![i]!, gold: s.gold })));
}

const began = performance.now();
const elapsed = (): string => `${((performance.now() - began) / 1000).toFixed(0)} s`;
const train = readConll(join(data, 'eng.train'));
const dev = readConll(join(data, 'eng.testa'));
const trainFirst = train.map((doc) => features(doc));
const devFirst = dev.map((doc) => features(doc));
console.log(`read ${train.length} training and ${dev.length} dev documents (${elapsed()})`);

// Second-pass features of the training text must come from a first pass that
// never saw that text, or the model learns to trust hints far too much.
const jackknifed: number[][][] = new Array<number[][]>(train.length);
for (let fold = 0; fold < folds; fold++) {
  const inFold = (d: number): boolean => d % folds === fold;
  const kept = train.map((_, d) => d).filter((d) => !inFold(d));
  const weights = trainPerceptron(
    training(
      kept.map((d) => train[d]!),
      kept.map((d) => trainFirst[d]!),
    ),
    { epochs: epochs1, bits, seed: seed + fold + 1 },
  );
  train.forEach((_, d) => {
    if (inFold(d)) jackknifed[d] = trainFirst[d]!.map((buckets) => decodeSentence(weights, buckets));
  });
  console.log(`fold ${fold + 1}/${folds} done (${elapsed()})`);
}

const first = trainPerceptron(training(train, trainFirst), {
  epochs: epochs1,
  bits,
  seed,
  afterEpoch: (epoch, weights) => console.log(`pass 1 epoch ${epoch}: dev F1 ${f1(dev, decodeDocs(weights, devFirst)).toFixed(2)} (${elapsed()})`),
});
const devHints = hintsFor(dev, decodeDocs(first, devFirst));
const devSecond = dev.map((doc, d) => features(doc, devHints[d]));
const trainHints = hintsFor(train, jackknifed);
const trainSecond = train.map((doc, d) => features(doc, trainHints[d]));
let devF1 = 0;
const second = trainPerceptron(training(train, trainSecond), {
  epochs: epochs2,
  bits,
  seed: seed + 100,
  afterEpoch: (epoch, weights) => {
    devF1 = f1(dev, decodeDocs(weights, devSecond));
    console.log(`pass 2 epoch ${epoch}: dev F1 ${devF1.toFixed(2)} (${elapsed()})`);
  },
});

const digest = createHash('sha256');
for (const array of [first.features, first.transitions, second.features, second.transitions]) digest.update(new Uint8Array(array.buffer));
const model: NerModel = { version: `perceptron-2pass-${digest.digest('hex').slice(0, 12)}`, bits, first, second };
mkdirSync(dirname(args.out), { recursive: true });
const bytes = encodeModel(model);
writeFileSync(args.out, bytes);
const card = {
  version: model.version,
  method: 'two-pass averaged structured perceptron, BIO tags, Viterbi, hashed features',
  trainedOn: 'CoNLL-2003 eng.train',
  devF1OnGoldTokens: Number(devF1.toFixed(2)),
  settings: { epochs1, epochs2, folds, bits, seed },
  sha256: createHash('sha256').update(bytes).digest('hex'),
};
writeFileSync(args.out.replace(/\.bin\.gz$/, '.json'), JSON.stringify(card, null, 2) + '\n');
console.log(`wrote ${args.out}: ${model.version}, ${(bytes.length / 1e6).toFixed(1)} MB (${elapsed()})`);
