import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, openSync, ftruncateSync, closeSync, copyFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './cli-test-support.js';

// One batch holding every kind of bad input next to a good article: each bad
// one gets one line naming it, the good one is still analysed, and the exit
// code says that something failed.

let dir: string;
let server: Server;
let base: string;
let closedPort: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crosscheck-bad-'));
  copyFileSync('fixtures/cli/mixed/harbour-fire.html', join(dir, 'good.html'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3, 0, 0]));
  // 50 MB without writing 50 MB: a sparse file is refused by size before it is read.
  const fd = openSync(join(dir, 'huge.txt'), 'w');
  ftruncateSync(fd, 50 * 1024 * 1024);
  closeSync(fd);
  writeFileSync(join(dir, 'broken-utf8.txt'), Buffer.concat([Buffer.from('Die Fähre legte am Dienstag ab. '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from(' Alle Passagiere sind wohlauf, sagte die Reederei am Abend.')]));
  writeFileSync(join(dir, 'german.txt'), 'Die Fähre „Morgenstern“ ist am Dienstag vor der Küste von Nordhavn gesunken. Nach Angaben der Küstenwache wurden 212 Menschen gerettet, elf werden noch vermisst. Die Bürgermeisterin sprach von einem schwarzen Tag für die Stadt.');
  writeFileSync(join(dir, 'malformed.html'), '<html><body><div><p>The council met on Monday and voted to rebuild the quay, the mayor said.<p>Work will start in <b>April<i> and take 18 months</div></span></body>');
  writeFileSync(
    join(dir, 'home-page.html'),
    `<html><head><title>The Norrby Courier — Home</title></head><body><nav>${Array.from({ length: 60 }, (_, i) => `<a href="/s/${i}">Story number ${i} about the town</a>`).join(' ')}</nav></body></html>`,
  );
  server = createServer((req, res) => {
    if (req.url === '/slow') return void setTimeout(() => res.end('<p>late</p>'), 5000).unref();
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  // A port that was just free: nothing listens there.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const probeAddress = probe.address();
  closedPort = String(typeof probeAddress === 'object' && probeAddress ? probeAddress.port : 9);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

after(() => {
  server.closeAllConnections();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (args: string[], stdin = '', env: NodeJS.ProcessEnv = {}) => runCli(args, stdin, env);

test('every bad input gets one line naming it while the rest of the batch is analysed', async () => {
  const { code, out, err } = await run(['analyze', dir, `${base}/slow`, `http://127.0.0.1:${closedPort}/gone`, '--json', '--allow-private', '--timeout', '1']);
  assert.equal(code, 1, 'exit code 1: some inputs failed');
  const report = JSON.parse(out) as { articles: { source: string; text: string; language: string }[]; errors: { source: string }[] };
  const lines = err.trim().split('\n');
  const lineFor = (name: string) => lines.filter((l) => l.startsWith(name) || l.includes(`/${name}:`));

  // Refused inputs: one error line each, named, and listed in the report's errors.
  for (const [name, code] of [
    ['empty.txt', 'INPUT_EMPTY'],
    ['binary.html', 'INPUT_BINARY'],
    ['huge.txt', 'INPUT_TOO_LARGE'],
  ] as const) {
    const found = lineFor(name);
    assert.equal(found.length, 1, `one line for ${name}, got ${JSON.stringify(found)}`);
    assert.match(found[0]!, new RegExp(`error ${code}: `));
  }
  assert.match(err, new RegExp(`${base}/slow: error FETCH_FAILED: .*timed out`));
  assert.match(err, new RegExp(`http://127.0.0.1:${closedPort}/gone: error FETCH_FAILED: `));
  assert.equal(report.errors.length, 5);

  // Readable but doubtful inputs: a warning line, and the article is still in the report.
  assert.ok(lineFor('broken-utf8.txt').some((l) => /warning: .*not valid UTF-8/.test(l)), 'broken encoding is flagged');
  assert.ok(lineFor('home-page.html').some((l) => /not-article/.test(l)), 'home page is flagged as not an article');

  const sources = report.articles.map((a) => a.source.split('/').at(-1));
  for (const name of ['good.html', 'broken-utf8.txt', 'german.txt', 'malformed.html', 'home-page.html']) assert.ok(sources.includes(name), `${name} analysed`);
  const german = report.articles.find((a) => a.source.endsWith('german.txt'))!;
  assert.equal(german.language, 'de');
  const malformed = report.articles.find((a) => a.source.endsWith('malformed.html'))!;
  assert.match(malformed.text, /voted to rebuild the quay/);
  assert.match(malformed.text, /take 18 months/);
  const good = report.articles.find((a) => a.source.endsWith('good.html'))!;
  assert.match(good.text, /more than 60 firefighters/);
});

test('a URL to a loopback address is refused unless --allow-private is given', async () => {
  const { code, err } = await run(['analyze', `${base}/slow`, '--json']);
  assert.equal(code, 1);
  assert.match(err, /error FETCH_BLOCKED: .*--allow-private/);
});
