"""The cheap pre-filter never drops a sentence the full pipeline finds a deal in."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from graphbuild import relations
from graphbuild.clean import clean
from graphbuild.extract import Extractor, extract_paths
from graphbuild.ingest import read_documents
from graphbuild.records import Document
from graphbuild.relations import RULES, SENTENCE_RULES, SentenceRelations, could_hold_deal

ROOT = Path(__file__).resolve().parent.parent
CORPUS = [
    ROOT / "seeds", ROOT / "benchmarks" / "passages.txt", ROOT / "tests" / "fixtures" / "run_corpus",
    ROOT / "tests" / "fixtures" / "announcements",  # 公司, subscribers, rounds and syndicates (test_relations.ANNOUNCEMENTS)
]


@pytest.fixture(scope="module")
def extractor():
    return Extractor(progress=False)


def test_every_sentence_with_a_deal_passes_the_skeletons_and_the_candidate_count(extractor):
    checked = 0
    for document in read_documents(CORPUS, on_error=lambda err: None):
        for sent in extractor.sentences(clean(document)):
            doc = extractor.nlp.make_doc(sent.text)
            doc._.context = sent.context
            for _, proc in extractor.nlp.pipeline[:2]:  # mentions and money, not the deal finder
                doc = proc(doc)
            # the rules themselves, without find_relations' early exit
            rels = SentenceRelations(sent.text, doc._.mentions, doc._.amounts, extractor.finder.catalog.roles).find()
            if rels:
                checked += 1
                assert could_hold_deal(sent.text), sent.text
                assert extractor.is_candidate(sent.text), sent.text
    assert checked >= 40  # the corpus really exercises the rules


def test_pre_filter_and_full_pipeline_find_the_same_deals():
    fast = extract_paths(CORPUS, prefilter=True, progress=False)
    full = extract_paths(CORPUS, prefilter=False, progress=False)
    assert fast.candidates < full.candidates
    assert [d.to_dict() for d in fast.deals] == [d.to_dict() for d in full.deals]


def test_each_rule_skeleton_holds_its_trigger_words():
    for rule in RULES + SENTENCE_RULES:
        assert rule.trigger_skeleton in rule.skeleton, rule.name
        assert rule.trigger_skeleton in rule.relaxed.pattern, rule.name
        assert rule.trigger.pattern, rule.name


def test_testing_trigger_words_first_changes_no_relation(extractor, monkeypatch):
    sentences = [
        sent
        for document in read_documents(CORPUS, on_error=lambda err: None)
        for sent in extractor.sentences(clean(document))
        if could_hold_deal(sent.text)
    ]

    def found_relations():
        out = []
        for sent in sentences:
            doc = extractor.nlp(sent.text)
            found = SentenceRelations(sent.text, doc._.mentions, doc._.amounts, extractor.finder.catalog.roles).find()
            out.append(sorted((r.payer.entity.id, r.payee.entity.id, r.deal_type, r.rule) for r in found))
        return out

    gated = found_relations()
    every_clause = re.compile("")
    monkeypatch.setattr(relations, "RULES", tuple(replace(r, trigger=every_clause) for r in RULES))
    monkeypatch.setattr(relations, "SENTENCE_RULES", tuple(replace(r, trigger=every_clause) for r in SENTENCE_RULES))
    assert found_relations() == gated
    assert sum(map(len, gated)) >= 40


def test_an_industry_word_ending_a_possible_name_is_not_also_a_trigger_before_it(extractor):
    # 缩减投资 could be a short name (brand + 投资); either it is, and 投资 is hidden
    # inside it, or it is not, and nothing follows the trigger: no deal either way
    sentence = "英伟达表示，部分客户正在缩减投资。"
    assert could_hold_deal(sentence)
    assert not extractor.is_candidate(sentence)
    assert extractor.is_candidate("英伟达表示，将向泰禾投资注资。")


def test_a_possible_name_inside_a_bounded_gap_does_not_stop_the_relaxed_rule():
    """出售国泰8%股权: the full pipeline may name nobody in the gap, while the rough signature marks 国泰."""
    rule = next(r for r in RULES if r.name == "sell_shares")
    assert rule.regex.search("\ue000向\ue001出售国泰8%股权")
    assert rule.relaxed.search("\ue000向\ue000出售国泰\ue000 8%股权")


def test_an_acquisitions_sellers_named_after_a_dropped_sentence_are_found_in_both_modes():
    # the sentence between tells no deal, so the pre-filter drops it; the acquisition it interrupts goes on
    text = (
        "华策软件股份有限公司拟以现金3.6亿元收购杭州数衡科技有限公司100%股权。标的公司去年实现营业收入约1.2亿元。"
        "交易对方为杭州衡智投资合伙企业（有限合伙）及自然人张立。"
    )
    found = {}
    for prefilter in (False, True):
        deals = Extractor(prefilter=prefilter, progress=False).document_deals(Document(path="case.txt", text=text, encoding="utf-8"))
        found[prefilter] = sorted((d.investor.mention, d.target.mention) for d in deals)
    assert found[True] == found[False]
    assert ("华策软件股份有限公司", "张立") in found[True]
