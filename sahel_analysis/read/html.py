"""HTML: the main text of a page (article or main element), without scripts, styles and navigation."""

from __future__ import annotations

import re

from ..errors import DocumentError
from .txt import decode
from .types import RawText

_DROP = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template",
         "iframe", "svg", "button", "select", "object", "embed"]
_BLOCK = {"p", "div", "section", "article", "main", "li", "ul", "ol", "h1", "h2", "h3", "h4",
          "h5", "h6", "table", "tr", "br", "blockquote", "figure", "figcaption", "dd", "dt", "pre"}
_NAV_CLASS = re.compile(r"(^|[\s_-])(nav|menu|breadcrumb|cookie|share|social|skip|sidebar)", re.I)


def read_html(data: bytes) -> RawText:
    """Extract the readable main text of an HTML page, one block per paragraph."""
    from bs4 import BeautifulSoup

    text, encoding, warnings = decode(data)
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
    from bs4 import NavigableString, Tag
    from bs4.element import Comment

    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            out.append(re.sub(r"\s+", " ", str(child)))
        elif isinstance(child, Tag):
            block = child.name in _BLOCK
            if block:
                out.append("\n\n" if child.name != "br" and child.name != "li" else "\n")
            _walk(child, out)
            if block:
                out.append("\n\n" if child.name not in ("br", "li") else "\n")
