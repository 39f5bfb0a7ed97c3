import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newDoc, type Doc, type Mention } from '../model/doc.js';
import { findMentions } from './find-mentions.js';
import { committedNerModelVersion } from './entities/perceptron/tag-by-model.js';
import { tokenize } from './split-sentences.js';

// One stage for the file: the model loads once.
const stage = findMentions();

function docOf(text: string): Doc {
  return { ...newDoc('t', 't', { text, clean: false }), text, ...tokenize(text) };
}

function mentionsOf(text: string): Mention[] {
  return [...(stage.run(docOf(text), { now: new Date() }) as Doc).mentions];
}

function named(text: string): [string, string][] {
  return mentionsOf(text).map((m) => [m.text, m.type]);
}

test('names the trained model in the stage version (issue #5)', () => {
  assert.equal(stage.version, `2+${committedNerModelVersion()}`);
  assert.equal(findMentions({ tagger: () => [] }).version, '2+custom');
  assert.equal(findMentions({ tagger: () => [], taggerVersion: 'mine-1' }).version, '2+mine-1');
});

test('finds people, places and organisations with the model, spans into the text', () => {
  const text = 'Amara Osei, the chief executive of Bellhaven Shipping Corp, flew to London on Tuesday.';
  assert.deepEqual(named(text), [
    ['Amara Osei', 'PERSON'],
    ['Bellhaven Shipping Corp', 'ORG'],
    ['London', 'LOC'],
  ]);
  for (const m of mentionsOf(text)) {
    assert.equal(text.slice(m.start, m.end), m.text);
    assert.equal(m.entity, null);
  }
});

test('takes titles from the rules, outside the name span', () => {
  const [osei] = mentionsOf('Lt. Gen. Amara Osei said the bridge would reopen.');
  assert.equal(osei?.text, 'Amara Osei');
  assert.equal(osei?.type, 'PERSON');
  assert.equal(osei?.title, 'Lt. Gen.');
});

test("the rules' document evidence types the name: a ship after \"the\", \"Port X\", a place named by its adjective", () => {
  assert.deepEqual(named('The Grey Heron, a 40-metre ferry run by Kestrel Lines, sank.'), [
    ['Grey Heron', 'MISC'],
    ['Kestrel Lines', 'ORG'],
  ]);
  assert.ok(named('Boats left Port Alberic at dawn.').some(([text, type]) => text === 'Port Alberic' && type === 'LOC'));
  const places = named('The Quelmoran delegation left. Negotiators for Quelmora and the rebels met again.');
  assert.ok(places.some(([text, type]) => text === 'Quelmora' && type === 'LOC'));
});

test('in a Title Case headline only real names are mentions', () => {
  assert.deepEqual(named('Flood Waters Reach Villages As Kenya Declares Emergency'), [['Kenya', 'LOC']]);
});

test('leaves out a lone unseen word the model types ORG from its context alone', () => {
  assert.deepEqual(named('The rebels met Quendor and the Free Valley Movement.'), [['Free Valley Movement', 'ORG']]);
});

test('negative cases: no names, and known or cued lone words stay', () => {
  assert.deepEqual(named('the water rose slowly and nobody came.'), []);
  assert.deepEqual(named(''), []);
  assert.deepEqual(named('Officials said the convoy had left.'), []);
  // Seen in the training text: not an unseen guess.
  assert.ok(named('The report was first carried by Reuters on Monday.').some(([text, type]) => text === 'Reuters' && type === 'ORG'));
});

test('does not change the input document', () => {
  const doc = docOf('Amara Osei left.');
  const out = stage.run(doc, { now: new Date() }) as Doc;
  assert.equal(doc.mentions.length, 0);
  assert.notEqual(out, doc);
});

test('uses the tagger it is given', () => {
  const tagger = () => [{ start: 0, end: 4, text: 'Amar', type: 'ORG' as const, entity: null }];
  const doc: Doc = { ...newDoc('t', 't', { text: 'Amara', clean: false }), text: 'Amara' };
  const out = findMentions({ tagger }).run(doc, { now: new Date() }) as Doc;
  assert.equal(out.mentions[0]?.type, 'ORG');
});
