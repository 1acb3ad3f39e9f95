import { formatAction } from '../../browser/actions/format-action.js';
import type { Action } from '../../core/schemas/action.js';
import type { Observation } from '../../core/schemas/observation.js';
import type { Task } from '../../core/schemas/task.js';
import { applySort } from '../../sites/engine/results.js';
import { selectLinkName } from '../../sites/engine/views/results-page.js';
import { LOAD_MORE, SHOW_MORE } from '../../sites/engine/views/results/reveal.js';
import type { SiteDefinition } from '../../sites/engine/site-definition.js';
import { siteById } from '../../sites/registry.js';
import type { World } from '../../world/world.js';
import { type AxNode, type AxPage, isInside, parseAxText } from '../ax-lines.js';
import type { Decision, Policy, PolicyInput } from '../policy.js';
import { DEFAULT_NOISE, makePlan, type Plan } from './plan.js';

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

  constructor(
    private readonly world: World,
    private readonly noise = DEFAULT_NOISE,
  ) {}

  begin(task: Task, episodeSeed: number): void {
    this.site = siteById(task.site);
    this.plan = makePlan(task, this.site, this.world, this.noise, episodeSeed);
    this.steps = 0;
    this.wrongClicked = false;
    this.filled.clear();
  }

  /** The injected errors of the current episode, in words. */
  get errors(): readonly string[] {
    return this.plan?.errors ?? [];
  }

  async act({ task, observation }: PolicyInput): Promise<Decision> {
    if (!this.plan || !this.site) this.begin(task, 0);
    this.steps++;
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
    // Overlays first: they sit on top of the page.
    const cookie = button('Accept all cookies');
    if (cookie) return act({ type: 'click', bid: cookie.bid }, 'Accept the cookie banner so it stops covering the page.');
    const dialog = page.nodes.findIndex((n) => n.role === 'dialog');
    if (dialog >= 0) {
      const close = page.nodes.find((n, i) => n.role === 'button' && n.name === 'Close' && isInside(page, i, dialog));
      if (close) return act({ type: 'click', bid: close.bid }, 'Close the promotion pop-up.');
    }
    if (plan.wrongClickAtStep !== undefined && !this.wrongClicked && this.steps >= plan.wrongClickAtStep) {
      const wrong = page.nodes.find((n) => n.role === 'link' && n.name === 'My bookings');
      if (wrong) {
        this.wrongClicked = true;
        return act({ type: 'click', bid: wrong.bid }, 'Open "My bookings".');
      }
    }
    if (h1 === 'My bookings') return act({ type: 'go_back' }, 'That was the wrong page; go back.');

    const path = new URL(obs.url).pathname;
    if (path === '/review') {
      const terms = page.nodes.find((n) => n.role === 'checkbox' && n.name.startsWith('I accept the terms'));
      if (plan.stopAt === 'review') return act({ type: 'stop', answer: 'reviewed' }, 'Everything is filled in; stop here.');
      if (terms && !terms.states.has('checked')) return act({ type: 'check', bid: terms.bid }, 'Accept the terms and conditions.');
      const book = button(site.wording.bookButton);
      if (terms && book) return act({ type: 'click', bid: book.bid }, 'Submit the booking.');
      return this.scrollOr(obs, 'Scroll to the terms and the booking button.');
    }
    if (path === '/details') return this.details(page, obs);
    if (path.startsWith('/listing/')) return this.listing(page, obs);
    if (path === '/search' && !button(site.wording.searchButton)) return this.results(page, obs);
    if (path === '/' || path === '/search') return this.searchForm(page, obs);
    const home = page.nodes.find((n) => n.role === 'link' && (n.name === 'Go to the home page' || n.name === site.name));
    if (home) return act({ type: 'click', bid: home.bid }, 'Start over from the home page.');
    return this.scrollOr(obs, 'Nothing to do here yet; look further down the page.');
  }

  /** Fill the first search field that differs from the plan, then search. */
  private searchForm(page: AxPage, obs: Observation): Decision {
    const site = this.site!;
    const plan = this.plan!;
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

  /** Find the planned listing: go to its page of results, then open it. */
  private results(page: AxPage, obs: Observation): Decision {
    const site = this.site!;
    const plan = this.plan!;
    const listing = site.search(this.world, plan.params).find((l) => l.id === plan.listingId);
    if (!listing) {
      const change = page.nodes.find((n) => n.role === 'link' && n.name === 'Change search');
      if (change) return act({ type: 'click', bid: change.bid }, 'These results are not for my search; change it.');
    }
    const sorted = applySort(site.search(this.world, plan.params), site.sorts[0]!);
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
    // Listings with the same accessible name are told apart by their order on the page; when
    // only some of them are in view the order is unknown, so scroll until all are.
    const twins = onPage.filter((l) => selectLinkName(site, l) === name);
    const k = twins.findIndex((l) => l.id === plan.listingId);
    const links = page.nodes.filter((n) => n.role === 'link' && sameName(n.name, name));
    const link = links.length === twins.length ? links[Math.max(0, k)] : twins.length === 1 ? links[0] : undefined;
    if (link) return act({ type: 'click', bid: link.bid }, `Open ${listing?.title}: it matches what was asked.`);
    return this.scrollOr(obs, `Look for ${listing?.title} further down the results.`);
  }

  /** Pick the planned choice in each option group, then continue. */
  private listing(page: AxPage, obs: Observation): Decision {
    const site = this.site!;
    const plan = this.plan!;
    const detail = site.detail(this.world, plan.params, plan.listingId);
    if (detail) {
      for (const g of detail.optionGroups) {
        const choice = g.choices.find((c) => c.id === plan.choices[g.id]);
        if (!choice) continue;
        const gi = page.nodes.findIndex((n) => n.role === 'group' && n.name === g.label);
        const radio = page.nodes.find((n, i) => n.role === 'radio' && (n.name === choice.label || n.name.startsWith(`${choice.label} —`)) && (gi < 0 || isInside(page, i, gi)));
        if (radio && !radio.states.has('checked')) return act({ type: 'click', bid: radio.bid }, `Choose ${choice.label} for ${g.label.toLowerCase()}.`);
        if (!radio) return this.scrollOr(obs, `Find the ${g.label.toLowerCase()} options.`);
      }
    }
    const cont = page.nodes.find((n) => n.role === 'button' && n.name === site.wording.continueButton);
    if (!cont) return this.scrollOr(obs, 'Find the continue button.');
    return act({ type: 'click', bid: cont.bid }, 'Options chosen; continue.');
  }

  /** Fill travellers, contact details and add-ons, then continue to the review. */
  private details(page: AxPage, obs: Observation): Decision {
    const site = this.site!;
    const plan = this.plan!;
    if (plan.stopAt === 'details') return act({ type: 'stop', answer: 'details' }, 'Stop here.');
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
    for (let i = 1; i <= plan.travellers.length; i++) {
      for (const f of site.travellerFields) {
        const v = plan.travellers[i - 1]![f.name] ?? '';
        if (v === '') continue;
        const d = fill(`t${i}.${f.name}`, fieldIn(site.wording.travellerLabel(i), f.label), v, f.kind, f.label);
        if (d) return d;
      }
    }
    for (const f of site.contactFields) {
      const v = plan.contact[f.name];
      if (v === undefined || v === '') continue;
      const d = fill(`c.${f.name}`, fieldIn('Contact details', f.label), v, f.kind, f.label);
      if (d) return d;
    }
    if (missing) return this.scrollOr(obs, 'Some fields are not in view yet; scroll to them.');
    const detail = site.detail(this.world, plan.params, plan.listingId);
    if (detail) {
      const choices = detail.optionGroups.map((g) => g.choices.find((c) => c.id === plan.choices[g.id])!).filter(Boolean);
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
    const go = page.nodes.find((n) => n.role === 'button' && n.name === 'Continue to review');
    if (!go) return this.scrollOr(obs, 'Scroll to the rest of the form.');
    return act({ type: 'click', bid: go.bid }, 'Details complete; continue to the review.');
  }

  private scrollOr(obs: Observation, thought: string): Decision {
    const s = obs.scroll;
    if (s.y + s.viewportHeight < s.pageHeight - 1) return act({ type: 'scroll', dx: 0, dy: Math.round(s.viewportHeight * 0.8) }, thought);
    if (s.y > 0) return act({ type: 'scroll', dx: 0, dy: -s.y }, thought);
    return act({ type: 'noop', ms: 100 }, 'Wait for the page.');
  }
}
