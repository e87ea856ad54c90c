"""The service's database: one table of attempts, the same schema on SQLite and PostgreSQL.

SQLAlchemy Core only, so the SQL stays visible. Each attempt is one row insert; a
unique constraint on ``(learner, attempt_id)`` makes a replayed post a no-op instead
of a duplicate, and no statement locks more than the row it writes (SQLite runs in
WAL mode so readers never wait on the writer). Migrations are a numbered list applied
in one transaction each and recorded in ``schema_version``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("applied_at", sa.String(40), nullable=False),
)

attempts = sa.Table(
    "attempts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("attempt_id", sa.String(64), nullable=False),  # made by the client
    sa.Column("learner", sa.String(200), nullable=False),  # from the hub, never the post
    sa.Column("lesson", sa.String(100), nullable=False),
    sa.Column("question", sa.String(100), nullable=False),
    sa.Column("response", sa.Text, nullable=False),  # JSON text
    sa.Column("correct", sa.Boolean, nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("try_number", sa.Integer, nullable=False),
    sa.Column("misconception", sa.String(100)),
    sa.Column("graded", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("answered_at", sa.String(40), nullable=False),  # the learner's clock, UTC
    sa.Column("received_at", sa.String(40), nullable=False),  # the service's clock, UTC
    sa.UniqueConstraint("learner", "attempt_id", name="uq_attempts_learner_attempt"),
)


def _v1(conn: Connection) -> None:
    schema_version.create(conn, checkfirst=True)
    attempts.create(conn, checkfirst=True)


def _v2(conn: Connection) -> None:
    # Plain DDL, valid on both databases: an Index object would attach itself to the
    # table and be created by _v1 on the next fresh database.
    conn.execute(sa.text("CREATE INDEX IF NOT EXISTS ix_attempts_learner_question "
                         "ON attempts (learner, lesson, question)"))


# Append only: a deployed database has run every migration before its version.
MIGRATIONS: Sequence[Callable[[Connection], None]] = (_v1, _v2)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class StoredAttempt:
    attempt_id: str
    learner: str
    lesson: str
    question: str
    response: Any
    correct: bool
    score: float
    try_number: int
    misconception: str | None
    graded: bool
    answered_at: str
    received_at: str

    def as_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _stored(row: Any) -> StoredAttempt:
    try:
        response = json.loads(row.response)
    except ValueError:
        response = row.response
    return StoredAttempt(
        row.attempt_id, row.learner, row.lesson, row.question, response, bool(row.correct),
        float(row.score), int(row.try_number), row.misconception, bool(row.graded),
        row.answered_at, row.received_at,
    )


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL and a busy timeout, so writers queue per
    statement for a few milliseconds instead of failing."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    return sa.create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)


class ClassStore:
    """Attempts of a whole class, keyed by the hub's user names."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.migrate()

    def version(self) -> int:
        with self.engine.connect() as conn:
            if not sa.inspect(conn).has_table("schema_version"):
                return 0
            found = conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar()
            return int(found or 0)

    def migrate(self) -> int:
        """Apply the migrations this database has not seen; returns the new version.

        Two services starting together both try; the primary key on ``version`` lets
        only one record each step, and the loser's transaction rolls back cleanly."""
        current = self.version()
        for number, step in enumerate(MIGRATIONS, start=1):
            if number <= current:
                continue
            try:
                with self.engine.begin() as conn:
                    step(conn)
                    conn.execute(schema_version.insert().values(version=number, applied_at=now()))
            except sa.exc.IntegrityError:
                pass  # another process applied this step first
        return self.version()

    def add(self, learner: str, attempt: dict[str, Any], graded: bool = False) -> bool:
        """Insert one attempt; False when this learner already sent this attempt id."""
        values = {
            "attempt_id": attempt["attempt_id"],
            "learner": learner,
            "lesson": attempt["lesson"],
            "question": attempt["question"],
            "response": json.dumps(attempt["response"], ensure_ascii=False, sort_keys=True),
            "correct": bool(attempt["correct"]),
            "score": float(attempt["score"]),
            "try_number": int(attempt["try"]),
            "misconception": attempt.get("misconception"),
            "graded": graded,
            "answered_at": attempt["at"],
            "received_at": now(),
        }
        try:
            with self.engine.begin() as conn:
                conn.execute(attempts.insert().values(**values))
        except sa.exc.IntegrityError:
            return False
        return True

    def find(self, learner: str, attempt_id: str) -> StoredAttempt | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(attempts).where(
                    attempts.c.learner == learner, attempts.c.attempt_id == attempt_id
                )
            ).first()
        return _stored(row) if row else None

    def tries(self, learner: str, lesson: str, question: str) -> int:
        with self.engine.connect() as conn:
            return int(
                conn.execute(
                    sa.select(sa.func.count()).select_from(attempts).where(
                        attempts.c.learner == learner,
                        attempts.c.lesson == lesson,
                        attempts.c.question == question,
                    )
                ).scalar()
                or 0
            )

    def of(self, learner: str) -> list[StoredAttempt]:
        return list(self._select(attempts.c.learner == learner))

    def everything(self) -> list[StoredAttempt]:
        return list(self._select(None))

    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(attempts)).scalar())

    def _select(self, where: Any) -> Iterator[StoredAttempt]:
        query = sa.select(attempts).order_by(attempts.c.id)
        if where is not None:
            query = query.where(where)
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                yield _stored(row)

    def close(self) -> None:
        self.engine.dispose()
