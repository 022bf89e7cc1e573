"""The per-thread template cache: a single export fills the document it prepared, uncopied; from
the second brief on, every brief gets a copy of a prepared template that no brief touches; the
shipped reference document is the only one not screened."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefexport.errors import InvalidTemplateError
from briefexport.model import Brief
from briefexport.options import default_options
from briefexport.shared.styles import default_style_dir
from briefexport.writers.docx import template, template_safety
from briefexport.writers.docx.stylemap import StyleMap
from briefexport.writers.docx.template import (
    REFERENCE_FILE,
    is_shipped_reference,
    parse_docx,
    shipped_reference,
)
from briefexport.writers.docx.template_cache import Prepared, TemplateCache
from briefexport.writers.docx.template_safety import screen_template


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


def test_the_shipped_reference_is_what_screening_leaves_unchanged(tmp_path: Path) -> None:
    # the package's own reference document is not screened at every export: this is why
    style_dir = default_style_dir()
    assert is_shipped_reference(style_dir)
    shipped = (style_dir / REFERENCE_FILE).read_bytes()
    assert screen_template(shipped, "reference.docx") is shipped  # nothing to remove
    copy = tmp_path / "style"
    shutil.copytree(style_dir, copy)
    assert not is_shipped_reference(copy)  # a style folder of one's own is screened


def test_only_the_shipped_reference_skips_screening(
    tour: Brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screened: list[str] = []

    def spy(data: bytes, origin: str) -> bytes:
        screened.append(Path(origin).parent.name)
        return screen_template(data, origin)

    monkeypatch.setattr(template_safety, "screen_template", spy)  # imported when needed
    monkeypatch.setattr(template, "TEMPLATES", TemplateCache())  # nothing prepared yet
    copy = tmp_path / "style"
    shutil.copytree(default_style_dir(), copy)
    template.open_template(default_options(tour))
    assert screened == []
    (copy / REFERENCE_FILE).write_bytes(b"not a zip")
    with pytest.raises(InvalidTemplateError):  # screened, so refused
        template.open_template(default_options(tour, style_dir=copy))
    assert screened == ["style"]
