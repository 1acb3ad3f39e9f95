import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { WORLD_VERSION } from '../../core/version.js';
import type { Constraint } from '../../core/schemas/task.js';
import { defaultCacheDir } from '../../world/world-store.js';
import type { World } from '../../world/world.js';
import type { FieldSchema, SiteSchema } from './site-schema.js';

/**
 * The learnt part of a site's schema (the phrase book: every phrase the site's generator writes,
 * and the values it names) kept on disk beside the world, so that each process (a `tasks
 * decompose` call, a test file, a labeler) does not sample the generator again: that costs ~4 s
 * of CPU per site. Keyed by site, world (version, seed and content hash) and a hash of the source
 * tree, which is what writes the phrases: any change to the code builds it afresh.
 */
export type LearntSchema = Omit<SiteSchema, 'placeCode' | 'placeOptions'>;

const FORMAT = 2;

type Stored = {
  format: number;
  site: string;
  fields: [string, Omit<FieldSchema, 'values'> & { values: [string, string[]][] }][];
  addons: string[];
  detailFields: string[];
  places: string[];
  /** The constraint lists phrases share as siblings (a task's, a target's), stored once each. */
  siblings: Constraint[][];
  phrases: { text: string; constraint: Constraint; siblings?: number }[];
  named: [string, [string, string][]][];
};

let sourceKey: string | undefined;

/** A hash of every source file (src/**): a different checkout or an edit gives another key. */
function sourceHash(): string {
  if (sourceKey) return sourceKey;
  const root = resolve(import.meta.dirname, '../..');
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|json)$/.test(name)) h.update(p.slice(root.length)).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  walk(root);
  sourceKey = h.digest('hex').slice(0, 16);
  return sourceKey;
}

const dir = (): string => join(defaultCacheDir(), 'phrase-books');
const prefix = (site: string, world: World): string => `${site}-world-v${WORLD_VERSION}-seed${world.seed}-`;
const pathOf = (site: string, world: World): string => join(dir(), `${prefix(site, world)}${world.hash.slice(0, 12)}-${sourceHash()}.json`);

/** The stored learnt schema of this site and world, or undefined (absent, stale, damaged). */
export function readLearntSchema(site: string, world: World): LearntSchema | undefined {
  let s: Stored;
  try {
    s = JSON.parse(readFileSync(pathOf(site, world), 'utf8')) as Stored;
  } catch {
    return undefined;
  }
  if (s.format !== FORMAT || s.site !== site) return undefined;
  return {
    site: s.site,
    fields: new Map(s.fields.map(([k, f]) => [k, { ...f, values: new Map(f.values.map(([v, words]) => [v, new Set(words)])) }])),
    addons: new Set(s.addons),
    detailFields: new Set(s.detailFields),
    places: new Set(s.places),
    phrases: s.phrases.map((p) => ({ text: p.text, constraint: p.constraint, ...(p.siblings !== undefined ? { siblings: s.siblings[p.siblings]! } : {}) })),
    named: new Map(s.named.map(([f, m]) => [f, new Map(m)])),
  };
}

/** Stores it (atomically; a cache that cannot be written is only a slower next start) and drops this site's stale ones. */
export function writeLearntSchema(schema: LearntSchema, world: World): void {
  const index = new Map<readonly Constraint[], number>();
  const siblings: Constraint[][] = [];
  const stored: Stored = {
    format: FORMAT,
    site: schema.site,
    fields: [...schema.fields].map(([k, f]) => [k, { ...f, values: [...f.values].map(([v, words]) => [v, [...words]]) }]),
    addons: [...schema.addons],
    detailFields: [...schema.detailFields],
    places: [...schema.places],
    siblings,
    named: [...schema.named].map(([f, m]) => [f, [...m]]),
    phrases: schema.phrases.map((p) => {
      if (!p.siblings) return { text: p.text, constraint: p.constraint };
      let i = index.get(p.siblings);
      if (i === undefined) {
        i = siblings.push([...p.siblings]) - 1;
        index.set(p.siblings, i);
      }
      return { text: p.text, constraint: p.constraint, siblings: i };
    }),
  };
  const path = pathOf(schema.site, world);
  try {
    const mine = prefix(schema.site, world);
    for (const name of safeList(dir())) if (name.startsWith(mine) && join(dir(), name) !== path) rmSync(join(dir(), name), { force: true });
    writeFileAtomic(path, JSON.stringify(stored));
  } catch {
    // A read-only cache directory: the schema is rebuilt next time.
  }
}

function safeList(d: string): string[] {
  try {
    return readdirSync(d);
  } catch {
    return [];
  }
}
