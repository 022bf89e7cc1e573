"""The house rules for elements not every brief has are applied only when the document calls
for them, and leaving them out changes nothing on the page.

A PDF made with every group applied must be byte for byte the PDF the writer makes with the
groups it chose: if a group were left out where its element is printed (a new call making a
heading, list, figure, table or superscript, say), the pages would differ.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import briefexport
from briefexport.model import Brief, Paragraph, Styled, Text, TextStyle
from briefexport.writers import typst as typst_writer
from briefexport.writers.typst.compile import Workspace
from briefexport.writers.typst.context import Layout
from briefexport.writers.typst.markup import array
from briefexport.writers.typst.style import HOUSE_FILE, RULE_GROUPS, rule_groups
from support.paths import URDU, example_paths
from support.typst import metadata, typst_options


def every_group(_document: str) -> str:
    return array(RULE_GROUPS)


def nested_scripts() -> Brief:
    """A superscript in a superscript: the one case the script rules change."""
    inner = Styled(TextStyle.SUPERSCRIPT, (Text("b"),))
    text = Paragraph((Text("x"), Styled(TextStyle.SUPERSCRIPT, (Text("a"), inner))))
    return Brief(metadata(), (text,), ())


BRIEFS = [*example_paths(), URDU, None]


@pytest.mark.parametrize("path", BRIEFS, ids=lambda path: path.name if path else "scripts")
def test_the_chosen_groups_print_what_every_group_prints(
    path: Path | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    brief = briefexport.load(path) if path else nested_scripts()
    options = typst_options(brief)
    chosen = typst_writer.write(brief, options)
    monkeypatch.setattr(typst_writer, "rule_groups", every_group)
    assert typst_writer.write(brief, options) == chosen


def test_the_feature_tour_calls_for_every_group() -> None:
    # so that the test above compares every group where its elements are printed
    brief = briefexport.load(next(p for p in example_paths() if p.name == "feature-tour.xml"))
    options = typst_options(brief)
    with Workspace(options.brand, options.style_dir) as workspace:
        _, source = typst_writer.brief_to_typst(brief, options, Layout(), workspace)
    assert f"rules: {array(RULE_GROUPS)}" in source


@pytest.mark.parametrize(
    ("document", "groups"),
    [
        ("#heading(level: 1)[A]", "(heading-rules,)"),
        ("#notes-section([Notes], [x])", "(heading-rules,)"),
        ("#abstract([Abstract], [x])", "(heading-rules,)"),
        ("#figure(table(columns: 2)[a][b])", "(figure-rules, table-rules)"),
        ("a#super[2] #enum([x])", "(script-rules, list-rules)"),
        ("Plain text\\, \\#heading\\(", "()"),
    ],
)
def test_a_group_is_chosen_by_the_calls_making_its_elements(document: str, groups: str) -> None:
    assert rule_groups(document) == groups


def test_every_group_is_a_house_function() -> None:
    defined = re.findall(r"^#let ([a-z-]+-rules)\(body\)", HOUSE_FILE.read_text(), re.MULTILINE)
    assert defined == list(RULE_GROUPS)
