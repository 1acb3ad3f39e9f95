import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerAblation } from '../../src/cli/commands/ablation.js';
import { rlDesignConfig, type RlDesignOpts } from '../../src/cli/commands/rl-ablation.js';
import { defaultRlAblationConfig } from '../../src/experiments/rl-ablation.js';

/** Parses `webfoundry ablation ARGS` with the real command and returns the RL design's configuration. */
function configOf(args: string[]) {
  const program = new Command().exitOverride();
  registerAblation(program);
  const cmd = program.commands.find((c) => c.name() === 'ablation')!;
  cmd.exitOverride().action(() => {});
  program.parse(['ablation', ...args], { from: 'user' });
  const opts = cmd.opts<RlDesignOpts>();
  return rlDesignConfig({ ...opts, base: opts.base! }, (name) => cmd.getOptionValueSource(name) === 'cli');
}

describe('ablation --design rl flags', () => {
  it('without RL flags the configuration is the design default', () => {
    expect(configOf(['--design', 'rl', '--base', '/tmp/base'])).toEqual(defaultRlAblationConfig('/tmp/base'));
  });

  it('every RL flag reaches the configuration', () => {
    const cfg = configOf(['--design', 'rl', '--base', '/tmp/base', '--seeds', '1,2,3', '--algos', 'grpo,dupo', '--rewards', 'csr', '--rl-max-steps', '60', '--rl-iterations', '5', '--rl-batch', '3', '--rl-group', '6']);
    expect(cfg.rl).toMatchObject({ seeds: [1, 2, 3], algos: ['grpo', 'dupo'], rewards: ['csr'], maxSteps: 60, iterations: 5, batch: 3, group: 6 });
    // The evaluation's step budget is another flag (--max-steps) and stays as it was.
    expect(cfg.maxSteps).toBe(defaultRlAblationConfig('/tmp/base').maxSteps);
  });

  it('an unknown algorithm or reward is refused by name', () => {
    expect(() => configOf(['--design', 'rl', '--base', '/tmp/base', '--algos', 'ppo'])).toThrow(/--algos takes grpo, dapo, dupo.*"ppo"/);
    expect(() => configOf(['--design', 'rl', '--base', '/tmp/base', '--rewards', 'csr,win'])).toThrow(/--rewards takes csr, sr, csr\+sr/);
  });
});
