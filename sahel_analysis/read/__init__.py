"""Readers: one module per file format, each turning a file into its raw text.

``read_file(path)`` reads a file's bytes (``read_bytes``: size checked with ``stat`` first, regular
files only) and turns them into raw text (``parse_bytes``: the reader is picked by the content when
it shows its format, a PDF named ``.html`` say, else by the suffix). What a reader returns is the
*raw text* of the file: for plain text the decoded characters, for PDF the text layer (pages
separated by form feeds), for HTML the main text; line endings are LF. Every span in the tables
maps back into it.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from ..errors import DocumentError
from .limits import LIMITS
from .types import RawText

SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "txt", ".pdf": "pdf", ".html": "html", ".htm": "html",
            ".docx": "docx"}
_KINDS = {stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFCHR: "a character device",
          stat.S_IFBLK: "a block device", stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder"}
_HTML_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)


def not_regular(mode: int) -> str | None:
    """What a file of ``mode`` is when it is not a regular file (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    return _KINDS.get(stat.S_IFMT(mode), "not a regular file")


def read_bytes(path: Path, follow: bool = True) -> bytes:
    """The bytes of a regular file, refused before reading when too large; raises DocumentError.

    Opened without blocking (a FIFO cannot hang the build), checked with ``fstat`` on the open
    file, and read up to the limit only, so a file that grows while read cannot exhaust memory.
    With ``follow`` False a path that has become a symbolic link since it was found is refused."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise DocumentError("read", f"cannot open the file: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb", buffering=0) as fh:
        info = os.fstat(fd)
        kind = not_regular(info.st_mode)
        if kind:
            raise DocumentError("read", f"{kind}, not a regular file: not read")
        if info.st_size > LIMITS.max_file_bytes:
            raise DocumentError(
                "read",
                f"file is {info.st_size / 1e6:.0f} MB, over the limit of {LIMITS.max_file_bytes / 1e6:.0f} MB",
            )
        try:
            data = _read_up_to(fh, LIMITS.max_file_bytes + 1)
        except OSError as exc:
            raise DocumentError("read", f"cannot read the file: {exc.strerror or exc}") from None
    if len(data) > LIMITS.max_file_bytes:
        raise DocumentError("read", f"file grew past the limit of {LIMITS.max_file_bytes / 1e6:.0f} MB while read")
    return data


def _read_up_to(fh, limit: int) -> bytes:
    chunks, got = [], 0
    while got < limit:
        chunk = fh.read(min(1 << 22, limit - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def sniff(data: bytes, kind: str, suffix: str) -> str:
    """The reader for ``data``: a PDF by its ``%PDF`` header whatever its name, an HTML document
    named ``.txt`` by its doctype or ``<html>`` start; else the one its suffix says."""
    head = data[:1024]
    if head.lstrip().startswith(b"%PDF-") or (kind == "pdf" and b"%PDF-" in head):
        return "pdf"
    if kind == "txt" and suffix in (".txt", ".text") and _HTML_START.match(head):
        return "html"
    return kind


def parse_bytes(data: bytes, suffix: str) -> RawText:
    """Turn a file's bytes into its raw text; raises DocumentError(stage='read', reason)."""
    suffix = suffix.lower()
    named = SUFFIXES.get(suffix)
    if named is None:
        raise DocumentError("read", f"unsupported file type '{suffix}' (use .txt, .pdf, .html, .docx)")
    if not data:
        raise DocumentError("read", "the file is empty")
    if not data.strip():
        raise DocumentError("read", "the file holds only whitespace")
    kind = sniff(data, named, suffix)
    raw = _parse(data, kind)
    if kind != named:
        raw.warnings.insert(
            0, f"the content is {kind.upper()} though the name ends in '{suffix}': read as {kind.upper()}")
    return raw


def _parse(data: bytes, kind: str) -> RawText:
    if kind == "txt":
        from .txt import read_txt

        return read_txt(data)
    from .txt import newlines

    if kind == "pdf":
        from .pdf import read_pdf

        raw = read_pdf(data)
    elif kind == "docx":
        from .docx import read_docx

        raw = read_docx(data)
    else:
        from .html import read_html

        raw = read_html(data)
    raw.text = newlines(raw.text)
    return raw


def read_file(path: Path) -> RawText:
    """Read one file into its raw text; raises DocumentError(stage='read', reason) when it cannot."""
    path = Path(path)
    if SUFFIXES.get(path.suffix.lower()) is None:
        raise DocumentError("read", f"unsupported file type '{path.suffix}' (use .txt, .pdf, .html, .docx)")
    return parse_bytes(read_bytes(path), path.suffix)


__all__ = ["RawText", "read_file", "read_bytes", "parse_bytes", "sniff", "not_regular", "SUFFIXES", "LIMITS"]
