import { addDays, HORIZON_DAYS, WORLD_TODAY } from '../core/dates.js';
import { Rng } from '../core/rng.js';
import { emptySiteState, type Booking, type SiteEpisodeState } from '../core/schemas/episode-state.js';
import { TASK_SCHEMA_VERSION, type Constraint, type FixtureBooking, type BookingTask } from '../core/schemas/task.js';
import { WORLD_VERSION } from '../core/version.js';
import { evaluate } from '../evaluation/evaluate.js';
import { bookingReference } from '../sites/engine/flow.js';
import { fixtureBooking } from '../sites/engine/manage.js';
import { cancelBooking, cancellationTerms, changeDates, changeTravellers, paramsOfBooking } from '../sites/engine/manage-actions.js';
import type { SiteDefinition } from '../sites/engine/site-definition.js';
import { roundUpNice } from '../sites/kit/phrasing.js';
import type { World } from '../world/world.js';
import type { GenerateOptions } from './generate-task.js';
import { buildTarget, makePeople, recordTarget, resolveTaskTarget } from './target.js';

/** What a manage task asks of its subject booking. */
export type ManageRequest =
  | { reference: string; action: 'cancel' }
  | { reference: string; action: 'dates'; dates: Record<string, string> }
  | { reference: string; action: 'travellers'; travellers: Record<string, string>[] };

/**
 * What a manage task asks, read from the task as a person would: cancel when it wants the
 * booking cancelled, else new dates when its dates differ from the booking's, else new names.
 */
export function manageRequestOf(task: BookingTask, site: SiteDefinition): ManageRequest | undefined {
  if (!task.manage) return undefined;
  const reference = task.manage.subject;
  const fixture = task.manage.fixtures.find((f) => f.reference === reference);
  if (task.constraints.some((c) => c.kind === 'exact' && c.field === 'status' && c.value === 'cancelled')) return { reference, action: 'cancel' };
  const dateFields = site.manage?.dateFields ?? [];
  const dates = Object.fromEntries(dateFields.flatMap((f) => (task.target.params[f] !== undefined ? [[f, String(task.target.params[f])]] : [])));
  if (fixture && dateFields.some((f) => String(fixture.params[f]) !== dates[f])) return { reference, action: 'dates', dates };
  return { reference, action: 'travellers', travellers: task.target.travellers.map((p) => ({ ...p })) };
}

/** The bookings an episode of the task starts with, made by the site's rules; or why one cannot be made. */
export function fixtureBookings(task: BookingTask, site: SiteDefinition, world: World, episodeId = 'fixtures'): Booking[] | string {
  const out: Booking[] = [];
  for (const f of task.manage?.fixtures ?? []) {
    const b = fixtureBooking(site, world, episodeId, f);
    if (typeof b === 'string') return `fixture ${f.reference}: ${b}`;
    out.push(b);
  }
  return out;
}

/** The site's state after the task was done as asked: its fixtures, the subject changed or cancelled. */
export function managedState(task: BookingTask, site: SiteDefinition, world: World): SiteEpisodeState | string {
  const request = manageRequestOf(task, site);
  if (!request) return 'not a task about an existing booking';
  const bookings = fixtureBookings(task, site, world);
  if (typeof bookings === 'string') return bookings;
  const at = bookings.findIndex((b) => b.reference === request.reference);
  if (at < 0) return `the subject ${request.reference} is not one of the fixtures`;
  const b = bookings[at]!;
  const after =
    request.action === 'cancel'
      ? cancelBooking(site, b, 1)
      : request.action === 'dates'
        ? changeDates(site, world, b, { ...paramsOfBooking(site, b), ...request.dates }, 1)
        : changeTravellers(site, world, b, request.travellers, 1);
  if (typeof after === 'string') return after;
  bookings[at] = after;
  return { ...emptySiteState(site.id), bookings, requests: 2 };
}

/** "10 June". */
const dayMonth = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleString('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });

/** How the user names a booking: what it is and when, and its reference. */
function describe(site: SiteDefinition, b: Booking): string {
  const fields = site.manage?.dateFields ?? [];
  const dates = fields.map((f) => b.attrs[f]).filter((v): v is string => typeof v === 'string');
  const when = dates.length === 2 ? `, ${dayMonth(dates[0]!)} to ${dayMonth(dates[1]!)}` : dates.length === 1 ? `, ${dayMonth(dates[0]!)}` : '';
  return `for ${b.title} (${when.replace(/^, /, '')}${when ? ', ' : ''}reference ${b.reference})`;
}

const c = (x: Constraint) => x;

/**
 * A task about a booking the user already has, on a site with a manage policy: the episode starts
 * with one or two bookings (fixtures), and the task cancels one under the policy's fee, moves it
 * to other dates, or changes the lead traveller's name. Proven feasible by doing it with the
 * site's own manage actions and evaluating the result.
 */
export function generateManageTask(o: GenerateOptions): BookingTask | undefined {
  const { site, world } = o;
  const policy = site.manage;
  if (!policy) return undefined;
  const rng = new Rng(`manage-task/${site.id}/${o.seed}/${o.index}/${o.difficulty}`);
  const fixtures: FixtureBooking[] = [];
  const bookings: Booking[] = [];
  for (let k = 0; k < (rng.chance(0.6) ? 2 : 1); k++) {
    const t = buildTarget(site, world, site.exampleSearch(world, rng.fork(`search${k}`)), rng.fork(`target${k}`));
    if (!t || t.items.length > 0 || t.picks.some((p) => p.quantity !== 1)) return undefined;
    const f: FixtureBooking = {
      reference: bookingReference(site.id, `fixture/${o.split}/${o.seed}/${o.index}`, k + 1),
      params: t.params,
      listingId: t.listing.id,
      choices: Object.fromEntries(t.picks.map((p) => [p.groupId, p.choice.id])),
      travellers: t.travellers,
      contact: t.contact,
      extras: {},
    };
    const b = fixtureBooking(site, world, 'fixtures', f);
    if (typeof b === 'string' || bookings.some((x) => x.listingId === b.listingId)) return undefined;
    fixtures.push(f);
    bookings.push(b);
  }
  const subject = bookings[rng.int(0, bookings.length - 1)]!;
  const fixture = fixtures.find((f) => f.reference === subject.reference)!;
  const name = describe(site, subject);

  const actions = rng.shuffle(['cancel', 'dates', 'travellers'] as const);
  for (const action of actions) {
    let constraints: Constraint[] = [];
    let intro = '';
    let params = { ...fixture.params };
    let travellers = fixture.travellers;
    if (action === 'cancel') {
      const terms = cancellationTerms(site, subject);
      if (typeof terms === 'string') continue;
      intro = rng.pick([`Please cancel my booking ${name}.`, `I can no longer make it: cancel my booking ${name}.`]);
      constraints = [
        c({ id: 'cancelled', kind: 'exact', stage: 'booking', field: 'status', value: 'cancelled', phrase: intro, templateId: 'manage-cancel' }),
        terms.fee === 0
          ? c({ id: 'cancel-fee', kind: 'range', stage: 'booking', field: 'cancellationFee', max: 0, phrase: 'It should be free to cancel.', templateId: 'manage-cancel-free' })
          : c({ id: 'cancel-fee', kind: 'range', stage: 'booking', field: 'cancellationFee', max: roundUpNice(terms.fee), phrase: `I accept a cancellation fee of up to €${roundUpNice(terms.fee)}.`, templateId: 'manage-cancel-fee' }),
      ];
    } else if (action === 'dates') {
      if (!policy.dateChange(subject).allowed || policy.dateFields.length === 0) continue;
      const [first, second] = policy.dateFields;
      const from = String(fixture.params[first!]);
      const length = second ? Math.round((Date.parse(String(fixture.params[second])) - Date.parse(from)) / 86_400_000) : 0;
      let moved: Booking | undefined;
      for (let attempt = 0; attempt < 8 && !moved; attempt++) {
        const shift = rng.pick([-7, -3, -2, -1, 1, 2, 3, 7, 14]);
        const newLength = second ? Math.max(1, length + rng.pick([0, 0, -1, 1])) : 0;
        const start = addDays(from, shift);
        if (start <= WORLD_TODAY || start > addDays(WORLD_TODAY, HORIZON_DAYS - 2 - newLength)) continue;
        const next = { ...fixture.params, [first!]: start, ...(second ? { [second]: addDays(start, newLength) } : {}) };
        const b = changeDates(site, world, subject, next, 1);
        if (typeof b !== 'string') {
          moved = b;
          params = next;
        }
      }
      if (!moved) continue;
      const to = second ? `${dayMonth(String(params[first!]))} to ${dayMonth(String(params[second]))}` : dayMonth(String(params[first!]));
      intro = rng.pick([`Move my booking ${name} to ${to}.`, `My plans changed: change the dates of my booking ${name} to ${to}.`]);
      constraints = [
        c({ id: 'new-date', kind: 'exact', stage: 'search', field: first!, value: String(params[first!]), phrase: intro, templateId: 'manage-dates' }),
        ...(second ? [c({ id: 'new-date-2', kind: 'exact', stage: 'search', field: second, value: String(params[second]), phrase: intro, templateId: 'manage-dates' })] : []),
        c({ id: 'kept', kind: 'exact', stage: 'booking', field: 'status', value: 'confirmed', phrase: 'Keep the booking otherwise as it is.', templateId: 'manage-keep' }),
      ];
      const total = moved.price.total;
      if (o.difficulty !== 'easy' && total > 0) {
        const max = roundUpNice(total);
        constraints.push(c({ id: 'new-total', kind: 'range', stage: 'booking', field: 'totalPrice', max, phrase: `Only if the new total stays within €${max}.`, templateId: 'manage-dates-budget' }));
      }
    } else {
      if (!policy.travellers || subject.travellers.length === 0) continue;
      const lead = makePeople(site, fixture.params, rng.fork('new-name')).travellers[0];
      const old = subject.travellers[0]!;
      if (!lead?.firstName || !lead.lastName || (lead.firstName === old.firstName && lead.lastName === old.lastName)) continue;
      travellers = [{ ...old, firstName: lead.firstName, lastName: lead.lastName }, ...subject.travellers.slice(1)];
      intro = rng.pick([`On my booking ${name}, change the lead name to ${lead.firstName} ${lead.lastName}.`, `${lead.firstName} ${lead.lastName} goes instead of ${old.firstName} ${old.lastName}: update my booking ${name}.`]);
      constraints = [
        c({ id: 'traveller1-firstName', kind: 'details', stage: 'details', field: 'firstName', traveller: 1, value: lead.firstName, phrase: intro, templateId: 'manage-name' }),
        c({ id: 'traveller1-lastName', kind: 'details', stage: 'details', field: 'lastName', traveller: 1, value: lead.lastName, phrase: intro, templateId: 'manage-name' }),
        c({ id: 'kept', kind: 'exact', stage: 'booking', field: 'status', value: 'confirmed', phrase: 'Keep the booking otherwise as it is.', templateId: 'manage-keep' }),
      ];
    }
    const phrases = [...new Set(constraints.map((x) => x.phrase))];
    const draft: BookingTask = {
      schemaVersion: TASK_SCHEMA_VERSION,
      id: `${site.id}-${o.split}-${o.seed}-${o.index}`,
      site: site.id,
      instruction: phrases.join(' '),
      constraints,
      target: { ...recordTargetOf(fixture, site, world), params, travellers },
      manage: { fixtures, subject: subject.reference },
      metadata: { seed: o.seed, worldSeed: world.seed, worldVersion: WORLD_VERSION, difficulty: o.difficulty, split: o.split, templateIds: constraints.map((x) => x.templateId ?? x.id) },
    };
    // The target is the booking as it should end up: its facts recomputed under the new search.
    const resolved = resolveTaskTarget(draft, site, world);
    if ('problem' in resolved) continue;
    const task: BookingTask = { ...draft, target: { ...recordTarget(resolved.target), travellers, contact: fixture.contact, extras: {} } };
    const after = managedState(task, site, world);
    if (typeof after === 'string' || !evaluate(task, after).sr) continue;
    return task;
  }
  return undefined;
}

/** The fixture as a task target records it (before any change). */
function recordTargetOf(f: FixtureBooking, site: SiteDefinition, world: World): BookingTask['target'] {
  const detail = site.detail(world, f.params, f.listingId);
  // A fixture holds one of each choice: one ticket of its type where a group takes quantities.
  const counted = (detail?.optionGroups ?? []).filter((g) => g.display === 'quantities' && f.choices[g.id] !== undefined);
  const quantities = Object.fromEntries(counted.map((g) => [g.id, { [f.choices[g.id]!]: 1 }]));
  return { params: f.params, listingId: f.listingId, choices: f.choices, attrs: detail?.listing.attrs ?? {}, travellers: f.travellers, contact: f.contact, extras: f.extras, ...(counted.length > 0 ? { quantities } : {}) };
}
