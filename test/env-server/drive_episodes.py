"""Run by test/env-server/python-client.test.ts with the system python3 against a real env server.

Drives episodes through the package's public API and prints one JSON object of what it saw;
the test checks it. argv: base_url task_id python_dir page_url
"""

import json
import re
import sys

sys.path.insert(0, sys.argv[3])
from webfoundry_env import CsrReward, EnvClient, EnvServerError, WebFoundryEnv, WebFoundryToolEnv, trl_rows  # noqa: E402

url, task_id = sys.argv[1], sys.argv[2]
client = EnvClient(url)
seen = {}

seen["health"] = client.health()
seen["suites"] = client.suites()
seen["tasks_total"] = client.tasks()["total"]
seen["prompt_has_actions"] = "click" in client.prompt()["system"]

# Gymnasium-style: reset, a bad action, a good one, a whole model reply.
env = WebFoundryEnv(url, task_id=task_id, max_steps=4)
obs, info = env.reset(seed=1)
seen["reset"] = {"text_has_bids": bool(re.search(r"\[\d+\]", obs["text"])), "step": info["step"], "reward": info["reward"], "task": info["task"]}
obs, reward, terminated, truncated, info = env.step('clik("1")')
seen["bad"] = {"error": obs["lastActionError"], "reward": reward, "terminated": terminated, "truncated": truncated, "step": info["step"]}
bid = re.search(r"\[(\d+)\] (?:link|button)", obs["text"]).group(1)
obs, reward, terminated, truncated, info = env.step(f'click("{bid}")')
seen["good"] = {"error": obs["lastActionError"], "action": info["action"], "step": info["step"], "csr": info["reward"]["csr"]}
obs, reward, terminated, truncated, info = env.step_reply("Thought: nothing to do.\nAction: noop()")
seen["reply"] = {"action": info["action"], "error": obs["lastActionError"], "step": info["step"]}
obs, reward, terminated, truncated, info = env.step("noop()")
seen["budget"] = {"terminated": terminated, "truncated": truncated, "step": info["step"]}
try:
    env.step("noop()")
    seen["after_end"] = None
except EnvServerError as e:
    seen["after_end"] = {"status": e.status, "code": e.code}
seen["csr_reward"] = CsrReward(client=client)(prompts=[None], completions=[None], episode_id=[env.episode_id])
episode_id = env.episode_id
env.close()
try:
    client.step(episode_id, "noop()")
    seen["after_close"] = None
except EnvServerError as e:
    seen["after_close"] = {"status": e.status, "code": e.code, "message": e.message}

# Stop ends the episode (terminated), on a URL-less reset of the same task.
with WebFoundryEnv(url, task_id=task_id) as env2:
    env2.reset()
    obs, reward, terminated, truncated, info = env2.step("stop()")
    seen["stop"] = {"terminated": terminated, "truncated": truncated}

# TRL's environment_factory shape: reset(**row) gives the opening turn, tools give the next ones.
rows = [r for r in trl_rows(url) if r["task_id"] == task_id]
tool_env = WebFoundryToolEnv(url)
opening = tool_env.reset(**rows[0])
after = tool_env.click("999999")
seen["trl"] = {
    "rows": len(trl_rows(url)),
    "system_is_tools_style": "call exactly one of the functions" in rows[0]["prompt"][0]["content"],
    "opening_starts": opening.split("\n")[0][:10],
    "opening_has_url": "\nURL: http" in opening,
    "after_click_error": after.split("\n")[0][:18],
    "reward": tool_env.get_reward(),
}
client.close(tool_env.episode_id)

# An episode on a bare URL: browse, no task, no reward.
page = client.create(url=sys.argv[4])
seen["url_episode"] = {"reward": page["reward"], "task": page["info"]["task"], "turn_starts": page["turn"].split("\n")[0][:4], "has_bids": "[" in page["observation"]["text"]}
client.close(page["episodeId"])

# A client that vanishes: open an episode and never come back.
seen["vanished"] = client.create(task_id)["episodeId"]
print(json.dumps(seen))
