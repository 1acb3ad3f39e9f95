import type { SiteDefinition } from '../site-definition.js';
import type { ChromeTexts } from './texts.js';

/**
 * The static pages the footer links to. Each is a real page of the site (the engine serves it at
 * `/<slug>`), and what it says is true of the simulated site: no invented phone numbers, no
 * claims the pages do not keep.
 */
export type InfoPage = {
  slug: string;
  /** The footer link's words. */
  link: string;
  title: (site: SiteDefinition) => string;
  body: (site: SiteDefinition, texts: ChromeTexts) => string[];
};

const page = (slug: string, link: string, title: InfoPage['title'], body: InfoPage['body']): InfoPage => ({ slug, link, title, body });

export const INFO_PAGES = {
  about: page('about', 'About us', (s) => `About ${s.name}`, (_s, t) => t.about),
  careers: page('careers', 'Careers', (s) => `Careers at ${s.name}`, (s) => [`There are no open positions at ${s.name} right now.`]),
  press: page('press', 'Press centre', () => 'Press centre', (s) => [`${s.name} publishes no press releases: it is a simulated site of BookingArena, and its inventory is generated.`]),
  help: page('help', 'Help centre', () => 'Help centre', () => ['Answers to the questions customers ask most.']),
  contact: page('contact', 'Contact us', () => 'Contact us', (s) => [
    'The help centre answers the most common questions, and the help chat at the top of every page shows the same answers.',
    `${s.name} is a simulated site: there is no phone line or mailbox behind it.`,
  ]),
  accessibility: page('accessibility', 'Accessibility statement', () => 'Accessibility statement', (s) => [
    `Every page of ${s.name} works with a keyboard and a screen reader. Form fields have labels, and a form with a problem lists it at the top and beside the field.`,
    'The calendar and the help chat are dialogs that close with Escape.',
  ]),
  terms: page('terms', 'Terms and conditions', () => 'Terms and conditions', (s) => [
    `Bookings on ${s.name} are simulated: no contract is formed and nothing is charged.`,
    'The conditions of each option (changes, refunds, cancellation) are shown on its page and repeated on the review page before you book.',
  ]),
  privacy: page('privacy', 'Privacy policy', () => 'Privacy policy', () => [
    'What you type is kept in memory for your session only and is never sent anywhere else.',
    'The cookies the site sets are listed in the cookie policy.',
  ]),
  cookies: page('cookies', 'Cookie policy', () => 'Cookie policy', () => [
    'wf_episode keeps your session, so your search and booking stay yours.',
    'wf_consent remembers your answer to the cookie banner, and wf_promo that you closed the promotion.',
  ]),
  sitemap: page('sitemap', 'Site map', () => 'Site map', () => ['Every page you can reach from the footer, and popular searches.']),
} satisfies Record<string, InfoPage>;

export type InfoSlug = keyof typeof INFO_PAGES;

/** The footer's columns of static pages; a "Popular searches" column goes between Help and Legal. */
export const FOOTER_COLUMNS: { heading: string; pages: (InfoSlug | 'bookings')[] }[] = [
  { heading: 'Company', pages: ['about', 'careers', 'press'] },
  { heading: 'Help', pages: ['help', 'contact', 'bookings', 'accessibility'] },
  { heading: 'Legal', pages: ['terms', 'privacy', 'cookies', 'sitemap'] },
];

/** A footer entry's link: a static page, or the site's own bookings page under a name of its own. */
export function footerLink(entry: InfoSlug | 'bookings'): { href: string; text: string } {
  // "My bookings" is the header's link; a second control of the same name would make a name ambiguous.
  if (entry === 'bookings') return { href: '/bookings', text: 'Manage your bookings' };
  return { href: `/${entry}`, text: INFO_PAGES[entry].link };
}
