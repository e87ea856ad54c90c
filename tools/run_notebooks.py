"""Re-execute the course notebooks in place, so their committed outputs match the engine.

Run after changing anything in ``src/medialit`` that a notebook displays
(``make notebooks``). Notebooks run as a fresh learner would see them: a clean
progress folder and the stable learner name ``nbval`` that the tests use too,
so strict nbval compares like with like.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parents[1]


def execute(path: Path, timeout: int) -> None:
    notebook = nbformat.read(path, as_version=4)
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    nbformat.write(notebook, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/*.ipynb")
    parser.add_argument("--timeout", type=int, default=300, help="seconds per cell")
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="the course or case folder (default: this checkout)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    paths = args.notebooks or sorted((root / "notebooks").glob("*.ipynb"))
    failed = 0
    with tempfile.TemporaryDirectory(prefix="medialit-run-") as progress:
        os.environ["MEDIALIT_DATA_DIR"] = progress
        os.environ["MEDIALIT_LEARNER"] = "nbval"
        os.environ["MEDIALIT_COURSE_ROOT"] = str(root)
        os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
        for path in paths:
            print(f"executing {path} ...",
                  flush=True)
            try:
                execute(path.resolve(), args.timeout)
            except CellExecutionError as exc:
                failed += 1
                print(f"  FAILED: {str(exc).splitlines()[-1] if str(exc) else exc}",
                      file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
