import { request } from 'node:http';
import type { EpisodeState } from '../core/schemas/episode-state.js';
import type { FixtureBooking } from '../core/schemas/task.js';
import { InvalidInputError } from '../core/errors.js';
import { optionInputName, quantityInputName } from '../sites/engine/flow.js';
import { contactInputName, extraInputName, travellerInputName } from '../sites/engine/forms.js';
import { searchQueryString } from '../sites/engine/search-query.js';
import { FORM_TOKEN } from '../sites/engine/book-token.js';
import { EPISODE_COOKIE } from '../sites/engine/episode-access.js';
import { SECRET_HEADER, type SiteServer } from '../sites/engine/server.js';
import type { SearchParams } from '../sites/engine/site-definition.js';
import { siteById } from '../sites/registry.js';

/** A page as the browser ended on it: `path` is where the redirects led. */
export type Reply = { status: number; location: string | undefined; body: string; path: string };
/** The choices of groups that take several (seats) or quantities (ticket types), as a task's target records them. */
export type ChoicesOfGroups = { multi?: Record<string, string[]>; quantities?: Record<string, Record<string, number>> };

/** The visible text of a page: tags, scripts and styles dropped, entities decoded, space collapsed. */
export function pageText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&apos;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** A card as the payment form takes it. */
export type CardEntry = { number: string; name: string; expiry: string; cvc: string; postcode: string };

/**
 * Drives one episode through the sites' own pages over HTTP, as a person's browser would post
 * the forms (no state API writes): search, choose on a listing page, a later round's listing
 * (return leg, a package's flights), the cart, the account wall, the details form (a wizard page
 * by page), review, payment. Each site's cookies are kept apart, as a browser keeps origins apart.
 */
export class SiteDriver {
  private readonly cookies = new Map<string, string>();
  private readonly lastSearch = new Map<string, SearchParams>();
  /** Per site, the page the browser shows now (a wizard page is posted from it). */
  private readonly shown = new Map<string, Reply>();
  private constructor(
    private readonly server: Pick<SiteServer, 'port' | 'secret'>,
    readonly episodeId: string,
    /** Per site, the URL that enters this episode there (it carries the episode's signed ticket). */
    private readonly startUrls: Record<string, string>,
  ) {}

  /** A new episode, created with the server's secret like every rollout does. */
  static async start(server: Pick<SiteServer, 'port' | 'secret'>, fixtures?: Record<string, FixtureBooking[]>): Promise<SiteDriver> {
    // Bookings the episode starts with (a manage case's), made by each site's own rules; a bad one is refused with why.
    const body = JSON.stringify(fixtures ? { fixtures } : {});
    const r = await send(server.port, { method: 'POST', host: `127.0.0.1:${server.port}`, path: '/__wf/episodes', headers: { [SECRET_HEADER]: server.secret, 'content-type': 'application/json' }, body });
    if (r.status === 400 && fixtures) throw new InvalidInputError(`the episode's fixture bookings were refused: ${r.body}`);
    if (r.status !== 201) throw new Error(`creating an episode failed: ${r.status} ${r.body}`);
    const { episodeId, startUrls } = JSON.parse(r.body) as { episodeId: string; startUrls: Record<string, string> };
    return new SiteDriver(server, episodeId, startUrls);
  }

  /** Opens the site's start URL once, as a browser would, so its cookie holds the episode's ticket. */
  private async enter(site: string): Promise<void> {
    if (this.cookies.has(site)) return;
    const start = this.startUrls[site];
    if (start === undefined) throw new InvalidInputError(`no start URL for site "${site}"`);
    const u = new URL(start);
    const r = await send(this.server.port, { method: 'GET', host: this.host(site), path: u.pathname + u.search, headers: {}, onCookie: (c) => this.cookies.set(site, c) });
    if (!this.cookies.has(site)) throw new Error(`entering the episode on ${site} failed: ${r.status} ${pageText(r.body).slice(0, 200)}`);
  }

  private host(site: string): string {
    return `${site}.localhost:${this.server.port}`;
  }

  /** A page of a site, in this episode; follows the site's redirects. */
  async request(site: string, method: 'GET' | 'POST', path: string, form?: Record<string, string> | [string, string][]): Promise<Reply> {
    await this.enter(site);
    let cookie = this.cookies.get(site);
    const body = form ? new URLSearchParams(form).toString() : undefined;
    let r = await send(this.server.port, {
      method,
      host: this.host(site),
      path,
      headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body,
      onCookie: (c) => this.cookies.set(site, c),
    });
    for (let hops = 0; r.status >= 300 && r.status < 400 && r.location && hops < 5; hops++) {
      cookie = this.cookies.get(site);
      const next = new URL(r.location, `http://${this.host(site)}`);
      r = await send(this.server.port, { method: 'GET', host: this.host(site), path: next.pathname + next.search, headers: cookie ? { cookie } : {}, onCookie: (c) => this.cookies.set(site, c) });
    }
    this.shown.set(site, r);
    return r;
  }

  /** Throws on a refusal, except the statuses that are pages a person reads (a declined card, a wrong password). */
  private expectOk(step: string, r: Reply, seen: number[] = []): Reply {
    if (r.status >= 400 && !seen.includes(r.status)) {
      const text = pageText(r.body);
      throw new InvalidInputError(`${step}: the site answered ${r.status}: ${text.slice(0, 400)}`);
    }
    return r;
  }

  async search(site: string, params: SearchParams): Promise<Reply> {
    this.lastSearch.set(site, params);
    return this.expectOk(`search on ${site}`, await this.request(site, 'GET', `/search?${searchQueryString(siteById(site), params)}`));
  }

  /**
   * Posts a listing page's form: one choice per group, several for groups that take one per
   * traveller (seats: `picks.multi`), how many of each for ticket types (`picks.quantities`).
   */
  async choose(site: string, listing: string, choices: Record<string, string>, params?: SearchParams, picks: ChoicesOfGroups = {}): Promise<Reply> {
    const p = params ?? this.lastSearch.get(site);
    if (!p) throw new InvalidInputError(`choose ${listing} on ${site}: no search was made before`);
    return this.expectOk(`choose ${listing} on ${site}`, await this.request(site, 'POST', `/listing/${encodeURIComponent(listing)}?${searchQueryString(siteById(site), p)}`, choiceForm(choices, picks)));
  }

  /**
   * Fills the details form. On a wizard, page by page with Next, each page posting only its own
   * fields (as its form does), until the wizard leads on (the review).
   */
  async details(site: string, travellers: Record<string, string>[], contact: Record<string, string>, extras: Record<string, number>): Promise<Reply> {
    const form = detailsForm(travellers, contact, extras);
    const opened = await this.request(site, 'GET', '/details');
    if (wizardPartOf(opened.body) === undefined) return this.expectOk(`details on ${site}`, await this.request(site, 'POST', '/details', form));
    let r = opened;
    // A wizard has at most three pages; a page that keeps coming back is refused below.
    for (let pages = 0; pages < 6; pages++) {
      const part = wizardPartOf(r.body);
      if (part === undefined) return r;
      r = this.expectOk(`details on ${site}, wizard page "${part}"`, await this.postWizardPage(site, r.body, part, form, 'next'));
    }
    throw new InvalidInputError(`details on ${site}: the wizard did not lead on after six pages: ${pageText(r.body).slice(0, 300)}`);
  }

  /** The wizard page shown now (opened when another page is shown), its own fields posted with Next or Back. */
  async wizardPage(site: string, nav: 'next' | 'back', travellers: Record<string, string>[], contact: Record<string, string>, extras: Record<string, number>): Promise<Reply> {
    let page = this.shown.get(site);
    if (!page || wizardPartOf(page.body) === undefined) page = await this.request(site, 'GET', '/details');
    const part = wizardPartOf(page.body);
    if (part === undefined) throw new InvalidInputError(`wizard on ${site}: the details page is not a wizard (${page.path}: ${pageText(page.body).slice(0, 200)})`);
    return this.expectOk(`wizard on ${site}, page "${part}"`, await this.postWizardPage(site, page.body, part, detailsForm(travellers, contact, extras), nav), [422]);
  }

  private postWizardPage(site: string, html: string, part: string, form: Record<string, string>, nav: 'next' | 'back'): Promise<Reply> {
    const onPage = inputNamesOf(html);
    const mine: Record<string, string> = Object.fromEntries(Object.entries(form).filter(([k]) => onPage.has(k)));
    return this.request(site, 'POST', '/details', { ...mine, wizard_part: part, nav });
  }

  /** A later round of choosing: its results, then one of its listing pages, whose form is posted where it says. */
  async round(site: string, slot: string, listing: string, choices: Record<string, string>, picks: ChoicesOfGroups = {}): Promise<Reply> {
    const base = `/round/${encodeURIComponent(slot)}`;
    this.expectOk(`results of round "${slot}" on ${site}`, await this.request(site, 'GET', base));
    const page = this.expectOk(`listing ${listing} of round "${slot}" on ${site}`, await this.request(site, 'GET', `${base}/listing/${encodeURIComponent(listing)}`));
    const action = /<form method="post" action="([^"]+)" class="choose-form"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&') ?? `${base}/listing/${encodeURIComponent(listing)}`;
    return this.expectOk(`choose ${listing} in round "${slot}" on ${site}`, await this.request(site, 'POST', action, choiceForm(choices, picks)));
  }

  /** Opens the cart and removes items by slot ("main" is the first item); the reply is the cart as it stands. */
  async cart(site: string, remove: readonly string[] = []): Promise<Reply> {
    let r = this.expectOk(`cart on ${site}`, await this.request(site, 'GET', '/cart'));
    for (const slot of remove) r = this.expectOk(`remove ${slot} from the cart on ${site}`, await this.request(site, 'POST', '/cart/remove', { slot }));
    return r;
  }

  /** The account wall's forms; a refused one (422) is the page the person then sees. */
  async account(site: string, action: 'register' | 'sign-in' | 'guest', who: { name?: string; email?: string; password?: string } = {}): Promise<Reply> {
    const form: Record<string, string> = action === 'register' ? { name: who.name ?? '', email: who.email ?? '', password: who.password ?? '' } : action === 'sign-in' ? { email: who.email ?? '', password: who.password ?? '' } : {};
    this.expectOk(`account page on ${site}`, await this.request(site, 'GET', '/account'));
    return this.expectOk(`${action} on ${site}`, await this.request(site, 'POST', `/account/${action}`, form), [422]);
  }

  /** Opens the payment page and posts the card with the page's token; a declined or invalid card is a page (422), not an error. */
  async pay(site: string, card: CardEntry): Promise<Reply> {
    const page = this.expectOk(`payment page on ${site}`, await this.request(site, 'GET', '/payment'));
    const token = formTokenOf(page.body);
    const form = { [FORM_TOKEN]: token, cardNumber: card.number, cardName: card.name, expiry: card.expiry, cvc: card.cvc, postcode: card.postcode };
    return this.expectOk(`pay on ${site}`, await this.request(site, 'POST', '/payment', form), [409, 422]);
  }

  /** "My bookings": every booking of the episode on the site, with its reference and total or "cancelled". */
  async myBookings(site: string): Promise<Reply> {
    return this.expectOk(`my bookings on ${site}`, await this.request(site, 'GET', '/bookings'));
  }

  /** Opens a booking from "My bookings" (404 for a reference that is not the episode's). */
  private async openBooking(site: string, reference: string): Promise<string> {
    const path = `/bookings/${encodeURIComponent(reference)}`;
    this.expectOk(`booking ${reference} on ${site}`, await this.request(site, 'GET', path));
    return path;
  }

  /**
   * Cancels a booking as its pages do: the cancel page (fee and refund), then "Yes, cancel". A
   * booking the policy does not let go is answered with its page and the reason, not an error.
   */
  async cancelBooking(site: string, reference: string): Promise<Reply> {
    const path = await this.openBooking(site, reference);
    this.expectOk(`cancel page of ${reference} on ${site}`, await this.request(site, 'GET', `${path}/cancel`));
    return this.expectOk(`cancel ${reference} on ${site}`, await this.request(site, 'POST', `${path}/cancel`));
  }

  /** New traveller names on a booking (the form lists every traveller); a refused name (422) is the page the person sees. */
  async changeTravellers(site: string, reference: string, travellers: Record<string, string>[]): Promise<Reply> {
    const path = await this.openBooking(site, reference);
    this.expectOk(`traveller names of ${reference} on ${site}`, await this.request(site, 'GET', `${path}/travellers`));
    return this.expectOk(`change traveller names of ${reference} on ${site}`, await this.request(site, 'POST', `${path}/travellers`, detailsForm(travellers, {}, {})), [422]);
  }

  /** New dates for a booking (the policy's date fields); dates refused or not allowed are a page, not an error. */
  async changeDates(site: string, reference: string, dates: Record<string, string>): Promise<Reply> {
    const path = await this.openBooking(site, reference);
    this.expectOk(`dates of ${reference} on ${site}`, await this.request(site, 'GET', `${path}/dates`));
    return this.expectOk(`change the dates of ${reference} on ${site}`, await this.request(site, 'POST', `${path}/dates`, dates), [422]);
  }

  /** Opens the review page and posts its form, as a person clicking "book" does (the form carries its token). */
  async book(site: string): Promise<Reply> {
    const review = this.expectOk(`review on ${site}`, await this.request(site, 'GET', '/review'));
    // No form when the details were not accepted (the site sent us back to them): post anyway, as a stale page would.
    const token = formTokenOf(review.body);
    return this.expectOk(`book on ${site}`, await this.request(site, 'POST', '/book', { [FORM_TOKEN]: token, terms: 'accepted' }));
  }

  async state(): Promise<EpisodeState> {
    const r = await send(this.server.port, { method: 'GET', host: `127.0.0.1:${this.server.port}`, path: `/__wf/episodes/${encodeURIComponent(this.episodeId)}/state`, headers: { [SECRET_HEADER]: this.server.secret } });
    if (r.status !== 200) throw new Error(`state API answered ${r.status}: ${r.body}`);
    return JSON.parse(r.body) as EpisodeState;
  }
}

function send(port: number, o: { method: string; host: string; path: string; headers: Record<string, string>; body?: string; onCookie?: (c: string) => void }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    // A connection per request: a kept-alive socket the server closes as the next request is
    // written fails with ECONNRESET (Node 20's global agent keeps sockets alive).
    const req = request({ host: '127.0.0.1', port, method: o.method, path: o.path, headers: { host: o.host, ...o.headers }, agent: false }, (res) => {
      const set = res.headers['set-cookie'];
      const episode = set?.map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${EPISODE_COOKIE}=`));
      if (episode && o.onCookie) o.onCookie(episode);
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body, path: o.path }));
    });
    req.on('error', reject);
    if (o.body !== undefined) req.write(o.body);
    req.end();
  });
}

/** A listing form's fields: one choice per group, several for seats, quantities for ticket types. */
function choiceForm(choices: Record<string, string>, picks: ChoicesOfGroups): [string, string][] {
  const form: [string, string][] = Object.entries(choices).map(([group, choice]) => [optionInputName(group), choice]);
  for (const [group, ids] of Object.entries(picks.multi ?? {})) for (const id of ids) form.push([optionInputName(group), id]);
  for (const [group, counts] of Object.entries(picks.quantities ?? {})) for (const [id, n] of Object.entries(counts)) form.push([quantityInputName(group, id), String(n)]);
  return form;
}

/** The details form's fields: travellers (1-based), contact, add-ons taken. */
function detailsForm(travellers: Record<string, string>[], contact: Record<string, string>, extras: Record<string, number>): Record<string, string> {
  const form: Record<string, string> = {};
  travellers.forEach((t, i) => {
    for (const [k, v] of Object.entries(t)) form[travellerInputName(i + 1, k)] = v;
  });
  for (const [k, v] of Object.entries(contact)) form[contactInputName(k)] = v;
  for (const [k, v] of Object.entries(extras)) if (v > 0) form[extraInputName(k)] = String(v);
  return form;
}

/** The part a details wizard page is on ("travellers", "contact", "extras"), undefined on any other page. */
export function wizardPartOf(html: string): string | undefined {
  return /name="wizard_part" value="([^"]*)"/.exec(html)?.[1];
}

/** The names of a page's form fields. */
function inputNamesOf(html: string): Set<string> {
  return new Set([...html.matchAll(/<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"/g)].map((m) => m[1]!));
}

/** The form token a page's booking form carries (review, payment), '' when it has none: post it back as a browser does. */
export function formTokenOf(html: string): string {
  return new RegExp(`name="${FORM_TOKEN}" value="([^"]*)"`).exec(html)?.[1] ?? '';
}
