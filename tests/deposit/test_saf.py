"""The DSpace Simple Archive Format package: layout and ``contents`` as DSpace's item importer
reads them, and a ``dublin_core.xml`` that carries every field the brief has, in its language."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import quote

import pytest
from lxml import etree

from briefexport.deposit.dublincore import dublin_core_xml
from briefexport.inlines import plain_text
from briefexport.model import Brief
from support.deposit import Built, members

# The fields of DSpace's default "dc" registry (dublin-core-types.xml) this package may use:
# an import into an unmodified DSpace fails on any other field.
DSPACE_REGISTRY = {
    "dc.title",
    "dc.title.alternative",
    "dc.contributor.author",
    "dc.contributor.editor",
    "dc.date.issued",
    "dc.date.copyright",
    "dc.publisher",
    "dc.identifier.doi",
    "dc.identifier.uri",
    "dc.identifier.other",
    "dc.rights",
    "dc.rights.uri",
    "dc.subject",
    "dc.description",
    "dc.description.abstract",
    "dc.language.iso",
    "dc.type",
    "dc.relation.ispartofseries",
}
NOT_TEXT = {"dc.date.issued", "dc.date.copyright", "dc.identifier.doi", "dc.identifier.uri"}
NOT_TEXT |= {"dc.identifier.other", "dc.rights.uri", "dc.language.iso"}
Value = tuple[str, str, str | None]  # field, value, language


def read_dublin_core(data: bytes) -> list[Value]:
    """The values as DSpace's importer reads them: schema from the root, "none" is no qualifier."""
    root = etree.fromstring(data, etree.XMLParser(load_dtd=False, no_network=True))
    assert root.tag == "dublin_core"
    schema = root.get("schema", "dc")
    values = []
    for node in root.iterfind("dcvalue"):
        qualifier = node.get("qualifier")
        name = ".".join(
            [schema, node.get("element", "")]
            + ([qualifier] if qualifier not in (None, "none", "") else [])
        )
        values.append((name, (node.text or "").strip(), node.get("language")))
    return values


def expected_values(brief: Brief) -> list[tuple[str, str]]:
    """Each field the brief has, as docs/deposit.md maps it (built from the model, not the code)."""
    meta = brief.meta
    title = plain_text(meta.title)
    found = [("dc.title", title), ("dc.date.issued", meta.date.isoformat())]
    found += [("dc.title.alternative", plain_text(meta.subtitle))] if meta.subtitle else []
    if meta.running_head and meta.running_head != title:
        found.append(("dc.title.alternative", meta.running_head))
    found += [
        (
            "dc.contributor.author",
            f"{a.name.surname}, {a.name.given_names}" if a.name.given_names else a.name.surname,
        )
        for a in meta.authors
    ]
    found += [
        (
            "dc.contributor.editor",
            f"{e.name.surname}, {e.name.given_names}" if e.name.given_names else e.name.surname,
        )
        for e in meta.editors
    ]
    found += [("dc.publisher", meta.publisher), ("dc.language.iso", meta.language)]
    if meta.doi:
        found += [
            ("dc.identifier.doi", meta.doi),
            ("dc.identifier.uri", f"https://doi.org/{quote(meta.doi)}"),
        ]
    if meta.publisher_id:
        found += [("dc.identifier.other", meta.publisher_id)]
    series = f"{meta.series};{meta.publisher_id}" if meta.publisher_id else meta.series
    found.append(("dc.relation.ispartofseries", series))
    terms = [*([meta.heading] if meta.heading else []), *meta.keywords]
    once = [t for n, t in enumerate(terms) if t.lower() not in [u.lower() for u in terms[:n]]]
    found += [("dc.subject", term) for term in once]
    if meta.abstract:
        found.append(
            ("dc.description.abstract", "\n\n".join(plain_text(p.children) for p in meta.abstract))
        )
    if meta.disclaimer:
        found.append(("dc.description", plain_text(meta.disclaimer)))
    rights = meta.permissions
    if rights:
        found += [("dc.rights", text) for text in (rights.statement, rights.license_text) if text]
        found += [("dc.rights.uri", rights.license_url)] if rights.license_url else []
        found += [("dc.date.copyright", str(rights.year))] if rights.year else []
    return found


@pytest.fixture(scope="module", params=["feature-tour", "harbour-resilience", "urdu", "seed"])
def brief(
    request: pytest.FixtureRequest, tour_package: Built, urdu_package: Built, harbour: Brief
) -> Brief:
    if request.param == "seed":
        seed: Brief = request.getfixturevalue("seed_brief")
        return seed
    return {
        "feature-tour": tour_package.brief,
        "harbour-resilience": harbour,
        "urdu": urdu_package.brief,
    }[request.param]


def test_a_subject_again_in_other_capitals_is_left_out(tour_package: Built) -> None:
    meta = tour_package.brief.meta
    assert meta.heading == "Climate Adaptation"
    assert "climate adaptation" in meta.keywords
    subjects = [
        v for n, v, _ in read_dublin_core(dublin_core_xml(tour_package.brief)) if n == "dc.subject"
    ]
    assert subjects == ["Climate Adaptation", "urban heat", "port cities", "occupational health"]


def test_the_licence_is_the_first_rights_value(tour_package: Built) -> None:
    rights = tour_package.brief.meta.permissions
    assert rights is not None
    assert rights.license_text
    assert rights.statement
    values = read_dublin_core(dublin_core_xml(tour_package.brief))
    assert [v for n, v, _ in values if n == "dc.rights"] == [rights.license_text, rights.statement]


def test_dublin_core_carries_every_field_the_brief_has(brief: Brief) -> None:
    values = read_dublin_core(dublin_core_xml(brief))
    pairs = Counter((name, value) for name, value, _ in values)
    missing = Counter(expected_values(brief)) - pairs
    assert not missing
    assert ("dc.type", "Policy brief") in pairs
    assert {name for name, _, _ in values} <= DSPACE_REGISTRY


def test_text_values_are_in_the_language_of_the_brief(brief: Brief) -> None:
    for name, value, language in read_dublin_core(dublin_core_xml(brief)):
        if name == "dc.type":
            assert language == "en"  # a controlled English term, like DSpace's own type list
        elif name in NOT_TEXT:
            assert language is None, name
        else:
            assert language == brief.meta.language, name
        assert value, f"{name} is empty"


def test_the_urdu_brief_is_described_in_urdu(urdu_package: Built) -> None:
    values = read_dublin_core(dublin_core_xml(urdu_package.brief))
    title = next(value for name, value, _ in values if name == "dc.title")
    assert re.search("[\u0600-\u06ff]", title)
    assert ("dc.language.iso", "ur", None) in values
    assert ("dc.title", title, "ur") in values


def item(built: Built) -> dict[str, bytes]:
    prefix = f"{built.stem}/item_000/"
    files = members(built.saf)
    assert all(name.startswith(prefix) for name in files)
    return {name.removeprefix(prefix): data for name, data in files.items()}


@pytest.mark.parametrize("name", ["tour_package", "urdu_package"])
def test_package_is_one_item_folder_in_one_top_folder(
    name: str, request: pytest.FixtureRequest
) -> None:
    built: Built = request.getfixturevalue(name)
    files = item(built)
    assert list(files)[:2] == ["contents", "dublin_core.xml"]
    assert files["dublin_core.xml"] == dublin_core_xml(built.brief)


def contents_lines(built: Built) -> list[tuple[str, dict[str, str]]]:
    """``contents`` as DSpace splits it: the name up to the first tab, then tab-led options."""
    parsed = []
    for line in item(built)["contents"].decode().splitlines():
        name, *options = line.split("\t")
        parsed.append((name, dict(option.split(":", 1) for option in options)))
    return parsed


def test_contents_names_every_bitstream_with_bundle_and_description(tour_package: Built) -> None:
    files = item(tour_package)
    lines = contents_lines(tour_package)
    assert sorted(name for name, _ in lines) == sorted(set(files) - {"contents", "dublin_core.xml"})
    for _, options in lines:
        assert options["bundle"] == "ORIGINAL"
        assert options["description"].strip()
    stem = tour_package.stem
    assert {
        f"{stem}.pdf",
        f"{stem}.epub",
        f"{stem}.docx",
        f"{stem}.html",
        f"{stem}.jats.xml",
    } <= set(files)
    for figure in tour_package.brief.figures:
        assert files[figure.image.href] == figure.image.data


def test_the_pdf_is_the_one_primary_bitstream_and_comes_first(tour_package: Built) -> None:
    lines = contents_lines(tour_package)
    primary = [name for name, options in lines if options.get("primary") == "true"]
    assert primary == [f"{tour_package.stem}.pdf"]
    assert lines[0][0] == primary[0]


def test_saf_and_bag_carry_the_same_renditions(tour_package: Built) -> None:
    bag_payload = {
        name.split("/data/", 1)[1]: data
        for name, data in members(tour_package.bag).items()
        if "/data/" in name
    }
    saf_files = {
        name: data
        for name, data in item(tour_package).items()
        if name not in ("contents", "dublin_core.xml")
    }
    assert saf_files == bag_payload
