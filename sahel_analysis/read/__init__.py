"""Readers: one module per file format, each turning a file into its raw text.

``read_file(path)`` picks the reader by the file's suffix. What a reader returns is the
*raw text* of the file: for plain text the decoded characters, for PDF the text layer (pages
separated by form feeds), for HTML the main text. Every span in the tables maps back into it.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import DocumentError
from .limits import LIMITS
from .types import RawText

SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "txt", ".pdf": "pdf", ".html": "html", ".htm": "html",
            ".docx": "docx"}


def read_file(path: Path) -> RawText:
    """Read one file into its raw text; raises DocumentError(stage='read', reason) when it cannot."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise DocumentError("read", f"unsupported file type '{path.suffix}' (use .txt, .pdf, .html, .docx)")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DocumentError("read", f"cannot open the file: {exc.strerror or exc}") from None
    if size > LIMITS.max_file_bytes:
        raise DocumentError(
            "read",
            f"file is {size / 1e6:.0f} MB, over the limit of {LIMITS.max_file_bytes / 1e6:.0f} MB",
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError("read", f"cannot read the file: {exc.strerror or exc}") from None
    if not data:
        raise DocumentError("read", "the file is empty")
    if not data.strip():
        raise DocumentError("read", "the file holds only whitespace")
    if kind == "txt":
        from .txt import read_txt

        return read_txt(data)
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(data)
    if kind == "docx":
        from .docx import read_docx

        return read_docx(data)
    from .html import read_html

    return read_html(data)


__all__ = ["RawText", "read_file", "SUFFIXES", "LIMITS"]
