"""Our own pass over a brief the profile's RELAX NG schema refused, for messages a brief's author
can act on (the tables come from the schema itself, :mod:`.schema_rules`).

It reports, each at the offending element's own start tag: an element the profile does not know
or that its parent does not take, with the close spelling where there is one; every element out
of order (the fewest children whose moving puts the parent in order, :mod:`.schema_order`,
worded by :mod:`.schema_order_messages`); a parent missing what it needs; text where only
elements may stand; an attribute not allowed, missing, or with a value outside its list. A child
is read as the patterns of its name its attributes fit, as RELAX NG tells two patterns of one
name apart. Datatypes (patterns, ids, language tags) are judged by libxml2 alone
(:mod:`.schema_values` words what it refuses). Elements are named as :mod:`.schema_names` has
them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from ..errors import Diagnostic
from ..inlines import XML_WHITE_SPACE
from .locate import Locator
from .schema_attributes import attribute_problems
from .schema_names import SchemaNames
from .schema_order import Child
from .schema_order_messages import expected_labels, out_of_order
from .schema_prefixes import Misbound, misbound_prefixes, said_at_declaration
from .schema_reading import Reading
from .schema_rules import Schema, schema
from .schema_words import NEEDS, bracketed, close_name
from .schema_wrappers import Wrapper, loose_message, loose_wrapper, missing_wrapper


@dataclass
class Findings:
    """The pass's diagnostics and, per element, what kind of problem it has."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    flagged: dict[etree._Element, set[str]] = field(default_factory=dict)
    rules: dict[etree._Element, frozenset[int]] = field(default_factory=dict)  # as read
    cut: bool = False  # the walk stopped at its limit

    def add(self, element: etree._Element, kind: str, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic)
        self.flagged.setdefault(element, set()).add(kind)


def check_structure(root: etree._Element, at: Locator, limit: int | None = None) -> Findings:
    """Every structural problem of the tree under ``root`` the schema's tables can name, in
    document order; with ``limit``, the walk stops once more than ``limit`` are found (every
    problem at an element before the last one read is then found, but for a parent's missing
    children, which are known only at its end)."""
    walk = _Walk(schema(), at)
    walk.misbound = misbound_prefixes(root, walk.schema.prefixes)
    for bound in walk.misbound.values():
        walk.found.add(bound.element, "xmlns", at.error(bound.element, bound.message()))
    keys = frozenset(k for k in walk.schema.start if root.tag in walk.schema.rules[k].names)
    frames = [walk.enter(root, keys)] if keys else []
    while frames:
        element, reading, children = frames[-1]
        child = next(children, None)
        if child is None:
            frames.pop()
            walk.leave(element, reading)
        elif fits := walk.read(element, child, reading):
            frames.append(walk.enter(child, fits))
        if limit is not None and len(walk.found.diagnostics) > limit:
            walk.found.cut = True
            break
    return walk.found


Element = etree._Element
Frame = tuple[Element, "Reading", Iterator[Element]]


class _Walk(SchemaNames):
    """The checks of one element at a time, collecting what they find; elements are named as
    :class:`.schema_names.SchemaNames` does."""

    def __init__(self, tables: Schema, at: Locator) -> None:
        super().__init__(tables)
        self.at, self.found = at, Findings()
        self._wrappers: dict[etree._Element, Wrapper] = {}  # where a parent's bare text goes
        self.misbound: dict[str, Misbound] = {}  # said at the declaration

    def enter(self, element: etree._Element, keys: frozenset[int]) -> Frame:
        """Check an element's attributes and text; start reading its children."""
        self.found.rules[element] = keys
        self.attributes(element, keys)
        children = list(element.iterchildren(tag=etree.Element))
        reading = Reading(self.schema, keys)
        self.text(element, reading, children)
        if element not in self._wrappers and (
            loose := loose_wrapper(self.schema.rules, reading, children)
        ):
            self._wrappers[element] = loose
        unread = reading.first_unread(children)
        if unread is not None:
            reading.plan([self._as_read(child, reading) for child in children], children)
            self.found.flagged.setdefault(unread, set()).add("order")  # libxml2 blames it
        return element, reading, iter(children)

    def _as_read(self, child: etree._Element, reading: Reading) -> Child:
        """A child as it will be read: an unknown name as its close spelling; None for one
        the parent does not take."""
        tag = str(child.tag)
        if not self.schema.named(tag):
            guess = close_name(self.name(child), self.alike(child, reading))
            return (self.clark(guess, reading), child) if guess else None
        return (tag, child) if self.name(child) in self.names(reading.allowed) else None

    def attributes(self, element: etree._Element, keys: frozenset[int]) -> None:
        rules = [self.schema.rules[k] for k in keys]
        for clark, message in attribute_problems(element, rules, self.name(element)):
            if said_at_declaration(self.misbound, element, clark):
                self.found.flagged.setdefault(element, set()).add(f"@{clark}")  # said at xmlns
            else:
                self.found.add(element, f"@{clark}", self.at.error(element, message))

    def text(self, element: etree._Element, reading: Reading, children: list[Element]) -> None:
        """Text where only elements may stand, with the element it belongs in when the parent
        misses one (:mod:`.schema_wrappers`)."""
        if any(self.schema.rules[k].text for k in reading.keys):
            return
        pieces = [element.text, *(child.tail for child in element)]
        if not any(piece and piece.strip(XML_WHITE_SPACE) for piece in pieces):
            return
        message = f"text is not allowed directly in <{self.name(element)}>"
        wrapper = missing_wrapper(self.schema.rules, reading, children)
        if wrapper is not None:
            self._wrappers[element] = wrapper
            message += f"; wrap it in {bracketed(self.names(wrapper.keys))}"
        self.found.add(element, "text", self.at.error(element, message))

    def read(
        self, element: etree._Element, child: etree._Element, reading: Reading
    ) -> frozenset[int]:
        """Read one child through the parent's automata: the child's own rules, to check it."""
        index, reading.index = reading.index, reading.index + 1
        if index in reading.dropped:  # out of order: reported, and read as if elsewhere
            self.misplaced(element, child, reading)
            return reading.anywhere(str(child.tag), child)
        fits = reading.step(str(child.tag), child)
        if not fits and reading.dropped:  # what it needs before it stands elsewhere: said there
            fits = reading.step(str(child.tag), child, reading.past_moved())
        if not fits:
            fits = reading.resync(self.misplaced(element, child, reading), child)
        reading.previous = child
        return fits

    def leave(self, element: etree._Element, reading: Reading) -> None:
        """After the last child: what the parent still misses (not counting a child reported
        out of order)."""
        if not reading.complete():
            self.incomplete(element, reading)

    def misplaced(self, element: etree._Element, child: etree._Element, reading: Reading) -> str:
        """Report a child its parent does not take there; the name to read it on as (an
        unknown element as the name it most likely misspells)."""
        parent, name, tag = self.name(element), self.name(child), str(child.tag)
        allowed = self.names(reading.allowed)
        expected = self.names(reading.expected())
        guess = close_name(name, self.alike(child, reading))
        if not self.schema.named(tag):
            tag = self.clark(guess, reading) if guess else tag
            if guess and expected == [guess] and reading.previous is None:
                message = f"<{parent}> must start with <{guess}>; found <{name}>"
            else:
                message = f"<{name}> is not an element of this profile; " + (
                    f"did you mean <{guess}>?" if guess else self._holds(parent, allowed)
                )
        elif name not in allowed:
            message = f"<{name}> is not allowed in <{parent}>; " + self._holds(parent, allowed)
        else:
            expected_here = expected_labels(self, element, reading)
            message = out_of_order(self, parent, child, reading, expected_here)
            reading.disordered = True
        self.found.flagged.setdefault(element, set()).add("content")
        wrapper = self._wrappers.get(element)
        if said_at_declaration(self.misbound, child):
            self.found.flagged.setdefault(child, set()).add("place")
            return tag
        if wrapper and wrapper.explains(self.schema.rules, str(child.tag), reading):
            if wrapper.first is not child:  # said at the text or the first loose element
                self.found.flagged.setdefault(child, set()).add("place")
                return tag
            message = self._loose(element, reading, wrapper)
        self.found.add(child, "place", self.at.error(child, message))
        return tag

    def _loose(self, element: etree._Element, reading: Reading, wrapper: Wrapper) -> str:
        own = set(self.names(reading.allowed))
        names = [self.name(c) for c in element.iterchildren(tag=etree.Element)]
        loose = [name for name in dict.fromkeys(names) if name not in own]
        return loose_message(loose, self.name(element), self.names(wrapper.keys))

    def _holds(self, parent: str, allowed: list[str]) -> str:
        if not allowed:
            return f"<{parent}> holds no elements"
        return f"allowed here: {bracketed(allowed)}"

    def incomplete(self, element: etree._Element, reading: Reading) -> None:
        tag = self.name(element)
        moved = {self.name(child) for child in reading.moved}
        needed = [name for name in self.names(reading.needed()) if name not in moved]
        if reading.disordered and not needed:
            return  # what the parent misses stands elsewhere in it, reported there
        wrapper = self._wrappers.get(element)
        if wrapper and wrapper.needed and set(needed) <= set(self.names(wrapper.keys)):
            self.found.flagged.setdefault(element, set()).add("content")  # said at the text
            return
        if tag in NEEDS and len(element) == 0:
            message = NEEDS[tag]
        elif needed:
            message = f"<{tag}> is missing {bracketed(needed, 'and')}"
        else:
            message = f"<{tag}> is missing one of {bracketed(self.names(reading.expected()))}"
        self.found.add(element, "content", self.at.error(element, message))
