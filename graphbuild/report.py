"""The loops report: loops.json rendered as Markdown or one self-contained HTML page.

Both formats are rendered by jinja2 templates (``templates/loops.md.j2`` and
``templates/loops.html.j2``) from the same view model built here, so they show
the same facts: a summary, every loop as a chain of companies with the deals on
each arrow, the evidence sentence and document behind every deal, the mutual
pairs (2-cycles) and the biggest payers and receivers.

Evidence sentences are untrusted news text: the HTML environment autoescapes
everything, the Markdown environment escapes markup characters in every
``{{ … }}`` value (via ``finalize``), so nothing from the news can add markup.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from graphbuild.errors import GraphbuildError
from graphbuild.jsonio import atomic_write, read_json

# Chinese labels shown beside the English deal types (records.DEAL_TYPES).
DEAL_TYPE_ZH = {
    "investment": "投资",
    "purchase": "采购",
    "cloud_contract": "云服务合同",
    "loan": "贷款",
    "acquisition": "收购",
    "equity_option": "股权选择权",
    "other": "其他",
}

UNKNOWN = "unknown"

FORMATS = {".md": "loops.md.j2", ".markdown": "loops.md.j2", ".html": "loops.html.j2", ".htm": "loops.html.j2"}


def format_usd(usd: float | None, approximate: bool = False) -> str:
    """A readable USD amount: ``US$100.0 bn``, ``US$1.40 tn``, ``US$600.0 m``; None → "unknown".

    ``approximate`` amounts are lower bounds (几百亿 → at least 100亿) and get a "≥".
    """
    if usd is None:
        return UNKNOWN
    usd = float(usd)
    if abs(usd) >= 1e12:
        text = f"US${usd / 1e12:.2f} tn"
    elif abs(usd) >= 1e9:
        text = f"US${usd / 1e9:.1f} bn"
    elif abs(usd) >= 1e6:
        text = f"US${usd / 1e6:.1f} m"
    else:
        text = f"US${usd:,.0f}"
    return f"≥{text}" if approximate else text


def display_name(name: str | None, name_zh: str | None, fallback: str = "?") -> str:
    """Chinese and English names side by side: ``英伟达 Nvidia`` (one of them when only one is known)."""
    name = name or fallback
    if name_zh and name_zh != name:
        return f"{name_zh} {name}"
    return name


def deal_type_label(deal_type: str) -> str:
    """``投资 investment``; unknown types are shown as they are."""
    zh = DEAL_TYPE_ZH.get(deal_type)
    return f"{zh} {deal_type}" if zh else deal_type


# ---------------------------------------------------------------- view model


@dataclass
class Company:
    id: str
    name: str
    name_zh: str | None
    label: str


@dataclass
class Evidence:
    sentence: str
    doc: str
    start: int | None
    end: int | None


@dataclass
class DealView:
    id: str
    deal_type: str
    type_label: str
    amount: str  # USD, readable, or "unknown"
    amount_text: str | None  # the amount as the text states it (1000億美元)
    confidence: float
    date: str | None
    evidence: list[Evidence]


@dataclass
class Step:
    """One arrow of a loop: source pays target through one or more deals."""

    source: Company
    target: Company
    types_label: str  # 投资 investment, 采购 purchase
    amount: str  # USD total of the deals with an amount, or "unknown"
    deals: list[DealView]

    @property
    def arrow(self) -> str:
        """The arrow text between two names: ``—投资 investment US$100.0 bn→``."""
        return f"—{self.types_label} {self.amount}→"


@dataclass
class LoopView:
    rank: int
    length: int
    members: list[Company]
    steps: list[Step]
    round_trip: str  # "US$100.0 bn", "≤US$20.0 bn" when some edges have no amount, or "unknown"
    round_trip_note: str | None
    confidence: float
    documents: list[str]

    @property
    def anchor(self) -> str:
        return f"loop-{self.rank}"

    @property
    def chain(self) -> str:
        """``英伟达 Nvidia —投资 investment US$100.0 bn→ OpenAI —…→ 英伟达 Nvidia``."""
        parts = [self.steps[0].source.label] if self.steps else []
        for step in self.steps:
            parts += [step.arrow, step.target.label]
        return " ".join(parts)

    @property
    def names(self) -> str:
        """``Nvidia → OpenAI → Oracle → Nvidia`` (English names, for the overview)."""
        names = [m.label for m in self.members]
        return " → ".join(names + names[:1])


@dataclass
class Ranked:
    company: Company
    amount: str


@dataclass
class ReportView:
    summary: dict[str, Any]
    loops: list[LoopView]
    top_payers: list[Ranked]
    top_receivers: list[Ranked]
    longer: list[LoopView] = field(default_factory=list)  # 3 or more companies
    pairs: list[LoopView] = field(default_factory=list)  # 2-cycles


def _company(d: dict[str, Any]) -> Company:
    cid = str(d.get("id") or "?")
    name = d.get("name") or cid
    return Company(id=cid, name=name, name_zh=d.get("name_zh"), label=display_name(name, d.get("name_zh"), cid))


def _deal(d: dict[str, Any]) -> DealView:
    deal_type = d.get("deal_type") or "other"
    return DealView(
        id=str(d.get("id", "")),
        deal_type=deal_type,
        type_label=deal_type_label(deal_type),
        amount=format_usd(d.get("amount_usd"), bool(d.get("approximate"))),
        amount_text=d.get("amount_text") or None,
        confidence=float(d.get("confidence") or 0.0),
        date=d.get("date"),
        evidence=[
            Evidence(sentence=e.get("sentence") or "", doc=e.get("doc") or "", start=e.get("start"), end=e.get("end"))
            for e in d.get("evidence") or []
        ],
    )


def _loop(d: dict[str, Any], companies: dict[str, Company]) -> LoopView:
    members = [_company(m) for m in d.get("members") or []]
    for m in members:
        companies.setdefault(m.id, m)
    steps = []
    for e in d.get("edges") or []:
        deals = [_deal(x) for x in e.get("deals") or []]
        types = e.get("deal_types") or sorted({x.deal_type for x in deals})
        approximate = any(x.get("approximate") for x in e.get("deals") or [] if x.get("amount_usd") is not None)
        source = companies.get(e["source"]) or _company({"id": e["source"]})
        target = companies.get(e["target"]) or _company({"id": e["target"]})
        steps.append(
            Step(
                source=source,
                target=target,
                types_label=", ".join(deal_type_label(t) for t in types),
                amount=format_usd(e.get("usd"), approximate),
                deals=deals,
            )
        )
    if not steps:
        raise GraphbuildError(f"loop {d.get('rank')} has no edges")
    usd = d.get("amount_usd")
    complete = bool(d.get("amount_complete"))
    unknown_edges = sum(1 for e in d.get("edges") or [] if e.get("usd") is None)
    # The round trip is a lower bound when its smallest edge is a vague amount (几百亿 → ≥ 100亿).
    vague = usd is not None and any(
        x.get("approximate")
        for e in d.get("edges") or []
        if e.get("usd") is not None and abs(e["usd"] - usd) <= 1e-9 * abs(usd)
        for x in e.get("deals") or []
    )
    if usd is None:
        round_trip, note = UNKNOWN, "no edge of this loop states an amount"
    elif complete:
        round_trip, note = format_usd(usd, approximate=vague), None
    else:
        # The smallest known edge bounds the round trip from above; an edge without an amount may be smaller.
        round_trip = ("~" if vague else "≤") + format_usd(usd)
        note = f"amount unknown on {unknown_edges} of {len(steps)} edges"
    return LoopView(
        rank=int(d.get("rank") or 0),
        length=int(d.get("length") or len(members)),
        members=members,
        steps=steps,
        round_trip=round_trip,
        round_trip_note=note,
        confidence=float(d.get("confidence") or 0.0),
        documents=list(d.get("documents") or []),
    )


def _ranked(rows: list[dict[str, Any]]) -> list[Ranked]:
    return [Ranked(company=_company(r), amount=format_usd(r.get("usd"))) for r in rows or []]


def build_view(data: dict[str, Any]) -> ReportView:
    """The report's view model from loops.json data (the dict ``write_loops`` writes)."""
    if not isinstance(data, dict) or not isinstance(data.get("loops"), list):
        raise GraphbuildError("not a loops.json document (no 'loops' list)")
    companies: dict[str, Company] = {}
    loops = sorted((_loop(d, companies) for d in data["loops"]), key=lambda lv: lv.rank)
    summary = dict(data.get("summary") or {})
    summary.setdefault("loops", len(loops))
    return ReportView(
        summary=summary,
        loops=loops,
        top_payers=_ranked(data.get("top_payers")),
        top_receivers=_ranked(data.get("top_receivers")),
        longer=[lv for lv in loops if lv.length > 2],
        pairs=[lv for lv in loops if lv.length == 2],
    )


# ---------------------------------------------------------------- rendering

# Only what can open markup in mid-line text (CommonMark + GFM tables, strikethrough, math).
# The templates never put a value at the start of a line, so list/heading markers are safe.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|$~])")


def md_escape(value: Any) -> str:
    """Escape Markdown markup (and table pipes) in one value; newlines become spaces."""
    if value is None:
        return ""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def md_code(value: Any, in_table: bool = False) -> Markup:
    """A Markdown code span that shows ``value`` literally, whatever backticks it holds.

    In a GFM table cell a pipe ends the cell even inside a code span, unless escaped.
    """
    text = " ".join(str(value).split())
    if in_table:
        text = text.replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return Markup(f"{fence}{pad}{text}{pad}{fence}")


def _md_finalize(value: Any) -> Any:
    return value if isinstance(value, Markup) else md_escape(value)


@lru_cache(maxsize=None)
def _environment(markdown: bool) -> jinja2.Environment:
    common = dict(
        loader=jinja2.PackageLoader("graphbuild", "templates"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    if markdown:
        # finalize runs on every {{ value }}: markup can only come from the template or md_code.
        env = jinja2.Environment(autoescape=False, finalize=_md_finalize, **common)
        env.filters["code"] = md_code
        env.filters["cell_code"] = lambda value: md_code(value, in_table=True)
        return env
    return jinja2.Environment(autoescape=True, **common)


def render_report(data: dict[str, Any] | str | os.PathLike, fmt: str = "md") -> str:
    """The report as a string; ``fmt`` is "md" or "html"; ``data`` is loops.json data or its path."""
    if isinstance(data, (str, os.PathLike)):
        data = read_json(data)
    suffix = "." + fmt.lower().lstrip(".")
    if suffix not in FORMATS:
        raise GraphbuildError(f"unknown report format {fmt!r} (use md or html)")
    try:
        view = build_view(data)
    except (KeyError, TypeError, ValueError) as e:
        raise GraphbuildError(f"loops data is malformed ({e.__class__.__name__}: {e})") from None
    template = _environment(FORMATS[suffix].endswith(".md.j2")).get_template(FORMATS[suffix])
    return template.render(report=view)


def write_report(loops: dict[str, Any] | str | os.PathLike, out_path: str | os.PathLike) -> Path:
    """Write the loops report to ``out_path``; the format follows its suffix (.md or .html).

    ``loops`` is the path of a loops.json or its already-loaded data. The file is
    written atomically, so a failed render leaves any earlier report in place.
    """
    out_path = Path(out_path)
    suffix = out_path.suffix.lower()
    if suffix not in FORMATS:
        raise GraphbuildError(f"{out_path}: unknown report format {out_path.suffix or '(no suffix)'!r}; use .md or .html")
    try:
        text = render_report(loops, suffix)
    except GraphbuildError as e:
        if isinstance(loops, (str, os.PathLike)) and not str(e).startswith(str(loops)):
            raise GraphbuildError(f"{loops}: {e}") from None
        raise
    with atomic_write(out_path) as fh:
        fh.write(text)
    return out_path
