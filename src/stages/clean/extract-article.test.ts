import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from './extract-article.js';

const paragraphs = [
  'The Calder county board voted on Thursday to build a second water treatment plant, ending a debate that had lasted more than two years.',
  'The plant will cost about 38 million dollars and should open in 2027, according to the county engineer, Mira Solberg, who presented the plan.',
  'Residents of the northern villages have complained for years about low water pressure during the summer months, when demand peaks.',
  'Two board members voted against the plan, saying the county should first repair leaking pipes, which lose a fifth of the water pumped.',
].map((p) => `<p>${p}</p>`).join('\n');

function page(head: string, body = paragraphs): string {
  return `<!doctype html><html><head>${head}</head><body><article>${body}</article></body></html>`;
}

test('refuses HTML over the size cap with an error and no text', () => {
  const result = extractArticle(page('<title>x</title>'), { maxHtmlChars: 100 });
  assert.equal(result.text, '');
  assert.equal(result.strategy, 'refused');
  assert.equal(result.messages[0]?.rule, 'clean/too-large');
  assert.equal(result.messages[0]?.severity, 'error');
});

test('prefers the published date over the modified one, and never a date after now', () => {
  const head =
    '<meta property="article:modified_time" content="2024-05-02"><meta property="article:published_time" content="2024-05-01T09:00:00Z">';
  assert.equal(extractArticle(page(head), { now: new Date('2024-06-01') }).published, '2024-05-01');
  const future = extractArticle(page('<meta property="article:published_time" content="2031-01-01">'), { now: new Date('2024-06-01'), url: 'https://x.example/2024/05/30/water' });
  assert.equal(future.published, '2024-05-30');
  assert.equal(future.publishedFrom, 'url');
});

test('strips the site name from the title and falls back on the host name for the outlet', () => {
  const result = extractArticle(page('<title>County backs second water plant | Calder Courier</title>'), { url: 'https://www.caldercourier.example/a' });
  assert.equal(result.title, 'County backs second water plant');
  assert.equal(result.outlet, 'caldercourier.example');
});

test('a JSON-LD author is the byline; a reading time or the site name is not', () => {
  const ld = '<script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"Mira Solberg"},"datePublished":"2024-04-02"}</script>';
  const good = extractArticle(page(ld), { now: new Date('2024-06-01') });
  assert.deepEqual(good.byline, ['Mira Solberg']);
  assert.equal(good.publishedFrom, 'json-ld');
  const junk = extractArticle(page('<meta name="author" content="5 Minute Read"><meta property="og:site_name" content="Calder Courier">'));
  assert.deepEqual(junk.byline, []);
  assert.ok(junk.messages.some((m) => m.rule === 'clean/junk-byline'));
});

test('paragraphs are separated by a blank line and list items by one line break', () => {
  const result = extractArticle(page('', `${paragraphs}<ul><li>North plant: 2027</li><li>South plant: 2031</li></ul>`));
  assert.match(result.text, /pressure during the summer months, when demand peaks\.\n\nTwo board/);
  assert.match(result.text, /North plant: 2027\nSouth plant: 2031/);
});

test('rescues a page whose text sits in bare paragraphs', () => {
  const result = extractArticle(`<html><body>${paragraphs}</body></html>`);
  assert.ok(result.text.includes('second water treatment plant'));
  assert.notEqual(result.strategy, 'empty');
});

test('an empty page gives no text and an error, not an exception', () => {
  const result = extractArticle('<html><body></body></html>');
  assert.equal(result.text, '');
  assert.ok(result.messages.some((m) => m.rule === 'clean/no-text' && m.severity === 'error'));
});
