"""The BagIt bag: layout and tag files by RFC 8493, payload by the brief, checked by bagit-python."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import bagit
import pikepdf
import pytest
from lxml import etree

from briefexport.deposit import bag, renditions
from briefexport.inlines import plain_text
from briefexport.model import Brief
from briefexport.options import PdfStandard, default_options, reproducible_timestamp
from briefexport.writers import jats
from support.deposit import Built, members

XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
PARSER = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)


def tags(text: bytes) -> list[tuple[str, str]]:
    return [tuple(line.split(": ", 1)) for line in text.decode().splitlines()]  # type: ignore[misc]


def in_bag(built: Built, path: str) -> bytes:
    return members(built.bag)[f"{built.stem}/{path}"]


def test_one_top_folder_named_after_the_file_holds_the_bag(tour_package: Built) -> None:
    names = list(members(tour_package.bag))
    assert {name.split("/")[0] for name in names} == {tour_package.stem}
    tag_files = [name.removeprefix(f"{tour_package.stem}/") for name in names[:6]]
    assert tag_files == [
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "manifest-sha512.txt",
        "tagmanifest-sha256.txt",
        "tagmanifest-sha512.txt",
    ]
    assert all(name.startswith(f"{tour_package.stem}/data/") for name in names[6:])


def test_declares_bagit_1_0_in_utf_8(tour_package: Built) -> None:
    # RFC 8493 section 2.1.1: exactly these two lines
    assert in_bag(tour_package, "bagit.txt") == (
        b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    )


def test_payload_holds_every_rendition_and_the_figures(tour_package: Built) -> None:
    stem = tour_package.stem
    payload = {
        n.split("/data/", 1)[1]: d for n, d in members(tour_package.bag).items() if "/data/" in n
    }
    assert payload[f"{stem}.pdf"].startswith(b"%PDF-")
    assert payload[f"{stem}.html"].lstrip().lower().startswith(b"<!doctype html")
    assert zipfile.ZipFile(io.BytesIO(payload[f"{stem}.epub"])).read("mimetype") == (
        b"application/epub+zip"
    )
    assert "word/document.xml" in zipfile.ZipFile(io.BytesIO(payload[f"{stem}.docx"])).namelist()
    assert etree.fromstring(payload[f"{stem}.jats.xml"], PARSER).tag == "article"
    for figure in tour_package.brief.figures:
        assert payload[figure.image.href] == figure.image.data
    assert len(payload) == 5 + len({f.image.href for f in tour_package.brief.figures})


def test_manifests_list_every_payload_file_with_its_checksums(tour_package: Built) -> None:
    files = members(tour_package.bag)
    payload = {
        n.removeprefix(f"{tour_package.stem}/"): d for n, d in files.items() if "/data/" in n
    }
    for algorithm in ("sha256", "sha512"):
        lines = in_bag(tour_package, f"manifest-{algorithm}.txt").decode().splitlines()
        listed = {name: digest for digest, name in (line.split("  ", 1) for line in lines)}
        assert set(listed) == set(payload)
        for path, data in payload.items():
            assert listed[path] == hashlib.new(algorithm, data).hexdigest()


def test_tag_manifests_cover_the_other_tag_files(tour_package: Built) -> None:
    lines = in_bag(tour_package, "tagmanifest-sha512.txt").decode().splitlines()
    listed = {name: digest for digest, name in (line.split("  ", 1) for line in lines)}
    expected = ["bag-info.txt", "bagit.txt", "manifest-sha256.txt", "manifest-sha512.txt"]
    assert sorted(listed) == expected
    for path in expected:
        assert listed[path] == hashlib.sha512(in_bag(tour_package, path)).hexdigest()


def test_bag_info_carries_the_brief(tour_package: Built) -> None:
    meta = tour_package.brief.meta
    info = tags(in_bag(tour_package, "bag-info.txt"))
    values = dict(info)
    assert values["Source-Organization"] == meta.publisher
    assert values["External-Description"] == plain_text(meta.title)
    assert meta.doi
    assert meta.publisher_id
    assert [v for k, v in info if k == "External-Identifier"] == [
        f"https://doi.org/{meta.doi}",
        meta.publisher_id,
    ]
    first_author = meta.authors[0]
    assert (values["Contact-Name"], values["Contact-Email"]) == (
        first_author.name.display,
        first_author.email,
    )
    assert [v for k, v in info if k == "Author"] == [a.name.sortable for a in meta.authors]
    assert [v for k, v in info if k == "Editor"] == [e.name.sortable for e in meta.editors]
    assert values["Publication-Date"] == meta.date.isoformat()
    assert values["Bagging-Date"] == reproducible_timestamp(tour_package.brief).date().isoformat()
    assert values["Bag-Software-Agent"] == "briefexport"


def test_payload_oxum_and_bag_size_count_the_payload(tour_package: Built) -> None:
    payload = [d for n, d in members(tour_package.bag).items() if "/data/" in n]
    values = dict(tags(in_bag(tour_package, "bag-info.txt")))
    octets = sum(map(len, payload))
    assert values["Payload-Oxum"] == f"{octets}.{len(payload)}"
    number, unit = values["Bag-Size"].split()
    assert unit == "kB"
    assert abs(float(number) * 1000 - octets) <= 50


def test_bag_info_of_the_urdu_brief_is_utf_8(urdu_package: Built) -> None:
    values = dict(tags(in_bag(urdu_package, "bag-info.txt")))
    assert values["Source-Organization"] == urdu_package.brief.meta.publisher
    assert values["External-Description"] == plain_text(urdu_package.brief.meta.title)


def test_contact_is_left_out_when_no_one_has_an_e_mail(harbour: Brief) -> None:
    assert not any(person.email for person in harbour.meta.authors + harbour.meta.editors)
    labels = [label for label, _ in bag.info_tags(harbour, default_options(harbour), {})]
    assert "Contact-Name" not in labels
    assert "Contact-Email" not in labels
    assert labels.count("External-Identifier") == 1  # the publisher's id; the brief has no DOI


def test_zip_entries_have_fixed_times_and_permissions(tour_package: Built) -> None:
    expected = reproducible_timestamp(tour_package.brief).timetuple()[:6]
    with zipfile.ZipFile(tour_package.bag) as archive:
        for info in archive.infolist():
            assert info.date_time == expected
            assert info.external_attr >> 16 == 0o644


def jats_tree(built: Built) -> etree._Element:
    return etree.fromstring(in_bag(built, f"data/{built.stem}.jats.xml"), PARSER)


def test_jats_names_each_sibling_rendition_with_self_uri(tour_package: Built) -> None:
    uris = jats_tree(tour_package).findall("front/article-meta/self-uri")
    payload = {n.split("/data/", 1)[1] for n in members(tour_package.bag) if "/data/" in n}
    found = {uri.get("content-type"): uri.get(XLINK_HREF) for uri in uris}
    stem = tour_package.stem
    assert found == {
        "application/pdf": f"{stem}.pdf",
        "application/epub+zip": f"{stem}.epub",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": f"{stem}.docx",
        "text/html": f"{stem}.html",
    }
    assert set(found.values()) <= payload


def test_bag_jats_is_the_canonical_jats_plus_self_uri(tour_package: Built) -> None:
    tree = jats_tree(tour_package)
    for uri in tree.findall("front/article-meta/self-uri"):
        parent = uri.getparent()
        assert parent is not None
        parent.remove(uri)
    canonical = jats.write(tour_package.brief, default_options(tour_package.brief))
    plain = etree.fromstring(canonical, PARSER)
    assert etree.tostring(tree, method="c14n") == etree.tostring(plain, method="c14n")


def test_bag_jats_is_valid_against_the_archiving_dtd(
    tour_package: Built, urdu_package: Built, jats_dtd: etree.DTD
) -> None:
    for built in (tour_package, urdu_package):
        tree = jats_tree(built)
        assert jats_dtd.validate(tree), jats_dtd.error_log.filter_from_errors()


def test_pdf_inside_is_pdf_a_3_with_the_plain_canonical_jats(tour_package: Built) -> None:
    pdf = pikepdf.open(io.BytesIO(in_bag(tour_package, f"data/{tour_package.stem}.pdf")))
    with pdf.open_metadata() as xmp:
        assert xmp["pdfaid:part"] == "3"
    attached = pdf.attachments["brief.xml"].get_file().read_bytes()
    assert attached == jats.write(tour_package.brief, default_options(tour_package.brief))


def test_bagit_python_validates_the_unzipped_bag(tour_package: Built, tmp_path: Path) -> None:
    with zipfile.ZipFile(tour_package.bag) as archive:
        archive.extractall(tmp_path)
    made = bagit.Bag(str(tmp_path / tour_package.stem))
    made.validate()  # raises BagValidationError on any problem
    assert made.version_info == (1, 0)
    assert sorted(made.algorithms) == ["sha256", "sha512"]
    assert (
        made.info["Payload-Oxum"]
        == dict(tags(in_bag(tour_package, "bag-info.txt")))["Payload-Oxum"]
    )


def test_a_deposit_pdf_is_pdf_a_3_whatever_standard_was_asked(tour_package: Built) -> None:
    asked = default_options(tour_package.brief, pdf_standard=PdfStandard.PDF_UA_1)
    assert renditions.archival_options(asked).pdf_standard is PdfStandard.PDF_A_3B
    kept = default_options(tour_package.brief, pdf_standard=PdfStandard.PDF_A_3A)
    assert renditions.archival_options(kept).pdf_standard is PdfStandard.PDF_A_3A


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("feature-tour", "feature-tour"),
        ("a/b", "a_b"),
        ("tab\there", "tab_here"),
        ("..", "brief"),
        (None, "brief"),
    ],
)
def test_package_names_are_safe_folder_names(
    tour_package: Built, asked: str | None, expected: str
) -> None:
    from dataclasses import replace

    options = replace(default_options(tour_package.brief), package_name=asked)
    assert renditions.package_stem(options) == expected
