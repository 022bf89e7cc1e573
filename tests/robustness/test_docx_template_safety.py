"""An institution's Word template is untrusted input (issue 16, item 11).

The templates are made by python-docx, then edited part by part the way a hostile or careless
template would look: an entity declaration, an attached template on a server, a linked picture,
fields that fetch a picture or text when Word updates them.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from lxml import etree

import briefexport
from briefexport.options import default_options
from briefexport.writers.docx import write
from support.cli_runs import RunCli
from support.small_brief import BRIEF

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
HYPERLINK = f"{R_NS}/hyperlink"


def field_runs(instruction: str, result: str) -> str:
    """A complex field (begin, instruction, separate, result, end) as runs."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{instruction}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{result}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


HEADER_CONTENT = (
    "<w:r><w:t>Kept header</w:t></w:r>"
    '<w:fldSimple w:instr=" INCLUDETEXT &quot;https://tracker.example/t.docx&quot; ">'
    "<w:r><w:t>included result</w:t></w:r></w:fldSimple>"
    + field_runs(' INCLUDEPICTURE "https://tracker.example/p.png" \\d ', "picture result")
    + field_runs(" PAGE ", "7")
    + '<w:hyperlink r:id="rIdLink"><w:r><w:t>institute site</w:t></w:r></w:hyperlink>'
    '<w:r><w:pict><v:shape style="width:1pt;height:1pt"><v:imagedata r:id="rIdPixel"/>'
    "</v:shape></w:pict></w:r>"
)
HEADER_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG_NS}">'
    f'<Relationship Id="rIdPixel" Type="{R_NS}/image" Target="https://tracker.example/pixel.png"'
    ' TargetMode="External"/>'
    f'<Relationship Id="rIdLink" Type="{HYPERLINK}" Target="https://institute.example/"'
    ' TargetMode="External"/></Relationships>'
)
SETTINGS_RELS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG_NS}">'
    f'<Relationship Id="rIdTemplate" Type="{R_NS}/attachedTemplate"'
    ' Target="file:///C:/Templates/Tracker.dotm" TargetMode="External"/></Relationships>'
)


def make_template(folder: Path, edit: Callable[[str, bytes], bytes]) -> Path:
    """A python-docx template with a header; ``edit(name, content)`` rewrites each part."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "H"
    plain = io.BytesIO()
    document.save(plain)
    path = folder / "institution.docx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            target.writestr(info, edit(info.filename, source.read(info)))
        if "word/_rels/settings.xml.rels" not in source.namelist():
            target.writestr(
                "word/_rels/settings.xml.rels", edit("word/_rels/settings.xml.rels", b"")
            )
        if "word/_rels/header1.xml.rels" not in source.namelist():
            target.writestr("word/_rels/header1.xml.rels", edit("word/_rels/header1.xml.rels", b""))
    return path


def reaching_template(name: str, content: bytes) -> bytes:
    """Every way a template can reach outside itself, added to the parts that carry it."""
    if name == "word/header1.xml":
        return content.replace(b"<w:r><w:t>H</w:t></w:r>", HEADER_CONTENT.encode())
    if name == "word/settings.xml":
        return re.sub(
            rb"(<w:settings[^>]*>)", rb'\1<w:attachedTemplate r:id="rIdTemplate"/>', content
        )
    if name == "word/_rels/header1.xml.rels":
        return HEADER_RELS.encode()
    if name == "word/_rels/settings.xml.rels":
        return SETTINGS_RELS.encode()
    return content


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The parts of a brief written with the reaching template."""
    folder = tmp_path_factory.mktemp("template")
    (folder / "brief.xml").write_text(BRIEF, encoding="utf-8")
    brief = briefexport.load(folder / "brief.xml")
    template = make_template(folder, reaching_template)
    data = write(brief, default_options(brief, reference_docx=template))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_external_relationships_are_removed_but_hyperlinks(written: dict[str, bytes]) -> None:
    external = []
    for name, content in written.items():
        if name.endswith(".rels"):
            for rel in etree.fromstring(content):
                if rel.get("TargetMode") == "External":
                    external.append((rel.get("Type"), rel.get("Target")))
    assert external, "the brief's own link and the template's hyperlink stay"
    assert {kind for kind, _ in external} == {HYPERLINK}
    assert ("https://institute.example/") in {target for _, target in external}
    assert not any(b"tracker" in content.lower() for content in written.values())


def test_the_attached_template_is_removed(written: dict[str, bytes]) -> None:
    assert b"attachedTemplate" not in written["word/settings.xml"]


def test_fetching_fields_are_unlinked_and_their_results_kept(written: dict[str, bytes]) -> None:
    headers = [
        content for name, content in written.items() if re.match(r"word/header\d*\.xml", name)
    ]
    assert headers
    assert not any(re.search(rb"INCLUDE(PICTURE|TEXT)", part, re.IGNORECASE) for part in headers)
    text = "".join("".join(etree.fromstring(part).itertext()) for part in headers)
    for shown in ("Kept header", "included result", "picture result", "institute site"):
        assert shown in text
    assert any(b" PAGE " in part for part in headers), "fields that fetch nothing stay fields"


def entity_in_styles(name: str, content: bytes) -> bytes:
    """styles.xml declaring an entity and using it in a style name."""
    if name != "word/styles.xml":
        return content
    declaration = b'<!DOCTYPE w:styles [<!ENTITY brand "Coastal">]>'
    content = re.sub(rb"(<\?xml[^>]*\?>)", rb"\1" + declaration, content, count=1)
    return content.replace(b'w:val="Title"', b'w:val="&brand; Title"', 1)


def test_a_template_declaring_entities_is_an_input_error(
    tmp_path: Path, brief_file: Callable[[str], Path], cli: RunCli
) -> None:
    brief = brief_file(BRIEF)
    template = make_template(tmp_path, entity_in_styles)
    assert b"<!ENTITY" in zipfile.ZipFile(template).read("word/styles.xml")
    status, err = cli(brief, "--to", "docx", "--reference-docx", template, "-o", tmp_path / "out")
    assert status == 2
    assert "institution.docx" in err
    assert "word/styles.xml" in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out" / "brief.docx").exists()


def test_the_api_raises_an_output_error_naming_the_part(tmp_path: Path) -> None:
    from briefexport.errors import InvalidTemplateError, OutputError

    brief_path = tmp_path / "brief.xml"
    brief_path.write_text(BRIEF, encoding="utf-8")
    brief = briefexport.load(brief_path)
    template = make_template(tmp_path, entity_in_styles)
    with pytest.raises(InvalidTemplateError, match=r"institution\.docx.*word/styles\.xml"):
        write(brief, default_options(brief, reference_docx=template))
    assert issubclass(InvalidTemplateError, OutputError)


def test_a_template_that_is_not_a_zip_is_an_input_error(
    tmp_path: Path, brief_file: Callable[[str], Path], cli: RunCli
) -> None:
    template = tmp_path / "broken.docx"
    template.write_bytes(b"PK\x03\x04 not really a zip")
    status, err = cli(brief_file(BRIEF), "--to", "docx", "--reference-docx", template)
    assert status == 2
    assert "broken.docx" in err
    assert "not a Word document" in err
