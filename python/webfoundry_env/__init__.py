"""WebFoundry env server client: drive BookingArena episodes from Python (standard library only).

Start a server with ``webfoundry env-server --port 8090``, then::

    from webfoundry_env import WebFoundryEnv
    with WebFoundryEnv("http://127.0.0.1:8090", task_id="skyhop-test-2026-0") as env:
        obs, info = env.reset()
        obs, reward, terminated, truncated, info = env.step('click("12")')

See python/README.md.
"""

from .client import EnvClient, EnvServerError
from .env import WebFoundryEnv
from .reward import CsrReward, episode_csr
from .trl_env import WebFoundryToolEnv, trl_rows
from .types import API_VERSION, Observation, Reward, StepResponse

__all__ = [
    "API_VERSION",
    "CsrReward",
    "EnvClient",
    "EnvServerError",
    "Observation",
    "Reward",
    "StepResponse",
    "WebFoundryEnv",
    "WebFoundryToolEnv",
    "episode_csr",
    "trl_rows",
]
__version__ = "0.1.0"
