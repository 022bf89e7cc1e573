"""The per-thread template cache: a single export fills the document it prepared, uncopied; from
the second brief on, every brief gets a copy of a prepared template that no brief touches."""

from __future__ import annotations

from briefexport.model import Brief
from briefexport.options import default_options
from briefexport.writers.docx.stylemap import StyleMap
from briefexport.writers.docx.template import parse_docx, shipped_reference
from briefexport.writers.docx.template_cache import Prepared, TemplateCache


def test_the_first_brief_fills_the_prepared_document_and_later_ones_copies(tour: Brief) -> None:
    options = default_options(tour)
    shipped = shipped_reference(options.style_dir, options.brand)
    made: list[Prepared] = []

    def prepare() -> Prepared:
        document = parse_docx(shipped, "reference.docx")
        made.append(Prepared(document, StyleMap(document, lambda: document)))
        return made[-1]

    cache = TemplateCache()
    first, _ = cache.copy_of(shipped, shipped, prepare)
    assert len(made) == 1
    assert first is made[0].document
    second, _ = cache.copy_of(shipped, shipped, prepare)
    third, _ = cache.copy_of(shipped, shipped, prepare)
    assert len(made) == 2  # prepared again once, to keep
    kept = made[1].document
    assert len({id(first), id(second), id(third), id(kept)}) == 4
    second.add_paragraph("only in the second brief")
    assert "only in the second brief" not in [p.text for p in third.paragraphs]
    assert "only in the second brief" not in [p.text for p in kept.paragraphs]
