"""The pass behind the schema messages (:mod:`briefexport.reader.schema_check`) against libxml2:
it never flags a valid brief, never hides a schema error it cannot explain, and agrees with the
schema on structural edits; the schema's patterns are read as XML Schema reads them.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from briefexport.options import default_options
from briefexport.reader import schema_messages
from briefexport.reader.locate import Locator
from briefexport.reader.schema_check import Findings, check_structure
from briefexport.reader.schema_values import python_pattern
from briefexport.writers import jats
from support.paths import REPO, example_paths, rtl_paths
from support.random_briefs import generated_brief
from support.small_brief import BRIEF, edited

Validate = Callable[[str], tuple[int, list[str]]]
SCHEMA = REPO / "src" / "briefexport" / "schema" / "brief.rng"


GENERATED = 30
FILES = {path.name: path for path in [*example_paths(), *rtl_paths()]}
VALID = [*FILES, "small", *(f"generated-{index}" for index in range(GENERATED))]


def valid_brief(name: str) -> bytes:
    """A valid brief by name: a shipped file, the small brief, or the JATS of generated brief
    ``index`` of run 7, made when its test runs (collection, in every test process, only names
    them)."""
    if name in FILES:
        return FILES[name].read_bytes()
    if name == "small":
        return BRIEF.encode()
    brief = generated_brief(7, int(name.removeprefix("generated-")))
    return jats.write(brief, default_options(brief))


@pytest.mark.parametrize("name", VALID)
def test_the_pass_flags_nothing_in_a_valid_brief(name: str) -> None:
    data = valid_brief(name)
    root = etree.fromstring(data)
    findings = check_structure(root, Locator(name, data))
    assert findings.diagnostics == []
    assert findings.flagged == {}


def test_a_schema_error_the_pass_cannot_explain_is_still_reported(validate: Validate) -> None:
    text = edited("<surname>Mensah</surname>", "<surname> </surname>")
    status, lines = validate(text)
    assert status == 2
    assert lines == ["brief.xml:6:53: error: <surname> is empty; it needs text"]
    assert check_structure(etree.fromstring(text.encode()), Locator("b", b"")).diagnostics == []


def test_a_pass_that_finds_nothing_lets_every_libxml2_line_through(
    validate: Validate, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema_messages, "check_structure", lambda root, at, limit=None: Findings())
    status, lines = validate(edited("<p>Walls", "<blink/><p>Walls"))
    assert status == 2
    assert lines == ["brief.xml:11:1: error: Did not expect element blink there"]


def structural_variants(data: bytes) -> list[tuple[str, etree._Element]]:
    """The brief with one element removed, doubled or swapped with the next, or one attribute
    removed: each edit the schema may or may not allow."""
    variants = []
    count = len(list(etree.fromstring(data).iter()))
    for index in range(1, count):
        for edit in ("remove", "double", "swap", "strip"):
            root = etree.fromstring(data)
            element = list(root.iter())[index]
            parent = element.getparent()
            if not isinstance(element.tag, str) or parent is None:
                continue
            if edit == "remove":
                parent.remove(element)
            elif edit == "double":
                element.addnext(copy.deepcopy(element))
            elif edit == "swap" and (following := element.getnext()) is not None:
                following.addnext(element)
            elif edit == "strip" and element.attrib:
                del element.attrib[element.attrib.keys()[0]]
            else:
                continue
            variants.append((f"{edit}-{index}", root))
    return variants


def disagreements(data: bytes) -> list[tuple[str, bool, list[str]]]:
    """The structural edits of ``data`` where the pass and libxml2 disagree: libxml2 accepts
    and the pass names a problem, or libxml2 refuses and the pass names none."""
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    found = []
    for name, root in structural_variants(data):
        valid = schema.validate(etree.ElementTree(root))
        findings = check_structure(root, Locator(name, b""))
        if valid == bool(findings.diagnostics):
            found.append((name, valid, [d.message for d in findings.diagnostics]))
    return found


def test_the_pass_agrees_with_the_schema_on_structural_edits() -> None:
    """The edits change structure only, never a value's form, so libxml2's verdict is the pass's."""
    assert disagreements(BRIEF.encode()) == []


@pytest.mark.slow
@pytest.mark.parametrize("path", example_paths(), ids=lambda path: path.stem)
def test_the_pass_agrees_with_the_schema_on_structural_edits_of_the_examples(path: Path) -> None:
    assert disagreements(path.read_bytes()) == []


@pytest.mark.parametrize(
    ("pattern", "value", "matches"),
    [
        (r".*\S.*", " x ", True),
        (r".*\S.*", "\u00a0", True),  # not an XML blank
        (r".*\S.*", " \t", False),
        (r".*\S.*", "a\nb", False),  # "." takes no line end
        (r"\s*\S(\s|\S)*", "\n  a\n  b\n", True),  # the schema's required text
        (r"\s*\S(\s|\S)*", "\u00a0", True),
        (r"\s*\S(\s|\S)*", "\n \t\r", False),
        (r"[^@\s]+@[^@\s]+", "a@b", True),
        (r"[^@\s]+@[^@\s]+", "a b@c", False),
        (r"\d{4}(-\d{2}(-\d{2})?)?", "2026-05", True),
        (r"a$", "a", False),  # "$" is a plain character in XML Schema
        (r"a$", "a$", True),
    ],
)
def test_schema_patterns_read_as_xml_schema_reads_them(
    pattern: str, value: str, matches: bool
) -> None:
    translated = python_pattern(pattern)
    assert translated is not None
    assert (re.fullmatch(translated, value) is not None) is matches


@pytest.mark.parametrize("pattern", [r"\p{L}+", r"[a-z-[aeiou]]", r"\i\c*"])
def test_patterns_outside_the_translated_part_are_not_guessed(pattern: str) -> None:
    assert python_pattern(pattern) is None
