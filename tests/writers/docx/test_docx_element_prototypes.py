"""Each new ``w:`` element of the Word writer is a copy of an empty one kept per thread
(:class:`briefexport.writers.docx.xml.Prototypes`): a copy is python-docx's element class with
the ``w`` namespace declared, as one made by python-docx, shares nothing with the element kept
or with the other copies, and the kept ones are bounded."""

from __future__ import annotations

import threading

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from lxml import etree

from briefexport.writers.docx.xml import (
    PROTOTYPES,
    PROTOTYPES_KEPT,
    Prototypes,
    RunFormat,
    text_run,
    w,
)


def test_an_element_is_what_python_docx_makes() -> None:
    made = w("p")
    assert isinstance(made, CT_P)
    assert etree.tostring(made) == etree.tostring(OxmlElement("w:p"))
    assert etree.tostring(w("pStyle", val="Quote")) == etree.tostring(
        OxmlElement("w:pStyle", {qn("w:val"): "Quote"})
    )


def test_a_change_to_one_element_reaches_neither_the_next_nor_the_kept_one() -> None:
    first = text_run("first")
    first.append(w("tab"))
    second = w("r")
    assert etree.tostring(second) == etree.tostring(OxmlElement("w:r"))
    assert etree.tostring(PROTOTYPES.made["r"]) == etree.tostring(OxmlElement("w:r"))
    assert first.getparent() is None
    assert second.getparent() is None


def test_each_thread_keeps_its_own() -> None:
    seen: list[bool] = []

    def other() -> None:
        w("p")
        seen.append(PROTOTYPES.made["p"] is not kept)

    kept = (w("p"), PROTOTYPES.made["p"])[1]
    thread = threading.Thread(target=other)
    thread.start()
    thread.join()
    assert seen == [True]


def test_the_kept_prototypes_are_bounded() -> None:
    prototypes = Prototypes()
    for number in range(PROTOTYPES_KEPT * 2 + 1):
        prototypes.element(f"invented{number}")
        assert len(prototypes.made) <= PROTOTYPES_KEPT
    assert etree.QName(prototypes.element("b")).localname == "b"


def test_a_run_formats_properties_are_a_copy_of_those_made_for_its_first_run() -> None:
    formats = [RunFormat(style_id="Hyperlink"), RunFormat(bold=True, rtl=True), RunFormat()]
    for run_format in formats:
        first = run_format.properties()
        expected = etree.tostring(run_format._made_properties())
        first.append(w("sz", val="16"))  # as the code size is set on a run's own copy
        again = run_format.properties()
        assert again is not first
        assert etree.tostring(again) == expected
    assert etree.tostring(RunFormat(italic=True).properties()) != etree.tostring(
        RunFormat(italic=True, small_caps=True).properties()
    )


def test_the_kept_run_properties_are_bounded() -> None:
    for number in range(PROTOTYPES_KEPT * 2 + 1):
        RunFormat(style_id=f"Style{number}").properties()
        assert len(PROTOTYPES.formats) <= PROTOTYPES_KEPT
