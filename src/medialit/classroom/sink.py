"""The AnswerSink a learner's kernel uses on a hub: local store first, then the service.

:meth:`ClassSink.record` writes to the wrapped store (the learner's SQLite file) and to
the outbox, wakes the sender thread and returns: the learner never waits on the network.
The sender posts outbox rows oldest first, one at a time, and removes each once the
service has answered for it; while the service is down it waits and tries again.
"""

from __future__ import annotations

import logging
import os
import threading
import uuid
from pathlib import Path
from typing import Any

from medialit.classroom.client import ClassClient, Reply
from medialit.classroom.outbox import Outbox
from medialit.progress.attempts import AnswerSink, Attempt
from medialit.progress.rows import to_row

log = logging.getLogger("medialit.classroom.sink")


def attempt_body(attempt: Attempt, attempt_id: str | None = None) -> dict[str, Any]:
    row = to_row(attempt)
    return {
        "attempt_id": attempt_id or uuid.uuid4().hex,
        "lesson": attempt.lesson,
        "question": attempt.question,
        "response": attempt.response,
        "correct": attempt.correct,
        "score": attempt.score,
        "try": attempt.attempt,
        "misconception": attempt.misconception,
        "at": row["at"],
    }


class ClassSink:
    """Wraps any :class:`AnswerSink`; reads go to the wrapped sink only."""

    def __init__(self, inner: AnswerSink, client: ClassClient, outbox: Outbox,
                 max_wait: float = 30.0) -> None:
        self.inner = inner
        self.client = client
        self.outbox = outbox
        self.max_wait = max_wait
        self.last_reply: Reply | None = None
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._idle = threading.Event()
        self._thread = threading.Thread(target=self._send_loop, name="medialit-class-sender",
                                        daemon=True)
        self._thread.start()

    @classmethod
    def wrap(cls, inner: AnswerSink, folder: Path) -> AnswerSink:
        """``inner`` unchanged unless the hub gave this kernel a class service."""
        client = ClassClient.from_env()
        if client is None:
            return inner
        return cls(inner, client, Outbox(folder / "medialit-class-outbox.sqlite"))

    # -- AnswerSink -------------------------------------------------------------------

    def record(self, attempt: Attempt) -> None:
        self.inner.record(attempt)  # first: the learner's own copy
        self.outbox.put(attempt_body(attempt))
        self._idle.clear()
        self._wake.set()

    def last_attempt(self, learner: str, lesson: str, question: str) -> Attempt | None:
        return self.inner.last_attempt(learner, lesson, question)

    def attempt_count(self, learner: str, lesson: str, question: str) -> int:
        return self.inner.attempt_count(learner, lesson, question)

    def learner_name(self) -> str | None:
        """The name the learner picked, else the hub's (the service never uses either)."""
        name = getattr(self.inner, "learner_name", None)
        return (name() if callable(name) else None) or os.environ.get("JUPYTERHUB_USER")

    # -- graded questions -------------------------------------------------------------

    def grade(self, learner: str, lesson: str, question: str, response: Any) -> Reply:
        """Ask the service for the verdict on a graded question (the key is only there);
        a judged answer is kept in the learner's own store too."""
        from datetime import UTC, datetime

        at = datetime.now(UTC)
        reply = self.client.grade({
            "attempt_id": uuid.uuid4().hex, "lesson": lesson, "question": question,
            "response": response, "at": at.isoformat(),
        })
        if reply.status == 201:
            self.inner.record(Attempt(
                learner=learner, lesson=lesson, question=question, response=response,
                correct=bool(reply.body.get("correct")), score=float(reply.body.get("score", 0)),
                attempt=int(reply.body.get("try_number", 1)),
                misconception=None, feedback=str(reply.body.get("feedback", "")), at=at,
            ))
        return reply

    # -- sending ----------------------------------------------------------------------

    def flush(self, timeout: float = 30.0) -> bool:
        """Wait until the outbox is empty (tests, and a notebook's last cell)."""
        self._wake.set()
        return self._idle.wait(timeout)

    def close(self) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=5)

    def _send_loop(self) -> None:
        wait = 0.5
        while not self._stop.is_set():
            item = self.outbox.oldest()
            if item is None:
                self._idle.set()
                self._wake.wait()
                self._wake.clear()
                continue
            seq, body = item
            reply = self.client.post_attempt(body)
            self.last_reply = reply
            if reply.delivered:
                if reply.status >= 400:
                    log.warning("class service refused attempt %s: %d %s", body["attempt_id"],
                                reply.status, reply.body.get("error"))
                self.outbox.done(seq)
                wait = 0.5
                continue
            pause = max(wait, reply.retry_after)
            self._wake.wait(pause)
            self._wake.clear()
            wait = min(self.max_wait, wait * 2)
