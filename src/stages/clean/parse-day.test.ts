import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayFromDateline, dayFromStamp, dayFromUrl, parseDay } from './parse-day.js';

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

test('relative phrases are no dateline, though chrono counts them from now', () => {
  const now = new Date('2024-06-01');
  assert.equal(dayFromDateline('Crews worked for a second night on the dam, which burst two days ago.', now), null);
  assert.equal(dayFromDateline('The mill closed last week, the owners said on Monday.', now), null);
});

test('reads the day of a "Posted on" or "Published" stamp', () => {
  assert.equal(dayFromStamp('Posted on April 9, 2023 by Rhea Tomlin in Local · 4 min read'), '2023-04-09');
  assert.equal(dayFromStamp('Published: 2 October 2022, 08:15'), '2022-10-02');
  assert.equal(dayFromStamp('First published on 2021-11-30'), '2021-11-30');
});

test('an update stamp, or a sentence that merely says "published", is no publication stamp', () => {
  assert.equal(dayFromStamp('Updated on April 9, 2023'), null);
  assert.equal(dayFromStamp('The report published by the agency in May 2019 found leaks.'), null);
  assert.equal(dayFromStamp('Posted by Rhea Tomlin'), null);
});
