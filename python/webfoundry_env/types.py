"""The env server's JSON shapes (API version 1) as TypedDicts.

They mirror src/env-server/schemas.ts, from which the server's OpenAPI document
(GET /v1/openapi.json) is generated; test/env-server/python-client.test.ts checks
that the client reads what the server sends.
"""

from __future__ import annotations

import sys
from typing import Any, Dict, List, Optional

if sys.version_info >= (3, 11):
    from typing import NotRequired, TypedDict
else:  # pragma: no cover - older Pythons
    from typing import TypedDict

    NotRequired = Optional  # type: ignore[assignment]

API_VERSION = 1


class Tab(TypedDict):
    index: int
    url: str
    title: str


class Observation(TypedDict):
    url: str
    title: str
    #: The accessibility tree as text, one element a line, a bid in [brackets] for each element one can act on.
    text: str
    tokens: int
    focusedBid: Optional[str]
    tabs: List[Tab]
    activeTab: int
    #: Why the last action failed (unparseable, unknown bid, ...); None when it worked.
    lastActionError: Optional[str]
    dialog: NotRequired[Dict[str, str]]
    #: PNG of the viewport, base64, when the episode asked for screenshots.
    screenshot: NotRequired[str]


class Verdict(TypedDict):
    id: str
    kind: str
    satisfied: bool
    phrase: NotRequired[str]


class Reward(TypedDict):
    #: Constraint satisfaction rate of the state now: satisfied / total.
    csr: float
    #: Every constraint satisfied (and, for a new booking, one submitted).
    success: bool
    satisfied: int
    total: int
    verdicts: List[Verdict]


class TaskInfo(TypedDict):
    id: str
    site: str
    instruction: str


class Info(TypedDict):
    step: int
    maxSteps: int
    action: Optional[str]
    actionError: Optional[str]
    message: Optional[str]
    task: Optional[TaskInfo]
    error: NotRequired[str]
    timings: NotRequired[Dict[str, float]]


class StepResponse(TypedDict):
    episodeId: str
    observation: Observation
    reward: Optional[Reward]
    done: bool
    truncated: bool
    #: The user turn as WebFoundry's exports write it (OBJECTIVE/TODAY/URL/OBSERVATION, or LAST ACTION ERROR/URL/OBSERVATION).
    turn: str
    info: Info


Task = Dict[str, Any]
