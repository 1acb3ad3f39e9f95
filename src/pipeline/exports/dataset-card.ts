import type { DatasetRow } from '../../core/schemas/dataset.js';
import { formatSection } from './card-formats.js';
import { datasetStats } from './card-stats.js';
import type { ExportFormat, ExportGranularity } from './types.js';

export interface DatasetCardOptions {
  format: ExportFormat;
  per: ExportGranularity;
  /** Examples the export wrote (ExportResult.examples). */
  examples: number;
  /** trl only: whether the export used tool calls. */
  toolCalls?: boolean;
  /** Shown as given, in key order: run id, seeds, agent, dates... (the card adds no clock of its own). */
  runInfo?: Record<string, string | number | boolean>;
}

const table = (header: [string, string], rows: readonly (readonly [string, string | number])[]): string =>
  [`| ${header[0]} | ${header[1]} |`, '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');

const pct = (n: number, total: number): string => (total === 0 ? '0%' : `${((100 * n) / total).toFixed(1)}%`);

const distribution = (entries: readonly [string, number][], total: number): [string, string][] =>
  entries.map(([k, n]) => [`\`${k}\``, `${n} (${pct(n, total)})`]);

/** README.md for an exported dataset: what is in it, where it came from and how to load it. */
export function datasetCard(rows: readonly DatasetRow[], opts: DatasetCardOptions): string {
  const s = datasetStats(rows);
  const kinds = s.constraintKinds.reduce((n, [, c]) => n + c, 0);
  const sections = [
    `# WebFoundry web-agent dataset (${opts.format}, per ${opts.per})`,
    'Trajectories of agents booking on BookingArena sites (local, seeded booking websites), each step an accessibility-tree observation, a thought and one BrowserGym action. Successes are kept whole; salvaged rows are partial trajectories truncated at their best constraint-satisfaction point, with the task relabeled to the constraints met there and a synthetic stop step appended.',
    '## Counts',
    table(['', 'value'], [
      ['rows (trajectories)', s.rows],
      ['successes', `${s.successes} (${pct(s.successes, s.rows)})`],
      ['salvaged', `${s.salvaged} (${pct(s.salvaged, s.rows)})`],
      ['steps', s.steps.total],
      ['synthetic stop steps', s.syntheticSteps],
      ['steps whose action did not parse', s.unparseableSteps],
      ['steps per row (min / median / max)', `${s.steps.min} / ${s.steps.median} / ${s.steps.max}`],
      ['examples in this export', opts.examples],
    ]),
    '## Sites',
    table(['site', 'rows'], distribution(s.bySite, s.rows)),
    '## Difficulty',
    table(['difficulty', 'rows'], distribution(s.byDifficulty, s.rows)),
    '## Constraint kinds',
    table(['kind', 'constraints'], distribution(s.constraintKinds, kinds)),
  ];
  if (opts.runInfo !== undefined && Object.keys(opts.runInfo).length > 0) {
    sections.push('## Run', table(['', 'value'], Object.entries(opts.runInfo).map(([k, v]) => [k, String(v)])));
  }
  sections.push(formatSection(opts.format, opts.per, opts.toolCalls));
  return sections.join('\n\n') + '\n';
}
