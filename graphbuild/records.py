"""Typed records that pass between pipeline stages.

Every stage takes and returns these dataclasses; JSON is only written and read
at the edges (deals.jsonl, graph files, loops.json) through ``to_dict`` /
``from_dict``, so the on-disk format is defined in one place and matches
``schemas/*.schema.json``.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

_CHAR_REF = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);?")

DEAL_TYPES = (
    "investment",
    "purchase",
    "cloud_contract",
    "loan",
    "acquisition",
    "equity_option",
    "other",
)


@dataclass
class Document:
    """A decoded input file: ``text`` is the whole original file as Unicode.

    ``html`` is true when the file was an HTML page; ``text`` is then the page
    source and cleaning reduces it to visible text (offsets still point here).
    """

    path: str
    text: str
    encoding: str
    html: bool = False


@dataclass
class CleanText:
    """Cleaned text with a map back to the original.

    ``offsets[i]`` is the index in ``Document.text`` of ``text[i]``; it has one
    extra trailing entry (the original end) so spans ``[a, b)`` map to
    ``[offsets[a], offsets[b - 1] + 1)``.
    """

    doc: Document
    text: str
    offsets: list[int]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean-text span to the original file's span."""
        if end <= start:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.doc.text)
            return pos, pos
        last = self.offsets[end - 1]
        if self.doc.html and self.doc.text.startswith("&", last):
            # the last character was an entity such as &rdquo;: include all of it
            ref = _CHAR_REF.match(self.doc.text, last)
            if ref:
                return self.offsets[start], ref.end()
        return self.offsets[start], last + 1


@dataclass(frozen=True)
class Entity:
    """An organisation (or person, fund, government) from the catalog or found in text."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "company"
    roles: tuple[str, ...] = ()
    name_zh: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["aliases"] = list(self.aliases)
        d["roles"] = list(self.roles)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Entity":
        return cls(
            id=d["id"],
            name=d.get("name") or d["id"],
            aliases=tuple(d.get("aliases") or ()),
            kind=d.get("kind") or "company",
            roles=tuple(d.get("roles") or ()),
            name_zh=d.get("name_zh"),
        )


@dataclass(frozen=True)
class Party:
    """One side of a deal: resolved entity id and display name, plus the text's own mention
    and the other names the document gives it (a short name it defines, its full name, its name with the
    country the text wrote before it)."""

    id: str
    name: str
    mention: str
    aliases: tuple[str, ...] = ()
    kind: str = "company"  # written only when it is another kind (person, fund, government)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        if self.aliases:
            d["aliases"] = list(self.aliases)
        else:
            del d["aliases"]
        if self.kind == "company":
            del d["kind"]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Party":
        return cls(
            id=d["id"], name=d.get("name") or d["id"], mention=d.get("mention") or d.get("name") or d["id"],
            aliases=tuple(d.get("aliases") or ()), kind=d.get("kind") or "company",
        )


@dataclass(frozen=True)
class Amount:
    """A money amount as stated, plus its value in USD from the dated rate table.

    ``value`` is in units of ``currency`` (1000亿美元 → 1e11, "USD").
    ``approximate`` marks vague or bounded amounts (几百亿, 超520亿): ``value`` is
    then the lower bound. ``currency_inferred`` says the text gave no currency
    word and it was taken from a nearby amount.
    """

    value: float
    currency: str
    usd: float | None
    text: str
    approximate: bool = False
    currency_inferred: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "Amount | None":
        if not d:
            return None
        return cls(
            value=float(d["value"]),
            currency=d["currency"],
            usd=None if d.get("usd") is None else float(d["usd"]),
            text=d.get("text", ""),
            approximate=bool(d.get("approximate", False)),
            currency_inferred=bool(d.get("currency_inferred", False)),
        )


@dataclass
class Deal:
    """One money flow stated in one document: ``investor`` pays ``target``."""

    investor: Party
    target: Party
    amount: Amount | None
    deal_type: str
    doc: str
    sentence: str
    start: int
    end: int
    confidence: float
    date: str | None = None
    date_text: str | None = None
    trigger: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, str, str]:
        """Identity of a deal within one document (used to merge restatements)."""
        return (self.doc, self.investor.id, self.target.id, self.deal_type)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "investor": self.investor.to_dict(),
            "target": self.target.to_dict(),
            "amount": self.amount.to_dict() if self.amount else None,
            "deal_type": self.deal_type,
            "date": self.date,
            "date_text": self.date_text,
            "doc": self.doc,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "confidence": round(float(self.confidence), 3),
        }
        if self.trigger:
            d["trigger"] = self.trigger
        if self.extra:
            d["extra"] = self.extra
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Deal":
        return cls(
            investor=Party.from_dict(d["investor"]),
            target=Party.from_dict(d["target"]),
            amount=Amount.from_dict(d.get("amount")),
            deal_type=d.get("deal_type") or "other",
            doc=d["doc"],
            sentence=d.get("sentence", ""),
            start=int(d.get("start", 0)),
            end=int(d.get("end", 0)),
            confidence=float(d.get("confidence", 0.5)),
            date=d.get("date"),
            date_text=d.get("date_text"),
            trigger=d.get("trigger"),
            extra=dict(d.get("extra") or {}),
        )
