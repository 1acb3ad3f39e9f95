import type { Constraint } from '../../core/schemas/task.js';
import type { SiteDefinition } from '../../sites/engine/site-definition.js';
import { catalogueFor } from '../../sites/registry.js';
import type { World } from '../../world/world.js';
import type { Target } from '../../sites/kit/task-catalogue.js';
import { addonCandidate, detailsCandidates } from '../details-candidates.js';
import { generateTask, stageOf } from '../generate-task.js';
import { generateManageTask } from '../manage-task.js';
import { buildTarget } from '../target.js';
import { Rng } from '../../core/rng.js';
import { readLearntSchema, writeLearntSchema, type LearntSchema } from './schema-cache.js';

/**
 * What a decomposer is grounded in: the facts the site's state records (field, stage, kind),
 * the values each takes (codes, with the words people use for them), the add-ons and the
 * traveller fields. Learnt from the site's definition and from the constraints its own
 * generator writes, so a model is never asked to guess a field name or a code.
 */
export type FieldSchema = {
  field: string;
  label: string;
  stage: string;
  kind: string;
  /** Values seen, each with the words that name it ("LIS" -> ["Lisbon"]). */
  values: Map<string, Set<string>>;
  numeric: boolean;
};

export type SiteSchema = {
  site: string;
  fields: Map<string, FieldSchema>;
  addons: Set<string>;
  detailFields: Set<string>;
  /** Fields filled from a list of places (autocomplete): any place the site knows is a value. */
  places: Set<string>;
  /** The code of a place named in words, when the site knows it ("Porto" -> "OPO"). */
  placeCode(field: string, words: string): string | undefined;
  /** The places of a field whose name starts with these words ("Madrid" -> its airport desk and its downtown branch). */
  placeOptions(field: string, words: string): { value: string; label: string }[];
  /**
   * Every phrase the generator wrote, with the constraint it says and the other constraints of
   * its task (a stay's length is said relative to its check-in): the embedded decomposer's phrase book.
   */
  phrases: { text: string; constraint: Constraint; siblings?: readonly Constraint[] }[];
  /**
   * Per text fact the inventory records (an event's performer): every way its rows name a value,
   * the value itself and a title that contains it ("Ruby Atlas: Electric Dreams Tour" -> "Ruby
   * Atlas"; a title shared by rows of different values is left out). The sample names only a few.
   */
  named: Map<string, Map<string, string>>;
};

const cache = new Map<string, SiteSchema>();

/** How many generated tasks per tier the schema and phrase book are learnt from. */
export const SCHEMA_SAMPLE = 40;
/**
 * How many more targets lend every wording of every constraint the catalogue offers for them (a
 * task says only a few): what lets the phrase book read lists, date ranges and names it never saw in a task.
 */
export const CANDIDATE_SAMPLE = 60;
/** Requests about an existing booking sampled, on a site that lets bookings be managed. */
export const MANAGE_SAMPLE = 12;

export function siteSchema(site: SiteDefinition, world: World): SiteSchema {
  const key = `${site.id}/${world.seed}/${world.hash}`;
  const hit = cache.get(key);
  if (hit) return hit;
  // Learnt once per site, world and source tree, then read from disk (see schema-cache.ts).
  let learnt = readLearntSchema(site.id, world);
  if (!learnt) {
    learnt = learnSchema(site, world);
    writeLearntSchema(learnt, world);
  }
  const schema: SiteSchema = { ...learnt, placeCode: placeCodes(site, world, learnt.fields), placeOptions: placeOptions(site, world) };
  cache.set(key, schema);
  return schema;
}

/** The schema's learnt part: the site's facts and the phrases and values its generator writes. */
function learnSchema(site: SiteDefinition, world: World): LearntSchema {
  const fields = new Map<string, FieldSchema>();
  for (const f of site.facts) fields.set(f.field, { field: f.field, label: f.label, stage: f.stage, kind: f.kind, values: new Map(), numeric: ['number', 'money', 'duration'].includes(f.kind) });
  for (const f of site.searchFields) {
    const fs = fields.get(f.name);
    if (!fs) continue;
    if (f.kind === 'select' || f.kind === 'radio') for (const o of f.options) fs.values.set(o.value, new Set([o.label]));
    if (f.kind === 'stepper') fs.numeric = true;
  }
  const addons = new Set<string>();
  const detailFields = new Set<string>([...site.travellerFields.map((f) => f.name), ...site.contactFields.map((f) => f.name)]);
  const phrases: SiteSchema['phrases'] = [];
  const offered = new Map<string, { id: string; noun: string }>();
  for (const difficulty of ['easy', 'medium', 'hard'] as const) {
    for (let index = 0; index < SCHEMA_SAMPLE; index++) {
      const t = generateTask({ site, catalogue: catalogueFor(site.id), world, seed: 9001, index, difficulty, split: 'train' });
      if (!t) continue;
      // Every add-on the task's option offers, not only those its constraints name.
      const detail = site.detail(world, t.target.params, t.target.listingId);
      if (detail) {
        const choices = detail.optionGroups.flatMap((g) => g.choices.filter((c) => c.id === t.target.choices[g.id]));
        for (const x of site.extras({ params: t.target.params, listing: detail.listing, choices })) {
          addons.add(x.id);
          offered.set(x.id, x);
        }
      }
      for (const c of t.constraints) {
        phrases.push({ text: c.phrase, constraint: c, siblings: t.constraints });
        if (c.kind === 'addon') addons.add(c.field);
        if (c.kind === 'exact') fields.get(c.field)?.values.set(String(c.value), (fields.get(c.field)?.values.get(String(c.value)) ?? new Set()).add(wordsOf(c.phrase)));
        if (c.kind === 'set') for (const v of c.values) if (!fields.get(c.field)?.values.has(v)) fields.get(c.field)?.values.set(v, new Set());
      }
    }
  }
  // Requests about a booking the user has (cancel it, move it, change the lead name): every wording of a few.
  for (let index = 0; site.manage && index < MANAGE_SAMPLE; index++) {
    const t = generateManageTask({ site, catalogue: catalogueFor(site.id), world, seed: 9001, index, difficulty: index % 2 ? 'medium' : 'easy', split: 'train' });
    for (const c of t?.constraints ?? []) phrases.push({ text: c.phrase, constraint: c, siblings: t!.constraints });
  }
  for (let i = 0; i < CANDIDATE_SAMPLE; i++) {
    const rng = new Rng(`schema/${site.id}/${i}`);
    const target = buildTarget(site, world, site.exampleSearch(world, rng.fork('search')), rng.fork('target'));
    if (!target) continue;
    const cands = catalogueFor(site.id).candidates(target, rng.fork('cands'));
    const siblings = cands.map((c) => ({ ...c.constraint, stage: stageOf(site, c.constraint), phrase: c.phrases[0]?.text ?? '' }) as Constraint);
    for (const cand of cands) {
      for (const ph of cand.phrases) phrases.push({ text: ph.text, constraint: { ...cand.constraint, stage: stageOf(site, cand.constraint), phrase: ph.text, templateId: ph.id } as Constraint, siblings });
      const c = cand.constraint;
      if (c.kind === 'exact') fields.get(c.field)?.values.set(String(c.value), (fields.get(c.field)?.values.get(String(c.value)) ?? new Set()).add(wordsOf(cand.phrases[0]?.text ?? String(c.value))));
      if (c.kind === 'set') for (const v of c.values) if (!fields.get(c.field)?.values.has(v)) fields.get(c.field)?.values.set(v, new Set());
    }
    for (const x of site.extras({ params: target.params, listing: target.listing, choices: target.choices })) {
      addons.add(x.id);
      offered.set(x.id, x);
    }
  }
  // Every wording of traveller and contact details (the same on every site), not only those the sample drew.
  const people = { travellers: [{ firstName: 'Ana', lastName: 'Costa' }], contact: { email: 'ana.costa@example.com', phone: '+351 912 345 678' } } as unknown as Target;
  for (const cand of detailsCandidates(people)) {
    for (const ph of cand.phrases) phrases.push({ text: ph.text, constraint: { ...cand.constraint, phrase: ph.text, templateId: ph.id } as Constraint });
  }
  // Every add-on the sample met, wanted and refused, in every wording (a task draws only two).
  for (const x of offered.values()) {
    for (const chosen of [true, false]) {
      const cand = addonCandidate(x, chosen);
      for (const ph of cand.phrases) phrases.push({ text: ph.text, constraint: { ...cand.constraint, phrase: ph.text, templateId: ph.id } as Constraint });
    }
  }
  const places = new Set(site.searchFields.filter((f) => f.kind === 'autocomplete' && fields.has(f.name)).map((f) => f.name));
  return { site: site.id, fields, addons, detailFields, places, phrases, named: namedValues(site, world, fields, places) };
}

function namedValues(site: SiteDefinition, world: World, fields: ReadonlyMap<string, FieldSchema>, places: ReadonlySet<string>): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const f of fields.values()) {
    if (f.kind !== 'text' || places.has(f.field)) continue;
    const said = new Map<string, string | null>();
    for (const d of site.domains) {
      for (const row of world.all(d) as readonly Record<string, unknown>[]) {
        const v = row[f.field];
        if (typeof v !== 'string' || !/^[A-Z]/.test(v)) continue;
        said.set(v, v);
        const title = row.title;
        if (typeof title === 'string' && title !== v && title.includes(v)) said.set(title, said.has(title) && said.get(title) !== v ? null : v);
      }
    }
    const known = new Map([...said].filter((e): e is [string, string] => e[1] !== null));
    if (known.size) out.set(f.field, known);
  }
  return out;
}

function placeOptions(site: SiteDefinition, world: World): SiteSchema['placeOptions'] {
  const norm = (x: string) => x.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim();
  return (field, words) => {
    const f = site.searchFields.find((x) => x.name === field);
    if (!f || f.kind !== 'autocomplete') return [];
    return site.suggest(world, f.source, words).filter((o) => norm(o.label).startsWith(norm(words)));
  };
}

/** The code of a place named in words: from the values learnt, else the site's own suggestions. */
function placeCodes(site: SiteDefinition, world: World, fields: ReadonlyMap<string, FieldSchema>): SiteSchema['placeCode'] {
  const norm = (x: string) => x.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim();
  return (field: string, words: string): string | undefined => {
    const f = site.searchFields.find((x) => x.name === field);
    if (!f || f.kind !== 'autocomplete') return undefined;
    const n = norm(words);
    for (const [code, said] of fields.get(field)?.values ?? []) if ([...said].some((w) => norm(w) === n)) return code;
    // The site's own suggestions: a place whose name is exactly these words (before any comma or bracket).
    return site.suggest(world, f.source, words).find((o) => norm(o.label.split(/[,(]/)[0]!) === n || norm(o.value) === n)?.value;
  };
}

/** The words of a phrase that name a value: "to Lisbon" -> "Lisbon" (drops a leading preposition). */
const wordsOf = (phrase: string) => phrase.replace(/^(to|from|in|at|on|with|for|bound for|heading to|leaving from|flying|departing from)\s+/i, '').replace(/[.]$/, '');

/** The schema as the model is shown it: one line per fact, its stage, kind and values. */
export function describeSchema(s: SiteSchema, maxValues = 40): string {
  const lines = [...s.fields.values()].map((f) => {
    const vals = [...f.values.entries()].slice(0, maxValues).map(([v, words]) => (words.size ? `${v} (${[...words].slice(0, 2).join(' / ')})` : v));
    return `- ${f.field} [${f.stage}, ${f.kind}] "${f.label}"${vals.length ? `: ${vals.join(', ')}${f.values.size > maxValues ? ', ...' : ''}` : ''}`;
  });
  return [
    `Facts of site "${s.site}" (field [stage, kind] "label": values):`,
    ...lines,
    `Add-ons (kind "addon", field = id): ${[...s.addons].join(', ') || '(none)'}`,
    `Traveller and contact fields (kind "details"): ${[...s.detailFields].join(', ')}`,
  ].join('\n');
}
