"""The spaCy pipeline: pkuseg segmentation, then three registered components.

``graphbuild_orgs`` finds organisation mentions (catalog, 「」 names, company
suffixes aligned to pkuseg tokens, Latin names) and sets ``doc.ents``;
``graphbuild_money`` finds amounts (``doc.spans["money"]``);
``graphbuild_deals`` turns them into relations (``doc._.relations``).
``make_nlp()`` assembles it the spaCy way: ``spacy.blank("zh")`` + ``add_pipe``.
"""
from __future__ import annotations

import re
from pathlib import Path

import spacy
from spacy.attrs import IDX, LENGTH
from spacy.lang.zh import ChineseTokenizer, Segmenter
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans, get_words_and_spaces

from graphbuild.catalog import load_catalog, t2s
from graphbuild.entities import EntityFinder
from graphbuild.money import find_amounts
from graphbuild.name_tagger import default_tagger
from graphbuild.pair_classifier import default_model
from graphbuild.relations import could_match_rough, document_company, find_relations

for _name in ("mentions", "amounts", "relations", "context", "doc_date", "currency", "aliases", "candidate", "text"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _catalog(entities_file: str | None):
    return load_catalog(Path(entities_file) if entities_file else None)


_FINDERS: dict[tuple[str | None, bool], EntityFinder] = {}


def entity_finder(entities_file: str | None = None, learned: bool = False) -> EntityFinder:
    """One EntityFinder per catalog (building the automaton is the costly part).

    ``learned`` adds the names the learned tagger reads (name_tagger.py).
    """
    key = (entities_file, learned)
    if key not in _FINDERS:
        _FINDERS[key] = EntityFinder(_catalog(entities_file), default_tagger() if learned else None)
    return _FINDERS[key]


def doc_text(doc: Doc) -> str:
    """The Doc's text, kept by the tokenizer: spaCy joins ``doc.text`` from its tokens at every call."""
    return doc._.text if doc._.text is not None else doc.text


def token_spans(doc: Doc) -> list[tuple[int, int]]:
    """The (start, end) character spans of the segmenter's words."""
    if not len(doc):
        return []
    return [(start, start + length) for start, length in doc.to_array([IDX, LENGTH]).tolist()]


_FULL_WIDTH_PUNCTUATION = str.maketrans(",;!?()", "，；！？（）")
MASKED_NUMBER = "<N>"  # how a redacted number is written (FinRE's sentences); cut as the number it stands for
_MASK_AS_DIGITS = "0" * len(MASKED_NUMBER)


class ScriptTokenizer(ChineseTokenizer):
    """spaCy's Chinese tokenizer, cutting traditional text as its simplified form.

    pkuseg learned from simplified text with full-width punctuation and cuts
    traditional words badly (擬購|買) and glues a half-width mark to the word
    after it (;国); the simplified, full-width form has the same length
    character by character, so its cuts carry over and the words keep the
    original characters.
    """

    def __call__(self, text: str) -> Doc:
        doc = self._segmented(text)
        doc._.text = text
        return doc

    def _segmented(self, text: str) -> Doc:
        if self.segmenter != Segmenter.pkuseg or self.pkuseg_seg is None:
            return super().__call__(text)
        simple = t2s(text)
        if len(simple) != len(text):
            return super().__call__(text)
        # cleaning made the punctuation half-width; pkuseg learned it full-width and glues ";国" together
        simple = simple.translate(_FULL_WIDTH_PUNCTUATION).replace(MASKED_NUMBER, _MASK_AS_DIGITS)
        if simple == text:
            return super().__call__(text)
        words, spaces = get_words_and_spaces(_unnumbered(self.pkuseg_seg.cut(simple)), simple)
        original, at = [], 0
        for word, space in zip(words, spaces):
            original.append(text[at : at + len(word)])
            at += len(word) + space
        return Doc(self.vocab, words=original, spaces=spaces)


_LIST_NUMBER = re.compile(r"(\d+[.．、])(?=[\u4e00-\u9fff])")


def _unnumbered(words: list[str]) -> list[str]:
    """pkuseg's words with a list item's number cut off the word it glued it to (2.诺德|基金 → 2.|诺德)."""
    out = []
    for word in words:
        number = _LIST_NUMBER.match(word)
        out.extend((number.group(1), word[number.end() :]) if number else (word,))
    return out


@spacy.registry.tokenizers("graphbuild.ChineseTokenizer.v1")
def create_script_tokenizer(segmenter: Segmenter = Segmenter.pkuseg):
    def factory(nlp: Language) -> ScriptTokenizer:
        return ScriptTokenizer(nlp.vocab, segmenter=segmenter)

    return factory


class OrgFinder:
    """Sets ``doc.ents`` (label ORG, ``kb_id_`` = entity id) and ``doc._.mentions``.

    ``doc._.aliases`` (short names defined earlier in the document) name their organisations too.
    """

    def __init__(self, entities_file: str | None, learned: bool):
        self.finder = entity_finder(entities_file, learned)

    def __call__(self, doc: Doc) -> Doc:
        mentions = self.finder.find(doc_text(doc), token_spans(doc), doc._.aliases)
        doc._.mentions = mentions
        spans = []
        for m in mentions:
            if m.is_ref:
                continue
            span = doc.char_span(m.start, m.end, label="ORG", kb_id=m.entity.id, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.ents = filter_spans(spans)
        return doc


class MoneyFinder:
    """Sets ``doc._.amounts`` and ``doc.spans["money"]`` (label = currency)."""

    def __call__(self, doc: Doc) -> Doc:
        amounts = find_amounts(doc_text(doc), context=doc._.context, date=doc._.doc_date, local=doc._.currency or "CNY")
        doc._.amounts = amounts
        spans = [doc.char_span(a.start, a.end, label=a.amount.currency, alignment_mode="expand") for a in amounts]
        doc.spans["money"] = [s for s in spans if s is not None]
        return doc


class DealFinder:
    """Sets ``doc._.relations``: who pays whom in this sentence.

    With ``learned``, the pair classifier adds the pairs no rule related, in
    sentences whose rough signature some relaxed rule matches: the
    pre-filter's own test, so it never drops a sentence where the
    classifier would find a deal.
    """

    def __init__(self, entities_file: str | None, learned: bool):
        self.catalog = _catalog(entities_file)
        self.finder = entity_finder(entities_file, learned)
        self.pairs = default_model() if learned else None

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc._.mentions or []
        pairs = self.pairs if self.pairs is not None and len(mentions) >= 2 and self._passes_rough(doc) else None
        company = document_company(doc._.aliases)
        doc._.relations = find_relations(
            doc_text(doc), mentions, doc._.amounts or [], self.catalog.roles, pairs, company, doc._.context or ""
        )
        return doc

    def _passes_rough(self, doc: Doc) -> bool:
        """The pre-filter's rough test; ``doc._.candidate`` is set when the pre-filter already passed it."""
        if doc._.candidate:
            return True
        named = self.finder.named_mentions(doc_text(doc), doc._.aliases or ())
        return could_match_rough(self.finder.rough_signature(doc_text(doc), named))


@Language.factory("graphbuild_orgs", default_config={"entities_file": None, "learned": False})
def make_org_finder(nlp: Language, name: str, entities_file: str | None, learned: bool) -> OrgFinder:
    return OrgFinder(entities_file, learned)


@Language.factory("graphbuild_money")
def make_money_finder(nlp: Language, name: str) -> MoneyFinder:
    return MoneyFinder()


@Language.factory("graphbuild_deals", default_config={"entities_file": None, "learned": False})
def make_deal_finder(nlp: Language, name: str, entities_file: str | None, learned: bool) -> DealFinder:
    return DealFinder(entities_file, learned)


_PIPELINES: dict[tuple[str | None, bool], Language] = {}


def shared_nlp(entities_file: str | Path | None = None, progress: bool = True, learned: bool = False) -> Language:
    """One pipeline per catalog for the whole process (loading pkuseg takes seconds)."""
    key = (str(entities_file) if entities_file else None, learned)
    if key not in _PIPELINES:
        _PIPELINES[key] = make_nlp(entities_file, progress=progress, learned=learned)
    return _PIPELINES[key]


def make_nlp(entities_file: str | Path | None = None, progress: bool = True, learned: bool = False) -> Language:
    """The full pipeline: pkuseg tokenizer with the catalog as user dictionary + our components.

    ``learned`` adds the learned name tagger and pair classifier to the rules.
    """
    from graphbuild.pkuseg_model import initialize_tokenizer

    entities = str(entities_file) if entities_file else None
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "graphbuild.ChineseTokenizer.v1", "segmenter": "pkuseg"}}})
    initialize_tokenizer(nlp, _catalog(entities), progress=progress)
    nlp.add_pipe("graphbuild_orgs", config={"entities_file": entities, "learned": learned})
    nlp.add_pipe("graphbuild_money")
    nlp.add_pipe("graphbuild_deals", config={"entities_file": entities, "learned": learned})
    return nlp
