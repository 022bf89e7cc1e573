"""How the schema pass names a brief's elements in its messages: as the profile's RELAX NG
schema writes them (:mod:`.schema_rules`), listed in the schema's order, and in a namespace the
schema does not use as the brief writes them; a close spelling is never guessed across
namespaces.
"""

from __future__ import annotations

from lxml import etree

from ..shared.locate import written_name
from .schema_reading import Reading
from .schema_rules import Schema


class SchemaNames:
    """The names of elements and of the schema's element rules, as messages show them."""

    def __init__(self, tables: Schema) -> None:
        self.schema = tables
        self._rank: dict[str, int] = {}

    def name(self, element: etree._Element) -> str:
        """An element's name as the schema writes it, or, in a namespace the schema does not
        use, as the brief writes it (with its prefix, or its ``xmlns``)."""
        namespace = etree.QName(element).namespace
        if namespace is None or namespace in self.schema.prefixes:
            return self.schema.shown(str(element.tag))
        if element.prefix:
            return written_name(element)
        return f'{etree.QName(element).localname} xmlns="{namespace}"'

    def alike(self, child: etree._Element, reading: Reading) -> list[str]:
        """The names the parent takes that are in the child's namespace (a close spelling is
        never guessed across namespaces)."""
        namespace = etree.QName(child).namespace
        rules = [self.schema.rules[k] for k in reading.allowed]
        alike = {self.schema.shown(n) for r in rules for n in r.names if _namespace(n) == namespace}
        return [shown for shown in self.names(reading.allowed) if shown in alike]

    def names(self, keys: set[int] | frozenset[int]) -> list[str]:
        """The shown names of element rules ``keys``, in schema order (the names of one
        pattern alphabetically, so that the message is the same from run to run), each once."""
        shown = (self.schema.shown(n) for k in sorted(keys) for n in self.schema.rules[k].names)
        return list(dict.fromkeys(sorted(shown, key=lambda name: (self._order(name), name))))

    def _order(self, shown: str) -> int:
        if not self._rank:  # each name's first place in the schema
            for key, rule in enumerate(self.schema.rules):
                for name in rule.names:
                    self._rank.setdefault(self.schema.shown(name), key)
        return self._rank[shown]

    def clark(self, shown: str, reading: Reading) -> str:
        """The full (Clark) name of the element the parent takes that is shown as ``shown``."""
        rules = (self.schema.rules[k] for k in reading.allowed)
        return next(n for rule in rules for n in rule.names if self.schema.shown(n) == shown)


def _namespace(clark: str) -> str | None:
    return etree.QName(clark).namespace
