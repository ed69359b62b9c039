"""``sahel-analysis fetch``: the papers of Kamerstuk dossiers from the Tweede Kamer's open data.

:func:`fetch` lists the papers of each dossier through tkapi (:mod:`.listing`), downloads each
file through the polite client (:mod:`.http`), checks that it is the PDF or Word file it claims to
be (:mod:`.files`), writes it into the corpus folder and adds its row to ``sources.csv``
(:mod:`.manifest`). A paper whose address is in the manifest and whose file is still there is not
fetched again, so a second run fetches only what is new and an interrupted run resumes where it
stopped (a file is written under a hidden temporary name and renamed when whole; its manifest row
follows). A paper or listing that fails is a row of ``fetch-problems.csv`` (rewritten each run: the
failures of the latest run) and never stops the rest.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import requests

from ..errors import UserError
from ..vocab import read_csv
from .files import check_file, file_name
from .http import Client, FetchError, Politeness, user_agent
from .listing import API_ROOT, BadItem, Dossier, Paper, list_papers, parse_dossier, parse_soort, query
from .manifest import COLUMNS, MANIFEST, PROBLEM_COLUMNS, PROBLEMS, Appender, doc_types, fetched, read_manifest

__all__ = ["fetch", "FetchSummary", "default_dossiers", "parse_dossier", "parse_soort", "Dossier", "Paper",
           "Client", "Politeness", "FetchError", "user_agent", "API_ROOT"]


def default_dossiers() -> list[Dossier]:
    """The dossiers of ``vocab/fetch_dossiers.csv``: fetched when no dossier is named."""
    return [parse_dossier(row["dossier"]) for row in read_csv("fetch_dossiers.csv")]


@dataclass
class FetchSummary:
    """What a fetch run did, for its one-line summary."""

    output: str = ""
    dossiers: int = 0
    listed: int = 0
    new: int = 0
    already: int = 0
    failed: int = 0
    bytes: int = 0
    requests: int = 0
    seconds: float = 0.0
    files: list[str] = field(default_factory=list)
    first_problem: str = ""

    def line(self) -> str:
        """One line: papers listed, fetched, skipped, failed; requests and time; where."""
        failed = f"{self.failed} failed (see {Path(self.output) / PROBLEMS})" if self.failed else "0 failed"
        return (f"fetched {self.new} new papers ({self.bytes / 1e6:.1f} MB) of {self.listed} listed in "
                f"{self.dossiers} dossiers; {self.already} already there; {failed}; "
                f"{self.requests} requests in {self.seconds:.1f}s -> {self.output}")


def _problem(url: str, title: str, kamerstuk: str, stage: str, reason: str) -> dict[str, str]:
    return {"url": url, "title": title, "kamerstuk": kamerstuk, "stage": stage, "reason": reason}


def _listing_url(api_root: str, dossier: Dossier, since, until, soort) -> str:  # noqa: ANN001
    url = api_root.rstrip("/") + "/Document"
    return requests.Request("GET", url, params=query(dossier, since, until, soort)).prepare().url or url


def _listed(client: Client, dossiers: Iterable[Dossier], since: dt.date | None, until: dt.date | None,
            types: list[str], api_root: str, problems: Appender) -> list[Paper]:
    """Every paper of the dossiers (each once, in listing order); failures become problem rows."""
    papers: dict[str, Paper] = {}
    for dossier in dossiers:
        for soort in types or [None]:
            try:
                for item in list_papers(client, dossier, since, until, soort, api_root):
                    if isinstance(item, BadItem):
                        problems.add(_problem("", f"dossier {dossier}, entity {item.id}", "", "list",
                                              item.reason))
                    else:
                        papers.setdefault(item.id or item.url, item)
            except FetchError as exc:
                problems.add(_problem(_listing_url(api_root, dossier, since, until, soort),
                                      f"dossier {dossier}" + (f", {soort}" if soort else ""), "",
                                      "list", exc.reason))
    return list(papers.values())


def _write(folder: Path, name: str, data: bytes) -> None:
    """Write ``data`` as ``folder/name``, whole or not at all (hidden temporary name, then rename)."""
    tmp = folder / f".{name}.part"
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, folder / name)


def _fetch_one(client: Client, paper: Paper, folder: Path, kinds: dict[str, str]) -> dict[str, str]:
    """Download, check and store one paper; its manifest row. Raises FetchError."""
    data, content_type = client.download(paper.url)
    suffix = check_file(data, paper.content_type, content_type)
    name = file_name(paper.kamerstuk, paper.number, paper.id, suffix)
    _write(folder, name, data)
    return {"file": name, "url": paper.url, "title": paper.title, "doc_date": paper.doc_date,
            "doc_type": kinds.get(paper.soort, ""), "kamerstuk": paper.kamerstuk,
            "published": paper.published, "_bytes": str(len(data))}


def _progress(papers: list[Paper], show: bool) -> Iterator[Paper]:
    if not show:
        return iter(papers)
    from tqdm import tqdm

    return iter(tqdm(papers, unit="paper", desc="fetch"))


@contextlib.contextmanager
def _only_run(folder: Path) -> Iterator[None]:
    """Hold ``folder/.fetch.lock`` for the run: a second fetch into the same folder is refused."""
    with (folder / ".fetch.lock").open("w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UserError(f"another fetch is writing into '{folder}': wait for it to end") from None
        yield


def fetch(output: Path, dossiers: list[Dossier] | None = None, since: dt.date | None = None,
          until: dt.date | None = None, types: list[str] | None = None, client: Client | None = None,
          api_root: str = API_ROOT, limit: int | None = None, progress: bool = False) -> FetchSummary:
    """Fetch the papers of ``dossiers`` (default: :func:`default_dossiers`) into ``output``."""
    start = time.perf_counter()
    dossiers = dossiers or default_dossiers()
    client = client or Client()
    output.mkdir(parents=True, exist_ok=True)
    with _only_run(output):
        summary = _fetch_into(output, dossiers, since, until, types or [], client, api_root, limit, progress)
    summary.seconds = time.perf_counter() - start
    return summary


def _fetch_into(output: Path, dossiers: list[Dossier], since: dt.date | None, until: dt.date | None,
                types: list[str], client: Client, api_root: str, limit: int | None,
                progress: bool) -> FetchSummary:
    summary = FetchSummary(output=str(output), dossiers=len(dossiers))
    done = fetched(output, read_manifest(output / MANIFEST))
    problems = Appender(output / PROBLEMS, PROBLEM_COLUMNS, fresh=True)
    manifest: Appender | None = None
    try:
        papers = _listed(client, dossiers, since, until, types, api_root, problems)
        summary.listed = len(papers)
        todo = [p for p in papers if p.url not in done]
        summary.already = len(papers) - len(todo)
        todo = todo[:limit] if limit is not None else todo
        manifest = Appender(output / MANIFEST, COLUMNS)
        kinds = doc_types()
        for paper in _progress(todo, progress):
            try:
                row = _fetch_one(client, paper, output, kinds)
            except FetchError as exc:
                problems.add(_problem(paper.url, paper.title, paper.kamerstuk,
                                      exc.stage, exc.reason))
                summary.failed += 1
                continue
            summary.bytes += int(row.pop("_bytes"))
            manifest.add(row)
            summary.new += 1
            summary.files.append(row["file"])
    finally:
        problems.close()
        if manifest is not None:
            manifest.close()
        client.close()
    summary.failed += _listing_failures(output / PROBLEMS, summary)
    summary.requests = client.requests_made
    return summary


def _listing_failures(path: Path, summary: FetchSummary) -> int:
    """The listings that failed (rows of stage ``list``); notes the first problem's reason."""
    problems = read_manifest(path)
    if problems:
        summary.first_problem = f"{problems[0]['title']}: {problems[0]['reason']}"
    return sum(1 for row in problems if row.get("stage") == "list")
