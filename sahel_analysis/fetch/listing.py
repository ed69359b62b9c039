"""Listing the papers of a dossier through tkapi, the Tweede Kamer's OData client.

tkapi builds the query (``DocumentFilter.filter_dossier``, ``filter_date_range``,
``filter_soort``, the not-deleted filter and the order) and parses each entity
(``tkapi.document.Document``); the pages are fetched here, through the polite client, one at a
time, so a page that fails after earlier ones keeps what those gave. The dossiers of each paper
come in the same answer (``$expand=Kamerstukdossier``): no request per paper.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

from tkapi.document import Document, DocumentFilter, DocumentSoort
from tkapi.tkapi import TKApi

from .http import Client

API_ROOT = TKApi.api_root
JSON_FORMAT = "application/json;odata.metadata=full"
_DOSSIER = re.compile(r"^\s*(\d{4,6})(?:[-\s]+([0-9A-Za-z]{1,6}))?\s*$")


@dataclass(frozen=True)
class Dossier:
    """A Kamerstuk dossier: its number and the addition some carry (21501-02)."""

    number: int
    addition: str = ""

    def __str__(self) -> str:
        return f"{self.number}-{self.addition}" if self.addition else str(self.number)


def parse_dossier(text: str) -> Dossier:
    """``29521`` or ``21501-02`` -> Dossier; ValueError for anything else."""
    m = _DOSSIER.match(text)
    if not m:
        raise ValueError(f"not a dossier number: {text!r} (write 29521 or 21501-02)")
    return Dossier(int(m[1]), m[2] or "")


def parse_soort(text: str) -> str:
    """A document kind as the API writes it (``Brief regering``), matched without regard to case;
    ValueError naming the nearest kinds for anything tkapi does not know."""
    import difflib

    kinds = {s.value.casefold(): s.value for s in DocumentSoort}
    found = kinds.get(" ".join(text.split()).casefold())
    if found:
        return found
    near = difflib.get_close_matches(text.casefold(), list(kinds), n=3, cutoff=0.5)
    hint = f" (did you mean: {', '.join(repr(kinds[n]) for n in near)}?)" if near else ""
    raise ValueError(f"not a document kind of the API: {text!r}{hint}")


@dataclass(frozen=True)
class Paper:
    """One parliamentary paper as listed: what the manifest and the download need."""

    id: str
    url: str
    title: str
    doc_date: str
    published: str
    soort: str
    number: str  # the DocumentNummer (2023D01234)
    kamerstuk: str  # 29521-412, 21501-02-2602; "" where the paper has no volgnummer
    content_type: str


@dataclass(frozen=True)
class BadItem:
    """An entity of a listing page that could not be read as a paper."""

    id: str
    reason: str


def _iso(value: dt.date | dt.datetime | None) -> str:
    return value.isoformat()[:10] if value else ""


def _kamerstuk(doc: Document, queried: Dossier) -> str:
    volgnummer = doc.volgnummer
    if volgnummer in (None, "", 0):
        return ""
    dossiers = doc.json.get("Kamerstukdossier") or []
    chosen = next((d for d in dossiers if d.get("Nummer") == queried.number), None)
    if chosen is None and dossiers:
        chosen = dossiers[0]
    number = chosen.get("Nummer") if chosen else queried.number
    addition = (chosen.get("Toevoeging") or "") if chosen else queried.addition
    addition = addition.strip() if "(" not in addition else ""
    return "-".join(str(p) for p in (number, addition, volgnummer) if p not in (None, ""))


def paper_of(doc: Document, queried: Dossier, api_root: str = API_ROOT) -> Paper:
    """The :class:`Paper` of a tkapi Document (the file's address falls back to its resource)."""
    url = doc.bestand_url or f"{api_root.rstrip('/')}/Document({doc.id})/resource"
    title = doc.titel
    if doc.onderwerp and doc.onderwerp != title:
        title = f"{title}: {doc.onderwerp}" if title else doc.onderwerp
    registered = doc.get_datetime_or_none("DatumRegistratie")
    return Paper(
        id=doc.id, url=url, title=" ".join(title.split()), doc_date=_iso(doc.datum),
        published=_iso(registered) or _iso(doc.datum), soort=doc.get_property_or_empty_string("Soort"),
        number=doc.nummer, kamerstuk=_kamerstuk(doc, queried),
        content_type=doc.get_property_or_empty_string("ContentType"),
    )


def query(dossier: Dossier, since: dt.date | None = None, until: dt.date | None = None,
          soort: str | None = None) -> dict[str, str]:
    """The OData query parameters of one listing, as tkapi builds them (``until`` inclusive)."""
    f = DocumentFilter()
    f.filter_dossier(dossier.number, dossier.addition or None)
    if since or until:
        start = dt.datetime.combine(since or dt.date(1800, 1, 1), dt.time())
        end = dt.datetime.combine((until or dt.date(2999, 12, 30)) + dt.timedelta(days=1), dt.time())
        f.filter_date_range(start, end)
    if soort:
        f.filter_soort(soort)
    params = TKApi.create_query_params(Document, filter=f)
    params["$expand"] = "Kamerstukdossier"
    params["$format"] = JSON_FORMAT
    return params


def list_papers(client: Client, dossier: Dossier, since: dt.date | None = None,
                until: dt.date | None = None, soort: str | None = None,
                api_root: str = API_ROOT) -> Iterator[Paper | BadItem]:
    """The papers of ``dossier`` (optionally of one ``soort`` and within the dates), page by page,
    and a :class:`BadItem` for an entity that is no readable paper. Raises
    :class:`~.http.FetchError` where a page fails; the papers before it are yielded."""
    root = api_root.rstrip("/") + "/"
    url: str | None = root + Document.type
    params: dict[str, str] | None = query(dossier, since, until, soort)
    while url:
        page = client.get_json(url, params)
        items = page.get("value", [])
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, dict):
                yield BadItem("", "an entity that is not a JSON object")
            elif not item.get("Verwijderd", False):
                yield _read_item(item, dossier, api_root)
        link = page.get("@odata.nextLink")
        url = urljoin(root, link) if isinstance(link, str) and link else None
        params = None  # the next link carries the query


def _read_item(item: dict, dossier: Dossier, api_root: str) -> Paper | BadItem:
    try:
        return paper_of(Document(item), dossier, api_root)
    except (ValueError, TypeError, AttributeError, OverflowError) as exc:
        return BadItem(str(item.get("Id", "")), f"unreadable entity ({type(exc).__name__}: {exc})")
