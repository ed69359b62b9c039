"""The sources manifest: good manifests, each kind of bad one, and what it does to a build."""

from __future__ import annotations

from pathlib import Path

import pytest

from sahel_analysis import load, sources
from sahel_analysis.cli import main
from sahel_analysis.pipeline import build

NEWS = """Helikopters keren terug uit Gao

De laatste vier helikopters van de Nederlandse luchtmacht zijn dinsdag teruggekeerd uit Gao. Vorige
maand sloot de eenheid haar werk voor de VN-missie in Mali af.
"""
LETTER = """Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 3 maart 2021

Hierbij informeer ik uw Kamer over de Nederlandse bijdrage aan MINUSMA. Op 1 februari jl. is een
eenheid van 60 militairen vertrokken naar Mali.

De Minister van Defensie,
A.B. Jansen
"""
HEADER = "file,url,title,doc_date,notes\n"


def _corpus(tmp_path: Path, manifest: str | bytes | None) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir(exist_ok=True)
    (folder / "nieuws.txt").write_text(NEWS, encoding="utf-8")
    (folder / "brief.txt").write_text(LETTER, encoding="utf-8")
    if manifest is not None:
        data = manifest.encode("utf-8") if isinstance(manifest, str) else manifest
        (folder / "sources.csv").write_bytes(data)
    return folder


def _reasons(manifest: sources.Manifest) -> list[str]:
    return [p["reason"] for p in manifest.problems]


# --- reading a manifest


def test_a_good_manifest_gives_one_entry_per_file_and_ignores_other_columns():
    data = (b"file,url,title,doc_date,doc_type,kamerstuk,published,notes\n"
            b"sub/a.txt,https://example.org/a,Titel A,2017-12,nieuwsbericht,,,iets\n"
            b"b.txt,,,2017,,\"29 521, nr. 456\",2018-01-05,\n"
            b"c.txt,,,,,,,\n")
    m = sources.parse(data, ["sub/a.txt", "b.txt", "c.txt"])
    assert m.problems == []
    assert m.get("sub/a.txt") == sources.Entry(file="sub/a.txt", url="https://example.org/a", title="Titel A",
                                               doc_date="2017-12", doc_type="nieuwsbericht")
    assert m.get("b.txt").kamerstuk == "29521-456"
    assert m.get("b.txt").date == "2017"  # doc_date before published
    assert m.get("c.txt").date == ""


def test_a_bare_file_name_finds_the_file_in_a_subfolder_where_it_is_unique():
    m = sources.parse(HEADER.encode() + b"a.txt,,,2020\n", ["sub/a.txt"])
    assert m.problems == [] and m.get("sub/a.txt").doc_date == "2020"
    m = sources.parse(HEADER.encode() + b"a.txt,,,2020\n", ["x/a.txt", "y/a.txt"])
    assert len(m.problems) == 1 and "unknown file 'a.txt'" in m.problems[0]["reason"]


@pytest.mark.parametrize("value, ok", [("2017-12-03", True), ("2017-12", True), ("2017", True),
                                       ("2017-13", False), ("2017-02-30", False), ("3 december 2017", False),
                                       ("17-12-03", False), ("2017/12/03", False)])
def test_manifest_dates_are_a_day_a_month_or_a_year(value, ok):
    assert sources.valid_date(value) is ok


def test_each_fault_is_one_problem_row_and_the_rest_is_used():
    data = (HEADER + "a.txt,,,2019-02-31,\n"        # bad date
            "zz.txt,,,2019,\n"                      # unknown file
            "b.txt,,,2019-05,\n"
            "b.txt,,,2019-06,\n"                    # second row of b.txt
            "c.txt,ftp:/x,,2018,\n"                 # bad url
            ).encode()
    m = sources.parse(data, ["a.txt", "b.txt", "c.txt"], label="sources.csv")
    reasons = _reasons(m)
    assert len(reasons) == 4, reasons
    assert any("line 2: bad doc_date '2019-02-31'" in r for r in reasons)
    assert any("line 3: unknown file 'zz.txt'" in r for r in reasons)
    assert any("line 5: second row for 'b.txt' (the row on line 4 is used)" in r for r in reasons)
    assert any("bad url 'ftp:/x'" in r for r in reasons)
    assert all(p["file"] == "sources.csv" and p["stage"] == "sources" for p in m.problems)
    assert m.get("a.txt").doc_date == ""  # the bad value is dropped, the row kept
    assert m.get("b.txt").doc_date == "2019-05"
    assert m.get("c.txt").doc_date == "2018" and m.get("c.txt").url == ""


def test_missing_columns_are_one_row_each_and_without_file_nothing_is_used():
    m = sources.parse(b"file,doc_date\na.txt,2020\n", ["a.txt"])
    assert len(m.problems) == 2
    assert {r.split("'")[1] for r in _reasons(m)} == {"url", "title"}
    assert m.get("a.txt").doc_date == "2020"
    m = sources.parse(b"name,url,title,doc_date\na.txt,,,2020\n", ["a.txt"])
    assert _reasons(m) == ["manifest has no column 'file' (needs file, url, title, doc_date)"]
    assert m.entries == {}


def test_a_manifest_in_another_encoding_is_one_problem_and_still_read():
    data = (HEADER + "a.txt,,Bijdrage aan de missie in Mali: één jaar,2020\n").encode("cp1252")
    m = sources.parse(data, ["a.txt"])
    assert len(m.problems) == 1 and "not UTF-8" in m.problems[0]["reason"]
    assert m.get("a.txt").title.endswith("één jaar")


def test_bad_doc_type_and_kamerstuk_values_are_problems():
    data = (b"file,url,title,doc_date,doc_type,kamerstuk\n"
            b"a.txt,,,,brief,nummer vijf\n")
    m = sources.parse(data, ["a.txt"])
    assert len(m.problems) == 2
    assert m.get("a.txt").doc_type == "" and m.get("a.txt").kamerstuk == ""


@pytest.mark.parametrize("value, number", [("29521-456", "29521-456"), ("29 521, nr. 456", "29521-456"),
                                           ("kst-21501-02-1240", "21501-02-1240"),
                                           ("35 570 V, nr. 9", "35570-V-9"), ("29521-AB", "29521-AB")])
def test_kamerstuk_numbers_are_normalised(value, number):
    assert sources.normal_kamerstuk(value) == number


# --- what a manifest does to a build


def test_an_undated_page_takes_the_manifest_date_as_its_date_and_reference(tmp_path):
    folder = _corpus(tmp_path, HEADER + "nieuws.txt,https://example.org/n/1,Terug uit Gao,2019-06-14,\n")
    summary = build(folder, tmp_path / "out", use_cache=False)
    tables = load(tmp_path / "out")
    docs = tables["documents"].set_index("file")
    news = docs.loc["nieuws.txt"]
    assert (news["date"], bool(news["date_known"]), news["date_source"]) == ("2019-06-14", False, "manifest")
    assert news["url"] == "https://example.org/n/1"
    assert news["title"] == "Helikopters keren terug uit Gao" and news["title_source"] == "text"
    assert news["source_title"] == "Terug uit Gao"
    letter = docs.loc["brief.txt"]
    assert (letter["date"], bool(letter["date_known"]), letter["date_source"]) == ("2021-03-03", True, "text")
    assert letter["url"] == ""
    # 'vorige maand' resolves against the manifest's date
    events = tables["events"]
    month = events[(events["file"] == "nieuws.txt") & events["quote"].str.contains("Vorige maand")]
    assert list(zip(month["date_start"], month["date_end"], strict=True)) == [("2019-05-01", "2019-05-31")]
    assert summary.files == 2  # the manifest is no document
    assert tables["problems"].empty


def test_without_a_manifest_the_same_page_has_no_date_and_no_such_event(tmp_path):
    folder = _corpus(tmp_path, None)
    build(folder, tmp_path / "out", use_cache=False)
    tables = load(tmp_path / "out")
    news = tables["documents"].set_index("file").loc["nieuws.txt"]
    assert news["date"] in ("", None) or news["date_source"] == "bound"
    assert not tables["events"]["date_start"].astype(str).str.startswith("2019-05").any()


def test_a_month_or_year_serves_as_a_bound(tmp_path):
    folder = _corpus(tmp_path, HEADER + "nieuws.txt,,,2019-06,\n")
    build(folder, tmp_path / "out", use_cache=False)
    news = load(tmp_path / "out")["documents"].set_index("file").loc["nieuws.txt"]
    assert (news["date"], bool(news["date_known"])) == ("2019-06", False)


def test_a_printed_date_wins_and_a_contradiction_is_a_problem(tmp_path):
    folder = _corpus(tmp_path, HEADER + "brief.txt,,,2020-12,\n")
    build(folder, tmp_path / "out", use_cache=False)
    tables = load(tmp_path / "out")
    letter = tables["documents"].set_index("file").loc["brief.txt"]
    assert letter["date"] == "2021-03-03" and letter["date_source"] == "text"
    problems = tables["problems"]
    assert len(problems) == 1
    row = problems.iloc[0]
    assert row["file"] == "brief.txt" and row["part"] == 1 and row["stage"] == "sources"
    assert "2020-12" in row["reason"] and "2021-03-03" in row["reason"]


def test_a_manifest_date_within_a_month_of_the_printed_one_is_no_problem(tmp_path):
    folder = _corpus(tmp_path, HEADER + "brief.txt,,,2021-02,\n")
    build(folder, tmp_path / "out", use_cache=False)
    assert load(tmp_path / "out")["problems"].empty
    assert sources.apart("2021-03-03", "2021-01-15")
    assert not sources.apart("2021-03-03", "2021-01")  # its last day is a month before
    assert not sources.apart("2021-03-03", "2021-02-05")


def test_a_bad_manifest_never_stops_the_build(tmp_path):
    folder = _corpus(tmp_path, b"file;datum\n\xff\xfe nonsense,,,\n")
    summary = build(folder, tmp_path / "out", use_cache=False)
    tables = load(tmp_path / "out")
    assert len(tables["documents"]) == 2 and summary.documents == 2
    manifest_rows = tables["problems"][tables["problems"]["file"] == "sources.csv"]
    assert len(manifest_rows) >= 2  # the encoding and the missing file column at least
    assert summary.problems == len(tables["problems"])


def test_the_manifest_kamerstuk_and_doc_type_fill_what_the_text_lacks(tmp_path):
    data = ("file,url,title,doc_date,doc_type,kamerstuk\n"
            "nieuws.txt,,,2019-06-14,nota,29521-999\n")
    folder = _corpus(tmp_path, data)
    build(folder, tmp_path / "out", use_cache=False)
    news = load(tmp_path / "out")["documents"].set_index("file").loc["nieuws.txt"]
    assert (news["kamerstuk"], news["doc_type"]) == ("29521-999", "nota")


def test_a_changed_manifest_rebuilds_only_the_documents_it_changes(tmp_path):
    folder = _corpus(tmp_path, HEADER + "nieuws.txt,,,2019-06-14,\nbrief.txt,,,2021-03-03,\n")
    out = tmp_path / "out"
    assert build(folder, out).cached == 0
    assert build(folder, out).cached == 2
    (folder / "sources.csv").write_text(HEADER + "nieuws.txt,,,2018-02-01,\nbrief.txt,,,2021-03-03,\n",
                                        encoding="utf-8")
    third = build(folder, out)
    assert third.cached == 1
    docs = load(out)["documents"].set_index("file")
    assert docs.loc["nieuws.txt", "date"] == "2018-02-01"


def test_cli_build_takes_a_manifest_from_elsewhere(tmp_path, capsys):
    folder = _corpus(tmp_path, None)
    manifest = tmp_path / "mine.csv"
    manifest.write_text(HEADER + "nieuws.txt,https://example.org/x,,2019-06-14,\n", encoding="utf-8")
    code = main(["build", "--input", str(folder), "--output", str(tmp_path / "out"), "--quiet",
                 "--sources", str(manifest)])
    assert code == 0
    news = load(tmp_path / "out")["documents"].set_index("file").loc["nieuws.txt"]
    assert news["url"] == "https://example.org/x" and news["date"] == "2019-06-14"


def test_a_missing_manifest_file_is_a_problem_not_a_stop(tmp_path):
    folder = _corpus(tmp_path, None)
    summary = build(folder, tmp_path / "out", use_cache=False, sources_file=tmp_path / "nope.csv")
    problems = load(tmp_path / "out")["problems"]
    assert summary.documents == 2
    assert problems["reason"].str.contains("manifest cannot be read").sum() == 1


def test_search_shows_the_address_of_each_hit(tmp_path):
    from sahel_analysis.search import search

    folder = _corpus(tmp_path, HEADER + "nieuws.txt,https://example.org/n/1,,2019-06-14,\n")
    build(folder, tmp_path / "out", use_cache=False)
    hits = search("helikopters", tmp_path / "out").set_index("file")
    assert set(hits.loc[["nieuws.txt"], "url"]) == {"https://example.org/n/1"}
    assert "url" in search("MINUSMA", tmp_path / "out").columns


REALDEV = Path(__file__).resolve().parents[2] / "shared" / "realdev"


@pytest.mark.skipif(not (REALDEV / "docs").is_dir(), reason=f"real documents not found at {REALDEV}")
def test_realdev_with_its_manifest_dates_every_document(tmp_path):
    from sahel_analysis.evaluate import read_gold, score_documents

    summary = build(REALDEV / "docs", tmp_path / "out", use_cache=False, sources_file=REALDEV / "sources.csv")
    tables = load(tmp_path / "out")
    scores = score_documents(read_gold(REALDEV / "gold")["documents"], tables["documents"])
    assert scores["documents found"] == 1.0 and scores["date"] == 1.0
    problems = tables["problems"]
    assert problems[problems["stage"] == "sources"].empty  # the manifest is clean and agrees with the texts
    assert summary.files == len(list((REALDEV / "docs").iterdir()))
    assert tables["documents"]["url"].str.startswith("http").all()


@pytest.mark.parametrize("url, number", [
    ("https://zoek.officielebekendmakingen.nl/kst-21501-02-1240.html", "21501-02-1240"),
    ("https://zoek.officielebekendmakingen.nl/kst-35570-V-9.html", "35570-V-9"),
    ("https://zoek.officielebekendmakingen.nl/kst-29521-AB.html", "29521-AB"),
    ("https://zoek.officielebekendmakingen.nl/ah-tk-20122013-712.html", ""),
    ("https://www.example.org/nieuws/29521-456", ""),
])
def test_an_official_address_gives_the_kamerstuk_number(url, number):
    assert sources.kamerstuk_of_url(url) == number


def test_the_address_fills_the_kamerstuk_where_the_text_prints_none(tmp_path):
    folder = _corpus(tmp_path, HEADER + "nieuws.txt,https://zoek.officielebekendmakingen.nl/kst-12345-67.html,,2019,\n")
    build(folder, tmp_path / "out", use_cache=False)
    assert load(tmp_path / "out")["documents"].set_index("file").loc["nieuws.txt", "kamerstuk"] == "12345-67"


@pytest.mark.parametrize("url, day", [
    ("https://www.example.org/actueel/nieuws/2018/03/15/minister-naar-gao", "2018-03-15"),
    ("https://www.example.org/a/2019-05-24-titel", "2019-05-24"),
    ("https://www.example.org/b_20170203.html", "2017-02-03"),
    ("https://www.example.org/2018/13/45/titel", ""),
    ("https://zoek.officielebekendmakingen.nl/kst-21501-02-1240.html", ""),
])
def test_a_day_in_the_address(url, day):
    assert sources.date_of_url(url) == day


def test_the_address_dates_a_page_where_the_manifest_gives_no_date(tmp_path):
    folder = _corpus(tmp_path, HEADER + "nieuws.txt,https://www.example.org/nieuws/2019/06/14/gao,,,\n")
    build(folder, tmp_path / "out", use_cache=False)
    news = load(tmp_path / "out")["documents"].set_index("file").loc["nieuws.txt"]
    assert (news["date"], bool(news["date_known"]), news["date_source"]) == ("2019-06-14", False, "page metadata")


def test_comment_lines_are_skipped_and_line_numbers_still_hold():
    data = (b"# written by hand\n# file: the document\n" + HEADER.encode() +
            b"# a note between rows\na.txt,,,2019-13,\n")
    m = sources.parse(data, ["a.txt"])
    assert _reasons(m) == ["line 5: bad doc_date '2019-13' for 'a.txt' (use 2017-12-03, 2017-12 or 2017)"]
    assert "a.txt" in m.entries
