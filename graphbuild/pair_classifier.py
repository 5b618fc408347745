"""A learned second opinion on who pays whom, for pairs of names the rules leave alone.

The relation rules know a few hundred phrasings; news has more. This module
scores an ordered pair of organisation mentions in one sentence with a linear
model over the words around and between them (the names themselves masked, so
it learns phrasings, not companies): none, first pays second, or second pays
first. The weights are plain JSON (``data/pair_model.json``), made by
``scripts/train_models.py``; reading them needs nothing beyond the standard
library.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Set
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import combinations
from pathlib import Path

from graphbuild.entities import Mention

LABELS = ("none", "forward", "backward")  # forward: the earlier mention pays the later one
FIRST, SECOND, OTHER, NUMBER = "Ａ", "Ｂ", "Ｏ", "Ｎ"
_NUMBER = re.compile(r"<N>|[0-9０-９]+(?:[.,．][0-9０-９]+)*")
_CLAUSE_BREAK = re.compile(r"[，,；;：:！？!?。（）()]")
WINDOW = 8
MAX_GAP = 60  # pairs further apart than this are never scored,
MAX_CLAUSE_BREAKS = 1  # nor those in clauses further apart (the model learned from one or two clauses)
_OWNED_BY_FIRST = re.compile("旗下的?|之全資附屬公司|之全资附属公司|的全资子公司|的全資子公司")


def _masked(sentence: str, names: list[Mention]) -> tuple[str, dict[int, int]]:
    """``sentence`` with each of ``names`` (non-overlapping) as Ｏ and numbers as Ｎ, and where each name's Ｏ is."""
    out, at, length, places = [], 0, 0, {}
    for m in sorted(names, key=lambda m: m.start):
        if m.start < at:
            continue
        piece = _NUMBER.sub(NUMBER, sentence[at : m.start])
        out.append(piece)
        length += len(piece)
        places[id(m)] = length
        out.append(OTHER)
        length += 1
        at = m.end
    out.append(_NUMBER.sub(NUMBER, sentence[at:]))
    return "".join(out), places


def _marked(masked: str, a: int, b: int) -> str:
    return masked[:a] + FIRST + masked[a + 1 : b] + SECOND + masked[b + 1 :]


def masked_text(sentence: str, mentions: list[Mention], first: Mention, second: Mention) -> tuple[str, int, int]:
    """``sentence`` with the pair as Ａ/Ｂ, other names as Ｏ and numbers as Ｎ; returns it and Ａ's and Ｂ's places."""
    others = [m for m in mentions if m is not first and m is not second]
    others = [m for m in others if not any(m.start < p.end and p.start < m.end for p in (first, second))]
    masked, places = _masked(sentence, [first, second, *others])
    a, b = places[id(first)], places[id(second)]
    return _marked(masked, a, b), a, b


def pair_features(masked: str, a: int, b: int) -> list[str]:
    """Sparse features of the pair at ``a`` < ``b`` in ``masked`` text."""
    between = masked[a + 1 : b]
    left = masked[max(0, a - WINDOW) : a]
    right = masked[b + 1 : b + 1 + WINDOW]
    feats = ["bias", f"gap:{min(len(between) // 4, 8)}"]
    feats.append("same_clause" if not _CLAUSE_BREAK.search(between) else "clauses")
    feats.append(f"others:{min(between.count(OTHER), 2)}")
    for name, part in (("m", between), ("l", "^" + left), ("r", right + "$")):
        feats.extend(f"{name}1:{c}" for c in set(part))
        feats.extend(f"{name}2:{part[i:i + 2]}" for i in range(len(part) - 1))
    feats.extend(f"m3:{between[i:i + 3]}" for i in range(len(between) - 2))
    # the words right next to each name carry most of the direction (被, 向, 由, 对)
    feats.append(f"a>{masked[a + 1 : a + 3]}")
    feats.append(f"<b{masked[max(0, b - 2) : b]}")
    feats.append(f"b>{masked[b + 1 : b + 3]}")
    feats.append(f"<a{masked[max(0, a - 2) : a]}")
    return feats


@dataclass(frozen=True)
class PairScore:
    payer: Mention
    payee: Mention
    probability: float


class PairModel:
    """Linear (multinomial logistic) weights over ``pair_features``."""

    def __init__(self, weights: dict[str, list[float]], threshold: float):
        self.weights = weights
        self.threshold = threshold

    @classmethod
    def load(cls, path: str | Path | None = None) -> "PairModel":
        if path is None:
            raw = resources.files("graphbuild").joinpath("data/pair_model.json").read_text(encoding="utf-8")
        else:
            raw = Path(path).read_text(encoding="utf-8")
        data = json.loads(raw)
        return cls(data["weights"], data["threshold"])

    def probabilities(self, feats: list[str]) -> list[float]:
        none = forward = backward = 0.0  # one score per label, unrolled: this runs for every pair
        get = self.weights.get
        for f in feats:
            w = get(f)
            if w is not None:
                none += w[0]
                forward += w[1]
                backward += w[2]
        top = max(none, forward, backward)
        exp = [math.exp(none - top), math.exp(forward - top), math.exp(backward - top)]
        total = sum(exp)
        return [e / total for e in exp]

    def score_pairs(self, sentence: str, mentions: list[Mention], explained: Set[str] = frozenset()) -> list[PairScore]:
        """The pairs of distinct named organisations the model reads as a payment, surest first.

        Pairs whose two entity ids are both in ``explained`` (each already has a rule's deal) are not scored.
        """
        names = [m for m in mentions if not m.is_ref]
        # verb-slot names are the rules' guesses at a verb's arguments, not names seen in their own right
        scored = [m for m in names if m.source != "slot"]
        found = []
        masked_all, places = None, {}
        for first, second in combinations(sorted(scored, key=lambda m: m.start), 2):
            if first.entity.id == second.entity.id or not 0 <= second.start - first.end <= MAX_GAP:
                continue
            if first.entity.id in explained and second.entity.id in explained:
                continue
            if len(_CLAUSE_BREAK.findall(sentence, first.end, second.start)) > MAX_CLAUSE_BREAKS:
                continue
            if _OWNED_BY_FIRST.fullmatch(sentence, first.end, second.start):
                continue  # 湘江钢铁旗下的湖南湘钢冷轧: the group owns the second, no payment between them
            if masked_all is None:  # once per sentence; each pair only swaps its two Ｏ for Ａ and Ｂ
                masked_all, places = _masked(sentence, names)
            if id(first) in places and id(second) in places:
                a, b = places[id(first)], places[id(second)]
                masked = _marked(masked_all, a, b)
            else:  # overlapping names: mask this pair on its own
                masked, a, b = masked_text(sentence, names, first, second)
            p = self.probabilities(pair_features(masked, a, b))
            if p[1] >= self.threshold and p[1] > p[2]:
                found.append(PairScore(first, second, p[1]))
            elif p[2] >= self.threshold:
                found.append(PairScore(second, first, p[2]))
        return sorted(found, key=lambda s: -s.probability)


@lru_cache(maxsize=1)
def default_model() -> PairModel:
    return PairModel.load()
