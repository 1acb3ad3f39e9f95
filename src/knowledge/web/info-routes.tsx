import type { Hono } from 'hono';
import { readForm } from '../../sites/engine/form-body.js';
import { backTo } from '../../sites/engine/local-path.js';
import { Newsletter, NEWSLETTER_FIELD } from '../../sites/engine/views/chrome/newsletter.js';
import type { EpisodeStore } from '../../sites/engine/episode-store.js';
import { APP_JS, html, knowledgeCss, Shell, type WebSite } from './shell.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const PAGES: Record<string, { title: string; body: (s: WebSite) => string[] }> = {
  about: { title: 'About us', body: (s) => [`${s.name}: ${s.tagline}.`, 'Every page is written from the same world as the booking sites, so what it says can be checked there.'] },
  contact: { title: 'Contact us', body: (s) => [`Write to the ${s.name} team at hello@${s.id}.example.`, 'We answer within two working days.'] },
  help: { title: 'Help centre', body: (s) => s.faq.map((f) => `${f.question} ${f.answer}`) },
  accessibility: { title: 'Accessibility', body: (s) => [`${s.name} aims to meet WCAG 2.1 AA: every page has headings, landmarks and labelled controls, and works without a mouse.`] },
  terms: { title: 'Terms of use', body: (s) => [`Texts on ${s.name} may be reused with attribution.`, 'Prices and schedules change; the booking sites have the final word.'] },
  privacy: { title: 'Privacy notice', body: () => ['We keep no account data. The newsletter address you give is used only to send the newsletter.'] },
};

/**
 * What every knowledge site serves besides its own pages: its stylesheet and script, the footer's
 * pages, the newsletter form, and the start URL's episode ticket (checked, then dropped: these
 * sites keep no episode state, so a tab entering an episode through them lands on the same page).
 */
export function registerCommon(app: Hono, site: WebSite, episodes: EpisodeStore): void {
  const css = knowledgeCss(site);
  app.use('*', async (c, next) => {
    const url = new URL(c.req.url);
    const ticket = url.searchParams.get('wf_episode');
    if (ticket !== null) {
      const t = episodes.openTicket(ticket);
      if (!t.valid) return c.html(html(<Shell site={site} title="Not a valid episode link"><h1>Not a valid episode link</h1><p>Episodes are entered through the start URLs the control API returns.</p></Shell>), 403);
      url.searchParams.delete('wf_episode');
      return c.redirect(`${url.pathname}${url.search}`, 302);
    }
    await next();
  });
  app.get('/assets/site.css', (c) => c.body(css, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=3600' }));
  app.get('/assets/app.js', (c) => c.body(APP_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=3600' }));
  for (const [slug, page] of Object.entries(PAGES)) {
    app.get(`/${slug}`, (c) =>
      c.html(
        html(
          <Shell site={site} title={page.title} crumbs={[{ href: '/', text: site.name }, { text: page.title }]}>
            <h1>{page.title}</h1>
            {page.body(site).map((p) => (
              <p>{p}</p>
            ))}
            {slug === 'help' ? <h2 id="chat">Chat with us</h2> : null}
          </Shell>,
        ),
      ),
    );
  }
  app.post('/newsletter', async (c) => {
    const read = await readForm(c);
    const raw = read.ok ? read.fields[NEWSLETTER_FIELD] : undefined;
    const email = typeof raw === 'string' ? raw.trim() : '';
    if (!EMAIL.test(email)) {
      return c.html(
        html(
          <Shell site={site} title="Check your email address">
            <h1>Check your email address</h1>
            <Newsletter pitch={site.newsletterPitch} value={email} error={email === '' ? 'Enter your email address' : 'Enter an email address like name@example.com'} />
          </Shell>,
        ),
        422,
      );
    }
    return c.html(
      html(
        <Shell site={site} title="Subscribed">
          <h1>You are subscribed</h1>
          <p role="status">{`${email} will get the ${site.name} newsletter.`}</p>
          <p>
            <a href={backTo(c.req.header('referer'), c.req.url)}>Back to the page you were on</a>
          </p>
        </Shell>,
      ),
    );
  });
}

export function notFoundPage(site: WebSite, what: string): string {
  return html(
    <Shell site={site} title="Page not found">
      <h1>Page not found</h1>
      <p>{what}</p>
      <p>
        <a href="/">Go to the home page</a>
      </p>
    </Shell>,
  );
}
