"""Text → deal records: read, clean, split, (pre-filter,) run the spaCy pipeline.

The pre-filter sends to spaCy only sentences that could hold a deal: some
rule's words in order (its skeleton), two organisation candidates, and a
relaxed rule matching a rough signature of the sentence. Each test asks only
for what the relation rules need, so every sentence it drops would have
produced nothing in the full pipeline and both modes find the same deals
(docs/extraction.md, tests/test_prefilter.py).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import accumulate
from pathlib import Path

from spacy.tokens import Doc

from graphbuild.catalog import t2s
from graphbuild.clean import STOCK_CODE_FIELD, clean, is_title_like, split_paragraphs, split_sentences
from graphbuild.dates import document_date, find_date
from graphbuild.money import find_amounts, local_currency
from graphbuild.errors import InputError
from graphbuild.ingest import read_documents
from graphbuild.entities import (
    BANK_REFERENCES,
    FORMER_LATTER,
    FOREIGN_COUNTRIES,
    FORMER_WORDS,
    FUND_REFERENCES,
    LATTER_WORDS,
    PROJECT_COMPANY,
    STOCK_CODE,
    TOPIC_WORDS,
    Mention,
    brand_of,
    brands_in,
    glossed_ends,
    is_registered,
    is_source,
    listed_brand,
    may_announce,
    may_be_branded_in,
    may_be_introduced_in,
    may_be_shortened_in,
    short_forms,
    topic_words_in,
    used_bare,
)
from graphbuild.records import CleanText, Deal, Document, Entity, Party
from graphbuild.relations import (
    NAMED_ROUND,
    SUBSCRIBE,
    SUBSCRIBER_WORDS,
    THIS_ROUND,
    Relation,
    about_licence,
    acquirer_of,
    announces_tender,
    is_amount_field,
    finances_price,
    is_buyer_field,
    is_procurement_field,
    is_counterparty_field,
    is_lending_field,
    lending_relations,
    lent_field_at,
    lists_winners,
    asset_notice,
    notice_counterparty_relations,
    total_field_at,
    formed_fund,
    forms_fund,
    is_fund,
    raises_money,
    raising_party,
    continued_relations,
    counterparty_relations,
    price_lenders,
    procurement_buyer,
    buyer_named_below,
    buyer_named_in_contact,
    names_buyer_below,
    names_buyer_in_contact,
    procurement_winner,
    raised_loan,
    raises_loan,
    tender_owner,
    tender_winners,
    could_hold_deal,
    could_match_rough,
    deal_gates,
    document_company,
    is_bank,
    licence_parties,
    may_continue,
    continues_syndicate,
    syndicate_members,
    syndicated_loan,
    names_counterparties,
    parties_needed,
    upfront_relations,
)


@dataclass
class ExtractResult:
    """What one extraction run produced."""

    deals: list[Deal]
    documents: int = 0
    sentences: int = 0
    candidates: int = 0
    errors: list[str] = field(default_factory=list)


# rules whose payer tendered: the winners of its other lots that the next sentence names are paid by it too
_TENDER_RULES = frozenset(("tender_won", "tender_winner_of", "tender_by", "tender_in", "tender_result", "won_tenderer_named"))
_TOPIC_REACH = 3  # the sentences that may say which company a document is about
_HEADER_LINES = 6  # and the short lines before them
# 本轮由A领投 ; 其已增持…: a sentence that leans on the company the document is about
_NEEDS_COMPANY = re.compile(
    THIS_ROUND.pattern + "|" + NAMED_ROUND.pattern + r"|(?:^|[，,。；;])(?:此前|此后|此後|目前|同时|同時|随后|隨後|另外|此外)?(?:其|该公司|該公司)|"
    + "|".join([SUBSCRIBE, *(w for w in SUBSCRIBER_WORDS if w.startswith("基石"))])  # subscribers of the company's issue
)
# a clause opens with the name, perhaps after a description (储能温控企业「冰川能科」, 新能源車企「極馳汽車」)
_CLAUSE_OPENING = re.compile(
    r"(?:^|[，,；;：:！？!?。（）()—…\s】])(?:[^，,；;：:！？!?。（）()—…]{0,16}?"
    r"(?:企|企业|企業|公司|厂商|廠商|厂|廠|商|平台|机构|機構|独角兽|獨角獸|初创|初創|品牌|集团|集團))?[「『“《\s]*$"
)


_NEW_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,8}")
_CODE_NAME = re.compile(r"[\u4e00-\u9fff]{3,8}")


# …，高瓴创投与丰田通商跟投: a name (or a list of names) right before a word of backing a round
_BACKS_ROUND = re.compile("(?:也|亦|还|還|则|則|继续|繼續|共同|联合|聯合|分别|分別)*(?:领投|領投|跟投|参投|參投|追投|加码|加碼|加注)")
_LISTED_WITH = re.compile("[、和及与與]")


def _opens_clause(text: str, m: Mention) -> bool:
    return _CLAUSE_OPENING.search(text, 0, m.start) is not None and not is_source(text, m)


def _may_be_topic(text: str, m: Mention, mentions: list[Mention]) -> bool:
    """Whether ``m`` may be the company a text that says 公司 or 本轮 is about: it opens a clause,
    and it (with the names listed after it) does not back a round there (…，A与B跟投)."""
    if not _opens_clause(text, m):
        return False
    end = m.end
    for other in mentions:
        if other.start >= end and _LISTED_WITH.fullmatch(text, end, other.start):
            end = other.end
    return _BACKS_ROUND.match(text, end) is None


@dataclass
class _Sentence:
    text: str
    start: int  # in the clean text
    end: int
    context: str  # the paragraph, for amounts with no currency word
    aliases: dict[str, Entity | Mention] = field(default_factory=dict)  # short names defined before it, and 公司
    doc: Doc | None = None  # its tokens, when they were needed before the pipeline


class Extractor:
    """Holds the spaCy pipeline; turns documents into deals."""

    def __init__(
        self,
        entities_file: str | Path | None = None,
        prefilter: bool = True,
        progress: bool = True,
        learned: bool = False,
    ):
        from graphbuild.nlp import entity_finder, shared_nlp

        self.nlp = shared_nlp(entities_file, progress=progress, learned=learned)
        self.finder = entity_finder(str(entities_file) if entities_file else None, learned)
        self.prefilter = prefilter

    def is_candidate(self, sentence: str, aliases: dict[str, Entity | Mention] | None = None) -> bool:
        """Cheap test: some rule's words in order, two organisation candidates, and a relaxed rule match;
        or a sentence that may go on with the investors of the one before (其中，A出资…) and has one.

        ``aliases`` are the short names defined earlier in the document (and 公司): the company
        a document is about may be a sentence's second party (``relations.find_relations``).
        """
        if leans_on_neighbours(sentence):
            return self.finder.count_candidates(sentence, self.finder.named_mentions(sentence, aliases or ()), enough=1) >= 1
        gates = deal_gates(sentence)
        if not gates:
            return False
        named = self.finder.named_mentions(sentence, aliases or ())
        needed = parties_needed(sentence, document_company(aliases))
        return self.finder.count_candidates(sentence, named, enough=needed) >= needed and could_match_rough(
            self.finder.rough_signature(sentence, named), gates
        )

    def sentences(self, cleaned: CleanText) -> list[_Sentence]:
        """The text's sentences, each with its paragraph as context; the items listed under a field that ends
        in a colon (5.應募人名稱及認購情形： / (1)X，認購…) have that field line in their context too."""
        out = []
        field = ""  # the field line the paragraphs now being read are listed under
        for p_start, p_end in split_paragraphs(cleaned.text):
            paragraph = cleaned.text[p_start:p_end]
            if _LIST_ITEM.match(paragraph) and field and not paragraph.endswith(_FIELD_ENDS):
                context = field + "\n" + paragraph
            else:
                field = paragraph if paragraph.endswith(_FIELD_ENDS) else ""
                context = paragraph
            for s_start, s_end in split_sentences(paragraph):
                out.append(_Sentence(paragraph[s_start:s_end], p_start + s_start, p_start + s_end, context))
        return out

    def document_deals(self, document: Document, result: ExtractResult | None = None) -> list[Deal]:
        """All deals of one document, restatements of the same deal merged."""
        cleaned = clean(document)
        doc_date = document_date(cleaned.text)
        local = local_currency(cleaned.text)
        sentences = self.sentences(cleaned)
        per_sentence, defined = self._aliases(sentences)
        for sent, aliases in zip(sentences, per_sentence):
            sent.aliases = aliases
        chosen = [i for i, s in enumerate(sentences) if not self.prefilter or self.is_candidate(s.text, s.aliases)]
        if result is not None:
            result.sentences += len(sentences)
            result.candidates += len(chosen)
        deals: dict[tuple, Deal] = {}
        shared: dict[int, Deal] = {}  # records (by id, held so no id is reused) whose amount is a total several payers shared
        invested: dict[int, dict[str, Mention]] = {}  # sentence index -> what its investments went to, by id
        # the acquisition being told (its one acquirer and what it acquired), until a sentence tells another deal;
        # sentences the pre-filter drops tell none, so it goes on past them as in the full pipeline
        acquisition: tuple[Mention, set[str]] | None = None
        tendered: dict[int, Mention] = {}  # sentence index -> whose tender result it announced
        licensed: dict[int, tuple[Mention, Mention]] = {}  # sentence index -> the two sides of the licence it states
        syndicated: dict[int, Relation] = {}  # sentence index -> the syndicated loan it told
        backed: list[Relation] = []  # the investments told so far: whose round 本轮 may be (参与QuantaCell的C轮增资)
        procurer = self._buyer_below(sentences)  # the buyer a procurement notice named in a field of its own (采购人：A)
        notice = asset_notice(cleaned.text)  # 公告本公司取得機器設備 … 交易相對人…：B
        spoken_for = self._spoken_for(sentences) if notice is not None else None  # 代子公司X公告處分…: X's deal
        for spacy_doc, i in self.nlp.pipe(self._docs(sentences, chosen, doc_date, local), as_tuples=True):
            company = document_company(sentences[i].aliases)
            joined = next((r.payee for r in reversed(backed) if _joins_round(r, company)), None)
            rels = [_in_joined_round(r, joined, company, sentences[i].text) for r in spacy_doc._.relations or []]
            backed += [r for r in rels if r.deal_type == "investment"]
            if not rels and may_continue(sentences[i].text) and len(invested.get(i - 1, {})) == 1:
                (payee,) = invested[i - 1].values()
                rels = continued_relations(
                    sentences[i].text, spacy_doc._.mentions or [], spacy_doc._.amounts or [], self.finder.catalog.roles, payee
                )
            invested[i] = {r.payee.entity.id: r.payee for r in rels if r.deal_type == "investment"}
            if not invested[i]:  # …母基金近日完成首期募集。其中，A出资20亿元…: the fund its backers pay into
                # (or the company that raised: X增资项目日前成交，共引入4家投资方。其中，A出资6亿元…)
                fund = formed_fund(sentences[i].text, spacy_doc._.mentions or []) or raising_party(sentences[i].text, spacy_doc._.mentions or [])
                invested[i] = {fund.entity.id: fund} if fund is not None else {}
                if fund is not None and not rels:  # B的认缴出资总额为10亿元，其中A认缴3亿元: backers in the same sentence
                    rels = continued_relations(
                        sentences[i].text, spacy_doc._.mentions or [], spacy_doc._.amounts or [], self.finder.catalog.roles, fund
                    )
            elif len(invested[i]) == 1:  # B由A出资40亿元，C出资20亿元，其余份额由D、E认缴: the rest of B's backers
                (payee,) = invested[i].values()
                known = {(r.payer.entity.id, r.payee.entity.id) for r in rels}
                rels += [
                    r for r in continued_relations(
                        sentences[i].text, spacy_doc._.mentions or [], spacy_doc._.amounts or [], self.finder.catalog.roles, payee
                    )
                    if (r.payer.entity.id, r.payee.entity.id) not in known
                ]
            if acquisition is not None and finances_price(sentences[i].text):  # …代價將以B提供的貸款支付: the buyer borrows
                lent = price_lenders(sentences[i].text, spacy_doc._.mentions or [], spacy_doc._.amounts or [], acquisition[0])
                lenders = {r.payer.entity.id for r in lent}
                rels = [r for r in rels if not (r.deal_type == "loan" and r.payer.entity.id in lenders)] + lent
            buyer = acquirer_of(rels)
            sellers_named = names_counterparties(sentences[i].text)  # 交易对方为A及B
            if buyer is not None:
                acquisition = (buyer, {r.payee.entity.id for r in rels if r.payer.entity.id == buyer.entity.id})
            elif rels and not sellers_named:
                acquisition = None  # another deal told (根据公告，…, with none of its own, still tells the acquisition)
            if acquisition is not None and sellers_named:  # 交易对方为A及B: they sell
                sellers = counterparty_relations(sentences[i].text, spacy_doc._.mentions or [], *acquisition)
                paid = [r for r in rels if r.payer.entity.id == acquisition[0].entity.id]
                for seller in sellers:  # …，其中A需向B支付4.2亿元 (B named again, perhaps shorter): the price of what B sells
                    price = [r for r in paid if _names_one(r.payee.text, seller.payee.text) or r.payee.entity.id == seller.payee.entity.id]
                    for r in price:
                        r.deal_type = "acquisition"
                    if not price:
                        rels.append(seller)
            if not rels and i - 1 in syndicated and continues_syndicate(sentences[i].text):  # 其中A承諾額度35億元，其餘由B、C參與
                rels = syndicate_members(
                    sentences[i].text, spacy_doc._.mentions or [], spacy_doc._.amounts or [], self.finder.catalog.roles, syndicated[i - 1]
                )
            loan = syndicated_loan(rels, self.finder.catalog.roles, sentences[i].text) or (
                None if rels else raised_loan(sentences[i].text, spacy_doc._.mentions or [], self.finder.catalog.roles)
            )
            if loan is not None:
                syndicated[i] = loan
            rels += self._tender_won(sentences[i].text, spacy_doc._.mentions or [], spacy_doc._.amounts or [], rels, tendered, i)
            procurer = procurement_buyer(sentences[i].text, spacy_doc._.mentions or []) or procurer
            if procurer is not None and not rels:  # 采购人：A … 中标供应商：B (… 中标金额：X)
                following = sentences[i + 1] if i + 1 < len(sentences) and is_amount_field(sentences[i + 1].text) else None
                next_amounts = find_amounts(following.text, following.context, doc_date, local) if following is not None else ()
                rels = procurement_winner(
                    sentences[i].text, spacy_doc._.mentions or [], procurer, spacy_doc._.amounts or [], next_amounts
                )
            if notice is not None and company is not None and not rels and is_counterparty_field(sentences[i].text):
                total = self._field_amount(sentences, reversed(range(max(0, i - _NOTICE_LINES), i)), total_field_at, doc_date, local)
                rels = notice_counterparty_relations(sentences[i].text, spacy_doc._.mentions or [], spoken_for or company, notice, total)
            if company is not None and not rels and is_lending_field(sentences[i].text):  # 接受資金貸與之公司名稱：X
                lent = self._field_amount(sentences, range(i + 1, min(len(sentences), i + 1 + _NOTICE_LINES)), lent_field_at, doc_date, local)
                rels = lending_relations(sentences[i].text, spacy_doc._.mentions or [], company, lent)
            rels += self._upfront_paid(sentences[i].text, spacy_doc, company, rels, licensed, i)
            stated = [self._deal(rel, sentences[i], cleaned, doc_date) for rel in rels if not denied(rel, sentences, i)]
            shared.update(_shared_amounts(stated))
            for deal in stated:
                _keep(deals, deal, shared)
        found = sorted(
            _without_parents(_merged_short_names(deals.values(), shared, self._catalog_ids)), key=lambda d: (d.start, d.investor.id, d.target.id, d.deal_type)
        )
        return _with_aliases(found, defined)

    def _catalog_ids(self, name: str) -> frozenset[str]:
        """The catalog organisations a name holds (中国工商银行广州分行: ICBC)."""
        return frozenset(m.entity.id for m in self.finder.catalog_mentions(name))

    def _buyer_below(self, sentences: list[_Sentence]) -> Mention | None:
        """The buyer a result notice names in its contact block after the winners (1.采购人信息 / 名称：A), or in a
        contact line (请按以下方式联系：采购人名称：A；…), or in a buyer field of its own below them (招标人：A　招标代理机构：C)."""
        for sent, below in zip(sentences, sentences[1:]):
            if names_buyer_below(sent.text, below.text):
                return buyer_named_below(below.text, self._names(below))
        for sent in sentences:
            if names_buyer_in_contact(sent.text):
                return buyer_named_in_contact(sent.text, self._names(sent))
        return next((procurement_buyer(s.text, self._names(s)) for s in sentences if is_buyer_field(s.text)), None)

    def _names(self, sent: _Sentence) -> list[Mention]:
        """The organisations ``sent`` names (no references), segmenting it once for the pipeline too."""
        return [m for m in self.finder.find(sent.text, self._tokens(sent), sent.aliases) if not m.is_ref]

    def _spoken_for(self, sentences: list[_Sentence]) -> Mention | None:
        """The subsidiary a Taiwan notice speaks for (主旨：代子公司Global Star Investment Ltd.公告處分…), named in its
        first lines: the notice's deal is that subsidiary's, not its parent's."""
        for sent in sentences[:_HEADER_LINES]:
            said = _ON_BEHALF.search(sent.text)
            if said is not None:
                return next((m for m in self.finder.find(sent.text, self._tokens(sent), sent.aliases) if m.start == said.end()), None)
        return None

    @staticmethod
    def _field_amount(sentences: list[_Sentence], lines: Iterable[int], field_at: Callable[[str], int | None], doc_date: str | None, local: str):
        """The amount of a notice's field (交易總金額：美金18,500,000元, 資金貸與之金額：…), in the first of ``lines`` that has it."""
        for j in lines:
            at = field_at(sentences[j].text)
            if at is not None:
                return next((a.amount for a in find_amounts(sentences[j].text[at:], sentences[j].context, doc_date, local)), None)
        return None

    @staticmethod
    def _tender_won(
        sentence: str, mentions: list[Mention], amounts, rels: list[Relation], tendered: dict[int, Mention], i: int
    ) -> list[Relation]:
        """Winners no rule related: after the owner's tender result in this sentence (国铁集团…招标项目中，B中标…，C中标…)
        or in the one before (国家电网…公示…中标结果。其中，B中标…); ``tendered`` remembers the owner."""
        owned = tender_owner(sentence, mentions)
        if owned is not None:
            tendered[i] = owned[0]
        elif (won := next((r for r in rels if r.rule in _TENDER_RULES and not r.payer.is_ref), None)) is not None:
            tendered[i] = won.payer  # 确认公司为“A…采购项目”的中标人。该项目第1包由B中标: A tendered the other lots too
        # (or the one before that: 中国电信公布…中标结果。该项目预估采购规模约1.5万台…。根据公告，标包1中，B排名第一…)
        owner, after = owned if owned is not None else (tendered.get(i - 1) or tendered.get(i - 2), 0)
        if owner is None or (owned is None and not (may_continue(sentence) or lists_winners(sentence))):
            return []
        related = {r.payee.entity.id for r in rels}
        won = [r for r in tender_winners(sentence, mentions, owner, after, amounts) if r.payee.entity.id not in related]
        if won and owned is None:
            tendered[i] = owner  # 其中，…由B奪得。另一份…則由C投得: the next sentence may go on with the same tender
        return won

    @staticmethod
    def _upfront_paid(
        sentence: str, doc: Doc, company: Mention | None, rels: list[Relation], licensed: dict[int, tuple[Mention, Mention]], i: int
    ) -> list[Relation]:
        """The upfront money of a licence stated in this sentence or the one before (A…与B达成独家许可协议。
        根据协议，A将获得3500万美元首付款: B pays A); ``licensed`` remembers each sentence's licence."""
        parties = licence_parties(sentence, doc._.mentions or [], company)
        if parties is not None:
            licensed[i] = parties
        parties = parties or licensed.get(i - 1)
        if parties is None:
            return []
        related = {frozenset((r.payer.entity.id, r.payee.entity.id)) for r in rels}
        return [
            r for r in upfront_relations(sentence, doc._.mentions or [], doc._.amounts or [], parties)
            if frozenset((r.payer.entity.id, r.payee.entity.id)) not in related
        ]

    def _aliases(self, sentences: list[_Sentence]) -> tuple[list[dict[str, Entity | Mention]], dict[str, Entity | Mention]]:
        """For each sentence, the short names defined before it (上海鸿仪投资发展有限公司（下称“上海鸿仪”）),
        and 公司 / 本公司 from the sentence that says which company announces (越秀地产晚间公告，公司拟…),
        or else the first organisation that opens a clause, when the text says 公司.

        Only sentences with a definition, the first few of a document that
        says 公司, and those giving a name a later sentence uses again (``_used_again``)
        are segmented here, so that a later sentence names the same
        organisation whether or not the defining sentence passes the pre-filter.
        Also returns every name the document defined (the records' ``aliases``).
        """
        known: dict[str, Entity | Mention] = {}
        out = []
        text = "\n".join(s.text for s in sentences)  # the document's sentences, to ask whether a later one uses a name
        ends = list(accumulate(len(s.text) + 1 for s in sentences))
        leans = [bool(topic_words_in(s.text) or _NEEDS_COMPANY.search(s.text)) for s in sentences]
        # only where some sentence that may hold a deal leans on the company
        topic_wanted = any(lean and could_hold_deal(s.text) for s, lean in zip(sentences, leans)) or any(
            is_counterparty_field(s.text) or is_lending_field(s.text) for s in sentences  # a notice's deal is its company's
        )
        names: dict[int, list[Mention]] = {}

        def named(j: int) -> list[Mention]:  # sentence j's names, segmenting it only when asked
            if j not in names:
                names[j] = [m for m in self.finder.find(sentences[j].text, self._tokens(sentences[j]), known) if not m.is_ref]
            return names[j]

        def subject(upto: int) -> Mention | None:  # the first organisation opening a clause in sentences 0..upto
            return next((m for j in range(upto + 1) for m in named(j) if _may_be_topic(sentences[j].text, m, named(j))), None)

        # a filing's header lines (its company, 股份代號, the title) do not use up the reach
        headers = next((k for k, s in enumerate(sentences) if not is_title_like(s.text)), len(sentences))
        reach = _TOPIC_REACH + min(headers, _HEADER_LINES)
        # 该行 in a sentence that names no bank: the bank named last before it
        banks_wanted = any(ref in s.text for s in sentences for ref in BANK_REFERENCES)
        last_bank: Mention | None = None
        for k, sent in enumerate(sentences):
            header = _COMPANY_FIELD.match(sent.text) if k < _HEADER_LINES and TOPIC_WORDS[0] not in known else None
            if header is not None:  # a filing's header (公司代號：6937　公司簡稱：晶耀半導體) names its company
                name = header.group("name")
                topic = Mention(header.start("name"), header.end("name"), name, self.finder.resolve(name), "field")
                known = {**known, **dict.fromkeys(TOPIC_WORDS, topic)}
            elif k < _HEADER_LINES and TOPIC_WORDS[0] not in known and k + 1 < len(sentences) and _ENDS_WITH_CODE.search(sentences[k + 1].text):
                # a Hong Kong filing's header: its company's name alone on a line (the Chinese name first, then
                # perhaps the English one and where it was incorporated), its stock code on the line after them
                whole = [
                    m for j in range(max(0, k - 2), k + 1) for m in named(j)
                    if m.start == 0 and m.end >= len(sentences[j].text.rstrip("。 ")) - 1
                ]
                if whole:
                    known = {**known, **dict.fromkeys(TOPIC_WORDS, whole[0])}
            if topic_wanted and k < reach and TOPIC_WORDS[0] not in known:
                topic = self.finder.announcer(sent.text, named(k)) if may_announce(sent.text) else None
                if topic is None and leans[k]:
                    topic = subject(k)  # 亿纬锂能拿下大单。公司公告… ; 湖南晶拓…亏损。董事會欣然宣佈…
                if topic is not None:
                    known = {**known, **dict.fromkeys(TOPIC_WORDS, topic)}
            elif TOPIC_WORDS[0] in known and leans[k] and may_announce(sent.text) and could_hold_deal(sent.text):
                # 财联社7月3日电，华东电装公告，公司中标…: a later item's own announcer is what its 公司 means
                topic = self.finder.announcer(sent.text, named(k))
                if topic is not None:
                    known = {**known, **dict.fromkeys(TOPIC_WORDS, topic)}
            here = known
            if banks_wanted:
                banks = [m for m in self.finder.named_mentions(sent.text, known) if is_bank(m, self.finder.catalog.roles)]
                if not banks and last_bank is not None and any(ref in sent.text for ref in BANK_REFERENCES):
                    here = {**known, **dict.fromkeys(BANK_REFERENCES, last_bank)}
                last_bank = _with_branch(sent.text, banks[-1]) if banks else last_bank
            said = min((at for ref in FUND_REFERENCES if (at := sent.text.find(ref)) >= 0), default=-1)
            if k and said >= 0 and not any(is_fund(m) and m.start < said for m in named(k)):
                # 该基金 with no fund named before it: the fund the sentences just before named last
                fund = next((m for j in range(k - 1, max(-1, k - 1 - _FUND_REACH), -1) for m in reversed(named(j)) if is_fund(m)), None)
                if fund is not None:
                    here = {**here, **dict.fromkeys(FUND_REFERENCES, fund)}
            spoke = _SPEAKER.search(sent.text) if "方面" in sent.text else None
            if spoke is not None:  # 澜沧新能源方面透露，…公司已获得…: the company that speaks
                speaker = next((m for m in named(k) if m.end == spoke.start()), None)
                here = {**here, **dict.fromkeys(TOPIC_WORDS, speaker)} if speaker is not None else here
            if k and FORMER_LATTER.search(sent.text) and (pair := self._former_and_latter(sent.text, named(k - 1), here)):
                here = {**here, **dict.fromkeys(FORMER_WORDS, pair[0]), **dict.fromkeys(LATTER_WORDS, pair[1])}
            out.append(here)
            if any(word in sent.text for word in PROJECT_COMPANY):  # 项目公司星驰汽车（湖北）有限公司 … 向项目公司发放贷款
                project = next((m for m in named(k) if sent.text.endswith(PROJECT_COMPANY, 0, m.start)), None)
                known = {**known, **dict.fromkeys(PROJECT_COMPANY, project)} if project is not None else known
            if self.finder.may_define(sent.text):
                defined = self.finder.defined_aliases(sent.text, self._tokens(sent))
                company = defined.get("公司")  # X股份有限公司（以下简称“公司”）: X is what 公司 and 本公司 mean, as a name here
                named_company = None
                if isinstance(company, Entity):
                    named_company = next((m for m in named(k) if m.entity.id == company.id), None)
                if named_company is not None:
                    defined = {**defined, **dict.fromkeys(TOPIC_WORDS, named_company)}
                known = {**known, **defined}
            quoted = self._used_again(sent.text, partial(named, k), text, ends[k], known.get(TOPIC_WORDS[0]))
            if any(name not in known for name in quoted):
                known = {**quoted, **known}
        return out, known

    def _used_again(
        self, sentence: str, named: Callable[[], list[Mention]], text: str, later: int, company: Entity | Mention | None
    ) -> dict[str, Entity]:
        """The names ``sentence`` gives that name the same organisation when a later sentence (``text`` from
        ``later`` on) uses them bare; ``named`` segments the sentence, only when a cheap test says it may pay.

        A name put in 「」 (「深算智能」完成…), a person the text called one (实际控制人张建明 … 其中，张建明转让…), a name
        given a stock code (廣騰智能（6928）… 廣騰智能為因應…; not a two-character ticker name, 鴻準(2354), which
        starts longer names) and its two-character brand (聯醫精密（6950）… 聯醫同日…), a name glossed in English
        (港灣信貸（Harbourview Credit Partners）… 向港灣信貸授出…), a name a description introduces
        (AI大模型独角兽月衡智能… 月衡智能已与…), the company the text is about (招商蛇口公告，… 同时，招商蛇口将向…), a registered name's
        short form (深圳前海鸿昱实业有限公司 … 向前海鸿昱提供…), a name's two-character brand, the name given in a sentence with a
        deal word and the brand used bare later (星宇航空… 星宇同時向AerCap承租…) and a Latin name's first word (Nimbus Cloud … Nimbus).
        """
        found = {m.text: m.entity for m in self.finder.quoted_mentions(sentence) if _NEW_HAN_NAME.fullmatch(m.text)}
        found |= {m.text: m.entity for m in self.finder.person_mentions(sentence)}
        codes = [c.start() for c in STOCK_CODE.finditer(sentence)] if "（" in sentence or "(" in sentence else []
        if any(at >= 2 and text.find(sentence[at - 2 : at], later) >= 0 for at in codes):
            found |= {m.text: m.entity for m in named() if m.source in ("code", "suffix") and m.end in codes and _CODE_NAME.fullmatch(m.text)}
        if any(at >= 4 and text.find(sentence[at - 4 : at - 2], later) >= 0 for at in codes):  # 饗樂國際（2756）… 饗樂表示
            found |= {
                brand: m.entity for m in named() if m.source in ("code", "suffix") and m.end in codes
                and (brand := listed_brand(m.text)) is not None and used_bare(brand, text, later)
            }
        glossed = glossed_ends(sentence) if "（" in sentence or "(" in sentence else ()
        if any(at >= 2 and text.find(sentence[at - 2 : at], later) >= 0 for at in glossed):  # 港灣信貸（Harbourview…）… 向港灣信貸
            found |= {
                m.text: m.entity for m in named()
                if m.source == "code" and m.end in glossed and _CODE_NAME.fullmatch(m.text) and text.find(m.text, later) >= 0
            }
        if isinstance(company, Mention) and _NEW_HAN_NAME.fullmatch(company.text):
            found[company.text] = company.entity
        if may_be_introduced_in(sentence, text, later):  # AI大模型独角兽月衡智能… 月衡智能已与…
            found |= {
                m.text: m.entity for m in named()
                if m.source == "described" and _NEW_HAN_NAME.fullmatch(m.text) and text.find(m.text, later) >= 0
            }
        if may_be_shortened_in(sentence, text, later):
            found |= {
                form: m.entity for m in named() if m.source in ("suffix", "code") and is_registered(m.text)
                for form in short_forms(m.text) if text.find(form, later) >= 0
            }
        lookup = self.finder.catalog.lookup
        if may_be_branded_in(sentence, text, later, lookup) and could_hold_deal(sentence):  # 星宇航空… 星宇同時向AerCap承租…
            found |= {
                brand: m.entity for m in named() if m.source in ("suffix", "code") and brands_in(sentence, m.start, m.end)
                and (brand := brand_of(m.text)) is not None and used_bare(brand, text, later) and lookup(brand) is None
            }
        found |= self.finder.latin_short_names(sentence, text, later)  # cheap where no two Latin words meet
        return found

    def _former_and_latter(self, text: str, before: list[Mention], aliases: dict[str, Entity | Mention]) -> tuple[Mention, Mention] | None:
        """The two parties 前者 and 后者 mean when ``text`` names no one before them: those of the
        sentence before, when it names exactly two (A已与B签署协议。根据协议，前者将受让后者所持…)."""
        found = FORMER_LATTER.search(text)
        if found is None or self.finder.named_mentions(text[: found.start()], aliases):
            return None
        parties: list[Mention] = []
        for m in before:
            if not m.is_ref and all(m.entity.id != p.entity.id for p in parties):
                parties.append(m)
        return (parties[0], parties[1]) if len(parties) == 2 else None

    def _tokens(self, sent: _Sentence) -> list[tuple[int, int]]:
        """The sentence's segmenter words; its Doc is kept for the pipeline (pkuseg is the slow part)."""
        from graphbuild.nlp import token_spans

        if sent.doc is None:
            sent.doc = self.nlp.make_doc(sent.text)
        return token_spans(sent.doc)

    def _docs(self, sentences: list[_Sentence], chosen: list[int], doc_date: str | None, local: str):
        """Tokenised sentences (``chosen`` indices into ``sentences``) carrying their paragraph and the article's date and currency."""
        for i in chosen:
            sent = sentences[i]
            doc = sent.doc if sent.doc is not None else self.nlp.make_doc(sent.text)
            doc._.context = sent.context
            doc._.doc_date = doc_date
            doc._.currency = local
            doc._.aliases = sent.aliases
            # is_candidate chose it by its rough test (not for a neighbour's sake): the pipeline need not test it again
            doc._.candidate = self.prefilter and not leans_on_neighbours(sent.text)
            yield doc, i

    def _deal(self, rel: Relation, sent: _Sentence, cleaned: CleanText, doc_date: str | None) -> Deal:
        start, end = cleaned.original_span(sent.start, sent.end)
        dated = find_date(sent.text, doc_date)
        return Deal(
            investor=_party(rel.payer, sent.text),
            target=_party(rel.payee, sent.text),
            amount=rel.amount,
            deal_type=rel.deal_type,
            doc=cleaned.doc.path,
            sentence=sent.text,
            start=start,
            end=end,
            confidence=rel.confidence,
            date=dated[0] if dated else None,
            date_text=dated[1] if dated else None,
            trigger=rel.trigger,
        )


# A deal reported as a rumour and then denied or called off, in the same sentence or the next two.
_DENIAL = re.compile(r"澄清|否认|否認|辟谣|闢謠|不实|不實|不属实|不屬實|未与|未與|未就|无意|無意|并无|並無|纯属|純屬|谣言|謠言|臆测|臆測|子虚乌有|子虛烏有|终止|終止|告吹|叫停")
_RUMOUR = re.compile(
    r"传出|傳出|传闻|傳聞|据传|據傳|盛传|盛傳|传言|傳言|有消息称|有消息稱|消息人士|自媒体|自媒體|市场消息|市場消息|爆料|网传|網傳|外传|外傳|"
    r"媒体报道|媒體報導|媒體報道|有报道|有報導|报道称|報導稱|有[传傳](?![统統承])"
)
_THE_DEAL = re.compile(
    r"该消息|該消息|此事|相关报道|相關報導|相關報道|该交易|該交易|本次交易|此次交易|上述交易|收购|收購|并购|併購|"
    r"重组|重組|该事项|該事項|本次事项|本次事項"  # 公司决定终止本次重大资产重组事项
)
_DENIAL_REACH = 2
# talks that broke down, told in the deal's own sentence (就入股一事的谈判已告破裂，双方原本商讨…)
_FELL_THROUGH = "破裂|告吹|搁浅|擱淺|失败|失敗|未果"
_TALKS_FAILED = re.compile(f"(?:谈判|談判|磋商|洽谈|洽談|商讨|商討)[^。；;]{{0,8}}?(?:{_FELL_THROUGH}|终止|終止)")
# a rumour the party leaves unconfirmed or says it has no plan for (in its own sentence only: a later
# "no comment" is about that rumour)
_NO_COMMENT = re.compile(
    r"不予评论|不予評論|不予置评|不予置評|未予置评|未予置評|不作评论|不作評論|不评论|不評論|"
    r"不(?:对|對)[^，,。；;]{0,10}?(?:发表|發表)?(?:评论|評論|置评|置評)|不(?:发表|發表)(?:评论|評論)|"  # 不對市場傳聞發表評論
    r"(?:未予|不予|未作|未|拒绝|拒絕)(?:回应|回應)|"
    r"没有相关|沒有相關|暂无相关|暫無相關|并无相关|並無相關|没有这样的|沒有這樣的|并无此|並無此|"  # …目前没有相关计划
    r"(?:没有|沒有|并无|並無|暂无|暫無)任何(?:洽谈|洽談|接触|接觸|商讨|商討|谈判|談判)"  # 目前沒有任何洽談
)
# …, 但最终未能达成协议: the talks the sentence told of came to nothing
_CAME_TO_NOTHING = re.compile(
    r"(?:但|惟|不过|不過|然而|可惜)[^，,。；;]{0,6}?"
    r"(?:(?:未能|没能|沒能|未)(?:达成|達成|完成|成交|谈成|談成|签署|簽署|签约|簽約|落地|成功)|" + _FELL_THROUGH + ")"
)


# talks still going on, nothing signed (目前仍在與波音議價，尚未簽約)
_STILL_TALKING = re.compile(
    "(?:仍在|尚在|正在|还在|還在)[^。；;]{0,10}?(?:议价|議價|谈判|談判|洽谈|洽談|磋商|协商|協商)[^。；;]{0,8}?"
    "(?:尚未|还未|還未|仍未|未)(?:签约|簽約|签署|簽署|达成|達成)"
)
_BRANCH_AFTER = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:分行|支行)")


# a company's side speaking (X方面透露，…): what 公司 means in its sentence
_SPEAKER = re.compile("方面(?:透露|表示|称|稱|介绍|介紹|指出|回应|回應|证实|證實)")


def leans_on_neighbours(sentence: str) -> bool:
    """Whether ``sentence`` may hold a deal told with a sentence before or after it (其中，A出资6亿元 ;
    交易对方为A ; A…公示中标结果 ; 中标候选人包括A、B ; a fund or a raise whose backers come next; a notice's fields):
    see ``document_deals``."""
    return (
        may_continue(sentence) or names_counterparties(sentence) or announces_tender(sentence) or forms_fund(sentence)
        or raises_money(sentence) or about_licence(sentence) or is_procurement_field(sentence) or is_counterparty_field(sentence)
        or is_lending_field(sentence) or lists_winners(sentence)
        or continues_syndicate(sentence) or raises_loan(sentence) or finances_price(sentence)
    )


_FUND_REACH = 3  # sentences back that 该基金 may mean a fund from
_ON_BEHALF = re.compile("代(?:子公司|孫公司|孙公司)")  # a Taiwan notice made for a subsidiary
_LIST_ITEM = re.compile(r"[（(][0-9０-９一二三四五六七八九十]{1,2}[）)]|[0-9０-９]{1,2}[)）]")  # (1)X，認購…
_FIELD_ENDS = ("：", ":")
_COMPANY_FIELD = re.compile(r"(?:公司代[號号][:：]\s*[0-9A-Z]+\s*)?公司(?:簡稱|简称|名稱|名称)[:：]\s*(?P<name>[^\s:：，,。；;（）()]{2,12})")
_NOTICE_LINES = 4  # lines back from a notice's counterparty field that its total may be in
# a filing's stock code line, perhaps after where the company was incorporated: （於開曼群島註冊成立之有限公司）（股份代號：2389）
_ENDS_WITH_CODE = re.compile(r"(?:^|[)）])\s*" + STOCK_CODE_FIELD, re.I)


def _with_branch(text: str, m: Mention) -> Mention:
    """A bank's mention with the branch written after it (兴业银行深圳分行), which 该行 then means."""
    branch = _BRANCH_AFTER.match(text, m.end)
    return m if branch is None else Mention(m.start, branch.end(), text[m.start : branch.end()], m.entity, m.source)


def _joins_round(rel: Relation, company: Mention | None) -> bool:
    """Whether ``rel`` puts money into another's round: a backer that joined it (参与QuantaCell的C轮增资), or the
    document's company investing (星軌互娛…入股霧島遊戲)."""
    return rel.rule == "round_taken_part" or (
        company is not None and rel.deal_type == "investment" and rel.payer.entity.id == company.entity.id
    )


def _in_joined_round(rel: Relation, joined: Mention | None, company: Mention | None, sentence: str) -> Relation:
    """本轮由A领投, after the document's company joined or invested in another's round (台鋐…参与QuantaCell的C轮增资;
    星軌互娛…入股霧島遊戲。本輪投資同時有A參與): 本轮 is that round, not one the document's company raises."""
    if (
        rel.rule != "round" or joined is None or company is None or company.surface in sentence
        or rel.payee.entity.id != company.entity.id or rel.payer.entity.id == joined.entity.id
    ):
        return rel
    return replace(rel, payee=joined)


def denied(rel: Relation, sentences: list[_Sentence], i: int) -> bool:
    """Whether the deal in ``sentences[i]`` is a rumour the text denies, or is denied or called off just after.

    Its own sentence may deny the rumour or leave it unconfirmed (不予评论, 没有相关计划), or tell of
    talks that came to nothing (但最终未能达成协议, 谈判已告破裂) or still go on (仍在议价，尚未签约). A later sentence counts when it
    names both parties or the deal itself (该交易, 此事, 收购, 本次重大资产重组).
    """
    text = sentences[i].text
    rumour = bool(_RUMOUR.search(text))
    if (
        (rumour and (_DENIAL.search(text) or _NO_COMMENT.search(text)))
        or _CAME_TO_NOTHING.search(text) or _TALKS_FAILED.search(text) or _STILL_TALKING.search(text)
    ):
        return True
    for later in sentences[i + 1 : i + 1 + _DENIAL_REACH]:
        if later.context != sentences[i].context:
            break  # another paragraph
        # a party that clears up some other rumour (恒昌地產同時澄清，近日市傳…出售商場) denies nothing here
        both_named = all(any(n in later.text for n in (m.text, m.entity.name)) for m in (rel.payer, rel.payee))
        if _DENIAL.search(later.text) and (rumour or _THE_DEAL.search(later.text) or both_named):
            return True
    return False


def _with_aliases(deals: list[Deal], defined: dict[str, Entity | Mention]) -> list[Deal]:
    """Each party with the other names the document gave it: the short name it defined
    (江苏鼎元投资集团有限公司（以下简称“鼎元集团”）), the full name a short one stands for, and its name with
    the country any of its records wrote before it (the same names on every record of the party)."""
    names: dict[str, set[str]] = {}
    for alias, named in defined.items():
        if alias in TOPIC_WORDS:
            continue  # 公司 stands for the company; it names nothing
        entity = named if isinstance(named, Entity) else named.entity
        forms = {alias, entity.name, *([named.text] if isinstance(named, Mention) else [])}
        for key in (entity.id, *forms - {alias}):  # by id, and by the full name (a catalog fund under its own full name)
            names.setdefault(key, set()).update(forms)
    for party in (p for d in deals for p in (d.investor, d.target)):  # a name one record wrote with its country: all records
        names.setdefault(party.id, set()).update(party.aliases)

    def named(party: Party) -> Party:
        others = sorted((names.get(party.id, set()) | names.get(party.mention, set())) - {party.name, party.mention})
        return replace(party, aliases=tuple(others)) if others else party

    return [replace(d, investor=named(d.investor), target=named(d.target)) for d in deals]


def _party(mention, sentence: str) -> Party:
    """The party a mention names; a foreign name written after its country (韩国|三和创业投资株式会社) has the
    country-led form as an alias, the way the text wrote it."""
    country = next((c for c in FOREIGN_COUNTRIES if sentence.endswith(c, 0, mention.start)), None) if not mention.is_ref else None
    return Party(
        id=mention.entity.id, name=mention.entity.name, mention=mention.surface, kind=mention.entity.kind,
        aliases=(country + mention.surface,) if country else (),
    )


def _better(new: Deal, kept: Deal, shared: bool = False, new_shared: bool = False) -> bool:
    """A restatement replaces the kept record when it knows the amount and the kept one does not, when the
    kept amount was the whole that several payers shared (``shared``) and the new one is this payer's own,
    or when it is surer; never with a shared whole (``new_shared``) over the payer's own amount."""
    if (new.amount is None) != (kept.amount is None):
        return new.amount is not None
    if new.amount is not None and new.amount.text != kept.amount.text and shared != new_shared:
        return shared  # A与B共同出资设立C，注册资本10亿元。其中A出资5.1亿元: A's own 5.1亿元
    return new.confidence > kept.confidence


def _keep(deals: dict[tuple, Deal], deal: Deal, shared: dict[int, Deal] | None = None) -> None:
    """Add ``deal`` to ``deals`` (by investor, target and type), merged with a restatement of it.
    ``shared`` holds the ids of records whose amount several payers shared (see ``_shared_amounts``)."""
    key = (deal.investor.id, deal.target.id, deal.deal_type)
    kept = deals.get(key)
    deals[key] = deal if kept is None else _restated(deal, kept, shared is not None and id(kept) in shared, shared is not None and id(deal) in shared)


def _shared_amounts(deals: list[Deal]) -> dict[int, Deal]:
    """Those of one sentence's ``deals`` (by id) whose amount another payer into the same target has too:
    a total they share (a joint venture's registered capital, a round's size), not each one's own."""
    return {
        id(d): d for d in deals
        if d.amount is not None and any(
            o.target.id == d.target.id and o.investor.id != d.investor.id and o.amount is not None and o.amount.text == d.amount.text
            for o in deals
        )
    }


def _restated(new: Deal, kept: Deal, shared: bool = False, new_shared: bool = False) -> Deal:
    """One record for a deal stated twice in a document: the better statement, counting both."""
    winner = new if _better(new, kept, shared, new_shared) else kept
    winner.extra = {**winner.extra, "restated": kept.extra.get("restated", 1) + 1}
    return winner


def _names_one(a: str, b: str) -> bool:
    """Whether two names are one organisation's, the shorter abbreviating the longer (元禾控股 / 苏州元禾控股股份有限公司)."""
    short, full = sorted((t2s(a), t2s(b)), key=len)
    return short == full or _short_form_of(short, full)


def _short_form_of(short: str, full: str) -> bool:
    """Whether ``short`` abbreviates ``full`` (浦星控股 / 韩国浦星控股株式会社, 深圳重投集团 /
    深圳市重大产业投资集团有限公司): its characters in order, starting with the full name's first two
    (after 中国) or standing in it whole."""
    if len(short) < 3 or len(short) >= len(full):
        return False
    if short not in full and not full.startswith(short[:2]) and not full.startswith("中国" + short[:2]):
        return False  # (中国工商银行股份有限公司广东省分行 / 工商银行广东省分行: 中国 goes first)
    rest = iter(full)
    return all(ch in rest for ch in short)


def _merged_short_names(
    deals: Iterable[Deal], shared: dict[int, Deal] | None = None, catalog_ids: Callable[[str], frozenset[str]] = lambda name: frozenset()
) -> list[Deal]:
    """A document that names a company in full and later by a short form it never defined
    (上海商发航空动力有限公司 … 商发航空) means one company: the short form takes the full name's
    id, so the same deal stated with both is one record. Only names the catalog does not know,
    only when one full name fits, and never two names that deal with each other (鼎盛新材 and its
    subsidiary 鼎盛新材（安徽）有限公司), nor a short form holding a catalog organisation the full name does not
    (中国银行广州分行 is no short form of 中国工商银行广州分行: ``catalog_ids``)."""
    deals = list(deals)
    everyone: dict[str, Party] = {}
    written: dict[str, set[str]] = {}  # how the document wrote each party: a catalog bank in full (中国工商银行股份有限公司广东省分行)
    for p in (p for d in deals for p in (d.investor, d.target)):
        everyone[p.id] = p
        written.setdefault(p.id, {t2s(p.name)}).add(t2s(p.mention))
    dealt = {frozenset((d.investor.id, d.target.id)) for d in deals}
    full_of = {}
    for short in (p for p in everyone.values() if not p.id.isascii()):
        fits = [
            p for p in everyone.values()
            if p.id != short.id and frozenset((p.id, short.id)) not in dealt
            and any(_short_form_of(t2s(short.name), form) and catalog_ids(short.name) <= catalog_ids(form) for form in written[p.id])
        ]
        if len(fits) == 1:
            full_of[short.id] = fits[0]
    if not full_of:
        return deals
    merged: dict[tuple, Deal] = {}
    for deal in deals:
        for side in ("investor", "target"):
            party = getattr(deal, side)
            if party.id in full_of:
                full = full_of[party.id]
                setattr(deal, side, Party(id=full.id, name=full.name, mention=party.mention, aliases=party.aliases, kind=full.kind))
        _keep(merged, deal, shared)
    return list(merged.values())


def _without_parents(deals: list[Deal]) -> list[Deal]:
    """获得小米战略投资，本轮由小米长江产业基金独家投资: a fund named after its parent is the parent's
    vehicle, so the two are one investor in that target; the fund's record stays, being the more precise."""
    named = {(d.target.id, d.deal_type): [] for d in deals}
    for d in deals:
        named[(d.target.id, d.deal_type)].append((d.investor.id, t2s(d.investor.name)))
    return [
        d for d in deals
        if not any(
            other != d.investor.id and name.startswith(t2s(d.investor.mention)) and len(name) > len(d.investor.mention)
            for other, name in named[(d.target.id, d.deal_type)]
        )
    ]


def extract_documents(documents: Iterable[Document], extractor: Extractor, result: ExtractResult) -> ExtractResult:
    """Run ``extractor`` over documents, adding deals to ``result``.

    A document the extractor fails on becomes one line in ``result.errors`` (naming it and the failure),
    and the rest of the batch goes on: one text the rules did not foresee must not cost a user the others.
    """
    for document in documents:
        result.documents += 1
        try:
            deals = extractor.document_deals(document, result)
        except Exception as exc:  # noqa: BLE001 - reported per document, see above
            result.errors.append(f"{document.path}: extraction failed ({type(exc).__name__}: {exc})")
            continue
        result.deals.extend(deals)
    return result


def extract_paths(
    paths: Iterable[str | Path],
    entities_file: str | Path | None = None,
    prefilter: bool = True,
    progress: bool = True,
    learned: bool = False,
) -> ExtractResult:
    """Extract deals from files and folders.

    A file that cannot be read becomes one line in ``result.errors`` (naming
    the file and the problem) and the rest of the batch goes on.
    """
    result = ExtractResult(deals=[])

    def on_error(err: InputError) -> None:
        result.errors.append(str(err))

    extractor = Extractor(entities_file, prefilter=prefilter, progress=progress, learned=learned)
    documents = read_documents([Path(p) for p in paths], on_error=on_error)
    if progress:
        from graphbuild.progress import track_documents

        documents = track_documents(documents, "extracting")
    return extract_documents(documents, extractor, result)


def extract_text(text: str, doc: str = "<text>", entities_file: str | Path | None = None) -> list[Deal]:
    """Deals in one text given as a string (for notebooks and quick checks)."""
    extractor = Extractor(entities_file, progress=False)
    return extractor.document_deals(Document(path=doc, text=text, encoding="utf-8"))
