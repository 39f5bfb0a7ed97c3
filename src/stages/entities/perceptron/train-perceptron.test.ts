import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NER_TAGS, bucketsOf, decodeSentence } from './ner-model.js';
import { toBioIndices, trainPerceptron, type TrainingSentence } from './train-perceptron.js';
import { sentenceFeatures } from './word-features.js';

const BITS = 16;
const RAW: [string, string][][] = [
  [['Osei', 'I-PER'], ['visited', 'O'], ['Tarnowel', 'I-LOC'], ['.', 'O']],
  [['Brenner', 'I-PER'], ['left', 'O'], ['Karsova', 'I-LOC'], ['on', 'O'], ['Monday', 'O']],
  [['Amara', 'I-PER'], ['Osei', 'I-PER'], ['joined', 'O'], ['Bellhaven', 'I-ORG'], ['Lines', 'I-ORG']],
  [['the', 'O'], ['ferry', 'O'], ['sank', 'O'], ['near', 'O'], ['Vesna', 'I-LOC']],
];
const sentences: TrainingSentence[] = RAW.map((s) => ({
  buckets: sentenceFeatures(s.map(([w]) => w)).map((f) => bucketsOf(f, BITS)),
  gold: toBioIndices(s.map(([, t]) => t)),
}));

test('learns the training sentences it was given', () => {
  const weights = trainPerceptron(sentences, { epochs: 10, bits: BITS });
  const words = ['Amara', 'Osei', 'joined', 'Bellhaven', 'Lines'];
  const tags = decodeSentence(weights, sentenceFeatures(words).map((f) => bucketsOf(f, BITS))).map((t) => NER_TAGS[t]);
  assert.deepEqual(tags, ['B-PER', 'I-PER', 'O', 'B-ORG', 'I-ORG']);
});

test('gives the same weights for the same seed, other weights for another', () => {
  const a = trainPerceptron(sentences, { epochs: 3, bits: BITS, seed: 7 });
  const b = trainPerceptron(sentences, { epochs: 3, bits: BITS, seed: 7 });
  assert.deepEqual(Buffer.from(a.features.buffer), Buffer.from(b.features.buffer));
});

test('reads IOB1 and BIO gold tags alike', () => {
  const bio = (tags: string[]) => toBioIndices(tags).map((t) => NER_TAGS[t]);
  assert.deepEqual(bio(['I-PER', 'I-PER', 'B-PER', 'O', 'I-LOC']), ['B-PER', 'I-PER', 'B-PER', 'O', 'B-LOC']);
  assert.deepEqual(bio(['B-ORG', 'I-ORG', 'I-LOC']), ['B-ORG', 'I-ORG', 'B-LOC']);
});

test('rejects a tag outside PER ORG LOC MISC', () => {
  assert.throws(() => toBioIndices(['B-DATE']), /expected a tag O, B-TYPE or I-TYPE/);
});
