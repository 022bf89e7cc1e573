"""Mutation fuzzing of the reader and the importers: whatever the bytes, either a brief or
located errors; never another exception, never a hang (Hypothesis' deadline).

Mutations act on real inputs: byte flips, cuts and splices, markup snippets dropped in at random
places, other encodings, deep nesting and long runs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefexport.errors import InvalidBriefError
from briefexport.importers import import_source
from briefexport.reader import parse_brief
from support.paths import EXAMPLES, IMPORT_DATA

IMPORTS = IMPORT_DATA
SNIPPETS = [
    b"<",
    b"&",
    b"]]>",
    b"<!DOCTYPE x [<!ENTITY a 'b'>]>",
    b'<xref ref-type="fn" rid="nowhere"/>',
    b"<sec><title>x</title>",
    b"</p>",
    b"&#0;",
    b'<ext-link xlink:href="javascript:alert(1)">x</ext-link>',
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"<bold>" * 300,
    b"x" * 20_000,
    b'<?xml version="1.0" encoding="UTF-16"?>',
    b"<xi:include href='/etc/passwd'/>",
    b"\n---\n",
    b"[^1]",
    b"<sup>9</sup>",
    b"{.lead}",
    b"](http://",
]
# The profile's settings, with a deadline: an input that makes the reader hang fails the test.
LIMITS = settings(deadline=20_000)


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        match draw(st.sampled_from(["flip", "cut", "splice", "snippet", "duplicate"])):
            case "flip" if at < len(data):
                data[at] = draw(st.integers(0, 255))
            case "cut":
                del data[at : at + draw(st.integers(1, 400))]
            case "splice":
                data[at:at] = draw(st.binary(min_size=1, max_size=40))
            case "duplicate":
                start = draw(st.integers(0, max(0, len(data) - 1)))
                data[at:at] = data[start : start + draw(st.integers(1, 2000))]
            case _:
                data[at:at] = draw(st.sampled_from(SNIPPETS))
    if draw(st.booleans()) and draw(st.booleans()):
        text = bytes(data).decode("utf-8", "replace")
        return text.encode(draw(st.sampled_from(ENCODINGS)), "replace")
    return bytes(data)


ENCODINGS = ["utf-16-le", "utf-16", "latin-1", "utf-32"]


def assert_located(error: InvalidBriefError, name: str) -> None:
    assert error.diagnostics, "an invalid input needs at least one diagnostic"
    for diagnostic in error.diagnostics:
        assert diagnostic.file.startswith(name), diagnostic
        assert diagnostic.line >= 1
        assert diagnostic.column >= 1
        assert diagnostic.message.strip()


@LIMITS
@given(st.data())
def test_mutated_briefs_are_read_or_located(data: st.DataObject) -> None:
    source = data.draw(st.sampled_from(sorted(EXAMPLES.glob("*.xml"))))
    payload = data.draw(mutated(source.read_bytes()))
    try:
        parse_brief(payload, name="mutant.xml", base_dir=EXAMPLES)
    except InvalidBriefError as error:
        assert_located(error, "mutant.xml")


@pytest.fixture(scope="module")
def import_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the import samples with their figures, where mutants are written."""
    folder = tmp_path_factory.mktemp("imports")
    shutil.copytree(IMPORTS, folder, dirs_exist_ok=True)
    return folder


def test_mutated_imports_are_read_or_located(import_folder: Path) -> None:
    sources = sorted(path for path in IMPORTS.glob("*.*") if path.is_file())

    @LIMITS
    @given(st.sampled_from(sources), st.data())
    def check(source: Path, data: st.DataObject) -> None:
        target = import_folder / f"mutant{source.suffix}"
        target.write_bytes(data.draw(mutated(source.read_bytes())))
        try:
            import_source(target)
        except InvalidBriefError as error:
            assert_located(error, str(target))

    check()
