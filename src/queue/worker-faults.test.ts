import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { TEST_DATABASE_URL, postgresUnavailable } from '../storage/postgres-test-support.js';
import { faultHarness } from './fault-test-support.js';

const skip = await postgresUnavailable();
if (skip) console.log(`# skipped worker fault tests: ${skip}`);

const { location, enqueueBatch, startWorker, assertComplete, cleanUp } = faultHarness();
after(() => cleanUp({ dropSchemas: !skip }));

describe('worker faults', { skip: skip ?? false }, () => {
  it('stores every article exactly once after a worker is killed with SIGKILL mid-batch', async () => {
    const where = location();
    await enqueueBatch(where, 'kill', 24, 3);
    const workers = [startWorker(where), startWorker(where), startWorker(where)];
    const victim = workers[0]!;
    await victim.first('article');
    // A worker takes its next job as soon as it saved an article: 30 ms later it is inside the stages.
    await new Promise((resolve) => setTimeout(resolve, 30));
    victim.child.kill('SIGKILL');
    const results = await Promise.all(workers.map((w) => w.done));
    assert.equal(results[0]!.signal, 'SIGKILL');
    for (const survivor of results.slice(1)) assert.equal(survivor.code, 0, survivor.stderr);
    await assertComplete(where, 24);
  });

  it('reconnects and finishes when the database drops every worker connection mid-batch', async () => {
    // A cheap stand-in for a restart that other suites can run beside: this test's
    // backends (store pools and pg-boss alike) are terminated, twice. The real restart
    // is postgres-restart.serial.test.ts, run alone after every other test file.
    const where = location();
    await enqueueBatch(where, 'drop', 24, 3);
    const workers = [startWorker(where), startWorker(where)];
    await Promise.all(workers.map((w) => w.first('article')));
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    let terminated = 0;
    try {
      for (let round = 0; round < 2; round++) {
        const result = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()', [`crosscheck:${where.schema}`]);
        terminated += result.rowCount ?? 0;
        await new Promise((resolve) => setTimeout(resolve, 700));
      }
    } finally {
      await admin.end();
    }
    assert.ok(terminated > 0, 'the workers had connections to terminate');
    const results = await Promise.all(workers.map((w) => w.done));
    for (const result of results) assert.equal(result.code, 0, result.stderr);
    assert.ok(results.some((r) => r.events.some((e) => e.type === 'connection-error')), 'a worker saw its connection drop');
    await assertComplete(where, 24);
  });
});
