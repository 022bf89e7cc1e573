"""The element a parent's bare text or loose elements belong in (RELAX NG: the parent takes no
text, and one element it takes does; the parent takes no such element, and one it takes does):
``<list-item>Check the gauges</list-item>`` misses its ``<p>``, ``<contrib><surname>`` its
``<name>``. The schema pass then says so once, at the text or the first loose element, and not
again as the missing element, as each element beside the first, or as a child found where the
missing element should have been.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .schema_reading import Reading
from .schema_rules import ElementRule
from .schema_words import bracketed


@dataclass(frozen=True)
class Wrapper:
    """The rules of the element bare text or loose elements belong in, whether the parent
    needs one, and the first loose element (None for bare text, said at the parent)."""

    keys: frozenset[int]
    needed: bool
    first: etree._Element | None = None

    def explains(self, rules: list[ElementRule], child: str | None, reading: Reading) -> bool:
        """Whether a problem of the parent follows from the missing wrapper: the wrapper
        missing (``child`` None) or expected where ``child`` stands, when the parent needs
        one, or ``child`` one the wrapper takes and the parent does not."""
        if self.needed and (child is None or self.keys & reading.expected()):
            return True
        taken = {n for k in reading.allowed for n in rules[k].names}
        return child in set().union(*(held_names(rules, k) for k in self.keys)) - taken


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
        return Wrapper(frozenset(needed), needed=True)
    foreign = present - own
    takers = [k for k in reading.allowed if rules[k].text and foreign <= held_names(rules, k)]
    for likelier in (
        set(takers) - reading.needed(),
        {k for k in takers if not rules[k].names & present},
    ):
        takers = [k for k in takers if k in likelier] if len(takers) > 1 and likelier else takers
    return Wrapper(frozenset(takers), needed=False) if foreign and len(takers) == 1 else None


def loose_wrapper(
    rules: list[ElementRule], reading: Reading, children: list[etree._Element]
) -> Wrapper | None:
    """Where loose elements belong: the elements of one name the parent takes, and lacks or
    takes several of, that take every child the parent does not (``<surname>`` in a
    ``<contrib>``: a ``<name>``; an ``<aff>`` after the one ``<article-meta>`` is misplaced, not
    loose), of several names the ones it needs; else None. ``reading`` stands before the first
    child."""
    own = {n for k in reading.allowed for n in rules[k].names}
    loose = [child for child in children if str(child.tag) not in own]
    foreign = {str(child.tag) for child in loose}
    takers = frozenset(k for k in reading.allowed if foreign <= held_names(rules, k))
    present = {str(child.tag) for child in children}
    takers = frozenset(  # one the parent has already is misplaced, unless it takes another
        k for k in takers if not rules[k].names & present or _repeats(rules, reading, k)
    )
    if len({rules[k].names for k in takers}) > 1 and takers & reading.needed():
        takers &= reading.needed()  # rows alone in a <table>: a <tbody>
    if not loose or len({rules[k].names for k in takers}) != 1:
        return None
    return Wrapper(takers, needed=bool(takers & reading.needed()), first=loose[0])


def loose_message(loose: list[str], parent: str, wrapper: list[str]) -> str:
    """The line at the first of the ``loose`` elements (their names, each once)."""
    it, are = ("it", "is") if len(loose) == 1 else ("them", "are")
    return (
        f"{bracketed(loose, 'and')} {are} not allowed directly in <{parent}>;"
        f" wrap {it} in {bracketed(wrapper)}"
    )


def _repeats(rules: list[ElementRule], reading: Reading, key: int) -> bool:
    """Whether the parent takes another element of rule ``key``'s name after one."""
    names = rules[key].names
    return any(
        names & rules[again].names
        for parent in reading.keys
        for moves in rules[parent].moves.values()
        for child, to in moves
        if child == key
        for state in rules[parent].closure({to})
        for again, _ in rules[parent].moves.get(state, ())
    )


def held_names(rules: list[ElementRule], key: int) -> set[str]:
    """The Clark names of the elements rule ``key`` takes as children."""
    return {n for moves in rules[key].moves.values() for c, _ in moves for n in rules[c].names}
