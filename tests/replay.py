"""A local stand-in for the Tweede Kamer's open-data API, for the fetch tests (no network).

:class:`Replay` runs an HTTP server on 127.0.0.1 (a free port) in a thread. ``/odata/Document``
answers OData v4 JSON pages in the shape tkapi parses: entities made by :func:`odata_document`
from tkapi's own names (``Document.type``, ``Dossier.type``, ``DocumentSoort``), filtered by the
dossier, date and kind in the query's ``$filter`` and paged with ``@odata.nextLink``.
``/files/NAME`` serves the bytes given. Faults are scripted per listing page or file: an HTTP
status (429 with ``Retry-After``, 500, 503, 404), ``"malformed"`` (a page that is no JSON) and
``"cut"`` (a body that stops before its ``Content-Length``). Every request is logged with its
headers and time. Requests are few and the server stops with the test.
"""

from __future__ import annotations

import io
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import docx
from fpdf import FPDF
from tkapi.document import Document, DocumentSoort
from tkapi.dossier import Dossier

PDF_TYPE = "application/pdf"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
RESOURCE = "#TK.DA.GGM.OData.Resource"  # the action annotation tkapi reads for bestand_url


def make_pdf(paragraphs: list[str]) -> bytes:
    """A PDF with a text layer holding ``paragraphs``."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for text in paragraphs:
        pdf.multi_cell(0, 6, text)
        pdf.ln(4)
    return bytes(pdf.output())


def make_docx(paragraphs: list[str]) -> bytes:
    """A Word file holding ``paragraphs``."""
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def odata_document(base: str, id_: str, titel: str, datum: str, soort: DocumentSoort = DocumentSoort.BRIEF_REGERING,
                   volgnummer: int | None = None, nummer: str = "", dossier: int = 29521, toevoeging: str | None = None,
                   onderwerp: str = "", content_type: str = PDF_TYPE, registered: str = "") -> dict:
    """One Document entity as the API writes it with ``odata.metadata=full`` and the dossiers expanded."""
    url = f"{base}/odata/{Document.type}({id_})"
    return {
        "@odata.type": "#TK.DA.GGM.OData.Document",
        "@odata.id": url,
        "Id": id_,
        "Soort": soort.value,
        "DocumentNummer": nummer,
        "Titel": titel,
        "Onderwerp": onderwerp,
        "Datum": f"{datum}T00:00:00+01:00",
        "Volgnummer": volgnummer,
        "Vergaderjaar": "2019-2020",
        "DatumRegistratie": f"{registered}T10:00:00+01:00" if registered else None,
        "ContentType": content_type,
        "Verwijderd": False,
        RESOURCE: {"title": "Resource", "target": f"{base}/files/{id_}"},
        f"{Dossier.type}@odata.navigationLink": f"{url}/{Dossier.type}",
        Dossier.type: [{"Id": f"d-{dossier}", "Nummer": dossier, "Toevoeging": toevoeging,
                        "Titel": "Dossier", "Verwijderd": False}],
        "DocumentActor@odata.navigationLink": f"{url}/DocumentActor",
    }


@dataclass
class Reply:
    """A scripted answer: an HTTP status, or ``"malformed"`` / ``"cut"``, with headers."""

    status: int | str
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Replay:
    """The server's state: entities per dossier, files, scripted faults and the request log."""

    page_size: int = 2
    documents: dict[str, list[dict]] = field(default_factory=dict)  # "29521" or "21501-02"
    files: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # id -> (bytes, content type)
    faults: dict[str, list[Reply]] = field(default_factory=dict)  # path key -> replies, in turn
    log: list[tuple[str, dict[str, str], float]] = field(default_factory=list)
    base: str = ""

    def __post_init__(self) -> None:
        replay = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                replay.handle(self)

            def log_message(self, *args) -> None:  # quiet
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02},
                                        daemon=True)
        self._thread.start()

    @property
    def root(self) -> str:
        """The OData root to give ``fetch`` as ``api_root``."""
        return f"{self.base}/odata/"

    def close(self) -> None:
        """Stop the server."""
        self._server.shutdown()
        self._server.server_close()

    def add(self, key: str, entity: dict, data: bytes | None = None, content_type: str = PDF_TYPE) -> None:
        """An entity of dossier ``key`` and, where given, the file it points to."""
        self.documents.setdefault(key, []).append(entity)
        if data is not None:
            self.files[entity["Id"]] = (data, content_type)

    def requests_to(self, prefix: str) -> list[str]:
        """The logged paths that start with ``prefix``."""
        return [path for path, _, _ in self.log if path.startswith(prefix)]

    # --- answering
    def handle(self, h: BaseHTTPRequestHandler) -> None:
        self.log.append((h.path, dict(h.headers.items()), time.monotonic()))
        parts = urlsplit(h.path)
        if parts.path.startswith("/files/"):
            key = parts.path
        else:
            q = parse_qs(parts.query)
            key = f"{parts.path}?page={q.get('skip', ['0'])[0]}&dossier={self._dossier_key(q)}"
        script = self.faults.get(key)
        if script:
            reply = script.pop(0) if len(script) > 1 else script[0]
            if reply.status != 200:
                return self._fault(h, reply)
        if parts.path.startswith("/files/"):
            return self._file(h, parts.path.removeprefix("/files/"))
        if parts.path == f"/odata/{Document.type}":
            return self._listing(h, parse_qs(parts.query))
        self._send(h, 404, b'{"error": {"message": "no such resource"}}', "application/json")

    def _fault(self, h: BaseHTTPRequestHandler, reply: Reply) -> None:
        if reply.status == "malformed":
            return self._send(h, 200, b'{"value": [{"Id": "x", ', "application/json")
        if reply.status == "cut":
            h.send_response(200)
            h.send_header("Content-Type", PDF_TYPE)
            h.send_header("Content-Length", "5000")
            h.end_headers()
            h.wfile.write(b"%PDF-1.4 only the first bytes of the file")
            h.wfile.flush()
            h.close_connection = True
            return None
        body = json.dumps({"error": {"message": f"status {reply.status}"}}).encode()
        self._send(h, int(reply.status), body, "application/json", reply.headers)
        return None

    @staticmethod
    def _send(h: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str,
              headers: dict[str, str] | None = None) -> None:
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(body)

    def _file(self, h: BaseHTTPRequestHandler, id_: str) -> None:
        if id_ not in self.files:
            return self._send(h, 404, b"not found", "text/plain")
        data, ctype = self.files[id_]
        return self._send(h, 200, data, ctype)

    @staticmethod
    def _dossier_key(q: dict[str, list[str]]) -> str:
        if "dossier" in q:
            return q["dossier"][0]
        flt = q.get("$filter", [""])[0]
        number = re.search(r"d/Nummer eq (\d+)", flt)
        addition = re.search(r"d/Toevoeging eq '([^']*)'", flt)
        return (number[1] if number else "") + (f"-{addition[1]}" if addition else "")

    def _listing(self, h: BaseHTTPRequestHandler, q: dict[str, list[str]]) -> None:
        key = self._dossier_key(q)
        if "dossier" in q:  # a next link: the filter travels in our own parameters
            flt = q["filter"][0]
        else:
            flt = q.get("$filter", [""])[0]
            assert "Verwijderd eq false" in flt, flt
            assert "Kamerstukdossier" in q.get("$expand", [""])[0]
            assert q.get("$format", [""])[0].startswith("application/json")
        docs = [d for d in self.documents.get(key, []) if _matches(d, flt)]
        skip = int(q.get("skip", ["0"])[0])
        page = {"@odata.context": f"{self.base}/odata/$metadata#Document", "value": docs[skip: skip + self.page_size]}
        if skip + self.page_size < len(docs):
            nxt = urlencode({"dossier": key, "filter": flt, "skip": skip + self.page_size})
            page["@odata.nextLink"] = f"{self.base}/odata/{Document.type}?{nxt}"
        self._send(h, 200, json.dumps(page).encode(), "application/json;odata.metadata=full")


def _matches(doc: dict, flt: str) -> bool:
    """The filter's date range and kind, applied to an entity (the dossier is the page's key)."""
    day = doc["Datum"][:10]
    ge = re.search(r"Datum ge (\d{4}-\d\d-\d\d)", flt)
    lt = re.search(r"Datum lt (\d{4}-\d\d-\d\d)", flt)
    soort = re.search(r"Soort eq '((?:[^']|'')*)'", flt)
    if ge and day < ge[1]:
        return False
    if lt and day >= lt[1]:
        return False
    return not (soort and doc["Soort"] != soort[1].replace("''", "'"))
