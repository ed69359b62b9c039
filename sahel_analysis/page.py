"""The briefing page around the figures: title block, summary, method note, headline table, figures.

Pure functions returning HTML strings in the briefing's language. The quality figures of the
method note are read from ``templates/quality.yaml`` (one place, updated from ``evaluate``).
"""

from __future__ import annotations

import base64
import datetime as dt
from functools import cache
from pathlib import Path

import pandas as pd
import yaml

from . import wording
from .briefing import (
    ALL,
    ANNOUNCED,
    Footnotes,
    Params,
    Selection,
    dedupe,
    esc,
    event_line,
    happenings,
    label,
    latest_event,
    personnel_rows,
)

_QUALITY = Path(__file__).parent / "templates" / "quality.yaml"


@cache
def quality() -> dict:
    """The measured quality the method note cites (``templates/quality.yaml``)."""
    with open(_QUALITY, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def data_date(data_dir: Path, documents: pd.DataFrame, lang: str = "en") -> str:
    """One line on the data: number of documents, their date range, when tables were written."""
    path = Path(data_dir) / "documents.parquet"
    built = (wording.fmt_day(dt.date.fromtimestamp(path.stat().st_mtime), lang)
             if path.exists() else "?")
    windows = [w for w in (wording.parse_iso(d) for d in documents["date"]) if w]
    first = wording.fmt_window(*min(windows), lang) if windows else "?"
    last = wording.fmt_window(*max(windows), lang) if windows else "?"
    return label("data_line", lang, docs=len(documents), first=first, last=last, built=built)


def title_html(params: Params, data_dir: Path, documents: pd.DataFrame,
               heading: bool = False) -> str:
    """The title block: the parameters and the date of the data (and the title, if ``heading``).

    The briefing notebook's title is its first markdown cell (written in the briefing's
    language when it runs), so the block itself needs no heading there.
    """
    lang = params.lang
    mission = label("all_missions", lang) if params.mission == ALL else params.mission
    from .briefing import country_name

    years = wording.year_range(params.start, params.end, lang) or label("all_years", lang)
    rows = [(label("mission", lang), mission),
            (label("country", lang), country_name(params.country, lang)),
            (label("period", lang), years),
            (label("data", lang), data_date(data_dir, documents, lang))]
    cells = "".join(f'<tr><th scope="row">{esc(k)}</th><td>{esc(v)}</td></tr>' for k, v in rows)
    head = f"<h1>{esc(params.title())}</h1>" if heading else ""
    return f'<div class="titleblock">{head}<table class="params">{cells}</table></div>'


def _latest_ceiling(totals: pd.DataFrame) -> pd.Series | None:
    mandates = totals[totals["kind"] == "mandate"].sort_values(["t1", "t0"], na_position="first")
    return mandates.iloc[-1] if len(mandates) else None


def _nld_budgets(sel: Selection) -> pd.DataFrame:
    b = dedupe(sel.budgets[sel.budgets["funder"] == "NLD"])
    return b[[wording.plausible_eur(v) for v in b["amount_eur"]]]


def headlines(sel: Selection, notes: Footnotes) -> pd.DataFrame:
    """Headline figures as rows (figure, value, source reference HTML)."""
    lang = sel.params.lang
    rows: list[tuple[str, str, str]] = []
    nld = personnel_rows(sel)
    totals = nld[nld["component"] == "total"]
    for mission, grp in totals[totals["kind"] == "mandate"].groupby("mission"):
        last = _latest_ceiling(grp)
        value = f"{label(str(last['qualifier']), lang)} {wording.fmt_int(last['personnel'], lang)}"
        period = wording.fmt_period(last["period_start"], last["period_end"], lang)
        rows.append((f"{label('latest_mandate', lang)}: {mission}",
                     f"{value} ({period})" if period else value, notes.ref(last)))
    if len(totals):
        peak = totals.sort_values("personnel").iloc[-1]
        rows.append((f"{label('peak_personnel', lang)}: {peak['mission']}",
                     f"{label(str(peak['qualifier']), lang)} "
                     f"{wording.fmt_int(peak['personnel'], lang)} "
                     f"({wording.fmt_window(peak['t0'], peak['t1'], lang)})", notes.ref(peak)))
    budgets = _nld_budgets(sel)
    if len(budgets):
        big = budgets.sort_values("amount_eur").iloc[-1]
        rows.append((f"{label('largest_budget', lang)}: "
                     f"{wording.join(wording.names(big['recipient'], lang), lang)}",
                     wording.fmt_eur(big["amount_eur"], lang), notes.ref(big)))
        rows.append((label("total_budget", lang),
                     wording.fmt_eur(budgets["amount_eur"].sum(), lang), ""))
    rows.append((label("events_count", lang), wording.fmt_int(len(happenings(sel.events)),
                                                               lang), ""))
    last = latest_event(sel)
    if last is not None:
        rows.append((label("latest_event", lang),
                     f"{wording.fmt_window(last['t0'], last['t1'], lang)}: "
                     f"{event_line(last, lang)}",
                     notes.refs(sel.events.loc[last["rows"]])))
    return pd.DataFrame(rows, columns=["figure", "value", "source"])


def headlines_html(sel: Selection, notes: Footnotes) -> str:
    """The headline figures as an HTML table with footnote references."""
    df = headlines(sel, notes)
    rows = "".join(f'<tr><th scope="row">{esc(f)}</th><td>{esc(v)}{s}</td></tr>'
                   for f, v, s in df.itertuples(index=False))
    return f'<table class="headlines">{rows}</table>'


# ---------------------------------------------------------------- summary and method note


def summary_sentences(sel: Selection) -> list[str]:
    """Three to five sentences on the key figures, in the briefing's language."""
    lang, p = sel.params.lang, sel.params
    n_docs = len(sel.documents)
    out = [label("sum_scope", lang, subject=p.subject(), docs=wording.fmt_int(n_docs, lang))]
    nld = personnel_rows(sel)
    totals = nld[nld["component"] == "total"]
    if len(totals):
        peak = totals.sort_values("personnel").iloc[-1]
        out.append(label("sum_peak", lang, n=wording.fmt_int(peak["personnel"], lang),
                         mission=peak["mission"],
                         when=wording.fmt_window(peak["t0"], peak["t1"], lang)))
        ceiling = _latest_ceiling(totals)
        if ceiling is not None:
            out.append(label("sum_ceiling", lang, n=wording.fmt_int(ceiling["personnel"], lang),
                             mission=ceiling["mission"],
                             period=wording.fmt_period(ceiling["period_start"],
                                                       ceiling["period_end"], lang) or "?"))
    else:
        out.append(label("sum_no_personnel", lang))
    budgets = _nld_budgets(sel)
    if len(budgets):
        out.append(label("sum_budgets", lang, n=wording.fmt_int(len(budgets), lang),
                         total=wording.fmt_eur(budgets["amount_eur"].sum(), lang)))
    ev = happenings(sel.events)
    last = latest_event(sel)
    if last is not None:
        announced = int((ev["status"] == ANNOUNCED).sum())
        out.append(label("sum_events", lang, n=wording.fmt_int(len(ev), lang),
                         when=wording.fmt_window(last["t0"], last["t1"], lang),
                         what=_lower_first(event_line(last, lang)),
                         announced=wording.fmt_int(announced, lang)))
    return out[:5]


def _lower_first(text: str) -> str:
    """``Staatsgreep in Mali`` -> ``staatsgreep in Mali``; ``EU-besluit`` stays (an acronym)."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def summary_html(sel: Selection) -> str:
    """The summary paragraph (or a plain statement that the period holds no data)."""
    if sel.empty():
        return f'<p class="summary nodata">{esc(label("sum_empty", sel.params.lang))}</p>'
    return f'<p class="summary">{esc(" ".join(summary_sentences(sel)))}</p>'


def method_html(sel: Selection) -> str:
    """How the figures were made, how good that is, and how to check one."""
    lang = sel.params.lang
    q = quality()
    scores = q["scores"]
    text = label("method", lang, docs=wording.fmt_int(len(sel.documents), lang),
                 real=q["real_documents"], measured=wording.fmt_period(q["measured"],
                                                                     q["measured"], lang),
                 contributions=wording.number(scores["contributions"], lang, 2),
                 budgets=wording.number(scores["budgets"], lang, 2),
                 events=wording.number(scores["events"], lang, 2),
                 typed=wording.number(scores["events_typed"], lang, 2))
    return f'<p class="method">{esc(text)}</p>'


# ---------------------------------------------------------------- figures


def figure_html(png: bytes, caption: str, alt: str, width: int = 680) -> str:
    """A chart as ``<figure>`` with an alt text written from its data and a caption."""
    data = base64.b64encode(png).decode("ascii")
    return (f'<figure><img src="data:image/png;base64,{data}" alt="{esc(alt)}" '
            f'width="{width}"><figcaption>{esc(caption)}</figcaption></figure>')


def chart_html(kind: str, sel: Selection) -> str:
    """One of the briefing's charts (``personnel``, ``budget``, ``timeline``) as a figure."""
    from . import charts

    lang = sel.params.lang
    makers = {"personnel": (charts.personnel_chart, charts.personnel_alt, sel.contributions),
              "budget": (charts.budget_chart, charts.budget_alt, sel.budgets),
              "timeline": (charts.timeline_chart, charts.timeline_alt, sel.events)}
    chart, alt, df = makers[kind]
    return figure_html(charts.to_png(chart(df, lang)), label(f"caption_{kind}", lang),
                       alt(df, lang))
