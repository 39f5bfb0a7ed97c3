import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from './split-sentences.js';

test('splits sentences and keeps abbreviations inside them', () => {
  const text = 'Dr. Ana Ruiz left at 3 p.m. on Tuesday. The U.S. team stayed.';
  const { sentences } = tokenize(text);
  assert.deepEqual(
    sentences.map((s) => text.slice(s.start, s.end)),
    ['Dr. Ana Ruiz left at 3 p.m. on Tuesday.', 'The U.S. team stayed.'],
  );
});

test('a line break always ends a sentence', () => {
  const text = 'Headline without a stop\n\nFirst paragraph here.';
  const { sentences } = tokenize(text);
  assert.deepEqual(sentences.map((s) => text.slice(s.start, s.end)), ['Headline without a stop', 'First paragraph here.']);
});

test('token offsets point at the token text, with POS tags', () => {
  const text = '  "We\'re done," said Okafor.';
  const { tokens } = tokenize(text);
  for (const t of tokens) assert.ok(t.end > t.start);
  assert.equal(text.slice(tokens[1]!.start, tokens[1]!.end), 'We');
  const okafor = tokens.find((t) => text.slice(t.start, t.end) === 'Okafor');
  assert.equal(okafor?.pos, 'PROPN');
});

test('empty text gives no sentences', () => {
  assert.deepEqual(tokenize('   \n\n '), { sentences: [], tokens: [] });
});
