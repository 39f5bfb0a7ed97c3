import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../split-sentences.js';
import type { Span } from '../../model/span.js';
import { findIndirectSpeech } from './find-indirect-speech.js';

function reported(text: string, quoted: readonly Span[] = []): { content: string; speaker: string; cue: string }[] {
  return findIndirectSpeech(text, tokenize(text).sentences, { quoted }).map((r) => ({
    content: text.slice(r.content.start, r.content.end),
    speaker: r.attribution ? text.slice(r.attribution.speaker.start, r.attribution.speaker.end) : '',
    cue: r.attribution ? text.slice(r.attribution.cue.start, r.attribution.cue.end) : '',
  }));
}

test('X said that …: the clause from "that" is the content, as attribution corpora mark it', () => {
  assert.deepEqual(reported('Inspector Nadia Feld said that the hull had been patched twice since January.'), [
    { content: 'that the hull had been patched twice since January', speaker: 'Inspector Nadia Feld', cue: 'said' },
  ]);
});

test('X said … without "that", and a time phrase before "that"', () => {
  assert.equal(reported('Okafor said the shelter would stay open through the weekend.')[0]?.content, 'the shelter would stay open through the weekend');
  assert.equal(reported('The ministry said on Tuesday that three roads had reopened.')[0]?.content, 'that three roads had reopened');
});

test('…, officials said.: the source after the clause', () => {
  assert.deepEqual(reported('The ferry had left port with forty more passengers than allowed, officials said.'), [
    { content: 'The ferry had left port with forty more passengers than allowed', speaker: 'officials', cue: 'said' },
  ]);
});

test('no indirect speech where there is a quotation mark, a question, or an object instead of a clause', () => {
  const text = 'Okafor said: “The ward is full.”';
  assert.deepEqual(reported(text, [{ start: text.indexOf('“'), end: text.length }]), []);
  assert.deepEqual(reported('Did the mayor say the bridge was safe?'), []);
  assert.deepEqual(reported('Okafor told reporters about the ward at noon.'), []);
  assert.deepEqual(reported('Okafor added a note of caution about the pumps.'), []);
  assert.deepEqual(reported('In her 2019 memoir, Okafor said.'), []);
});

test('according to X, before or after the clause, also mid-sentence', () => {
  assert.deepEqual(reported('The pump station failed twice last week, according to the utility.'), [
    { content: 'The pump station failed twice last week', speaker: 'the utility', cue: 'according to' },
  ]);
  assert.deepEqual(reported('But according to the harbor log, the ferry left at six.'), [
    { content: 'the ferry left at six', speaker: 'the harbor log', cue: 'according to' },
  ]);
});

test('verbs of view and request: believes, asked whether, endorsed (the object only)', () => {
  assert.equal(reported('Most residents believe the levee will hold.')[0]?.content, 'the levee will hold');
  assert.equal(reported('Okafor asked the council whether the shelter could stay open.')[0]?.content, 'whether the shelter could stay open');
  assert.equal(reported('The council endorsed Mayor Ines Darrow on Thursday, and the vote was close.')[0]?.content, 'Mayor Ines Darrow');
});

test('"…, adding that" and "… and said": the subject of the clause before', () => {
  assert.deepEqual(reported('The ferry operator apologised and said the timetable would change in May.'), [
    { content: 'the timetable would change in May', speaker: 'The ferry operator', cue: 'said' },
  ]);
  const text = '“The levee held,” Mayor Ines Darrow said, adding that the pumps would run all night.';
  assert.deepEqual(reported(text, [{ start: 0, end: text.indexOf(',') + 2 }]).map((r) => r.content), ['that the pumps would run all night']);
});

test('a reported clause stops at the reporter’s next clause', () => {
  assert.equal(
    reported('Okafor said the shelter was full, although the gym stayed open all night.')[0]?.content,
    'the shelter was full',
  );
});

test('no reported clause from a possessive, a relative clause or a bare preposition after the verb', () => {
  assert.deepEqual(reported('Editor’s note: the ferry timetable changed in May.'), []);
  assert.deepEqual(reported('The ferry sank, which the port said was rare.'), []);
  assert.deepEqual(reported('Okafor said in a phone interview.'), []);
  assert.deepEqual(reported('Okafor asked for a blanket.').length, 0);
});

test('a report or the police as the source after the clause', () => {
  assert.equal(reported('The pier had been closed twice since March, the harbour report said.')[0]?.speaker, 'the harbour report');
  assert.equal(reported('Two vans were towed from the square overnight, police said.')[0]?.speaker, 'police');
});

test('any phrase after "according to" is the source', () => {
  assert.deepEqual(reported('According to early tallies kept by volunteers at the depot, most crates arrived late.'), [
    { content: 'most crates arrived late', speaker: 'early tallies kept by volunteers at the depot', cue: 'According to' },
  ]);
});

test('poll subjects and infinitive contents: "two in three said", "declined to say whether"', () => {
  assert.equal(reported('Two in three said they would ride the new tram line.')[0]?.content, 'they would ride the new tram line');
  assert.equal(reported('Okafor declined to say whether the clinic would reopen.')[0]?.content, 'to say whether the clinic would reopen');
});

test('a hedged claim of the writer has no source: "X appears to …"', () => {
  assert.deepEqual(reported('The harbour plan appears to have stalled.'), [{ content: 'The harbour plan appears to have stalled', speaker: '', cue: '' }]);
});

test('a topic after a verb or noun and its preposition: "talked about …"', () => {
  assert.equal(reported('At the depot, the mayor talked about the bus fares, then left.')[0]?.content, 'the bus fares');
});

test('an interview line "NAME: …" is what that person said; a notice label is not', () => {
  assert.equal(reported('OKAFOR: We had no beds left by noon on Friday.')[0]?.speaker, 'OKAFOR');
  assert.deepEqual(reported('Correction: An earlier version misspelled the name of the ward.'), []);
});

test('negative cases: appearing somewhere, a preposition without a stance, a plain object', () => {
  assert.deepEqual(reported('She appeared on the evening news twice.'), []);
  assert.deepEqual(reported('The ferry turned to the north after the storm.'), []);
  assert.deepEqual(reported('Okafor declined the invitation.'), []);
});

test('a subject the source patterns do not know: a phrase with a preposition, or one with a dashed aside', () => {
  assert.equal(reported('People with direct knowledge of the ferry deal said the pier was sold twice.')[0]?.content, 'the pier was sold twice');
  assert.equal(
    reported('The harbour master -- who has run the port for a decade -- said she regretted the delay.')[0]?.content,
    'she regretted the delay',
  );
});

test('"showed" reports what a survey found', () => {
  assert.equal(reported('The harbour survey showed that most ferries ran late in July.')[0]?.content, 'that most ferries ran late in July');
});

test('"that" after a preposition is a determiner, not the start of the reported clause', () => {
  assert.equal(reported('Okafor said the board could come back later with that request.')[0]?.content, 'the board could come back later with that request');
});

test('a sentence the splitter cut inside a party label is read whole', () => {
  assert.equal(reported('Rep. Ines Darrow (D-N.Y.) said the pier would reopen in May.')[0]?.content, 'the pier would reopen in May');
});

test('a clause opening with "And" before a trailing source is still the content', () => {
  assert.equal(
    reported('And the divers also found two more hulls near the breakwater, he said.')[0]?.content,
    'And the divers also found two more hulls near the breakwater',
  );
});

test('a quote of a few words inside the reported clause stays in it', () => {
  const text = 'The board concluded that "top secret" files were kept at the depot.';
  const start = text.indexOf('"');
  assert.equal(reported(text, [{ start, end: text.indexOf('"', start + 1) + 1 }])[0]?.content, 'that "top secret" files were kept at the depot');
});

test('a second verb of the same subject ends the reported clause', () => {
  assert.equal(reported('Okafor said the ward was full and called for more nurses.')[0]?.content, 'the ward was full');
});

test('verbs of discussing and preferring take their object as the content', () => {
  assert.equal(reported('The council discussed the ferry timetable.')[0]?.content, 'the ferry timetable');
  assert.equal(reported('Most commuters prefer the old pier.')[0]?.content, 'the old pier');
});

test('nouns of saying and intending with their clause: "the claim that …", "her decision to …"', () => {
  assert.ok(reported('Okafor rejected the claim that the ward was full.').some((r) => r.content === 'that the ward was full'));
  assert.ok(reported('Her decision to close the pier surprised nobody.').some((r) => r.content.startsWith('to close the pier')));
  assert.ok(reported('The mayor voiced support for the new pier, and the council agreed.').some((r) => r.content === 'the new pier'));
});

test('the question after a subjectless "asked" has no source', () => {
  assert.deepEqual(reported('When asked whether the pier would reopen, Okafor shrugged.'), [{ content: 'whether the pier would reopen', speaker: '', cue: '' }]);
});

test('an attribution set inside its clause: the content on both sides of it', () => {
  assert.deepEqual(
    reported('Whatever the board decides, officials said, the pier will stay shut until June.').map((r) => r.content),
    ['Whatever the board decides', 'the pier will stay shut until June'],
  );
});

test('a pronoun and its auxiliary are a whole clause: "said she would"', () => {
  assert.equal(reported('Darrow said she would.')[0]?.content, 'she would');
});

test('negative cases: "said" as an adjective, a cue word heading the subject, a subject with its appositive', () => {
  assert.deepEqual(reported('The said property was sold in May.'), []);
  assert.deepEqual(reported('They waited in the said hall for an hour.'), []);
  assert.deepEqual(reported('The latest port report warned the pier was unsafe.').map((r) => r.content), ['the pier was unsafe']);
  assert.deepEqual(reported('Okafor, the nurse, said the ward was full.').map((r) => r.content), ['the ward was full']);
  assert.deepEqual(reported('When the mayor arrived, the ferry left.'), []);
});

test('a fronted poll or statement: what follows its comma is the content', () => {
  assert.ok(reported('In the harbour board poll, most pilots were happy with the new pier.').some((r) => r.content === 'most pilots were happy with the new pier'));
  assert.deepEqual(reported('In the harbour at dawn, the pilots slept.'), []);
});

test('a participle phrase the reporter adds after a comma is not part of the reported clause', () => {
  assert.equal(reported('Okafor said the thieves opened forty lockers, often by guessing the codes.')[0]?.content, 'the thieves opened forty lockers');
});

test('"according to X" inside the clause or after a dash: the clause around it', () => {
  assert.deepEqual(
    reported('The old ferry pier, according to the harbour log, was shut twice in May.').map((r) => r.content),
    ['The old ferry pier', 'was shut twice in May'],
  );
  assert.equal(reported('The port had 115 closures — six of them in May — according to the harbour log.')[0]?.content, 'The port had 115 closures — six of them in May');
});

test('a counted object of an object verb is a thing done, not said: "would release 1,200 prisoners" (#6)', () => {
  assert.deepEqual(reported('Under the proposal, the government in Arvenholm would release 1,200 prisoners and the Front would free 118 hostages.'), []);
  assert.deepEqual(reported('Mayor Ilse Varnholt signed 14 bills on Friday.'), []);
  assert.deepEqual(reported('Mayor Ilse Varnholt endorsed Anton Keresz for the harbour board on Friday.'), [
    { content: 'Anton Keresz for the harbour board', speaker: 'Mayor Ilse Varnholt', cue: 'endorsed' },
  ]);
});
