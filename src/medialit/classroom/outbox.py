"""Attempts not yet delivered to the class service, in the order they were made.

A small SQLite file next to the learner's progress database (the progress store itself is
untouched). Rows leave only once the service has answered for them, so a kernel that
stops mid-outage resends them next time; the service ignores the ones it already has.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Any


class Outbox:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(path, timeout=30, check_same_thread=False,
                                     isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
            "attempt_id TEXT NOT NULL UNIQUE, body TEXT NOT NULL)"
        )

    def put(self, body: dict[str, Any]) -> None:
        with self._lock:
            self._conn.execute(
                "INSERT OR IGNORE INTO outbox (attempt_id, body) VALUES (?, ?)",
                (body["attempt_id"], json.dumps(body, ensure_ascii=False)),
            )

    def oldest(self) -> tuple[int, dict[str, Any]] | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT seq, body FROM outbox ORDER BY seq LIMIT 1"
            ).fetchone()
        return (row[0], json.loads(row[1])) if row else None

    def done(self, seq: int) -> None:
        with self._lock:
            self._conn.execute("DELETE FROM outbox WHERE seq = ?", (seq,))

    def __len__(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM outbox").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._conn.close()
