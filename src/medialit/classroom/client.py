"""The learner's side of the wire: find the service from the hub's environment and post.

A kernel spawned by JupyterHub has ``JUPYTERHUB_API_TOKEN``; the teacher's hub config adds
``MEDIALIT_CLASS_URL`` (e.g. ``http://127.0.0.1:8000/services/medialit/``). Standard
library only, so a learner's environment needs nothing extra.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

TIMEOUT = 5.0


@dataclass(frozen=True)
class Reply:
    status: int  # 0 when the service could not be reached
    body: dict[str, Any]

    @property
    def delivered(self) -> bool:
        """Stored, or a duplicate the service already had, or refused for good: in every
        case sending it again would not change anything."""
        return 200 <= self.status < 500 and self.status not in (401, 408, 429)

    @property
    def retry_after(self) -> float:
        return float(self.body.get("retry_after", 0) or 0)


@dataclass(frozen=True)
class ClassClient:
    url: str  # ends with "/"
    token: str

    @classmethod
    def from_env(cls) -> ClassClient | None:
        url = os.environ.get("MEDIALIT_CLASS_URL", "").strip()
        token = os.environ.get("JUPYTERHUB_API_TOKEN", "").strip()
        if not url or not token:
            return None
        return cls(url if url.endswith("/") else url + "/", token)

    def request(self, method: str, path: str, data: Any = None) -> Reply:
        body = None if data is None else json.dumps(data).encode("utf-8")
        request = urllib.request.Request(
            self.url + path, data=body, method=method,
            headers={"Authorization": f"token {self.token}",
                     "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                return Reply(response.status, _json(response.read()))
        except urllib.error.HTTPError as error:
            reply = _json(error.read())
            if error.headers.get("Retry-After"):
                reply.setdefault("retry_after", error.headers["Retry-After"])
            return Reply(error.code, reply)
        except (OSError, ValueError) as error:  # refused, reset, timed out, bad URL
            return Reply(0, {"error": str(error)})

    def post_attempt(self, attempt: dict[str, Any]) -> Reply:
        return self.request("POST", "api/attempts", attempt)

    def grade(self, request: dict[str, Any]) -> Reply:
        return self.request("POST", "api/grade", request)

    def my_attempts(self) -> Reply:
        return self.request("GET", "api/attempts")


def _json(raw: bytes) -> dict[str, Any]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return {"error": raw[:200].decode("utf-8", "replace")}
    return data if isinstance(data, dict) else {"data": data}
