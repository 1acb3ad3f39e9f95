import type { Rng } from '../../core/rng.js';
import type { AnswerSpec } from '../../core/schemas/answer.js';
import { articlePath, entityIdFromPath, type Entity, type KnowledgeGraph, type Relation } from '../../knowledge/index.js';
import { matches, named, resolveRef, type Description } from './description.js';
import { NOUNS } from './fact-words.js';
import type { CrawledPage } from './crawl.js';
import { narrowToOne } from './narrow.js';
import { asksOf, leaks, makeQuestion, type Question } from './question.js';

/** What a crawl reached: its pages and the entities whose articles were among them. */
export type CrawlResult = { pages: CrawledPage[]; entities: string[] };

/** The entities behind a crawl's pages (the guide's article pages name them). */
export function crawlResult(g: KnowledgeGraph, pages: CrawledPage[]): CrawlResult {
  const ids = pages.map((p) => entityIdFromPath(p.path.split('?')[0]!)).filter((id): id is string => id !== undefined && g.has(id));
  return { pages, entities: [...new Set(ids)] };
}

const plural = (noun: string) => (noun.endsWith('y') && !noun.endsWith('ay') ? `${noun.slice(0, -1)}ies` : noun.endsWith('s') || noun.endsWith('ch') ? `${noun}es` : `${noun}s`);
const OUT_WORDS: Partial<Record<Relation, string>> = {
  'in-country': 'in', 'in-city': 'in', 'in-neighbourhood': 'in the district of', 'serves-city': 'serving', from: 'starting at', to: 'ending at', 'operated-by': 'operated by',
  'member-of': 'belonging to', 'led-by': 'whose chef is', 'at-venue': 'held at', 'part-of': 'that are performances of', 'performed-by': 'performed by', 'at-clinic': 'working at', 'operates-in': 'present in',
};

function question(o: Omit<Question, 'method' | 'proof' | 'entities'> & { entities: string[] }): Question {
  return { ...o, method: 'crawl', proof: o.entities.map((id) => ({ site: 'guide', path: articlePath(id) })) };
}

/** "How many venues in Lisbon does the guide list?": the entities of one type that link to a crawled one, all of them crawled. */
function countQuestion(g: KnowledgeGraph, rng: Rng, crawled: Set<string>, x: Entity): Question | undefined {
  // The question names the place: a name another place of its type shares would count both
  // places' entities once the question is read back over the whole world (the cause of counts
  // that failed the re-check). Such a place is not counted around.
  if (resolveRef(g, named(x)).length !== 1) return undefined;
  const groups = new Map<string, Entity[]>();
  for (const b of g.backlinks(x.id)) {
    const from = g.get(b.from);
    const k = `${b.rel}|${from.type}`;
    const list = groups.get(k) ?? [];
    // An entity linking twice by the same relation is one entity.
    if (!list.some((e) => e.id === from.id)) groups.set(k, [...list, from]);
  }
  const fits = [...groups].filter(([k, es]) => es.length >= 2 && es.length <= 12 && OUT_WORDS[k.split('|')[0] as Relation] && es.every((e) => crawled.has(e.id)));
  if (fits.length === 0) return undefined;
  const [key, members] = rng.pick(fits.sort(([a], [b]) => a.localeCompare(b)));
  const [rel, type] = key.split('|') as [Relation, Entity['type']];
  const answer: AnswerSpec = { type: 'number', value: members.length };
  return question({
    level: 2,
    text: `How many ${plural(NOUNS[type])} ${OUT_WORDS[rel]} ${x.name} does the guide list?`,
    answer,
    phrase: `the number of ${plural(NOUNS[type])}`,
    hops: 2,
    entities: [x.id, ...members.map((m) => m.id)],
    shape: `crawl:count:${rel}:${type}`,
    templateId: 'qa/crawl/count',
    query: { subject: { kind: 'described', d: { type, of: members[0]!.id, clues: [{ kind: 'link', rel, dir: 'out', target: named(x) }] } }, ask: { kind: 'count' } },
  });
}

/** "Which flight routes start at X and end at Y?": what links to two crawled entities at once, every member crawled. */
function intersectionQuestion(g: KnowledgeGraph, rng: Rng, crawled: Set<string>, m: Entity): Question | undefined {
  const links = m.links.filter((l) => crawled.has(l.to) && OUT_WORDS[l.rel]);
  if (links.length < 2) return undefined;
  const [a, b] = rng.sample(links, 2) as [(typeof links)[0], (typeof links)[0]];
  if (a.to === b.to) return undefined;
  const d: Description = { type: m.type, of: m.id, clues: [{ kind: 'link', rel: a.rel, dir: 'out', target: named(g.get(a.to)) }, { kind: 'link', rel: b.rel, dir: 'out', target: named(g.get(b.to)) }] };
  const members = matches(g, d).map((id) => g.get(id));
  const names = new Set(members.map((e) => e.name.toLowerCase()));
  if (members.length === 0 || members.length > 5 || names.size !== members.length || !members.every((e) => crawled.has(e.id))) return undefined;
  const [x, y] = [g.get(a.to), g.get(b.to)];
  const one = members.length === 1;
  const answer: AnswerSpec = one ? { type: 'string', value: members[0]!.name } : { type: 'set', members: members.map((e) => ({ value: e.name })) };
  const noun = NOUNS[m.type];
  const text = `Which ${plural(noun)} are ${OUT_WORDS[a.rel]} ${x.name} and ${OUT_WORDS[b.rel]} ${y.name}? ${one ? 'There is one.' : 'Give every one.'}`;
  if (leaks(text, answer)) return undefined;
  return question({
    level: 2,
    text,
    answer,
    phrase: one ? 'name' : `the ${plural(noun)}`,
    hops: 2,
    entities: [...members.map((e) => e.id), x.id, y.id],
    shape: `crawl:intersection:${m.type}:${a.rel}+${b.rel}`,
    templateId: `qa/crawl/intersection-${one ? 'string' : 'set'}`,
    query: { subject: { kind: 'described', d }, ask: { kind: 'names' } },
  });
}

/** A fact of a crawled entity reached through a crawled neighbour that names it ("the venue that hosts <show>"). */
function multiHopQuestion(g: KnowledgeGraph, rng: Rng, crawled: Set<string>, a: Entity): Question | undefined {
  const outs = a.links.filter((l) => crawled.has(l.to));
  if (outs.length === 0) return undefined;
  // Places are everyone's neighbours: a question through a venue or an operator says more than one through a city.
  const specific = outs.filter((x) => !/^(city|country|neighbourhood):/.test(x.to));
  const l = rng.pick(specific.length > 0 && rng.chance(0.75) ? specific : outs);
  const b = g.get(l.to);
  const asks = asksOf(b).filter((x) => x.kind === 'fact');
  if (asks.length === 0) return undefined;
  const ask = rng.pick(asks);
  const d = narrowToOne(g, rng, { type: b.type, of: b.id, clues: [{ kind: 'link', rel: l.rel, dir: 'in', target: named(a) }] }, b, { avoid: ask.key, max: 2 });
  if (!d) return undefined;
  const q = makeQuestion(g, { method: 'crawl', level: 2, subject: { kind: 'described', d }, answerId: b.id, ask });
  return q && q.entities.every((id) => crawled.has(id)) ? q : undefined;
}

/**
 * A crawlQA question from what the crawled pages show: a count, a multi-hop fact or an
 * intersection, each over entities whose articles the crawl reached (its proof pages are crawled
 * pages), its answer computed over the whole graph so that it is the world's one answer.
 */
export function crawlQuestion(g: KnowledgeGraph, rng: Rng, crawl: CrawlResult): Question | undefined {
  if (crawl.entities.length === 0) return undefined;
  const crawled = new Set(crawl.entities);
  const e = g.get(rng.pick(crawl.entities));
  const kind = rng.pick(['count', 'multi-hop', 'intersection'] as const);
  if (kind === 'count') return countQuestion(g, rng, crawled, e);
  if (kind === 'intersection') return intersectionQuestion(g, rng, crawled, e);
  return multiHopQuestion(g, rng, crawled, e);
}
