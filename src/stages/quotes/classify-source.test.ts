import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifySource, isCarried, isCarrier } from './classify-source.js';

const alone = { after: '', earlier: '' };

test('a proper name is a named source, with or without a title, role or organisation article', () => {
  for (const phrase of [
    'Okafor',
    'Ms. Okafor',
    'the Health Ministry',
    'the Rev. Peter Wherry',
    'harbour board chair Ana Ruiz',
    'Mr. Morgan of the Sierra Club',
  ]) {
    assert.equal(classifySource(phrase, alone), 'named', phrase);
  }
});

test('personal pronouns are pronoun sources', () => {
  for (const phrase of ['he', 'She', 'they', 'we']) assert.equal(classifySource(phrase, alone), 'pronoun', phrase);
});

test('a definite description is a nominal source', () => {
  for (const phrase of ['the minister', 'the ministry', 'the group', 'her spokesman', 'the ferry operator']) {
    assert.equal(classifySource(phrase, alone), 'nominal', phrase);
  }
});

test('indefinite, counted and bare plural sources are anonymous', () => {
  for (const phrase of [
    'a senior U.S. official',
    'officials',
    'Officials',
    'Survivors',
    'Passengers',
    'two people familiar with the talks',
    'sources',
    'a person close to the family',
    'several diplomats',
    'Israeli officials',
    'one harbour pilot',
  ]) {
    assert.equal(classifySource(phrase, alone), 'anonymous', phrase);
  }
});

test('an anonymity clause after a definite source makes it anonymous', () => {
  assert.equal(
    classifySource('the official', {
      after: ', who spoke on condition of anonymity because the talks are private,',
      earlier: '',
    }),
    'anonymous',
  );
  assert.equal(classifySource('the aide', { after: ', who asked not to be named,', earlier: '' }), 'anonymous');
});

test('"the official" that points back to an unnamed one stays anonymous, one that points back to a named one is nominal', () => {
  assert.equal(
    classifySource('the official', { after: '', earlier: 'A senior official briefed reporters at the port.\n\n' }),
    'anonymous',
  );
  assert.equal(
    classifySource('the official', { after: '', earlier: 'Ana Ruiz, a transport official, toured the port.\n\n' }),
    'nominal',
  );
});

test('a document speaks for whoever the phrase says issued it', () => {
  assert.equal(classifySource('a statement from the Harbour Authority', alone), 'named');
  assert.equal(classifySource('A Kestrel Institute poll', alone), 'named');
  assert.equal(classifySource('the statement', alone), 'nominal');
});

test('banners, signs, slogans and recorded messages are carriers, not sources', () => {
  for (const phrase of ['one banner', 'the signs', 'a placard', 'a recorded message', 'an automated announcement']) {
    assert.ok(isCarrier(phrase), phrase);
    assert.equal(classifySource(phrase, alone), 'unattributed', phrase);
  }
  assert.equal(classifySource(null, alone), 'unattributed');
});

test('words before or after a quote tell when it is written or chanted', () => {
  assert.ok(isCarried('Protesters held signs reading ', ''));
  assert.ok(isCarried('A banner over the gate read: ', ''));
  assert.ok(isCarried('The crowd chanted ', ''));
  assert.ok(isCarried('', ' the crowd chanted as the council met.'));
  assert.ok(!isCarried('Okafor said: ', ''));
  assert.ok(!isCarried('', ' Okafor said.'));
});

// Negative cases: words that look like sources and are not, and names that look like roles.
test('a surname that is a common noun is still a name', () => {
  assert.equal(classifySource('Tomas Official', alone), 'named');
  assert.equal(classifySource('Dana Sources', alone), 'named');
});

test('"the source of the river" is not an anonymous source', () => {
  assert.notEqual(classifySource('the source of the river', alone), 'anonymous');
});

test('a sign that is a verb does not make a quote carried', () => {
  assert.ok(!isCarried('The mayor will sign the order and said: ', ''));
  assert.ok(!isCarrier('the harbour master'));
});

test('a loose subject that cannot say anything is no source', () => {
  assert.equal(classifySource('a meandering mountain stream', { ...alone, loose: true }), 'unattributed');
  assert.equal(classifySource('the election', { ...alone, loose: true }), 'unattributed');
  assert.equal(classifySource('critics', { ...alone, loose: true }), 'anonymous');
  assert.equal(classifySource('Okafor this week', { ...alone, loose: true }), 'named');
});

test('a name with a lower-case particle is named', () => {
  assert.equal(classifySource('Khalil al-Mansouri', { ...alone, loose: true }), 'named');
});
