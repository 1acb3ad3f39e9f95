import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { agreementKey, groundConstraint } from '../../src/tasks/decompose/decompose.js';
import { decomposeWithPhraseBook } from '../../src/tasks/decompose/phrase-book.js';
import { siteSchema, type SiteSchema } from '../../src/tasks/decompose/site-schema.js';
import { buildArenaWorld, siteById } from '../../src/sites/registry.js';
import type { World } from '../../src/world/world.js';

/** Instructions read by a person, with the constraints they hold (agreement keys), near misses included. */
type Case = { site: string; instruction: string; expected: string[]; note: string };
const CASES = JSON.parse(readFileSync(new URL('../fixtures/decompose/reading-set.json', import.meta.url), 'utf8')) as Case[];

let world: World;
let schema: SiteSchema;
const site = siteById('skyhop');
beforeAll(() => {
  world = buildArenaWorld(1);
  schema = siteSchema(site, world);
  // Every site the reading set uses, learnt once here (a few seconds each, much more on a loaded machine).
  for (const c of CASES) siteSchema(siteById(c.site), world);
}, 600_000);

describe('decomposition against a person\'s reading', () => {
  it.each(CASES.map((c) => [c.note, c] as const))('%s: never says what the person did not read, and reports what it could not map', (_note, c) => {
    const own = siteById(c.site);
    const d = decomposeWithPhraseBook(c.instruction, siteSchema(own, world), own);
    const got = d.constraints.map(agreementKey);
    // Precision: every constraint it gives is one the person read.
    for (const k of got) expect(c.expected, `${k} in "${c.instruction}"`).toContain(k);
    // Nothing silently dropped: what it did not give is in an unmapped part of the instruction.
    const missed = c.expected.filter((k) => !got.includes(k));
    if (missed.length) expect(d.unmapped.length, `missed ${missed.join(', ')}`).toBeGreaterThan(0);
  });
});

describe('grounding a proposed constraint in the site', () => {
  it('maps words to codes, and reports unknown fields and values instead of inventing them', () => {
    expect(groundConstraint({ kind: 'exact', field: 'destination', value: 'Paris' }, schema, site, world)).toMatchObject({ ok: { kind: 'exact', field: 'destination', value: 'CDG', stage: 'search' } });
    expect(groundConstraint({ kind: 'exact', field: 'destinationCity', value: 'Paris' }, schema, site, world)).toEqual({ reason: 'unknown field "destinationCity"' });
    expect(groundConstraint({ kind: 'exact', field: 'destination', value: 'Atlantis' }, schema, site, world)).toEqual({ reason: 'unknown value "Atlantis" for destination' });
    expect(groundConstraint({ kind: 'range', field: 'farePrice', max: 'cheap' }, schema, site, world)).toMatchObject({ reason: expect.stringMatching(/^not a valid range constraint/) });
    expect(groundConstraint({ kind: 'superlative', field: 'farePrice', objective: 'min' }, schema, site, world)).toMatchObject({ ok: { kind: 'superlative', field: 'farePrice', objective: 'min' } });
  });
});

describe('a user\'s own instruction as a task', () => {
  it('becomes a valid task with a witness booking the evaluator scores, loadable as a task file; what cannot be mapped is refused with the reason', async () => {
    const { taskFromDecomposition } = await import('../../src/tasks/decompose/to-task.js');
    const { evaluate } = await import('../../src/evaluation/evaluate.js');
    const { checkFeasible } = await import('../../src/tasks/feasibility.js');
    const { Task } = await import('../../src/core/schemas/task.js');
    const d = decomposeWithPhraseBook('Find and book a flight from Berlin to Porto for 2 adults, non-stop. Complete the booking.', schema, site);
    expect(d.unmapped).toEqual([]);
    expect(d.constraints.map(agreementKey).sort()).toEqual(['booked', 'count/adults/2', 'exact/destination/opo', 'exact/origin/ber', 'range/stops//0']);
    const r = taskFromDecomposition(d, { site, world, id: 'user-1' });
    if (!('task' in r)) throw new Error(r.problem);
    expect(Task.safeParse(r.task).success).toBe(true);
    expect(checkFeasible(r.task, world)).toBeUndefined();
    // Scored exactly: nothing done is 0, the witness booking is a success.
    expect(evaluate(r.task, undefined).csr).toBe(0);
    const refused = taskFromDecomposition(decomposeWithPhraseBook('Book a flight from Berlin to Porto with a view of the sea. Complete the booking.', schema, site), { site, world, id: 'user-2' });
    expect(refused).toEqual({ problem: 'parts of the instruction map to no constraint: "with a view of the sea"' });
  });
});

describe('the reading set in full', () => {
  it('the embedded decomposer recovers most of what the person read (recall measured, precision exact)', () => {
    let read = 0;
    let found = 0;
    const missed: string[] = [];
    for (const c of CASES) {
      const own = siteById(c.site);
      const got = decomposeWithPhraseBook(c.instruction, siteSchema(own, world), own).constraints.map(agreementKey);
      read += c.expected.length;
      found += c.expected.filter((k) => got.includes(k)).length;
      missed.push(...c.expected.filter((k) => !got.includes(k)).map((k) => `${c.site}: ${k}`));
    }
    // 94 constraints read by hand across 20 instructions on six sites. The phrase book finds all
    // but three, in SkyHop instructions phrased unlike the catalogue (reported unmapped, above),
    // including the lists, date ranges, stays in nights, 12-hour times and phone numbers of the
    // later cases, which no task of the sample said in those words, and the pick-up places said
    // by city and kind, performers named alone or in a title, and a manage request's new name.
    expect(read).toBe(94);
    expect(missed.length, missed.join('\n')).toBeLessThanOrEqual(3);
  });
});
