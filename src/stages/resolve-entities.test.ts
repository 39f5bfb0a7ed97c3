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

test('a name typed differently across articles is one entity when most of its mentions agree', async () => {
  const corpus = await resolve([
    fixtureDoc('t1', 'Ember Tide sold well.', { mentions: { 'Ember Tide': 'MISC' } }),
    fixtureDoc('t2', 'Ember Tide topped the charts.', { mentions: { 'Ember Tide': 'MISC' } }),
    fixtureDoc('t3', 'Critics loved Ember Tide.', { mentions: { 'Ember Tide': 'PERSON' } }),
  ]);
  assert.deepEqual(
    corpus.entities.map((e) => [e.name, e.type, e.articles.length]),
    [['Ember Tide', 'MISC', 3]],
  );
});

test('negative cases: one word typed two ways, and a place and an organisation, stay apart', async () => {
  const oneWord = await resolve([
    fixtureDoc('u1', 'Varn spoke.', { mentions: { Varn: 'PERSON' } }),
    fixtureDoc('u2', 'Varn spoke again.', { mentions: { Varn: 'PERSON' } }),
    fixtureDoc('u3', 'They flew to Varn.', { mentions: { Varn: 'LOC' } }),
  ]);
  assert.deepEqual(oneWord.entities.map((e) => e.type).sort(), ['LOC', 'PERSON']);
  const placeAndTeam = await resolve([
    fixtureDoc('v1', 'Port Halden was quiet.', { mentions: { 'Port Halden': 'LOC' } }),
    fixtureDoc('v2', 'Port Halden is a lovely town.', { mentions: { 'Port Halden': 'LOC' } }),
    fixtureDoc('v3', 'Port Halden won the cup.', { mentions: { 'Port Halden': 'ORG' } }),
  ]);
  assert.deepEqual(placeAndTeam.entities.map((e) => e.type).sort(), ['LOC', 'ORG']);
});

test('the alias table joins names that share no words: the World Court is the International Court of Justice', async () => {
  const corpus = await resolve([
    fixtureDoc('w1', 'The International Court of Justice ruled for Tarnowel.', {
      mentions: { 'International Court of Justice': 'ORG', Tarnowel: 'LOC' },
    }),
    fixtureDoc('w2', 'The World Court ruling angered Varn.', { mentions: { 'World Court': 'ORG', Varn: 'LOC' } }),
    fixtureDoc('w3', 'Varn will appeal to the ICJ.', { mentions: { ICJ: 'ORG', Varn: 'LOC' } }),
  ]);
  const court = entityNamed(corpus, 'International Court of Justice');
  assert.deepEqual(court.aliases, ['ICJ', 'World Court']);
  assert.deepEqual(court.articles, ['w1', 'w2', 'w3']);
});

test('legal forms and generational suffixes are ignored when matching names', async () => {
  const corpus = await resolve([
    fixtureDoc('x1', 'Halvorsen Shipping Inc. and Joseph Doyle Jr. signed.', {
      mentions: { 'Halvorsen Shipping Inc.': 'ORG', 'Joseph Doyle Jr.': 'PERSON' },
    }),
    fixtureDoc('x2', 'Halvorsen Shipping said Joseph Doyle agreed.', {
      mentions: { 'Halvorsen Shipping': 'ORG', 'Joseph Doyle': 'PERSON' },
    }),
  ]);
  assert.equal(corpus.entities.length, 2);
});

test('a person written by middle name and surname, or by given name alone, joins the full name', async () => {
  const corpus = await resolve([
    fixtureDoc('y1', 'Arcade Joseph Doyle escaped. Officers said Joseph Doyle was armed.', {
      mentions: { 'Arcade Joseph Doyle': 'PERSON', 'Joseph Doyle': 'PERSON' },
    }),
    fixtureDoc('y2', 'Mirela Santi sang. Mirela thanked the crowd.', {
      mentions: { 'Mirela Santi': 'PERSON', Mirela: 'PERSON' },
    }),
  ]);
  assert.deepEqual(corpus.entities.map((e) => e.name).sort(), ['Arcade Joseph Doyle', 'Mirela Santi']);
});

test('an acronym meets an expansion typed MISC or ORG', async () => {
  const corpus = await resolve([
    fixtureDoc('z1', 'Quill Page Viewer was updated.', { mentions: { 'Quill Page Viewer': 'MISC' } }),
    fixtureDoc('z2', 'A flaw in QPV was found.', { mentions: { QPV: 'ORG' } }),
  ]);
  assert.deepEqual(entityNamed(corpus, 'Quill Page Viewer').aliases, ['QPV']);
});

test('a name run into the words of a Title Case headline is the shared name inside it', async () => {
  const corpus = await resolve([
    fixtureDoc('hl1', 'Harbour Kings Hire Tomas Brell\nThe club named him coach.', {
      mentions: { 'Harbour Kings Hire Tomas Brell': 'ORG' },
    }),
    fixtureDoc('hl2', 'Tomas Brell starts on Monday.', { mentions: { 'Tomas Brell': 'PERSON' } }),
    fixtureDoc('hl3', 'Tomas Brell met the board.', { mentions: { 'Tomas Brell': 'PERSON' } }),
    fixtureDoc('hl4', 'Ask Tomas Brell Stores about it, a source said.', { mentions: { 'Tomas Brell Stores': 'ORG' } }),
  ]);
  const brell = entityNamed(corpus, 'Tomas Brell');
  assert.deepEqual(brell.articles, ['hl1', 'hl2', 'hl3']);
  // hl4's line is prose, not a headline: the longer name is another entity.
  assert.notEqual(corpus.docs[3]!.mentions[0]!.entity, brell.id);
});

test('a surname several people share goes to the one named in the articles sharing other names with it', async () => {
  const corpus = await resolve([
    fixtureDoc('s1', 'Ann Doyle led the Tidewater Bureau inquiry.', {
      mentions: { 'Ann Doyle': 'PERSON', 'Tidewater Bureau': 'ORG' },
    }),
    fixtureDoc('s2', 'Tom Doyle won the Varn Marathon.', { mentions: { 'Tom Doyle': 'PERSON', 'Varn Marathon': 'MISC' } }),
    fixtureDoc('s3', 'The Tidewater Bureau said Doyle would testify.', {
      mentions: { 'Tidewater Bureau': 'ORG', Doyle: 'PERSON' },
    }),
    fixtureDoc('s4', 'Doyle said nothing.', { mentions: { Doyle: 'PERSON' } }),
  ]);
  const bare = (id: string): string | null =>
    corpus.docs.find((d) => d.id === id)!.mentions.find((m) => m.text === 'Doyle')!.entity;
  assert.equal(bare('s3'), entityNamed(corpus, 'Ann Doyle').id);
  assert.equal(bare('s4'), 'e-doyle', 'no shared name: left on its own');
});

test('a name of several words typed two ways equally often is still one entity', async () => {
  const corpus = await resolve([
    fixtureDoc('q1', 'Ember Tide sold well.', { mentions: { 'Ember Tide': 'MISC' } }),
    fixtureDoc('q2', 'Critics loved Ember Tide.', { mentions: { 'Ember Tide': 'PERSON' } }),
  ]);
  assert.equal(corpus.entities.length, 1);
});

test('roleHistory gives each role with the first and last publication date and the articles that wrote it', async () => {
  const corpus = await resolve([
    fixtureDoc('h1', 'Deputy Mayor Nilsa Orrin opened the bridge.', {
      mentions: { 'Nilsa Orrin': 'PERSON' },
      published: '2029-04-02',
    }),
    fixtureDoc('h2', 'Mayor Nilsa Orrin closed the market.', { mentions: { 'Nilsa Orrin': 'PERSON' }, published: '2030-01-15' }),
    fixtureDoc('h3', 'Orrin, the mayor of Kestrel Bay, spoke. Mayor Orrin left.', {
      mentions: { Orrin: 'PERSON', 'Kestrel Bay': 'LOC' },
      published: '2030-03-09',
    }),
    fixtureDoc('h4', 'Mayor Nilsa Orrin waved.', { mentions: { 'Nilsa Orrin': 'PERSON' } }),
  ]);
  const orrin = entityNamed(corpus, 'Nilsa Orrin');
  assert.deepEqual(orrin.roleHistory, [
    { role: 'Deputy Mayor', first: '2029-04-02', last: '2029-04-02', articles: ['h1'] },
    { role: 'Mayor', first: '2030-01-15', last: '2030-03-09', articles: ['h2', 'h3', 'h4'] },
    { role: 'mayor of Kestrel Bay', first: '2030-03-09', last: '2030-03-09', articles: ['h3'] },
  ]);
  assert.deepEqual(orrin.roles, ['Mayor', 'Deputy Mayor', 'mayor of Kestrel Bay']);
  assert.deepEqual(entityNamed(corpus, 'Kestrel Bay').roleHistory ?? [], []);
});

test('regression #7: a word ending the previous sentence is not glued to a title', async () => {
  const corpus = await resolve([
    fixtureDoc('g1', 'The truce began in March. Foreign Minister Teodor Valk said it held. As President Valk, he never spoke.', {
      mentions: { 'Teodor Valk': 'PERSON', Valk: 'PERSON' },
    }),
  ]);
  assert.deepEqual(entityNamed(corpus, 'Teodor Valk').roles, ['Foreign Minister', 'President']);
});

test('negative cases: clauses, a given name and a trailing relative clause are not roles', async () => {
  const corpus = await resolve([
    fixtureDoc(
      'g2',
      'Thousands came to see Brannock Fair, the largest crowd since the fair began in 1990. ' +
        'Rep. Sela Imre spoke. Corin Vask, a historian who studied the fair, watched.',
      { mentions: { 'Brannock Fair': 'PERSON', 'Sela Imre': 'PERSON', 'Corin Vask': 'PERSON' } },
    ),
  ]);
  assert.deepEqual(entityNamed(corpus, 'Brannock Fair').roles, []);
  assert.deepEqual(entityNamed(corpus, 'Corin Vask').roles, ['historian']);
  assert.ok(!entityNamed(corpus, 'Sela Imre').roles.some((r) => /Sela/.test(r)));
});

test('#6: a described speaker resolves to the organisation or person it refers back to', async () => {
  const text =
    'The Harbour Safety Authority closed the port. Interior Minister Teodor Valk visited. ' +
    '"The pier is unsafe," the agency said. "We will reopen soon," the minister said. ' +
    'Kestrel Lines runs the ferries. "Sailings resume Monday," the company said.';
  const doc = fixtureDoc('d1', text, {
    mentions: { 'Harbour Safety Authority': 'ORG', 'Teodor Valk': 'PERSON', 'Kestrel Lines': 'ORG' },
    quotes: [
      { text: '"The pier is unsafe,"', speaker: 'the agency' },
      { text: '"We will reopen soon,"', speaker: 'the minister' },
      { text: '"Sailings resume Monday,"', speaker: 'the company' },
    ],
  });
  const [done] = (await resolve([doc])).docs;
  assert.deepEqual(
    done!.quotes.map((q) => q.speaker),
    ['e-harbour-safety-authority', 'e-teodor-valk', 'e-kestrel-lines'],
  );
});

test('#6: "the minister" goes to the minister, not to the nearest person, using roles known from other articles', async () => {
  const corpus = await resolve([
    fixtureDoc('d2', 'Foreign Minister Ilsa Marrow opened the talks.', { mentions: { 'Ilsa Marrow': 'PERSON' } }),
    fixtureDoc('d3', 'Marrow arrived early. Dr. Oren Fisk, a surgeon, met her. "It is settled," the minister said.', {
      mentions: { Marrow: 'PERSON', 'Oren Fisk': 'PERSON' },
      quotes: [{ text: '"It is settled,"', speaker: 'the minister' }],
    }),
  ]);
  assert.equal(corpus.docs[1]!.quotes[0]!.speaker, 'e-ilsa-marrow');
});

test('#6 negative cases: anonymous sources, a place before the head and an unfitting role stay unresolved', async () => {
  const text =
    'Governor Pell Arun met the Tarvish delegation. "No deal yet," a senior official said. ' +
    '"Talks go on," officials said. "We are hopeful," a Tarvish official said. "It was long," the senator said.';
  const doc = fixtureDoc('d4', text, {
    mentions: { 'Pell Arun': 'PERSON', Tarvish: 'MISC' },
    quotes: [
      { text: '"No deal yet,"', speaker: 'a senior official' },
      { text: '"Talks go on,"', speaker: 'officials' },
      { text: '"We are hopeful,"', speaker: 'a Tarvish official' },
      { text: '"It was long,"', speaker: 'the senator' },
    ],
  });
  const [done] = (await resolve([doc])).docs;
  assert.deepEqual(
    done!.quotes.map((q) => q.speaker),
    [null, null, null, null],
  );
});

test('negative cases: lower-case speaker words never match a name elsewhere in the batch', async () => {
  const corpus = await resolve([
    fixtureDoc('d5', 'Who arrived first?', { mentions: { Who: 'PERSON' } }),
    fixtureDoc('d6', 'The mayor, who said "we are ready", left.', { quotes: [{ text: '"we are ready"', speaker: 'who' }] }),
  ]);
  assert.equal(corpus.docs[1]!.quotes[0]!.speaker, null);
});

test('resolveDescriptions: false leaves descriptions to the name lookup', async () => {
  const doc = fixtureDoc('d7', 'The Harbour Safety Authority shut. "Stay away," the agency said.', {
    mentions: { 'Harbour Safety Authority': 'ORG' },
    quotes: [{ text: '"Stay away,"', speaker: 'the agency' }],
  });
  const corpus = await resolveEntities({ resolveDescriptions: false }).run({ docs: [doc], entities: [], stories: [] }, ctx);
  assert.equal(corpus.docs[0]!.quotes[0]!.speaker, null);
});
