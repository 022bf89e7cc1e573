"""Archival JATS: DTD-valid, deterministic, golden per example, and lossless on the round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

import briefexport
from briefexport.model import Brief
from briefexport.options import default_options
from briefexport.reader import parse_brief
from briefexport.writers import jats
from conftest import DATA, EXAMPLES
from strategies import briefs

GOLDEN = Path(__file__).resolve().parent / "golden"
BRIEFS = sorted(EXAMPLES.glob("*.xml")) + sorted((DATA / "rtl").glob("*.xml"))


def write_jats(brief: Brief) -> bytes:
    return jats.write(brief, default_options(brief))


def dtd_errors(data: bytes, dtd: etree.DTD) -> list[str]:
    parser = etree.XMLParser(load_dtd=False, resolve_entities=False, no_network=True)
    tree = etree.fromstring(data, parser).getroottree()
    if dtd.validate(tree):
        return []
    return [f"{e.line}: {e.message}" for e in dtd.error_log]


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.name)
def test_output_is_valid_against_the_archiving_dtd(path: Path, jats_dtd: etree.DTD) -> None:
    assert dtd_errors(write_jats(briefexport.load(path)), jats_dtd) == []


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.name)
def test_round_trip_gives_an_equal_model(path: Path) -> None:
    brief = briefexport.load(path)
    again, warnings = parse_brief(write_jats(brief), base_dir=path.parent)
    assert warnings == []
    assert again == brief


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.xml")), ids=lambda p: p.name)
def test_output_matches_the_reviewed_golden_file(path: Path, accept: bool) -> None:
    golden = GOLDEN / path.name.replace(".xml", ".jats.xml")
    output = write_jats(briefexport.load(path))
    if accept:
        golden.write_bytes(output)
    assert golden.is_file(), f"no golden file; review the output and run pytest --accept: {golden}"
    assert output == golden.read_bytes(), "JATS output changed; review it, then pytest --accept"


def test_declaration_doctype_and_labels() -> None:
    output = write_jats(briefexport.load(EXAMPLES / "feature-tour.xml"))
    head = output.splitlines()[:3]
    assert head[0] == b'<?xml version="1.0" encoding="UTF-8"?>'
    assert (
        b'"-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.3 20210610//EN"'
        in head[1]
    )
    assert head[2].startswith(b"<article ")
    assert b'dtd-version="1.3"' in head[2]
    tree = etree.fromstring(output, etree.XMLParser(load_dtd=False))
    labels = [fn.findtext("label") for fn in tree.iterfind("back/fn-group/fn")]
    assert labels == [str(n) for n in range(1, len(labels) + 1)]
    links = list(tree.iter("ext-link"))
    assert links
    assert all(link.get("{http://www.w3.org/1999/xlink}title") for link in links)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(brief=briefs())
def test_generated_briefs_round_trip_and_stay_dtd_valid(brief: Brief, jats_dtd: etree.DTD) -> None:
    output = write_jats(brief)
    again, warnings = parse_brief(output)
    assert warnings == []
    assert again == brief
    assert write_jats(again) == output
    assert dtd_errors(output, jats_dtd) == []
