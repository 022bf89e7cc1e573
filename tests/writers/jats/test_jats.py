"""Archival JATS: DTD-valid, deterministic, golden per example, and lossless on the round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from lxml import etree

import briefexport
from briefexport.model import Brief
from briefexport.options import default_options
from briefexport.reader import parse_brief
from briefexport.writers import jats
from support.golden import check_golden
from support.paths import TOUR, example_paths, rtl_paths
from support.strategies import briefs, folder_with_figures
from support.validators import dtd_errors

GOLDEN = Path(__file__).resolve().parent / "golden"
BRIEFS = example_paths() + rtl_paths()


def write_jats(brief: Brief) -> bytes:
    return jats.write(brief, default_options(brief))


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.name)
def test_output_is_valid_against_the_archiving_dtd(path: Path, jats_dtd: etree.DTD) -> None:
    assert dtd_errors(write_jats(briefexport.load(path)), jats_dtd) == []


@pytest.mark.parametrize("path", BRIEFS, ids=lambda p: p.name)
def test_round_trip_gives_an_equal_model(path: Path) -> None:
    brief = briefexport.load(path)
    again, warnings = parse_brief(write_jats(brief), base_dir=path.parent)
    assert warnings == []
    assert again == brief


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.name)
def test_output_matches_the_reviewed_golden_file(path: Path, accept: bool) -> None:
    output = write_jats(briefexport.load(path))
    check_golden(GOLDEN / f"{path.stem}.jats.xml", output, accept)


def test_declaration_doctype_and_labels() -> None:
    output = write_jats(briefexport.load(TOUR))
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


@given(brief=briefs())
def test_generated_briefs_round_trip(brief: Brief) -> None:
    output = write_jats(brief)
    with folder_with_figures(brief) as folder:
        again, warnings = parse_brief(output, base_dir=folder)
    assert warnings == []
    assert again == brief
    assert write_jats(again) == output


@given(brief=briefs())
def test_generated_briefs_stay_dtd_valid(brief: Brief, jats_dtd: etree.DTD) -> None:
    assert dtd_errors(write_jats(brief), jats_dtd) == []
