"""Turn a saved file into text plus metadata, or explain in one sentence why not.

The analyzer never touches the network: it reads files only, and trafilatura
is called on the page's own bytes (``bare_extraction`` does not fetch; only
``fetch_url`` would, and it is never imported here).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from medialit.analyze.report import METADATA_FIELDS, Metadata

MAX_BYTES = 5 * 1024 * 1024
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}


class InputError(Exception):
    """The file cannot be analyzed; the message says why and what to do."""


@dataclass
class Decoded:
    text: str
    encoding: str
    notes: list[str] = field(default_factory=list)


@dataclass
class Extracted:
    kind: str  # "html" | "text"
    text: str
    encoding: str
    metadata: Metadata = field(default_factory=Metadata)
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def printable_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as surrogates) become
    U+FFFD, so a report can be printed and saved as JSON whatever the name."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def refuse_url(text: str) -> None:
    if re.match(r"^[a-z][a-z0-9+.-]*:/", text, re.IGNORECASE):
        raise InputError(
            "the analyzer reads saved files only, never the web: save the page "
            "(File > Save Page As) and pass the saved file"
        )


_NOT_REGULAR = (
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a saved file"),
    (stat.S_ISCHR, "is a device, not a saved file"),
    (stat.S_ISBLK, "is a device, not a saved file"),
    (stat.S_ISSOCK, "is a socket, not a saved file"),
    (stat.S_ISDIR, "is a folder, not a file"),
)


def _kind_problem(mode: int) -> str | None:
    for test, problem in _NOT_REGULAR:
        if test(mode):
            return problem
    return None if stat.S_ISREG(mode) else "is not a regular file"


def read_bytes(path: Path) -> bytes:
    """The file's bytes: regular files only, never more than :data:`MAX_BYTES`.

    A named pipe or a device would block or never end, so the kind of file is
    checked before opening it and again on the opened descriptor (it may have been
    swapped in between); the size cap is checked while reading, so a file that
    grows (or lies about its size) cannot fill memory.
    """
    refuse_url(str(path))
    try:
        before = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError("is a link to a file that does not exist") from None
        raise InputError("file not found") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError("is a symbolic link that points back to itself (a loop)") from None
        raise InputError(f"cannot be read: {exc.strerror}") from None
    problem = _kind_problem(before.st_mode)
    if problem:
        raise InputError(problem)
    too_big = (
        f"file is larger than {MAX_BYTES // 1024 // 1024} MB; the analyzer reads at most "
        f"{MAX_BYTES // 1024 // 1024} MB (save just the article, or split the text)"
    )
    if before.st_size > MAX_BYTES:
        raise InputError(
            f"file is {before.st_size / 1024 / 1024:.1f} MB; the analyzer reads at most "
            f"{MAX_BYTES // 1024 // 1024} MB (save just the article, or split the text)"
        )
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except PermissionError:
        raise InputError("permission denied: cannot read the file") from None
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror}") from None
    try:
        problem = _kind_problem(os.fstat(fd).st_mode)
        if problem:
            raise InputError(problem)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                break
            total += len(chunk)
            if total > MAX_BYTES:  # grew while read, or never ends
                raise InputError(too_big)
            chunks.append(chunk)
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror}") from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: an image, a PDF, a zip, not text."""
    head = data[:8192]
    if b"\x00" in head and not _utf16_bom(head):
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and control / len(head) > 0.05


def _utf16_bom(head: bytes) -> bool:
    return head.startswith((b"\xff\xfe", b"\xfe\xff"))


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._-]+)""", re.IGNORECASE)


def decode(data: bytes, html: bool = False) -> Decoded:
    """UTF-8 first; then the page's declared charset; then charset detection, with a note."""
    if _utf16_bom(data[:2]):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError as exc:
        position = exc.start
    if html:
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            name = declared.group(1).decode("ascii", "replace").lower()
            try:
                return Decoded(
                    data.decode(name), name, [f"not UTF-8; decoded as {name}, as the page declares"]
                )
            except (LookupError, UnicodeDecodeError):
                pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(
            f"not UTF-8 text (first bad byte at position {position}) and its encoding "
            "cannot be told: save the file as UTF-8"
        )
    return Decoded(
        str(best),
        best.encoding,
        [
            f"not UTF-8 (first bad byte at position {position}); the encoding was guessed as "
            f"{best.encoding}: check odd characters, or save the file as UTF-8"
        ],
    )


def is_html(path: Path, text: str) -> bool:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return True
    if suffix in TEXT_SUFFIXES:
        return False
    return bool(re.match(r"\s*(<!doctype\s+html|<html|<head|<body)", text[:1024], re.IGNORECASE))


def extract_html(html: str) -> Extracted:
    """Main text and provenance metadata with trafilatura, from the page alone."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html,
            url=None,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
        )
    except Exception as exc:  # trafilatura raises many kinds on malformed markup
        raise InputError(f"the HTML could not be read ({type(exc).__name__})") from None
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not text or not re.search(r"[^\W\d_]{2,}", text):
        raise InputError(
            "no article text found in this HTML page (a menu, a login wall or a script-only "
            "page?): save the article page itself, or copy its text into a .txt file"
        )
    values = {}
    for name in METADATA_FIELDS:
        value = getattr(document, name, None)
        values[name] = str(value).strip() if value else None
    metadata = Metadata(**values)
    missing = [name for name in METADATA_FIELDS if not values[name]]
    return Extracted("html", text, "", metadata, missing)


def extract_text(text: str) -> Extracted:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("file holds only white space: there is no text to analyze")
    # Plain text carries no provenance: every field is missing, and saying so is the lesson.
    return Extracted("text", text, "", Metadata(), list(METADATA_FIELDS))


def load(path: Path) -> Extracted:
    data = read_bytes(path)
    if not data.strip():
        raise InputError("file is empty: there is nothing to analyze")
    if looks_binary(data):
        raise InputError(
            "looks like a binary file (an image, PDF or archive?), not text or HTML: "
            "save the article as .html or copy its text into a .txt file"
        )
    suffix_html = path.suffix.lower() in HTML_SUFFIXES
    decoded = decode(data, html=suffix_html)
    html = is_html(path, decoded.text)
    extracted = extract_html(decoded.text) if html else extract_text(decoded.text)
    extracted.encoding = decoded.encoding
    extracted.notes = decoded.notes + extracted.notes
    if html and not suffix_html:
        extracted.notes.append("read as HTML because the file starts with HTML markup")
    return extracted
