"""Identity and citation on the page and in the metadata: title-page identity lines, ORCID
iDs, the suggested citation, the colophon, Highwire and Dublin Core tags, XMP rights."""

from __future__ import annotations

import dataclasses
import io
import subprocess
from pathlib import Path

import docx
import pikepdf
import pytest
from lxml import html as lxml_html

from briefexport.errors import InvalidStyleError
from briefexport.inlines import plain_text
from briefexport.model import Brief, Contributor, PersonName
from briefexport.options import default_options
from briefexport.shared.brand import Placement, load_brand
from briefexport.shared.citation import citation_text
from briefexport.shared.front import document_title, rights_sentences
from briefexport.shared.styles import default_style_dir
from briefexport.shared.typeset import typeset
from support.typography import Writer

# The documented style (briefexport.shared.citation): authors, the first inverted; title:
# subtitle; series and report number; place: publisher, date; the DOI as a link. Written out
# by hand from the feature tour's front matter.
TOUR_CITATION = (
    "Okafor-Blanc, Mireille and Jonas T. Haverkamp Jr. Cool streets for warm coasts: "
    "Planning for extreme heat in mid-sized harbour cities. Policy Brief IMCA-PB-2026-07. "
    "Port Ellery: Institute of Maritime and Coastal Affairs, November 2, 2026. "
    "https://doi.org/10.5555/imca.pb.2026.07"
)


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "brief.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    return " ".join(" ".join(p.text for p in document.paragraphs).split())


def metas(page: bytes) -> list[tuple[str, str]]:
    root = lxml_html.fromstring(page)
    return [(m.get("name"), m.get("content")) for m in root.xpath("//head/meta[@name]")]


def test_suggested_citation_follows_the_documented_style(tour: Brief) -> None:
    assert citation_text(tour.meta) == TOUR_CITATION


def test_urdu_citation_is_punctuated_in_urdu(urdu: Brief) -> None:
    text = citation_text(urdu.meta)
    assert text.startswith(
        "احمد\u060c سارہ\u06d4 "
    )  # surname, Arabic comma, given names, Urdu full stop
    assert text.endswith("2026\u06d4")
    assert "." not in text
    assert ", " not in text


def test_highwire_and_dublin_core_tags_equal_the_metadata(tour: Brief, written: Writer) -> None:
    tags = metas(written(tour, "html"))
    meta = typeset(tour).meta  # the page prints typographic quotes, its metadata too
    names = [name for name, _ in tags]
    assert dict(tags)["citation_title"] == document_title(meta)
    authors = [content for name, content in tags if name == "citation_author"]
    assert authors == [person.name.sortable for person in meta.authors]
    first = names.index("citation_author")
    after_first = dict(tags[first + 1 : names.index("citation_author", first + 1)])
    assert after_first["citation_author_orcid"] == meta.authors[0].orcid
    assert after_first["citation_author_email"] == meta.authors[0].email
    assert meta.authors[0].affiliations[0].institution in after_first["citation_author_institution"]
    assert dict(tags)["citation_publication_date"] == "2026/11/02"
    assert dict(tags)["citation_publisher"] == meta.publisher
    assert dict(tags)["citation_doi"] == meta.doi
    assert dict(tags)["citation_language"] == "en"
    assert dict(tags)["citation_technical_report_number"] == meta.publisher_id
    assert "citation_pdf_url" not in names
    assert dict(tags)["DC.identifier"] == f"doi:{meta.doi}"
    assert dict(tags)["DC.rights"] == rights_sentences(meta.permissions)
    assert [c for n, c in tags if n == "DC.creator"] == [a.name.display for a in meta.authors]
    root = lxml_html.fromstring(written(tour, "html"))
    assert root.xpath("//head/link[@rel='canonical']/@href") == [f"https://doi.org/{meta.doi}"]
    assert meta.permissions is not None
    assert root.xpath("//head/link[@rel='license']/@href") == [meta.permissions.license_url]
    assert root.xpath("//head/meta[@name='viewport']")


def test_pdf_url_is_announced_when_given(tour: Brief, written: Writer) -> None:
    options = default_options(tour, pdf_url="https://imca.example.org/briefs/cool-streets.pdf")
    tags = dict(metas(written(tour, "html", options)))
    assert tags["citation_pdf_url"] == "https://imca.example.org/briefs/cool-streets.pdf"


def test_xmp_carries_identifier_rights_and_the_abstract(tour: Brief, written: Writer) -> None:
    meta = typeset(tour).meta
    assert meta.permissions is not None
    with pikepdf.open(io.BytesIO(written(tour, "pdf"))) as pdf, pdf.open_metadata() as xmp:
        assert xmp["dc:identifier"] == f"doi:{meta.doi}"
        assert xmp["dc:rights"] == rights_sentences(meta.permissions)
        assert xmp["xmpRights:WebStatement"] == meta.permissions.license_url
        abstract = " ".join(plain_text(p.children) for p in meta.abstract)
        assert xmp["dc:description"] == abstract
        assert meta.series != abstract


def test_identity_and_citation_are_printed_in_every_format(
    tour: Brief, written: Writer, tmp_path: Path
) -> None:
    typeset_citation = citation_text(typeset(tour).meta)
    identity = "Institute of Maritime and Coastal Affairs · Policy Brief IMCA-PB-2026-07"
    orcids = [person.orcid for person in tour.meta.authors if person.orcid is not None]
    assert len(orcids) == len(tour.meta.authors)
    printed = {
        "pdf": pdf_text(written(tour, "pdf"), tmp_path),
        "docx": docx_text(written(tour, "docx")),
        "html": " ".join(lxml_html.fromstring(written(tour, "html")).text_content().split()),
    }
    for fmt, text in printed.items():
        for expected in (identity, f"https://doi.org/{tour.meta.doi}", *orcids):
            assert expected in text, (fmt, expected)
        assert "Suggested citation" in text, fmt
        assert typeset_citation in text, fmt
    page = lxml_html.fromstring(written(tour, "html"))
    assert set(page.xpath("//p[@class='orcid']/a/@href")) == set(orcids)
    assert page.xpath("//div[@class='identity']//a/@href") == [f"https://doi.org/{tour.meta.doi}"]


def test_only_the_licence_name_is_linked_after_a_full_stop(tour: Brief, written: Writer) -> None:
    page = lxml_html.fromstring(written(tour, "html"))
    (rights,) = page.xpath("//footer[@class='back']/p[@class='rights']")
    (link,) = rights.xpath(".//a")
    assert link.get("rel") == "license"
    assert link.text_content() == "Creative Commons Attribution 4.0 International"
    assert rights.text_content().startswith("© 2026 The authors. This brief is published")
    document = docx.Document(io.BytesIO(written(tour, "docx")))
    (paragraph,) = [p for p in document.paragraphs if p.style and p.style.name == "Rights"]
    assert [h.text for h in paragraph.hyperlinks] == [link.text_content()]


def test_the_brand_places_or_hides_the_citation(
    tour: Brief, written: Writer, tmp_path: Path
) -> None:
    brand = load_brand(default_style_dir())
    front = dataclasses.replace(brand.front, citation=Placement.TITLE_PAGE, orcid=False)
    options = dataclasses.replace(
        default_options(tour), brand=dataclasses.replace(brand, front=front)
    )
    page = lxml_html.fromstring(written(tour, "html", options))
    assert page.xpath("//header[@class='front']//div[@class='suggested-citation']")
    assert not page.xpath("//footer//div[@class='suggested-citation']")
    assert not page.xpath("//p[@class='orcid']")
    hidden = dataclasses.replace(front, citation=Placement.NONE, identifiers=Placement.NONE)
    options = dataclasses.replace(options, brand=dataclasses.replace(brand, front=hidden))
    text = docx_text(written(tour, "docx", options))
    assert "Suggested citation" not in text
    assert "IMCA-PB-2026-07" not in text


def test_a_wrong_placement_in_the_brand_file_is_located(tmp_path: Path) -> None:
    folder = tmp_path / "style"
    folder.mkdir()
    (folder / "brand.toml").write_text('[front]\ncitation = "footer"\norcid = "yes"\n')
    with pytest.raises(InvalidStyleError) as raised:
        load_brand(folder)
    found = {(d.line, d.message.split(":")[0]) for d in raised.value.diagnostics}
    assert found == {(2, "[front] citation"), (3, "[front] orcid")}


def test_series_and_heading_are_not_repeated(tour: Brief, written: Writer) -> None:
    same = dataclasses.replace(tour.meta, series="Policy Paper", heading="POLICY PAPER")
    assert same.series_label == "Policy Paper"
    brief = dataclasses.replace(tour, meta=same)
    page = lxml_html.fromstring(written(brief, "html"))
    assert page.xpath("string(//p[@class='series'])") == "Policy Paper"
    assert tour.meta.series_label == "Policy Brief · Climate Adaptation"


def test_an_editor_role_that_repeats_the_label_is_not_printed(tour: Brief, written: Writer) -> None:
    editor = Contributor(PersonName("Castellane", "Owen", prefix="Dr"), role="Editor")
    brief = dataclasses.replace(tour, meta=dataclasses.replace(tour.meta, editors=(editor,)))
    page = lxml_html.fromstring(written(brief, "html"))
    assert page.xpath("//div[@class='editors']//p[@class='role']") == []
    assert "Editor" not in docx_text(written(brief, "docx")).split("Edited by")[1].split("2026")[0]
    fellow = dataclasses.replace(editor, role="Senior Editor, Climate Desk")
    brief = dataclasses.replace(tour, meta=dataclasses.replace(tour.meta, editors=(fellow,)))
    page = lxml_html.fromstring(written(brief, "html"))
    assert page.xpath("string(//div[@class='editors']//p[@class='role'])") == fellow.role
