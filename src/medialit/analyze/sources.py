"""What kind of source a phrase names, in the course's categories, from its structure.

Lesson 3 sorts sources into named people and organisations, described sources (a role
or a group: "officials", "police", "a senior official"), anonymous ones ("people
familiar with the matter") and documents ("a report", "a court filing"). A capital
letter alone decides nothing: "Officials said" opens a sentence with a capital and is
described, while "the G7 Foreign Ministers" is a named body. So the phrase is read as
a noun phrase:

1. a phrase that withholds a name ("familiar with", "on condition of anonymity"),
   in the source or right after it, or a head noun such as "sources": *anonymous*;
2. the core of the phrase is cut from it: leading determiners go, and it ends at a
   comma, a bracket or a preposition, unless a capitalised name carries on
   ("Department of Homeland Security", "Secretary of the Navy John Phelan");
3. a head noun in lower case (or capitalised only because it opens the sentence) is a
   *document* if it is a document noun, else *described*;
4. a capitalised head is an *organisation* if it is an organisation word or an
   acronym, a *person* if a title stands in the core or a name follows a role noun in
   lower case ("Council leader Tom Reyes"), an *organisation* if an
   organisation word does, a named body (*organisation*) if it is a role noun
   ("Foreign Ministers"), and otherwise a *person*.

The word lists are data (``rules/sources.yaml``); this module is only the grammar.
"""

from __future__ import annotations

import re
from typing import Literal

from medialit.analyze.rules import SourceWords

Kind = Literal["person", "organisation", "described", "anonymous", "document"]
KINDS: tuple[Kind, ...] = ("person", "organisation", "described", "anonymous", "document")

_WORD = re.compile(r"[^\W_][\w’'.&-]*")
_WORD_OR_COMMA = re.compile(r"[^\W_][\w’'.&-]*|,")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
DETERMINERS = {
    "a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their", "our",
    "some", "many", "several", "all", "two", "three", "four", "five", "other", "another",
    "one", "both", "most", "few",
}  # fmt: skip
CUT = {
    ",", "of", "for", "from", "at", "with", "within", "in", "on", "by", "who", "whom",
    "which", "that", "developed", "published", "released", "written", "issued", "led",
    "based", "working", "speaking", "familiar", "close", "briefed", "and", "or", "to",
    "under", "across", "over", "near", "after", "before", "during", "as", "like", "about",
}  # fmt: skip
NAME_LINKS = {"of", "for", "de", "the", "and", "&"}


def without_possessive(word: str) -> str:
    """'NOAA’s' -> 'NOAA', 'Officials’' -> 'Officials'."""
    if word.endswith(("’s", "'s")):
        return word[:-2]
    if word.endswith(("’", "'")):
        return word[:-1]
    return word


def plain_word(word: str) -> str:
    """'Gen.' -> 'gen', 'Officials’' -> 'officials', 'NOAA’s' -> 'noaa'."""
    return without_possessive(word).rstrip(".").lower()


# a surname that opens with a lower-case particle: "el-Sissi", "al-Assad", "bin Salman"
_PARTICLE = re.compile(r"(?:al|el|ad|as|ash|ben|bin|ibn|abu|de|di|da|du|van|von|le|la)-[A-Z]")


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit() or bool(_PARTICLE.match(word))


def core(phrase: str) -> list[str]:
    """The words of the phrase's head noun phrase, determiners and modifiers after it cut."""
    phrase = _BRACKETS.sub(" ", phrase)
    words = _WORD_OR_COMMA.findall(phrase)
    while words and plain_word(words[0]) in DETERMINERS and len(words) > 1:
        words.pop(0)
    out: list[str] = []
    for i, word in enumerate(words):
        low = word.lower()
        participle = word.islower() and low.endswith("ed") and len(low) > 4
        following = words[i + 1] if i + 1 < len(words) else ""
        if low == "in" and out and _capitalised(out[-1]) and following in TITLE_IN:
            out.append(word)  # a title: "Assistant Director in Charge", "Commander in Chief"
            continue
        if out and (low in CUT or word == "," or participle):  # "data compiled by"
            # a name goes on through 'of', 'for', 'the': "Department of Homeland Security"
            rest = words[i + 1 : i + 3]
            if low in NAME_LINKS and _capitalised(out[-1]) and rest:
                nxt = rest[0] if rest[0].lower() != "the" or len(rest) < 2 else rest[1]
                if _capitalised(nxt):
                    out.append(word)
                    continue
            break
        if word == ",":
            continue
        out.append(word)
    while out and out[-1].lower() in NAME_LINKS:
        out.pop()
    while len(out) > 1 and (plain_word(out[-1]) in SUFFIXES or ROMAN.match(out[-1])):
        out.pop()  # "Dwayne D. Key II", "Martin Luther King Jr."
    return out or words[:1]


SUFFIXES = {"jr", "sr", "phd", "md", "esq"}
TITLE_IN = {"Charge", "Chief"}  # "in" inside a title: "Director in Charge"
# a kind of source given by a named example: "groups like Amnesty International"
_EXAMPLE = re.compile(r"\b(?:like|such as|including)\s+((?:the\s+)?(?:[A-Z][\w.’'&-]*\s*)+)$")
ROMAN = re.compile(r"^[IVX]+$")


# words of quantity whose noun follows "of": "Dozens of residents", "Two of the judges"
PARTITIVES = {
    "dozens", "hundreds", "thousands", "millions", "scores", "some", "many", "most", "several",
    "few", "none", "all", "both", "each", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "majority", "minority", "number", "group", "handful", "couple",
    "half", "rest", "members", "member",
}  # fmt: skip


PARTITIVE = re.compile(r"\s*(?:(?:the|a)\s+)?([\w-]+)\s+of\s+(.+)$", re.IGNORECASE)


_THE = re.compile(r"\s*the\s", re.IGNORECASE)


def head_of(words: list[str]) -> str:
    """The head noun: the last word before a linking 'of' ('Ministers' in 'the G7
    Foreign Ministers of Canada'), else the last word. After a possessive the head is what
    is owned ("the University of Michigan's survey": the survey); after a word of quantity
    it is what is counted ("Dozens of residents": residents)."""
    link = next(
        (i for i, w in enumerate(words[1:], start=1) if w.lower() in {"of", "for", "de"}),
        len(words),
    )
    # a possessive before any "of", or before a common noun: "the University of Michigan's
    # survey" is a survey, but "Galeotti of the Justice Department's Criminal Division" is
    # Galeotti
    owned = [
        i
        for i, w in enumerate(words[:-1])
        if _POSSESSIVE.search(w) and (i < link or all(x.islower() for x in words[i + 1 :]))
    ]
    if owned:
        return head_of(words[owned[-1] + 1 :])
    if link < len(words):
        if words[link - 1].lower() in PARTITIVES and link + 1 < len(words) and link <= 3:
            return head_of(words[link + 1 :])
        return words[link - 1]
    return words[-1]


_POSSESSIVE = re.compile(r"[’']s?$")


def classify(phrase: str, after: str, at_sentence_start: bool, words: SourceWords) -> Kind:
    """The kind of source ``phrase`` names; ``after`` is the text right after it."""
    sets = words.sets
    own = " ".join(phrase.lower().split())
    window = " ".join(f"{phrase} {after[:80]}".lower().split())
    # a phrase ("on condition of anonymity") may follow the source; a lone adjective
    # ("anonymous") must stand in it: "the complaint, Jubair ... kept himself anonymous"
    phrases, single = words.anonymous_markers
    if (phrases and phrases.search(window)) or (single and single.search(own)):
        return "anonymous"
    partitive = PARTITIVE.match(phrase)
    if partitive and partitive.group(1).lower() in PARTITIVES:
        # "Dozens of residents", "Two of the judges": what is counted decides
        return classify(partitive.group(2), after, False, words)
    head_words = core(phrase)
    if not head_words:
        return "described"
    example = _EXAMPLE.search(phrase)
    kind_word = head_of(head_words)
    if example and (
        not _capitalised(kind_word) or (at_sentence_start and kind_word == head_words[0])
    ):
        # "groups like Amnesty International": the reader can check the group it names
        return classify(example.group(1), after, False, words)
    head = head_of(head_words)
    plain = plain_word(head)
    if plain in sets["anonymous_heads"]:
        return "anonymous"
    if plain in sets["groups"]:
        return "described"  # "Ukrainians say", "many Republicans": a group, capitals or not
    last = len(head_words) - 1
    named_place = " ".join(
        plain_word(w) if i == last else w.lower() for i, w in enumerate(head_words)
    )
    if named_place in sets["places"]:
        return "organisation"  # a place that speaks stands for its government: "China rejects"
    first = _WORD.findall(phrase)[:1]
    # capitalised only because it opens the sentence: "Officials said", "Police say"
    opening_only = at_sentence_start and first == [head]
    if not _capitalised(head) or (opening_only and plain in words.union("roles", "documents")):
        if plain in sets["documents"]:
            return "document"
        return _definite(phrase, head_words, sets) or "described"
    plains = [plain_word(w) for w in head_words]
    if _acronym(head) and plain in sets["roles"]:
        return _definite(phrase, head_words, sets) or "described"  # "the CEO": a role
    if plain in sets["organisations"] or _acronym(head):
        return "organisation"
    if any(p in sets["titles"] for p in plains[:-1]) or _role_then_name(head_words, sets):
        return "person"
    if _titled_name(head_words, sets):
        return "person"
    if plain in NAMED_DOCUMENT_HEADS and not opening_only:
        # "the FRA Compliance Review Report", "the Annual Energy Outlook": a titled document,
        # whatever body's name it carries
        return "document"
    if any(p in sets["organisations"] for p in plains):
        return "organisation"
    if plain in sets["documents"] and not opening_only:
        return "document"
    if plain in sets["roles"]:
        return "organisation"  # a capitalised role noun mid-phrase: "the Foreign Ministers"
    titled = any(p in sets["titles"] for p in plains)
    if head[:1].isdigit():
        return "described"  # "The 45-year-old": an age, no name
    if _THE.match(phrase) and not titled and head[:1].isupper():
        return "organisation"  # a person's name takes no "the": "the Federal Reserve"
    return "person"


# the last word of a document's title (not of a newspaper's name: "Post", "Record", "Review")
NAMED_DOCUMENT_HEADS = {
    "report", "survey", "study", "assessment", "outlook", "estimates", "summary", "index",
    "census", "strategy", "audit", "analysis", "forecast", "memorandum", "memo", "plan",
    "statement", "indictment", "complaint", "declaration", "communique", "agreement", "treaty",
}  # fmt: skip


# "Germany’s chancellor": a capitalised place's office, held by one person
_POSSESSIVE_PLACE = re.compile(r"\s*[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*[’']s?\s")


def _definite(phrase: str, head_words: list[str], sets: dict[str, frozenset[str]]) -> Kind | None:
    """'the Russian president' or 'the French prime minister' is one person anyone can look
    up: a country's office has one holder at a time. 'the mayor' (of where?) and 'the
    Ukrainian military' (which unit?) stay described, as lesson 3 sorts them."""
    if not _THE.match(phrase) and not _POSSESSIVE_PLACE.match(phrase):
        return None
    lower = [w.lower() for w in head_words]
    for size in (3, 2, 1):
        tail = " ".join(lower[-size:])
        if len(lower) > size and tail in sets["offices"] and _capitalised(head_words[-size - 1]):
            return "person"
    return None


def _role_then_name(words: list[str], sets: dict[str, frozenset[str]]) -> bool:
    """'Council leader Tom Reyes', 'Harbour Authority spokeswoman Ines Costa': a word in
    lower case, then only capitalised words up to the end, is a role before a name."""
    lower = [i for i, w in enumerate(words) if not _capitalised(w) and w.lower() not in NAME_LINKS]
    if not lower or lower[-1] == len(words) - 1:
        return False
    return plain_word(words[-1]) not in sets["organisations"]


def _titled_name(words: list[str], sets: dict[str, frozenset[str]]) -> bool:
    """'Senate Majority Leader John Thune', 'Acting U.S. Attorney Jane Park': a role noun
    used as a title, then at least two capitalised words that are no organisation word,
    is a person, even when an organisation word ('Senate') stands before the role."""
    plains = [plain_word(w) for w in words]
    roles, organisations = sets["roles"], sets["organisations"]
    for i, p in enumerate(plains[:-2]):
        if (p in roles and p not in organisations) or p in sets["titles"]:
            name = plains[i + 1 :]
            if (
                len(name) >= 2
                and all(_capitalised(w) for w in words[i + 1 :])
                and not any(w in organisations or w in roles for w in name)
            ):
                return True
    return False


def _acronym(word: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", without_possessive(word))
    return len(letters) >= 2 and letters.isupper() and "." not in word
