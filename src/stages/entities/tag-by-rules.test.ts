import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Mention } from '../../model/doc.js';
import { tokenize } from '../split-sentences.js';
import { tagByRules, tagByRulesWithBasis } from './tag-by-rules.js';

// The v1 rule tagger on its own; find-mentions.test.ts covers the pipeline's combination with the model.
function mentionsOf(text: string): Mention[] {
  return tagByRules()({ text, ...tokenize(text) });
}

function named(text: string): [string, string][] {
  return mentionsOf(text).map((m) => [m.text, m.type]);
}

test('keeps a military rank as the title, outside the name span', () => {
  const [osei] = mentionsOf('Lt. Gen. Amara Osei said the bridge would reopen.');
  assert.equal(osei?.text, 'Amara Osei');
  assert.equal(osei?.type, 'PERSON');
  assert.equal(osei?.title, 'Lt. Gen.');
});

test('splits an organisation out of a title before a name', () => {
  const text = 'Talks ended when Velmoria Intelligence Agency Director Tomas Brenner arrived.';
  const mentions = mentionsOf(text);
  const person = mentions.find((m) => m.type === 'PERSON');
  assert.equal(person?.text, 'Tomas Brenner');
  assert.equal(person?.title, 'Velmoria Intelligence Agency Director');
  assert.ok(mentions.some((m) => m.text === 'Velmoria Intelligence Agency' && m.type === 'ORG'));
});

test('keeps name particles and hyphenated prefixes inside the name', () => {
  assert.deepEqual(named('The talks were led by Khalid al-Rashed and Pieter van der Berg.'), [
    ['Khalid al-Rashed', 'PERSON'],
    ['Pieter van der Berg', 'PERSON'],
  ]);
});

test('reads accented and hyphenated given names', () => {
  assert.deepEqual(named('Yesterday Jean-Pierre Moulinet met Zoë Ångström in Orvieto.').slice(0, 2), [
    ['Jean-Pierre Moulinet', 'PERSON'],
    ['Zoë Ångström', 'PERSON'],
  ]);
});

test('types acronyms, dotted or not, as organisations', () => {
  const found = named('Agents of the C.I.A. and the FBI questioned him.');
  assert.deepEqual(found, [
    ['C.I.A.', 'ORG'],
    ['FBI', 'ORG'],
  ]);
});

test('keeps "of" inside a ministry name and finds the X Ministry form', () => {
  assert.deepEqual(named('The Ministry of Health in Tarnowel and the Velmorian Finance Ministry disagreed.'), [
    ['Ministry of Health', 'ORG'],
    ['Tarnowel', 'LOC'],
    ['Velmorian Finance Ministry', 'ORG'],
  ]);
});

test('a capitalised common word opening a sentence is not a name', () => {
  assert.deepEqual(named('Officials said the convoy had left.'), []);
  assert.deepEqual(named('Residents fled north.'), []);
});

test('months and days are not entities', () => {
  assert.deepEqual(named('On Monday, in March, the council met again on Friday.'), []);
});

test('leaves a possessive outside the span', () => {
  const text = "Marta Quispe's office confirmed it. Later Quispe’s aide spoke.";
  const mentions = mentionsOf(text);
  assert.equal(mentions[0]?.text, 'Marta Quispe');
  assert.equal(mentions[1]?.text, 'Quispe');
  assert.equal(mentions[1]?.type, 'PERSON');
});

test('a bare surname after the full name is the same person', () => {
  const found = named('Rosalind Okoro-Vance arrived late. Okoro-Vance declined to comment.');
  assert.deepEqual(found, [
    ['Rosalind Okoro-Vance', 'PERSON'],
    ['Okoro-Vance', 'PERSON'],
  ]);
});

test('in a Title Case headline only real names are mentions', () => {
  const found = named('Flood Waters Reach Villages As Kenya Declares Emergency');
  assert.deepEqual(found, [['Kenya', 'LOC']]);
});

test('in an ALL-CAPS line common words are not names', () => {
  const found = named('FLOODS HIT NORTHERN TOWNS AS KENYA DECLARES EMERGENCY');
  assert.deepEqual(found, [['KENYA', 'LOC']]);
});

test('demonyms are MISC and countries LOC', () => {
  assert.deepEqual(named('Several French and Kenyan engineers stayed in Peru.'), [
    ['French', 'MISC'],
    ['Kenyan', 'MISC'],
    ['Peru', 'LOC'],
  ]);
});

test('every mention text equals its span of the text', () => {
  const text = 'Mr. Daniel Ferreira, of the Harlow Street Trust, told Radio Vexal that Sen. Ilse Norberg had left Lisbon.';
  const mentions = mentionsOf(text);
  assert.ok(mentions.length >= 4);
  for (const m of mentions) {
    assert.equal(text.slice(m.start, m.end), m.text);
    assert.equal(m.entity, null);
  }
});

test('finds nothing in text without names', () => {
  assert.deepEqual(named('the water rose slowly and nobody came.'), []);
  assert.deepEqual(named(''), []);
});

test('a name after "the government of" or before "\'s interior minister" is a place, everywhere in the article', () => {
  assert.deepEqual(named('Talks with the government of Moravel resumed. Moravel had refused before.'), [
    ['Moravel', 'LOC'],
    ['Moravel', 'LOC'],
  ]);
  assert.deepEqual(named("Ansgar Tollen, Quelmora's interior minister, said the plan was fair."), [
    ['Ansgar Tollen', 'PERSON'],
    ['Quelmora', 'LOC'],
  ]);
});

test('a lone name whose adjective the article also uses is a place', () => {
  assert.deepEqual(named('The Quelmoran delegation left. Negotiators for Quelmora and the rebels met again.'), [
    ['Quelmora', 'LOC'],
  ]);
});

test('a dateline names a place, and so does the same word later in the article', () => {
  assert.deepEqual(named('ORVINSK, June 4 (Baltic Wire) - Police closed the bridge. Traffic bound for Orvinsk stopped.'), [
    ['ORVINSK', 'LOC'],
    ['Baltic Wire', 'MISC'],
    ['Orvinsk', 'LOC'],
  ]);
});

test('places: "Port X", "X Harbour", "in X said", "back to X", and a name listed after a place', () => {
  assert.deepEqual(named('Boats left Port Alberic for Grannock Harbour at dawn.'), [
    ['Port Alberic', 'LOC'],
    ['Grannock Harbour', 'LOC'],
  ]);
  assert.deepEqual(named('Officials in Tamsworth said the roads would reopen.'), [['Tamsworth', 'LOC']]);
  assert.deepEqual(named('She flew back to Dornsby on Monday.'), [['Dornsby', 'LOC']]);
  assert.deepEqual(named('Lanterns came from Halvik and Dornsby this year.'), [
    ['Halvik', 'LOC'],
    ['Dornsby', 'LOC'],
  ]);
});

test('a ship named after "the" is not a person, nor does it lend a surname', () => {
  const text =
    'The Grey Heron, a 40-metre ferry run by Kestrel Lines, sank. Divers reached the Grey Heron on Friday. Grey Heron survivors spoke.';
  assert.deepEqual(named(text), [
    ['Grey Heron', 'MISC'],
    ['Kestrel Lines', 'ORG'],
    ['Grey Heron', 'MISC'],
    ['Grey Heron', 'MISC'],
  ]);
});

test('a company ending in Lines, Shipping or Logistics is an organisation', () => {
  assert.deepEqual(named('Tarrow Shipping sold two boats to Mensk Logistics and Olbrecht Lines.'), [
    ['Tarrow Shipping', 'ORG'],
    ['Mensk Logistics', 'ORG'],
    ['Olbrecht Lines', 'ORG'],
  ]);
});

test('a lone surname followed by ", the transport minister," is a person', () => {
  assert.deepEqual(named('Delays grew. Pellworth, the transport minister, visited the depot.'), [['Pellworth', 'PERSON']]);
});

test('a hospital named after its town stays one organisation', () => {
  assert.deepEqual(named('Relatives waited at Halvik General Hospital overnight.'), [['Halvik General Hospital', 'ORG']]);
});

test('negative cases: context that does not make a place or a person', () => {
  // "to" alone often precedes a person.
  assert.deepEqual(named('He handed the letter to Morrow on Monday.'), []);
  // An appositive that is not a role ("the capital") does not make a person.
  assert.deepEqual(named('Talks ended. Bramwell, the capital, was quiet.'), []);
  // A surname from a full name still wins over a possessive cue.
  assert.deepEqual(named("Edda Smolt won. Smolt's government fell a year later."), [
    ['Edda Smolt', 'PERSON'],
    ['Smolt', 'PERSON'],
  ]);
  // A lower-case word opening a paragraph before a comma is no dateline.
  assert.deepEqual(named('UNICEF, the children’s agency, sent tents.'), [['UNICEF', 'ORG']]);
});

test('marks a type guessed from the words alone, and not one the context gives', () => {
  const [guess] = mentionsOf('Talks stalled, Brimwold Haskey noted.');
  assert.equal(guess?.guessed, true);
  const [place] = mentionsOf('Talks with the government of Moravel resumed.');
  assert.equal(place?.guessed, undefined);
});

test('says which rule decided each type, and strips that from plain mentions', () => {
  const text = 'The Quelmoran delegation left. Negotiators for Quelmora met Lt. Gen. Amara Osei.';
  const explained = tagByRulesWithBasis()({ text, ...tokenize(text) });
  assert.deepEqual(
    explained.map((m) => [m.text, m.basis]),
    [
      ['Quelmora', 'place-adjective'],
      ['Amara Osei', 'title'],
    ],
  );
  assert.ok(mentionsOf(text).every((m) => !('basis' in m)));
});
