"""The XML declaration (XML 1.0, section 2.8) and namespace names (Namespaces in XML 1.0,
section 3) of a file libxml2 finds not well-formed, in words for its author, with the
declaration to write."""

from __future__ import annotations

import re

from .syntax_spot import Place, Spot, Words, plain

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'


def namespace_uri(spot: Spot) -> Place:
    """A namespace name that is no URI, most often one whose closing quote is missing, so that
    it runs on into the next attribute."""
    found = re.match(r"(xmlns(?::\S+)?): '(.*)' is not a valid URI", spot.entry.message)
    if found is None:
        return plain(spot)
    name, value = found.groups()
    runs_on = "; its closing quote may be missing" if "=" in value else ""
    return spot.at(re.escape(name), f"{name}={value[:80]!r} is not a URI{runs_on}")


def in_declaration(spot: Spot) -> bool:
    """Whether libxml2's place stands in the XML declaration, or where it was cut off."""
    end = spot.text.find("?>")
    return spot.text.startswith("<?xml") and (end < 0 or spot.offset <= end)


def declaration(what: str, otherwise: Words = plain) -> Words:
    """The XML declaration ``what`` (``is malformed``), said at its start; elsewhere, as
    ``otherwise`` says."""
    return lambda spot: (
        (spot.move_to(0), f"the XML declaration {what}: write {XML_DECLARATION}")
        if in_declaration(spot)
        else otherwise(spot)
    )


def declaration_value(spot: Spot) -> Place:
    """A value of the XML declaration that does not start with a quote: unquoted, or cut off
    after its ``=`` (the line ends there, or markup follows)."""
    equals = spot.text.rfind("=", 0, spot.offset)
    if not in_declaration(spot) or equals < 0:
        return plain(spot)
    after = spot.text[equals + 1 :].split("\n", 1)[0].strip()
    name = re.findall(r"[\w.-]*(?=\s*$)", spot.text[:equals])[0]
    quotes = after and after[0] != "<"
    what = "needs quotes around its values" if quotes else f"is cut off after {name}="
    return spot.move_to(equals + 1), f"the XML declaration {what}: write {XML_DECLARATION}"
