import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attachFragments } from './attach-fragments.js';

// Items 0-2 and 3-5 are two stories; 6 is a lone report close to the first, 7 one close to nothing.
const table: Record<string, number> = { '0 6': 0.15, '1 6': 0.12, '2 6': 0.09, '3 6': 0.02, '0 7': 0.03, '3 7': 0.05 };
const similarity = (i: number, j: number): number => table[i < j ? `${i} ${j}` : `${j} ${i}`] ?? 0;

test('a lone report joins the larger story it is most like on average, from the lower threshold', () => {
  const out = attachFragments([[0, 1, 2], [3, 4, 5], [6]], similarity, { maxSize: 2, threshold: 0.1 });
  assert.deepEqual(out, [
    [0, 1, 2, 6],
    [3, 4, 5],
  ]);
});

test('a report like no story on average stays alone', () => {
  const out = attachFragments([[0, 1, 2], [3, 4, 5], [7]], similarity, { maxSize: 2, threshold: 0.1 });
  assert.deepEqual(out, [[0, 1, 2], [3, 4, 5], [7]]);
});

test('stories larger than a fragment never move, and fragments do not gather among themselves', () => {
  const close = (i: number, j: number): number => (i === 6 || j === 6 ? 0 : 0.5);
  const out = attachFragments([[0, 1, 2], [3, 4, 5], [6]], close, { maxSize: 2, threshold: 0.1 });
  assert.deepEqual(out, [[0, 1, 2], [3, 4, 5], [6]]);
  assert.deepEqual(attachFragments([[6], [7]], () => 1, { maxSize: 2, threshold: 0.1 }), [[6], [7]]);
});

test('gives the same stories whatever the order of the fragments', () => {
  const a = attachFragments([[0, 1, 2], [6], [3, 4, 5], [7]], similarity, { maxSize: 2, threshold: 0.1 });
  const b = attachFragments([[7], [3, 4, 5], [6], [0, 1, 2]], similarity, { maxSize: 2, threshold: 0.1 });
  const norm = (c: number[][]) => c.map((x) => x.join(',')).sort();
  assert.deepEqual(norm(a), norm(b));
});
