import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAttribution } from './find-attribution.js';

const sourceOf = (sentence: string): string | null =>
  findAttribution(sentence, { start: 0, end: sentence.length }, [])?.text ?? null;

test('a common-noun source keeps its modifiers: "provincial officials said", "the regional health ministry said"', () => {
  assert.equal(sourceOf('At least 41 people died, provincial officials said.'), 'provincial officials');
  assert.equal(sourceOf('Some 300 homes were flooded, the regional health ministry said.'), 'the regional health ministry');
});

test('a source starts after a joining or placing word, never inside a word', () => {
  assert.equal(sourceOf('The ferry carried 250 people, but officials said the manifest was incomplete.'), 'officials');
  assert.equal(sourceOf('Bookings rose by a third, hoteliers and the tourist office said.'), 'the tourist office');
  assert.equal(
    sourceOf('Crowds of 40,000 were expected over a weekend that organisers said would be the busiest yet.'),
    'organisers',
  );
  assert.equal(sourceOf('Twelve people were treated outside the hospital, rescuers said.'), 'rescuers');
});

test('"according to" keeps a long source whole', () => {
  assert.equal(
    sourceOf(
      'The vessel carried 212 passengers, according to the passenger manifest released by the National Maritime Safety Authority.',
    ),
    'the passenger manifest released by the National Maritime Safety Authority',
  );
});
