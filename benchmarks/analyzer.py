"""Analyzer quality and speed.

    .venv/bin/python benchmarks/analyzer.py [--repeat N]

Quality: precision / recall / F1 of attributions (sources named per sentence),
hedges and numbers, against the course article's annotations in data/ and the
annotated test articles in tests/analyze/articles/ (see
medialit.analyze.evaluate for how matches are counted).

Speed: sentences per second of the whole analyzer on a long synthetic corpus,
against plain pysbd sentence splitting of the same corpus in the same run.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from medialit.analyze import analyze_file, analyze_text, load_rules  # noqa: E402
from medialit.analyze.evaluate import Score, article_gold, course_gold, evaluate  # noqa: E402

ARTICLES = ROOT / "tests" / "analyze" / "articles"
CATEGORIES = ("attributions", "hedges", "numbers")


def quality() -> dict[str, dict[str, Score]]:
    rules = load_rules()
    results: dict[str, dict[str, Score]] = {}
    course = course_gold(ROOT)
    report = analyze_text(course.text, rules)
    results["course article"] = evaluate(report, course.gold)
    own = {c: Score() for c in CATEGORIES}
    for annotation in sorted(ARTICLES.glob("*.yaml")):
        import yaml

        name = yaml.safe_load(annotation.read_text(encoding="utf-8"))["article"]
        report = analyze_file(ARTICLES / name, rules)
        scores = evaluate(report, article_gold(annotation, report))
        results[f"  {name}"] = scores
        for c in CATEGORIES:
            own[c] += scores[c]
    results["test articles (all)"] = own
    return results


def print_quality(results: dict[str, dict[str, Score]]) -> None:
    print(
        f"{'corpus':26} {'category':13} {'P':>6} {'R':>6} {'F1':>6}"
        "   (pred ok/pred, gold found/gold)"
    )
    for corpus, scores in results.items():
        for c in CATEGORIES:
            s = scores[c]
            print(
                f"{corpus:26} {c:13} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f}   "
                f"({s.pred_ok}/{s.pred}, {s.gold_ok}/{s.gold})"
            )


def synthetic_corpus(paragraphs: int) -> str:
    """Real sentences from every annotated text, shuffled deterministically into a long text."""
    import random

    from medialit.analyze.inputs import extract_html

    pieces = [course_gold(ROOT).text]
    for path in sorted(ARTICLES.iterdir()):
        if path.suffix == ".txt":
            pieces.append(path.read_text(encoding="utf-8"))
        elif path.suffix == ".html":
            pieces.append(extract_html(path.read_text(encoding="utf-8")).text)
    lines = [line for piece in pieces for line in piece.splitlines() if len(line.split()) > 12]
    rng = random.Random(7)
    return "\n".join(rng.choice(lines) + f" Paragraph {i} ends here." for i in range(paragraphs))


def speed(paragraphs: int, repeat: int) -> None:
    import pysbd

    text = synthetic_corpus(paragraphs)
    rules = load_rules()
    analyze_text(text[:2000], rules)  # warm up regexes and pysbd
    seg = pysbd.Segmenter(language="en", clean=False)
    best_base = best_full = float("inf")
    n_base = n_full = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        n_base = sum(len(seg.segment(line)) for line in text.splitlines() if line.strip())
        best_base = min(best_base, time.perf_counter() - t0)
        t0 = time.perf_counter()
        n_full = analyze_text(text, rules).counts.sentences
        best_full = min(best_full, time.perf_counter() - t0)
    base_rate, full_rate = n_base / best_base, n_full / best_full
    print(f"\nspeed on {len(text):,} characters, {paragraphs} paragraphs (best of {repeat}):")
    print(f"  baseline pysbd split only : {n_base:6d} sentences, {base_rate:8.0f} sentences/s")
    print(f"  full analyzer             : {n_full:6d} sentences, {full_rate:8.0f} sentences/s")
    print(f"  ratio analyzer / baseline : {full_rate / base_rate:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--paragraphs", type=int, default=1500)
    args = parser.parse_args()
    print_quality(quality())
    speed(args.paragraphs, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
