"""An HTTP client for the WebFoundry env server (``webfoundry env-server``), standard library only."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Dict, List, Optional

from .types import API_VERSION, StepResponse, Task


class EnvServerError(Exception):
    """An error answer of the server: HTTP status, stable code, message and hint.

    Codes: invalid_request (400), not_found (404), busy / episode_over (409),
    gone (410: closed, or reclaimed after the idle timeout), capacity (503), internal (500).
    """

    def __init__(self, status: int, code: str, message: str, hint: Optional[str] = None) -> None:
        super().__init__(f"{code}: {message}" + (f" (hint: {hint})" if hint else ""))
        self.status = status
        self.code = code
        self.message = message
        self.hint = hint


class EnvClient:
    """One connection's worth of calls to an env server.

    >>> client = EnvClient("http://127.0.0.1:8090")
    >>> first = client.create(task_id="skyhop-test-2026-0")
    >>> after = client.step(first["episodeId"], 'click("12")')

    ``capacity_wait`` seconds: how long ``create`` retries while every episode slot is in use.
    """

    def __init__(self, base_url: str, timeout: float = 120.0, capacity_wait: float = 300.0) -> None:
        self.base_url = base_url.rstrip("/")
        if self.base_url.endswith("/v1"):
            self.base_url = self.base_url[: -len("/v1")]
        self.timeout = timeout
        self.capacity_wait = capacity_wait

    # -- server ---------------------------------------------------------------------------

    def health(self) -> Dict[str, Any]:
        h = self._call("GET", "/v1/health")
        if h.get("apiVersion") != API_VERSION:
            raise EnvServerError(0, "invalid_request", f"the server speaks API version {h.get('apiVersion')}, this client {API_VERSION}")
        return h

    def suites(self) -> List[Dict[str, Any]]:
        return self._call("GET", "/v1/suites")["suites"]

    def tasks(self, suite: Optional[str] = None, site: Optional[str] = None, split: Optional[str] = None, offset: int = 0, limit: int = 100) -> Dict[str, Any]:
        """``{"total": n, "tasks": [...]}``: a page of the loaded tasks."""
        q = {k: v for k, v in {"suite": suite, "site": site, "split": split, "offset": offset, "limit": limit}.items() if v is not None}
        return self._call("GET", "/v1/tasks?" + urllib.parse.urlencode(q))

    def prompt(self, style: str = "text") -> Dict[str, str]:
        """The system prompt of WebFoundry's exports and the action space; style "text" (an "Action:" line) or "tools" (function calls)."""
        return self._call("GET", "/v1/prompt?" + urllib.parse.urlencode({"style": style}))

    # -- episodes -------------------------------------------------------------------------

    def create(
        self,
        task_id: Optional[str] = None,
        *,
        task: Optional[Task] = None,
        url: Optional[str] = None,
        suite: Optional[str] = None,
        max_steps: int = 30,
        mode: str = "viewport",
        screenshot: bool = False,
        max_obs_tokens: Optional[int] = None,
    ) -> StepResponse:
        """Opens an episode on a task (by id, or a whole task) or a URL and returns its first observation."""
        body: Dict[str, Any] = {"maxSteps": max_steps, "mode": mode, "screenshot": screenshot}
        if max_obs_tokens is not None:
            body["maxObsTokens"] = max_obs_tokens
        for key, value in (("taskId", task_id), ("task", task), ("url", url), ("suite", suite)):
            if value is not None:
                body[key] = value
        deadline = time.monotonic() + self.capacity_wait
        delay = 0.5
        while True:
            try:
                return self._call("POST", "/v1/episodes", body)
            except EnvServerError as e:
                if e.code != "capacity" or time.monotonic() + delay > deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 10.0)

    def reset(self, episode_id: str, task_id: Optional[str] = None, *, task: Optional[Task] = None, url: Optional[str] = None, suite: Optional[str] = None) -> StepResponse:
        """Starts the episode over: the same target, or a new one."""
        body = {k: v for k, v in {"taskId": task_id, "task": task, "url": url, "suite": suite}.items() if v is not None}
        return self._call("POST", f"/v1/episodes/{_quote(episode_id)}/reset", body)

    def step(self, episode_id: str, action: str) -> StepResponse:
        """One action, e.g. ``click("12")`` or ``fill("7", "Lisbon")``. A bad action comes back as ``observation["lastActionError"]``."""
        return self._call("POST", f"/v1/episodes/{_quote(episode_id)}/step", {"action": action})

    def step_reply(self, episode_id: str, reply: str) -> StepResponse:
        """A model's whole reply; the server finds the action in it as the exports' prompt asks ("Action: ..." or a code block)."""
        return self._call("POST", f"/v1/episodes/{_quote(episode_id)}/step", {"reply": reply})

    def get(self, episode_id: str) -> Dict[str, Any]:
        return self._call("GET", f"/v1/episodes/{_quote(episode_id)}")

    def episodes(self) -> List[Dict[str, Any]]:
        return self._call("GET", "/v1/episodes")["episodes"]

    def close(self, episode_id: str) -> bool:
        """Frees the episode's slot; False when it was already closed or reclaimed."""
        return bool(self._call("DELETE", f"/v1/episodes/{_quote(episode_id)}")["closed"])

    # -- transport ------------------------------------------------------------------------

    def _call(self, method: str, path: str, body: Optional[Dict[str, Any]] = None) -> Any:
        data = None if body is None else json.dumps(body).encode("utf-8")
        req = urllib.request.Request(self.base_url + path, data=data, method=method, headers={"content-type": "application/json", "accept": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as res:
                return json.loads(res.read().decode("utf-8"))
        except urllib.error.HTTPError as e:
            raw = e.read().decode("utf-8", "replace")
            try:
                err = json.loads(raw)["error"]
            except (ValueError, KeyError, TypeError):
                raise EnvServerError(e.code, "internal", raw[:500] or str(e)) from None
            raise EnvServerError(e.code, err.get("code", "internal"), err.get("message", ""), err.get("hint")) from None
        except urllib.error.URLError as e:
            raise ConnectionError(f"cannot reach the env server at {self.base_url}: {e.reason} (start it with `webfoundry env-server`)") from None


def _quote(s: str) -> str:
    return urllib.parse.quote(s, safe="")
