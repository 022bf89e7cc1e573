"""The profile's RELAX NG schema, ``schema/brief.rng``, as an XML tree, read once: the validator,
the schema's tables for messages and the semantic checks all start from it."""

from __future__ import annotations

import functools
from pathlib import Path

from lxml import etree

SCHEMA = Path(__file__).resolve().parents[1] / "schema" / "brief.rng"


@functools.cache
def schema_document() -> etree._Element:
    """The profile's RELAX NG schema as an XML tree (read once)."""
    if SCHEMA.is_file():  # an installed package: no need to import importlib.resources
        source = SCHEMA.read_bytes()
    else:
        from importlib.resources import files

        source = files("briefexport").joinpath("schema/brief.rng").read_bytes()
    return etree.fromstring(source)
