import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidInputError } from '../core/errors.js';
import type { Constraint } from '../core/schemas/task.js';
import { WORLD_VERSION } from '../core/version.js';
import { evaluate } from '../evaluation/evaluate.js';
import type { SiteServer } from '../sites/engine/server.js';
import { SITES } from '../sites/registry.js';
import { SiteDriver, pageText, type Reply } from './site-driver.js';
import { ValidityFile, type ValidityCase, type ValidityStep } from './schema.js';

/** The validity set lives with each site: `src/sites/<id>/validity.json`. */
export function siteValidityFile(siteId: string): string {
  return fileURLToPath(new URL(`../sites/${siteId}/validity.json`, import.meta.url));
}

/** The case files: every registered site's own, or the `<site>.json` files of a folder. */
function validityFiles(dir: string | undefined, site: string | undefined): string[] {
  const all = dir === undefined ? SITES.map((s) => siteValidityFile(s.id)).filter((p) => existsSync(p)) : readdirSync(dir).filter((n) => n.endsWith('.json')).sort().map((n) => join(dir, n));
  return all.filter((p) => site === undefined || basename(p) === `${site}.json` || basename(dirname(p)) === site);
}

/** Reads every case file, validated; a bad file names itself and the field. */
export function loadValiditySet(dir?: string, worldSeed?: number, site?: string): ValidityCase[] {
  const out: ValidityCase[] = [];
  const ids = new Set<string>();
  for (const path of validityFiles(dir, site)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new InvalidInputError(`${path}: not valid JSON (${(err as Error).message})`);
    }
    const parsed = ValidityFile.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InvalidInputError(`${path}: ${issue.path.join('.')}: ${issue.message}`);
    }
    if (parsed.data.worldVersion !== WORLD_VERSION || (worldSeed !== undefined && parsed.data.worldSeed !== worldSeed)) {
      throw new InvalidInputError(`${path}: written for world seed ${parsed.data.worldSeed} v${parsed.data.worldVersion}, not seed ${worldSeed ?? parsed.data.worldSeed} v${WORLD_VERSION}`, { hint: 'relabel the cases on this world' });
    }
    for (const c of parsed.data.cases) {
      if (ids.has(c.id)) throw new InvalidInputError(`${path}: duplicate case id "${c.id}"`);
      ids.add(c.id);
      const unlabelled = c.constraints.filter((k) => !c.labels[k.id]).map((k) => k.id);
      const stray = Object.keys(c.labels).filter((id) => !c.constraints.some((k) => k.id === id));
      if (unlabelled.length || stray.length) throw new InvalidInputError(`${path}: case ${c.id}: every constraint needs one label (unlabelled: ${unlabelled.join(', ') || 'none'}; labels without a constraint: ${stray.join(', ') || 'none'})`);
      if (c.manage && !c.manage.fixtures.some((f) => f.reference === c.manage!.subject)) throw new InvalidInputError(`${path}: case ${c.id}: the booking it is about (${c.manage.subject}) is not one of its fixtures`);
      out.push(c);
    }
  }
  return out;
}

export type ConstraintOutcome = {
  caseId: string;
  site: string;
  constraintId: string;
  kind: Constraint['kind'];
  label: boolean;
  evaluator: boolean;
  why: string;
  evidence: unknown;
};

export type CaseOutcome = {
  caseId: string;
  site: string;
  about: string;
  outcomes: ConstraintOutcome[];
  /**
   * Visible text of the last pages that matter, for a person to check the labels against: the
   * review, the cart, the payment page (a declined card's message) and the confirmation; on a
   * case about an existing booking, "My bookings" and the booking's page after the last change.
   */
  pages: { review?: string; cart?: string; payment?: string; confirmation?: string; bookings?: string; manage?: string };
};

/** One step of a case, through the site's pages; keeps the text of the pages a label is written from. */
export async function driveStep(d: SiteDriver, site: string, step: ValidityStep, pages: CaseOutcome['pages']): Promise<void> {
  // Where the browser ended: the confirmation, the payment page, or (sent back: the details, the
  // account wall) the page the person now reads instead of a confirmation.
  const keep = (r: Reply, otherwise: 'review' | 'payment') => {
    const at = r.path.startsWith('/confirmation') ? 'confirmation' : r.path.startsWith('/payment') ? 'payment' : otherwise;
    pages[at] = pageText(r.body);
  };
  switch (step.do) {
    case 'search':
      await d.search(site, step.params);
      return;
    case 'choose':
      await d.choose(site, step.listing, step.choices, step.params, step);
      return;
    case 'round':
      await d.round(site, step.slot, step.listing, step.choices, step);
      return;
    case 'cart':
      pages.cart = pageText((await d.cart(site, step.remove)).body);
      return;
    case 'account':
      await d.account(site, step.action, step);
      return;
    case 'details':
      pages.review = pageText((await d.details(site, step.travellers, step.contact, step.extras)).body);
      return;
    case 'wizard':
      pages.review = pageText((await d.wizardPage(site, step.nav, step.travellers, step.contact, step.extras)).body);
      return;
    case 'book':
      keep(await d.book(site), 'review');
      return;
    case 'pay':
      keep(await d.pay(site, step), 'payment');
      return;
    case 'bookings':
      pages.bookings = pageText((await d.myBookings(site)).body);
      return;
    case 'cancel':
      pages.manage = pageText((await d.cancelBooking(site, step.reference)).body);
      return;
    case 'travellers':
      pages.manage = pageText((await d.changeTravellers(site, step.reference, step.travellers)).body);
      return;
    case 'dates':
      pages.manage = pageText((await d.changeDates(site, step.reference, step.dates)).body);
      return;
  }
}

/** Drives one case on the real server and compares the evaluator's verdicts with the hand labels. */
export async function runCase(server: Pick<SiteServer, 'port' | 'secret'>, c: ValidityCase): Promise<CaseOutcome> {
  let d: SiteDriver;
  try {
    d = await SiteDriver.start(server, c.manage ? { [c.site]: c.manage.fixtures } : undefined);
  } catch (err) {
    throw new InvalidInputError(`case ${c.id}: ${(err as Error).message}`);
  }
  const pages: CaseOutcome['pages'] = {};
  for (const [i, step] of c.episode.entries()) {
    const site = step.site ?? c.site;
    const where = `case ${c.id}, step ${i + 1} (${step.do})`;
    try {
      await driveStep(d, site, step, pages);
    } catch (err) {
      throw new InvalidInputError(`${where}: ${(err as Error).message}`);
    }
  }
  const state = await d.state();
  // A case about an existing booking is judged on that booking as it now stands, as its task would be.
  const evaluation = evaluate({ id: c.id, site: c.site, constraints: c.constraints, ...(c.manage ? { manage: c.manage } : {}) }, state);
  const outcomes = c.constraints.map((k, i) => {
    const v = evaluation.verdicts[i]!;
    const label = c.labels[k.id]!;
    return { caseId: c.id, site: c.site, constraintId: k.id, kind: k.kind, label: label.satisfied, evaluator: v.satisfied, why: label.why, evidence: v.evidence };
  });
  return { caseId: c.id, site: c.site, about: c.about, outcomes, pages };
}

export type ValidityReport = {
  cases: number;
  constraints: number;
  agreed: number;
  agreement: number;
  perSite: Record<string, { cases: number; constraints: number; agreed: number }>;
  perKind: Record<string, { constraints: number; agreed: number }>;
  disagreements: ConstraintOutcome[];
};

export function summarize(results: readonly CaseOutcome[]): ValidityReport {
  const all = results.flatMap((r) => r.outcomes);
  const agreed = all.filter((o) => o.label === o.evaluator).length;
  const perSite: ValidityReport['perSite'] = {};
  for (const r of results) {
    const s = (perSite[r.site] ??= { cases: 0, constraints: 0, agreed: 0 });
    s.cases++;
    s.constraints += r.outcomes.length;
    s.agreed += r.outcomes.filter((o) => o.label === o.evaluator).length;
  }
  const perKind: ValidityReport['perKind'] = {};
  for (const o of all) {
    const k = (perKind[o.kind] ??= { constraints: 0, agreed: 0 });
    k.constraints++;
    if (o.label === o.evaluator) k.agreed++;
  }
  return { cases: results.length, constraints: all.length, agreed, agreement: all.length ? agreed / all.length : 1, perSite, perKind, disagreements: all.filter((o) => o.label !== o.evaluator) };
}
