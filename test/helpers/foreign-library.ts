import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A "foreign" web site for `explore --url` tests: a small public-library catalogue that is not
 * one of ours (no state API, no reset endpoint, no schema we know), written as plain HTML and a
 * little JavaScript: a search form, a results list (with a client-side "available only" filter),
 * a detail page per book, and a reservation form (checked in the page, then posted) with a
 * confirmation. Reservations live in the server's memory, as a real site's would.
 */

const BOOKS = [
  { id: 'hobbit', title: 'The Hobbit', author: 'J. R. R. Tolkien', year: 1937, available: true },
  { id: 'fellowship', title: 'The Fellowship of the Ring', author: 'J. R. R. Tolkien', year: 1954, available: false },
  { id: 'silmarillion', title: 'The Silmarillion', author: 'J. R. R. Tolkien', year: 1977, available: true },
  { id: 'pride', title: 'Pride and Prejudice', author: 'Jane Austen', year: 1813, available: true },
  { id: 'emma', title: 'Emma', author: 'Jane Austen', year: 1815, available: true },
  { id: 'dune', title: 'Dune', author: 'Frank Herbert', year: 1965, available: false },
];

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)} - Riverside Library</title></head><body><header><a href="/">Riverside Library</a></header><main>${body}</main></body></html>`;

const searchForm = (q = '') => `<form action="/search" method="get" role="search"><label>Title or author <input name="q" value="${esc(q)}"></label> <button type="submit">Search</button></form>`;

export type ForeignLibrary = { origin: string; reservations: { book: string; name: string; email: string; reference: string }[]; close(): Promise<void> };

export async function startForeignLibrary(): Promise<ForeignLibrary> {
  const reservations: ForeignLibrary['reservations'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://library.invalid');
    const send = (status: number, html: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    };
    const book = (id: string) => BOOKS.find((b) => b.id === id);
    if (url.pathname === '/') return send(200, page('Catalogue', `<h1>Find a book</h1>${searchForm()}<p><a href="/hours">Opening hours</a></p>`));
    if (url.pathname === '/hours') return send(200, page('Opening hours', '<h1>Opening hours</h1><p>Monday to Saturday, 9:00 to 18:00.</p><p><a href="/">Back to catalogue</a></p>'));
    if (url.pathname === '/broken') return send(500, page('Error', '<h1>Internal error</h1>'));
    if (url.pathname === '/search') {
      const q = (url.searchParams.get('q') ?? '').trim().toLowerCase();
      const found = BOOKS.filter((b) => q && (b.title.toLowerCase().includes(q) || b.author.toLowerCase().includes(q)));
      const items = found.map((b) => `<li data-available="${b.available}"><a href="/book/${b.id}">${esc(b.title)}</a> by ${esc(b.author)} (${b.year})${b.available ? '' : ' - on loan'}</li>`).join('');
      const filter = `<label><input type="checkbox" id="avail"> Available only</label><script>document.getElementById('avail').addEventListener('change', (e) => { for (const li of document.querySelectorAll('li[data-available]')) li.hidden = e.target.checked && li.dataset.available !== 'true'; });</script>`;
      return send(200, page(`Results for ${q}`, `<h1>${found.length} results for "${esc(q)}"</h1>${searchForm(q)}${filter}<ul>${items}</ul>`));
    }
    const detail = /^\/book\/([a-z]+)$/.exec(url.pathname);
    if (detail) {
      const b = book(detail[1]!);
      if (!b) return send(404, page('Not found', '<h1>No such book</h1>'));
      return send(200, page(b.title, `<h1>${esc(b.title)}</h1><p>${esc(b.author)}, ${b.year}</p><p>${b.available ? 'Available' : 'On loan'}</p>${b.available ? `<p><a href="/reserve/${b.id}">Reserve this book</a></p>` : ''}<p><a href="/">Back to catalogue</a></p>`));
    }
    const reserve = /^\/reserve\/([a-z]+)$/.exec(url.pathname);
    if (reserve && req.method === 'GET') {
      const b = book(reserve[1]!);
      if (!b) return send(404, page('Not found', '<h1>No such book</h1>'));
      return send(
        200,
        page(
          `Reserve ${b.title}`,
          `<h1>Reserve ${esc(b.title)}</h1><form method="post" id="f" novalidate><label>Full name <input name="name"></label><br><label>Email <input name="email"></label><br><p id="err" role="alert"></p><button type="submit">Reserve</button></form><script>document.getElementById('f').addEventListener('submit', (e) => { const email = e.target.email.value; if (!e.target.name.value.trim() || !email.includes('@')) { e.preventDefault(); document.getElementById('err').textContent = 'Enter your name and a valid email.'; } });</script>`,
        ),
      );
    }
    if (reserve && req.method === 'POST') {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(raw);
        const reference = `RL-${String(reservations.length + 1).padStart(4, '0')}`;
        reservations.push({ book: reserve[1]!, name: form.get('name') ?? '', email: form.get('email') ?? '', reference });
        send(200, page('Reserved', `<h1>Reserved</h1><p>${esc(book(reserve[1]!)?.title ?? '')} is held for ${esc(form.get('name') ?? '')}. Reference ${reference}.</p><p><a href="/">Back to catalogue</a></p>`));
      });
      return;
    }
    send(404, page('Not found', '<h1>Not found</h1>'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    reservations,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
