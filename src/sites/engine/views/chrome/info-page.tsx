import type { ChromeLink } from '../../chrome/content.js';
import { FOOTER_COLUMNS, footerLink, INFO_PAGES, type InfoSlug } from '../../chrome/info-pages.js';
import type { ChromeTexts } from '../../chrome/texts.js';
import type { SiteDefinition } from '../../site-definition.js';

/** The help centre's own content: every answer, unfolded, and the chat's words for readers without the script. */
function HelpCentre({ texts }: { texts: ChromeTexts }) {
  return (
    <>
      {[...texts.faq, ...texts.checkoutFaq.filter((e) => !texts.faq.some((f) => f.question === e.question))].map((e) => (
        <section class="wfc-answer">
          <h2>{e.question}</h2>
          <p>{e.answer}</p>
        </section>
      ))}
      <section id="chat" class="wfc-answer">
        <h2>Help chat</h2>
        <p>{texts.chatGreeting}</p>
      </section>
    </>
  );
}

function SiteMap({ popular }: { popular: ChromeLink[] }) {
  const links = [{ href: '/', text: 'Home' }, ...FOOTER_COLUMNS.flatMap((c) => c.pages.map(footerLink)), ...popular];
  return (
    <ul>
      {links.map((l) => (
        <li>
          <a href={l.href}>{l.text}</a>
        </li>
      ))}
    </ul>
  );
}

/** One static page of the footer (about, help, terms ...). */
export function InfoPageView({ site, slug, texts, popular }: { site: SiteDefinition; slug: InfoSlug; texts: ChromeTexts; popular: ChromeLink[] }) {
  const p = INFO_PAGES[slug];
  return (
    <article class="wfc-info">
      <h1>{p.title(site)}</h1>
      {p.body(site, texts).map((para) => (
        <p>{para}</p>
      ))}
      {slug === 'help' ? <HelpCentre texts={texts} /> : null}
      {slug === 'sitemap' ? <SiteMap popular={popular} /> : null}
      <p>
        <a href="/">Go to the home page</a>
      </p>
    </article>
  );
}
