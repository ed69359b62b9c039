"""Word (.docx): the text of the body through python-docx (maintained, reads the OOXML package).

Paragraphs and table rows come in document order, each ending in a blank line (as paragraphs do
in the other readers' raw text, so cleaning treats them alike); a line break inside a paragraph
stays a line break; the cells of a table row are joined by `` | ``. The first section's (first-page)
header goes before the body and its footer after it (a Kamerstuk number often stands there), then the
footnotes, each as a paragraph that starts with its number (as at a page foot). An old
binary ``.doc``, a file that is no ZIP package, a package without a Word document in it, a
truncated file and a package that unpacks to more than the file-size limit are reported as such.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from ..errors import DocumentError
from .limits import LIMITS
from .types import RawText

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the binary Word 97-2003 .doc container
_MAIN_PART = "word/document.xml"


def _check_package(data: bytes) -> None:
    """Refuse what is no .docx before python-docx sees it, with a message saying what it is."""
    if data.startswith(_OLE_MAGIC):
        raise DocumentError("read", "old binary Word .doc, not .docx: save it as .docx or PDF")
    if not data.startswith(b"PK"):
        raise DocumentError("read", "not a Word .docx file (no ZIP package)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DocumentError("read", f"broken or truncated .docx ({exc})") from None
    if _MAIN_PART not in {i.filename for i in infos}:
        raise DocumentError("read", f"not a Word document (no {_MAIN_PART} in the ZIP package)")
    unpacked = sum(i.file_size for i in infos)
    if unpacked > LIMITS.max_file_bytes:
        raise DocumentError("read", f".docx unpacks to {unpacked / 1e6:.0f} MB, over the limit of "
                                    f"{LIMITS.max_file_bytes / 1e6:.0f} MB")


def _row_text(row) -> str:  # noqa: ANN001 - a docx table row
    cells: list[str] = []
    for cell in row.cells:
        text = cell.text.strip()
        if text and (not cells or cells[-1] != text):  # merged cells repeat their text
            cells.append(text)
    return " | ".join(cells)


def _blocks(container) -> Iterator[str]:  # noqa: ANN001 - a docx Document, header or footer
    """Texts of the paragraphs and table rows of ``container``, in document order."""
    for block in container.iter_inner_content():
        if hasattr(block, "rows"):
            for row in block.rows:
                yield _row_text(row)
        else:
            yield block.text


def _footnotes(document) -> list[str]:  # noqa: ANN001 - a docx Document
    """``N text`` for each real footnote of the document (separators and continuations skipped)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    out: list[str] = []
    for rel in document.part.rels.values():
        if rel.reltype != RT.FOOTNOTES or rel.is_external:
            continue
        root = etree.fromstring(rel.target_part.blob, parser=etree.XMLParser(resolve_entities=False))
        for note in root.iter(f"{_W}footnote"):
            if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = " ".join("".join(t.text or "" for t in p.iter(f"{_W}t")).strip()
                            for p in note.iter(f"{_W}p")).strip()
            if text:
                out.append(f"{note.get(f'{_W}id')} {text}")
    return out


def docx_text(document) -> str:  # noqa: ANN001 - a docx Document
    """The raw text of an opened python-docx document (see the module docstring)."""
    sections = document.sections
    first = sections[0] if len(sections) else None
    header = footer = None
    if first is not None:
        own = first.different_first_page_header_footer
        header = first.first_page_header if own else first.header
        footer = first.first_page_footer if own else first.footer
    parts: list[str] = []
    if header is not None and not header.is_linked_to_previous:
        parts.extend(_blocks(header))
    parts.extend(_blocks(document))
    if footer is not None and not footer.is_linked_to_previous:
        parts.extend(_blocks(footer))
    parts.extend(_footnotes(document))
    lines = [p.replace("\r", "").strip() for p in parts]
    return "".join(f"{line}\n\n" for line in lines if line)


def read_docx(data: bytes) -> RawText:
    """Read a .docx file into its raw text; raises DocumentError(stage='read', reason)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    _check_package(data)
    try:
        document = docx.Document(io.BytesIO(data))
        text = docx_text(document)
    except (PackageNotFoundError, zipfile.BadZipFile, XMLSyntaxError, KeyError, ValueError) as exc:
        raise DocumentError("read", f"broken .docx ({type(exc).__name__}: {exc})") from None
    if not text.strip():
        raise DocumentError("read", "the .docx holds no text")
    if len(text) > LIMITS.max_text_chars:
        raise DocumentError(
            "read", f"text of {len(text):,} characters is over the limit of {LIMITS.max_text_chars:,}")
    return RawText(text=text, kind="docx")
