"""The calls of a brief (JATS ``xref``) lead somewhere, and every footnote is called.

A call's ``rid`` must name an element of its ``ref-type``'s kind (a footnote, a reference, an
affiliation); a footnote is called only from the body; a footnote never called is a warning. A
call to a missing target most often misspells one: the error names the likeliest (for a
footnote, one never called, whose warning is then not said again: one mistake, one line).
"""

from __future__ import annotations

from lxml import etree

from ..errors import Diagnostic
from .locate import Locator
from .schema_words import close_name
from .table_checks import Refused

NOTE_FREE_PLACES = ("fn", "abstract", "author-notes", "ref")
TARGETS = {  # where the calls of each ref-type lead, and what the target is called
    "fn": ("back/fn-group/fn", "footnote"),
    "bibr": ("back/ref-list/ref", "reference"),
    "aff": ("front/article-meta/aff", "affiliation"),
}


def check_calls(root: etree._Element, at: Locator, refused: Refused) -> list[Diagnostic]:
    """Calls to missing targets, footnotes called from outside the body, and (when which notes
    are called is known) footnotes never called, in that order."""
    targets = {kind: _ids(root, f"{path}/@id") for kind, (path, _) in TARGETS.items()}
    calls = list(root.iter("xref"))
    known = root.find("body") is not None and not any(refused(xref) for xref in calls)
    uncalled = _uncalled_notes(root, refused) if known else []
    spare = [str(note.get("id")) for note in uncalled]
    found: list[Diagnostic] = []
    guessed: set[str | None] = set()
    for xref in calls:
        kind, rid = xref.get("ref-type", ""), xref.get("rid", "")
        if kind not in targets or refused(xref):
            continue  # a schema error, reported there
        if rid not in targets[kind] and not _target_refused(root, kind, rid, refused):
            guess = close_name(rid, spare if kind == "fn" else sorted(targets[kind]))
            guessed.add(guess)
            found.append(at.error(xref, _missing(kind, rid, guess)))
        elif kind == "fn" and _inside(xref, NOTE_FREE_PLACES):
            found.append(at.error(xref, "a footnote can be called only from the body"))
    never = [note for note in uncalled if note.get("id") not in guessed]
    return found + [at.warning(n, f"footnote {n.get('id')!r} is never called") for n in never]


def _missing(kind: str, rid: str, guess: str | None) -> str:
    what = TARGETS[kind][1]
    hint = f"; did you mean {guess!r}?" if guess else ""
    return f"call to a missing {what} {rid!r}{hint}"


def _ids(root: etree._Element, xpath: str) -> set[str]:
    return {str(value) for value in root.xpath(xpath)}


def _target_refused(root: etree._Element, kind: str, rid: str, refused: Refused) -> bool:
    """Whether the schema refused what a call may be meant for: an element of its kind where
    its targets stand (an id it misspelt), or the element with its id or one around it (a
    misspelt ``fn``, ``fn-group`` or ``back``)."""
    if any(refused(target) for target in root.iterfind(TARGETS[kind][0])):
        return True
    named = root.xpath("//*[@id=$rid]", rid=rid)
    return any(refused(e) for n in named for e in (n, *n.iterancestors()))


def _inside(element: etree._Element, tags: tuple[str, ...]) -> bool:
    return any(ancestor.tag in tags for ancestor in element.iterancestors())


def _uncalled_notes(root: etree._Element, refused: Refused) -> list[etree._Element]:
    called = _ids(root, "body//@rid")  # a misspelt xref or ref-type is a schema error
    return [
        note
        for note in root.iterfind("back/fn-group/fn")
        if note.get("id") not in called and not refused(note)
    ]
