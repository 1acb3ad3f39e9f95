import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The arrows of ARCHITECTURE.md: which top-level parts each part may import. */
const ALLOWED: Record<string, string[]> = {
  core: [],
  world: ['core'],
  sites: ['core', 'world'],
  evaluation: ['core'],
  tasks: ['core', 'world', 'sites', 'evaluation', 'knowledge'],
  browser: ['core'],
  models: ['core'],
  student: ['core', 'browser'],
  agents: ['core', 'world', 'sites', 'tasks', 'browser', 'models', 'student', 'knowledge'],
  judge: ['core', 'evaluation', 'models', 'browser'],
  rollout: ['core', 'world', 'sites', 'evaluation', 'tasks', 'browser', 'agents', 'models'],
  pipeline: ['core', 'world', 'sites', 'evaluation', 'tasks', 'browser', 'agents', 'rollout', 'models', 'judge'],
  rl: ['core', 'world', 'sites', 'tasks', 'browser', 'agents', 'rollout', 'pipeline', 'student'],
  experiments: ['core', 'world', 'sites', 'tasks', 'agents', 'rollout', 'pipeline', 'student', 'rl'],
  demo: ['core', 'world', 'sites', 'browser'],
  validity: ['core', 'world', 'sites', 'evaluation', 'tasks'],
  knowledge: ['core', 'world', 'sites'],
  viewer: ['core', 'evaluation', 'pipeline'],
  distributed: ['core', 'world', 'sites', 'tasks', 'browser', 'agents', 'models', 'rollout'],
  'env-server': ['core', 'world', 'sites', 'evaluation', 'tasks', 'browser', 'rollout', 'pipeline'],
  cli: ['core', 'world', 'sites', 'evaluation', 'tasks', 'browser', 'models', 'student', 'agents', 'judge', 'rollout', 'pipeline', 'rl', 'experiments', 'demo', 'validity', 'viewer', 'distributed', 'env-server', 'knowledge'],
};

const SRC = resolve(import.meta.dirname, '../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

const part = (file: string) => relative(SRC, file).split('/')[0]!;
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

describe('architecture', () => {
  const all = files(SRC);

  it('every part of src/ is declared in ARCHITECTURE.md', () => {
    const doc = readFileSync(resolve(SRC, '../ARCHITECTURE.md'), 'utf8');
    for (const p of new Set(all.map(part))) {
      expect(Object.keys(ALLOWED), `src/${p} has no arrows`).toContain(p);
      expect(doc, `ARCHITECTURE.md does not describe src/${p}/`).toContain(`src/${p}/`);
    }
  });

  it('no import breaks an arrow', () => {
    const broken: string[] = [];
    for (const file of all) {
      const from = part(file);
      for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const spec = m[1] ?? m[2]!;
        if (!spec.startsWith('.')) continue;
        const to = part(resolve(dirname(file), spec));
        if (to !== from && !ALLOWED[from]!.includes(to)) broken.push(`${relative(SRC, file)} imports ${spec} (${from} -> ${to})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('libraries neither print nor exit; only the CLI owns the terminal', () => {
    const offenders = all
      .filter((f) => part(f) !== 'cli')
      .filter((f) => /\bconsole\.(log|error|warn|info)\(|process\.exit\(/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
  });

  it('the checker sees a broken arrow when there is one', () => {
    const fake = `import { x } from '../browser/chromium.js';`;
    const m = [...fake.matchAll(IMPORT)][0]!;
    expect(part(resolve(join(SRC, 'sites'), m[1]!))).toBe('browser');
    expect(ALLOWED.sites).not.toContain('browser');
  });
});
