"""docs/format.md agrees with the schema, and its annotated example is a valid brief."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from briefexport.model import Block, Brief, Figure, ListBlock, Quote, Section, Table
from briefexport.reader import parse_brief
from support.model import find, section_depth
from support.paths import EXAMPLES, REPO
from support.validators import validate_jats

FORMAT_DOC = REPO / "docs" / "format.md"
SCHEMA = REPO / "src" / "briefexport" / "schema" / "brief.rng"
RNG = "{http://relaxng.org/ns/structure/1.0}"


def annotated_example() -> bytes:
    """The one ```xml block under the heading "Annotated example"."""
    text = FORMAT_DOC.read_text(encoding="utf-8")
    section = text.split("\n## Annotated example\n", 1)[1]
    match = re.search(r"```xml\n(.*?)```", section, re.DOTALL)
    assert match, "docs/format.md has no xml block under 'Annotated example'"
    return match.group(1).encode("utf-8")


def schema_names(kind: str) -> set[str]:
    """Every element or attribute name the schema allows (name= and <name> forms)."""
    root = etree.parse(str(SCHEMA)).getroot()
    names = {node.get("name", "") for node in root.iter(f"{RNG}{kind}") if node.get("name")}
    for node in root.iter(f"{RNG}{kind}"):
        names.update(name.text or "" for name in node.iter(f"{RNG}name"))
    return names - {""}


@pytest.fixture(scope="module")
def example_brief() -> Brief:
    brief, warnings = parse_brief(
        annotated_example(), name="format.md#annotated-example", base_dir=EXAMPLES
    )
    assert [str(w) for w in warnings] == []
    return brief


def test_every_schema_element_is_documented() -> None:
    doc = FORMAT_DOC.read_text(encoding="utf-8")
    missing = sorted(name for name in schema_names("element") if f"`{name}" not in doc)
    assert missing == [], f"elements the schema allows but docs/format.md never names: {missing}"


def test_every_schema_attribute_is_documented() -> None:
    doc = FORMAT_DOC.read_text(encoding="utf-8")
    missing = sorted(name for name in schema_names("attribute") if name not in doc)
    assert missing == [], f"attributes the schema allows but docs/format.md never names: {missing}"


def test_annotated_example_reads_without_warnings(example_brief: Brief) -> None:
    meta = example_brief.meta
    assert meta.series == "Issue Brief"
    assert [a.name.display for a in meta.authors] == ["Ilona Varga"]
    assert [e.name.display for e in meta.editors] == ["Dr Bisi Oyelaran"]
    assert meta.date.isoformat() == "2026-03-09"
    assert meta.permissions is not None
    assert meta.permissions.license_url == "https://creativecommons.org/licenses/by/4.0/"


def test_annotated_example_numbers_notes_by_first_call(example_brief: Brief) -> None:
    assert [(note.id, note.number) for note in example_brief.footnotes] == [
        ("fn1", 1),
        ("fn2", 2),
        ("fn3", 3),
    ]
    assert [ref.id for ref in example_brief.references] == ["ref1"]


def test_annotated_example_shows_every_block_kind(example_brief: Brief) -> None:
    kinds = {type(node) for node in find(example_brief.body, Block)}
    assert {Section, ListBlock, Table, Figure, Quote} <= kinds
    assert section_depth(example_brief.body) == 3
    figure = find(example_brief.body, Figure)[0]
    assert figure.image.media_type == "image/png"
    assert figure.image.data.startswith(b"\x89PNG")


def test_annotated_example_is_valid_jats(tmp_path: Path) -> None:
    path = tmp_path / "annotated.xml"
    path.write_bytes(annotated_example())
    result = validate_jats(path, doctype_check=False)
    assert result.returncode == 0, result.stdout + result.stderr
