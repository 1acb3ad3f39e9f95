import { Rng } from '../core/rng.js';
import { TASK_SCHEMA_VERSION, type Constraint, type Difficulty, type Split, type Stage, type BookingTask } from '../core/schemas/task.js';
import { WORLD_VERSION } from '../core/version.js';
import { evaluate } from '../evaluation/evaluate.js';
import type { SiteDefinition } from '../sites/engine/site-definition.js';
import type { World } from '../world/world.js';
import type { Candidate, Phrase, TaskCatalogue, Target } from '../sites/kit/task-catalogue.js';
import { addonCandidates, detailsCandidates } from './details-candidates.js';
import { sentences } from '../sites/kit/phrasing.js';
import { renderInstruction } from './render-instruction.js';
import { bestOption, MAX_SEARCH_VARIANTS, openSearchFields } from './superlative.js';
import { bookedState, recordTarget, buildTarget } from './target.js';

/**
 * How many constraints each tier adds beyond the key facts and the booking itself (a task
 * has at most MAX_CONSTRAINTS in all).
 */
export const TIER_EXTRAS: Record<Difficulty, [number, number]> = { easy: [0, 1], medium: [2, 3], hard: [4, 5] };
export const MAX_CONSTRAINTS = 8;

export type GenerateOptions = {
  site: SiteDefinition;
  catalogue: TaskCatalogue;
  world: World;
  seed: number;
  /** Index of the task within its batch: with the seed, it fixes the task. */
  index: number;
  difficulty: Difficulty;
  split: Split;
};

const bookedCandidate = (): Candidate => ({
  role: 'core',
  constraint: { id: 'booked', kind: 'booked', stage: 'booking' },
  phrases: sentences('booked', [
    { id: 'complete', text: 'Complete the booking.' },
    { id: 'confirm', text: 'Go all the way to the confirmation.' },
    { id: 'submit', text: 'Submit the booking when everything is right.' },
  ]),
});

/**
 * The stage of a constraint is the stage of the fact it checks, from the site's fact sheet: one
 * rule for what counts before a booking, whatever the catalogue wrote. A constraint on a fact
 * the site does not declare is a catalogue bug (the pages would not show it).
 */
export function stageOf(site: SiteDefinition, c: Pick<Constraint, 'kind' | 'stage'> & { field?: string }): Stage {
  if (c.kind === 'booked') return 'booking';
  if (c.kind === 'details' || c.kind === 'addon') return 'details';
  const fact = site.facts.find((f) => f.field === c.field);
  if (!fact) throw new Error(`${site.id}: a constraint checks "${c.field}", which is not one of the site's facts (SiteDefinition.facts)`);
  return fact.stage;
}

/** What a constraint is about: one constraint per fact, so no two can read as a contradiction. */
export function factKey(c: Pick<Constraint, 'kind'> & { field?: string; traveller?: number }): string {
  if (c.kind === 'booked') return 'booked';
  if (c.kind === 'details') return `details/${c.traveller ?? 'contact'}/${c.field}`;
  if (c.kind === 'addon') return `addon/${c.field}`;
  return `fact/${c.field}`;
}

function differsFromDefault(site: SiteDefinition, c: Candidate): boolean {
  const body = c.constraint;
  if (body.kind !== 'count' && body.kind !== 'exact') return false;
  const field = site.searchFields.find((f) => f.name === body.field);
  if (!field) return false;
  const fallback = field.kind === 'stepper' ? field.default : field.kind === 'select' || field.kind === 'radio' ? field.default : undefined;
  return fallback !== undefined && String(fallback) !== String(body.value);
}

function word(site: SiteDefinition, c: Candidate, phrase: Phrase): Constraint {
  return { ...c.constraint, stage: stageOf(site, c.constraint), phrase: phrase.text, templateId: phrase.id } as Constraint;
}

const fieldOf = (c: Candidate): string | undefined => ('field' in c.constraint ? c.constraint.field : undefined);

/** The stream one task is drawn from; its fork "search" draws the task's search. */
export function taskRng(siteId: string, seed: number, index: number, difficulty: Difficulty): Rng {
  return new Rng(`task/${siteId}/${seed}/${index}/${difficulty}`);
}

/**
 * Makes one task: a target booking, 2-8 constraints it satisfies by tier (at most one per fact),
 * a superlative proven over every search the instruction allows, an instruction in varied
 * wording, and a check that the target really satisfies everything (CSR = 1). Returns undefined
 * when this draw cannot make a task of the tier (the caller draws again).
 */
export function generateTask(o: GenerateOptions): BookingTask | undefined {
  const rng = taskRng(o.site.id, o.seed, o.index, o.difficulty);
  const params = o.site.exampleSearch(o.world, rng.fork('search'));
  let target: Target | undefined = buildTarget(o.site, o.world, params, rng.fork('target'));
  if (!target) return undefined;
  const all = [...o.catalogue.candidates(target, rng.fork('cands')), ...detailsCandidates(target), ...addonCandidates(target, rng.fork('addons'))];
  // A search fact that differs from the form's default must be stated, or the agent would
  // search with the default and see other options: such facts count as keys.
  const isKey = (c: Candidate) => c.role === 'key' || (c.role === 'core' && differsFromDefault(o.site, c));
  const keys = all.filter(isKey);
  const [lo, hi] = TIER_EXTRAS[o.difficulty];
  const size = Math.min(MAX_CONSTRAINTS, keys.length + 1 + rng.int(lo, hi));
  const wantSuper = o.catalogue.superlatives.length > 0 && (o.difficulty === 'hard' || (o.difficulty === 'medium' && rng.chance(0.4)));

  const chosen: Candidate[] = [];
  const facts = new Set<string>();
  const phrases = new Set<string>();
  const take = (c: Candidate): boolean => {
    const key = factKey(c.constraint);
    if (facts.has(key)) return false;
    facts.add(key);
    chosen.push(c);
    return true;
  };
  keys.forEach(take);
  // Room for the booking, and for the superlative when one is wanted.
  const room = () => size - 1 - (wantSuper ? 1 : 0) - chosen.length;
  // With a superlative, who travels and how the search is made are stated: they change which
  // options exist, and so which is best.
  if (wantSuper) for (const c of all.filter((x) => x.role === 'core' && stageOfCandidate(o.site, x) === 'search')) if (room() > 0) take(c);
  // And a search left open in too many ways cannot be proven: pin the widest open fields first.
  if (wantSuper) {
    const pinnedNow = () => new Set(chosen.filter((c) => stageOfCandidate(o.site, c) === 'search').map((c) => fieldOf(c)!));
    for (const open of openSearchFields(o.site, pinnedNow())) {
      if (openSearchFields(o.site, pinnedNow()).reduce((n, f) => n * f.values, 1) <= MAX_SEARCH_VARIANTS) break;
      const pin = all.find((c) => fieldOf(c) === open.name && stageOfCandidate(o.site, c) === 'search');
      if (pin && room() > 0) take(pin);
    }
  }
  const listingLevel = rng.shuffle(all.filter((c) => c.role === 'refine' && c.matchesListing));
  const nListing = o.difficulty === 'hard' ? rng.int(1, 2) : o.difficulty === 'medium' ? rng.int(0, 1) : 0;
  for (const c of listingLevel.slice(0, nListing)) if (room() > 0) take(c);
  const rest = [
    ...(wantSuper ? [] : rng.shuffle(all.filter((c) => c.role === 'core' && !chosen.includes(c)))),
    ...rng.shuffle(all.filter((c) => c.role !== 'core' && c.role !== 'key' && !chosen.includes(c))),
  ];
  for (const c of rest) {
    if (room() <= 0) break;
    if (o.difficulty === 'easy' && c.role !== 'core' && c.role !== 'refine') continue;
    if (c.role === 'core' && rng.chance(0.3)) continue;
    // The two halves of a name are said in one sentence: both or neither.
    if (c.constraint.id === 'traveller1-firstName' || c.constraint.id === 'traveller1-lastName') {
      const pair = all.filter((x) => x.constraint.id.startsWith('traveller1-'));
      if (pair.some((p) => chosen.includes(p)) || room() < pair.length) continue;
      pair.forEach(take);
      continue;
    }
    take(c);
  }

  // Wordings: a name pair shares its sentence; otherwise one phrase each, never the same twice.
  const worded: Constraint[] = [];
  const pairPhrase = rng.pick(all.find((x) => x.constraint.id === 'traveller1-firstName')?.phrases ?? [{ id: 'none', text: 'none', form: 'sentence' as const }]);
  for (const c of chosen) {
    const fresh = c.phrases.filter((p) => !phrases.has(p.text));
    const phrase = c.constraint.id.startsWith('traveller1-') ? pairPhrase : rng.pick(fresh.length > 0 ? fresh : c.phrases);
    phrases.add(phrase.text);
    worded.push(word(o.site, c, phrase));
  }

  // The superlative: proven over every search the instruction allows, scoped by everything the
  // booking must be. The target moves to an option that reaches the best when it does not.
  let superlative: Constraint | undefined;
  if (wantSuper) {
    const scope = worded.filter((c) => c.kind !== 'details' && c.kind !== 'addon' && c.kind !== 'booked');
    const wantedAddons = worded.flatMap((c) => (c.kind === 'addon' && c.chosen ? [c.field] : []));
    for (const spec of rng.shuffle(o.catalogue.superlatives.filter((x) => !target || (x.when?.(target) ?? true)))) {
      if (facts.has(factKey({ kind: 'range', field: spec.field }))) continue;
      const pinned = new Set(scope.filter((c) => c.stage === 'search' && 'field' in c).map((c) => (c as { field: string }).field));
      // Too many ways left to search: the superlative cannot be proven over all of them.
      if (openSearchFields(o.site, pinned).reduce((n, f) => n * f.values, 1) > MAX_SEARCH_VARIANTS) continue;
      const found = bestOption(target, scope, wantedAddons, spec);
      if (!found) continue;
      target = found.witness;
      const phrase = rng.pick(spec.phrases);
      superlative = {
        id: spec.id,
        kind: 'superlative',
        stage: stageOf(o.site, { kind: 'superlative', stage: 'selection', field: spec.field }),
        field: spec.field,
        objective: spec.objective,
        best: found.best,
        scope: scope.map((c) => c.id),
        winners: found.winners,
        phrase: phrase.text,
        templateId: phrase.id,
      };
      break;
    }
  }
  const constraints = [...worded, ...(superlative ? [superlative] : [])];
  const bookedPhrase = rng.pick(bookedCandidate().phrases);
  constraints.push(word(o.site, bookedCandidate(), bookedPhrase));
  if (constraints.length < 2 || constraints.length > MAX_CONSTRAINTS) return undefined;

  // Add-ons the task names are chosen or refused as it says; the others stay off.
  const extras: Record<string, number> = {};
  for (const c of constraints) if (c.kind === 'addon') extras[c.field] = c.chosen ? (c.quantity ?? 1) : 0;
  target = { ...target, extras };
  // Key facts, and who travels, keep the catalogue's order: "for 2 adults, with my kid".
  const keyIds = new Set([...keys, ...chosen.filter((c) => c.role === 'core' && stageOfCandidate(o.site, c) === 'search')].map((k) => k.constraint.id));
  const leadIds = new Set(keys.filter((k) => k.slot !== 'who' && k.constraint.kind !== 'count').map((k) => k.constraint.id));
  const intro = rng.pick(o.catalogue.intros);
  const order = (c: Constraint) => (keyIds.has(c.id) ? all.findIndex((x) => x.constraint.id === c.id) : Number.MAX_SAFE_INTEGER);
  const parts = [...constraints].sort((a, b) => order(a) - order(b)).map((c) => ({ phrase: c.phrase, key: keyIds.has(c.id), lead: leadIds.has(c.id), last: c.kind === 'booked' }));
  const instruction = renderInstruction(intro, parts, rng.fork('render'));
  const t = target;
  const task: BookingTask = {
    schemaVersion: TASK_SCHEMA_VERSION,
    id: `${o.site.id}-${o.split}-${o.seed}-${o.index}`,
    site: o.site.id,
    instruction,
    constraints,
    target: recordTarget(t),
    metadata: { seed: o.seed, worldSeed: o.world.seed, worldVersion: WORLD_VERSION, difficulty: o.difficulty, split: o.split, templateIds: constraints.map((c) => c.templateId ?? c.id) },
  };
  // The witness: a booking of the target must satisfy every constraint.
  const check = evaluate(task, bookedState(t));
  if (!check.sr) return undefined;
  return task;
}

function stageOfCandidate(site: SiteDefinition, c: Candidate): Stage {
  return stageOf(site, { ...c.constraint, field: fieldOf(c) });
}
