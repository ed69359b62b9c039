"""Charts for the notebooks and briefings: functions that take DataFrames, return Figures.

Every chart names its axes, has a legend where colours or markers carry meaning, and shows a
"no data" figure when its input is empty. Sized for an A4 page (about 7 x 3.5 inches).
"""

from __future__ import annotations

import io

import matplotlib as mpl
import matplotlib.dates as mdates
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from . import wording
from .briefing import ANNOUNCED, dedupe, label

# Events dated only to a window longer than this are not drawn on the timeline (a span such as
# "from 2007 to 2022" says when something held, not when it happened); mandates are drawn.
MAX_EVENT_DAYS = 730
MAX_UNIT_LABELS = 4  # unit figures labelled on the personnel chart; more: crosses only

WIDTH = 7.2
MARKERS = {"max": "v", "approx": "o", "exact": "s"}
LINESTYLES = {"max": "--", "approx": ":", "exact": "-"}
EVENT_COLOURS = {
    "coup": "#d62728", "attack": "#8c2d04", "national_mandate": "#ff7f0e",
    "un_mandate": "#1f77b4", "eu_decision": "#17becf", "withdrawal": "#9467bd",
    "handover": "#e377c2", "agreement": "#2ca02c", "election": "#bcbd22",
    "diplomatic": "#7f7f7f", "exercise": "#8c564b", "other": "#c7c7c7",
}
# Funders keep one colour in every budget chart; others take the next free colour of tab10.
FUNDER_COLOURS = {"NLD": "#ff7f0e", "EU": "#1f77b4", "DEU": "#2ca02c", "UN": "#17becf",
                  "FRA": "#9467bd", "USA": "#8c564b"}
STYLE = {"font.size": 9, "axes.titlesize": 10, "legend.fontsize": 8,
         "axes.spines.top": False, "axes.spines.right": False}
mpl.rcParams.update(STYLE)


def _figure(height: float) -> tuple[Figure, Axes]:
    """A pyplot-free figure (no global state, nothing shown by itself) and its axes."""
    fig = Figure(figsize=(WIDTH, height))
    return fig, fig.subplots()


def _cmap(name: str):  # noqa: ANN202
    return mpl.colormaps[name]


def to_png(fig: Figure, dpi: int = 150) -> bytes:
    """The figure as PNG bytes (tight bounding box); the figure is closed afterwards."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
    return buf.getvalue()


def image(fig: Figure, width: int = 680):  # noqa: ANN201 - IPython.display.Image
    """The figure as an embedded PNG image for a notebook output (a real image in HTML/PDF)."""
    from IPython.display import Image

    return Image(data=to_png(fig), format="png", width=width)


def no_data(title: str, lang: str = "en", height: float = 1.2) -> Figure:
    """A small figure that says there is no data for this chart."""
    fig, ax = _figure(height)
    ax.set_axis_off()
    ax.set_title(title)
    ax.text(0.5, 0.4, label("no_data", lang), ha="center", va="center", fontsize=11,
            color="#555555", transform=ax.transAxes)
    return fig


def date_tick(value: float, lang: str) -> str:
    """An axis tick in the briefing's language: ``2022``, ``mrt 2022`` / ``Mar 2022``, ``15 mrt``."""
    day = mdates.num2date(value)
    if day.month == 1 and day.day == 1:
        return str(day.year)
    if day.day == 1:
        return f"{wording.month(day.month, lang, abbreviated=True)}\n{day.year}"
    return f"{day.day} {wording.month(day.month, lang, abbreviated=True)}"


def _date_axis(ax: Axes, lang: str = "en") -> None:
    lo, hi = ax.get_xlim()
    if hi - lo < 730:  # a few statements close together: show them on a two-year axis, not in hours
        mid = (lo + hi) / 2
        ax.set_xlim(mid - 365, mid + 365)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: date_tick(v, lang)))


def _spans(df: pd.DataFrame) -> pd.DataFrame:
    """Rows that have a time window; ``t1`` moved to the end of its day (inclusive windows)."""
    out = df[df["t0"].notna()].copy()
    out["t1"] = out["t1"].fillna(out["t0"]) + pd.Timedelta(days=1)
    return out


def _personnel(contributions: pd.DataFrame, contributor: str) -> pd.DataFrame:
    df = dedupe(contributions[contributions["contributor"] == contributor])
    return _spans(df[df["personnel"].notna()])


def personnel_chart(contributions: pd.DataFrame, lang: str = "en", contributor: str = "NLD",
                    title: str | None = None) -> Figure:
    """Personnel per mission over time: one line per statement, from period start to end.

    A mission's whole contribution (component ``total``) is a line coloured by mission; marker
    and line style = qualifier (max: dashed with a down triangle, approx: dotted with a circle,
    exact: solid with a square). A unit's or role's own figure is never drawn as if it were the
    whole: it is a grey cross labelled with the unit. Needs the ``t0``/``t1`` columns of
    :func:`sahel_analysis.briefing.fact_window`.
    """
    title = title or label("personnel_title", lang)
    df = _personnel(contributions, contributor)
    if df.empty:
        return no_data(title, lang)
    totals, units = df[df["component"] == "total"], df[df["component"] != "total"]
    fig, ax = _figure(3.8)
    cmap = _cmap("tab10")
    missions = sorted(totals["mission"].dropna().unique())
    for i, mission in enumerate(missions):
        colour = cmap(i % 10)
        for rec in totals[totals["mission"] == mission].itertuples(index=False):
            q = rec.qualifier if rec.qualifier in MARKERS else "exact"
            ax.plot([rec.t0, rec.t1], [rec.personnel, rec.personnel], color=colour,
                    linestyle=LINESTYLES[q], linewidth=2)
            ax.plot([rec.t0], [rec.personnel], marker=MARKERS[q], color=colour,
                    markerfacecolor="white" if q == "approx" else colour, markersize=6)
    for k, rec in enumerate(units.sort_values("t0").itertuples(index=False)):
        ax.plot([rec.t0], [rec.personnel], marker="x", color="#777777", markersize=5)
        if len(units) > MAX_UNIT_LABELS:  # the table below names them; labels would overlap
            continue
        ax.annotate(f"{rec.mission}: {wording.component(rec.component, lang)}",
                    (mdates.date2num(rec.t0), float(rec.personnel)), xytext=(4, 2 + 9 * (k % 2)),
                    textcoords="offset points", fontsize=6, color="#555555")
    values = df["personnel"].astype(float)
    if values.max() / max(values.min(), 1) > 30:
        ax.set_yscale("log")
        ax.set_ylabel(label("personnel_log", lang))
    else:
        ax.set_ylim(0, values.max() * 1.15)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylabel(label("personnel_axis", lang))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: wording.fmt_int(v, lang)))
    ax.set_xlabel(label("date", lang))
    ax.set_title(title)
    ax.grid(axis="y", alpha=0.3)
    _date_axis(ax, lang)
    handles = [Line2D([], [], color=cmap(i % 10), linewidth=2,
                      label=f"{m} ({label('whole', lang)})") for i, m in enumerate(missions)]
    handles += [Line2D([], [], color="black", linestyle=LINESTYLES[q], marker=MARKERS[q],
                       markerfacecolor="white" if q == "approx" else "black",
                       label=label(q, lang)) for q in MARKERS]
    if len(units):
        handles.append(Line2D([], [], color="#777777", marker="x", linestyle="none",
                              label=label("unit_figure", lang)))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig.tight_layout()
    return fig


def personnel_alt(contributions: pd.DataFrame, lang: str = "en", contributor: str = "NLD") -> str:
    """An alt text for :func:`personnel_chart`, written from its data."""
    df = _personnel(contributions, contributor)
    if df.empty:
        return label("no_data", lang)
    totals = df[df["component"] == "total"]
    bits = []
    for mission, grp in totals.groupby("mission"):
        peak = grp.sort_values("personnel").iloc[-1]
        bits.append(label("alt_personnel_mission", lang, mission=mission,
                          n=len(grp), peak=wording.fmt_int(peak["personnel"], lang),
                          when=wording.fmt_window(peak["t0"], peak["t1"] - pd.Timedelta(days=1),
                                                  lang)))
    units = len(df) - len(totals)
    head = label("alt_personnel", lang, first=int(df["t0"].dt.year.min()),
                 last=int(df["t1"].dt.year.max()), units=units)
    return head + " " + "; ".join(bits) + "."


def units_chart(contributions: pd.DataFrame, year: int, lang: str = "en",
                contributor: str = "NLD") -> Figure:
    """Units and roles of one contributor in ``year`` (bars coloured by qualifier)."""
    title = label("units_title", lang, year=year)
    df = dedupe(contributions[(contributions["contributor"] == contributor)
                              & (contributions["component"] != "total")])
    lo, hi = pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31)
    df = df[(df["t0"] <= hi) & (df["t1"] >= lo) & df["personnel"].notna()]
    if df.empty:
        return no_data(title, lang)
    df = df.sort_values("personnel").drop_duplicates(["mission", "component"], keep="last")
    names = [f"{m}: {wording.component(c, lang)}"
             for m, c in zip(df["mission"], df["component"], strict=True)]
    colours = {"max": "#ff7f0e", "approx": "#1f77b4", "exact": "#2ca02c"}
    fig, ax = _figure(0.9 + 0.32 * len(df))
    ax.barh(names, df["personnel"].astype(float),
            color=[colours.get(q, "#7f7f7f") for q in df["qualifier"]])
    for y, v in enumerate(df["personnel"]):
        ax.text(float(v), y, f" {int(v)}", va="center", fontsize=8)
    ax.set_xlabel(label("personnel_axis", lang))
    ax.set_ylabel(label("component", lang))
    ax.set_title(title)
    ax.legend(handles=[Patch(color=c, label=label(q, lang)) for q, c in colours.items()],
              loc="lower right", frameon=False)
    fig.tight_layout()
    return fig


def spread_budgets(budgets: pd.DataFrame) -> pd.DataFrame:
    """Euro amounts as rows per year (``year``, ``mln``), repeated statements once.

    An amount for several years (``2014-2020``) is spread evenly over them; a yearly amount
    (``per_year``) counts in full for each year of its period; absurd amounts are left out.
    """
    df = dedupe(budgets[budgets["t0"].notna()])
    df = df[[wording.plausible_eur(v) for v in df["amount_eur"]]]
    rows = []
    for _, r in df.iterrows():
        years = list(range(r["t0"].year, (r["t1"] if pd.notna(r["t1"]) else r["t0"]).year + 1))
        yearly = r.get("per_year") is True
        share = float(r["amount_eur"]) / 1e6 / (1 if yearly else len(years))
        rows += [{**r.to_dict(), "year": y, "mln": share, "yearly": yearly} for y in years]
    return pd.DataFrame(rows, columns=[*df.columns, "year", "mln", "yearly"])


def budget_chart(budgets: pd.DataFrame, lang: str = "en") -> Figure:
    """Euro amounts per year, stacked by funder (each funder its own colour).

    An amount for several years is spread over them; yearly amounts are hatched.
    """
    title = label("budget_title", lang)
    df = spread_budgets(budgets)
    if df.empty:
        return no_data(title, lang)
    years = list(range(int(df["year"].min()), int(df["year"].max()) + 1))
    funders = list(df.groupby("funder")["mln"].sum().sort_values(ascending=False).index)
    spare = [c for c in (mpl.colors.to_hex(_cmap("tab10")(i)) for i in range(10))
             if c not in FUNDER_COLOURS.values()]
    colours = {f: FUNDER_COLOURS.get(f) or spare[i % len(spare)] for i, f in enumerate(funders)}
    fig, ax = _figure(3.6)
    bottom = pd.Series(0.0, index=years)
    for funder in funders:
        for yearly in (False, True):
            part = df[(df["funder"] == funder) & (df["yearly"] == yearly)]
            if part.empty:
                continue
            vals = part.groupby("year")["mln"].sum().reindex(years, fill_value=0.0)
            ax.bar([str(y) for y in years], vals.values, bottom=bottom.values,
                   color=colours[funder], hatch="///" if yearly else None, edgecolor="white")
            bottom += vals
    ax.set_xlabel(label("year", lang))
    ax.set_ylabel(label("budget_axis", lang))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: wording.number(v, lang)))
    ax.set_title(title)
    ax.grid(axis="y", alpha=0.3)
    handles = [Patch(color=colours[f], label=wording.name(f, lang) or "?") for f in funders]
    handles += [Patch(facecolor="white", edgecolor="black", hatch="///",
                      label=label("yearly", lang))]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig.tight_layout()
    return fig


def budget_alt(budgets: pd.DataFrame, lang: str = "en") -> str:
    """An alt text for :func:`budget_chart`, written from its data."""
    df = spread_budgets(budgets)
    if df.empty:
        return label("no_data", lang)
    by_funder = df.groupby("funder")["mln"].sum().sort_values(ascending=False)
    parts = [f"{wording.name(f, lang)} {wording.fmt_eur(v * 1e6, lang)}"
             for f, v in by_funder.items()]
    return label("alt_budget", lang, first=int(df["year"].min()), last=int(df["year"].max()),
                 funders=wording.join(parts, lang))


def timeline_events(events: pd.DataFrame) -> pd.DataFrame:
    """The events a timeline draws: one row per happening, windows of two years at most."""
    from .briefing import happenings

    df = _spans(happenings(dedupe(events)) if "happening" in events else dedupe(events))
    if df.empty:
        return df
    short = (df["t1"] - df["t0"]).dt.days <= MAX_EVENT_DAYS
    return df[short | (df["event_type"] == "national_mandate")]


def timeline_chart(events: pd.DataFrame, lang: str = "en", mandates: bool = True,
                   max_lanes: int = 8) -> Figure:
    """Events by country (rows) and type (colour), each drawn as wide as its date window.

    A single-day event is a dot; an event known only to the month is a bar a month wide; an
    announced event is hollow. Dutch national mandate decisions get their own row of bars at the
    top. Countries beyond the ``max_lanes`` most frequent are grouped as "other".
    """
    from .briefing import _listed, country_name

    title = label("timeline_title", lang)
    df = timeline_events(events)
    if df.empty:
        return no_data(title, lang)
    df = df.assign(lane=df["country"].map(lambda v: sorted(_listed(v))[0] if _listed(v) else ""))
    mand = df[df["event_type"] == "national_mandate"] if mandates else df.iloc[0:0]
    rest = df.drop(mand.index)
    top = list(rest["lane"].value_counts().index[:max_lanes])
    rest = rest.assign(lane=rest["lane"].where(rest["lane"].isin(top), "~"))
    lanes = [c for c in top if c in set(rest["lane"])] + (["~"] if "~" in set(rest["lane"])
                                                           else [])
    names = [country_name(c, lang) if c not in ("~",) else label("other_countries", lang)
             for c in lanes]
    if len(mand):
        lanes, names = ["__mandates__"] + lanes, [label("mandate_lane", lang)] + names
    fig, ax = _figure(1.3 + 0.45 * len(lanes))
    ypos = {lane: len(lanes) - 1 - i for i, lane in enumerate(lanes)}
    for j, rec in enumerate(mand.sort_values("t0").itertuples(index=False)):
        y = ypos["__mandates__"] + (j % 3 - 1) * 0.22
        ax.broken_barh([(rec.t0, rec.t1 - rec.t0)], (y - 0.09, 0.18),
                       facecolor=EVENT_COLOURS["national_mandate"], alpha=0.6)
    day = pd.Timedelta(days=2)
    for j, rec in enumerate(rest.sort_values("t0").itertuples(index=False)):
        colour = EVENT_COLOURS.get(rec.event_type, EVENT_COLOURS["other"])
        status = getattr(rec, "status", None)
        hollow = isinstance(status, str) and status == ANNOUNCED  # NA: a table built before statuses
        y = ypos[rec.lane] + (j % 3 - 1) * 0.2
        if rec.t1 - rec.t0 <= day:
            ax.plot([rec.t0], [y], "o", color=colour, markersize=4,
                    markerfacecolor="white" if hollow else colour)
        else:
            ax.broken_barh([(rec.t0, rec.t1 - rec.t0)], (y - 0.08, 0.16),
                           facecolor="white" if hollow else colour, edgecolor=colour,
                           alpha=0.75)
    ax.set_yticks(list(ypos.values()), names)
    ax.set_ylim(-0.7, len(lanes) - 0.3)
    ax.set_xlabel(f"{label('date', lang)} ({label('window_note', lang)})")
    ax.set_ylabel(label("country", lang))
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    _date_axis(ax, lang)
    types = [t for t in EVENT_COLOURS if t in set(df["event_type"])]
    ax.legend(handles=[Patch(color=EVENT_COLOURS[t], label=wording.event_label(t, lang))
                       for t in types], loc="upper left", bbox_to_anchor=(1.01, 1),
              frameon=False)
    fig.tight_layout()
    return fig


def timeline_alt(events: pd.DataFrame, lang: str = "en") -> str:
    """An alt text for :func:`timeline_chart`, written from its data."""
    from .briefing import country_name

    df = timeline_events(events)
    if df.empty:
        return label("no_data", lang)
    counts = df["event_type"].value_counts()
    kinds = [f"{wording.fmt_int(n, lang)} × {wording.event_label(t, lang)}"
             for t, n in counts.items()]
    lanes = df["country"].dropna().map(lambda c: country_name(c, lang)).value_counts()
    return label("alt_timeline", lang, n=wording.fmt_int(len(df), lang),
                 first=int(df["t0"].dt.year.min()), last=int(df["t1"].dt.year.max()),
                 kinds=", ".join(kinds), countries=wording.join(list(lanes.index[:5]), lang))


def count_chart(values: pd.Series, title: str, axis: str, lang: str = "en") -> Figure:
    """Horizontal bars of the counts of the values in a column (e.g. redaction grounds)."""
    counts = values.dropna().astype(str).value_counts().sort_values()
    if counts.empty:
        return no_data(title, lang)
    fig, ax = _figure(0.9 + 0.3 * len(counts))
    ax.barh(list(counts.index), counts.values, color="#1f77b4")
    for y, v in enumerate(counts.values):
        ax.text(v, y, f" {v}", va="center", fontsize=8)
    ax.set_xlabel(axis)
    ax.set_title(title)
    fig.tight_layout()
    return fig


def redactions_chart(redactions: pd.DataFrame, lang: str = "en") -> Figure:
    """Number of redactions per Woo ground."""
    return count_chart(redactions["ground"], label("redactions_title", lang),
                       label("redactions_axis", lang), lang)


def doc_types_chart(documents: pd.DataFrame, lang: str = "en") -> Figure:
    """Number of documents per type."""
    return count_chart(documents["doc_type"], label("doc_types_title", lang),
                       label("count", lang), lang)
