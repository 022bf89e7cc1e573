"""Links with characters a URL may not hold as written (issue 14, item 8).

``?filter[x]=1`` is a valid link target for every browser, so the brief is valid; HTML and EPUB
must write it percent-encoded (``%5B``, ``%5D``), which the URL Standard, the Nu checker and
EPUBCheck accept and every server reads the same. JATS keeps the link as written.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree, html

from support.checker_lines import epubcheck_messages, nu_messages
from support.cli_runs import RunCli
from support.small_brief import edited

WRITTEN = "https://example.org/search?filter[region]=north&q=a|b&sort={date}#top"
ENCODED = "https://example.org/search?filter%5Bregion%5D=north&q=a%7Cb&sort=%7Bdate%7D#top"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def exported(brief_file: Callable[[str], Path], cli: RunCli, tmp_path: Path) -> Path:
    source = edited("https://example.org/walls", WRITTEN.replace("&", "&amp;"))
    brief = brief_file(source)
    assert cli("validate", brief) == (0, "")
    out = tmp_path / "out"
    assert cli(brief, "--to", "html,epub,jats", "-o", out) == (0, "")
    return out


def link_targets(root: etree._Element, tag: str) -> list[str]:
    return [a.get("href", "") for a in root.iter(tag) if "example.org" in a.get("href", "")]


def test_html_and_epub_percent_encode_what_a_url_may_not_hold(exported: Path) -> None:
    page = html.fromstring((exported / "brief.html").read_bytes())
    assert link_targets(page, "a") == [ENCODED]
    with zipfile.ZipFile(exported / "brief.epub") as book:
        texts = [name for name in book.namelist() if name.endswith(".xhtml")]
        targets = [
            href
            for name in texts
            for href in link_targets(etree.fromstring(book.read(name)), f"{XHTML}a")
        ]
    assert targets == [ENCODED]


def test_jats_keeps_the_link_as_written(exported: Path) -> None:
    jats = etree.parse(str(exported / "brief.jats.xml"))
    hrefs = jats.xpath(
        "//ext-link/@xlink:href", namespaces={"xlink": "http://www.w3.org/1999/xlink"}
    )
    assert hrefs == [WRITTEN]


@pytest.mark.slow
def test_the_checkers_accept_the_encoded_links(exported: Path) -> None:
    assert nu_messages(exported / "brief.html") == []
    assert epubcheck_messages(exported / "brief.epub") == []
