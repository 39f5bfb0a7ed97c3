import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './cli-test-support.js';
import { validateReport } from '../report/validate-report.js';

const run = (args: string[], stdin = '', env: NodeJS.ProcessEnv = {}) => runCli(args, stdin, env);

const mixed = 'fixtures/cli/mixed';

test('analyze --json on a folder of HTML and text prints a schema-valid report with exact spans', async () => {
  const { code, out, err } = await run(['analyze', mixed, '--json', '--published', '2025-09-18']);
  assert.equal(code, 0, err);
  const report = JSON.parse(out);
  assert.equal(report.articles.length, 2);
  assert.deepEqual(validateReport(report), []);
  const html = report.articles.find((a: { source: string }) => a.source.endsWith('harbour-fire.html'));
  assert.match(html.text, /more than 60 firefighters/);
  assert.doesNotMatch(html.text, /Make \$500 a day/);
});

test('analyze without --json prints a readable summary', async () => {
  const { code, out } = await run(['analyze', mixed]);
  assert.equal(code, 0);
  assert.match(out, /2 article\(s\)/);
});

test('a bad input gets one line naming it, the rest of the batch goes on, and the exit code is 1', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));
  try {
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.html'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 0, 7, 0]));
    const { code, out, err } = await run(['analyze', mixed, dir, '--json']);
    assert.equal(code, 1);
    const report = JSON.parse(out);
    assert.equal(report.articles.length, 2);
    assert.equal(report.errors.length, 2);
    assert.match(err, /empty\.txt: error INPUT_EMPTY: /);
    assert.match(err, /binary\.html: error INPUT_BINARY: /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a missing path is reported and exits 1', async () => {
  const { code, err } = await run(['analyze', 'no/such/folder', '--json']);
  assert.equal(code, 1);
  assert.match(err, /no\/such\/folder: error INPUT_NOT_FOUND/);
});

test('an invalid --published is a usage error (exit 2) saying what was expected', async () => {
  const { code, err } = await run(['analyze', mixed, '--published', '18/09/2025']);
  assert.equal(code, 2);
  assert.match(err, /--published: expected a date as YYYY-MM-DD, got "18\/09\/2025"/);
});

test('an unknown command is a usage error', async () => {
  const { code } = await run(['frobnicate']);
  assert.equal(code, 2);
});

test('ingest twice stores each article once, then stories and story read the store', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));
  const db = join(dir, 'store.db');
  try {
    const first = await run(['ingest', mixed, '--db', db]);
    assert.equal(first.code, 0, first.err);
    assert.match(first.err, /2 added, 0 already stored, 0 failed/);
    const second = await run(['ingest', mixed, '--db', db]);
    assert.match(second.err, /0 added, 2 already stored, 0 failed; 2 articles in/);

    const listed = await run(['stories', '--db', db, '--json']);
    assert.equal(listed.code, 0, listed.err);
    const { stories } = JSON.parse(listed.out);
    assert.ok(stories.length >= 1);
    assert.deepEqual(stories.flatMap((s: { articles: string[] }) => s.articles).sort().length, 2);

    const shown = await run(['story', stories[0].id, '--db', db, '--json']);
    assert.equal(shown.code, 0);
    assert.equal(JSON.parse(shown.out).id, stories[0].id);

    const missing = await run(['story', 'no-such-story', '--db', db]);
    assert.equal(missing.code, 4);
    assert.match(missing.err, /no story "no-such-story"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CROSSCHECK_DATABASE_URL selects the store when --db is absent', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));
  try {
    const { code, err } = await run(['ingest', join(mixed, 'harbour-fire.html')], '', { CROSSCHECK_DATABASE_URL: join(dir, 'env.db') });
    assert.equal(code, 0, err);
    assert.match(err, /env\.db: 1 added/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('tag --format conll appends one predicted tag to every token line', async () => {
  const conll = '-DOCSTART- -X- -X- O\n\nAnnika NNP B-NP B-PER\nRydell NNP I-NP I-PER\nspoke VBD B-VP O\n. . O O\n\n';
  const { code, out } = await run(['tag', '--format', 'conll'], conll);
  assert.equal(code, 0);
  const lines = out.split('\n').filter((l) => l.trim());
  assert.equal(lines.length, 5);
  for (const line of lines) assert.match(line, / (O|[BI]-(PER|ORG|LOC|MISC))$/);
  assert.ok(lines[1]!.startsWith('Annika NNP B-NP B-PER '));
});

test('tag rejects an unknown format', async () => {
  const { code, err } = await run(['tag', '--format', 'json'], '');
  assert.equal(code, 2);
  assert.match(err, /expected "conll"/);
});

test('watch ingests a feed file and, on the next poll, stores nothing twice', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));
  try {
    const { code, err } = await run(['watch', 'fixtures/cli/feed.rss', '--db', join(dir, 'w.db'), '--interval', '1', '--rounds', '2']);
    assert.equal(code, 0, err);
    const [first, second] = err.split('\n').filter((l) => l.includes(' added, '));
    assert.match(first!, /: 2 added, 0 already stored, 0 failed/);
    assert.match(second!, /: 0 added, 2 already stored, 0 failed/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the job-queue commands ask for a PostgreSQL store when given SQLite', async () => {
  for (const args of [['ingest', mixed, '--queue', '--db', 'x.db'], ['worker', '--db', 'x.db'], ['dead-letters', '--db', 'x.db']]) {
    const { code, err } = await run(args);
    assert.equal(code, 2, args.join(' '));
    assert.match(err, /needs a PostgreSQL store, got "x\.db"; pass --db postgres:\/\//);
  }
});

test('serve on a port already in use says so in one line (exit 2)', async () => {
  const { createServer } = await import('node:net');
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as { port: number }).port;
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));
  try {
    const { code, err } = await run(['serve', '--db', join(dir, 's.db'), '--port', String(port)]);
    assert.equal(code, 2);
    assert.match(err, new RegExp(`port ${port} on 127.0.0.1 is already in use; stop what is using it or pass --port N`));
  } finally {
    blocker.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
