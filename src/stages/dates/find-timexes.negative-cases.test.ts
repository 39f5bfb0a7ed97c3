import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimexes } from './find-timexes.js';

// 2031-03-14 is a Friday.
const ref = new Date(Date.UTC(2031, 2, 14));

function timexes(text: string): [string, string][] {
  return findTimexes(text, { start: 0, end: text.length }, [], ref).map((d) => [d.text, d.value]);
}

// Issue #6: "a second" read as PT1S wherever "second" was the ordinal.
const ordinals: [string, string][] = [
  ['an ordinal before a noun', 'A second ferry sank near Orlen.'],
  ['"for a second time"', 'The Marrow bridge closed for a second time.'],
  ['an ordinal before an adjective', 'Protesters gathered for a second straight night in Lusk.'],
  ['a hyphenated ordinal', 'Ada Renn scored a second-half goal.'],
  ['an ordinal before a noun phrase with "of"', 'A second wave of flooding hit Osk.'],
];
for (const [what, text] of ordinals) {
  test(`negative: "a second" as ${what} is not a duration`, () => {
    assert.deepEqual(
      timexes(text).filter(([words, value]) => /^an? second/i.test(words) || value === 'PT1S'),
      [],
    );
  });
}

test('"a second" with a word of time after it stays a duration', () => {
  assert.deepEqual(timexes('The lights went out, and a second later the alarm sounded.'), [['a second', 'PT1S']]);
  assert.deepEqual(timexes('The crowd fell silent for a second.'), [['a second', 'PT1S']]);
  assert.deepEqual(timexes('The Tarrow lift stopped for a second or two.'), [['a second', 'PT1S']]);
});

test('counted seconds stay durations', () => {
  assert.deepEqual(timexes('The quake lasted 40 seconds.'), [['40 seconds', 'PT40S']]);
});
