"""Write a brief as a BagIt 1.0 bag (RFC 8493) serialized as a zip: ``<name>.bag.zip``.

The zip holds one top folder, ``<name>/``, which is the bag (RFC 8493 section 4): ``bagit.txt``
(``BagIt-Version: 1.0``, UTF-8), ``bag-info.txt``, SHA-256 and SHA-512 payload manifests, tag
manifests over the other tag files, and ``data/`` with every rendition of the brief.

Hand-written rather than made with the ``bagit`` package: bagit-python 1.9 declares
``BagIt-Version: 0.97`` (its issue #141), bags a folder on disk in place, stamps the clock's date,
and writes its tag manifest in directory-listing order, so neither the version asked for nor
byte-identical output would follow. The formats are small (see :mod:`.bagfiles`); the tests
check the bags with bagit-python as an independent validator.

``bag-info.txt``: Source-Organization (publisher), Organization-Address (publisher's place),
Contact-Name and Contact-Email (the first author, else editor, with an e-mail address),
External-Description (title), External-Identifier (DOI as a URL, publisher's id), Bagging-Date
(the reproducible timestamp's day), Bag-Size, Payload-Oxum, Bag-Software-Agent (bagit-python's
tag, which preservation systems record as the bag's maker; named without a version, like the
generator of the other formats, so a release changes no bytes), then the brief's own Author,
Editor and Publication-Date.
"""

from __future__ import annotations

import datetime as dt

from ..inlines import plain_text
from ..model import Brief, Contributor
from ..options import WriteOptions
from ..writers.zippack import pack
from .bagfiles import DECLARATION, WRITTEN_ALGORITHMS, bag_size, manifest, payload_oxum, tag_file
from .dublincore import doi_url
from .renditions import package_stem, renditions

SOFTWARE_AGENT = "briefexport"


def write(brief: Brief, options: WriteOptions) -> bytes:
    """The bag as zip bytes: tag files first, then the payload sorted by path."""
    stem = package_stem(options)
    payload = {f"data/{item.path}": item.data for item in renditions(brief, options)}
    tags = tag_files(info_tags(brief, options, payload), payload)
    files = [*tags.items(), *sorted(payload.items())]
    return pack(((f"{stem}/{path}", data) for path, data in files), options.timestamp)


def tag_files(info: list[tuple[str, str]], payload: dict[str, bytes]) -> dict[str, bytes]:
    """``bagit.txt``, ``bag-info.txt``, payload manifests, then tag manifests over those."""
    files = {"bagit.txt": DECLARATION, "bag-info.txt": tag_file(info)}
    files.update(
        (f"manifest-{algorithm}.txt", manifest(payload, algorithm))
        for algorithm in WRITTEN_ALGORITHMS
    )
    tagged = dict(files)
    files.update(
        (f"tagmanifest-{algorithm}.txt", manifest(tagged, algorithm))
        for algorithm in WRITTEN_ALGORITHMS
    )
    return files


def info_tags(
    brief: Brief, options: WriteOptions, payload: dict[str, bytes]
) -> list[tuple[str, str]]:
    """The tags of ``bag-info.txt``, reserved ones first (RFC 8493 section 2.2.2)."""
    meta = brief.meta
    tags = [("Source-Organization", meta.publisher)]
    if meta.publisher_location:
        tags.append(("Organization-Address", meta.publisher_location))
    tags += _contact(meta.authors + meta.editors)
    tags.append(("External-Description", plain_text(meta.title)))
    if meta.doi:
        tags.append(("External-Identifier", doi_url(meta.doi)))
    if meta.publisher_id:
        tags.append(("External-Identifier", meta.publisher_id))
    sizes = [len(data) for data in payload.values()]
    tags += [
        ("Bagging-Date", options.timestamp.astimezone(dt.UTC).date().isoformat()),
        ("Bag-Size", bag_size(sum(sizes))),
        ("Payload-Oxum", payload_oxum(sizes)),
        ("Bag-Software-Agent", SOFTWARE_AGENT),
    ]
    tags += [("Author", person.name.sortable) for person in meta.authors]
    tags += [("Editor", person.name.sortable) for person in meta.editors]
    tags.append(("Publication-Date", meta.date.isoformat()))
    return tags


def _contact(people: tuple[Contributor, ...]) -> list[tuple[str, str]]:
    reachable = next((person for person in people if person.email), None)
    if reachable is None or reachable.email is None:
        return []
    return [("Contact-Name", reachable.name.display), ("Contact-Email", reachable.email)]
