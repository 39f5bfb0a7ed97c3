import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyMessages, dateMessages } from './body-messages.js';

const prose = 'The harbor master said the ferry would run again on Friday once the swell had eased, and that no cargo had been lost in the storm. '.repeat(5).trim();
const rules = (text: string) => bodyMessages(text).map((m) => m.rule);

test('a body ending on a list announcement or a dangling item is flagged as a truncated list', () => {
  assert.ok(rules(`${prose}\n\nThe roads closed until Monday are:`).includes('clean/truncated-list'));
  assert.ok(rules(`${prose}\n\n- Quay Road,\n- Mill Lane,`).includes('clean/truncated-list'));
  assert.ok(rules(`${prose}\n\n- Quay Road\n- Mill Lane…`).includes('clean/truncated-list'));
});

test('a complete list or a body ending in a sentence is no truncated list', () => {
  assert.ok(!rules(`${prose}\n\nThe roads closed until Monday are:\n- Quay Road\n- Mill Lane`).includes('clean/truncated-list'));
  assert.ok(!rules(prose).includes('clean/truncated-list'));
  assert.ok(!rules(`${prose}\n\nThe mayor said: "We will rebuild."`).includes('clean/truncated-list'));
});

test('short bodies and comment headers in the text are flagged; a plain article is not', () => {
  assert.deepEqual(rules('Ferry back on Friday.'), ['clean/short-body']);
  assert.ok(rules(`${prose}\n\nGus Farrow says:\n\nAgreed.\n\nTess Imber says:\n\nNo.`).includes('clean/leaked-comments'));
  assert.deepEqual(rules(prose), []);
});

test('a publication day after the fetch or before 1990 is implausible', () => {
  const now = new Date('2024-06-01T12:00:00Z');
  assert.equal(dateMessages('2024-06-02', now)[0]?.rule, 'clean/implausible-date');
  assert.equal(dateMessages('1987-03-04', now)[0]?.rule, 'clean/implausible-date');
});

test('a publication day in range, today or missing raises nothing', () => {
  const now = new Date('2024-06-01T12:00:00Z');
  assert.deepEqual(dateMessages('2024-06-01', now), []);
  assert.deepEqual(dateMessages('1990-01-01', now), []);
  assert.deepEqual(dateMessages(null, now), []);
  assert.deepEqual(dateMessages('1987-03-04', now, { given: true }), [], 'a date the input gives is not a date read off the page');
  assert.equal(dateMessages('2024-06-02', now, { given: true })[0]?.rule, 'clean/implausible-date');
});
