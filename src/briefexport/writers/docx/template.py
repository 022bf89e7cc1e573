"""The Word document the output starts from: the shipped reference document or the
institution's own (``--reference-docx``, a ``.docx`` or a ``.dotx`` template), as pandoc's
``--reference-doc`` works.

Its styles, page set-up, headers and footers are kept; its body text, its other footnotes, its
review comments and its thumbnail picture are dropped, and whatever would reach outside the
document (external relationships, the attached template, fetching fields) is removed first.

A template is prepared once per thread and copied for every brief (:mod:`.template_cache`).
The reference document of the style folder shipped with briefexport is part of the installation,
like the code, and is not screened (the tests check that screening leaves it unchanged); every
other one is (:mod:`.template_safety`).
"""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from ...errors import InvalidTemplateError, OutputError
from ...options import WriteOptions
from ...shared.brand import Brand
from ...shared.sheets import print_sheet_texts
from ...shared.styles import default_style_dir
from .spacing import keep_space_vars
from .stylemap import StyleMap
from .template_cache import TEMPLATES, Prepared

REFERENCE_FILE = "reference.docx"
CONTENT_TYPES = "[Content_Types].xml"
TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


def shipped_reference(style_dir: Path, brand: Brand) -> bytes:
    """The style folder's ``reference.docx``, or one generated from its ``brand.toml`` and the
    print stylesheets: the shipped one with the folder's own after it (:mod:`...shared.sheets`)."""
    path = style_dir / REFERENCE_FILE
    if path.is_file():
        return path.read_bytes()
    return reference_for(style_dir, brand)


def reference_for(style_dir: Path, brand: Brand) -> bytes:
    """The reference document generated from ``brand`` and the style folder's print
    stylesheets: what an export uses without a ``reference.docx``, and what
    ``scripts/make_reference_docx.py`` writes."""
    return generated_reference(brand, *print_sheet_texts(style_dir))


@functools.lru_cache(maxsize=4)  # a quarter of a second each, the same for every brief
def generated_reference(brand: Brand, css: str, house_css: str) -> bytes:
    """The reference document made from a brand file and the print stylesheets' text, with
    the shipped sheet's for a value it lacks (the same bytes for the same three)."""
    from ...shared.print_sheet import print_sheet
    from .reference import build_reference  # rarely needed: a style folder ships its own

    return build_reference(brand, print_sheet(css, house_css))


def is_shipped_reference(style_dir: Path) -> bool:
    """Whether ``style_dir`` is the style folder shipped with briefexport, with its own
    ``reference.docx`` (what :func:`shipped_reference` then reads)."""
    package = default_style_dir()
    return style_dir.resolve() == package.resolve() and (package / REFERENCE_FILE).is_file()


def parse_docx(data: bytes, origin: str, *, shipped: bool = False) -> Document:
    """A python-docx document from bytes, made safe first (:mod:`.template_safety`) and relabelled
    if a template, unless they are the ``shipped`` reference document (a ``.docx``), with a clear
    error for files that are not DOCX."""
    safe = data if shipped else _screened(data, origin)
    try:
        return docx.Document(io.BytesIO(safe if shipped else template_as_document(safe)))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError) as error:
        raise InvalidTemplateError(f"{origin}: not a Word document (.docx): {error}") from None


def _screened(data: bytes, origin: str) -> bytes:
    from .template_safety import screen_template  # imported only for a template not ours

    return screen_template(data, origin)


def template_as_document(data: bytes) -> bytes:
    """A Word template (``.dotx``) relabelled as a document, which python-docx insists on."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        types = package.read(CONTENT_TYPES)
        if TEMPLATE_MAIN.encode() not in types:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in package.infolist():
                content = package.read(info.filename)
                if info.filename == CONTENT_TYPES:
                    content = content.replace(TEMPLATE_MAIN.encode(), CT.WML_DOCUMENT_MAIN.encode())
                copy.writestr(info, content)
    return out.getvalue()


def open_template(options: WriteOptions) -> tuple[Document, StyleMap]:
    """The document to fill (body cleared, every style the writer uses present, the missing
    ones copied from the shipped reference) and the ids of those styles."""
    shipped = shipped_reference(options.style_dir, options.brand)
    shipped_origin = str(options.style_dir / REFERENCE_FILE)
    ours = is_shipped_reference(options.style_dir)
    if options.reference_docx is None:
        template, origin, template_ours = shipped, shipped_origin, ours
    else:
        try:
            template = options.reference_docx.read_bytes()
        except OSError as error:
            raise OutputError(f"{options.reference_docx}: {error.strerror}") from None
        origin, template_ours = str(options.reference_docx), False

    def borrowed() -> Document:  # the shipped reference, parsed only if the template lacks a style
        return parse_docx(shipped, shipped_origin, shipped=ours)

    def prepare() -> Prepared:
        document = parse_docx(template, origin, shipped=template_ours)
        clear_body(document)
        drop_thumbnail(document)
        drop_comments(document)
        styles = StyleMap(document, borrowed)
        keep_space_vars(document, borrowed)
        return Prepared(document, styles)

    return TEMPLATES.copy_of(template, shipped, prepare)


def clear_body(document: Document) -> None:
    """Remove the template's text, keeping the final section (page set-up, headers, footers)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def drop_thumbnail(document: Document) -> None:
    """A template's preview picture shows some other document: leave it out."""
    package_rels = document.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rel_id]


def drop_comments(document: Document) -> None:
    """A template's review comments belong to its own text, which is gone."""
    for rel_id, rel in list(document.part.rels.items()):
        if not rel.is_external and rel.reltype.rsplit("/", 1)[-1].startswith("comments"):
            del document.part.rels[rel_id]
