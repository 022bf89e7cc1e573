"""Helpers of the deposit tests (BagIt bags, DSpace SAF packages); fixtures live in
``tests/deposit/conftest.py``."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

import briefexport
from briefexport.model import Brief


@dataclass(frozen=True)
class Built:
    """One brief and the packages written for it."""

    source: Path
    brief: Brief
    bag: Path
    saf: Path

    @property
    def stem(self) -> str:
        return self.source.name.removesuffix(".xml")


def built(folder: Path, source: Path) -> Built:
    """The packages of ``source`` written to ``folder``."""
    stem = source.name.removesuffix(".xml")
    return Built(
        source, briefexport.load(source), folder / f"{stem}.bag.zip", folder / f"{stem}.saf.zip"
    )


def members(package: Path) -> dict[str, bytes]:
    """Every file of a zip by entry name (our own output: trusted in tests)."""
    with zipfile.ZipFile(package) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}
