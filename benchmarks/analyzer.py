"""Analyzer quality and speed.

    .venv/bin/python benchmarks/analyzer.py [--repeat N] [--paragraphs N] [--show-tuning]

Quality: precision / recall / F1 of attributions (sources named per sentence), hedges
and numbers, and how well source kinds are told apart (person, organisation,
described, anonymous, document), on four sets of texts kept apart:

- the course article and the five test articles: the rules were written looking at them;
- the US government news texts of 2025 in tests/analyze/govnews/, annotated by hand
  before the analyzer first ran on them, split before anything ran into a *tuning*
  split (rules may be fixed by looking at its errors) and a *held-out* split (only its
  totals are printed, so nobody writes rules from its errors); the held-out total is
  also printed apart for each batch (their ``added`` key) and for the older held-out
  texts.

Matching is as in medialit.analyze.evaluate: spans match when they overlap, sources when
one name contains the other.

Speed, each against a baseline measured in the same run:
- sentences per second of the whole analyzer on a long corpus made of real sentences
  from the annotated texts, against plain pysbd splitting of the same corpus, and
  against the analyzer as it was before the speed work (its source taken from git);
- the analyzer's own sentence splitter against pysbd: agreement sentence by sentence on
  every text, and speed;
- a 5 MB text, whole analysis, against pysbd splitting the same text; where the analyzer
  shares a long text out between two processes (medialit.analyze.background), also in one.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import yaml  # noqa: E402

from medialit.analyze import analyze_file, analyze_text, load_rules  # noqa: E402
from medialit.analyze.evaluate import (  # noqa: E402
    MISSED,
    KindScore,
    Score,
    annotated_gold,
    article_gold,
    course_gold,
    evaluate,
    score_kinds,
)
from medialit.analyze.sources import KINDS  # noqa: E402

ARTICLES = ROOT / "tests" / "analyze" / "articles"
GOVNEWS = ROOT / "tests" / "analyze" / "govnews"
CATEGORIES = ("attributions", "hedges", "numbers")
Results = dict[str, tuple[dict[str, Score], KindScore]]
BIG_PARAGRAPHS = 28_000  # about 5 MB


def _empty() -> tuple[dict[str, Score], KindScore]:
    return {c: Score() for c in CATEGORIES}, KindScore()


def _add(total: tuple[dict[str, Score], KindScore], scores, kinds) -> None:
    for c in CATEGORIES:
        total[0][c] += scores[c]
    total[1].__iadd__(kinds)


def quality(show_tuning: bool = False) -> Results:
    rules = load_rules()
    results: Results = {}
    course = course_gold(ROOT)
    report = analyze_text(course.text, rules)
    results["course article"] = (evaluate(report, course.gold), score_kinds(report, course.gold))
    own = _empty()
    for annotation in sorted(ARTICLES.glob("*.yaml")):
        name = yaml.safe_load(annotation.read_text(encoding="utf-8"))["article"]
        report = analyze_file(ARTICLES / name, rules)
        gold = article_gold(annotation, report)
        _add(own, evaluate(report, gold), score_kinds(report, gold))
    results["5 test articles"] = own
    splits = {"tuning": _empty(), "held-out": _empty()}
    batches: dict[str, tuple[dict[str, Score], KindScore]] = {}
    in_batch: dict[str, int] = {}
    for annotation in sorted(GOVNEWS.glob("*.yaml")):
        data = yaml.safe_load(annotation.read_text(encoding="utf-8"))
        report = analyze_file(GOVNEWS / data["article"], rules)
        gold = annotated_gold(annotation, report)
        scores, kinds = evaluate(report, gold), score_kinds(report, gold)
        _add(splits[data["split"]], scores, kinds)
        if data["split"] == "held-out":
            batch = str(data["added"]) if data.get("added") else "older"
            _add(batches.setdefault(batch, _empty()), scores, kinds)
            in_batch[batch] = in_batch.get(batch, 0) + 1
        if show_tuning and data["split"] == "tuning":
            results[f"  {data['article']}"] = (scores, kinds)
    n = {
        s: sum(1 for a in GOVNEWS.glob("*.yaml") if f"split: {s}" in a.read_text()) for s in splits
    }
    results[f"govnews tuning ({n['tuning']})"] = splits["tuning"]
    results[f"govnews held-out ({n['held-out']})"] = splits["held-out"]
    for batch in sorted(batches, key=lambda b: (b == "older", b)):
        results[f"govnews held-out {batch} ({in_batch[batch]})"] = batches[batch]
    return results


def print_quality(results: Results) -> None:
    print(
        f"{'corpus':32} {'category':13} {'P':>5} {'R':>5} {'F1':>5}"
        "   (pred ok/pred, gold found/gold)"
    )
    for corpus, (scores, kinds) in results.items():
        for c in CATEGORIES:
            s = scores[c]
            print(
                f"{corpus:32} {c:13} {s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f}   "
                f"({s.pred_ok}/{s.pred}, {s.gold_ok}/{s.gold})"
            )
        if any(k in KINDS for k in kinds.confusion):
            print(
                f"{corpus:32} {'source kind':13} accuracy {kinds.accuracy:.2f} "
                f"({kinds.right}/{kinds.found} found sources); with missed ones counted "
                f"wrong {kinds.overall:.2f}"
            )
    for corpus, (_, kinds) in results.items():
        if not corpus.startswith("govnews"):
            continue
        print(f"\nsource-kind confusion matrix, {corpus} (rows: annotated, columns: analyzer)")
        cols = [*KINDS, "none", MISSED]
        print(f"{'':14}" + "".join(f"{c[:12]:>13}" for c in cols))
        for gold in KINDS:
            row = kinds.confusion.get(gold, {})
            print(f"{gold:14}" + "".join(f"{row.get(c, 0):13d}" for c in cols))
        print(
            f"per kind, {corpus}:  "
            + "  ".join(
                f"{k} P {kinds.per_kind[k].precision:.2f} R {kinds.per_kind[k].recall:.2f} "
                f"F1 {kinds.per_kind[k].f1:.2f} ({kinds.per_kind[k].gold} annotated)"
                for k in KINDS
                if k in kinds.per_kind
            )
        )


# ------------------------------------------------------------------ speed
def annotated_texts() -> list[str]:
    from medialit.analyze.inputs import extract_html

    texts = [course_gold(ROOT).text]
    for folder in (ARTICLES, GOVNEWS):
        for path in sorted(folder.iterdir()):
            if path.suffix == ".txt":
                texts.append(path.read_text(encoding="utf-8"))
            elif path.suffix == ".html":
                texts.append(extract_html(path.read_text(encoding="utf-8")).text)
    return texts


def synthetic_corpus(paragraphs: int) -> str:
    """Real sentences from the course article and the five test articles, shuffled
    deterministically into a long text (the corpus the figures before this change used)."""
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


def _paragraphs(text: str) -> list[str]:
    from medialit.analyze import segment

    keep, _ = segment.split_furniture(segment.lines(text))
    return [line.text for line in keep]


def _best(fn, repeat: int) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


BEFORE = "e2e843f"  # the commit the speed work started from


def before_rate(text: str, repeat: int) -> float | None:
    """Sentences per second of the analyzer as it was at BEFORE, on the same text, in
    this run: its source is taken from git into a temporary folder and timed there."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", BEFORE, "src"], capture_output=True
        )
        if archive.returncode != 0:
            print(f"  (analyzer of {BEFORE} not timed: {archive.stderr.decode().strip()})")
            return None
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        corpus = Path(tmp) / "corpus.txt"
        corpus.write_text(text, encoding="utf-8")
        code = (
            "import sys, time\n"
            "from medialit.analyze import analyze_text, load_rules\n"
            "text = open(sys.argv[1], encoding='utf-8').read(); rules = load_rules()\n"
            "analyze_text(text[:2000], rules); best = float('inf')\n"
            f"for _ in range({repeat}):\n"
            "    t0 = time.perf_counter(); n = analyze_text(text, rules).counts.sentences\n"
            "    best = min(best, time.perf_counter() - t0)\n"
            "print(n / best)\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code, str(corpus)],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(Path(tmp) / "src")},
        )
        if done.returncode != 0:
            print(f"  (analyzer of {BEFORE} not timed: {done.stderr.strip()[-200:]})")
            return None
        return float(done.stdout.strip().splitlines()[-1])


def _timed_big(text: str, rules):
    """Wall time, CPU time of this process and of its children, and the report."""
    import resource

    def cpu() -> float:
        mine = resource.getrusage(resource.RUSAGE_SELF)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        return mine.ru_utime + mine.ru_stime + kids.ru_utime + kids.ru_stime

    cpu0 = cpu()
    t_big, report = _best(lambda: analyze_text(text, rules), 1)
    return t_big, cpu() - cpu0, report


def speed(paragraphs: int, repeat: int) -> None:
    from medialit.analyze import background, sentences
    from medialit.content.article import split_sentences

    rules = load_rules()
    text = synthetic_corpus(paragraphs)
    analyze_text(text[:2000], rules)  # warm up regexes and pysbd
    paras = [p for p in text.splitlines() if p.strip()]
    t_base, n_base = _best(lambda: sum(len(split_sentences(p)) for p in paras), repeat)
    t_full, report = _best(lambda: analyze_text(text, rules), repeat)
    n_full = report.counts.sentences
    base_rate, full_rate = n_base / t_base, n_full / t_full
    print(f"\nspeed on {len(text):,} characters, {paragraphs} paragraphs (best of {repeat}):")
    print(f"  baseline pysbd split only : {n_base:6d} sentences, {base_rate:8.0f} sentences/s")
    print(f"  full analyzer             : {n_full:6d} sentences, {full_rate:8.0f} sentences/s")
    print(f"  ratio analyzer / baseline : {full_rate / base_rate:.2f}")
    old_rate = before_rate(text, repeat)
    if old_rate:
        print(
            f"  analyzer of {BEFORE} (before this work), same corpus: {old_rate:8.0f} "
            f"sentences/s; now {full_rate / old_rate:.1f}x faster (target: at least 3x)"
        )

    # the splitter: agreement with pysbd on every text, sentence by sentence
    agree = total = 0
    for piece in [*annotated_texts(), text]:
        for p in _paragraphs(piece):
            ours = set(sentences.split(p))
            theirs = {(s.start, s.end) for s in split_sentences(p)}
            agree += len(ours & theirs)
            total += len(ours | theirs)
    t_ours, _ = _best(lambda: sum(len(sentences.split(p)) for p in paras), repeat)
    print(
        f"  sentence splitter vs pysbd: {agree}/{total} sentences the same "
        f"({agree / total:.3f}); {t_base / t_ours:.0f}x pysbd's speed"
    )

    big = synthetic_corpus(BIG_PARAGRAPHS)
    big_paras = [p for p in big.splitlines() if p.strip()]
    t_split, _ = _best(lambda: sum(len(split_sentences(p)) for p in big_paras), 1)
    t_big, cpu_big, big_report = _timed_big(big, rules)
    print(
        f"  {len(big) / 1e6:.1f} MB text: analyzer {t_big:.1f} s wall"
        f"{' (two processes)' if background.worth_it(len(big)) else ''}, {cpu_big:.1f} s CPU "
        f"({big_report.counts.sentences} sentences; target under 10 s); "
        f"pysbd splitting alone {t_split:.1f} s; ratio {t_big / t_split:.2f}"
    )
    if background.worth_it(len(big)):
        long_enough = background.LONG_ENOUGH
        background.LONG_ENOUGH = len(big) + 1
        try:
            t_one, cpu_one, _ = _timed_big(big, rules)
        finally:
            background.LONG_ENOUGH = long_enough
        print(f"  the same in one process: {t_one:.1f} s wall, {cpu_one:.1f} s CPU")
    print(f"  load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--paragraphs", type=int, default=1500)
    parser.add_argument(
        "--show-tuning", action="store_true", help="also print each tuning-split text's figures"
    )
    parser.add_argument("--quality-only", action="store_true")
    args = parser.parse_args()
    print_quality(quality(args.show_tuning))
    if not args.quality_only:
        speed(args.paragraphs, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
