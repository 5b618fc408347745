"""The cheap pre-filter never drops a sentence the full pipeline finds a deal in."""
from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.clean import clean
from graphbuild.extract import Extractor, extract_paths
from graphbuild.ingest import read_documents
from graphbuild.relations import SentenceRelations, could_hold_deal

ROOT = Path(__file__).resolve().parent.parent
CORPUS = [ROOT / "seeds", ROOT / "benchmarks" / "passages.txt", ROOT / "tests" / "fixtures" / "run_corpus"]


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
