import { describe, expect, it } from 'vitest';
import { SITES } from '../../src/sites/registry.js';
import { loadValiditySet, runCase, summarize, type CaseOutcome } from '../../src/validity/run-validity.js';
import { useTestServer } from '../helpers/test-server.js';

/**
 * The project's validity set: hand-labelled near misses on every site, each driven on the real
 * sites over HTTP (the pages' own forms), every constraint's verdict compared with the label a
 * person wrote from the instruction and the review and confirmation pages.
 */
describe('the validity set', () => {
  const server = useTestServer();
  const cases = loadValiditySet();

  it('has near misses on every site with a validity set, at least the six original sites, and of every constraint kind', () => {
    const sites = new Set(cases.map((c) => c.site));
    // The six original sites, and the new ones whose flows add return legs, a package's flights,
    // a details wizard, an account wall and payment (driven over HTTP like the others).
    for (const s of ['skyhop', 'staywell', 'forkful', 'wheelo', 'ticketnest', 'railgo', 'coachly', 'ferryway', 'packfly', 'campfire', 'seaberth']) expect(sites, s).toContain(s);
    for (const s of sites) expect(SITES.map((x) => x.id)).toContain(s);
    const kinds = new Set(cases.flatMap((c) => c.constraints.map((k) => k.kind)));
    for (const k of ['exact', 'range', 'set', 'time_window', 'date_window', 'superlative', 'count', 'details', 'addon', 'booked']) expect(kinds, k).toContain(k);
    // Both verdicts of each kind are represented: a set of passes alone proves nothing.
    for (const k of kinds) {
      const labels = new Set(cases.flatMap((c) => c.constraints.filter((x) => x.kind === k).map((x) => c.labels[x.id]!.satisfied)));
      expect([...labels].sort(), k).toEqual([false, true]);
    }
  });

  it('the evaluator agrees with every hand label', async () => {
    const results: CaseOutcome[] = [];
    for (const c of cases) results.push(await runCase(server(), c));
    const report = summarize(results);
    expect(report.disagreements.map((d) => `${d.caseId}/${d.constraintId}: label ${d.label} (${d.why}), evaluator ${d.evaluator} ${JSON.stringify(d.evidence)}`)).toEqual([]);
    expect(report.constraints).toBeGreaterThan(300);
  });
});
