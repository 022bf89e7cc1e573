"""A footnote's label is checked against its number (the order of first call), except when a
note is never called: that note's warning is the cause of every other number's change."""

from __future__ import annotations

from collections.abc import Callable

from support.positions import position
from support.small_brief import edited

Validate = Callable[[str], tuple[int, list[str]]]
TWO_NOTES = (
    '</fn>\n<fn id="fn2"><label>2</label><p>Budgets.</p></fn>\n',
    '</xref>.<xref ref-type="fn" rid="fn2">2</xref></p>',
)


def two_notes(first_label: str = "1") -> str:
    text = edited("</fn>\n", TWO_NOTES[0], edited("</xref>.</p>", TWO_NOTES[1]))
    return edited('<fn id="fn1">', f'<fn id="fn1"><label>{first_label}</label>', text)


def test_a_label_unlike_its_number_is_a_warning(validate: Validate) -> None:
    text = two_notes(first_label="7")
    assert validate(text) == (
        0,
        [
            f"brief.xml:{position(text, '<fn ')}: warning: footnote label '7' differs from its"
            " number 1 (numbering follows the first call)"
        ],
    )


def test_a_note_never_called_is_one_warning_not_one_per_label_it_moves(
    validate: Validate,
) -> None:
    text = edited('<xref ref-type="fn" rid="fn1">1</xref>', "", two_notes())
    assert validate(text) == (
        0,
        [f"brief.xml:{position(text, '<fn ')}: warning: footnote 'fn1' is never called"],
    )
