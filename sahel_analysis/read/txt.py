"""Plain text: UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1252/latin-1 with a warning."""

from __future__ import annotations

import codecs
import re

from ..errors import DocumentError
from .limits import LIMITS
from .types import RawText

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# The same characters as bytes: an 8-bit or UTF-8 text holds one of them only where its bytes do.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Decode bytes to text; returns (text, encoding, warnings)."""
    warnings: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig", warnings
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16", warnings
    try:
        return data.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        warnings.append("not UTF-8: read as cp1252 (Windows-1252)")
        return text, "cp1252", warnings
    except UnicodeDecodeError:
        warnings.append("not UTF-8: read as latin-1")
        return data.decode("latin-1"), "latin-1", warnings


def read_txt(data: bytes) -> RawText:
    """Read a plain-text file; refuses binary content that only carries a .txt name."""
    sample = data[:65536]
    if b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        nul_share = sample.count(b"\x00") / len(sample)
        if nul_share > 0.3:
            raise DocumentError("read", "binary content, not text (many NUL bytes)")
    text, encoding, warnings = decode(data)
    probe = text[:65536]
    if encoding != "utf-16" and len(data.translate(None, _CONTROL_BYTES)) == len(data):
        controls = 0  # no control byte, so no control character (found fast, in C)
    else:
        controls = len(_CONTROL.findall(probe))
    if probe and controls / len(probe) > 0.1:
        raise DocumentError("read", "binary content, not text (control characters)")
    if "\x00" in text or controls:
        warnings.append("control characters (NUL bytes) removed")
        text = _CONTROL.sub(" ", text)
    if not text.strip():
        raise DocumentError("read", "the file holds only whitespace")
    if len(text) > LIMITS.max_text_chars:
        raise DocumentError(
            "read", f"text of {len(text):,} characters is over the limit of {LIMITS.max_text_chars:,}"
        )
    if text.count("\ufffd") > 100:
        warnings.append("undecodable bytes replaced")
    return RawText(text=text, kind="txt", encoding=encoding, warnings=warnings)
