import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeBytes } from './decode-bytes.js';

const html = { input: 'page.html', kind: 'html' } as const;

test('follows a byte order mark before any declaration', () => {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<meta charset="latin1"><p>Ça va</p>', 'utf16le')]);
  const decoded = decodeBytes(utf16, html);
  assert.equal(decoded.text, '<meta charset="latin1"><p>Ça va</p>');
  assert.equal(decoded.from, 'bom');
});

test('prefers the HTTP charset to the meta charset', () => {
  const bytes = Buffer.from('<meta charset="utf-8"><p>K\xf8benhavn</p>', 'latin1');
  const decoded = decodeBytes(bytes, { ...html, contentType: 'text/html; charset="ISO-8859-1"' });
  assert.match(decoded.text, /København/);
  assert.equal(decoded.from, 'http');
});

test('reads the encoding of an XML declaration', () => {
  const bytes = Buffer.from('<?xml version="1.0" encoding="ISO-8859-15"?><rss><channel><title>5\xa4 fare</title></channel></rss>', 'latin1');
  const decoded = decodeBytes(bytes, { input: 'feed.xml', kind: 'xml' });
  assert.match(decoded.text, /5€ fare/);
  assert.equal(decoded.from, 'xml');
});

test('guesses a legacy encoding when undeclared bytes are not UTF-8, with a warning', () => {
  const text = 'Les habitants de l\xeele ont \xe9t\xe9 \xe9vacu\xe9s mardi apr\xe8s la temp\xeate. Le pr\xe9fet a annonc\xe9 la r\xe9ouverture du port.';
  const decoded = decodeBytes(Buffer.from(text, 'latin1'), { input: 'note.txt', kind: 'text' });
  assert.equal(decoded.text, text);
  assert.equal(decoded.from, 'guess');
  assert.match(decoded.warning!, /note\.txt.*a guess/);
});

test('falls back to detection when a declared UTF-8 page is not UTF-8', () => {
  const bytes = Buffer.from('<meta charset="utf-8"><p>Le pr\xe9fet a annonc\xe9 la r\xe9ouverture du port apr\xe8s la temp\xeate.</p>', 'latin1');
  const decoded = decodeBytes(bytes, html);
  assert.match(decoded.text, /préfet a annoncé/);
  assert.match(decoded.warning!, /declares UTF-8 but is not valid UTF-8/);
});

test('ignores an unknown charset label with a warning', () => {
  const decoded = decodeBytes(Buffer.from('<meta charset="x-made-up"><p>Plain</p>'), html);
  assert.equal(decoded.text, '<meta charset="x-made-up"><p>Plain</p>');
  assert.match(decoded.warning!, /unknown charset "x-made-up"/);
});

test('treats control-character noise as binary', () => {
  const noise = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)));
  assert.throws(() => decodeBytes(noise, html), { code: 'INPUT_BINARY' });
});

test('keeps ESC-shifted ISO-2022-JP text, which is not binary', () => {
  const bytes = Buffer.from("\x1b$B%U%'%j!<\x1b(B", 'latin1');
  assert.doesNotThrow(() => decodeBytes(bytes, { input: 'jp.txt', kind: 'text' }));
});
