"""The calls of a brief (JATS ``xref``) lead somewhere, and every footnote is called.

A call's ``rid`` must name an element of its ``ref-type``'s kind (a footnote, a reference, an
affiliation); a footnote is called only from the body; a footnote never called is a warning. A
call to a missing target most often misspells one: the error names the likeliest (for a
footnote, one never called, whose warning is then not said again: one mistake, one line). A
footnote call like no note, when it is the only one missing and one note is never called, is
taken for a call to that note, as the one mistake likeliest; a ``rid`` naming an element of
another kind (a reference called as a footnote) says which. An affiliation is guessed only among
those no call names (one an author already calls is not the one deleted); a reference, which may
be cited any number of times, among them all.
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
TARGET_IDS = {kind: etree.XPath(f"{path}/@id") for kind, (path, _) in TARGETS.items()}
BODY_CALLS = etree.XPath("body//@rid")  # a misspelt xref or ref-type is a schema error


def check_calls(root: etree._Element, at: Locator, refused: Refused) -> list[Diagnostic]:
    """Calls to missing targets, footnotes called from outside the body, and (when which notes
    are called is known) footnotes never called, in that order."""
    targets = {kind: _ids(root, ids) for kind, ids in TARGET_IDS.items()}
    every = list(root.iter("xref"))
    known = root.find("body") is not None and not any(refused(xref) for xref in every)
    calls = [xref for xref in every if xref.get("ref-type", "") in targets]
    uncalled = _uncalled_notes(root, refused) if known else []
    missing = [
        xref
        for xref in calls
        if xref.get("rid", "") not in targets[str(xref.get("ref-type"))]
        and not refused(xref)
        and not _target_refused(root, str(xref.get("ref-type")), xref.get("rid", ""), refused)
    ]
    guesses = _guesses(missing, _spare(targets, calls, uncalled))
    found: list[Diagnostic] = []
    for xref in calls:
        if xref in guesses:
            found.append(at.error(xref, _missing(root, xref, guesses[xref])))
        elif xref.get("ref-type") == "fn" and _inside(xref, NOTE_FREE_PLACES):
            found.append(at.error(xref, "a footnote can be called only from the body"))
    guessed = {guess for guess, _ in guesses.values()}
    never = [note for note in uncalled if note.get("id") not in guessed]
    return found + [at.warning(n, f"footnote {n.get('id')!r} is never called") for n in never]


def _spare(
    targets: dict[str, set[str]], calls: list[etree._Element], uncalled: list[etree._Element]
) -> dict[str, list[str]]:
    """The ids of each kind a call to a missing target may mean: the notes never called, the
    affiliations no call names, every reference."""
    called = {xref.get("rid") for xref in calls if xref.get("ref-type") == "aff"}
    return {
        "fn": [str(note.get("id")) for note in uncalled],
        "bibr": sorted(targets["bibr"]),
        "aff": sorted(targets["aff"] - called),
    }


Guess = tuple[str | None, str]  # the target meant, and what tells it ("" or why it is meant)


def _guesses(
    missing: list[etree._Element], spare: dict[str, list[str]]
) -> dict[etree._Element, Guess]:
    """For each call to a missing target, the target it likeliest means: the closest name of
    the ``spare`` ones of its kind, or else, for the one footnote call left so, the one note
    never called and not guessed for another call."""
    guesses: dict[etree._Element, Guess] = {}
    for xref in missing:
        kind, rid = str(xref.get("ref-type")), xref.get("rid", "")
        guesses[xref] = close_name(rid, spare[kind]), ""
    unguessed = [x for x, (guess, _) in guesses.items() if x.get("ref-type") == "fn" and not guess]
    notes = spare["fn"]
    left = sorted(set(notes) - {guess for guess, _ in guesses.values()}, key=notes.index)
    if len(unguessed) == 1 and len(left) == 1:
        guesses[unguessed[0]] = left[0], ", the only footnote never called"
    return guesses


def _missing(root: etree._Element, xref: etree._Element, guess: Guess) -> str:
    kind, rid = str(xref.get("ref-type")), xref.get("rid", "")
    what = TARGETS[kind][1]
    meant, why = guess
    hint = f"; did you mean {meant!r}{why}?" if meant else ""
    other = _kind_named(root, rid)
    if other:
        return f'ref-type="{kind}" calls {_a(what)}, but rid {rid!r} names {other}{hint}'
    return f"call to a missing {what} {rid!r}{hint}"


def _kind_named(root: etree._Element, rid: str) -> str | None:
    """What the element with id ``rid`` is (``a footnote``, ``<sec>``), or None for no element."""
    named = root.xpath("//*[@id=$rid]", rid=rid)
    if not named:
        return None
    for path, what in TARGETS.values():
        if named[0] in root.iterfind(path.rsplit("/@", 1)[0]):
            return _a(what)
    return f"<{etree.QName(named[0]).localname}>"


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def _ids(root: etree._Element, xpath: etree.XPath) -> set[str]:
    return {str(value) for value in xpath(root)}


def _target_refused(root: etree._Element, kind: str, rid: str, refused: Refused) -> bool:
    """Whether the schema refused what a call may be meant for: an element of its kind where
    its targets stand (an id it misspelt), or an element there it holds (an ``aff`` left out
    around its ``institution``), or the element with its id or one around it (a misspelt
    ``fn``, ``fn-group`` or ``back``), or that element out of its place (with the name of its
    kind, elsewhere, which the schema refuses)."""
    path = TARGETS[kind][0]
    parent, tag = path.rsplit("/", 1)
    held = {f"{parent}/{name}" for name in _held(tag)}
    if any(refused(e) for p in (path, *held) for e in root.iterfind(p)):
        return True
    named = root.xpath("//*[@id=$rid]", rid=rid)
    if any(n.tag == tag for n in named):
        return True
    return any(refused(e) for n in named for e in (n, *n.iterancestors()))


def _held(tag: str) -> set[str]:
    """The names of the elements a target of name ``tag`` holds, as the schema has them."""
    from .schema_rules import schema  # read only for a call that misses its target
    from .schema_wrappers import held_names

    rules = schema().rules
    return {
        name for k, rule in enumerate(rules) if tag in rule.names for name in held_names(rules, k)
    }


def _inside(element: etree._Element, tags: tuple[str, ...]) -> bool:
    return any(ancestor.tag in tags for ancestor in element.iterancestors())


def _uncalled_notes(root: etree._Element, refused: Refused) -> list[etree._Element]:
    called = _ids(root, BODY_CALLS)
    return [
        note
        for note in root.iterfind("back/fn-group/fn")
        if note.get("id") not in called and not refused(note)
    ]
