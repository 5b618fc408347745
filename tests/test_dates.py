"""Publication dates of articles and dates stated in sentences."""
from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.dates import DateMatch, document_date, find_date, find_dates

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

DOC = "2026-01-12"

# (sentence, document date, expected iso, expected text)
DATES = [
    ("英伟达于2025年9月22日宣布向OpenAI投资1000亿美元。", DOC, "2025-09-22", "2025年9月22日"),
    ("2025年9月,英伟达宣布向OpenAI注资。", DOC, "2025-09", "2025年9月"),
    ("甲骨文在2025年与OpenAI签下3000亿美元合同。", DOC, "2025", "2025年"),
    ("2026 年,全球科技行业正掀起一股AI投资狂潮。", DOC, "2026", "2026 年"),
    ("二〇二五年九月,双方签署协议。", DOC, "2025-09", "二〇二五年九月"),
    ("英偉達於2025年9月份宣佈注資。", DOC, "2025-09", "2025年9月份"),
    ("公告显示,交易于2025/09/22完成。", DOC, "2025-09-22", "2025/09/22"),
    ("公告显示,交易于2025-09-22完成。", DOC, "2025-09-22", "2025-09-22"),
    ("公告显示,交易于2025.09.22完成。", DOC, "2025-09-22", "2025.09.22"),
    ("2025年底,美团优选悄然关停。", DOC, "2025-12", "2025年底"),
    ("微软计划2025年第三季度完成投资。", DOC, "2025", "2025年第三季度"),
    ("OpenAI去年9月曾被报道称,到2029年左右其亏损或许会超过1000亿美元。", DOC, "2025-09", "去年9月"),
    ("今年年初,软银追加投资OpenAI。", DOC, "2026-01", "今年年初"),
    ("今年3月,谷歌宣布收购Wiz。", DOC, "2026-03", "今年3月"),
    ("去年年底,甲骨文发行了180亿美元债券。", DOC, "2025-12", "去年年底"),
    ("前年,微软向OpenAI追加投资。", DOC, "2024", "前年"),
    ("上个月,亚马逊向Anthropic追加投资。", DOC, "2025-12", "上个月"),
    ("上個月,亞馬遜向Anthropic追加投資。", "2026-03-02", "2026-02", "上個月"),
    ("本月,英伟达宣布入股英特尔。", DOC, "2026-01", "本月"),
    ("9月22日,英伟达宣布向OpenAI投资。", "2025-12-01", "2025-09-22", "9月22日"),
    ("12月5日,双方签约。", DOC, "2025-12-05", "12月5日"),
    ("3月,双方将完成交割。", DOC, "2026-03", "3月"),
    ("昨天,软银清仓了所有的英伟达股票。", DOC, "2026-01-11", "昨天"),
    # a forecast year is still returned; the relation stage judges it
    ("到2029年左右其亏损或许会超过1000亿美元。", None, "2029", "2029年"),
]


@pytest.mark.parametrize("sentence,doc_date,iso,text", DATES)
def test_date_in_sentence(sentence, doc_date, iso, text):
    assert find_date(sentence, doc_date) == (iso, text)


NO_DATE = [
    ("市场预计每年增长2000-3000億美元。", DOC),
    ("谷歌签订了100万个TPU的供应协议,3个月内交付。", DOC),
    ("这一现象始于1980年代。", DOC),
    ("英伟达的H200芯片供不应求,近日价格上涨。", DOC),
    ("今日头条母公司字节跳动加大投入。", DOC),
    ("这笔交易的期限为2.5年。", DOC),
]


@pytest.mark.parametrize("sentence,doc_date", NO_DATE)
def test_sentences_without_a_date(sentence, doc_date):
    assert find_date(sentence, doc_date) is None


@pytest.mark.parametrize(
    "sentence", ["去年9月,英伟达宣布注资。", "今年年初,软银追加投资。", "上个月双方签约。", "9月22日,英伟达宣布。"]
)
def test_relative_dates_need_a_document_date(sentence):
    assert find_date(sentence, None) is None


def test_absolute_date_is_found_after_an_unresolvable_relative_one():
    assert find_date("去年,英伟达在2025年9月宣布注资。", None) == ("2025-09", "2025年9月")


def test_find_dates_lists_every_date_with_offsets():
    s = "OpenAI去年9月曾被报道称,到2029年左右其亏损或许会超过1000亿美元。"
    found = find_dates(s, DOC)
    assert [(d.iso, d.text) for d in found] == [("2025-09", "去年9月"), ("2029", "2029年")]
    assert all(isinstance(d, DateMatch) and s[d.start:d.end] == d.text for d in found)


# --- document dates ---------------------------------------------------------

DOCUMENTS = [
    ("网易首页 > 网易号 > 正文\n\n英伟达注资OpenAI\n\n2026-01-12 10:33:05 来源:钛媒体APP\n\n"
     "2022年11月30日,ChatGPT横空出世。", "2026-01-12"),
    ("英偉達注資OpenAI\n2026年01月12日 10:33 新浪財經\n據報道,2025年9月22日英偉達宣佈注資。", "2026-01-12"),
    ("英伟达注资OpenAI\n2025/11/03\n据报道,英伟达宣布注资。", "2025-11-03"),
    ("英伟达注资OpenAI\n发布时间:2025年11月3日\n正文从这里开始。", "2025-11-03"),
    ('<meta property="article:published_time" content="2025-10-02T08:00:00+08:00"><p>正文</p>', "2025-10-02"),
]


@pytest.mark.parametrize("text,iso", DOCUMENTS)
def test_document_date_from_header(text, iso):
    assert document_date(text) == iso


def test_document_date_ignores_dates_in_body_sentences():
    text = "《科创板日报》7月27日讯 2022年11月30日,OpenAI ChatGPT横空出世,引着一票巨头拉开了AI争夺战的序幕。"
    assert document_date(text) is None


def test_document_date_ignores_related_article_lists():
    text = "英伟达注资OpenAI\n\n正文在这里。\n\n相关推荐\n热点推荐\n另一篇文章的标题\n\n某频道\n2026-02-09 14:56:32\n"
    assert document_date(text) is None


def test_seed_articles_carry_no_publication_date():
    # the seeds' only full dates sit in "相关推荐" lists of other articles
    for path in sorted(SEEDS.glob("*.txt")):
        assert document_date(path.read_text(encoding="utf-8")) is None, path.name
