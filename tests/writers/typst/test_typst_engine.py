"""Choosing the PDF engine: the option, the command line, the listing and the refusals."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest

import briefexport
from briefexport.cli import main
from briefexport.errors import BriefexportError
from briefexport.options import PdfEngine, PdfStandard, default_options
from briefexport.writers import pdf_engine
from support.paths import EXAMPLES

SHORT = EXAMPLES / "harbour-resilience.xml"


def creator(path: Path) -> str:
    with pikepdf.open(path) as document:
        return str(document.docinfo.get("/Creator", ""))


def test_weasyprint_stays_the_default() -> None:
    brief = briefexport.load(SHORT)
    assert default_options(brief).pdf_engine is PdfEngine.WEASYPRINT
    assert default_options(brief, pdf_engine="Typst").pdf_engine is PdfEngine.TYPST
    with pytest.raises(BriefexportError, match="unknown PDF engine 'prince'"):
        default_options(brief, pdf_engine="prince")


def test_command_line_picks_the_engine(tmp_path: Path) -> None:
    assert main([str(SHORT), "--to", "pdf", "--pdf-engine", "typst", "-o", str(tmp_path)]) == 0
    assert creator(tmp_path / "harbour-resilience.pdf").startswith("Typst")


def test_api_picks_the_engine(tmp_path: Path) -> None:
    brief = briefexport.load(SHORT)
    path = briefexport.export(
        brief, "pdf", tmp_path / "b.pdf", pdf_engine="typst", pdf_standard="pdf/a-3b+ua-1"
    )
    assert creator(path).startswith("Typst")


def test_an_unknown_engine_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([str(SHORT), "--to", "pdf", "--pdf-engine", "latex"])
    assert exited.value.code == 2
    assert "--pdf-engine" in capsys.readouterr().err


def test_formats_names_the_engines(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["formats"]) == 0
    out = capsys.readouterr().out
    assert "PDF engines (--pdf-engine): weasyprint (installed, default); typst (installed)" in out


def test_a_missing_typst_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(pdf_engine, "engine_installed", lambda engine: False)
    status = main([str(SHORT), "--to", "pdf", "--pdf-engine", "typst", "-o", str(tmp_path)])
    assert status == 1
    assert "pip install 'briefexport[typst]'" in capsys.readouterr().err
    assert not (tmp_path / "harbour-resilience.pdf").exists()


def test_weasyprint_refuses_two_standards_and_names_the_other_engine() -> None:
    brief = briefexport.load(SHORT)
    options = default_options(brief, pdf_standard=PdfStandard.PDF_A_3B_UA_1)
    with pytest.raises(BriefexportError, match="--pdf-engine typst"):
        pdf_engine.write(brief, options)


def test_both_engines_print_the_same_page_size(tmp_path: Path) -> None:
    brief = briefexport.load(SHORT)
    sizes = set()
    for engine in PdfEngine:
        data = pdf_engine.write(brief, default_options(brief, pdf_engine=engine, paper="Letter"))
        with pikepdf.open(io.BytesIO(data)) as document:
            box = document.pages[0].mediabox
            sizes.add(tuple(round(float(value)) for value in box))
    assert sizes == {(0, 0, 612, 792)}


def test_attached_source_equals_the_jats_export(tmp_path: Path) -> None:
    brief_path = EXAMPLES / "feature-tour.xml"
    command = [str(brief_path), "--to", "jats,pdf", "--pdf-engine", "typst", "-o", str(tmp_path)]
    assert main(command) == 0
    with pikepdf.open(tmp_path / "feature-tour.pdf") as document:
        attached = document.attachments["brief.xml"].get_file().read_bytes()
    assert attached == (tmp_path / "feature-tour.jats.xml").read_bytes()


def test_batch_picks_the_engine_and_writes_what_a_single_export_writes(tmp_path: Path) -> None:
    collection = tmp_path / "collection"
    collection.mkdir()
    (collection / SHORT.name).write_bytes(SHORT.read_bytes())
    out = tmp_path / "out"
    command = ["batch", str(collection), "--to", "pdf", "--pdf-engine", "typst", "-o", str(out)]
    assert main([*command, "-j", "1", "-q"]) == 0
    produced = out / "harbour-resilience.pdf"
    single = briefexport.export(
        briefexport.load(collection / SHORT.name), "pdf", tmp_path / "one.pdf", pdf_engine="typst"
    )
    assert creator(produced).startswith("Typst")
    assert produced.read_bytes() == single.read_bytes()
