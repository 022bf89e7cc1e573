"""The options and style files a batch counts for each format's outputs
(``freshness.OPTIONS_OF``, ``STYLE_FILES_OF``) are exactly those that change its bytes: an output
kept as up to date after another option or style file changed must be the output the change
would have made."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from briefexport.batch.freshness import FORMAT_STYLE_FILES, OPTION_FLAGS, OPTIONS_OF, STYLE_FILES_OF
from briefexport.batch.jobs import ExportSettings
from briefexport.batch.plan import run_settings
from briefexport.cli import main
from briefexport.formats import FORMATS
from briefexport.output import output_path
from support.batch import add_rule, copied_style
from support.paths import HARBOUR, REPO

CHANGED_OPTION = {
    "pdf_standard": ["--pdf-standard", "pdf/ua-1"],
    "pdf_engine": ["--pdf-engine", "typst"],
    "paper": ["--paper", "Letter"],
    "reference_docx": ["--reference-docx", "TEMPLATE"],
    "typography": ["--no-smart"],
    "pdf_url": ["--pdf-url", "https://example.org/briefs/harbour.pdf"],
    "timestamp": [],  # SOURCE_DATE_EPOCH changes instead
}
"""Each option the manifest records, changed from what the baseline uses (``series`` names the
series of imported briefs only, so every format counts it)."""
EPOCH, LATER_EPOCH = "1700000000", "1800000000"
FAST_FORMATS = ["epub", "docx", "jats", "html", "markdown"]


def test_every_recorded_option_is_tried() -> None:
    assert {*CHANGED_OPTION, "series"} == set(run_settings(ExportSettings())[0].options)
    assert all("series" in counted for counted in OPTIONS_OF.values())
    assert set(OPTIONS_OF) <= set(FORMATS)


def larger_body_text(template: Path, saved_as: Path) -> None:
    """A Word template whose Normal style is larger than ``template``'s."""
    document = docx.Document(str(template))
    document.styles["Normal"].font.size = docx.shared.Pt(13)
    document.save(str(saved_as))


def exported(folder: Path, formats: list[str], arguments: list[str]) -> dict[str, bytes]:
    """Each format's bytes for the short example exported into ``folder`` with ``arguments``."""
    brief = folder / "source" / HARBOUR.name
    brief.parent.mkdir(parents=True)
    shutil.copy(HARBOUR, brief)
    assert main([str(brief), "--to", ",".join(formats), "-o", str(folder), "-q", *arguments]) == 0
    return {fmt: output_path(brief, fmt, folder).read_bytes() for fmt in formats}


EVERY_FORMAT = pytest.mark.parametrize(
    "formats",
    [FAST_FORMATS, pytest.param(["pdf"], marks=pytest.mark.slow)],
    ids=["fast-formats", "pdf"],
)
"""The formats quick to export, in the fast suite; PDF in the slow one."""


def outputs(
    tmp_path: Path, formats: list[str], option: str | None, monkeypatch: pytest.MonkeyPatch
) -> dict[str, bytes]:
    """Each format's bytes, exported with ``option`` changed (None: the baseline)."""
    template = tmp_path / "template.docx"
    if not template.exists():
        larger_body_text(REPO / "styles" / "reference.docx", template)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", LATER_EPOCH if option == "timestamp" else EPOCH)
    arguments = [
        word.replace("TEMPLATE", str(template)) for word in CHANGED_OPTION.get(option or "", [])
    ]
    return exported(tmp_path / (option or "baseline"), formats, arguments)


def check_relevance(tmp_path: Path, formats: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    baseline = outputs(tmp_path, formats, None, monkeypatch)
    for option in CHANGED_OPTION:
        changed = outputs(tmp_path, formats, option, monkeypatch)
        for fmt in formats:
            differs = changed[fmt] != baseline[fmt]
            assert differs == (option in OPTIONS_OF[fmt]), (fmt, option)


@EVERY_FORMAT
def test_the_options_counted_for_each_format_are_those_that_change_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, formats: list[str]
) -> None:
    check_relevance(tmp_path, formats, monkeypatch)


def edited_style(tmp_path: Path, name: str) -> Path:
    """A copy of the shipped style folder with ``name`` changed in a way its format shows."""
    style = copied_style(tmp_path / f"style-{name}")
    if name.endswith(".css"):
        add_rule(style / name, "p { word-spacing: 0.05em; }")
    else:
        larger_body_text(style / name, style / name)
    return style


def check_style_relevance(
    tmp_path: Path, formats: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert {path.name for path in (REPO / "styles").iterdir()} >= FORMAT_STYLE_FILES
    baseline = exported(tmp_path / "house-style", formats, [])
    for name in sorted(FORMAT_STYLE_FILES):
        style = edited_style(tmp_path, name)
        changed = exported(tmp_path / style.name, formats, ["--style", str(style)])
        for fmt in formats:
            differs = changed[fmt] != baseline[fmt]
            assert differs == (name in STYLE_FILES_OF[fmt]), (fmt, name)


@EVERY_FORMAT
def test_the_style_files_counted_for_each_format_are_those_that_change_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, formats: list[str]
) -> None:
    check_style_relevance(tmp_path, formats, monkeypatch)


def test_every_recorded_option_has_its_command_line_name() -> None:
    assert set(OPTION_FLAGS) == set(run_settings(ExportSettings())[0].options)
