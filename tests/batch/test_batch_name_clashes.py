"""Names that differ only in case or in Unicode normalization are one file on macOS, Windows and
many network shares, and so are names that differ only in trailing dots or spaces on Windows:
briefs whose outputs would take such names clash as if the names were equal, whatever the folders
they lie in are called (this Linux file system holds both, so the tests make them directly)."""

from __future__ import annotations

import json
import os
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefexport.batch.discovery import discover
from briefexport.batch.manifest import MANIFEST_NAME
from support.batch import SHORT, BatchRun

NFC_NAME = unicodedata.normalize("NFC", "café.xml")
NFD_NAME = unicodedata.normalize("NFD", "café.xml")
WALK = os.walk
DOTLESS = "\u0131"


def briefs(folder: Path, *names: str) -> Path:
    """A collection holding a copy of the short example under each of ``names``."""
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SHORT, folder / name)
    return folder


@pytest.mark.parametrize(
    ("names", "kept", "second"),
    [
        (["brief.xml", "Brief.xml"], "Brief.xml", "brief.xml"),
        ([NFC_NAME, NFD_NAME], NFD_NAME, NFC_NAME),
        (["reports/a.xml", "Reports/a.xml"], "Reports/a.xml", "reports/a.xml"),
        (["ΟΔΟΣ.xml", "οδοσ.xml"], "ΟΔΟΣ.xml", "οδοσ.xml"),
        (["STRAẞE.xml", "straße.xml"], "STRAẞE.xml", "straße.xml"),
        (["ᾼΔΉ.xml", "ᾳδή.xml"], "ᾳδή.xml", "ᾼΔΉ.xml"),
        (["θ.xml", "ϴ.xml"], "θ.xml", "ϴ.xml"),
        (["Straße.xml", "STRASSE.xml"], "STRASSE.xml", "Straße.xml"),
        (["KIRMIZI.xml", "kirmizi.xml"], "KIRMIZI.xml", "kirmizi.xml"),
        (["notes /a.xml", "notes/a.xml"], "notes /a.xml", "notes/a.xml"),
        (["notes./a.xml", "notes/a.xml"], "notes./a.xml", "notes/a.xml"),
        (["Notes. ./a.xml", "notes/a.xml"], "Notes. ./a.xml", "notes/a.xml"),
        (
            ["REPORTS/Ärger.XML", "reports/ärger.xml"],
            "REPORTS/Ärger.XML",
            "reports/ärger.xml",
        ),
    ],
)
def test_names_alike_but_for_case_or_normalization_clash(
    tmp_path: Path, names: list[str], kept: str, second: str
) -> None:
    assert len(set(names)) == 2
    found = discover(briefs(tmp_path / "briefs", *names), tmp_path / "out")
    assert [source.relative for source in found.sources] == [kept]
    assert [(clash.source.relative, clash.kept.relative) for clash in found.clashes] == [
        (second, kept)
    ]


@pytest.mark.parametrize(
    "names",
    [
        # APFS folds case by Unicode's default rules, NTFS by its upcase table: on neither is the
        # dotless i (U+0131) the i, nor the capital I with a dot the I
        [f"k{DOTLESS}rm{DOTLESS}z{DOTLESS}.xml", "kirmizi.xml"],
        ["KIRMIZI.xml", f"k{DOTLESS}rm{DOTLESS}z{DOTLESS}.xml"],
        ["İzmir.xml", "izmir.xml"],
        # a stem's last dot is no trailing dot: a..xml and a.xml are two names on Windows too
        ["a..xml", "a.xml"],
        ["notes/a.xml", "notes/a .xml"],
    ],
)
def test_names_no_case_insensitive_disk_takes_for_one_do_not_clash(
    tmp_path: Path, names: list[str]
) -> None:
    found = discover(briefs(tmp_path / "briefs", *names), tmp_path / "out")
    assert sorted(source.relative for source in found.sources) == sorted(names)
    assert found.clashes == []


def test_an_archival_name_with_a_dot_more_is_a_brief_of_its_own(tmp_path: Path) -> None:
    found = discover(briefs(tmp_path / "briefs", "a.xml", "a..jats.xml"), tmp_path / "out")
    assert [source.relative for source in found.sources] == ["a..jats.xml", "a.xml"]
    assert (found.skipped, found.clashes) == ([], [])


@pytest.mark.parametrize(
    ("names", "where"),
    [
        (["Brief.xml", "brief.xml"], "in case or in how accents are encoded are one (macOS"),
        (["notes /a.xml", "notes/a.xml"], "dots and spaces that end a name are dropped"),
    ],
)
def test_a_clash_says_where_the_names_are_one(tmp_path: Path, names: list[str], where: str) -> None:
    (clash,) = discover(briefs(tmp_path / "briefs", *names), tmp_path / "out").clashes
    assert where in clash.reason


def test_briefs_in_alike_folders_are_no_clash_by_their_names(tmp_path: Path) -> None:
    # their outputs differ in name; only their figure copies may clash (test_batch_figure_copies)
    names = ["Reports/a.xml", "reports/b.xml", "reports/2026/c.xml", "notes /d.xml", "notes/e.xml"]
    found = discover(briefs(tmp_path / "briefs", *names), tmp_path / "out")
    assert sorted(source.relative for source in found.sources) == sorted(names)
    assert found.clashes == []


def reversed_walk(top: Path) -> Iterator[tuple[str, list[str], list[str]]]:
    """``os.walk`` listing every folder backwards (the lists stay the ones the walk follows)."""
    for folder, subfolders, files in WALK(top):
        subfolders.reverse()
        files.reverse()
        yield folder, subfolders, files


def test_which_brief_is_kept_does_not_depend_on_the_listing_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    collection = briefs(
        tmp_path / "briefs", "brief.xml", "Brief.xml", "BRIEF.xml", NFC_NAME, NFD_NAME
    )
    (collection / "notes.md").write_bytes(SHORT.read_bytes())  # not a brief without --import
    forwards = discover(collection, tmp_path / "out")
    monkeypatch.setattr(os, "walk", reversed_walk)
    backwards = discover(collection, tmp_path / "out")
    assert [source.relative for source in forwards.sources] == ["BRIEF.xml", NFD_NAME]
    assert forwards == backwards


def test_a_clash_of_case_is_reported_and_only_the_kept_brief_is_converted(
    batch: BatchRun, collection: Path, out: Path
) -> None:
    briefs(collection, "Brief.xml", "brief.xml")
    status, errors, report = batch("--to", "jats,html")
    second = collection / "brief.xml"
    line = (
        f"{second}:1:1: error: its outputs would replace those of Brief.xml where names that"
        " differ only in case or in how accents are encoded are one (macOS, Windows); rename"
        " one of them"
    )
    assert line in errors.splitlines()
    assert status == 2
    assert "Brief.xml" in report["converted"]
    assert "brief.xml" not in report["converted"]
    assert [item["errors"] for item in report["failed"] if item["source"] == "brief.xml"] == [
        [line]
    ]
    outputs = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))["outputs"]
    assert {"Brief.jats.xml", "Brief.html"} <= set(outputs)
    assert not {"brief.jats.xml", "brief.html"} & set(outputs)
    assert not (out / "brief.html").exists()


def test_an_archival_jats_spelled_otherwise_is_still_its_briefs(
    batch: BatchRun, collection: Path
) -> None:
    # "Harbour-Resilience.jats.xml" sorts before "harbour-resilience.xml": as a brief, it would
    # win the clash and keep the brief itself from being converted
    shutil.copy(SHORT, collection / "Harbour-Resilience.jats.xml")
    _, errors, report = batch("--to", "html", "-v")
    assert report["skipped"] == {
        "Harbour-Resilience.jats.xml": "the archival JATS of harbour-resilience.xml"
    }
    assert "harbour-resilience.xml" in report["converted"]
    assert "would replace" not in errors
