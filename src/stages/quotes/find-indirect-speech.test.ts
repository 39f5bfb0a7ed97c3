import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../split-sentences.js';
import { findIndirectSpeech } from './find-indirect-speech.js';

function reported(text: string): { content: string; speaker: string; cue: string }[] {
  return findIndirectSpeech(text, tokenize(text).sentences).map((r) => ({
    content: text.slice(r.content.start, r.content.end),
    speaker: text.slice(r.attribution.speaker.start, r.attribution.speaker.end),
    cue: text.slice(r.attribution.cue.start, r.attribution.cue.end),
  }));
}

test('X said that …: the clause after "that" is the content', () => {
  assert.deepEqual(reported('Inspector Nadia Feld said that the hull had been patched twice since January.'), [
    { content: 'the hull had been patched twice since January', speaker: 'Inspector Nadia Feld', cue: 'said' },
  ]);
});

test('X said … without "that", and a time phrase before "that"', () => {
  assert.equal(reported('Okafor said the shelter would stay open through the weekend.')[0]?.content, 'the shelter would stay open through the weekend');
  assert.equal(reported('The ministry said on Tuesday that three roads had reopened.')[0]?.content, 'three roads had reopened');
});

test('…, officials said.: the source after the clause', () => {
  assert.deepEqual(reported('The ferry had left port with forty more passengers than allowed, officials said.'), [
    { content: 'The ferry had left port with forty more passengers than allowed', speaker: 'officials', cue: 'said' },
  ]);
});

test('no indirect speech where there is a quotation mark, a question, or an object instead of a clause', () => {
  assert.deepEqual(reported('Okafor said: “The ward is full.”'), []);
  assert.deepEqual(reported('Did the mayor say the bridge was safe?'), []);
  assert.deepEqual(reported('Okafor told reporters about the ward at noon.'), []);
  assert.deepEqual(reported('Okafor added a note of caution about the pumps.'), []);
  assert.deepEqual(reported('In her 2019 memoir, Okafor said.'), []);
});
