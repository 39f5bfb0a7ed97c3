import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countIndependentSources, originalOf } from './count-independent-sources.js';

const copies = [
  { article: 'farm-1', of: 'wire', similarity: 0.92 },
  { article: 'farm-2', of: 'farm-1', similarity: 0.81 },
];

test('counts an article and its copies as one source', () => {
  assert.equal(countIndependentSources(['wire', 'farm-1', 'farm-2'], copies), 1);
});

test('counts a copy whose original is not in the set as that original', () => {
  assert.equal(countIndependentSources(['farm-2', 'paper'], copies), 2);
});

test('counts every distinct article when nothing is a copy', () => {
  assert.equal(countIndependentSources(['a', 'b', 'b', 'c']), 3);
  assert.equal(countIndependentSources([], copies), 0);
});

test('follows copies of copies to the first original and stops on a loop', () => {
  assert.equal(originalOf('farm-2', copies), 'wire');
  assert.equal(originalOf('paper', copies), 'paper');
  const loop = [
    { article: 'x', of: 'y', similarity: 0.9 },
    { article: 'y', of: 'x', similarity: 0.9 },
  ];
  assert.ok(['x', 'y'].includes(originalOf('x', loop)));
  assert.equal(countIndependentSources(['x', 'y'], loop), 1);
});
