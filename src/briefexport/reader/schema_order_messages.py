"""The words of the schema pass's message about a child out of order in its parent: what it
cannot come before or after, what it must come before, or what the parent must start with, each
element named as the brief has it (``the second <p>``, ``<contrib-group> of editors``,
:mod:`.schema_labels`)."""

from __future__ import annotations

from lxml import etree

from .schema_labels import element_label, pattern_label
from .schema_names import SchemaNames
from .schema_reading import Reading
from .schema_words import joined, nth


def out_of_order(
    naming: SchemaNames, parent: str, child: etree._Element, reading: Reading, expected: list[str]
) -> str:
    """The message about ``child``, read out of order in ``parent``; ``expected`` names what
    may come there (:func:`expected_labels`)."""
    name, following = called(naming, child, reading), reading.next_in_place()
    first = reading.index == 1
    belongs_later = reading.readable(str(child.tag), child) or (
        reading.previous is None and not first
    )
    if following is not None and belongs_later:
        return f"{name} cannot come before {called(naming, following, reading)} in <{parent}>"
    if reading.previous is None:
        return f"<{parent}> must start with {joined(expected, 'or')}; found {name}"
    earlier = _belongs_before(naming, child, reading)
    if earlier:
        return f"{name} must come before {earlier} in <{parent}>"
    before = called(naming, reading.previous, reading)
    then = f"expected {joined(expected, 'or')}" if expected else f"{before} must come last"
    return f"{name} cannot come after {before} in <{parent}>; {then}"


def expected_labels(naming: SchemaNames, element: etree._Element, reading: Reading) -> list[str]:
    """What may come next in ``element``, named in angle brackets (:mod:`.schema_labels`)."""
    expected = reading.expected()
    return list(
        dict.fromkeys(
            pattern_label(naming.schema, key, shown, reading.allowed, element)
            for shown in naming.names(expected)
            for key in sorted(expected)
            if shown in {naming.schema.shown(n) for n in naming.schema.rules[key].names}
        )
    )


def called(naming: SchemaNames, child: etree._Element, reading: Reading) -> str:
    """``child`` as a message names it (:func:`.schema_labels.element_label`)."""
    return element_label(naming.schema, child, naming.name(child), reading.allowed)


def _belongs_before(naming: SchemaNames, child: etree._Element, reading: Reading) -> str | None:
    """The child read in place that ``child`` must come before, as the message names it
    ("<p>", or "the second <p>" of the parent's several, counted as written); None when
    one of its name is read in place before it (a second of its kind is one too many, not
    one to move) or it fits nowhere earlier."""
    read = reading.children[: reading.index - 1]
    in_place = [c for i, c in enumerate(read) if i not in reading.dropped]
    earlier = reading.belongs_before(str(child.tag), child)
    if earlier is None or any(c.tag == child.tag for c in in_place):
        return None
    name = called(naming, earlier, reading)
    alike = [  # as the brief has them
        c for c in reading.children if c.tag == earlier.tag and called(naming, c, reading) == name
    ]
    which = f"the {nth(alike.index(earlier))} " if len(alike) > 1 else ""
    return f"{which}{name}"
