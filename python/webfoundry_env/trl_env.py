"""BookingArena as a TRL environment: the browser's actions as tools, CSR as the reward.

Written against TRL's GRPOTrainer (huggingface/trl, trl/trainer/grpo_trainer.py,
``environment_factory``): the trainer builds instances with a no-argument factory, calls
``reset(**row)`` with the dataset row before each rollout and appends the string it returns to
the last user message, exposes every public method (but ``reset`` and ``get_reward``) as a tool
from its type hints and Google-style docstring, and calls ``get_reward()`` once per finished
rollout. This class needs nothing but the standard library; TRL is only needed to train.

    from datasets import Dataset
    from trl import GRPOConfig, GRPOTrainer
    from webfoundry_env import WebFoundryToolEnv, trl_rows

    rows = trl_rows("http://127.0.0.1:8090", suite="bookingarena-v0")
    trainer = GRPOTrainer(model=..., args=GRPOConfig(...), train_dataset=Dataset.from_list(rows),
                          environment_factory=WebFoundryToolEnv)

The server address comes from ``WEBFOUNDRY_ENV_URL`` (default http://127.0.0.1:8090).
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Optional

from .client import EnvClient, EnvServerError
from .types import StepResponse

DEFAULT_URL = "http://127.0.0.1:8090"


def _arg(value: Any) -> str:
    # A Python literal the action parser reads (it parses BrowserGym's Python call syntax).
    return json.dumps(value, ensure_ascii=False)


class WebFoundryToolEnv:
    """One episode per rollout; the dataset row names the task (``task_id``)."""

    def __init__(self, base_url: Optional[str] = None, max_steps: int = 30, max_obs_tokens: Optional[int] = None) -> None:
        self.client = EnvClient(base_url or os.environ.get("WEBFOUNDRY_ENV_URL", DEFAULT_URL))
        self.max_steps = max_steps
        self.max_obs_tokens = max_obs_tokens
        self.episode_id: Optional[str] = None
        self.last: Optional[StepResponse] = None

    def reset(self, **row: Any) -> str:
        """Starts the row's task (``task_id``, or ``extra_info["task_id"]`` of a verl RL row); returns the opening turn."""
        task_id = row.get("task_id") or (row.get("extra_info") or {}).get("task_id")
        if not task_id:
            raise ValueError("the dataset row has no task_id (build rows with trl_rows())")
        if self.episode_id is not None:
            try:
                self.last = self.client.reset(self.episode_id, task_id)
                return self.last["turn"]
            except EnvServerError as e:
                if e.code not in ("gone", "not_found"):
                    raise
        self.last = self.client.create(task_id, max_steps=self.max_steps, max_obs_tokens=self.max_obs_tokens)
        self.episode_id = self.last["episodeId"]
        return self.last["turn"]

    def get_reward(self) -> float:
        """The CSR of the episode's state: the share of the task's constraints satisfied."""
        if self.last is None or self.last["reward"] is None:
            return 0.0
        return float(self.last["reward"]["csr"])

    # Tools ------------------------------------------------------------------------------

    def click(self, bid: str) -> str:
        """Click an element of the page.

        Args:
            bid: The element's bid, the number in [brackets] before it in the observation.

        Returns:
            The page after the click.
        """
        return self._act(f"click({_arg(bid)})")

    def fill(self, bid: str, value: str) -> str:
        """Type a value into a text box or combobox, replacing what it held.

        Args:
            bid: The field's bid.
            value: The text to enter.

        Returns:
            The page after typing.
        """
        return self._act(f"fill({_arg(bid)}, {_arg(value)})")

    def select_option(self, bid: str, option: str) -> str:
        """Choose an option of a select (drop-down) element.

        Args:
            bid: The select's bid.
            option: The option's text.

        Returns:
            The page after choosing.
        """
        return self._act(f"select_option({_arg(bid)}, {_arg(option)})")

    def check(self, bid: str) -> str:
        """Make sure a checkbox or radio button is checked.

        Args:
            bid: The checkbox's bid.

        Returns:
            The page after checking.
        """
        return self._act(f"check({_arg(bid)})")

    def press(self, bid: str, key: str) -> str:
        """Press a key (or a combination such as "Enter" or "Control+a") in an element.

        Args:
            bid: The element's bid.
            key: The key or key combination.

        Returns:
            The page after the key press.
        """
        return self._act(f"press({_arg(bid)}, {_arg(key)})")

    def scroll(self, delta_y: float) -> str:
        """Scroll the page vertically.

        Args:
            delta_y: Pixels to scroll, positive down, negative up.

        Returns:
            The page after scrolling.
        """
        return self._act(f"scroll(0, {float(delta_y)})")

    def go_back(self) -> str:
        """Go back to the previous page.

        Returns:
            The previous page.
        """
        return self._act("go_back()")

    def stop(self, answer: str = "") -> str:
        """End the episode when the task is done (with the answer if the task asks for one).

        Args:
            answer: The answer to give the user, or an empty string.

        Returns:
            A confirmation that the episode ended.
        """
        return self._act(f"stop({_arg(answer)})" if answer else "stop()")

    # ------------------------------------------------------------------------------------

    def _act(self, action: str) -> str:
        if self.episode_id is None:
            raise RuntimeError("reset() first")
        if self.last is not None and (self.last["done"] or self.last["truncated"]):
            return "The episode is over: no more actions."
        try:
            self.last = self.client.step(self.episode_id, action)
        except EnvServerError as e:
            if e.code == "episode_over":
                return "The episode is over: no more actions."
            raise
        if self.last["done"]:
            return "The episode ended."
        if self.last["truncated"]:
            return self.last["turn"] + "\n\nThe step budget is spent: the episode is over."
        return self.last["turn"]


def trl_rows(base_url: str = DEFAULT_URL, suite: Optional[str] = None, split: Optional[str] = None, site: Optional[str] = None) -> List[Dict[str, Any]]:
    """Dataset rows for GRPOTrainer with WebFoundryToolEnv: a conversational ``prompt`` (the tools-style
    system prompt and an empty user turn that ``reset`` fills with the opening page) and ``task_id``."""
    client = EnvClient(base_url)
    system = client.prompt("tools")["system"]
    rows: List[Dict[str, Any]] = []
    offset = 0
    while True:
        page = client.tasks(suite=suite, site=site, split=split, offset=offset, limit=1000)
        for t in page["tasks"]:
            rows.append({"prompt": [{"role": "system", "content": system}, {"role": "user", "content": ""}], "task_id": t["id"]})
        offset += len(page["tasks"])
        if offset >= page["total"] or not page["tasks"]:
            return rows
