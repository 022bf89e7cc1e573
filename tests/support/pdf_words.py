"""Which words of a generated brief a PDF's text layer lost: what search and copy-paste miss.

The words looked for are the vocabulary words of ``random_text`` found in the brief's printed
text (body and notes). Both sides are compared in NFC with white space and invisible format
characters (joiners, variation selectors) removed, and a hyphen at a line end taken as a break,
so line breaks, hyphenation and the way an extractor spaces Thai or CJK text do not count.

One loss of the PDF text layer is outside this project and left out of the comparison (the
page draws every mark; the letters themselves must all be there, in order): Arabic-script vowel
marks (harakat, U+064B to U+065F, U+0670). ``pdftotext`` puts each before the letter it belongs
to (``مَدِينَة`` comes out as ``َم ِدي َنة``), the way poppler orders the zero-width mark glyphs of
right-to-left text; ``/ActualText`` would be read reversed there (``writers/pdf/actualtext.py``).
"""

from __future__ import annotations

import re
import unicodedata

from briefexport.model import Brief, Text

from .model import nodes
from .random_text import SCRIPTS

VOCABULARY = frozenset(w for script in SCRIPTS for w in script.words)


ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")


def squeezed(text: str) -> str:
    text = unicodedata.normalize("NFC", ARABIC_MARKS.sub("", re.sub(r"-\n", "", text)))
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c) != "Cf")


def printed_words(brief: Brief) -> set[str]:
    """Vocabulary words in the brief's body and notes."""
    texts = [n.value for n in nodes((brief.body, brief.footnotes)) if isinstance(n, Text)]
    found: set[str] = set()
    for text in texts:
        found.update(w for w in text.split(" ") if w in VOCABULARY)
    return found


def missing_words(brief: Brief, extracted: str) -> list[str]:
    """The brief's vocabulary words that the extracted text does not hold, sorted."""
    haystack = squeezed(extracted)
    return sorted(w for w in printed_words(brief) if squeezed(w) not in haystack)
