"""Which DOCTYPEs a JATS article may carry: any JATS or NLM tag set, named but never loaded.

Public identifiers of NISO JATS 1.0-1.4 (Z39.96) and of the NLM 2.x/3.0 tag sets they replaced,
for the Archiving ("green"), Publishing ("blue") and Article Authoring ("pumpkin") tag sets, with
or without the MathML 3 and OASIS table variants, are recognised by their shape::

    -//NLM//DTD JATS (Z39.96) Journal Publishing DTD with MathML3 v1.2 20190208//EN
    -//NLM//DTD Journal Archiving and Interchange DTD v3.0 20080202//EN

Any other DOCTYPE on an ``article`` (a publisher's own DTD, a system identifier only) is accepted
with a warning; an internal subset is refused by :mod:`briefexport.shared.safexml` whatever it
names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...shared.safexml import Doctype

_JATS_PUBLIC_ID = re.compile(
    r"-//NLM//DTD (?P<jats>JATS \(Z39\.96\) )?"
    r"(?P<tag_set>Journal Archiving and Interchange|Journal Publishing|Article Authoring)"
    r" DTD(?: with [A-Za-z0-9 ]+?)? v(?P<version>\d+\.\d+)(?:d\d+)? \d{8}//EN"
)
KNOWN_VERSIONS = {
    "JATS": ("1.0", "1.1", "1.2", "1.3", "1.4"),
    "NLM": ("2.0", "2.1", "2.2", "2.3", "3.0"),
}


@dataclass
class DoctypeReport:
    """Collects what the DOCTYPE said, for warnings after parsing."""

    warnings: list[tuple[int, str]] = field(default_factory=list)

    def policy(self, doctype: Doctype) -> str | None:
        """Accept any DOCTYPE of an ``article``; note the ones that are not JATS or NLM."""
        if doctype.root != "article":
            return f"DOCTYPE names a <{doctype.root}> root; a JATS article is an <article>"
        found = _JATS_PUBLIC_ID.fullmatch(doctype.public_id or "")
        if found is None:
            shown = doctype.public_id or doctype.system_id or "no identifier"
            self.warnings.append(
                (doctype.line, f"DOCTYPE {shown!r} is not a JATS tag set; read as JATS anyway")
            )
            return None
        family = "JATS" if found["jats"] else "NLM"
        if found["version"] not in KNOWN_VERSIONS[family]:
            message = f"{family} version {found['version']} is not one this importer knows"
            self.warnings.append((doctype.line, message + "; read as JATS 1.4"))
        return None
