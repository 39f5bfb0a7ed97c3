import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc } from '../model/doc.js';
import type { Corpus } from '../model/story.js';
import { groupStories } from './group-stories.js';
import { resolveEntities } from './resolve-entities.js';
import { fixtureDoc } from './story/fixture-doc-test-support.js';

const ctx = { now: new Date('2031-06-01T00:00:00Z') };
const names = {
  'Mirela Dansk': 'PERSON',
  'Osric Vale': 'PERSON',
  Tarnland: 'LOC',
  Velmar: 'LOC',
  'Harbour Union': 'ORG',
} as const;

async function group(docs: Doc[]): Promise<Corpus> {
  const resolved = await resolveEntities().run({ docs, entities: [], stories: [] }, ctx);
  return groupStories().run(resolved, ctx);
}

const talks = (id: string, published: string, month: string, extra = ''): Doc =>
  fixtureDoc(
    id,
    `Mirela Dansk and Osric Vale opened a round of border talks between Tarnland and Velmar in ${month}. ` +
      `The negotiators discussed fishing rights, river crossings and the release of detained sailors. ${extra}`,
    { published, mentions: names },
  );

const strike = (id: string, published: string, extra = ''): Doc =>
  fixtureDoc(
    id,
    `Dock workers of the Harbour Union walked out at the port of Velmar over unpaid overtime. ` +
      `Container ships queued outside the harbour as pickets blocked the cranes. ${extra}`,
    { published, mentions: names },
  );

const sorted = (corpus: Corpus): string[][] =>
  corpus.stories.map((s) => [...s.articles].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));

test('groups reports of one event and keeps another event apart', async () => {
  const corpus = await group([
    talks('t1', '2030-02-10', 'February'),
    talks('t2', '2030-02-11', 'February', 'Talks resume on Thursday.'),
    strike('k1', '2030-02-10'),
    strike('k2', '2030-02-12', 'The union said the strike would last a week.'),
  ]);
  assert.deepEqual(sorted(corpus), [
    ['k1', 'k2'],
    ['t1', 't2'],
  ]);
});

test('keeps two rounds of the same talks months apart in two stories', async () => {
  const corpus = await group([
    talks('feb-1', '2030-02-10', 'February'),
    talks('feb-2', '2030-02-11', 'February', 'Both sides called the round useful.'),
    talks('may-1', '2030-05-20', 'May'),
    talks('may-2', '2030-05-21', 'May', 'Both sides called the round useful.'),
  ]);
  assert.deepEqual(sorted(corpus), [
    ['feb-1', 'feb-2'],
    ['may-1', 'may-2'],
  ]);
});

test('records a near-duplicate as a copy of the shorter original', async () => {
  const original = strike('orig', '2030-02-10');
  const copy = fixtureDoc('copy', `${original.text} Share this article. Subscribe to our newsletter for more.`, {
    published: '2030-02-10',
  });
  const corpus = await group([copy, original, talks('t1', '2030-02-10', 'February')]);
  const story = corpus.stories.find((s) => s.articles.includes('orig'))!;
  assert.deepEqual([...story.articles].sort(), ['copy', 'orig']);
  assert.equal(story.copies?.length, 1);
  assert.equal(story.copies?.[0]?.article, 'copy');
  assert.equal(story.copies?.[0]?.of, 'orig');
  assert.ok(story.copies![0]!.similarity >= 0.7);
});

test('does not call two different reports of one story copies', async () => {
  // Containment-based: one report that holds the other word for word would be a copy (or an update of it),
  // so the second report here is written in its own words about the same round.
  const own = fixtureDoc(
    't2',
    'Negotiators from Tarnland and Velmar sat down in February for border talks led by Mirela Dansk and Osric Vale. ' +
      'Detained sailors, river crossings and fishing rights were on the table. The next round is set for May in Velmar, ' +
      'officials said, with fishing quotas first on the agenda.',
    { published: '2030-02-11', mentions: names },
  );
  const corpus = await group([talks('t1', '2030-02-10', 'February'), own]);
  assert.equal(corpus.stories.length, 1);
  assert.deepEqual(corpus.stories[0]!.copies, []);
});

test('gives the same stories, ids and titles whatever the input order', async () => {
  const docs = [
    talks('t1', '2030-02-10', 'February'),
    strike('k1', '2030-02-10'),
    talks('t2', '2030-02-11', 'February'),
    strike('k2', '2030-02-12'),
  ];
  const forward = await group(docs);
  const backward = await group([...docs].reverse());
  assert.deepEqual(forward.stories, backward.stories);
  for (const story of forward.stories) {
    assert.match(story.id, /^s-[0-9a-f]{8}$/);
    assert.ok(story.title.length > 0);
  }
});

test('puts every article in exactly one story, even an empty one', async () => {
  const corpus = await group([strike('k1', '2030-02-10'), fixtureDoc('empty', ''), talks('t1', '2030-02-10', 'February')]);
  const all = corpus.stories.flatMap((s) => s.articles).sort();
  assert.deepEqual(all, ['empty', 'k1', 't1']);
});

test('uses the title of an article when there is one', async () => {
  const titled = fixtureDoc('x1', 'Dock workers walked out at the port of Velmar over unpaid overtime.', {
    title: 'Velmar dockers strike',
  });
  const corpus = await group([titled]);
  assert.equal(corpus.stories[0]!.title, 'Velmar dockers strike');
});

const millOriginal =
  'A fire broke out at the old paper mill in Osterby on Sunday night and burned until dawn, the regional fire service said.\n\n' +
  'Forty firefighters from four towns fought the blaze, which started in a storage hall full of pulp bales. Nobody was hurt, ' +
  'but the smoke forced the evacuation of about 300 residents from the streets around the mill.\n\n' +
  'The mill closed in 2019 and the owners had planned to turn it into flats. Police said they could not rule out arson and ' +
  'asked anyone who saw people near the hall on Sunday evening to come forward.';

// A content-farm rewrite: a word swapped every few words, paragraphs reordered, its own junk added.
const millRewrite =
  'The mill shut down in 2019 and the owners had intended to turn it into apartments. Police said they could not rule out arson and ' +
  'asked anyone who noticed people near the hall on Sunday evening to come forward.\n\n' +
  'A blaze broke out at the old paper mill in Osterby on Sunday night and burned until morning, the regional fire service said.\n\n' +
  'Forty firefighters from four towns battled the fire, which began in a storage hall full of pulp bales. No one was hurt, ' +
  'but the smoke forced the evacuation of around 300 residents from the streets near the mill.\n\n' +
  'Final words: this is really shocking news and we will keep this post updated. Bookmark our site for the latest updates!';

// Another outlet's own report of the same fire: same facts, its own sentences.
const millReport =
  'Residents of Osterby spent Monday morning in a school gym after flames tore through the disused paper mill overnight. ' +
  'Firefighters said the blaze began among pulp bales in a storage hall and took until dawn to bring under control. ' +
  'About 300 people were evacuated; no injuries were reported. The owners, who bought the site in 2019 for a housing scheme, ' +
  'declined to comment while police examine whether the fire was set deliberately.';

test('records a reworded, reordered copy with junk added as a copy of the earlier original', async () => {
  const corpus = await group([
    fixtureDoc('rewrite', millRewrite, { published: '2030-09-03' }),
    fixtureDoc('original', millOriginal, { published: '2030-09-02' }),
    fixtureDoc('report', millReport, { published: '2030-09-02' }),
  ]);
  assert.equal(corpus.stories.length, 1);
  assert.deepEqual(
    corpus.stories[0]!.copies?.map((c) => [c.article, c.of]),
    [['rewrite', 'original']],
  );
});

// A spinner's harder rewrite: most word runs broken, each sentence still its source sentence.
const millSpun =
  'Late on Sunday night a fire erupted inside that old paper mill of Osterby, and it raged right until daybreak, said a regional fire service.\n\n' +
  'Some forty firefighters out of four villages tackled this blaze, that began within a storage hall quite full of pulp bales. Nobody got injured, ' +
  'though smoke had forced an evacuation for some 300 residents off streets all around that mill.\n\n' +
  'That mill shut back in 2019, and its owners had hoped they would turn it to flats. Police say they cannot rule arson out, and ' +
  'they urged anyone that noticed people by that hall late Sunday evening to come forward.';

test('records a copy spun too hard for shingles, by its aligned sentences (#7)', async () => {
  const corpus = await group([
    fixtureDoc('spun', millSpun, { published: '2030-09-03' }),
    fixtureDoc('original', millOriginal, { published: '2030-09-02' }),
  ]);
  assert.deepEqual(
    corpus.stories.flatMap((s) => (s.copies ?? []).map((c) => [c.article, c.of])),
    [['spun', 'original']],
  );
  const shinglesAlone = await groupStories({ alignThreshold: Infinity }).run(
    await resolveEntities().run({ docs: corpus.docs, entities: [], stories: [] }, ctx),
    ctx,
  );
  assert.deepEqual(
    shinglesAlone.stories.flatMap((s) => s.copies ?? []),
    [],
    'the fixture is meant to be beyond shingle containment',
  );
});

test('two reports that carry the same long quote are not copies of each other', async () => {
  const quote =
    '"We lost the storage hall, but the walls of the old mill are standing and nobody was hurt," the fire chief, Anja Roos, said. ';
  const corpus = await group([
    fixtureDoc('original', quote + millOriginal, {
      published: '2030-09-02',
      quotes: [{ text: quote.slice(1, quote.indexOf(',"')) }],
    }),
    fixtureDoc('report', quote + millReport, {
      published: '2030-09-02',
      quotes: [{ text: quote.slice(1, quote.indexOf(',"')) }],
    }),
  ]);
  assert.deepEqual(
    corpus.stories.flatMap((s) => s.copies ?? []),
    [],
  );
});

test('does not call an independent report of the same facts a copy', async () => {
  const corpus = await group([
    fixtureDoc('original', millOriginal, { published: '2030-09-02' }),
    fixtureDoc('report', millReport, { published: '2030-09-02' }),
  ]);
  assert.deepEqual(corpus.stories[0]!.copies, []);
});

test('does not call a two-line brief a copy of the article it shares a sentence with', async () => {
  const brief = fixtureDoc(
    'brief',
    'Nobody was hurt in the fire at the old paper mill in Osterby, the regional fire service said.',
    {
      published: '2030-09-02',
    },
  );
  const corpus = await group([brief, fixtureDoc('original', millOriginal, { published: '2030-09-02' })]);
  assert.deepEqual(
    corpus.stories.flatMap((s) => s.copies ?? []),
    [],
  );
});

test('an inferred publication date does not hold an article apart from its story', async () => {
  const strayed: Doc = {
    ...strike('k3', '2030-07-01', 'Pickets were still at the gates on the third day.'),
    publishedFrom: 'inferred',
  };
  const corpus = await group([strike('k1', '2030-02-10'), strike('k2', '2030-02-12'), strayed]);
  assert.deepEqual(sorted(corpus), [['k1', 'k2', 'k3']]);
});

test('a publication date from page metadata still holds a same-kind event months later apart', async () => {
  const later: Doc = { ...strike('k3', '2030-07-01', 'Pickets were back at the gates.'), publishedFrom: 'meta' };
  const corpus = await group([strike('k1', '2030-02-10'), strike('k2', '2030-02-12'), later]);
  assert.deepEqual(sorted(corpus), [['k1', 'k2'], ['k3']]);
});

// An undated report of the talks whose only dates are the ones it writes out.
const undated = (id: string, extra: string, dates: { text: string; value: string }[]): Doc =>
  fixtureDoc(
    id,
    'Mirela Dansk and Osric Vale opened a round of border talks between Tarnland and Velmar. ' +
      `The negotiators discussed fishing rights, river crossings and the release of detained sailors. ${extra}`,
    { mentions: names, dates },
  );

test('keeps two undated reports apart when the only years they write differ', async () => {
  const corpus = await group([
    undated('a1', 'It was the first round since 2027.', [{ text: '2027', value: '2027' }]),
    undated('a2', 'The last round, in 2027, failed.', [{ text: '2027', value: '2027' }]),
    undated('b1', 'The talks of 2030 were the longest yet.', [{ text: '2030', value: '2030' }]),
  ]);
  assert.deepEqual(sorted(corpus), [['a1', 'a2'], ['b1']]);
});

test('a year written as background does not hold apart two reports that share a date', async () => {
  const corpus = await group([
    undated('c1', 'The river treaty dates from 2011. The round opened on 4 March 2030.', [
      { text: '2011', value: '2011' },
      { text: '4 March 2030', value: '2030-03-04' },
    ]),
    undated('c2', 'The round opened in March 2030.', [{ text: 'March 2030', value: '2030-03' }]),
  ]);
  assert.deepEqual(sorted(corpus), [['c1', 'c2']]);
});

test('a brief too short to reach the link threshold with its story still joins it, and an unrelated one stays alone', async () => {
  const docs = [
    talks('t1', '2030-02-10', 'February'),
    talks('t2', '2030-02-11', 'February', 'Talks resume on Thursday.'),
    talks('t3', '2030-02-11', 'February', 'Both sides called the round useful.'),
    strike('k1', '2030-02-10'),
    strike('k2', '2030-02-12', 'The union said the strike would last a week.'),
    strike('k3', '2030-02-12', 'Police watched the pickets.'),
    fixtureDoc('brief', 'Families of the detained sailors waited outside the ministry for news of the talks.', {
      published: '2030-02-11',
    }),
    fixtureDoc('other', 'A court in Lisgard fined a baker for selling bread below the weight on the label.', {
      published: '2030-02-11',
    }),
  ];
  const resolved = await resolveEntities().run({ docs, entities: [], stories: [] }, ctx);
  const apart = await groupStories({ attachThreshold: 0 }).run(resolved, ctx);
  assert.ok(
    apart.stories.some((s) => s.articles.length === 1 && s.articles[0] === 'brief'),
    'the brief alone is under the link threshold',
  );
  assert.deepEqual(sorted(await group(docs)), [['brief', 't1', 't2', 't3'], ['k1', 'k2', 'k3'], ['other']]);
});

test('the online strategy groups as the batch one does: events apart, months apart, copies recorded (#7)', async () => {
  const docs = [
    talks('feb-1', '2030-02-10', 'February'),
    talks('feb-2', '2030-02-11', 'February', 'Both sides called the round useful.'),
    talks('may-1', '2030-05-20', 'May'),
    talks('may-2', '2030-05-21', 'May', 'Both sides called the round useful.'),
    strike('k1', '2030-02-10'),
    strike('k2', '2030-02-12', 'The union said the strike would last a week.'),
    fixtureDoc('rewrite', millRewrite, { published: '2030-09-03' }),
    fixtureDoc('original', millOriginal, { published: '2030-09-02' }),
  ];
  const resolved = await resolveEntities().run({ docs, entities: [], stories: [] }, ctx);
  const batch = await groupStories({ strategy: 'batch' }).run(resolved, ctx);
  const online = await groupStories({ strategy: 'online' }).run(resolved, ctx);
  const auto = await groupStories({ batchLimit: 3 }).run({ ...resolved, docs: [...resolved.docs].reverse() }, ctx);
  assert.deepEqual(sorted(online), sorted(batch));
  assert.deepEqual(sorted(auto), sorted(batch), 'past batchLimit, auto goes online, whatever the input order');
  const copies = (c: typeof batch) =>
    c.stories.flatMap((s) => (s.copies ?? []).map((copy) => `${copy.article} < ${copy.of}`)).sort();
  assert.deepEqual(copies(online), copies(batch));
  assert.ok(copies(online).includes('rewrite < original'));
});

test("a site's own lines under every post do not make its unrelated posts copies of each other (#7)", async () => {
  const junk =
    '\n\nSubscribe to our free newsletter for the latest local headlines every single morning.' +
    '\n\nShare this story with your friends and family on your favourite social network today.' +
    '\n\nTrending now: seven simple kitchen habits that our readers swear will save you money.';
  const posts = [
    'The Velmar city council approved a new cycle lane along the harbour road after a long debate on Tuesday evening.',
    'A retired teacher in Osterby has grown a pumpkin weighing more than three hundred kilograms for the autumn fair.',
    'Dock workers of the Harbour Union ended their strike at the port of Velmar after a pay deal was reached.',
    'The regional library in Tarnland will stay open until midnight during the exam weeks, its director announced.',
    'Firefighters rescued a cat that had been stuck on the roof of the old paper mill in Osterby for two days.',
  ].map((text, i) => fixtureDoc(`post-${i}`, text + junk, { published: '2030-09-02' }));
  const corpus = await group(posts);
  assert.deepEqual(
    corpus.stories.flatMap((s) => s.copies ?? []),
    [],
  );
});

test('a story keeps its id when a later report joins it, so its page keeps its address', async () => {
  const before = await group([strike('k1', '2030-02-10'), talks('t1', '2030-02-10', 'February')]);
  const after = await group([
    strike('k1', '2030-02-10'),
    talks('t1', '2030-02-10', 'February'),
    strike('k2', '2030-02-12', 'The union said the strike would last a week.'),
  ]);
  const idOf = (corpus: Corpus, article: string) => corpus.stories.find((s) => s.articles.includes(article))!.id;
  assert.equal(idOf(after, 'k2'), idOf(before, 'k1'));
  assert.notEqual(idOf(after, 'k1'), idOf(after, 't1'));
});
