"""Which words of a generated brief a PDF's text layer lost: what search and copy-paste miss.

The words looked for are the vocabulary words of ``random_text`` found in the brief's printed
text (body and notes). Both sides are compared in NFC with white space and invisible format
characters (joiners, variation selectors) removed, and a hyphen at a line end taken as a break,
so line breaks, hyphenation and the way an extractor spaces Thai or CJK text do not count.

Two losses of the PDF text layer are outside this project and left out of the comparison (the
page draws every mark; the letters themselves must all be there, in order):

- Arabic-script vowel marks (harakat, U+064B to U+065F, U+0670): ``pdftotext`` puts each before
  the letter it belongs to (``مَدِينَة`` comes out as ``َم ِدي َنة``), the way poppler orders the
  zero-width mark glyphs of right-to-left text;
- Thai tone marks and SARA AM: the font draws SARA AM (U+0E33) as NIKHAHIT and SARA AA, and
  WeasyPrint's text layer gives the cluster's mark glyphs no text, so ``น้ำ`` comes out as
  ``นา``. Both sides are compared with SARA AM read as SARA AA and without tone marks.
"""

from __future__ import annotations

import re
import unicodedata

from briefexport.model import Brief, Text

from .model import nodes
from .random_text import SCRIPTS

VOCABULARY = frozenset(w for script in SCRIPTS for w in script.words)


LOST_MARKS = re.compile("[\u064b-\u065f\u0670\u0e48-\u0e4b\u0e4d]")


def squeezed(text: str) -> str:
    text = re.sub(r"-\n", "", text).replace("\u0e33", "\u0e32")
    text = unicodedata.normalize("NFC", LOST_MARKS.sub("", text))
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) != "Cf")


def printed_words(brief: Brief) -> set[str]:
    """Vocabulary words in the brief's body and notes."""
    texts = [n.value for n in nodes((brief.body, brief.footnotes)) if isinstance(n, Text)]
    found = set()
    for text in texts:
        found.update(w for w in text.split(" ") if w in VOCABULARY)
    return found


def missing_words(brief: Brief, extracted: str) -> list[str]:
    """The brief's vocabulary words that the extracted text does not hold, sorted."""
    haystack = squeezed(extracted)
    return sorted(w for w in printed_words(brief) if squeezed(w) not in haystack)
