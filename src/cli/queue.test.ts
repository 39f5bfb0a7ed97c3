import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from './cli-test-support.js';
import { dropSchemas, postgresUnavailable, TEST_DATABASE_URL, testSchemaName } from '../storage/postgres-test-support.js';

// The scale-out path end to end through the CLI: enqueue, one worker drains
// the queue, the stories are read back from PostgreSQL.
const unavailable = await postgresUnavailable();
const schema = testSchemaName();
const db = `${TEST_DATABASE_URL}?schema=${schema}`;

after(async () => {
  if (!unavailable) await dropSchemas([schema, `${schema}_queue`]);
});

const run = (args: string[], stdin = '', env: NodeJS.ProcessEnv = {}) => runCli(args, stdin, env);

test('ingest --queue, then a worker, stores every article once and groups them', { skip: unavailable ?? false, timeout: 120_000 }, async () => {
  const first = await run(['ingest', 'fixtures/cli/mixed', '--queue', '--db', db]);
  assert.equal(first.code, 0, first.err);
  assert.match(first.err, /2 queued, 0 already stored, 0 already queued, 0 failed/);
  const again = await run(['ingest', 'fixtures/cli/mixed', '--queue', '--db', db]);
  assert.match(again.err, /0 queued, 0 already stored, 2 already queued, 0 failed/);

  const worker = await run(['worker', '--db', db, '--exit-when-idle']);
  assert.equal(worker.code, 0, worker.err);
  assert.match(worker.err, /worker stopped: 2 added/);

  const stories = await run(['stories', '--db', db, '--json']);
  assert.equal(stories.code, 0, stories.err);
  const ids = (JSON.parse(stories.out).stories as { articles: string[] }[]).flatMap((s) => s.articles);
  assert.equal(ids.length, 2);

  const letters = await run(['dead-letters', '--db', db]);
  assert.equal(letters.out.trim(), 'no dead letters');
  const resubmitted = await run(['ingest', 'fixtures/cli/mixed', '--queue', '--db', db]);
  assert.match(resubmitted.err, /0 queued, 2 already stored/);
});
