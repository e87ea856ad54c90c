"""A class on a real JupyterHub, end to end.

Three learners and a teacher sign in through chromium. Each learner's answers are given
in a kernel on the learner's own hub-spawned Jupyter server (the quiz view's ``submit``,
so the progress store and the class sink run as in a notebook; driving three JupyterLab
UIs would cost minutes on two cores). One learner answers a graded question and gets the
service's verdict; the teacher's dashboard shows the room; a learner posting as another,
or opening the dashboard, is refused; the service is killed mid-lesson and, once the hub
has restarted it, every answer is there. It runs twice: the service on SQLite, then on
PostgreSQL (skipped locally, with an install hint, when PostgreSQL is not installed).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

REQUIRED = bool(os.environ.get("MEDIALIT_REQUIRE_HUB") or
                os.environ.get("MEDIALIT_REQUIRE_BROWSER"))


def hubmod_hint() -> str:
    return ("install with: pip install -e '.[classroom]', apt-get install nodejs npm "
            "chromium (configurable-http-proxy comes from npm by itself)")


def _missing() -> str | None:
    try:
        import jupyterhub  # noqa: F401
        import playwright  # noqa: F401
    except ImportError as error:
        return str(error)
    if not shutil.which("npm") or not shutil.which("node"):
        return "node and npm are not installed"
    if not Path("/usr/bin/chromium").exists():
        return "chromium is not installed at /usr/bin/chromium"
    return None


_why = _missing()
if _why:
    if REQUIRED:
        pytest.fail(f"{_why}; {hubmod_hint()}", pytrace=False)
    pytest.skip(f"{_why}; {hubmod_hint()}", allow_module_level=True)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "browser"))
import classroom_hub as hubmod  # noqa: E402
from browser_lab import CHROMIUM_ARGS  # noqa: E402
from classroom_kernels import execute  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.browser]
LESSON = "01-provenance"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def hub(request: pytest.FixtureRequest,
        tmp_path_factory: pytest.TempPathFactory) -> Iterator[hubmod.Hub]:
    args: tuple[str, ...] = ("--rate", "5", "--burst", "30")
    if request.param == "postgresql":  # a fresh database in the throw-away cluster
        import sqlalchemy as sa

        server = request.getfixturevalue("postgres_url")
        engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(sa.text("DROP DATABASE IF EXISTS classroom_e2e"))
            conn.execute(sa.text("CREATE DATABASE classroom_e2e"))
        engine.dispose()
        args += ("--db", server.rsplit("/", 1)[0] + "/classroom_e2e")
    running = hubmod.start_hub(tmp_path_factory.mktemp("hub"), service_args=args)
    try:
        yield running
    finally:
        hubmod.stop_hub(running)


def practice_questions() -> list[tuple[str, list[str], int]]:
    """Ungraded single-choice questions of the lesson: (id, option texts, right index)."""
    from medialit.content.quizbank import load_bank

    bank = load_bank(hubmod.REPO / "lessons" / LESSON / "quiz.yaml")
    found = []
    for q in bank.questions:
        if q.type == "single" and q.id != hubmod.GRADED[1]:
            texts = [o.text for o in q.options]
            found.append((q.id, texts, next(i for i, o in enumerate(q.options) if o.correct)))
    return found


def graded_options() -> tuple[str, str]:
    from medialit.content.quizbank import load_bank

    bank = load_bank(hubmod.REPO / "lessons" / LESSON / "quiz.yaml")
    q = bank.question(hubmod.GRADED[1])
    right = next(o.text for o in q.options if o.correct)
    wrong = next(o.text for o in q.options if not o.correct)
    return right, wrong


SETUP = """
import json, time
from medialit.progress.sink import current_sink
from medialit.quiz.display import quiz
sink = current_sink()
def answer(qid, text):
    view = quiz({lesson!r}, qid)
    started = time.perf_counter()
    verdict = view.submit(text)
    return {{"correct": verdict.correct, "seconds": time.perf_counter() - started}}
print(json.dumps({{"sink": type(sink).__name__, "inner": type(sink.inner).__name__}}))
"""


def login(browser, hub: hubmod.Hub, name: str):  # -> playwright Page
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{hub.url}/hub/login")
    page.fill("#username_input", name)
    page.fill("#password_input", "any password: DummyAuthenticator")
    page.click("#login_submit")
    page.wait_for_url(lambda url: "/hub/login" not in url, timeout=60_000)
    assert "/hub/" in page.url, page.url
    return page


def spawn_failure(hub: hubmod.Hub, user: str, since: int) -> str:
    """The hub log's lines about a failed spawn of ``user``, written after byte ``since``."""
    text = hub.log.read_bytes()[since:].decode("utf-8", "replace")
    lines = [line for line in text.splitlines()
             if user in line or "Error" in line or "error" in line or "Traceback" in line]
    return "\n".join(lines[-25:])


def start_server(hub: hubmod.Hub, user: str) -> None:
    """Ask the hub for ``user``'s server; one retry when the spawn itself failed.

    A single-user server binds the port the spawner picked with ``port_retries = 0``, so on
    a busy machine another process can take that port between the pick and the bind, and the
    hub answers 500. That is JupyterHub's spawner, not the class service under test: the
    cause goes to the test's output and the spawn is asked for once more. A second failure
    fails the test with the hub's own words.
    """
    for attempt in (1, 2):
        since = hub.log.stat().st_size
        status, body = hub.api("POST", f"users/{user}/server")
        if status in (201, 202):
            return
        cause = spawn_failure(hub, user, since)
        if attempt == 2 or status != 500:
            raise AssertionError(f"the hub answered {status} ({body!r}) to starting {user}'s "
                                 f"server; hub log:\n{cause}")
        print(f"spawning {user}'s server failed once (hub answered 500); retrying. "
              f"Hub log:\n{cause}", file=sys.stderr)
        time.sleep(2)


def start_kernel(hub: hubmod.Hub, user: str) -> str:
    start_server(hub, user)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        _, model = hub.api("GET", f"users/{user}")
        server = (model.get("servers") or {}).get("")
        if server and server.get("ready"):
            break
        time.sleep(1)
    else:
        raise AssertionError(f"{user}'s server did not start; see {hub.log}")
    status, kernel = hub.api("POST", "kernels", {"name": "python3"}, base=f"/user/{user}/api/")
    assert status == 201, kernel
    return kernel["id"]


def run(hub: hubmod.Hub, user: str, kernel: str, code: str) -> str:
    ws = hub.url.replace("http://", "ws://") + f"/user/{user}"
    return execute(ws, kernel, hubmod.ADMIN_TOKEN, code)


def wait_status(page, hub: hubmod.Hub, text: str, timeout: float) -> None:
    """Wait for the dashboard's live status line; on failure say what it shows instead."""
    try:
        page.wait_for_selector(f"#status:has-text('{text}')", timeout=timeout)
    except Exception:
        shown = page.locator("#status").inner_text()
        log = [line for line in hub.log.read_text(errors="replace").splitlines()
               if "medialit" in line][-15:]
        raise AssertionError(f"dashboard shows {shown!r}, not {text!r}; service log:\n"
                             + "\n".join(log)) from None


def last_json(out: str):
    return json.loads(out.strip().splitlines()[-1])


def test_a_class_on_a_real_hub(hub: hubmod.Hub) -> None:
    from playwright.sync_api import sync_playwright

    questions = practice_questions()
    assert len(questions) >= 4, "the lesson needs four single-choice questions"
    dashboard_url = f"{hub.url}/services/medialit/"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        pages = {name: login(browser, hub, name) for name in (*hubmod.LEARNERS, hubmod.TEACHER)}

        # a learner is refused the dashboard, after signing in to the service through OAuth
        learner_page = pages["ann"]
        response = learner_page.goto(dashboard_url)
        assert response is not None and response.status == 403
        assert "not a teacher" in learner_page.content()

        teacher = pages[hubmod.TEACHER]
        response = teacher.goto(dashboard_url)
        assert response is not None and response.status == 200
        wait_status(teacher, hub, "0 learner(s)", 30_000)

        kernels = {user: start_kernel(hub, user) for user in hubmod.LEARNERS}
        for user, kernel in kernels.items():
            info = last_json(run(hub, user, kernel, SETUP.format(lesson=LESSON)))
            assert info == {"sink": "ClassSink", "inner": "SQLiteStore"}, (user, info)

        # first half of the lesson: learner i picks option i (some right, some wrong)
        def answer(user: str, qid: str, text: str) -> dict:
            kernel = kernels[user]
            return last_json(run(hub, user, kernel,
                                 f"print(json.dumps(answer({qid!r}, {text!r})))"))

        for i, user in enumerate(hubmod.LEARNERS):
            for qid, texts, _right in questions[:2]:
                answer(user, qid, texts[i % len(texts)])

        # graded: the student edition has no key for it; the service judges it through the
        # quiz view's own submit button, and the second try is final
        released = yaml.safe_load((hub.tmp / "student-edition" / "lessons" / LESSON /
                                   "quiz.yaml").read_text(encoding="utf-8"))
        shipped = next(q for q in released["questions"] if q["id"] == hubmod.GRADED[1])
        assert shipped["graded"] is True and "seal" not in shipped
        assert all(set(o) == {"text"} for o in shipped["options"])
        right, wrong = graded_options()
        grade = ("view = quiz({l!r}, {q!r}); v = view.submit({t!r}); "
                 "print(json.dumps({{'valid': v.valid, 'correct': v.correct, "
                 "'feedback': v.feedback, 'explanation': v.explanation, "
                 "'shown': view.feedback}}))")
        first = last_json(run(hub, "ann", kernels["ann"],
                              grade.format(l=LESSON, q=hubmod.GRADED[1], t=wrong)))
        assert first["valid"] is True and first["correct"] is False, first
        assert first["feedback"] and first["explanation"] == ""
        second = last_json(run(hub, "ann", kernels["ann"],
                               grade.format(l=LESSON, q=hubmod.GRADED[1], t=right)))
        assert second["correct"] is True and second["explanation"], second
        third = last_json(run(hub, "ann", kernels["ann"],
                              grade.format(l=LESSON, q=hubmod.GRADED[1], t=right)))
        assert third["valid"] is False and "final" in third["feedback"], third

        # posting as another learner is refused; reading others' answers is impossible
        forged = last_json(run(hub, "ben", kernels["ben"], (
            "from medialit.classroom.sink import attempt_body\n"
            "from medialit.progress.attempts import Attempt\n"
            f"b = attempt_body(Attempt('ann', {LESSON!r}, {questions[0][0]!r}, 'x', False, "
            "0.0, 1))\nb['learner'] = 'ann'\nr = sink.client.post_attempt(b)\n"
            "print(json.dumps({'status': r.status, **r.body}))")))
        assert forged["status"] == 403 and "only as yourself" in forged["error"]
        mine = last_json(run(hub, "ben", kernels["ben"], (
            "sink.flush(30); r = sink.client.my_attempts()\n"
            "print(json.dumps(sorted({a['learner'] for a in r.body['attempts']})))")))
        assert mine == ["ben"]

        # bad input: each a clear 4xx (and a log line), never a traceback
        bad = last_json(run(hub, "cai", kernels["cai"], (
            "import urllib.request\n"
            "from medialit.classroom.sink import attempt_body\n"
            "from medialit.progress.attempts import Attempt\n"
            "def raw(data):\n"
            "    req = urllib.request.Request(sink.client.url + 'api/attempts', data=data,\n"
            "        method='POST', headers={'Authorization': 'token ' + sink.client.token})\n"
            "    try:\n"
            "        return urllib.request.urlopen(req, timeout=10).status\n"
            "    except urllib.error.HTTPError as e:\n"
            "        return e.code\n"
            f"ok = attempt_body(Attempt('cai', {LESSON!r}, {questions[0][0]!r}, 'x', False, "
            "0.0, 1))\n"
            "big = dict(ok, response='x' * 70_000)\n"
            "unknown = dict(ok, question='no-such-question')\n"
            "out = {'malformed': raw(b'{not json'), 'big': sink.client.post_attempt(big).status,\n"
            "       'unknown': sink.client.post_attempt(unknown).status,\n"
            "       'schema': sink.client.post_attempt(dict(ok, score=7)).status}\n"
            "flood = [sink.client.post_attempt(unknown).status for _ in range(40)]\n"
            "out['flood'] = sorted(set(flood))\n"
            "print(json.dumps(out))")))
        assert bad == {"malformed": 400, "big": 413, "unknown": 404, "schema": 400,
                       "flood": [404, 429]}, bad
        service_log = hub.log.read_text(errors="replace")
        assert "429 too many posts from cai" in service_log
        assert "Uncaught exception" not in service_log  # tornado's line before a traceback

        # the service dies mid-lesson: answers still return at once and wait in the outbox
        pid = hub.service_pid()
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        for i, user in enumerate(hubmod.LEARNERS):
            for qid, texts, _right in questions[2:4]:
                result = answer(user, qid, texts[(i + 1) % len(texts)])
                assert result["seconds"] < 2.0, (user, qid, result)
        waiting = [last_json(run(hub, u, k, "print(len(sink.outbox))"))
                   for u, k in kernels.items()]
        hub.wait_service(timeout=120)  # the hub restarts its managed service
        assert hub.service_pid() not in (None, pid)
        for user, kernel in kernels.items():
            assert last_json(run(hub, user, kernel, "print(json.dumps(sink.flush(60)))")) is True
        assert sum(waiting) >= 1, "the outage should have left answers in the outboxes"

        # every answer is on the teacher's page, refreshed by itself
        expected = 3 * 4 + 2  # four practice answers each, two graded tries by ann
        wait_status(teacher, hub, f"3 learner(s), {expected} answer(s)", 15_000)
        rows = teacher.locator("#learners tbody th[scope=row]").all_inner_texts()
        assert sorted(rows) == sorted(hubmod.LEARNERS)
        assert teacher.locator("#questions caption").inner_text()
        alt = teacher.locator("#chart-alt").inner_text()
        assert "Hardest" in alt
        wrong_rows = teacher.locator("#wrong tbody tr").count()
        assert wrong_rows >= 1

        from axe_playwright_python.sync_playwright import Axe

        violations = Axe().run(teacher).response["violations"]
        serious = [f"{v['id']}: {v['help']}" for v in violations
                   if v.get("impact") in ("serious", "critical")]
        assert serious == [], serious

        csv = teacher.request.get(f"{dashboard_url}export/questions.csv")
        assert csv.status == 200 and csv.text().startswith("lesson,question,learners_tried")
        png = teacher.request.get(f"{dashboard_url}export/questions.png")
        assert png.status == 200 and png.body()[:4] == b"\x89PNG"
        summary = teacher.request.get(f"{dashboard_url}export/report.md")
        assert summary.status == 200 and summary.text().startswith("# Class report")
        assert "3 learner(s)" in summary.text()
        refused = learner_page.request.get(f"{dashboard_url}export/questions.csv")
        assert refused.status == 403
        browser.close()
