import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tagConll } from './tag-conll.js';

const sample = [
  '-DOCSTART- -X- O O',
  '',
  'Lt. NNP I-NP O',
  'Gen. NNP I-NP O',
  'Amara NNP I-NP I-PER',
  'Osei NNP I-NP I-PER',
  'visited VBD I-VP O',
  'Kenya NNP I-NP I-LOC',
  '. . O O',
  '',
  'Osei NNP I-NP I-PER',
  'met VBD I-VP O',
  'FBI NNP I-NP I-ORG',
  'agents NNS I-NP O',
  '. . O O',
  '',
].join('\n');

test('appends one predicted tag to every token line and keeps the rest', () => {
  const out = tagConll(sample).split('\n');
  const lines = sample.split('\n');
  assert.equal(out.length, lines.length);
  out.forEach((line, i) => {
    if (lines[i] === '') assert.equal(line, '');
    else assert.ok(line.startsWith(lines[i]! + ' '), line);
  });
  assert.equal(out[0], '-DOCSTART- -X- O O O');
});

test('writes BIO tags that follow the mentions', () => {
  const tags = tagConll(sample)
    .split('\n')
    .filter((l) => l)
    .map((l) => l.split(' ').at(-1));
  assert.deepEqual(tags, ['O', 'O', 'O', 'B-PER', 'I-PER', 'O', 'B-LOC', 'O', 'B-PER', 'O', 'B-ORG', 'O', 'O']);
});

test('starts a new entity with B- when two names touch', () => {
  const input = 'Kenya NNP I-NP I-LOC\n, , O O\nPeru NNP I-NP I-LOC\n';
  assert.equal(tagConll(input), 'Kenya NNP I-NP I-LOC B-LOC\n, , O O O\nPeru NNP I-NP I-LOC B-LOC\n');
});

test('tags a file with no names all O', () => {
  assert.equal(tagConll('the DT O O\nend NN O O\n'), 'the DT O O O\nend NN O O O\n');
  assert.equal(tagConll(''), '\n');
});
