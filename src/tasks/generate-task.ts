import { Rng } from '../core/rng.js';
import { TASK_SCHEMA_VERSION, type Constraint, type Difficulty, type Split, type Task } from '../core/schemas/task.js';
import { WORLD_VERSION } from '../core/version.js';
import { evaluate } from '../evaluation/evaluate.js';
import type { Listing, SiteDefinition } from '../sites/engine/site-definition.js';
import type { World } from '../world/world.js';
import type { Candidate, Phrase, SuperlativeSpec, TaskCatalogue, Target } from './catalogue.js';
import { sentences } from './phrasing.js';
import { renderInstruction } from './render-instruction.js';
import { bookableChoices, bookedState, buildTarget } from './target.js';

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

/** Traveller and contact details, and add-ons chosen or refused: the same on every site. */
function detailsCandidates(t: Target, rng: Rng): Candidate[] {
  const out: Candidate[] = [];
  const lead = t.travellers[0];
  if (lead?.firstName && lead.lastName) {
    const name = `${lead.firstName} ${lead.lastName}`;
    const say = (field: string) =>
      sentences(`name-${field}`, [
        { id: 'under', text: `Book it under the name ${name}.` },
        { id: 'traveller', text: `The ${t.travellers.length > 1 ? 'first traveller' : 'traveller'} is ${name}.` },
      ]);
    out.push({ role: 'details', constraint: { id: 'traveller1-firstName', kind: 'details', stage: 'details', field: 'firstName', traveller: 1, value: lead.firstName }, phrases: say('first') });
    out.push({ role: 'details', constraint: { id: 'traveller1-lastName', kind: 'details', stage: 'details', field: 'lastName', traveller: 1, value: lead.lastName }, phrases: say('last') });
  }
  if (t.contact.email) {
    out.push({ role: 'details', constraint: { id: 'contact-email', kind: 'details', stage: 'details', field: 'email', value: t.contact.email }, phrases: sentences('email', [{ id: 'send', text: `Send the confirmation to ${t.contact.email}.` }, { id: 'use', text: `Use the email ${t.contact.email}.` }]) });
  }
  if (t.contact.phone) {
    out.push({ role: 'details', constraint: { id: 'contact-phone', kind: 'details', stage: 'details', field: 'phone', value: t.contact.phone }, phrases: sentences('phone', [{ id: 'reach', text: `My phone number is ${t.contact.phone}.` }]) });
  }
  const extras = t.site.extras({ params: t.params, listing: t.listing, choices: t.choices });
  for (const x of rng.sample(extras, 2)) {
    const label = x.label.replace(/\s*\(.*\)$/, '').toLowerCase();
    if (rng.chance(0.5)) {
      t.extras[x.id] = 1;
      out.push({ role: 'addon', constraint: { id: `addon-${x.id}`, kind: 'addon', stage: 'details', field: x.id, chosen: true }, phrases: sentences(`addon-${x.id}`, [{ id: 'add', text: `Add ${label}.` }, { id: 'want', text: `I also want ${label}.` }]) });
    } else {
      t.extras[x.id] = 0;
      out.push({ role: 'addon', constraint: { id: `no-${x.id}`, kind: 'addon', stage: 'details', field: x.id, chosen: false }, phrases: sentences(`no-${x.id}`, [{ id: 'no', text: `No ${label}, thanks.` }, { id: 'skip', text: `Don't add ${label}.` }]) });
    }
  }
  return out;
}

function differsFromDefault(site: SiteDefinition, c: Candidate): boolean {
  const body = c.constraint;
  if (body.kind !== 'count' && body.kind !== 'exact') return false;
  const field = site.searchFields.find((f) => f.name === body.field);
  if (!field) return false;
  const fallback = field.kind === 'stepper' ? field.default : field.kind === 'select' || field.kind === 'radio' ? field.default : undefined;
  return fallback !== undefined && String(fallback) !== String(body.value);
}

function superlativeValue(l: Listing, field: string): number | string | undefined {
  const v = l.attrs[field];
  return typeof v === 'number' || typeof v === 'string' ? v : undefined;
}

/** The unique best bookable listing of `scope` for the spec, or undefined on a tie. */
function uniqueBest(t: Target, scope: Listing[], spec: SuperlativeSpec): { listing: Listing; best: number | string } | undefined {
  const ranked = scope
    .filter((l) => superlativeValue(l, spec.field) !== undefined && bookableChoices(t.site, t.world, t.params, l))
    .sort((a, b) => {
      const va = superlativeValue(a, spec.field)!;
      const vb = superlativeValue(b, spec.field)!;
      const d = va < vb ? -1 : va > vb ? 1 : 0;
      return spec.objective === 'min' ? d : -d;
    });
  const first = ranked[0];
  if (!first || ranked.length < 2) return undefined;
  const best = superlativeValue(first, spec.field)!;
  if (superlativeValue(ranked[1]!, spec.field) === best) return undefined;
  return { listing: first, best };
}

function word(c: Candidate, rng: Rng): Constraint {
  const phrase: Phrase = rng.pick(c.phrases);
  return { ...c.constraint, phrase: phrase.text, templateId: phrase.id } as Constraint;
}

/**
 * Makes one task: a target booking, 2-8 constraints it satisfies by tier, an instruction in
 * varied wording, and a check that the target really satisfies everything (CSR = 1).
 * Returns undefined when this draw cannot make a task of the tier (the caller draws again).
 */
export function generateTask(o: GenerateOptions): Task | undefined {
  const rng = new Rng(`task/${o.site.id}/${o.seed}/${o.index}/${o.difficulty}`);
  const params = o.site.exampleSearch(o.world, rng.fork('search'));
  let target = buildTarget(o.site, o.world, params, rng.fork('target'));
  if (!target) return undefined;
  const first = o.catalogue.candidates(target, rng.fork('cands'));
  // A search fact that differs from the form's default must be stated, or the agent would
  // search with the default and see other options: such facts count as keys.
  const keys = first.filter((c) => c.role === 'key' || (c.role === 'core' && differsFromDefault(o.site, c)));
  const listingLevel = first.filter((c) => c.role === 'refine' && c.matchesListing);
  const [lo, hi] = TIER_EXTRAS[o.difficulty];
  const size = Math.min(MAX_CONSTRAINTS, keys.length + 1 + rng.int(lo, hi));
  const choose: Candidate[] = [...keys];

  // A superlative in hard tasks (and some medium ones), scoped by the listing-level refinements.
  let superlative: Constraint | undefined;
  const wantSuper = o.difficulty === 'hard' || (o.difficulty === 'medium' && rng.chance(0.4));
  const refineListing = rng.sample(listingLevel, Math.min(Math.max(0, size - choose.length - 2), o.difficulty === 'hard' ? rng.int(1, 2) : o.difficulty === 'medium' ? rng.int(0, 1) : 0));
  choose.push(...refineListing);
  if (wantSuper && o.catalogue.superlatives.length > 0) {
    for (const spec of rng.shuffle(o.catalogue.superlatives)) {
      // The options that meet every listing-level constraint stated so far, keys included.
      const scope = target.results.filter((l) => [...keys, ...refineListing].every((c) => !c.matchesListing || c.matchesListing(l)));
      const best = uniqueBest(target, scope, spec);
      if (!best) continue;
      const retarget = best.listing.id === target.listing.id ? target : buildTarget(o.site, o.world, params, rng.fork('best'), best.listing.id);
      if (!retarget) continue;
      target = retarget;
      const phrase = rng.pick(spec.phrases);
      superlative = { id: spec.id, kind: 'superlative', stage: 'selection', field: spec.field, objective: spec.objective, best: best.best, listingId: best.listing.id, phrase: phrase.text, templateId: phrase.id };
      break;
    }
  }

  // Everything else is drawn from the final target's own facts.
  const chosenIds = new Set(choose.map((c) => c.constraint.id));
  const finals = o.catalogue.candidates(target, rng.fork('cands-final'));
  // Refinements stay as first drawn (the superlative was scoped by exactly these); key facts
  // are read off the final target (a key may be a choice fact, like a booked time slot).
  const finalById = new Map(finals.map((c) => [c.constraint.id, c]));
  const keyIds = new Set(keys.map((k) => k.constraint.id));
  const picked = choose.map((c) => (keyIds.has(c.constraint.id) ? (finalById.get(c.constraint.id) ?? c) : c));
  // Who is travelling comes before refinements; then the rest in random order. With a
  // superlative every search fact must be stated: an unstated one (party size, cabin) changes
  // the options the agent sees, and so which one is best.
  const others = finals.filter((c) => !chosenIds.has(c.constraint.id));
  const coreOthers = others.filter((x) => x.role === 'core');
  // No room to state them all within the limit: this task goes without its superlative.
  if (superlative && picked.length + coreOthers.length + 2 > MAX_CONSTRAINTS) superlative = undefined;
  if (superlative) picked.push(...coreOthers);
  const rest = [...(superlative ? [] : rng.shuffle(others.filter((c) => c.role === 'core'))), ...rng.shuffle([...others.filter((c) => c.role !== 'core'), ...detailsCandidates(target, rng.fork('details'))])];
  const constraints: Constraint[] = picked.map((c) => word(c, rng));
  if (superlative) constraints.push(superlative);
  const seenPhrases = new Set(constraints.map((c) => c.phrase));
  for (const c of rest) {
    if (constraints.length >= size - 1) break;
    if (o.difficulty === 'easy' && c.role !== 'core' && c.role !== 'refine') continue;
    if (c.role === 'core' && rng.chance(0.3)) continue;
    const w = word(c, rng);
    // Name constraints share a sentence; keep them together.
    if (w.id === 'traveller1-firstName' || w.id === 'traveller1-lastName') {
      const pair = rest.filter((x) => x.constraint.id.startsWith('traveller1-'));
      if (constraints.length + pair.length > size - 1) continue;
      const phrase = rng.pick(pair[0]!.phrases);
      for (const p of pair) if (!constraints.some((x) => x.id === p.constraint.id)) constraints.push({ ...p.constraint, phrase: phrase.text, templateId: phrase.id } as Constraint);
      continue;
    }
    if (seenPhrases.has(w.phrase)) continue;
    seenPhrases.add(w.phrase);
    constraints.push(w);
  }
  constraints.push(word(bookedCandidate(), rng));
  if (constraints.length < 2 || constraints.length > MAX_CONSTRAINTS) return undefined;

  // Add-ons not named in the task stay off.
  for (const id of Object.keys(target.extras)) if (!constraints.some((c) => c.kind === 'addon' && c.field === id)) delete target.extras[id];
  const intro = rng.pick(o.catalogue.intros);
  const instruction = renderInstruction(intro, constraints.map((c) => ({ phrase: c.phrase, key: keyIds.has(c.id), last: c.kind === 'booked' })), rng.fork('render'));
  const task: Task = {
    schemaVersion: TASK_SCHEMA_VERSION,
    id: `${o.site.id}-${o.split}-${o.seed}-${o.index}`,
    site: o.site.id,
    instruction,
    constraints,
    target: { params: target.params, listingId: target.listing.id, choices: Object.fromEntries(target.detail.optionGroups.map((g, i) => [g.id, target!.choices[i]!.id])), attrs: target.attrs, travellers: target.travellers, contact: target.contact, extras: target.extras },
    metadata: { seed: o.seed, worldSeed: o.world.seed, worldVersion: WORLD_VERSION, difficulty: o.difficulty, split: o.split, templateIds: constraints.map((c) => c.templateId ?? c.id) },
  };
  // The witness: a booking of the target must satisfy every constraint.
  const check = evaluate(task, bookedState(target));
  if (!check.sr) return undefined;
  return task;
}

