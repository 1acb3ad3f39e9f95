"""A random agent on BookingArena through the env server: the smallest loop to start from.

    webfoundry env-server --port 8090 &
    PYTHONPATH=python python3 python/examples/random_agent.py --url http://127.0.0.1:8090 --episodes 3

It picks a random bid of the page each step (click, or fill with a word), which is the floor a
trained agent must beat; the reward printed is the episode's final CSR.
"""

from __future__ import annotations

import argparse
import random
import re

from webfoundry_env import WebFoundryEnv

BID = re.compile(r"\[(\d+)\] (\w+)")


def act(rng: random.Random, text: str) -> str:
    elements = BID.findall(text)
    if not elements or rng.random() < 0.05:
        return "stop()"
    bid, role = rng.choice(elements)
    if role in ("textbox", "combobox", "searchbox"):
        return f'fill("{bid}", "{rng.choice(["Lisbon", "2", "Smith", "test@example.com"])}")'
    return f'click("{bid}")'


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--url", default="http://127.0.0.1:8090")
    p.add_argument("--episodes", type=int, default=3)
    p.add_argument("--max-steps", type=int, default=15)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    rng = random.Random(a.seed)
    with WebFoundryEnv(a.url, max_steps=a.max_steps) as env:
        for i in range(a.episodes):
            obs, info = env.reset(seed=a.seed + i)
            total = 0.0
            terminated = truncated = False
            while not (terminated or truncated):
                obs, reward, terminated, truncated, info = env.step(act(rng, obs["text"]))
                total += reward
            task = info["task"]
            print(f"{task['id']}: {info['step']} steps, CSR {info['reward']['csr']:.2f} (sum of rewards {total:.2f}), success {info['reward']['success']}")


if __name__ == "__main__":
    main()
