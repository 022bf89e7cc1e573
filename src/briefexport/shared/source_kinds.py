"""The file suffixes that name a brief's source kind, for the importers and for the batch's search
of a collection, which must not load the importers to know them."""

from __future__ import annotations

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".qmd"})
XML_SUFFIXES = frozenset({".xml", ".nxml", ".jats"})
