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
            try:
                ok = reader.decrypt("")
            except Exception:  # noqa: BLE001 - pypdf raises several types here
                ok = 0
            if not ok:
                raise DocumentError("read", "encrypted PDF: needs a password to read its text")
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
    for number, page in enumerate(reader.pages, start=1):
        text = _page_text(page, number, warnings)
        total += len(text)
        if total > LIMITS.max_text_chars:
            raise DocumentError(
                "read", f"PDF text is over the limit of {LIMITS.max_text_chars:,} characters"
            )
        pages.append(text.strip("\n"))
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
    return "\n".join(line.strip() for line in text.split("\n"))


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
