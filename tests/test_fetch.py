"""``sahel-analysis fetch`` against a local replay of the open-data API (tests/replay.py).

No test here reaches the network but the one marked ``network`` (skipped unless ``-m network``).
"""

from __future__ import annotations

import csv
import datetime as dt
import socket
import time
from pathlib import Path

import pandas as pd
import pytest
from tkapi.document import Document, DocumentSoort

from sahel_analysis.cli import main
from sahel_analysis.fetch import Client, FetchError, Politeness, default_dossiers, fetch, parse_dossier
from sahel_analysis.fetch.files import check_file, file_name, sniff
from sahel_analysis.fetch.http import retry_after, user_agent
from sahel_analysis.fetch.listing import Dossier, query
from sahel_analysis.fetch.manifest import COLUMNS
from sahel_analysis.pipeline import build

from .replay import DOCX_TYPE, Replay, Reply, make_docx, make_pdf, odata_document

SAHEL_LETTER = [
    "Den Haag, 14 februari 2019",
    "Het kabinet heeft besloten de Nederlandse bijdrage aan MINUSMA in Mali te verlengen. "
    "Nederland levert daartoe maximaal 250 militairen tot en met 31 december 2019.",
]
OTHER_LETTER = [
    "Den Haag, 3 maart 2019",
    "Het kabinet informeert de Kamer over de voortgang van de herziening van de pensioenregels "
    "voor ambtenaren. De werkgroep komt in april opnieuw bijeen.",
]


class Sleeps(list):
    """A stand-in for time.sleep that records the waits and does not wait."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def client(sleeps: Sleeps | None = None, **kw) -> Client:
    kw.setdefault("delay", 0.0)
    kw.setdefault("retries", 3)
    kw.setdefault("backoff", 0.5)
    return Client(Politeness(**kw), sleep=sleeps if sleeps is not None else Sleeps())


@pytest.fixture
def api():
    replay = Replay(page_size=2)
    yield replay
    replay.close()


def three_papers(api: Replay) -> None:
    b = api.base
    api.add("29521", odata_document(b, "a1", "Nederlandse deelname aan vredesmissies", "2019-02-14",
                                    volgnummer=380, nummer="2019D06001", onderwerp="Verlenging bijdrage MINUSMA",
                                    registered="2019-02-15"),
            make_pdf(SAHEL_LETTER))
    api.add("29521", odata_document(b, "a2", "Nederlandse deelname aan vredesmissies", "2019-03-03",
                                    volgnummer=381, nummer="2019D08002", content_type=DOCX_TYPE),
            make_docx(OTHER_LETTER), DOCX_TYPE)
    api.add("29521", odata_document(b, "a3", "Verslag van een schriftelijk overleg", "2020-06-01",
                                    soort=DocumentSoort.VERSLAG_VAN_EEN_SCHRIFTELIJK_OVERLEG,
                                    volgnummer=None, nummer="2020D20003"),
            make_pdf(SAHEL_LETTER[1:]))


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_the_replayed_entities_are_what_tkapi_parses(api):
    entity = odata_document(api.base, "z9", "Titel", "2021-05-06", volgnummer=12, nummer="2021D1",
                            dossier=21501, toevoeging="02")
    doc = Document(entity)
    assert (doc.titel, doc.datum, doc.soort, doc.volgnummer, doc.nummer) == (
        "Titel", dt.date(2021, 5, 6), DocumentSoort.BRIEF_REGERING, 12, "2021D1")
    assert doc.bestand_url == f"{api.base}/files/z9"
    assert [(d.nummer, d.toevoeging) for d in doc.dossiers] == [(21501, "02")]  # expanded: no request
    assert api.log == []


def test_fetch_writes_the_files_and_their_manifest_rows(api, tmp_path):
    three_papers(api)
    out = tmp_path / "corpus"
    summary = fetch(out, [Dossier(29521)], client=client(), api_root=api.root)
    assert (summary.listed, summary.new, summary.already, summary.failed) == (3, 3, 0, 0)
    got = rows(out / "sources.csv")
    assert list(got[0]) == list(COLUMNS)
    assert got[0] == {
        "file": "kst-29521-380_2019D06001.pdf", "url": f"{api.base}/files/a1",
        "title": "Nederlandse deelname aan vredesmissies: Verlenging bijdrage MINUSMA",
        "doc_date": "2019-02-14", "doc_type": "kamerbrief", "kamerstuk": "29521-380", "published": "2019-02-15"}
    assert [r["file"] for r in got[1:]] == ["kst-29521-381_2019D08002.docx", "2020D20003.pdf"]
    assert got[2]["doc_type"] == "" and got[2]["kamerstuk"] == "" and got[2]["published"] == "2020-06-01"
    for r in got:
        assert (out / r["file"]).read_bytes() == api.files[r["url"].rsplit("/", 1)[1]][0]
    assert rows(out / "fetch-problems.csv") == []
    assert len(api.requests_to("/odata/")) == 2  # two pages of two
    assert all(h["User-Agent"] == user_agent() for _, h, _ in api.log)
    assert "sahel-analysis/" in user_agent() and "contact@example.org" in user_agent("contact@example.org")
    assert summary.line().startswith("fetched 3 new papers")


def test_a_second_run_fetches_nothing_again_and_only_what_is_new(api, tmp_path):
    three_papers(api)
    out = tmp_path / "corpus"
    fetch(out, [Dossier(29521)], client=client(), api_root=api.root)
    first = len(api.requests_to("/files/"))
    api.add("29521", odata_document(api.base, "a4", "Nieuwe brief", "2021-01-05", volgnummer=400,
                                    nummer="2021D00400"), make_pdf(SAHEL_LETTER))
    summary = fetch(out, [Dossier(29521)], client=client(), api_root=api.root)
    assert (summary.new, summary.already) == (1, 3)
    assert api.requests_to("/files/")[first:] == ["/files/a4"]
    assert [r["file"] for r in rows(out / "sources.csv")][-1] == "kst-29521-400_2021D00400.pdf"
    assert len(rows(out / "sources.csv")) == 4


def test_an_interrupted_run_resumes_where_it_stopped(api, tmp_path, monkeypatch):
    three_papers(api)
    out = tmp_path / "corpus"
    c = client()
    real = c.download
    calls = []

    def stop_on_second(url: str):
        calls.append(url)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(url)

    monkeypatch.setattr(c, "download", stop_on_second)
    with pytest.raises(KeyboardInterrupt):
        fetch(out, [Dossier(29521)], client=c, api_root=api.root)
    assert [r["file"] for r in rows(out / "sources.csv")] == ["kst-29521-380_2019D06001.pdf"]
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "fetch-problems.csv", "kst-29521-380_2019D06001.pdf", "sources.csv"]
    summary = fetch(out, [Dossier(29521)], client=client(), api_root=api.root)
    assert (summary.new, summary.already) == (2, 1)
    assert api.requests_to("/files/") == ["/files/a1", "/files/a2", "/files/a3"]


def test_a_file_deleted_from_the_corpus_is_fetched_again(api, tmp_path):
    three_papers(api)
    out = tmp_path / "corpus"
    fetch(out, [Dossier(29521)], client=client(), api_root=api.root)
    (out / "2020D20003.pdf").unlink()
    summary = fetch(out, [Dossier(29521)], client=client(), api_root=api.root)
    assert (summary.new, summary.already) == (1, 2)
    assert (out / "2020D20003.pdf").exists()


def test_a_second_fetch_into_the_same_folder_is_refused(api, tmp_path):
    import fcntl

    from sahel_analysis.errors import UserError

    out = tmp_path / "c"
    out.mkdir()
    with (out / ".fetch.lock").open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(UserError, match="another fetch"):
            fetch(out, [Dossier(29521)], client=client(), api_root=api.root)
    assert api.log == []


def test_429_and_500_are_retried_with_backoff(api, tmp_path):
    three_papers(api)
    api.faults["/files/a1"] = [Reply(429, {"Retry-After": "7"}), Reply(200)]
    api.faults["/files/a2"] = [Reply(500), Reply(502), Reply(200)]
    sleeps = Sleeps()
    summary = fetch(tmp_path / "c", [Dossier(29521)], client=client(sleeps), api_root=api.root)
    assert (summary.new, summary.failed) == (3, 0)
    assert api.requests_to("/files/") == ["/files/a1"] * 2 + ["/files/a2"] * 3 + ["/files/a3"]
    assert sleeps[0] == 7  # the server's Retry-After
    assert 0.5 <= sleeps[1] <= 0.5 * 1.25 and 1.0 <= sleeps[2] <= 1.0 * 1.25  # doubling backoff


def test_failures_are_rows_of_fetch_problems_and_never_stop_the_rest(api, tmp_path):
    three_papers(api)
    b = api.base
    api.add("29521", odata_document(b, "gone", "Weg", "2019-05-01", volgnummer=390, nummer="2019D1"))  # no file: 404
    api.add("29521", odata_document(b, "fake", "Geen PDF", "2019-05-02", volgnummer=391, nummer="2019D2"),
            b"<!DOCTYPE html><html><body>Pagina niet gevonden</body></html>", "application/pdf")
    api.faults["/files/a1"] = [Reply("cut")]  # every attempt cut off
    api.faults["/files/a3"] = [Reply(503)]  # never recovers
    sleeps = Sleeps()
    summary = fetch(tmp_path / "c", [Dossier(29521)], client=client(sleeps, retries=2), api_root=api.root)
    assert (summary.listed, summary.new, summary.failed) == (5, 1, 4)
    problems = {r["url"].rsplit("/", 1)[1]: r for r in rows(tmp_path / "c" / "fetch-problems.csv")}
    assert set(problems) == {"a1", "a3", "gone", "fake"}
    assert problems["a1"]["stage"] == "download" and "cut off" in problems["a1"]["reason"]
    assert problems["a3"]["reason"] == "gave up after 3 attempts (HTTP 503)"
    assert problems["gone"]["reason"].startswith("HTTP 404") and problems["gone"]["kamerstuk"] == "29521-390"
    assert problems["fake"]["stage"] == "check"
    assert problems["fake"]["reason"] == "not what it claims: announced as pdf, the bytes are html"
    assert len(api.requests_to("/files/gone")) == 1  # a 404 is not retried
    assert len(api.requests_to("/files/a1")) == 3
    assert [r["file"] for r in rows(tmp_path / "c" / "sources.csv")] == ["kst-29521-381_2019D08002.docx"]
    assert not list((tmp_path / "c").glob(".*.part"))


def test_a_cut_off_download_that_comes_whole_next_time_is_kept(api, tmp_path):
    three_papers(api)
    api.faults["/files/a1"] = [Reply("cut"), Reply(200)]
    summary = fetch(tmp_path / "c", [Dossier(29521)], client=client(), api_root=api.root)
    assert (summary.new, summary.failed) == (3, 0)
    assert (tmp_path / "c" / "kst-29521-380_2019D06001.pdf").read_bytes() == api.files["a1"][0]


def test_a_malformed_listing_page_costs_that_listing_only(api, tmp_path):
    three_papers(api)
    api.add("29237", odata_document(api.base, "b1", "Afrikabeleid", "2023-04-01", volgnummer=201,
                                    nummer="2023D1", dossier=29237), make_pdf(SAHEL_LETTER))
    api.faults["/odata/Document?page=2&dossier=29521"] = [Reply("malformed")]
    summary = fetch(tmp_path / "c", [Dossier(29521), Dossier(29237)], client=client(), api_root=api.root)
    assert (summary.listed, summary.new, summary.failed) == (3, 3, 1)  # page 1 of 29521 and 29237
    (problem,) = rows(tmp_path / "c" / "fetch-problems.csv")
    assert problem["stage"] == "list" and problem["title"] == "dossier 29521"
    assert problem["reason"].startswith("malformed JSON page")
    assert "Kamerstukdossier" in problem["url"]


def test_a_listing_that_keeps_failing_is_a_problem_row(api, tmp_path):
    api.faults["/odata/Document?page=0&dossier=29521"] = [Reply(500)]
    summary = fetch(tmp_path / "c", [Dossier(29521)], client=client(retries=1), api_root=api.root)
    assert (summary.listed, summary.failed) == (0, 1)
    (problem,) = rows(tmp_path / "c" / "fetch-problems.csv")
    assert problem["reason"] == "gave up after 2 attempts (HTTP 500)"


def test_cli_fails_when_no_dossier_can_be_listed(api, tmp_path, capsys):
    api.faults["/odata/Document?page=0&dossier=29521"] = [Reply(503)]
    code = main(["fetch", "--api", api.root, "--dossier", "29521", "--output", str(tmp_path / "c"),
                 "--delay", "0", "--retries", "0", "--quiet"])
    assert code == 1
    assert "no dossier could be listed: dossier 29521: gave up after 1 attempt (HTTP 503)" in capsys.readouterr().err


def test_dates_and_kinds_go_into_the_query(api, tmp_path):
    three_papers(api)
    summary = fetch(tmp_path / "c", [Dossier(29521)], since=dt.date(2019, 3, 1), until=dt.date(2020, 6, 1),
                    types=["Verslag van een schriftelijk overleg"], client=client(), api_root=api.root)
    assert summary.new == 1
    assert api.requests_to("/files/") == ["/files/a3"]
    flt = query(Dossier(21501, "02"), dt.date(2019, 3, 1), dt.date(2020, 6, 1), "Brief regering")["$filter"]
    assert "Kamerstukdossier/any(d: d/Nummer eq 21501)" in flt and "d/Toevoeging eq '02'" in flt
    assert "Datum ge 2019-03-01T00:00:00Z" in flt and "Datum lt 2020-06-02T00:00:00Z" in flt
    assert "Soort eq 'Brief regering'" in flt and "Verwijderd eq false" in flt


def test_requests_are_spaced_by_the_delay(api, tmp_path):
    three_papers(api)
    c = Client(Politeness(delay=0.05))
    sent: list[float] = []
    get = c.session.get

    def timed_get(*args, **kw):
        sent.append(time.monotonic())
        return get(*args, **kw)

    c.session.get = timed_get
    fetch(tmp_path / "c", [Dossier(29521)], client=c, api_root=api.root)
    assert len(sent) == len(api.log) == 5
    assert min(b - a for a, b in zip(sent, sent[1:], strict=False)) >= 0.049


def test_a_dossier_addition_gives_the_kamerstuk_number(api, tmp_path):
    api.add("21501-02", odata_document(api.base, "c1", "Raad Buitenlandse Zaken", "2023-01-30", volgnummer=2602,
                                       nummer="2023D3", dossier=21501, toevoeging="02"), make_pdf(SAHEL_LETTER))
    fetch(tmp_path / "c", [parse_dossier("21501-02")], client=client(), api_root=api.root)
    (row,) = rows(tmp_path / "c" / "sources.csv")
    assert (row["file"], row["kamerstuk"]) == ("kst-21501-02-2602_2023D3.pdf", "21501-02-2602")


def test_fetched_corpus_builds_with_the_relevance_gate(api, tmp_path):
    three_papers(api)
    out = tmp_path / "corpus"
    fetch(out, [Dossier(29521)], client=client(), api_root=api.root)
    build(out, tmp_path / "tables", use_cache=False)
    docs = pd.read_parquet(tmp_path / "tables" / "documents.parquet").set_index("file")
    assert docs.loc["kst-29521-380_2019D06001.pdf", "relevant"]
    assert not docs.loc["kst-29521-381_2019D08002.docx", "relevant"]
    contributions = pd.read_parquet(tmp_path / "tables" / "contributions.parquet")
    assert set(contributions["file"]) == {"kst-29521-380_2019D06001.pdf", "2020D20003.pdf"}
    assert (contributions["personnel"] == 250).all()


def test_cli_fetch(api, tmp_path, capsys):
    three_papers(api)
    code = main(["fetch", "--api", api.root, "--dossier", "29521", "--output", str(tmp_path / "c"),
                 "--delay", "0", "--quiet", "--limit", "2"])
    assert code == 0
    assert capsys.readouterr().out.startswith("fetched 2 new papers")
    assert len(rows(tmp_path / "c" / "sources.csv")) == 2


@pytest.mark.parametrize(("args", "says"), [
    (["--dossier", "vredesmissies"], "not a dossier number"),
    (["--since", "1 maart"], "Invalid isoformat"),
    (["--type", "brief regeringen"], "did you mean: 'Brief regering'"),
])
def test_cli_fetch_refuses_bad_arguments(tmp_path, capsys, args, says):
    assert main(["fetch", "--output", str(tmp_path / "c"), *args]) == 2
    assert says in capsys.readouterr().err


def test_document_kinds_are_those_tkapi_knows():
    from sahel_analysis.fetch import parse_soort

    assert parse_soort("brief  REGERING") == "Brief regering"
    with pytest.raises(ValueError, match="not a document kind"):
        parse_soort("kamerbrief")


def test_the_default_dossiers_are_in_the_vocabulary():
    dossiers = default_dossiers()
    assert Dossier(29521) in dossiers and Dossier(21501, "02") in dossiers


@pytest.mark.parametrize(("value", "seconds"), [
    ("120", 120.0), (None, None), ("soon", None), ("Wed, 21 Oct 2015 07:28:00 GMT", 10.0)])
def test_retry_after(value, seconds):
    now = dt.datetime(2015, 10, 21, 7, 27, 50, tzinfo=dt.UTC).timestamp()
    assert retry_after(value, now=now) == seconds


def test_file_checks_and_names():
    pdf = make_pdf(["Een zin."])
    assert sniff(pdf) == "pdf" and check_file(pdf, "application/pdf") == "pdf"
    assert check_file(make_docx(["Een zin."]), "", DOCX_TYPE) == "docx"
    with pytest.raises(FetchError, match="truncated PDF"):
        check_file(pdf[:-20], "application/pdf")
    with pytest.raises(FetchError, match="old binary Word"):
        check_file(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "application/msword")
    with pytest.raises(FetchError, match="not a PDF or Word"):
        check_file(b"just some text", "")
    assert file_name("29521-412", "2020D1", "id", "pdf") == "kst-29521-412_2020D1.pdf"
    assert file_name("", "", "../../etc/x", "pdf") == "etc-x.pdf"


def _api_reachable() -> bool:
    try:
        socket.create_connection(("gegevensmagazijn.tweedekamer.nl", 443), timeout=5).close()
    except OSError:
        return False
    return True


@pytest.mark.network
def test_network_fetches_one_real_paper(request, tmp_path):
    if "network" not in (request.config.option.markexpr or ""):
        pytest.skip("reaches the real API: run with pytest -m network")
    if not _api_reachable():
        pytest.skip("the Tweede Kamer's open-data API cannot be reached from here")
    out = tmp_path / "corpus"
    summary = fetch(out, [Dossier(29521)], since=dt.date(2023, 1, 1), until=dt.date(2023, 12, 31),
                    types=["Brief regering"], limit=1)
    assert summary.listed > 0
    assert summary.new + summary.failed >= 1
    if summary.new:
        (row,) = rows(out / "sources.csv")
        assert row["kamerstuk"].startswith("29521-") and (out / row["file"]).stat().st_size > 1000
