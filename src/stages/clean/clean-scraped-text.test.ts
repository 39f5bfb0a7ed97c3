import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanScrapedText } from './clean-scraped-text.js';

const body = [
  'LOWMOOR, June 3 — Flood barriers along the river Teal held overnight after the water rose to its highest level in forty years, the county said on Monday.',
  'About 300 households east of the old mill were told to leave their homes on Sunday evening as a precaution, and most had returned by noon.',
  'The barriers were finished last spring after a decade of delays, at a cost the county put at 19 million pounds.',
].join('\n\n');
const now = new Date('2024-07-01');

test('takes the first line as the headline when a byline sits right under it', () => {
  const result = cleanScrapedText(`River barriers hold as the Teal peaks at Lowmoor\nBy Hanne Roswell\nShare this story\nFacebook\nX\n\n${body}`, { now });
  assert.equal(result.title, 'River barriers hold as the Teal peaks at Lowmoor');
  assert.deepEqual(result.byline, ['Hanne Roswell']);
  assert.ok(result.text.startsWith('LOWMOOR, June 3'), result.text);
  assert.ok(!result.text.includes('Facebook'));
});

test('takes the first line as the headline when a date or a "Published" stamp sits under it', () => {
  for (const stamp of ['Monday, 3 June 2024', '3 June 2024', 'Published June 3, 2024 at 9:14 am']) {
    const result = cleanScrapedText(`River barriers hold as the Teal peaks at Lowmoor\n${stamp}\n\n${body}`, { now });
    assert.equal(result.title, 'River barriers hold as the Teal peaks at Lowmoor', stamp);
    assert.ok(!result.text.includes('River barriers hold'), stamp);
    assert.equal(result.published, '2024-06-03', stamp);
  }
});

test('a first line of prose followed by more lines is no headline', () => {
  const first = 'The river Teal rose to its highest level in forty years on Monday.\nBy noon most households had returned.';
  const result = cleanScrapedText(`${first}\n\n${body}`, { now });
  assert.equal(result.title, null);
  assert.ok(result.text.startsWith('The river Teal rose'));
});

test('a short first line above an ordinary second line is not taken as the headline', () => {
  const result = cleanScrapedText(`Weather warnings\nThe county lists its flood warnings on its site every morning\n\n${body}`, { now });
  assert.equal(result.title, null);
});

test('a byline or date on the first line is never the headline', () => {
  assert.equal(cleanScrapedText(`By Hanne Roswell\n3 June 2024\n\n${body}`, { now }).title, null);
  assert.equal(cleanScrapedText(`3 June 2024\nBy Hanne Roswell\n\n${body}`, { now }).title, null);
});
