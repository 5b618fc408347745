"""Dates: an article's own publication date and the date a sentence talks about.

``document_date`` looks only at the top of the article (before footers and
"相关推荐" lists, whose dates belong to other articles) and prefers a date with
a time ("2026-01-12 10:33:05"), a labelled date ("发布时间：2025年11月3日") or a
header line that starts with a date ("2025/11/03 来源：…").

``find_date`` returns an ISO date at the precision the text gives ("2025",
"2025-09", "2025-09-22") and the matched text. Relative expressions (去年9月,
今年年初, 上个月, 9月22日) are resolved against the document date and skipped
when there is none. Conventions: 年初 → month 01, 年底/年末 → month 12; halves,
quarters and 年中 keep year precision; a month with no year that lies more than
six months after the document's month is taken from the year before (an
article of 2026-01 saying 12月 means 2025-12). Forecast years (2029年左右) are
returned like any other: judging them is the relation stage's job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["DateMatch", "document_date", "find_date", "find_dates"]


@dataclass
class DateMatch:
    """A date expression: ``sentence[start:end] == text``, ``iso`` its resolved value."""

    start: int
    end: int
    iso: str
    text: str


_CN_NUM = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}


def _int(s: str) -> int:
    """1-31 written in Arabic or Chinese digits (12, 十二, 二十二, 三十一)."""
    if s[0].isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN_NUM[tens] if tens else 1) * 10 + (_CN_NUM[ones] if ones else 0)
    return _CN_NUM[s]


def _cn_year(s: str) -> int:
    return int(s) if s.isdigit() else int("".join(str(_CN_NUM[c]) for c in s))


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    """ISO text for a plausible date, else None."""
    if not 1900 <= y <= 2100:
        return None
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


# --- document date ---------------------------------------------------------

_SEP = r"[-/.]"
_YMD = (
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s?(?:年\s?(?P<m1>\d{1,2})\s?月\s?(?P<d1>\d{1,2})\s?[日号號]?"
    rf"|(?P<s>{_SEP})(?P<m2>\d{{1,2}})(?P=s)(?P<d2>\d{{1,2}}))(?!\d)"
)
_TIME = r"[ \t\u3000T]*(?:\d{1,2}:\d{2}(?::\d{2})?)"
_DOC_DATETIME = re.compile(_YMD + _TIME)
_DOC_LABELLED = re.compile(
    r"(?:发布时间|發布時間|發佈時間|发布日期|發布日期|發佈日期|发布于|發布於|發佈於|发表于|發表於|"
    r"更新时间|更新時間|时间|時間|日期|Published|Updated|Date)\s*[:：]?\s*" + _YMD,
    re.I,
)
_DOC_HEADER_LINE = re.compile(r"^[ \t\u3000]*" + _YMD + r"[^\n]{0,40}$", re.M)
_DOC_META = re.compile(
    r"(?:datePublished|article:published_time|pubdate|publishdate|publish_time|og:release_date)"
    r"[\"']?\s*(?:content\s*=\s*|:\s*)[\"'](?P<y>\d{4})-(?P<m2>\d{2})-(?P<d2>\d{2})",
    re.I,
)
_DOC_META_WORDS = ("datepublished", "published_time", "pubdate", "publishdate", "publish_time", "og:release_date")
_DOC_END = re.compile(
    r"相关推荐|相關推薦|热点推荐|熱點推薦|相关阅读|相關閱讀|延伸阅读|延伸閱讀|猜你喜欢|猜你喜歡|"
    r"特别声明|特別聲明|责任编辑|責任編輯|\[详细\]|\[詳細\]"
)
_DOC_TOP = 3000


def _ymd(m: re.Match) -> str | None:
    g = m.groupdict()
    mo, d = g.get("m1") or g.get("m2"), g.get("d1") or g.get("d2")
    return _iso(int(m.group("y")), int(mo), int(d))


def document_date(text: str) -> str | None:
    """The article's own publication date (ISO ``YYYY-MM-DD``), or None.

    Only the top of the article is searched: dates in "相关推荐" lists and
    footers belong to other articles. Publication metadata in HTML wins, then
    a date with a time, a labelled date, a header line starting with a date;
    the earliest of those.
    """
    lowered = text.lower()  # a substring test first: the case-blind pattern is slow over a whole page
    meta = _DOC_META.search(text) if any(word in lowered for word in _DOC_META_WORDS) else None
    if meta and (iso := _ymd(meta)):
        return iso
    top = text[:_DOC_TOP]
    end = _DOC_END.search(top)
    if end:
        top = top[: end.start()]
    best: tuple[int, str] | None = None
    for pattern in (_DOC_DATETIME, _DOC_LABELLED, _DOC_HEADER_LINE):
        for m in pattern.finditer(top):
            iso = _ymd(m)
            if iso:
                if best is None or m.start() < best[0]:
                    best = (m.start(), iso)
                break
    return best[1] if best else None


# --- dates in sentences ----------------------------------------------------

_CN_D = r"[〇零一二两三四五六七八九十]"
_MON = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])"
_PART = (
    r"(?P<part>年初|年底|年末|年中|年内|年內|初|底|末|上半年|下半年|前三季度|"
    r"第?[一二三四1-4]季度|[Qq][1-4])"
)
_MONTH_DAY = rf"(?P<mo>{_MON})\s?月份?(?:\s?(?P<d>{_DAY})\s?[日号號])?(?:初|底|末|中|上旬|中旬|下旬)?"
_REL_YEAR = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1, "后年": 2, "後年": 2}
_REL_MONTH = {"上个月": -1, "上個月": -1, "上月": -1, "本月": 0, "这个月": 0, "這個月": 0,
              "下个月": 1, "下個月": 1, "下月": 1}
_REL_DAY = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "明天": 1, "明日": 1}
_PART_MONTH = {"年初": 1, "初": 1, "年底": 12, "底": 12, "年末": 12, "末": 12}


def _alt(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_DATE_RE = re.compile(
    # 2025-09-22, 2025/09/22, 2025.09.22, 2025-09, 2025/9
    rf"(?<![\d.])(?P<iy>(?:19|20)\d{{2}})(?P<is>[-/])(?P<im>\d{{1,2}})(?:(?P=is)(?P<id>\d{{1,2}}))?(?![\d.])"
    rf"|(?<![\d.])(?P<dy>(?:19|20)\d{{2}})\.(?P<dm>\d{{1,2}})\.(?P<dd>\d{{1,2}})(?![\d.])"
    # 2025年9月22日, 2025年9月, 2025年, 二〇二五年, 2025年底
    rf"|(?<![\d.])(?P<y>(?:19|20)\d{{2}}|[一二][〇零一二三四五六七八九]{{3}})\s?年(?!代)"
    rf"(?:\s?{_MONTH_DAY.replace('(?P<mo>', '(?P<ymo>').replace('(?P<d>', '(?P<yd>')}|{_PART})?"
    # 去年9月, 今年年初, 去年
    rf"|(?P<ry>{_alt(_REL_YEAR)})(?:\s?{_MONTH_DAY.replace('(?P<mo>', '(?P<rmo>').replace('(?P<d>', '(?P<rd>')}"
    rf"|{_PART.replace('(?P<part>', '(?P<rpart>')})?"
    # 上个月, 本月15日
    rf"|(?P<rm>{_alt(_REL_MONTH)})(?:\s?(?P<rmd>{_DAY})\s?[日号號])?"
    # 今天, 昨日
    rf"|(?P<rday>{_alt(_REL_DAY)})(?!头条|頭條)"
    # 9月22日, 9月 (year from the document)
    rf"|(?<![\d年月])(?<!{_CN_D}){_MONTH_DAY}(?!\d)"
)


def _parse_doc_date(doc_date: str | None) -> tuple[int | None, int | None, int | None]:
    if not doc_date:
        return None, None, None
    parts = [int(p) for p in re.findall(r"\d+", doc_date)[:3]]
    parts += [None] * (3 - len(parts))
    return parts[0], parts[1], parts[2]  # type: ignore[return-value]


def _with_part(y: int, part: str | None) -> str | None:
    if part and part in _PART_MONTH:
        return _iso(y, _PART_MONTH[part])
    return _iso(y)


def _resolve(m: re.Match, dy: int | None, dm: int | None, dd: int | None) -> str | None:
    g = m.group
    if g("iy"):
        return _iso(int(g("iy")), int(g("im")), int(g("id")) if g("id") else None)
    if g("dy"):
        return _iso(int(g("dy")), int(g("dm")), int(g("dd")))
    if g("y"):
        y = _cn_year(g("y"))
        if g("ymo"):
            return _iso(y, _int(g("ymo")), _int(g("yd")) if g("yd") else None)
        return _with_part(y, g("part"))
    if g("ry"):
        if dy is None:
            return None
        y = dy + _REL_YEAR[g("ry")]
        if g("rmo"):
            return _iso(y, _int(g("rmo")), _int(g("rd")) if g("rd") else None)
        return _with_part(y, g("rpart"))
    if g("rm"):
        if dy is None or dm is None:
            return None
        k = dy * 12 + dm - 1 + _REL_MONTH[g("rm")]
        return _iso(k // 12, k % 12 + 1, _int(g("rmd")) if g("rmd") else None)
    if g("rday"):
        if dy is None or dm is None or dd is None:
            return None
        return (date(dy, dm, dd) + timedelta(days=_REL_DAY[g("rday")])).isoformat()
    if g("mo"):
        if dy is None:
            return None
        mo = _int(g("mo"))
        y = dy - 1 if dm is not None and mo - dm > 6 else dy
        return _iso(y, mo, _int(g("d")) if g("d") else None)
    return None


def find_dates(sentence: str, doc_date: str | None = None) -> list[DateMatch]:
    """Every resolvable date expression in ``sentence``, in order."""
    dy, dm, dd = _parse_doc_date(doc_date)
    out = []
    for m in _DATE_RE.finditer(sentence):
        iso = _resolve(m, dy, dm, dd)
        if iso:
            out.append(DateMatch(m.start(), m.end(), iso, m.group()))
    return out


def find_date(sentence: str, doc_date: str | None = None) -> tuple[str, str] | None:
    """``(iso, text)`` of the first resolvable date in ``sentence``, or None."""
    for m in find_dates(sentence, doc_date):
        return m.iso, m.text
    return None
