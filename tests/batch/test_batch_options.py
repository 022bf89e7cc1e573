"""``--no-smart`` and ``--pdf-url`` in a batch: the same outputs as the single-file export, a
PDF URL of each brief's own, and a rerun that notices a changed option."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

import briefexport
from briefexport.batch import ExportSettings, convert_collection
from briefexport.batch.jobs import pdf_url_for
from briefexport.cli import main
from briefexport.errors import BriefexportError
from support.batch import BROKEN, GOOD, BatchRun

PUBLISHED = "https://briefs.example.org/pdf/"


def pdf_url_in(page: Path) -> str:
    """The ``citation_pdf_url`` an HTML output names."""
    tree = html.fromstring(page.read_bytes())
    contents = tree.xpath("//meta[@name='citation_pdf_url']/@content")
    assert len(contents) == 1, page
    return str(contents[0])


@pytest.fixture(autouse=True)
def only_good_briefs(collection: Path) -> None:
    (collection / BROKEN).unlink()


def test_no_smart_gives_the_single_export_without_smart_typography(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    status, _, _ = batch("--to", "html", "-j", "1", "--no-smart")
    assert status == 0
    brief = briefexport.load(collection / "harbour-resilience.xml")
    plain, smart = out.parent / "plain.html", out.parent / "smart.html"
    briefexport.export(brief, "html", plain, smart=False)
    briefexport.export(brief, "html", smart)
    produced = (out / "harbour-resilience.html").read_bytes()
    assert plain.read_bytes() != smart.read_bytes()  # the option changes this brief
    assert produced == plain.read_bytes()


def test_pdf_url_template_names_each_briefs_own_pdf(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    status, _, _ = batch("--to", "html", "-j", "1", "--pdf-url", "https://x.example/{path}?v=2")
    assert status == 0
    for relative in GOOD:
        pdf = relative.removesuffix(".xml") + ".pdf"
        page = out / relative.replace(".xml", ".html")
        assert pdf_url_in(page) == f"https://x.example/{pdf}?v=2"


def test_pdf_url_ending_in_a_slash_gets_the_path_appended(batch: BatchRun, out: Path) -> None:
    status, _, _ = batch("--to", "html", "-j", "1", "--pdf-url", PUBLISHED)
    assert status == 0
    page = out / "reports" / "2026" / "harbour-copy.html"
    assert pdf_url_in(page) == PUBLISHED + "reports/2026/harbour-copy.pdf"


@pytest.mark.parametrize(
    ("template", "complaint"),
    [("https://x.example/brief.pdf", "same for every brief"), ("ftp://x.example/", "http")],
)
def test_a_pdf_url_template_that_cannot_serve_is_a_usage_error(
    collection: Path, out: Path, template: str, complaint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    command = ["batch", str(collection), "-o", str(out), "--to", "html", "--pdf-url", template]
    status = main(command)
    assert status == 2
    assert complaint in capsys.readouterr().err
    assert not list(out.rglob("*.html"))


def test_changing_an_option_rebuilds_what_it_changed(batch: BatchRun, out: Path) -> None:
    batch("--to", "html", "-j", "1")
    _, _, same = batch("--to", "html", "-j", "1")
    _, _, plain = batch("--to", "html", "-j", "1", "--no-smart")
    _, _, linked = batch("--to", "html", "-j", "1", "--no-smart", "--pdf-url", PUBLISHED)
    assert same["up_to_date"] == GOOD
    assert plain["converted"] == GOOD
    assert linked["converted"] == GOOD


def test_python_api_takes_both_options(collection: Path, out: Path) -> None:
    export = ExportSettings(smart=False, pdf_url="https://x.example/{path}")
    summary = convert_collection(collection, out, ["html"], export=export)
    assert summary.exit_status == 0
    expected = out.parent / "expected.html"
    brief = briefexport.load(collection / "feature-tour.xml")
    briefexport.export(
        brief, "html", expected, smart=False, pdf_url="https://x.example/feature-tour.pdf"
    )
    assert (out / "feature-tour.html").read_bytes() == expected.read_bytes()
    fixed = ExportSettings(pdf_url="https://x.example/brief.pdf")
    with pytest.raises(BriefexportError, match="same for every brief"):
        convert_collection(collection, out, ["html"], export=fixed)


def test_the_path_in_a_pdf_url_is_percent_encoded() -> None:
    encoded = "https://x.example/2026/a%20b%231.pdf"
    assert pdf_url_for("https://x.example/", "2026/a b#1.pdf") == encoded
    assert pdf_url_for("https://x.example/{path}", "a.pdf") == "https://x.example/a.pdf"
