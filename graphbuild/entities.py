"""Finding organisation mentions (and references to them) in a sentence.

Four sources, in order of trust: the entity catalog (every script's spelling,
matched with an Aho-Corasick automaton), 「」-quoted names, names ending in a
company word (…公司, …集团, …银行), and Latin-script names (CoreWeave, Asetek).
References (后者, 前者, 其, 该公司, 对方, 自己) are found too; the relation stage
resolves them. Character-level matching keeps this usable both inside the spaCy
pipeline (aligned to pkuseg tokens there) and in the cheap pre-filter.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from graphbuild.catalog import Catalog
from graphbuild.records import Entity

# ASCII upper → lower and full-width ASCII → half-width, both length-preserving,
# so automaton hits map straight back to the sentence's offsets.
_FOLD_TABLE = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}
for _c in range(0xFF01, 0xFF5F):  # full-width ASCII → half-width, then lower case
    _half = _c - 0xFEE0
    _FOLD_TABLE[_c] = _half + 32 if ord("A") <= _half <= ord("Z") else _half


def match_fold(text: str) -> str:
    """Case- and width-fold ``text`` without changing its length."""
    return text.translate(_FOLD_TABLE)


_LATIN_CHAR = re.compile(r"[0-9a-z]")

REFERENCE_WORDS = ("后者", "後者", "前者", "该公司", "該公司", "该集团", "該集團", "对方", "對方", "自己", "其", "它")
_REFERENCE = re.compile(r"后者|後者|前者|该公司|該公司|该集团|該集團|对方|對方|自己|其(?![中他它实實余餘次后後])|它(?![们們])")
_NOT_REFERENCE_BEFORE = set("尤极極与與")  # 尤其, 极其, 与其

_QUOTED = re.compile(r"「([^「」\s，,。；;：:！？!?、]{1,24})」|『([^『』\s，,。；;：:！？!?、]{1,24})』")

# Words that end a company name; the name is the word(s) right before them.
COMPANY_SUFFIXES = (
    "股份有限公司", "有限责任公司", "有限公司", "公司", "集团", "集團", "银行", "銀行", "控股", "资本", "資本",
    "证券", "證券", "基金", "信托", "信託", "保险", "保險", "科技", "技术", "技術", "创投", "創投", "投资", "投資",
    "资管", "資管", "置业", "置業", "药业", "藥業", "实业", "實業", "电子", "電子", "半导体", "半導體",
)
_SUFFIX = re.compile("(?:" + "|".join(sorted(map(re.escape, COMPANY_SUFFIXES), key=len, reverse=True)) + ")+")
# A name before a suffix is made of these characters only (no function characters).
_NAME_CHARS = re.compile(r"[^\W_的了是在和与與对對向将將从從被把给給为為也都就又还還及等其这這那之以于於由而并並或但所最很更已]")
# Words that are never (part of) a company name in front of a suffix word.
_GENERIC = re.compile(
    r"^(?:这家|這家|该|該|一家|多家|几家|幾家|其|各|本|母|子|分|总|總|上市|科技|互联网|互聯網|软件|軟件|芯片|半导体|半導體|"
    r"投资|投資|管理|能源|电力|電力|新云|新雲|初创|初創|创业|創業|人工智能|金融|外资|外資|国有|國有|民营|民營|私营|私營|"
    r"跨国|跨國|大型|头部|頭部|龙头|龍頭|全球|美国|美國|中国|中國|日本|欧洲|歐洲|云|雲|云服务|雲服務|数据|數據|咨询|諮詢|"
    r"AI|IT|这些|這些|那些|相关|相關|其他|其它|同类|同類|老牌|新兴|新興|基础|基礎|私募|公募|风险|風險|风投|風投|银行|銀行|"
    r"证券|證券|保险|保險|信托|信託|基金|控股|集团|集團|公司|技术|技術|电子|電子|实业|實業|战略|戰略|股权|股權|天使|财务|財務|"
    r"对外|對外|海外|直接|间接|間接|追加|巨额|巨額|大额|大額|新增|前沿|高新|核心|关键|關鍵|的|和|与|與|及)+$"
)
# Tokens that stop a name growing leftwards (verbs, function words, titles).
_STOP_TOKENS = set(
    "的 与 與 和 及 向 对 對 将 將 已 被 由 在 为 為 是 称 稱 以 等 从 從 把 给 給 让 讓 使 于 於 也 都 又 还 還 就 "
    "公告 表示 宣布 旗下 子公司 母公司 收购 收購 投资 投資 入股 注资 注資 并购 併購 控股 持有 持股 成立 "
    "这家 這家 该 該 一家 这 這 那 其 各 今日 昨日 日前 近日 此前 目前 今年 去年 明年 同时 同時".split()
)

# Latin-script words that are products, units or jargon, not organisations.
_LATIN_STOP = {
    w.lower()
    for w in """AI AGI API App Apps GPU GPUs CPU CPUs TPU TPUs NPU IPO CEO CFO CTO COO GW MW TW GWh kWh PC PCs SoC SaaS
    PaaS IaaS Token Tokens Chip Chips Cloud Data Center Bridge HBM DRAM NAND LLM LLMs GenAI AIGC ASIC FPGA PUE
    ROI EPS GDP ETF Q1 Q2 Q3 Q4 H1 H2 vs VS USD RMB HKD EUR US UK EU OK Pro Max Plus Ultra Mini Lite Beta
    NVLink CUDA Instinct Bedrock Trainium Inferentia Blackwell Hopper Rubin Grace Stargate ChatGPT GPT Gemini
    Claude Llama Copilot Sora Grok Windows iPhone Android Office Excel Azure AWS the and of for with
    news reuters com net org www http https html""".split()
}
_LATIN_NAME = re.compile(r"(?<![A-Za-z0-9.\-])([A-Z][A-Za-z0-9]*(?:[.\-&][A-Za-z0-9]+)*(?: [A-Z][A-Za-z0-9]+(?:[.\-&][A-Za-z0-9]+)*){0,3})(?![A-Za-z0-9])")


@dataclass(frozen=True)
class Mention:
    """A stretch of a sentence that names an organisation or refers to one.

    ``entity`` is None for references (``source == "ref"``), which the
    relation stage resolves to an earlier mention.
    """

    start: int
    end: int
    text: str
    entity: Entity | None
    source: str  # catalog | quoted | suffix | latin | ref

    @property
    def is_ref(self) -> bool:
        return self.entity is None


class EntityFinder:
    """Finds organisation mentions in text using a catalog and name-shape rules."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self._automaton = ahocorasick.Automaton()
        for surface, entity_id in catalog.surface_forms():
            key = match_fold(surface)
            if key and key not in self._automaton:
                self._automaton.add_word(key, (len(key), entity_id, surface))
        self._automaton.make_automaton()

    # -- the pieces -------------------------------------------------------
    def catalog_mentions(self, text: str) -> list[Mention]:
        """Leftmost-longest catalog hits, respecting Latin word boundaries."""
        folded = match_fold(text)
        found = []
        for end_index, (length, entity_id, surface) in self._automaton.iter_long(folded):
            start, end = end_index - length + 1, end_index + 1
            if _LATIN_CHAR.match(folded[start]) and start > 0 and _LATIN_CHAR.match(folded[start - 1]):
                continue
            if _LATIN_CHAR.match(folded[end - 1]) and end < len(text) and _LATIN_CHAR.match(folded[end]):
                continue
            if self.catalog.is_ambiguous(surface) and not _company_context(text, start, end):
                continue
            entity = self.catalog.get(entity_id)
            if entity is not None:
                found.append(Mention(start, end, text[start:end], entity, "catalog"))
        return found

    def quoted_mentions(self, text: str) -> list[Mention]:
        found = []
        for m in _QUOTED.finditer(text):
            group = 1 if m.group(1) else 2
            name = m.group(group)
            if not _looks_like_name(name):
                continue
            start, end = m.start(group), m.end(group)
            found.append(Mention(start, end, name, self._resolve(name), "quoted"))
        return found

    def suffix_mentions(self, text: str, token_starts: set[int] | None) -> list[Mention]:
        """Names ending in a company word; ``token_starts`` (pkuseg) bound how far left they reach."""
        found = []
        for m in _SUFFIX.finditer(text):
            start = self._suffix_name_start(text, m.start(), token_starts)
            if start is None:
                continue
            name = text[start : m.end()]
            found.append(Mention(start, m.end(), name, self._resolve(name), "suffix"))
        return found

    def latin_mentions(self, text: str) -> list[Mention]:
        found = []
        for m in _LATIN_NAME.finditer(text):
            name = m.group(1)
            words = name.split()
            if any(w.lower() in _LATIN_STOP for w in words[:1]) or name.lower() in _LATIN_STOP:
                continue
            if len(name) < 2 or not any(c.islower() for c in name) or any(c.isdigit() for c in name):
                continue
            found.append(Mention(m.start(1), m.end(1), name, self._resolve(name), "latin"))
        return found

    def reference_mentions(self, text: str) -> list[Mention]:
        found = []
        for m in _REFERENCE.finditer(text):
            if m.group() == "其" and m.start() > 0 and text[m.start() - 1] in _NOT_REFERENCE_BEFORE:
                continue
            found.append(Mention(m.start(), m.end(), m.group(), None, "ref"))
        return found

    # -- all together -----------------------------------------------------
    def find(self, text: str, token_starts: set[int] | None = None) -> list[Mention]:
        """All mentions in ``text``, non-overlapping, in order.

        Earlier sources win overlaps: catalog, quoted, suffix, Latin, references.
        """
        chosen: list[Mention] = []
        taken = bytearray(len(text) + 1)
        for group in (
            self.catalog_mentions(text),
            self.quoted_mentions(text),
            self.suffix_mentions(text, token_starts),
            self.latin_mentions(text),
            self.reference_mentions(text),
        ):
            for m in group:
                if any(taken[m.start : m.end]):
                    # a quoted name around a catalog hit: keep the catalog one
                    continue
                taken[m.start : m.end] = b"\x01" * (m.end - m.start)
                chosen.append(m)
        chosen.sort(key=lambda m: m.start)
        return _drop_descriptors(chosen)

    def count_candidates(self, text: str) -> int:
        """Upper bound on organisation mentions, for the cheap pre-filter."""
        n = sum(1 for _ in self._automaton.iter_long(match_fold(text)))
        n += len(_QUOTED.findall(text)) + len(_SUFFIX.findall(text)) + len(_LATIN_NAME.findall(text))
        return n + len(_REFERENCE.findall(text))

    # -- helpers ----------------------------------------------------------
    def _resolve(self, name: str) -> Entity:
        return self.catalog.lookup(name) or self.catalog.new_entity(name)

    def _suffix_name_start(self, text: str, suffix_start: int, token_starts: set[int] | None) -> int | None:
        """Where the name in front of a suffix word begins, or None when there is none."""
        left = suffix_start
        limit = max(0, suffix_start - 10)
        while left > limit and _NAME_CHARS.match(text[left - 1]):
            left -= 1
        if left == suffix_start:
            return None
        if token_starts is not None:
            # grow token by token from the suffix leftwards, stopping at function words
            starts = sorted(s for s in token_starts if left <= s < suffix_start)
            best = None
            for s in reversed(starts):
                next_start = min((t for t in token_starts if t > s), default=suffix_start)
                if text[s:next_start] in _STOP_TOKENS:
                    break
                best = s
                if suffix_start - s >= 6:
                    break
            if best is None:
                return None
            left = best
        else:
            left = max(left, suffix_start - 4)
        prefix = text[left:suffix_start]
        if _GENERIC.match(prefix) or len(prefix) < 2:
            return None
        return left


def _drop_descriptors(mentions: list[Mention]) -> list[Mention]:
    """"网络安全公司Wiz": a suffix name right before another name only describes it."""
    out = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if m.source == "suffix" and nxt is not None and not nxt.is_ref and nxt.start - m.end <= 1:
            continue
        out.append(m)
    return out


def _looks_like_name(name: str) -> bool:
    if len(name) > 16 or len(name) < 2 and not name.isascii():
        return False
    return not re.search(r"[“”\"'()（）《》]", name)


_COMPANY_CONTEXT = re.compile(r"^(?:公司|集团|集團|股价|股價|市值|CEO|首席|财报|財報|手机|手機|iPhone|Inc|」)")


def _company_context(text: str, start: int, end: int) -> bool:
    """An ambiguous alias (苹果 is also a fruit) counts only next to company words or in 「」."""
    return bool(_COMPANY_CONTEXT.match(text[end : end + 4])) or (start > 0 and text[start - 1] == "「")
