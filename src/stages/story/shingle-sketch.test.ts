import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containment, shingleSketch } from './shingle-sketch.js';

const wire =
  'The river Olm broke through the levee at Kessel on Sunday night and firefighters evacuated two hundred families ' +
  'from the lower town while volunteers filled sandbags along the embankment until the water began to fall.';

test('a copy with a paragraph of its own still holds most of the original', () => {
  const copy = `${wire} Our reporter spoke to residents who said the town had not seen such a flood in forty years.`;
  assert.ok(containment(shingleSketch(wire), shingleSketch(copy), 0.4, 20) > 0.9);
});

test('two reports of the same flood in their own words are no copies', () => {
  const own =
    'Hundreds of households in Kessel had to leave their homes after the Olm burst its banks late on Sunday, ' +
    'officials said, as rescuers worked through the night and the river level started to drop on Monday.';
  assert.equal(containment(shingleSketch(wire), shingleSketch(own), 0.4, 20), 0);
});

test("a brief under the shingle minimum is nobody's copy", () => {
  const brief = 'The Olm broke through the levee at Kessel.';
  assert.equal(containment(shingleSketch(brief), shingleSketch(wire), 0.4, 20), 0);
});

test('keeps each shingle hash once, in ascending order', () => {
  const { hashes } = shingleSketch('a b c a b c a b c');
  assert.equal(hashes.length, 3);
  assert.ok(hashes[0]! < hashes[1]! && hashes[1]! < hashes[2]!);
});
