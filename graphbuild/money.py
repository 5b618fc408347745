"""Money amounts in Chinese and English news sentences.

``find_amounts`` returns every money amount in a sentence with its offsets and
an :class:`~graphbuild.records.Amount` (value in the stated currency, USD value
from ``data/rates.json``). It finds amounts, it does not judge them: a
valuation or a loss is still an amount; the relation stage decides deals.

Conventions
-----------
* Magnitudes: 万 = 1e4, 亿 = 1e8, 万亿 = 1e12 (also 千万, 百万, 十亿, 百亿, 千亿,
  traditional 萬/億), English thousand/million/billion/trillion (k, m/mn/mln,
  b/bn, t/tn). Chinese numerals are read whole (一百二十亿 → 1.2e10,
  一亿五千万 → 1.5e8).
* Vague and bounded amounts set ``approximate`` and give the *smallest value
  the phrase can mean*: 几/数 as a multiplier counts as 2 (几百亿 → 2e10,
  数十亿 → 2e9, 几亿 → 2e8), 几 after 十/百/千 counts as 1 (十几亿 → 1.1e9),
  two digits in a row name a range (四五百万 → 4e6);
  多/余 (100多亿) keep the stated number; ranges (50亿至60亿, 50-60亿) give the
  lower end; 超/超过/逾/以上/上百亿 give the stated bound. Hedges whose number
  is not a lower bound (约, 近, 左右, 不到) keep the stated number and are
  marked approximate too.
* An amount with a magnitude (万/亿/万亿) but no currency word (200亿云服务大单)
  is money unless a unit noun follows (股, 个, 人, 吉瓦, GW, 倍 …) or a count
  word precedes it (日活突破1亿). Its currency is that of the nearest amount
  with a currency in the same text, else in ``context`` (nearest to where the
  text sits in it; the first one when the text is not part of it), else the
  document's own (``local_currency``: New Taiwan dollars in a Taiwan text,
  else CNY); ``currency_inferred`` is then true.
* ¥ is CNY in text containing Chinese characters, JPY otherwise; 元 alone is
  the document's own currency (CNY but in a Taiwan text).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .records import Amount

__all__ = ["AmountMatch", "find_amounts", "local_currency", "parse_amount", "to_usd", "rate_table"]


@dataclass
class AmountMatch:
    """One amount found in a text: ``text[start:end]`` is ``amount.text``."""

    start: int
    end: int
    amount: Amount


# --- vocabulary ------------------------------------------------------------

_SUFFIX_CURRENCIES = {
    "USD": ["美元", "美金", "美圆", "美圓", "US dollars", "US dollar", "dollars", "dollar", "USD"],
    "CNY": ["元人民币", "元人民幣", "人民币", "人民幣", "元", "RMB", "CNY", "yuan"],
    "HKD": ["港元", "港币", "港幣", "港圆", "港圓", "HKD"],
    "EUR": ["欧元", "歐元", "EUR", "euros", "euro"],
    "JPY": ["日元", "日圆", "日圓", "日币", "日幣", "円", "JPY", "yen"],
    "GBP": ["英镑", "英鎊", "GBP", "pounds sterling", "sterling"],
    "TWD": ["新台币", "新台幣", "新臺幣", "台币", "台幣", "臺幣", "TWD"],
    "KRW": ["韩元", "韓元", "韩币", "韓幣", "韓圜", "KRW"],
    "AUD": ["澳元", "澳币", "澳幣", "AUD"],
    "CAD": ["加元", "加币", "加幣", "CAD"],
    "SGD": ["新加坡元", "新元", "新币", "新幣", "SGD"],
    "CHF": ["瑞士法郎", "瑞郎", "CHF"],
    "INR": ["印度卢比", "卢比", "盧比", "INR"],
    "RUB": ["卢布", "盧布", "RUB"],
}
_PREFIX_CURRENCIES = {
    "USD": ["US$", "U.S.$", "USD", "$", "＄"],
    "CNY": ["人民币", "人民幣", "RMB", "CNY", "￥"],
    "¥": ["¥"],  # resolved to CNY or JPY by script
    "HKD": ["HK$", "HKD"],
    "TWD": ["NT$", "NTD", "TWD"],
    "EUR": ["€", "EUR"],
    "GBP": ["£", "GBP"],
    "JPY": ["JPY"],
    "KRW": ["₩", "KRW"],
    "AUD": ["A$", "AU$", "AUD"],
    "CAD": ["C$", "CA$", "CAD"],
    "SGD": ["S$", "SG$", "SGD"],
    "INR": ["₹", "INR"],
}


def _lookup(table: dict[str, list[str]]) -> dict[str, str]:
    return {word: code for code, words in table.items() for word in words}


def _key(word: str) -> str:
    return re.sub(r"\s+", "", word)


_SUFFIX_CODE = _lookup(_SUFFIX_CURRENCIES)
_PREFIX_CODE = _lookup(_PREFIX_CURRENCIES)
# Chinese currency names also lead amounts (港币100亿, 新台币500亿元); not bare 元/円
_PREFIX_CODE.update({w: c for w, c in _SUFFIX_CODE.items()
                     if len(w) > 1 and not w.isascii() and not w.startswith("元")})
_CODE = {_key(w): c for w, c in {**_PREFIX_CODE, **_SUFFIX_CODE}.items() if w != "¥"}
_CODE["¥"] = "¥"


def _alternation(words) -> str:
    """Longest first, so 美元 wins over 元 and US$ over $."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        p = re.escape(w).replace(r"\ ", r"\s?")
        if w[0].isascii() and w[0].isalpha():
            p = r"(?<![A-Za-z])" + p
        if w[-1].isascii() and w[-1].isalpha():
            p += r"(?![A-Za-z])"
        if w == "元":
            p += r"(?!素|件|宇宙)"
        parts.append(p)
    return "|".join(parts)


_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL_UNIT = {"十": 10, "百": 100, "千": 1000}
# the capital numerals of contracts and notices (人民币壹亿零柒佰万元整), read as the common ones (one for one);
# 仟 is read as 千 among them, but alone (Taiwan filings' 270,000仟元) it needs no reading
_CAPITAL_DIGITS = "壹贰貳叁參肆伍陆陸柒捌玖拾佰"
_CAPITAL_NUMERALS = str.maketrans(_CAPITAL_DIGITS + "仟", "一二二三三四五六六七八九十百千")
_CAPITAL_NUMERAL = re.compile(f"[{_CAPITAL_DIGITS}]")
_VAGUE = set("几幾数數")
_DIGIT_PAIR = re.compile("[一二两兩三四五六七八九]{2}")

_MAG_CN = {
    "万亿": 1e12, "萬億": 1e12, "千亿": 1e11, "千億": 1e11, "百亿": 1e10, "百億": 1e10,
    "十亿": 1e9, "十億": 1e9, "亿": 1e8, "億": 1e8, "千万": 1e7, "千萬": 1e7,
    "百万": 1e6, "百萬": 1e6, "十万": 1e5, "十萬": 1e5, "万": 1e4, "萬": 1e4,
    "千": 1e3, "百": 1e2,
    "仟萬": 1e7, "仟万": 1e7, "仟": 1e3,  # Taiwan filings count in thousands: 新台幣270,000仟元
}
_MAG_EN = {"trillion": 1e12, "tn": 1e12, "t": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9,
           "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3}

_S = r"[ \t\u00a0\u3000]{0,2}"
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CN_CHARS = "零〇一二两兩三四五六七八九十百千万萬亿億几幾数數"
# a Chinese numeral must hold a magnitude character (一个, 一家 never match)
_CN = rf"[一二两兩三四五六七八九几幾数數]{{0,2}}[十百千万萬亿億][{_CN_CHARS}]*"
_NUM = rf"(?<![\d.])(?:{_ARABIC}|{_CN})"
_MAG = (
    "(?:" + "|".join(sorted(_MAG_CN, key=len, reverse=True)) + "|"
    r"(?i:trillion|billion|million|thousand|mln|tn|bn|mn|t|b|m|k)(?![A-Za-z]))"
)
_PRE = (
    r"超过|超過|超出|逾|约合|約合|大约|大約|约为|約為|约|約|将近|將近|接近|(?<![最附])近|"
    r"至少|不少于|不少於|不低于|不低於|不超过|不超過|不高于|不高於|不到|不足|超|"
    r"(?:上|过|過)(?=[十百千万萬亿億])"
)
_POST = r"左右|上下|以上|以下|以内|以內|之多|有余|有餘|出头|出頭"
_SEP = r"[至到~～〜\-–－]|\s+to\s+"
_CUR_PRE = _alternation(_PREFIX_CODE)
_CUR_SUF = _alternation(_SUFFIX_CODE)

# every match starts with one of these characters; the lookahead lets the
# engine skip all other positions without trying each alternation
_FIRST = "".join(sorted(
    {w[0] for w in _PREFIX_CODE} | set("超逾约約大将將接近至不上过過") | set(_CN_CHARS) - set("零〇")
))
_START = "(?=[\\d" + re.escape(_FIRST) + "])"
_HEAD = _START + rf"(?:(?P<pre>{_PRE}){_S})?(?:(?P<c1>{_CUR_PRE}){_S})?(?P<n1>{_NUM})(?P<d1>[多余餘])?{_S}(?P<m1>{_MAG})?"
_RANGE = rf"(?:{_S}(?P<sep>{_SEP}){_S}(?P<c2>{_CUR_PRE})?{_S}(?P<n2>{_NUM})(?P<d2>[多余餘])?{_S}(?P<m2>{_MAG})?)"
_TAIL = rf"{_S}(?P<c3>{_CUR_SUF})?(?P<post>{_POST})?"

_AMOUNT_RE = re.compile(_HEAD + _RANGE + "?" + _TAIL)
_SINGLE_RE = re.compile(_HEAD + _TAIL)
# a notice's field gives the unit in brackets after the figure (中标金额：2,386.50（万元）)
_BRACKETED_UNIT = re.compile(rf"(?<![\d.])(?P<n1>{_ARABIC}){_S}[（(](?P<m1>{_MAG})?(?P<c3>{_CUR_SUF})[）)]")

# a unit noun right after a currency-less amount makes it a count (1.2亿股, 100万个)
_UNIT_AFTER = re.compile(
    r"[ \t\u00a0\u3000]{0,2}(?:"
    r"股(?![权權])|个|個|人(?!工|民币|民幣)|名|位|台(?!积|積|币|幣|湾|灣)|臺(?!幣)|部(?!分|署|门|門)|"
    r"辆|輛|架|艘|张|張|件|套|款(?!项|項)|块|塊|颗|顆|枚|片|隻|头|頭|匹|条|條|根|支(?!出|付|持)|册|冊|篇|"
    r"页|頁|份(?!额|額)|户|戶|家|间|間|座|栋|棟|层|層|次|遍|倍|吨|噸|公斤|千克|克|斤|磅|米|"
    r"公里|千米|英里|里|平方|立方|亩|畝|标箱|標箱|载重吨|載重噸|公顷|公頃|升|桶|瓦|千瓦|吉瓦|兆瓦|度|字节|字節|字|岁|歲|"
    r"小时|小時|分钟|分鐘|秒|票|粒|轮|輪|场(?!景)|場(?!景)|项(?!目)|項(?!目)|种|種|类|類|组|組|"
    r"笔|筆|单|單|例|宗|帧|幀|参数|參數|用户|用戶|日活|月活|粉丝|粉絲|网民|網民|人次|居民|"
    r"观众|觀眾|读者|讀者|步|光年|像素|晶体管|晶體管|"
    r"(?i:gw|mw|kw|tw|gwh|kwh|twh|gb|tb|pb|tokens?|users?|people|shares?|units?))"
)
# a count word right before it does too (日活突破1亿, 用户数达10亿)
_COUNT_BEFORE = re.compile(
    r"(?:日活|月活|用户|用戶|人口|销量|銷量|出货|出貨|粉丝|粉絲|下载|下載|播放|阅读|閱讀|访问|訪問|"
    r"人次|装机|裝機|参数|參數|发电|發電|用电|用電|岗位|崗位|员工|員工|人数|人數|网民|網民|"
    r"tokens?|Tokens?|步数|里程)"
    r"(?:量|数|數|规模|規模)?(?:已经|已經|已|将|將|或|预计|預計)?"
    r"(?:突破|达到|達到|达|達|超过|超過|超|为|為|是|有|约|約|近|逾|接近|高达|高達)?"
    r"[ \t\u00a0\u3000]{0,2}$"
)
_SPACE = " \t\u00a0\u3000"
_CJK = re.compile(r"[\u4e00-\u9fff]")
_QUICK = re.compile(rf"[\d{_CN_CHARS}]")


# --- numbers ---------------------------------------------------------------

def _cn_value(s: str) -> float:
    """Value of a Chinese numeral; 几/数 count as 2 as a multiplier, 1 after 十/百/千."""
    total = 0.0
    section = 0.0
    number = 0.0
    for i, ch in enumerate(s):
        if ch in _CN_DIGIT:
            d = _CN_DIGIT[ch]
            # 四五百万, 七八千万: two digits in a row name a range; keep the lower
            number = min(number, d) if i and s[i - 1] in _CN_DIGIT and number else d
        elif ch in _VAGUE:
            nxt = s[i + 1] if i + 1 < len(s) else ""
            prev = s[i - 1] if i else ""
            number = 1 if (prev in _CN_SMALL_UNIT and nxt not in _CN_SMALL_UNIT) else 2
        elif ch in _CN_SMALL_UNIT:
            section += (number or 1) * _CN_SMALL_UNIT[ch]
            number = 0
        elif ch in ("万", "萬"):
            section = (section + number) * 1e4
            number = 0
        elif ch in ("亿", "億"):
            total += (section + number) * 1e8
            section = number = 0
    return total + section + number


def _num_value(s: str) -> float:
    if s[0].isdigit():
        return float(s.replace(",", ""))
    return _cn_value(s)


def _mag_value(m: str | None) -> float:
    if not m:
        return 1.0
    return _MAG_CN.get(m) or _MAG_EN[m.lower()]


def _unit_of(n1: str, n2: str) -> float:
    """Magnitude a bare range start borrows from the end: 五十至六十亿 → 亿."""
    if not n1[0].isdigit() and any(c in n1 for c in "万萬亿億"):
        return 1.0
    for tail, mult in (("万亿", 1e12), ("萬億", 1e12), ("亿", 1e8), ("億", 1e8), ("万", 1e4), ("萬", 1e4)):
        if n2.endswith(tail):
            return mult
    return 1.0


def _has_big_magnitude(num: str, mag: str | None) -> bool:
    """True when the amount is stated in 万/亿 (the money-without-currency case)."""
    if mag:
        return mag in _MAG_CN and any(c in mag for c in "万萬亿億")
    return any(c in num for c in "万萬亿億")


# --- rates -----------------------------------------------------------------

@lru_cache(maxsize=1)
def rate_table() -> dict:
    """The packaged rate table (``graphbuild/data/rates.json``)."""
    with resources.files("graphbuild").joinpath("data/rates.json").open(encoding="utf-8") as f:
        return json.load(f)


def to_usd(value: float, currency: str, date: str | None = None) -> float | None:
    """``value`` units of ``currency`` in US dollars, or None for an unknown currency.

    With an ISO ``date`` the rate of that year is used when the table has one,
    else the table's default (latest) rates.
    """
    table = rate_table()
    rates = table["usd_per_unit"]
    if date:
        rates = table.get("by_year", {}).get(date[:4], rates)
    rate = rates.get(currency)
    if rate is None:
        rate = table["usd_per_unit"].get(currency)
    if rate is None:
        return None
    return round(value * rate, 2)


# --- matching --------------------------------------------------------------

_LOCAL = "元"  # a bare 元 until the document's currency is known
# Taiwan's news writes 元 for New Taiwan dollars once it has said 新台幣 (聯發科認購12億元)
_TAIWAN_DOLLAR = re.compile("新台幣|新臺幣|台幣|臺幣|NT\\$")
_OTHER_YUAN = re.compile("人民幣|人民币|RMB|港元|港幣|港币|HK\\$")


def local_currency(document: str) -> str:
    """What 元, and an amount with no currency anywhere near it, mean in ``document``: New Taiwan
    dollars in a Taiwan text (it writes 新台幣 and no other yuan or dollar of the region), else CNY."""
    if _TAIWAN_DOLLAR.search(document) and not _OTHER_YUAN.search(document):
        return "TWD"
    return "CNY"


@dataclass
class _Raw:
    start: int
    end: int
    value: float
    currency: str | None
    approximate: bool


def _currency(m: re.Match, chinese: bool) -> str | None:
    word = next((w for w in (m.groupdict().get(g) for g in ("c1", "c2", "c3")) if w), None)  # a leading name beats a bare 元
    if word is None:
        return None
    if _key(word) == "元":
        return _LOCAL  # 元 alone: the document's own currency (see ``local_currency``)
    code = _CODE[_key(word)]
    if code == "¥":
        code = "CNY" if chinese else "JPY"
    return code


def _valid_number(num: str, has_currency: bool, pre: str | None) -> bool:
    """Bare 万/亿-initial numerals (万一, 亿万) need a hedge; bare 十/百/千-initial ones a currency, hedge or 亿."""
    first = num[0]
    if first in "万萬亿億":
        return bool(pre)
    if first in "十百千":
        return bool(pre) or has_currency or any(c in num for c in "亿億")
    return True


def _interpret(m: re.Match, text: str, chinese: bool) -> _Raw | None:
    """Turn one regex match into a raw amount, or None when it is not money."""
    g = m.groupdict().get  # _SINGLE_RE has no range groups
    n1, m1 = g("n1"), g("m1")
    if n1[0].isdigit() and not (m1 or g("c1") or g("c3") or g("sep")):
        return None  # a bare number: 2026, H200, 83
    currency = _currency(m, chinese)
    has_currency = currency is not None
    ranged = m.re is _AMOUNT_RE and g("sep") is not None
    if ranged:
        n2, m2 = g("n2"), g("m2")
        n2_big = not n2[0].isdigit() and _has_big_magnitude(n2, None)
        if m1 and not m2 and not n2_big:
            return None
        if not m1 and not m2 and not n2_big and not has_currency:
            return None
        lower = _num_value(n1) * (_mag_value(m1 or m2) if (m1 or m2) else _unit_of(n1, n2))
        upper = _num_value(n2) * _mag_value(m2)
        if lower > upper or not _valid_number(n2, has_currency, g("pre")):
            return None
        if text[max(0, m.start() - 1):m.start()] in ("从", "從", "由"):
            return None  # 从50亿到100亿 is a change, not a range
        value = lower
        big = _has_big_magnitude(n1, m1) or _has_big_magnitude(n2, m2)
    else:
        value = _num_value(n1) * _mag_value(m1)
        big = _has_big_magnitude(n1, m1)
    if not _valid_number(n1, has_currency, g("pre")):
        return None
    if value <= 0:
        return None
    mag_en = (m1 and m1.lower() in _MAG_EN) or (ranged and g("m2") and g("m2").lower() in _MAG_EN)
    if not has_currency:
        if mag_en or not big:
            return None
    start, end = m.start(), m.end()
    while text[start] in _SPACE:
        start += 1
    while text[end - 1] in _SPACE:
        end -= 1
    if not has_currency:
        if _UNIT_AFTER.match(text, end) or _COUNT_BEFORE.search(text, max(0, start - 16), start):
            return None
    vague = not n1[0].isdigit() and (any(c in _VAGUE for c in n1) or _DIGIT_PAIR.search(n1) is not None)
    approximate = bool(g("pre") or g("post") or g("d1") or ranged or vague)
    return _Raw(start, end, value, currency, approximate)


def _scan(text: str, chinese: bool) -> list[_Raw]:
    """Every amount in ``text``, currency None where the text gives none."""
    if not _QUICK.search(text):
        return []
    found: list[_Raw] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _AMOUNT_RE.search(text, pos)
        if m is None:
            break
        raw = _interpret(m, text, chinese)
        if raw is None and m.group("sep") is not None:
            single = _SINGLE_RE.match(text, m.start())
            if single is not None:
                m = single
                raw = _interpret(m, text, chinese)
        if raw is not None:
            found.append(raw)
            pos = raw.end
        else:
            # resume right after the number so its tail can start a new match
            pos = max(m.start("n1") + 1, m.start() + 1)
    if "（" in text or "(" in text:
        for m in _BRACKETED_UNIT.finditer(text):
            raw = None if any(r.start < m.end() and m.start() < r.end for r in found) else _interpret(m, text, chinese)
            if raw is not None:
                found.append(raw)
        found.sort(key=lambda r: r.start)
    return _joined(text, found)


def _joined(text: str, found: list[_Raw]) -> list[_Raw]:
    """新台幣1億3,800萬元, 3億5千萬元: 亿 then 万 written as one figure is one amount."""
    out: list[_Raw] = []
    for r in found:
        last = out[-1] if out else None
        if (
            last is not None and r.start == last.end and text[last.end - 1] in "亿億" and text[r.start].isdigit()
            and r.value < 1e8 and (last.currency is None or r.currency in (None, _LOCAL) or r.currency == last.currency)
        ):
            out[-1] = _Raw(last.start, r.end, last.value + r.value, last.currency or r.currency, last.approximate or r.approximate)
        else:
            out.append(r)
    return out


def _nearest(explicit: list[_Raw], pos: int) -> str:
    return min(explicit, key=lambda r: abs(r.start - pos)).currency  # type: ignore[return-value]


def find_amounts(text: str, context: str | None = None, date: str | None = None, local: str = "CNY") -> list[AmountMatch]:
    """Every money amount in ``text`` (a sentence), in order of position.

    ``context`` (the paragraph or surrounding text) supplies the currency for
    amounts that state none when ``text`` has no amount with a currency;
    ``date`` (ISO) picks the year's exchange rate; ``local`` (``local_currency``
    of the document) is what 元 alone means, and an amount with no currency near it.
    """
    chinese = bool(_CJK.search(text))
    raws = _scan(text.translate(_CAPITAL_NUMERALS) if _CAPITAL_NUMERAL.search(text) else text, chinese)
    if not raws:
        return []
    explicit = [r for r in raws if r.currency]
    fallback: str | None = None
    out: list[AmountMatch] = []
    for r in raws:
        inferred = r.currency is None
        if not inferred:
            currency = r.currency
        elif explicit:
            currency = _nearest(explicit, r.start)
        else:
            if fallback is None:
                fallback = _context_currency(text, context, r.start) or local
            currency = fallback
        currency = local if currency == _LOCAL else currency
        amount = Amount(
            value=r.value,
            currency=currency,  # type: ignore[arg-type]
            usd=to_usd(r.value, currency, date),  # type: ignore[arg-type]
            text=text[r.start:r.end],
            approximate=r.approximate,
            currency_inferred=inferred,
        )
        out.append(AmountMatch(r.start, r.end, amount))
    return out


def _context_currency(text: str, context: str | None, pos: int) -> str | None:
    """Currency of the context amount nearest to where ``text`` sits in ``context``."""
    if not context:
        return None
    explicit = [r for r in _scan(context, bool(_CJK.search(context))) if r.currency]
    if not explicit:
        return None
    at = context.find(text)
    if at < 0:
        return explicit[0].currency
    return _nearest(explicit, at + pos)


def parse_amount(text: str, date: str | None = None) -> Amount | None:
    """The first amount in a short string such as "1000億美元", or None."""
    found = find_amounts(text, date=date)
    return found[0].amount if found else None
