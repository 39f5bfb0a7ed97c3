import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleFeatures, createStoryIndex, type ArticleFeatures } from './create-story-index.js';
import { fixtureDoc } from './fixture-doc-test-support.js';

const day = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
const on = (iso: string) => ({ periods: [{ from: day(iso), to: day(iso) }], published: true });

function article(id: string, text: string, published: string, entities: string[] = []): ArticleFeatures {
  return { id, terms: text.toLowerCase().split(/\s+/), entities, time: on(published) };
}

const flood1 = article('f1', 'river olm flood kessel sandbags levee breach evacuated', '2030-03-03', ['e-kessel']);
const flood2 = article('f2', 'olm levee breach kessel evacuated families rescue boats', '2030-03-04', ['e-kessel']);
const strike1 = article('s1', 'dock workers strike port ellis wages union pickets', '2030-03-03', ['e-port-ellis']);
const strike2 = article('s2', 'port ellis union strike wages dock pickets talks', '2030-03-05', ['e-port-ellis']);

test('puts an article with the story it shares words and entities with, and starts a story otherwise', () => {
  const index = createStoryIndex();
  const first = index.assign(flood1);
  assert.equal(first.joined, false);
  assert.equal(index.assign(strike1).joined, false);
  const second = index.assign(flood2);
  assert.equal(second.joined, true);
  assert.equal(second.story, first.story);
  assert.ok(second.score >= 0.2);
  index.assign(strike2);
  assert.deepEqual(
    index.stories().map((s) => s.articles),
    [
      ['f1', 'f2'],
      ['s1', 's2'],
    ],
  );
});

test('keeps the same kind of event months apart in two stories', () => {
  const index = createStoryIndex();
  index.assign(flood1);
  const later = index.assign({ ...flood2, id: 'f-next-year', time: on('2031-03-04') });
  assert.equal(later.joined, false);
});

test('gives the same stories for the same arrival order', () => {
  const run = (): string[][] => {
    const index = createStoryIndex();
    for (const a of [strike2, flood1, strike1, flood2]) index.assign(a);
    return index.stories().map((s) => [...s.articles]);
  };
  assert.deepEqual(run(), run());
});

test('compares a new article only with stories that share one of its rare keys', () => {
  // A threshold nothing reaches: every article starts a story, all of them using the word "update".
  const index = createStoryIndex({ maxPostings: 2, linkThreshold: 2 });
  assert.equal(index.assign(article('a', 'update alpha', '2030-01-01')).candidates, 0);
  assert.equal(index.assign(article('b', 'update beta', '2030-01-01')).candidates, 1);
  assert.equal(index.assign(article('c', 'update gamma', '2030-01-01')).candidates, 2);
  // Three stories hold "update" now, past the cap of two: it no longer finds candidates.
  assert.equal(index.assign(article('d', 'update delta', '2030-01-01')).candidates, 0);
  assert.equal(index.assign(article('e', 'zeta eta theta', '2030-01-01')).candidates, 0);
  assert.equal(index.assign(article('f', 'alpha zeta', '2030-01-01')).candidates, 2);
});

test('reads words, entity ids and time from a processed Doc', () => {
  const doc = fixtureDoc('x', 'Kessel flooded again.', { published: '2030-03-03', mentions: { Kessel: 'LOC' } });
  const resolved = { ...doc, mentions: doc.mentions.map((m) => ({ ...m, entity: 'e-kessel' })) };
  const features = articleFeatures(resolved);
  assert.deepEqual(features.entities, ['e-kessel']);
  assert.ok(features.terms.includes('kessel'));
  assert.equal(features.time?.published, true);
});

test('an article under the link threshold joins an established story from the lower bar, but not a story of one article', () => {
  const flood = [
    flood1,
    flood2,
    article('f3', 'kessel flood olm rescue boats sandbags shelters', '2030-03-03', ['e-kessel']),
    article('f4', 'olm river flood kessel levee shelters evacuated', '2030-03-03', ['e-kessel']),
  ];
  const late = article('late', 'rescue boats families rain volunteers school closed', '2030-03-04');
  const run = (story: readonly ArticleFeatures[], options = {}) => {
    const index = createStoryIndex(options);
    index.assign(strike1);
    for (const a of story) index.assign(a);
    return index.assign(late);
  };
  const joined = run(flood);
  assert.equal(joined.joined, true);
  assert.ok(joined.score < 0.2 && joined.score >= 0.15, `score ${joined.score}`);
  assert.equal(run(flood, { attachThreshold: 0.2 }).joined, false);
  assert.equal(run(flood.slice(0, 1)).joined, false);
});
