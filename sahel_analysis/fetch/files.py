"""What a downloaded file is, and what it is called in the corpus folder (pure functions)."""

from __future__ import annotations

import io
import re
import zipfile

from .http import FetchError

CONTENT_TYPES = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/msword": "doc",
}
_UNSAFE = re.compile(r"[^0-9A-Za-z._-]+")


def claimed_kind(*content_types: str) -> str | None:
    """The kind (``pdf``, ``docx``, ``doc``) the first known content type names; None if none."""
    for ct in content_types:
        kind = CONTENT_TYPES.get(ct.split(";")[0].strip().lower())
        if kind:
            return kind
    return None


def sniff(data: bytes) -> str | None:
    """The kind the bytes are: ``pdf``, ``docx``, ``doc`` (old binary Word), ``html`` or None."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                return "docx" if "word/document.xml" in zf.namelist() else "zip"
        except (zipfile.BadZipFile, OSError, ValueError):
            return "zip"
    if head[:15].lower().startswith((b"<!doctype html", b"<html", b"<?xml")):
        return "html"
    return None


def check_file(data: bytes, *content_types: str) -> str:
    """The suffix to store ``data`` under (``pdf`` or ``docx``); FetchError (stage ``check``) where
    the file is not what it claims to be, not a document the build reads, or visibly truncated."""
    try:
        return _check(data, content_types)
    except FetchError as exc:
        exc.stage = "check"
        raise


def _check(data: bytes, content_types: tuple[str, ...]) -> str:
    kind = sniff(data)
    claimed = claimed_kind(*content_types)
    if not data:
        raise FetchError("empty file")
    if claimed and kind != claimed:
        raise FetchError(f"not what it claims: announced as {claimed}, the bytes are "
                         f"{kind or 'unknown'}")
    if kind == "doc":
        raise FetchError("old binary Word .doc: the build reads .docx and PDF only")
    if kind == "zip":
        raise FetchError("a ZIP file that is no Word document (or a truncated .docx)")
    if kind not in ("pdf", "docx"):
        raise FetchError(f"not a PDF or Word file (the bytes are {kind or 'unknown'})")
    if kind == "pdf" and b"%%EOF" not in data[-2048:]:
        raise FetchError("truncated PDF (no %%EOF at its end)")
    return kind


def file_name(kamerstuk: str, number: str, id_: str, suffix: str) -> str:
    """``kst-29521-412_2023D01234.pdf``; ``2023D01234.pdf`` without a Kamerstuk number; the id
    where the paper has no number either. Only safe characters."""
    stem = number or id_ or "paper"
    if kamerstuk:
        stem = f"kst-{kamerstuk}_{stem}"
    stem = _UNSAFE.sub("-", stem).strip(".-") or "paper"
    return f"{stem[:120]}.{suffix}"
