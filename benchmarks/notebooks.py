"""Notebook speed: Run All per notebook, ``import medialit``, and click-to-feedback.

Run: ``.venv/bin/python benchmarks/notebooks.py [--repeat N] [--no-browser]``.

Every figure is compared with a floor measured in the same run, so the ratios hold
on any machine:

* Run All (nbclient, kernel start included) of each course notebook against a floor
  notebook that only starts a kernel, imports ipywidgets and matplotlib and draws one
  figure. Target: within 1.3x the floor, as the median of ``--repeat`` runs (3), each
  in a new kernel with the course and figure caches warm. The cold first run (empty
  cache: the course validated, every figure drawn) is reported beside it, and so is
  the notebook's ``start()`` cell, cold and warm.
* ``import ipywidgets, matplotlib.pyplot`` and then ``import medialit, medialit.quiz,
  medialit.figures, medialit.explorer`` in a fresh interpreter against the first
  import alone (what medialit adds to a notebook that draws with widgets and
  matplotlib anyway). Target: within 100 ms. medialit alone is printed too.
* In JupyterLab in Chromium: from a click on "Check answer" to the feedback text
  changing, timed with ``performance.now()`` in the page, against a plain ipywidgets
  button that writes to an HTML widget. Target: under 100 ms.

Everything runs on a temporary copy of the course with a throwaway progress folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "browser"))

RUN_ALL_TARGET = 1.3
START_TARGET_S = 0.150
IMPORT_TARGET_MS = 100.0
CLICK_TARGET_MS = 100.0

FLOOR_CELLS = [
    "import ipywidgets\nimport matplotlib.pyplot as plt",
    "fig, ax = plt.subplots(figsize=(6, 4))\nax.plot([0, 1, 2, 3], [3, 1, 4, 1], marker='o')\n"
    "ax.set_title('Floor')\nplt.show()",
]
IMPORT_MEDIALIT = "import medialit, medialit.quiz, medialit.figures, medialit.explorer"
IMPORT_FLOOR = "import ipywidgets, matplotlib.pyplot"
IMPORT_BOTH = f"{IMPORT_FLOOR}; {IMPORT_MEDIALIT}"

# The click floor: a plain ipywidgets button writing to an HTML widget.
CLICK_FLOOR = """
import ipywidgets as w
feedback = w.HTML('')
feedback.add_class('medialit-feedback-box')
button = w.Button(description='Check answer')
clicks = [0]
def on_click(_):
    clicks[0] += 1
    feedback.value = f'<p>Clicked {clicks[0]} times.</p>'
button.on_click(on_click)
box = w.VBox([button, feedback])
box.add_class('bench-floor')
box
"""

JS_CLICK_TO_FEEDBACK = """
([button, box]) => new Promise((resolve, reject) => {
  const before = box.innerText;
  let t0 = 0;
  const obs = new MutationObserver(() => {
    if (box.innerText !== before) { obs.disconnect(); resolve(performance.now() - t0); }
  });
  obs.observe(box, {subtree: true, childList: true, characterData: true});
  setTimeout(() => { obs.disconnect(); reject(new Error('no feedback within 10 s')); }, 10000);
  t0 = performance.now();
  button.click();
})
"""


def course_copy(target: Path) -> Path:
    from browser_lab import copy_course

    return copy_course(REPO, target)


def clean_env(course: Path, state: Path) -> dict[str, str]:
    from browser_lab import lab_env

    return lab_env(course, state, learner="benchmark")


def floor_notebook(path: Path) -> Path:
    from browser_lab import write_notebook

    return write_notebook(path, list(FLOOR_CELLS))


def run_all(path: Path, env: dict[str, str]) -> tuple[float, list[tuple[float, str]]]:
    """Seconds to start a kernel and run every cell (nbclient), as Run All does; and
    each cell's own time (from nbclient's timing metadata), slowest first."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(str(path), as_version=4)
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    stderr = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)  # the kernel's start-up chatter; cell errors still raise
    try:
        client = NotebookClient(
            nb,
            timeout=600,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
        )
        start = time.perf_counter()
        client.execute()
        seconds = time.perf_counter() - start
    finally:
        os.dup2(stderr, 2)
        os.close(devnull)
        os.close(stderr)
        os.environ.clear()
        os.environ.update(saved)
    return seconds, cell_times(nb)


def cell_times(nb: Any) -> list[tuple[float, str]]:
    from datetime import datetime

    times = []
    for cell in nb.cells:
        timing = cell.get("metadata", {}).get("execution", {})
        begin, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
        if begin and end:
            elapsed = datetime.fromisoformat(end.replace("Z", "+00:00")) - datetime.fromisoformat(
                begin.replace("Z", "+00:00")
            )
            first_line = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
            times.append((elapsed.total_seconds(), first_line[:60]))
    return sorted(times, reverse=True)


def start_cell(cells: list[tuple[float, str]]) -> float:
    """Seconds of the notebook's ``start(...)`` cell."""
    return next((t for t, src in cells if "start(" in src), float("nan"))


def import_seconds(statement: str, env: dict[str, str], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", statement], env=env, check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def heaviest_imports(env: dict[str, str], floor_modules: set[str], top: int = 6) -> list[str]:
    """The slowest imports medialit adds on top of the floor (``-X importtime``)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", IMPORT_BOTH],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in done.stderr.splitlines():
        fields = line.removeprefix("import time:").split("|")
        if len(fields) != 3 or not fields[0].strip().isdigit():
            continue  # the header line
        module = fields[2].strip()
        if module in floor_modules:
            continue
        rows.append((int(fields[0]), module))
    rows.sort(reverse=True)
    return [f"{module} {us / 1000:.0f} ms (self)" for us, module in rows[:top]]


def floor_module_names(env: dict[str, str]) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_FLOOR + "\nimport sys\nprint('\\n'.join(sys.modules))"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return set(done.stdout.split())


def click_to_feedback(course: Path, state: Path, clicks: int) -> dict[str, Any] | str:
    """Median milliseconds from a click to changed feedback, course quiz and floor."""
    from browser_course import course_notebooks, first_single_choice, quiz_class
    from browser_lab import CHROMIUM_ARGS, LabPage, LabServer, QuizDriver, write_notebook

    chromium = os.environ.get("MEDIALIT_CHROMIUM", "").strip() or "/usr/bin/chromium"
    if not os.access(chromium, os.X_OK):
        return f"skipped: no Chromium at {chromium} (sudo apt-get install chromium)"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "skipped: the Python package playwright is not installed"
    target = next((p for p in course_notebooks() if first_single_choice(p)), None)
    if target is None:
        return "skipped: no notebook asks a single-choice question"
    choice = first_single_choice(target)
    write_notebook(course / "scratch" / "click-floor.ipynb", [CLICK_FLOOR])
    write_notebook(
        course / "scratch" / "click-quiz.ipynb",
        [f"from medialit.quiz import quiz\nquiz({choice.lesson!r}, {choice.id!r})"],
    )
    server = LabServer(root=course, state=state, env=clean_env(course, state)).start()
    result: dict[str, Any] = {"question": f"{choice.lesson}/{choice.id}"}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 1000})
            context.set_default_timeout(60_000)
            lab = LabPage(context, server)
            lab.report_timings = False

            nb = lab.open("scratch/click-floor.ipynb")
            nb.restart_and_run_all()
            root = nb.widget(".bench-floor").first
            button = root.get_by_role("button", name="Check answer").element_handle()
            box = root.locator(".medialit-feedback-box").element_handle()
            nb.page.evaluate(JS_CLICK_TO_FEEDBACK, [button, box])  # warm-up
            floor = [nb.page.evaluate(JS_CLICK_TO_FEEDBACK, [button, box]) for _ in range(clicks)]
            nb.close()

            nb = lab.open("scratch/click-quiz.ipynb")
            nb.restart_and_run_all()
            quiz = QuizDriver(nb.widget(quiz_class(choice.lesson, choice.id)).first)
            button = quiz.check_button().element_handle()
            box = quiz.root.locator(".medialit-feedback-box").element_handle()
            samples = []
            for n in range(clicks + 1):
                quiz.choose(choice.right if n % 2 else choice.wrong)
                ms = nb.page.evaluate(JS_CLICK_TO_FEEDBACK, [button, box])
                if n:  # the first click warms up
                    samples.append(ms)
            nb.close()
            lab.close()
            browser.close()
    finally:
        server.stop()
    result["floor_ms"] = statistics.median(floor)
    result["quiz_ms"] = statistics.median(samples)
    result["quiz_max_ms"] = max(samples)
    return result


def verdict(ok: bool) -> str:
    return "ok" if ok else "OVER TARGET"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="Run All repetitions (median)")
    parser.add_argument("--clicks", type=int, default=10, help="clicks timed in the browser")
    parser.add_argument("--no-browser", action="store_true", help="skip the browser timing")
    args = parser.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="medialit-bench-"))
    try:
        course = course_copy(tmp / "course")
        env = clean_env(course, tmp / "state")
        notebooks = sorted((course / "notebooks").glob("*.ipynb"))
        floor = floor_notebook(course / "scratch" / "floor.ipynb")

        print("Run All (nbclient, kernel start included)")
        run_all(floor, env)  # warm the disk cache and matplotlib's font cache
        floor_samples = [run_all(floor, env)[0] for _ in range(max(3, args.repeat))]
        floor_s = statistics.median(floor_samples)
        print(f"  {'floor notebook':<24} {floor_s:6.2f} s   1.00x")
        worst = 0.0
        starts: list[tuple[float, float]] = []
        cache = Path(env["MEDIALIT_CACHE_DIR"])
        for path in notebooks:
            shutil.rmtree(cache, ignore_errors=True)  # the first run ever: nothing cached
            cold_s, cold_cells = run_all(path, env)
            runs = [run_all(path, env) for _ in range(args.repeat)]
            seconds = statistics.median(r[0] for r in runs)
            ratio = seconds / floor_s
            worst = max(worst, ratio)
            cells = runs[-1][1]
            starts.append((start_cell(cold_cells), statistics.median(start_cell(r[1])
                                                                     for r in runs)))
            slowest = ", ".join(f"{t:.2f} s {src!r}" for t, src in cells[:3])
            print(
                f"  {path.stem:<24} {seconds:6.2f} s  {ratio:5.2f}x  "
                f"{verdict(ratio <= RUN_ALL_TARGET):<11}  cold first run {cold_s:5.2f} s "
                f"({cold_s / floor_s:4.2f}x); {len(cells)} cells "
                f"{sum(t for t, _ in cells):.1f} s; slowest: {slowest}"
            )
        print(f"  target: within {RUN_ALL_TARGET}x the floor, warm cache; worst {worst:.2f}x")
        warm_start = max(w for _, w in starts)
        print(
            f"  start() cell (import included): cold {min(c for c, _ in starts):.2f} to "
            f"{max(c for c, _ in starts):.2f} s, warm {min(w for _, w in starts) * 1000:.0f} "
            f"to {warm_start * 1000:.0f} ms  "
            f"{verdict(warm_start <= START_TARGET_S)} (target under "
            f"{START_TARGET_S * 1000:.0f} ms warm)"
        )

        print("\nimport in a fresh interpreter (median of 7)")
        import_seconds(IMPORT_BOTH, env, 1)  # warm the bytecode caches
        floor_import = import_seconds(IMPORT_FLOOR, env, 7)
        alone = import_seconds(IMPORT_MEDIALIT, env, 7)
        both = import_seconds(IMPORT_BOTH, env, 7)
        extra_ms = (both - floor_import) * 1000
        print(f"  {'floor: ' + IMPORT_FLOOR:<44} {floor_import * 1000:6.0f} ms")
        print(
            f"  {'medialit alone (quiz, figures, explorer)':<44} {alone * 1000:6.0f} ms  "
            f"{alone / floor_import:4.2f}x"
        )
        print(
            f"  {'floor + medialit':<44} {both * 1000:6.0f} ms  "
            f"{both / floor_import:4.2f}x  {extra_ms:+.0f} ms  "
            f"{verdict(extra_ms <= IMPORT_TARGET_MS)}"
        )
        try:
            heavy = heaviest_imports(env, floor_module_names(env))
            print("  slowest imports beyond the floor: " + "; ".join(heavy))
        except (subprocess.CalledProcessError, ValueError) as error:
            print(f"  (no import breakdown: {error})")
        print(f"  target: floor + medialit within {IMPORT_TARGET_MS:.0f} ms of the floor")

        print("\nclick on 'Check answer' to feedback, in JupyterLab in Chromium")
        if args.no_browser:
            print("  skipped (--no-browser)")
        else:
            clicks = click_to_feedback(course, tmp / "lab", args.clicks)
            if isinstance(clicks, str):
                print(f"  {clicks}")
            else:
                print(f"  {'plain ipywidgets button (floor)':<40} {clicks['floor_ms']:6.1f} ms")
                print(
                    f"  {'quiz ' + clicks['question']:<40} {clicks['quiz_ms']:6.1f} ms  "
                    f"{clicks['quiz_ms'] / clicks['floor_ms']:4.2f}x  "
                    f"(max {clicks['quiz_max_ms']:.0f} ms)  "
                    f"{verdict(clicks['quiz_ms'] <= CLICK_TARGET_MS)}"
                )
                print(f"  target: under {CLICK_TARGET_MS:.0f} ms (median of {args.clicks})")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
