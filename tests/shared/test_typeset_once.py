"""The typeset brief is made once per brief object and thread, and is always the given brief's."""

from __future__ import annotations

import threading
from dataclasses import replace

from briefexport.model import Brief
from briefexport.reader import read_brief
from briefexport.shared.typeset import typeset
from support.paths import HARBOUR


def _harbour() -> Brief:
    brief, _ = read_brief(HARBOUR)
    return brief


def test_the_same_brief_is_typeset_once_and_its_twin_again() -> None:
    brief = _harbour()
    first = typeset(brief)
    assert typeset(brief) is first
    twin = _harbour()
    again = typeset(twin)
    assert again is not first
    assert again == first
    assert typeset(brief, smart=False) is brief


def test_another_brief_in_between_gives_each_its_own_text() -> None:
    brief = _harbour()
    other = replace(brief, meta=replace(brief.meta, title=()))
    first = typeset(brief)
    assert typeset(other).meta.title == ()
    assert typeset(brief) == first
    assert typeset(brief).meta.title != ()


def test_each_thread_typesets_for_itself() -> None:
    brief = _harbour()
    mine = typeset(brief)
    theirs: list[Brief] = []
    thread = threading.Thread(target=lambda: theirs.append(typeset(brief)))
    thread.start()
    thread.join()
    assert theirs[0] == mine
    assert theirs[0] is not mine
