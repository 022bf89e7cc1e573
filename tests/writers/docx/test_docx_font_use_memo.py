"""The fonts a Word copy's text is set in are worked out once for each paragraph style and run
properties (:class:`briefexport.writers.docx.font_use.RunFonts`), and each embedded font is
obfuscated once per process (:func:`briefexport.writers.docx.font_subset.obfuscated`): a run
in another style, a run with other properties, or other font bytes is never answered from what
was kept for another, and the directions of characters read once are those of each text."""

from __future__ import annotations

import docx
from lxml import etree

from briefexport.shared.bidi import text_directions
from briefexport.shared.caches import STYLE_CACHES
from briefexport.shared.xmlnames import W_NS
from briefexport.writers.docx.font_embed import next_partname
from briefexport.writers.docx.font_subset import font_key, obfuscate, obfuscated
from briefexport.writers.docx.font_use import RunFonts, Styles, used_faces
from briefexport.writers.docx.style_chain import StyleChain

W = f"{{{W_NS}}}"
STYLES = f"""<w:styles xmlns:w="{W_NS}">
  <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Body Serif"/></w:rPr></w:rPrDefault>
  </w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>
  <w:style w:type="paragraph" w:styleId="Heading">
    <w:basedOn w:val="Normal"/><w:rPr><w:rFonts w:ascii="Head Sans"/><w:b/></w:rPr>
  </w:style>
</w:styles>"""


def paragraph(style: str | None, *runs: str) -> str:
    """A ``w:p`` of ``style`` with one run of text for each ``w:rPr`` content in ``runs``."""
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    texts = "".join(f"<w:r><w:rPr>{rpr}</w:rPr><w:t>Text</w:t></w:r>" for rpr in runs)
    return f'<w:p xmlns:w="{W_NS}">{props}{texts}</w:p>'


def faces_of(*paragraphs: str) -> dict[str, set[tuple[bool, bool]]]:
    """The faces :func:`used_faces` finds in a document of ``paragraphs`` and :data:`STYLES`."""
    document = docx.Document()
    styles = document.styles.element
    styles[:] = list(etree.fromstring(STYLES))
    body = document.element.body
    for child in [child for child in body if child.tag != f"{W}sectPr"]:
        body.remove(child)
    for index, text in enumerate(paragraphs):
        body.insert(index, etree.fromstring(text))
    return used_faces(document, StyleChain(styles))[0]


def test_equal_run_properties_in_another_paragraph_style_are_worked_out_again() -> None:
    faces = faces_of(paragraph(None, "<w:i/>"), paragraph("Heading", "<w:i/>"))
    assert faces == {"Body Serif": {(False, True)}, "Head Sans": {(True, True)}}


def test_other_run_properties_in_one_paragraph_style_are_worked_out_again() -> None:
    faces = faces_of(paragraph("Heading", "<w:i/>", '<w:b w:val="0"/>', "<w:i/>"))
    assert faces == {"Head Sans": {(True, True), (False, False)}}
    fonts = paragraph(None, '<w:rFonts w:ascii="Other"/>', '<w:rFonts w:ascii="Third"/>')
    assert faces_of(fonts) == {"Other": {(False, False)}, "Third": {(False, False)}}


def test_a_runs_letters_choose_between_its_latin_and_complex_script_fonts() -> None:
    fonts = '<w:rFonts w:ascii="Latin Serif" w:cs="Naskh"/>'

    def faces_of_text(text: str) -> dict[str, set[tuple[bool, bool]]]:
        run = f"<w:r><w:rPr>{fonts}</w:rPr><w:t>{text}</w:t></w:r>"
        return faces_of(f'<w:p xmlns:w="{W_NS}">{run}</w:p>')

    plain = {(False, False)}
    assert faces_of_text("\u0645\u0631\u0633\u0649") == {"Naskh": plain}
    assert faces_of_text("Port \u0645\u0631\u0633\u0649") == {"Latin Serif": plain, "Naskh": plain}
    for no_letters in ("12", "\u201c12\u201d \u2013"):
        assert faces_of_text(no_letters) == {"Latin Serif": plain}, no_letters
    assert faces_of_text("   ") == {}  # a blank run sets nothing


def test_each_font_is_obfuscated_with_its_own_key_by_a_bounded_forgettable_cache() -> None:
    first, second = bytes(range(64)) * 4, bytes(range(1, 65)) * 4
    for data in (first, second, first):
        key, hidden = obfuscated(data)
        assert (key, hidden) == (font_key(data), obfuscate(data, font_key(data)))
    assert obfuscated(first) != obfuscated(second)
    assert obfuscated.cache_info().maxsize is not None
    assert obfuscated.cache_clear in STYLE_CACHES


def test_font_parts_take_the_lowest_free_numbers_as_python_docx_gives_them() -> None:
    document = docx.Document()
    package = document.part.package
    taken = {str(part.partname) for part in package.iter_parts()}
    template = "/word/fonts/font%d.odttf"
    assert next_partname(taken, "/word/header%d.xml") == package.next_partname("/word/header%d.xml")
    taken |= {template % 1, template % 3}
    assert [next_partname(taken, template) for _ in range(3)] == [template % n for n in (2, 4, 5)]


def test_the_directions_of_characters_read_before_are_those_of_each_text() -> None:
    fonts = RunFonts(Styles(StyleChain(etree.fromstring(STYLES))))
    texts = ["\u201cQuoted\u201d text", "\u06af\u0648\u0627\u062f\u0631 \u201cport\u201d",
             "\u0661\u0662 \u201c\u201d", "plain", "\u067e", "\u201c\u201d \u2013 12"]  # fmt: skip
    for text in texts:
        assert fonts.directions(text) == text_directions(text), text
