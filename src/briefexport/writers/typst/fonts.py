"""The font files Typst may read: those of the brand's families that the brief needs.

Typst never scans the system's fonts here, and indexes only the files a brief needs, chosen
from the characters it prints:

1. the Latin families of the brand (body and heading; monospace when the brief has code),
   and its right-to-left families when the brief has Arabic-script or Hebrew letters: the first
   installed family of each role, the next ones only for characters still undrawn;
2. the brand's fallback families (``[fonts] emoji``, ``fallback``, ``scripts``, ``cjk``, in
   Typst's order), each only when it draws a character the families before it cannot
   (:func:`for_text`): the Noto CJK collections alone hold twenty faces;
3. characters no font of the brand draws are reported (:func:`warn_undrawable`): Typst reads
   no other font, and would draw them as empty boxes.

A family's files are found by the naming of the Noto and DejaVu packages
(``NotoSerif-Bold.ttf``, ``DejaVuSans.ttf``) in the standard font folders, which costs no
process; a family named otherwise is asked of fontconfig (``fc-list``)
(:mod:`briefexport.shared.fontfiles`). Which characters a file draws comes from its ``cmap``
(:mod:`briefexport.shared.cmap`), not from fontconfig's coverage of every font.
Folders listed in ``brand.toml`` (``[fonts] folders``, relative to the style folder) are always
read whole. Without fontconfig and without the named files, the Debian folders where
``scripts/setup`` installs the fonts are read whole. The index is built once per set of files
and their states (:mod:`briefexport.shared.caches`): a font file added to one of these folders,
removed or replaced makes a new index, as a changed file makes its ``cmap`` read again. A bold
face that declares the weight of its regular one is indexed as a copy that weighs 700
(:mod:`.faces`), so that Typst sets regular text in the regular face.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

import typst

from ...errors import BriefexportError
from ...shared.brand import Brand, FontRole
from ...shared.caches import STYLE_CACHES, FilesStamp, files_stamp
from ...shared.cmap import coverage
from ...shared.fontfiles import FONT_SUFFIXES, family_files, folder_files
from ...shared.i18n import primary_language
from ...shared.located import at_text
from .faces import scan

LOGGER = logging.getLogger(__name__)
DEBIAN_FONT_FOLDERS = (
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/share/fonts/truetype/dejavu"),
)
ROLES: tuple[FontRole, ...] = ("body", "heading", "monospace")
TYPST_FONT_SUFFIXES = (*FONT_SUFFIXES, ".otc")  # the files Typst's scan of a folder reads
REPLACEMENT = "\ufffd"
# Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, their presentation forms, and the
# right-to-left blocks of the Supplementary Multilingual Plane: the scripts of the rtl fonts,
# as (first, last) code points
RIGHT_TO_LEFT_SCRIPTS = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF),
                         (0x10800, 0x10FFF), (0x1E800, 0x1EFFF))  # fmt: skip
# Chinese, Japanese and Korean letters and signs (Hangul Jamo, CJK Radicals to Yi, Hangul
# Syllables, CJK Compatibility Ideographs and Forms, Halfwidth and Fullwidth Forms, and the
# ideographs of planes 2 and 3), which the brand's `cjk` families draw, as (first, last)
CJK_SCRIPTS = ((0x1100, 0x11FF), (0x2E80, 0xA4CF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF),
               (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x20000, 0x3FFFF))  # fmt: skip


class BrandFonts(NamedTuple):
    """The font folders ``brand.toml`` names and the files below them that Typst's scan reads,
    listed once per brief (:func:`brand_fonts`)."""

    folders: tuple[Path, ...]
    files: tuple[Path, ...]

    def fonts(self) -> list[Path]:
        """The files a family's files can be among (those of :data:`FONT_SUFFIXES`)."""
        return [path for path in self.files if path.suffix.lower() in FONT_SUFFIXES]


class FontChoice(NamedTuple):
    """The files and folders Typst indexes for one brief, and the characters none draws;
    ``folder_files``: the font files below ``folders`` as listed when choosing (the Debian
    folders, read whole when no family was found, are not listed); ``cjk``: whether the text
    has Chinese, Japanese or Korean letters."""

    files: tuple[Path, ...]
    folders: tuple[Path, ...]
    undrawable: frozenset[str]
    folder_files: tuple[Path, ...] = ()
    cjk: bool = False


def needs_glyph(char: str) -> bool:
    """Whether a character is drawn (spaces and format controls such as bidi marks are not)."""
    return not char.isspace() and unicodedata.category(char) not in {"Cc", "Cf", "Zs", "Zl", "Zp"}


def role_families(brand: Brand) -> frozenset[str]:
    """Every family the house style names for a role, in any direction (Urdu's too)."""
    fonts = brand.fonts
    names = {name for role in ROLES for name in (*fonts.latin(role), *fonts.rtl(role))}
    return frozenset({*names, *fonts.urdu_body, *fonts.urdu_heading})


def brand_families(brand: Brand) -> frozenset[str]:
    """Every family the house style names, in any role and direction, and its fallbacks."""
    return frozenset({*role_families(brand), *brand.fonts.fallbacks()})


def rtl_families(brand: Brand, role: FontRole, language: str) -> tuple[str, ...]:
    """The right-to-left families of a role, then the Latin ones of the role (so Latin words
    in an Arabic-script brief are set in the house Latin fonts); Urdu's own families when the
    brand prints Urdu in them (``urdu_in_print``), as the WeasyPrint engine does."""
    if role == "monospace":
        return brand.fonts.monospace
    urdu = brand.fonts.urdu_in_print and primary_language(language) == "ur"
    return brand.fonts.stack(f"{'urdu' if urdu else 'rtl'}_{role}")


def has_cjk(chars: Iterable[str]) -> bool:
    """Whether one of ``chars`` is a Chinese, Japanese or Korean letter or sign."""
    return any(first <= ord(char) <= last for char in chars for first, last in CJK_SCRIPTS)


def has_right_to_left(chars: Iterable[str]) -> bool:
    """Whether one of ``chars`` belongs to the right-to-left scripts (compared by code point:
    a regular expression of these ranges costs a millisecond to compile in every process)."""
    return any(
        first <= ord(char) <= last for char in chars for first, last in RIGHT_TO_LEFT_SCRIPTS
    )


def role_families_for(
    brand: Brand, present: set[str], code: bool, language: str = ""
) -> list[tuple[str, ...]]:
    """The brand's family lists, best first, that a text of the characters ``present`` needs:
    Latin body and heading, monospace for ``code``, and the right-to-left lists for
    Arabic-script or Hebrew text."""
    fonts = brand.fonts
    roles: list[FontRole] = ["body", "heading"]
    if code:
        roles.append("monospace")
    lists = [fonts.latin(role) for role in roles]
    if has_right_to_left(present):
        lists += [rtl_families(brand, role, language) for role in roles]
    return lists


def brand_folders(brand: Brand, style_dir: Path) -> tuple[Path, ...]:
    """The font folders ``brand.toml`` names, each of which must exist."""
    folders = []
    for name in brand.fonts.folders:
        folder = (style_dir / name).resolve()
        if not folder.is_dir():
            raise BriefexportError(f"brand.toml: [fonts] folders: no folder {folder}")
        folders.append(folder)
    return tuple(folders)


def brand_fonts(brand: Brand, style_dir: Path) -> BrandFonts:
    """The brand's font folders, each of which must exist, and the font files below them."""
    folders = brand_folders(brand, style_dir)
    return BrandFonts(folders, tuple(folder_files(folders, TYPST_FONT_SUFFIXES)))


def undrawn(chars: set[int], files: Iterable[Path]) -> set[int]:
    """The code points of ``chars`` that none of ``files`` draws."""
    left = set(chars)
    for path in files:
        if not left:
            break
        covers = coverage(path)
        left = {point for point in left if not covers(point)}
    return left


def installed(families: tuple[str, ...]) -> list[tuple[Path, ...]]:
    """The files of each family of a list that is installed, in the list's order."""
    found = (family_files(family) for family in families)
    return [files for files in found if files]


def role_files(lists: list[tuple[str, ...]], chars: set[int], chosen: list[Path]) -> list[Path]:
    """The first installed family of every role; then, in order, the next families of each
    role only while some of ``chars`` is drawn by none of the files taken."""
    per_role = [installed(families) for families in lists]
    files = [*chosen, *(path for role in per_role if role for path in role[0])]
    for role in per_role:
        for later in role[1:]:
            if not undrawn(chars, files):
                return files
            files += later
    return files


def choose_fonts(
    brand: Brand,
    style_dir: Path,
    text: str,
    code: bool,
    language: str = "",
    listed: BrandFonts | None = None,
) -> FontChoice:
    """The files and folders Typst needs for ``text`` in ``language`` (see the module
    docstring); ``listed``: the brand's fonts as :func:`brand_fonts` listed them for this brief."""
    listed = brand_fonts(brand, style_dir) if listed is None else listed
    in_folders = listed.fonts()
    present = set(text)
    chars = {ord(char) for char in present if needs_glyph(char)}
    lists = role_families_for(brand, present, code, language)
    files = role_files(lists, chars, in_folders)
    if not files:
        folders = tuple(folder for folder in DEBIAN_FONT_FOLDERS if folder.is_dir())
        return FontChoice((), folders, frozenset())
    left = undrawn(chars, files)
    for family in for_text(brand, [text]).fonts.fallbacks(emoji_first=True) if left else ():
        found = family_files(family)
        still = undrawn(left, found)
        if len(still) < len(left):
            files += found
            left = still
    if left:
        files += family_files(brand.fonts.fallback)  # it draws the replacement character
    chosen = sorted(set(files) - set(in_folders))
    undrawable = frozenset(map(chr, left))
    return FontChoice(tuple(chosen), listed.folders, undrawable, listed.files, has_cjk(present))


def for_text(brand: Brand, texts: Iterable[str]) -> Brand:
    """``brand`` with only the fallback families that draw a character of ``texts`` which the
    families before them cannot. Emoji come before ``fallback`` in Typst's lists, so they are
    judged against the role families alone."""
    fonts = brand.fonts
    # A role may list the fallback family too (DejaVu Sans for headings): judged as fallback.
    role_files = [path for name in role_families(brand) - {fonts.fallback}
                  for path in family_files(name)]  # fmt: skip
    wanted = {ord(char) for text in texts for char in set(text) if needs_glyph(char)}
    after_roles = undrawn(wanted, role_files)
    after_fallback = undrawn(after_roles, family_files(fonts.fallback))
    kept = dataclasses.replace(
        fonts,
        scripts=_drawing(fonts.scripts, after_fallback),
        cjk=_drawing(fonts.cjk, after_fallback),
        emoji=_drawing(fonts.emoji, after_roles),
    )
    return dataclasses.replace(brand, fonts=kept)


def _drawing(families: tuple[str, ...], lacking: set[int]) -> tuple[str, ...]:
    """The families that draw a code point of ``lacking`` no family before them draws (Typst
    takes the first family that has a glyph)."""
    kept = []
    for family in families:
        left = undrawn(lacking, family_files(family)) if lacking else lacking
        if len(left) < len(lacking):
            kept.append(family)
            lacking = left
    return tuple(kept)


def warn_undrawable(chars: Iterable[str], replaced: bool) -> None:
    """One warning per character no font of the brand draws (Typst reads no other font)."""
    after = "; printed as U+FFFD" if replaced else ""
    for char in sorted(chars):
        name = unicodedata.name(char, "unnamed character")
        message = "PDF (Typst): no font of the brand can draw U+%04X %s (%r)%s"
        LOGGER.warning(message, ord(char), name, char, after, extra=at_text(char))


def typst_fonts(choice: FontChoice) -> typst.Fonts:
    """Typst's index of the chosen files and folders, made again once one of the files, or a
    font file below the brand's folders (as listed for this brief), is added, removed or
    changed. The Debian folders read whole when no family was found are the system's, listed
    once per process as its other fonts are: a stamp of their 300 files would cost each brief
    3 ms."""
    fonts = [*choice.files, *choice.folder_files]
    return _index(choice.files, choice.folders, files_stamp(fonts))


@functools.lru_cache(maxsize=8)
def _index(files: tuple[Path, ...], folders: tuple[Path, ...], _fonts: FilesStamp) -> typst.Fonts:
    return scan(files, folders)


STYLE_CACHES.append(_index.cache_clear)
