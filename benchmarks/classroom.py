"""The class service under a whole class: 300 learners x 60 answers posted at once.

A real JupyterHub (as in tests/classroom), the service hub-managed, every post through
the hub's proxy with each learner's own hub token. Measures throughput, p50 and p99
latency of a post, and how long the teacher's dashboard takes to refresh, on SQLite
and on PostgreSQL; each against a bare insert loop (one row per transaction, as the
service writes) on the same database in the same run. Environment:
MEDIALIT_BENCH_LEARNERS and MEDIALIT_BENCH_ANSWERS scale it down.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from contextlib import nullcontext
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO / "tests" / "classroom")]

LEARNERS = int(os.environ.get("MEDIALIT_BENCH_LEARNERS", "300"))
ANSWERS = int(os.environ.get("MEDIALIT_BENCH_ANSWERS", "60"))
BARE_ROWS = 2000


def body(question: str, n: int) -> dict:
    return {"attempt_id": uuid.uuid4().hex, "lesson": "01-provenance", "question": question,
            "response": f"option {n % 4}", "correct": n % 3 == 0, "score": 1.0 if n % 3 == 0
            else 0.0, "try": 1 + n // 10, "misconception": None,
            "at": datetime.now(UTC).isoformat()}


async def post_all(url: str, tokens: dict[str, str], questions: list[str]) -> tuple[float,
                                                                                   list[float]]:
    from tornado.httpclient import AsyncHTTPClient, HTTPRequest

    AsyncHTTPClient.configure(None, max_clients=len(tokens))
    client = AsyncHTTPClient()
    latencies: list[float] = []
    failures: list[int] = []

    async def learner(token: str) -> None:
        for n in range(ANSWERS):
            request = HTTPRequest(url + "api/attempts", method="POST",
                                  body=json.dumps(body(questions[n % len(questions)], n)),
                                  headers={"Authorization": f"token {token}"},
                                  request_timeout=120, connect_timeout=60)
            started = time.perf_counter()
            response = await client.fetch(request, raise_error=False)
            latencies.append(time.perf_counter() - started)
            if response.code != 201:
                failures.append(response.code)

    started = time.perf_counter()
    await asyncio.gather(*(learner(t) for t in tokens.values()))
    elapsed = time.perf_counter() - started
    if failures:
        raise SystemExit(f"{len(failures)} posts failed, e.g. {failures[:5]}")
    return elapsed, latencies


def bare_rate(url: str) -> float:
    """Rows per second of a plain insert loop, one transaction per row."""
    from medialit.classroom.storage import ClassStore

    store = ClassStore(url)
    started = time.perf_counter()
    for n in range(BARE_ROWS):
        store.add("bare-loop", body("six-lines", n))
    rate = BARE_ROWS / (time.perf_counter() - started)
    store.close()
    return rate


def run(backend: str) -> dict:
    import classroom_hub as hubmod
    import classroom_postgres as postgres

    learners = tuple(f"learner{i:03d}" for i in range(LEARNERS))
    questions = ["address-tells", "named-not-linked", "missing", "time-words"]
    folder = Path(tempfile.mkdtemp(prefix=f"medialit-bench-{backend}-"))
    context = postgres.cluster() if backend == "postgresql" else nullcontext(
        f"sqlite:///{folder / 'service-state' / 'medialit-class.sqlite'}")
    with context as db:
        (folder / "service-state").mkdir(exist_ok=True)
        hub = hubmod.start_hub(folder / "hub", users=learners, teacher="teacher",
                               service_args=("--rate", "10000", "--burst", "10000",
                                             "--db", db))
        try:
            tokens = {}
            for name in (*learners, "teacher"):
                status, model = hub.api("POST", f"users/{name}/tokens",
                                        {"scopes": ["access:services!service=medialit"]})
                assert status == 201, (status, model)
                tokens[name] = model["token"]
            teacher = tokens.pop("teacher")
            url = hub.url + "/services/medialit/"
            for token in tokens.values():  # the service asks the hub once per token
                status, _ = hub.api("GET", "api/attempts", token=token,
                                    base="/services/medialit/")
                assert status == 200
            elapsed, latencies = asyncio.run(post_all(url, tokens, questions))
            refresh = []
            for _ in range(5):
                started = time.perf_counter()
                status, data = hub.api("GET", "api/dashboard", token=teacher,
                                       base="/services/medialit/")
                refresh.append(time.perf_counter() - started)
                assert status == 200 and data["attempts"] == LEARNERS * ANSWERS, data
        finally:
            hubmod.stop_hub(hub)
        rate = bare_rate(db)
    quantiles = statistics.quantiles(latencies, n=100)
    return {"backend": backend, "posts": len(latencies), "seconds": elapsed,
            "throughput": len(latencies) / elapsed, "p50": quantiles[49],
            "p99": quantiles[98], "dashboard": statistics.median(refresh), "bare": rate}


def main() -> int:
    try:
        import jupyterhub  # noqa: F401
        import sqlalchemy  # noqa: F401
    except ImportError as error:
        print(f"skipped: {error}; pip install -e '.[classroom]'")
        return 1
    import classroom_postgres as postgres

    backends = ["sqlite"] + (["postgresql"] if postgres.available() else [])
    if "postgresql" not in backends:
        print(f"PostgreSQL skipped: {postgres.HINT}")
    print(f"{LEARNERS} learners x {ANSWERS} answers, posted at once through a real JupyterHub")
    print(f"{'database':<11} {'posts/s':>8} {'bare rows/s':>12} {'ratio':>6} {'p50 ms':>7} "
          f"{'p99 ms':>7} {'dashboard ms':>13}")
    for backend in backends:
        r = run(backend)
        print(f"{r['backend']:<11} {r['throughput']:>8.0f} {r['bare']:>12.0f} "
              f"{r['throughput'] / r['bare']:>6.2f} {1000 * r['p50']:>7.1f} "
              f"{1000 * r['p99']:>7.1f} {1000 * r['dashboard']:>13.0f}", flush=True)
    print("ratio: the service's posts per second over a bare insert loop's rows per second "
          "on the same database (one row per transaction in both).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
