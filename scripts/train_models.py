#!/usr/bin/env python3
"""Train the learned name tagger and pair classifier from labelled sentence pairs.

Usage: python scripts/train_models.py PAIRS.jsonl [--out graphbuild/data]

PAIRS.jsonl holds one sentence per line with one entity pair, in the FinRE
pairs format (``text``, ``positive``, ``investor``/``target`` and
``directed`` for money relations, ``a``/``b`` otherwise). The shipped models
were trained on the FinRE training split (thunlp/Chinese_NRE, MIT licence);
its validation split was kept out for measuring. Needs the ``train`` extra
(scikit-learn) besides graphbuild itself.

Names: every pair name, plus the names the rules find (so the tagger does
not learn that an unannotated company is no name), tagged B/I/O per
character. Pairs: each annotated pair, with the other names masked, labelled
none / forward / backward; undirected money relations are left out, and so
are the relations that are neither money with a direction nor clearly no
money (see ``NO_MONEY``).
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import pycrfsuite
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from graphbuild.entities import EntityFinder, Mention
from graphbuild.name_tagger import NameTagger, char_features
from graphbuild.nlp import make_nlp, token_spans
from graphbuild.pair_classifier import LABELS, masked_text, pair_features


def read_pairs(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def pair_names(row: dict) -> tuple[str, str]:
    return (row["investor"], row["target"]) if row["positive"] else (row["a"], row["b"])


def char_tags(text: str, gold: list[str], found: list[Mention]) -> list[str]:
    """B/I/O per character: the pair's names first, then the rules' names where they do not overlap."""
    spans = []
    for name in gold:
        at = text.find(name) if name else -1
        while at >= 0:
            spans.append((at, at + len(name)))
            at = text.find(name, at + len(name))
    spans += [(m.start, m.end) for m in found if not m.is_ref]
    tags = ["O"] * len(text)
    for start, end in spans:
        if all(t == "O" for t in tags[start:end]):
            tags[start : end] = ["B"] + ["I"] * (end - start - 1)
    return tags


def train_tagger(rows: list[dict], mentions: dict[str, list[Mention]], path: Path, c1: float) -> None:
    gold: dict[str, list[str]] = {}
    for row in rows:
        gold.setdefault(row["text"], []).extend(pair_names(row))
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, names in gold.items():
        trainer.append(char_features(text), char_tags(text, names, mentions[text]))
    trainer.set_params({"c1": c1, "c2": 0.1, "max_iterations": 60, "feature.possible_transitions": True})
    trainer.train(str(path))


def _locate(text: str, mentions: list[Mention], name: str, finder: EntityFinder, avoid: Mention | None = None):
    """The mention naming ``name`` (one the finder found, else the name's first free occurrence)."""
    for m in mentions:
        if not m.is_ref and m is not avoid and (name in m.text or m.text in name) and len(m.text) >= 2:
            return m, mentions
    at = text.find(name)
    while at >= 0 and avoid is not None and at < avoid.end and avoid.start < at + len(name):
        at = text.find(name, at + 1)
    if at < 0 or not name:
        return None, mentions
    m = Mention(at, at + len(name), name, finder._resolve(name), "gold")
    kept = [x for x in mentions if not (x.start < m.end and m.start < x.end)]
    return m, sorted([*kept, m], key=lambda x: x.start)


# FinRE relations that say the pair exchanged no money. The other non-deal labels (持股, 拥有, 转让,
# 交易, 减持, 发行…) are stakes and sales whose payer FinRE does not give: trained as "none", they
# taught the classifier that holding or selling a stake is no deal (-2.5 points of cross-validated recall).
NO_MONEY = frozenset("unknown 自己 合作 竞争 分析 纠纷 商讨".split())


def pair_example(row: dict, mentions: list[Mention], finder: EntityFinder) -> tuple[list[str], int] | None:
    if row["positive"] and not row.get("directed", True):
        return None
    if not row["positive"] and row.get("relation", "unknown") not in NO_MONEY:
        return None
    a, b = pair_names(row)
    ma, mentions = _locate(row["text"], mentions, a, finder)
    if ma is None:
        return None
    mb, mentions = _locate(row["text"], mentions, b, finder, avoid=ma)
    if mb is None or (ma.start < mb.end and mb.start < ma.end):
        return None
    first, second = (ma, mb) if ma.start < mb.start else (mb, ma)
    names = [m for m in mentions if not m.is_ref]
    masked, x, y = masked_text(row["text"], names, first, second)
    label = 0 if not row["positive"] else (1 if first is ma else 2)
    return pair_features(masked, x, y), label


def train_pairs(examples: list[tuple[list[str], int]], c: float, threshold: float, path: Path) -> None:
    """Multinomial logistic regression over the features seen in at least two pairs."""
    seen = Counter(f for feats, _ in examples for f in set(feats))
    vec = DictVectorizer()
    matrix = vec.fit_transform([{f: 1 for f in feats if seen[f] >= 2} for feats, _ in examples])
    labels = [label for _, label in examples]
    clf = LogisticRegression(C=c, max_iter=3000).fit(matrix, labels)
    weights = {}
    for feature, column in vec.vocabulary_.items():
        w = [round(float(clf.coef_[k][column]), 2) for k in range(len(LABELS))]
        if any(w):
            weights[feature] = w
    bias = weights.get("bias", [0.0] * len(LABELS))
    weights["bias"] = [round(bias[k] + float(clf.intercept_[k]), 3) for k in range(len(LABELS))]
    path.write_text(json.dumps({"labels": LABELS, "threshold": threshold, "weights": weights}, ensure_ascii=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", type=Path)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "graphbuild" / "data")
    parser.add_argument("--c1", type=float, default=0.5, help="L1 weight of the tagger (larger: smaller model)")
    parser.add_argument("--C", type=float, default=1.0, help="inverse regularisation of the pair classifier")
    parser.add_argument("--threshold", type=float, default=0.7, help="probability a pair needs to become a deal")
    args = parser.parse_args()

    rows = read_pairs(args.pairs)
    nlp = make_nlp(learned=False)
    rules = EntityFinder(nlp.get_pipe("graphbuild_orgs").finder.catalog)
    tokens = {text: token_spans(nlp.make_doc(text)) for text in {row["text"] for row in rows}}
    mentions = {text: rules.find(text, spans) for text, spans in tokens.items()}
    tagger_path = args.out / "names.crfsuite"
    train_tagger(rows, mentions, tagger_path, args.c1)
    print(f"name tagger -> {tagger_path} ({tagger_path.stat().st_size // 1024} KB)")

    learned = EntityFinder(rules.catalog, NameTagger(tagger_path))
    mentions = {text: learned.find(text, spans) for text, spans in tokens.items()}
    examples = [e for row in rows if (e := pair_example(row, mentions[row["text"]], learned)) is not None]
    pairs_path = args.out / "pair_model.json"
    train_pairs(examples, args.C, args.threshold, pairs_path)
    print(f"pair classifier ({len(examples)} pairs) -> {pairs_path} ({pairs_path.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
