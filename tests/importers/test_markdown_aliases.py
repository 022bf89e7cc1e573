"""Markdown front matter as pandoc and Quarto users write it: aliases, person forms, settings a
brief ignores (with a warning), and a clear error for a key nobody knows."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from briefexport.errors import InvalidBriefError
from briefexport.importers import import_file, import_source
from briefexport.inlines import plain_text
from briefexport.model import Brief, Paragraph
from briefexport.options import default_options
from briefexport.writers.markdown import write as write_markdown
from support.skips import require_module

BODY = "\nText of the brief.\n"


def _import(tmp_path: Path, front: str, name: str = "brief.md") -> tuple[Brief, list[str]]:
    path = tmp_path / name
    path.write_text(f"---\n{front.strip()}\n---\n{BODY}", encoding="utf-8")
    result = import_source(path, publisher="Some Institute")
    return result.brief, [f"{w.line}: {w.message}" for w in result.warnings]


def test_pandoc_author_forms(tmp_path: Path) -> None:
    brief, _ = _import(
        tmp_path,
        """
title: A note
date: 2025-01-02
author:
  - Jane Q. Doe
  - name: Dr Ada Quill
    affiliation: Centre for Tides, Harbour Institute
    orcid: 0000-0002-1825-0097
    email: ada@example.org
    role: Fellow
lang: fr
subject: Coasts
editor: Bo Berg
""",
    )
    meta = brief.meta
    assert [p.name.display for p in meta.authors] == ["Jane Q. Doe", "Dr Ada Quill"]
    ada = meta.authors[1]
    assert (ada.orcid, ada.email, ada.role) == (
        "https://orcid.org/0000-0002-1825-0097",
        "ada@example.org",
        "Fellow",
    )
    assert [(a.department, a.institution) for a in ada.affiliations] == [
        ("Centre for Tides", "Harbour Institute")
    ]
    assert (meta.language, meta.heading) == ("fr", "Coasts")
    assert [p.name.display for p in meta.editors] == ["Bo Berg"]


def test_a_single_author_string(tmp_path: Path) -> None:
    brief, _ = _import(tmp_path, "title: A note\ndate: 2025-01-02\nauthor: Jane Doe")
    assert [p.name.surname for p in brief.meta.authors] == ["Doe"]


def test_quarto_authors_and_affiliations(tmp_path: Path) -> None:
    brief, warnings = _import(
        tmp_path,
        """
title: A note
date: 2025-01-02
authors:
  - name: {given: Maren, family: Lindqvist}
    roles: [writing, analysis]
    url: https://example.org/maren
    affiliations:
      - ref: nwi
  - name: {given: Vincent, family: Gogh, non-dropping-particle: van}
    affiliations:
      - name: Port Observatory
        city: Aldermouth
affiliations:
  - id: nwi
    name: Northwind Institute
    department: Centre for Coastal Risk
    country: Norland
keywords: surge, gauges
format: html
editor: visual
toc: true
""",
    )
    maren, vincent = brief.meta.authors
    assert (maren.name.given_names, maren.name.surname, maren.role) == (
        "Maren",
        "Lindqvist",
        "writing, analysis",
    )
    assert [(a.id, a.institution, a.department, a.country) for a in maren.affiliations] == [
        ("nwi", "Northwind Institute", "Centre for Coastal Risk", "Norland")
    ]
    assert vincent.name.surname == "van Gogh"
    assert vincent.affiliations[0].institution == "Port Observatory"
    assert brief.meta.keywords == ("surge", "gauges")
    assert brief.meta.editors == ()  # editor: visual is Quarto's editor mode, not a person
    assert warnings == [  # nested keys are reported at their top-level key (authors: line 4)
        "20: 'format' is a pandoc/Quarto setting a brief has no place for; ignored",
        "21: 'editor' is a pandoc/Quarto setting a brief has no place for; ignored",
        "22: 'toc' is a pandoc/Quarto setting a brief has no place for; ignored",
        "4: a person's 'url' has no place in a brief; ignored",
        "4: an affiliation's 'city' has no place in a brief; ignored",
        "1: no series given; using 'Issue Brief'",
    ]


@pytest.mark.parametrize(
    ("front", "message"),
    [
        (
            "colour: blue",
            "6:1: error: unknown front matter key 'colour': neither a brief key nor a pandoc or Quarto one",
        ),
        ("author: Bo Berg", "6:1: error: 'author' and 'authors' say the same thing; keep one"),
        (
            "lang: fr\nlanguage: en",
            "6:1: error: 'lang' and 'language' say the same thing; keep one",
        ),
        ("authors: [{name: X, orcid: '12'}]", "5:1: error: ORCID '12' is not an ORCID iD"),
    ],
    ids=["unknown key", "author twice", "language twice", "bad orcid"],
)
def test_clear_errors(tmp_path: Path, front: str, message: str) -> None:
    base = "title: A note\ndate: 2025-01-02\nauthors: [Jane Doe]\npublisher: P\n"
    if front.startswith("authors:"):
        base = base.replace("authors: [Jane Doe]\n", "")
    path = tmp_path / "brief.md"
    path.write_text(f"---\n{base}{front}\n---\n{BODY}", encoding="utf-8")
    with pytest.raises(InvalidBriefError) as raised:
        import_file(path)
    assert any(message in str(d) for d in raised.value.diagnostics), raised.value.diagnostics


def test_the_pandoc_test_brief(pandoc_sources: Path) -> None:
    brief = import_file(pandoc_sources / "dock-cooling.md")
    meta = brief.meta
    assert [p.name.display for p in meta.authors] == ["Ilona Varga", "Jonas T. Haverkamp"]
    assert [p.name.display for p in meta.editors] == ["Dr Bisi Oyelaran"]
    assert (meta.language, meta.heading, meta.publisher) == (
        "en-GB",
        "Occupational Health",
        "Northwind Institute",
    )
    assert len(brief.footnotes) == 2
    assert len(meta.abstract) == 2


def _as_pandoc_markdown(brief: Brief) -> str:
    """The brief as a pandoc user writes it: pandoc's keys, our body without the lead marker."""
    people = [
        {
            "name": person.name.display,
            "role": person.role,
            "affiliation": [
                ", ".join(p for p in (a.department, a.institution) if p)
                for a in person.affiliations
            ],
        }
        for person in brief.meta.authors
    ]
    front = {
        "title": plain_text(brief.meta.title),
        "author": [{k: v for k, v in p.items() if v} for p in people],
        "editor": [person.name.display for person in brief.meta.editors],
        "date": brief.meta.date.isoformat(),
        "lang": brief.meta.language,
        "disclaimer": plain_text(brief.meta.disclaimer),
    }
    written = write_markdown(brief, default_options(brief)).decode("utf-8")
    body = written.split("\n---\n", 1)[1].replace("{.lead}\n", "")
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + body


def test_the_seed_as_pandoc_markdown_has_the_same_facts(seed_path: Path, tmp_path: Path) -> None:
    extracted = import_file(seed_path)
    path = tmp_path / "seed.md"
    path.write_text(_as_pandoc_markdown(extracted), encoding="utf-8")
    written = import_file(path)
    assert written.meta == extracted.meta
    unleaded = tuple(
        Paragraph(b.children) if isinstance(b, Paragraph) else b for b in extracted.body
    )
    assert written.body == unleaded  # pandoc has no lead paragraph; everything else is equal
    assert written.footnotes == extracted.footnotes


def test_pandoc_itself_reads_the_seed_markdown(seed_path: Path, tmp_path: Path) -> None:
    pypandoc = require_module("pypandoc", "test extra: pypandoc-binary")
    extracted = import_file(seed_path)
    source = _as_pandoc_markdown(extracted)
    done = subprocess.run(
        [pypandoc.get_pandoc_path(), "-f", "markdown", "-t", "json"],
        input=source,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    document = json.loads(done.stdout)
    notes = done.stdout.count('"t":"Note"')
    calls = sum(1 for _ in extracted.footnotes)
    assert notes >= calls
    assert len(document["meta"]["author"]["c"]) == len(extracted.meta.authors)
