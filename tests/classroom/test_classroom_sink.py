"""The learner's ClassSink against a real HTTP server on loopback: the local store is
written first and at once, unsent attempts wait while the server refuses connections,
and they arrive in order, each once, when it listens again."""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from medialit.classroom.client import ClassClient
from medialit.classroom.outbox import Outbox
from medialit.classroom.sink import ClassSink
from medialit.progress.attempts import Attempt, MemorySink


class Recorder(BaseHTTPRequestHandler):
    received: list[dict] = []
    seen: set[str] = set()

    def do_POST(self) -> None:  # the service's contract: 201 new, 200 a duplicate
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        assert self.headers["Authorization"] == "token learner-token"
        duplicate = body["attempt_id"] in self.seen
        self.seen.add(body["attempt_id"])
        self.received.append(body)
        self.send_response(200 if duplicate else 201)
        self.end_headers()
        self.wfile.write(b'{"stored": true}')

    def log_message(self, *args: object) -> None:
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def attempt(n: int) -> Attempt:
    return Attempt("ann", "01-provenance", f"q{n}", f"answer {n}", n % 2 == 0, 1.0, 1)


def test_answers_wait_while_the_service_is_down_and_arrive_in_order_once(tmp_path: Path):
    port = free_port()
    inner = MemorySink()
    sink = ClassSink(inner, ClassClient(f"http://127.0.0.1:{port}/", "learner-token"),
                     Outbox(tmp_path / "outbox.sqlite"), max_wait=0.5)
    try:
        started = time.perf_counter()
        for n in range(5):  # nothing listens on the port: connections are refused
            sink.record(attempt(n))
        assert time.perf_counter() - started < 1.0
        assert [a.question for a in inner.attempts] == [f"q{n}" for n in range(5)]
        time.sleep(1.0)
        assert len(sink.outbox) == 5 and sink.last_reply and sink.last_reply.status == 0

        server = ThreadingHTTPServer(("127.0.0.1", port), Recorder)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            sink.record(attempt(5))
            assert sink.flush(20)
        finally:
            server.shutdown()
            server.server_close()
        assert [b["question"] for b in Recorder.received] == [f"q{n}" for n in range(6)]
        assert len({b["attempt_id"] for b in Recorder.received}) == 6
        assert len(sink.outbox) == 0
    finally:
        sink.close()
    # a new kernel on the same outbox has nothing left to send
    assert len(Outbox(tmp_path / "outbox.sqlite")) == 0
