"""Where a run of text too long to be a word may break: one rule for every presentation writer."""

from __future__ import annotations

from briefexport.shared.runs import CUT_EVERY, cluster_pieces, run_cuts, run_pieces
from briefexport.shared.urls import LONGEST_UNBROKEN

KEY = "".join("abcdefghijklmnopqrstuvwxyz0123456789"[i * 7 % 36] for i in range(500))


def test_words_and_runs_up_to_the_longest_unbroken_are_not_cut() -> None:
    prose = "Sea walls need care, and their upkeep is the council's duty. " * 20
    assert run_pieces(prose) == (prose,)
    assert run_pieces("x" * LONGEST_UNBROKEN) == ("x" * LONGEST_UNBROKEN,)
    assert run_cuts("x" * (LONGEST_UNBROKEN + 1)) == list(range(CUT_EVERY, 61, CUT_EVERY))


def test_a_long_run_is_cut_into_pieces_of_bounded_length_and_nothing_is_added() -> None:
    text = f"Before {KEY} after"
    pieces = run_pieces(text)
    assert "".join(pieces) == text
    assert pieces[0] == "Before " + KEY[:CUT_EVERY]
    assert pieces[-1].endswith(" after")
    assert all(len(piece) <= CUT_EVERY for piece in pieces[1:-1])
    assert len(pieces) == -(-len(KEY) // CUT_EVERY)


def test_a_mark_a_joined_emoji_and_a_flag_stay_with_their_letter() -> None:
    accented = "e\u0301" * 100
    assert all(not piece.startswith("\u0301") for piece in run_pieces(accented))
    joined = "\U0001f468\u200d\U0001f469" * 40
    cuts = run_cuts(joined)
    assert cuts
    assert all(joined[cut - 1] != "\u200d" and joined[cut] != "\u200d" for cut in cuts)
    flags = "\U0001f1ec\U0001f1e7" * 40
    assert run_pieces(flags) == (flags,)


def test_scripts_that_break_without_spaces_are_left_to_the_layout() -> None:
    chinese = "港口城市的防波堤需要定期维护。" * 20
    thai = "กำแพงกันคลื่นต้องได้รับการดูแล" * 10
    assert run_pieces(chinese) == (chinese,)
    assert run_pieces(thai) == (thai,)
    mixed = chinese + "x" * 20 + chinese
    assert run_pieces(mixed) == (mixed,)


def test_a_hyphen_or_a_dash_ends_a_run_and_a_no_break_hyphen_does_not() -> None:
    words = "russia-hosts-taliban-for-talks-but-warns-no-recognition-for-now" * 3
    assert run_pieces(words) == (words,)
    assert run_pieces("a\u2014" * 70) == ("a\u2014" * 70,)
    assert len(run_pieces("a\u2011" * 70)) > 1


def test_cluster_pieces_cut_between_user_perceived_characters_only() -> None:
    run = "ab\u0301c\U0001f468\u200d\U0001f469d"
    assert cluster_pieces(run) == ("a", "b\u0301", "c", "\U0001f468\u200d\U0001f469", "d")
