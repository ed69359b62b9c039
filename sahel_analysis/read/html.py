"""HTML: the main text of a page, without scripts, styles and navigation, and the page's own metadata.

The main text is the page's ``<article>`` or ``<main>`` element; a page without either is read by
trafilatura's main-text extraction (which drops menus, teasers and footers by their shape), and by
the page's body where that finds nothing. The page's metadata (publication date, title, canonical
address, publisher: ``<meta>`` DCTERMS / Open Graph / article tags, JSON-LD, ``<time datetime>``)
comes from trafilatura's metadata extraction and goes to ``RawText.meta``.
"""

from __future__ import annotations

import re

from ..errors import DocumentError
from .limits import LIMITS
from .txt import decode
from .types import RawText

_DROP = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template",
         "iframe", "svg", "button", "select", "object", "embed"]
_BLOCK = {"p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4",
          "h5", "h6", "table", "tr", "br", "blockquote", "figure", "figcaption", "dd", "dt", "pre"}
_NAV_CLASS = re.compile(r"(^|[\s_-])(nav|menu|breadcrumb|cookie|share|social|skip|sidebar)", re.I)


_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in a ``<meta charset>`` (or http-equiv) tag of its first 4 kB."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def decode_page(data: bytes) -> tuple[str, str, list[str]]:
    """A page's characters: BOM, then valid UTF-8, then its declared charset, then the detector;
    refused when over the character limit (before it is parsed)."""
    text, encoding, warnings = decode(data, declared_charset(data))
    if len(text) > LIMITS.max_text_chars:
        raise DocumentError(
            "read", f"HTML page of {len(text):,} characters is over the limit of {LIMITS.max_text_chars:,}")
    return text, encoding, warnings


def read_html(data: bytes) -> RawText:
    """Extract the readable main text of an HTML page, one block per paragraph."""
    from bs4 import BeautifulSoup

    text, encoding, warnings = decode_page(data)
    try:
        soup = BeautifulSoup(text, "lxml")
    except Exception as exc:  # noqa: BLE001 - a broken page becomes a problem row
        raise DocumentError("read", f"HTML could not be parsed ({exc})") from None
    meta = page_metadata(text)  # sources: before the scripts (JSON-LD) go
    for tag in soup(_DROP):
        tag.decompose()
    for tag in soup.find_all(attrs={"class": _NAV_CLASS}):
        if tag.name not in ("html", "body", "main", "article"):
            tag.decompose()
    main = soup.find("article") or soup.find("main")
    root = main or soup.body or soup
    blocks: list[str] = []
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    lines: list[str] = []
    out = "" if main else main_text(text)  # sources: a page without article/main
    extracted = bool(out)
    if extracted:
        title = meta.get("title") or title
    else:
        _walk(root, lines)
        out = "\n".join(line for line in (ln.strip() for ln in "".join(lines).split("\n")))
        out = re.sub(r"\n{3,}", "\n\n", out).strip()
    heading = root.find(["h1"]) if hasattr(root, "find") else None
    if (not heading or extracted) and title and not out.startswith(title):
        blocks.append(title)
    if blocks:
        out = "\n\n".join(blocks) + "\n\n" + out
    if not out.strip():
        raise DocumentError("read", "HTML page holds no readable text (only scripts or markup)")
    return RawText(text=out + "\n", kind="html", encoding=encoding, warnings=warnings, meta=meta)


def _walk(node, out: list[str]) -> None:
    """The text of ``node``'s children with block breaks, walked with a stack (no recursion), so
    100,000 nested tags or a page of unclosed ones cannot raise RecursionError."""
    from bs4 import NavigableString, Tag
    from bs4.element import Comment

    stack: list = [iter(node.children)]
    closers: list[str | None] = [None]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            closer = closers.pop()
            if closer:
                out.append(closer)
            continue
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            out.append(re.sub(r"\s+", " ", str(child)))
        elif isinstance(child, Tag):
            block = child.name in _BLOCK
            brk = ("\n\n" if child.name not in ("br", "li") else "\n") if block else None
            if brk:
                out.append(brk)
            stack.append(iter(child.children))
            closers.append(brk)


# --- page metadata and the main-text fallback (sources), through trafilatura
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_TRAFILATURA_ERRORS = (ValueError, TypeError, AttributeError, KeyError, IndexError, RecursionError)
_PRUNE = [f"//{tag}" for tag in _DROP]
TRAFILATURA_MAX_CHARS = 5_000_000  # a larger page is read by the plain walk alone (bounded time)


def page_metadata(html: str) -> dict:
    """The page's own date, title, canonical address and publisher (only those it states)."""
    from lxml.etree import LxmlError
    from trafilatura import extract_metadata

    if len(html) > TRAFILATURA_MAX_CHARS:
        return {}
    try:
        found = extract_metadata(html, extensive=False)  # no guessing from the text
    except (*_TRAFILATURA_ERRORS, LxmlError):
        return {}
    if found is None:
        return {}
    meta = {"title": " ".join((found.title or "").split()), "url": found.url or "",
            "publisher": found.sitename or "", "date": found.date or ""}
    if not _ISO_DAY.fullmatch(meta["date"]):
        meta["date"] = ""
    if not meta["url"].startswith(("http://", "https://")):
        meta["url"] = ""
    return {k: v for k, v in meta.items() if v}


def main_text(html: str) -> str:
    """The main text of a page as trafilatura finds it, one paragraph a block; ``""`` where none
    (also for a page too large for it). What the page's own reader drops (navigation, forms, the
    elements of ``_DROP``) is pruned first."""
    from lxml.etree import LxmlError
    from trafilatura import extract

    if len(html) > TRAFILATURA_MAX_CHARS:
        return ""
    try:
        found = extract(html, include_comments=False, include_tables=True, favor_precision=True,
                        deduplicate=False, with_metadata=False, prune_xpath=_PRUNE)
    except (*_TRAFILATURA_ERRORS, LxmlError):
        return ""
    if not found:
        return ""
    paragraphs = (" ".join(line.split()) for line in found.split("\n"))
    return "\n\n".join(p for p in paragraphs if p)
