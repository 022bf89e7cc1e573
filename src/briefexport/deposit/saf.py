"""Write a brief as a DSpace Simple Archive Format package: ``<name>.saf.zip``.

Layout, as ``dspace import --add --zip`` reads it: one top folder ``<name>/`` holding one item
folder ``item_000/`` with ``dublin_core.xml`` (:mod:`.dublincore`), ``contents`` and the
bitstreams. DSpace takes a zip's first folder as the import source when entries lie deeper than
two levels, which the figure files (``item_000/figures/...``) would be; the top folder keeps
that choice the same for every brief.

``contents`` names one bitstream per line, followed by tab-separated options: ``bundle:ORIGINAL``,
``primary:true`` on the PDF, and ``description:`` text (DSpace ends an option at the next tab, so
descriptions hold no tab or line break).
"""

from __future__ import annotations

from ..model import Brief
from ..options import WriteOptions
from ..writers.zippack import pack
from .dublincore import dublin_core_xml
from .renditions import Rendition, package_stem, renditions

ITEM_FOLDER = "item_000"
BUNDLE = "ORIGINAL"


def write(brief: Brief, options: WriteOptions) -> bytes:
    """The SAF package as zip bytes: ``contents``, ``dublin_core.xml``, then the bitstreams."""
    files = renditions(brief, options)
    entries = [
        ("contents", contents(files)),
        ("dublin_core.xml", dublin_core_xml(brief)),
        *((item.path, item.data) for item in files),
    ]
    folder = f"{package_stem(options)}/{ITEM_FOLDER}"
    return pack(((f"{folder}/{path}", data) for path, data in entries), options.timestamp)


def contents(files: tuple[Rendition, ...]) -> bytes:
    """The ``contents`` file: the primary bitstream first, then the others in package order."""
    ordered = sorted(files, key=lambda item: not item.primary)
    return "".join(_line(item) + "\n" for item in ordered).encode()


def _line(item: Rendition) -> str:
    options = [item.path, f"bundle:{BUNDLE}"]
    if item.primary:
        options.append("primary:true")
    options.append(f"description:{' '.join(item.description.split())}")
    return "\t".join(options)
