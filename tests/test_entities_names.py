"""Organisation names with no catalog entry: short A-share names, ST names, names the text defines."""
from __future__ import annotations

import pytest

from graphbuild.extract import Extractor, extract_text
from graphbuild.nlp import entity_finder, shared_nlp, token_spans


@pytest.fixture(scope="module")
def names():
    """Named mentions (text, source) of a sentence, as the pipeline finds them."""
    nlp = shared_nlp(progress=False)
    finder = entity_finder()

    def find(text: str, aliases=None) -> list[tuple[str, str]]:
        mentions = finder.find(text, token_spans(nlp.make_doc(text)), aliases)
        return [(m.text, m.source) for m in mentions if not m.is_ref]

    return find


def _texts(found: list[tuple[str, str]]) -> set[str]:
    return {text for text, _ in found}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("鼎盛风电宣布收购永兴经编30%股权。", {"鼎盛风电", "永兴经编"}),
        ("鼎盛風電宣布收購永興經編30%股權。", {"鼎盛風電", "永興經編"}),
        ("昨日，青山铁塔与远航纸业签署协议。", {"青山铁塔", "远航纸业"}),
    ],
)
def test_short_name_brand_plus_industry_word(names, text, expected):
    assert expected <= _texts(names(text))


@pytest.mark.parametrize(
    "text",
    [
        "公司将加大城市建设和海上风电项目的投入。",
        "公司將加大城市建設和海上風電項目的投入。",
        "该集团计划投资新能源，并向后者投资最多10亿元。",
        "当地政府大力发展文化产业和体育事业。",
        "如今英伟达的市盈率高达60倍，意味著投資該股的人要60年才能回本。",
        "多家云厂商表示将缩减投资。",
    ],
)
def test_common_words_before_industry_word_are_not_names(names, text):
    assert not [m for m in names(text) if m[1] == "short"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("海岳资本成为ST北辰的第一大股东。", "ST北辰"),
        ("*ST天河公告称，重组方案获通过。", "*ST天河"),
        ("S*ST长江的股改方案昨日公布。", "S*ST长江"),
        ("海岳资本增持2000万股*ST明远B。", "*ST明远B"),
    ],
)
def test_stock_names_with_st_prefix(names, text, expected):
    assert expected in _texts(names(text))


def test_st_and_star_st_names_are_one_organisation():
    finder = entity_finder()
    ids = {m.entity.id for m in finder.st_mentions("ST天河与*ST天河", None)}
    assert ids == {"天河"}


@pytest.mark.parametrize(
    "definition",
    ["（下称“长风建材”）", "(以下简称“长风建材”)", "（简称：长风建材）", "(下称:长风建材)", "，以下简称“长风建材”，"],
)
def test_alias_defined_in_parentheses_resolves_later_mention(definition):
    text = f"江苏长风新型建材股份有限公司{definition}昨日公告，长风建材将以2亿元收购宏远纸业51%股权。"
    deals = extract_text(text)
    assert [(d.investor.mention, d.investor.name, d.target.mention) for d in deals] == [
        ("长风建材", "江苏长风新型建材股份有限公司", "宏远纸业")
    ]


def test_alias_defined_earlier_in_the_document_names_the_same_organisation():
    text = (
        "江苏长风新型建材股份有限公司（以下简称“长风建材”）成立于2001年。\n"
        "今年3月，长风建材以2亿元收购宏远纸业51%股权。"
    )
    [deal] = extract_text(text)
    assert deal.investor.name == "江苏长风新型建材股份有限公司"
    assert deal.investor.mention == "长风建材"


def test_alias_inside_its_own_definition_is_not_a_second_mention(names):
    found = names("江苏长风新型建材股份有限公司（下称“长风建材”）发布公告。")
    assert found == [("江苏长风新型建材股份有限公司", "suffix")]


@pytest.mark.parametrize(
    "text",
    ["各大云厂商正以激進姿態加大資本開支(CapEx)。", "很多公司可能都在过度建设(AI)，未来回头看看。"],
)
def test_jargon_glossed_in_english_defines_no_name(names, text):
    finder = entity_finder()
    assert not finder.may_define(text)
    assert not [m for m in names(text) if m[1] in ("code", "alias")]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("海岳集团将股权转让给新疆君泰投资有限公司。", "新疆君泰投资有限公司"),
        ("公司与深圳市康达医疗电子股份有限公司签约。", "深圳市康达医疗电子股份有限公司"),
        ("转让给上海明德投资管理有限公司。", "上海明德投资管理有限公司"),
    ],
)
def test_full_legal_name_with_place_prefix_is_found_whole(names, text, expected):
    assert expected in _texts(names(text))


def test_company_before_conjunction_is_a_party_not_a_descriptor(names):
    assert {"海岳集团", "远航纸业"} <= _texts(names("海岳集团与远航纸业签署股权转让协议。"))


def test_prefilter_counts_every_new_kind_of_name():
    extractor = Extractor(progress=False)
    finder = extractor.finder
    nlp = extractor.nlp
    for text in [
        "鼎盛风电宣布收购永兴经编30%股权。",
        "海岳资本增持2000万股*ST明远B。",
        "江苏长风新型建材股份有限公司（下称“长风建材”）将收购宏远纸业。",
        "鸿达实业购得远洋集团20%股份。",  # names cut at a deal verb, a date, a reporting word
        "去年5月新湖集团收购了远洋纸业。",
        "消息人士透露鸿达集团将增资远洋纸业。",
    ]:
        found = [m for m in finder.find(text, token_spans(nlp.make_doc(text))) if not m.is_ref]
        rough = finder.rough_signature(text)
        marks = set()  # where the placeholders stand, in characters of text
        at = 0
        for ch in rough:
            if ch == "\ue000":
                marks.add(at)
            else:
                at += 1
        for m in found:  # a placeholder inside the name or right after it
            assert any(m.start < at <= m.end for at in marks), (text, m.text)
        assert finder.count_candidates(text) >= len(found)
        assert extractor.is_candidate(text), text


@pytest.mark.parametrize(
    "text,expected,word",
    [
        # deal and reporting words
        ("鸿达实业购得远洋集团20%股份。", "远洋集团", "购得"),
        ("继入主星海科技后，广东省华新外贸集团再度出手。", "星海科技", "入主"),  # pkuseg cuts 继入/主星/海
        ("繼入主星海科技後，廣東省華新外貿集團再度出手。", "星海科技", "入主"),
        ("消息人士透露鸿达集团将增资远洋纸业。", "鸿达集团", "透露"),
        ("消息人士透露鴻達集團將增資遠洋紙業。", "鴻達集團", "透露"),
        ("分析人士指出鸿达集团将入股远洋纸业。", "鸿达集团", "指出"),
        # other verbs and share counts
        ("远洋基金此次申购500万股鸿达证券，耗资1.2亿元。", "鸿达证券", "股"),
        ("公司收到青州市轨道交通公司中标通知书。", "青州市轨道交通公司", "收到"),
        ("華新集團再度出手，接盤遠洋股份。", "遠洋股份", "接盤"),
        ("鸿达电缆拟以5000万元投资设立南通鸿达新材料有限公司。", "南通鸿达新材料有限公司", "设立"),
    ],
)
def test_company_word_name_stops_at_a_verb_a_reporting_word_or_a_share_count(names, text, expected, word):
    found = _texts(names(text))
    assert expected in found
    assert not [name for name in found if word in name]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("中国网财经5月8日讯嘉寓股份今日公告。", "嘉寓股份"),
        ("去年5月新湖集团收购了远洋纸业。", "新湖集团"),
        ("去年5月新湖集團收購了遠洋紙業。", "新湖集團"),
    ],
)
def test_company_word_name_stops_at_a_date_or_dateline(names, text, expected):
    assert expected in _texts(names(text))


@pytest.mark.parametrize(
    "text,expected",
    [
        ("华明传媒拟购买北京星海互娱科技股份有限公司部分股份。", "北京星海互娱科技股份有限公司"),
        ("華明傳媒擬購買北京星海互娛科技股份有限公司全部股份。", "北京星海互娛科技股份有限公司"),
    ],
)
def test_part_of_the_shares_is_no_name_and_hides_none(names, text, expected):
    found = _texts(names(text))
    assert expected in found
    assert not [name for name in found if name.endswith(("部分股份", "全部股份"))]


@pytest.mark.parametrize("text", ["一向涉足纺织业的宏达经编昨日公告收购远洋医疗。", "一向涉足紡織業的宏達經編昨日公告收購遠洋醫療。"])
def test_company_word_before_ye_is_an_industry_not_a_name(names, text):
    assert not [name for name in _texts(names(text)) if "纺织" in name or "紡織" in name]


@pytest.mark.parametrize("text", ["鸿达实业对于收购传闻不予置评。", "鴻達實業對於收購傳聞不予置評。"])
def test_slot_name_is_not_a_rumour_phrase(names, text):
    assert [m for m in names(text) if m[1] == "slot"] == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("鸿达拟以3亿元入主青林获批。", {"鸿达", "青林"}),
        ("华侨城集团增持华侨城A股。", {"华侨城集团", "华侨城"}),
        ("鸿达入股青林欲扩大规模。", {"鸿达", "青林"}),
        ("鴻達入股青林欲擴大規模。", {"鴻達", "青林"}),
    ],
)
def test_slot_name_stops_before_an_approval_share_or_modal_word(names, text, expected):
    assert {name for name, source in names(text) if source != "catalog"} == expected


@pytest.mark.parametrize("text", ["授权宏达使用、投入商业生产经营。", "授權宏達使用、投入商業生產經營。"])
def test_short_name_brand_is_not_a_deal_word(names, text):
    assert not [m for m in names(text) if m[1] == "short"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("荆州恒丰收购江西青苑公司。", {"荆州恒丰", "江西青苑公司"}),
        ("荊州恒豐收購江西青苑公司。", {"荊州恒豐", "江西青苑公司"}),
    ],
)
def test_place_and_brand_names_stay_whole(names, text, expected):
    assert expected <= _texts(names(text))


@pytest.mark.parametrize(
    "text,investor,target",
    [
        ("鸿达实业购得远洋集团20%股份。", "鸿达实业", "远洋集团"),
        ("去年5月新湖集团收购了远洋纸业。", "新湖集团", "远洋纸业"),
        ("去年5月新湖集團收購了遠洋紙業。", "新湖集團", "遠洋紙業"),
    ],
)
def test_deal_verb_outside_the_names_gives_the_deal(text, investor, target):
    assert [(d.investor.mention, d.target.mention) for d in extract_text(text)] == [(investor, target)]


@pytest.mark.parametrize(
    "text,mention,entity",
    [
        ("北方华创近期收到长江存储科技有限责任公司的设备采购订单。", "长江存储科技有限责任公司", "ymtc"),
        ("国家电网公司控股英大证券。", "国家电网公司", "state-grid"),
    ],
)
def test_catalog_name_in_its_full_registered_form_is_one_mention(text, mention, entity):
    finder = entity_finder()
    nlp = shared_nlp(progress=False)
    found = {(m.text, m.entity.id) for m in finder.find(text, token_spans(nlp.make_doc(text))) if not m.is_ref}
    assert (mention, entity) in found


@pytest.mark.parametrize(
    "text,longer,part",
    [
        ("收购资金由中国银行卢森堡分行提供。", "中国银行卢森堡分行", "中国银行"),
        ("「智元星海」宣布完成C轮融资。", "智元星海", "智元"),
        ("工商银行一举实现控股东亚银行。", "工商银行", "工商银行一举实现控股"),
        ("华润励致收购华润燃气华润集团。", "华润集团", "华润燃气华润集团"),
    ],
)
def test_longer_names_win_over_catalog_parts_only_when_they_name_one_organisation(names, text, longer, part):
    found = _texts(names(text))
    assert longer in found
    assert part not in found


def test_traditional_text_is_segmented_like_its_simplified_form():
    nlp = shared_nlp(progress=False)
    traditional = "華明傳媒擬購買北京星海互娛科技股份有限公司全部股份。"
    simplified = "华明传媒拟购买北京星海互娱科技股份有限公司全部股份。"
    cut = [t.text for t in nlp.make_doc(traditional)]
    assert "".join(cut) == traditional
    assert token_spans(nlp.make_doc(traditional)) == token_spans(nlp.make_doc(simplified))


def test_a_factory_word_the_segmenter_glued_onto_a_name_is_cut_off():
    from graphbuild.entities import _past_weak_description

    text = "工具機廠瀚程精機"
    assert _past_weak_description(text, 0, len(text), {0: 3, 3: 5, 5: 8}) == 4  # 工具機|廠瀚|程精機
    assert _past_weak_description(text, 0, len(text), {0: 4, 4: 6, 6: 8}) == 4  # 工具機廠|瀚程|精機
    assert _past_weak_description("鸿海精密", 0, 4, {0: 2, 2: 4}) == 0


@pytest.mark.parametrize(
    "text,name,absent",
    [
        # a Latin name of more than six words keeps its legal form; a lone legal form is no name
        (
            "已引入基石投资者Northern Light Pacific Growth Opportunities Master Fund Limited及其他投资者。",
            "Northern Light Pacific Growth Opportunities Master Fund Limited",
            "Limited",
        ),
        # an acronym names a group's unit right after 旗下; elsewhere it names nothing
        ("红杉中国旗下HSGF认购1亿元。", "HSGF", "GPU"),
        ("红杉中国旗下HSGF认购了一批GPU。", "HSGF", "GPU"),
    ],
)
def test_long_latin_names_and_acronyms_of_a_groups_unit(names, text, name, absent):
    found = _texts(names(text))
    assert name in found and absent not in found


def test_a_masked_number_is_cut_as_the_number_it_stands_for():
    """Datasets that redact numbers write <N>; pkuseg cut it apart and glued its halves to the words around."""
    words = [t.text for t in shared_nlp(progress=False).make_doc("今年年初，鼎泰丰以<N>万元的价格收购了远景科技<N>%的股权。")]
    assert "鼎泰丰" in words and all("<N>" in w for w in words if "<" in w or ">" in w)


@pytest.mark.parametrize("text", ["於本公告日期，賣方為本公司控股股東，故為本公司之關連人士，收購事項構成本公司之關連交易。", "交易完成后，标的公司将与该集团签署供货协议。"])
def test_the_company_a_text_is_about_is_no_name_ending_in_company(names, text):
    assert not any(name.endswith(("本公司", "该集团")) for name in _texts(names(text)))


@pytest.mark.parametrize(
    "text", ["配售代理將促使承配人按每股0.62港元之配售價認購最多8,000萬股新股份。", "主要股東已向本公司作出不可撤回承諾認購其全部供股股份。"]
)
def test_a_filings_price_or_commitment_is_no_name(names, text):
    assert not any(n.startswith("之") or n.endswith(("價", "承諾")) for n in _texts(names(text)))


def test_a_family_named_like_a_catalog_company_is_not_the_company(names):
    found = _texts(names("碧海集團以13.5億港元向羅氏家族旗下立峰投資有限公司出售一幢工廈。"))
    assert "羅氏" not in found and "立峰投資有限公司" in found


def test_a_registered_name_that_opens_with_a_place_holds_the_catalog_name_inside_it():
    """深圳市腾讯计算机系统有限公司 is Tencent under its registered name; a partnership its manager's brand
    names (…红杉瀚辰股权投资合伙企业（有限合伙）) is a party of its own."""
    finder, nlp = entity_finder(), shared_nlp(progress=False)

    def found(text):
        return [(m.text, m.entity.id) for m in finder.find(text, token_spans(nlp.make_doc(text))) if not m.is_ref]

    assert ("深圳市腾讯计算机系统有限公司", "tencent") in found("深圳市腾讯计算机系统有限公司以3亿元认购新股。")
    fund = "苏州工业园区红杉瀚辰股权投资合伙企业（有限合伙）"
    assert [name for name, _ in found(f"公司拟收购{fund}持有的标的公司股权。")] == [fund]


@pytest.mark.parametrize(
    "text,persons",
    [
        # a title that makes a person a party, and the names listed after it
        ("华信股份拟收购自然人赵立新、钱小红及宁波恒远投资合伙企业（有限合伙）合计持有的苏州锐捷精密有限公司60%股权。", {"赵立新", "钱小红"}),
        ("交易对方为锐捷精密创始人孙文博及苏州锐捷企业管理合伙企业（有限合伙）。", {"孙文博"}),
        ("嘉運控股向獨立第三方黃志偉收購目標公司全部股權。", {"黃志偉"}),
        ("買方與賣方歐陽文傑先生訂立買賣協議。", {"歐陽文傑"}),
        # named bare again later in the sentence
        ("公司实际控制人周建业与远川资本签署协议，周建业拟将其持有的公司10%股份转让给远川资本。", {"周建业"}),
        # no title, no person: a speaker, a change of controller, a surname before a common word
        ("华信股份董事长赵立新表示，公司将继续推进收购。", set()),
        ("本次交易完成后，公司实际控制人将变更为杭州市国资委。", set()),
        ("公司创始人团队将继续持有20%股份。", set()),
    ],
)
def test_natural_persons_are_named_where_the_text_says_they_are_one(names, text, persons):
    assert {t for t, source in names(text) if source == "person"} == persons


def test_prefilter_counts_titled_persons():
    extractor = Extractor(progress=False)
    text = "康元生物宣布以5800万港元向独立第三方吴振邦收购深圳瑞康诊断技术有限公司30%股权。"
    found = {m.text for m in extractor.finder.named_mentions(text)}
    assert "吴振邦" in found
    assert extractor.is_candidate(text)


def test_a_provisional_name_and_an_industry_before_its_parts_name_no_one(names):
    found = _texts(names(
        "赣江锂业公告，公司拟与德国汽车零部件供应商博世及江西省投资集团有限公司共同出资设立江西赣博储能有限公司（暂定名，"
        "以下简称“合资公司”），注册资本10亿元。"
    ))
    assert "德国汽车" not in found and "暂定名" not in found
    assert {"博世", "江西省投资集团有限公司", "江西赣博储能有限公司"} <= found


@pytest.mark.parametrize(
    "text,expected,absent",
    [
        # a foreign country before a firm's own name only says where it is from
        ("遠航海運與日本今治造船株式會社訂立造船合約。", "今治造船株式會社", "日本今治造船株式會社"),
        ("遠航海運將與日本信越化學於美國德州合資設廠。", "信越化學", "日本信越化學"),
        ("丹麥哥本哈根基礎建設基金收購沃旭能源股權。", "哥本哈根基礎建設基金", "丹麥哥本哈根基礎建設基金"),
        ("华远科技拟向日本东京精机订购设备。", "东京精机", "日本东京精机"),
        # but stays when what follows is a trade or a kind: then the country is part of the name
        ("韩国电力公社与华远科技签署协议。", "韩国电力", "电力公社"),
        ("法国电力集团与华远科技签署协议。", "法国电力集团", "电力集团"),
        ("华远银行与印度尼西亚国有电力公司签署贷款协议。", "印度尼西亚国有电力公司", "尼西亚国有电力公司"),
        ("远航能源与沙特阿拉伯电力公司签署购电协议。", "沙特阿拉伯电力公司", "阿拉伯电力公司"),
        # and a description right before the country still only describes the name after it
        ("锦江国际已收购全球最大独立酒店管理公司美国洲际酒店集团。", "洲际酒店集团", "大独立酒店管理公司"),
    ],
)
def test_a_foreign_country_before_a_firms_own_name_is_not_part_of_it(names, text, expected, absent):
    found = _texts(names(text))
    assert expected in found and absent not in found


def test_a_list_items_number_glued_to_a_name_by_the_segmenter_is_cut_off(names):
    # pkuseg cuts 2.诺德|基金…: the name starts after the number
    assert _texts(names("2.诺德基金管理有限公司,获配股数20,364,238股,获配金额245,999,995.04元;")) == {"诺德基金管理有限公司"}


def test_a_record_the_news_cites_is_no_company(names):
    assert "工商信息" not in _texts(names("工商信息显示，自然人王建国以5000万元受让远航集团有限公司所持星河科技10%股权。"))
