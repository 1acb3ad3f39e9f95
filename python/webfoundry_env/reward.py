"""CSR as a reward, for GRPO trainers (TRL, verl) and hand-written loops."""

from __future__ import annotations

from typing import Any, List, Optional, Sequence

from .client import EnvClient


def episode_csr(client: EnvClient, episode_id: str) -> float:
    """The constraint satisfaction rate of an open episode's state now (0 for an episode on a bare URL)."""
    reward = client.get(episode_id)["reward"]
    return float(reward["csr"]) if reward else 0.0


class CsrReward:
    """A reward function in TRL's shape: ``reward(prompts, completions, **columns) -> list[float]``.

    It reads the ``episode_id`` column a rollout function returned (one per completion; TRL's
    GRPOTrainer forwards a rollout_func's extra fields to its reward functions, see
    trl/trainer/grpo_trainer.py) and asks the server for each episode's CSR. Episodes must still
    be open: close them after the reward is read, or let the server reclaim them.
    ``__name__`` is what TRL logs the reward under.
    """

    __name__ = "webfoundry_csr"

    def __init__(self, base_url: str = "http://127.0.0.1:8090", client: Optional[EnvClient] = None) -> None:
        self.client = client or EnvClient(base_url)

    def __call__(self, prompts: Optional[Sequence[Any]] = None, completions: Optional[Sequence[Any]] = None, episode_id: Optional[Sequence[str]] = None, **_: Any) -> List[float]:
        if episode_id is None:
            raise ValueError("CsrReward needs the episode_id column: return it from your rollout function")
        return [episode_csr(self.client, e) for e in episode_id]
