import Database from 'better-sqlite3';
import { mkdirSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { homedir } from 'node:os';
import { canonicalJson } from '../core/hash.js';
import { WORLD_VERSION } from '../core/version.js';
import { EnvironmentError } from '../core/errors.js';
import { generateCollections, hashCollections } from './build-world.js';
import type { DomainModule } from './domain-module.js';
import { World } from './world.js';

/**
 * The inventory lives in SQLite, one file per (world version, seed), built on first use.
 * Each domain is a table of (id, json) rows, queryable with json_extract.
 */
export function defaultCacheDir(): string {
  return process.env.WEBFOUNDRY_CACHE ?? join(homedir(), '.cache', 'webfoundry');
}

export function worldDbPath(seed: number, cacheDir = defaultCacheDir()): string {
  return join(cacheDir, `world-v${WORLD_VERSION}-seed${seed}.sqlite`);
}

export type LoadedWorld = { world: World; path: string; built: boolean };

/**
 * Opens the cached world of these domains for the seed, building and caching it when absent or
 * stale (another version, or another set of domains: a site added or removed).
 */
export function loadWorld(seed: number, domains: readonly DomainModule[], cacheDir = defaultCacheDir()): LoadedWorld {
  const path = worldDbPath(seed, cacheDir);
  if (existsSync(path)) {
    const world = tryRead(path, seed, domains);
    if (world) return { world, path, built: false };
    rmSync(path, { force: true });
  }
  const world = writeWorld(path, seed, domains);
  return { world, path, built: true };
}

function tryRead(path: string, seed: number, wanted: readonly DomainModule[]): World | undefined {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true });
    const meta = Object.fromEntries(
      (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]),
    );
    if (meta.version !== String(WORLD_VERSION) || meta.seed !== String(seed)) return undefined;
    const domains = JSON.parse(meta.domains ?? '[]') as string[];
    if (canonicalJson(domains) !== canonicalJson(wanted.map((d) => d.key))) return undefined;
    const collections = new Map<string, { id: string }[]>();
    for (const key of domains) {
      const rows = db.prepare(`SELECT json FROM "${key}" ORDER BY ord`).pluck().all() as string[];
      collections.set(key, rows.map((j) => JSON.parse(j) as { id: string }));
    }
    return new World(seed, WORLD_VERSION, meta.hash!, collections);
  } catch {
    return undefined;
  } finally {
    db?.close();
  }
}

function writeWorld(path: string, seed: number, domains: readonly DomainModule[]): World {
  const collections = generateCollections(seed, domains);
  const hash = hashCollections(collections);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (cause) {
    throw new EnvironmentError(`cannot create the world cache directory ${dirname(path)}`, {
      cause,
      hint: 'set WEBFOUNDRY_CACHE to a writable directory',
    });
  }
  // Written beside the final path and renamed, so a reader never sees half a world.
  const tmp = `${path}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  const db = new Database(tmp);
  try {
    db.pragma('journal_mode = OFF');
    db.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    const insertMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    db.transaction(() => {
      insertMeta.run('version', String(WORLD_VERSION));
      insertMeta.run('seed', String(seed));
      insertMeta.run('hash', hash);
      insertMeta.run('domains', JSON.stringify(domains.map((d) => d.key)));
      for (const [key, rows] of collections) {
        db.exec(`CREATE TABLE "${key}" (ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, json TEXT NOT NULL)`);
        const ins = db.prepare(`INSERT INTO "${key}" (ord, id, json) VALUES (?, ?, ?)`);
        rows.forEach((r, i) => ins.run(i, r.id, JSON.stringify(r)));
      }
    })();
  } finally {
    db.close();
  }
  renameSync(tmp, path);
  return new World(seed, WORLD_VERSION, hash, collections);
}
