"""Pages matched by the same @page rules share computed styles (writers/pdf/page_styles.py):
guard, which pages share, the same PDF bytes for WeasyPrint alone and for briefs."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

import pytest
import weasyprint
from weasyprint.css import StyleFor
from weasyprint.layout import page

import briefexport
from briefexport.writers.pdf import page_styles, pinned
from support.paths import EXAMPLES, URDU
from support.pinned import needs_reviewed, with_and_without


def reviewed(function: Callable[..., Any]) -> Callable[..., Any]:
    return getattr(function, "__wrapped__", function)


@needs_reviewed
def test_installed_weasyprint_is_the_reviewed_one() -> None:
    version = weasyprint.__version__
    sha = page_styles.REVIEWED_SHA256
    original = reviewed(page.set_page_type_computed_styles)
    assert pinned.is_reviewed(original, sha["set_page_type_computed_styles"], version)
    assert pinned.is_reviewed(StyleFor.add_page_declarations, sha["add_page_declarations"], version)
    assert page_styles.install()
    assert page.set_page_type_computed_styles.__wrapped__ is original


def test_another_version_or_a_changed_function_is_refused() -> None:
    original = reviewed(page.set_page_type_computed_styles)
    sha = page_styles.REVIEWED_SHA256["set_page_type_computed_styles"]
    assert not pinned.is_reviewed(original, sha, "71.0")
    wrapped = page_styles._sharing(original)
    assert not pinned.is_reviewed(wrapped, sha, pinned.SUPPORTED_VERSION)


# Left and right pages with rules of their own, a first page, a named page, margin boxes with
# counters, a running string and a viewport unit (known from the first page's size only).
SAMPLER = """
<style>
@page { size: 100mm 80mm; margin: 15mm 10mm;
  @bottom-center { content: counter(page) " of " counter(pages); font-size: 2vw }
  @top-left { content: string(part) } }
@page :left { margin-left: 20mm; @top-right { content: "left" } }
@page :right { margin-right: 20mm }
@page :first { @top-center { content: "First" } }
@page wide { size: 120mm 80mm }
h2 { string-set: part content(); break-before: page }
section.wide { page: wide }
</style>
<h2>One</h2><p>Harbour</p><h2>Two</h2><p>Quay</p><h2>Three</h2><p>Tide</p><h2>Four</h2>
<section class="wide"><h2>Five</h2><p>Breakwater</p></section><h2>Six</h2><p>Gauge</p>
<h2>Seven</h2><p>Dock</p>
"""


def sampler(shared: bool) -> Any:
    scope = page_styles.sharing_page_styles() if shared else contextlib.nullcontext()
    with scope:
        return weasyprint.HTML(string=SAMPLER).render()


@needs_reviewed
def test_pages_share_only_with_an_earlier_page_of_the_same_rules() -> None:
    styles = [one._page_box.style for one in sampler(shared=True).pages]
    names = [one._page_box.page_type.name for one in sampler(shared=True).pages]
    assert names == ["", "", "", "", "wide", "", ""]
    sharing = [[index for index, other in enumerate(styles) if other is style] for style in styles]
    # the first page alone; left pages together, right ones together; the named page alone
    assert sharing == [[0], [1, 3, 5], [2, 6], [1, 3, 5], [4], [1, 3, 5], [2, 6]]
    unshared = [one._page_box.style for one in sampler(shared=False).pages]
    assert len(set(map(id, unshared))) == len(unshared)


@needs_reviewed
def test_weasyprint_alone_draws_the_same_pdf() -> None:
    assert sampler(shared=True).write_pdf() == sampler(shared=False).write_pdf()


@needs_reviewed
@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: briefexport.load(EXAMPLES / "feature-tour.xml"), id="feature-tour"),
        pytest.param(lambda: briefexport.load(URDU), id="urdu"),
    ],
)
def test_the_pdf_is_the_same_as_weasyprints(
    make: Callable[[], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    shared, plain = with_and_without(page_styles, make(), monkeypatch)
    assert shared == plain
