"""Open a Word document (ECMA-376 / ISO 29500 WordprocessingML) for the DOCX importer.

The package is checked before anything is read from it (a zip with ``word/document.xml``, at most
``MAX_UNPACKED_BYTES`` once unpacked, so a zip bomb is refused), then handed to mammoth, which
reads styles, numbering, footnotes, endnotes, hyperlinks, images and tables into its document
tree (given to us through its public ``transform_document`` hook).

One thing mammoth does not read is a field other than a hyperlink: Word's cross-reference to a
footnote (``NOTEREF _Ref... \\f \\h``, which our DOCX writer also uses for a note's second
call) would lose its target. Before mammoth reads the document, such fields are rewritten as
the internal hyperlinks Word shows them as (``HYPERLINK \\l "_Ref..."``; ``w:fldSimple`` as
``w:hyperlink w:anchor``), so each becomes a link to the bookmark on the note's first call.
Other simple fields keep their displayed text. Each XML part is parsed once here, with the
hardened parser of :mod:`briefexport.shared.safexml`; a part with a DOCTYPE (which Word never
writes: its entities would be dropped) is refused.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from ...shared.safexml import hardened_parser
from ...shared.xmlnames import DC, W_NS
from .integrity import dangling_reference

W = f"{{{W_NS}}}"
MAX_UNPACKED_BYTES = 200 * 2**20
MAIN_PARTS = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")
_NOTEREF = re.compile(r"^\s*NOTEREF\s+(\S+)")
CORE = {
    "title": f"{{{DC}}}title",
    "creator": f"{{{DC}}}creator",
    "subject": f"{{{DC}}}subject",
    "description": f"{{{DC}}}description",
    "language": f"{{{DC}}}language",
    "identifier": f"{{{DC}}}identifier",
    "keywords": "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}keywords",
    "created": "{http://purl.org/dc/terms/}created",
}
COMPANY = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Company"
UNREADABLE = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    KeyError,
    OSError,
    ValueError,
)
"""What :mod:`zipfile` raises reading a damaged archive: a bad header or checksum, a deflate
stream that is corrupt (zlib.error) or cut short (EOFError), a compression method it does not
know (NotImplementedError), an encrypted member (RuntimeError)."""
PROPERTY_PARTS = {"docProps/core.xml": CORE, "docProps/app.xml": {"company": COMPANY}}
"""The parts the package's properties are read from, and the element of each property."""


class PackageError(Exception):
    """The file is not a Word document that can be read safely."""


@dataclass
class WordDocument:
    """mammoth's document tree, the package's properties, and mammoth's own messages."""

    tree: Any
    properties: dict[str, str] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)


def open_document(data: bytes) -> WordDocument:
    """Check, prepare and read the package ``data``; raises PackageError."""
    try:
        import mammoth
    except ImportError:  # pragma: no cover - depends on the installation
        raise PackageError(
            "reading Word documents needs mammoth: pip install 'briefexport[word]'"
        ) from None
    prepared, properties = _prepare(data)
    captured: list[Any] = []

    def capture(document: Any) -> Any:
        captured.append(document)
        return document

    result = mammoth.convert_to_html(
        io.BytesIO(prepared),
        transform_document=capture,
        convert_image=mammoth.images.img_element(lambda image: {"src": ""}),
    )
    messages = [m.message for m in result.messages if not _about_styles(m.message)]
    return WordDocument(captured[0], properties, messages)


def _about_styles(message: str) -> bool:
    """mammoth reports every style it has no HTML mapping for; styles are ours to judge."""
    return message.startswith(("Unrecognised paragraph style", "Unrecognised run style"))


def _prepare(data: bytes) -> tuple[bytes, dict[str, str]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        if "word/document.xml" not in archive.namelist():
            raise PackageError("not a Word document: the package has no word/document.xml")
        if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
            raise PackageError(f"the document unpacks to more than {MAX_UNPACKED_BYTES} bytes")
        roots: dict[str, etree._Element] = {}
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as rewritten:
            for info in archive.infolist():
                content = _prepared_part(info.filename, archive.read(info.filename), roots)
                fresh = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                rewritten.writestr(fresh, content, zipfile.ZIP_DEFLATED)
        damage = dangling_reference(roots, MAIN_PARTS)
        if damage is not None:
            raise PackageError(damage)
        return output.getvalue(), _properties(roots)
    except (*UNREADABLE, etree.XMLSyntaxError) as error:
        raise PackageError(f"not a readable Word document ({error})") from None


def _prepared_part(name: str, content: bytes, roots: dict[str, etree._Element]) -> bytes:
    """The part as mammoth is to read it. An XML part is parsed once here: refused when it has
    a DOCTYPE, kept in ``roots`` (for its properties and references to be checked), and written
    again with its note references linked when it is a main part."""
    if not name.endswith((".xml", ".rels")):
        return content
    try:
        root = etree.fromstring(content, hardened_parser())
    except etree.XMLSyntaxError as error:
        line, column = error.position
        message = re.sub(r",? line \d+, column \d+$", "", " ".join(error.msg.split()))
        raise PackageError(f"{name}:{line}:{column}: not well-formed XML: {message}") from None
    _refuse_doctype(name, root)
    roots[name] = root
    return _link_note_references(root) if name in MAIN_PARTS else content


def _refuse_doctype(name: str, root: etree._Element) -> None:
    """Word never writes a DOCTYPE; one (with an internal subset and entities, whose text the
    reader would drop) is refused rather than read with parts of the text missing."""
    if root.getroottree().docinfo.doctype:
        raise PackageError(f"{name} has a DOCTYPE declaration, which Word never writes; refused")


def _link_note_references(root: etree._Element) -> bytes:
    for simple in list(root.iter(f"{W}fldSimple")):
        found = _NOTEREF.match(simple.get(f"{W}instr", ""))
        if found:
            simple.tag = f"{W}hyperlink"
            simple.attrib.clear()
            simple.set(f"{W}anchor", found.group(1))
        else:
            _unwrap(simple)
    for instruction in root.iter(f"{W}instrText"):
        found = _NOTEREF.match(instruction.text or "")
        if found:
            instruction.text = f' HYPERLINK \\l "{found.group(1)}" '
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _unwrap(element: etree._Element) -> None:
    """Replace ``element`` by its children (a simple field by its displayed runs)."""
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)


def _properties(parts: dict[str, etree._Element]) -> dict[str, str]:
    found: dict[str, str] = {}
    for part, wanted in PROPERTY_PARTS.items():
        root = parts.get(part)
        if root is None:
            continue
        for key, tag in wanted.items():
            element = root.find(tag)
            text = " ".join("".join(element.itertext()).split()) if element is not None else ""
            if text:
                found[key] = text
    return found
