import { describe, expect, it } from 'vitest';
import type { Trajectory } from '../../src/core/schemas/trajectory.js';
import { bestOf, compareRollouts } from '../../src/rl/rft.js';

/** The parts of a trajectory best-of-N reads: its verdict and its length. */
function rollout(name: string, sr: boolean, csr: number, steps: number): Trajectory {
  return { header: { episodeId: name }, steps: Array.from({ length: steps }, () => ({})), end: { evaluation: { sr, csr } } } as unknown as Trajectory;
}

describe('best-of-N selection', () => {
  it('a success beats any partial, then the higher CSR, then fewer steps, then the earlier sample', () => {
    const partialHigh = rollout('partial 0.9', false, 0.9, 10);
    const successLong = rollout('success long', true, 1, 30);
    const successShort = rollout('success short', true, 1, 20);
    const successShortLater = rollout('success short later', true, 1, 20);
    expect(compareRollouts(successLong, partialHigh)).toBeGreaterThan(0);
    expect(bestOf([partialHigh, successLong, successShort, successShortLater]).header.episodeId).toBe('success short');
    expect(bestOf([rollout('a', false, 0.5, 5), rollout('b', false, 0.75, 40), rollout('c', false, 0.75, 12)]).header.episodeId).toBe('c');
    expect(() => bestOf([])).toThrow(RangeError);
  });
});
