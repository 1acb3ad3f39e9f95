import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { RunRegistry } from '../run-registry.js';
import { buildReport } from './build-report.js';
import { reportModel } from './report-data.js';

/** Writes the report of a run (and of a compared run, and an ablation file) to `out`, atomically. */
export function writeReport(o: { run: string; compare?: string; ablation?: string; out: string }): { bytes: number; episodes: number } {
  // Runs are named by their directories, as the viewer names them.
  const registry = new RunRegistry(o.compare ? [o.run, o.compare] : [o.run]);
  try {
    const [a, b] = registry.names();
    const model = reportModel(registry.get(a!), { ...(b ? { compare: registry.get(b) } : {}), ...(o.ablation ? { ablation: o.ablation } : {}) });
    const html = buildReport(model);
    mkdirSync(dirname(o.out), { recursive: true });
    writeFileSync(`${o.out}.tmp`, html);
    renameSync(`${o.out}.tmp`, o.out);
    return { bytes: Buffer.byteLength(html), episodes: model.overview.overall.episodes };
  } finally {
    registry.close();
  }
}
