import { formatAction } from '../../browser/actions/format-action.js';
import type { Action } from '../../core/schemas/action.js';
import type { Observation } from '../../core/schemas/observation.js';
import { InvalidInputError } from '../../core/errors.js';
import { isBookingTask, type Task } from '../../core/schemas/task.js';
import { applySort } from '../../sites/engine/results.js';
import { selectLinkName } from '../../sites/engine/views/results-page.js';
import { LOAD_MORE, SHOW_MORE } from '../../sites/engine/views/results/reveal.js';
import type { OptionGroup, SiteDefinition, SortSpec } from '../../sites/engine/site-definition.js';
import { siteById } from '../../sites/registry.js';
import type { World } from '../../world/world.js';
import { type AxNode, type AxPage, isInside, parseAxText } from '../ax-lines.js';
import type { Decision, Policy, PolicyInput } from '../policy.js';
import { DEFAULT_NOISE, makePlan, type Plan, type PlanLeg } from './plan.js';

const act = (action: Action, thought: string): Decision => ({ action: formatAction(action), thought });
const FIELD_ROLES = ['textbox', 'combobox', 'spinbutton', 'searchbox'];

/** Observations cut long names with an ellipsis: a cut name matches the full one it starts. */
function sameName(seen: string, full: string): boolean {
  return seen === full || (seen.endsWith('…') && full.startsWith(seen.slice(0, -1)));
}

/**
 * The embedded default teacher. It solves a task from its structured form (the constraints and
 * the target they were made from) by acting only through the action space on what each
 * observation shows: no DOM writes, no state API. With noise > 0 it makes the mistakes of
 * `ERROR_WEIGHTS` (plan.ts). One decision per observation, so it recovers from whatever page
 * it finds itself on.
 */
export class ScriptedTeacher implements Policy {
  readonly name = 'scripted';
  private plan: Plan | undefined;
  private site: SiteDefinition | undefined;
  private steps = 0;
  private wrongClicked = false;
  /** Form fields already typed this episode: out of view is not the same as empty. */
  private readonly filled = new Set<string>();
  /** Forms submitted this episode: a password typed before a submit is gone after it. */
  private forms = 0;
  /** Whether the teacher created its account this episode (then it signs in). */
  private registered = false;
  /** The cart item being shopped for now (a second experience), once the first is in the cart. */
  private shopping: PlanLeg | undefined;
  /** Option groups seen matching the plan, by listing and group: on a long page they scroll out of view. */
  private readonly groupsDone = new Set<string>();
  /** The wizard part each details page showed ("Contact details"), by URL. */
  private readonly wizardParts = new Map<string, string>();
  /**
   * Bids of same-named result links seen on the current page, by name: twins are told apart by
   * their order on the page, and bids are numbered in document order, so twins seen in separate
   * viewports can still be ordered. Forgotten when the address changes (another document).
   */
  private readonly twinBids = new Map<string, Set<string>>();
  private lastUrl = '';

  constructor(
    private readonly world: World,
    private readonly noise = DEFAULT_NOISE,
  ) {}

  begin(task: Task, episodeSeed: number): void {
    if (!isBookingTask(task)) throw new InvalidInputError(`the scripted teacher books; task ${task.id} is a question (kind "qa")`, { hint: 'run questions with an LLM agent or the random agent' });
    this.site = siteById(task.site);
    this.plan = makePlan(task, this.site, this.world, this.noise, episodeSeed);
    this.steps = 0;
    this.wrongClicked = false;
    this.filled.clear();
    this.forms = 0;
    this.registered = false;
    this.shopping = undefined;
    this.groupsDone.clear();
    this.wizardParts.clear();
    this.twinBids.clear();
    this.lastUrl = '';
  }

  /** The injected errors of the current episode, in words. */
  get errors(): readonly string[] {
    return this.plan?.errors ?? [];
  }

  async act({ task, observation }: PolicyInput): Promise<Decision> {
    if (!this.plan || !this.site) this.begin(task, 0);
    this.steps++;
    if (observation.url !== this.lastUrl) this.twinBids.clear();
    this.lastUrl = observation.url;
    const page = parseAxText(observation.axtree);
    return this.decide(page, observation);
  }

  private decide(page: AxPage, obs: Observation): Decision {
    const site = this.site!;
    const plan = this.plan!;
    const button = (name: string) => page.nodes.find((n) => n.role === 'button' && n.name === name);
    const h1 = page.nodes.find((n) => n.role === 'heading' && n.states.has('h1'))?.name;

    if (h1 !== undefined && h1.toLowerCase() === site.wording.confirmationHeading.toLowerCase()) {
      const ref = /Booking reference:\s*([A-Z]{3}-[A-Z0-9]{6})/.exec(obs.axtree)?.[1];
      return act({ type: 'stop', answer: ref ?? 'booked' }, `The booking is confirmed${ref ? ` with reference ${ref}` : ''}; done.`);
    }
    // A page still working (aria-busy: suggestions loading, the next page on its way) is waited
    // for, not read half-made. The env waits for it too; this is for when its settle gave up.
    if (page.nodes.some((n) => n.states.has('busy'))) return act({ type: 'noop', ms: 500 }, 'The page is still loading; wait for it.');
    // Overlays first: they sit on top of the page; a pop-up covers the cookie banner too.
    const dialog = page.nodes.findIndex((n) => n.role === 'dialog');
    if (dialog >= 0) {
      const close = page.nodes.find((n, i) => n.role === 'button' && n.name === 'Close' && isInside(page, i, dialog));
      if (close) return act({ type: 'click', bid: close.bid }, 'Close the promotion pop-up.');
    }
    const cookie = button('Accept all cookies');
    if (cookie) return act({ type: 'click', bid: cookie.bid }, 'Accept the cookie banner so it stops covering the page.');
    const path = new URL(obs.url).pathname;
    if (plan.manage) return this.manage(page, obs, path);
    if (plan.wrongClickAtStep !== undefined && !this.wrongClicked && this.steps >= plan.wrongClickAtStep) {
      const wrong = page.nodes.find((n) => n.role === 'link' && n.name === 'My bookings');
      if (wrong) {
        this.wrongClicked = true;
        return act({ type: 'click', bid: wrong.bid }, 'Open "My bookings".');
      }
    }
    if (h1 === 'My bookings') return act({ type: 'go_back' }, 'That was the wrong page; go back.');

    if (path === '/review') {
      const terms = page.nodes.find((n) => n.role === 'checkbox' && n.name.startsWith('I accept the terms'));
      if (plan.stopAt === 'review') return act({ type: 'stop', answer: 'reviewed' }, 'Everything is filled in; stop here.');
      if (terms && !terms.states.has('checked')) return act({ type: 'check', bid: terms.bid }, 'Accept the terms and conditions.');
      const book = button(site.wording.bookButton);
      if (terms && book) return act({ type: 'click', bid: book.bid }, 'Submit the booking.');
      const pay = button('Continue to payment');
      if (terms && pay) return act({ type: 'click', bid: pay.bid }, 'Terms accepted; go on to pay.');
      return this.scrollOr(obs, 'Scroll to the terms and the booking button.');
    }
    if (path === '/details') return this.details(page, obs);
    if (path === '/payment') return this.payment(page, obs);
    // The account forms answer on their own addresses (/account/register shows the sign-in form next).
    if (path === '/account' || path.startsWith('/account/')) return this.account(page, obs);
    if (path === '/cart') {
      // The cart's heading says how many items it holds: shop for the next planned one, or check out.
      const held = Number(/^Your cart \((\d+) items?\)$/.exec(h1 ?? '')?.[1] ?? 0);
      const next = held > 0 ? plan.items.filter((x) => /^item\d+$/.test(x.slot))[held - 1] : undefined;
      const more = page.nodes.find((n) => n.role === 'link' && n.name === 'Continue shopping');
      if (next && more) {
        this.shopping = next;
        return act({ type: 'click', bid: more.bid }, `Add ${site.search(this.world, next.params).find((l) => l.id === next.listingId)?.title ?? 'the next item'} to the cart too.`);
      }
      const checkout = page.nodes.find((n) => n.role === 'link' && n.name === 'Check out');
      if (checkout) return act({ type: 'click', bid: checkout.bid }, 'Everything is in the cart; check out.');
      return this.scrollOr(obs, 'Find the check-out button.');
    }
    const round = /^\/round\/([^/]+)(\/listing\/.+)?$/.exec(path);
    if (round) {
      const leg = plan.items.find((x) => x.slot === decodeURIComponent(round[1]!));
      const sorts = (site.flow ?? []).find((s) => s.meta?.round?.slot === leg?.slot)?.meta?.round?.sorts;
      if (leg) return round[2] ? this.listing(page, obs, leg) : this.results(page, obs, leg, sorts?.[0]);
    }
    if (path.startsWith('/listing/')) return this.listing(page, obs, this.shopping ?? plan);
    if (path === '/search' && !button(site.wording.searchButton)) return this.results(page, obs, this.shopping ?? plan);
    if (path === '/' || path === '/search') return this.searchForm(page, obs);
    const home = page.nodes.find((n) => n.role === 'link' && (n.name === 'Go to the home page' || n.name === site.name));
    if (home) return act({ type: 'click', bid: home.bid }, 'Start over from the home page.');
    return this.scrollOr(obs, 'Nothing to do here yet; look further down the page.');
  }

  /** Fill the first search field that differs from the plan, then search. */
  private searchForm(page: AxPage, obs: Observation): Decision {
    const site = this.site!;
    const plan = this.shopping ?? this.plan!;
    for (const f of site.searchFields) {
      const want = plan.params[f.name];
      if (want === undefined) continue;
      const node = page.nodes.find((n) => FIELD_ROLES.includes(n.role) && n.name === f.label);
      if (f.kind === 'radio') {
        const opt = f.options.find((o) => o.value === String(want));
        const radio = page.nodes.find((n) => n.role === 'radio' && n.name === opt?.label);
        if (radio && !radio.states.has('checked')) return act({ type: 'click', bid: radio.bid }, `Choose ${opt!.label} for ${f.label}.`);
        continue;
      }
      if (!node) continue;
      if (f.kind === 'autocomplete') {
        const label = site.labelFor(this.world, f.source, String(want)) ?? String(want);
        const option = page.nodes.find((n) => n.role === 'option' && n.name === label);
        if (option && node.states.has('focused')) return act({ type: 'click', bid: option.bid }, `Pick "${label}" from the suggestions.`);
        if (node.value !== label) return act({ type: 'fill', bid: node.bid, text: label }, `Type ${label} into "${f.label}".`);
        continue;
      }
      if (f.kind === 'select') {
        const label = f.options.find((o) => o.value === String(want))?.label ?? String(want);
        if (node.value !== label) return act({ type: 'select_option', bid: node.bid, options: [label] }, `Set "${f.label}" to ${label}.`);
        continue;
      }
      if ((node.value ?? '') !== String(want)) return act({ type: 'fill', bid: node.bid, text: String(want) }, `Enter ${want} for "${f.label}".`);
    }
    const go = page.nodes.find((n) => n.role === 'button' && n.name === site.wording.searchButton);
    if (!go) return this.scrollOr(obs, 'Find the search button.');
    return act({ type: 'click', bid: go.bid }, 'The search form is complete; search.');
  }

  /** Find the planned listing of a leg (the main one, a return leg): go to its page of results, then open it. */
  private results(page: AxPage, obs: Observation, plan: PlanLeg, sort?: SortSpec): Decision {
    const site = this.site!;
    const listing = site.search(this.world, plan.params).find((l) => l.id === plan.listingId);
    if (!listing) {
      const change = page.nodes.find((n) => n.role === 'link' && n.name === 'Change search');
      if (change) return act({ type: 'click', bid: change.bid }, 'These results are not for my search; change it.');
    }
    const sorted = applySort(site.search(this.world, plan.params), sort ?? site.sorts[0]!);
    const index = sorted.findIndex((l) => l.id === plan.listingId);
    const size = site.layout.pageSize;
    let onPage: typeof sorted;
    if ((site.layout.paging ?? 'pages') === 'pages') {
      const pageNo = Math.floor(index / size) + 1;
      const current = Number(page.texts.find((t) => /^Page \d+$/.test(t.text))?.text.slice(5) ?? /[?&]page=(\d+)/.exec(obs.url)?.[1] ?? 1);
      if (index >= 0 && pageNo !== current) {
        const link = page.nodes.find((n) => n.role === 'link' && n.name === `Page ${pageNo}`);
        if (link) return act({ type: 'click', bid: link.bid }, `The option I want is on page ${pageNo} of the results.`);
        return this.scrollOr(obs, 'Look for the pagination links.');
      }
      onPage = sorted.slice((pageNo - 1) * size, pageNo * size);
    } else {
      // Load more / infinite scroll: the address says how many results are revealed (the page's
      // script keeps it up to date as batches arrive).
      const shown = Number(new URL(obs.url).searchParams.get('shown') ?? size);
      const revealed = Math.min(sorted.length, Math.max(1, Math.ceil((Number.isInteger(shown) && shown > 0 ? shown : size) / size)) * size);
      if (index >= revealed) {
        const more = page.nodes.find((n) => n.role === 'link' && (n.name === LOAD_MORE || n.name === SHOW_MORE));
        if (site.layout.paging === 'infinite') {
          // Scrolling to the end of the list reveals the next results; the link is for when scrolling cannot.
          const s = obs.scroll;
          if (s.y + s.viewportHeight < s.pageHeight - 1) return act({ type: 'scroll', dx: 0, dy: Math.round(s.viewportHeight * 0.8) }, `The option I want is further down the list (${revealed} of ${sorted.length} shown); scroll on to load more.`);
          if (more) return act({ type: 'click', bid: more.bid }, 'At the end of the list: show more results.');
        } else if (more) {
          return act({ type: 'click', bid: more.bid }, `The option I want is not among the first ${revealed} results; load more.`);
        }
        return this.scrollOr(obs, 'Look for the way to more results.');
      }
      onPage = sorted.slice(0, revealed);
    }
    const name = listing ? selectLinkName(site, listing) : '';
    // Listings with the same accessible name are told apart by their order on the page, as a
    // person tells them apart by position. All in view at once: their order in the observation.
    // Otherwise by bid order (document order) over the twins seen so far on this page, once all
    // have been seen; until then, scroll on.
    const twins = onPage.filter((l) => selectLinkName(site, l) === name);
    const k = twins.findIndex((l) => l.id === plan.listingId);
    const links = page.nodes.filter((n) => n.role === 'link' && sameName(n.name, name));
    let link = links.length === twins.length ? links[Math.max(0, k)] : twins.length === 1 ? links[0] : undefined;
    if (!link && twins.length > 1 && k >= 0) {
      const seen = this.rememberTwins(name, links, twins.length);
      const target = seen?.[k];
      link = links.find((n) => n.bid === target);
      if (target !== undefined && !link) return this.scrollOr(obs, `${listing?.title} is number ${k + 1} of the ${twins.length} listed under this name, out of view; scroll to it.`);
    }
    if (link) return act({ type: 'click', bid: link.bid }, `Open ${listing?.title}: it matches what was asked.`);
    return this.scrollOr(obs, `Look for ${listing?.title} further down the results.`);
  }

  /**
   * Remember the bids of the same-named links in view; return all of them in page order once
   * `count` have been seen on this page. More than `count` means the bids do not follow one
   * document (it was re-rendered): start again from what is in view.
   */
  private rememberTwins(name: string, links: AxNode[], count: number): string[] | undefined {
    let seen = this.twinBids.get(name) ?? new Set<string>();
    for (const n of links) seen.add(n.bid);
    if (seen.size > count) seen = new Set(links.map((n) => n.bid));
    this.twinBids.set(name, seen);
    if (seen.size !== count) return undefined;
    const order = [...seen].map((b) => ({ b, m: /^([A-Za-z]*)(\d+)$/.exec(b) }));
    // Bids of different frames have no order between them.
    if (order.some((x) => !x.m || x.m[1] !== order[0]!.m![1])) return undefined;
    return order.sort((x, y) => Number(x.m![2]) - Number(y.m![2])).map((x) => x.b);
  }

  /**
   * Make the planned picks of a leg in each option group (a radio, a slot, the seats of a seat
   * map, how many of each ticket type), then continue.
   */
  private listing(page: AxPage, obs: Observation, plan: PlanLeg): Decision {
    const site = this.site!;
    // A page that answered with a problem may have lost what was picked: look again.
    if (/There is a problem/.test(obs.axtree)) this.groupsDone.clear();
    const detail = site.detail(this.world, plan.params, plan.listingId);
    if (detail) {
      for (const g of detail.optionGroups) {
        const d = this.group(page, obs, g, plan);
        if (d) return d;
      }
    }
    const cont = page.nodes.find((n) => n.role === 'button' && n.name === site.wording.continueButton);
    if (!cont) return this.scrollOr(obs, 'Find the continue button.');
    return act({ type: 'click', bid: cont.bid }, 'Options chosen; continue.');
  }

  /** The decision that makes one option group match the plan, or none when it does (or did, now out of view). */
  private group(page: AxPage, obs: Observation, g: OptionGroup, plan: PlanLeg): Decision | undefined {
    const key = `${plan.listingId}/${g.id}`;
    const d = this.groupStep(page, obs, g, plan);
    // A group seen as planned stays done while it is out of view; one not in view is looked for.
    if (d === undefined) this.groupsDone.add(key);
    else if (d === 'unseen') return this.groupsDone.has(key) ? undefined : this.scrollOr(obs, `Find the ${g.label.toLowerCase()} options.`);
    else this.groupsDone.delete(key);
    return d === undefined ? undefined : d;
  }

  /** The decision that makes one option group match the plan; none when it does; `unseen` when what decides it is out of view. */
  private groupStep(page: AxPage, obs: Observation, g: OptionGroup, plan: PlanLeg): Decision | 'unseen' | undefined {
    const gi = page.nodes.findIndex((n) => n.role === 'group' && (n.name === g.label || n.name.startsWith(`${g.label}:`)));
    const inGroup = (i: number) => gi < 0 || isInside(page, i, gi);
    const named = (n: AxNode, label: string) => n.name === label || n.name.startsWith(`${label} —`) || n.name.startsWith(`${label},`);
    const what = g.label.toLowerCase();
    if (g.pick === 'per-traveller') {
      const want = new Set(plan.multi?.[g.id] ?? []);
      const boxes = g.choices.map((c) => ({ c, i: page.nodes.findIndex((n, i) => n.role === 'checkbox' && named(n, c.label) && inGroup(i)) }));
      // Unpick first (a seat map takes exactly one seat per traveller), then pick.
      for (const { c, i } of boxes) if (i >= 0 && !want.has(c.id) && page.nodes[i]!.states.has('checked')) return act({ type: 'uncheck', bid: page.nodes[i]!.bid }, `Not ${c.label}.`);
      for (const { c, i } of boxes) {
        if (!want.has(c.id)) continue;
        if (i < 0) return 'unseen';
        if (!page.nodes[i]!.states.has('checked')) return act({ type: 'check', bid: page.nodes[i]!.bid }, `Choose ${c.label}.`);
      }
      return undefined;
    }
    if (g.display === 'quantities') {
      const want = plan.quantities?.[g.id] ?? {};
      for (const c of g.choices) {
        const box = page.nodes.find((n, i) => n.role === 'spinbutton' && n.name.startsWith(`${c.label} (`) && inGroup(i));
        const n = want[c.id] ?? 0;
        if (!box) {
          if (n > 0) return 'unseen';
          continue;
        }
        if (Number(box.value || 0) !== n) return act({ type: 'fill', bid: box.bid, text: String(n) }, `${n} × ${c.label}.`);
      }
      return undefined;
    }
    const choice = g.choices.find((c) => c.id === plan.choices[g.id]);
    if (!choice) return undefined;
    const radio = page.nodes.find((n, i) => n.role === 'radio' && named(n, choice.label) && inGroup(i));
    if (!radio) return 'unseen';
    if (!radio.states.has('checked')) return act({ type: 'click', bid: radio.bid }, `Choose ${choice.label} for ${what}.`);
    return undefined;
  }

  /**
   * Fill travellers, contact details and add-ons, then continue to the review. On a wizard
   * ("Step 2 of 3: Contact details") only the page's own part is filled, then Next.
   */
  private details(page: AxPage, obs: Observation): Decision {
    const site = this.site!;
    const plan = this.plan!;
    if (plan.stopAt === 'details') return act({ type: 'stop', answer: 'details' }, 'Stop here.');
    // The wizard's progress line says which page this is; scrolled out of view, what it said on
    // this page before, or the page's address (`?part=contact`; the first page has none).
    const line = /Step (\d+) of (\d+): ([A-Za-z -]+)/.exec(obs.axtree)?.[3]?.trim();
    if (line) this.wizardParts.set(obs.url, line);
    const isWizard = line !== undefined || (site.flow ?? []).some((s) => s.meta?.wizard);
    const WIZARD_PARTS: Record<string, string> = { travellers: 'Travellers', contact: 'Contact details', extras: 'Add-ons' };
    // A site may name its pages otherwise ("Vehicle and driver"): read them as the parts they are.
    const renamed = (site.flow ?? []).find((s) => s.meta?.wizardLabels)?.meta?.wizardLabels ?? {};
    const canonical = (shown: string | undefined) => {
      const key = Object.entries(renamed).find(([, v]) => v === shown)?.[0];
      return key ? WIZARD_PARTS[key] : shown;
    };
    const part = canonical(line ?? this.wizardParts.get(obs.url)) ?? (isWizard ? WIZARD_PARTS[new URL(obs.url).searchParams.get('part') ?? 'travellers'] : undefined);
    const wizard = isWizard;
    const doing = (p: 'Travellers' | 'Contact details' | 'Add-ons') => !part || part === p;
    const groups = page.nodes.map((n, i) => ({ n, i })).filter(({ n }) => n.role === 'group');
    const fieldIn = (groupName: string, label: string) => {
      const g = groups.find((x) => x.n.name === groupName);
      if (!g) return undefined;
      return page.nodes.find((n, i) => FIELD_ROLES.includes(n.role) && (n.name === label || n.name === `${label} (optional)`) && isInside(page, i, g.i));
    };
    let missing = false;
    const fill = (key: string, node: AxNode | undefined, value: string, kind: string, label: string): Decision | undefined => {
      if (!node) {
        if (!this.filled.has(key)) missing = true;
        return undefined;
      }
      let d: Decision | undefined;
      if (kind === 'select') {
        const f = [...site.travellerFields, ...site.contactFields].find((x) => x.label === label);
        const optLabel = f?.options?.find((o) => o.value === value)?.label ?? value;
        d = node.value === optLabel ? undefined : act({ type: 'select_option', bid: node.bid, options: [optLabel] }, `Choose ${optLabel} for ${label}.`);
      } else {
        d = (node.value ?? '') === value ? undefined : act({ type: 'fill', bid: node.bid, text: value }, `Enter ${value} as ${label.toLowerCase()}.`);
      }
      this.filled.add(key);
      return d;
    };
    if (doing('Travellers')) {
      for (let i = 1; i <= plan.travellers.length; i++) {
        for (const f of site.travellerFields) {
          const v = plan.travellers[i - 1]![f.name] ?? '';
          if (v === '') continue;
          const d = fill(`t${i}.${f.name}`, fieldIn(site.wording.travellerLabel(i), f.label), v, f.kind, f.label);
          if (d) return d;
        }
      }
    }
    if (doing('Contact details')) {
      for (const f of site.contactFields) {
        const v = plan.contact[f.name];
        if (v === undefined || v === '') continue;
        const d = fill(`c.${f.name}`, fieldIn('Contact details', f.label), v, f.kind, f.label);
        if (d) return d;
      }
    }
    if (missing) return this.scrollOr(obs, 'Some fields are not in view yet; scroll to them.');
    const detail = site.detail(this.world, plan.params, plan.listingId);
    if (detail && doing('Add-ons')) {
      const choices = detail.optionGroups.flatMap((g) => g.choices.filter((c) => c.id === plan.choices[g.id] || plan.multi?.[g.id]?.includes(c.id) || (plan.quantities?.[g.id]?.[c.id] ?? 0) > 0));
      for (const x of site.extras({ params: plan.params, listing: detail.listing, choices })) {
        const want = plan.extras[x.id] ?? 0;
        if (x.kind === 'checkbox') {
          const box = page.nodes.find((n) => n.role === 'checkbox' && n.name.startsWith(`${x.label} (+`));
          if (box && box.states.has('checked') !== want > 0) return act({ type: want > 0 ? 'check' : 'uncheck', bid: box.bid }, want > 0 ? `Add ${x.label.toLowerCase()}.` : `No ${x.label.toLowerCase()}.`);
        } else {
          const box = page.nodes.find((n) => n.role === 'spinbutton' && n.name.startsWith(`${x.label} (+`));
          if (box && Number(box.value ?? 0) !== want) return act({ type: 'fill', bid: box.bid, text: String(want) }, `Set ${x.label.toLowerCase()} to ${want}.`);
        }
      }
    }
    const go = page.nodes.find((n) => n.role === 'button' && n.name === 'Continue to review') ?? (wizard ? page.nodes.find((n) => n.role === 'button' && n.name === 'Next') : undefined);
    if (!go) return this.scrollOr(obs, 'Scroll to the rest of the form.');
    return act({ type: 'click', bid: go.bid }, go.name === 'Next' ? `${part} done; next page.` : 'Details complete; continue to the review.');
  }

  /** Type `value` into the field labelled `label` unless it already holds it (a password shows nothing: typed once per form). */
  private typeInto(page: AxPage, label: string, value: string, secret = false): Decision | undefined {
    const node = page.nodes.find((n) => FIELD_ROLES.includes(n.role) && n.name === label);
    if (!node) return undefined;
    const key = `${this.forms}:${label}`;
    const done = secret ? this.filled.has(key) : (node.value ?? '') === value;
    this.filled.add(key);
    if (done) return undefined;
    return act({ type: 'fill', bid: node.bid, text: value }, secret ? `Enter the password as ${label.toLowerCase()}.` : `Enter ${value} as ${label.toLowerCase()}.`);
  }

  /** Press a submit button: the next page's password fields are empty again. */
  private submit(node: AxNode, thought: string): Decision {
    this.forms++;
    return act({ type: 'click', bid: node.bid }, thought);
  }

  /** The card form: number, name, expiry, CVC and postcode, then pay. */
  private payment(page: AxPage, obs: Observation): Decision {
    const plan = this.plan!;
    const lead = plan.travellers[0] ?? {};
    const card = plan.card ?? { number: '4242 4242 4242 4242', name: `${lead.firstName ?? 'Alex'} ${lead.lastName ?? 'Guest'}`, expiry: '12/29', cvc: '123', postcode: '1000-100' };
    const fields: [string, string, boolean][] = [
      ['Card number', card.number, false],
      ['Name on card', card.name, false],
      ['Expiry date (MM/YY)', card.expiry, false],
      ['Security code (CVC)', card.cvc, true],
      ['Billing postcode', card.postcode, false],
    ];
    for (const [label, value, secret] of fields) {
      const d = this.typeInto(page, label, value, secret);
      if (d) return d;
      // A field out of view that was typed on this form is done; one never typed is looked for.
      if (!page.nodes.some((n) => FIELD_ROLES.includes(n.role) && n.name === label) && !this.filled.has(`${this.forms}:${label}`)) return this.scrollOr(obs, 'Find the card form.');
    }
    const pay = page.nodes.find((n) => n.role === 'button' && n.name.startsWith('Pay '));
    if (!pay) return this.scrollOr(obs, 'Find the pay button.');
    return this.submit(pay, 'The card details are in; pay and book.');
  }

  /** The account wall: continue as a guest, or create the account, then sign in with it. */
  private account(page: AxPage, obs: Observation): Decision {
    const plan = this.plan!;
    const lead = plan.travellers[0] ?? {};
    const name = `${lead.firstName ?? 'Alex'} ${lead.lastName ?? 'Guest'}`;
    const acc = plan.account ?? { mode: 'register' as const, name, email: plan.contact.email ?? 'booker@example.com', password: 'Booking2026' };
    const link = (label: string) => page.nodes.find((n) => n.role === 'link' && n.name === label);
    const button = (label: string) => page.nodes.find((n) => n.role === 'button' && n.name === label);
    const go = link('Continue with this account');
    if (go) return act({ type: 'click', bid: go.bid }, 'Signed in; continue.');
    const guest = button('Continue as a guest');
    if (acc.mode === 'guest' && guest) return this.submit(guest, 'No account needed: continue as a guest.');
    const registered = /Account created for|An account with this email already exists|The email or password is not right/.test(obs.axtree) || this.registered;
    if (registered) {
      const d = this.typeInto(page, 'Email address', acc.email) ?? this.typeInto(page, 'Password', acc.password, true);
      if (d) return d;
      const signIn = button('Sign in');
      if (signIn) return this.submit(signIn, 'Sign in with the new account.');
      return this.scrollOr(obs, 'Find the sign-in form.');
    }
    const d = this.typeInto(page, 'Full name', acc.name) ?? this.typeInto(page, 'Email for the account', acc.email) ?? this.typeInto(page, 'Choose a password', acc.password, true);
    if (d) return d;
    const create = button('Create account');
    if (!create) return this.scrollOr(obs, 'Find the form to create an account.');
    this.registered = true;
    return this.submit(create, 'Create the account.');
  }

  /** A task about a booking the user has: find it under "My bookings" and change or cancel it. */
  private manage(page: AxPage, obs: Observation, path: string): Decision {
    const site = this.site!;
    const m = this.plan!.manage!;
    const ref = m.reference;
    const link = (pred: (name: string) => boolean) => page.nodes.find((n) => n.role === 'link' && pred(n.name));
    const button = (label: string) => page.nodes.find((n) => n.role === 'button' && n.name === label);
    // The change's page answers at the form's own address: its notice says it is done.
    const done = path.startsWith(`/bookings/${ref}`) && (m.action === 'cancel' ? /Cancelled\. Refund/.test(obs.axtree) : m.action === 'dates' ? /Your booking now runs/.test(obs.axtree) : /The traveller names are updated/.test(obs.axtree));
    if (done) return act({ type: 'stop', answer: ref }, `Booking ${ref} is ${m.action === 'cancel' ? 'cancelled' : 'changed'}; done.`);
    if (path === `/bookings/${ref}/cancel`) {
      const yes = button('Yes, cancel this booking');
      return yes ? this.submit(yes, 'Confirm the cancellation.') : this.scrollOr(obs, 'Find the button that confirms the cancellation.');
    }
    if (path === `/bookings/${ref}/dates`) {
      for (const f of site.searchFields.filter((x) => m.dates?.[x.name] !== undefined)) {
        const d = this.typeInto(page, `New ${f.label.toLowerCase()}`, m.dates![f.name]!);
        if (d) return d;
      }
      const save = button('Change dates');
      return save ? this.submit(save, 'The new dates are in; change them.') : this.scrollOr(obs, 'Find the button that changes the dates.');
    }
    if (path === `/bookings/${ref}/travellers`) {
      const groups = page.nodes.map((n, i) => ({ n, i })).filter(({ n }) => n.role === 'group');
      for (const [k, person] of (m.travellers ?? []).entries()) {
        const g = groups.find((x) => x.n.name === site.wording.travellerLabel(k + 1));
        for (const f of site.travellerFields) {
          const v = person[f.name];
          const node = g && page.nodes.find((n, i) => FIELD_ROLES.includes(n.role) && (n.name === f.label || n.name === `${f.label} (optional)`) && isInside(page, i, g.i));
          if (!v || !node) continue;
          if ((node.value ?? '') !== v) return act({ type: node.role === 'combobox' ? 'select_option' : 'fill', bid: node.bid, ...(node.role === 'combobox' ? { options: [f.options?.find((o) => o.value === v)?.label ?? v] } : { text: v }) } as Action, `Enter ${v} as ${f.label.toLowerCase()} of ${site.wording.travellerLabel(k + 1).toLowerCase()}.`);
        }
      }
      const save = button('Save traveller names');
      return save ? this.submit(save, 'Save the new names.') : this.scrollOr(obs, 'Find the save button.');
    }
    if (path === `/bookings/${ref}`) {
      if (this.plan!.stopAt === 'manage') return act({ type: 'stop', answer: ref }, 'Stop here.');
      const label = m.action === 'cancel' ? 'Cancel booking' : m.action === 'dates' ? 'Change dates' : 'Change traveller names';
      const go = link((n) => n === label);
      return go ? act({ type: 'click', bid: go.bid }, `${label} of ${ref}.`) : this.scrollOr(obs, `Find "${label}".`);
    }
    if (path === '/bookings') {
      const mine = link((n) => n.startsWith(`${ref}:`));
      return mine ? act({ type: 'click', bid: mine.bid }, `Open booking ${ref}.`) : this.scrollOr(obs, `Find booking ${ref} in the list.`);
    }
    const list = link((n) => n === 'My bookings');
    return list ? act({ type: 'click', bid: list.bid }, 'The booking is under "My bookings".') : this.scrollOr(obs, 'Find "My bookings".');
  }

  private scrollOr(obs: Observation, thought: string): Decision {
    const s = obs.scroll;
    if (s.y + s.viewportHeight < s.pageHeight - 1) return act({ type: 'scroll', dx: 0, dy: Math.round(s.viewportHeight * 0.8) }, thought);
    if (s.y > 0) return act({ type: 'scroll', dx: 0, dy: -s.y }, thought);
    return act({ type: 'noop', ms: 100 }, 'Wait for the page.');
  }
}
