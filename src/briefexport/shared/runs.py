"""Where a run of text too long to be a word may break (house rule, ``docs/typography.md``).

A run of more than :data:`~briefexport.shared.urls.LONGEST_UNBROKEN` characters with no space,
hyphen or dash in it (a pasted key, a hash; UAX #14 breaks after those) gets a break opportunity
every :data:`CUT_EVERY` characters, so that no piece a layout engine measures or breaks is
longer than that: WeasyPrint 70 lays out a word that may break anywhere once per line it
makes of it, which grows with the square of the word's length. The cuts add no character;
each writer marks them its own way (XHTML: ``<wbr>``). A writer that lets such a run break
anywhere instead (Typst) cuts it at every place :func:`cluster_pieces` allows.

Not cut: before a combining mark or a format character, after a ZERO WIDTH JOINER, between two
regional indicators (a flag), so a user-perceived character stays whole. Not counted in runs:
scripts that break between their letters without spaces (Chinese, Japanese, Korean; Thai, Lao,
Khmer, Myanmar and the Tai scripts, UAX #14 class SA), where the layout finds breaks itself.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from .urls import LONGEST_UNBROKEN

CUT_EVERY = 12  # characters: a line ends at most this many short of its measure
ZERO_WIDTH_JOINER = "\u200d"
# Scripts UAX #14 gives class SA: their words are found by dictionary, not by spaces.
SOUTHEAST_ASIAN = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u1950-\u1a1f\u1a20-\u1aaf\ua9e0-\uaaff"
# Chinese, Japanese and Korean letters and punctuation (UAX #14 classes ID, CJ, OP, CL, ...).
EAST_ASIAN = (
    "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd"
)
BREAKS_AFTER = "\\s\u200b\u00ad\\-\u2010\u2012-\u2014"  # spaces, soft hyphen, hyphens, dashes
OVERLONG_RUN = re.compile(
    rf"[^{BREAKS_AFTER}{SOUTHEAST_ASIAN}{EAST_ASIAN}]{{{LONGEST_UNBROKEN + 1},}}"
)


def run_cuts(text: str) -> list[int]:
    """The offsets in ``text`` before which an overlong run gets a break opportunity."""
    cuts: list[int] = []
    for run in OVERLONG_RUN.finditer(text):
        last = run.start()
        for index in range(run.start() + 1, run.end()):
            if index - last >= CUT_EVERY and _may_cut(text, index):
                cuts.append(index)
                last = index
    return cuts


def run_pieces(text: str) -> tuple[str, ...]:
    """``text`` cut at :func:`run_cuts`: one piece when it has no overlong run."""
    bounds = [0, *run_cuts(text), len(text)]
    return tuple(text[begin:end] for begin, end in itertools.pairwise(bounds))


def cluster_pieces(run: str) -> tuple[str, ...]:
    """``run`` cut before every character where a cut keeps user-perceived characters whole."""
    bounds = [0, *(index for index in range(1, len(run)) if _may_cut(run, index)), len(run)]
    return tuple(run[begin:end] for begin, end in itertools.pairwise(bounds))


def _may_cut(text: str, index: int) -> bool:
    before, after = text[index - 1], text[index]
    if unicodedata.category(after)[0] in "MC" or before == ZERO_WIDTH_JOINER:
        return False
    return not (_is_regional_indicator(before) and _is_regional_indicator(after))


def _is_regional_indicator(char: str) -> bool:
    return "\U0001f1e6" <= char <= "\U0001f1ff"
