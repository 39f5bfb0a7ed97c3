import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayFromDateline, dayFromUrl, parseDay } from './parse-day.js';

test('keeps the day of an ISO timestamp as written, whatever its offset', () => {
  assert.equal(parseDay('2024-02-13T23:30:00-05:00'), '2024-02-13');
  assert.equal(parseDay('20240213'), '2024-02-13');
  assert.equal(parseDay('2024/2/3 10:00'), '2024-02-03');
});

test('reads written-out dates in both orders', () => {
  assert.equal(parseDay('Tuesday, February 13, 2024'), '2024-02-13');
  assert.equal(parseDay('13th Feb. 2024'), '2024-02-13');
});

test('refuses impossible or missing dates', () => {
  assert.equal(parseDay('2024-02-30'), null);
  assert.equal(parseDay('yesterday'), null);
  assert.equal(parseDay(''), null);
  assert.equal(parseDay(undefined), null);
});

test('finds a day in a URL path only when year, month and day are all there', () => {
  assert.equal(dayFromUrl('https://ledger.example/news/2024/02/13/bridge'), '2024-02-13');
  assert.equal(dayFromUrl('https://ledger.example/news/2024/02/bridge'), null);
  assert.equal(dayFromUrl(undefined), null);
});

test('a dateline needs a full date; a weekday alone is not one', () => {
  const now = new Date('2024-03-01');
  assert.equal(dayFromDateline('PORT CALDER, Feb. 20, 2024 — Water rose.', now), '2024-02-20');
  assert.equal(dayFromDateline('PORT CALDER (Tuesday) — Water rose.', now), null);
});
