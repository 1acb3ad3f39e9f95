import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { EnvironmentError } from '../core/errors.js';
import { RunRegistry } from './run-registry.js';
import { createViewerApp } from './viewer-app.js';

export type Viewer = { url: string; port: number; registry: RunRegistry; close(): Promise<void> };

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Serves the viewer on the loopback interface only. Requests naming another host are refused
 * (a web page elsewhere cannot rebind a name to this port and read the runs).
 */
export async function startViewer(o: { runs: readonly string[]; port?: number }): Promise<Viewer> {
  const registry = new RunRegistry(o.runs);
  const app = createViewerApp(registry);
  const fetch = (req: Request): Response | Promise<Response> => {
    const host = (req.headers.get('host') ?? '').replace(/:\d+$/, '').toLowerCase();
    if (!LOOPBACK_NAMES.has(host)) return new Response(`The viewer answers only on 127.0.0.1 or localhost, not ${host || 'an empty Host'}.`, { status: 403 });
    return app.fetch(req);
  };
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch, port: o.port ?? 0, hostname: '127.0.0.1' }, () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) => reject(new EnvironmentError(`cannot listen on 127.0.0.1:${o.port ?? 0}: ${err.code ?? err.message}`, { cause: err, hint: 'choose another --port, or 0 for any free one' })));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    registry,
    close: () =>
      new Promise<void>((resolve) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => {
          registry.close();
          resolve();
        });
      }),
  };
}
