"""Which children of one parent are out of order, so that every one is reported in one run.

The parent's children are read through its element patterns' automata (:mod:`.schema_rules`,
RELAX NG's ``group``, ``choice``, ``optional`` and repetitions). Among all readings, the one
kept is the one that leaves the fewest children out of place: a child is either read where it
stands (worth 2), or left out as misplaced (worth 0); an element the patterns need there may be
assumed (costing 1 when the parent has a child of that name elsewhere, which is then the one
moved, and 3 when it has none, so that a child is never called misplaced to spare calling
another missing). Between readings worth alike, the one that reads the earlier children where
they stand is kept, as libxml2 and a reader going in order meet the later ones as the problem
(of two alike children, the second is the one too many). Each child left out is one line: a
swap of two children is one problem, two swaps in a parent are two.
"""

from __future__ import annotations

from .schema_attributes import Read, attributes_fit, narrowed
from .schema_rules import ElementRule

State = tuple[int, int]  # (element rule, automaton state)
Score = tuple[int, int]  # (worth, a bit per child so far, the first highest: read in place)
Child = tuple[str, Read] | None  # a child's Clark name as read, and itself; None: not read
READ, ASSUMED_PRESENT, ASSUMED_ABSENT = 2, -1, -3


def misplaced_children(
    rules: list[ElementRule], keys: frozenset[int], children: list[Child]
) -> set[int]:
    """The indices of ``children`` the best reading leaves out as misplaced."""
    present = {child[0] for child in children if child is not None}
    start: dict[State, Score] = {(k, s): (0, 0) for k in keys for s in rules[k].closure({0})}
    best = _assumed(rules, start, present)
    allowed = {c for k in keys for moves in rules[k].moves.values() for c, _ in moves}
    for child in children:
        following = {state: (worth, read << 1) for state, (worth, read) in best.items()}
        if child is not None:
            tag, element = child
            own = narrowed(element, [c for c in allowed if tag in rules[c].names], rules)
            for (key, state), (worth, read) in _moves(rules, best, child, own):
                _offer(following, (key, state), (worth + READ, read << 1 | 1))
        best = _assumed(rules, following, present)
    ends = [score for (key, state), score in best.items() if state == rules[key].final]
    if not ends:
        return set()
    _, read = max(ends)
    last = len(children) - 1
    return {
        i for i, child in enumerate(children) if child is not None and not read >> (last - i) & 1
    }


def _moves(
    rules: list[ElementRule],
    best: dict[State, Score],
    read: tuple[str, Read],
    own: frozenset[int] | None,
) -> list[tuple[State, Score]]:
    """Where reading the child leads from each state, with the score it comes from; only the
    patterns its attributes fit when any do, and only ``own`` when what it holds first tells
    (as :class:`~.schema_reading.Reading` reads)."""
    tag, element = read
    taken = [
        (key, child, to, score)
        for (key, state), score in best.items()
        for child, to in rules[key].moves.get(state, ())
        if tag in rules[child].names
    ]
    if own is not None:
        taken = [t for t in taken if t[1] in own]
    taken = [t for t in taken if attributes_fit(element, rules[t[1]])] or taken
    return [((key, s), score) for key, _, to, score in taken for s in rules[key].closure({to})]


def _assumed(
    rules: list[ElementRule], best: dict[State, Score], present: set[str]
) -> dict[State, Score]:
    """``best`` with every state reached by assuming elements where they are missing."""
    todo = list(best)
    while todo:
        key, state = todo.pop()
        worth, read = best[(key, state)]
        for child, to in rules[key].moves.get(state, ()):
            moved = not present.isdisjoint(rules[child].names)
            cost = ASSUMED_PRESENT if moved else ASSUMED_ABSENT
            for following in rules[key].closure({to}):
                if _offer(best, (key, following), (worth + cost, read)):
                    todo.append((key, following))
    return best


def _offer(best: dict[State, Score], state: State, score: Score) -> bool:
    """Keep ``score`` at ``state`` when it beats the one there; whether it did."""
    if state in best and best[state] >= score:
        return False
    best[state] = score
    return True
