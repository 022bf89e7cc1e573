"""The installed fonts' coverage is listed once, in the background when asked early."""

from __future__ import annotations

import shutil
import threading

import pytest

from briefexport.writers.pdf import glyphs
from support.paths import REPO


@pytest.fixture
def fresh_listing(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """No coverage listed yet; counts the listings made."""
    calls: list[int] = []
    listing = glyphs._list_charsets

    def counted() -> tuple[str, ...]:
        calls.append(threading.get_ident())
        return listing()

    monkeypatch.setattr(glyphs, "_charsets", None)
    monkeypatch.setattr(glyphs, "_list_charsets", counted)
    return calls


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig's fc-list is absent")
def test_prefetched_listing_is_used_once(fresh_listing: list[int]) -> None:
    thread = glyphs.prefetch_installed_charsets()
    assert thread is not None
    thread.join()
    assert glyphs.missing_characters(["\U0010fffd and text"], REPO / "styles") == ["\U0010fffd"]
    assert glyphs.prefetch_installed_charsets() is None  # listed already: no second thread
    assert glyphs.missing_characters(["\u00e9"], REPO / "styles") == []
    assert len(fresh_listing) == 1
    assert fresh_listing[0] != threading.get_ident()  # it ran in the background thread


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig's fc-list is absent")
def test_listing_without_prefetch_runs_here(fresh_listing: list[int]) -> None:
    assert glyphs.missing_characters(["text"], REPO / "styles") == []
    assert fresh_listing == [threading.get_ident()]
