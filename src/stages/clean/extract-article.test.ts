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

test('a saved page with no date metadata takes the day from its canonical URL', () => {
  const head = '<title>County backs second water plant</title><link rel="canonical" href="https://courier.example/local/2023/11/14/water-plant/">';
  const result = extractArticle(page(head), { now: new Date('2024-06-01') });
  assert.equal(result.published, '2023-11-14');
  assert.equal(result.publishedFrom, 'url');
});

test('a canonical URL without a full day, or with a day after now, gives no date', () => {
  const partial = extractArticle(page('<link rel="canonical" href="https://courier.example/2023/11/water-plant/">'), { now: new Date('2024-06-01') });
  assert.equal(partial.published, null);
  const future = extractArticle(page('<link rel="canonical" href="https://courier.example/2025/01/02/water-plant/">'), { now: new Date('2024-06-01') });
  assert.equal(future.published, null);
});

test('reads the day of a "Posted on" line under the headline when the head has none', () => {
  const body = `<h1>County backs second water plant</h1><div class="post-meta">Posted on October 3, 2023 by <a href="/u/rj">Rosa Janek</a> · 4 min read</div>${paragraphs}`;
  const result = extractArticle(page('', body), { now: new Date('2024-06-01') });
  assert.equal(result.published, '2023-10-03');
  assert.equal(result.publishedFrom, 'text');
});

test('an "Updated" stamp, or a relative phrase in the body, sets no publication day', () => {
  const body = `<div class="post-meta">Updated October 3, 2023</div><p>Crews worked for a second night on the main, which burst two days ago, and the county board voted on a new plant to replace it after years of debate.</p>${paragraphs}`;
  const result = extractArticle(page('', body), { now: new Date('2024-06-01') });
  assert.equal(result.published, null);
});

test('an element with the class "author" is the byline, with or without its "By"', () => {
  const one = extractArticle(page('', `<p class="meta">Reporting by <span class="author vcard"><a href="/a/rj">Rosa Janek</a></span> in Calder</p>${paragraphs}`));
  assert.deepEqual(one.byline, ['Rosa Janek']);
  const two = extractArticle(page('', `<span class="author">By Rosa Janek and Piet Avram</span>${paragraphs}`));
  assert.deepEqual(two.byline, ['Rosa Janek', 'Piet Avram']);
});

test('comment authors and a content farm author box are not the byline', () => {
  const comments = '<ol class="comment-list"><li><span class="author">Dale Whitcomb</span> Great read.</li></ol>';
  const box = '<div class="author-box"><h4>About the author: Kip Marlowe</h4></div>';
  const result = extractArticle(page('', `${paragraphs}${box}${comments}`));
  assert.deepEqual(result.byline, []);
});

test('a clean body from our scorer stands alone: Readability is not run', () => {
  const result = extractArticle(page('<title>Water plant</title>'));
  assert.equal(result.strategy, 'dom-scorer');
  assert.match(result.text, /^The Calder county board voted/);
});

test('a body full of short link lines gets Readability as a second opinion', () => {
  const menu = ['Home', 'Local news', 'Weather', 'Sport', 'Obituaries', 'Contact'].map((item) => `<p><a href="/${item}">${item}</a></p>`).join('');
  const result = extractArticle(page('<title>Water plant</title>', `${menu}${paragraphs}`));
  assert.equal(result.strategy, 'readability');
  assert.ok(result.text.includes('second water treatment plant'));
});

test('alwaysRunReadability asks Readability even about a clean body', () => {
  assert.equal(extractArticle(page('<title>Water plant</title>'), { alwaysRunReadability: true }).strategy, 'readability');
});
