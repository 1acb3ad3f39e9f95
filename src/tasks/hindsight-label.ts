import { Rng } from '../core/rng.js';
import type { ChosenOption, SiteEpisodeState } from '../core/schemas/episode-state.js';
import { TASK_SCHEMA_VERSION, type Constraint, type Difficulty, type Stage, type BookingTask } from '../core/schemas/task.js';
import { WORLD_VERSION } from '../core/version.js';
import { checkConstraint } from '../evaluation/check-constraint.js';
import { evaluate } from '../evaluation/evaluate.js';
import { factsOf } from '../evaluation/facts.js';
import type { ChoicePick, ListingDetail, SearchParams, SiteDefinition } from '../sites/engine/site-definition.js';
import type { Candidate, Target } from '../sites/kit/task-catalogue.js';
import { sentences } from '../sites/kit/phrasing.js';
import type { World } from '../world/world.js';
import { detailsCandidates } from './details-candidates.js';
import { factKey, MAX_CONSTRAINTS, stageOf } from './generate-task.js';
import { renderInstruction } from './render-instruction.js';
import { bookableChoices, recordTarget, targetOf } from './target.js';

/**
 * The embedded hindsight labeler of exploration (NNetNav's relabeling without a model): the
 * facts an episode's state holds now, phrased with the site's own task catalogue into a task
 * whose every constraint holds on that state (CSR 1). What an explorer did becomes what it was
 * asked: a booking becomes "book ...", a selection "choose ..., but do not book yet", a search
 * "search for ...".
 */

/** How far the episode got: the stage of the furthest fact its state holds. */
export type Reached = 'nothing' | Stage;

export type LabelResult = { task: BookingTask; reached: Reached } | { problem: string; reached: Reached };

export type LabelOptions = {
  site: SiteDefinition;
  world: World;
  /** The state of the episode on the site after the prefix being labeled. */
  state: SiteEpisodeState | undefined;
  /** Names the task (with the prefix length): `${site}-explored-${id}`. */
  id: string;
  /** Seeds which facts are named and how (the same prefix is labeled the same way). */
  seed: string;
};

/** Closings of an instruction whose episode did not book: they say where to stop. */
const STOP_AT: Record<Exclude<Reached, 'nothing' | 'booking'>, string[]> = {
  search: ['Just search; do not book anything yet.', 'Only run the search for now.'],
  selection: ['Choose it, but do not book yet.', 'Select it and stop there; do not pay yet.'],
  details: ['Fill in the details, but stop before paying.', 'Get that far, but do not pay.'],
};

/** The options a booking or selection holds, resolved against the listing's groups. */
function picksOf(detail: ListingDetail, options: readonly ChosenOption[]): ChoicePick[] | undefined {
  const picks: ChoicePick[] = [];
  for (const o of options) {
    const choice = detail.optionGroups.find((g) => g.id === o.groupId)?.choices.find((c) => c.id === o.choiceId);
    if (!choice) return undefined;
    picks.push({ groupId: o.groupId, choice, quantity: o.quantity ?? 1 });
  }
  return picks;
}

/** A booking's search parameters, from its facts (a booking records the search it was made under). */
function paramsOfFacts(site: SiteDefinition, attrs: Record<string, unknown>): SearchParams {
  const params: SearchParams = {};
  for (const f of site.searchFields) {
    const v = attrs[f.name];
    if (typeof v === 'string' || typeof v === 'number') params[f.name] = v;
  }
  return params;
}

/** The target the state's facts describe, and how far the episode got. */
function targetOfState(site: SiteDefinition, world: World, s: SiteEpisodeState, rng: Rng): { target: Target; reached: Reached } | { problem: string; reached: Reached } {
  const booking = [...s.bookings].reverse().find((b) => b.origin === 'episode' && b.status === 'confirmed');
  const form = booking ? { travellers: booking.travellers, contact: booking.contact, extras: booking.extras } : s.form?.accepted ? s.form : undefined;
  const people = { travellers: form?.travellers ?? [], contact: form?.contact ?? {}, extras: form?.extras ?? {}, items: [] };
  const chosen = booking ? { listingId: booking.listingId, options: booking.options, params: s.selection?.listingId === booking.listingId ? s.selection.params : paramsOfFacts(site, booking.attrs) } : s.selection;
  if (chosen) {
    const reached: Reached = booking ? 'booking' : form ? 'details' : 'selection';
    const detail = site.detail(world, chosen.params, chosen.listingId);
    if (!detail) return { problem: `listing ${chosen.listingId} is not in the inventory for its search`, reached };
    const picks = picksOf(detail, chosen.options);
    if (!picks) return { problem: `a chosen option of ${chosen.listingId} is not on its listing`, reached };
    return { target: targetOf(site, world, chosen.params, site.search(world, chosen.params), detail, picks, people), reached };
  }
  if (s.search) {
    // Only a search: its facts are the task; a bookable result stands as the witness.
    const results = site.search(world, s.search.params);
    for (const l of results) {
      const ok = bookableChoices(site, world, s.search.params, l, rng);
      if (ok) return { target: targetOf(site, world, s.search.params, results, ok.detail, ok.picks, people), reached: 'search' };
    }
    return { problem: 'the search has no bookable result', reached: 'search' };
  }
  return { problem: 'the episode has not searched, chosen or booked anything', reached: 'nothing' };
}

const STAGE_ORDER: Stage[] = ['search', 'selection', 'details', 'booking'];

/** The add-ons the details form holds: each one taken is named ("Add travel insurance."). */
function addonsTaken(t: Target): Candidate[] {
  const offered = t.site.extras({ params: t.params, listing: t.listing, choices: t.choices });
  return offered
    .filter((x) => (t.extras[x.id] ?? 0) > 0)
    .map((x) => ({
      role: 'addon' as const,
      constraint: { id: `addon-${x.id}`, kind: 'addon' as const, stage: 'details' as const, field: x.id, chosen: true },
      phrases: sentences(`addon-${x.id}`, [{ id: 'add', text: `Add ${x.noun}.` }, { id: 'want', text: `I also want ${x.noun}.` }]),
    }));
}

const difficultyOf = (n: number): Difficulty => (n <= 3 ? 'easy' : n <= 5 ? 'medium' : 'hard');

/**
 * Labels the state: every fact the catalogue can say that holds on the state, the keys (where
 * and when) always, a seeded few of the rest, the booking when there is one. A problem when
 * the state holds too little to ask for (no search yet, or fewer than two facts).
 */
export function labelState(o: LabelOptions): LabelResult {
  if (!o.state) return { problem: 'the episode has no state on the site', reached: 'nothing' };
  const rng = new Rng(`label/${o.site.id}/${o.seed}`);
  const found = targetOfState(o.site, o.world, o.state, rng.fork('target'));
  if ('problem' in found) return found;
  const { target, reached } = found;
  const facts = factsOf(o.state);
  const upTo = STAGE_ORDER.indexOf(reached as Stage);
  const catalogue = o.site.tasks;
  const all: Candidate[] = [...catalogue.candidates(target, rng.fork('cands')), ...(upTo >= 2 ? [...detailsCandidates(target), ...addonsTaken(target)] : [])];
  const holds = (c: Candidate) => {
    const stage = stageOf(o.site, { ...c.constraint, field: 'field' in c.constraint ? c.constraint.field : undefined });
    if (STAGE_ORDER.indexOf(stage) > upTo) return undefined;
    const phrase = c.phrases[0]!;
    const constraint = { ...c.constraint, stage, phrase: phrase.text, templateId: phrase.id } as Constraint;
    return checkConstraint(constraint, facts).satisfied ? { c, stage } : undefined;
  };
  const usable = all.flatMap((c) => {
    const h = holds(c);
    return h ? [h] : [];
  });
  const keys = usable.filter((u) => u.c.role === 'key');
  const rest = rng.shuffle(usable.filter((u) => u.c.role !== 'key'));
  const room = MAX_CONSTRAINTS - (reached === 'booking' ? 1 : 0);
  const chosen: typeof usable = [];
  const seen = new Set<string>();
  const take = (u: (typeof usable)[number]) => {
    const key = factKey(u.c.constraint);
    if (seen.has(key) || chosen.length >= room) return;
    seen.add(key);
    chosen.push(u);
  };
  keys.forEach(take);
  // A seeded handful of the other facts: a label names what matters, not every fact there is.
  const extra = rng.int(1, Math.min(4, Math.max(1, rest.length)));
  for (const u of rest) {
    if (chosen.length - keys.length >= extra) break;
    // The two halves of a name are said in one sentence: both or neither.
    if (u.c.constraint.id.startsWith('traveller1-')) {
      const pair = rest.filter((x) => x.c.constraint.id.startsWith('traveller1-'));
      if (chosen.length + pair.length > room || pair.some((p) => chosen.includes(p))) continue;
      pair.forEach(take);
      continue;
    }
    take(u);
  }
  const namePhrase = rng.pick(usable.find((u) => u.c.constraint.id === 'traveller1-firstName')?.c.phrases ?? [{ id: 'none', text: 'none', form: 'sentence' as const }]);
  const phrases = new Set<string>();
  const constraints: Constraint[] = chosen.map(({ c, stage }) => {
    const fresh = c.phrases.filter((p) => !phrases.has(p.text));
    const phrase = c.constraint.id.startsWith('traveller1-') ? namePhrase : rng.pick(fresh.length ? fresh : c.phrases);
    phrases.add(phrase.text);
    return { ...c.constraint, stage, phrase: phrase.text, templateId: phrase.id } as Constraint;
  });
  if (reached === 'booking') constraints.push({ id: 'booked', kind: 'booked', stage: 'booking', phrase: 'Complete the booking.', templateId: 'booked:complete' });
  if (constraints.length < 2) return { problem: `the state holds ${constraints.length} fact the catalogue can ask for; a task needs two`, reached };

  const keyIds = new Set(keys.map((k) => k.c.constraint.id));
  const leadIds = new Set(keys.filter((k) => k.c.slot !== 'who' && k.c.constraint.kind !== 'count').map((k) => k.c.constraint.id));
  const order = (c: Constraint) => (keyIds.has(c.id) ? all.findIndex((x) => x.constraint.id === c.id) : Number.MAX_SAFE_INTEGER);
  const parts = [...constraints].sort((a, b) => order(a) - order(b)).map((c) => ({ phrase: c.phrase, key: keyIds.has(c.id), lead: leadIds.has(c.id), last: c.kind === 'booked' }));
  const rendered = renderInstruction(rng.pick(catalogue.intros), parts, rng.fork('render'));
  const instruction = reached === 'booking' ? rendered : `${rendered} ${rng.pick(STOP_AT[reached as keyof typeof STOP_AT])}`;
  const task: BookingTask = {
    schemaVersion: TASK_SCHEMA_VERSION,
    id: `${o.site.id}-explored-${o.id}`,
    site: o.site.id,
    instruction,
    constraints,
    target: recordTarget(target),
    metadata: { seed: 0, worldSeed: o.world.seed, worldVersion: WORLD_VERSION, difficulty: difficultyOf(constraints.length), split: 'train', templateIds: constraints.map((c) => c.templateId ?? c.id) },
  };
  // The label must hold where it was made: every constraint met on the labeled state.
  const check = evaluate(task, o.state);
  if (check.csr < 1) return { problem: `the label does not hold on its own state (${check.verdicts.filter((v) => !v.satisfied).map((v) => v.id).join(', ')})`, reached };
  return { task, reached };
}
