import { readFileSync, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

/** The fixture folders the servers serve: our playground pages and the third-party page suite. */
export const FIXTURES = resolve(import.meta.dirname, '../fixtures');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.txt': 'text/plain' };

/** Extra routes a test adds (redirects, slow answers); return false to fall through to the files. */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;

export type StaticServer = {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  origin: string;
  port: number;
  /** Request paths seen, in order. */
  hits: string[];
  /** An absolute URL of a fixture path, e.g. url('pages/playground.html'). */
  url(path: string): string;
  close(): Promise<void>;
};

/**
 * A static file server on 127.0.0.1:0 over test/fixtures, for browser tests: the env refuses
 * file: URLs, so fixture pages are served over http like any page. `host` picks the name the
 * origin uses (127.0.0.1 or localhost: two different sites to Chromium, so an iframe from one
 * inside the other runs out of process).
 */
export async function startStaticServer(opts: { routes?: Route[]; host?: '127.0.0.1' | 'localhost'; root?: string } = {}): Promise<StaticServer> {
  const root = opts.root ?? FIXTURES;
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://fixture.invalid');
      hits.push(url.pathname + url.search);
      for (const r of opts.routes ?? []) if (await r(req, res, url)) return;
      const file = normalize(join(root, decodeURIComponent(url.pathname)));
      if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(readFileSync(file));
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${opts.host ?? '127.0.0.1'}:${port}`;
  return {
    origin,
    port,
    hits,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
