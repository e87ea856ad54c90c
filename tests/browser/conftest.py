"""Browser tests: one JupyterLab server and one Chromium for the whole session.

Skip policy: without Chromium (``/usr/bin/chromium`` or ``$MEDIALIT_CHROMIUM``) or
the Python ``playwright`` package these tests skip and say how to install them;
with ``MEDIALIT_REQUIRE_BROWSER=1`` (CI) they fail instead, so a broken CI image
cannot pass silently. Playwright's own browser download is never used.

Everything runs on a temporary copy of the course with its own progress folder,
Jupyter config, settings and runtime folders, so neither the checkout nor the
developer's Jupyter setup is touched or leaks in.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_course import course_notebooks
from browser_lab import (
    CHROMIUM_ARGS,
    LabPage,
    LabServer,
    NotebookPage,
    RanNotebook,
    copy_course,
    lab_env,
)

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CHROMIUM = "/usr/bin/chromium"
INSTALL_HINT = (
    "install Debian's Chromium with `sudo apt-get install chromium` "
    "(or set MEDIALIT_CHROMIUM to a Chromium binary); never `playwright install`"
)


def chromium_path() -> str:
    return os.environ.get("MEDIALIT_CHROMIUM", "").strip() or DEFAULT_CHROMIUM


def browser_required() -> bool:
    return os.environ.get("MEDIALIT_REQUIRE_BROWSER", "").strip() == "1"


def unavailable(reason: str) -> None:
    """Skip, or fail when CI demands the browser suite actually runs."""
    if browser_required():
        pytest.fail(f"{reason}; MEDIALIT_REQUIRE_BROWSER=1 makes this an error", pytrace=False)
    pytest.skip(f"{reason}: {INSTALL_HINT}")


@pytest.fixture(scope="session")
def chromium() -> str:
    path = chromium_path()
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        unavailable(f"browser tests need Chromium at {path}")
    return path


@pytest.fixture(scope="session")
def sync_playwright_api(chromium: str) -> Any:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("browser tests need the Python package playwright (pip install -e .[test])")
    return sync_playwright


@pytest.fixture(scope="session")
def lab_state(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("jupyterlab")


@pytest.fixture(scope="session")
def course_copy(lab_state: Path) -> Path:
    return copy_course(REPO, lab_state / "course")


@pytest.fixture(scope="session")
def lab_environment(course_copy: Path, lab_state: Path) -> dict[str, str]:
    env = lab_env(course_copy, lab_state)
    # Build matplotlib's font cache now, so the first notebook does not print
    # "Matplotlib is building the font cache" to stderr.
    subprocess.run(
        [sys.executable, "-c", "import matplotlib.font_manager"],
        env=env,
        check=False,
        capture_output=True,
        timeout=300,
    )
    return env


@pytest.fixture(scope="session")
def lab_server(
    sync_playwright_api: Any, course_copy: Path, lab_state: Path, lab_environment: dict[str, str]
) -> Iterator[LabServer]:
    server = LabServer(root=course_copy, state=lab_state, env=lab_environment).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def notebook7_server(
    sync_playwright_api: Any, course_copy: Path, lab_state: Path, lab_environment: dict[str, str]
) -> Iterator[LabServer]:
    """Jupyter Notebook 7 over the same course copy, with its own progress folder."""
    state = lab_state / "notebook7"
    env = lab_env(course_copy, state, learner="browser-test-nb7")
    server = LabServer(root=course_copy, state=state, env=env, app="notebook").start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser(sync_playwright_api: Any, chromium: str) -> Iterator[Any]:
    headless = os.environ.get("MEDIALIT_HEADED", "") != "1"
    with sync_playwright_api() as pw:
        try:
            instance = pw.chromium.launch(
                executable_path=chromium, headless=headless, args=CHROMIUM_ARGS
            )
        except Exception as error:  # a broken Chromium install is "no browser", said plainly
            unavailable(f"Chromium at {chromium} did not start ({str(error)[:300]})")
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def browser_context(browser: Any) -> Iterator[Any]:
    """One context for the session: JupyterLab's JavaScript is fetched once and cached."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(60_000)
    yield context
    context.close()


_ACTIVE: dict[str, Any] = {}  # the session's LabPage and server, for failure evidence


def artifacts_dir(lab_state: Path) -> Path:
    path = Path(os.environ.get("MEDIALIT_BROWSER_ARTIFACTS", "") or lab_state / "artifacts")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """On a failure keep a screenshot (in ``$MEDIALIT_BROWSER_ARTIFACTS`` when set) and
    the server log tail, taken while the page still shows what went wrong."""
    report = yield
    lab: LabPage | None = _ACTIVE.get("lab")
    if report.failed and report.when in ("call", "setup") and lab is not None:
        lines = []
        if lab.healthy():
            name = re.sub(r"[^A-Za-z0-9_.-]+", "-", item.name).strip("-")
            target = artifacts_dir(lab.server.state) / f"{name}.png"
            try:
                lab.page.screenshot(path=str(target), full_page=True)
                lines.append(f"screenshot: {target}")
            except Exception as error:
                lines.append(f"no screenshot: {error}")
        lines.append(f"JupyterLab log (tail):\n{lab.server.log_tail(25)}")
        report.sections.append(("browser evidence", "\n".join(lines)))
    return report


@pytest.fixture(scope="session")
def lab_page(browser_context: Any, lab_server: LabServer) -> Iterator[LabPage]:
    """JupyterLab loaded once in one page; tests open and close notebooks in it."""
    lab = LabPage(browser_context, lab_server)
    _ACTIVE["lab"] = lab
    yield lab
    _ACTIVE.pop("lab", None)
    lab.close()


@pytest.fixture(scope="session")
def notebook7_page(browser_context: Any, notebook7_server: LabServer) -> Iterator[LabPage]:
    """Notebook 7 in its own page of the same browser."""
    page = LabPage(browser_context, notebook7_server)
    yield page
    page.close()


@pytest.fixture(scope="session", params=["lab", "notebook7"])
def frontend(request: pytest.FixtureRequest) -> LabPage:
    """Each front-end the course is tested in: JupyterLab, then Jupyter Notebook 7."""
    page = request.getfixturevalue("lab_page" if request.param == "lab" else "notebook7_page")
    _ACTIVE["lab"] = page
    return page


@pytest.fixture
def open_notebook(lab_page: LabPage) -> Iterator[Callable[[str], NotebookPage]]:
    """``open_notebook("notebooks/02-claims.ipynb")``: that notebook open in JupyterLab;
    closed (unsaved) and its kernel shut down after the test."""
    opened: list[NotebookPage] = []

    def _open(path: str) -> NotebookPage:
        notebook = lab_page.open(path)
        opened.append(notebook)
        return notebook

    yield _open
    for notebook in opened:
        notebook.close()


@pytest.fixture(scope="session")
def scratch(course_copy: Path) -> Path:
    """A folder in the course copy for notebooks and files the tests write themselves."""
    path = course_copy / "scratch"
    path.mkdir(exist_ok=True)
    return path


NOTEBOOKS = course_notebooks()


@pytest.fixture(scope="session", params=NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def course_run(request: pytest.FixtureRequest, lab_page: LabPage) -> Iterator[RanNotebook]:
    """Each course notebook (``notebooks/*.ipynb``, so new ones are covered), run once."""
    run = RanNotebook(lab_page, request.param)
    yield run
    run.notebook.close()


@pytest.fixture
def ran(course_run: RanNotebook) -> RanNotebook:
    """The course notebook of this test, open and run (again, if a test closed it)."""
    return course_run.ensure()
