"""PDF: the text layer through pypdf (a maintained, pure-Python reader); pages joined by form feeds.

A scan without a text layer is reported as such (the way on is OCR, e.g. ``ocrmypdf``), as
are encrypted, truncated and oversized files.
"""

from __future__ import annotations

import io
import logging
import re

from ..errors import DocumentError
from .limits import LIMITS
from .types import RawText


def read_pdf(data: bytes) -> RawText:
    """Extract the text layer of a PDF."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise DocumentError("read", "not a PDF (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            _decrypt(reader)
        n_pages = len(reader.pages)
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentError("read", f"broken or truncated PDF ({exc})") from None
    if n_pages == 0:
        raise DocumentError("read", "PDF has no pages (truncated or broken file)")
    if n_pages > LIMITS.max_pdf_pages:
        raise DocumentError(
            "read", f"PDF has {n_pages} pages, over the limit of {LIMITS.max_pdf_pages}"
        )
    pages: list[str] = []
    warnings: list[str] = []
    total = 0
    unreadable: list[int] = []
    for number, page in enumerate(reader.pages, start=1):
        text = _page_text(page, number, warnings)
        if _unmapped_share(text) > LIMITS.max_unmapped_share:
            unreadable.append(number)
            text = ""
        total += len(text)
        if total > LIMITS.max_text_chars:
            raise DocumentError(
                "read", f"PDF text is over the limit of {LIMITS.max_text_chars:,} characters"
            )
        pages.append(text.strip("\n"))
    if unreadable:
        _unreadable(unreadable, n_pages, warnings, any(p.strip() for p in pages))
    if not any(p.strip() for p in pages):
        raise DocumentError(
            "read",
            f"PDF of {n_pages} page(s) has no text layer (a scan?): run OCR first, "
            "e.g. 'ocrmypdf in.pdf out.pdf'",
        )
    return RawText(text="\n\f".join(pages) + "\n", kind="pdf", encoding="pdf", warnings=warnings,
                   meta=document_info(reader))


def _page_text(page, number: int, warnings: list[str]) -> str:
    """A page's text in layout mode (keeps the blank lines between paragraphs), lines dedented."""
    from pypdf.errors import LimitReachedError

    try:
        text = page.extract_text(extraction_mode="layout") or ""
    except LimitReachedError as exc:
        raise DocumentError(
            "read", f"PDF page {number} decompresses past the size limit (a decompression bomb?): {exc}"
        ) from None
    except Exception:  # noqa: BLE001 - fall back to the plain mode
        try:
            text = page.extract_text() or ""
        except Exception as exc:  # noqa: BLE001 - a bad page must not stop the others
            warnings.append(f"page {number} could not be read ({type(exc).__name__})")
            return ""
    return "\n".join(line.strip() for line in reading_order(text).split("\n"))


def _decrypt(reader) -> None:
    """Open an encrypted PDF with the empty user password (RC4 or AES), or say what it needs."""
    from pypdf.errors import DependencyError

    try:
        ok = reader.decrypt("")
    except DependencyError:
        raise DocumentError("read", "encrypted PDF (AES): the 'cryptography' package is needed to read it") from None
    except Exception:  # noqa: BLE001 - pypdf raises several types here
        ok = 0
    if not ok:
        raise DocumentError("read", "encrypted PDF: needs a password to read its text")


_VISIBLE = re.compile(r"\S")
# What a glyph without a Unicode mapping comes out as: control characters, the replacement
# character, private-use code points.
_UNMAPPED = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")


def _unmapped_share(text: str) -> float:
    """The share of a page's visible characters that are glyphs without a Unicode mapping."""
    visible = len(_VISIBLE.findall(text))
    return len(_UNMAPPED.findall(text)) / visible if visible >= 20 else 0.0


def _unreadable(numbers: list[int], n_pages: int, warnings: list[str], rest: bool) -> None:
    """Say which pages are unmapped glyphs (a font without a ToUnicode map): OCR is the way on."""
    where = ", ".join(map(str, numbers[:10])) + (" ..." if len(numbers) > 10 else "")
    reason = (f"PDF page(s) {where} of {n_pages}: the text is mostly glyphs without a Unicode mapping "
              "(a font without ToUnicode), unreadable: run OCR, e.g. 'ocrmypdf --force-ocr in.pdf out.pdf'")
    if not rest:
        raise DocumentError("read", reason)
    warnings.append(reason + "; those pages were left out")


_GAP = re.compile(r"\S {3,}\S")


def reading_order(text: str) -> str:
    """A page's layout-mode text with two columns read left column first, then the right one.

    pypdf's layout mode keeps the columns on one line each, side by side at a fixed gutter (its
    plain mode follows the content stream, which may interleave them). A run of lines that leaves
    the same three character positions blank, with prose on both sides, is split there; a line
    across the gutter (a heading, a table) ends the run and stays whole."""
    lines = text.split("\n")
    gutter = _gutter(lines)
    if gutter is None:
        return text
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []
    for line in lines:
        if line[gutter - 1 : gutter + 2].strip():
            out += _columns(left, right) + [line]
            left, right = [], []
        else:
            left.append(line[: gutter - 1].rstrip())
            right.append(line[gutter + 2 :].rstrip())
    return "\n".join(out + _columns(left, right))


def _columns(left: list[str], right: list[str]) -> list[str]:
    while right and not right[-1].strip():
        right.pop()
    return left + ([""] + right if any(r.strip() for r in right) else [])


def _gutter(lines: list[str]) -> int | None:
    """The character position of the gutter between two columns of prose, or None."""
    body = [ln for ln in lines if ln.strip()]
    if len(body) < 8 or sum(1 for ln in body if _GAP.search(ln)) < len(body) // 2:
        return None
    width = max(map(len, body))
    for c in sorted(range(width // 4, 3 * width // 4), key=lambda c: abs(c - width // 2)):
        clear = [ln for ln in body if not ln[c - 1 : c + 2].strip()]
        if len(clear) < 0.85 * len(body):
            continue
        both = [ln for ln in clear if ln[: c - 1].strip() and ln[c + 2 :].strip()]
        if len(both) >= len(body) // 2 and _prose(both, c):
            return c
    return None


def _prose(lines: list[str], c: int) -> bool:
    """Whether both sides of position ``c`` read as prose: letters mostly, the left side filled
    out to near the gutter on most lines (a table's label column is not)."""
    left = [ln[: c - 1].strip() for ln in lines]
    right = [ln[c + 2 :].strip() for ln in lines]
    full = sum(1 for ln in lines if len(ln[: c - 1].rstrip()) >= 0.7 * (c - 1))
    return full >= 0.6 * len(lines) and all(_letters(" ".join(side)) >= 0.7 for side in (left, right))


def _letters(text: str) -> float:
    visible = [ch for ch in text if not ch.isspace()]
    return sum(ch.isalpha() for ch in visible) / len(visible) if visible else 0.0


# --- document information (sources): /Title and /CreationDate as a weak hint
_PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?")
_NO_TITLE = re.compile(r"^(?:microsoft (?:word|powerpoint|excel)\b|untitled\b|naamloos\b|document\d*$)|"
                       r"\.(?:docx?|odt|pdf|rtf|txt|html?)$|^[\w-]+_[\w-]+$", re.I)


def document_info(reader) -> dict:  # noqa: ANN001 - a pypdf PdfReader
    """The PDF's own title and creation day, marked ``weak``: a hint where the text says nothing."""
    try:
        info = reader.metadata or {}
        title = str(info.get("/Title") or "").strip()
        created = str(info.get("/CreationDate") or "").strip()
    except (ValueError, KeyError, TypeError, AttributeError, OSError):
        return {}
    meta: dict = {"weak": True}
    if pdf_title(title):
        meta["title"] = " ".join(title.split())
    day = pdf_date(created)
    if day:
        meta["date"] = day
    return meta


def pdf_title(title: str) -> bool:
    """True where a PDF's /Title reads as a title, not a file name or a program's placeholder."""
    title = title.strip()
    return len(title) >= 4 and any(c.isalpha() for c in title) and not _NO_TITLE.search(title)


def pdf_date(value: str) -> str:
    """``D:20220217103000+01'00'`` -> ``2022-02-17``; ``""`` where it is no real day."""
    import datetime as dt

    m = _PDF_DATE.match(value.strip())
    if not m or not m.group(3):
        return ""
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return ""
