"""From text to :class:`Report`: furniture, sentences, quotes, then the detectors."""

from __future__ import annotations

import gc
import re
from pathlib import Path

from medialit.analyze import background, detectors, segment
from medialit.analyze.inputs import (
    Extracted,
    InputError,
    extract_html,
    extract_text,
    load,
    printable_name,
    refuse_url,
)
from medialit.analyze.progress import Progress, ProgressFactory
from medialit.analyze.report import (
    Attribution,
    Counts,
    Quote,
    Report,
    RuleRef,
    Sentence,
    Span,
)
from medialit.analyze.rules import RuleSet, resolve_rules
from medialit.analyze.sources import Kind

DIRECT_SHARE = 0.6  # at least this share of a sentence's letters quoted: direct speech
_NOT_LETTERS = re.compile(r"[\W\d_]+")


def _letters(text: str) -> int:
    """How many letters: what is left when all else is removed (a list of every letter,
    one string each, cost twice as much)."""
    return len(_NOT_LETTERS.sub("", text))


def _speech(sentence: Sentence, text: str) -> str:
    if not sentence.quotes:
        return "paraphrase" if sentence.attributions else "none"
    quoted = sum(_letters(text[q.start : q.end]) for q in sentence.quotes)
    share = quoted / max(1, _letters(sentence.text))
    if sentence.quotes and share >= DIRECT_SHARE:
        return "direct"
    if sentence.quotes:
        return "mixed"
    return "paraphrase" if sentence.attributions else "none"


PROGRESS_EVERY = 256  # paragraphs or sentences between two progress updates


def analyze_extracted(
    extracted: Extracted,
    rules: RuleSet,
    file: str | None = None,
    progress: Progress | None = None,
) -> Report:
    """The report for extracted text; ``progress`` is told the share of the work done.

    Time grows linearly with the text: sentences are split in one pass, every pattern
    runs once over the whole text, and Python's cyclic garbage collector is paused while
    the report's many small objects are made (it re-scanned all of them again and again:
    with it, a 5 MB file took about 60% longer, and half as long again per megabyte as a
    1 MB one).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _analyze(extracted, rules, file, progress)
    finally:
        if collecting:
            gc.enable()


def _analyze(
    extracted: Extracted, rules: RuleSet, file: str | None, progress: Progress | None
) -> Report:
    text = extracted.text
    keep, furniture = segment.split_furniture(segment.lines(text))
    state = detectors.AttributionState(surnames=detectors.surnames_in(text))
    sentences: list[Sentence] = []
    paragraph_of: list[int] = []
    size = max(1, len(text))
    tell = progress or (lambda share: None)
    # the bar in three parts: splitting; the pattern scan (or, on a long text, the
    # sources); then sentence by sentence
    spans: list[tuple[int, tuple[int, int]]] = []
    for p_index, paragraph in enumerate(keep):
        spans += [(p_index, span) for span in segment.sentence_spans(paragraph)]
        if p_index % PROGRESS_EVERY == 0:
            tell(paragraph.end / size / 3)
    only_spans = [span for _, span in spans]
    quotes_of = [segment.quote_spans(paragraph) for paragraph in keep]
    sentence_quotes = [
        segment.clip_quotes(quotes_of[p_index], start, end, text)
        for p_index, (start, end) in spans
    ]
    parallel = background.worth_it(len(text))
    early: list[list[Attribution]] | None = None
    with background.in_background(rules, text, only_spans, parallel) as hedges_and_numbers:
        if parallel:
            # a long text's sources are found while a child process finds its hedges
            # and numbers: the same findings, in another order
            early = [
                _sources_of(text, start, end, rules, sentence_quotes[i], state, i, tell)
                for i, (_, (start, end)) in enumerate(spans)
            ]
        found = hedges_and_numbers()
    scan = (
        detectors.PatternScan(rules, text, only_spans, lambda share: tell((1 + share) / 3))
        if found is None
        else None
    )
    # in one process each sentence's three detectors run one after the other, so the
    # hedge and the source word lists share the sentence's words (rules._words)
    for s_index, (p_index, (start, end)) in enumerate(spans):
        body = text[start:end]
        sent_quotes = sentence_quotes[s_index]
        if found is not None:
            hedges, numbers = found[s_index]
        else:
            hedges = detectors.find_hedges(body, start, rules, (scan, s_index))
            numbers = detectors.find_numbers(body, start, rules, (scan, s_index))
        sentence = Sentence(
            start=start,
            end=end,
            text=body,
            index=s_index + 1,
            quotes=sent_quotes,
            hedges=hedges,
            numbers=numbers,
            attributions=early[s_index]
            if early is not None
            else detectors.find_attributions(body, start, rules, sent_quotes, state),
        )
        sentence.speech = _speech(sentence, text)
        sentences.append(sentence)
        paragraph_of.append(p_index)
        if s_index % PROGRESS_EVERY == 0:
            tell((2 + end / size) / 3)
    tell(1.0)
    _carry_quote_sources(sentences, paragraph_of, text, rules)
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


def _sources_of(
    text: str,
    start: int,
    end: int,
    rules: RuleSet,
    quotes: list[Quote],
    state: detectors.AttributionState,
    s_index: int,
    tell: Progress,
) -> list[Attribution]:
    """One sentence's attributions, the progress bar told at every few sentences."""
    found = detectors.find_attributions(text[start:end], start, rules, quotes, state)
    if s_index % PROGRESS_EVERY == 0:
        tell((1 + end / len(text)) / 3)
    return found


def _opens_quote(text: str) -> bool:
    return text.lstrip()[:1] in '“"«‘'


def _closes_quote(text: str) -> bool:
    return text.rstrip()[-1:] in '”"»’'


def _carry_quote_sources(
    sentences: list[Sentence], paragraph_of: list[int], text: str, rules: RuleSet
) -> None:
    """A quoted sentence with no verb of its own belongs to the speaker next to it.

    '“Over 600,000 ...,” said Rutte. “This is because ...”': the second sentence is
    still Rutte's. It gets an ``inherited`` attribution pointing at that source; a
    sentence with no source at all, near or inside, is flagged ``unattributed``.
    A quotation opening a paragraph right after a sentence about a named person, with
    no speaker on either side, is that person's (press releases introduce quotations
    so: "Secretary Reyes outlined her plans." then the quotation).
    """
    for i, sentence in enumerate(sentences):
        # words the speaker quotes someone else with ("“As alleged by the complaint,
        # ...”") or a participle with nobody to continue do not make the speaker
        if any(detectors.source_names(a) and not a.in_quote for a in sentence.attributions):
            continue
        if sentence.speech == "direct":
            for j in (i - 1, i + 1):
                if not 0 <= j < len(sentences):
                    continue
                # the speaker after a quote stands in its paragraph; a quotation that
                # carries on into a new paragraph opens it with a quotation mark
                apart = paragraph_of[i] - paragraph_of[j]
                if apart and not (apart == 1 and _opens_quote(sentence.text)):
                    continue
                named = [a for a in sentences[j].attributions if detectors.source_names(a)]
                named.sort(key=lambda a: a.in_quote)  # the speaker, not someone they quote
                if named and not named[0].in_quote:
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
            else:
                introduced = _introduced_by(sentences, paragraph_of, i, text, rules) or (
                    _signed_by(sentences, paragraph_of, i, text, rules)
                )
                if introduced is not None:
                    sentence.attributions.append(introduced)
        sentence.unattributed = not sentence.attributions
    _statement_bodies(sentences, text, rules)


# a name line that signs the quotation before it: "“...” – Cmdr. Ana Ruiz, Exercise Director."
_SIGNATURE = re.compile(r"[\s—–-]*")
_AFTER_SIGNATURE = re.compile(r"\s*(?:,[^.;:“”\"]*)?\.?\s*$")
# a sentence that hands the rest of the text to a statement: "Adm. Reyes issued the
# following statement:", "The following is a statement from the ministry:"
_STATEMENT_FOLLOWS = re.compile(
    r"\b(?:the\s+following\s+(?:statement|remarks|message|comments)|following\s+is\s+(?:a|the)"
    r"\s+(?:statement|message)\s+(?:from|by))\b[^.!?]*:\s*$",
    re.IGNORECASE,
)
# "The following is according to court documents filed in the case:": the source is named
# in the introduction itself, and covers what follows
_FOLLOWING_FROM = re.compile(
    r"^[\s\"“]*the\s+following(?:\s+\w+)?\s+(?:is|are|was|were)\s+(?:according\s+to|taken\s+from|"
    r"based\s+on|drawn\s+from|from)\s+(?P<source>[^:]+?)\s*:\s*$",
    re.IGNORECASE,
)


def _named(span_text: str, start: int, end: int, why: RuleRef, kind: Kind) -> Attribution:
    name = Span(start=start, end=end, text=span_text)
    return Attribution(
        start=start,
        end=end,
        text=span_text,
        why=why,
        form="inherited",
        cue=name,
        source=name,
        identified=detectors.IDENTIFIED[kind],
        kind=kind,
        refers_to=span_text,
        in_quote=False,
    )


def _signed_by(
    sentences: list[Sentence], paragraph_of: list[int], i: int, text: str, rules: RuleSet
) -> Attribution | None:
    """The person whose name alone follows a quotation, as press releases sign quotations
    ("“To fight as a team, we train as a team.” Navy Cmdr. Ana Ruiz, exercise director.")."""
    if i + 1 >= len(sentences) or paragraph_of[i + 1] - paragraph_of[i] > 1:
        return None
    after = sentences[i + 1]
    if after.attributions or after.speech == "direct":
        return None
    lead = _SIGNATURE.match(after.text).end()
    span = detectors.opening_person(after.text[lead:], rules)
    if span is None or span[0] > 1 or not _AFTER_SIGNATURE.fullmatch(after.text, lead + span[1]):
        return None
    start, end = after.start + lead + span[0], after.start + lead + span[1]
    return _named(text[start:end], start, end, detectors.SIGNED_QUOTE_RULE, "person")


def _statement_bodies(sentences: list[Sentence], text: str, rules: RuleSet) -> None:
    """After "X issued the following statement:", every later sentence with no source of
    its own is X's: press releases print a statement as plain paragraphs, unquoted. A
    statement printed in quotation marks is left to the quotations' own rules, and a
    later line ending in a colon ("Key accomplishments include:") ends the statement."""
    for i, sentence in enumerate(sentences):
        following = _FOLLOWING_FROM.match(sentence.text)
        if not following and not _STATEMENT_FOLLOWS.search(sentence.text):
            continue
        quoted = i + 1 < len(sentences) and _opens_quote(sentences[i + 1].text)
        span = (
            following.span("source") if following else detectors.opening_name(sentence.text, rules)
        )
        if span is None:
            m = re.search(r"\b(?:from|by)\s+(.+?)\s*:\s*$", sentence.text)
            phrase = m.group(1) if m else ""
            at = m.start(1) if m else 0
            kind = detectors.identify(phrase, rules)[1] if phrase else None
            if kind not in ("person", "organisation"):
                return
            span = (at, at + len(phrase))
        else:
            kind = detectors.identify(sentence.text[span[0] : span[1]], rules)[1]
            if kind is None:
                return
        start, end = sentence.start + span[0], sentence.start + span[1]
        for j, later in enumerate(sentences[i + 1 :], start=i + 1):
            if later.text.rstrip().endswith(":"):
                return
            if not all(a.form == "inherited" or a.in_quote for a in later.attributions):
                continue  # a sentence naming its own source
            # the author's, beside any source the author quotes ("The survey confirms ...")
            later.attributions = [a for a in later.attributions if a.in_quote] + [
                _named(text[start:end], start, end, detectors.STATEMENT_RULE, kind or "person")
            ]
            later.unattributed = False
            # a statement in quotation marks ends where they close, unless the next
            # paragraph opens them again; one printed plain runs to the end
            if quoted and _closes_quote(later.text) and not (
                j + 1 < len(sentences) and _opens_quote(sentences[j + 1].text)
            ):
                return
        return


def _introduced_by(
    sentences: list[Sentence], paragraph_of: list[int], i: int, text: str, rules: RuleSet
) -> Attribution | None:
    """The named person of the sentence that ends the paragraph before a quotation."""
    sentence = sentences[i]
    if i == 0 or not _opens_quote(sentence.text) or paragraph_of[i] - paragraph_of[i - 1] != 1:
        return None
    before = sentences[i - 1]
    if before.attributions or before.speech == "direct":
        return None
    span = detectors.opening_person(before.text, rules)
    if span is None:
        return None
    start, end = before.start + span[0], before.start + span[1]
    return _named(text[start:end], start, end, detectors.INTRODUCED_QUOTE_RULE, "person")


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


def analyze_file(
    path: Path | str,
    rules: RuleSet | Path | str | None = None,
    progress: ProgressFactory | None = None,
) -> Report:
    """Analyze a saved .html/.htm page or a .txt file.

    ``progress``: :func:`medialit.analyze.progress.terminal_bar` or ``notebook_bar``, to
    show a bar while a long file is analyzed.

    Raises :class:`medialit.analyze.inputs.InputError` (bad input, with a message for
    the learner) or :class:`medialit.content.problems.ContentError` (broken rules file).
    """
    refuse_url(str(path))
    path = Path(path)
    ruleset = resolve_rules(rules)
    extracted = load(path)
    name = printable_name(path.name)
    if progress is None:
        return analyze_extracted(extracted, ruleset, name)
    with progress(len(extracted.text)) as update:
        return analyze_extracted(extracted, ruleset, name, update)
