"""The installed fonts' coverage is listed once, in the background when asked early."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from briefexport.shared import coverage
from briefexport.writers.pdf import glyphs
from support.paths import REPO
from support.skips import needs_tool

NEEDS_FC_LIST = needs_tool(shutil.which("fc-list") is not None, "fc-list", "fontconfig")


@pytest.fixture
def fresh_listing(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """No coverage listed yet; records the thread of each listing made."""
    calls: list[int] = []
    listing = coverage._list_installed_charsets

    def counted() -> tuple[tuple[Path, str], ...]:
        calls.append(threading.get_ident())
        return listing()

    monkeypatch.setattr(coverage, "_installed", None)
    monkeypatch.setattr(coverage, "_list_installed_charsets", counted)
    return calls


@NEEDS_FC_LIST
def test_prefetched_listing_is_used_once(fresh_listing: list[int]) -> None:
    thread = coverage.prefetch_installed_charsets()
    assert thread is not None
    thread.join()
    assert glyphs.missing_characters(["\U0010fffd and text"], REPO / "styles") == ["\U0010fffd"]
    assert coverage.prefetch_installed_charsets() is None  # listed already: no second thread
    assert glyphs.missing_characters(["\u00e9"], REPO / "styles") == []
    assert len(fresh_listing) == 1
    assert fresh_listing[0] != threading.get_ident()  # it ran in the background thread


@NEEDS_FC_LIST
def test_listing_without_prefetch_runs_here(fresh_listing: list[int]) -> None:
    assert glyphs.missing_characters(["text"], REPO / "styles") == []
    assert fresh_listing == [threading.get_ident()]
