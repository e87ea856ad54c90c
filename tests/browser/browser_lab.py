"""Drive a real JupyterLab in Debian's Chromium the way a learner does.

Actions go through the user interface (menus, dialogs, clicks, keys). Waiting and
reading state use ``window.jupyterapp`` (the server runs with
``--LabApp.expose_app_in_browser``), because waiting on pixels is what makes browser
suites flaky. Nothing here knows about one notebook: course-specific knowledge lives
in :mod:`quizbank_answers` and the tests.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]

# Folders of the course a learner gets; the browser tests work on a copy of them.
COURSE_PARTS = ("course.yaml", "README.md", "notebooks", "lessons", "data")

# Environment variables that would let the developer's own setup leak into the server.
LEAKY_ENV_PREFIXES = ("JUPYTER", "MEDIALIT_", "IPYTHON", "MPL", "PYTHONSTARTUP")

STDERR_MIME = "application/vnd.jupyter.stderr"
RUN_TIMEOUT_MS = 180_000

# JupyterLab user settings for a quiet, deterministic test session.
LAB_SETTINGS: dict[str, dict[str, Any]] = {
    # No news request (there is no network) and no "would you like news?" toast.
    "@jupyterlab/apputils-extension/notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    # A test must never race an autosave of the notebook it is reading.
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    # Every cell attached to the page, so counts of rendered widgets are exact.
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def copy_course(source: Path, target: Path) -> Path:
    """The parts of the course a learner gets, copied so tests can write anywhere in them."""
    target.mkdir(parents=True, exist_ok=True)
    for part in COURSE_PARTS:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, target / part, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        elif src.is_file():
            shutil.copy2(src, target / part)
    (target / "notebooks").mkdir(exist_ok=True)
    return target


def write_lab_settings(settings_dir: Path) -> None:
    for plugin, values in LAB_SETTINGS.items():
        path = settings_dir / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values, indent=2), encoding="utf-8")


def lab_env(course: Path, state: Path, learner: str = "browser-test") -> dict[str, str]:
    """A clean environment: the course copy, a throwaway progress folder and Jupyter dirs."""
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith(LEAKY_ENV_PREFIXES)}
    dirs = {
        "JUPYTER_CONFIG_DIR": state / "jupyter-config",
        "JUPYTER_DATA_DIR": state / "jupyter-data",
        "JUPYTER_RUNTIME_DIR": state / "jupyter-runtime",
        "JUPYTERLAB_SETTINGS_DIR": state / "lab-settings",
        "JUPYTERLAB_WORKSPACES_DIR": state / "lab-workspaces",
        "IPYTHONDIR": state / "ipython",
        "MPLCONFIGDIR": state / "matplotlib",
        "MEDIALIT_DATA_DIR": state / "progress",
        "MEDIALIT_CACHE_DIR": state / "cache",
    }
    for name, path in dirs.items():
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    env["MEDIALIT_COURSE_ROOT"] = str(course)
    env["MEDIALIT_LEARNER"] = learner
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    write_lab_settings(dirs["JUPYTERLAB_SETTINGS_DIR"])
    return env


@dataclass
class LabServer:
    """A JupyterLab server on a loopback port with a known token."""

    root: Path
    state: Path
    env: dict[str, str]
    app: str = "lab"  # "lab": JupyterLab; "notebook": Jupyter Notebook 7
    port: int = 0
    token: str = field(default_factory=lambda: secrets.token_hex(16))
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> Path:
        return self.state / ("jupyterlab.log" if self.app == "lab" else "notebook7.log")

    def start(self, timeout: float = 120.0) -> LabServer:
        self.port = free_port()
        module, app_class = (
            ("jupyterlab", "LabApp") if self.app == "lab" else ("notebook", "JupyterNotebookApp")
        )
        argv = [
            sys.executable,
            "-m",
            module,
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            "--port-retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root}",
            f"--{app_class}.expose_app_in_browser=True",
            "--LanguageServerManager.autodetect=False",
            "--ServerApp.terminals_enabled=False",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            argv.append("--allow-root")  # containers and CI often run as root
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                argv,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.root,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited early; log:\n{self.log_tail()}")
            try:
                self.api("GET", "/api/status")
                return self
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"JupyterLab did not answer within {timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def api(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"{self.url}{path}",
            data=data,
            method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            raw = response.read()
        return json.loads(raw) if raw else None

    def shutdown_kernels(self) -> None:
        """Close every session and kernel, so kernels of earlier tests do not pile up."""
        try:
            for session in self.api("GET", "/api/sessions") or []:
                self.api("DELETE", f"/api/sessions/{session['id']}")
            for kernel in self.api("GET", "/api/kernels") or []:
                self.api("DELETE", f"/api/kernels/{kernel['id']}")
        except (urllib.error.URLError, OSError):
            pass

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.send_signal(signal.SIGINT)  # jupyter asks to confirm: a second ^C
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# JavaScript run in the page. `currentPanel` is the notebook in the main area.
_JS_PANEL = """
const currentPanel = () => {
  const app = window.jupyterapp;
  const w = app && app.shell.currentWidget;
  return w && w.content && w.content.widgets && w.sessionContext ? w : null;
};
"""

JS_READY = (
    _JS_PANEL
    + """
() => {
  const p = currentPanel();
  if (!p || !p.context.isReady || !p.sessionContext.isReady) return false;
  const k = p.sessionContext.session && p.sessionContext.session.kernel;
  return !!k && k.status === 'idle' && !document.querySelector('.jp-Spinner');
}
"""
)

# Arm before a run: notes when any code cell becomes queued ("[*]").
JS_ARM = (
    _JS_PANEL
    + """
() => {
  const p = currentPanel();
  window.__medialitRun = {started: false};
  const seen = () => {
    if (p.node.querySelector('.jp-InputPrompt') &&
        [...p.node.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
          .some(e => e.textContent.includes('*'))) window.__medialitRun.started = true;
  };
  const obs = new MutationObserver(seen);
  obs.observe(p.node, {subtree: true, childList: true, characterData: true});
  window.__medialitRun.observer = obs;
}
"""
)

JS_RUN_FINISHED = (
    _JS_PANEL
    + """
() => {
  const p = currentPanel();
  const run = window.__medialitRun;
  if (!p || !run || !run.started) return false;
  const k = p.sessionContext.session && p.sessionContext.session.kernel;
  if (!k || k.status !== 'idle') return false;
  const busy = [...p.node.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
    .some(e => e.textContent.includes('*'));
  if (busy) return false;
  run.observer.disconnect();
  return true;
}
"""
)

JS_CELLS = (
    _JS_PANEL
    + """
() => {
  const p = currentPanel();
  return p.content.widgets.map((cell, index) => {
    const m = cell.model;
    const out = {index, type: m.type, source: m.sharedModel.getSource(), count: null,
                 outputs: []};
    if (m.type === 'code') {
      out.count = m.executionCount;
      const outputs = m.outputs;
      for (let i = 0; i < outputs.length; i++) out.outputs.push(outputs.get(i).toJSON());
    }
    return out;
  });
}
"""
)


@dataclass
class CellState:
    index: int
    type: str
    source: str
    count: int | None
    outputs: list[dict[str, Any]]


class NotebookPage:
    """One notebook open in JupyterLab in one browser page."""

    def __init__(self, lab: LabPage, path: str) -> None:
        self.lab = lab
        self.page = lab.page
        self.server = lab.server
        self.path = path
        self.timings: dict[str, float] = {}
        self._first_dialog = len(lab.dialogs)
        self._first_error = len(lab.page_errors)

    @property
    def dialogs(self) -> list[str]:
        """Browser dialogs (alert, confirm, prompt) opened since this notebook was opened."""
        return self.lab.dialogs[self._first_dialog :]

    @property
    def page_errors(self) -> list[str]:
        return self.lab.page_errors[self._first_error :]

    # -- opening and running ---------------------------------------------------------

    def open(self, timeout_ms: int = RUN_TIMEOUT_MS) -> NotebookPage:
        """Open the notebook as a double click in the file browser would (JupyterLab), or
        at its own address (Notebook 7 opens each notebook in its own page)."""
        started = time.perf_counter()
        if self.server.app == "notebook":
            self.page.goto(f"{self.server.url}/notebooks/{self.path}?token={self.server.token}")
            self.page.wait_for_function(
                "() => !!(window.jupyterapp && jupyterapp.shell)", timeout=timeout_ms
            )
        else:
            self.page.evaluate(
                "path => window.jupyterapp.commands.execute('docmanager:open', "
                "{path, factory: 'Notebook'})",
                self.path,
            )
        self.page.wait_for_function(
            "path => { const w = window.jupyterapp.shell.currentWidget;"
            " return !!w && !!w.context && w.context.path === path; }",
            arg=self.path,
            timeout=timeout_ms,
        )
        self.wait_ready(timeout_ms)
        self.timings["open"] = time.perf_counter() - started
        self.dismiss_toasts()
        return self

    def is_current(self) -> bool:
        """Whether this notebook is still the one open in JupyterLab."""
        if not self.lab.healthy():
            return False
        return bool(
            self.page.evaluate(
                "path => { const w = window.jupyterapp.shell.currentWidget;"
                " return !!w && !w.isDisposed && !!w.context && w.context.path === path; }",
                self.path,
            )
        )

    def wait_ready(self, timeout_ms: int = RUN_TIMEOUT_MS) -> None:
        self.page.wait_for_function(JS_READY, timeout=timeout_ms, polling=100)

    def menu(self, *labels: str) -> None:
        """Click through the menu bar: ``menu("Kernel", "Restart Kernel and Run All Cells…")``."""
        first, *rest = labels
        self.page.locator(".lm-MenuBar-itemLabel", has_text=first).first.click()
        for label in rest:
            item = self.page.locator(".lm-Menu-itemLabel").filter(has_text=label)
            item.first.click()

    def accept_dialog(self, button_text: str | None = None) -> None:
        dialog = self.page.locator(".jp-Dialog")
        dialog.wait_for(state="visible")
        if button_text:
            dialog.get_by_role("button", name=button_text).click()
        else:
            dialog.locator("button.jp-mod-accept").click()
        dialog.wait_for(state="detached")

    def restart_and_run_all(self, timeout_ms: int = RUN_TIMEOUT_MS) -> float:
        """Kernel > Restart Kernel and Run All Cells…; returns seconds until the run ended."""
        self.page.evaluate(JS_ARM)
        self.menu("Kernel", "Restart Kernel and Run All Cells")
        started = time.perf_counter()
        self.accept_dialog()
        self.page.wait_for_function(JS_RUN_FINISHED, timeout=timeout_ms, polling=100)
        elapsed = time.perf_counter() - started
        self.wait_widgets_rendered()
        self.timings["run"] = elapsed
        self.timings["rendered"] = time.perf_counter() - started
        self.dismiss_toasts()
        return elapsed

    def restart_and_run_to(self, inside: Any, timeout_ms: int = RUN_TIMEOUT_MS) -> float:
        """Select the cell holding ``inside`` (a click on its prompt), then Kernel >
        Restart Kernel and Run up to Selected Cell…"""
        cell = self.page.locator(".jp-Notebook .jp-Cell").filter(has=inside).last
        cell.locator(".jp-InputPrompt").first.click()
        self.page.evaluate(JS_ARM)
        self.menu("Kernel", "Restart Kernel and Run up to Selected Cell")
        started = time.perf_counter()
        self.accept_dialog()
        self.page.wait_for_function(JS_RUN_FINISHED, timeout=timeout_ms, polling=100)
        elapsed = time.perf_counter() - started
        self.wait_widgets_rendered()
        self.dismiss_toasts()
        return elapsed

    def wait_widgets_rendered(self, timeout_ms: int = 30_000) -> None:
        """Widget views render after the kernel is idle; wait until none is pending."""
        self.page.wait_for_function(
            """() => {
              const pending = [...document.querySelectorAll(
                '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.widget-view+json"]')]
                .filter(e => !e.querySelector('.jupyter-widgets') && !e.textContent.trim());
              return pending.length === 0;
            }""",
            timeout=timeout_ms,
            polling=100,
        )

    def dismiss_toasts(self) -> None:
        for button in self.page.locator(".jp-toast-dismiss").all():
            with contextlib.suppress(Exception):  # a toast may close itself meanwhile
                button.click(timeout=1000)

    # -- reading ---------------------------------------------------------------------

    def cells(self) -> list[CellState]:
        return [CellState(**c) for c in self.page.evaluate(JS_CELLS)]

    def problems(self) -> list[str]:
        """Everything a learner would see as a failure: errors, stderr, unrun cells."""
        found: list[str] = []
        for cell in self.cells():
            if cell.type != "code" or not cell.source.strip():
                continue
            where = f"cell {cell.index} ({cell.source.strip().splitlines()[0][:60]!r})"
            if cell.count is None:
                found.append(f"{where}: did not run")
            for out in cell.outputs:
                if out.get("output_type") == "error":
                    found.append(f"{where}: {out.get('ename')}: {out.get('evalue')}")
                elif out.get("output_type") == "stream" and out.get("name") == "stderr":
                    text = "".join(out.get("text") or "")
                    found.append(f"{where}: stderr: {text.strip()[:300]}")
        for el in self.page.locator(f'.jp-OutputArea-output[data-mime-type="{STDERR_MIME}"]').all():
            text = el.inner_text()
            if "Traceback" in text or "Error" in text:
                line = f"rendered error output: {text.strip()[:300]}"
                if not any(text.strip()[:80] in f for f in found):
                    found.append(line)
        for el in self.page.locator(".medialit-problem").all():
            found.append(f"medialit problem shown: {el.inner_text().strip()[:300]}")
        return found

    def widget(self, css: str) -> Any:
        """Live widget views (not the static HTML fallback) carrying ``css``: medialit's
        anywidget components, or plain ipywidgets."""
        return self.page.locator(f".medialit-component{css}, .jupyter-widgets{css}")

    def close(self) -> None:
        """Close the notebook without saving and shut its kernel down."""
        started = time.perf_counter()
        try:
            self.lab.close_documents()
        finally:
            self.server.shutdown_kernels()
        self.timings["close"] = time.perf_counter() - started
        if self.lab.report_timings:
            print(f"{self.path}: " + ", ".join(f"{k} {v:.1f} s" for k, v in self.timings.items()))


class LabPage:
    """One browser page with JupyterLab loaded, reused by every test of a session.

    Loading JupyterLab costs several seconds of JavaScript parsing; opening a
    notebook in an already loaded JupyterLab costs only the kernel start.
    """

    def __init__(self, context: Any, server: LabServer) -> None:
        self.context = context
        self.server = server
        self.page: Any = None
        self.dialogs: list[str] = []
        self.page_errors: list[str] = []
        self.report_timings = True  # print open/run/close seconds as each notebook closes

    def _on_dialog(self, dialog: Any) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def healthy(self) -> bool:
        if self.page is None or self.page.is_closed():
            return False
        try:
            return bool(self.page.evaluate("() => !!(window.jupyterapp && jupyterapp.shell)"))
        except Exception:
            return False

    def load(self, timeout_ms: int = RUN_TIMEOUT_MS) -> LabPage:
        if self.healthy():
            return self
        if self.page is not None and not self.page.is_closed():
            self.page.close()
        self.page = self.context.new_page()
        self.page.on("dialog", self._on_dialog)
        self.page.on("pageerror", lambda error: self.page_errors.append(
            f"{error}\n{getattr(error, 'stack', '') or ''}"))
        workspace = "t" + secrets.token_hex(4)
        if self.server.app == "notebook":
            self.page.goto(f"{self.server.url}/tree?token={self.server.token}")
            self.page.wait_for_function(
                "() => !!(window.jupyterapp && jupyterapp.shell)", timeout=timeout_ms
            )
            return self
        self.page.goto(
            f"{self.server.url}/lab/workspaces/{workspace}?reset&token={self.server.token}"
        )
        self.page.wait_for_function(
            "() => !!(window.jupyterapp && jupyterapp.shell && jupyterapp.serviceManager"
            " && document.querySelector('#jp-main-dock-panel'))",
            timeout=timeout_ms,
        )
        self.page.evaluate("() => jupyterapp.restored")
        return self

    def open(self, path: str) -> NotebookPage:
        self.load()
        self.close_documents()
        return NotebookPage(self, path).open()

    def close_documents(self) -> None:
        """Close every open document, discarding changes, and any dialog left open."""
        if not self.healthy():
            return
        self.page.evaluate(
            """() => {
              for (const d of document.querySelectorAll('.jp-Dialog')) {
                const b = d.querySelector('button.jp-mod-reject'); if (b) b.click();
              }
              for (const w of [...jupyterapp.shell.widgets('main')]) {
                if (w.context && w.context.model) w.context.model.dirty = false;
                w.dispose();
              }
            }"""
        )

    def close(self) -> None:
        if self.page is not None and not self.page.is_closed():
            self.page.close()


class RanNotebook:
    """A notebook after Kernel > Restart Kernel and Run All Cells, shared by every test
    about it (one open and one run per session, or per module)."""

    def __init__(self, lab: LabPage, path: Path | str) -> None:
        self.lab = lab
        self.path = Path(path)
        self.relpath = f"notebooks/{self.path.name}" if isinstance(path, Path) else path
        self.answered: Any = None  # the question a test answered, for later tests
        self.partial = False  # set by a test that re-ran only part of it
        self.notebook = lab.open(self.relpath)
        self.seconds = self.notebook.restart_and_run_all()

    def ensure(self) -> RanNotebook:
        """Open and run it again if another test closed it or ran only part of it."""
        if self.partial or not self.notebook.is_current():
            self.notebook = self.lab.open(self.relpath)
            self.seconds = self.notebook.restart_and_run_all()
            self.partial = False
        return self


# -- quizzes -----------------------------------------------------------------------------

FEEDBACK = ".medialit-feedback-box"


class QuizDriver:
    """One live question view, operated by mouse (``choose``/``check``) or by keyboard.

    The DOM contract (from ``medialit.quiz.views``): the view carries ``medialit-quiz``
    and ``medialit-q-<lesson>-<question>``; the controls sit in ``.medialit-inputs``;
    the "Check answer" button submits; the verdict appears in ``.medialit-feedback-box``.
    """

    def __init__(self, root: Any) -> None:
        self.root = root

    @property
    def page(self) -> Any:
        return self.root.page

    def feedback(self) -> str:
        return self.root.locator(FEEDBACK).inner_text().strip()

    def choose(self, option: str) -> None:
        """Pick a radio button or checkbox by its visible label."""
        inputs = self.root.locator(".medialit-inputs")
        label = inputs.locator("label").filter(has_text=option)
        exact = [
            i for i in range(label.count()) if unmarked(label.nth(i).inner_text()) == option.strip()
        ]
        assert exact, f"no option labelled {option!r} in {inputs.inner_text()!r}"
        label.nth(exact[0]).click()

    def type_answer(self, text: str) -> None:
        """Type into the answer box; nothing else (Check answer sends what is on screen)."""
        box = self.root.locator(".medialit-inputs input[type=text]").first
        box.fill(text)

    def check_button(self) -> Any:
        return self.root.get_by_role("button", name="Check answer")

    def text(self) -> str:
        return self.root.inner_text()

    def check(self, timeout_ms: int = 30_000) -> str:
        """Click "Check answer" and return the feedback once the question has changed.

        The question's text is compared, not only its feedback: the same answer
        checked twice gives the same feedback, but the attempt count still moves.
        """
        before = self.text()
        self.check_button().click()
        return self.wait_change(before, timeout_ms)

    def wait_change(self, before: str, timeout_ms: int = 30_000) -> str:
        root = self.root.element_handle()
        self.page.wait_for_function(
            """([root, before, css]) => {
                 const box = root.querySelector(css);
                 return root.innerText !== before && !!box && box.innerText.trim() !== '';
               }""",
            arg=[root, before, FEEDBACK],
            timeout=timeout_ms,
            polling=50,
        )
        return self.feedback()

    def selected_option(self) -> str | None:
        checked = self.root.locator(".medialit-inputs label:has(input[type=radio]:checked)")
        return unmarked(checked.first.inner_text()) if checked.count() else None


def unmarked(text: str) -> str:
    """An option's name without the ✓/✗ a check puts beside it."""
    return text.strip().rstrip("✓✗").strip()


def write_notebook(path: Path, cells: list[str | tuple[str, str]]) -> Path:
    """A small notebook: strings are code cells, ``("md", text)`` markdown cells."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    for cell in cells:
        if isinstance(cell, tuple):
            nb.cells.append(nbformat.v4.new_markdown_cell(cell[1]))
        else:
            nb.cells.append(nbformat.v4.new_code_cell(cell))
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path


JS_FOCUS_INFO = r"""
([root]) => {
  const a = document.activeElement;
  if (!a || !root.contains(a)) {
    const where = a ? (a.tagName + '.' + [...a.classList].join('.')).slice(0, 80) : 'nothing';
    return {inside: false, tag: a ? a.tagName : null, type: null, text: '', checked: false,
            where};
  }
  const label = a.closest('label');
  const text = (label ? label.innerText : a.innerText || '').trim().replace(/[✓✗]\s*$/, '').trim();
  return {inside: true, tag: a.tagName, type: a.type || null, text,
          checked: !!a.checked, pressed: a.getAttribute('aria-pressed')};
}
"""


def keyboard_answer(quiz: QuizDriver, option: str, max_tabs: int = 25) -> str:
    """Answer a single-choice question with Tab, arrow keys, Space and Enter only.

    Focus starts on the output area holding the question (where a learner reading
    the notebook with a screen reader is), never on a control inside it.
    """
    page, root = quiz.page, quiz.root
    handle = root.element_handle()
    root.evaluate(
        """el => { const a = el.closest('.jp-OutputArea-output') || el.parentElement;
                   a.setAttribute('tabindex', '-1'); a.focus(); }"""
    )

    def focus() -> dict[str, Any]:
        return page.evaluate(JS_FOCUS_INFO, [handle])

    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        info = focus()
        if info["inside"] and info["type"] == "radio":
            break
    else:
        raise AssertionError(f"Tab never reached the answer options (focus: {focus()})")
    options = root.locator(".medialit-inputs input[type=radio]").count()
    if focus()["text"] == option:
        page.keyboard.press("Space")
    for _ in range(options + 1):
        info = focus()
        if not info["inside"]:
            raise AssertionError(
                f"the arrow keys took the focus out of the question, to {info['where']} "
                "(JupyterLab's command-mode shortcuts ran instead of moving between options)"
            )
        if info["text"] == option and info["checked"]:
            break
        page.keyboard.press("ArrowDown")
    else:
        raise AssertionError(f"arrow keys never selected {option!r} (focus: {focus()})")
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        info = focus()
        if info["inside"] and info["tag"] == "BUTTON" and info["text"] == "Check answer":
            break
    else:
        raise AssertionError(f"Tab never reached the Check answer button (focus: {focus()})")
    before = quiz.text()
    page.keyboard.press("Enter")
    return quiz.wait_change(before)
