"""A throw-away PostgreSQL cluster from Debian's ``postgresql`` package, for the tests and
the benchmark. PostgreSQL refuses to run as root, so as root the cluster belongs to
``nobody``; it listens on a free loopback port and a socket in its own temp folder."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HINT = "PostgreSQL tests need Debian's postgresql package: apt-get install postgresql"


def _bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (folder / name).exists():
            return str(folder / name)
    return None


def available() -> bool:
    return bool(_bin("initdb") and _bin("pg_ctl"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def cluster() -> Iterator[str]:
    """Yields a SQLAlchemy URL of a fresh, empty database; removes everything afterwards."""
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    assert initdb and pg_ctl, HINT
    folder = Path(tempfile.mkdtemp(prefix="medialit-pg-"))
    data = folder / "data"
    as_user: list[str] = []
    user = os.environ.get("USER") or "postgres"
    if os.geteuid() == 0:
        import pwd

        user = "nobody"
        os.chown(folder, pwd.getpwnam(user).pw_uid, pwd.getpwnam(user).pw_gid)
        as_user = ["runuser", "-u", user, "--"]
    port = free_port()
    env = {**os.environ, "LC_ALL": "C"}
    subprocess.run([*as_user, initdb, "-D", str(data), "-A", "trust", "-U", user, "-E", "UTF8"],
                   check=True, capture_output=True, env=env)
    options = f"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off -c max_connections=200"
    subprocess.run([*as_user, pg_ctl, "-D", str(data), "-o", options, "-l",
                    str(folder / "log"), "-w", "start"], check=True, capture_output=True,
                   env=env)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        yield f"postgresql+psycopg://{user}@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, pg_ctl, "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, env=env)
        shutil.rmtree(folder, ignore_errors=True)
