"""CSV cells that are safe to open in a spreadsheet."""

from __future__ import annotations

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV
# injection"); quoting the field does not stop it, a leading apostrophe does.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Text that a spreadsheet would run as a formula, prefixed with ``'``; numbers as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


__all__ = ["FORMULA_STARTS", "safe_cell"]
