import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDescription, resolveDescription, type Antecedent } from './resolve-description.js';

test('reads definite descriptions with their head, class and modifiers', () => {
  assert.deepEqual(readDescription('the ministry'), {
    kind: 'definite',
    head: 'ministry',
    headClass: 'org',
    modifiers: [],
    complement: false,
  });
  assert.deepEqual(readDescription('The Interior minister'), {
    kind: 'definite',
    head: 'minister',
    headClass: 'person',
    modifiers: ['Interior'],
    complement: false,
  });
  assert.deepEqual(readDescription('the head of the port authority'), {
    kind: 'definite',
    head: 'head',
    headClass: 'person',
    modifiers: [],
    complement: true,
  });
  assert.equal(readDescription('the draft')?.kind, 'definite');
  assert.equal((readDescription('the draft') as { headClass: string }).headClass, 'other');
});

test('reads indefinite, numbered, bare plural and definite plural people as anonymous', () => {
  for (const words of [
    'a senior official',
    'An aide',
    'two officials',
    'officials',
    'provincial officials',
    'the mediators',
    'some people',
  ])
    assert.equal(readDescription(words)?.kind, 'anonymous', words);
  assert.deepEqual(readDescription('a spokesman for the Harbour Board'), { kind: 'anonymous', complement: true });
});

test('negative cases: names, pronouns, possessives and things are no description', () => {
  for (const words of [
    'The Red Lantern Society',
    'the NMSA',
    'Ilse Varga',
    'she',
    'its negotiator',
    'who',
    'a Kestrel Times poll',
    'bakers',
  ])
    assert.equal(readDescription(words), null, words);
});

const person = (start: number, entity: string, roles: string[], knownRoles: string[] = [], sentence = 0): Antecedent => ({
  start,
  end: start + 5,
  type: 'PERSON',
  entity,
  nameWords: [entity],
  roles,
  knownRoles,
  sentence,
});
const org = (start: number, entity: string, name: string, sentence = 0): Antecedent => ({
  start,
  end: start + name.length,
  type: 'ORG',
  entity,
  nameWords: name.toLowerCase().split(' '),
  roles: [],
  knownRoles: [],
  sentence,
});
const at = (start: number, sentence = 5) => ({ start, end: start + 10, sentence });
const text = ' '.repeat(400);

test('a person description goes to the nearest person whose role has its head and narrowing modifiers', () => {
  const people = [
    person(10, 'e-orrin', ['Interior Minister']),
    person(50, 'e-valk', ['Foreign Minister']),
    person(90, 'e-dray', ['Vice President']),
  ];
  assert.equal(resolveDescription(readDescription('the minister')!, at(200), text, people), 'e-valk');
  assert.equal(resolveDescription(readDescription('the interior minister')!, at(200), text, people), 'e-orrin');
  assert.equal(resolveDescription(readDescription('the former minister')!, at(200), text, people), 'e-valk');
  // Negative cases: no role fits, "president" is not "Vice President", a later mention is no antecedent.
  assert.equal(resolveDescription(readDescription('the health minister')!, at(200), text, people), null);
  assert.equal(resolveDescription(readDescription('the president')!, at(200), text, people), null);
  assert.equal(resolveDescription(readDescription('the minister')!, at(5), text, people), null);
});

test('a role known from other articles counts after the roles written in this one', () => {
  const people = [person(10, 'e-orrin', ['Governor']), person(50, 'e-valk', [], ['governor'])];
  assert.equal(resolveDescription(readDescription('the governor')!, at(200), text, people), 'e-orrin');
  assert.equal(resolveDescription(readDescription('the governor')!, at(200), text, [people[1]!]), 'e-valk');
  assert.equal(resolveDescription(readDescription('the governor')!, at(200), text, [person(10, 'e-sen', ['Sen.'])]), null);
  assert.equal(resolveDescription(readDescription('the senator')!, at(200), text, [person(10, 'e-sen', ['Sen.'])]), 'e-sen');
});

test('an organisation description goes to the nearest organisation whose name answers to its head', () => {
  const orgs = [
    org(10, 'e-harbour', 'Harbour Safety Authority'),
    org(60, 'e-ferries', 'Bellmoor Ferries'),
    org(100, 'e-ministry', 'Ministry of Ports'),
  ];
  assert.equal(resolveDescription(readDescription('the agency')!, at(200), text, orgs), 'e-harbour');
  assert.equal(resolveDescription(readDescription('the ministry')!, at(200), text, orgs), 'e-ministry');
  assert.equal(resolveDescription(readDescription('the company')!, at(200, 0), text, orgs), 'e-ministry');
  // Negative cases (undefined: left to the name lookup): "the group" looks only a few sentences back; a capitalised modifier must be in the name.
  assert.equal(resolveDescription(readDescription('the group')!, at(200, 9), text, orgs), undefined);
  assert.equal(resolveDescription(readDescription('the Corvenian ministry')!, at(200), text, orgs), undefined);
});

test('a name set off right after the description is the one meant', () => {
  const words = 'The governor, Mirela Tadesse, said';
  const people = [person(0, 'e-other', ['Governor']), person(14, 'e-tadesse', [])];
  assert.equal(
    resolveDescription(readDescription('The governor')!, { start: 0, end: 12, sentence: 0 }, words, people),
    'e-tadesse',
  );
});

test('negative cases: anonymous people stay unresolved unless an organisation is named in or after them', () => {
  const orgs = [org(10, 'e-harbour', 'Harbour Safety Authority')];
  assert.equal(resolveDescription(readDescription('a senior official')!, at(200), text, orgs), null);
  assert.equal(resolveDescription(readDescription('officials')!, at(200), text, orgs), null);
  assert.equal(
    resolveDescription(readDescription('a spokesman for the Harbour Safety Authority')!, at(200), text, orgs),
    undefined,
  );
  assert.equal(resolveDescription(readDescription('a Harbour Safety Authority official')!, at(5), text, orgs), undefined);
});
