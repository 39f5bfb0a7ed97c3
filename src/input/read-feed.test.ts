import assert from 'node:assert/strict';
import { test } from 'node:test';
import { looksLikeFeed, readFeed } from './read-feed.js';

test('recognises feeds by their root element, after a declaration, comments and a doctype', () => {
  assert.equal(looksLikeFeed('<?xml version="1.0"?>\n<!-- generated --><rss version="2.0"><channel/></rss>'), true);
  assert.equal(looksLikeFeed('\uFEFF<feed xmlns="http://www.w3.org/2005/Atom"></feed>'), true);
  assert.equal(looksLikeFeed('<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"></rdf:RDF>'), true);
  assert.equal(looksLikeFeed('<!DOCTYPE html><html><body>An article about an RSS <feed></body></html>'), false);
  assert.equal(looksLikeFeed('<?xml version="1.0"?><sitemap/>'), false);
});

test('reads an RSS 1.0 (RDF) feed whose items sit beside the channel', () => {
  const feed = readFeed(
    `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://gazette.example/"><title>Island Gazette</title><link>https://gazette.example/</link></channel>
  <item rdf:about="https://gazette.example/a"><title>Ferry &#8220;back&#8221;</title><link>https://gazette.example/a</link>
    <description>Ferries &amp;amp; buses run again.</description><dc:date>2024-02-12T22:10:00+01:00</dc:date><dc:creator>Lea Brandt</dc:creator></item>
</rdf:RDF>`,
  );
  assert.equal(feed.format, 'rdf');
  assert.equal(feed.title, 'Island Gazette');
  assert.deepEqual(feed.items, [
    {
      title: 'Ferry “back”',
      url: 'https://gazette.example/a',
      published: '2024-02-12',
      byline: ['Lea Brandt'],
      html: 'Ferries &amp; buses run again.',
      guid: null,
    },
  ]);
});

test('turns Atom text content into escaped HTML and resolves links against the base URL', () => {
  const feed = readFeed(
    `<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Herald</title>
<entry><title>Tide &lt;warning&gt;</title><link rel="self" href="/self"/><link rel="alternate" href="stories/tide"/>
<content type="text">High tide at 6 &lt; 7 pm.</content><updated>2024-02-14T01:00:00Z</updated></entry></feed>`,
    'https://herald.example/feeds/all.atom',
  );
  const [entry] = feed.items;
  assert.equal(entry!.title, 'Tide <warning>');
  assert.equal(entry!.url, 'https://herald.example/feeds/stories/tide');
  assert.equal(entry!.html, '<p>High tide at 6 &lt; 7 pm.</p>');
  assert.equal(entry!.published, '2024-02-14');
});

test('uses a permalink guid when an RSS item has no link, and reads two-digit years', () => {
  const feed = readFeed(
    `<rss version="2.0"><channel><title>Wire</title><item><guid>https://wire.example/s/1</guid><title>Short</title><pubDate>Mon, 5 Feb 24 10:00:00 GMT</pubDate></item></channel></rss>`,
  );
  assert.equal(feed.items[0]!.url, 'https://wire.example/s/1');
  assert.equal(feed.items[0]!.published, '2024-02-05');
  assert.equal(feed.items[0]!.html, null);
});

test('refuses a document that is not a feed', () => {
  assert.throws(() => readFeed('<?xml version="1.0"?><urlset><url/></urlset>'), { code: 'INPUT_FORMAT' });
});

test('does not expand entities declared in a DOCTYPE', () => {
  const feed = readFeed(
    `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>`,
  );
  assert.equal(feed.title, '&b;');
});
