"""A real JupyterHub for the end-to-end test: DummyAuthenticator, SimpleLocalProcessSpawner,
configurable-http-proxy from npm (cached in ``.cache/classroom-chp`` of the checkout) and
``medialit class-service`` as a hub-managed service. Everything listens on loopback."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from classroom_postgres import free_port

REPO = Path(__file__).resolve().parents[2]
CHP_DIR = REPO / ".cache" / "classroom-chp"
HINT = ("the JupyterHub test needs jupyterhub (pip install -e '.[classroom]') and node/npm "
        "(apt-get install nodejs npm); it installs configurable-http-proxy itself")
ADMIN_TOKEN = uuid.uuid4().hex
LEARNERS = ("ann", "ben", "cai")
TEACHER = "tess"
GRADED = ("01-provenance", "six-lines")
MAX_TRIES = 2


def chp_bin() -> Path:
    """``node_modules/.bin`` with configurable-http-proxy, installed once."""
    binary = CHP_DIR / "node_modules" / ".bin" / "configurable-http-proxy"
    if not binary.exists():
        CHP_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(CHP_DIR),
                        "configurable-http-proxy@4"], check=True, capture_output=True,
                       timeout=600)
    return binary.parent


def teacher_course(folder: Path) -> Path:
    """The repository's course with one graded question (the teacher's copy, keys included)."""
    folder.mkdir(parents=True)
    for part in ("data", "lessons"):
        shutil.copytree(REPO / part, folder / part)
    text = (REPO / "course.yaml").read_text(encoding="utf-8")
    text += (f"graded:\n  questions: [{GRADED[0]}/{GRADED[1]}]\n  max_tries: {MAX_TRIES}\n")
    (folder / "course.yaml").write_text(text, encoding="utf-8")
    return folder


CONFIG = """
c = get_config()  # noqa
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.JupyterHub.db_url = "sqlite:///{tmp}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{tmp}/jupyterhub_cookie_secret"
c.JupyterHub.authenticator_class = "dummy"
c.JupyterHub.default_url = "/hub/home"  # signing in does not spawn a server
c.Authenticator.allowed_users = {users!r}
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = "{tmp}/home/{{username}}"
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.default_url = "/lab"
c.Spawner.args = ["--allow-root"]  # CI runs as root; harmless otherwise
c.Spawner.poll_interval = 2
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.environment = {{
    "MEDIALIT_CLASS_URL": "http://127.0.0.1:{port}/services/medialit/",
    "MEDIALIT_COURSE_ROOT": {student!r},  # learners get the student edition
}}
# the kernel's token may reach the class service (the README's snippet, verbatim)
c.Spawner.server_token_scopes = [
    "users:activity!user", "access:servers!server", "access:services!service=medialit",
]
c.JupyterHub.load_groups = {{"medialit-teachers": {{"users": [{teacher!r}]}}}}
c.JupyterHub.load_roles = [
    {{"name": "user", "scopes": ["self", "access:services!service=medialit"]}},
    {{"name": "medialit-service", "services": ["medialit"],
      "scopes": ["read:users", "read:groups"]}},
    {{"name": "test-admin", "services": ["test-admin"],
      "scopes": ["admin:users", "admin:servers", "access:servers", "tokens"]}},
]
c.JupyterHub.services = [
    {{
        "name": "medialit",
        "url": "http://127.0.0.1:{service_port}",
        "command": [{python!r}, "-m", "medialit.cli", "class-service",
                    "--course", {course!r}, "--state-dir", {state!r}, *{service_args!r}],
        "oauth_no_confirm": True,
        "environment": {{"PYTHONPATH": {pythonpath!r}}},
    }},
    {{"name": "test-admin", "api_token": {admin_token!r}}},
]
"""


@dataclass
class Hub:
    url: str  # http://127.0.0.1:PORT
    proc: subprocess.Popen[bytes]
    tmp: Path
    state: Path
    log: Path

    def api(self, method: str, path: str, data: Any = None, token: str = ADMIN_TOKEN,
            base: str = "/hub/api/") -> tuple[int, Any]:
        body = None if data is None else json.dumps(data).encode()
        request = urllib.request.Request(self.url + base + path, data=body, method=method,
                                         headers={"Authorization": f"token {token}"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                raw = response.read()
                return response.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as error:
            raw = error.read()
            try:
                return error.code, json.loads(raw)
            except ValueError:
                return error.code, raw.decode("utf-8", "replace")

    def service_pid(self) -> int | None:
        """The class service's process: the hub's child running ``class-service``."""
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                cmd = (entry / "cmdline").read_bytes().split(b"\0")
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if b"class-service" in cmd and str(self.state).encode() in cmd and \
                    stat[0] not in ("Z", "X"):
                return int(entry.name)
        return None

    def wait_service(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status, _ = self.api("GET", "api/health", base="/services/medialit/")
            if status == 200:
                return
            time.sleep(0.5)
        raise AssertionError(f"the class service did not answer; see {self.log}")


def start_hub(tmp: Path, users: tuple[str, ...] = LEARNERS, teacher: str = TEACHER,
              service_args: tuple[str, ...] = ("--rate", "5", "--burst", "30")) -> Hub:
    port = free_port()
    course = teacher_course(tmp / "teacher-course")
    student = tmp / "student-edition"
    from medialit.quiz.release import release

    release(course, student)  # graded questions ship without seals
    state = tmp / "service-state"
    venv_bin = Path(sys.executable).parent
    singleuser = shutil.which("jupyterhub-singleuser", path=str(venv_bin)) or \
        "jupyterhub-singleuser"
    pythonpath = os.pathsep.join(p for p in (str(REPO / "src"), str(REPO),
                                             os.environ.get("PYTHONPATH", "")) if p)
    (tmp / "home").mkdir()
    config = tmp / "jupyterhub_config.py"
    config.write_text(CONFIG.format(
        port=port, hub_port=free_port(), proxy_api_port=free_port(), tmp=tmp,
        users={*users, teacher}, singleuser=singleuser, repo=str(REPO),
        teacher=teacher, service_args=list(service_args), service_port=free_port(),
        python=sys.executable,
        course=str(course), student=str(student), state=str(state), pythonpath=pythonpath,
        admin_token=ADMIN_TOKEN,
    ), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": pythonpath,
           "PATH": f"{chp_bin()}{os.pathsep}{venv_bin}{os.pathsep}{os.environ['PATH']}"}
    log = tmp / "hub.log"
    proc = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(config)], cwd=tmp,
                            env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
                            start_new_session=True)
    hub = Hub(f"http://127.0.0.1:{port}", proc, tmp, state, log)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"jupyterhub exited: {log.read_text()[-3000:]}")
        try:
            status, _ = hub.api("GET", "")
            if status == 200:
                break
        except OSError:
            pass
        time.sleep(0.5)
    hub.wait_service()
    return hub


def stop_hub(hub: Hub) -> None:
    if hub.proc.poll() is None:
        hub.proc.send_signal(signal.SIGTERM)
        try:
            hub.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(hub.proc.pid, signal.SIGKILL)
