import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Corpus, Entity } from '../model/story.js';
import type { Doc } from '../model/doc.js';
import { resolveEntities } from './resolve-entities.js';
import { fixtureDoc } from './story/fixture-doc-test-support.js';

const ctx = { now: new Date('2031-06-01T00:00:00Z') };

async function resolve(docs: Doc[]): Promise<Corpus> {
  return resolveEntities().run({ docs, entities: [], stories: [] }, ctx);
}

function entityNamed(corpus: Corpus, name: string): Entity {
  const entity = corpus.entities.find((e) => e.name === name);
  assert.ok(entity, `no entity named ${name}: ${corpus.entities.map((e) => e.name).join(', ')}`);
  return entity;
}

test('merges surname, initial and honorific forms with the full name across articles', async () => {
  const corpus = await resolve([
    fixtureDoc('a1', 'Adaeze Okafor arrived in Port Veran. Okafor met the mayor.', {
      mentions: { 'Adaeze Okafor': 'PERSON', Okafor: 'PERSON', 'Port Veran': 'LOC' },
    }),
    fixtureDoc('a2', 'Ms. Okafor spoke first. Later, A. Okafor left.', {
      mentions: { 'Ms. Okafor': 'PERSON', 'A. Okafor': 'PERSON' },
    }),
  ]);
  const okafor = entityNamed(corpus, 'Adaeze Okafor');
  assert.equal(okafor.id, 'e-adaeze-okafor');
  assert.deepEqual(okafor.aliases, ['A. Okafor', 'Ms. Okafor', 'Okafor']);
  assert.deepEqual(okafor.articles, ['a1', 'a2']);
  for (const doc of corpus.docs)
    for (const m of doc.mentions.filter((m) => m.type === 'PERSON')) assert.equal(m.entity, okafor.id);
});

test('folds al- variants and dotted acronyms', async () => {
  const corpus = await resolve([
    fixtureDoc('b1', 'Karim al-Rashed joined the C.I.A. in May.', { mentions: { 'Karim al-Rashed': 'PERSON', 'C.I.A.': 'ORG' } }),
    fixtureDoc('b2', 'Karim Al Rashed left the CIA. Karim Al-Rashed denied it.', {
      mentions: { 'Karim Al Rashed': 'PERSON', 'Karim Al-Rashed': 'PERSON', CIA: 'ORG' },
    }),
  ]);
  assert.equal(corpus.entities.filter((e) => e.type === 'PERSON').length, 1);
  assert.equal(corpus.entities.filter((e) => e.type === 'ORG').length, 1);
});

test('joins an acronym to its expansion only when both appear', async () => {
  const both = await resolve([
    fixtureDoc('c1', 'The World Health Council met on Monday.', { mentions: { 'World Health Council': 'ORG' } }),
    fixtureDoc('c2', 'The WHC said little.', { mentions: { WHC: 'ORG' } }),
  ]);
  assert.equal(both.entities.length, 1);
  assert.deepEqual(entityNamed(both, 'World Health Council').aliases, ['WHC']);
  const alone = await resolve([fixtureDoc('c3', 'The WHC said little.', { mentions: { WHC: 'ORG' } })]);
  assert.deepEqual(
    alone.entities.map((e) => e.name),
    ['WHC'],
  );
});

test('keeps two people who share a surname apart and attaches the bare surname to the most recent one', async () => {
  const corpus = await resolve([
    fixtureDoc('d1', 'Adaeze Okafor chairs the panel. Chidi Okafor is her brother. Okafor declined to comment.', {
      mentions: { 'Adaeze Okafor': 'PERSON', 'Chidi Okafor': 'PERSON', Okafor: 'PERSON' },
    }),
    fixtureDoc('d2', 'Chidi Okafor left early. Adaeze Okafor stayed. Okafor then spoke.', {
      mentions: { 'Adaeze Okafor': 'PERSON', 'Chidi Okafor': 'PERSON', Okafor: 'PERSON' },
    }),
  ]);
  const adaeze = entityNamed(corpus, 'Adaeze Okafor');
  const chidi = entityNamed(corpus, 'Chidi Okafor');
  assert.notEqual(adaeze.id, chidi.id);
  const bare = (doc: Doc): string | null => doc.mentions.find((m) => m.text === 'Okafor')!.entity;
  assert.equal(bare(corpus.docs[0]!), chidi.id);
  assert.equal(bare(corpus.docs[1]!), adaeze.id);
});

test('never merges a person and an organisation with the same name', async () => {
  const corpus = await resolve([
    fixtureDoc('e1', 'Halvorsen said the deal was done. Halvorsen Group shares rose.', {
      mentions: { Halvorsen: 'PERSON', 'Halvorsen Group': 'ORG' },
    }),
    fixtureDoc('e2', 'Halvorsen, the logistics firm, denied it.', { mentions: { Halvorsen: 'ORG' } }),
  ]);
  const types = corpus.entities.map((e) => e.type).sort();
  assert.deepEqual(types, ['ORG', 'ORG', 'PERSON']);
});

test('reads roles from appositives, titles before the name and mention titles', async () => {
  const corpus = await resolve([
    fixtureDoc('f1', 'Lena Marsh, the director of the Tidewater Bureau, said funds were short.', {
      mentions: { 'Lena Marsh': 'PERSON' },
    }),
    fixtureDoc('f2', 'Health Minister Tomas Bray visited. Bureau Director Marsh joined him.', {
      mentions: { 'Tomas Bray': 'PERSON', Marsh: 'PERSON' },
    }),
  ]);
  assert.deepEqual([...entityNamed(corpus, 'Lena Marsh').roles].sort(), ['Bureau Director', 'director of the Tidewater Bureau']);
  assert.deepEqual(entityNamed(corpus, 'Tomas Bray').roles, ['Health Minister']);
});

test('reads a role opened by an acronym and a role written without an article', async () => {
  const corpus = await resolve([
    fixtureDoc('r1', 'Ivo Strand, head of the Coastal Works Agency (CWA), said work would start.', {
      mentions: { 'Ivo Strand': 'PERSON' },
    }),
    fixtureDoc('r2', '"We are ready," Strand, the CWA director, told reporters.', { mentions: { Strand: 'PERSON' } }),
  ]);
  assert.deepEqual([...entityNamed(corpus, 'Ivo Strand').roles].sort(), ['CWA director', 'head of the Coastal Works Agency']);
});

test('negative cases: an appositive that is no role gives no role', async () => {
  const corpus = await resolve([
    fixtureDoc('r3', 'Ivo Strand, meanwhile of course, left. Mara Lind, 52, stayed. Olav Brun, son of a fisher, spoke.', {
      mentions: { 'Ivo Strand': 'PERSON', 'Mara Lind': 'PERSON', 'Olav Brun': 'PERSON' },
    }),
  ]);
  for (const name of ['Ivo Strand', 'Mara Lind', 'Olav Brun']) assert.deepEqual(entityNamed(corpus, name).roles, []);
});

test('a name typed alike in several articles is a mention where another article only writes it', async () => {
  const corpus = await resolve([
    fixtureDoc('k1', 'Troops left Tarnowel on Monday.', { mentions: { Tarnowel: 'LOC' } }),
    fixtureDoc('k2', 'The government of Tarnowel agreed.', { mentions: { Tarnowel: 'LOC' } }),
    fixtureDoc('k3', 'Talks between Tarnowel and the rebels stalled. In Tarnowel, markets shut.'),
  ]);
  const k3 = corpus.docs.find((d) => d.id === 'k3')!;
  assert.deepEqual(
    k3.mentions.map((m) => [m.text, m.type, m.start]),
    [
      ['Tarnowel', 'LOC', 14],
      ['Tarnowel', 'LOC', 50],
    ],
  );
  assert.deepEqual(entityNamed(corpus, 'Tarnowel').articles, ['k1', 'k2', 'k3']);
});

test('negative cases: known names are not added inside longer names, from one article, or when their type varies', async () => {
  const corpus = await resolve([
    fixtureDoc('n1', 'Troops left Tarnowel. Dr. Hollis Quay spoke.', {
      mentions: { Tarnowel: 'LOC', 'Hollis Quay': 'PERSON', Quay: 'ORG' },
    }),
    fixtureDoc('n2', 'Tarnowel agreed. Quay was busy.', { mentions: { Tarnowel: 'LOC', Quay: 'PERSON' } }),
    fixtureDoc('n3', 'The Tarnowel Herald and North Tarnowel Tarnowelian Hollis agreed; Quay too.'),
  ]);
  assert.deepEqual(corpus.docs.find((d) => d.id === 'n3')!.mentions, []);
  const guesses = (id: string, text: string): Doc => {
    const doc = fixtureDoc(id, text, { mentions: { Tarnowel: 'LOC' } });
    return { ...doc, mentions: doc.mentions.map((m) => ({ ...m, guessed: true })) };
  };
  const guessed = await resolve([
    guesses('g1', 'Troops left Tarnowel.'),
    guesses('g2', 'Tarnowel agreed.'),
    fixtureDoc('g3', 'Talks with Tarnowel.'),
  ]);
  assert.deepEqual(guessed.docs[2]!.mentions, []);
  const off = await resolveEntities({ knownNameMinArticles: 0 }).run(
    {
      docs: [
        fixtureDoc('o1', 'Troops left Tarnowel.', { mentions: { Tarnowel: 'LOC' } }),
        fixtureDoc('o2', 'Tarnowel agreed.', { mentions: { Tarnowel: 'LOC' } }),
        fixtureDoc('o3', 'Talks with Tarnowel.'),
      ],
      entities: [],
      stories: [],
    },
    ctx,
  );
  assert.deepEqual(off.docs[2]!.mentions, []);
});

test('resolves quote speakers and figure sources from their spans, else from their words', async () => {
  const text = '"We will rebuild," said Ms. Okafor. Adaeze Okafor added that 40 homes were lost, the Relief Agency said.';
  const doc = fixtureDoc('g1', text, {
    mentions: { 'Ms. Okafor': 'PERSON', 'Adaeze Okafor': 'PERSON', 'Relief Agency': 'ORG' },
    quotes: [{ text: '"We will rebuild,"', speaker: 'Ms. Okafor' }],
    figures: [{ text: '40 homes', value: 40, about: 'homes lost', source: 'the Relief Agency' }],
  });
  const noSpan = { ...doc, quotes: doc.quotes.map((q) => ({ ...q, speakerSpan: undefined, speakerText: 'Okafor' })) };
  const unknown = {
    ...doc,
    id: 'g3',
    quotes: doc.quotes.map((q) => ({ ...q, speakerSpan: undefined, speakerText: 'a senior official' })),
  };
  const corpus = await resolve([doc, { ...noSpan, id: 'g2' }, unknown]);
  assert.equal(corpus.docs[0]!.quotes[0]!.speaker, 'e-adaeze-okafor');
  assert.equal(corpus.docs[0]!.figures[0]!.source, 'e-relief-agency');
  assert.equal(corpus.docs[1]!.quotes[0]!.speaker, 'e-adaeze-okafor');
  assert.equal(corpus.docs[2]!.quotes[0]!.speaker, null);
});

test('ids do not depend on the order of the articles', async () => {
  const docs = [
    fixtureDoc('h1', 'Rosa Vint met Rosa Vint.', { mentions: { 'Rosa Vint': 'PERSON' } }),
    fixtureDoc('h2', 'Vint Harbour flooded. Rosa Vint went there.', {
      mentions: { 'Vint Harbour': 'LOC', 'Rosa Vint': 'PERSON' },
    }),
  ];
  const forward = await resolve(docs);
  const backward = await resolve([...docs].reverse());
  assert.deepEqual(forward.entities, backward.entities);
});

test('does not change the docs it is given', async () => {
  const doc = fixtureDoc('i1', 'Rosa Vint spoke.', { mentions: { 'Rosa Vint': 'PERSON' } });
  await resolve([doc]);
  assert.equal(doc.mentions[0]!.entity, null);
});
