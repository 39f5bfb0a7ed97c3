import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../storage/open-store.js';
import { serve } from './serve.js';

describe('serve', () => {
  it('answers over HTTP on loopback and stops on close', async () => {
    const store = await openStore(':memory:');
    const server = await serve(store, { port: 0 });
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${server.url}/api/health`);
      assert.equal(response.status, 200);
      assert.equal(((await response.json()) as { status: string }).status, 'ok');
    } finally {
      await server.close();
      await store.close();
    }
    await assert.rejects(fetch(`${server.url}/api/health`));
  });
});
