"""Plain text: UTF-8 (with or without BOM), UTF-16 with a BOM, else the legacy encoding detected
for the file (charset-normalizer), with a warning; line endings normalised to LF."""

from __future__ import annotations

import codecs
import re

from ..errors import DocumentError
from .limits import LIMITS
from .types import RawText

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# The same characters as bytes: an 8-bit or UTF-8 text holds one of them only where its bytes do.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])


def decode(data: bytes, declared: str | None = None) -> tuple[str, str, list[str]]:
    """Decode bytes to text; returns (text, encoding, warnings).

    A BOM decides; then strict UTF-8; then ``declared`` (an HTML page's ``<meta charset>``);
    then UTF-8 with its few bad bytes replaced, when the rest is clearly UTF-8; else the legacy
    encoding that charset-normalizer finds most likely for this file."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig", []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16", []
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if declared:
        text = _decode_declared(data, declared)
        if text is not None:
            return text, codecs.lookup(declared).name, []
    text, bad = _mostly_utf8(data)
    if text is not None:
        return text, "utf-8", [f"{bad} byte(s) not valid UTF-8 (first at byte {first_bad:,}) replaced by U+FFFD"]
    encoding = detect_legacy(data)
    return (data.decode(encoding, errors="replace"), encoding,
            [f"not UTF-8: read as {encoding} (detected by charset-normalizer)"])


def _decode_declared(data: bytes, declared: str) -> str | None:
    """``data`` in the declared encoding, or None when it is unknown, UTF-8 (already tried) or wrong."""
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return None
    if name in ("utf-8", "utf-16", "utf-32"):
        return None
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        return None


def _mostly_utf8(data: bytes) -> tuple[str | None, int]:
    """(text, bad bytes) when ``data`` is UTF-8 but for a few bad bytes, else (None, bad bytes)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if bad <= 0:
        return text, 0
    # characters beyond ASCII that were valid UTF-8: a legacy 8-bit text makes next to none
    wide = sum(1 for _ in _WIDE.finditer(text)) - bad
    if wide > 0 and bad <= max(3, wide // 20):
        return text, bad
    return None, bad


_WIDE = re.compile(r"[^\x00-\x7f]")
# Encodings a Dutch government text that is not UTF-8 comes in; the first that decodes as well as
# the detector's best is taken (cp1250 and cp1252 read most Dutch texts alike: the latter wins).
_LEGACY = ("cp1252", "iso8859_15", "latin_1", "cp850", "mac_roman", "cp1250", "iso8859_2")


def detect_legacy(data: bytes) -> str:
    """The 8-bit encoding of ``data`` by charset-normalizer, among the Western European ones."""
    from charset_normalizer import from_bytes

    results = list(from_bytes(data, cp_isolation=list(_LEGACY)))
    if not results:
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            return "latin_1"
        return "cp1252"
    best = min(r.chaos for r in results)
    # a result stands for every encoding that decodes the file alike (could_be_from_charset)
    close = {enc for r in results if r.chaos <= best + 0.01 for enc in (r.encoding, *r.could_be_from_charset)}
    return next(enc for enc in (*_LEGACY, *sorted(close)) if enc in close)


def newlines(text: str) -> str:
    """CR LF and lone CR line endings as LF (mixed endings too)."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_txt(data: bytes) -> RawText:
    """Read a plain-text file; refuses binary content that only carries a .txt name."""
    sample = data[:65536]
    if b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        nul_share = sample.count(b"\x00") / len(sample)
        if nul_share > 0.3:
            raise DocumentError("read", "binary content, not text (many NUL bytes)")
    text, encoding, warnings = decode(data)
    text = newlines(text)
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
