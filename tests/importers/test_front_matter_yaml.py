"""What the Markdown importer's YAML reader refuses in front matter, each at its line and column:
aliases and anchors, non-standard tags, deep nesting, duplicate keys, control characters,
values of the wrong type, impossible dates (without follow-on errors); and a missing key, reported
at the front matter's first line."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefexport.errors import InvalidBriefError, Severity
from briefexport.importers import import_file
from briefexport.inlines import plain_text

FRONT = """---
title: A short note
authors: [Jane Doe]
date: 2025-01-02
publisher: Some Institute
series: Note
---

Text.
"""


def _errors(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "bad.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidBriefError) as caught:
        import_file(path)
    errors = [d for d in caught.value.diagnostics if d.severity is Severity.ERROR]
    return [f"{d.line}:{d.column}: {d.message}" for d in errors]


def _alias_levels(levels: int) -> str:
    lines = ["a0: &a0 [x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 3)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def test_anchor_is_refused_where_it_stands(tmp_path: Path) -> None:
    errors = _errors(tmp_path, FRONT.replace("series: Note\n", "series: Note\n" + _alias_levels(3)))
    assert errors == [
        "7:5: front matter cannot use YAML anchors (&a0): a brief has no value to repeat"
    ]


def test_alias_is_refused_where_it_stands(tmp_path: Path) -> None:
    errors = _errors(tmp_path, FRONT.replace("series: Note", "series: *s"))
    assert errors == ["6:9: front matter cannot use YAML aliases (*s): write the value itself"]


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    errors = _errors(tmp_path, FRONT.replace("series: Note", "series: " + "[" * 40 + "]" * 40))
    assert len(errors) == 1
    assert errors[0].startswith("6:")
    assert "nests over" in errors[0]


def test_many_values_are_refused(tmp_path: Path) -> None:
    errors = _errors(tmp_path, FRONT.replace("series: Note", "series: [" + "x, " * 20_000 + "]"))
    assert len(errors) == 1
    assert "front matter holds over" in errors[0]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("!!set {a, b}", "2:8: front matter cannot use the YAML tag !!set"),
        ("!!binary aGVsbG8=", "2:8: front matter cannot use the YAML tag !!binary"),
        ("!!python/tuple [a, b]", "2:8: front matter cannot use the YAML tag !!python/tuple"),
        ("!shout hi", "2:8: front matter cannot use the YAML tag !shout"),
        ("[a, b]", "2:8: 'title' must be text, not a list"),
        ("{a: b}", "2:8: 'title' must be text, not a mapping"),
        ('"Co\\x01ol"', "2:8: control character U+0001 cannot appear in a brief"),
        ('"Co\\0ol"', "2:8: control character U+0000 cannot appear in a brief"),
    ],
)
def test_title_of_wrong_kind(tmp_path: Path, value: str, expected: str) -> None:
    assert _errors(tmp_path, FRONT.replace("A short note", value)) == [expected]


def test_nested_control_character_and_wrong_types(tmp_path: Path) -> None:
    extra = 'keywords: [ok, [a], "b\\x7f"]\ncopyright: {year: 123456789012, holder: [x]}\n'
    errors = _errors(tmp_path, FRONT.replace("series: Note\n", "series: Note\n" + extra))
    assert errors == [
        "7:21: control character U+007F cannot appear in a brief",
        "7:16: 'keywords.1' must be text, not a list",
        "8:41: 'copyright.holder' must be text, not a list",
        "8:19: 'copyright.year' must be a year such as 2024, not 123456789012",
    ]


def test_duplicate_key_is_an_error(tmp_path: Path) -> None:
    text = FRONT.replace("series: Note", "series: Note\ntitle: Another")
    assert _errors(tmp_path, text) == [
        "7:1: key 'title' is given twice (first on line 2); keep one"
    ]


def test_scalars_of_text_keys_stay_as_written(tmp_path: Path) -> None:
    path = tmp_path / "typed.md"
    path.write_text(FRONT.replace("A short note", "1.10").replace("Note", "yes"), "utf-8")
    brief = import_file(path)
    assert (plain_text(brief.meta.title), brief.meta.series) == ("1.10", "yes")


def test_impossible_date_has_no_follow_on_errors(tmp_path: Path) -> None:
    references = "references:\n  - {id: ref1, citation: A book, type: book}\n"
    front = FRONT.replace("2025-01-02", "2025-02-30").replace("series: Note\n", references)
    text = front.replace("Text.", "Text [@ref1]{.cite}.")
    assert _errors(tmp_path, text) == ["4:7: 2025-02-30 is an impossible date: no such day exists"]


def test_unreadable_front_matter_stops_before_the_body(tmp_path: Path) -> None:
    text = FRONT.replace("series: Note", "series: [unclosed").replace("Text.", "[@ref1]{.cite}")
    errors = _errors(tmp_path, text)
    assert len(errors) == 1
    assert "not valid YAML" in errors[0]


def test_a_language_the_brief_cannot_hold_is_an_error_at_its_value(tmp_path: Path) -> None:
    text = FRONT.replace("series: Note", "series: Note\nlanguage: en_GB")
    assert _errors(tmp_path, text) == [
        "7:11: language 'en_GB' is not a BCP 47 language tag such as 'en-GB'; write 'en-GB'"
    ]


def test_a_persons_fields_of_the_wrong_type_are_errors_at_the_person(tmp_path: Path) -> None:
    person = (
        "authors: [{name: Jane Doe, role: [a, b], affiliation: {institution: X, country: [c]}}]"
    )
    text = FRONT.replace("authors: [Jane Doe]", person)
    assert _errors(tmp_path, text) == [
        "3:1: 'role' must be text, not a list",
        "3:1: 'country' must be text, not a list",
    ]


def test_an_unknown_key_yaml_reads_as_a_truth_value_is_placed_at_its_line(tmp_path: Path) -> None:
    text = FRONT.replace("series: Note", "series: Note\nyes: 1")
    (error,) = _errors(tmp_path, text)
    assert error.startswith("7:1: unknown front matter key True")


def test_a_missing_key_is_placed_at_the_start_not_in_a_value_that_reads_like_it(
    tmp_path: Path,
) -> None:
    # a line of a quoted value may begin as the key would; the key is still missing
    series = 'series: "Note\ntitle: of the series"'
    text = FRONT.replace("title: A short note\n", "").replace("series: Note", series)
    assert _errors(tmp_path, text) == ["1:1: the brief needs a title"]
