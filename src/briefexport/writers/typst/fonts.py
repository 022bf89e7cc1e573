"""The font files Typst may read: the brand's families, and the folders the brand names.

Typst never scans the system's fonts here. Reading every Noto font costs about 0.1 s, so Typst
indexes exactly the files of the brand's families, which fontconfig (``fc-list``) finds
wherever they are installed. Without fontconfig, the standard Debian folders where
``scripts/setup`` installs the Noto and DejaVu fonts (``fonts-noto-core``,
``fonts-dejavu-core``) are read whole. Folders listed in ``brand.toml`` (``[fonts] folders``,
relative to the style folder) are always read whole. Typst's own bundled fonts are used only
when none of these exists. The index is built once per set of files and reused.

The brand's fallback families (``[fonts] scripts``, ``cjk``, ``emoji``) are indexed only for a
brief that has a character its other families lack and they draw (:func:`for_text`): the Noto
CJK collections alone hold twenty faces, and indexing them cost every brief about 0.2 s.

Typst draws a character none of these fonts has as an empty box, silently:
:func:`warn_uncovered` names each such character (the brand's ``[fonts] scripts``, ``cjk``
and ``emoji`` lists are where a family that has it belongs).
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import typst

from ...errors import BriefexportError
from ...shared.brand import Brand, FontRole
from ...shared.coverage import installed_charsets, uncovered
from ...shared.located import at_text

LOGGER = logging.getLogger(__name__)

DEBIAN_FONT_FOLDERS = (
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/share/fonts/truetype/dejavu"),
)
FONT_SUFFIXES = (".ttf", ".otf", ".ttc")
ROLES: tuple[FontRole, ...] = ("body", "heading", "monospace")


def role_families(brand: Brand) -> frozenset[str]:
    """Every family the house style names for a role, in any direction."""
    fonts = brand.fonts
    return frozenset(name for role in ROLES for name in (*fonts.latin(role), *fonts.rtl(role)))


def brand_families(brand: Brand) -> frozenset[str]:
    """Every family the house style names, in any role and direction, and its fallbacks."""
    return frozenset({*role_families(brand), *brand.fonts.fallbacks()})


@functools.cache
def installed_fonts() -> tuple[tuple[Path, frozenset[str]], ...] | None:
    """Every font file fontconfig knows with its family names, or None without fontconfig."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    command = [fc_list, "--format", "%{file}\t%{family}\n"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return None
    found = []
    for line in result.stdout.splitlines():
        path, _, families = line.partition("\t")
        if path.lower().endswith(FONT_SUFFIXES):
            found.append((Path(path), frozenset(families.split(","))))
    return tuple(found)


def family_files(families: frozenset[str]) -> tuple[Path, ...] | None:
    """The installed files of ``families``, or None when fontconfig cannot say."""
    installed = installed_fonts()
    if installed is None:
        return None
    return tuple(sorted({path for path, names in installed if names & families}))


def brand_folders(brand: Brand, style_dir: Path) -> list[Path]:
    """The font folders ``brand.toml`` names, each of which must exist."""
    folders = []
    for name in brand.fonts.folders:
        folder = (style_dir / name).resolve()
        if not folder.is_dir():
            raise BriefexportError(f"brand.toml: [fonts] folders: no folder {folder}")
        folders.append(folder)
    return folders


def typst_fonts(brand: Brand, style_dir: Path) -> typst.Fonts:
    """Typst's index of the brand's font files and of the brand's font folders."""
    files = family_files(brand_families(brand))
    folders = tuple(brand_folders(brand, style_dir))
    if files is None:
        folders = (*(folder for folder in DEBIAN_FONT_FOLDERS if folder.is_dir()), *folders)
    return _index(files or (), folders)


@functools.lru_cache(maxsize=8)
def _index(files: tuple[Path, ...], folders: tuple[Path, ...]) -> typst.Fonts:
    # Typst reads fonts from folders only: the files are linked into a private one for the
    # scan. The index keeps each font's real path and loads it when first used, so it can be
    # shared between documents and threads (it is never changed after this).
    with tempfile.TemporaryDirectory(prefix="briefexport-fonts-") as private:
        for index, path in enumerate(files):
            os.symlink(path, Path(private) / f"{index}-{path.name}")
        return typst.Fonts(
            include_system_fonts=False,
            include_embedded_fonts=not (files or folders),
            font_paths=[Path(private), *folders],
        )


def brand_uncovered(texts: Iterable[str], brand: Brand, style_dir: Path) -> list[str]:
    """Characters of ``texts`` that no font file of the brand covers (none without fontconfig:
    Typst then reads whole folders, which this cannot check)."""
    lacking = _lacking("".join(texts), brand_families(brand))
    if lacking is None:
        return []
    return uncovered([lacking], (), brand_folders(brand, style_dir))


def warn_uncovered(texts: Iterable[str], brand: Brand, style_dir: Path) -> list[str]:
    """Log one warning per character the brand's fonts cannot draw; return them."""
    missing = brand_uncovered(texts, brand, style_dir)
    for char in missing:
        name = unicodedata.name(char, "unnamed character")
        message = "PDF (Typst): no font of the brand can draw U+%04X %s (%r)"
        LOGGER.warning(message, ord(char), name, char, extra=at_text(char))
    return missing


def for_text(brand: Brand, texts: Iterable[str]) -> Brand:
    """``brand`` with only the fallback families that draw a character of ``texts`` which the
    families before them cannot (all of them when fontconfig cannot say). Emoji come before
    ``fallback`` in Typst's lists, so they are judged against the role families alone."""
    fonts = brand.fonts
    # A role may list the fallback family too (DejaVu Sans for headings): judged as fallback.
    after_roles = _lacking("".join(texts), role_families(brand) - {fonts.fallback})
    if after_roles is None:
        return brand
    after_fallback = _lacking(after_roles, frozenset({fonts.fallback})) or ""
    scripts = _drawing(fonts.scripts, after_fallback)
    cjk = _drawing(fonts.cjk, after_fallback)
    emoji = _drawing(fonts.emoji, after_roles)
    kept = dataclasses.replace(fonts, scripts=scripts, cjk=cjk, emoji=emoji)
    return dataclasses.replace(brand, fonts=kept)


def _drawing(families: tuple[str, ...], lacking: str) -> tuple[str, ...]:
    """The families that draw a character of ``lacking`` no family before them draws (Typst
    takes the first family that has a glyph)."""
    kept = []
    for family in families:
        left = _lacking(lacking, frozenset({family})) if lacking else None
        if left is not None and len(left) < len(lacking):
            kept.append(family)
            lacking = left
    return tuple(kept)


def _lacking(text: str, families: frozenset[str]) -> str | None:
    """The characters of ``text`` that no file of ``families`` covers, or None without
    fontconfig."""
    files = family_files(families)
    if files is None:
        return None
    wanted = set(files)
    charsets = (charset for path, charset in installed_charsets() if path in wanted)
    return "".join(uncovered([text], charsets, ()))
