import type { Context, Hono } from 'hono';
import { FormRefusedError, readForm } from '../form-body.js';
import { getCookie } from 'hono/cookie';
import type { SiteEpisodeState } from '../../../core/schemas/episode-state.js';
import type { World } from '../../../world/world.js';
import { backTo } from '../local-path.js';
import type { SiteDefinition } from '../site-definition.js';
import { Page } from '../views/layout.js';
import { InfoPageView } from '../views/chrome/info-page.js';
import { NEWSLETTER_FIELD, Newsletter } from '../views/chrome/newsletter.js';
import { chromeContent } from './content.js';
import { INFO_PAGES, type InfoSlug } from './info-pages.js';
import { runInChromeScope } from './scope.js';
import { chromeTexts } from './texts.js';

/** What the site app's context carries that the chrome reads: the episode's state of this site. */
type SiteEnv = { Variables: { state: SiteEpisodeState } };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Registers the content around the task on a site's app, after its episode middleware: the
 * request scope the page layout reads (so every page the flow renders carries its deals,
 * recommendations, reviews, FAQ, footer and help chat), the static pages the footer links to,
 * and the newsletter sign-up. One call from `createSiteApp`; nothing here touches the flow.
 */
export function registerChrome<E extends SiteEnv>(app: Hono<E>, site: SiteDefinition, world: World): void {
  const texts = chromeTexts(site);

  app.use('*', (c, next) => runInChromeScope({ site, world, url: new URL(c.req.url), state: () => c.get('state') as SiteEpisodeState | undefined }, next));

  const render = (c: Context<E>, title: string, body: unknown, status: 200 | 422 = 200) => {
    const page = (
      <Page site={site} title={title} step="info" steps={[]} consented={getCookie(c, 'wf_consent') === '1'} promoSeen={getCookie(c, 'wf_promo') === '1'}>
        {body as never}
      </Page>
    );
    return c.html(`<!doctype html>${page.toString()}`, status);
  };

  for (const slug of Object.keys(INFO_PAGES) as InfoSlug[]) {
    app.get(`/${slug}`, (c) => {
      const popular = slug === 'sitemap' ? chromeContent({ site, world, kind: 'other' }).popular : [];
      return render(c, INFO_PAGES[slug].title(site), <InfoPageView site={site} slug={slug} texts={texts} popular={popular} />);
    });
  }

  app.post('/newsletter', async (c) => {
    const read = await readForm(c);
    if (!read.ok) throw new FormRefusedError(read.status, read.message);
    const raw = read.fields[NEWSLETTER_FIELD];
    const email = typeof raw === 'string' ? raw.trim() : '';
    if (!EMAIL.test(email)) {
      const error = email === '' ? 'Enter your email address' : 'Enter an email address like name@example.com';
      return render(
        c,
        'Check your email address',
        <div class="message">
          <h1>Check your email address</h1>
          <Newsletter pitch={texts.newsletterPitch} value={email} error={error} />
        </div>,
        422,
      );
    }
    return render(
      c,
      'Subscribed',
      <div class="message">
        <h1>You are subscribed</h1>
        <p role="status">{`${email} will get the ${site.name} newsletter.`}</p>
        <p>
          <a href={backTo(c.req.header('referer'), c.req.url)}>Back to the page you were on</a>
        </p>
      </div>,
    );
  });
}
