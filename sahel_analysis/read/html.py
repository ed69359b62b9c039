"""HTML: the main text of a page (article or main element), without scripts, styles and navigation."""

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
    for tag in soup(_DROP):
        tag.decompose()
    for tag in soup.find_all(attrs={"class": _NAV_CLASS}):
        if tag.name not in ("html", "body", "main", "article"):
            tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    blocks: list[str] = []
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    lines: list[str] = []
    _walk(root, lines)
    out = "\n".join(line for line in (ln.strip() for ln in "".join(lines).split("\n")))
    out = re.sub(r"\n{3,}", "\n\n", out).strip()
    heading = root.find(["h1"]) if hasattr(root, "find") else None
    if not heading and title and not out.startswith(title):
        blocks.append(title)
    if blocks:
        out = "\n\n".join(blocks) + "\n\n" + out
    if not out.strip():
        raise DocumentError("read", "HTML page holds no readable text (only scripts or markup)")
    return RawText(text=out + "\n", kind="html", encoding=encoding, warnings=warnings)


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
