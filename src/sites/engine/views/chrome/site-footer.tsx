import type { ChromeLink } from '../../chrome/content.js';
import { FOOTER_COLUMNS, footerLink } from '../../chrome/info-pages.js';
import type { SiteDefinition } from '../../site-definition.js';
import { Newsletter } from './newsletter.js';

function Column({ heading, links }: { heading: string; links: ChromeLink[] }) {
  if (links.length === 0) return null;
  return (
    <div class="wfc-col">
      <h2>{heading}</h2>
      <ul>
        {links.map((l) => (
          <li>
            <a href={l.href}>{l.text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The long footer: newsletter sign-up, columns of links to the site's pages and popular searches, the fine print. */
export function SiteFooter({ site, popular, pitch }: { site: SiteDefinition; popular: ChromeLink[]; pitch: string }) {
  const [company, help, legal] = FOOTER_COLUMNS.map((c) => <Column heading={c.heading} links={c.pages.map(footerLink)} />);
  return (
    <footer class="footer wfc-footer">
      <Newsletter pitch={pitch} />
      <nav class="wfc-columns" aria-label="Site links">
        {company}
        {help}
        <Column heading="Popular searches" links={popular} />
        {legal}
      </nav>
      <p>
        {site.name} · Prices in {site.currency} · A BookingArena site
      </p>
    </footer>
  );
}
