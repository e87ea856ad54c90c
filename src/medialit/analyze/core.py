"""From text to :class:`Report`: furniture, sentences, quotes, then the detectors."""

from __future__ import annotations

import re
from pathlib import Path

from medialit.analyze import detectors, segment
from medialit.analyze.inputs import (
    Extracted,
    InputError,
    extract_html,
    extract_text,
    load,
    printable_name,
    refuse_url,
)
from medialit.analyze.report import Counts, Report, Sentence
from medialit.analyze.rules import RuleSet, resolve_rules

DIRECT_SHARE = 0.6  # at least this share of a sentence's letters quoted: direct speech
_LETTER = re.compile(r"[^\W\d_]")


def _letters(text: str) -> int:
    return len(_LETTER.findall(text))


def _speech(sentence: Sentence, text: str) -> str:
    quoted = sum(_letters(text[q.start : q.end]) for q in sentence.quotes)
    share = quoted / max(1, _letters(sentence.text))
    if sentence.quotes and share >= DIRECT_SHARE:
        return "direct"
    if sentence.quotes:
        return "mixed"
    return "paraphrase" if sentence.attributions else "none"


def analyze_extracted(extracted: Extracted, rules: RuleSet, file: str | None = None) -> Report:
    text = extracted.text
    keep, furniture = segment.split_furniture(segment.lines(text))
    state = detectors.AttributionState()
    sentences: list[Sentence] = []
    paragraph_of: list[int] = []
    for p_index, paragraph in enumerate(keep):
        quotes = segment.quote_spans(paragraph)
        for start, end in segment.sentence_spans(paragraph):
            body = text[start:end]
            sent_quotes = segment.clip_quotes(quotes, start, end, text)
            sentence = Sentence(
                start=start,
                end=end,
                text=body,
                index=len(sentences) + 1,
                quotes=sent_quotes,
                hedges=detectors.find_hedges(body, start, rules),
                numbers=detectors.find_numbers(body, start, rules),
                attributions=detectors.find_attributions(body, start, rules, sent_quotes, state),
            )
            sentence.speech = _speech(sentence, text)
            sentences.append(sentence)
            paragraph_of.append(p_index)
    _carry_quote_sources(sentences, paragraph_of)
    counts = Counts(
        sentences=len(sentences),
        furniture_lines=len(furniture),
        attributions=sum(len(s.attributions) for s in sentences),
        quotes=sum(len(s.quotes) for s in sentences),
        hedges=sum(len(s.hedges) for s in sentences),
        numbers=sum(len(s.numbers) for s in sentences),
        unattributed_sentences=sum(s.unattributed for s in sentences),
    )
    notes = list(extracted.notes)
    if not sentences:
        where = "this HTML page" if extracted.kind == "html" else "this file"
        raise InputError(
            f"no article text found in {where}: every line looks like a heading, menu or "
            "address, not a sentence"
        )
    return Report(
        file=file,
        input=extracted.kind,
        encoding=extracted.encoding or "utf-8",
        notes=notes,
        metadata=extracted.metadata,
        missing=extracted.missing,
        rules=list(rules.files),
        text=text,
        furniture=furniture,
        sentences=sentences,
        counts=counts,
    )


def _carry_quote_sources(sentences: list[Sentence], paragraph_of: list[int]) -> None:
    """A quoted sentence with no verb of its own belongs to the speaker next to it.

    '“Over 600,000 ...,” said Rutte. “This is because ...”': the second sentence is
    still Rutte's. It gets an ``inherited`` attribution pointing at that source; a
    sentence with no source at all, near or inside, is flagged ``unattributed``.
    """
    for i, sentence in enumerate(sentences):
        if sentence.attributions:
            continue
        if sentence.speech == "direct":
            for j in (i - 1, i + 1):
                if not 0 <= j < len(sentences) or abs(paragraph_of[j] - paragraph_of[i]) > 1:
                    continue
                named = [a for a in sentences[j].attributions if detectors.source_names(a)]
                named.sort(key=lambda a: a.in_quote)  # the speaker, not someone they quote
                if named:
                    anchor = named[0]
                    sentence.attributions.append(
                        anchor.model_copy(
                            update={
                                "form": "inherited",
                                "refers_to": detectors.source_names(anchor)[0],
                                "in_quote": False,
                            }
                        )
                    )
                    break
        sentence.unattributed = not sentence.attributions


def analyze_text(
    text: str, rules: RuleSet | Path | str | None = None, file: str | None = None
) -> Report:
    """Analyze plain text (no metadata: every provenance field is reported missing)."""
    return analyze_extracted(extract_text(text), resolve_rules(rules), file)


def analyze_html(
    html: str, rules: RuleSet | Path | str | None = None, file: str | None = None
) -> Report:
    """Analyze a saved web page: trafilatura extracts the article and its metadata."""
    return analyze_extracted(extract_html(html), resolve_rules(rules), file)


def analyze_file(path: Path | str, rules: RuleSet | Path | str | None = None) -> Report:
    """Analyze a saved .html/.htm page or a .txt file.

    Raises :class:`medialit.analyze.inputs.InputError` (bad input, with a message for
    the learner) or :class:`medialit.content.problems.ContentError` (broken rules file).
    """
    refuse_url(str(path))
    path = Path(path)
    ruleset = resolve_rules(rules)
    return analyze_extracted(load(path), ruleset, printable_name(path.name))
