"""Charts: named axes, legends, real PNG images, and a 'no data' figure for empty input."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from sahel_analysis import briefing, charts, tables
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
    assert {"maximum (ceiling)", "approximately", "exact", "MINUSMA"} <= set(labels)


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


def test_fmt_window_shows_precision() -> None:
    ts = pd.Timestamp
    assert briefing.fmt_window(ts("2022-05-01"), ts("2022-05-31")) == "2022-05"
    assert briefing.fmt_window(ts("2018-01-01"), ts("2018-12-31")) == "2018"
    assert briefing.fmt_window(ts("2022-02-17"), ts("2022-02-17")) == "2022-02-17"
    assert briefing.fmt_window(ts("2022-10-01"), ts("2022-10-10")) == "2022-10-01 – 2022-10-10"


def test_briefing_parts_survive_missing_values() -> None:
    """Rows with nothing but file and part (all else NA) render without errors."""
    rows = [{"file": "a.txt", "part": 1}]
    data = {name: tables.frame(name, rows if name != "problems" else []) for name in tables.TABLES}
    s = briefing.select(data, briefing.Params(lang="nl"))
    notes = briefing.Footnotes("nl")
    html = (briefing.headlines_html(s, notes) + briefing.key_events_html(s, notes)
            + briefing.table_html(briefing.budget_table(s, notes), "nl")
            + briefing.table_html(briefing.personnel_table(s, notes), "nl") + notes.html())
    assert "<table" in html
    for fig in _figures(s, "nl").values():
        assert charts.to_png(fig).startswith(b"\x89PNG")
    assert briefing.country_name(pd.NA, "en") == "(no country)"
    assert briefing.country_name("CIV; GHA", "en").count(",") == 1


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
