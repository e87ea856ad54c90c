"""The forked child inside a real Jupyter kernel, whose threads (heartbeat, control,
output) a fork copies: the child must not write to the kernel's streams, and the
notebook must get the same report as a plain process."""

from __future__ import annotations

import hashlib
import sys

import nbformat
import pytest
from nbclient import NotebookClient

from medialit.analyze import analyze_text, background

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the child process is used on Linux only"
)

MAKE_TEXT = (
    "text = ''.join(f'Officials said about {i} families had left the valley (the north side). '"
    " f'“We are not there yet,” said Ana Ruiz, who leads council {i}.\\n' for i in range(9000))"
)  # 1.2 MB, each line its own (a repeated line is page furniture): long enough for the child
namespace: dict = {}
exec(MAKE_TEXT, namespace)
TEXT: str = namespace["text"]

CELL = """
import hashlib, os, resource
from medialit.analyze import analyze_text, background
{make_text}
assert background.worth_it(len(text)), "this machine would not use the child"
before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
report = analyze_text(text)
used_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime > before
print(used_child, hashlib.sha256(report.model_dump_json().encode()).hexdigest())
"""


def test_a_kernel_gets_the_same_report_and_no_stray_output():
    if not background.worth_it(len(TEXT)):
        pytest.skip("one processor here: the child is never used")
    cell = nbformat.v4.new_code_cell(CELL.format(make_text=MAKE_TEXT))
    notebook = nbformat.v4.new_notebook(cells=[cell])
    NotebookClient(notebook, timeout=300, kernel_name="python3").execute()
    outputs = notebook.cells[0].outputs
    want = hashlib.sha256(analyze_text(TEXT).model_dump_json().encode()).hexdigest()
    assert [(o.output_type, o.get("name"), o.get("text")) for o in outputs] == [
        ("stream", "stdout", f"True {want}\n")
    ]
