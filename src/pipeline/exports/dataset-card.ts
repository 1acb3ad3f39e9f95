import type { DatasetRow } from '../../core/schemas/dataset.js';
import { formatSection, type FormatFacts } from './card-formats.js';
import { datasetStats } from './card-stats.js';
import { impliedLength, type TokenStats } from './card-tokens.js';
import type { ExportTool } from './export-tools.js';
import { dataFileName, verlFileNames } from './file-names.js';
import type { ExportFormat, ExportGranularity } from './types.js';

export interface DatasetCardOptions {
  format: ExportFormat;
  per: ExportGranularity;
  /** Examples the export wrote (ExportResult.examples). */
  examples: number;
  /** Whether the export used tool calls. */
  toolCalls?: boolean;
  /** The tools the examples declare (tool-call mode). */
  tools?: readonly ExportTool[];
  /** The export's observation budget, if any (`--max-obs-tokens`). */
  maxObsTokens?: number;
  /** Token statistics (card-tokens.ts) of the trained examples, per mode; verl: of its SFT file. */
  tokens?: Partial<Record<ExportGranularity, TokenStats>>;
  /** verl only: statistics of the RL prompts. */
  promptTokens?: TokenStats;
  /** Paths of the lossless rows written as JSON text (jsonl only). */
  jsonTextPaths?: readonly string[];
  /** SPDX id for the card's `license` field (default apache-2.0, the project's license). */
  license?: string;
  /** Shown as given, in key order: run id, seeds, agent, dates... (the card adds no clock of its own). */
  runInfo?: Record<string, string | number | boolean>;
}

const table = (header: readonly string[], rows: readonly (readonly (string | number)[])[]): string =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const pct = (n: number, total: number): string => (total === 0 ? '0%' : `${((100 * n) / total).toFixed(1)}%`);

const distribution = (entries: readonly [string, number][], total: number): [string, string][] =>
  entries.map(([k, n]) => [`\`${k}\``, `${n} (${pct(n, total)})`]);

function sizeCategory(n: number): string {
  if (n < 1_000) return 'n<1K';
  if (n < 10_000) return '1K<n<10K';
  if (n < 100_000) return '10K<n<100K';
  if (n < 1_000_000) return '100K<n<1M';
  return '1M<n<10M';
}

/** The data files a Hub dataset viewer should load, one config each. */
function configs(format: ExportFormat, per: ExportGranularity): [string, string][] {
  if (format === 'verl') {
    const f = verlFileNames(per);
    return [['sft', f.sft], ['rl', f.rl]];
  }
  return [['default', dataFileName(format, per)]];
}

/** The Hugging Face dataset card header (YAML front matter: license, tags, configs). */
function yamlHeader(opts: DatasetCardOptions, examples: number): string {
  const lines = [
    '---',
    `license: ${opts.license ?? 'apache-2.0'}`,
    'language:',
    '- en',
    `pretty_name: WebFoundry web-agent trajectories (${opts.format}, per ${opts.per})`,
    'task_categories:',
    '- text-generation',
    'tags:',
    '- web-agent',
    '- browser-agent',
    '- agent-trajectories',
    '- synthetic',
    '- webfoundry',
    `- ${opts.format}`,
    'size_categories:',
    `- ${sizeCategory(examples)}`,
    'configs:',
    ...configs(opts.format, opts.per).flatMap(([name, path]) => [`- config_name: ${name}`, '  data_files:', '  - split: train', `    path: ${path}`]),
    '---',
  ];
  return lines.join('\n');
}

const statsRow = (label: string, s: TokenStats): (string | number)[] => [label, s.examples, s.min, s.median, s.p95, s.max, s.maxBeforeFirstTrained, impliedLength(s.max)];

function tokenSection(opts: DatasetCardOptions): string[] {
  const rows: (string | number)[][] = [];
  for (const per of ['step', 'trajectory'] as const) {
    const s = opts.tokens?.[per];
    if (s !== undefined) rows.push(statsRow(`per ${per}${per === opts.per ? ' (this export)' : ''}${opts.format === 'verl' ? ', SFT' : ''}`, s));
  }
  if (opts.promptTokens !== undefined) rows.push(statsRow('RL prompts', opts.promptTokens));
  if (rows.length === 0) return observationSection(opts);
  const counter = opts.tokens?.[opts.per]?.counter ?? opts.promptTokens?.counter ?? '';
  const setting = {
    openai: 'OpenAI does not let you set a length; it rejects examples longer than the base model\'s training context (65,536 tokens for GPT-4.1 mini and GPT-4o mini).',
    sharegpt: 'LLaMA-Factory `cutoff_len` (default 2048)',
    trl: 'TRL `max_length` (default 1024)',
    verl: 'verl `data.max_length` for SFT (default 1024) and `data.max_prompt_length` for RL prompts',
    react: 'the maximum sequence length of your trainer',
    jsonl: '',
  }[opts.format];
  return [
    '## Token lengths',
    `Tokens per example, counted with ${counter}${opts.maxObsTokens === undefined ? '' : `, observations cut to ${opts.maxObsTokens} estimated tokens`}. "Before first trained" is the longest stretch before an example's first trained token: a length below it leaves some example with nothing to learn (TRL then drops it). "Setting" is the longest example plus 5% for other templates' framing, rounded up to 256: it keeps every example whole.`,
    table(['examples', 'count', 'min', 'median', 'p95', 'max', 'before first trained', 'setting'], rows),
    opts.format === 'openai' ? setting : `The setting goes to ${setting}; the recipe below uses it.`,
    ...observationSection(opts),
  ];
}

function observationSection(opts: DatasetCardOptions): string[] {
  return [
    '## Observation length',
    `Observations are accessibility trees and dominate the length. \`webfoundry export --max-obs-tokens N\` cuts each one to about N tokens (estimated as characters / 4) at a line boundary, from the top, and marks the cut with "… (observation truncated)"; ${opts.maxObsTokens === undefined ? 'this export kept them whole' : `this export used N = ${opts.maxObsTokens}`}. Lower it to fit a shorter context, and give the agent the same budget at inference.`,
  ];
}

/** README.md for an exported dataset: what is in it, where it came from, how long it is and how to train on it. */
export function datasetCard(rows: readonly DatasetRow[], opts: DatasetCardOptions): string {
  const s = datasetStats(rows);
  const kinds = s.constraintKinds.reduce((n, [, c]) => n + c, 0);
  const facts: FormatFacts = {
    format: opts.format,
    per: opts.per,
    toolCalls: opts.toolCalls === true,
    tools: opts.tools ?? [],
    ...(opts.tokens?.[opts.per] ? { tokens: opts.tokens[opts.per] } : {}),
    ...(opts.promptTokens ? { promptTokens: opts.promptTokens } : {}),
    jsonTextPaths: opts.jsonTextPaths ?? [],
  };
  const sections = [
    yamlHeader(opts, opts.examples),
    `# WebFoundry web-agent dataset (${opts.format}, per ${opts.per})`,
    'Trajectories of agents booking on BookingArena sites (local, seeded booking websites), each step an accessibility-tree observation, a thought and one BrowserGym action. Successes are kept whole; salvaged rows are partial trajectories truncated at their best constraint-satisfaction point, with the task relabeled to the constraints met there and a synthetic stop step appended.',
    '## Counts',
    table(['', 'value'], [
      ['rows (trajectories)', s.rows],
      ['successes', `${s.successes} (${pct(s.successes, s.rows)})`],
      ['salvaged', `${s.salvaged} (${pct(s.salvaged, s.rows)})`],
      ...(s.explored ? [['explored (task-free exploration, labeled in hindsight)', `${s.explored} (${pct(s.explored, s.rows)})`]] : []),
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
  sections.push(...tokenSection(opts), formatSection(facts));
  sections.push('## License', `${opts.license ?? 'apache-2.0'}: the data are generated by WebFoundry (Apache-2.0) on synthetic sites with seeded, invented inventory; no personal data.`);
  return sections.join('\n\n') + '\n';
}
