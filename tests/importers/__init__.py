"""Tests of the importers (JATS, Markdown front matter aliases, DOCX)."""
