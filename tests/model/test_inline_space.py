"""The normal form of inline content: every kind of XML whitespace run becomes one space (the
regular expression runs only on texts holding such a run, so each kind is checked here)."""

from __future__ import annotations

import pytest

from briefexport.inlines import canonical, collapse_space
from briefexport.model import Link, SourcePosition, Styled, Text, TextStyle


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("one two", "one two"),
        ("one  two", "one two"),
        ("one\ntwo", "one two"),
        ("one\ttwo", "one two"),
        ("one\r\n  two", "one two"),
        (" one \u00a0 two ", "one \u00a0 two"),  # U+00A0 is text, not XML whitespace
    ],
)
def test_collapse_space(source: str, expected: str) -> None:
    assert collapse_space(source) == expected


def test_canonical_collapses_runs_across_formatting() -> None:
    inlines = (Text("a \n"), Styled(TextStyle.BOLD, (Text("\tb\t\tc  "),)), Text("  d\r"))
    assert canonical(inlines) == (
        Text("a "),
        Styled(TextStyle.BOLD, (Text("b c "),)),
        Text("d"),
    )


def test_content_already_in_normal_form_comes_back_as_it_is() -> None:
    link = Link("https://a.example", (Text("a"), Styled(TextStyle.ITALIC, (Text(" b"),))))
    normal = (Text("one "), link, Text(" two"))
    assert canonical(normal) is normal  # nothing made anew where nothing changes
    changed = canonical((*normal, Text(" ")))
    assert changed == normal
    assert changed[1] is link


def test_a_changed_link_keeps_its_target_and_source() -> None:
    where = SourcePosition(3, 7)
    (link,) = canonical((Link("https://a.example", (Text(" a  b "),), where),))
    assert isinstance(link, Link)
    assert (link.href, link.children, link.source) == ("https://a.example", (Text("a b"),), where)
