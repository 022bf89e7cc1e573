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
