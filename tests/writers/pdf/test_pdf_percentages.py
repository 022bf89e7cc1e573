"""Percentages resolved once per style and containing block (writers/pdf/percentages.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any, cast

import pytest
import weasyprint
from weasyprint.formatting_structure.boxes import PageBox
from weasyprint.layout import percent

import briefexport
from briefexport.writers.pdf import percentages, pinned
from support.briefs import long_brief
from support.paths import EXAMPLES
from support.pinned import needs_reviewed, with_and_without


def reviewed_resolve() -> Callable[..., Any]:
    current = percent.resolve_percentages
    return cast(Callable[..., Any], getattr(current, "__wrapped__", current))


@needs_reviewed
def test_installed_weasyprint_is_the_reviewed_one() -> None:
    assert pinned.is_reviewed(
        reviewed_resolve(), percentages.RESOLVE_SHA256, weasyprint.__version__
    )
    assert percentages.install()
    for module in percentages._modules():
        assert module.resolve_percentages.__wrapped__ is reviewed_resolve()


def test_another_version_or_a_changed_function_is_refused() -> None:
    assert not pinned.is_reviewed(reviewed_resolve(), percentages.RESOLVE_SHA256, "71.0")
    wrapped = percentages._remembering(reviewed_resolve(), PageBox)
    assert not pinned.is_reviewed(wrapped, percentages.RESOLVE_SHA256, pinned.SUPPORTED_VERSION)


def counting_wrapper(calls: Counter[str]) -> Callable[..., None]:
    def resolve(box: Any, containing_block: Any) -> None:
        calls[box.name] += 1
        for name in percentages.USED_VALUES:
            setattr(box, name, containing_block[0] if name == "width" else 0)

    return percentages._remembering(resolve, PageBox)


def fake_box(name: str, style: dict[str, str]) -> Any:
    return SimpleNamespace(name=name, style=style)


def test_one_resolution_per_style_and_size_and_none_under_collapsing_borders() -> None:
    calls: Counter[str] = Counter()
    resolve = counting_wrapper(calls)
    separate, collapse = {"border_collapse": "separate"}, {"border_collapse": "collapse"}
    with percentages.resolving_once() as active:
        boxes = [fake_box(f"box{n}", separate) for n in range(3)]
        for box in boxes:
            resolve(box, (300.0, "auto"))
        wider = fake_box("wider", separate)
        resolve(wider, (400.0, "auto"))
        for _ in range(2):
            resolve(fake_box("cell", collapse), (300.0, "auto"))
    if active:
        assert calls == Counter({"box0": 1, "wider": 1, "cell": 2})
        assert [box.width for box in boxes] == [300.0, 300.0, 300.0]
        assert wider.width == 400.0
    outside = fake_box("outside", separate)
    resolve(outside, (300.0, "auto"))
    assert calls["outside"] == 1


@needs_reviewed
@pytest.mark.parametrize(
    "make",
    [
        # the tour's tables and figures resolve the most percentages; the long brief with notes
        # is a layout more through the same resolution, in the slow suite
        pytest.param(lambda: long_brief(pages=4, notes=8), id="notes", marks=pytest.mark.slow),
        pytest.param(lambda: briefexport.load(EXAMPLES / "feature-tour.xml"), id="feature-tour"),
    ],
)
def test_the_pdf_is_the_same_as_weasyprints(
    make: Callable[[], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    remembered, plain = with_and_without(percentages, make(), monkeypatch)
    assert remembered == plain
