/**
 * GRPO's group-relative advantage, as verl computes it (`compute_grpo_outcome_advantage` in
 * verl/trainer/ppo/core_algos.py): A_i = (R_i - mean) / (std + 1e-6) with the sample standard
 * deviation (torch.std, n - 1); a group of one has mean 0 and std 1; without `stdNorm` (Dr. GRPO,
 * verl's norm_adv_by_std_in_grpo=False) A_i = R_i - mean. Every decision of trajectory i gets A_i.
 */
export const ADV_EPS = 1e-6;

export function groupAdvantages(rewards: readonly number[], stdNorm: boolean): number[] {
  const n = rewards.length;
  if (n === 0) return [];
  let mean = 0;
  let std = 1;
  if (n > 1) {
    mean = rewards.reduce((a, b) => a + b, 0) / n;
    std = Math.sqrt(rewards.reduce((a, r) => a + (r - mean) ** 2, 0) / (n - 1));
  }
  return rewards.map((r) => (stdNorm ? (r - mean) / (std + ADV_EPS) : r - mean));
}

/** A group carries a learning signal when its rewards do not all agree (std > 0). */
export function isInformative(rewards: readonly number[]): boolean {
  if (rewards.length < 2) return false;
  return Math.max(...rewards) - Math.min(...rewards) > 1e-9;
}
