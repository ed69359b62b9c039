"""What a briefing shows: parameter checks, selection, figures, events, footnotes.

Pure functions on the tables' DataFrames, returning DataFrames or HTML strings. Every piece of
document text that ends up in HTML goes through :func:`html.escape`, so a quote holding
``<script>`` or a Markdown link shows as text. Words, numbers and dates are written in the
briefing's language by :mod:`sahel_analysis.wording`; the page around them is in
:mod:`sahel_analysis.page`.

Columns that other parts of the project add are used where present and not needed otherwise:
events ``status`` (happened / announced / hypothetical) and ``event_id`` (one happening across
documents); documents ``url``, ``date_source`` and ``title_source``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pandas as pd
import yaml

from . import tables, wording
from .errors import UserError

_LABELS = Path(__file__).parent / "templates" / "labels.yaml"
ROOT = Path(__file__).resolve().parents[1]
LANGS = ("en", "nl")
ALL = "all"
MIN_YEAR, MAX_YEAR = wording.MIN_YEAR, wording.MAX_YEAR
# Event types listed as key events, most important first.
KEY_TYPES = ("coup", "attack", "national_mandate", "un_mandate", "eu_decision", "withdrawal",
             "handover", "agreement", "election")
HAPPENED, ANNOUNCED, HYPOTHETICAL = "happened", "announced", "hypothetical"


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
    return html.escape(text(value), quote=True)


# ---------------------------------------------------------------- data folder


def data_path(data_dir: str | Path) -> Path:
    """The build folder ``data_dir``: as given, else relative to the project root.

    A notebook runs in ``notebooks/``, where ``data/processed`` names nothing: rather than
    load seven empty tables, the folder is looked up from the project root too, and a folder
    without ``documents.parquet`` is a :class:`UserError` that says what to run.
    """
    path = Path(data_dir).expanduser()
    candidates = [path] if path.is_absolute() else [path, ROOT / path]
    for candidate in candidates:
        if (candidate / "documents.parquet").is_file():
            return candidate.resolve()
    raise UserError(f"no tables in {data_dir} (looked in {', '.join(map(str, candidates))}); "
                    "run 'sahel-analysis build --output DIR' first")


def load(data_dir: str | Path) -> dict[str, pd.DataFrame]:
    """The tables of a build folder, found as :func:`data_path` finds it."""
    return tables.load(data_path(data_dir))


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

    def subject(self) -> str:
        """What the briefing is about, in its language: ``MINUSMA``, ``Mali``, ``alle missies``."""
        parts = []
        if self.mission != ALL:
            parts.append(self.mission)
        if self.country != ALL:
            parts.append(country_name(self.country, self.lang))
        return " · ".join(parts) or label("all_missions", self.lang)

    def title(self) -> str:
        """A readable title: ``Briefing: Nederland in de Sahel — Mali, 2018–2022``."""
        years = wording.year_range(self.start, self.end, self.lang)
        return (f"{label('briefing_title', self.lang)} — {self.subject()}"
                + (f", {years}" if years else ""))


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


def _mission_param(mission: object, data: dict | None) -> str:
    missions = known_missions(data)
    mission_s = str(mission or ALL).strip()
    if mission_s.lower() == ALL:
        return ALL
    match = [m for m in missions if m.casefold() == mission_s.casefold()]
    if not match:
        raise UserError(f"unknown mission {mission_s!r}; known missions: "
                        f"{', '.join(missions)} (or 'all')")
    return match[0]


def _country_param(country: object, data: dict | None) -> str:
    from . import vocab

    country_s = str(country or ALL).strip()
    if country_s.lower() == ALL:
        return ALL
    iso = vocab.country_iso3(country_s)
    if iso is None:
        names = [country_name(c, "en") for c in known_countries(data)[:12]]
        hint = f"countries in the data: {', '.join(names)}" if names else "none in the data"
        raise UserError(f"unknown country {country_s!r}; give a country name or ISO code "
                        f"({hint}; or 'all')")
    return iso


def validate(mission: object = ALL, country: object = ALL, start: object = None,
             end: object = None, lang: object = "en",
             data: dict[str, pd.DataFrame] | None = None) -> Params:
    """Check briefing parameters and normalise them; raise :class:`UserError` (one line)."""
    lang_s = str(lang or "en").strip().lower()
    if lang_s not in LANGS:
        raise UserError(f"unknown language {lang!r}; use one of: {', '.join(LANGS)}")
    y0, y1 = _year(start, "start"), _year(end, "end")
    if y0 is not None and y1 is not None and y0 > y1:
        raise UserError(f"start {y0} is after end {y1}")
    return Params(_mission_param(mission, data), _country_param(country, data), y0, y1, lang_s)


def country_name(iso3: object, lang: str = "en") -> str:
    """Display name of an ISO3 code or a ``;`` list of them (a name, never the bare code)."""
    if not isinstance(iso3, str) or not iso3.strip():
        return label("no_country", lang)
    if iso3 == ALL:
        return label("all_countries", lang)
    return wording.join(wording.names(iso3, lang), lang)


def slug(params: Params) -> str:
    """A readable file name stem: ``briefing-minusma-nl``, ``briefing-mali-2018-2022-en``."""
    parts = ["briefing"]
    if params.mission != ALL:
        parts.append(params.mission)
    if params.country != ALL:
        parts.append(country_name(params.country, "en"))
    if params.mission == ALL and params.country == ALL:
        parts.append("all-missions")
    if params.start or params.end:
        parts.append(f"{params.start or ''}-{params.end or ''}".strip("-")
                     if params.start != params.end else str(params.start))
    parts.append(params.lang)
    stem = "-".join(parts).lower().replace("+", "-")
    return re.sub(r"[^a-z0-9]+", "-", stem).strip("-")


# ---------------------------------------------------------------- selection


def _bounds(start: object, end: object) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The window of an ISO date pair (either end may be missing, or a month / year).

    Whatever the tables hold (a year 9999, ``2022-13``, text): a date outside 1900-2100 or
    unreadable counts as missing, so no briefing fails on it.
    """
    lo, hi = wording.parse_iso(start), wording.parse_iso(end)
    a = (lo or hi or (None, None))[0]
    b = (hi or lo or (None, None))[1]
    return (pd.Timestamp(a) if a else pd.NaT, pd.Timestamp(b) if b else pd.NaT)


_DOC_EXTRA = ("url", "date_source", "title_source")


def with_documents(df: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Add the document's ``doc_date``, ``doc_title``, ``kamerstuk`` (and ``url``) to each fact row."""
    cols = ["file", "part", "date", "title", "kamerstuk"] + [c for c in _DOC_EXTRA
                                                             if c in documents]
    docs = documents[cols].rename(columns={"date": "doc_date", "title": "doc_title"})
    out = df.merge(docs, on=["file", "part"], how="left")
    # Facts whose part has no document row (one-part files): fall back to the file's first part.
    first = docs.drop_duplicates("file").set_index("file")
    for col in [c for c in docs.columns if c not in ("file", "part")]:
        out[col] = out[col].fillna(out["file"].map(first[col]))
    for col in _DOC_EXTRA:
        if col not in out:
            out[col] = None
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
    return {v.strip() for v in value.split(";") if v.strip()} if isinstance(value, str) else set()


def country_missions(iso3: str) -> set[str]:
    """The missions deployed in a country, from the gazetteer (``vocab/mission_hosts.csv``)."""
    from . import vocab

    return {m for m, hosts in vocab.mission_hosts().items() if iso3 in hosts}


def event_status(events: pd.DataFrame) -> pd.Series:
    """Each event's status: the ``status`` column where present, else from the dates.

    Without the column, an event is ``announced`` when its window starts after its document's
    date (the text can only announce it), or starts at that date and runs past it ("elections
    before July 2024" in a letter of November 2022) -- except for types whose window is the
    period a decision holds for (``validity`` in ``vocab/briefing_events.csv``). Every other
    event ``happened``.
    """
    from . import vocab

    given = events["status"] if "status" in events else pd.Series(None, index=events.index,
                                                                    dtype="object")
    doc = [_bounds(d, d) for d in events["doc_date"]]
    d0 = pd.Series([a for a, _ in doc], index=events.index, dtype="datetime64[ns]")
    d1 = pd.Series([b for _, b in doc], index=events.index, dtype="datetime64[ns]")
    lasting = events["event_type"].isin(vocab.validity_event_types())
    later = (events["t0"] > d1).fillna(False)
    runs_on = ((events["t1"] > d1) & (events["t0"] >= d0)).fillna(False) & ~lasting
    inferred = (later | runs_on).astype(bool).map({True: ANNOUNCED, False: HAPPENED})
    return given.where(given.notna() & given.isin([HAPPENED, ANNOUNCED, HYPOTHETICAL]),
                       inferred).astype("object")


def happening(events: pd.DataFrame) -> pd.Series:
    """A key per happening: ``event_id`` where present, else ``fact_id``, else type and window."""
    key = pd.Series([f"{t}|{c}|{a}|{b}" for t, c, a, b in
                     zip(events["event_type"], events["country"], events["t0"], events["t1"],
                         strict=True)], index=events.index, dtype="object")
    for col in ("fact_id", "event_id"):
        if col in events:
            key = events[col].astype("object").where(events[col].notna(), key)
    return key


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
    return isinstance(row.get("quote"), str) and bool(pattern.search(row["quote"]))


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

    def empty(self) -> bool:
        """True when nothing of the tables falls in this selection."""
        return not (len(self.contributions) or len(self.budgets) or len(self.events))


def _by_mission(contrib: pd.DataFrame, budgets: pd.DataFrame, events: pd.DataFrame,
                m: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    contrib = _keep(contrib, "mission", lambda v: m in expand_mission(v))
    budgets = _keep(budgets, "recipient", lambda v: any(m in expand_mission(x) for x in _listed(v)))
    events = events.loc[pd.Series([_mission_in_text(r, m) for _, r in events.iterrows()],
                                  index=events.index, dtype=bool)]
    return contrib, budgets, events


def _by_country(contrib: pd.DataFrame, budgets: pd.DataFrame, events: pd.DataFrame,
                c: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    here = country_missions(c)
    contrib = _keep(contrib, "mission", lambda v: bool(expand_mission(v) & here))
    budgets = _keep(budgets, "recipient",
                    lambda v: any(({x} | expand_mission(x)) & ({c} | here) for x in _listed(v)))
    events = _keep(events, "country", lambda v: c in _listed(v))
    return contrib, budgets, events


def select(data: dict[str, pd.DataFrame], params: Params) -> Selection:
    """Restrict contributions, budgets and events to the mission, country and years.

    A country's missions are those the gazetteer deploys there (``vocab/mission_hosts.csv``);
    its budgets those for the country itself or for one of its missions. Hypothetical events
    are left out; each event carries its ``status`` and ``happening`` key.
    """
    docs = data["documents"]
    contrib = fact_window(with_documents(data["contributions"], docs),
                          "period_start", "period_end")
    budgets = fact_window(with_documents(data["budgets"], docs), "period_start", "period_end")
    events = fact_window(with_documents(data["events"], docs), "date_start", "date_end")
    events = events.assign(status=event_status(events), happening=happening(events))
    events = events[events["status"] != HYPOTHETICAL]
    all_events = events.copy()
    if params.mission != ALL:
        contrib, budgets, events = _by_mission(contrib, budgets, events, params.mission)
    if params.country != ALL:
        contrib, budgets, events = _by_country(contrib, budgets, events, params.country)
    return Selection(params, docs, contrib[_in_years(contrib, params)],
                     budgets[_in_years(budgets, params)], events[_in_years(events, params)],
                     all_events)


def load_selection(data_dir: str | Path, mission: object = ALL, country: object = ALL,
                   start: object = None, end: object = None,
                   lang: object = "en") -> Selection:
    """Load the tables of ``data_dir``, check the parameters and select (for the notebook)."""
    data = load(data_dir)
    params = validate(mission, country, start, end, lang, data)
    return select(data, params)


# ---------------------------------------------------------------- footnotes


def doc_title(row: pd.Series | dict) -> str:
    """A document's title for a reader: the sources manifest's, else the table's (not in caps)."""
    for col in ("title_source", "doc_title"):
        value = text(row.get(col)).strip()
        if value:
            if value.isupper():  # a letterhead in capitals: sentence case reads better
                value = value[:1] + value[1:].lower()
            return value
    return ""


def safe_url(value: object) -> str:
    """``value`` where it is an http(s) address, else ``""`` (no ``javascript:`` links)."""
    url = text(value).strip()
    return url if re.match(r"https?://[^\s<>\"']+$", url) else ""


@dataclass
class Footnotes:
    """Numbered sources: each distinct (file, part, quote) gets one number, in order of use."""

    lang: str = "en"
    items: list[dict] = field(default_factory=list)
    _index: dict[tuple, int] = field(default_factory=dict)

    def add(self, row: pd.Series | dict) -> int:
        """The footnote number of a fact row (quote, file, part and its document's fields)."""
        get = row.get
        key = (get("file"), get("part"), get("quote"))
        if key not in self._index:
            item = {k: get(k) for k in ("quote", "file", "part", "doc_date", "kamerstuk", "url")}
            item["title"] = doc_title(row)
            self.items.append(item)
            self._index[key] = len(self.items)
        return self._index[key]

    def ref(self, row: pd.Series | dict) -> str:
        """An HTML superscript reference to the row's footnote."""
        n = self.add(row)
        return f'<sup class="fn"><a href="#fn-{n}">{n}</a></sup>'

    def refs(self, rows: pd.DataFrame) -> str:
        """References to the footnotes of several rows (one happening's sources)."""
        numbers = sorted({self.add(r) for _, r in rows.iterrows()})
        links = ",".join(f'<a href="#fn-{n}">{n}</a>' for n in numbers)
        return f'<sup class="fn">{links}</sup>' if numbers else ""

    def _item_html(self, n: int, it: dict) -> str:
        lang = self.lang
        bits = [f"<q>{esc(it['quote'])}</q>" if esc(it["quote"]) else ""]
        title = esc(shorten(it["title"], 160)) or esc(it["file"])
        url = safe_url(it.get("url"))
        bits.append(f'<a class="doc" href="{esc(url)}">{title}</a>' if url
                    else f'<span class="doc">{title}</span>')
        bits.append(wording.fmt_period(it["doc_date"], it["doc_date"], lang)
                    or label("undated", lang))
        if text(it["kamerstuk"]):
            bits.append(f"{label('kamerstuk', lang)} {esc(it['kamerstuk'])}")
        if url:
            bits.append(f'<a class="url" href="{esc(url)}">{esc(url)}</a>')
        bits.append(f'<span class="file">{label("file", lang)} {esc(it["file"])}, '
                    f'{label("document", lang)} {esc(it["part"])}</span>')
        return f'<li id="fn-{n}" value="{n}">' + " — ".join(b for b in bits if b) + "</li>"

    def html(self) -> str:
        """The list of sources: quote, document title (linked), date, Kamerstuk, file."""
        if not self.items:
            return f'<p class="nodata">{esc(label("no_data", self.lang))}</p>'
        lis = [self._item_html(n, it) for n, it in enumerate(self.items, 1)]
        return '<ol class="footnotes">' + "".join(lis) + "</ol>"


# ---------------------------------------------------------------- figures as tables


def shorten(value: object, width: int = 90) -> object:
    """A long string cut at a word boundary before ``width`` characters, with an ellipsis."""
    if not isinstance(value, str) or len(value) <= width:
        return value
    return value[:width].rsplit(" ", 1)[0] + " …"


def fmt_int(value: object, lang: str = "en") -> str:
    """``12450`` -> ``12,450`` (en) / ``12.450`` (nl); NA -> ``""``."""
    return wording.fmt_int(value, lang)


def fmt_eur(value: object, lang: str = "en") -> str:
    """Euro amount, in millions from one million up: ``€ 3.5 mln`` / ``€ 3,5 mln``."""
    return wording.fmt_eur(value, lang)


def fmt_window(t0: object, t1: object, lang: str = "en") -> str:
    """A date window in words (see :func:`sahel_analysis.wording.fmt_window`)."""
    return wording.fmt_window(t0, t1, lang)


def fact_period(row: pd.Series | dict, start: str, end: str, lang: str) -> str:
    """A fact's own period in words (open ends as ``sinds`` / ``tot``), else its document's date.

    A figure the text gives no period for is shown as ``stand november 2022`` / ``as of
    November 2022``: what the document said then, not a period of its own.
    """
    own = wording.fmt_period(row.get(start), row.get(end), lang)
    if own:
        return own
    when = wording.fmt_period(row.get("doc_date"), row.get("doc_date"), lang)
    return label("as_of", lang, when=when) if when else ""


def table_html(df: pd.DataFrame, lang: str = "en", raw: tuple[str, ...] = ()) -> str:
    """An HTML table of ``df``; every cell escaped except the columns named in ``raw``."""
    if df.empty:
        return f'<p class="nodata">{esc(label("no_data", lang))}</p>'
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in df.columns)
    body = []
    for rec in df.itertuples(index=False):
        cells = [str(v) if c in raw else esc(v) for c, v in zip(df.columns, rec, strict=True)]
        body.append("<tr>" + "".join(f"<td>{v}</td>" for v in cells) + "</tr>")
    return (f'<table class="data"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


def personnel_rows(sel: Selection, contributor: str = "NLD") -> pd.DataFrame:
    """The contributor's personnel statements of the selection, once each, in order."""
    df = dedupe(sel.contributions[(sel.contributions["contributor"] == contributor)
                                  & sel.contributions["personnel"].notna()])
    return df.sort_values(["mission", "t0", "component"], na_position="last")


def personnel_table(sel: Selection, notes: Footnotes, contributor: str = "NLD") -> pd.DataFrame:
    """The personnel figures: mission, unit (or whole contribution), qualifier, number, period."""
    lang = sel.params.lang
    df = personnel_rows(sel, contributor)
    return pd.DataFrame({
        label("mission", lang): df["mission"],
        label("component", lang): df["component"].map(lambda c: wording.component(c, lang)),
        label("qualifier", lang): df["qualifier"].map(lambda q: label(str(q), lang)),
        label("personnel_axis", lang): df["personnel"].map(lambda v: fmt_int(v, lang)),
        label("period", lang): [fact_period(r, "period_start", "period_end", lang)
                                for _, r in df.iterrows()],
        label("source", lang): [notes.ref(r) for _, r in df.iterrows()],
    })


def _basis(row: pd.Series, lang: str) -> str:
    """``per jaar`` only where the text says so; ``voor de hele periode`` for a multi-year sum."""
    if row.get("per_year") is True:
        return label("yearly", lang)
    if pd.notna(row["t0"]) and pd.notna(row["t1"]) and row["t1"].year > row["t0"].year:
        return label("whole_period", lang)
    return ""


def _amount(row: pd.Series, lang: str) -> str:
    if wording.plausible_eur(row.get("amount_eur")) or pd.notna(row.get("amount_eur")):
        return fmt_eur(row["amount_eur"], lang)
    return wording.fmt_amount(row.get("amount"), row.get("currency"), lang)


def budget_table(sel: Selection, notes: Footnotes) -> pd.DataFrame:
    """Budget rows: funder, recipient (names), amount, yearly or for the period, period, source."""
    lang = sel.params.lang
    df = dedupe(sel.budgets).sort_values(["funder", "t0", "recipient"], na_position="last")
    return pd.DataFrame({
        label("funder", lang): df["funder"].map(lambda c: wording.join(wording.names(c, lang),
                                                                        lang)),
        label("recipient", lang): df["recipient"].map(
            lambda c: wording.join(wording.names(c, lang), lang)),
        label("amount", lang): [_amount(r, lang) for _, r in df.iterrows()],
        label("basis", lang): [_basis(r, lang) for _, r in df.iterrows()],
        label("period", lang): [fact_period(r, "period_start", "period_end", lang)
                                for _, r in df.iterrows()],
        label("source", lang): [notes.ref(r) for _, r in df.iterrows()],
    })


# ---------------------------------------------------------------- events


def happenings(events: pd.DataFrame) -> pd.DataFrame:
    """One row per happening (the first statement), with ``n_sources`` and all its rows' index."""
    if events.empty:
        return events.assign(n_sources=pd.Series(dtype="int64"), rows=pd.Series(dtype="object"))
    ev = events.sort_values(["t0", "t1"], na_position="last")
    groups = ev.groupby("happening", sort=False)
    first = groups.head(1).set_index("happening")
    first["rows"] = groups.apply(lambda g: list(g.index), include_groups=False)
    first["n_sources"] = groups.size()
    # A happening is announced only while no statement reports it as having happened.
    first["status"] = groups["status"].agg(lambda s: HAPPENED if (s == HAPPENED).any()
                                           else ANNOUNCED)
    return first.reset_index()


def event_line(row: pd.Series | dict, lang: str) -> str:
    """An event's summary in ``lang``, from its type's template; announced ones marked."""
    line = wording.event_summary(row.get("event_type"), row.get("country"), row.get("actors"),
                                 lang)
    if row.get("status") == ANNOUNCED:
        line += f" ({label('announced', lang)})"
    return line


def latest_event(sel: Selection) -> pd.Series | None:
    """The latest event of the selection that happened (announced ones do not count).

    Ranked by the start of its window: a decision whose window runs on into the future
    ("until June 2024") is as late as the text can place it, not later.
    """
    ev = happenings(sel.events)
    ev = ev[(ev["status"] == HAPPENED) & ev["t0"].notna()] if len(ev) else ev
    if not len(ev):
        return None
    return ev.sort_values(["t0", "t1"]).iloc[-1]


def key_events(sel: Selection, notes: Footnotes, limit: int = 20) -> pd.DataFrame:
    """The most important happenings of the selection, in date order, each with all its sources."""
    lang = sel.params.lang
    ev = happenings(sel.events[sel.events["event_type"].isin(KEY_TYPES)])
    if len(ev) > limit:  # a fair share for each type (its latest events), then by importance
        share = max(2, limit // max(1, ev["event_type"].nunique()))
        ev = ev.sort_values("t0").groupby("event_type", group_keys=False).tail(share)
        rank = ev["event_type"].map({t: i for i, t in enumerate(KEY_TYPES)})
        ev = ev.loc[rank.sort_values(kind="stable").index[:limit]]
    ev = ev.sort_values(["t0", "t1"])
    return pd.DataFrame({
        label("date", lang): [fmt_window(a, b, lang) for a, b in zip(ev["t0"], ev["t1"],
                                                                      strict=True)],
        label("event_type", lang): ev["event_type"].map(lambda t: wording.event_label(t, lang)),
        label("country", lang): ev["country"].map(lambda c: country_name(c, lang)),
        label("summary", lang): [event_line(r, lang) for _, r in ev.iterrows()],
        label("source", lang): [notes.refs(sel.events.loc[r["rows"]]) for _, r in ev.iterrows()],
    })


def key_events_html(sel: Selection, notes: Footnotes, limit: int = 20) -> str:
    """Key events as an HTML list: date, type, summary, source references."""
    df = key_events(sel, notes, limit)
    if df.empty:
        return f'<p class="nodata">{esc(label("no_data", sel.params.lang))}</p>'
    items = "".join(f"<li><b>{esc(d)}</b> · {esc(t)}: {esc(s)}{ref}</li>"
                    for d, t, _c, s, ref in df.itertuples(index=False))
    return f'<ul class="events">{items}</ul>'


# ---------------------------------------------------------------- analysis helpers


def euro_by_recipient_year(budgets: pd.DataFrame) -> pd.DataFrame:
    """Euro amounts (millions) by recipient and year, spread over multi-year periods."""
    from .charts import spread_budgets

    eur = spread_budgets(budgets)
    if not len(eur):
        return pd.DataFrame()
    return eur.pivot_table(index="recipient", columns="year", values="mln",
                           aggfunc="sum").round(2)


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
    eur = eur[[wording.plausible_eur(v) for v in eur["amount_eur"]]]
    if not len(eur):
        return pd.DataFrame()
    kind = eur["per_year"].map({True: "yearly"}).fillna("one-off").rename("kind")
    return (eur["amount_eur"] / 1e6).groupby(kind).agg(["count", "sum"]).round(2)


def write_tables(sel: Selection, folder: str | Path, stem: str) -> list[Path]:
    """The briefing's tables as CSV beside it: ``STEM-personnel.csv``, ``-budgets``, ``-events``.

    Their ``source`` column holds footnote numbers; ``STEM-sources.csv`` lists each number's
    quote, document title, date, Kamerstuk number, address and file.
    """
    folder = Path(folder)
    lang = sel.params.lang
    notes = Footnotes(lang)
    frames = {"personnel": personnel_table(sel, notes), "budgets": budget_table(sel, notes),
              "events": key_events(sel, notes, limit=10_000)}
    out = []
    src = label("source", lang)
    for part, df in frames.items():
        plain = df.assign(**{src: df[src].map(lambda h: ",".join(re.findall(r">(\d+)<", h)))})
        out.append(folder / f"{stem}-{part}.csv")
        plain.to_csv(out[-1], index=False, encoding="utf-8")
    sources = pd.DataFrame([{"n": n, "quote": it["quote"], "title": it["title"],
                             "date": it["doc_date"], "kamerstuk": it["kamerstuk"],
                             "url": it["url"], "file": it["file"], "part": it["part"]}
                            for n, it in enumerate(notes.items, 1)],
                           columns=["n", "quote", "title", "date", "kamerstuk", "url", "file",
                                    "part"])
    out.append(folder / f"{stem}-sources.csv")
    sources.to_csv(out[-1], index=False, encoding="utf-8")
    return out
