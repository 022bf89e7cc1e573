"""The one libxml2 configuration every untrusted XML input is parsed with (briefs, Word templates).

No DTD is loaded or validated, entities are never substituted, no default attributes are added,
nothing is fetched from the network, and libxml2's size and depth limits stay on.
"""

from __future__ import annotations

from lxml import etree


def hardened_parser() -> etree.XMLParser:
    """A fresh parser with the settings above (parsers keep an error log, so never share one)."""
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        no_network=True,
        huge_tree=False,
        collect_ids=False,
    )
