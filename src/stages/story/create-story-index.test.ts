import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleFeatures, createStoryIndex, type ArticleFeatures, type StoryIndex } from './create-story-index.js';
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
const flood3 = article('f3', 'kessel flood olm rescue boats sandbags shelters', '2030-03-03', ['e-kessel']);
const flood4 = article('f4', 'olm river flood kessel levee shelters evacuated', '2030-03-03', ['e-kessel']);
// Close to the flood story only through its rescue boats and families.
const late = article('late', 'rescue boats families rain volunteers school closed', '2030-03-04');

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

test('an article under the link threshold joins an established story from half of it, but not a story of one article', () => {
  const flood = [flood1, flood2, flood3, flood4];
  const run = (story: readonly ArticleFeatures[], options = {}) => {
    const index = createStoryIndex(options);
    index.assign(strike1);
    for (const a of story) index.assign(a);
    return index.assign(late);
  };
  const joined = run(flood);
  assert.equal(joined.joined, true);
  assert.ok(joined.score < 0.2 && joined.score >= 0.1, `score ${joined.score}`);
  assert.equal(run(flood, { attachThreshold: 0.2 }).joined, false);
  assert.equal(run(flood.slice(0, 1)).joined, false);
});

/** The grouping as sets of article ids, whatever the story ids and orders. */
const grouping = (index: StoryIndex): string[] =>
  index
    .stories()
    .map((s) => [...s.articles].sort().join(' '))
    .sort();

const quake = article('q1', 'quake struck kessel magnitude tremor shook buildings', '2030-03-03');
const rescue = article('q2', 'rescue teams dug through rubble kessel survivors found', '2030-03-03');
const bridge = article('q3', 'quake kessel magnitude tremor rescue teams rubble survivors', '2030-03-03');

test('a bridge article merges two stories into the older one and says what moved', () => {
  const index = createStoryIndex();
  index.assign(strike1);
  const first = index.assign(quake);
  const second = index.assign(rescue);
  assert.notEqual(first.story, second.story, 'two reports with little in common start two stories');
  const merged = index.assign(bridge);
  assert.equal(merged.story, first.story);
  assert.equal(merged.joined, true);
  assert.deepEqual(merged.merged, [{ story: second.story, into: first.story }]);
  assert.deepEqual(merged.moved, [{ article: 'q2', from: second.story, to: first.story }]);
  assert.deepEqual(index.stories(), [
    { id: 's1', articles: ['s1'] },
    { id: first.story, articles: ['q1', 'q2', 'q3'] },
  ]);
  // The merged story's id is not handed out again.
  assert.equal(index.assign(article('x', 'unrelated lottery jackpot winner', '2030-03-03')).story, 's4');
});

test('gives the same grouping for two arrival orders', () => {
  const articles = [flood1, strike1, quake, flood2, rescue, strike2, bridge, flood3, late];
  const run = (order: readonly ArticleFeatures[]): string[] => {
    const index = createStoryIndex();
    for (const a of order) index.assign(a);
    return grouping(index);
  };
  const forward = run(articles);
  assert.deepEqual(run([...articles].reverse()), forward);
  assert.deepEqual(run([...articles.slice(4), ...articles.slice(0, 4)]), forward);
  assert.ok(forward.includes('q1 q2 q3'), forward.join(' | '));
});

test('keeps two events of the same kind weeks apart in two stories, whatever the order', () => {
  const march = [flood1, flood2, article('f3', 'kessel flood olm rescue boats sandbags levee', '2030-03-03', ['e-kessel'])];
  const may = march.map((a) => ({ ...a, id: `${a.id}-may`, time: on('2030-05-12') }));
  for (const order of [
    [...march, ...may],
    [may[0]!, march[0]!, may[1]!, march[1]!, may[2]!, march[2]!],
  ]) {
    const index = createStoryIndex();
    for (const a of order) index.assign(a);
    assert.deepEqual(grouping(index), ['f1 f2 f3', 'f1-may f2-may f3-may']);
  }
});

test('a story too large to regroup takes an article from the link threshold on its mean alone', () => {
  const index = createStoryIndex({ maxNeighbourhood: 2 });
  const first = index.assign(flood1);
  index.assign(flood2);
  const third = index.assign(article('f3', 'kessel flood olm levee breach sandbags', '2030-03-03', ['e-kessel']));
  assert.equal(third.story, first.story);
  assert.ok(third.score >= 0.2);
  assert.deepEqual(third.moved, []);
  assert.equal(index.assign(article('x', 'olm lottery jackpot winner', '2030-03-03')).joined, false);
});

test('a copy with paragraphs of its own joins its original through their shingles, not their key terms', () => {
  // The shared words repeat, so they weigh most and blocking finds the original.
  const wire =
    'The river Olm broke through the levee at Kessel on Sunday night and firefighters evacuated two hundred families ' +
    'from the lower town of Kessel while volunteers filled sandbags along the Olm levee until the water began to fall.';
  const padding =
    'Meanwhile the regional council debated its budget for schools, libraries, bus lines and parks, ' +
    'and the football club announced a new coach, a stadium sponsor and cheaper season tickets for pensioners. ' +
    'Weather forecasters expect sunshine, mild temperatures and light winds across the coast for the coming week, ' +
    'while markets, theatres and museums prepare their summer programmes of concerts, festivals and exhibitions.';
  const own =
    'Mayor Petra Lind thanked every helper, promised compensation within weeks, and asked insurers to settle claims quickly; ' +
    'geologists blamed decades of neglected maintenance, cracked concrete and unusually heavy snowmelt upstream.';
  const original = articleFeatures(fixtureDoc('wire', `${wire}\n${own}`, { published: '2030-03-03' }));
  const copy = articleFeatures(fixtureDoc('copy', `${wire}\n${padding}`, { published: '2030-03-03' }));
  // A link threshold the key terms of these two short texts fall short of.
  const run = (a: ArticleFeatures, b: ArticleFeatures) => {
    const index = createStoryIndex({ linkThreshold: 0.5 });
    return [index.assign(a), index.assign(b)];
  };
  const [first, second] = run(original, copy);
  assert.equal(second!.story, first!.story);
  assert.ok(second!.score > 1, `score ${second!.score}`);
  const { sketch: _, ...withoutSketch } = copy;
  const apart = run(original, withoutSketch)[1]!;
  assert.equal(apart.joined, false, `on key terms alone the padding keeps them apart (${apart.score})`);
});

test('a report attached to a story from the lower bar leaves it for a closer newcomer, and the move is reported', () => {
  const index = createStoryIndex();
  index.assign(strike1);
  const flood = index.assign(flood1);
  for (const a of [flood2, flood3, flood4]) index.assign(a);
  assert.equal(index.assign(late).story, flood.story);
  const school = index.assign(article('m', 'rain volunteers school closed families teachers parents buses', '2030-03-04'));
  assert.equal(school.joined, false, 'the two make a new story');
  assert.deepEqual(school.moved, [{ article: 'late', from: flood.story, to: school.story }]);
  assert.deepEqual(school.merged, []);
  assert.deepEqual(
    index.stories().map((s) => s.articles),
    [['s1'], ['f1', 'f2', 'f3', 'f4'], ['late', 'm']],
  );
});
