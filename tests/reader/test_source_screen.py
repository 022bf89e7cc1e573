"""The reader's look at a brief's bytes flags exactly the characters no brief may hold (as
:mod:`briefexport.shared.characters` defines them), in their UTF-8 bytes, and any character
reference, which may name one; only a brief it flags has its tree searched for them."""

from __future__ import annotations

import pytest

from briefexport.reader import checks, parse_brief
from briefexport.reader.source_screen import may_hold_forbidden
from briefexport.shared.characters import FORBIDDEN_CHARACTERS
from support.small_brief import BRIEF, edited

ASTRAL = (0x10000, 0x1FFFE, 0x1FFFF, 0x10FFFE, 0x10FFFF)


def test_each_character_is_flagged_exactly_when_no_brief_may_hold_it() -> None:
    points = [*range(0xD800), *range(0xE000, 0x10000), *ASTRAL]
    wrong = [
        hex(point)
        for point in points
        if may_hold_forbidden(f"a{chr(point)}b".encode())
        != bool(FORBIDDEN_CHARACTERS.search(chr(point)))
    ]
    assert wrong == []


def test_a_character_reference_is_flagged_whatever_it_names() -> None:
    assert may_hold_forbidden(b"<p>a&#65;b</p>")
    assert not may_hold_forbidden(b"<p>a&amp;b \xc2\xa0\xc2\x85\t\r\n</p>")


def test_only_a_flagged_brief_has_its_tree_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    searched: list[object] = []

    def search(root: object) -> list[object]:
        searched.append(root)
        return []

    monkeypatch.setattr(checks, "forbidden_in_tree", search)
    parse_brief(BRIEF.encode())
    assert searched == []
    parse_brief(edited("Walls need care", "Walls need &#65;care").encode())
    assert len(searched) == 1
