"""A brief whose footnote calls stand side by side, apart, and repeated, with what each prints.

Notes are numbered in order of first call: the first paragraph calls 1 and 2 side by side, the
second calls 3 and 4 with words between, the third calls 5 with the repeated 1 beside it and the
repeated 2 after words.
"""

from __future__ import annotations

from lxml import etree

from briefexport.model import Brief, FootnoteRef, Inline, Paragraph, Text

from .briefs import brief_with_blocks, note

# Printed text with whitespace removed (see ``flat``): a comma only between calls side by side.
PRINTED = ("Tidesrose1,2lastwinter.", "Stormscame3whilethequaywasbuilt4.", "Wallsheld5,1anddunes2.")
# Each paragraph's calls in the XHTML: note number, and whether the call is marked ``after-call``.
MARKED = [
    [("1", False), ("2", True)],
    [("3", False), ("4", False)],
    [("5", False), ("1", True), ("2", False)],
]
# What the bug printed: a comma before a call with words before it, or none between calls.
MISPRINTED = ("built,4", "held51", "dunes,2", "rose12")


def note_calls_brief() -> Brief:
    """Three paragraphs: (a) calls side by side, (b) calls with words between, (c) repeats."""
    notes = tuple(
        note(number, f"record of harbour works number {number}.") for number in range(1, 6)
    )

    def call(number: int) -> FootnoteRef:
        return FootnoteRef(notes[number - 1])

    paragraphs: tuple[tuple[Inline, ...], ...] = (
        (Text("Tides rose"), call(1), call(2), Text(" last winter.")),
        (Text("Storms came"), call(3), Text(" while the quay was built"), call(4), Text(".")),
        (Text("Walls held"), call(5), call(1), Text(" and dunes"), call(2), Text(".")),
    )
    return brief_with_blocks(tuple(Paragraph(children) for children in paragraphs), notes)


def flat(text: str) -> str:
    """Text without whitespace or soft hyphens, so line breaks and spacing cannot hide a match."""
    return "".join(text.replace("\u00ad", "").split())


# At any depth: a call may stand inside formatting.
XHTML_CALLS = (
    ".//h:a[contains(@class, 'footnote-call')]"
    " | .//h:span[contains(concat(' ', @class, ' '), ' footnote ')]"  # not a footnote-number
)
NS = {"h": "http://www.w3.org/1999/xhtml"}


def calls_by_paragraph(root: etree._Element) -> list[list[tuple[str, bool]]]:
    """Each body paragraph's calls in an XHTML tree: the note number and whether it is marked."""
    found = []
    for paragraph in root.iterfind(".//h:main//h:p", NS):
        calls = paragraph.xpath(XHTML_CALLS, namespaces=NS)
        if calls:
            found.append(
                [(_number(call), "after-call" in call.get("class").split()) for call in calls]
            )
    return found


def _number(call: etree._Element) -> str:
    return (
        (call.text or "")
        if str(call.tag).endswith("}a")
        else call.get("id", "").removeprefix("fn-")
    )
