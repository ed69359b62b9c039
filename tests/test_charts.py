"""Charts: named axes, legends, real PNG images, and a 'no data' figure for empty input."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sahel_analysis import briefing, charts, page, tables
from tests import gold_data


@pytest.fixture(scope="module")
def sel(tmp_path_factory: pytest.TempPathFactory) -> briefing.Selection:
    data = tables.load(gold_data.build(tmp_path_factory.mktemp("data")))
    return briefing.select(data, briefing.Params())


@pytest.fixture(scope="module")
def empty() -> briefing.Selection:
    data = {name: tables.frame(name) for name in tables.TABLES}
    return briefing.select(data, briefing.Params(mission="MINUSMA", lang="nl"))


def _texts(fig) -> str:  # noqa: ANN001
    return " ".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))


def _figures(s: briefing.Selection, lang: str) -> dict:
    return {
        "personnel": charts.personnel_chart(s.contributions, lang),
        "units": charts.units_chart(s.contributions, 2018, lang),
        "budgets": charts.budget_chart(s.budgets, lang),
        "timeline": charts.timeline_chart(s.events, lang),
        "doc_types": charts.doc_types_chart(s.documents, lang),
    }


def test_charts_have_axis_labels_and_legends(sel: briefing.Selection) -> None:
    for name, fig in _figures(sel, "en").items():
        ax = fig.axes[0]
        assert ax.get_xlabel() and ax.get_title(), name
        if name in ("personnel", "budgets", "timeline", "units"):
            assert ax.get_legend() is not None, name
            assert ax.get_ylabel(), name


def test_personnel_chart_marks_qualifiers(sel: briefing.Selection) -> None:
    fig = charts.personnel_chart(sel.contributions, "en")
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert {"maximum (ceiling)", "approximately", "exact",
            "MINUSMA (whole contribution)"} <= set(labels)


def test_labels_follow_the_language(sel: briefing.Selection) -> None:
    fig = charts.budget_chart(sel.budgets, "nl")
    assert fig.axes[0].get_ylabel() == "miljoen euro"
    assert "jaarlijks" in _texts(fig)


def test_timeline_draws_a_month_wide_event_a_month_wide() -> None:
    events = tables.frame("events", [
        {"file": "a.txt", "part": 1, "date_start": "2022-05-01", "date_end": "2022-05-31",
         "event_type": "attack", "country": "MLI", "summary": "x"},
        {"file": "a.txt", "part": 1, "date_start": "2022-07-14", "date_end": "2022-07-14",
         "event_type": "coup", "country": "MLI", "summary": "y"},
    ])
    docs = tables.frame("documents", [{"file": "a.txt", "part": 1, "date": "2022-08-01"}])
    ev = briefing.fact_window(briefing.with_documents(events, docs), "date_start", "date_end")
    fig = charts.timeline_chart(ev, "en")
    bars = [c for c in fig.axes[0].collections if len(c.get_paths())]
    widths = [p.get_extents().width for c in bars for p in c.get_paths()]
    assert any(30 <= w <= 32 for w in widths)  # matplotlib dates are in days


def test_empty_tables_give_no_data_figures(empty: briefing.Selection) -> None:
    for name, fig in _figures(empty, "nl").items():
        assert "geen gegevens" in _texts(fig), name
        assert charts.to_png(fig).startswith(b"\x89PNG"), name


def test_to_png_is_a_real_image(sel: briefing.Selection, tmp_path: Path) -> None:
    png = charts.to_png(charts.personnel_chart(sel.contributions, "en"), dpi=100)
    assert png.startswith(b"\x89PNG") and len(png) > 10_000
    assert charts.image(charts.doc_types_chart(sel.documents)).format == "png"


def test_fmt_window_shows_precision_in_words() -> None:
    ts = pd.Timestamp
    assert briefing.fmt_window(ts("2022-05-01"), ts("2022-05-31")) == "May 2022"
    assert briefing.fmt_window(ts("2022-05-01"), ts("2022-05-31"), "nl") == "mei 2022"
    assert briefing.fmt_window(ts("2018-01-01"), ts("2018-12-31")) == "2018"
    assert briefing.fmt_window(ts("2022-02-17"), ts("2022-02-17"), "nl") == "17 februari 2022"
    assert briefing.fmt_window(ts("2022-10-01"), ts("2022-10-10"), "nl") == "1–10 oktober 2022"


def test_briefing_parts_survive_missing_values() -> None:
    """Rows with nothing but file and part (all else NA) render without errors."""
    rows = [{"file": "a.txt", "part": 1}]
    data = {name: tables.frame(name, rows if name != "problems" else []) for name in tables.TABLES}
    s = briefing.select(data, briefing.Params(lang="nl"))
    notes = briefing.Footnotes("nl")
    html = (page.headlines_html(s, notes) + briefing.key_events_html(s, notes)
            + briefing.table_html(briefing.budget_table(s, notes), "nl")
            + briefing.table_html(briefing.personnel_table(s, notes), "nl") + notes.html())
    assert "<table" in html
    for fig in _figures(s, "nl").values():
        assert charts.to_png(fig).startswith(b"\x89PNG")
    assert briefing.country_name(pd.NA, "en") == "(no country)"
    assert briefing.country_name("CIV; GHA", "en") == "Côte d’Ivoire and Ghana"
    assert briefing.country_name("CIV; GHA", "nl") == "Ivoorkust en Ghana"


def test_a_single_statement_gets_a_date_axis_of_years_not_hours():
    import matplotlib.dates as mdates
    import pandas as pd

    from sahel_analysis import charts
    from sahel_analysis.tables import frame

    df = frame("contributions", [{"file": "a.txt", "part": 1, "contributor": "NLD", "mission": "Takuba",
                                  "component": "total", "personnel": 2, "qualifier": "max",
                                  "period_end": "2022-12-31", "kind": "mandate"}])
    df["t0"] = pd.Timestamp("2022-12-31")
    df["t1"] = pd.Timestamp("2022-12-31")
    fig = charts.personnel_chart(df)
    lo, hi = fig.axes[0].get_xlim()
    assert hi - lo >= 700
    assert mdates.num2date(hi).year - mdates.num2date(lo).year >= 1


def _contrib(rows: list[dict]) -> pd.DataFrame:
    df = tables.frame("contributions", [{"file": "a.txt", "part": 1, "contributor": "NLD",
                                         "qualifier": "approx", "kind": "actual", **r}
                                        for r in rows])
    docs = tables.frame("documents", [{"file": "a.txt", "part": 1, "date": "2018-03-01"}])
    return briefing.fact_window(briefing.with_documents(df, docs), "period_start", "period_end")


def test_a_units_figure_is_not_drawn_as_the_missions_total() -> None:
    df = _contrib([
        {"mission": "MINUSMA", "component": "total", "personnel": 250,
         "period_start": "2018-01-01", "period_end": "2018-12-31"},
        {"mission": "MINUSMA", "component": "long-range reconnaissance unit", "personnel": 150,
         "period_start": "2018-01-01", "period_end": "2018-12-31"}])
    ax = charts.personnel_chart(df, "nl").axes[0]
    lines = [ln for ln in ax.get_lines() if len(ln.get_xdata()) == 2]  # period lines
    assert [float(ln.get_ydata()[0]) for ln in lines] == [250.0]  # only the whole is a line
    crosses = [ln for ln in ax.get_lines() if ln.get_marker() == "x"]
    assert [float(c.get_ydata()[0]) for c in crosses] == [150.0]
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "verkenningseenheid voor lange afstand" in texts  # the unit, labelled in Dutch
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "cijfer van één eenheid (niet het geheel)" in legend
    alt = charts.personnel_alt(df, "nl")
    assert "MINUSMA" in alt and "250" in alt and "1 cijfers van eenheden" in alt


def _budgets(rows: list[dict]) -> pd.DataFrame:
    df = tables.frame("budgets", [{"file": "a.txt", "part": 1, "currency": "EUR", **r}
                                  for r in rows])
    docs = tables.frame("documents", [{"file": "a.txt", "part": 1, "date": "2019-05-01"}])
    return briefing.fact_window(briefing.with_documents(df, docs), "period_start", "period_end")


def test_a_budget_for_several_years_is_spread_and_funders_kept_apart() -> None:
    df = _budgets([
        {"funder": "EU", "recipient": "MLI", "amount": 700e6, "amount_eur": 700e6,
         "per_year": False, "period_start": "2014-01-01", "period_end": "2020-12-31"},
        {"funder": "NLD", "recipient": "MLI", "amount": 5e6, "amount_eur": 5e6,
         "per_year": True, "period_start": "2019-01-01", "period_end": "2020-12-31"},
        {"funder": "NLD", "recipient": "MLI", "amount": float("inf"), "amount_eur": float("inf"),
         "per_year": False}])
    spread = charts.spread_budgets(df)
    eu = spread[spread["funder"] == "EU"].set_index("year")["mln"]
    assert list(eu.index) == list(range(2014, 2021)) and all(abs(v - 100) < 1e-9 for v in eu)
    nld = spread[spread["funder"] == "NLD"].set_index("year")["mln"]
    assert dict(nld) == {2019: 5.0, 2020: 5.0}  # yearly: the whole amount in each year
    fig = charts.budget_chart(df, "nl")
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend[:2] == ["Europese Unie", "Nederland"]
    assert "inf" not in _texts(fig)
    assert "Europese Unie € 700,0 mln" in charts.budget_alt(df, "nl")


def test_date_ticks_are_in_the_briefings_language() -> None:
    import matplotlib.dates as mdates

    may = mdates.date2num(pd.Timestamp("2022-05-01"))
    assert charts.date_tick(may, "nl") == "mei\n2022"
    assert charts.date_tick(may, "en") == "May\n2022"
    assert charts.date_tick(mdates.date2num(pd.Timestamp("2022-10-15")), "nl") == "15 okt"
    assert charts.date_tick(mdates.date2num(pd.Timestamp("2023-01-01")), "nl") == "2023"


def test_timeline_leaves_out_windows_of_many_years_and_alt_text_counts() -> None:
    events = tables.frame("events", [
        {"file": "a.txt", "part": 1, "date_start": "2007-01-01", "date_end": "2022-12-31",
         "event_type": "exercise", "country": "BFA"},
        {"file": "a.txt", "part": 1, "date_start": "2022-07-14", "date_end": "2022-07-14",
         "event_type": "coup", "country": "MLI"}])
    docs = tables.frame("documents", [{"file": "a.txt", "part": 1, "date": "2022-08-01"}])
    ev = briefing.fact_window(briefing.with_documents(events, docs), "date_start", "date_end")
    assert list(charts.timeline_events(ev)["event_type"]) == ["coup"]
    alt = charts.timeline_alt(ev, "nl")
    assert "1 × staatsgreep" in alt and "Mali" in alt and "oefening" not in alt
