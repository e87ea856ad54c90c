"""Time from ``medialit new`` to a runnable draft case, for a 2,000-word article.

Run: ``.venv/bin/python benchmarks/newcase.py [--repeat N] [--words N]``. "Runnable" means
written and loaded by the course loader without a problem (what `medialit check` and every
notebook do first). The baseline, measured in the same run on the same text, is the
analyzer alone (``medialit analyze``'s work), so the ratio says what building a whole case
costs on top of reading the article. Target: under 10 s.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from _timing import timed

REPO = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 10.0


def article(words: int) -> str:
    """News prose of about ``words`` words: the practice article and the course's article,
    paragraph by paragraph, each copy moved to another district with other numbers (a
    repeated line would be set aside as page furniture)."""
    sources = [REPO / "lessons" / "06-your-turn" / "practice-article.txt",
               REPO / "data" / "article" / "article-as-scraped.txt"]
    paragraphs = [p.strip() for s in sources for p in s.read_text(encoding="utf-8").split("\n")
                  if len(p.split()) > 12]
    out: list[str] = []
    k = 0
    while sum(len(p.split()) for p in out) < words:
        p = paragraphs[k % len(paragraphs)]
        copy = k // len(paragraphs)
        if copy:
            p = re.sub(r"\d+", lambda m, c=copy: str(int(m.group()) + c), p)
            p = f"In district {copy + 1}, {p[0].lower()}{p[1:]}"
        out.append(p)
        k += 1
    return "Hosepipe bans and troop reports\n\n" + "\n\n".join(out) + "\n"



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--words", type=int, default=2000)
    args = parser.parse_args(argv)
    from medialit.analyze.core import analyze_text
    from medialit.content import load_course
    from medialit.newcase.scaffold import build_case

    text = article(args.words)
    with tempfile.TemporaryDirectory(prefix="medialit-bench-") as tmp:
        source = Path(tmp) / "article.txt"
        source.write_text(text, encoding="utf-8")
        analyze_text(text)  # warm up: rules, pysbd and trafilatura imported once
        counter = iter(range(10**6))

        def new_case() -> None:
            root = build_case(Path(tmp) / f"case-{next(counter)}", source)
            load_course(root)

        baseline = timed(lambda: analyze_text(text), args.repeat)
        case = timed(new_case, args.repeat)
        course = load_course(Path(tmp) / "case-0")
        # the same from a shell: fresh processes, imports included
        cli = [sys.executable, "-m", "medialit.cli"]

        def shell_case() -> None:
            root = Path(tmp) / f"case-{next(counter)}"
            subprocess.run([*cli, "new", str(root), "--article", str(source)], check=True,
                           capture_output=True)
            subprocess.run([*cli, "check", "--root", str(root)], check=True,
                           capture_output=True)

        shell_base = timed(lambda: subprocess.run([*cli, "analyze", str(source)], check=True,
                                                  capture_output=True), args.repeat)
        shell = timed(shell_case, args.repeat)
    words = len(text.split())
    print(f"article: {words} words, {len(course.sentences)} sentences, {len(course.numbers)} "
          f"numbers, {len(course.sources)} sources, "
          f"{sum(len(lesson.quiz.questions) for lesson in course.lessons if lesson.quiz)} "
          "generated questions")
    print(f"| measure | result | against |\n|---|---|---|\n"
          f"| medialit new + load (runnable draft case) | {case:.2f} s ({case / baseline:.2f}x) "
          f"| medialit analyze on the same text ({baseline:.2f} s) |\n"
          f"| `medialit new` then `medialit check`, from a shell | {shell:.2f} s "
          f"({shell / shell_base:.2f}x) | `medialit analyze FILE` from a shell "
          f"({shell_base:.2f} s) |")
    case = max(case, shell)
    met = "met" if case < TARGET_SECONDS else "MISSED"
    print(f"target under {TARGET_SECONDS:.0f} s: {met}")
    return 0 if case < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
