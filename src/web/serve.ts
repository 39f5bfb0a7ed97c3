import type { Server } from 'node:http';
import { serve as serveNode } from '@hono/node-server';
import type { Store } from '../storage/store.js';
import { createApp, type AppOptions } from './app.js';

export interface ServeOptions extends AppOptions {
  /** 0 picks a free port. */
  readonly port?: number;
  /** Loopback by default: the UI has no authentication. */
  readonly host?: string;
}

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves the web UI and API until `close()`; the store stays open (the caller owns it). */
export function serve(
  store: Store,
  { port = 8080, host = '127.0.0.1', ...appOptions }: ServeOptions = {},
): Promise<RunningServer> {
  const app = createApp(store, appOptions);
  return new Promise((resolve, reject) => {
    const server = serveNode({ fetch: app.fetch, port, hostname: host }, (info) => {
      server.off('error', reject);
      const shownHost = info.address.includes(':') ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            // Keep-alive connections would hold close() open for their idle timeout.
            (server as Server).closeAllConnections?.();
          }),
      });
    }) as Server;
    server.once('error', reject);
  });
}
