"""A Gymnasium-style environment over the env server (no dependency on gymnasium itself)."""

from __future__ import annotations

import random
from typing import Any, Dict, List, Optional, Sequence, Tuple

from .client import EnvClient
from .types import Observation, StepResponse, Task


class WebFoundryEnv:
    """One BookingArena episode at a time, Gymnasium's way.

    ``reset()`` returns ``(observation, info)``; ``step(action)`` returns
    ``(observation, reward, terminated, truncated, info)``. The observation is the server's
    (``obs["text"]`` is the accessibility tree the agent reads); the reward is the *change* in
    CSR (constraint satisfaction rate) the step made, so an episode's rewards add up to its final
    CSR; ``info["reward"]`` has the whole score (csr, success, per-constraint verdicts).
    ``terminated``: the agent ended the episode (``stop`` / ``report_infeasible``); ``truncated``:
    the step budget ran out, or the browser crashed (``info["error"]``).

    Tasks: ``task_id`` (or ``task``) fixes one; otherwise each reset draws one of ``task_ids``
    (default: every task of ``suite`` the server has) with the env's own random generator, seeded
    by ``reset(seed=...)``.
    """

    def __init__(
        self,
        base_url: str = "http://127.0.0.1:8090",
        *,
        task_id: Optional[str] = None,
        task: Optional[Task] = None,
        task_ids: Optional[Sequence[str]] = None,
        suite: Optional[str] = None,
        max_steps: int = 30,
        mode: str = "viewport",
        screenshot: bool = False,
        sparse: bool = False,
        client: Optional[EnvClient] = None,
    ) -> None:
        self.client = client or EnvClient(base_url)
        self._fixed: Dict[str, Any] = {"task_id": task_id} if task_id else ({"task": task} if task else {})
        self._task_ids = list(task_ids) if task_ids else None
        self.suite = suite
        self.max_steps = max_steps
        self.mode = mode
        self.screenshot = screenshot
        #: With sparse=True the reward is 0 until the episode ends, then its final CSR.
        self.sparse = sparse
        self.episode_id: Optional[str] = None
        self._csr = 0.0
        self._rng = random.Random()

    # Gymnasium's API ---------------------------------------------------------------------

    def reset(self, *, seed: Optional[int] = None, options: Optional[Dict[str, Any]] = None) -> Tuple[Observation, Dict[str, Any]]:
        if seed is not None:
            self._rng.seed(seed)
        target = self._target(options or {})
        if self.episode_id is None:
            r = self.client.create(**target, suite=self.suite, max_steps=self.max_steps, mode=self.mode, screenshot=self.screenshot)
            self.episode_id = r["episodeId"]
        else:
            r = self.client.reset(self.episode_id, **target, suite=self.suite)
        self._csr = r["reward"]["csr"] if r["reward"] else 0.0
        return r["observation"], self._info(r)

    def step(self, action: str) -> Tuple[Observation, float, bool, bool, Dict[str, Any]]:
        if self.episode_id is None:
            raise RuntimeError("call reset() first")
        r = self.client.step(self.episode_id, action)
        return self._step_result(r)

    def step_reply(self, reply: str) -> Tuple[Observation, float, bool, bool, Dict[str, Any]]:
        """A model's whole reply ("Thought: ...\\nAction: click(\\"12\\")"); the server extracts the action."""
        if self.episode_id is None:
            raise RuntimeError("call reset() first")
        return self._step_result(self.client.step_reply(self.episode_id, reply))

    def close(self) -> None:
        if self.episode_id is not None:
            self.client.close(self.episode_id)
            self.episode_id = None

    def __enter__(self) -> "WebFoundryEnv":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # ---------------------------------------------------------------------------------------

    def _target(self, options: Dict[str, Any]) -> Dict[str, Any]:
        for key in ("task_id", "task", "url"):
            if key in options:
                return {key: options[key]}
        if self._fixed:
            return dict(self._fixed)
        if self._task_ids is None:
            self._task_ids = _all_task_ids(self.client, self.suite)
        if not self._task_ids:
            raise RuntimeError("the server has no tasks to draw from")
        return {"task_id": self._rng.choice(self._task_ids)}

    def _step_result(self, r: StepResponse) -> Tuple[Observation, float, bool, bool, Dict[str, Any]]:
        csr = r["reward"]["csr"] if r["reward"] else 0.0
        over = r["done"] or r["truncated"]
        reward = (csr if over else 0.0) if self.sparse else csr - self._csr
        self._csr = csr
        return r["observation"], reward, r["done"], r["truncated"], self._info(r)

    @staticmethod
    def _info(r: StepResponse) -> Dict[str, Any]:
        info: Dict[str, Any] = dict(r["info"])
        info["reward"] = r["reward"]
        info["episode_id"] = r["episodeId"]
        return info


def _all_task_ids(client: EnvClient, suite: Optional[str]) -> List[str]:
    ids: List[str] = []
    offset = 0
    while True:
        page = client.tasks(suite=suite, offset=offset, limit=1000)
        ids.extend(t["id"] for t in page["tasks"])
        offset += len(page["tasks"])
        if offset >= page["total"] or not page["tasks"]:
            return ids
