"""``--to html``: one standalone, valid HTML5 page per brief (Nu Html Checker, landmarks, notes)."""

from __future__ import annotations

import itertools
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree, html

import briefexport
from briefexport.model import Brief, Text
from briefexport.options import default_options
from briefexport.shared.styles import default_style_dir
from briefexport.writers.html import write
from support.briefs import sample_brief
from support.paths import TOUR, example_paths, rtl_paths
from support.validators import nu_messages

SOURCES = example_paths() + rtl_paths()


@pytest.fixture(scope="module")
def pages(corpus: dict[str, Brief], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every brief written once as HTML."""
    out = tmp_path_factory.mktemp("html")
    written = {}
    for stem, brief in corpus.items():
        path = out / f"{stem}.html"
        path.write_bytes(write(brief, default_options(brief)))
        written[stem] = path
    return written


def parse(path: Path) -> html.HtmlElement:
    return html.fromstring(path.read_bytes())


@pytest.mark.slow
def test_nu_html_checker_reports_nothing(pages: dict[str, Path]) -> None:
    messages, status = nu_messages(pages.values())
    assert messages == []
    assert status == 0


def test_page_is_standalone(pages: dict[str, Path]) -> None:
    for path in pages.values():
        root = parse(path)
        # links name the page's identity (DOI, licence, Dublin Core); none loads a resource
        assert set(root.xpath("//link/@rel")) <= {"canonical", "license", "schema.DC"}
        assert root.xpath("//script") == []
        assert all(src.startswith("data:") for src in root.xpath("//img/@src"))
        style = root.xpath("string(//head/style)")
        assert "--accent: #1F4E79" in style
        assert "p.lead" in style


def test_language_direction_and_landmarks(pages: dict[str, Path]) -> None:
    for stem, path in pages.items():
        root = parse(path)
        rtl = stem in {"urdu-brief", "arabic-brief"}
        assert root.get("dir") == ("rtl" if rtl else "ltr")
        assert root.get("lang") in ({"ur", "ar"} if rtl else {"en", "en-GB", "en-US"})
        assert len(root.xpath("/html/body/header")) == 1
        assert len(root.xpath("/html/body/main")) == 1
        assert len(root.xpath("//h1")) == 1


def test_headings_never_skip_a_level(pages: dict[str, Path]) -> None:
    for path in pages.values():
        levels = [int(str(h.tag)[1]) for h in parse(path).iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert levels[0] == 1
        for before, after in itertools.pairwise(levels):
            assert after <= before + 1, path.name


def test_every_note_listed_once_and_linked_both_ways(
    corpus: dict[str, Brief], pages: dict[str, Path]
) -> None:
    for stem, path in pages.items():
        brief = corpus[stem]
        root = parse(path)
        notes = root.xpath("//section[@role='doc-endnotes']/ol/li")
        assert [li.get("id") for li in notes] == [f"fn-{n.number}" for n in brief.footnotes]
        calls = root.xpath("//a[@role='doc-noteref']")
        for call in calls:
            target = root.get_element_by_id(call.get("href")[1:])
            backs = target.xpath(".//a[@role='doc-backlink']/@href")
            assert f"#{call.get('id')}" in backs
        assert sum(len(li.xpath(".//a[@role='doc-backlink']")) for li in notes) == len(calls)


def test_repeated_note_keeps_its_number() -> None:
    brief = briefexport.load(TOUR)
    root = html.fromstring(write(brief, default_options(brief)))
    numbers = [a.text for a in root.xpath("//a[@role='doc-noteref']")]
    assert len(numbers) > len(set(numbers)), "the feature tour calls one note twice"
    assert sorted(set(numbers), key=int) == [str(n.number) for n in brief.footnotes]


def test_output_is_deterministic(pages: dict[str, Path]) -> None:
    source = SOURCES[0]
    brief = briefexport.load(source)
    assert write(brief, default_options(brief)) == pages[source.stem].read_bytes()


def test_brand_values_drive_the_css(tmp_path: Path) -> None:
    style = tmp_path / "style"
    shutil.copytree(default_style_dir(), style)
    brand = (style / "brand.toml").read_text(encoding="utf-8")
    (style / "brand.toml").write_text(brand.replace("#1F4E79", "#7A1F3D"), encoding="utf-8")
    brief: Brief = briefexport.load(SOURCES[0])
    page = write(brief, default_options(brief, style_dir=style)).decode()
    assert "--accent: #7A1F3D" in page
    assert not re.search(r"--accent: #1F4E79", page)


def test_html_syntax_not_xml(pages: dict[str, Path]) -> None:
    text = next(iter(pages.values())).read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>\n<html")
    assert "xmlns" not in text.split(">", 2)[1]
    assert 'xml:lang="' not in text
    assert '<meta charset="utf-8">' in text
    with pytest.raises(etree.XMLSyntaxError):  # void elements have no end tag: not XML
        etree.fromstring(text.split("\n", 1)[1].encode())


def test_code_points_html_forbids_are_replaced(caplog: pytest.LogCaptureFixture) -> None:
    brief = sample_brief()
    title = (Text("Ports\ufdd1 and \x85tides"),)
    brief = replace(brief, meta=replace(brief.meta, title=title))
    page = write(brief, default_options(brief)).decode()
    assert "Ports\ufffd and \ufffdtides" in page
    assert "\ufdd1" not in page
    assert "U+0085, U+FDD1" in caplog.text


def test_rights_in_a_closing_footer() -> None:
    brief = briefexport.load(TOUR)
    permissions = brief.meta.permissions
    assert permissions is not None
    assert permissions.license_url
    root = html.fromstring(write(brief, default_options(brief)))
    (footer,) = root.xpath("/html/body/footer")
    assert footer.xpath("string(.//a[@rel='license']/@href)") == permissions.license_url
    assert root.xpath("/html/body/*")[-1] is footer
