import type { SiteDefinition } from './site-definition.js';

/** The page at http://127.0.0.1:<port>/: every site with a link to its own origin. */
export function portalPage(sites: readonly SiteDefinition[], origin: (id: string) => string): string {
  const page = (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>BookingArena</title>
      </head>
      <body style="font-family:system-ui;max-width:40rem;margin:2rem auto">
        <h1>BookingArena</h1>
        <p>Each site is served at its own origin.</p>
        <ul>
          {sites.map((s) => (
            <li>
              <a href={`${origin(s.id)}/`}>{s.name}</a>
              {` (${s.domain}): ${s.tagline}`}
            </li>
          ))}
        </ul>
      </body>
    </html>
  );
  return `<!doctype html>${page.toString()}`;
}
