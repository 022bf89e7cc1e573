"""Link targets and figure paths are trimmed of XML white space only (space, tab, CR, LF), the
same way wherever they are read: the reader, the link rules, the file-path check, the JATS
importer and a batch's figure copies. A no-break space or another Unicode space at an edge is
kept, so that it is refused where it stands rather than dropped in one place and not another."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefexport.batch.discovery import discover
from briefexport.batch.figure_copies import figure_copies
from briefexport.importers import import_source
from briefexport.resources import check_relative_href
from briefexport.rules.links import link_problem, trimmed_href
from support.importers import copy_estuary
from support.paths import EXAMPLES, TOUR

NBSP, EM_SPACE = "\u00a0", "\u2003"
FIGURE = "figures/heat-calls.png"


@pytest.mark.parametrize("blank", [" ", "\t", "\r\n", " \n\t "])
def test_xml_white_space_is_trimmed(blank: str) -> None:
    assert trimmed_href(f"{blank}https://example.org/{blank}") == "https://example.org/"


@pytest.mark.parametrize("stray", [NBSP, EM_SPACE, "\u3000"])
def test_a_unicode_space_is_kept(stray: str) -> None:
    assert trimmed_href(f" {stray}https://example.org/{stray}\n") == (
        f"{stray}https://example.org/{stray}"
    )


@pytest.mark.parametrize("stray", [NBSP, EM_SPACE])
def test_the_link_rules_do_not_pass_a_link_with_a_unicode_space_at_its_end(stray: str) -> None:
    assert link_problem(f"https://example.org/walls{stray}") == (
        f"link {f'https://example.org/walls{stray}'!r} contains whitespace"
    )
    assert link_problem("\nhttps://example.org/walls\t") is None


def test_a_path_of_a_no_break_space_is_not_an_empty_path() -> None:
    assert check_relative_href(" \t\r\n") == "empty file path"
    assert check_relative_href(NBSP) is None  # a name; the reader refuses its edge


def test_the_jats_importer_does_not_take_another_file_for_a_path_ending_in_a_stray(
    tmp_path: Path,
) -> None:
    article = copy_estuary(tmp_path)
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace('xlink:href="estuary-fig1"', 'xlink:href="estuary-fig1&#160;"'))
    result = import_source(article)
    assert result.brief.figures == ()
    assert any("'estuary-fig1\\xa0'" in warning.message for warning in result.warnings)


def test_the_jats_importer_trims_xml_white_space_around_a_path(tmp_path: Path) -> None:
    article = copy_estuary(tmp_path)
    text = article.read_text(encoding="utf-8")
    article.write_text(
        text.replace('xlink:href="estuary-fig1"', 'xlink:href="&#10; estuary-fig1 "')
    )
    (figure,) = import_source(article).brief.figures
    assert figure.image.href == "estuary-fig1.png"


def test_a_batch_figure_copy_keeps_a_no_break_space_at_the_path_edge(tmp_path: Path) -> None:
    folder = tmp_path / "briefs"
    (folder / "figures").mkdir(parents=True)
    brief = TOUR.read_text(encoding="utf-8")
    href = f"\n  {FIGURE}{NBSP}"
    (folder / "a.xml").write_text(brief.replace(f'xlink:href="{FIGURE}"', f'xlink:href="{href}"'))
    (folder / "figures" / "heat-calls.png").write_bytes((EXAMPLES / FIGURE).read_bytes())
    (source,) = discover(folder, tmp_path / "out").sources
    assert [copy.href for copy in figure_copies(source, None)] == [f"{FIGURE}{NBSP}"]
