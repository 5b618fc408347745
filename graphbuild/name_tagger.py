"""Organisation names no rule recognises, read off the characters by a learned tagger.

Brand-only names (华菱, 瑞茂通, 深圳地铁) carry no company word and are in no
catalog. A linear-chain CRF (python-crfsuite) over character n-grams tags
them B/I/O. It needs no segmentation, so the cheap pre-filter can ask it the
same question the full pipeline does and stay exact. The model
(``data/names.crfsuite``) is made by ``scripts/train_models.py``.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from graphbuild.catalog import t2s

def _kind(c: str) -> str:
    if "\u4e00" <= c <= "\u9fff":
        return "H"
    if c.isdigit():
        return "D"
    if c.isascii() and c.isalpha():
        return "L"
    return "P"


def char_features(text: str) -> list[list[str]]:
    """The features of each character: itself, its neighbours, and the n-grams around it."""
    pad = "^^" + text + "$$"
    kinds = "^^" + "".join(_kind(c) for c in text) + "$$"
    n = len(text)
    at = range(2, n + 2)
    columns = (
        ["c=" + c for c in text],
        ["p=" + pad[j - 1] for j in at],
        ["n=" + pad[j + 1] for j in at],
        ["pp=" + pad[j - 2] for j in at],
        ["nn=" + pad[j + 2] for j in at],
        ["pc=" + pad[j - 1 : j + 1] for j in at],
        ["cn=" + pad[j : j + 2] for j in at],
        ["ppp=" + pad[j - 2 : j] for j in at],
        ["nnn=" + pad[j + 1 : j + 3] for j in at],
        ["pcn=" + pad[j - 1 : j + 2] for j in at],
        ["t=" + kinds[j : j + 2] for j in at],
    )
    return [list(row) for row in zip(*columns)]


def spans_from_tags(tags: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each B I* run."""
    spans, start = [], None
    for i, tag in enumerate([*tags, "O"]):
        if tag != "I" and start is not None:
            spans.append((start, i))
            start = None
        if tag == "B":
            start = i
    return spans


class NameTagger:
    """Tags organisation names in a sentence (which of them count is ``EntityFinder.model_spans``'s call)."""

    def __init__(self, model: str | Path):
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model))

    def spans(self, text: str) -> list[tuple[int, int]]:
        if not text:
            return []
        simplified = t2s(text)  # the tagger learned from simplified script
        return spans_from_tags(self._tagger.tag(char_features(simplified if len(simplified) == len(text) else text)))


@lru_cache(maxsize=None)
def default_tagger() -> NameTagger:
    with resources.as_file(resources.files("graphbuild").joinpath("data/names.crfsuite")) as path:
        return NameTagger(path)
