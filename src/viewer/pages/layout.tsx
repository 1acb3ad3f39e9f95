import type { Child } from 'hono/jsx';
import { runUrl, episodesUrl } from './format.js';

export type Nav = { runs: string[]; current?: string };

/** The page frame: a bar with every open run, the content, the viewer's script and styles. */
export function Layout(props: { title: string; nav: Nav; children?: Child }) {
  const { nav } = props;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · WebFoundry viewer`}</title>
        <link rel="stylesheet" href="/assets/viewer.css" />
        <script src="/assets/chart.umd.min.js" defer></script>
        <script src="/assets/charts.js" defer></script>
        <script src="/assets/viewer.js" defer></script>
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/">WebFoundry viewer</a>
          <nav aria-label="Runs">
            {nav.runs.map((r) => (
              <a href={runUrl(r)} aria-current={r === nav.current ? 'page' : undefined}>
                {r}
              </a>
            ))}
            {nav.current ? <a href={episodesUrl(nav.current)}>Episodes</a> : null}
            {nav.runs.length === 2 ? <a href={`/compare/${encodeURIComponent(nav.runs[0]!)}/${encodeURIComponent(nav.runs[1]!)}`}>Compare</a> : null}
            <a href="/api/v1">API</a>
          </nav>
        </header>
        <main id="main">{props.children}</main>
      </body>
    </html>
  );
}

export function render(node: unknown): string {
  return `<!doctype html>${String(node)}`;
}
