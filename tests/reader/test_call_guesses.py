"""A call to a missing target is one line naming what it likeliest means: the one note never
called when the call is the one footnote call left unexplained (its never-called warning is then
not said again), and the kind of element its ``rid`` names when that is another kind's."""

from __future__ import annotations

from collections.abc import Callable

from support.positions import position
from support.small_brief import edited

Validate = Callable[[str], tuple[int, list[str]]]
REFERENCES = (
    '</fn-group><ref-list><ref id="ref1"><mixed-citation publication-type="other">An audit.'
    "</mixed-citation></ref></ref-list></back>"
)
SECOND_NOTE = '</fn>\n<fn id="fn2"><p>Budgets.</p></fn>\n'
DELETED = '<xref ref-type="aff" rid="aff2"'  # the call to the affiliation deleted


def test_a_call_like_no_note_is_taken_for_the_one_note_never_called(validate: Validate) -> None:
    text = edited('rid="fn1"', 'rid="sidebar"')
    assert validate(text) == (
        2,
        [
            f"brief.xml:{position(text, '<xref')}: error: call to a missing footnote 'sidebar';"
            " did you mean 'fn1', the only footnote never called?"
        ],
    )


def test_two_calls_like_no_note_name_none_of_the_notes_never_called(validate: Validate) -> None:
    text = edited("</xref>.</p>", '</xref>.<xref ref-type="fn" rid="aside">2</xref></p>')
    text = edited('rid="fn1"', 'rid="sidebar"', edited("</fn>\n", SECOND_NOTE, text))
    assert validate(text) == (
        2,
        [
            f"brief.xml:{position(text, '<xref')}: error: call to a missing footnote 'sidebar'",
            f"brief.xml:{position(text, '<xref', 1)}: error: call to a missing footnote 'aside'",
            f"brief.xml:{position(text, '<fn ')}: warning: footnote 'fn1' is never called",
            f"brief.xml:{position(text, '<fn ', 1)}: warning: footnote 'fn2' is never called",
        ],
    )


def test_a_footnote_call_naming_a_reference_says_so(validate: Validate) -> None:
    text = edited('rid="fn1"', 'rid="ref1"', edited("</fn-group></back>", REFERENCES))
    assert validate(text) == (
        2,
        [
            f'brief.xml:{position(text, "<xref")}: error: ref-type="fn" calls a footnote,'
            " but rid 'ref1' names a reference; did you mean 'fn1', the only footnote never"
            " called?"
        ],
    )


def test_a_reference_call_naming_a_footnote_says_so_and_calls_it(validate: Validate) -> None:
    text = edited('ref-type="fn"', 'ref-type="bibr"', edited("</fn-group></back>", REFERENCES))
    assert validate(text) == (
        2,
        [
            f'brief.xml:{position(text, "<xref")}: error: ref-type="bibr" calls a reference,'
            " but rid 'fn1' names a footnote"
        ],
    )


def test_a_call_to_its_target_out_of_place_is_left_to_the_schema(validate: Validate) -> None:
    """The affiliation stands outside ``article-meta``, whose tags are left out: the schema
    pass says so at the first element loose in ``front``, not at the affiliation."""
    affiliation = '<aff id="aff1"><institution>Coastal Institute</institution></aff>'
    text = edited("</contrib-group>", f"</contrib-group>{affiliation}")
    text = edited("</name></contrib>", '</name><xref ref-type="aff" rid="aff1"/></contrib>', text)
    text = text.replace("<article-meta>", "").replace("</article-meta>", "")
    assert validate(text) == (
        2,
        [
            f"brief.xml:{position(text, '<title-group>')}: error: <title-group>,"
            " <contrib-group>, <aff> and <pub-date> are not allowed directly in <front>; wrap"
            " them in <article-meta>"
        ],
    )


def with_affiliations(calls: tuple[str, ...], ids: tuple[str, ...]) -> str:
    """The small brief with one author calling each of ``calls`` and an affiliation of each id."""
    authors = "".join(
        f'<contrib contrib-type="author"><name><surname>Author</surname></name>'
        f'<xref ref-type="aff" rid="{rid}"/></contrib>'
        for rid in calls
    )
    affiliations = "".join(
        f'<aff id="{aff}"><institution>Institute {aff}</institution></aff>' for aff in ids
    )
    return edited("</contrib-group>", f"{authors}</contrib-group>{affiliations}")


def test_a_call_to_a_deleted_affiliation_names_one_no_author_calls(validate: Validate) -> None:
    text = with_affiliations(("aff3", "aff2"), ("aff1", "aff3"))
    assert validate(text) == (
        2,
        [
            f"brief.xml:{position(text, DELETED)}: error: call to a missing"
            " affiliation 'aff2'; did you mean 'aff1'?"
        ],
    )


def test_no_affiliation_is_guessed_when_every_one_is_called(validate: Validate) -> None:
    text = with_affiliations(("aff1", "aff3", "aff2"), ("aff1", "aff3"))
    assert validate(text) == (
        2,
        [f"brief.xml:{position(text, DELETED)}: error: call to a missing affiliation 'aff2'"],
    )
