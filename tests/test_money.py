"""Money amounts found in real-looking news sentences (simplified and traditional)."""
from __future__ import annotations

import pytest

from graphbuild.money import AmountMatch, find_amounts, local_currency, parse_amount, rate_table, to_usd

# (sentence, amount text, value, currency, approximate)
AMOUNTS = [
    # Arabic numbers with Chinese magnitudes
    ("英伟达宣布向OpenAI注资1000亿美元,换取少量股权。", "1000亿美元", 1e11, "USD", False),
    ("「英偉達」宣布向「OpenAI」注資1000億美元,轉身就收到訂單。", "1000億美元", 1e11, "USD", False),
    ("OpenAI 估值达5000亿美元,成为全球最贵的初创公司。", "5000亿美元", 5e11, "USD", False),
    ("奥特曼计划在未来八年投入1.4万亿美元建设算力。", "1.4万亿美元", 1.4e12, "USD", False),
    ("奧特曼拿出1.4萬億美元的算力承諾。", "1.4萬億美元", 1.4e12, "USD", False),
    ("Meta与CoreWeave签下142亿美元算力协议。", "142亿美元", 1.42e10, "USD", False),
    ("騰訊以3.5億港元入股這家本地初創企業。", "3.5億港元", 3.5e8, "HKD", False),
    ("国家大基金向长江存储注资50亿元人民币。", "50亿元人民币", 5e9, "CNY", False),
    ("该基金拟以人民币50亿元收购这家工厂。", "人民币50亿元", 5e9, "CNY", False),
    ("这家初创公司完成了1,200万美元的A轮融资。", "1,200万美元", 1.2e7, "USD", False),
    ("特斯拉这个季度在AI方面的资本支出也高达6亿美元。", "6亿美元", 6e8, "USD", False),
    ("2026 年的这 7000 亿美金只能换来更聪明的聊天机器人吗?", "7000 亿美金", 7e11, "USD", False),
    ("英伟达的GPU单价突破40萬美元,是传统服务器的十倍。", "40萬美元", 4e5, "USD", False),
    ("比亚迪斥资3千万欧元在匈牙利建厂。", "3千万欧元", 3e7, "EUR", False),
    ("丰田向这家电池公司投资500亿日元。", "500亿日元", 5e10, "JPY", False),
    ("软银以300亿円收购了该芯片设计公司。", "300亿円", 3e10, "JPY", False),
    ("2.交易總金額：日幣18億元", "日幣18億元", 1.8e9, "JPY", False),  # Taiwan's name for the yen
    ("Arm英国总部获得政府2亿英镑补助。", "2亿英镑", 2e8, "GBP", False),
    ("台积电宣布斥资新台币5000亿元扩建先进封装产能。", "新台币5000亿元", 5e11, "TWD", False),
    ("台積電砸下新臺幣2000億元擴產。", "新臺幣2000億元", 2e11, "TWD", False),
    ("三星向这家芯片初创公司投资3000亿韩元。", "3000亿韩元", 3e11, "KRW", False),
    # Chinese numerals
    ("英伟达宣布向OpenAI注资一千亿美元。", "一千亿美元", 1e11, "USD", False),
    ("甲骨文将向英伟达支付两百亿美元购买GPU。", "两百亿美元", 2e10, "USD", False),
    ("甲骨文將向英偉達支付兩百億美金購買GPU。", "兩百億美金", 2e10, "USD", False),
    ("微软承诺向这家云公司支付三十五亿美元。", "三十五亿美元", 3.5e9, "USD", False),
    ("谷歌追加投资十亿美元给Anthropic。", "十亿美元", 1e9, "USD", False),
    ("亚马逊向Anthropic累计投资一百二十亿美元。", "一百二十亿美元", 1.2e10, "USD", False),
    ("这家公司获得一亿五千万元人民币的贷款。", "一亿五千万元人民币", 1.5e8, "CNY", False),
    ("这项工程总投资一百零五亿元。", "一百零五亿元", 1.05e10, "CNY", False),
    ("长和以200亿港币出售旗下港口业务。", "200亿港币", 2e10, "HKD", False),
    ("長和以200億港幣出售旗下港口業務。", "200億港幣", 2e10, "HKD", False),
    ("该基金以RMB 5亿认购新股。", "RMB 5亿", 5e8, "CNY", False),
    ("鸿海以NT$500億投资电动车。", "NT$500億", 5e10, "TWD", False),
    ("Arm paid £3 million for the design team.", "£3 million", 3e6, "GBP", False),
    ("SoftBank invested JPY 100 billion in the fund.", "JPY 100 billion", 1e11, "JPY", False),
    ("The bank lent CNY 2 billion to the developer.", "CNY 2 billion", 2e9, "CNY", False),
    # vague amounts and bounds: lower bound, approximate
    ("消费者购买了价值四五百万元的家具。", "四五百万元", 4e6, "CNY", True),
    ("而甲骨文又要付幾百億美元給英偉達購買GPU算力卡。", "幾百億美元", 2e10, "USD", True),
    ("甲骨文又要付几百亿美元给英伟达。", "几百亿美元", 2e10, "USD", True),
    ("扎克伯格砸下数十亿美元囤积英伟达的芯片。", "数十亿美元", 2e9, "USD", True),
    ("祖克柏砸下數十億美元囤積輝達的晶片。", "數十億美元", 2e9, "USD", True),
    ("我们可能都多花了几十亿美元。", "几十亿美元", 2e9, "USD", True),
    ("这家公司去年融资十几亿元。", "十几亿元", 1.1e9, "CNY", True),
    ("政府计划投入上百亿元扶持芯片产业。", "上百亿元", 1e10, "CNY", True),
    ("双方签下近千亿美元的长期协议。", "近千亿美元", 1e11, "USD", True),
    ("Anthropic与谷歌的订单金额超520亿美元。", "超520亿美元", 5.2e10, "USD", True),
    ("Anthropic與谷歌的訂單金額超520億美元。", "超520億美元", 5.2e10, "USD", True),
    ("此次交易对价逾300亿美元。", "逾300亿美元", 3e10, "USD", True),
    ("五大科技巨头今年将投入约7000亿美元。", "约7000亿美元", 7e11, "USD", True),
    ("该公司亏损或许会超过1000亿美元。", "超过1000亿美元", 1e11, "USD", True),
    ("這家公司的預計虧損超過50億美元。", "超過50億美元", 5e9, "USD", True),
    # an upper bound keeps its 不 (不超过 is "at most", not "more than")
    ("本次融资金额不超过人民币1.2亿元。", "不超过人民币1.2亿元", 1.2e8, "CNY", True),
    ("本次融資金額不超過新台幣20億元。", "不超過新台幣20億元", 2e9, "TWD", True),
    ("阿里向这家公司投资100多亿元。", "100多亿元", 1e10, "CNY", True),
    ("该项目总投资1000余万美元。", "1000余万美元", 1e7, "USD", True),
    ("这笔订单价值200亿美元左右。", "200亿美元左右", 2e10, "USD", True),
    # ranges: lower bound, approximate
    ("软银计划再投入50亿至60亿美元。", "50亿至60亿美元", 5e9, "USD", True),
    ("软银计划再投入50-60亿美元。", "50-60亿美元", 5e9, "USD", True),
    ("市場預計每年增長2000-3000億美元。", "2000-3000億美元", 2e11, "USD", True),
    ("他们将追加五十至六十亿美元。", "五十至六十亿美元", 5e9, "USD", True),
    # English
    ("Nvidia agreed to invest $6.6 billion in the startup.", "$6.6 billion", 6.6e9, "USD", False),
    ("The deal is worth US$6.6bn according to filings.", "US$6.6bn", 6.6e9, "USD", False),
    ("The lender provided USD 20 million in credit.", "USD 20 million", 2e7, "USD", False),
    ("OpenAI signed a $300B compute contract with Oracle.", "$300B", 3e11, "USD", False),
    ("The fund raised 6.6 billion dollars last year.", "6.6 billion dollars", 6.6e9, "USD", False),
    ("The group paid €5bn for the chip unit.", "€5bn", 5e9, "EUR", False),
    ("The bank lent HK$10亿 to the developer.", "HK$10亿", 1e9, "HKD", False),
    ("软银拟以US$10亿入股。", "US$10亿", 1e9, "USD", False),
    ("Investors put in $5-6 billion.", "$5-6 billion", 5e9, "USD", True),
    # a notice's field with its unit in brackets after the figure
    ("包2：中标（成交）金额：612.80（万元）", "612.80（万元）", 6.128e6, "CNY", False),
    ("成交金额：1,234,567.00（元）", "1,234,567.00（元）", 1234567, "CNY", False),
    # 亿 then 万 written as one figure is one amount
    ("決標金額新台幣2億1,500萬元，預計明年交貨。", "新台幣2億1,500萬元", 2.15e8, "TWD", False),
    ("该项目中标价为3亿5千万元。", "3亿5千万元", 3.5e8, "CNY", False),
    # the capital numerals of contracts and notices
    ("中标价格：人民币壹亿零柒佰万元整。", "人民币壹亿零柒佰万元", 1.07e8, "CNY", False),
    ("合同總價為新台幣叁仟伍佰萬元。", "新台幣叁仟伍佰萬元", 3.5e7, "TWD", False),
]


@pytest.mark.parametrize("sentence,text,value,currency,approximate", AMOUNTS)
def test_amount_in_sentence(sentence, text, value, currency, approximate):
    found = find_amounts(sentence)
    assert len(found) == 1, [m.amount.text for m in found]
    m = found[0]
    assert m.amount.text == text
    assert sentence[m.start:m.end] == text
    assert m.amount.value == pytest.approx(value)
    assert m.amount.currency == currency
    assert m.amount.approximate is approximate
    assert m.amount.currency_inferred is False


# phrases that carry numbers but no money
NOT_MONEY = [
    "本公司（2023）年报已披露。",  # a year in brackets is no unit
    "AMD甚至给OpenAI 10%股权选择权。",
    "OpenAI的算力支出中,83%流向英伟达和甲骨文。",
    "谷歌签订100万个TPU的供应协议。",
    "OpenAI与AMD达成6吉瓦算力部署协议。",
    "Anthropic部署规模超 1GW 的TPU计算集群。",
    "人工智能人才缺口将达 50 万人。",
    "抖音拥有1亿日活用户。",
    "抖音已有1亿日活。",
    "商家推出数万款免费特权产品。",
    "豆包日活突破 1 亿的背后,是字节的投入。",
    "英伟达以现金换取英特尔4%股权。",
    "该公司股价较去年上涨3倍。",
    "2026年,全球科技行业正掀起AI投资狂潮。",
    "公司计划回购1.2亿股普通股。",
    "预计2027年1.5億臺AI筆記本將出貨。",
    "美國去年發電量為10萬億千瓦時。",
    "數據中心用電量超過1萬億度。",
    "Chrome的32億用戶生態是谷歌的護城河。",
    "这款车已完成11萬公里实际道路测试。",
    "公司签下4艘17.4万立方米LNG运输船订单。",
    "AI可能使全球3亿个工作岗位实现自动化。",
    "英伟达的H200芯片供不应求。",
    "模型参数规模达到1万亿参数。",
    "千万不要错过这次机会。",
    "万一融资失败,公司将裁员。",
    "億美元讓洞察照見本質。",
    "The model has 300B parameters.",
    "Revenue grew 25% to 1.2 million users.",
]


@pytest.mark.parametrize("sentence", NOT_MONEY)
def test_non_money_numbers_yield_nothing(sentence):
    assert find_amounts(sentence) == []


def test_several_amounts_come_in_order_with_offsets():
    s = "英伟达投资1000亿美元,随后收到3000亿美元的GPU订单,并以50亿美元入股英特尔。"
    found = find_amounts(s)
    assert [m.amount.value for m in found] == [1e11, 3e11, 5e9]
    assert all(isinstance(m, AmountMatch) and s[m.start:m.end] == m.amount.text for m in found)


def test_currencyless_amount_takes_currency_of_nearest_amount_in_sentence():
    s = "「Meta」前腳剛與「CoreWeave」簽下142億美元算力協議,后腳又向「甲骨文」拋出200億云服務大單。"
    first, second = find_amounts(s)
    assert (first.amount.currency, first.amount.currency_inferred) == ("USD", False)
    assert second.amount.text == "200億"
    assert second.amount.value == 2e10
    assert (second.amount.currency, second.amount.currency_inferred) == ("USD", True)
    assert second.amount.usd == pytest.approx(2e10)


# magnitude but no currency word, no unit noun after it: money, currency inferred
CURRENCYLESS = [
    ("后腳又向「甲骨文」拋出200億云服務大單。", "200億", 2e10),
    ("疊加「OpenAI」的3000億訂單,讓「甲骨文」雲預訂量飆升。", "3000億", 3e11),
    ("英伟达同意向OpenAI提供1000亿的投资。", "1000亿", 1e11),
    ("其600億年度算力支出中,83%流向「英偉達」和「甲骨文」。", "600億", 6e10),
    ("甲骨文为拿到订单,不惜发行180亿垃圾债。", "180亿", 1.8e10),
]


@pytest.mark.parametrize("sentence,text,value", CURRENCYLESS)
def test_amount_without_currency_word_is_money_with_inferred_currency(sentence, text, value):
    (m,) = find_amounts(sentence)
    assert (m.amount.text, m.amount.value) == (text, value)
    assert m.amount.currency_inferred


def test_nearest_currency_wins_when_sentence_has_two():
    s = "腾讯出资20亿港元,阿里出资300亿日元,另有一家基金出资100亿。"
    found = find_amounts(s)
    assert [m.amount.currency for m in found] == ["HKD", "JPY", "JPY"]
    assert found[2].amount.currency_inferred


def test_currencyless_amount_takes_currency_from_context():
    context = "甲骨文与OpenAI签下3000亿美元的算力合同。叠加OpenAI的3000亿订单,让甲骨文云预订量飙升至5000亿。"
    sentence = "叠加OpenAI的3000亿订单,让甲骨文云预订量飙升至5000亿。"
    found = find_amounts(sentence, context=context)
    assert [m.amount.value for m in found] == [3e11, 5e11]
    assert all(m.amount.currency == "USD" and m.amount.currency_inferred for m in found)


def test_context_currency_is_nearest_to_the_sentence():
    context = "软银去年投资了20亿欧元。阿里巴巴此前出资50亿港元。这次又拿出1000亿的投资。"
    sentence = "这次又拿出1000亿的投资。"
    (m,) = find_amounts(sentence, context=context)
    assert m.amount.currency == "HKD" and m.amount.currency_inferred


def test_currencyless_amount_defaults_to_cny():
    (m,) = find_amounts("拼多多闷声收割3000亿战场。")
    assert (m.amount.value, m.amount.currency, m.amount.currency_inferred) == (3e11, "CNY", True)


def test_yen_sign_is_cny_in_chinese_text_and_jpy_otherwise():
    (cn,) = find_amounts("该公司以¥100亿收购工厂。")
    (jp,) = find_amounts("The company paid ¥100 billion.")
    assert cn.amount.currency == "CNY" and jp.amount.currency == "JPY"


def test_change_from_to_is_two_amounts_not_a_range():
    found = find_amounts("收入从50亿美元增长到100亿美元。")
    assert [m.amount.text for m in found] == ["50亿美元", "100亿美元"]
    assert not any(m.amount.approximate for m in found)


def test_usd_uses_the_rate_table():
    table = rate_table()
    assert table["as_of"] and table["source"]
    (m,) = find_amounts("国家大基金向长江存储注资50亿元人民币。")
    assert m.amount.usd == pytest.approx(5e9 * table["usd_per_unit"]["CNY"])
    (usd,) = find_amounts("英伟达宣布向OpenAI注资1000亿美元。")
    assert usd.amount.usd == 1e11


def test_dated_rates_use_that_years_table():
    table = rate_table()
    for year, rates in table["by_year"].items():
        assert to_usd(1e9, "EUR", f"{year}-06-01") == pytest.approx(1e9 * rates["EUR"])
    assert table["by_year"]["2024"]["JPY"] != table["by_year"]["2023"]["JPY"]
    (m,) = find_amounts("丰田向这家电池公司投资500亿日元。", date="2023-05")
    assert m.amount.usd == pytest.approx(5e10 * table["by_year"]["2023"]["JPY"])


def test_unknown_currency_has_no_usd_value():
    assert to_usd(100.0, "XYZ") is None


def test_every_table_currency_has_a_rate():
    rates = rate_table()["usd_per_unit"]
    for code in ("USD", "CNY", "HKD", "EUR", "JPY", "GBP", "TWD", "KRW"):
        assert rates[code] > 0
    assert rates["USD"] == 1


def test_parse_amount_reads_a_bare_amount_text():
    a = parse_amount("1000億美元")
    assert (a.value, a.currency, a.usd) == (1e11, "USD", 1e11)
    assert parse_amount("10%股權") is None


def test_bare_yuan_and_currencyless_amounts_take_the_documents_currency():
    (yuan,) = find_amounts("聯發科認購12億元。", local="TWD")
    (bare,) = find_amounts("台達電則加碼認購6億。", local="TWD")
    (named,) = find_amounts("公司以人民幣5億元收購廠房。", local="TWD")
    assert (yuan.amount.currency, bare.amount.currency, named.amount.currency) == ("TWD", "TWD", "CNY")
    assert find_amounts("聯發科認購12億元。")[0].amount.currency == "CNY"


@pytest.mark.parametrize(
    "document, currency",
    [
        ("晶圓代工廠今日公告，私募金額為新臺幣30億元，其中聯發科認購12億元。", "TWD"),
        ("公司以NT$5億元購置設備，另以2億元擴建廠房。", "TWD"),
        ("台积电在大陆的子公司获得新台币30亿元，母公司以5亿元人民币增资。", "CNY"),
        ("該公司以港幣3億元收購物業，並以新台幣1億元購置設備。", "CNY"),
        ("公司以5亿元收购工厂。", "CNY"),
    ],
)
def test_local_currency_is_new_taiwan_dollars_only_in_a_taiwan_text(document, currency):
    assert local_currency(document) == currency
