"""A Document made straight from a text (clean text = raw text), for tests of the fact rules."""

from __future__ import annotations

from sahel_analysis.model import Document


def text_doc(text: str, date: str | None = "2022-11-15", title: str = "") -> Document:
    """``text`` as a one-part Document dated ``date`` (relative dates resolve against it)."""
    return Document(file="x.txt", part=1, text=text, offsets=list(range(len(text) + 1)),
                    date=date or "", date_known=date is not None, title=title)
