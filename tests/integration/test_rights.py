"""The copyright line is built once and printed alike in every format."""

from __future__ import annotations

import io
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest

import briefexport
from briefexport.formats import get_writer
from briefexport.model import Brief, Paragraph, Permissions, Text
from briefexport.options import default_options
from briefexport.shared.front import copyright_line
from support.paths import HARBOUR

EXAMPLE = HARBOUR
HOLDER = "Tidewater Policy Collective"


@pytest.fixture(scope="module")
def holder_only() -> Brief:
    brief = briefexport.load(EXAMPLE)
    rights = Permissions(holder=HOLDER, license_url="https://creativecommons.org/licenses/by/4.0/")
    # the example's front matter over one paragraph: the line is printed with the front matter
    body = (Paragraph((Text("Harbour walls need care before the storm season."),)),)
    return replace(brief, meta=replace(brief.meta, permissions=rights), body=body, footnotes=())


@pytest.mark.parametrize(
    ("rights", "line"),
    [
        (Permissions(year=2026, holder="A"), "\u00a9 2026 A"),
        (Permissions(holder="A"), "\u00a9 A"),
        (Permissions(year=2026), None),
        (Permissions(statement="Own words", year=2026, holder="A"), "Own words"),
    ],
)
def test_copyright_line(rights: Permissions, line: str | None) -> None:
    assert copyright_line(rights) == line


def text_of(fmt: str, data: bytes, tmp_path: Path) -> str:
    if fmt == "docx":
        return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    if fmt == "epub":
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            return "\n".join(book.read(n).decode() for n in book.namelist() if n.endswith("f"))
    if fmt == "pdf":
        (tmp_path / "b.pdf").write_bytes(data)
        done = subprocess.run(["pdftotext", str(tmp_path / "b.pdf"), "-"], capture_output=True)
        return done.stdout.decode()
    return data.decode()


@pytest.mark.parametrize("fmt", ["html", "epub", "docx", "pdf"])
def test_holder_without_year_is_printed_in_every_format(
    holder_only: Brief, fmt: str, tmp_path: Path
) -> None:
    data = get_writer(fmt)(holder_only, default_options(holder_only))
    assert f"\u00a9 {HOLDER}" in text_of(fmt, data, tmp_path)
