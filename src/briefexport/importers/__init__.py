"""Importers that turn other sources (Markdown, extracted text) into a canonical brief."""
