import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceFeatures, wordShape } from './word-features.js';

test('collapses character classes into a short shape', () => {
  assert.equal(wordShape('Tarnowel'), 'Xx');
  assert.equal(wordShape('U.S.'), 'X.X.');
  assert.equal(wordShape('1996-08-22'), 'd-d-d');
  assert.equal(wordShape('Ångström'), 'Xx');
});

test('appends document hints after the word features, and only when given', () => {
  const words = ['Osei', 'left', '.'];
  const plain = sentenceFeatures(words);
  const hinted = sentenceFeatures(words, ['PER', null, null]);
  assert.deepEqual(hinted[0]!.slice(0, plain[0]!.length), plain[0]);
  assert.ok(hinted[0]!.includes('d=PER'));
  assert.deepEqual(hinted[1], plain[1]);
  assert.ok(!plain[0]!.some((f) => f.startsWith('d=')));
});

test('marks words found in the hand-written lists, looked up in Title Case on ALL-CAPS lines', () => {
  assert.ok(sentenceFeatures(['KENYA', 'VOTES'])[0]!.includes('L=country'));
  assert.ok(!sentenceFeatures(['kenyan', 'votes'])[0]!.some((f) => f.startsWith('L=')));
});
