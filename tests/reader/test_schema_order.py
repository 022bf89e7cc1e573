"""Children out of order: every one is reported in one run, one line each, at its own start tag,
and no more lines than the fewest moves that put the parent in order (a swap is one line)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from lxml import etree

from briefexport.reader.locate import Locator
from briefexport.reader.schema_check import check_structure
from support.positions import position
from support.small_brief import edited

Validate = Callable[[str], tuple[int, list[str]]]
META = edited(
    "</article-meta>",
    "<abstract><p>Short.</p></abstract><kwd-group><kwd>walls</kwd></kwd-group></article-meta>",
)
TITLE_GROUP = r"<title-group>.*?</title-group>\n"
CONTRIB_GROUP = r"<contrib-group>.*?</contrib-group>\n"
ABSTRACT, KEYWORDS = r"<abstract>.*?</abstract>", r"<kwd-group>.*?</kwd-group>"
CARE = "<p>Walls need care"


def swapped(text: str, first: str, second: str) -> str:
    """``text`` with the first matches of two patterns, ``first`` before ``second``, swapped."""
    one, two = re.search(first, text, re.DOTALL), re.search(second, text, re.DOTALL)
    assert one
    assert two
    assert one.end() <= two.start()
    middle = text[one.end() : two.start()]
    return text[: one.start()] + two.group(0) + middle + one.group(0) + text[two.end() :]


def errors(validate: Validate, text: str) -> list[str]:
    status, lines = validate(text)
    assert status == 2
    return lines


def test_two_swaps_in_one_parent_are_two_lines(validate: Validate) -> None:
    text = swapped(swapped(META, TITLE_GROUP, CONTRIB_GROUP), ABSTRACT, KEYWORDS)
    assert errors(validate, text) == [
        f"brief.xml:{position(text, '<title-group>')}: error: <title-group> must come before"
        " <contrib-group> in <article-meta>",
        f"brief.xml:{position(text, '<abstract>')}: error: <abstract> must come before"
        " <kwd-group> in <article-meta>",
    ]


def test_a_missing_element_and_a_swap_in_one_parent_are_both_said(validate: Validate) -> None:
    without_title = re.sub(TITLE_GROUP, "", META, count=1, flags=re.DOTALL)
    text = swapped(without_title, ABSTRACT, KEYWORDS)
    assert errors(validate, text) == [
        f"brief.xml:{position(text, '<contrib-group>')}: error: <article-meta> must start with"
        " <article-id>, <article-categories> or <title-group>; found <contrib-group>",
        f"brief.xml:{position(text, '<abstract>')}: error: <abstract> must come before"
        " <kwd-group> in <article-meta>",
    ]


def test_each_paragraph_after_a_subsection_gets_its_line(validate: Validate) -> None:
    section = "<sec><title>T</title><sec><title>U</title></sec><p>a</p><sec><title>V</title></sec>"
    text = edited("</body>", f"{section}<p>b</p></sec>\n</body>")
    assert errors(validate, text) == [
        f"brief.xml:{position(text, '<p>a')}: error: <p> must come before the first <sec> in <sec>",
        f"brief.xml:{position(text, '<p>b')}: error: <p> must come before the first <sec> in <sec>",
    ]


def test_a_subsection_before_three_paragraphs_is_one_line_not_three(validate: Validate) -> None:
    section = "<sec><title>T</title><sec><title>U</title></sec><p>a</p><p>b</p><p>c</p></sec>"
    text = edited("</body>", f"{section}\n</body>")
    assert errors(validate, text) == [
        f"brief.xml:{position(text, '<sec><title>U')}: error: <sec> cannot come before <p> in"
        " <sec>",
    ]


def test_the_second_of_two_alike_children_is_the_one_too_many(validate: Validate) -> None:
    second = "<title-group><article-title>Again</article-title></title-group>\n"
    text = edited("<contrib-group>", second + "<contrib-group>", META)
    assert errors(validate, text) == [
        f"brief.xml:{position(text, second)}: error: <title-group> cannot come after"
        " <title-group> in <article-meta>; expected <contrib-group>",
    ]


def test_many_order_problems_in_one_parent_stay_within_the_cap(validate: Validate) -> None:
    text = edited(CARE, "<sec><title>S</title></sec><p>x</p>\n" * 60 + CARE)
    lines = errors(validate, text)
    assert len(lines) == 51
    assert all(
        line.endswith("error: <sec> cannot come before <p> in <body>") for line in lines[:50]
    )
    assert lines[50].endswith("error: ... and more schema errors")


def test_a_sequence_in_order_after_the_moves_is_what_the_lines_say() -> None:
    """Moving each reported child away leaves a parent the pass reads without a problem."""
    text = swapped(swapped(META, TITLE_GROUP, CONTRIB_GROUP), ABSTRACT, KEYWORDS)
    root = etree.fromstring(text.encode())
    findings = check_structure(root, Locator("brief.xml", text.encode()))
    moved = [e for e, kinds in findings.flagged.items() if "place" in kinds]
    assert [str(e.tag) for e in moved] == ["title-group", "abstract"]
    meta = root.find("front/article-meta")
    assert meta is not None
    meta.remove(moved[0])
    meta.insert(0, moved[0])
    meta.find("kwd-group").addprevious(moved[1])  # type: ignore[union-attr]
    assert check_structure(root, Locator("brief.xml", b"")).diagnostics == []


def test_the_brief_these_tests_edit_is_valid() -> None:
    root = etree.fromstring(META.encode())
    assert check_structure(root, Locator("brief.xml", META.encode())).diagnostics == []


@pytest.mark.parametrize(
    "paragraphs",
    ["<p>One.</p><p>Two.</p>", "\n<p>One.</p>\n<p>Two.</p>\n", "<p>One.</p><p>Two.</p><p>3</p>"],
    ids=["two-on-one-line", "two-on-their-lines", "three"],
)
def test_a_title_after_paragraphs_is_one_line_in_our_words(
    validate: Validate, paragraphs: str
) -> None:
    text = edited("</body>", f"<sec>{paragraphs}<title>Head</title><p>Three.</p></sec>\n</body>")
    assert errors(validate, text) == [
        f"brief.xml:{position(text, '<title>Head')}: error: <title> must come before the first"
        " <p> in <sec>"
    ]


@pytest.mark.parametrize(
    "section",
    [
        "<sec><p>One.</p><title>Head</title></sec>",
        '<sec id="s1"><p>One.</p><title>Head</title><p>Two.</p></sec>',
        "<sec><title>Top</title><sec><p>One.</p><title>Head</title></sec></sec>",
    ],
    ids=["section", "section-with-id", "subsection"],
)
def test_a_title_after_one_paragraph_is_one_line_in_our_words(
    validate: Validate, section: str
) -> None:
    """libxml2's line (``Expecting element title, got p``) stands on the section's line and
    names the title: it is said by ours, at the paragraph, and not printed."""
    text = edited("</body>", f"{section}\n</body>")
    assert errors(validate, text) == [
        f"brief.xml:{position(text, '<p>One')}: error: <sec> must start with <title>; found <p>"
    ]
