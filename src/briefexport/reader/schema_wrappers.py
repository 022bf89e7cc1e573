"""The element a parent's bare text belongs in (RELAX NG: the parent takes no text, and one
element it takes does): ``<list-item>Check the gauges</list-item>`` misses its ``<p>``. The schema
pass then says so once, at the text, and not again as the missing ``<p>``, as each inline
element beside the text, or as a child found where the ``<p>`` should have been.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .schema_reading import Reading
from .schema_rules import ElementRule


@dataclass(frozen=True)
class Wrapper:
    """The rule of the element bare text belongs in, and whether the parent needs one."""

    key: int
    needed: bool

    def explains(self, rules: list[ElementRule], child: str | None, reading: Reading) -> bool:
        """Whether a problem of the parent follows from its text missing this wrapper: the
        wrapper missing (``child`` None) or expected where ``child`` stands, when the parent
        needs one, or ``child`` one the wrapper takes and the parent does not."""
        if self.needed and (child is None or self.key in reading.expected()):
            return True
        taken = {n for k in reading.allowed for n in rules[k].names}
        return child in held_names(rules, self.key) - taken


def missing_wrapper(
    rules: list[ElementRule], reading: Reading, children: list[etree._Element]
) -> Wrapper | None:
    """Where bare text belongs: the one element the parent needs that takes text and is not
    among its ``children``, when every child is one the parent or it takes; else the one
    element the parent takes that takes every child the parent does not (``<xref>`` in a
    section: a ``<p>``), of several the ones the parent may do without (not its ``<title>``),
    then those it lacks; else None. ``reading`` stands before the first child."""
    present = {str(child.tag) for child in children}
    own = {n for k in reading.allowed for n in rules[k].names}
    needed = [k for k in reading.needed() if rules[k].text and not rules[k].names & present]
    if len(needed) == 1 and present <= held_names(rules, needed[0]) | own:
        return Wrapper(needed[0], needed=True)
    foreign = present - own
    takers = [k for k in reading.allowed if rules[k].text and foreign <= held_names(rules, k)]
    for likelier in (
        set(takers) - reading.needed(),
        {k for k in takers if not rules[k].names & present},
    ):
        takers = [k for k in takers if k in likelier] if len(takers) > 1 and likelier else takers
    return Wrapper(takers[0], needed=False) if foreign and len(takers) == 1 else None


def held_names(rules: list[ElementRule], key: int) -> set[str]:
    """The Clark names of the elements rule ``key`` takes as children."""
    return {n for moves in rules[key].moves.values() for c, _ in moves for n in rules[c].names}
