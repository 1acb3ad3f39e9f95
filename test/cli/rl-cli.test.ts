import { Command, type Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerAblation } from '../../src/cli/commands/ablation.js';
import { registerRft } from '../../src/cli/commands/rft.js';
import { iterationTable, registerRl } from '../../src/cli/commands/rl.js';
import { IterationStats } from '../../src/rl/iteration-stats.js';

// `--help` of rl, rft, dagger and ablation (with its --design rl) explains every flag: each
// option has a description, and an option taking a value that is neither required nor given a
// default by commander (which prints "(default: ...)" itself) says its default in words. Read
// from commander's own option objects, as `--help` prints them.
const program = new Command();
registerRl(program);
registerRft(program);
registerAblation(program);

const takesValue = (o: Option): boolean => o.required || o.optional;

describe.each(['rl', 'rft', 'dagger', 'ablation'])('webfoundry %s --help', (name) => {
  const cmd = program.commands.find((c) => c.name() === name)!;

  it('describes the command and every option', () => {
    expect(cmd).toBeDefined();
    expect(cmd.description().length).toBeGreaterThan(40);
    expect(cmd.options.length).toBeGreaterThan(5);
    for (const o of cmd.options) expect(o.description.trim().length, o.flags).toBeGreaterThan(12);
  });

  it('gives the default of every optional value', () => {
    const silent = cmd.options.filter((o) => takesValue(o) && !o.mandatory && o.defaultValue === undefined && !/default/i.test(o.description));
    expect(silent.map((o) => o.flags)).toEqual([]);
  });
});

it('the help text shows the descriptions and defaults', () => {
  const rl = program.commands.find((c) => c.name() === 'rl')!;
  const help = rl.helpInformation({ error: false }).replace(/\s+/g, ' '); // unwrapped
  expect(help).toMatch(/--fill <how> [^-]*default: none for grpo, resample for dapo, duplicate for dupo/);
  expect(help).toMatch(/--group <n> G: rollouts per task \(default: 8\)/);
});

it('rl\'s table shows where each iteration\'s time went (browser / learner, percent)', () => {
  const s = IterationStats.parse({
    schemaVersion: 1, iteration: 3, cursorAfter: 6, rounds: 1, rollouts: 8, failedRollouts: 0,
    groups: { sampled: 2, informative: 2, inBatch: 2, dropped: 0, duplicated: 0 }, rolloutsSavedEstimate: 0, reward: { mean: 0.5, sd: 0.1 },
    sr: 0, csr: 0.5, meanSteps: 10, truncated: 0, entropy: 1,
    update: { skipped: false, tokens: 80, optimizerSteps: 2, loss: 0, clipFraction: 0, kl: 0, meanAbsLogRatio: 0, gradNorm: 1 },
    seconds: { rollouts: 80, policy: 8, tokens: 2, update: 10, total: 100 },
  });
  const out = iterationTable([s]);
  expect(out).toContain('browser/learner %');
  expect(out).toMatch(/│ 72\/20\s*│/);
});
