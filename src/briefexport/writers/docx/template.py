"""The Word document the output starts from: the shipped reference document or the
institution's own (``--reference-docx``, a ``.docx`` or a ``.dotx`` template), as pandoc's
``--reference-doc`` works.

Its styles, page set-up, headers and footers are kept; its body text, its other footnotes, its
review comments and its thumbnail picture are dropped, and whatever would reach outside the
document (external relationships, the attached template, fetching fields) is removed first.

Screening and parsing a template costs more than filling it with a short brief, and a collection
uses the same one for every brief: each thread keeps the parsed templates it has opened, keyed
by the digest of the template's bytes, and every brief gets a deep copy of its own, so nothing
one brief changes reaches the next (:class:`TemplateCache`).
"""

from __future__ import annotations

import copy
import hashlib
import io
import threading
import zipfile
from collections import OrderedDict
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
from .reference import build_reference
from .template_safety import screen_template

REFERENCE_FILE = "reference.docx"
CONTENT_TYPES = "[Content_Types].xml"
TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


def shipped_reference(style_dir: Path, brand: Brand) -> bytes:
    """The style folder's ``reference.docx``, or one generated from its ``brand.toml``."""
    path = style_dir / REFERENCE_FILE
    if path.is_file():
        return path.read_bytes()
    return build_reference(brand)


TEMPLATES_KEPT = 4
"""Parsed templates each thread keeps (a run uses one or two: the shipped one and its own)."""


class TemplateCache(threading.local):
    """Parsed templates of one thread, by the SHA-256 of their bytes, least recently used last.

    Per thread because lxml trees must not be read in one thread while another copies them;
    the bytes are the whole key, since the parsed document depends on nothing else.
    """

    def __init__(self) -> None:
        self.parsed: OrderedDict[bytes, Document] = OrderedDict()

    def pristine(self, data: bytes, origin: str) -> Document:
        """The parsed template, never to be changed: callers copy or only read it."""
        key = hashlib.sha256(data).digest()
        document = self.parsed.get(key)
        if document is None:
            document = parse_docx(data, origin)
            self.parsed[key] = document
            while len(self.parsed) > TEMPLATES_KEPT:
                self.parsed.popitem(last=False)
        self.parsed.move_to_end(key)
        return document


TEMPLATES = TemplateCache()


def open_docx(data: bytes, origin: str) -> Document:
    """A python-docx document of its own, parsed from ``data`` (see :func:`parse_docx`) or
    copied from the same bytes parsed before in this thread."""
    return copy.deepcopy(TEMPLATES.pristine(data, origin))


def parse_docx(data: bytes, origin: str) -> Document:
    """A python-docx document from bytes, made safe first (:mod:`.template_safety`), with a
    clear error for files that are not DOCX."""
    safe = screen_template(data, origin)
    try:
        return docx.Document(io.BytesIO(template_as_document(safe)))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError) as error:
        raise InvalidTemplateError(f"{origin}: not a Word document (.docx): {error}") from None


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


def open_template(options: WriteOptions) -> tuple[Document, Document]:
    """The document to fill, and the shipped reference for styles the first one lacks."""
    shipped = shipped_reference(options.style_dir, options.brand)
    # the fallback is only read (styles are copied out of it): no copy of its own needed
    fallback = TEMPLATES.pristine(shipped, str(options.style_dir / REFERENCE_FILE))
    if options.reference_docx is None:
        document = open_docx(shipped, str(options.style_dir / REFERENCE_FILE))
    else:
        try:
            data = options.reference_docx.read_bytes()
        except OSError as error:
            raise OutputError(f"{options.reference_docx}: {error.strerror}") from None
        document = open_docx(data, str(options.reference_docx))
    clear_body(document)
    drop_thumbnail(document)
    drop_comments(document)
    return document, fallback


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
