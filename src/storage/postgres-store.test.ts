import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { isCrosscheckError } from '../model/errors.js';
import { openPostgresStore, parsePostgresLocation, type PostgresStore } from './postgres-store.js';
import { contractDoc, runStoreContract } from './store-contract.js';
import { TEST_DATABASE_URL, dropSchemas, postgresUnavailable, testSchemaName } from './postgres-test-support.js';
import type { Corpus } from '../model/story.js';

const skip = await postgresUnavailable();
if (skip) console.log(`# skipped PostgreSQL store tests: ${skip}`);

const schemas = new Set<string>();
const shared = new Map<string, string>();
after(() => (skip ? undefined : dropSchemas(schemas)));

function schemaFor(key?: string): string {
  if (key !== undefined && shared.has(key)) return shared.get(key)!;
  const schema = testSchemaName();
  schemas.add(schema);
  if (key !== undefined) shared.set(key, schema);
  return schema;
}

if (!skip) {
  runStoreContract('PostgreSQL', (key) => openPostgresStore(TEST_DATABASE_URL, { schema: schemaFor(key) }));

  describe('PostgreSQL store', () => {
    let store: PostgresStore;
    before(async () => {
      store = await openPostgresStore(TEST_DATABASE_URL, { schema: schemaFor() });
    });
    after(() => store.close());

    it('applies migrations once when many handles open a new schema at the same moment', async () => {
      const schema = schemaFor();
      const stores = await Promise.all(Array.from({ length: 6 }, () => openPostgresStore(TEST_DATABASE_URL, { schema })));
      await Promise.all(stores.map((s) => s.close()));
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        const rows = await client.query(`select version from ${pg.escapeIdentifier(schema)}.migrations`);
        assert.deepEqual(rows.rows, [{ version: 1 }]);
      } finally {
        await client.end();
      }
    });

    it('serializes regroups: a regroup waiting on the lock sees the article saved while it waited', async () => {
      const other = await openPostgresStore(TEST_DATABASE_URL, { schema: store.schema });
      try {
        await store.saveArticle(contractDoc('r1'));
        const oneStory = (docs: readonly { id: string }[]): Corpus => ({
          docs: [],
          entities: [],
          stories: [{ id: 's-all', title: 'All', articles: docs.map((d) => d.id), timeline: [], quotes: [], discrepancies: [] }],
        });
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let firstStarted!: () => void;
        const started = new Promise<void>((resolve) => (firstStarted = resolve));
        const first = store.regroupStories(async (docs) => {
          firstStarted();
          await held;
          return oneStory(docs);
        });
        await started;
        // Saved while the first regroup holds the lock and before the second asks for it.
        await other.saveArticle(contractDoc('r2'));
        const second = other.regroupStories(async (docs) => oneStory(docs));
        release();
        await Promise.all([first, second]);
        assert.deepEqual((await store.getStory('s-all'))?.articles, ['r1', 'r2']);
      } finally {
        await other.close();
      }
    });

    it('reads the schema from the URL and refuses names that are not plain identifiers', () => {
      assert.deepEqual(parsePostgresLocation('postgres://u@h:5432/db?schema=news_1'), { connectionString: 'postgres://u@h:5432/db', schema: 'news_1' });
      assert.equal(parsePostgresLocation('postgres://u@h/db').schema, 'public');
      assert.throws(() => parsePostgresLocation('postgres://u@h/db?schema=x;drop'), (error) => isCrosscheckError(error) && error.code === 'USAGE');
    });

    it('reports an unreachable server as a store error without the password', async () => {
      await assert.rejects(openPostgresStore('postgres://ana:s3cret@127.0.0.1:1/test'), (error) => {
        assert.ok(isCrosscheckError(error));
        assert.equal(error.code, 'STORE_FAILED');
        assert.ok(!error.message.includes('s3cret'), error.message);
        return true;
      });
    });
  });
}
