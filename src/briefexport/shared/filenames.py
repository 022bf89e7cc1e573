"""When two file names are one file: the rules of the disks outputs are written to or copied to.

- APFS, as macOS formats it (case-insensitive), compares names by Unicode's canonical caseless
  match: NFD, then full case folding (``CaseFolding.txt``, statuses C and F, without the Turkic
  T rules), then NFD again. ``Straße`` and ``STRASSE`` are one name there, ``café`` written
  with ``é`` and with ``e`` and a combining accent are one, while dotless i (U+0131) and ``i``
  stay two, as do ``İ`` and ``i``.
- NTFS upper-cases each UTF-16 unit by its volume's ``$UpCase`` table (one-to-one mappings:
  ``ß`` stays ``ß``, U+0131 maps to itself) and leaves the encoding of accents alone; the Windows
  calls that create and open files (and so the SMB shares Windows serves) drop the dots and
  spaces a name ends with, so ``notes.`` and ``notes `` both open ``notes``.

:func:`folded` is one key for both: names are *alike* when their keys are equal. The key takes
each rule wherever it comes from, so a few pairs no single disk confuses count as alike too
(``Straße.`` and ``STRASSE``): a false alarm costs a rename, a missed one a replaced file.
Dropping the trailing dots and spaces, rather than refusing names that end in them, keeps such a
name usable where it harms nothing: it is an error only beside a name it would become.
"""

from __future__ import annotations

import unicodedata
from pathlib import PurePosixPath

CASE_OR_ACCENTS = (
    "where names that differ only in case or in how accents are encoded are one (macOS, Windows)"
)
TRAILING_DOTS = (
    "where the dots and spaces that end a name are dropped and case is ignored (Windows)"
)


def folded(path: str) -> str:
    """The key that alike paths share: each ``/``-separated name without the dots and spaces
    it ends with, in its canonical caseless form (NFD of the case folding of its NFD).

    Give whole names: ``a.`` (a stem of ``a..xml``) loses its dot here, while ``a..xml`` and
    ``a.xml`` are two files everywhere."""
    return "/".join(_caseless(name.rstrip(". ")) for name in path.split("/"))


def _caseless(name: str) -> str:
    return unicodedata.normalize("NFD", unicodedata.normalize("NFD", name).casefold())


def alike_where(path: str, other: str) -> str:
    """Where two alike paths are one file, for messages: :data:`CASE_OR_ACCENTS` when they
    differ in case or in the encoding of accents only, else :data:`TRAILING_DOTS`."""
    return CASE_OR_ACCENTS if _caseless(path) == _caseless(other) else TRAILING_DOTS


class FigurePaths:
    """The figure paths of one brief, to find one that names an earlier one's file under another
    spelling (``fig/A.png`` after ``fig/a.png``). JATS and Markdown exports copy each figure to
    its path beside them, so on a disk where the two are one, one copy would replace the other
    (or, the other way round, a brief written there would lose a figure on any other disk)."""

    def __init__(self) -> None:
        self._first: dict[str, tuple[str, int]] = {}

    def conflict(self, href: str, line: int) -> str | None:
        """Why ``href``, named at ``line``, clashes with an earlier figure path, or None (and
        ``href`` is noted). Paths that differ only in ``./`` or doubled ``/`` are equal."""
        spelled = PurePosixPath(href).as_posix()
        earlier, at = self._first.setdefault(folded(spelled), (spelled, line))
        if earlier == spelled:
            return None
        return (
            f"figure path {href!r} names the file of {earlier!r} (line {at})"
            f" {alike_where(spelled, earlier)}: JATS and Markdown exports, which copy figures"
            " beside them, would keep one of the two; spell both alike if they are one figure,"
            " or rename one file"
        )
