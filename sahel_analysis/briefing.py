"""What the briefing notebook shows: parameter checks, selection, headline figures, footnotes.

Pure functions on the tables' DataFrames, returning DataFrames or HTML strings. Every piece of
document text that ends up in HTML goes through :func:`html.escape`, so a quote holding
``<script>`` or a Markdown link shows as text.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pandas as pd
import yaml

from . import tables
from .errors import UserError

_LABELS = Path(__file__).parent / "templates" / "labels.yaml"
LANGS = ("en", "nl")
ALL = "all"
MIN_YEAR, MAX_YEAR = 1900, 2100
# Event types listed as key events, most important first.
KEY_TYPES = ("coup", "attack", "national_mandate", "un_mandate", "eu_decision", "withdrawal",
             "handover", "agreement", "election")


@cache
def _labels() -> dict[str, dict[str, str]]:
    with open(_LABELS, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def label(key: str, lang: str = "en", **fmt: object) -> str:
    """The display label ``key`` in ``lang`` (the key itself where none is defined)."""
    entry = _labels().get(key)
    text = entry.get(lang, entry.get("en", key)) if entry else key
    return text.format(**fmt) if fmt else text


def text(value: object) -> str:
    """A value as plain text; NA and None become an empty string."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def esc(value: object) -> str:
    """HTML-escaped text of a value; NA and None become an empty string."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


# ---------------------------------------------------------------- parameters


@dataclass(frozen=True)
class Params:
    """Checked briefing parameters: canonical mission (or ``all``), ISO3 country (or ``all``)."""

    mission: str = ALL
    country: str = ALL
    start: int | None = None
    end: int | None = None
    lang: str = "en"

    def as_dict(self) -> dict[str, object]:
        """The parameters as the notebook's ``parameters`` cell names them."""
        return {"mission": self.mission, "country": self.country, "start": self.start,
                "end": self.end, "lang": self.lang}


def known_missions(data: dict[str, pd.DataFrame] | None = None) -> list[str]:
    """Canonical mission names a briefing can be made for (vocabulary plus those in the data)."""
    from . import vocab

    names = [m for m in vocab.missions() if m != "other"]
    if data is not None:
        for m in data.get("contributions", pd.DataFrame({"mission": []}))["mission"].dropna():
            if m not in names and m != "other":
                names.append(str(m))
    return names


def known_countries(data: dict[str, pd.DataFrame] | None = None) -> list[str]:
    """ISO3 codes of the countries that occur in the events table (sorted by frequency)."""
    if not data or "events" not in data or data["events"].empty:
        return []
    counts = pd.Series([c for v in data["events"]["country"] for c in _listed(v)]).value_counts()
    return [str(c) for c in counts.index if c]


def _year(value: object, name: str) -> int | None:
    if value is None or (isinstance(value, str) and value.strip().lower() in ("", ALL, "none")):
        return None
    try:
        year = int(str(value).strip())
    except ValueError:
        raise UserError(f"{name} must be a year such as 2022, not {value!r}") from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise UserError(f"{name} {year} is outside {MIN_YEAR}-{MAX_YEAR}")
    return year


def validate(mission: object = ALL, country: object = ALL, start: object = None,
             end: object = None, lang: object = "en",
             data: dict[str, pd.DataFrame] | None = None) -> Params:
    """Check briefing parameters and normalise them; raise :class:`UserError` (one line)."""
    from . import vocab

    lang_s = str(lang or "en").strip().lower()
    if lang_s not in LANGS:
        raise UserError(f"unknown language {lang!r}; use one of: {', '.join(LANGS)}")
    missions = known_missions(data)
    mission_s = str(mission or ALL).strip()
    if mission_s.lower() == ALL:
        mission_s = ALL
    else:
        match = [m for m in missions if m.casefold() == mission_s.casefold()]
        if not match:
            raise UserError(f"unknown mission {mission_s!r}; known missions: "
                            f"{', '.join(missions)} (or 'all')")
        mission_s = match[0]
    country_s = str(country or ALL).strip()
    if country_s.lower() == ALL:
        country_s = ALL
    else:
        iso = vocab.country_iso3(country_s)
        if iso is None:
            names = [country_name(c, "en") for c in known_countries(data)[:12]]
            hint = f"countries in the data: {', '.join(names)}" if names else "none in the data"
            raise UserError(f"unknown country {country_s!r}; give a country name or ISO code "
                            f"({hint}; or 'all')")
        country_s = iso
    y0, y1 = _year(start, "start"), _year(end, "end")
    if y0 is not None and y1 is not None and y0 > y1:
        raise UserError(f"start {y0} is after end {y1}")
    return Params(mission_s, country_s, y0, y1, lang_s)


@cache
def _country_names() -> dict[tuple[str, str], str]:
    from . import vocab

    out: dict[tuple[str, str], str] = {}
    for row in vocab.read_csv("countries.csv"):
        if row["kind"] in ("name_nl", "name_en"):
            out.setdefault((row["iso3"], row["kind"][-2:]), row["alias"])
    return out


def country_name(iso3: object, lang: str = "en") -> str:
    """Display name of an ISO3 code (English falls back to the Dutch name, then the code)."""
    if not isinstance(iso3, str) or not iso3.strip():
        return label("no_country", lang)
    if ";" in iso3:
        return ", ".join(country_name(c.strip(), lang) for c in iso3.split(";") if c.strip())
    if iso3 == ALL:
        return label("all_countries", lang)
    names = _country_names()
    return names.get((iso3, lang)) or names.get((iso3, "nl")) or str(iso3)


def slug(params: Params) -> str:
    """A file name stem for a parameter set, e.g. ``minusma_all_2018-2022_en``."""
    years = f"{params.start or ''}-{params.end or ''}" if (params.start or params.end) else ALL
    parts = [params.mission, params.country, years, params.lang]
    text = "_".join(parts).lower().replace("+", "-")
    return re.sub(r"[^a-z0-9_-]+", "-", text).strip("-")


# ---------------------------------------------------------------- selection


def _bounds(start: object, end: object) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The window of an ISO date pair (either end may be missing, or a month / year)."""
    from .model import date_bounds

    lo = date_bounds(str(start)) if isinstance(start, str) and start else None
    hi = date_bounds(str(end)) if isinstance(end, str) and end else None
    a = (lo or hi or (None, None))[0]
    b = (hi or lo or (None, None))[1]
    return (pd.Timestamp(a) if a else pd.NaT, pd.Timestamp(b) if b else pd.NaT)


def with_documents(df: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Add the document's ``doc_date``, ``doc_title`` and ``kamerstuk`` to each fact row."""
    docs = documents[["file", "part", "date", "title", "kamerstuk"]].rename(
        columns={"date": "doc_date", "title": "doc_title"})
    out = df.merge(docs, on=["file", "part"], how="left")
    # Facts whose part has no document row (one-part files): fall back to the file's first part.
    first = docs.drop_duplicates("file").set_index("file")
    for col in ("doc_date", "doc_title", "kamerstuk"):
        out[col] = out[col].fillna(out["file"].map(first[col]))
    return out


def fact_window(df: pd.DataFrame, start: str, end: str) -> pd.DataFrame:
    """Columns ``t0``/``t1`` (Timestamps): the period of a fact, else its document's date."""
    out = df.copy()
    t0, t1 = [], []
    for rec in out[[start, end, "doc_date"]].itertuples(index=False):
        a, b = _bounds(rec[0], rec[1])
        if pd.isna(a) and pd.isna(b):
            a, b = _bounds(rec[2], rec[2])
        t0.append(a if not pd.isna(a) else b)
        t1.append(b if not pd.isna(b) else a)
    out["t0"] = pd.to_datetime(pd.Series(t0, index=out.index, dtype="object"))
    out["t1"] = pd.to_datetime(pd.Series(t1, index=out.index, dtype="object"))
    return out


def expand_mission(value: object) -> set[str]:
    """``EUCAP Sahel Mali+Niger`` -> {the combined name, ``EUCAP Sahel Mali``, ``... Niger``}."""
    if not isinstance(value, str) or not value:
        return set()
    out = {value}
    head, _, tail = value.rpartition(" ")
    if "+" in tail:
        out |= {f"{head} {p}".strip() for p in tail.split("+") if p}
    return out


def _listed(value: object) -> set[str]:
    return {v.strip() for v in value.split(";")} if isinstance(value, str) else set()


def mission_countries(events: pd.DataFrame, share: float = 0.25) -> dict[str, set[str]]:
    """Countries where each actor (mission) mostly acts, as the events table shows them.

    A country counts for an actor where it holds at least ``share`` of that actor's events.
    """
    counts: dict[str, dict[str, int]] = {}
    for actors, country in events[["actors", "country"]].itertuples(index=False):
        for actor in _listed(actors):
            for c in _listed(country):
                counts.setdefault(actor, {}).setdefault(c, 0)
                counts[actor][c] += 1
    return {a: {c for c, n in cs.items() if n >= share * sum(cs.values())}
            for a, cs in counts.items()}


def _in_years(df: pd.DataFrame, params: Params) -> pd.Series:
    keep = pd.Series(True, index=df.index)
    if params.start is not None:
        keep &= ~(df["t1"] < pd.Timestamp(params.start, 1, 1)).fillna(False)
    if params.end is not None:
        keep &= ~(df["t0"] > pd.Timestamp(params.end, 12, 31)).fillna(False)
    return keep


def _mission_in_text(row: pd.Series, mission: str) -> bool:
    if mission in _listed(row.get("actors")):
        return True
    pattern = re.compile(r"(?<!\w)" + re.escape(mission) + r"(?!\w)", re.IGNORECASE)
    return any(isinstance(row.get(c), str) and pattern.search(row[c])
               for c in ("summary", "quote"))


def dedupe(df: pd.DataFrame) -> pd.DataFrame:
    """One row per fact: repeated statements of the same fact (same ``fact_id``) count once."""
    if df.empty or "fact_id" not in df:
        return df
    ids = df["fact_id"].astype("object")
    unique = df[ids.isna()]
    return pd.concat([df[ids.notna()].drop_duplicates("fact_id"), unique]).sort_index()


def _keep(df: pd.DataFrame, column: str, test) -> pd.DataFrame:  # noqa: ANN001
    """Rows of ``df`` whose ``column`` passes ``test`` (safe on empty frames)."""
    mask = pd.Series([bool(test(v)) for v in df[column]], index=df.index, dtype=bool)
    return df.loc[mask]


@dataclass
class Selection:
    """The tables restricted to a parameter set, with document info and time windows."""

    params: Params
    documents: pd.DataFrame
    contributions: pd.DataFrame
    budgets: pd.DataFrame
    events: pd.DataFrame
    all_events: pd.DataFrame = field(repr=False)


def select(data: dict[str, pd.DataFrame], params: Params) -> Selection:
    """Restrict contributions, budgets and events to the mission, country and years."""
    docs = data["documents"]
    contrib = fact_window(with_documents(data["contributions"], docs),
                          "period_start", "period_end")
    budgets = fact_window(with_documents(data["budgets"], docs), "period_start", "period_end")
    events = fact_window(with_documents(data["events"], docs), "date_start", "date_end")
    all_events = events.copy()
    where = mission_countries(events)
    if params.mission != ALL:
        m = params.mission
        contrib = _keep(contrib, "mission", lambda v: m in expand_mission(v))
        budgets = _keep(budgets, "recipient",
                        lambda v: any(m in expand_mission(x) for x in _listed(v)))
        events = events.loc[pd.Series([_mission_in_text(r, m) for _, r in events.iterrows()],
                                      index=events.index, dtype=bool)]
    if params.country != ALL:
        c = params.country
        in_country = {m for m, cs in where.items() if c in cs}
        contrib = _keep(contrib, "mission", lambda v: bool(expand_mission(v) & in_country))
        budgets = _keep(budgets, "recipient", lambda v: bool(_listed(v) & ({c} | in_country)))
        events = _keep(events, "country", lambda v: c in _listed(v))
    return Selection(params, docs, contrib[_in_years(contrib, params)],
                     budgets[_in_years(budgets, params)], events[_in_years(events, params)],
                     all_events)


# ---------------------------------------------------------------- footnotes


@dataclass
class Footnotes:
    """Numbered sources: each distinct (file, part, quote) gets one number, in order of use."""

    lang: str = "en"
    items: list[dict] = field(default_factory=list)
    _index: dict[tuple, int] = field(default_factory=dict)

    def add(self, row: pd.Series | dict) -> int:
        """The footnote number of a fact row (quote, file, part, doc_title, doc_date, kamerstuk)."""
        get = row.get
        key = (get("file"), get("part"), get("quote"))
        if key not in self._index:
            self.items.append({k: get(k) for k in ("quote", "file", "part", "doc_title",
                                                   "doc_date", "kamerstuk")})
            self._index[key] = len(self.items)
        return self._index[key]

    def ref(self, row: pd.Series | dict) -> str:
        """An HTML superscript reference to the row's footnote."""
        n = self.add(row)
        return f'<sup class="fn"><a href="#fn-{n}">{n}</a></sup>'

    def html(self) -> str:
        """The list of sources: quote, document title, file, date and Kamerstuk number."""
        if not self.items:
            return f'<p class="nodata">{esc(label("no_data", self.lang))}</p>'
        lis = []
        for n, it in enumerate(self.items, 1):
            bits = [f"<q>{esc(it['quote'])}</q>" if esc(it["quote"]) else ""]
            doc = esc(shorten(it["doc_title"])) or esc(it["file"])
            bits.append(f'<span class="doc">{doc}</span>')
            bits.append(f'<span class="file">{esc(it["file"])}, {label("document", self.lang)} '
                        f'{esc(it["part"])}</span>')
            bits.append(esc(it["doc_date"]) or label("undated", self.lang))
            if esc(it["kamerstuk"]):
                bits.append(f"{label('kamerstuk', self.lang)} {esc(it['kamerstuk'])}")
            lis.append(f'<li id="fn-{n}" value="{n}">' + " — ".join(b for b in bits if b)
                       + "</li>")
        return '<ol class="footnotes">' + "".join(lis) + "</ol>"


# ---------------------------------------------------------------- rendering


def shorten(value: object, width: int = 90) -> object:
    """A long string cut at a word boundary before ``width`` characters, with an ellipsis."""
    if not isinstance(value, str) or len(value) <= width:
        return value
    return value[:width].rsplit(" ", 1)[0] + " …"


def fmt_int(value: object) -> str:
    """``12450`` -> ``12,450``; NA -> ``""``."""
    return "" if value is None or pd.isna(value) else f"{int(value):,}"


def fmt_eur(value: object) -> str:
    """Euro amount, in millions from one million up: ``€ 3.5 million``."""
    if value is None or pd.isna(value):
        return ""
    v = float(value)
    return f"€ {v / 1e6:,.1f} mln" if v >= 1e6 else f"€ {v:,.0f}"


def fmt_window(t0: object, t1: object) -> str:
    """A date window as text: a day, a whole month, a whole year, or ``a – b``."""
    if pd.isna(t0):
        return ""
    a, b = pd.Timestamp(t0), pd.Timestamp(t1 if not pd.isna(t1) else t0)
    if a == b:
        return a.strftime("%Y-%m-%d")
    if a.day == 1 and b == a + pd.offsets.MonthEnd(0):
        return a.strftime("%Y-%m")
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and a.year == b.year:
        return str(a.year)
    return f"{a:%Y-%m-%d} – {b:%Y-%m-%d}"


def table_html(df: pd.DataFrame, lang: str = "en", raw: tuple[str, ...] = ()) -> str:
    """An HTML table of ``df``; every cell escaped except the columns named in ``raw``."""
    if df.empty:
        return f'<p class="nodata">{esc(label("no_data", lang))}</p>'
    head = "".join(f"<th>{esc(c)}</th>" for c in df.columns)
    body = []
    for rec in df.itertuples(index=False):
        cells = [str(v) if c in raw else esc(v) for c, v in zip(df.columns, rec, strict=True)]
        body.append("<tr>" + "".join(f"<td>{v}</td>" for v in cells) + "</tr>")
    return (f'<table class="data"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


def data_date(data_dir: Path, documents: pd.DataFrame, lang: str = "en") -> str:
    """One line on the data: number of documents, their date range, when tables were written."""
    path = Path(data_dir) / "documents.parquet"
    built = (dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
             if path.exists() else "?")
    dates = sorted(d for d in documents["date"].dropna() if d)
    return label("data_line", lang, docs=len(documents), first=dates[0] if dates else "?",
                 last=dates[-1] if dates else "?", built=built)


def title_html(params: Params, data_dir: Path, documents: pd.DataFrame) -> str:
    """The title block: briefing title, the parameters, and the date of the data."""
    lang = params.lang
    mission = label("all_missions", lang) if params.mission == ALL else params.mission
    years = (f"{params.start or '…'}–{params.end or '…'}" if (params.start or params.end)
             else label("all_years", lang))
    rows = [(label("mission", lang), mission), (label("country", lang),
                                                country_name(params.country, lang)),
            (label("period", lang), years), (label("data", lang),
                                             data_date(data_dir, documents, lang))]
    cells = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows)
    return (f'<div class="titleblock"><h1>{esc(label("briefing_title", lang))}: '
            f'{esc(mission)}</h1><table class="params">{cells}</table></div>')


def heading_html(key: str, lang: str, level: int = 2) -> str:
    """A section heading in the briefing's language."""
    return f"<h{level}>{esc(label(key, lang))}</h{level}>"


def _latest(df: pd.DataFrame) -> pd.DataFrame:
    return df.sort_values(["t1", "t0"], na_position="first")


def headlines(sel: Selection, notes: Footnotes) -> pd.DataFrame:
    """Headline figures as rows (figure, value, source reference HTML)."""
    lang = sel.params.lang
    rows: list[tuple[str, str, str]] = []
    nld = dedupe(sel.contributions[sel.contributions["contributor"] == "NLD"])
    totals = nld[nld["component"] == "total"]
    for mission, grp in _latest(totals[totals["kind"] == "mandate"]).groupby("mission"):
        last = grp.iloc[-1]
        value = f"{label(str(last['qualifier']), lang)} {fmt_int(last['personnel'])}"
        period = fmt_window(last["t0"], last["t1"])
        rows.append((f"{label('latest_mandate', lang)}: {mission}",
                     f"{value} ({period})" if period else value, notes.ref(last)))
    if len(totals):
        peak = totals.sort_values("personnel").iloc[-1]
        rows.append((f"{label('peak_personnel', lang)}: {peak['mission']}",
                     f"{label(str(peak['qualifier']), lang)} {fmt_int(peak['personnel'])} "
                     f"({fmt_window(peak['t0'], peak['t1'])})", notes.ref(peak)))
    budgets = dedupe(sel.budgets[(sel.budgets["funder"] == "NLD")
                                 & sel.budgets["amount_eur"].notna()])
    if len(budgets):
        big = budgets.sort_values("amount_eur").iloc[-1]
        rows.append((f"{label('largest_budget', lang)}: {big['recipient']}",
                     fmt_eur(big["amount_eur"]), notes.ref(big)))
        rows.append((label("total_budget", lang), fmt_eur(budgets["amount_eur"].sum()), ""))
    rows.append((label("events_count", lang), fmt_int(len(dedupe(sel.events))), ""))
    if len(sel.events):
        last = _latest(sel.events).iloc[-1]
        rows.append((label("latest_event", lang),
                     f"{fmt_window(last['t0'], last['t1'])}: {text(last['summary'])}",
                     notes.ref(last)))
    return pd.DataFrame(rows, columns=["figure", "value", "source"])


def headlines_html(sel: Selection, notes: Footnotes) -> str:
    """The headline figures as an HTML table with footnote references."""
    df = headlines(sel, notes)
    rows = "".join(f"<tr><th>{esc(f)}</th><td>{esc(v)}{s}</td></tr>"
                   for f, v, s in df.itertuples(index=False))
    return f'<table class="headlines">{rows}</table>'


def personnel_table(sel: Selection, notes: Footnotes, contributor: str = "NLD") -> pd.DataFrame:
    """The personnel figures of the chart: mission, unit, qualifier, number, period, source."""
    lang = sel.params.lang
    df = dedupe(sel.contributions[sel.contributions["contributor"] == contributor])
    df = df.sort_values(["mission", "t0", "component"], na_position="last")
    return pd.DataFrame({
        label("mission", lang): df["mission"],
        label("component", lang): df["component"],
        label("qualifier", lang): df["qualifier"].map(lambda q: label(str(q), lang)),
        label("personnel_axis", lang): df["personnel"].map(fmt_int),
        label("period", lang): [fmt_window(a, b) for a, b in zip(df["t0"], df["t1"],
                                                                  strict=True)],
        label("source", lang): [notes.ref(r) for _, r in df.iterrows()],
    })


def budget_table(sel: Selection, notes: Footnotes) -> pd.DataFrame:
    """Budget rows in euro: recipient, funder, amount, one-off/yearly, period, source."""
    lang = sel.params.lang
    df = dedupe(sel.budgets).sort_values(["t0", "recipient"], na_position="last")
    out = pd.DataFrame({
        label("recipient", lang): df["recipient"],
        label("funder", lang): df["funder"].map(lambda c: country_name(c, lang)
                                                if isinstance(c, str) and len(c) == 3 else c),
        label("amount", lang): [fmt_eur(e) if not pd.isna(e)
                                else "" if pd.isna(a) else f"{a:,.0f} {text(c)}"
                                for e, a, c in zip(df["amount_eur"], df["amount"],
                                                   df["currency"], strict=True)],
        label("per_year", lang): df["per_year"].map(
            lambda v: label("yearly" if v is True else "one_off", lang)),
        label("period", lang): [fmt_window(a, b) for a, b in zip(df["t0"], df["t1"],
                                                                  strict=True)],
        label("source", lang): [notes.ref(r) for _, r in df.iterrows()],
    })
    return out


def key_events(sel: Selection, notes: Footnotes, limit: int = 20) -> pd.DataFrame:
    """The most important events of the selection, in date order, with their sources."""
    lang = sel.params.lang
    ev = dedupe(sel.events)
    ev = ev[ev["event_type"].isin(KEY_TYPES)].drop_duplicates(["event_type", "t0", "t1"])
    if len(ev) > limit:  # a fair share for each type (its latest events), then by importance
        share = max(2, limit // max(1, ev["event_type"].nunique()))
        ev = ev.sort_values("t0").groupby("event_type", group_keys=False).tail(share)
        rank = ev["event_type"].map({t: i for i, t in enumerate(KEY_TYPES)})
        ev = ev.loc[rank.sort_values(kind="stable").index[:limit]]
    ev = ev.sort_values(["t0", "t1"])
    return pd.DataFrame({
        label("date", lang): [fmt_window(a, b) for a, b in zip(ev["t0"], ev["t1"], strict=True)],
        label("event_type", lang): ev["event_type"].map(lambda t: label(f"ev_{t}", lang)),
        label("country", lang): ev["country"].map(lambda c: country_name(c, lang)),
        label("summary", lang): ev["summary"],
        label("source", lang): [notes.ref(r) for _, r in ev.iterrows()],
    })


def key_events_html(sel: Selection, notes: Footnotes, limit: int = 20) -> str:
    """Key events as an HTML list: date, type, summary, source reference."""
    df = key_events(sel, notes, limit)
    if df.empty:
        return f'<p class="nodata">{esc(label("no_data", sel.params.lang))}</p>'
    items = "".join(f"<li><b>{esc(d)}</b> · {esc(t)} · {esc(c)}: {esc(s)}{ref}</li>"
                    for d, t, c, s, ref in df.itertuples(index=False))
    return f'<ul class="events">{items}</ul>'


def load_selection(data_dir: str | Path, mission: object = ALL, country: object = ALL,
                   start: object = None, end: object = None,
                   lang: object = "en") -> Selection:
    """Load the tables of ``data_dir``, check the parameters and select (for the notebook)."""
    data = tables.load(data_dir)
    params = validate(mission, country, start, end, lang, data)
    return select(data, params)


def euro_by_recipient_year(budgets: pd.DataFrame) -> pd.DataFrame:
    """Euro amounts (millions) by recipient and year of their period, repeated statements once."""
    b = dedupe(budgets)
    eur = b[b["amount_eur"].notna()]
    if not len(eur):
        return pd.DataFrame()
    eur = eur.assign(year=eur["t0"].dt.year.astype("Int64"), mln=eur["amount_eur"] / 1e6)
    return eur.pivot_table(index="recipient", columns="year", values="mln", aggfunc="sum").round(2)


def window_widths(events: pd.DataFrame) -> pd.DataFrame:
    """How many events the text dates to a day, ten days, a month, a quarter, a year or longer."""
    if not len(events):
        return pd.DataFrame()
    width = (events["t1"] - events["t0"]).dt.days + 1
    labels = ["day", "≤10 days", "month", "quarter", "year", "longer"]
    bins = pd.cut(width, [0, 1, 10, 31, 92, 366, 100000], labels=labels)
    return bins.value_counts().sort_index().to_frame("events")


def one_off_vs_yearly(budgets: pd.DataFrame) -> pd.DataFrame:
    """Count and sum (million euro) of one-off and of yearly amounts, repeated statements once."""
    eur = dedupe(budgets)
    eur = eur[eur["amount_eur"].notna()]
    if not len(eur):
        return pd.DataFrame()
    kind = eur["per_year"].map({True: "yearly"}).fillna("one-off").rename("kind")
    return (eur["amount_eur"] / 1e6).groupby(kind).agg(["count", "sum"]).round(2)
