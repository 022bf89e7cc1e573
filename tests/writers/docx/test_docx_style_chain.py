"""One reader of Word's style hierarchy for the paragraph spacing and the fonts of a run: what a
style does not set comes from the styles it is based on, then the document defaults; a loop in
``w:basedOn`` or a missing style ends the chain (a damaged template)."""

from __future__ import annotations

from lxml import etree

from briefexport.shared.xmlnames import W_NS
from briefexport.writers.docx.font_use import Styles
from briefexport.writers.docx.style_chain import StyleChain

STYLES = f"""<w:styles xmlns:w="{W_NS}">
  <w:docDefaults>
    <w:rPrDefault><w:rPr><w:rFonts w:ascii="Default Serif" w:cs="Default Naskh"/></w:rPr>
    </w:rPrDefault>
    <w:pPrDefault><w:pPr><w:spacing w:after="160" w:before="20"/></w:pPr></w:pPrDefault>
  </w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal">
    <w:pPr><w:spacing w:after="0"/></w:pPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Base">
    <w:basedOn w:val="Normal"/>
    <w:pPr><w:spacing w:before="240"/></w:pPr>
    <w:rPr><w:rFonts w:ascii="Base Sans"/><w:b/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Child">
    <w:basedOn w:val="Base"/>
    <w:rPr><w:b w:val="0"/><w:i/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="LoopA"><w:basedOn w:val="LoopB"/>
    <w:rPr><w:i/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="LoopB"><w:basedOn w:val="LoopA"/>
    <w:pPr><w:spacing w:after="80"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Orphan"><w:basedOn w:val="Gone"/></w:style>
  <w:style w:type="paragraph" w:styleId="Child"><w:pPr><w:spacing w:before="999"/></w:pPr>
  </w:style>
</w:styles>"""


def chain() -> StyleChain:
    return StyleChain(etree.fromstring(STYLES))


def ids(found: list[etree._Element]) -> list[str]:
    return [str(node.get(f"{{{W_NS}}}styleId")) for node in found]


def test_a_chain_runs_from_the_style_to_its_farthest_base() -> None:
    assert ids(chain().chain("Child")) == ["Child", "Base", "Normal"]
    assert ids(chain().chain("LoopA")) == ["LoopA", "LoopB"]
    assert ids(chain().chain("Orphan")) == ["Orphan"]
    assert chain().chain("Gone") == []
    assert chain().chain(None) == []
    assert chain().default_id("paragraph") == "Normal"
    assert chain().default_id("character") is None


def test_spacing_is_the_nearest_value_then_the_document_defaults() -> None:
    def spacing(style_id: str | None, side: str) -> str:
        return chain().nearest(style_id, "pPr", "spacing", side)

    assert spacing("Child", "before") == "240"  # the first style with the id, from its base
    assert spacing("Child", "after") == "0"  # Normal's, over the defaults'
    assert spacing("LoopA", "after") == "80"
    assert spacing("LoopA", "before") == "20"  # the loop ends, the defaults give it
    assert spacing("Gone", "after") == "160"


def test_run_properties_lay_each_link_over_its_bases() -> None:
    styles = Styles(StyleChain(etree.fromstring(STYLES)))
    assert styles.defaults == {"latin font": "Default Serif", "complex font": "Default Naskh"}
    assert styles.default_paragraph == "Normal"
    assert styles.props("Child") == {"latin font": "Base Sans", "b": False, "i": True}
    assert styles.props("LoopB") == {"i": True}
    assert styles.props("Gone") == {}
    assert styles.props(None) == {}
