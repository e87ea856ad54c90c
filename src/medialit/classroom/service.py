"""``medialit class-service``: the tornado app JupyterHub runs (or that runs beside it).

Every request is identified by the hub (HubOAuth: a cookie from the OAuth dance for the
teacher's browser, ``Authorization: token ...`` for a learner's kernel) and must carry
``access:services!service=NAME``. Teachers are hub admins or members of the teachers'
group, looked up with the service's own token. Database calls run in a thread pool so
one slow insert never holds up the rest of the class.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import secrets
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlparse

from jupyterhub.services.auth import HubOAuth, HubOAuthCallbackHandler, HubOAuthenticated
from jupyterhub.utils import url_path_join
from tornado import web
from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.httpserver import HTTPServer
from tornado.ioloop import IOLoop

from medialit.classroom import payload
from medialit.classroom.catalog import Catalog
from medialit.classroom.dashboard import class_report, dashboard_data
from medialit.classroom.limits import RateLimiter
from medialit.classroom.storage import ClassStore

log = logging.getLogger("medialit.classroom")
STATIC = Path(__file__).parent / "static"
EXPORTS = ("questions.csv", "wrong-answers.csv", "learners.csv", "questions.png", "report.md")
TYPES = {".csv": "text/csv; charset=utf-8", ".png": "image/png",
         ".md": "text/markdown; charset=utf-8"}


class Base(HubOAuthenticated, web.RequestHandler):
    """Shared plumbing: JSON errors with one log line, never a traceback."""

    @property
    def store(self) -> ClassStore:
        return self.settings["store"]

    @property
    def catalog(self) -> Catalog:
        return self.settings["catalog"]

    async def db(self, fn: Any, *args: Any) -> Any:
        return await IOLoop.current().run_in_executor(self.settings["pool"], fn, *args)

    def user_name(self) -> str:
        user = self.current_user
        if not user:
            raise web.HTTPError(401, "sign in through the hub")
        if user.get("kind", "user") != "user":
            raise web.HTTPError(403, "only hub users can post answers")
        return user["name"]

    async def is_teacher(self, name: str) -> bool:
        cache = self.settings["teachers"]
        hit = cache.get(name)
        if hit and hit[1] > time.monotonic():
            return hit[0]
        hub = self.hub_auth
        request = HTTPRequest(
            url_path_join(hub.api_url, "users", quote(name, safe="")),
            headers={"Authorization": f"token {hub.api_token}"},
            request_timeout=10,
        )
        try:
            response = await AsyncHTTPClient().fetch(request)
            model = json.loads(response.body)
        except (HTTPClientError, OSError, ValueError) as error:
            log.warning("teacher check for %s failed: %s", name, error)
            return False
        teacher = bool(model.get("admin")) or self.settings["group"] in model.get("groups", [])
        cache[name] = (teacher, time.monotonic() + 10)
        return teacher

    async def require_teacher(self) -> str:
        name = self.user_name()
        if not await self.is_teacher(name):
            log.warning("refused: %s is not in group %s and not a hub admin", name,
                        self.settings["group"])
            raise web.HTTPError(403, f"{name} is not a teacher of this class")
        return name

    def refuse(self, status: int, message: str, **extra: Any) -> None:
        who = (self.current_user or {}).get("name", "-")
        log.warning("%s %s from %s: %d %s", self.request.method, self.request.path, who,
                    status, message)
        self.set_status(status)
        self.finish({"error": message, **extra})

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        exc = kwargs.get("exc_info", (None, None, None))[1]
        message = getattr(exc, "log_message", None) or self._reason
        if isinstance(exc, web.HTTPError):
            log.warning("%s %s: %d %s", self.request.method, self.request.path, status_code,
                        message)
        self.set_header("Content-Type", "application/json")
        self.finish({"error": message})

    def log_exception(self, typ: Any, value: Any, tb: Any) -> None:
        if isinstance(value, web.HTTPError):
            return  # write_error logs it as one line
        log.error("%s %s failed: %s: %s", self.request.method, self.request.path,
                  typ.__name__, value)

    def body_json(self) -> dict[str, Any]:
        return payload.parse_json(self.request.body)

    def throttle(self, name: str) -> bool:
        wait = self.settings["limiter"].allow(name)
        if wait:
            self.set_header("Retry-After", str(max(1, round(wait + 0.5))))
            self.refuse(429, f"too many posts from {name}; wait {wait:.1f} s")
            return False
        return True


class AttemptsHandler(Base):
    async def get(self) -> None:
        name = self.user_name()
        rows = await self.db(self.store.of, name)
        self.finish({"learner": name, "attempts": [r.as_json() for r in rows]})

    async def post(self) -> None:
        name = self.user_name()
        if not self.throttle(name):
            return
        try:
            data = payload.attempt(self.body_json(), name)
        except payload.BadPayload as bad:
            return self.refuse(bad.status, str(bad))
        lesson, question = data["lesson"], data["question"]
        if not self.catalog.known(lesson, question):
            return self.refuse(404, f"no question {lesson}/{question} in this course")
        if self.catalog.is_graded(lesson, question):
            return self.refuse(409, f"{lesson}/{question} is graded: post the response to "
                               "api/grade and the service judges it")
        added = await self.db(self.store.add, name, data)
        self.set_status(201 if added else 200)
        self.finish({"stored": added, "attempt_id": data["attempt_id"]})


class GradeHandler(Base):
    async def post(self) -> None:
        name = self.user_name()
        if not self.throttle(name):
            return
        try:
            data = payload.grade_request(self.body_json(), name)
        except payload.BadPayload as bad:
            return self.refuse(bad.status, str(bad))
        lesson, question = data["lesson"], data["question"]
        if not self.catalog.known(lesson, question):
            return self.refuse(404, f"no question {lesson}/{question} in this course")
        if not self.catalog.is_graded(lesson, question):
            return self.refuse(409, f"{lesson}/{question} is not graded; check it in the kernel")
        earlier = await self.db(self.store.find, name, data["attempt_id"])
        if earlier is not None:  # a replay: the same verdict, nothing stored twice
            return self.finish(self._verdict(earlier.correct, earlier.score, "", earlier))
        tries = await self.db(self.store.tries, name, lesson, question)
        limit = self.catalog.max_tries
        if tries >= limit:
            return self.refuse(409, f"{lesson}/{question}: your {limit} tries are used; "
                               "your answers are final", final=True, tries=tries)
        verdict = self.catalog.judge(lesson, question, data["response"])
        if not verdict.valid:
            return self.refuse(422, verdict.feedback, valid=False)
        data.update(correct=verdict.correct, score=verdict.score,
                    misconception=verdict.misconception)
        data["try"] = tries + 1
        await self.db(self.store.add, name, data, True)
        result = self._verdict(verdict.correct, verdict.score, verdict.feedback, None)
        result.update(headline=verdict.headline, try_number=tries + 1, max_tries=limit,
                      final=verdict.correct or tries + 1 >= limit,
                      misconception_name=verdict.misconception_name)
        if verdict.correct or tries + 1 >= limit:
            result["explanation"] = verdict.explanation
        self.set_status(201)
        self.finish(result)

    @staticmethod
    def _verdict(correct: bool, score: float, feedback: str, earlier: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"correct": correct, "score": score, "feedback": feedback}
        if earlier is not None:
            out.update(replayed=True, try_number=earlier.try_number)
        return out


class DashboardDataHandler(Base):
    async def get(self) -> None:
        await self.require_teacher()
        rows = await self.db(self.store.everything)
        self.set_header("Cache-Control", "no-store")
        self.finish(dashboard_data(rows, self.catalog))


class DashboardPage(Base):
    @web.authenticated
    async def get(self) -> None:
        await self.require_teacher()
        page = (STATIC / "dashboard.html").read_text(encoding="utf-8")
        self.set_header("Content-Type", "text/html; charset=utf-8")
        # JupyterHub honours a service's cookie on fetch() only with its XSRF token
        xsrf = self.xsrf_token.decode("ascii")
        self.finish(page.replace("{{prefix}}", self.settings["prefix"]).replace("{{xsrf}}", xsrf))


class ExportHandler(Base):
    @web.authenticated
    async def get(self, name: str) -> None:
        await self.require_teacher()
        rows = await self.db(self.store.everything)
        files = await self.db(self._write, rows)
        data = files[name]
        self.set_header("Content-Type", TYPES[Path(name).suffix])
        self.set_header("Content-Disposition", f'attachment; filename="{name}"')
        self.finish(data)

    def _write(self, rows: list[Any]) -> dict[str, bytes]:
        from medialit.progress.report_files import write_report

        report = class_report(rows, self.catalog)
        with tempfile.TemporaryDirectory() as folder:
            paths = write_report(report, Path(folder))
            return {p.name: p.read_bytes() for p in paths}


class HealthHandler(web.RequestHandler):
    def get(self) -> None:
        self.finish({"ok": True})


def cookie_secret(folder: Path) -> bytes:
    """Kept next to the database, so a restart does not sign every teacher out."""
    path = folder / "medialit-class-cookie-secret"
    if path.exists():
        return bytes.fromhex(path.read_text().strip())
    folder.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(secret.hex())
    return secret


def make_app(store: ClassStore, catalog: Catalog, *, prefix: str, service_name: str,
             group: str, state_dir: Path, limiter: RateLimiter) -> web.Application:
    auth = HubOAuth.instance(
        access_scopes={f"access:services!service={service_name}"}, cache_max_age=60
    )
    handlers = [
        (prefix, DashboardPage),
        (url_path_join(prefix, "oauth_callback"), HubOAuthCallbackHandler),
        (url_path_join(prefix, "api/health"), HealthHandler),
        (url_path_join(prefix, "api/attempts"), AttemptsHandler),
        (url_path_join(prefix, "api/grade"), GradeHandler),
        (url_path_join(prefix, "api/dashboard"), DashboardDataHandler),
        (url_path_join(prefix, "export/(" + "|".join(e.replace(".", r"\.") for e in EXPORTS)
                       + ")"), ExportHandler),
        (url_path_join(prefix, "static/(.*)"), web.StaticFileHandler, {"path": str(STATIC)}),
    ]
    return web.Application(
        handlers,
        cookie_secret=cookie_secret(state_dir),
        store=store, catalog=catalog, prefix=prefix, group=group, limiter=limiter,
        teachers={}, pool=ThreadPoolExecutor(max_workers=16), hub_auth=auth,
        max_body_size=4 * payload.MAX_BODY,
    )


def where_to_listen(port: int | None) -> tuple[str, int, str]:
    """Hub-managed: JUPYTERHUB_SERVICE_URL and _PREFIX; external: loopback and --port."""
    url = os.environ.get("JUPYTERHUB_SERVICE_URL")
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/services/medialit/")
    if url and port is None:
        parsed = urlparse(url)
        return parsed.hostname or "127.0.0.1", parsed.port or 80, prefix
    return "127.0.0.1", port or 10101, prefix


async def serve(app: web.Application, ip: str, port: int) -> None:
    server = HTTPServer(app, xheaders=True, max_body_size=app.settings["max_body_size"])
    server.listen(port, ip)
    log.info("medialit class service listening on http://%s:%d%s", ip, port,
             app.settings["prefix"])
    await asyncio.Event().wait()
