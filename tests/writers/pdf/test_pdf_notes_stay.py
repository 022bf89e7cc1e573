"""The in-layout correction of WeasyPrint's stray notes: its guard and its scope."""

from __future__ import annotations

import threading
from types import SimpleNamespace
from typing import Any

import pytest
import weasyprint
from weasyprint.layout import block

from briefexport.writers.pdf import notes_stay, pinned
from support.pinned import SUPPORTED


def reviewed_function() -> Any:
    current = block._linebox_layout
    return getattr(current, "__wrapped__", current)


@pytest.mark.skipif(not SUPPORTED, reason="another WeasyPrint: the fallback is used instead")
def test_installed_weasyprint_is_the_reviewed_one() -> None:
    assert notes_stay.is_reviewed(reviewed_function(), weasyprint.__version__)
    assert notes_stay.install()
    assert block._linebox_layout.__wrapped__ is reviewed_function()


def test_another_version_is_refused() -> None:
    assert not notes_stay.is_reviewed(reviewed_function(), "71.0")


def test_a_changed_function_is_refused() -> None:
    def _linebox_layout(context: Any, *args: Any) -> None:
        return None

    assert not notes_stay.is_reviewed(_linebox_layout, pinned.SUPPORTED_VERSION)


def test_a_wrapped_function_is_refused() -> None:
    wrapped = notes_stay._wrap(reviewed_function())
    assert not notes_stay.is_reviewed(wrapped, pinned.SUPPORTED_VERSION)


def test_view_reads_as_in_columns_and_writes_through() -> None:
    real = SimpleNamespace(in_column=False, page_bottom=100.0)
    real.shrink = lambda: setattr(
        real, "page_bottom", real.page_bottom - (10 if real.in_column else 1)
    )
    view: Any = notes_stay._NoReportContext(real)
    assert view.in_column is True
    view.shrink()  # methods see the real context, which is not in columns
    assert real.page_bottom == 99.0
    view.page_bottom = 50.0
    assert real.page_bottom == 50.0


class Note:
    """A stand-in note box that, like any object, differs from None."""


def test_view_answers_pending_notes_from_the_real_list() -> None:
    first, second, placed = Note(), Note(), Note()
    real = SimpleNamespace(in_column=False, footnotes=[first, second])
    view: Any = notes_stay._NoReportContext(real)
    assert None not in view.footnotes
    assert first in view.footnotes
    assert placed not in view.footnotes
    assert view.footnotes
    assert len(view.footnotes) == 2
    assert list(view.footnotes) == [first, second]
    real.footnotes.remove(first)  # placed meanwhile: the view reads the list as it is now
    assert first not in view.footnotes
    real.footnotes = []  # WeasyPrint replaces the list between its layout passes
    assert not view.footnotes
    view.footnotes.append(second)  # other list methods reach the real list
    assert real.footnotes == [second]


def seen_contexts() -> tuple[list[object], Any]:
    seen: list[object] = []
    return seen, notes_stay._wrap(lambda context, *args: seen.append(context))


def test_wrapper_acts_only_inside_the_block(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(notes_stay, "install", lambda: True)
    seen, wrapper = seen_contexts()
    real = SimpleNamespace(in_column=False)
    wrapper(real)
    with notes_stay.keeping_notes_with_calls() as active:
        assert active
        wrapper(real)
    wrapper(real)
    assert seen[0] is real
    assert seen[2] is real
    assert isinstance(seen[1], notes_stay._NoReportContext)


def test_wrapper_leaves_real_columns_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(notes_stay, "install", lambda: True)
    seen, wrapper = seen_contexts()
    in_columns = SimpleNamespace(in_column=True)
    with notes_stay.keeping_notes_with_calls():
        wrapper(in_columns)
    assert seen == [in_columns]


def test_other_threads_are_untouched(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(notes_stay, "install", lambda: True)
    seen, wrapper = seen_contexts()
    real = SimpleNamespace(in_column=False)
    with notes_stay.keeping_notes_with_calls():
        other = threading.Thread(target=wrapper, args=(real,))
        other.start()
        other.join()
    assert seen == [real]


def test_inactive_when_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(notes_stay, "install", lambda: False)
    seen, wrapper = seen_contexts()
    real = SimpleNamespace(in_column=False)
    with notes_stay.keeping_notes_with_calls() as active:
        assert not active
        wrapper(real)
    assert seen == [real]
