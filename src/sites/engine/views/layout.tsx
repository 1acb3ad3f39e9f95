import type { Child } from 'hono/jsx';
import { HORIZON_DAYS, WORLD_TODAY } from '../../../core/dates.js';
import { contentForPage } from '../chrome/page-content.js';
import { chromeTexts } from '../chrome/texts.js';
import type { SiteDefinition } from '../site-definition.js';
import { HelpChat, HelpChatButton } from './chrome/help-chat.js';
import { PageExtras } from './chrome/page-extras.js';
import { SiteFooter } from './chrome/site-footer.js';

export type PageChrome = {
  site: SiteDefinition;
  title: string;
  /** The flow step this page belongs to (its id), and the steps the indicator shows. */
  step: string;
  steps: { id: string; label: string }[];
  /** Cookie banner / promo modal already dismissed on this origin. */
  consented: boolean;
  promoSeen: boolean;
};

function StepIndicator({ step, steps }: { step: string; steps: { id: string; label: string }[] }) {
  const at = steps.findIndex((s) => s.id === step);
  if (at < 0) return null;
  return (
    <ol class="steps" aria-label="Booking progress">
      {steps.map((s, i) => (
        <li class={i === at ? 'current' : i < at ? 'done' : ''} aria-current={i === at ? 'step' : undefined}>
          {s.label}
        </li>
      ))}
    </ol>
  );
}

function CookieBanner() {
  return (
    <section class="cookie-banner" role="region" aria-label="Cookie consent" data-dismiss="consent">
      <p>We use cookies to remember your searches and improve your experience.</p>
      <form method="post" action="/consent">
        <button type="submit" name="choice" value="accept">Accept all cookies</button>
        <button type="submit" name="choice" value="reject" class="secondary">Reject non-essential</button>
      </form>
    </section>
  );
}

function PromoModal({ promo }: { promo: NonNullable<SiteDefinition['layout']['promoModal']> }) {
  return (
    <div class="modal-backdrop" data-dismiss="promo">
      <div class="modal" role="dialog" aria-modal="true" aria-labelledby="promo-title">
        <h2 id="promo-title">{promo.title}</h2>
        <p>{promo.body}</p>
        <p>
          Use code <strong>{promo.code}</strong> at checkout.
        </p>
        <form method="post" action="/promo/dismiss">
          <button type="submit">Close</button>
        </form>
      </div>
    </div>
  );
}

export function Page(props: PageChrome & { children?: Child }) {
  const { site, title, step } = props;
  // The content around the task, for the request being rendered (none for a page rendered on its own).
  const content = contentForPage(step);
  const texts = content?.texts ?? chromeTexts(site);
  return (
    <html lang="en" data-today={WORLD_TODAY} data-horizon={String(HORIZON_DAYS)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} | ${site.name}`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        <script src="/assets/app.js" defer></script>
      </head>
      <body class={`site-${site.id} hero-${site.layout.hero} filters-${site.layout.filters} results-${site.layout.results}`}>
        <header class="topbar">
          <a class="brand" href="/">{site.name}</a>
          <span class="tagline">{site.tagline}</span>
          <nav aria-label="Account and help">
            <a href="/bookings">My bookings</a>
            <a href="/help">Help</a>
          </nav>
          <HelpChatButton />
        </header>
        <StepIndicator step={step} steps={props.steps} />
        <main id="main">{props.children}</main>
        {content ? <PageExtras site={site} content={content} /> : null}
        <SiteFooter site={site} popular={content?.popular ?? []} pitch={texts.newsletterPitch} />
        <HelpChat siteName={site.name} greeting={texts.chatGreeting} answers={texts.faq.slice(0, 3)} />
        {site.layout.cookieBanner && !props.consented ? <CookieBanner /> : null}
        {site.layout.promoModal && !props.promoSeen && step === 'search' ? <PromoModal promo={site.layout.promoModal} /> : null}
      </body>
    </html>
  );
}

export function ErrorSummary({ errors, labels }: { errors: Record<string, string>; labels?: Record<string, string> }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>There is a problem</h2>
      <ul>
        {entries.map(([name, msg]) => (
          <li>
            <a href={`#f-${name}`}>{labels?.[name] ? `${labels[name]}: ${msg}` : msg}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
