"""What each Word paragraph style means to a brief.

Word's built-in styles (Title, Subtitle, Heading 1-9, List Bullet/Number/Continue, Quote,
Intense Quote, Caption, Footnote Text), the styles our DOCX writer adds (Series, Byline, Author,
Author Role, Affiliation, Author Contact, Editor, Publication Date, Disclaimer, Abstract,
Keywords, Lead Paragraph, Quote Attribution, Figure, Figure and Table Caption, Reference Entry,
Rights, Table Text/Heading,
and the Identity Line, Citation Label and Suggested Citation it makes from the metadata, which
are skipped) and pandoc's
(First Paragraph, Compact, Block Text, Table/Image Caption, Captioned Figure, Date, Source Code)
are known; names are compared without case, as Word does. Any other style is read as body text
and reported.
"""

from __future__ import annotations

import enum
import re


class Role(enum.Enum):
    """What a paragraph is."""

    TITLE = "title"
    SUBTITLE = "subtitle"
    SERIES = "series"
    BYLINE = "byline"
    AUTHOR = "author"
    ROLE = "role"
    AFFILIATION = "affiliation"
    EDITOR = "editor"
    DATE = "date"
    DISCLAIMER = "disclaimer"
    ABSTRACT_TITLE = "abstract title"
    ABSTRACT = "abstract"
    KEYWORDS = "keywords"
    HEADING = "heading"
    LEAD = "lead"
    BODY = "body"
    BULLET = "bullet"
    NUMBER = "number"
    CONTINUE = "continue"
    QUOTE = "quote"
    ATTRIBUTION = "attribution"
    CAPTION = "caption"
    FIGURE = "figure"
    CODE = "code"
    REFERENCE = "reference"
    RIGHTS = "rights"
    CONTACT = "contact"
    GENERATED = "generated"  # made from the metadata by our writer: identity lines, citation


FRONT_ROLES = frozenset(
    {Role.TITLE, Role.SUBTITLE, Role.SERIES, Role.BYLINE, Role.AUTHOR, Role.ROLE,
     Role.AFFILIATION, Role.EDITOR, Role.DATE, Role.DISCLAIMER, Role.ABSTRACT_TITLE,
     Role.ABSTRACT, Role.KEYWORDS, Role.CONTACT, Role.GENERATED}
)  # fmt: skip

STYLES = {
    "title": Role.TITLE,
    "subtitle": Role.SUBTITLE,
    "series": Role.SERIES,
    "byline": Role.BYLINE,
    "author": Role.AUTHOR,
    "author role": Role.ROLE,
    "affiliation": Role.AFFILIATION,
    "editor": Role.EDITOR,
    "publication date": Role.DATE,
    "date": Role.DATE,
    "disclaimer": Role.DISCLAIMER,
    "abstract title": Role.ABSTRACT_TITLE,
    "abstract": Role.ABSTRACT,
    "keywords": Role.KEYWORDS,
    "lead paragraph": Role.LEAD,
    "normal": Role.BODY,
    "body text": Role.BODY,
    "first paragraph": Role.BODY,
    "compact": Role.BODY,
    "list paragraph": Role.BODY,
    "footnote text": Role.BODY,
    "table text": Role.BODY,
    "table heading": Role.BODY,
    "table contents": Role.BODY,
    "table heading (libreoffice)": Role.BODY,
    "text body": Role.BODY,
    "list bullet": Role.BULLET,
    "list number": Role.NUMBER,
    "list continue": Role.CONTINUE,
    "quote": Role.QUOTE,
    "intense quote": Role.QUOTE,
    "block text": Role.QUOTE,
    "quotations": Role.QUOTE,
    "quote attribution": Role.ATTRIBUTION,
    "caption": Role.CAPTION,
    "figure caption": Role.CAPTION,
    "table caption": Role.CAPTION,
    "image caption": Role.CAPTION,
    "figure": Role.FIGURE,
    "captioned figure": Role.FIGURE,
    "source code": Role.CODE,
    "reference entry": Role.REFERENCE,
    "bibliography": Role.REFERENCE,
    "rights": Role.RIGHTS,
    "author contact": Role.CONTACT,
    "identity line": Role.GENERATED,
    "citation label": Role.GENERATED,
    "suggested citation": Role.GENERATED,
}
_HEADING = re.compile(r"heading (\d)")
_NUMBERED_STYLE = re.compile(r"(list bullet|list number|list continue) \d")


def role_of(style_name: str | None) -> tuple[Role, int] | None:
    """The role of a paragraph style and, for headings, its level; None when unknown."""
    name = " ".join((style_name or "normal").lower().split())
    heading = _HEADING.fullmatch(name)
    if heading:
        return Role.HEADING, int(heading.group(1))
    numbered = _NUMBERED_STYLE.fullmatch(name)
    if numbered:
        name = numbered.group(1)
    role = STYLES.get(name)
    return (role, 0) if role is not None else None
