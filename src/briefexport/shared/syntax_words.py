"""A file that is not well-formed XML (XML 1.0, section 2.1), in words for its author.

libxml2 judges well-formedness; its first error is the one that counts (it stops there, or goes
on only to report what that error left behind, an end tag for every element still open). The
error's kind, libxml2's code, says what went wrong; where, and which names, is read from the
file itself around the place libxml2 gives (a line, and a column that may stand on the
offending character or just after it), so the line printed points at the ``&``, the ``<`` or
the end tag at fault. A kind with no words of its own is said plainly, never in libxml2's.
"""

from __future__ import annotations

import html.entities
import re
import unicodedata

from lxml import etree

from ..errors import Diagnostic
from .characters import FORBIDDEN_CHARACTERS, forbidden_message
from .syntax_declaration import (
    XML_DECLARATION,
    declaration,
    declaration_value,
    namespace_uri,
)
from .syntax_spot import Place, Spot, Words, plain
from .syntax_tags import open_elements, root_name

PREDEFINED = "&amp;, &lt;, &gt;, &quot; and &apos;"
AMPERSAND = f"an & must start an entity such as &amp; (XML knows only {PREDEFINED})"
TAG_NAME = re.compile(r"</?[^\s/>!?<]+")


def syntax_problem(entry: etree._LogEntry, data: bytes, name: str) -> Diagnostic:
    """libxml2's first well-formedness error in ``data``, in our words at its place."""
    spot = Spot(entry, data.decode("utf-8", "replace"))
    words = WORDS.get(entry.type_name, plain)
    column, message = words(spot)
    return Diagnostic(name, spot.line_no, column, message)


def _ampersand(spot: Spot) -> Place:
    """libxml2 finds no name after ``&`` or ``<`` (the last of the two before its column),
    or none after ``<`` inside a start tag left open."""
    found = spot.back("[&<]")
    if found is None or found.group() == "&":
        return spot.at("&", AMPERSAND)
    start = spot.offset - spot.column + 1 + found.start()
    tag = _last_tag(spot.text, start)
    if tag and ">" not in spot.text[tag.end() : start]:  # a < among a tag's attributes
        return _tag_unclosed(spot, start)
    return found.start() + 1, "a < in text must be written &lt; (a tag starts with a name)"


def _entity(spot: Spot) -> Place:
    found = spot.back(r"&([^\s;&<]*);?")
    entity = found.group(1) if found else spot.named(r"Entity '([^']*)'")
    character = html.entities.html5.get(f"{entity};")
    if character and len(character) == 1:
        code = f"U+{ord(character):04X} {unicodedata.name(character, '')}".rstrip()
        message = (
            f"&{entity}; is an HTML entity, which XML does not know; write the character"
            f" itself ({code}) or &#x{ord(character):X};"
        )
    else:
        message = f"&{entity}; is not an entity XML knows ({PREDEFINED}); write the character"
        message += " itself"
    return (found.start() + 1 if found else spot.column), message


def _mismatch(spot: Spot) -> Place:
    found = spot.back(r"</([^\s>]*)", 1)  # libxml2 stands just after the end tag
    if found is None:
        return plain(spot)
    start = spot.offset - spot.column + 1 + found.start()
    stack = open_elements(spot.text, start)
    if not stack:
        return found.start() + 1, f"</{found.group(1)}> closes no open element"
    innermost, line = stack[-1]
    if any(open_name == found.group(1) for open_name, _ in stack[:-1]):
        message = f"<{innermost}> opened at line {line} is not closed before </{found.group(1)}>"
    else:
        message = f"</{found.group(1)}> does not match <{innermost}> opened at line {line}"
        message += _too_many(spot.text[:start], found.group(1))
    return found.start() + 1, message


def _too_many(before: str, name: str) -> str:
    """What to fix when no element ``name`` is open: a ``name`` closed before was closed once
    too often (libxml2 finds it only at the next end tag of an element still open)."""
    if not re.search(f"<{re.escape(name)}[\\s/>]", before):
        return ""  # a misspelt name, said by the mismatch itself
    return f"; no <{name}> is open here, so this </{name}> or one before it is one too many"


def _file_ends(spot: Spot) -> Place:
    stack = open_elements(spot.text, len(spot.text))
    if not stack:
        return plain(spot)
    innermost, line = stack[-1]
    return spot.column, f"the file ends before <{innermost}> opened at line {line} is closed"


def _after_root(spot: Spot) -> Place:
    root = root_name(spot.text)
    found = re.match(r"<([^\s/>!?]+)", spot.line[spot.column - 1 :])
    if found:
        message = f"a second root element <{found.group(1)}> after the end of <{root}>"
        return spot.column, message + "; an XML file has one root element"
    return spot.column, f"text after the end of <{root}>, the root element"


def _character(spot: Spot) -> Place:
    reference = spot.back(r"&#[^;\s]*;?")
    if reference:
        message = f"{reference.group().rstrip(';')}; is not a character XML allows"
        return reference.start() + 1, message
    here = spot.line[spot.column - 1 : spot.column]
    if here and FORBIDDEN_CHARACTERS.match(here):
        return spot.column, forbidden_message(here)
    return plain(spot)


def _open_value(spot: Spot) -> Place:
    """A ``<`` in a value: the value's quote is not closed, unless it is, further on its line."""
    found = spot.back(r"([\w:.-]+)\s*=\s*([\"'])[^\"'<]*")
    if found is None:
        return spot.column, "a < in an attribute value must be written &lt;"
    if found.group(2) in spot.line[found.end() :]:
        return found.end() + 1, f"a < in the value of {found.group(1)} must be written &lt;"
    return found.start() + 1, f"the value of {found.group(1)} has no closing {found.group(2)}"


def _qualified(spot: Spot) -> Place:
    name = spot.named(r"QName '([^']*)'")
    message = f"{name} is not a name: a : must stand between a prefix and a name, once at most"
    return spot.at(rf"(?<![\w.:-]){re.escape(name)}", message)


def _unquoted(spot: Spot) -> Place:
    found = spot.back(r"([\w:.-]+)\s*=")
    attribute = found.group(1) if found else "an attribute"
    return spot.at(r"[\w:.-]+\s*=", f'the value of {attribute} must be in quotes ("...")')


def _no_value(spot: Spot) -> Place:
    attribute = spot.named(r"for attribute (\S+)")
    place = rf"(?<![\w:.-]){re.escape(attribute)}(?![\w:.-])"
    return spot.at(place, f'attribute {attribute} has no value (write {attribute}="...")')


def _twice(spot: Spot) -> Place:
    attribute = spot.named(r"Attribute (\S+) redefined")
    place = rf"(?<![\w:.-]){re.escape(attribute)}\s*="
    return spot.at(place, f"attribute {attribute} is written twice on one element")


def _prefix(spot: Spot) -> Place:
    found = re.search(r"prefix (\S+) (?:for (\S+) )?on (\S+)", spot.entry.message)
    if found is None:
        return plain(spot)
    prefix, attribute, element = found.groups()
    what = f"{prefix}:{attribute} on <{element}>" if attribute else f"<{prefix}:{element}>"
    message = f"prefix {prefix}: of {what} is not declared (no xmlns:{prefix} names it)"
    written = re.escape(f"{prefix}:{attribute}" if attribute else f"<{prefix}:{element}")
    return spot.at(rf"(?<![\w.:-]){written}(?![\w.:-])", message)


def _unclosed(opening: str, closing: str, what: str) -> Words:
    def words(spot: Spot) -> Place:
        start = spot.text.rfind(opening, 0, spot.offset + 1)
        if start < 0:
            return plain(spot)
        line = spot.text.count("\n", 0, start) + 1
        return spot.column, f"{what} opened at line {line} is not closed with {closing}"

    return words


def _tag_unclosed(spot: Spot, end: int | None = None) -> Place:
    """The last start or end tag before ``end`` (libxml2's place) has no ``>``; it may stand
    on a line above (libxml2 reads on to the next ``<``)."""
    found = _last_tag(spot.text, spot.offset + 1 if end is None else end)
    if found is None:
        return plain(spot)
    if not spot.text[found.end() :].strip():
        return spot.column, f"the file ends inside the tag {found.group()}"
    return spot.move_to(found.start()), f"the tag {found.group()} is not closed with >"


def _last_tag(text: str, end: int) -> re.Match[str] | None:
    """The name of the last start or end tag that starts before ``end``, with its ``<``."""
    start = text.rfind("<", 0, end)
    while start >= 0:
        found = TAG_NAME.match(text, start, end)
        if found:
            return found
        start = text.rfind("<", 0, start)
    return None


WORDS: dict[str, Words] = {
    "ERR_NAME_REQUIRED": _ampersand,
    "ERR_ENTITYREF_SEMICOL_MISSING": lambda spot: spot.at("&", AMPERSAND),
    "ERR_UNDECLARED_ENTITY": _entity,
    "WAR_UNDECLARED_ENTITY": _entity,
    "ERR_TAG_NAME_MISMATCH": _mismatch,
    "ERR_TAG_NOT_FINISHED": _file_ends,
    "ERR_LTSLASH_REQUIRED": _file_ends,
    "ERR_DOCUMENT_END": _after_root,
    "ERR_DOCUMENT_EMPTY": lambda spot: (spot.column, "the file does not start with an element"),
    "ERR_INVALID_CHAR": _character,
    "ERR_INVALID_HEX_CHARREF": _character,
    "ERR_INVALID_DEC_CHARREF": _character,
    "ERR_INVALID_CHARREF": _character,
    "ERR_LT_IN_ATTRIBUTE": _open_value,
    "ERR_ATTRIBUTE_NOT_FINISHED": _open_value,
    "NS_ERR_QNAME": _qualified,
    "ERR_ATTRIBUTE_NOT_STARTED": _unquoted,
    "ERR_ATTRIBUTE_WITHOUT_VALUE": _no_value,
    "ERR_ATTRIBUTE_REDEFINED": _twice,
    "ERR_SPACE_REQUIRED": declaration(
        "is malformed", lambda spot: (spot.column, 'attributes must stand apart, each name="value"')
    ),
    "ERR_STRING_NOT_STARTED": declaration_value,
    "WAR_NS_URI": namespace_uri,
    "ERR_VERSION_MISSING": declaration("needs its version"),
    "ERR_EQUAL_REQUIRED": declaration("needs = between each name and its value"),
    "ERR_STANDALONE_VALUE": declaration('takes standalone="yes" or "no" only'),
    "NS_ERR_UNDEFINED_NAMESPACE": _prefix,
    "ERR_MISPLACED_CDATA_END": lambda spot: spot.at(
        "]]>", "]]> cannot stand in text; write ]]&gt;"
    ),
    "ERR_HYPHEN_IN_COMMENT": lambda spot: (spot.column, "a comment cannot hold -- (two hyphens)"),
    "ERR_COMMENT_NOT_FINISHED": _unclosed("<!--", "-->", "a comment"),
    "ERR_CDATA_NOT_FINISHED": _unclosed("<![CDATA[", "]]>", "a CDATA section"),
    "ERR_GT_REQUIRED": _tag_unclosed,
    "ERR_RESERVED_XML_NAME": lambda spot: spot.at(
        r"<\?xml", "the XML declaration (<?xml ...?>) may stand only at the very start of the file"
    ),
    "ERR_STRING_NOT_CLOSED": lambda spot: spot.at(
        "[\"']", f"this value of the XML declaration is not closed: write {XML_DECLARATION}"
    ),
    "ERR_XMLDECL_NOT_FINISHED": declaration("is malformed"),
}
