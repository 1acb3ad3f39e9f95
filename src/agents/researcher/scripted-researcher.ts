import { formatAction } from '../../browser/actions/format-action.js';
import { InvalidInputError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import type { Action } from '../../core/schemas/action.js';
import type { AnswerSpec, ProofPage } from '../../core/schemas/answer.js';
import type { Observation } from '../../core/schemas/observation.js';
import { isQaTask, type QaTask, type Task } from '../../core/schemas/task.js';
import { articleTitle, buildKnowledgeGraph, entityIdFromPath, type KnowledgeGraph } from '../../knowledge/index.js';
import { GUIDE_NAME } from '../../knowledge/guide/guide-name.js';
import { answerOfFact, answerOfListingFact, answerOfName } from '../../tasks/qa/fact-words.js';
import type { World } from '../../world/world.js';
import { type AxNode, type AxPage, parseAxText } from '../ax-lines.js';
import type { Decision, Policy, PolicyInput } from '../policy.js';
import { DEFAULT_NOISE } from '../scripted/plan.js';

const act = (action: Action, thought: string): Decision => ({ action: formatAction(action), thought });
const SEARCH_BOXES = ['searchbox', 'textbox', 'combobox'];

/**
 * The researcher's error model, like the booking teacher's (scripted/plan.ts): with noise X each
 * error happens independently with probability min(1, X * weight). X = 0 answers every question.
 */
export const RESEARCH_ERROR_WEIGHTS = {
  /** Open a wrong search result once, see it is not the article, and go back. */
  wrongResult: 0.8,
  /** Answer before reading the last proof page, with a near miss: another entity's value of the asked fact. */
  nearMiss: 0.5,
} as const;

/** A proof page's path without its query (a booking page's search is in its query). */
const pathOf = (p: ProofPage) => new URL(p.path, 'http://x').pathname;

/** A booking site's results page (a route's search on a day, a cross-site question's proof): its query is the search. */
const isResultsPage = (p: ProofPage) => p.site !== 'guide' && p.path.startsWith('/search?');

/** Whether the address is the results page's search: the same route and day (filters and sorts aside). */
function sameSearch(p: ProofPage, url: URL): boolean {
  const want = new URLSearchParams(p.path.slice(p.path.indexOf('?') + 1));
  return ['origin', 'destination', 'date'].every((k) => want.get(k) === url.searchParams.get(k));
}

/** How the search engine cites a page's address under its result: "wiki › event › ev-lisbon-088". */
const citeOf = (path: string) => decodeURIComponent(path.split('?')[0]!).replace(/^\//, '').replace(/\//g, ' › ');

/** The text lines under a search result's link (its cited address, its snippet), up to the next result's. */
function resultTexts(lines: readonly string[], link: AxNode): string[] {
  const out: string[] = [];
  for (let i = link.line + 1; i < lines.length && !/^\s*\[[^\]]+\] (heading|link)\b/.test(lines[i]!); i++) out.push(lines[i]!.trim());
  return out;
}

/** Observations cut long names with an ellipsis: a cut name matches the full one it starts. */
function sameName(seen: string, full: string): boolean {
  return seen === full || (seen.endsWith('…') && full.startsWith(seen.slice(0, -1)));
}

/** The reply a person gives for an answer: the value, a number with the unit the question asks, a set joined with ", ". */
export function replyOf(a: AnswerSpec): string {
  switch (a.type) {
    case 'string':
    case 'date':
      return a.value;
    case 'number':
      return a.unit ? `${a.value} ${a.unit}` : String(a.value);
    case 'set':
      return a.members.map((m) => m.value).join(', ');
  }
}

/**
 * The reply to a whole question: one part per answer constraint, in order, separated by "; " (what
 * `replyParts` reads back): "Sunroad; 1998".
 */
export function replyOfTask(task: QaTask): string {
  return task.constraints.map((c) => replyOf(c.answer)).join('; ');
}

/** Another entity's answer to the same ask (the same fact of another of its kind, or another name), or undefined. */
function nearMissOf(g: KnowledgeGraph, task: QaTask, rng: Rng): string | undefined {
  const answerId = task.qa.entities[0]!;
  const right = replyOf(task.constraints[0]!.answer);
  const self = g.find(answerId);
  if (!self) return undefined;
  const ask = task.qa.query.ask;
  const a0 = task.constraints[0]!.answer;
  // A count read off the wrong list is one off.
  if (ask.kind === 'count' && a0.type === 'number') return String(a0.value + (rng.chance(0.5) || a0.value <= 1 ? 1 : -1));
  if (ask.kind === 'results-fact') return nearMissOfResults(a0, self.facts.airlines, rng);
  const others = g.ofType(self.type).filter((e) => e.id !== answerId);
  const replies = others.flatMap((e) => {
    let a: AnswerSpec | undefined;
    if (ask.kind === 'name') a = answerOfName(e);
    else if (ask.kind === 'fact' && e.facts[ask.key] !== undefined) a = answerOfFact(ask.key, e.facts[ask.key]!);
    else if (ask.kind === 'listing-fact' && e.listing?.facts[ask.key] !== undefined) a = answerOfListingFact(ask.key, e.listing.facts[ask.key]!);
    const r = a ? replyOf(a) : undefined;
    return r && r !== right ? [r] : [];
  });
  return replies.length ? rng.pick(replies) : undefined;
}

/**
 * A near miss on a route's results of a day: a count one off, a fare a little higher, another
 * airline of the route (one that flies it with a stop, or on another day), or the non-stop
 * airlines with one of those added.
 */
function nearMissOfResults(a: AnswerSpec, airlines: unknown, rng: Rng): string | undefined {
  const all = Array.isArray(airlines) ? airlines.map(String) : [];
  if (a.type === 'number') return a.unit ? `${a.value + rng.int(3, 20)} ${a.unit}` : String(a.value + (rng.chance(0.5) || a.value <= 1 ? 1 : -1));
  const taken = a.type === 'string' ? [a.value] : a.type === 'set' ? a.members.map((m) => m.value) : [];
  const other = all.filter((x) => !taken.includes(x));
  if (other.length === 0) return undefined;
  return a.type === 'set' ? [...taken, rng.pick(other)].join(', ') : rng.pick(other);
}

/**
 * The embedded researcher: answers a question (a `qa` task) the way a person would, through the
 * real UI only. For each proof page in turn (the clues' pages first, the answer's last) it follows
 * a link to the article when the page it is on has one, else types the article's title into the
 * search engine's box and opens the guide's result; it reads each page, checks the page shows
 * the title it sought, then replies with `stop(answer)`. It knows the answer from the task (as the
 * booking teacher knows its target) but reads the proof pages first. With noise > 0 it makes the
 * mistakes of `RESEARCH_ERROR_WEIGHTS`. One decision per observation, so it recovers from any page.
 */
export class ScriptedResearcher implements Policy {
  readonly name = 'scripted';
  private task: QaTask | undefined;
  private graph: KnowledgeGraph;
  /** The proof pages in reading order, and which of them were read. */
  private order: ProofPage[] = [];
  private readonly read = new Set<string>();
  /** Targets for which a link was tried already (a link of the same name may lead elsewhere). */
  private readonly linkTried = new Set<string>();
  /** Targets searched for already: on a second miss, look further down the results. */
  private wrongResultAt: number | undefined;
  private wrongOpened = false;
  private nearMiss: { after: number; reply: string } | undefined;
  private rng = new Rng('researcher');
  private injected: string[] = [];

  constructor(
    world: World,
    private readonly noise = DEFAULT_NOISE,
  ) {
    this.graph = buildKnowledgeGraph(world);
  }

  begin(task: Task, episodeSeed: number): void {
    if (!isQaTask(task)) throw new InvalidInputError(`the scripted researcher answers questions; task ${task.id} is a booking`, { hint: 'the scripted agent picks the teacher for bookings' });
    this.task = task;
    this.rng = new Rng(`researcher/${task.id}/${episodeSeed}`);
    // The answer's page is first in the proof; a reader starts from the clues and ends on it.
    this.order = task.qa.proof.length > 1 ? [...task.qa.proof.slice(1).reverse(), task.qa.proof[0]!] : [...task.qa.proof];
    this.read.clear();
    this.linkTried.clear();
    this.resultTries.clear();
    this.wrongOpened = false;
    this.injected = [];
    this.wrongResultAt = undefined;
    this.nearMiss = undefined;
    const chance = (w: number) => this.noise > 0 && this.rng.chance(Math.min(1, this.noise * w));
    if (chance(RESEARCH_ERROR_WEIGHTS.wrongResult)) {
      this.wrongResultAt = this.rng.int(0, this.order.length - 1);
      this.injected.push(`wrongResult: opened a wrong search result while looking for proof page ${this.wrongResultAt + 1}`);
    }
    if (chance(RESEARCH_ERROR_WEIGHTS.nearMiss)) {
      const wrong = nearMissOf(this.graph, task, this.rng);
      // Of a question of several parts, the first part is missed and the others are right (partial credit).
      const reply = wrong === undefined ? undefined : [wrong, ...task.constraints.slice(1).map((c) => replyOf(c.answer))].join('; ');
      if (reply) {
        this.nearMiss = { after: this.order.length - 1, reply };
        this.injected.push(`nearMiss: answered "${reply}" before reading the answer's page`);
      }
    }
  }

  /** The injected errors of the current episode, in words (recorded with the trajectory). */
  get errors(): readonly string[] {
    return this.injected;
  }

  async act({ task, observation }: PolicyInput): Promise<Decision> {
    if (!this.task) this.begin(task, 0);
    return this.decide(parseAxText(observation.axtree), observation);
  }

  private titleOf(p: ProofPage): string {
    // A booking page sells the entity the question asks about: its listing is headed by its name.
    if (p.site !== 'guide') return this.graph.find(this.task!.qa.entities[0]!)?.name ?? p.path;
    const id = entityIdFromPath(p.path);
    const e = id ? this.graph.find(id) : undefined;
    return e ? articleTitle(this.graph, e) : p.path;
  }

  private decide(page: AxPage, obs: Observation): Decision {
    const task = this.task!;
    if (page.nodes.some((n) => n.states.has('busy'))) return act({ type: 'noop', ms: 500 }, 'The page is still loading; wait for it.');
    const dialog = page.nodes.findIndex((n) => n.role === 'dialog');
    if (dialog >= 0) {
      const close = page.nodes.find((n) => n.role === 'button' && n.name === 'Close');
      if (close) return act({ type: 'click', bid: close.bid }, 'Close the pop-up.');
    }
    const cookie = page.nodes.find((n) => n.role === 'button' && n.name === 'Accept all cookies');
    if (cookie) return act({ type: 'click', bid: cookie.bid }, 'Accept the cookie banner so it stops covering the page.');

    const url = new URL(obs.url);
    const onGuide = url.hostname.startsWith('guide.');
    const h1 = page.nodes.find((n) => n.role === 'heading' && n.states.has('h1'))?.name;
    // Reading: the page is a proof page when it is the article (or booking page) sought and shows its title.
    const here = this.order.findIndex((p) =>
      p.site === 'guide' ? onGuide && p.path === url.pathname : url.hostname.startsWith(`${p.site}.`) && url.pathname === pathOf(p) && (!isResultsPage(p) || sameSearch(p, url)),
    );
    if (here >= 0 && !this.read.has(this.order[here]!.path)) {
      // A results page is read once its heading (how many flights, from where to where, on which day) is shown.
      const title = this.titleOf(this.order[here]!);
      if (h1 !== undefined && (isResultsPage(this.order[here]!) || sameName(h1, title))) this.read.add(this.order[here]!.path);
    }
    const done = this.order.filter((p) => this.read.has(p.path)).length;
    if (this.nearMiss && done >= this.nearMiss.after) return act({ type: 'stop', answer: this.nearMiss.reply }, `I think I have it: ${this.nearMiss.reply}.`);
    const next = this.order.find((p) => !this.read.has(p.path));
    if (!next) {
      const reply = replyOfTask(task);
      return act({ type: 'stop', answer: reply }, `The pages I read say it: ${reply}.`);
    }
    const title = this.titleOf(next);
    const index = this.order.indexOf(next);
    if (isResultsPage(next)) {
      // The route's search on the day, as the site's own form makes it: its address, filtered and sorted to show what is asked first.
      const origin = `${url.protocol}//${url.hostname.replace(/^[^.]+\./, `${next.site}.`)}${url.port ? `:${url.port}` : ''}`;
      return act({ type: 'goto', url: `${origin}${next.path}` }, `Search ${next.site} for the route on the day the question asks.`);
    }
    if (next.site !== 'guide') return this.toBookingPage(page, obs, next, title);
    // A wrong page opened from the results (or a link that led elsewhere): back to where it came from.
    if (onGuide && url.pathname.startsWith('/wiki/') && here < 0 && this.cameFromResults) {
      this.cameFromResults = false;
      return act({ type: 'go_back' }, `This is not the article on ${title}; go back to the results.`);
    }
    this.cameFromResults = false;
    // Follow a link to the next article when this page has one.
    if (onGuide && !this.linkTried.has(next.path)) {
      const link = page.nodes.find((n) => n.role === 'link' && sameName(n.name, title));
      if (link) {
        this.linkTried.add(next.path);
        return act({ type: 'click', bid: link.bid }, `This page links to ${title}; follow the link.`);
      }
    }
    // On the guide's list of its kind (opened for this article): read on down the list, page by page.
    if (onGuide && url.pathname.startsWith('/list/') && this.linkTried.has(`list:${next.path}`) && !this.linkTried.has(next.path)) {
      const s = obs.scroll;
      if (s.y + s.viewportHeight < s.pageHeight - 1) return act({ type: 'scroll', dx: 0, dy: Math.round(s.viewportHeight * 0.8) }, `Look for ${title} further down the list.`);
      const more = page.nodes.find((n) => n.role === 'link' && n.name === 'Next');
      if (more && !this.linkTried.has(`list-next:${url.search}`)) {
        this.linkTried.add(`list-next:${url.search}`);
        return act({ type: 'click', bid: more.bid }, `${title} is not on this page of the list; try the next.`);
      }
    }
    const query = new URL(obs.url).searchParams.get('q');
    if (url.hostname.startsWith('search.') && url.pathname === '/search' && query === title) {
      const want = `${title} — ${GUIDE_NAME}`;
      const results = page.nodes.filter((n) => n.role === 'link' && / — /.test(n.name) && n.name.endsWith(GUIDE_NAME) && !n.name.startsWith('List of'));
      // Pages of different things may share a title (an event and its show run, a chef and a
      // practitioner): the result whose cited address is the article's is the one; failing that,
      // the n-th visit of these results opens the n-th of them, so a wrong one is not opened forever.
      const same = page.nodes.filter((n) => n.role === 'link' && sameName(n.name, want));
      const cited = same.find((n) => resultTexts(obs.axtree.split('\n'), n).some((t) => `${t} `.includes(`${citeOf(next.path)} `)));
      const hit = same.length > 1 ? (cited ?? same[this.resultTry(next.path, same.length)]) : same[0];
      if (hit && this.wrongResultAt === index && !this.wrongOpened) {
        const wrong = results.find((n) => n !== hit);
        if (wrong) {
          this.wrongOpened = true;
          this.cameFromResults = true;
          return act({ type: 'click', bid: wrong.bid }, `Open ${wrong.name}: it might be the one.`);
        }
      }
      if (hit) return act({ type: 'click', bid: hit.bid }, `Open the guide's article on ${title}.`);
      // A common name (a city's) is on many sites' pages: search the guide only, by its tab above the results.
      const guideTab = page.nodes.find((n) => n.role === 'link' && n.name === GUIDE_NAME);
      if (guideTab && !url.searchParams.get('site')) return act({ type: 'click', bid: guideTab.bid }, `The article is not among the first results; search ${GUIDE_NAME} only.`);
      // Still not on the first page of the guide's results (a city's name is on hundreds of its pages):
      // the guide's list of that kind of thing (its "Cities" header link) names it; a list without it sends the search on.
      const atBottom = obs.scroll.y + obs.scroll.viewportHeight >= obs.scroll.pageHeight - 1;
      const type = entityIdFromPath(next.path)?.split(':')[0];
      if (type && atBottom && !url.searchParams.get('page') && !this.linkTried.has(`list:${next.path}`)) {
        this.linkTried.add(`list:${next.path}`);
        const guide = `${url.protocol}//${url.hostname.replace(/^[^.]+\./, 'guide.')}${url.port ? `:${url.port}` : ''}`;
        return act({ type: 'goto', url: `${guide}/list/${type}` }, `${title} is not on the first page of results; look in the guide's list of them.`);
      }
      const more = page.nodes.find((n) => n.role === 'link' && n.name === 'Next');
      if (more && obs.scroll.y + obs.scroll.viewportHeight >= obs.scroll.pageHeight - 1) return act({ type: 'click', bid: more.bid }, 'Not on this page of results; try the next.');
      return this.scrollOr(obs, `Look for the article on ${title} further down the results.`);
    }
    // Off the search engine, go to it by its address: the guide's header box is for the guide's own readers.
    if (!url.hostname.startsWith('search.')) {
      const origin = `${url.protocol}//${url.hostname.replace(/^[^.]+\./, 'search.')}${url.port ? `:${url.port}` : ''}`;
      return act({ type: 'goto', url: `${origin}/search?q=${encodeURIComponent(title).replace(/%20/g, '+')}` }, `Search the web for "${title}".`);
    }
    return this.search(page, title);
  }

  /**
   * To a booking site's page of the entity: the guide article's "Book <name> on <site>" link when
   * the page has one, else the search engine's result for the name that is on that site.
   */
  private toBookingPage(page: AxPage, obs: Observation, next: ProofPage, name: string): Decision {
    const url = new URL(obs.url);
    const key = `book:${next.path}`;
    if (!this.linkTried.has(key)) {
      const link = page.nodes.find((n) => n.role === 'link' && n.name.startsWith(`Book ${name} on `));
      if (link) {
        this.linkTried.add(key);
        return act({ type: 'click', bid: link.bid }, `The guide links to the booking page of ${name}; open it.`);
      }
      // The article's "Where to book" section may be below the viewport: its contents link jumps there.
      const toc = page.nodes.find((n) => n.role === 'link' && n.name === 'Where to book');
      if (toc && url.hostname.startsWith('guide.') && !this.linkTried.has(`toc:${url.pathname}`)) {
        this.linkTried.add(`toc:${url.pathname}`);
        return act({ type: 'click', bid: toc.bid }, `Jump to where ${name} can be booked.`);
      }
    }
    if (url.hostname.startsWith('search.') && url.pathname === '/search' && url.searchParams.get('q') === name) {
      // Several places may share the name: a result that led elsewhere is passed over next time.
      const hits = page.nodes.filter((n) => n.role === 'link' && n.name.startsWith(`${name} | `));
      const hit = hits[this.resultTry(next.path, hits.length)];
      if (hit) return act({ type: 'click', bid: hit.bid }, `Open ${hit.name}: the booking site's page of ${name}.`);
      const more = page.nodes.find((n) => n.role === 'link' && n.name === 'Next');
      if (more && obs.scroll.y + obs.scroll.viewportHeight >= obs.scroll.pageHeight - 1) return act({ type: 'click', bid: more.bid }, 'Not on this page of results; try the next.');
      return this.scrollOr(obs, `Look for the booking page of ${name} further down the results.`);
    }
    const origin = `${url.protocol}//${url.hostname.replace(/^[^.]+\./, 'search.')}${url.port ? `:${url.port}` : ''}`;
    return act({ type: 'goto', url: `${origin}/search?q=${encodeURIComponent(name).replace(/%20/g, '+')}` }, `Search the web for "${name}" to find its booking page.`);
  }

  /** Results opened per sought page: the n-th visit of its results opens its n-th matching result (cycling). */
  private readonly resultTries = new Map<string, number>();

  private resultTry(path: string, matching: number): number {
    if (matching === 0) return 0;
    const n = this.resultTries.get(path) ?? 0;
    this.resultTries.set(path, n + 1);
    return n % matching;
  }

  /** Set when a result was opened on purpose by mistake: the next article page is read as wrong. */
  private cameFromResults = false;

  /** Type the title into the page's search box (the guide's header box searches the search engine too), then search. */
  private search(page: AxPage, title: string): Decision {
    const boxes = page.nodes.filter((n) => SEARCH_BOXES.includes(n.role) && /search/i.test(n.name));
    const box = boxes.find((n) => n.name === 'Search the web') ?? boxes[0];
    if (!box) return act({ type: 'go_back' }, 'No search box here; go back.');
    return act({ type: 'fill', bid: box.bid, text: title, pressEnter: true }, `Search for "${title}".`);
  }

  private scrollOr(obs: Observation, thought: string): Decision {
    const s = obs.scroll;
    if (s.y + s.viewportHeight < s.pageHeight - 1) return act({ type: 'scroll', dx: 0, dy: Math.round(s.viewportHeight * 0.8) }, thought);
    return act({ type: 'go_back' }, 'Nothing more here; go back.');
  }
}
