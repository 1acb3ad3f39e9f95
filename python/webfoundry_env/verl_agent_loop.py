"""BookingArena episodes in verl's agent loop, scored by CSR.

Written against volcengine/verl (verl/experimental/agent_loop/agent_loop.py: AgentLoopBase,
AgentLoopOutput, register; tool_agent_loop.py for how turns are appended). Importing this module
needs verl; the rest of webfoundry_env does not.

Data: the RL Parquet that ``webfoundry export --format verl`` writes (webfoundry_verl_rl.parquet):
``prompt`` is the system prompt and the opening user turn, ``extra_info.task_id`` names the task.
The loop opens the task on the env server, replaces the opening turn with the live one (same
words, the server's page), then alternates: the model writes "Thought: ...\\nAction: ...", the
server executes it and answers the next turn, until the agent stops, the step budget is spent or
the response length is. The trajectory's reward is the final CSR (``reward_score``, which verl
uses instead of calling a reward function), so no custom reward function is needed.

Config (verl's Hydra keys):

    actor_rollout_ref.rollout.mode=async
    actor_rollout_ref.rollout.agent.agent_loop_config_path=python/verl_agent_loop.yaml
    actor_rollout_ref.rollout.agent.default_agent_loop=webfoundry_agent
    actor_rollout_ref.rollout.multi_turn.max_assistant_turns=30
    data.train_files=out/webfoundry_verl_rl.parquet data.val_files=...
    data.return_raw_chat=True

with python/verl_agent_loop.yaml:

    - name: webfoundry_agent
      _target_: webfoundry_env.verl_agent_loop.WebFoundryAgentLoop

and WEBFOUNDRY_ENV_URL pointing at ``webfoundry env-server --parallel K`` (K at least the
number of rollouts verl runs at once, or the client waits for a slot).
"""

from __future__ import annotations

import asyncio
import os
from typing import Any
from uuid import uuid4

from verl.experimental.agent_loop.agent_loop import AgentLoopBase, AgentLoopOutput, register

from .client import EnvClient


@register("webfoundry_agent")
class WebFoundryAgentLoop(AgentLoopBase):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        rollout = self.config.actor_rollout_ref.rollout
        self.response_length = rollout.response_length
        self.max_turns = rollout.multi_turn.max_assistant_turns or 30
        self.client = EnvClient(os.environ.get("WEBFOUNDRY_ENV_URL", "http://127.0.0.1:8090"))

    async def run(self, sampling_params: dict[str, Any], **kwargs: Any) -> AgentLoopOutput:
        messages = list(kwargs["raw_prompt"])
        task_id = kwargs["extra_info"]["task_id"]
        first = await asyncio.to_thread(self.client.create, task_id, max_steps=self.max_turns)
        episode_id = first["episodeId"]
        last = first
        messages[-1] = {"role": "user", "content": first["turn"]}
        prompt_ids = await self.apply_chat_template(messages)
        ids = list(prompt_ids)
        response_mask: list[int] = []
        logprobs: list[float] = []
        turns = 1
        request_id = uuid4().hex
        try:
            for _ in range(self.max_turns):
                out = await self.server_manager.generate(request_id=request_id, prompt_ids=ids, sampling_params=sampling_params)
                ids += out.token_ids
                response_mask += [1] * len(out.token_ids)
                if out.log_probs:
                    logprobs += out.log_probs
                turns += 1
                if len(response_mask) >= self.response_length:
                    break
                reply = self.tokenizer.decode(out.token_ids, skip_special_tokens=True)
                last = await asyncio.to_thread(self.client.step_reply, episode_id, reply)
                if last["done"] or last["truncated"]:
                    break
                turn_ids = await self.apply_chat_template([{"role": "user", "content": last["turn"]}], remove_system_prompt=True)
                ids += turn_ids
                response_mask += [0] * len(turn_ids)
                if logprobs:
                    logprobs += [0.0] * len(turn_ids)
                turns += 1
        finally:
            await asyncio.to_thread(self.client.close, episode_id)
        reward = last["reward"]
        response_ids = ids[len(prompt_ids):]
        return AgentLoopOutput(
            prompt_ids=prompt_ids,
            response_ids=response_ids[: self.response_length],
            response_mask=response_mask[: self.response_length],
            response_logprobs=logprobs[: self.response_length] if logprobs else None,
            reward_score=float(reward["csr"]) if reward else 0.0,
            num_turns=turns,
            metrics={},
            extra_fields={"webfoundry_success": bool(reward and reward["success"]), "webfoundry_steps": last["info"]["step"]},
        )
