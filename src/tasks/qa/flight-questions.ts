import { horizonDates } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { QaQuery } from '../../core/schemas/answer.js';
import { articlePath, type Entity, type KnowledgeGraph } from '../../knowledge/index.js';
import { depth, entitiesOf, identifies, named, resolveRef, shapeOf, type Ref } from './description.js';
import { answerOfResults, resultsKeyWords, RESULTS_KEYS, type ResultsKey, type ResultsPages } from './day-results.js';
import { answerOfName } from './fact-words.js';
import { kgQuestion } from './kg-questions.js';
import { leaks, type Question } from './question.js';
import { dayText, refText } from './render.js';

/** The city an airport serves (the route's end), by the graph's link. */
function cityOf(g: KnowledgeGraph, airportId: string): Entity | undefined {
  const to = g.get(airportId).links.find((l) => l.rel === 'serves-city')?.to;
  return to ? g.find(to) : undefined;
}

/** A route between two cities, as data: the route starting at an airport serving the first and ending at one serving the second. */
export function routeRef(route: Entity, origin: Ref, destination: Ref): Ref {
  const end = (city: Ref, airport: string): Ref => ({ kind: 'described', d: { type: 'airport', of: airport, clues: [{ kind: 'link', rel: 'serves-city', dir: 'out', target: city }] } });
  const from = route.links.find((l) => l.rel === 'from')!.to;
  const to = route.links.find((l) => l.rel === 'to')!.to;
  return {
    kind: 'described',
    d: {
      type: 'flight-route',
      of: route.id,
      clues: [
        { kind: 'link', rel: 'from', dir: 'out', target: end(origin, from) },
        { kind: 'link', rel: 'to', dir: 'out', target: end(destination, to) },
      ],
    },
  };
}

/** The cities' references inside a route's reference (what a reader finds out before searching the route). */
export function cityRefsOfRoute(r: Ref): Ref[] {
  if (r.kind !== 'described') return [];
  return r.d.clues.flatMap((c) => (c.kind === 'link' && c.target.kind === 'described' ? c.target.d.clues.flatMap((x) => (x.kind === 'link' ? [x.target] : [])) : []));
}

/** A city named (level 1) or described by a knowledge-graph walk of `walkLevel` from it (the walk's question about its name, without the question). */
function cityRef(g: KnowledgeGraph, rng: Rng, city: Entity, walkLevel: 0 | 1 | 2 | 3): Ref | undefined {
  if (walkLevel === 0) return named(city);
  const q = kgQuestion(g, rng, walkLevel, { start: city, ask: { kind: 'name', answer: answerOfName(city) } });
  return q?.query.subject as Ref | undefined;
}

/** The question's text: what is asked (the answer constraint's phrase, said as is), the route, the day and the site. */
function questionText(key: ResultsKey, from: string, to: string, day: string): string {
  const what = resultsKeyWords(key);
  switch (key) {
    case 'nonstop-airlines':
      return `What are the ${what} from ${from} to ${to} on ${day}, according to SkyHop's flight search? Give every one.`;
    case 'nonstop-count':
      return `What is the ${what} from ${from} to ${to} on ${day} that SkyHop lists?`;
    case 'cheapest-fare':
    case 'cheapest-airline':
      return `What is the ${what} that SkyHop shows from ${from} to ${to} on ${day}?`;
    case 'earliest-airline':
      return `What is the ${what} from ${from} to ${to} on ${day}, according to SkyHop?`;
  }
}

/**
 * A cross-site question about flights (the "Which airline flies non-stop from the city
 * whose jazz festival opens on 12 June to Lisbon?"): a route on a day, its cities named (level 1)
 * or the origin described by a knowledge-graph walk through the guide (level 2: one relation;
 * level 3: two or three, blurred; the destination described too, by one relation, half the time),
 * and what only SkyHop's results page for that route and day shows: the airlines flying it
 * non-stop, how many non-stop flights, the cheapest fare and whose flight it is, the airline of the
 * first departure. The answer is computed from exactly the rows that page lists (one adult, one
 * way, economy) and kept only when a careful reader would find the same one (no tie, no sold-out
 * flight ahead of it). The proof is that results page, filtered and sorted so what is asked is at
 * the top (first), then the guide articles of the walk.
 */
export function flightQuestion(g: KnowledgeGraph, rng: Rng, level: 1 | 2 | 3, pages: ResultsPages): Question | undefined {
  const routes = g.ofType('flight-route');
  if (routes.length === 0) return undefined;
  const route = rng.pick(routes);
  const date = rng.pick(horizonDates().slice(1));
  const key = rng.pick(RESULTS_KEYS);
  const rows = pages.results('skyhop', route, date);
  if (!rows) return undefined;
  const answer = answerOfResults(key, rows);
  if ('problem' in answer) return undefined;
  const origin = cityOf(g, route.links.find((l) => l.rel === 'from')!.to);
  const destination = cityOf(g, route.links.find((l) => l.rel === 'to')!.to);
  if (!origin || !destination) return undefined;
  const fromRef = cityRef(g, rng, origin, level === 1 ? 0 : level === 2 ? 1 : rng.pick([2, 3] as const));
  const toRef = cityRef(g, rng, destination, level === 3 && rng.chance(0.5) ? 1 : 0);
  if (!fromRef || !toRef) return undefined;
  const subject = routeRef(route, fromRef, toRef);
  if (!identifies(g, subject, route.id)) return undefined;
  const unique = (r: Ref) => resolveRef(g, r).length === 1;
  const text = questionText(key, refText(fromRef, unique), refText(toRef, unique), dayText(date));
  if (leaks(text, answer)) return undefined;
  const proof = pages.proofOf(route, date, key, rows);
  if (!proof) return undefined;
  const cities = [...new Set([...entitiesOf(fromRef), ...entitiesOf(toRef)])];
  const query: QaQuery = { subject, ask: { kind: 'results-fact', site: proof.site, date, key } };
  // A named city needs no page of its own before the search; a described one, its walk's pages.
  const walk = (r: Ref) => (r.kind === 'named' ? 0 : depth(r));
  return {
    method: 'cross',
    level,
    text,
    answer,
    phrase: resultsKeyWords(key),
    hops: 1 + Math.max(walk(fromRef), walk(toRef)),
    proof: [proof, ...cities.map((id) => ({ site: 'guide', path: articlePath(id) }))],
    entities: [route.id, ...cities],
    shape: `cross:flight-route[${shapeOf(fromRef)}>${shapeOf(toRef)}]?results:${key}`,
    templateId: `qa/cross/results-${answer.type}`,
    query,
  };
}
