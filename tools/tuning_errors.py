"""Print the analyzer's errors on the tuning split, sentence by sentence.

    .venv/bin/python tools/tuning_errors.py [--articles] [--hedges] [--numbers] [NAME ...]

Rules may only be changed from errors on texts whose annotation says ``split: tuning``
(see tests/analyze/govnews/README.md); this tool never opens a held-out text, so its
output cannot leak one. ``--articles`` adds the five test articles written for the
project, ``--course`` the course article. For each sentence with an error it prints the
sentence, the sources the annotation gives (with kinds), and what the analyzer found
(with kinds and the rule).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from medialit.analyze import analyze_file, analyze_text
from medialit.analyze.detectors import source_names
from medialit.analyze.evaluate import (
    annotated_gold,
    article_gold,
    counted,
    course_gold,
    evaluate,
    names_match,
    overlaps,
)
from medialit.analyze.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
GOVNEWS = ROOT / "tests" / "analyze" / "govnews"
ARTICLES = ROOT / "tests" / "analyze" / "articles"


def tuning_annotations(names: list[str]) -> list[tuple[Path, Path]]:
    out = []
    for annotation in sorted(GOVNEWS.glob("*.yaml")):
        data = yaml.safe_load(annotation.read_text(encoding="utf-8"))
        if data["split"] != "tuning":
            continue  # never read a held-out text
        if names and annotation.stem not in names:
            continue
        out.append((annotation, GOVNEWS / data["article"]))
    return out


def show(annotation: Path, text_path: Path, rules, args, kinds: bool) -> int:
    report = analyze_file(text_path, rules)
    gold = annotated_gold(annotation, report) if kinds else article_gold(annotation, report)
    return show_report(report, gold, args)


def show_report(report, gold, args) -> int:
    wanted: dict[int, list[tuple[list[str], str | None]]] = {}
    kind_list = gold.kinds or [(a, [None] * len(s)) for a, s in gold.sources]
    for (anchor, sources), (_, ks) in zip(gold.sources, kind_list, strict=True):
        for s in report.sentences:
            if s.start <= anchor < s.end:
                wanted.setdefault(s.index, []).extend(zip(sources, ks, strict=True))
                break
        else:
            print(f"  DROPPED sentence at {anchor}: {report.text[anchor : anchor + 80]!r}")
    errors = 0
    for s in report.sentences:
        preds = [(n, a.kind, a.form) for a in counted(s) for n in source_names(a)]
        golds = wanted.get(s.index, [])
        lines = []
        for names, kind in golds:
            hit = [p for p in preds if names_match(p[0], names)]
            if not hit:
                lines.append(f"    MISSED  {names[0]!r} ({kind})")
            elif kind and hit[0][1] != kind:
                lines.append(f"    KIND    {names[0]!r}: gold {kind}, found {hit[0][1]}")
        for name, kind, rule in preds:
            if not any(names_match(name, names) for names, _ in golds):
                lines.append(f"    EXTRA   {name!r} ({kind}, form {rule})")
        spans = []
        if args.hedges:
            spans.append(("hedge", [(h.start, h.end) for h in s.hedges], gold.hedges))
        if args.numbers:
            spans.append(("number", [(n.start, n.end) for n in s.numbers], gold.numbers))
        for label, pred, golds_ in spans:
            inside = [g for g in golds_ if s.start <= g[0] < s.end]
            for g in inside:
                if not any(overlaps(g, p) for p in pred):
                    lines.append(f"    MISSED {label} {report.text[g[0] : g[1]]!r}")
            for p in pred:
                if not any(overlaps(p, g) for g in inside):
                    lines.append(f"    EXTRA  {label} {report.text[p[0] : p[1]]!r}")
        if lines:
            errors += len(lines)
            print(f"  [{s.index}] {s.text}")
            print("\n".join(lines))
    scores = evaluate(report, gold)
    a = scores["attributions"]
    print(f"  => attributions P {a.precision:.2f} R {a.recall:.2f} F1 {a.f1:.2f}")
    return errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="annotation stems (default: all tuning texts)")
    parser.add_argument("--articles", action="store_true")
    parser.add_argument("--course", action="store_true", help="the course article too")
    parser.add_argument("--hedges", action="store_true")
    parser.add_argument("--numbers", action="store_true")
    args = parser.parse_args(argv)
    rules = load_rules()
    total = 0
    for annotation, text in tuning_annotations(args.names):
        print(f"== {annotation.stem}")
        total += show(annotation, text, rules, args, kinds=True)
    if args.articles:
        for annotation in sorted(ARTICLES.glob("*.yaml")):
            name = yaml.safe_load(annotation.read_text(encoding="utf-8"))["article"]
            print(f"== articles/{annotation.stem}")
            total += show(annotation, ARTICLES / name, rules, args, kinds=False)
    if args.course:
        course = course_gold(ROOT)
        print("== course article")
        total += show_report(analyze_text(course.text, rules), course.gold, args)
    print(f"{total} error line(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
