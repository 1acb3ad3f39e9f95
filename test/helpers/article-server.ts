import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { articlePath, listPath, type KnowledgeGraph } from '../../src/knowledge/index.js';

/**
 * A bare guide over HTTP on port 0 for the crawler's tests: a home page linking each type's
 * list, lists linking articles, each article linking what it links to and what links to it. It
 * follows the guide's URL scheme (articlePath, listPath) and nothing of its looks; the real guide
 * (src/knowledge) replaces it where it is served.
 */
export async function startArticleServer(g: KnowledgeGraph, perList = 40): Promise<{ origin: string; close(): Promise<void>; requests: () => number }> {
  let requests = 0;
  const page = (title: string, links: string[]) =>
    `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1><ul>${links.map((l) => `<li><a href="${l}">${l}</a></li>`).join('')}</ul><a href="https://elsewhere.example/">out</a></body></html>`;
  const server: Server = createServer((req, res) => {
    requests++;
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    let html: string | undefined;
    if (path === '/') html = page('Guide', g.types().map((t) => listPath(t)));
    else if (path.startsWith('/list/')) html = page(path, g.ofType(path.slice(6) as never).slice(0, perList).map((e) => articlePath(e.id)));
    else if (path.startsWith('/wiki/')) {
      const [, , type, key] = path.split('/');
      const e = g.find(`${type}:${key}`);
      if (e) html = page(e.name, [...e.links.map((l) => articlePath(l.to)), ...g.backlinks(e.id).slice(0, 30).map((b) => articlePath(b.from))]);
    }
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, requests: () => requests, close: () => new Promise((r) => server.close(() => r())) };
}
