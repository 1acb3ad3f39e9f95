import { describe, expect, it } from 'vitest';
import { SITES } from '../../src/sites/registry.js';
import { SITE_SPLIT, parseSiteList, splitSites } from '../../src/sites/splits.js';

const registered = SITES.map((s) => s.id);

describe('the standard site split (generalization studies)', () => {
  it('names 15 training and 5 held-out sites, disjoint, workhive held out', () => {
    expect(SITE_SPLIT.train).toHaveLength(15);
    expect(SITE_SPLIT.heldOut).toHaveLength(5);
    expect(SITE_SPLIT.heldOut.filter((s) => (SITE_SPLIT.train as readonly string[]).includes(s))).toEqual([]);
    expect(SITE_SPLIT.heldOut).toEqual(['railgo', 'nestaway', 'screenly', 'transferly', 'workhive']);
  });

  it('puts every registered site in exactly one part; a named site not registered yet (workhive) is left out of the lists', () => {
    const named = new Set<string>([...SITE_SPLIT.train, ...SITE_SPLIT.heldOut]);
    expect(registered.filter((s) => !named.has(s))).toEqual([]);
    expect([...splitSites('train'), ...splitSites('heldOut')].sort()).toEqual([...registered].sort());
    for (const s of splitSites('heldOut')) expect(registered).toContain(s);
  });

  it('gives each held-out site a cousin of its domain or flow in training', () => {
    const domain = (id: string) => SITES.find((s) => s.id === id)?.domain;
    // The cousins the split's comment names: trains ↔ coaches, rentals ↔ hotels, cinema ↔ events, transfers ↔ cars and parking.
    const cousins: Record<string, string[]> = { railgo: ['coachly', 'skyhop'], nestaway: ['staywell', 'campfire'], screenly: ['ticketnest', 'seaberth'], transferly: ['wheelo', 'parkspot'], workhive: ['courtside', 'glowly'] };
    for (const [held, near] of Object.entries(cousins)) for (const c of near) expect(SITE_SPLIT.train as readonly string[], `${held}'s cousin ${c}`).toContain(c);
    expect(domain('railgo')).toBe('trains');
    expect(domain('coachly')).toBe('coaches');
  });

  it('site lists take ids and split parts, without duplicates; unknown names fail with what works', () => {
    expect(parseSiteList('split:heldout')).toEqual(splitSites('heldOut'));
    expect(parseSiteList('split:train')).toEqual(splitSites('train'));
    expect(parseSiteList('skyhop, split:held-out, railgo')).toEqual(['skyhop', ...splitSites('heldOut')]);
    expect(() => parseSiteList('split:dev')).toThrow(/unknown part of the site split "split:dev"/);
    expect(() => parseSiteList('skyhopp')).toThrow(/unknown site "skyhopp"/);
    expect(() => parseSiteList(' , ')).toThrow(/names no site/);
  });
});
