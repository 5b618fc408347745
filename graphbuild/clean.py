"""Cleaning: scraped pages → plain text, with a map back to the original offsets.

Every step either deletes characters or substitutes them one for one, so the
``offsets`` list stays exact: ``offsets[i]`` is where ``text[i]`` came from in
``Document.text``. HTML pages are first reduced to their visible text with the
stdlib ``html.parser`` (which reports positions), then go through the same
plain-text rules as text files:

* 1:1 normalisation: full-width ASCII forms (，：（１２３ＡＢＣ) → half-width,
  odd spaces → " ", and a headline's space before a clause that goes on with
  its subject (…融资 与B签下…) → ","; carriage returns and zero-width characters are deleted;
* stray markup tags in text files (HTML element names only: <N> or <A股> stay);
* pinyin glosses after a character: 網(wǎng) → 網;
* junk lines: breadcrumbs, share buttons, lone numbers and time stamps, credit
  lines, spam keyword lists, runs of short link titles, repeated lines;
* trailing blocks: a heading such as 相关推荐 / 特别声明 / 责任编辑 once the
  article body has started, and everything after it;
* spliced SEO words where they can be told apart from the text (see
  ``_spliced_word_spans``);
* whitespace: spaces next to CJK text, runs of spaces, blank lines (paragraphs
  end up one per line).
"""
from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from html.parser import HTMLParser
from itertools import chain

from .records import CleanText, Document

# ---------------------------------------------------------------- primitives


_FEW_SPANS = 16  # up to this many, spans are deleted from the offsets list in place


def _delete(text: str, offsets: list[int], spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """Delete the ``[a, b)`` spans from ``text`` and its offsets (trailing entry kept).

    ``offsets`` may be edited in place (pass a list nobody else holds; use the one returned):
    deleting a few spans in place only moves the list's tail, for many a new list is cheaper.
    """
    if not spans:
        return text, offsets
    spans = sorted(spans)
    pieces: list[str] = []
    append_piece = pieces.append  # bound once: the loops below are hot
    pos = 0
    if len(spans) <= _FEW_SPANS:
        cuts = []
        for a, b in spans:
            if b > pos:
                if a < pos:
                    a = pos
                append_piece(text[pos:a])
                cuts.append((a, b))
                pos = b
        append_piece(text[pos:])
        for a, b in reversed(cuts):  # from the end, so the earlier cuts stay where they are
            del offsets[a:b]
        return "".join(pieces), offsets
    new_offsets: list[int] = []
    extend_offsets = new_offsets.extend
    for a, b in spans:
        if b > pos:
            if a < pos:
                a = pos
            append_piece(text[pos:a])
            extend_offsets(offsets[pos:a])
            pos = b
    append_piece(text[pos:])
    extend_offsets(offsets[pos:])
    return "".join(pieces), new_offsets


def _delete_matches(pattern: re.Pattern[str], text: str, offsets: list[int], needs: tuple[str, ...] = ()):
    """Delete ``pattern``'s matches; ``needs``: strings one of which every match holds (a cheap test first)."""
    if needs and not any(word in text for word in needs):
        return text, offsets
    # (empty matches need no filtering out: deleting an empty span changes nothing)
    return _delete(text, offsets, [m.span() for m in pattern.finditer(text)])


_MATCH_TAIL = 80  # how far past its anchor a match may run


def _anchored_spans(
    pattern: re.Pattern[str], text: str, anchors: tuple[str, ...], reach: int
) -> list[tuple[int, int]]:
    """``pattern``'s matches, searched only near ``anchors`` (words one of which every match holds, at most
    ``reach`` characters into it): a pattern that opens with optional words is slow to try at every position."""
    if not any(word in text for word in anchors):  # a quicker test than the regex search
        return []
    spans: list[tuple[int, int]] = []
    for a in re.finditer("|".join(map(re.escape, anchors)), text):
        if spans and a.start() < spans[-1][1]:
            continue
        m = pattern.search(text, max(a.start() - reach, spans[-1][1] if spans else 0), a.end() + _MATCH_TAIL)
        if m is not None and m.end() > m.start():
            spans.append(m.span())
    return spans



@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _simplified(s: str) -> str:
    """``s`` in simplified script, only to match keyword patterns against."""
    return _t2s().convert(s)


# ---------------------------------------------------------------- normalisation

_CJK = "\u2014\u2018-\u201f\u2026\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# Full-width ASCII variants → ASCII, and all kinds of spaces → " ". One for one.
_WIDTH_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE.update({cp: 0x20 for cp in (0x09, 0x0B, 0x0C, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B))})
_INVISIBLE_CHARS = ("\r", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")
_INVISIBLE = re.compile(f"[{''.join(_INVISIBLE_CHARS)}]")

# [x][x]* rather than [x]+: the regex engine skips ahead fast only to a pattern's
# first character or class, not to a repeat (likewise "  *" for " +" below).
_WIDE_CHAR = "[" + re.escape("".join(sorted(map(chr, _WIDTH_TABLE)))) + "]"
_WIDE = re.compile(_WIDE_CHAR + _WIDE_CHAR + "*")


def normalize_width(text: str) -> str:
    """Full-width ASCII punctuation/letters/digits to half-width, spaces to " " (1:1)."""
    # translating only the runs that need it: str.translate looks up every character
    return _WIDE.sub(lambda m: m.group().translate(_WIDTH_TABLE), text)


# a space in a headline before a clause that goes on with the same subject (…领投新一轮融资 与火山引擎签下…): a clause
# break, not a scraping gap (a clause that opens with a name stays glued: its name would pass for the text's subject)
_HEADLINE_GAP = re.compile(
    "(?<=[\u4e00-\u9fff]{4}) (?=(?:与|與|并|並|同时|同時|再|又|还|還|另|亦|获|獲|将|將|拟|擬)[\u4e00-\u9fff]{2})"
)


def _headline_breaks(text: str) -> str:
    """``text`` with each space between two clauses of a title-like line made a comma (1:1)."""
    gaps = [
        at for at in (m.start() for m in _HEADLINE_GAP.finditer(text))
        if is_title_like(text[text.rfind("\n", 0, at) + 1 : _line_end(text, at)])
    ]
    if not gaps:
        return text
    chars = list(text)
    for at in gaps:
        chars[at] = ","
    return "".join(chars)


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


# ---------------------------------------------------------------- HTML

_SKIP_TAGS = frozenset(
    "script style noscript template head title svg math iframe nav footer aside form button select "
    "textarea object embed canvas map figure video audio".split()
)
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_BLOCK_TAGS = frozenset(
    "address article blockquote br dd div dl dt h1 h2 h3 h4 h5 h6 header hr li main ol p pre section "
    "table tbody thead tfoot tr ul caption details summary center".split()
)
_CELL_TAGS = frozenset(("td", "th"))
# class/id words of navigation, sharing and recommendation boxes.
_JUNK_CLASS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|sidebar|share|sharing|social|related|"
    r"recommend|recommendation|comments?|advert|ads?|banner|copyright|toolbar|login|subscribe|hot-?list|"
    r"rank(?:ing)?|tags?)(?:$|[\s_-])",
    re.IGNORECASE,
)


_HTML_SPACE = str.maketrans("\n\r\t\f", "    ")


class _VisibleText(HTMLParser):
    """Collect visible text of a page as pieces of (text, original offsets)."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.pieces: list[str] = []
        self.maps: list[range | list[int]] = []
        self.skip_tag: str | None = None
        self.skip_depth = 0

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, where: range | list[int]) -> None:
        self.pieces.append(text)
        self.maps.append(where)

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, void=tag in _VOID_TAGS)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, void=True)

    def _start(self, tag, attrs, void):
        if self.skip_tag == "head" and tag == "body":  # </head> may be left out
            self.skip_tag = None
        if self.skip_tag is not None:
            if tag == self.skip_tag and not void:
                self.skip_depth += 1
            return
        junk = tag in _SKIP_TAGS
        if not junk and not void:
            names = " ".join(v for k, v in attrs if k in ("class", "id") and v)
            junk = bool(names and _JUNK_CLASS.search(names))
        if junk and not void:
            self.skip_tag, self.skip_depth = tag, 1
            return
        if tag in _BLOCK_TAGS:
            self._emit("\n", [self._pos()])
        elif tag in _CELL_TAGS:
            self._emit(" ", [self._pos()])

    def handle_endtag(self, tag):
        if self.skip_tag is not None:
            if tag in ("body", "html"):  # an unclosed junk element ends with the page
                self.skip_tag = None
            elif tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip_tag = None
            return
        if tag in _BLOCK_TAGS:
            self._emit("\n", [self._pos()])

    def handle_data(self, data):
        if self.skip_tag is not None or not data:
            return
        pos = self._pos()
        if not self.source.startswith(data, pos):
            pos = self.source.find(data, pos)  # defensive: positions should always agree
            if pos < 0:
                return
        # Line breaks in the source are just spaces on the page.
        self._emit(data.translate(_HTML_SPACE), range(pos, pos + len(data)))

    def _reference(self, ref: str) -> None:
        if self.skip_tag is not None:
            return
        pos = self._pos()
        end = pos + len(ref)
        if self.source.startswith(";", end):
            end += 1
        raw = self.source[pos:end]
        decoded = html.unescape(raw)
        if decoded == raw:
            self._emit(raw, range(pos, end))
        else:
            self._emit(decoded, [pos] * len(decoded))

    def handle_entityref(self, name):
        self._reference("&" + name)

    def handle_charref(self, name):
        self._reference("&#" + name)


def html_to_text(source: str) -> tuple[str, list[int]]:
    """Visible text of an HTML page and, for each of its characters, the source offset.

    Scripts, styles, the head, navigation/footer/share/recommendation boxes
    are dropped; entities are decoded; block elements become line breaks.
    """
    parser = _VisibleText(source)
    parser.feed(source)
    parser.close()
    text = "".join(parser.pieces)
    offsets = list(chain.from_iterable(parser.maps))
    offsets.append(len(source))
    return text, offsets


# ---------------------------------------------------------------- inline rules

# Only HTML's own element names: <N>, <AI> or <A股> in plain text are not markup.
_HTML_ELEMENTS = sorted(
    _SKIP_TAGS | _VOID_TAGS | _BLOCK_TAGS | _CELL_TAGS
    | set("a abbr b bdi bdo big body cite code data dfn em font html i ins del kbd label mark q rp rt ruby s samp "
          "small span strike strong sub sup time tt u var fieldset legend option optgroup output progress meter nobr dialog "
          "menu colgroup frame frameset marquee".split()),
    key=len, reverse=True,
)
_STRAY_TAG = re.compile(
    rf"</?(?:{'|'.join(_HTML_ELEMENTS)})(?![a-zA-Z0-9])(?:\s[^<>\n]*)?/?>|<!--.*?-->", re.DOTALL | re.IGNORECASE
)

# A parenthesised pinyin syllable right after a Han character: 網(wǎng), 議(yì), 转(zhuan3).
# (The Han character is looked behind at from the "(": a pattern opening with a
# plain character is searched much faster than one opening with a lookbehind.)
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_GLOSS = re.compile(
    rf"\((?<=[{_HAN}]\()(?:[a-zü]*[{_TONED}][a-zü]*|[a-zü]{{1,6}}[1-5])\)"
)

# SEO filler company names built on the 某某 placeholder: 新余市某某过滤器制造厂.
_PLACEHOLDER_ORG = re.compile(
    rf"(?:[{_HAN}]{{2}}[省市县縣区區])?某某[{_HAN}]{{0,12}}?"
    r"(?:有限责任公司|有限責任公司|有限公司|公司|制造厂|製造廠|厂|廠|店|集团|集團|中心|工作室)"
)
# Taiwan's dateline day, 今（8）日 / 昨 (7) 日: the bracketed date goes, leaving 今日 / 昨日
_BRACKETED_DAY = re.compile(r"[今昨明](\s*[(（]\s*[0-9]{1,2}\s*[)）]\s*)日")
# A money unit with no number before it, straight after a punctuation mark
# (，億美元讓…): a keyword spliced in, never grammatical text. (The mark is looked
# behind at from the unit, for speed as in _PINYIN_GLOSS.)
_ORPHAN_UNIT = re.compile(
    r"[亿億万萬千百](?<=[,，、。;；:：!?！？].)(?:美元|美金|元|人民币|人民幣|港元|港币|港幣|欧元|歐元|日元)"
)
# Lottery spam spliced into text (加拿大28开奖数据bclc).
_LOTTERY = re.compile(
    rf"(?:[{_HAN}]{{2,3}}28|六合彩|时时彩|時時彩|北京赛车|北京賽車)?(?:开奖|開獎)"
    r"(?:数据|數據|结果|結果|号码|號碼|记录|記錄|直播|网站|網站|网|網|查询|查詢)?[a-zA-Z0-9]*"
)
_PARAGRAPH = re.compile(r"[^\n]+")
_CLAUSE_PUNCT = ",，、。;；:：!?！？"
# Han words opening a clause (group 1); the mark is matched, not looked behind at, for speed.
_CLAUSE_HEAD = re.compile(rf"[{re.escape(_CLAUSE_PUNCT)}][ \t]*([{_HAN}]{{2,}})")
# A short fragment after a sentence end, alone at the end of a paragraph
# (…财报表现。遭遇⏎): a candidate spliced keyword (group 1). The sentence end is
# matched, not looked behind at, for speed as in _PINYIN_GLOSS.
_TRAILING_FRAGMENT = re.compile(
    r"[。！？!?][ \t]*([^\s\d,，。！？!?、;；:：“”\"'‘’「」『』()（）《》\[\]【】<>…—·]{2,10})[ \t]*(?=\n|\Z)"
)


_FUNCTION_WORDS = frozenset(
    "我们 他们 她们 它们 你们 但是 因为 所以 同时 这些 这个 那些 而且 如果 虽然 不过 其中 此外 然后 因此 以及 还有 "
    "我們 這些 這個 那些 而且 雖然 不過 其中 此外 然後 因此 以及 還有 但是 因為 所以 同時 另外 目前 其实 其實".split()
)


def _after_punct(word: str) -> re.Pattern[str]:
    """``word`` (and the spaces before it) right after a clause mark, as group 1.

    The mark is matched rather than looked behind at, which is much faster to
    search; as no keyword holds a mark, this finds the same places.
    """
    return re.compile(rf"[{re.escape(_CLAUSE_PUNCT)}]([ \t]*{re.escape(word)})")


def _spliced_word_spans(text: str) -> list[tuple[int, int]]:
    """Spans of SEO keywords spliced into sentences.

    Keyword-stuffing tools insert a few words between clauses all over the
    first paragraphs. We only act on what shows:

    1. a short fragment left alone at the end of a paragraph right after a full
       stop (…财报表现。遭遇⏎) that occurs at least three times in the document
       is a stuffed keyword;
    2. once a document is known to be stuffed, other strings that start two or
       more clauses of the stuffed paragraphs (…，世天时分OpenAI…，世天时分AI)
       and recur mostly there are stuffed keywords too.

    A keyword is removed where it directly follows a punctuation mark (no real
    word is cut out of its phrase there) and at a paragraph end; if it occurs
    nowhere outside the stuffed paragraphs but in the title line, it is also
    removed after 的 in them. Other occurrences inside phrases stay, so some
    stuffing is left behind.
    """
    seeds = {m.group(1) for m in _TRAILING_FRAGMENT.finditer(text)}
    seeds = {w for w in seeds if text.count(w) >= 3 and w not in _FUNCTION_WORDS}
    if not seeds:
        return []
    spans: list[tuple[int, int]] = []
    for word in seeds:
        w = re.escape(word)
        spans.extend(m.span(1) for m in _after_punct(word).finditer(text))
        spans.extend(m.span(1) for m in re.finditer(rf"[。！？!?]([ \t]*{w}[ \t]*)(?=\n|\Z)", text))
    starts = sorted(a for a, _ in spans)

    def holds_span(a: int, b: int) -> bool:
        i = bisect_left(starts, a)
        return i < len(starts) and starts[i] < b

    stuffed = [p.span() for p in _PARAGRAPH.finditer(text) if holds_span(*p.span())]
    stuffed_starts = [a for a, _ in stuffed]
    seen = {text[a:b].strip() for a, b in spans}

    def in_stuffed(pos: int) -> bool:
        i = bisect_right(stuffed_starts, pos) - 1  # paragraphs are sorted and disjoint
        return i >= 0 and pos < stuffed[i][1]

    heads = [m.group(1) for a, b in stuffed for m in _CLAUSE_HEAD.finditer(text, a, b)]
    for word in _shared_prefixes(heads):
        if word in seen or word in _FUNCTION_WORDS:
            continue
        where = [m.start() for m in re.finditer(re.escape(word), text)]
        # Stuffing sits in the stuffed paragraphs; a real name recurs all over.
        if len(where) < 3 or sum(map(in_stuffed, where)) * 2 <= len(where):
            continue
        for a, b in stuffed:
            spans.extend(m.span(1) for m in _after_punct(word).finditer(text, a, b))
        seen.add(word)
    # A keyword found nowhere but in stuffed paragraphs (and the title line)
    # is no real word of the text: also remove it after 的, where stuffing
    # tools like to put it (…的世天时分几家公司).
    title = _PARAGRAPH.search(text)
    title_end = title.end() if title else 0
    for word in seen:
        where = [m.start() for m in re.finditer(re.escape(word), text) if m.start() >= title_end]
        if all(map(in_stuffed, where)):
            spans.extend(m.span(1) for m in re.finditer(rf"的({re.escape(word)})", text) if in_stuffed(m.start(1)))
    return spans


def _shared_prefixes(heads: list[str]) -> set[str]:
    """Longest prefixes (2-8 Han characters) shared by two or more clause heads."""
    found = set()
    ordered = sorted(heads)
    for a, b in zip(ordered, ordered[1:]):
        n = 0
        while n < min(len(a), len(b), 8) and a[n] == b[n]:
            n += 1
        if n >= 2:
            found.add(a[:n])
    return found


# ---------------------------------------------------------------- line rules

_SENTENCE_END = "。！？!?"
_LONE_NUMBER = re.compile(r"\d{1,7}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}:\d{2}(?::\d{2})?")
# Matched against the simplified form of a whole (stripped) line.
_UI_LINE = re.compile(
    r"(?:分享至|分享到|分享|收藏|举报|打开APP|打开app|申请入驻|返回顶部|返回首页|点赞|评论|登录|注册|"
    r"无障碍浏览.*|进入关怀版|图片|图|图源[:：].*|图片来源[:：].*|图/.*|往期回顾.*|全部|更多|"
    r"扫码.*|关注我们|点击.*查看.*|点击进入.*|点击阅读.*|(?:分享至|分享到)[:：].*|展开全文|阅读全文|查看原文|[<>«»‹›]+)",
    re.IGNORECASE,
)
_BREADCRUMB_START = re.compile(r"(?:当前位置|您的位置|你的位置|你现在的位置|您现在的位置|位置)\s*[:：]")
_BREADCRUMB_ARROW = re.compile(r"[>›»→>]")
_BRACKETED_WORD = re.compile(r"<[^<>\s]{1,12}>")
_CREDIT_LINE = re.compile(
    r"[(\[【]?(?:文|图|编辑|主编|监制|作者|原创作者|撰文|记者|策划|策划审核|审核|校对|出品|来源|编译|责编|排版|美编)"
    r"\s*(?:[丨|｜:：/]|$)"
)
# Headings that start a trailer block (recommendations, notices…).
_TRAILER_HEAD = re.compile(
    r"[(\[【]?\s*(?:相关推荐|热点推荐|热门推荐|精彩推荐|为你推荐|推荐阅读|推荐文章|热门文章|相关阅读|相关文章|"
    r"相关新闻|延伸阅读|猜你喜欢|更多精彩|往期回顾|往期推荐|特别声明|免责声明|版权声明|责任编辑|"
    r"notice\s*:|disclaimer\s*:)",
    re.IGNORECASE,
)
# Spam words: the Han ones (caseless) and "av". Kept apart because a regex of
# plain words is searched much faster; a match of one never overlaps one of the other.
_SPAM_WORDS = re.compile(
    r"无码|成人|色播|色情|黄色|一区二区|三级片|婷婷|开奖|彩票|博彩|赌场|娱乐城|人妻|日韩|不卡|"
    r"免费视频|在线观看|在线播放|久久|约炮|裸聊|软文推广"
)
_SPAM_AV = re.compile(r"(?<![a-z])av(?![a-z])", re.IGNORECASE)
_STRONG_SPAM = re.compile(r"软文推广|无码|开奖|博彩|三级片|色播|娱乐城")
_LIST_SEP = re.compile(r"[|｜，]|,(?![0-9]{3})")  # not the comma that groups a number's digits (11,258,278股)


# A line that _LONE_NUMBER or _UI_LINE fills or _BREADCRUMB_START opens: one regex
# for one call per line (none of the three has a letter that IGNORECASE would change).
_UI_START = re.compile(
    rf"(?:{_LONE_NUMBER.pattern})\Z|(?:{_UI_LINE.pattern})\Z|{_BREADCRUMB_START.pattern}", re.IGNORECASE
)


def _is_ui_line(simple: str) -> bool:
    if _UI_START.match(simple):
        return True
    if len(_BREADCRUMB_ARROW.findall(simple)) < 2:
        return False
    simple = _BRACKETED_WORD.sub("", simple)  # the > of <N> or <A股> points nowhere
    if len(_BREADCRUMB_ARROW.findall(simple)) >= 2:
        parts = _BREADCRUMB_ARROW.split(simple)
        return all(len(p.strip()) <= 24 for p in parts[:-1])
    return False


def _spam_word_count(simple: str) -> int:
    """How many different spam words ``simple`` holds."""
    words = set(_SPAM_WORDS.findall(simple))
    # only "a" and "A" are "a" to an IGNORECASE regex
    if ("a" in simple or "A" in simple) and _SPAM_AV.search(simple):
        words.add("av")
    return len(words)


def _is_spam_list(simple: str) -> bool:
    if _spam_word_count(simple) >= 2:
        return True
    if len(simple) <= 20 and _STRONG_SPAM.search(simple):
        return True
    if simple[-1:] in _SENTENCE_END or "。" in simple:
        return False
    parts = [p for p in _LIST_SEP.split(simple) if p.strip()]
    if "|" in simple or "｜" in simple:
        if len(parts) >= 3 and all(len(p) <= 16 for p in parts):
            return True
    return len(parts) >= 5 and all(len(p.strip()) <= 10 for p in parts)


def _is_credit(simple: str) -> bool:
    return len(simple) <= 40 and bool(_CREDIT_LINE.match(simple))


# （股份代號：2196）: the header of a listed company's filing (its name, then the title), not a link list
# how a notice numbers its lines (二、 / 3.), before a field's label
FIELD_NUMBERING = r"^\s*(?:[一二三四五六七八九十]+、|\d+[.、．]|(?:标包|標包|分包|包件|包)\s*\d+\s*[:：]|第[一二三四五六七八九十\d]+(?:标包|標包|包)\s*[:：]?)?\s*"  # 包1：
# a notice's field line (二、采购人名称：启东市中医院): a label, a colon, its value
# a notice's field (采购人：A), a field heading its items (5.應募人名稱及認購情形：) or an item under one ((1)A，認購…)
_FIELD_LINE = re.compile(FIELD_NUMBERING + r"[\u4e00-\u9fff（）()]{2,12}[：:]\s*\S|" + FIELD_NUMBERING + r"[^\n]{2,30}[：:]\s*$|^\s*[（(][0-9０-９]{1,2}[）)]")
STOCK_CODE_FIELD = r"[（(]?(?:股份代號|股份代号|股票代碼|股票代码|Stock Code)[:：]?\s*[0-9]{3,6}[)）]?$"
_STOCK_CODE_LINE = re.compile("^" + STOCK_CODE_FIELD, re.I)


def is_title_like(line: str) -> bool:
    """A short line with no full stop: a heading, a link title, a byline, a date."""
    return len(line) <= 45 and "。" not in line


def _is_body(line: str) -> bool:
    """A real paragraph of the article (starts the body for the trailer rule)."""
    return (len(line) >= 15 and "。" in line) or (len(line) >= 40 and any(c in line for c in "！？!?"))


def _lines(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, stripped line)`` of each line, its newline included (str.split beats a regex)."""
    lines = []
    start = 0
    pieces = text.split("\n")
    last = pieces.pop()  # after the last newline: a line only if not empty
    for piece in pieces:
        end = start + len(piece) + 1
        lines.append((start, end, piece.strip()))
        start = end
    if last:
        lines.append((start, len(text), last.strip()))
    return lines


def _junk_line_spans(text: str) -> list[tuple[int, int]]:
    """Spans of junk lines and of the trailer block (see module docstring)."""
    lines = _lines(text)
    simple_text = _simplified(text)  # once for all lines: each line is its slice when no length changed
    if len(simple_text) != len(text):
        simple_text = None
    junk = [False] * len(lines)
    body_started = False
    cut_at: int | None = None
    previous = None
    for i, (start, end, line) in enumerate(lines):
        if not line:
            continue
        if simple_text is not None:
            whole = simple_text[start:end].strip()
        else:
            whole = _simplified(line if len(line) <= 200 else line[:60])
        head = whole[:60]
        m = _TRAILER_HEAD.match(head)
        if m and (len(line) <= 20 or m.group(0).endswith(":") or head[m.end():].lstrip().startswith((":", "："))):
            if body_started:
                cut_at = start
                break
            junk[i] = True
            continue
        simple = whole if len(line) <= 200 else head
        if _is_ui_line(simple) or _is_spam_list(simple) or _is_credit(simple) or line == previous:
            junk[i] = True
        elif _is_body(line):
            body_started = True
        previous = line
    # Runs of five or more short title-like lines (link lists; blank lines ignored).
    end = len(lines) if cut_at is None else next(i for i, (s, _e, _l) in enumerate(lines) if s >= cut_at)
    run: list[int] = []
    for i in [i for i in range(end) if lines[i][2]] + [None]:
        if i is not None and (junk[i] or is_title_like(lines[i][2])):
            run.append(i)
            continue
        fields = sum(1 for j in run if _FIELD_LINE.match(lines[j][2]))  # 采购人：A / 中标金额：…: a notice's fields
        if sum(1 for j in run if not junk[j]) >= 5 and not any(_STOCK_CODE_LINE.search(lines[j][2]) for j in run) and 2 * fields < len(run):
            for j in run:
                junk[j] = True
        run = []
    spans = [(s, e) for (s, e, _), bad in zip(lines, junk) if bad]
    if cut_at is not None:
        spans.append((cut_at, len(text)))
    return spans


# ---------------------------------------------------------------- whitespace

_SPACES = re.compile("  *")  # runs of spaces
_CJK_CHAR = re.compile(f"[{_CJK}]")
_NEWLINES = re.compile("\n\n+")


def _space_spans(text: str) -> list[tuple[int, int]]:
    """Spaces to drop: runs at a line's edge or beside CJK, and all but the first space of other runs."""
    spans = []
    for m in _SPACES.finditer(text):
        a, b = m.span()
        before = text[a - 1] if a else "\n"
        after = text[b] if b < len(text) else "\n"
        if "\n" in (before, after) or _CJK_CHAR.match(before) or _CJK_CHAR.match(after):
            spans.append((a, b))
        elif b - a > 1:
            spans.append((a + 1, b))
    return spans


def _newline_spans(text: str) -> list[tuple[int, int]]:
    """Newlines to drop: blank lines, and all newlines at the start and the end."""
    spans = [(m.start() + 1, m.end()) for m in _NEWLINES.finditer(text)]
    lead, trail = len(text) - len(text.lstrip("\n")), len(text) - len(text.rstrip("\n"))
    return spans + [(0, lead), (len(text) - trail, len(text))]


# ---------------------------------------------------------------- clean


def clean(doc: Document) -> CleanText:
    """Clean a document's text (HTML reduced to visible text) keeping a map to ``doc.text``."""
    if doc.html:
        text, offsets = html_to_text(doc.text)
    else:
        text, offsets = doc.text, list(range(len(doc.text) + 1))
    text, offsets = _delete_matches(_INVISIBLE, text, offsets, needs=_INVISIBLE_CHARS)
    text = _headline_breaks(normalize_width(text))
    if not doc.html:
        text, offsets = _delete_matches(_STRAY_TAG, text, offsets, needs=("<",))
    text, offsets = _delete_matches(_PINYIN_GLOSS, text, offsets, needs=("(",))
    text, offsets = _delete(text, offsets, _junk_line_spans(text))
    for pattern, anchors, reach in ((_LOTTERY, ("开奖", "開獎"), 5), (_PLACEHOLDER_ORG, ("某某",), 3)):
        text, offsets = _delete(text, offsets, _anchored_spans(pattern, text, anchors, reach))
    text, offsets = _delete_matches(_ORPHAN_UNIT, text, offsets)
    if "(" in text or "（" in text:  # every _BRACKETED_DAY holds one
        text, offsets = _delete(text, offsets, [m.span(1) for m in _BRACKETED_DAY.finditer(text)])
    text, offsets = _delete(text, offsets, _spliced_word_spans(text))
    text, offsets = _delete(text, offsets, _space_spans(text))
    text, offsets = _delete(text, offsets, _newline_spans(text))
    return CleanText(doc=doc, text=text, offsets=offsets)


# ---------------------------------------------------------------- splitting

_CLOSERS = "”’\"'」』）)\\]】》〉"
_SENTENCE_BREAK = re.compile(rf"[。！？!?]+[{_CLOSERS}]*|\n")


def _stripped(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if b > a else None


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``[a, b)`` in ``text``.

    Sentences end at 。！？!? (closing quotes and brackets stay with their
    sentence) and at line breaks; ；and ， stay inside. Spans are stripped of
    surrounding whitespace; empty ones are dropped.
    """
    spans = []
    start = 0
    for m in _SENTENCE_BREAK.finditer(text):
        span = _stripped(text, start, m.end())
        if span:
            spans.append(span)
        start = m.end()
    span = _stripped(text, start, len(text))
    if span:
        spans.append(span)
    return spans


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph (non-empty line) spans ``[a, b)`` in ``text``, whitespace stripped."""
    spans = []
    for m in _PARAGRAPH.finditer(text):
        span = _stripped(text, m.start(), m.end())
        if span:
            spans.append(span)
    return spans
