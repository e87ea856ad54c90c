"""Fixtures for the analyzer tests: rules loaded once, a helper to analyze a snippet."""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.analyze import analyze_text, load_rules

ARTICLES = Path(__file__).with_name("articles")


@pytest.fixture(scope="session")
def rules():
    return load_rules()


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("MEDIALIT_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def one(rules):
    """Analyze text and return its only (or first) sentence."""

    def run(text: str):
        report = analyze_text(text, rules)
        assert report.sentences, f"no sentence found in {text!r}"
        return report.sentences[0]

    return run
