import type { Child } from 'hono/jsx';
import { APP_JS, siteCss } from '../../sites/engine/assets.js';
import type { Theme } from '../../sites/engine/site-definition.js';
import { HelpChat, HelpChatButton } from '../../sites/engine/views/chrome/help-chat.js';
import { Newsletter } from '../../sites/engine/views/chrome/newsletter.js';
import type { FaqEntry } from '../../sites/engine/chrome/texts.js';

/** One knowledge site's look and words: the guide or the search engine. */
export type WebSite = {
  id: 'guide' | 'search';
  name: string;
  tagline: string;
  theme: Theme;
  /** Where the header's search box sends its query (a URL on this or another origin). */
  searchAction: string;
  searchLabel: string;
  nav: { href: string; text: string }[];
  faq: FaqEntry[];
  newsletterPitch: string;
};

export type Crumb = { href?: string; text: string };

/** Rules of the knowledge sites on top of the booking sites' shared stylesheet. */
const KNOWLEDGE_CSS = `
.kw-skip{position:absolute;left:-999px}.kw-skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:10}
.kw-search{display:flex;gap:6px;align-items:center;flex-wrap:wrap}.kw-search input{min-width:16em}
.kw-crumbs ol{list-style:none;display:flex;flex-wrap:wrap;gap:6px;padding:0;margin:8px 16px}.kw-crumbs li+li:before{content:"›";margin-right:6px;color:var(--muted)}
.kw-article{display:grid;grid-template-columns:minmax(0,1fr) 320px;gap:24px}.kw-article>.kw-body{min-width:0}
@media (max-width:900px){.kw-article{grid-template-columns:1fr}}
.kw-infobox{border:1px solid #ccd;background:var(--surface);border-radius:var(--radius);padding:8px;font-size:.92em;align-self:start}
.kw-infobox caption{font-weight:700;padding:6px;font-size:1.1em}.kw-infobox th{text-align:left;vertical-align:top;padding:3px 6px;width:45%}.kw-infobox td{padding:3px 6px}
.kw-toc{border:1px solid #dde;padding:8px 16px;display:inline-block;background:var(--surface)}.kw-toc ol{margin:4px 0}
.kw-cols{columns:3 14em}.kw-cols li{break-inside:avoid}
.kw-book a{display:inline-block;margin:4px 8px 4px 0}
.kw-portal{display:grid;grid-template-columns:repeat(auto-fill,minmax(16em,1fr));gap:16px}
.kw-result{margin:0 0 18px}.kw-result h2{font-size:1.1em;margin:0}.kw-result cite{color:#1a7f37;font-style:normal;font-size:.9em;display:block}.kw-result p{margin:4px 0}
.kw-pages ol{list-style:none;display:flex;gap:6px;flex-wrap:wrap;padding:0}.kw-pages a,.kw-pages span{padding:4px 9px;border:1px solid #ccd;border-radius:4px;display:inline-block}
.kw-tabs ul{list-style:none;display:flex;gap:10px;flex-wrap:wrap;padding:0}.kw-tabs [aria-current]{font-weight:700;text-decoration:none}
.kw-aside{border-top:1px solid #dde;margin-top:24px;padding-top:8px}
mark{background:#fff3a3}
`;

export function knowledgeCss(site: WebSite): string {
  return `${siteCss(site.theme)}\n${KNOWLEDGE_CSS}`;
}

export { APP_JS };

/** The page around a knowledge site's content: header with search, breadcrumbs, main, extras, footer, help chat. */
export function Shell(props: { site: WebSite; title: string; crumbs?: Crumb[]; query?: string; extras?: Child; children?: Child }) {
  const { site } = props;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} | ${site.name}`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        <script src="/assets/app.js" defer></script>
      </head>
      <body class={`kw kw-${site.id}`}>
        <a class="kw-skip" href="#main">
          Skip to content
        </a>
        <header class="topbar">
          <a class="brand" href="/">
            {site.name}
          </a>
          <span class="tagline">{site.tagline}</span>
          <form class="kw-search" role="search" method="get" action={site.searchAction}>
            <label for="kw-q">{site.searchLabel}</label>
            <input id="kw-q" type="search" name="q" value={props.query ?? ''} autocomplete="off" />
            <button type="submit">Search</button>
          </form>
          <nav aria-label="Main">
            {site.nav.map((n) => (
              <a href={n.href}>{n.text}</a>
            ))}
          </nav>
          <HelpChatButton />
        </header>
        {props.crumbs && props.crumbs.length > 0 ? (
          <nav class="kw-crumbs" aria-label="Breadcrumb">
            <ol>
              {props.crumbs.map((c, i) => (
                <li>{c.href && i < props.crumbs!.length - 1 ? <a href={c.href}>{c.text}</a> : <span aria-current="page">{c.text}</span>}</li>
              ))}
            </ol>
          </nav>
        ) : null}
        <main id="main">{props.children}</main>
        {props.extras ? <aside class="kw-aside" aria-label="More to read">{props.extras}</aside> : null}
        <footer class="footer wfc-footer">
          <Newsletter pitch={site.newsletterPitch} />
          <nav class="wfc-columns" aria-label="Site links">
            <div class="wfc-col">
              <h2>About</h2>
              <ul>
                <li><a href="/about">{`About ${site.name}`}</a></li>
                <li><a href="/contact">Contact us</a></li>
              </ul>
            </div>
            <div class="wfc-col">
              <h2>Help</h2>
              <ul>
                <li><a href="/help">Help centre</a></li>
                <li><a href="/accessibility">Accessibility</a></li>
              </ul>
            </div>
            <div class="wfc-col">
              <h2>Legal</h2>
              <ul>
                <li><a href="/terms">Terms of use</a></li>
                <li><a href="/privacy">Privacy notice</a></li>
              </ul>
            </div>
          </nav>
          <p>{`${site.name} · ${site.tagline} · Part of the BookingArena knowledge web`}</p>
        </footer>
        <HelpChat siteName={site.name} greeting={`Hi! Ask us anything about ${site.name}.`} answers={site.faq.slice(0, 3)} />
      </body>
    </html>
  );
}

export function html(page: unknown): string {
  return `<!doctype html>${String(page)}`;
}
