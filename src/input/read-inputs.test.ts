import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { CrosscheckError } from '../model/errors.js';
import { fetchUrl } from './fetch-url.js';
import type { InputFailure, InputItem, InputResult } from './input-item.js';
import { readInputs, type ReadInputsOptions } from './read-inputs.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/inputs/', import.meta.url));

interface Collected {
  readonly results: InputResult[];
  readonly items: InputItem[];
  readonly failures: InputFailure[];
  readonly warnings: { source: string; message: string }[];
}

async function collect(specs: readonly string[], options: ReadInputsOptions = {}): Promise<Collected> {
  const warnings: { source: string; message: string }[] = [];
  const results: InputResult[] = [];
  for await (const result of readInputs(specs, { ...options, onWarning: (source, message) => warnings.push({ source, message }) })) {
    results.push(result);
  }
  return {
    results,
    items: results.flatMap((r) => (r.ok ? [r.item] : [])),
    failures: results.flatMap((r) => (r.ok ? [] : [r.failure])),
    warnings,
  };
}

function onlyFailure(collected: Collected): InputFailure {
  assert.equal(collected.results.length, 1, JSON.stringify(collected.results));
  const [failure] = collected.failures;
  assert.ok(failure, `expected a failure, got ${JSON.stringify(collected.results)}`);
  assert.doesNotMatch(failure.message, /\n/, 'failure messages are one line');
  return failure;
}

function onlyItem(collected: Collected): InputItem {
  assert.equal(collected.results.length, 1, JSON.stringify(collected.results));
  const [item] = collected.items;
  assert.ok(item, `expected an article, got ${JSON.stringify(collected.results)}`);
  return item;
}

const ARTICLE = `<!doctype html><html><head><title>Pier repairs begin</title></head><body><article><p>Repairs to the eastern pier began on Wednesday, the harbour authority said.</p></article></body></html>`;

let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosscheck-inputs-'));
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
  return path;
}

describe('files', () => {
  test('reads an HTML file as html with a content-derived id', async () => {
    const path = await file('page.html', ARTICLE);
    const item = onlyItem(await collect([path]));
    assert.equal(item.source, path);
    assert.equal(item.raw.html, ARTICLE);
    assert.equal(item.raw.clean, true);
    assert.match(item.id, /^a-[0-9a-f]{16}$/);
    const again = onlyItem(await collect([await file('copy/page-again.htm', ARTICLE)]));
    assert.equal(again.id, item.id, 'the same content gets the same id');
  });

  test('reports a missing path as INPUT_NOT_FOUND and goes on with the next input', async () => {
    const path = await file('present.txt', 'The ferry left at noon.');
    const { results } = await collect([join(dir, 'absent.html'), path]);
    assert.equal(results.length, 2);
    assert.equal(results[0]!.ok, false);
    assert.equal(!results[0]!.ok && results[0]!.failure.code, 'INPUT_NOT_FOUND');
    assert.match(!results[0]!.ok ? results[0]!.failure.message : '', /absent\.html.*no such file/);
    assert.equal(results[1]!.ok, true);
  });

  test('refuses a binary file with INPUT_BINARY', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const failure = onlyFailure(await collect([await file('photo.html', png)]));
    assert.equal(failure.code, 'INPUT_BINARY');
    assert.match(failure.message, /photo\.html.*PNG/);
    const nul = onlyFailure(await collect([await file('nul.txt', Buffer.from('text\u0000with\u0000nuls'))]));
    assert.equal(nul.code, 'INPUT_BINARY');
  });

  test('refuses an empty or whitespace-only file with INPUT_EMPTY', async () => {
    assert.equal(onlyFailure(await collect([await file('empty.html', '')])).code, 'INPUT_EMPTY');
    assert.equal(onlyFailure(await collect([await file('blank.txt', ' \n\t\n')])).code, 'INPUT_EMPTY');
  });

  test('refuses a 50 MB file with INPUT_TOO_LARGE without reading it', async () => {
    const path = await file('huge.html', '');
    // Sparse: no 50 MB is written, and reading it all would be slow enough to notice.
    await truncate(path, 50 * 1024 * 1024);
    const started = Date.now();
    const failure = onlyFailure(await collect([path]));
    assert.equal(failure.code, 'INPUT_TOO_LARGE');
    assert.match(failure.message, /at most 20 MiB.*found 50 MiB/);
    assert.ok(Date.now() - started < 1000);
  });

  test('decodes invalid UTF-8 with replacement characters and a warning', async () => {
    const bytes = Buffer.concat([Buffer.from('Café owners in Saint-Rémy said the quay was “flooded” '), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from(' again.')]);
    const collected = await collect([await file('broken.txt', bytes)]);
    const item = onlyItem(collected);
    assert.match(item.raw.text!, /^Café owners in Saint-Rémy said the quay was “flooded” \uFFFD\uFFFDA again\.$/);
    assert.equal(collected.warnings.length, 1);
    assert.match(collected.warnings[0]!.message, /not valid UTF-8.*replaced 2/);
  });

  test('reads non-English UTF-8 text unchanged and without warnings', async () => {
    const text = 'Το λιμάνι έκλεισε την Τρίτη. 港は火曜日に閉鎖された。 أغلق الميناء يوم الثلاثاء. Порт закрыт во вторник.';
    const collected = await collect([await file('multilingual.txt', text)]);
    assert.equal(onlyItem(collected).raw.text, text);
    assert.deepEqual(collected.warnings, []);
  });

  test('reads malformed HTML as it is: cleaning it is the next stage', async () => {
    const html = '<html><body><p>Unclosed paragraph <b>bold <i>nested</b> wrong</i><div><p>another';
    const item = onlyItem(await collect([await file('malformed.html', html)]));
    assert.equal(item.raw.html, html);
  });

  test('decodes a Windows-1252 page by its meta charset', async () => {
    const html = '<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body><p>\x93Na\xefve\x94 \x96 the pier\x92s r\xe9sum\xe9 costs 5\x80.</p></body></html>';
    const item = onlyItem(await collect([await file('cp1252.html', Buffer.from(html, 'latin1'))]));
    assert.match(item.raw.html!, /<p>“Naïve” – the pier’s résumé costs 5€\.<\/p>/);
    assert.equal(item.encoding, 'windows-1252 (meta)');
  });

  test('decodes an ISO-8859-1 page declared by http-equiv', async () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head><body><p>Gr\xfc\xdfe aus M\xfcnchen, se\xf1ora.</p></body></html>';
    const item = onlyItem(await collect([await file('latin1.htm', Buffer.from(html, 'latin1'))]));
    assert.match(item.raw.html!, /Grüße aus München, señora\./);
  });

  test('reads a gzipped HTML file', async () => {
    const item = onlyItem(await collect([await file('saved.html.gz', gzipSync(ARTICLE))]));
    assert.equal(item.raw.html, ARTICLE);
  });

  test('refuses a gzip file that decompresses beyond maxBytes', async () => {
    const failure = onlyFailure(await collect([await file('bomb.htm.gz', gzipSync(Buffer.alloc(200_000, 0x61)))], { maxBytes: 50_000 }));
    assert.equal(failure.code, 'INPUT_TOO_LARGE');
    assert.match(failure.message, /decompressed/);
  });

  test('keeps a text file character for character with clean: false', async () => {
    const text = '\uFEFFLine one.\r\n  Line two, indented.\r\n\r\n';
    const item = onlyItem(await collect([await file('verbatim.txt', text)], { clean: false, referenceDate: '2024-02-13' }));
    assert.equal(item.raw.text, text.slice(1), 'only the byte order mark goes');
    assert.equal(item.raw.clean, false);
    assert.equal(item.raw.referenceDate, '2024-02-13');
  });

  test('sniffs a file with an unknown extension named on the command line', async () => {
    assert.ok(onlyItem(await collect([await file('page.php', ARTICLE)])).raw.html);
    assert.ok(onlyItem(await collect([await file('notes.md', '# Notes\nThe pier reopened.')])).raw.text);
    assert.equal(onlyFailure(await collect([await file('scan.pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'))])).code, 'INPUT_BINARY');
  });
});

describe('.jsonl', () => {
  test('reads good lines and reports each bad line with its file and line number', async () => {
    const path = join(FIXTURES, 'articles.jsonl');
    const { results, items, failures } = await collect([path]);
    assert.deepEqual(
      items.map((i) => i.id),
      ['ln-001', 'ln-002', 'ln-006'],
    );
    assert.deepEqual(
      failures.map((f) => [f.source.slice(path.length), f.code]),
      [
        [':3', 'INPUT_FORMAT'],
        [':5', 'INPUT_FORMAT'],
        [':6', 'INPUT_FORMAT'],
        [':7', 'INPUT_FORMAT'],
      ],
    );
    assert.equal(results.length, 7, 'results keep the order of the lines');
    assert.match(failures[0]!.message, /articles\.jsonl:3.*invalid JSON/);
    assert.match(failures[1]!.message, /"text" or an "html"/);
    assert.match(failures[2]!.message, /"published".*YYYY-MM-DD/);
  });

  test('keeps a "clean": false line character for character, with its metadata', async () => {
    const { items } = await collect([join(FIXTURES, 'articles.jsonl')]);
    const [first, second] = items;
    assert.deepEqual(first, {
      id: 'ln-001',
      source: 'ln-001',
      raw: {
        text: 'Ferry crossings resumed on Tuesday.\r\nAbout 1,200 passengers had been stranded.  ',
        title: 'Ferries resume',
        outlet: 'Lanmouth Courier',
        byline: ['Mira Tolvanen'],
        published: '2024-02-13',
        clean: false,
      },
    });
    assert.equal(second!.raw.html, '<p>The bridge closes on Monday.</p>');
    assert.equal(second!.raw.clean, true);
    assert.deepEqual(second!.raw.byline, ['Joss Arkwright', 'Ana Ruiz']);
  });

  test('reports an id used twice as a failure', async () => {
    const path = await file('twice.jsonl', '{"id":"x1","text":"One."}\n{"id":"x1","text":"Two."}\n');
    const { items, failures } = await collect([path]);
    assert.equal(items.length, 1);
    assert.match(failures[0]!.message, /unique .jsonl ids.*"x1"/);
  });
});

describe('folders', () => {
  test('reads a folder recursively in sorted order, skipping hidden and unknown files with warnings', async () => {
    const root = join(dir, 'tree');
    await file('tree/b.txt', 'Story b.');
    await file('tree/a/z.html', '<p>Story a/z.</p>');
    await file('tree/a/m.htm', '<p>Story a/m.</p>');
    await file('tree/c.jsonl', '{"id":"c-1","text":"Story c1."}\n{"id":"c-2","text":"Story c2."}\n');
    await file('tree/.hidden.html', '<p>Secret.</p>');
    await file('tree/.git/config', '[core]');
    await file('tree/photo.jpg', 'not really a photo');
    await file('tree/README.md', '# Notes about this folder');
    await file('tree/A-upper.txt', 'Story A.');
    await symlink(root, join(root, 'a', 'loop'));
    const { items, warnings, failures } = await collect([root]);
    assert.deepEqual(failures, []);
    assert.deepEqual(
      items.map((i) => (i.source.startsWith(root) ? i.source.slice(root.length + 1) : i.source)),
      ['A-upper.txt', 'a/m.htm', 'a/z.html', 'b.txt', 'c-1', 'c-2'],
    );
    assert.deepEqual(
      warnings.map((w) => w.source.slice(root.length + 1)).sort(),
      ['.git', '.hidden.html', 'a/loop', 'photo.jpg'],
    );
    assert.match(warnings.find((w) => w.source.endsWith('photo.jpg'))!.message, /skipped: expected \.html/);
  });

  test('skips a second copy of the same content with a warning', async () => {
    await file('dupes/one.html', ARTICLE);
    await file('dupes/two.html', ARTICLE);
    const { items, warnings } = await collect([join(dir, 'dupes')]);
    assert.equal(items.length, 1);
    assert.match(warnings[0]!.message, /same content as .*one\.html/);
  });
});

describe('URLs and feeds', () => {
  let server: Server;
  let base: string;
  let port: number;
  const cp1252 = Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>\x93Quoted\x94 caf\xe9.</p></body></html>', 'latin1');

  function route(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', base);
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void => {
      response.writeHead(status, { 'content-type': type, ...headers });
      response.end(body);
    };
    const redirect = /^\/redirect\/(\d+)$/.exec(url.pathname);
    if (redirect) {
      const n = Number(redirect[1]);
      response.writeHead(302, { location: n === 0 ? '/article' : `/redirect/${n - 1}` });
      response.end();
      return;
    }
    switch (url.pathname) {
      case '/article':
        return send(200, 'text/html; charset=utf-8', ARTICLE);
      case '/plain':
        return send(200, 'text/plain', 'Plain report: the pier reopened.');
      case '/cp1252':
        return send(200, 'text/html', cp1252);
      case '/latin1-header':
        return send(200, 'text/html; charset=iso-8859-1', Buffer.from('<p>M\xfcnchen</p>', 'latin1'));
      case '/gzip':
        return send(200, 'text/html', gzipSync(ARTICLE), { 'content-encoding': 'gzip' });
      case '/br':
        return send(200, 'text/html', brotliCompressSync(Buffer.from(ARTICLE)), { 'content-encoding': 'br' });
      case '/gzip-bomb':
        return send(200, 'text/html', gzipSync(Buffer.alloc(500_000, 0x61)), { 'content-encoding': 'gzip' });
      case '/png':
        return send(200, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      case '/not-found':
        return send(404, 'text/html', 'gone');
      case '/slow':
        // Never answers; the server closes this connection when the test ends.
        return;
      case '/to-private':
        response.writeHead(301, { location: `http://127.0.0.2:${port}/article` });
        response.end();
        return;
      case '/stories/harbour-bridge':
        void readFile(join(FIXTURES, 'pages/harbour-bridge.html')).then((body) => send(200, 'text/html', body));
        return;
      case '/feed.rss':
        void readFile(join(FIXTURES, 'feeds/news.rss')).then((body) => send(200, 'application/rss+xml', body));
        return;
      case '/feed.atom':
        // Served as plain XML: the root element tells it is a feed.
        void readFile(join(FIXTURES, 'feeds/news.atom')).then((body) => send(200, 'application/xml', body));
        return;
      default:
        return send(404, 'text/plain', 'not here');
    }
  }

  before(async () => {
    server = createServer(route);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });

  after(() => {
    server.closeAllConnections();
    server.close();
  });

  const local: ReadInputsOptions = { allowPrivate: true, timeoutMs: 2000 };

  test('fetches a page and records the final URL after redirects', async () => {
    const spec = `${base}/redirect/2`;
    const item = onlyItem(await collect([spec], local));
    assert.equal(item.source, spec);
    assert.equal(item.raw.url, `${base}/article`);
    assert.equal(item.raw.html, ARTICLE);
  });

  test('reads a text/plain response as text', async () => {
    assert.equal(onlyItem(await collect([`${base}/plain`], local)).raw.text, 'Plain report: the pier reopened.');
  });

  test('decodes gzip and brotli responses', async () => {
    // Read apart: together the second would be skipped as a copy of the first.
    assert.equal(onlyItem(await collect([`${base}/gzip`], local)).raw.html, ARTICLE);
    assert.equal(onlyItem(await collect([`${base}/br`], local)).raw.html, ARTICLE);
  });

  test('decodes a response by its meta charset, or by the HTTP charset', async () => {
    const { items } = await collect([`${base}/cp1252`, `${base}/latin1-header`], local);
    assert.match(items[0]!.raw.html!, /“Quoted” café\./);
    assert.match(items[1]!.raw.html!, /München/);
    assert.equal(items[1]!.encoding, 'windows-1252 (http)');
  });

  test('refuses a response that decompresses beyond maxBytes', async () => {
    assert.equal(onlyFailure(await collect([`${base}/gzip-bomb`], { ...local, maxBytes: 100_000 })).code, 'INPUT_TOO_LARGE');
  });

  test('refuses a non-text content type before reading it', async () => {
    const failure = onlyFailure(await collect([`${base}/png`], local));
    assert.equal(failure.code, 'INPUT_FORMAT');
    assert.match(failure.message, /found image\/png/);
  });

  test('reports an HTTP error status as FETCH_FAILED', async () => {
    assert.match(onlyFailure(await collect([`${base}/not-found`], local)).message, /HTTP 404/);
  });

  test('reports an unreachable URL as FETCH_FAILED', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const failure = onlyFailure(await collect([`http://127.0.0.1:${closedPort}/`], local));
    assert.equal(failure.code, 'FETCH_FAILED');
    assert.match(failure.message, /refused/);
  });

  test('reports a host name that does not resolve as FETCH_FAILED', async () => {
    const failure = onlyFailure(await collect(['http://no-such-outlet.invalid/story'], { timeoutMs: 2000 }));
    assert.equal(failure.code, 'FETCH_FAILED');
  });

  test('gives up on a slow URL after the timeout', async () => {
    const started = Date.now();
    const failure = onlyFailure(await collect([`${base}/slow`], { ...local, timeoutMs: 300 }));
    assert.equal(failure.code, 'FETCH_FAILED');
    assert.match(failure.message, /timed out after 0\.3s/);
    assert.ok(Date.now() - started < 1500);
  });

  test('blocks loopback targets unless allowPrivate, by literal and by resolved name', async () => {
    const literal = onlyFailure(await collect([`${base}/article`]));
    assert.equal(literal.code, 'FETCH_BLOCKED');
    assert.match(literal.message, /127\.0\.0\.1 is a loopback, private or link-local address/);
    const named = onlyFailure(await collect([`http://localhost:${port}/article`]));
    assert.equal(named.code, 'FETCH_BLOCKED');
    assert.match(named.message, /localhost resolves to/);
    assert.ok(onlyItem(await collect([`http://localhost:${port}/article`], local)).raw.html);
  });

  test('re-checks the address on every redirect', async () => {
    // Only the test server's own address is allowed: the redirect to another loopback address must be refused.
    await assert.rejects(fetchUrl(`${base}/to-private`, { addressPolicy: (a) => a === '127.0.0.1', timeoutMs: 2000 }), (error: Error & { code?: string }) => {
      assert.equal(error.code, 'FETCH_BLOCKED');
      assert.match(error.message, /127\.0\.0\.2/);
      return true;
    });
  });

  test('refuses non-web URL schemes', async () => {
    assert.equal(onlyFailure(await collect(['file:///etc/hostname'])).code, 'FETCH_BLOCKED');
  });

  test('stops after maxRedirects redirects', async () => {
    // /redirect/N answers N + 1 redirects before the article.
    assert.ok(onlyItem(await collect([`${base}/redirect/4`], local)));
    const failure = onlyFailure(await collect([`${base}/redirect/5`], local));
    assert.equal(failure.code, 'FETCH_FAILED');
    assert.match(failure.message, /more than 5 redirects/);
    assert.equal(onlyFailure(await collect([`${base}/redirect/0`], { ...local, maxRedirects: 0 })).code, 'FETCH_FAILED');
  });

  test('reads an RSS feed: full bodies kept, short ones replaced by the linked page, dead links reported', async () => {
    const spec = `${base}/feed.rss`;
    const { results, items, failures, warnings } = await collect([spec], local);
    assert.equal(results.length, 3);
    const [full, fetched] = items;
    assert.equal(full!.source, `${base}/stories/ferry-resumes`);
    assert.equal(full!.feed, spec);
    assert.match(full!.raw.html!, /^<p>Ferry crossings .* pier & its ramps\.<\/p>/);
    assert.equal(full!.raw.title, 'Ferry service resumes after storm');
    assert.deepEqual(full!.raw.byline, ['Mira Tolvanen']);
    assert.equal(full!.raw.published, '2024-02-13', 'the date as written, not shifted to UTC');
    assert.equal(fetched!.raw.url, `${base}/stories/harbour-bridge`);
    assert.match(fetched!.raw.html!, /About 9,000 vehicles/);
    assert.deepEqual(fetched!.raw.byline, ['Joss Arkwright']);
    assert.equal(fetched!.raw.published, '2024-02-14');
    assert.equal(failures[0]!.source, `${base}/stories/missing`);
    assert.equal(failures[0]!.code, 'FETCH_FAILED');
    assert.deepEqual(warnings, []);
  });

  test('reads an Atom feed served as application/xml, resolving relative links', async () => {
    const { items } = await collect([`${base}/feed.atom`], local);
    const [xhtml, fetched] = items;
    assert.match(xhtml!.raw.html!, /^<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml"><p>The island council now puts/);
    assert.equal(xhtml!.raw.url, `${base}/stories/storm-estimate`);
    assert.equal(xhtml!.raw.published, '2024-02-13');
    assert.deepEqual(xhtml!.raw.byline, ['Ines Varga']);
    assert.match(fetched!.raw.html!, /About 9,000 vehicles/);
  });

  test('reads a feed file, keeping a short summary when its link cannot be fetched', async () => {
    // The file's channel link (courier.example) is the base for its items' links: that host is not ours
    // to call, so an injected fetch stands in for an unreachable network.
    const offline = async (url: string): Promise<never> => {
      throw new CrosscheckError('FETCH_FAILED', `could not fetch "${url}": offline in this test`);
    };
    const { items, failures, warnings } = await collect([join(FIXTURES, 'feeds/news.rss')], { fetch: offline });
    assert.equal(items.length, 2);
    assert.equal(items[1]!.raw.url, 'https://courier.example/stories/harbour-bridge');
    assert.ok(items[1]!.raw.html!.includes('<b>three weeks</b>'));
    assert.equal(failures.length, 1);
    assert.ok(warnings.some((w) => /kept the feed's short summary/.test(w.message)));
  });
});
