import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newDoc } from '../model/doc.js';
import { detectLanguage, languageOf } from './detect-language.js';

const ctx = { now: new Date('2024-06-01') };

test('detects English and German articles', () => {
  assert.equal(languageOf('The river rose two metres overnight and the mayor ordered the old town to be evacuated before dawn.'), 'en');
  assert.equal(languageOf('Der Fluss stieg über Nacht um zwei Meter, und der Bürgermeister ordnete die Räumung der Altstadt an.'), 'de');
});

test('says und when the text is too short to tell', () => {
  assert.equal(languageOf('Hola'), 'und');
  assert.equal(languageOf(''), 'und');
  assert.equal(languageOf('12345 67890 !!!'), 'und');
});

test('adds an info message for a non-English article only', async () => {
  const german = { ...newDoc('de', 'de', { clean: false }), text: 'Der Fluss stieg über Nacht um zwei Meter, und der Bürgermeister ordnete die Räumung der Altstadt an.' };
  const out = await detectLanguage().run(german, ctx);
  assert.equal(out.language, 'de');
  assert.equal(out.messages[0]?.severity, 'info');
  const english = { ...newDoc('en', 'en', { clean: false }), text: 'The river rose two metres overnight and the mayor ordered the old town to be evacuated before dawn.' };
  assert.deepEqual((await detectLanguage().run(english, ctx)).messages, []);
});
