"""Finding organisation mentions (and references to them) in a sentence.

Four sources, in order of trust: the entity catalog (every script's spelling,
matched with an Aho-Corasick automaton), 「」-quoted names, names ending in a
company word (…公司, …集团, …银行), and Latin-script names (CoreWeave, Asetek).
References (后者, 前者, 其, 该公司, 对方, 自己) are found too; the relation stage
resolves them. Character-level matching keeps this usable both inside the spaCy
pipeline (aligned to pkuseg tokens there) and in the cheap pre-filter.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from itertools import chain

import ahocorasick
from spacy.lang.zh.stop_words import STOP_WORDS

from graphbuild.catalog import Catalog, t2s
from graphbuild.name_tagger import NameTagger
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

FORMER_WORDS = ("前者",)
LATTER_WORDS = ("后者", "後者")
FORMER_LATTER = re.compile("|".join(FORMER_WORDS + LATTER_WORDS))
REFERENCE_WORDS = ("后者", "後者", "前者", "该公司", "該公司", "该集团", "該集團", "对方", "對方", "自己", "其", "它")
_REFERENCE = re.compile(
    r"后者|後者|前者|该子公司|該子公司|该基金|該基金|本期基金|该公司|該公司|该集团|該集團|该行(?![业業为為動动情政使列])|該行(?![业業为為動动情政使列])|该银行|該銀行|(?<!交易)对方|(?<!交易)對方|自己|"
    r"其(?![中他它实實余餘次后後])|它(?![们們])"
)
BANK_REFERENCES = ("该行", "該行", "该银行", "該銀行")
FUND_REFERENCES = ("该基金", "該基金", "本期基金")
PROJECT_COMPANY = ("项目公司", "項目公司")  # 项目公司X … 向项目公司发放贷款: X

# Natural persons, named only where the text says they are one: after a title that makes a person a
# party (自然人李建国, 创始人陈嘉伟, 實際控制人吴建平, 賣方李國樑先生), and the names listed after such a one
# (自然人刘建国、王芳). A common surname and one or two more characters, ending where a name may end.
_SURNAMES = (
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖蕭田董袁潘蒋蔣"
    "蔡余杜叶葉程魏苏蘇吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱尹薛闫閆段雷侯龙龍史陶"
    "黎贺賀顾顧毛郝龚龔邵钱錢严嚴覃戴莫孔汤湯庞龐施洪游傅柯翁伍郁"
)
_PERSON_NAME = f"(?:欧阳|歐陽|司马|司馬|上官|诸葛|諸葛|皇甫|令狐|慕容|[{_SURNAMES}])[\u4e00-\u9fff]{{1,2}}?"
_PERSON_ENDS = "(?=先生|女士|医生|醫生|博士|教授|手中|手裡|手里|手上|[、，,。；;：:及和与與等的之（()）持将將拟擬以向合控签簽转轉出收购購认認所已于於在也亦则則为為共同斥买買支付获獲0-9]|$)"
_PERSON_TITLES = (
    "(?:自然人(?:股东|股東)?|(?:联合)?(?:创始人|創始人|创办人|創辦人)(?:兼(?:董事长|董事長|主席|总裁|總裁|首席执行官|首席執行官|CEO|总经理|總經理))?"
    "|实际控制人|實際控制人|实控人|實控人|独立第三方|獨立第三方|(?:卖方|賣方|转让方|轉讓方|出让方|出讓方)(?:为|為)?|董事长|董事長"
    "|(?:资深|資深|知名|个人|個人|天使)?(?:投资者|投資者|投资人|投資人)|富商|富豪)"
)
_TITLED_PERSON = re.compile(f"{_PERSON_TITLES}({_PERSON_NAME}){_PERSON_ENDS}|({_PERSON_NAME})(?=先生|女士)")
_PERSON_CUE = re.compile(f"{_PERSON_TITLES}|先生|女士")  # most sentences have none: the finder's cheap gate
_LISTED_PERSON = re.compile(f"(?:、|及|和|与|與)({_PERSON_NAME}){_PERSON_ENDS}")
_LIST_MARKS = frozenset("、，,。；;及和与與")


def _with_zhi(text: str, start: int, end: int) -> int:
    """李牧|之、其控制的…: a two-character name whose 之 is followed by a list mark is a three-character name (李牧之)."""
    return end + 1 if end - start == 2 and text[end : end + 1] == "之" and text[end + 1 : end + 2] in _LIST_MARKS else end


_NOT_REFERENCE_BEFORE = set("尤极極与與")  # 尤其, 极其, 与其

# In a company's own news "公司" / "本公司" (集团 in Hong Kong filings) is that company (越秀地产晚间公告，公司拟收购…):
# the document defines them as aliases of its announcer (``announcer``). Only the bare word counts,
# not 子公司, 该公司, 上市公司 or 公司债; before it only a preposition or a verb's last character.
TOPIC_WORDS = ("本公司", "本集团", "本集團", "公司", "集团", "集團", "董事会", "董事會")  # the board acts for the company
_TOPIC_USE = re.compile(
    r"本(?:公司|集团|集團)|(?:(?<![\u3400-\u9fffA-Za-z0-9])|(?<=[向对對与與和由为為给給被将將及据據购購持让讓认認])|(?<=其中))(?:公司|集团|集團|董事会|董事會)"
    r"(?!债|債|法|章程|治理|化|制度|名称|名稱|类|類|制|型|间|間|层|層)"
)
# a stock code after a name: （603917）, 」（股份代號：8127）
_CODE_AFTER = re.compile(r"[」』]?\s*[（(](?:股份代號|股份代号|股票代碼|股票代码|股票代號|股票代号)?[:：]?[0-9A-Za-z.\s]{4,12}[)）]")
# X (晚间/昨日…) 公告 / 宣布 / 披露: X is the company the document is about.
# (not a heading: 香港交易所公告｜「X」宣佈…)
_ANNOUNCES = re.compile(r"[^，,。；;：:！？!?]{0,12}?(?:公告|公布|公佈|宣布|宣佈|披露|发布|發布|發佈|表示|称|稱|透露|获悉|獲悉)(?![|｜:：])")

_QUOTED_NAME = r"[^「」『』\s，,。；;：:！？!?、](?:[^「」『』\n，,。；;：:！？!?、]{0,22}[^「」『』\s，,。；;：:！？!?、])?"  # TSMC Arizona
_QUOTED = re.compile(
    f"「({_QUOTED_NAME})」|『({_QUOTED_NAME})』"
    # “” quote terms and speech too: a name only right after what describes it (机器人公司“灵枢动力”)
    f"|(?:公司|企业|企業|初创|初創|新创|新創|独角兽|獨角獸|厂商|廠商|商|厂|廠|车企|車企|药企|藥企|集团|集團|机构|機構|品牌|平台)“({_QUOTED_NAME})”"
)

# Words that end a company name; the name is the word(s) right before them.
# places written in brackets inside registered names, in both scripts
_REGIONS = ("香港", "中国", "中國", "亚洲", "亞洲", "澳门", "澳門", "台湾", "台灣")  # also after a catalog name (中国银行（香港）)
_REGISTERED_PLACES = _REGIONS + tuple(
    "新加坡 北京 上海 天津 重庆 重慶 深圳 广州 廣州 苏州 蘇州 昆山 杭州 南京 "
    "无锡 無錫 宁波 寧波 武汉 武漢 成都 西安 厦门 廈門 青岛 青島 东莞 東莞 合肥 长沙 長沙 郑州 鄭州 济南 濟南 福州 大连 大連 "
    "安徽 江苏 江蘇 浙江 广东 廣東 福建 山东 山東 河南 河北 湖北 湖南 四川 江西 陕西 陝西 辽宁 遼寧 吉林 云南 雲南 贵州 貴州 "
    "广西 廣西 海南 山西 甘肃 甘肅 内蒙古 內蒙古 新疆 宁夏 寧夏 黑龙江 黑龍江 "
    "常州 佛山 珠海 中山 惠州 温州 溫州 绍兴 紹興 嘉兴 嘉興 台州 金华 金華 南通 扬州 揚州 徐州 泉州 烟台 煙台 潍坊 濰坊 "
    "唐山 石家庄 太原 南昌 昆明 贵阳 貴陽 南宁 南寧 沈阳 瀋陽 哈尔滨 哈爾濱 长春 長春 兰州 蘭州 芜湖 蕪湖 洛阳 洛陽 "
    "宜宾 宜賓 绵阳 綿陽 株洲 江门 江門 汕头 汕頭 台北 臺北 台中 臺中 高雄 新竹 桃园 桃園 香港 澳门 澳門 "
    "越南 泰国 泰國 印尼 马来西亚 馬來西亞 日本 韩国 韓國 美国 美國 德国 德國 墨西哥 印度 开曼 開曼 欧洲 歐洲 "
    "廊坊 保定 邯郸 邯鄲 沧州 滄州 张家口 張家口 呼和浩特 包头 包頭 鄂尔多斯 鄂爾多斯 银川 銀川 西宁 西寧 乌鲁木齐 烏魯木齊 "
    "盐城 鹽城 淮安 连云港 連雲港 镇江 鎮江 宿迁 宿遷 湖州 衢州 舟山 马鞍山 馬鞍山 滁州 阜阳 阜陽 蚌埠 赣州 贛州 漳州 莆田 "
    "宁德 寧德 湛江 肇庆 肇慶 柳州 桂林 三亚 三亞 海口 遵义 遵義 襄阳 襄陽 宜昌 岳阳 岳陽 衡阳 衡陽 湘潭 新乡 新鄉 许昌 許昌 "
    "临沂 臨沂 淄博 济宁 濟寧 威海 东营 東營 鞍山 大庆 大慶 宝鸡 寶雞 咸阳 咸陽 榆林 德阳 德陽 泸州 瀘州 南充 宜春 九江 "
    "张家港 張家港 江阴 江陰 常熟 义乌 義烏 顺德 順德 横琴 橫琴 雄安 BVI 百慕大 百慕達 英属维尔京群岛 英屬維爾京群島".split()
)
COMPANY_SUFFIXES = (
    "股份有限公司", "有限责任公司", "有限公司", "总公司", "總公司", "公司", "集团", "集團", "银行", "銀行", "控股", "资本", "資本",
    "证券", "證券", "基金", "信托", "信託", "保险", "保險", "科技", "技术", "技術", "创投", "創投", "创业投资", "創業投資",
    "资管", "資管", "置业", "置業", "药业", "藥業", "实业", "實業", "电子", "電子", "半导体", "半導體",
    # industry words that end short company names (海螺水泥, 大族激光, 鲁润地产)
    "发展", "發展", "地产", "地產", "房地产", "房地產", "酒业", "酒業", "钢铁", "鋼鐵", "水泥", "航空", "能源", "化工",
    "医药", "醫藥", "制药", "製藥", "电器", "電器", "汽车", "汽車", "传媒", "傳媒", "物流", "电力", "電力", "矿业", "礦業",
    "食品", "乳业", "乳業", "纺织", "紡織", "重工", "环保", "環保", "生物", "光电", "光電", "激光", "纺机", "紡機",
    "商场", "商場", "百货", "百貨", "影业", "影業", "发电", "發電", "电气", "電氣", "机械", "機械", "材料", "通信",
    "软件", "軟件", "数控", "數控", "化学", "化學", "石油", "石化", "煤化", "股份", "商行", "事务所", "事務所",
    "酒店", "饭店", "飯店", "旅行社", "航运", "航運", "造船", "船舶", "船业", "船業", "海运", "海運", "农业", "農業", "牧业", "牧業", "新材料", "新材", "高科", "网络", "網絡", "信息", "資訊",
    # a company word and 设备 (天衡电力设备): the whole is the name's end
    "电力设备", "電力設備", "电气设备", "電氣設備", "机械设备", "機械設備", "电子设备", "電子設備", "通信设备", "通信設備",
    # public buyers: hospitals, universities, government offices (宿迁市宿豫区水务局, 臺北市政府捷運工程局)
    "医院", "醫院", "大学", "大學", "学院", "學院", "工程局", "水务局", "水務局", "管理局", "建设局", "建設局", "交通局", "公路局",
    "港务局", "港務局", "铁路局", "鐵路局", "执法局", "執法局", "捷运局", "捷運局", "教育局", "财政局", "財政局",
    "水利局", "公安局", "交通警察支队", "交通警察支隊", "交警支队", "交警支隊", "消防救援支队", "消防救援支隊", "生态环境局", "交通运输局", "住房和城乡建设局", "城市管理和综合执法局", "自然资源和规划局",
    "人力资源和社会保障局", "工业和信息化局", "文化和旅游局", "文化廣電和旅遊局", "文化广电和旅游局", "规划和自然资源局", "規劃和自然資源局", "自然资源局", "税务局", "稅務局", "数据局", "數據局", "商务局", "商務局", "统计局", "統計局",
    "气象局", "氣象局", "应急管理局", "應急管理局", "市场监督管理局", "市場監督管理局", "卫生健康委员会", "衛生健康委員會",
    "管理委员会", "管理委員會", "基金管理会", "基金管理會",  # 昆山经济技术开发区管理委员会, 行政院國家發展基金管理會
    "足球俱乐部", "足球俱樂部", "篮球俱乐部", "籃球俱樂部", "足球会", "足球會",  # a club a sponsor pays (江城雄鹰足球俱乐部)
    "合伙企业", "合夥企業", "有限合伙", "有限合夥", "株式会社", "株式會社", "合同会社", "合同會社", "制作所", "製作所", "分行", "支行", "基金一期", "基金二期", "基金三期", "基金四期", "基金五期", "基金六期",
    # 上海国盛（集团）有限公司: the bracketed group word is inside the registered name
    "（集团）", "(集团)", "（集團）", "(集團)", "（控股）", "(控股)", "（有限合伙）", "(有限合伙)", "（有限合夥）", "(有限合夥)",
    # and so is a place (鼎越新材（安徽）有限公司, 欣銳科技（昆山）有限公司)
    *(f"{o}{place}{c}" for place in _REGISTERED_PLACES for o, c in (("（", "）"), ("(", ")"))),
)
# Words that stop a name growing leftwards elsewhere but belong to it right before
# a company word (搜候投资有限公司, 首钢控股有限公司, 天图股权投资合伙企业).
_INNER_WORDS = {"投资", "投資", "控股", "股权", "股權", "股权投资", "股權投資", "管理", "资产", "資產"}
# any short place in brackets before a registered company word (港灣置業（九龍）有限公司, 欣锂（匈牙利）能源有限公司)
_COMPANY_WORDS = "|".join(sorted(map(re.escape, COMPANY_SUFFIXES), key=len, reverse=True))
_BRACKETED_PLACE = f"[（(][\u4e00-\u9fff]{{2,5}}[）)](?=(?:{_COMPANY_WORDS})*?(?:股份)?有限)"
# a leasing company's trade, only inside its registered name (中盈融資租賃（深圳）有限公司; not 融资租赁协议)
_LEASING_WORDS = ("融资租赁", "融資租賃", "金融租赁", "金融租賃")
_LEASING = f"(?:{'|'.join(_LEASING_WORDS)})(?=(?:{_BRACKETED_PLACE})?(?:股份)?有限)"
# a Japanese trading house (住友商事, 丸菱商事), not commercial law (商事仲裁)
_TRADING_HOUSE_WORD = "商事"
_TRADING_HOUSE = _TRADING_HOUSE_WORD + "(?!仲裁|法|纠纷|糾紛|案|登记|登記|审判|審判|诉讼|訴訟|主体|主體|制度|改革|争议|爭議|调解|調解)"
# a fund's trade after its bracketed place (国新双百壹号（杭州）股权投资合伙企业（有限合伙）)
_INNER_AFTER_PLACE_WORDS = ("股权投资", "股權投資", "创业投资", "創業投資", "投资", "投資")
_INNER_AFTER_PLACE = f"(?<=[）)])(?:{'|'.join(_INNER_AFTER_PLACE_WORDS)})(?=(?:{_COMPANY_WORDS})*?(?:合伙企业|合夥企業|(?:股份)?有限))"
_SUFFIX_WORDS = "|".join([_BRACKETED_PLACE, _LEASING, _TRADING_HOUSE, _INNER_AFTER_PLACE, _COMPANY_WORDS])
_SUFFIX = re.compile(f"(?:{_SUFFIX_WORDS})+")
_ONE_SUFFIX = re.compile(_SUFFIX_WORDS)
_SUFFIX_FIRST = re.compile("[" + "".join(sorted({re.escape(word[0]) for word in (*COMPANY_SUFFIXES, *_LEASING_WORDS, _TRADING_HOUSE_WORD, *_INNER_AFTER_PLACE_WORDS)})) + "]")


@functools.lru_cache(maxsize=2048)  # the pre-filter's count, rough signature and list test all ask
def _suffix_runs(text: str) -> tuple[tuple[int, int], ...]:
    """The company-word run starting at every position (the pre-filter cannot know which start is a word start)."""
    runs = []
    for first in _SUFFIX_FIRST.finditer(text):  # cheap: only where some company word could begin
        m = _SUFFIX.match(text, first.start())
        if m is not None:
            runs.append(m.span())
    return tuple(runs)

# A company named in full is often used again later in the sentence by its name without its company
# words (旗下昆山正嵘电子有限公司与…签署协议，管委会将向昆山正嵘支付…): that short form, 3 to 8 characters
_SHORT_FORM_LENGTHS = range(3, 9)
_PUBLIC_BODY_ENDS = ("局", "委员会", "委員會", "管理会", "管理會")
_DIVISIONS = tuple("市省区區县縣镇鎮乡鄉州")  # a place's administrative word ends no short name
# the city or province a registered name starts with (深圳|前海鸿昱实业有限公司, 苏州市|…)
_PLACE_START = re.compile("(?:" + "|".join(sorted(_REGISTERED_PLACES[len(_REGIONS) :], key=len, reverse=True)) + ")(?:市|省)?")
_TRAILING_COMPANY_WORDS = re.compile(f"(?:{_COMPANY_WORDS})+$")
_HAN_ONLY = re.compile("[\u4e00-\u9fff]+")


def short_forms(name: str) -> list[str]:
    """昆山正嵘电子有限公司 → 昆山正嵘, 恒瑞康生物 → 恒瑞康, 深圳前海鸿昱实业有限公司 → 深圳前海鸿昱 and 前海鸿昱:
    a name without its trailing company words, and without the place it starts with too."""
    if name.endswith(_PUBLIC_BODY_ENDS):
        return []  # 东莞市松山湖教育局: without its body's word only a place is left (东莞市松山湖第二实验学校)
    words = _TRAILING_COMPANY_WORDS.search(name)
    short = name[: words.start()] if words else ""
    if not _HAN_ONLY.fullmatch(short):
        return []
    place = _PLACE_START.match(short)
    forms = [short, short[place.end() :]] if place else [short]
    # (宜宾市叙州区住房和城乡建设局 → 宜宾市叙州区: a public body's place, not its name)
    return [form for form in forms if len(form) in _SHORT_FORM_LENGTHS and not _GENERIC.match(form) and not form.endswith(_DIVISIONS)]


def listed_brand(name: str) -> str | None:
    """饗樂國際 → 饗樂, 聯醫精密 → 聯醫, 英聯科技 → 英聯: the two-character brand of a four-character listed name that
    ends in an industry or company word, which Taiwan and Hong Kong news use alone once the name has been given with its code."""
    if (
        len(name) == 4 and _HAN_ONLY.fullmatch(name) and (_INDUSTRY.fullmatch(name, 2) or _ONE_SUFFIX.fullmatch(name, 2))
        and not _GENERIC.match(name[:2])
    ):
        return name[:2]
    return None


_NAME_PAIR = re.compile("[\u4e00-\u9fff]{2}")
_CLAUSE_OPENERS = frozenset("，,。；;：:\n 　（(「“、】")  # (【記者…報導】星宇航空今日…: after a dateline)
_BRAND_REACH = 9  # characters before a company word that a place, a brand and trade words may take


def brand_of(name: str) -> str | None:
    """星宇航空 → 星宇, 雲象智能股份有限公司 → 雲象, 杭州擎源机器人科技有限公司 → 擎源: the two-character brand that
    news uses alone once the full name has been given (星宇同時向AerCap…承租). Not a generic word or a place."""
    words = _TRAILING_COMPANY_WORDS.search(name)
    rest = name[: words.start()] if words else name
    place = _PLACE_START.match(rest)
    rest = rest[place.end() :] if place else rest
    trade = _TRAILING_TRADE.search(rest)
    rest = rest[: trade.start()] if trade else rest
    if len(rest) != 2 or rest == name or not _HAN_ONLY.fullmatch(rest) or not all(_NAME_CHARS.match(c) for c in rest):
        return None
    return None if _is_common_brand(rest) or rest.endswith(_DIVISIONS) or rest in _REGISTERED_PLACES else rest


def brands_in(text: str, start: int, end: int) -> bool:
    """Whether the name ``text[start:end]`` is one whose brand alone may name it later: a registered name
    (杭州擎源机器人科技有限公司), one that opens a clause (星宇航空今日宣布…), where it is the news' subject, or one
    a description introduces (新能源车企极曜汽车)."""
    return _REGISTERED.search(text, start, end) is not None or _opens_or_introduced(text, start)


def _opens_or_introduced(text: str, start: int) -> bool:
    return start == 0 or text[start - 1] in _CLAUSE_OPENERS or _INTRODUCER.search(text, 0, start) is not None


def used_bare(brand: str, whole: str, at: int) -> bool:
    """Whether ``whole`` from ``at`` on uses ``brand`` alone, not as the start of a longer name (星宇同時…; not 鼎元科技)."""
    found = whole.find(brand, at)
    while found >= 0:
        end = found + len(brand)
        if not _SUFFIX.match(whole, end) and not _TRADE_GOES_ON.match(whole, end):
            return True
        found = whole.find(brand, end)
    return False


def may_be_branded_in(text: str, whole: str, at: int, known: Callable[[str], object] = lambda name: None) -> bool:
    """Cheap: whether a name before a company word in ``text`` may be used by its brand alone (``brand_of``)
    in ``whole`` from ``at`` on: every start in reach is tried, as the pre-filter cannot know where names begin.
    A brand ``known`` returns something for (a catalog name: 騰訊控股) needs no alias."""
    for start, end in _suffix_runs(text):
        for first in range(max(0, start - _BRAND_REACH), start - 1):
            if not _TRADES_AND_COMPANY_WORDS.fullmatch(text, first + 2, start):
                continue  # (the cheapest test first: only trade words may stand between a brand and its company words)
            if not brands_in(text, _before_place(text, first), end):
                continue
            pair = text[first : first + 2]
            if _NAME_PAIR.fullmatch(pair) and known(pair) is None and brand_of(text[first:end]) == pair and used_bare(pair, whole, at):
                return True
    return False


def _before_place(text: str, at: int) -> int:
    """Where the place right before ``at`` starts (杭州|擎源…), or ``at``."""
    place = _PLACE_AT_END.search(text, max(0, at - 5), at)
    return place.start() if place else at


def _short_form_ends(text: str) -> set[int]:
    """Where the name before some company word may be used again later without it (see ``short_forms``):
    the pre-filter cannot know where that name begins, so every start in reach counts."""
    ends = set()
    for start, end in _suffix_runs(text):
        for length in _SHORT_FORM_LENGTHS:
            if length > start:
                break
            short = text[start - length : start]
            at = text.find(short, end)
            while at >= 0:
                ends.add(at + length)
                at = text.find(short, at + length)
    return ends


def may_be_introduced_in(text: str, whole: str, at: int) -> bool:
    """Cheap: whether a name a description introduces in ``text`` (AI大模型独角兽月衡智能…) may be used again in
    ``whole`` from ``at`` on: the three characters after some describing word are found there."""
    return any(
        _HAN_ONLY.fullmatch(text, m.end(), m.end() + 3) and whole.find(text[m.end() : m.end() + 3], at) >= 0
        for m in _INTRODUCER_IN_TEXT.finditer(text)
    )


def is_registered(name: str) -> bool:
    """Whether ``name`` is a registered name (…有限公司, …合伙企业（有限合伙）)."""
    return _REGISTERED.search(name) is not None


def may_be_shortened_in(text: str, whole: str, at: int) -> bool:
    """Cheap: whether a registered name (…有限公司) in ``text`` may be used without its company words in ``whole``
    from ``at`` on. Every short form ends with the three characters before those words, so only they are looked for."""
    if _REGISTERED.search(text) is None:
        return False
    shortest = _SHORT_FORM_LENGTHS[0]
    return any(
        start >= shortest and _REGISTERED.search(text, start, end) and whole.find(text[start - shortest : start], at) >= 0
        for start, end in _suffix_runs(text)
    )


def _short_form_uses(text: str, chosen: list[Mention], taken: bytearray) -> list[Mention]:
    """Later uses in ``text`` of a company's name without its company words (see ``short_forms``); marks them taken."""
    found = []
    for m in [m for m in chosen if m.source in ("suffix", "code", "short")]:
        for short in short_forms(m.text):
            at = text.find(short, m.end)
            while at >= 0:
                end = at + len(short)
                if not any(taken[at:end]):
                    taken[at:end] = b"\x01" * len(short)
                    found.append(Mention(at, end, short, m.entity, "alias"))
                at = text.find(short, end)
    return found


# A name before a suffix is made of these characters only (no function characters).
_FUNCTION_CHARS = "的了是在和与與对對向将將从從被把给給予为為也都就又还還及等其这這那之以于於由而并並或但所最很更已"
_FUNCTION_CHAR = re.compile(f"[{_FUNCTION_CHARS}]")
_NAME_CHARS = re.compile(rf"[^\W_{_FUNCTION_CHARS}]")
# place names holding one of those characters (成都高新投资集团有限公司)
_CITIES_WITH_FUNCTION_CHARS = frozenset(("成都", "京都", "首都", "宜都", "江都", "丰都", "豐都", "之江"))
# Words that are never (part of) a company name in front of a suffix word.
_GENERIC = re.compile(
    r"^(?:第[0-9一二两兩三四五六七八九十百]+[笔筆个個家批单單次期]|[0-9０-９,.一二两兩三四五六七八九十百千万萬]+(?:艘|辆|輛|台|架|个|個|座|套|批|家|间|間|车位|車位)|车位|車位|目标|目標|标的|標的|注册|註冊|这家|這家|该|該|一家|多家|多方|几家|幾家|其|各|本|本期|母|子|分|总|總|附属|附屬|全资子|全資子|控股子|孙|孫|关联|關聯|合资|合資|可持续|可持續|绿色|綠色|高质量|高質量|经济|經濟|社会|社會|创新|創新|上市|科技|互联网|互聯網|软件|軟件|芯片|半导体|半導體|"
    r"投资|投資|管理|能源|电力|電力|新云|新雲|初创|初創|创业|創業|人工智能|金融|外资|外資|国有|國有|民营|民營|私营|私營|"
    r"国内外|國內外|海内外|海內外|长期|長期|跨国|跨國|大型|头部|頭部|龙头|龍頭|全球|美国|美國|中国|中國|日本|欧洲|歐洲|云|雲|云服务|雲服務|数据|數據|咨询|諮詢|"
    r"AI|IT|GPU|CPU|NPU|ASIC|EV|这些|這些|那些|相关|相關|其他|其它|同类|同類|老牌|新兴|新興|基础|基礎|私募|公募|主权|主權|风险|風險|风投|風投|银行|銀行|"
    r"证券|證券|保险|保險|信托|信託|基金|控股|集团|集團|公司|技术|技術|电子|電子|实业|實業|战略|戰略|股权|股權|天使|财务|財務|"
    r"[ABH]股|集合|单一|單一|对外|對外|海外|直接|间接|間接|追加|巨额|巨額|大额|大額|新增|前沿|高新|核心|关键|關鍵|发行|發行|发售|發售|配售|定向|增发|增發|"
    r"参贷|參貸|牵头|牽頭|主办|主辦|统筹|統籌|[外日韩韓台港陆陸美欧歐德法英中][商企]|传|傳|保理|[一二三][甲乙]|[一二三]级|[一二三]級|本国|本國|独家|獨家|剧|劇|片|险资|險資|非|关系人|關係人|关联人|關聯人|关联方|關聯方|贷款|貸款|建设|建設|运营|運營|营运|營運|经营|經營|营业|營業|租赁|租賃|持有|所持|出售|转让|轉讓|支付|普通|优先|優先|流通|限售|部分|全部|剩余|剩餘|多数|多數|少数|少數|该等|該等|两者|兩者|二者|三者|双方|雙方|各方|倍数|倍數|原材料|原料|中期|票据|票據|全场|全場|债券|債券|代价|代價|对价|對價|股份|的|和|与|與|及|代|家族|本金|总额|總額|内地|內地|国内|國內|本地|本土|境内|境內|境外|新|债权|債權|现有|現有|项目|項目)+$"
)
# Tokens that stop a name growing leftwards (verbs, function words, titles).
_STOP_TOKENS = set(
    "的 与 與 和 及 向 对 對 将 將 即将 即將 已 被 由 在 为 為 是 称 稱 以 等 从 從 把 给 給 予 让 讓 使 于 於 也 都 又 还 還 就 据 據 借 "
    "备案 備案 协会 協會 董事会 董事會 获悉 獲悉 出品方 制片方 版权方 版權方 关系人 關係人 关联人 關聯人 关联方 關聯方 "
    "招标人 招標人 采购人 採購人 发包人 發包人 "
    "公告 表示 宣布 旗下 子公司 母公司 收购 收購 投资 投資 入股 注资 注資 并购 併購 控股 持有 持股 成立 "
    "这家 這家 该 該 一家 这 這 那 其 各 今日 昨日 昨晚 今晚 今早 日前 近日 此前 目前 今年 去年 明年 今年初 去年初 年初 年底 年中 当年 當年 同时 同時 同日 当日 當日 当天 當天 随后 隨後 "
    "涵盖 涵蓋 覆盖 覆蓋 确认 確認 专注 專注 聚焦 致力 进一步 進一步 "
    "地址 名称 名稱 结果 結果 电话 電話 联系人 聯絡人 "  # a notice's fields (供应商地址, …中标结果公告)
    "获得 獲得 来自 來自 通过 通過 透过 透過 经由 經由 补充 補充 认为 認為 清理 持 所持 股东 股東 大股东 大股東 第一 拟 擬 受让 受讓 "
    "转让 轉讓 卖给 賣給 出售 购买 購買 买入 買入 买 買 卖 賣 增持 举牌 舉牌 认购 認購 支付 提供 发放 發放 签署 簽署 签订 簽訂 达成 達成 "
    "联合 聯合 宣布 披露 发布 發布 成为 成為 拥有 擁有 包括 旗下的 全资 全資 控股的 参股 參股 香港 上市 "
    "用于 用於 声称 聲稱 原来 原來 传出 傳出 如今 转变 轉變 为由 為由 方式 出资 出資 累计 累計 现 現 占 佔 引进 引進 "
    "有助 共有 扩大 擴大 担任 擔任 委托 委託 聘请 聘請 增资 增資 共同 澄清 承销商 承銷商 主承销商 主承銷商 后 後 年内 年內 落地 "
    "以下 简称 簡稱 下称 下稱 统称 統稱 公司 有限公司 此次 这次 這次 本次 根据 根據 依据 依據 按照 自 剩余 剩餘 "
    "同意 核准 批准 获批 獲批 要求 推荐 推薦 出任 期待 导致 導致 原名 前身 更名 完成 推出 因此 因而 所以 因为 因為 "
    # verbs and words that come before a name (收到/青岛市地铁公司, 万/股/国元证券, 时任/兵装集团)
    "保障 有效期 期内 期內 内 內 "
    "股 万股 萬股 亿股 億股 成交 人 收到 接到 接获 接獲 获 獲 取得 拿下 斩获 斬獲 接盘 接盤 涉足 时任 時任 位于 位於 如果 接受 看好 看中 选择 選擇 进驻 進駐 入驻 入駐 设立 設立 组建 組建 实施 實施 开展 開展 推进 推進 期 届 屆 轮 輪 次 本轮 本輪 此轮 此輪 该轮 該輪 有".split()
)

# what makes an acronym a name: a group's unit (高瓴旗下HHLRA) or a description (臨床研究服務機構IQVIA)
_ACRONYM_NAMED = re.compile("(?:旗下|旗下的|机构|機構|公司|企业|企業|厂商|廠商|巨头|巨頭|集团|集團|新创|新創|初创|初創|业者|業者)$")
# legal forms that close a Latin name as a word of their own (…Healthcare Master Fund Limited)
_LEGAL_FORM_WORDS = ("Limited", "LLC", "Inc", "Corporation", "Ltd", "GmbH", "PLC")
# a legal form alone names nothing (the words of …Master Fund Limited ran out before it)
_LATIN_LEGAL_FORMS = {w.lower() for w in _LEGAL_FORM_WORDS} | {"ltd.", "inc.", "corp", "corp.", "l.p."}
# Latin-script words that are products, units or jargon, not organisations.
_LATIN_STOP = {
    w.lower()
    for w in """AI AGI API App Apps GPU GPUs CPU CPUs TPU TPUs NPU IPO CEO CFO CTO COO GW MW TW GWh kWh PC PCs SoC SaaS
    PaaS IaaS Token Tokens Chip Chips Cloud Data Center Bridge HBM DRAM NAND LLM LLMs GenAI AIGC ASIC FPGA PUE
    ROI EPS GDP ETF CapEx OpEx EBITDA RPO CDS LTV ARR GMV CoWoS InFO SoIC Pre-A Pre-B Pre-IPO Series
    Q1 Q2 Q3 Q4 H1 H2 vs VS USD RMB HKD EUR US UK EU OK Pro Max Plus Ultra Mini Lite Beta
    NVLink CUDA Instinct Bedrock Trainium Inferentia Blackwell Hopper Rubin Grace Stargate ChatGPT GPT Gemini
    Claude Llama Copilot Sora Grok Windows iPhone Android Office Excel Azure AWS the and of for with
    news reuters com net org www http https html""".split()
}
_CAPITAL = re.compile("[A-ZÀ-ÖØ-Þ]")
_LATIN_NAME = re.compile(
    r"(?<![A-Za-z0-9À-ÖØ-öø-ÿ.\-])([A-ZÀ-ÖØ-Þ][A-Za-z0-9À-ÖØ-öø-ÿ]*(?:[.\-&][A-Za-z0-9À-ÖØ-öø-ÿ]+)*"
    # Image Frame Investment (HK) Limited: a place in brackets inside, never at the end
    # (CD Vale do Sousa, Banco de Portugal: a lowercase particle between two capitalised words)
    r"(?: (?:& |(?:de|do|da|dos|das|del|della|di|du|des|van|von|der|den|la|le|y) (?=[A-ZÀ-ÖØ-Þ]))?"
    r"(?:[A-ZÀ-ÖØ-Þ][A-Za-z0-9À-ÖØ-öø-ÿ]+(?:[.\-&][A-Za-z0-9À-ÖØ-öø-ÿ]+)*|\([A-Z][A-Za-z ]{1,15}\)(?= [A-Z]))){0,7}"
    rf"(?: (?:{'|'.join(_LEGAL_FORM_WORDS)})(?![A-Za-z0-9À-ÖØ-öø-ÿ]))?"  # …Healthcare Master Fund Limited: the form closes it
    r"(?:,? (?:S\.p\.A|S\.A\.S|S\.A\.C|S\.A\.U|S\.R\.L|S\.r\.l|S\.A|S\.L|N\.V|B\.V|L\.P|L\.L\.C|A\.G)\.)?"  # Ferrara Holding S.p.A.
    r"(?: A/S(?![A-Za-z0-9]))?"  # Nordvind A/S: a Danish or Norwegian company's form
    r"(?:, (?:Inc|LLC|Ltd|Corp|Limited|National Association|N\.A)(?:\.|(?![A-Za-z0-9À-ÖØ-öø-ÿ])))?"  # Meridian Therapeutics, Inc.; a US bank's ", N.A."
    # Foxconn Singapore Pte. Ltd., Acme Co., Ltd., Solvion Energy Inc., X GmbH & Co. KG: the legal form's dots are the name's
    r"(?:(?<= Pte)\. Ltd\.|(?<= Pty)\. Ltd\.|(?<= Pvt)\. Ltd\.|(?<= Co)\.,? Ltd\.|(?<= Sdn)\. Bhd\.|(?<= Inc)\.|(?<= Corp)\.|(?<= Ltd)\.|(?<= Co)\. KGaA|(?<= Co)\. KG|(?<= Co)\.)?"
    r")(?![A-Za-z0-9À-ÖØ-öø-ÿ])"
)

# -- short names: a brand and an industry word (华锐风电, 宏达经编, 齐星铁塔) --------
# Listed companies are called by a two- or three-character brand followed by
# their industry word; pkuseg cuts them into two words. These industry words
# are also ordinary nouns (企业文化, 城市建设), so unlike the company words above
# they make a name only when the brand is one or two whole words of two or three
# Han characters, not a common word, and begins where a name can begin.
INDUSTRY_WORDS = (
    "经编", "經編", "风电", "風電", "铁塔", "鐵塔", "生化", "纸业", "紙業", "啤酒", "文化", "传播", "傳播", "影视", "影視",
    "有线", "有線", "高速", "国际", "國際", "商业", "商業", "燃气", "燃氣", "水电", "水電", "热电", "熱電", "电缆", "電纜",
    "管业", "管業", "稀土", "锂电", "鋰電", "锂业", "鋰業", "珠宝", "珠寶", "娱乐", "娛樂", "体育", "體育", "建设", "建設",
    "工程", "园林", "園林", "路桥", "路橋", "重机", "重機", "电测", "電測", "机电", "機電", "租赁", "租賃", "人寿", "人壽",
    "财险", "財險", "摩托", "投资", "投資", "置地", "轮胎", "輪胎", "化纤", "化纖", "轻机", "輕機", "港务", "港務", "煤业", "煤業",
    "煤电", "煤電", "铝业", "鋁業", "铜业", "銅業", "锌业", "鋅業", "黄金", "黃金", "水务", "水務", "旅游", "旅遊", "医疗", "醫療",
    "家居", "服饰", "服飾", "种业", "種業", "糖业", "糖業", "盐业", "鹽業", "商贸", "商貿", "物业", "物業", "通讯", "通訊",
    "电讯", "電訊", "电机", "電機", "船舶", "特钢", "特鋼", "玻璃", "建材", "建工", "城建", "橡胶", "橡膠", "出版", "广电", "廣電",
    "期货", "期貨", "金控", "超市", "口腔", "视讯", "視訊", "稀材", "电工", "電工", "运输", "運輸", "客车", "客車",
    "精密", "生技", "新药", "新藥", "种苗", "種苗", "饲料", "飼料", "农牧", "農牧",
)
_INDUSTRY = re.compile("|".join(sorted(map(re.escape, set(INDUSTRY_WORDS)), key=len, reverse=True)))
# trade words between a brand and its company words (擎源|机器人|科技有限公司, 雲象|智能|股份有限公司)
_BRAND_TRADES = INDUSTRY_WORDS + ("器材", "器械", "智能", "机器人", "機器人", "智造", "数据", "數據", "健康", "动力", "動力", "储能", "儲能", "光伏", "互娱", "互娛", "游戏", "遊戲", "视觉", "視覺")
_TRAILING_TRADE = re.compile("(?:" + "|".join(sorted(map(re.escape, set(_BRAND_TRADES)), key=len, reverse=True)) + ")+$")
# what may stand between a brand and its company words (擎源|机器人科技|有限公司), and a place right before a brand
_TRADES_AND_COMPANY_WORDS = re.compile(
    "(?:" + "|".join(sorted({re.escape(w) for w in (*_BRAND_TRADES, *COMPANY_SUFFIXES)}, key=len, reverse=True)) + ")*"
)
_REGISTERED_TRADES = re.compile("(?:服务|服務|管理|咨询|諮詢)*" + _TRADES_AND_COMPANY_WORDS.pattern)  # (翼联支付|服务有限公司)
_PLACE_AT_END = re.compile("(?:" + "|".join(sorted(_REGISTERED_PLACES, key=len, reverse=True)) + ")(?:市|省)?$")
# a two-character name followed by a trade (太行|特钢, 鴻準|精密) is a longer name, perhaps a sister company's, not
# that short name used again; its legal forms (擎源|公司, 鴻準|集團) go on naming the same company
_SAME_COMPANY_WORDS = ("股份有限公司", "有限责任公司", "有限責任公司", "有限公司", "公司", "集团", "集團", "控股", "股份")
_TRADE_GOES_ON = re.compile(
    "|".join(sorted({re.escape(w) for w in (*_BRAND_TRADES, *COMPANY_SUFFIXES) if w not in _SAME_COMPANY_WORDS and not w.startswith(("（", "("))}, key=len, reverse=True))
)
# foreign countries, written before a firm's own name (日本|今治造船株式會社, 韓國|三星重工, 丹麥|哥本哈根基礎建設基金)
FOREIGN_COUNTRIES = tuple(sorted((
    "日本", "韩国", "韓國", "美国", "美國", "德国", "德國", "英国", "英國", "法国", "法國", "瑞士", "瑞典", "荷兰", "荷蘭",
    "意大利", "義大利", "加拿大", "澳洲", "澳大利亚", "澳大利亞", "新加坡", "以色列", "丹麦", "丹麥", "芬兰", "芬蘭",
    "挪威", "比利时", "比利時", "西班牙", "印度尼西亚", "印度尼西亞", "印度", "越南", "泰国", "泰國", "马来西亚", "馬來西亞",
    "印尼", "沙特阿拉伯", "沙特",
), key=len, reverse=True))  # longest first: 印度尼西亚 is no 印度, 沙特阿拉伯 no 沙特
ANY_COUNTRY = "|".join(FOREIGN_COUNTRIES)  # one of them, as a regex alternation
# Words (whole pkuseg tokens in the pipeline) after which a name may begin, and foreign countries (日本|豐田通商).
_LEFT_WORDS = (
    "与 與 和 及 、 向 对 對 由 被 将 將 把 从 從 为 為 是 在 据 據 而 但 且 让 讓 给 給 跟 同 以 即 后 後 的 了 也 又 还 還 "
    "并 並 或 则 則 就 曾 已 拟 擬 称 稱 日 收购 收購 入股 增资 增資 注资 注資 投资 投資 控股 入主 持有 参股 參股 举牌 舉牌 "
    "增持 减持 減持 卖给 賣給 转让给 轉讓給 出售 受让 受讓 获得 獲得 引入 引进 引進 联手 聯手 牵手 牽手 并购 併購 吞并 吞併 "
    "竞购 競購 旗下 公告 披露 宣布 表示 今日 昨日 日前 近日 昨天 今天 昨晚 此前 目前 其中 包括 股东 股東 子公司 母公司"
).split() + list(FOREIGN_COUNTRIES)
_LEFT_WORD_END = re.compile("(?:" + "|".join(sorted(map(re.escape, _LEFT_WORDS), key=len, reverse=True)) + ")$")
_HAN = re.compile(r"[\u3400-\u9fff]+")
# Common words that sit before an industry word without naming anyone (海上风电, 城市建设).
_COMMON_BEFORE_INDUSTRY = set(
    "城市 基础 基礎 国内 國內 国外 國外 海外 传统 傳統 现代 現代 全国 全國 地方 企业 企業 行业 行業 产业 產業 整体 整體 "
    "中小 重点 重點 重大 基本 公共 社会 社會 经济 經濟 国家 國家 政府 当地 當地 本地 区域 區域 农村 農村 城镇 城鎮 "
    "交通 水利 海上 陆上 陸上 离岸 離岸 光伏 风力 風力 分布式 新型 绿色 綠色 清洁 清潔 高端 先进 先進 大众 大眾 群众 群眾 "
    "房屋 道路 市政 基建 项目 項目 建筑 建築 住宅 商品 实体 實體 线上 線上 线下 線下 网上 網上 健康 养老 養老 "
    "股权 股權 证券 證券 产权 產權 风险 風險 对外 對外 境外 境内 境內 海南 全球 国民 國民 人民 居民 个人 個人 "
    "机构 機構 战略 戰略 财务 財務 长期 長期 短期 直接 间接 間接 项目 金融 文化 体育 體育 娱乐 娛樂 旅游 旅遊 "
    "加大 加强 加強 扩大 擴大 推进 推進 进行 進行 开展 開展 完成 实施 實施 参与 參與 负责 負責 从事 從事 涉足 进军 進軍 "
    "主要 相关 相關 其他 其它 上述 有关 有關 各类 各類 多元 多家 一家 这家 這家 "
    "计划 計劃 准备 準備 打算 继续 繼續 追加 大举 大舉 累计 累計 联合 聯合 合作 创业 創業 天使 外商 民间 民間 "
    "公司 集团 集團 总额 總額 总计 總計 再次 首次 已经 已經 正在 开始 開始 需要 希望 决定 決定 同意 有意 计划中 "
    "自己 自身 双方 雙方 对方 對方 各方 我们 我們 他们 他們 记者 記者 市场 市場 资金 資金 资本 資本 实际 實際 "
    "意味 意味着 意味著 缩减 縮減 削减 削減 减少 減少 增加 超前 大量 大笔 大筆 巨额 巨額 停止 暂停 暫停 加快 放缓 放緩 "
    "扩张 擴張 恢复 恢復 持续 持續 不断 不斷 积极 積極 大力 重新 共同 分别 分別 同时 同時 未来 未來 今后 今後 目前 当前 當前 "
    "大规模 大規模 规模化 規模化 小规模 小規模 算力 智算".split()
)
# Nouns that make the industry word a modifier (风电项目, 文化产业), not a name's end.
_INDUSTRY_CONTINUES = re.compile(
    r"行业|行業|产业|產業|企业|企業|项目|項目|板块|板塊|市场|市場|领域|領域|产品|產品|业务|業務|设备|設備|概念|"
    r"资产|資產|基金|发展|發展|类|類|机构|機構|人才|技术|技術|服务|服務|建设|建設|管理|工作|体系|體系|"
    r"方(?!面)"  # 早期投资方: a party's role
)

# -- stock names with a special-treatment prefix (ST兴业, *ST博元, S*ST美雅, ST凯马B) --
_ST_PREFIX = re.compile(r"(?<![A-Za-z0-9])\*?S?\*?ST(?=[\u3400-\u9fff])")
_SHARE_LETTER = re.compile(r"[AB](?![A-Za-z0-9])")

# -- names the text defines: 上海鸿仪投资发展有限公司(下称“上海鸿仪”) ----------
_ALIAS_KEYWORDS = "以下简称|以下簡稱|以下称|以下稱|下文简称|下文簡稱|下称|下稱|简称|簡稱|以下统称|以下統稱|统称|統稱"
_ALIAS_DEF = re.compile(
    # （以下简称“X”） ; （Saudi Electricity Company，以下简称“SEC”）: an English name may come first (or 暂定名, or the
    # fund a manager signs for: （代表“睿远澄明价值3号私募证券投资基金”，以下简称“睿远澄明”）)
    r"(?:[（(]\s*(?:(?:[A-Za-z][A-Za-z0-9&.\- ]{0,40}|暂定名|暫定名|代表[“\"「][^”\"」（）()]{2,40}[”\"」])[，,]\s*)?(?:" + _ALIAS_KEYWORDS + r")|[，,]\s*(?:以下简称|以下簡稱|下称|下稱))\s*(?:为|為)?\s*[：:]?\s*"
    r"[“\"「『‘]?(?P<alias>[^\s“”\"「」『』‘’（）()，,。；;：:、]{2,12}?)[”\"」』’]?\s*"
    r"(?:(?:或|、)\s*[“\"「『‘](?P<alias2>[^\s“”\"「」『』‘’（）()，,。；;：:、]{2,12}?)[”\"」』’]\s*)?"  # （简称“公司”或“鸿远新材”）
    r"(?:(?:[，,、]\s*[A-Za-z][A-Za-z0-9&.\- ]{0,24})?[）)]|(?=[，,。；;]))"  # （简称“宁德时代”，CATL）
)


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
    source: str  # catalog | quoted | suffix | alias | topic | short | st | latin | ref | slot | model
    named_as: str = ""  # for 公司 standing for the document's company: the name the document gave it

    @property
    def surface(self) -> str:
        """How the document names this party (``text``, or the name 公司 stands for)."""
        return self.named_as or self.text

    @property
    def is_ref(self) -> bool:
        return self.entity is None


class EntityFinder:
    """Finds organisation mentions in text using a catalog and name-shape rules."""

    def __init__(self, catalog: Catalog, tagger: NameTagger | None = None):
        self.catalog = catalog
        self.tagger = tagger  # learned names, only in sentences that could hold a deal
        # the pre-filter's count and signature and the pipeline's find all ask for them
        self._model_spans = functools.lru_cache(maxsize=4096)(self._tagged_names)
        self._automaton = ahocorasick.Automaton()
        for surface, entity_id in catalog.surface_forms():
            key = match_fold(surface)
            if key and key not in self._automaton:
                self._automaton.add_word(key, (len(key), entity_id, surface))
        # longer words that contain an alias but name nobody (高通胀, 大力拓展):
        # they win leftmost-longest matching and are then skipped (no entity)
        for word in catalog.blocked_forms():
            key = match_fold(word)
            if key and key not in self._automaton:
                self._automaton.add_word(key, (len(key), None, word))
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
            if entity_id is None or (self.catalog.is_ambiguous(surface) and not _company_context(text, start, end)):
                continue
            if _word_runs_past(text, start, end):
                continue  # 鈦|思科|技: a company word that runs past the hit makes it part of another name
            if text.startswith(("家族", "氏家族"), end):
                continue  # 羅氏家族: a family of that surname, not the company
            if _NEWS_DATELINE.match(text, end):
                continue  # 新浪财经讯, 腾讯科技讯: the outlet the news comes from
            if start and text[start - 1 : start + 1] in _COUNTRIES:
                continue  # 美|国风投: a country's name runs into the hit
            if _SISTER_TRADE.match(text, end):
                continue  # 三星|重工, 中信|证券: the group's other company, named by its own trade (a name of its own)
            entity = self.catalog.get(entity_id)
            if entity is not None:
                # 大基金三期, 中国银行（香港）, 和硕联合科技 (``_CATALOG_TAIL``): the catalog's, named in full
                phase = _FUND_PHASE.match(text, end) or _CATALOG_TAIL.match(text, end)
                end = phase.end() if phase else end
                found.append(Mention(start, end, text[start:end], entity, "catalog"))
        return found

    def quoted_mentions(self, text: str) -> list[Mention]:
        found = self.katakana_mentions(text)
        if "「" not in text and "『" not in text and "“" not in text:  # every match holds one (most sentences: none)
            return found
        for m in _QUOTED.finditer(text):
            group = next(g for g in (1, 2, 3) if m.group(g))
            name = m.group(group)
            if not _looks_like_name(name):
                continue
            start, end = m.start(group), m.end(group)
            if _PROJECT_AFTER.match(text, m.end()):
                continue  # 「機器手臂輔助手術系統及周邊耗材」採購案: what a tender buys, no party
            found.append(Mention(start, end, name, self.resolve(name), "quoted"))
        return found

    def suffix_mentions(self, text: str, words: Words | None) -> list[Mention]:
        """Names ending in a company word; the segmenter's ``words`` bound how far left they reach."""
        token_starts = set(words.by_start) if words is not None else None
        found = []
        for suffix_start, end in _suffix_matches(text, words):
            if _SHOWS.match(text, end) or text.startswith(("交易所", "交易中心", "机组", "機組"), end) or _SECTOR_TALK.search(text, suffix_start - 8, suffix_start):
                continue  # 工商信息显示，…: a record the news cites, not a company; 多伦多证券|交易所: an exchange; 风力发电|机组: a machine
            # registered names and funds' full names (上海半导体装备材料产业投资基金) reach further
            registered = _REGISTERED.search(text, suffix_start, end) is not None or _FUND_NAME_END.search(text, max(0, suffix_start - 2), end)
            start = self._suffix_name_start(text, suffix_start, token_starts, 18 if registered else 12)
            if start is None:
                continue
            place = _PLACE_BEFORE.search(text, max(0, start - 8), start) if registered and suffix_start - start <= 4 else None
            if place is not None:  # 华储锂能|（上海）|储能|科技有限公司: the brand before the bracketed place and the trade after it
                front = self._suffix_name_start(text, place.start(), token_starts, 18 - (suffix_start - place.start()))
                start = front if front is not None else start
            if words is not None:
                start = _past_weak_description(text, start, suffix_start, words.by_start)
            if start and _OPENS_WITH_AMONG.match(text, start - 1):
                start += 1  # 其中国投创新…有限公司获配: 其中, then the name (pkuseg: 其|中国投|创新)
            if text.startswith("股份的", end - 2) and end - start > 4 and _SHARES_TAKEN.search(text, 0, start):
                end -= 2  # 獲授可認購澄暉醫藥|股份的認股權證: the company's shares, not a name ending in 股份
            start = _defined_start(text, start, end)
            if registered and text.startswith("香港", start - 2) and (
                start == 2 or not _name_char_at(text, start - 3)
                or (words is not None and text[words.by_end.get(start - 2, start - 2) : start - 2] in _STOP_TOKENS)  # 母公司|香港|立锦控股
            ):
                start -= 2  # 旗下的香港西門子醫療有限公司: a registered name starts with its place (香港 alone stops names)
            if text.startswith("股份", suffix_start) and _PORTION_END.search(text, start, suffix_start):
                continue  # 收购美即全部股份: the shares bought, not a name ending in 股份
            if _counts(text, start):
                continue  # 收購一幢酒店物業: a building counted, no name
            name = text[start:end]
            found.append(Mention(start, end, name, self.resolve(name), "suffix"))
        projects = [q.span(1) for q in _QUOTED_PROJECT.finditer(text) if _PROJECT.search(q.group(1))] if "「" in text else []
        found = [m for m in found if not any(a <= m.start and m.end <= b for a, b in projects)]  # 「興達新燃氣發電計畫」
        # 上海国有资本 | 投资有限公司: the whole name, not the part ending at the first company word;
        # 苏州工业园区科技 | 创新投资有限公司: nor a part of a registered name
        return [m for m in found if not any(o is not m and _outranks(o, m) for o in found)]

    def code_mentions(self, text: str, words: Words | None) -> list[Mention]:
        """Names right before a stock code (双泽科技（6721）, 宏泰服务（02519）) or a definition
        of a short name (云途数字（以下简称“云途”）): the text says a name ends there."""
        token_starts = set(words.by_start) if words is not None else None
        found = []
        glossed = glossed_ends(text)
        for end in _named_ends(text):
            if _LATIN_BEFORE.search(text, 0, end):
                continue  # Golden Bridge Ventures Limited（「買方」）: the Latin finder names it whole
            start = self._suffix_name_start(text, end, token_starts, keep_end=end in glossed)
            if start is not None:
                # after a description or a dateline pkuseg glued on (中证网讯|鼎信通科（002958）)
                cuts = [*_INTRODUCER_IN_TEXT.finditer(text, start, end - 2), *_SOURCE_DATELINE.finditer(text, start, end - 2)]
                start = max([start, *(m.end() for m in cuts)])
                if words is not None:
                    start = _past_weak_description(text, start, end, words.by_start)
                group = max(text.rfind(w, start + 2, end - 2) for w in _GROUP_WORDS)
                if group > 0 and not _GENERIC.match(text[group + 2 : end]):
                    start = group + 2  # 餐飲集團|饗樂國際（2756）, 遠東集團|遠傳電信（4904）: the group only says whose
                start = _defined_start(text, start, end)
                name = text[start:end]
                found.append(Mention(start, end, name, self.resolve(name), "code"))
        return found

    def katakana_mentions(self, text: str) -> list[Mention]:
        """Japanese names written in katakana, with 株式会社 before or after (株式会社アクシオン・デザイン, ミラクルソフト株式会社):
        a katakana run in Chinese news names a firm or a brand, as surely as 「」 do, so they count as quoted names."""
        if not _KATAKANA_CHAR.search(text):
            return []
        return [Mention(m.start(), m.end(), m.group(), self.resolve(m.group()), "quoted") for m in _KATAKANA_NAME.finditer(text)]

    def latin_mentions(self, text: str) -> list[Mention]:
        found = []
        if not _CAPITAL.search(text):  # every Latin name starts with one; most sentences have none
            return found
        for m in _LATIN_NAME.finditer(text):
            name = m.group(1)
            words = name.split()
            if any(w.lower() in _LATIN_STOP for w in words[:1]) or name.lower() in _LATIN_STOP:
                continue
            if len(name) < 2 or any(c.isdigit() for c in name):
                continue
            if not any(c.islower() for c in name) and not (len(name) >= 3 and " " not in name and _ACRONYM_NAMED.search(text, 0, m.start(1))):
                continue  # an acronym (GPU, HBM) names nothing, unless it names a group's unit or a described firm
            if name.lower() in _LATIN_LEGAL_FORMS:
                continue  # the legal form a longer name's words ran out before (…Master Fund Limited)
            if _KIND_AFTER.match(text, m.end(1)):
                continue  # a product or process named by its kind (CoWoS-L類封裝, Blackwell架構): no party
            if text[m.start(1) - 1 : m.start(1)] == "《" and text[m.end(1) : m.end(1) + 1] == "》":
                continue  # 《Ironvale》: a title (a game, a book, a film), no party
            found.append(Mention(m.start(1), m.end(1), name, self.resolve(name), "latin"))
        return found

    def latin_short_names(self, text: str, whole: str, at: int) -> dict[str, Entity]:
        """The first word of each Latin name in ``text`` that ``whole`` uses alone from ``at`` on (Nimbus Cloud … Nimbus)."""
        found: dict[str, Entity] = {}
        if not _TWO_LATIN_WORDS.search(text):  # cheap: most Latin names in news are one word (OpenAI, Nvidia)
            return found
        for m in self.latin_mentions(text):
            first = m.text.split()[0]
            if (
                first != m.text and len(first) >= 3 and first[0].isupper() and first.lower() not in _LATIN_STOP
                and whole.find(first, at) >= 0 and re.compile(rf"(?<![A-Za-z]){re.escape(first)}(?![A-Za-z])").search(whole, at)
            ):
                found[first] = m.entity
        return found

    def short_mentions(self, text: str, words: Words | None) -> list[Mention]:
        """Brand + industry word names (华锐风电, 宏达经编), the brand being whole words when ``words`` are given."""
        found = []
        for m in _INDUSTRY.finditer(text):
            start = _short_name_start(text, m.start(), m.end(), words)
            if start is not None:
                name = text[start : m.end()]
                found.append(Mention(start, m.end(), name, self.resolve(name), "short"))
        return found

    def st_mentions(self, text: str, words: Words | None) -> list[Mention]:
        """Stock names under special treatment (ST兴业, *ST博元, S*ST美雅, ST凯马B)."""
        found = []
        for m in _ST_PREFIX.finditer(text):
            end = _st_name_end(text, m.end(), words)
            if end is not None:
                name = text[m.start() : end]
                # *ST博元 and ST博元 are one company, 博元, whatever its status
                entity = self.catalog.lookup(name) or self.catalog.new_entity(text[m.end() : end])
                found.append(Mention(m.start(), end, name, entity, "st"))
        return found

    def alias_mentions(self, text: str, aliases: dict[str, Entity | Mention]) -> list[Mention]:
        """Every use of a name the text defined (下称“上海鸿仪”), outside its own definition.

        A topic word (公司) maps to the mention of the company it stands for.
        """
        inside = [(d.start, d.end) for d in alias_definitions(text)]
        topic_uses: dict[str, list[tuple[int, int]]] = {}
        if any(alias in TOPIC_WORDS for alias in aliases):  # one scan for all the topic words
            for m in _TOPIC_USE.finditer(text):
                topic_uses.setdefault(m.group(), []).append(m.span())
        found = []
        for alias in sorted(aliases, key=len, reverse=True):
            named = aliases[alias]
            uses = topic_uses.get(alias, []) if alias in TOPIC_WORDS else _alias_uses(text, alias)
            for at, end in uses:
                if any(a <= at and end <= b for a, b in inside):
                    continue
                if len(alias) == 2 and _TRADE_GOES_ON.match(text, end) and not alias.isascii():
                    continue  # 太行|特钢: a longer name, not the short one used again
                if alias.isascii() and (_LATIN_GOES_ON.match(text, end) or _LATIN_BEFORE_USE.search(text, 0, at)):
                    continue  # Sahab AI … Sahab Compute Park: a Latin short name does not start or end a longer name
                if isinstance(named, Mention):
                    found.append(Mention(at, end, alias, named.entity, "topic", named.surface))
                else:  # (…（以下简称“恒通物联”或“公司”）: 公司 names it as the document does)
                    found.append(Mention(at, end, alias, named, "alias", named.name if alias in TOPIC_WORDS else ""))
        return found

    def announcer(self, text: str, mentions: list[Mention]) -> Mention | None:
        """The organisation ``text`` reports as announcing (X晚间公告, X宣布); None when 公司 announces."""
        speakers = [(m.start, m.end, m) for m in mentions if not m.is_ref and m.source != "topic"]
        speakers += [(m.start(), m.end(), None) for m in _TOPIC_USE.finditer(text)]
        for start, end, named in sorted(speakers, key=lambda s: s[0]):
            code = _CODE_AFTER.match(text, end)  # 华拓精工（603917）6月18日晚间公告
            end = code.end() if code else end
            # not a source (港交所披露易数据显示), unless the reporter learned it from the company (记者从X获悉)
            if _ANNOUNCES.match(text, end) and (not _SOURCE.match(text, end) or _LEARNED_FROM.search(text, 0, start)):
                return named
        return None

    def defined_aliases(
        self, text: str, tokens: list[tuple[int, int]] | None = None, candidates: list[Mention] | None = None
    ) -> dict[str, Entity]:
        """The short names ``text`` defines, each with the entity of the name right before its definition.

        "上海鸿仪投资发展有限公司（下称“上海鸿仪”）": 上海鸿仪 names the company
        found just before the brackets; with no name there the alias is a new
        organisation of its own (the text says it is a name).
        """
        if candidates is None:
            candidates = [m for group in self._name_groups(text, _words(tokens)) for m in group]
        defined = {}
        for d in alias_definitions(text):
            if d.after:
                named = _named_after(text, d.end, candidates)
                if named is not None:
                    defined.setdefault(d.alias, named.entity)
                elif _OWN_SUBSIDIARY.match(text, d.end) and "本公司" in defined:
                    defined.setdefault(d.alias, defined["本公司"])  # 買方（本公司之間接全資附屬公司）: the company buys
                continue
            before = text[: d.start].rstrip()
            ends = (len(before), len(before.rstrip("".join(_CLOSING_QUOTES))))  # “苏州…合伙企业（有限合伙）”（下称“启辰二期”）: the quoted name
            named = next((m for m in candidates if m.end in ends and not m.is_ref), None)
            if named is None and d.english:
                continue
            defined[d.alias] = named.entity if named is not None else self.resolve(d.alias)
        return defined

    def may_define(self, text: str) -> bool:
        """Whether a definition in ``text`` can name anything, so that segmenting it is worth it.

        A Chinese definition always can (with no name before it, it names a new
        organisation), and so can an English name; an acronym in brackets only
        where a name can end right before it (蓝猫头鹰资本(BOC) can, 国际货币基金组织(IMF) cannot).
        """
        defs = alias_definitions(text)
        if not defs or any(not d.english or not _ACRONYM.fullmatch(d.alias) for d in defs):
            return bool(defs)
        ends = {m.end for m in self.named_mentions(text)}
        ends |= {e for m in _ST_PREFIX.finditer(text) for e in _st_name_ends(text, m.end())}
        for d in defs:
            end = len(text[: d.start].rstrip())
            if end in ends or _ENDS_IN_NAME_WORD.search(text, 0, end):
                return True
        return False

    def reference_mentions(self, text: str) -> list[Mention]:
        found = []
        for m in _REFERENCE.finditer(text):
            if m.group() == "其" and m.start() > 0 and text[m.start() - 1] in _NOT_REFERENCE_BEFORE:
                continue
            found.append(Mention(m.start(), m.end(), m.group(), None, "ref"))
        return found

    def model_spans(self, text: str) -> list[tuple[int, int]]:
        """The learned tagger's Chinese names, in sentences with a deal word (elsewhere a name adds no deal).

        Latin names have their own finder; a span ending in a deal word
        (芯片租赁, 战略投资) names an activity, not a company.
        """
        if self.tagger is None:
            return []
        return list(self._model_spans(text))

    def _tagged_names(self, text: str) -> tuple[tuple[int, int], ...]:
        from graphbuild.relations import could_hold_deal  # relations imports this module

        if not could_hold_deal(text):
            return ()
        return tuple(
            (start, end) for start, end in self.tagger.spans(text)
            if _LEARNED_NAME.fullmatch(text, start, end) and not _ends_in_deal_word(text[start:end])
            and not _COUNT_OPENS.match(text, start)
            and text[start:end].lower() not in _LATIN_STOP
        )

    def model_mentions(self, text: str, taken: bytearray, words: Words | None) -> list[Mention]:
        """The tagger's names outside ``taken``; with the segmenter's ``words``, only those that begin and end
        on word boundaries (not 老对 of 老对手) and begin with no stop word (涉足/纺织业)."""
        spans = self.model_spans(text)
        if spans and words is not None:
            # where Han script meets any other, a word ends whatever the segmenter says (拉卡拉|<N>)
            changes = {i for m in _HAN_RUN.finditer(text) for i in m.span() if 0 < i < len(text)}
            spans = [
                (a, b) for a, b in spans
                if (a in words.by_start or a in changes) and (b in words.by_end or b in changes)
                and not _stops_name(text[a : words.by_start.get(a, b)])
            ]
        found = []
        for start, end in spans:
            if not any(taken[start:end]):
                name = text[start:end]
                found.append(Mention(start, end, name, self.resolve(name), "model"))
        return found

    # -- all together -----------------------------------------------------
    def find(
        self, text: str, tokens: list[tuple[int, int]] | None = None, aliases: dict[str, Entity | Mention] | None = None
    ) -> list[Mention]:
        """All mentions in ``text``, non-overlapping, in order.

        ``tokens`` are the segmenter's (start, end) spans; with them, company
        suffixes and short names are aligned to word boundaries and unknown
        names are read off the slots of strong deal verbs (X 收购 Y).
        ``aliases`` are short names defined earlier in the document (they
        name the entity given); names defined in ``text`` itself are added.
        Earlier sources win overlaps: catalog, quoted, suffix, names before a
        stock code or a definition, defined aliases (and 公司 for the document's
        company), short names, ST names, Latin, references, verb slots, and
        last the learned tagger's names.
        """
        words = _words(tokens)
        groups = self._name_groups(text, words)
        groups[0] = _extend_catalog_names(groups[0], groups[1] + groups[2] + groups[6])
        groups[0] = [_with_unit(text, _with_legal_form(text, m), words) for m in groups[0]]
        groups[0], groups[2] = self._join_branches(text, groups[0], groups[2])
        known = {**(aliases or {}), **self.defined_aliases(text, tokens, [m for g in groups for m in g])}
        groups.insert(4, self.alias_mentions(text, known))
        # a short name the document defined beats a company-word or code name inside it (山能新能源, not 能新能源)
        # or on it (启泰生物 names the company it was defined for)
        groups[2], groups[3] = (
            [m for m in g if not any(a.start <= m.start and m.end <= a.end for a in groups[4])] for g in (groups[2], groups[3])
        )
        groups.append(self.reference_mentions(text))
        if tokens is not None:
            groups[2] = self._undescribe(text, tokens, groups[2], groups[0] + groups[1])
        chosen: list[Mention] = []
        taken = bytearray(len(text) + 1)
        for d in alias_definitions(text):  # （下称“长风建材”） only defines a name
            taken[d.start : d.end] = b"\x01" * (d.end - d.start)
        for group in groups:
            for m in group:
                if any(taken[m.start : m.end]):
                    # a quoted name around a catalog hit: keep the catalog one
                    continue
                taken[m.start : m.end] = b"\x01" * (m.end - m.start)
                chosen.append(m)
        chosen += _short_form_uses(text, chosen, taken)
        if tokens is not None:
            for m in self.slot_mentions(text, tokens, taken):
                taken[m.start : m.end] = b"\x01" * (m.end - m.start)
                chosen.append(m)
            # these three mark what they take, so that each sees the names the one before found
            chosen += self.list_mentions(text, tokens, taken, chosen)
            chosen += self.announcer_mentions(text, tokens, taken)
            chosen += self.described_mentions(text, tokens, taken)
        chosen.extend(self.model_mentions(text, taken, words))
        # 证券时报e公司讯, 新浪科技讯北京…: a source (opening the sentence, whatever follows its 讯)
        chosen = [m for m in chosen if not (_DATELINE_AFTER.match(text, m.end) or (m.start == 0 and text.startswith(("讯", "訊"), m.end)))]
        chosen.sort(key=lambda m: m.start)
        return _drop_descriptors(text, chosen)

    def _name_groups(self, text: str, words: Words | None) -> list[list[Mention]]:
        """The named mentions of each source, most trusted source first (aliases not yet included)."""
        return [
            self.catalog_mentions(text),
            self.quoted_mentions(text),
            self.suffix_mentions(text, words),
            self.code_mentions(text, words),
            self.short_mentions(text, words),
            self.st_mentions(text, words),
            self.latin_mentions(text),
            self.person_mentions(text),
        ]

    def slot_mentions(self, text: str, tokens: list[tuple[int, int]], taken: bytearray) -> list[Mention]:
        """Unknown names in the subject and object slots of a strong deal verb.

        "维维股份以3亿元收购了双沟酒业40%的股份": the words right before the verb
        (past adverbs and the amount) and right after it (up to 的/所持/股权/%) are
        taken as names when no other source found one there, and only when the
        verb's clause names no organisation on that side (the rules reach it).
        Also the one paid after 向 (向B增资) and the buyer after 转让给 (转让给B).
        """
        words = [text[a:b] for a, b in tokens]
        breaks = [m.start() for m in _BREAK_CHARS.finditer(text)]
        sold_to_ends = {m.end() for m in _SOLD_TO.finditer(text)}
        found = []
        for i, w in enumerate(words):
            if _PAID_AFTER.fullmatch(w):
                found += self._paid_slot(text, words, tokens, i, taken, _TO_PREPOSITIONS)
            elif _BOUGHT_AFTER.fullmatch(w):
                found += self._paid_slot(text, words, tokens, i, taken, _FROM_PREPOSITIONS)
            if tokens[i][1] in sold_to_ends and i + 1 < len(words):
                found += self._buyer_slot(text, words, tokens, i, taken, breaks)
            if not STRONG_VERB.fullmatch(w):
                continue
            verb_start, verb_end = tokens[i]
            if text[verb_start - 1 : verb_start] in _OPENING_QUOTES and text[verb_end : verb_end + 1] in _CLOSING_QUOTES:
                continue  # “增持”评级: a quoted term, no verb
            if any(taken[verb_start:verb_end]) or _SUFFIX.match(text, verb_end):
                continue  # 控股 in 湖南有色控股 or 首钢控股有限公司 is part of a name, not a verb
            clause_start = max((b + 1 for b in breaks if b < verb_start), default=0)
            clause_end = min((b for b in breaks if b >= verb_end), default=len(text))
            dash = _DASH.match(text, clause_end)
            if dash is not None and dash.end() < len(text) and taken[dash.end()]:
                clause_end = dash.end() + 1  # 收购中东地区最大的电商平台——Souq.com: the dash sets off the name
            by = next((j for j in range(i - 1, -1, -1) if words[j] == "被" and tokens[j][0] >= clause_start), None)
            # (X被Y以3.2亿元收购: the one who buys stands between 被 and the verb, whoever the clause names before)
            agent_start = clause_start if by is None else tokens[by][1]
            subject = None if any(taken[agent_start:verb_start]) else _name_tokens(words, tokens, i, -1, taken)
            obj = None if any(taken[verb_end:clause_end]) else _name_tokens(words, tokens, i, +1, taken)
            # 易账通被港股上市公司明源智云收购: the one bought stands before 被
            patient = None if by is None or any(taken[clause_start : tokens[by][0]]) else _name_tokens(words, tokens, by, -1, taken)
            for span in (subject, obj, patient):
                if span is not None and not any(taken[span[0] : span[1]]):
                    found += self._slot_name(text, span)
        return found

    def _slot_name(self, text: str, span: tuple[int, int]) -> list[Mention]:
        """The slot's words as a name, unless pkuseg glued a comma into them (发行,三) or they are a pinyin gloss (领投 lǐngtóu).

        A country or its firm word before it (日商|東京精機, 日本|东京精机) only says where the firm is from."""
        start = _past_country(text, span[0], span[1], 3)
        # 记账SaaS服务|商易|账通 (pkuseg cut across the trade): the trade only describes the name after it
        start = max([start, *(m.end() for m in _DESCRIPTION_INSIDE.finditer(text, start, span[1] - 2))])
        span = (start, span[1])
        name = text[span[0] : span[1]]
        if _BREAK_CHARS.search(name) or _PINYIN_TONE.search(name) or _counts(text, span[0]):
            return []  # (將兩艘老舊船舶出售予B: what is sold, counted)
        return [Mention(span[0], span[1], name, self.resolve(name), "slot")]

    def _paid_slot(
        self, text: str, words: list[str], tokens: list[tuple[int, int]], verb: int, taken: bytearray, prepositions: frozenset[str]
    ) -> list[Mention]:
        """The unknown name between 向/对 and a verb of paying in (一汽轿车拟向摩拜出行增资), or between 向
        and a verb of buying (向中电兴发采购): the one paid, also when the clause names the payer before it."""
        span = _name_tokens(words, tokens, verb, -1, taken)
        if span is None or any(taken[span[0] : span[1]]):
            return []
        if words[verb - 1] == "能" and tokens[verb - 1][0] == span[1]:
            span = (span[0], tokens[verb - 1][1])  # 向泰|陽光|能|採購: no modal verb stands there; 光能 ends the name
        before = next((j for j, (a, b) in enumerate(tokens) if b == span[0]), None)
        while before and words[before] in _SUBSIDIARY_WORDS:  # 向控股子公司B增资
            before -= 1
        glued = max(text.rfind("廠", span[0], span[1] - 2), text.rfind("厂", span[0], span[1] - 2))
        if before is not None and words[before] not in prepositions and glued > span[0]:
            # 向國內|模組|廠泰|陽光|能採購: a trade glued to the name, with more of its description before
            to = next((j for j in range(before - 1, max(-1, before - 3), -1) if words[j] in prepositions), None)
            if to is not None and not any(taken[tokens[to][1] : span[0]]):
                before, span = to, (glued + 1, span[1])
        if before is None or words[before] not in prepositions or _DESCRIPTION_END.search(text, span[0], span[1]):
            return []  # 向服务器厂商采购: a kind of seller, not one named
        inside = [j for j, (a, b) in enumerate(tokens) if span[0] <= a and b <= span[1]]
        described = [j for j in inside[:-1] if _describes(words[j])]
        if described:  # 向散熱廠|奇宏|熱傳採購: the trade only describes the name after it
            span = (tokens[described[-1] + 1][0], span[1])
        return self._slot_name(text, span)

    def _buyer_slot(
        self, text: str, words: list[str], tokens: list[tuple[int, int]], verb: int, taken: bytearray, breaks: list[int]
    ) -> list[Mention]:
        """The unknown name after 转让给/出售予 (将所持股权转让给赣商联合): the buyer, when its clause names nobody after the verb."""
        clause_end = min((b for b in breaks if b >= tokens[verb][1]), default=len(text))
        span = None if any(taken[tokens[verb][1] : clause_end]) else _name_tokens(words, tokens, verb, +1, taken)
        return [] if span is None else self._slot_name(text, span)

    def list_mentions(self, text: str, tokens: list[tuple[int, int]], taken: bytearray, named: list[Mention]) -> list[Mention]:
        """Unknown names listed beside a known one (元禾原点、苏高新创投跟投 ; 投资方为元禾原点和…有限公司).

        The words between the list word (、 和 及 与) and the list's other end (a clause
        break, 由/为/包括…, or 等/跟投… after it) name an organisation when no word there
        is a function, deal or reporting word.
        """
        words = [text[a:b] for a, b in tokens]
        index = {a: i for i, (a, _) in enumerate(tokens)}
        ends = {b: i for i, (_, b) in enumerate(tokens)}
        found: list[Mention] = []
        for m in chain(named, found):  # a listed name has mates too (A、B及C基金: C finds B, B finds A)
            if m.source not in _LISTED_BESIDE or m.start not in index or m.end not in ends:
                continue
            i, j = index[m.start], ends[m.end]
            i = _before_holder_words(words, i)  # …、老股东M: the holder words describe M
            if i >= 2 and words[i - 1] in _LIST_WORDS:  # mate before: …、M (or A同日与M: A)
                before = i - 2
                while before > 0 and words[i - 1] in ("与", "與") and words[before] in _MATE_ADVERBS:
                    before -= 1
                span = _list_mate(words, tokens, before, -1, taken)
            elif j + 2 < len(words) and words[j + 1] in _LIST_WORDS:  # mate after: M、… (M、老股东…)
                span = _list_mate(words, tokens, _past_holder_words(words, j + 2), +1, taken)
            else:
                continue
            if span is not None:
                found.append(self._claim(text, span, taken, "listed"))
        return found

    def described_mentions(self, text: str, tokens: list[tuple[int, int]], taken: bytearray) -> list[Mention]:
        """The unknown name a description introduces (车规级芯片企业芯衡未来已完成…, AI初创公司深度矩阵（DeepMatrix）):
        the name words after 企业 / 初创公司 / 药企…, up to a verb, an adverb or a break."""
        words = [text[a:b] for a, b in tokens]
        found = []
        for i, w in enumerate(words[:-1]):
            holder = w in ("股东", "股東") and i > 0 and words[i - 1] in _FORMER  # 老股东奇绩创坛继续加注
            # 電動車廠, 運動品牌, 上市|公司: too common to introduce a name unless news follows
            weak = ((words[i - 1] if i else "") + w).endswith(_WEAK_INTRODUCERS)
            if not (_INTRODUCER.search(w) or weak or holder) or any(taken[tokens[i][0] : tokens[i][1]]):
                continue
            if i > 0 and w != _UNIT_OF and any(taken[tokens[i - 1][0] : tokens[i - 1][1]]):
                continue  # 惠普企业: the word ends a name, it describes none (新希望集团旗下: a group names its unit)
            span = _introduced(text, words, tokens, i, taken)
            if span is not None and text.startswith(_CONTRACT_WORDS, span[1]):
                continue  # 企業購售電合約: the kind of contract, not a name
            # (a unit may also act at once: 新希望集团旗下草根知本以约1亿元收购…)
            if span is not None and (_INTRODUCER.search(w) or holder or _news_follows(words, span[2]) or (w == _UNIT_OF and words[span[2]] == "以")):
                found.append(self._claim(text, span[:2], taken, "described"))
        return found

    def _join_branches(self, text: str, catalog: list[Mention], suffixed: list[Mention]) -> tuple[list[Mention], list[Mention]]:
        """A branch named after its registered company (中国工商银行股份有限公司江门分行) is one mention of that company:
        the branch lends the company's money, and the record keeps the branch's name as the mention."""
        joined = {}
        for head in catalog + suffixed:
            office = _BRANCH_OFFICE.match(text, head.end)  # 国网四川省电力公司|物资分公司, 中国石化|上海分公司
            if head.text.endswith(_LEGAL_FORMS + ("银行", "銀行")) or office is not None:  # 国家开发银行广西壮族自治区分行
                branch = next((m for m in suffixed if m.start == head.end and m.text.endswith(_BRANCHES)), None)
                bare = (_PLACE_BRANCH.match(text, head.end) or office) if branch is None else None  # 星展銀行有限公司|香港分行
                if branch is not None or bare is not None:
                    end = branch.end if branch is not None else bare.end()
                    joined[id(head)] = Mention(head.start, end, text[head.start : end], head.entity, head.source)
                    if branch is not None:
                        joined[id(branch)] = joined[id(head)]
        if not joined:
            return catalog, suffixed
        whole = list({id(m): m for m in joined.values()}.values())
        return [m for m in catalog if id(m) not in joined] + whole, [m for m in suffixed if id(m) not in joined]

    def _undescribe(self, text: str, tokens: list[tuple[int, int]], suffixed: list[Mention], named: list[Mention]) -> list[Mention]:
        """Suffix names, each replaced by the name it only describes, if any (see ``_company_described``)."""
        if not any(m.text.endswith("公司") or text.startswith(_DESCRIPTION_ENDS, m.end) for m in suffixed):
            return suffixed
        taken = bytearray(len(text) + 1)
        for m in named:
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
        words = [text[a:b] for a, b in tokens]
        ends = {b: i for i, (_, b) in enumerate(tokens)}
        return [
            m if any(taken[m.start : m.end]) else self._company_described(text, tokens, words, ends, m, taken) or m
            for m in suffixed
        ]

    def _company_described(
        self, text: str, tokens: list[tuple[int, int]], words: list[str], ends: dict[int, int], m: Mention, taken: bytearray
    ) -> Mention | None:
        """The name a suffix name ending in a bare 公司, or followed by 企业, only describes (具身智能公司北辰智能宣布…,
        大模型公司深度万象正在…, 合成生物企业微衍合成获得…): name words right after it, then an announcing,
        completing or signing word. ``ends``: word index by end."""
        if m.text.endswith("公司") and not m.text.endswith(_LEGAL_FORMS):
            end = m.end
        elif text.startswith(_DESCRIPTION_ENDS, m.end):
            end = m.end + 2
        else:
            return None
        if end not in ends:
            return None
        span = _introduced(text, words, tokens, ends[end], taken)
        if span is None or not _news_follows(words, span[2]):
            return None
        name = text[span[0] : span[1]]
        if len(name) < 3 or _NOT_PERSON_OR_THING.search(name):
            return None
        return Mention(span[0], span[1], name, self.resolve(name), "described")

    def announcer_mentions(self, text: str, tokens: list[tuple[int, int]], taken: bytearray) -> list[Mention]:
        """The unknown name that opens a clause and announces (北方智控公告, 华设智能晚间公告) or says it raised a round
        (蓝海智能完成A轮融资)."""
        words = [text[a:b] for a, b in tokens]
        found = []
        for i, w in enumerate(words):
            if w not in _ANNOUNCE_WORDS and not _ROUND_RAISED.match(text, tokens[i][0]):
                continue
            j = i - 1
            while j >= 0 and _ANNOUNCE_SKIP.match(words[j]):
                j -= 1
            span = _list_mate(words, tokens, j, -1, taken, frozenset())
            if span is not None:
                span = (_past_weak_description(text, span[0], span[1], dict(tokens)), span[1])
            # (董事會 acts for the company; 不过|公告同时披露: a function word announces nothing)
            if span is not None and text[span[0] : span[1]] not in TOPIC_WORDS and not _function_word(text[span[0] : span[1]]):
                found.append(self._claim(text, span, taken, "announcer"))
        return found

    def _claim(self, text: str, span: tuple[int, int], taken: bytearray, source: str) -> Mention:
        """A mention of ``text[start:end]``, marked taken so that later sources skip it."""
        start, end = span
        taken[start:end] = b"\x01" * (end - start)
        name = text[start:end]
        return Mention(start, end, name, self.resolve(name), source)

    def person_mentions(self, text: str) -> list[Mention]:
        """Natural persons the text marks as such (see ``_TITLED_PERSON``); the catalog's persons are catalog names."""
        found: list[Mention] = []
        if not _PERSON_CUE.search(text):
            return found
        for m in _TITLED_PERSON.finditer(text):
            group = 1 if m.group(1) else 2
            start, end = m.span(group)
            while True:
                end = _with_zhi(text, start, end)
                name = text[start:end]
                if not any(f.start < end and start < f.end for f in found):  # 自然人张三、李四先生: 李四 once
                    found.append(Mention(start, end, name, replace(self.resolve(name), kind="person"), "person"))
                listed = _LISTED_PERSON.match(text, end)
                if listed is None:
                    break
                start, end = listed.span(1)
        for m in list(found):  # 实际控制人张建华与B签署…，张建华拟将…: the same person named bare later
            at = text.find(m.text, m.end)
            while at >= 0:
                if not any(f.start < at + len(m.text) and at < f.end for f in found):
                    found.append(Mention(at, at + len(m.text), m.text, m.entity, "person"))
                at = text.find(m.text, at + len(m.text))
        return sorted(found, key=lambda m: m.start)

    def named_mentions(self, text: str, aliases: dict[str, Entity | Mention] | Iterable[str] = ()) -> list[Mention]:
        """The mentions that need no segmentation: catalog, quoted and Latin names, and uses of defined aliases.

        ``aliases`` are the short names defined earlier in the document (with what they name,
        or only the names); those defined in ``text`` itself are added.
        """
        known = dict(aliases) if isinstance(aliases, dict) else dict.fromkeys(aliases)
        for d in alias_definitions(text):
            known.setdefault(d.alias, None)
        known = {name: self.resolve(name) if named is None else named for name, named in known.items()}
        return (
            self.catalog_mentions(text) + self.quoted_mentions(text) + self.latin_mentions(text)
            + self.alias_mentions(text, known) + self.person_mentions(text)
        )

    def count_candidates(self, text: str, named: list[Mention] | None = None, enough: int | None = None) -> int:
        """An upper bound on the distinct organisations ``find`` can name in ``text``.

        Used by the cheap pre-filter, so it must never be lower than what the
        full pipeline finds: catalog entities (distinct ids), quoted and Latin
        names and alias uses, company-suffix words outside those, industry
        words with a possible brand before them, ST prefixes, and two slots
        per strong verb, and the learned tagger's names. References are not counted: they only repeat a name
        already there. ``named`` is ``named_mentions(text)`` when the caller
        has it already (with the document's aliases). With ``enough``, counting
        stops once it reaches that many (the pre-filter only asks whether).
        """
        named = self.named_mentions(text) if named is None else named
        n = len({m.entity.id for m in named if m.source == "catalog"}) + sum(1 for m in named if m.source != "catalog")
        catalog = [m for m in named if m.source == "catalog"]
        counts = (  # the cheap ones first
            # slots: subject, object and the one before 被 of each strong verb
            lambda: (3 if "被" in text else 2) * len(STRONG_VERB.findall(text)) + len(_PAID_SLOT_STARTS.findall(text)) + len(_SOLD_TO.findall(text)),
            lambda: len(_named_ends(text)) + len(_introducer_ends(text)) + len(_ST_PREFIX.findall(text)),
            lambda: self._free_suffix_runs(text, named),
            lambda: len(_short_name_industry_starts(text, catalog)),
            lambda: len(_list_words(text, named)) + len(_announcer_ends(text, named)),
            lambda: len(self.model_spans(text)),
        )
        for count in counts:
            if enough is not None and n >= enough:
                break
            n += count()
        return n

    @staticmethod
    def _free_suffix_runs(text: str, named: list[Mention]) -> int:
        """Company words outside the known names that a name may precede."""
        taken = bytearray(len(text) + 1)
        for m in named:
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
        return sum(1 for start, end in _suffix_runs(text) if not any(taken[start:end]) and _name_may_precede(text, start))

    def rough_signature(self, text: str, named: list[Mention] | None = None) -> str:
        """``text`` with a placeholder (U+E000) in or right after every span ``find`` could name.

        Catalog names, which ``find`` always keeps, are blanked out (their
        words are hidden in the real signature too); nothing else is removed,
        so the words a rule needs are all still there. The relaxed rules
        allow any characters around a slot, so a placeholder anywhere in a
        name's span stands for it. A placeholder follows every catalog,
        quoted and Latin name, alias use, reference, possible end of an ST
        name, learned name, and each strong deal verb with words after it
        (its object slot); it precedes every company word with two name characters
        before it and every industry word with a possible brand (inside the
        name, so that 控股 or 投资 cannot be both the name's end and a
        trigger before it). A subject slot may start anywhere before its
        verb, so a sentence with a strong verb also gets one at its start.
        Cheap: no segmentation.
        """
        named = self.named_mentions(text) if named is None else named
        catalog = [m for m in named if m.source == "catalog"]
        chars = list(text)
        for m in named:  # a name is one placeholder in the real signature: no clause break inside
            chars[m.start : m.end] = _BREAK_CHARS.sub("_", text[m.start : m.end])
        for start, end in _suffix_runs(text):  # nor inside a company word (（集团）有限公司)
            chars[start:end] = _BREAK_CHARS.sub("_", "".join(chars[start:end]))
        for m in catalog:
            chars[m.start : m.end] = ["_"] * (m.end - m.start)
        for d in alias_definitions(text):  # left out of the real signature
            chars[d.start : d.end] = ["_"] * (d.end - d.start)
        for c in [*STOCK_CODE.finditer(text), *ASIDE.finditer(text), *STAKE_NOTE.finditer(text)]:  # no clause break in the
            chars[c.start()] = chars[c.end() - 1] = " "  # real signature after a name (鼎捷智控（300996）以…), nor at an aside (（含稅）)
        for c in THOUSANDS.finditer(text):  # nor in a number (7,000车位)
            chars[c.start()] = " "
        for m in named:  # nor around a name glossing the one before it (Amazon Web Services（AWS）: one party there)
            if text[m.start - 1 : m.start] in ("（", "(") and text[m.end : m.end + 1] in ("）", ")"):
                chars[m.start - 1] = chars[m.end] = " "
        original, text = text, "".join(chars)
        ends = {m.end for m in named + self.reference_mentions(text)}
        spans = self.model_spans(original)
        if spans:  # a learned span that runs into a deal word (华晶微代|工) ends before it, as ``find`` cuts it
            words = [(w.start(), w.end()) for w in _deal_words().finditer(t2s(original))]
            ends |= {next((a for a, b in words if a < end < b), end) for _, end in spans}
        # inside suffix and short names, before their company or industry word: that word
        # (控股, 投资) is hidden in the real signature and must not serve as a trigger before it
        ends |= {start for start, _ in _suffix_runs(text) if _name_may_precede(text, start)}
        ends |= set(_short_name_industry_starts(original, catalog))
        ends |= set(_named_ends(original))
        ends |= {at for span in _list_words(original, named) for at in span}  # a listed name on either side
        ends |= set(_announcer_ends(original, named))  # an announcer before 公告
        ends |= set(_introducer_ends(original))  # a name a description introduces
        ends |= {end for m in _ST_PREFIX.finditer(original) for end in _st_name_ends(original, m.end())}
        ends |= _short_form_ends(original)  # a company named in full, then without its company words
        verbs = [m.end() for m in STRONG_VERB.finditer(text)]
        ends |= {end for end in verbs if _WORD_CHAR.search(text, end)}  # only punctuation after it: no object
        if verbs:
            ends.add(0)
            # the one bought before 被 (…，易账通被明源智云收购) starts its clause, the buyer follows 被
            for by in re.finditer("被", text):
                ends |= {max((b.end() for b in _BREAK_CHARS.finditer(text, 0, by.start())), default=0), by.end()}
        ends |= {m.end() for m in _PAID_SLOT_STARTS.finditer(original)}  # the one paid after 向 (向B增资)
        ends |= {m.end() for m in _SOLD_TO.finditer(original)}  # the buyer after 转让给
        out, at = [], 0
        for end in sorted(ends):
            out.append(text[at:end])
            out.append("\ue000")
            at = end
        out.append(text[at:])
        return "".join(out)

    # -- helpers ----------------------------------------------------------
    def resolve(self, name: str) -> Entity:
        """The catalog entity ``name`` names, or a new one for it."""
        return self.catalog.lookup(name) or self.catalog.new_entity(name)

    def _in_catalog_word(self, text: str, i: int, token_starts: set[int] | None) -> bool:
        """Whether ``text[i]`` lies inside a segmenter word that is a catalog name (华为|云 in 华为云|计算技术有限公司):
        a function character there (为) is the name's own."""
        if token_starts is None or not _FUNCTION_CHAR.match(text[i]):
            return False
        start, end = _word_around(text, i, token_starts)
        return end - start >= 2 and self.catalog.lookup(text[start:end]) is not None

    def _suffix_name_start(
        self, text: str, suffix_start: int, token_starts: set[int] | None, reach: int = 12, keep_end: bool = False
    ) -> int | None:
        """Where the name in front of a suffix word begins, or None when there is none.

        ``reach`` bounds its length; registered names (…有限公司) reach further. With ``keep_end`` the text
        says the name ends at ``suffix_start`` (its English name follows), so a deal word may end it (港灣信貸).
        """
        left = suffix_start
        limit = max(0, suffix_start - reach)
        while left > limit and (
            _name_char_at(text, left - 1) or _glued_and(text, left - 1, token_starts) or self._in_catalog_word(text, left - 1, token_starts)
        ):
            left -= 1
        if left == suffix_start:
            return None
        if token_starts is not None:
            if suffix_start - 1 in token_starts and text[suffix_start - 1] in _DETERMINERS:
                return None  # 構成|本|公司, 與|該|集團: the company the text is about, no name
            # grow token by token from the suffix leftwards, stopping at function words
            starts = sorted(s for s in token_starts if left <= s < suffix_start)
            best, inner, right = None, True, ""
            for s in reversed(starts):
                next_start = min((t for t in token_starts if t > s), default=suffix_start)
                word = text[s:next_start]
                inner = inner and word in _INNER_WORDS
                # 杭州市创新投资引导基金, 长沙市城市建设投资开发集团: 投资 before a name word is no verb
                in_name = word in _INNER_WORDS and right in _NAME_AFTER_INVEST
                in_name = in_name or (len(word) == 1 and _function_char_in_name(text, s))  # 嘉|和|醫藥, 上海|和|元智造
                in_name = in_name or (word == "期" and text[s - 1 : s] in "一二三四五六七八九十")  # 璞源|三|期|股权投资合伙企业
                # 成渝市|第一|人民|医院, 第二|中学: a hospital's or school's number
                in_name = in_name or (_ORDINAL.fullmatch(word) is not None and text.startswith(_NUMBERED_INSTITUTIONS, suffix_start))
                in_name = in_name or (word in _FUND_CURRENCIES and text.startswith("基金", suffix_start))  # 启源成长三期|人民币|基金
                in_name = in_name or _registered_trade(text, s, next_start, suffix_start)  # 上海翼联|支付|服务有限公司
                # 熊猫|企业|管理|合伙企业: the name's trade; 达晨创通股权投资|企业|（有限合伙）: a partnership's own word
                trade = word in ("企业", "企業") and (right in ("管理", "咨询", "諮詢") or (not right and text.startswith((*_LIMITED_PARTNERSHIP, "有限", "股份有限"), suffix_start)))
                owned = word in ("企业", "企業") and text[s - 2 : s] in ("国有", "國有")  # 中国国有企业混合所有制改革基金
                if (
                    (_stops_name(word) and not inner and not in_name and not (keep_end and not right))
                    or (best is not None and suffix_start - best >= 2 and _function_word(word))  # 当时|神火股份, not 贵阳特殊|钢公司
                    or (_DATELINE.search(word) and (word != "日" or _DAY_AFTER.search(text, 0, s)))  # (業者|日|耀綠能: a name's 日)
                    or (_describes(word) and not trade and not owned) or (word in _STARTUP and right)  # 初創|栢晞|生物醫藥, not 初创|公司
                    or (word in _NEW_STARTUP and right and right[0] not in "业業投" and right not in _INNER_WORDS)  # AI新創|沛|思科
                    or (word.endswith(("办公室", "辦公室")) and right)  # 家族辦公室|恒禧資本 (曜晟家族辦公室 is a name)
                ):
                    break
                if s + 1 < suffix_start and _glued_describer(text, s, word, token_starts):
                    best = s + 1  # 電池材料|商大|韓新素材株式會社, 車用電子大|廠東|和電裝: the describer's last character
                    break
                if word in ("系", "係") and _ENDS_IN_NAME_WORD.search(text, 0, s):
                    break  # 弘源基金|系|弘源资本: X is (part of) Y, two names
                if word in ("项目", "項目") and right:
                    break  # 风电项目|风力发电…: a project, then its kind (项目公司 is a project's company)
                if keep_end and right and word in _FIRM_KINDS:
                    break  # 私人信貸基金|港灣|信貸（Harbourview…）: a kind of firm, then the name
                if word in ("基金", "公司") and text.endswith(("旗下", "旗下的"), 0, s):  # 国投创业旗下|基金|国投先导基金
                    break
                # 光學元件廠|晶采|光電: a trade describes it (in 招商|永隆|銀行, 招商 is the name's own word)
                if right and word[-1] in _TRADE_ENDS and word not in _LEFT_WORD_SET and word != "招商":
                    break
                right = word
                best = s
                if suffix_start - s >= reach - 2:
                    break
            if best is None or (keep_end and _stops_name(text[best:suffix_start])):
                return None  # (a deal word alone, 工業 of 信越化學工業, is still no name)
            left = best
        else:
            left = max(left, suffix_start - 4)
        left = max((m.end() for m in _NOT_IN_NAME.finditer(text, left, suffix_start)), default=left)  # 继入/主星湖/科技
        # 竞/得/海南…集团; not a deal word across two words (建信|金融|资产|投资有限公司 holds no 融资)
        left = max(
            (
                m.end() for m in _deal_words().finditer(text, left, suffix_start)
                # (not one inside a longer word: 闪驹|供应链|管理有限公司)
                if (token_starts is None or (m.start() in token_starts and (m.end() in token_starts or m.end() == suffix_start)))
                and not (keep_end and m.end() == suffix_start and m.start() > left)
                and not (m.start() - left >= 2 and _registered_trade(text, m.start(), m.end(), suffix_start))
            ),
            default=left,
        )
        # 创新药|企康联…有限公司: a description pkuseg cut into the name
        # (searched in the whole text, so that 企业 sees the 管理 after it)
        inside = (m.end() for m in _DESCRIPTION_INSIDE.finditer(text, left) if m.end() <= suffix_start - 2)
        left = max(inside, default=left)
        if text[left : left + 1].isascii() and text[left : left + 1].isalnum():
            latin = _LATIN_WORDS_BEFORE.search(text, 0, left)  # EQT VIII基金: the Latin name's earlier words too
            left = latin.start() if latin else left
        left = _past_country(text, left, suffix_start, 2)
        if text[left : left + 1] == "方" and text.endswith(_ROLE_STEMS, 0, left):
            left += 1  # 投资|方澜湾|资本: pkuseg glued the role's 方 (投资方) to the name
        prefix = text[left:suffix_start]
        if (
            re.search(r"(?:[一两兩二三四五六七八九十几幾数數多][家間间个個]|某)$", text[max(0, left - 2) : left]) or _COUNTED_INSIDE.search(prefix)
            or _counts(text, left)
        ):
            return None  # 一家…企业, 国内某头部…汽车, 另有多家公募基金, 约60|个国家骨干冷链物流 describe, they do not name
        own = _FUND_CURRENCY.sub("", prefix) if text.startswith("基金", suffix_start) else prefix
        if _GENERIC.match(prefix) or prefix in _KINDS_ALONE or len(own) < 2 or _AMOUNTISH.search(own):
            return None  # (启源成长三期|人民币|基金: a fund's currency is no amount)
        if prefix in _COUNTRIES and text.startswith("基金", suffix_start):
            return None  # 獲新加坡基金注資: a country's fund, no name
        return left


_ORDINAL = re.compile("第[一二三四五六七八九十]{1,3}")
_NUMBERED_INSTITUTIONS = ("医院", "醫院", "中学", "中學", "小学", "小學", "学院", "學院", "研究所", "研究院", "设计院", "設計院", "工程局")
def _registered_trade(text: str, start: int, end: int, suffix_start: int) -> bool:
    """Whether the deal word at ``text[start:end]`` is a trade of a registered name: only trades and its legal form follow
    (上海翼联|支付|服务有限公司, 华影国际|发行|有限公司), so it pays nobody."""
    return text.startswith(_LEGAL_FORMS, suffix_start) and _REGISTERED_TRADES.fullmatch(text, end, suffix_start) is not None


_ROLE_STEMS = ("投资", "投資", "出资", "出資", "融资", "融資", "收购", "收購", "受让", "受讓", "转让", "轉讓", "合作", "委托", "委託")
_COUNTED_INSIDE = re.compile("某|[两兩二三四五六七八九十多几幾数數][家座幢栋棟艘辆輛架套]|多只|多隻|数只|數隻|几只|幾隻")  # (一家 may open a name's own words: 一家亲)
_KINDS_ALONE = frozenset(("国际", "國際", "中资", "中資"))  # 本地及國際銀行: a kind of bank (中国国际X公司 is a name)
_LATIN_WORDS_BEFORE = re.compile(r"(?<![A-Za-z0-9.&\-])(?:[A-Z][A-Za-z0-9.&\-]* )+$")
# trades that describe the company named right after them (本地發展商嘉德置業, 供应商X)
_TRADE_WORDS = "运营方|運營方|營運方|运营主体|運營主體|營運主體|供应商|供應商|服务商|服務商|运营商|營運商|开发商|開發商|发展商|發展商|研发商|研發商|制造商|製造商"
_DESCRIPTION_INSIDE = re.compile(
    "药企|藥企|车企|車企|房企|(?:企业|企業)(?!管理|咨询|諮詢)|厂商|廠商|厂|廠|候选人|候選人|"  # 熊猫企业管理合伙企业: a registered name's trade
    f"集成商|{_TRADE_WORDS}|经销商|經銷商|代理商|零售商|设备商|設備商|"
    "非关系人|非關係人|非关联方|非關聯方|"
    "(?:虚拟|虛擬|数字|數字|民营|民營|外资|外資)(?:银行|銀行)|球会|球會|"  # 虛擬銀行匯星銀行, 港超球會晨曦足球會: a kind, then the name
    "(?:美元|人民币|人民幣|欧元|歐元|日元|港元)基金|"  # 中国美元基金源码资本: a fund's kind
    "(?<=配售)代理"  # 配售|代理|中泰國際融資有限公司: the placing agent's role
)
_DESCRIPTION_END = re.compile(f"(?:{_DESCRIPTION_INSIDE.pattern})$")
# a company's country, written before its name (日商|東京精機株式會社, 美商|…)
_FOREIGN_FIRM = ("日商", "美商", "韓商", "韩商", "德商", "法商", "英商", "港商", "台商", "陸商", "陆商", "外商")


def _past_country(text: str, start: int, end: int, shortest: int) -> int:
    """Where the name in text[start:end] begins past a foreign firm word or country before it, when
    at least ``shortest`` characters of its own follow; a country stays when what follows is a trade
    or a kind (法国|电力集团, 美国|国际集团, 美国|银行): then it is part of the name."""
    if text.startswith(_FOREIGN_FIRM, start):
        return start + 2 if end - start - 2 >= shortest else start
    if not text.startswith(FOREIGN_COUNTRIES, start):
        return start
    rest = start + len(next(c for c in FOREIGN_COUNTRIES if text.startswith(c, start)))
    brand = text[rest:end]
    if len(brand) < shortest or not _HAN.fullmatch(brand[:2]) or _is_common_brand(brand[:2]) or brand in _KINDS_ALONE:
        return start
    return rest


_NAME_AFTER_INVEST = frozenset(
    "引导 引導 产业 產業 发展 發展 开发 開發 管理 控股 集团 集團 基金 咨询 諮詢 担保 擔保 建设 建設 经营 經營 运营 運營 "
    "促进 促進 服务 服務 合伙 合夥 有限公司 股份 企业 企業 委员会 委員會".split()  # 股权投资|企业|（有限合伙）
)
_REGISTERED = re.compile(r"有限(?:责任|責任)?公司|有限合伙|有限合夥|合伙企业|合夥企業|株式会社|株式會社")
_PARTNERSHIP = re.compile(r"有限合伙|有限合夥|合伙企业|合夥企業|基金")
_FUND_NAME_END = re.compile(r"(?:投资|投資|产业|產業|引导|引導|母)基金")  # a fund's full name (上海国投先导人工智能产业母基金)


def _outranks(o: Mention, m: Mention) -> bool:
    """Whether suffix name ``o`` beats the overlapping ``m``: longer from the same start, or registered."""
    if o.start == m.start:
        return o.end > m.end
    overlap = o.start < m.end and m.start < o.end
    return overlap and bool(_REGISTERED.search(o.text)) and not _REGISTERED.search(m.text)


# Words that describe the name after them (散热模组厂|双泽科技, 光伏电池企业|江西晶泰…有限公司, 认购方|盛源资本).
_DESCRIBER_ENDS = (
    "厂商", "廠商", "企业", "企業", "公司", "业者", "業者", "龙头", "龍頭", "巨头", "巨頭", "运营商", "營運商", "供应商", "供應商",
    "服务商", "服務商", "制造商", "製造商", "开发商", "開發商", "大厂", "大廠", "厂", "廠",
)
_DESCRIBER_WORDS = frozenset(
    "商 方 同业 同業 平台 机构 機構 第三方 独立第三方 獨立第三方 关联方 關聯方 交易对方 交易對方 "
    "认购方 認購方 收购方 收購方 卖方 賣方 买方 買方 运营方 運營方 營運方 运营主体 運營主體 營運主體 球队 球隊".split()
)


_STARTUP = frozenset(("初创", "初創"))  # a startup: it describes the name after it
_NEW_STARTUP = frozenset(("新创", "新創"))  # so does 新創, unless a name's own 新创业 / 新创投 (苏州高|新创|业)


def _glued_describer(text: str, s: int, word: str, token_starts: set[int]) -> bool:
    """Whether the segmenter glued a describer's last character (材料商, 大廠) onto the name's first (商大|韓)."""
    if len(word) < 2 or word[0] not in "商厂廠":
        return False
    before = max((t for t in token_starts if t < s), default=None)
    prev = text[before:s] if before is not None else ""
    if word in _WORDS_OF_TRADE or not prev or prev in _REGISTERED_PLACES or _PLACE_START.fullmatch(prev):
        return False  # 银泰|商业, 上海|商发|航空: the name's own words
    return "\u4e00" <= prev[-1] <= "\u9fff" and not _stops_name(prev) and _describes(prev + word[0])


# words that start with 商 / 厂 on their own (not a describer's last character glued to a name)
_WORDS_OF_TRADE = frozenset(
    "商业 商業 商务 商務 商贸 商貿 商城 商场 商場 商品 商会 商會 商行 商厦 商廈 商超 商用 商标 商標 商户 商戶 商圈 商铺 商鋪 商家 "
    "商汤 商湯 商船 商学 商學 商界 商机 商機 商谈 商談 商讨 商討 商定 商议 商議 商店 商号 商號 商人 商银 商銀 商投 商储 商儲 "
    "厂房 廠房 厂商 廠商 厂区 廠區 厂长 廠長 厂家 廠家 厂务 廠務".split()
)


def _describes(word: str) -> bool:
    return (
        word in _DESCRIBER_WORDS
        or (word.endswith(_DESCRIBER_ENDS) and word not in _INNER_WORDS)
        or (len(word) >= 3 and word.endswith("商"))  # 零售商, 设备商
        or (len(word) == 2 and word.endswith("企"))  # 药企, 车企, 房企
    )


# What may follow a catalog name in its full registered name (长江存储|科技有限责任公司, 华为云|计算技术有限公司).
_LEGAL_TAIL = re.compile(
    r"(?:计算|計算)?(?:科技|技術|技术|集团|集團|控股|国际|國際|中国|中國|保险|保險|企业|企業)?(?:股份)?(?:有限(?:责任|責任)?公司|公司|集团|集團|股份有限公司|株式会社|株式會社)"
)


_LEGAL_FORM_AFTER = re.compile(
    r"(?:股份)?有限(?:责任|責任)?公司|(?<=[A-Za-z]) (?:AG|SE|plc|PLC|Inc\.?|Ltd\.?|LLC|Corp\.?|N\.V\.|S\.A\.)(?![A-Za-z])"
    r"|(?<=Fund) (?:[2-9]|II|III|IV)(?![0-9A-Za-z])"  # a numbered fund (SoftBank Vision Fund 2)
)
# the investment arm a catalog company's name begins, among backers (腾讯投资在内, 百度风投、…, 腾讯投资也参与了本轮融资)
_ARM_AFTER = re.compile(
    r"(?:投资|投資|资本|資本|创投|創投|风投|風投)"
    r"(?=、|在内|在內|等|领投|領投|跟投|参投|參投|也|亦|则|則|同样|同樣|参与|參與|继续|繼續|加注|追投)"
    r"|(?:创投|創投|风投|風投)(?=[，,。；;和及与與]|$)"  # nouns: 投资方为美团龙珠和联想创投。
)
_TO = frozenset("向对對为為给給")


# a catalog company's unit named in a list of backers (投资方为美团龙珠和联想创投, 上汽恒旭、临港科创投跟投)
_LIST_BEFORE = re.compile(r"(?:^|[、，,和及与與]|为|為|包括|由)" + f"(?:{ANY_COUNTRY})?$")  # 、日本|豐田|通商
_LIST_AFTER = re.compile(r"[、和及与與等]|跟投|领投|領投|参投|參投|独家|獨家")
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
_DETERMINERS = frozenset("本该該其此我贵貴")  # 本公司, 该集团, 贵公司: a word of their own before a company word
_MANAGEMENT_UNIT = re.compile("(?:资产|資產|投资|投資|财富|財富|基金|资本|資本)管理")


def _with_unit(text: str, m: Mention, words: Words | None) -> Mention:
    """``m`` with the one word after it that names its unit, when ``m`` stands in a list of backers."""
    end = words.by_start.get(m.end) if words is not None and m.source == "catalog" else None
    if end is not None and not _LIST_AFTER.match(text, end):  # 瑞銀|資產|管理、: a unit named in two words
        end = words.by_start.get(end) if end - m.end == 2 else None
        if end is not None and not _MANAGEMENT_UNIT.fullmatch(text, m.end, end):
            end = None
    if end is None or not _LIST_BEFORE.search(text, 0, m.start) or not _LIST_AFTER.match(text, end):
        return m
    word = text[m.end : end]
    if not (2 <= len(word) <= 3 or _MANAGEMENT_UNIT.fullmatch(word)) or not _HAN_WORD.fullmatch(word) or any(
        test(word) for test in (_stops_name, _not_name_word, _describes, _GENERIC.match, _SLOT_STOP.match, _SLOT_SKIP.fullmatch)
    ):
        return m  # 由汇丰银行牵头、…: a verb, not a unit; 经纬创投|继续|跟投: an adverb
    return Mention(m.start, end, text[m.start : end], m.entity, m.source)


# a lone character opening a clause, not a function word (已和, 并和, 其为): the function character after it is
# inside the name (嘉|和|醫藥, 诺为|康生物)
_LONE_OPENER = re.compile(
    r"(?:^|[，,；;：:！？!?。（）()—…\s】]|旗下)(?![已将將并並也还還又再都就才曾正亦均皆共则則而但其该該此这這])[\u4e00-\u9fff]$"
)
_NAME_FUNCTION_CHARS = ("和", "为", "為", "之")
# a place (and at most one character of the name) opening a clause or after 的: 上海|和元智造, 苏州元|和生物医药
_PLACE_OPENER = re.compile(
    r"(?:^|[，,；;：:！？!?。（）()—…\s】的]|出资|出資|认缴|認繳|投资|投資|收购|收購|入股|增资|增資|参股|參股|受让|受讓|购买|購買"
    r"|平台|股东|股東|机构|機構|向)"  # or after a deal verb or a describing word (员工持股平台天津和鼎…, 向上海方舟之翼…)
    r"(?:" + "|".join(_REGISTERED_PLACES) + ")[\u4e00-\u9fff]{0,2}$"
)


def _inside(m: Mention, outer: Mention) -> bool:
    """Whether ``m`` lies within ``outer`` and is shorter."""
    return outer.start <= m.start and m.end <= outer.end and m.end - m.start < outer.end - outer.start


def _with_legal_form(text: str, m: Mention) -> Mention:
    """A catalog name followed by its legal form (国家集成电路产业投资基金二期|股份有限公司, UBS| AG) or naming
    its investment arm in a list of backers (腾讯|投资在内的…) is mentioned in full (the same organisation)."""
    after = _LEGAL_FORM_AFTER.match(text, m.end)
    if after is None and text[max(0, m.start - 1) : m.start] not in _TO:  # 向OpenAI投资: 投资 is the verb
        after = _ARM_AFTER.match(text, m.end)
    if after is None:
        return m
    return Mention(m.start, after.end(), text[m.start : after.end()], m.entity, m.source)


# Company words that end the name of a branch, unit or fund of a catalog organisation (中国银行卢森堡分行).
_BRANCHES = ("分行", "支行", "分公司")
_BRANCH_ENDS = ("公司", "会社", "會社", "集团", "集團", "分行", "支行", "基金", "银行", "銀行", "证券", "證券", "资本", "資本", "创投", "創投", "期")


def _extend_catalog_names(catalog: list[Mention], longer: list[Mention]) -> list[Mention]:
    """Catalog hits that are only part of a longer quoted, company-word or Latin name give way to it.

    长江存储科技有限责任公司 is the catalog's 长江存储 under its full name: the
    mention grows, the entity stays. 中国银行卢森堡分行, 「智元星辰」 or TSMC Arizona name
    another organisation than 中国银行, 智元 or TSMC: the longer name is kept as found
    (the catalog holds the longer Latin forms of the same company: Microsoft Azure, Nvidia Corp).
    """
    out, replaced = [], set()
    for m in longer:
        inside = [c for c in catalog if _inside(c, m)]
        if not inside or any(id(c) in replaced for c in inside):
            continue
        if len(inside) > 1:
            continue  # 华润燃气华润集团: two names run together, not one longer name
        first = inside[0]
        if first.start == m.start and _LEGAL_TAIL.fullmatch(m.text[first.end - m.start :]):
            out.append(Mention(m.start, m.end, m.text, first.entity, "catalog"))
        elif m.source in ("quoted", "latin") or (first.start == m.start and m.text.endswith(_BRANCH_ENDS)):
            out.append(m)
        elif m.source == "suffix" and _REGISTERED.search(m.text) and m.text.startswith(_REGISTERED_PLACES) and first.start - m.start <= 10:
            # 深圳市腾讯计算机系统有限公司: the company's registered name, place first; 宁波梅山保税港区鼎晖华泰股权
            # 投资合伙企业（有限合伙）: a fund its manager's brand names, a party of its own
            out.append(m if _PARTNERSHIP.search(m.text) else Mention(m.start, m.end, m.text, first.entity, "catalog"))
        elif m.source == "suffix" and _REGISTERED.search(m.text) and first.start > m.start:
            out.append(m)  # 滨江融创置业集团有限公司: a registered name with words of its own before the catalog's, another company
        else:
            continue  # 工商银行一举实现控股: the company word is a verb here
        replaced.update(id(c) for c in inside)
    out += [c for c in catalog if id(c) not in replaced]
    return sorted(out, key=lambda m: m.start)


_WORD_CHAR = re.compile(r"\w")
# Numbers, dates and datelines end a name growing leftwards (去年5月/新湖/集团, 5月8日/讯/嘉寓/股份).
_DATELINE = re.compile(r"[0-9０-９<>]|^(?:年|月|日|讯|訊|日讯|日訊|报讯|報訊|网讯|網訊)$|季度$|^[上下]半年$")  # (一季度|公司拿下: a quarter)
_CONTRACT_WORDS = ("合约", "合約", "合同", "协议", "協議")
_FIRM_KINDS = frozenset(("基金", "公司", "集团", "集團", "机构", "機構", "银行", "銀行"))
_PORTION_END = re.compile("(?:全部|部分|剩余|剩餘|所有|全數|全数|已发行|已發行)$")
_DAY_AFTER = re.compile(r"[0-9０-９一二三四五六七八九十〇廿卅）)]$")  # 15日, 今(15)日: the 日 of a date
_DATELINE_WORD = re.compile(r"^(?:[日报報网網社电電])?(?:讯|訊)$")
_SOURCE_DATELINE = re.compile(r"(?:网|網|社|报|報|日|电|電)(?:讯|訊)")


def _name_may_precede(text: str, at: int) -> bool:
    """Whether a name could end at ``at``: a suffix name needs two name characters before its company word."""
    return at >= 2 and _name_char_at(text, at - 1) and _name_char_at(text, at - 2)


def _name_char_at(text: str, i: int) -> bool:
    """Whether ``text[i]`` may be part of a name: a name character, or one inside a place name (成都)."""
    return (
        bool(_NAME_CHARS.match(text[i]))
        or (i > 0 and text[i - 1 : i + 1] in _CITIES_WITH_FUNCTION_CHARS)
        or text[i : i + 2] in _CITIES_WITH_FUNCTION_CHARS  # 之江
        or _function_char_in_name(text, i)
    )


_KIND_AFTER = re.compile("[类類级級型]|系列|架构|架構|工艺|工藝|制程|製程")  # right after a Latin product name


def _function_char_in_name(text: str, i: int) -> bool:
    """和 / 为 / 之 at ``i`` inside a name: after a lone character opening the clause (嘉和醫藥, 诺为康生物),
    after a place that opens it (上海和元智造, 苏州元和生物, 上海颜之初: a place alone lists no party), or 和 after 及 / 、
    or opening the text."""
    if text[i] not in _NAME_FUNCTION_CHARS:
        return False
    if text[i] == "和" and (text[i - 1 : i] in ("及", "、") or i == 0 or not text[i - 1].isalnum()):
        return True  # 青岚资本及和曦资本: no list joins twice; 医疗服务｜和睿医疗: nothing before it to join
    return (_LONE_OPENER.search(text, 0, i) or _PLACE_OPENER.search(text, 0, i)) is not None


def _glued_and(text: str, i: int, token_starts: set[int] | None) -> bool:
    """和 at ``i`` that the segmenter glued into a word of a name (三和|创业投资, 君和), not a list's 和 on its own."""
    if token_starts is None or text[i] != "和" or (i in token_starts and i + 1 in token_starts):
        return False
    start, end = _word_around(text, i, token_starts)
    return end - start <= 3 and not _stops_name(text[start:end]) and not _function_word(text[start:end])


def _word_around(text: str, i: int, token_starts: set[int]) -> tuple[int, int]:
    """Where the segmenter word holding ``text[i]`` starts and ends."""
    return max((s for s in token_starts if s <= i), default=0), min((s for s in token_starts if s > i), default=len(text))


def _suffix_matches(text: str, words: Words | None):
    """Company-word runs that start a segmenter word or end one (资管 in 投资/管理 is no company word).

    The second case keeps names pkuseg cut badly: 昊/华能源, 新/亚药业. A run
    followed by 业 or 界 names an industry (纺织业, 银行界), not a company.
    """
    at = 0
    while (m := _SUFFIX.search(text, at)) is not None:
        first_end = _ONE_SUFFIX.match(text, m.start()).end()
        word_start = words.by_end.get(first_end, words.by_end.get(m.end(), m.end())) if words is not None else 0
        end = m.end()
        if words is not None and text.endswith(_CONTROL, m.start(), end) and (
            text[end : end + 1] in _NOUN_AFTER_CONTROL or end - m.start() > len(_CONTROL)
            or _CONTROLLED_NAME.match(text, end) is not None  # 創辦人家族控股的弘仁投資股份有限公司: whom it controls
        ):
            end -= len(_CONTROL)  # 合众新能源汽车股份有限公司|控股权, 国家电网公司|控股英大证券: 控股 is no company word there
        if end - m.start() > 2 and text.startswith(("资本金", "資本金"), end - 2):
            end -= 2  # 南岭期货有限公司|资本金: the capital paid in, no company word
        if end <= m.start() or text.startswith(_NEWS_WIRE, end) or (
            words is not None and (
                text[end : end + 1] in _INDUSTRY_NOUN_END or text.startswith(_DESCRIPTION_ENDS + _PARTS_AND_TRADES, end)
                or _SECTOR_STOCK.match(text, end) is not None  # 港股物流|股|順達物流…: a sector's stocks describe the name after
            )
            and not text.endswith(_LEGAL_FORMS, m.start(), end)  # (…有限公司|供应商地址：: a registered name ends there whatever follows)
        ):
            at = m.start() + 1
        elif words is None or m.start() in words.by_start or word_start < m.start():
            yield m.start(), end
            at = end
        else:
            at = m.start() + 1


_PLACE_BEFORE = re.compile(f"[（(](?:{'|'.join(_REGISTERED_PLACES)})[）)]$")
_SECTOR_STOCK = re.compile("股(?![份权權东東票价價本市民指])[\u4e00-\u9fff]")
_NEWS_WIRE = ("网讯", "網訊")  # 中国证券网讯, 证券时报网讯: a news source's dateline, no company
_NEWS_DATELINE = re.compile("(?:财经|財經|科技|网|網)?(?:讯|訊)")
_INDUSTRY_NOUN_END = ("业", "業", "界", "债", "債")  # 纺织业, 银行界, 可转换公司债 (and 医疗科技企业: a kind of firm)
_CONTROL, _NOUN_AFTER_CONTROL = "控股", ("权", "權", "股", "子")  # 控股权, 控股股东, 控股子公司
_CONTROLLED_NAME = re.compile("的(?![^，,。；;]{0,6}?(?:子公司|附属|附屬|旗下|全资|全資|孙公司|孫公司))[^，,。；;：:（）()]{2,16}?有限(?:责任|責任)?公司")
_FUND_PHASE = re.compile(f"[一二三四五六]期|[（(](?:{'|'.join(_REGIONS)}|国际|國際)[)）]")
# another group company's trade right after a catalog name (三星|重工, 中信|证券): that company's own name
_SISTER_TRADE = re.compile(
    "重工|重機|重机|人寿|人壽|财险|財險|产险|產險|证券|證券|银行|銀行|物产|物產|商事|置地|期货|期貨|租赁|租賃|造船|船舶"
)
# a catalog name's own group or technology word (小米集团, 和碩聯合科技) before no more of a registered name (华晨科技控股
# 有限公司 is another company's) and no sector after it (科技股, 科技园); not 控股 (中石油控股B is a verb)
_CATALOG_TAIL = re.compile("(?:科技|技术|技術|集团|集團|理事会|理事會)(?![股园園城圈界板]|控股|有限|公司)")


# -- the segmenter's words, and the shape rules for short, ST and defined names --
@dataclass(frozen=True)
class Words:
    """A sentence's segmenter words, looked up by where they start and where they end."""

    by_start: dict[int, int]  # start -> end
    by_end: dict[int, int]  # end -> start


def _words(tokens: list[tuple[int, int]] | None) -> Words | None:
    if tokens is None:
        return None
    return Words({a: b for a, b in tokens}, {b: a for a, b in tokens})


_LEFT_WORD_SET = set(_LEFT_WORDS)


_TRADE_ENDS = "厂廠商"
_BEGINS_AFTER = _TRADE_ENDS + "股"  # 電表廠|東翔電機, 物流股|順嘉國際: a trade or a sector's stocks describe the name after them
_COUNTRIES = frozenset(
    "越南 泰国 泰國 印尼 日本 韩国 韓國 美国 美國 德国 德國 英国 英國 法国 法國 瑞士 瑞典 荷兰 荷蘭 意大利 義大利 "
    "加拿大 澳洲 印度 新加坡 欧洲 歐洲 美系 日系 韩系 韓系 德系 台系 陆系 陸系".split()
)


def _name_may_begin(text: str, start: int, words: Words | None) -> bool:
    """A name can start here: sentence start, after punctuation, or after a word like 与, 向, 收购.

    With ``words`` the word before must be a whole segmenter word; without,
    any text ending in such a word will do (the pre-filter's looser test).
    """
    if start == 0 or not text[start - 1].isalnum():
        return True
    if words is None:
        return bool(_LEFT_WORD_END.search(text, max(0, start - 4), start)) or text[start - 1] in _BEGINS_AFTER
    before = words.by_end.get(start)
    return before is not None and (text[before:start] in _LEFT_WORD_SET or (start - before >= 2 and text[start - 1] in _BEGINS_AFTER))


def _brand_ok(text: str, start: int, word_start: int, word_end: int, words: Words | None) -> bool:
    """Whether text[start:word_start] can be the brand of a short name ending in the industry word."""
    brand = text[start:word_start]
    if start < 0 or not 2 <= len(brand) <= 3 or not _HAN.fullmatch(brand):
        return False
    if not all(_NAME_CHARS.match(c) for c in brand) or _is_common_brand(brand) or brand in _COUNTRIES or _counts(text, start):
        return False  # 德国精密轴承制造商: a country's trade, not a brand; 兩|艘舊|船舶: things counted
    if _INDUSTRY_CONTINUES.match(text, word_end):
        return False  # 风电项目, 文化产业: the industry word describes a noun
    if words is not None and any(_is_common_brand(text[a : words.by_start[a]]) for a in words.by_start if start <= a < word_start):
        return False
    return _name_may_begin(text, start, words)


def _is_common_brand(word: str) -> bool:
    """Ordinary words that precede industry words (海上风电, 城市建设, 国际文化) and name nobody."""
    return (
        word in _COMMON_BEFORE_INDUSTRY or word in _STOP_TOKENS or bool(_GENERIC.match(word)) or bool(_REFERENCE.match(word))
        or _not_name_word(word)
        or bool(_INDUSTRY.fullmatch(word)) or bool(_SUFFIX.fullmatch(word))
    )


def _short_name_start(text: str, word_start: int, word_end: int, words: Words | None) -> int | None:
    """Where the brand before an industry word starts (the longer brand first), or None.

    With ``words`` the industry word must be one whole segmenter word and
    the brand one or two whole words.
    """
    starts = (word_start - 3, word_start - 2)
    if words is not None:
        if words.by_start.get(word_start) != word_end:
            return None
        starts = tuple(s for s in starts if s in words.by_start)
    return next((s for s in starts if _brand_ok(text, s, word_start, word_end, words)), None)


def _short_name_industry_starts(text: str, catalog: list[Mention] = ()) -> list[int]:
    """Starts of industry words with a possible brand before them (the pre-filter's superset).

    A short name touching a ``catalog`` mention is never kept (catalog names
    win overlaps), so none can end there.
    """
    taken = bytearray(len(text) + 1)
    for m in catalog:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    return [
        m.start()
        for m in _INDUSTRY.finditer(text)
        if not any(taken[max(0, m.start() - 2) : m.end()]) and _short_name_start(text, m.start(), m.end(), None) is not None
    ]


def _st_name_ends(text: str, at: int) -> list[int]:
    """Every place an ST name whose Han part starts at ``at`` may end (two to four characters, A/B share letter),
    not past the start of a deal word (S*ST鑫安|注入: the name ends before 注入, in the pipeline and the pre-filter)."""
    ends = []
    deal_starts = [w.start() for w in _deal_words().finditer(t2s(text[at : at + 6]))]
    for n in (2, 3, 4):
        part = text[at : at + n]
        if len(part) < n or not _HAN.fullmatch(part) or not all(_NAME_CHARS.match(c) for c in part):
            break
        if any(0 < d < n for d in deal_starts):
            break
        ends.append(at + n)
        if _SHARE_LETTER.match(text, at + n):
            ends.append(at + n + 1)
    return ends


def _st_name_end(text: str, at: int, words: Words | None) -> int | None:
    """Where an ST name ends: the shortest Han part ending on a word boundary, plus its A/B share letter."""
    ends = [e for e in _st_name_ends(text, at) if not _SHARE_LETTER.match(text, e - 1)]
    if not ends:
        return None
    end = next((e for e in ends if words is not None and e in words.by_end), ends[0])
    return end + 1 if _SHARE_LETTER.match(text, end) else end


@dataclass(frozen=True)
class AliasDefinition:
    """``alias`` defined as a short name in text[start:end] ((下称“上海鸿仪”))."""

    alias: str
    start: int
    end: int
    english: bool = False  # only with a name right before: an English name (戴姆勒卡车股份公司（Daimler Truck AG）) or a bare quoted term
    after: bool = False  # the name follows instead (買方廣州南沙港城發展有限公司, 賣方（本公司之附屬公司順誠投資有限公司）)


_DATELINE_AFTER = re.compile(r"[讯訊](?:[，,：:\s]|$)")
# a company or industry word right at the end: a suffix or short name may end there
_ENDS_IN_NAME_WORD = re.compile(f"(?:{_ONE_SUFFIX.pattern}|{_INDUSTRY.pattern})$")
_ACRONYM = re.compile(r"[A-Z0-9&.\-]{1,6}")
# a stock code in brackets (300996, 6781, HK:0700)
STOCK_CODE = re.compile(r"[（(]\s*(?:[A-Z]{2,4}[:：]?\s*)?[0-9]{4,6}(?:\.[A-Za-z]{2})?\s*[)）]")
# a thousands separator (4艘7,000车位): no clause break
THOUSANDS = re.compile(r"(?<=[0-9])[,，](?=[0-9]{3}(?![0-9]))")
# a bracketed aside inside a clause: a Latin gloss (分歧管（manifold）), what a price includes (（含稅）),
# a Taiwan date (今（15）日); it does not end the clause
# how much of a company the announcer holds, told in brackets after its name (瑞邦储能（公司持股40%）): left out whole
STAKE_NOTE = re.compile(r"[（(](?:公司|本公司)?持股(?:比例)?[0-9.]+[%％][)）]")
ASIDE = re.compile(
    r"[（(](?:[A-Za-z][A-Za-z0-9 .&'’/+\-]{0,40}|含[\u4e00-\u9fff、]{1,8}|[0-9]{1,2}(?=[)）]日)"
    r"|[一二三四五六七八九十0-9]{1,3}(?:期|标段|標段|标包|標包)"  # a project's phase (平台（二期）建设项目)
    r"|(?:占|佔)[^（）()，,。；;]{0,8}?[0-9.]+%)[)）]"  # the share of the total a stake is (股份（占总股本29.9%）)
)


_LATIN_BEFORE = re.compile(r"[A-Za-z][A-Za-z0-9.&\-]*\s*$")


@functools.lru_cache(maxsize=1024)  # the finder, the pre-filter's count and its rough signature all ask
def _named_ends(text: str) -> tuple[int, ...]:
    """Where a stock code or a short-name definition says a name ends."""
    ends = {m.start() for m in STOCK_CODE.finditer(text)}
    # (not before an acronym: 首席执行官（CEO）, 人工智能（AI）)
    ends |= {len(text[: d.start].rstrip()) for d in alias_definitions(text) if not (d.english and _ACRONYM.fullmatch(d.alias))}
    return tuple(sorted(end for end in ends if end > 0))


def glossed_ends(text: str) -> frozenset[int]:
    """Where a name ends that its English name of several words glosses (港灣信貸（Harbourview Credit Partners）)."""
    return frozenset(len(text[: d.start].rstrip()) for d in alias_definitions(text) if d.english and " " in d.alias)


_TWO_LATIN_WORDS = re.compile(r"[A-Z][A-Za-z0-9À-ÖØ-öø-ÿ.\-&]* (?:& )?[A-Z]")
_LATIN_GOES_ON = re.compile(r"[A-Za-z0-9À-ÖØ-öø-ÿ]| [A-Z]")
_LATIN_BEFORE_USE = re.compile(r"(?:[A-Za-z0-9À-ÖØ-öø-ÿ]|[A-Z][A-Za-z]* )$")


def _alias_uses(text: str, alias: str) -> list[tuple[int, int]]:
    found, at = [], text.find(alias)
    while at >= 0:
        found.append((at, at + len(alias)))
        at = text.find(alias, at + len(alias))
    return found


# 港交所披露易数据显示, 路透社报道: a source of the news, not its subject
_LEARNED_FROM = re.compile(r"(?:从|從)(?:上市公司|挂牌公司|掛牌公司)?$")
_SOURCE = re.compile(r"[^，,。；;]{0,6}?(?:显示|顯示|获悉|獲悉|报道|報導|報道|消息|讯|訊|援引|公告[|｜])")  # 香港交易所公告｜
_SHOWS = re.compile("(?:显示|顯示)[，,:：]")  # 工商信息显示，: a record the news cites


def may_announce(text: str) -> bool:
    """Whether ``text`` has a word a company announces with (公告, 宣布, 披露…)."""
    return _ANNOUNCE_WORD.search(text) is not None or "获悉" in text or "獲悉" in text  # 记者从X获悉: X's news


def is_source(text: str, m: Mention) -> bool:
    """Whether ``m`` only says where the news comes from (港交所披露易数据显示)."""
    return _SOURCE.match(text, m.end) is not None


def topic_words_in(text: str) -> bool:
    """Whether ``text`` uses 公司 / 本公司 for a company it is about."""
    return _TOPIC_USE.search(text) is not None


def _word_runs_past(text: str, start: int, end: int) -> bool:
    """Whether a company word begins inside ``text[start:end]`` (not at its start) and ends after it, splitting a word
    (鈦|思科|技; not 国家集成电路产业投资|基金|二期, whose 基金 is a word of its own)."""
    if end >= len(text) or not _HAN.match(text, end):  # cheap: most hits end before punctuation or Latin
        return False
    return any(
        _SUFFIX_FIRST.match(text, i) and (m := _ONE_SUFFIX.match(text, i)) is not None and m.end() > end
        and not _ONE_SUFFIX.fullmatch(text, i, end)
        for i in range(start + 1, end)
    )


@functools.lru_cache(maxsize=1024)  # asked for by every name source, the pre-filter and the signature
def alias_definitions(text: str) -> tuple[AliasDefinition, ...]:
    """The short names ``text`` defines: （下称“X”）, (以下简称X), （简称：X）, ，以下简称“X”，."""
    found = [
        AliasDefinition(alias, m.start(), m.end()) for m in _ALIAS_DEF.finditer(text) for alias in m.group("alias", "alias2") if alias
    ]
    if "(" in text or "（" in text:
        # 资本开支(CapEx), 过度建设(AI): jargon glossed in English defines no name
        found += [
            AliasDefinition(m.group("alias"), m.start(), m.end(), True)
            for m in _ENGLISH_ALIAS.finditer(text)
            if m.group("alias").lower() not in _LATIN_STOP and not _ONE_SUFFIX.match(text, m.end())  # 鴻基資本（BVI）有限公司
        ]
        found += [AliasDefinition(m.group("alias") or m.group("role"), m.start(), m.end(), True) for m in _TERM_DEF.finditer(text)]
        found += [  # 中國銀行（香港）: a place in brackets is part of the name
            AliasDefinition(m.group("alias"), m.start(), m.end(), True)
            for m in _BARE_DEF.finditer(text)
            if m.group("alias") not in _REGISTERED_PLACES
        ]
        found += [  # 國家發展基金（國發基金）: a fund's abbreviation, its characters taken from the name before it
            AliasDefinition(m.group("alias"), m.start(), m.end(), True)
            for m in _FUND_BARE_DEF.finditer(text)
            if sum(ch not in text[max(0, m.start() - 16) : m.start()] for ch in m.group("alias")) <= 1
        ]
        found += [  # 台灣國際造船（台船）: an abbreviation, its characters in order from the name right before it
            AliasDefinition(m.group("alias"), m.start(), m.end(), True)
            for m in _ABBREVIATION_DEF.finditer(text)
            if _abbreviates(m.group("alias"), text[max(0, m.start() - 12) : m.start()]) and not any(d.start == m.start() for d in found)
            and m.group("alias") not in _REGISTERED_PLACES and not _ONE_SUFFIX.match(text, m.end())  # not 海韻能源（深圳）有限公司
        ]
    if "方" in text:
        found += [AliasDefinition(m.group("alias"), m.start(), m.end(), True, True) for m in _ROLE_APPOSITION.finditer(text)]
    return tuple(found)


def _defined_start(text: str, start: int, end: int) -> int:
    """Where a name ending at ``end`` starts when the short name defined right after it begins with the
    characters just before ``start`` (记者黄可泰|和|人寿保险股份有限公司（以下简称“泰和人寿”）: 泰和 is the name's
    start, whatever the segmenter glued it to), or after a byline the segmenter glued onto it (記者王磊宏远人寿…
    （以下简称“宏远人寿”）); else ``start``."""
    if "称" not in text and "稱" not in text and "「" not in text:
        return start
    for d in alias_definitions(text):
        if d.start != end:
            continue
        inside = text.find(d.alias, start + 1, end)
        if inside > start and _DESCRIBES_NEXT.search(text, start, inside):
            return inside  # 物流商|速匯通物流集團有限公司（「速匯通」）: a description the segmenter glued on
        if d.english:
            continue
        if d.alias[0] not in text[start:end]:
            k = d.alias.find(text[start], 1)
            if 0 < k <= 3 and text[start - k : start] == d.alias[:k]:
                return start - k
        at = text.find(d.alias[:2], start, end)
        if at > start and _BYLINE.search(text, start, at):
            return at
    return start


_BYLINE = re.compile("记者|記者")
_KATAKANA_CHAR = re.compile("[\u30a1-\u30fa]")
# a Japanese firm's trade after its katakana name (ミナト商事, サクラ精工)
_JAPANESE_TRADE = "商事|商社|通商|物産|物产|產業|産業|产业|工業|工业|電機|电机|電工|电工|精工|重工|製作所|制作所|化學|化学|化成|製薬|制药|製藥|食品|電子|电子|興業|兴业|建設|建设|証券|證券|证券|銀行|银行|技研|貿易|贸易"
# (not the katakana inside a longer name: 札幌リゾート開発株式会社 is the company-word finder's)
_KATAKANA_NAME = re.compile(  # (TKロジ合同會社: a Latin initial and a 合同会社, a Japanese LLC)
    "(?:株式会社|株式會社|(?<![\u4e00-\u9fff\u30a1-\u30fcA-Za-z]))(?:[A-Z]{1,4})?[\u30a1-\u30fa][\u30a1-\u30fa\u30fb\u30fc]+(?<!\u30fb)"
    "(?:" + _JAPANESE_TRADE + ")?(?:株式会社|株式會社|合同会社|合同會社|(?![\u4e00-\u9fff]{1,6}(?:株式会社|株式會社|合同会社|合同會社)))"
)
# words that end a description of the name after them (港股電動車股|駿騰…, AI新創|語森…, 茶餐廳連鎖|金華…)
_DESCRIBES_NEXT = re.compile("(?:商|厂|廠|股|新创|新創|初创|初創|公司|企业|企業|业者|業者|连锁|連鎖|巨头|巨頭|龙头|龍頭|平台|品牌|之一|的)$")


_ABBREVIATION_DEF = re.compile(r"(?<=[\u4e00-\u9fff])[（(](?P<alias>[\u4e00-\u9fff]{2,4})[）)]")


def _abbreviates(alias: str, before: str) -> bool:
    """Whether ``alias`` is made of characters of ``before`` in their order, the first one not at its end (台船 of 台灣國際造船)."""
    at = before.find(alias[0])
    if at < 0 or at >= len(before) - len(alias):
        return False
    for ch in alias[1:]:
        at = before.find(ch, at + 1)
        if at < 0:
            return False
    return True


_ENGLISH_ALIAS = re.compile(  # not a place inside a Latin name: Image Frame Investment (HK) Limited
    r"[（(]\s*(?P<alias>[A-Z][A-Za-z0-9&.\-]*(?: [A-Za-z0-9&.\-]+){0,5})\s*[）)]"
    r"(?! (?:Limited|Ltd|Co|Company|Inc|Pte|LLC|L\.P|Holdings|Corp|Corporation|GmbH|AG|S\.A)(?![A-Za-z]))"
)
# a fund's short name in bare brackets right after its name (not its legal form: …基金（有限合伙）)
_FUND_BARE_DEF = re.compile(r"(?:(?<=基金)|(?<=基金管理会)|(?<=基金管理會))\s?[（(](?!有限合伙|有限合夥|普通合伙|普通合夥)(?P<alias>[\u4e00-\u9fff]{2,8})[）)]")
# a short name in bare brackets right after a registered name: …二期股份有限公司（大基金二期）
_BARE_DEF = re.compile(
    r"(?:(?<=公司)|(?<=集团)|(?<=集團)|(?<=合伙[）)])|(?<=合夥[）)])|(?<=银行)|(?<=銀行)|(?<=医院)|(?<=醫院)|(?<=大学)|(?<=大學)|(?<=局))\s?[（(](?!" + _ALIAS_KEYWORDS + r"|简称|簡稱|作為|作为)(?P<alias>[\u4e00-\u9fff]{2,8})[）)]"
)
# Hong Kong filings define a party's term in quotes alone: 天穎資本有限公司（「認購人」）, …（「本公司」）
# or by the role alone: …有限公司（作為買方）
_TERM_DEF = re.compile(
    r"[（(]\s*(?:[「“\"『](?P<alias>[^\s“”\"「」『』‘’（）()，,。；;：:、]{2,12})[」”\"』]|(?:作為|作为)(?P<role>買方|买方|賣方|卖方))\s*[）)]"
)
# a role the text gives to an unnamed subsidiary of the company the filing is by
_OWN_SUBSIDIARY = re.compile(r"[（(](?:本公司|公司)(?:之|的)(?:間接|间接|直接)?(?:全資|全资|非全資|非全资)?(?:附屬公司|附属公司|子公司)[）)]")
# a filing's role word right before the party it names (與買方廣州南沙港城發展有限公司, 賣方（本公司之全資附屬公司X）),
# not before what the party does (買方同意收購)
_ROLE_APPOSITION = re.compile(
    r"(?:^|(?<=[，,、：:；;])|(?<=與|与|及|和|而))(?P<alias>買方|买方|賣方|卖方)"
    r"(?=[（(]|[\u4e00-\u9fffA-Z])(?!同意|有條件|有条件|無條件|无条件|將|将|已|為|为|須|须|應|应|就|於|于|及|與|与|和|之|的|可|擬|拟|向|支付|承諾|承诺|訂立|订立|確認|确认|表示|同|並|并|會|会|亦|則|则|以)"
)


_BREAK_CHARS = re.compile(r"[，,；;：:！？!?。（）()—…]")  # the relation stage's clause breaks
DASHES = "——|—|--"  # a dash, however it is typed
_DASH = re.compile(DASHES)
_PINYIN_TONE = re.compile("[āǎēěīǐōǒūǔǖǘǚǜ]")  # tone marks only pinyin writes (not é, è of French names)
# a count of things, no name (收購一幢酒店物業, 將兩艘老舊船舶出售予B)
_COUNTED_THINGS = re.compile("[0-9０-９一两兩二三四五六七八九十百千数數几幾多]+[幢栋棟座间間处處家个個艘辆輛架套批件条條]")


def _counts(text: str, i: int) -> bool:
    """Whether a count of things starts at ``i``, or its classifier does (兩|艘舊船舶)."""
    return _COUNTED_THINGS.match(text, i) is not None or (i > 0 and _COUNTED_THINGS.match(text, i - 1, i + 1) is not None)
_UNNAMED = re.compile(r"^(?:一家|一間|一间|一个|一個|某|某家|多家|几家|幾家|数家|數家|多只|多隻|数只|數隻|几只|幾隻|其他|部分|多个|多個|若干)$")

STRONG_VERB = re.compile(
    r"收购|收購|并购|併購|入股|增持|参股|參股|注资|注資|举牌|舉牌|认购|認購|买下|買下|入主|接手|控股|受让|受讓|买入|買入|竞购|競購|接掌|揽下|攬下|"
    r"领投|領投|跟投|参投|參投|追加投资|追加投資|加码|加碼"
)
# verbs of selling; the one named after 给/予 (转让给B) buys
SELL_TO = "卖身|賣身|出售|转让|轉讓|出让|出讓|处分|處分|卖|賣|售"
_SOLD_TO = re.compile(f"(?:{SELL_TO})[”」’\"]?(?:给|給|予)")
# verbs of paying into the one named before them after 向/对/为 (向B增资, 对B进行注资, 为B增资)
_PAID_AFTER = re.compile("增资|增資|注资|注資|投资|投資|入股|出资|出資")
_TO_PREPOSITIONS = frozenset("向对對为為")
_SUBSIDIARY_WORDS = frozenset("全资 全資 控股 参股 參股 下属 下屬 子公司 孙公司 孫公司 全资子公司 全資子公司 控股子公司 附属公司 附屬公司".split())
# where such a name may start, for the pre-filter
# verbs of buying from the one named before them after 向 (向B采购): the seller, who is paid
_BOUGHT_AFTER = re.compile("采购|採購|购买|購買|订购|訂購|购置|購置|购入|購入")
_FROM_PREPOSITIONS = frozenset("向")
_PAID_SLOT_STARTS = re.compile(
    f"[向对對为為](?=[^，,。；;：:！？!?]{{2,40}}?(?:{_PAID_AFTER.pattern}))|向(?=[^，,。；;：:！？!?]{{2,40}}?(?:{_BOUGHT_AFTER.pattern}))"
)
# Words no name holds (罗牛山购得海胶集团, 收购传闻不予置评): reporting and rumour words here; the
# rules' deal words and the negation words come from relations. A name stops growing at one (the part
# after it may still be a name).
_REPORTING = re.compile(
    r"称|稱|声称|聲稱|表示|宣布|公告|披露|透露|获悉|獲悉|据悉|據悉|报道|報道|指出|证实|證實|回应|回應|"
    r"传闻|傳聞|传出|傳出|传言|傳言|据传|據傳|置评|置評|不予置评|不予置評|意味|意味着|意味著|消息"
)
_NOBODY = re.compile("第三方|买家|買家|买方|買方|员工|員工|职工|職工")  # 出售予独立第三方, 转让予员工: nobody named
# the same inside a badly cut word (继入/主星湖/科技): strong verbs and reporting words of two characters or more
_NOT_IN_NAME = re.compile(
    "|".join(
        sorted(
            {w for w in STRONG_VERB.pattern.split("|") + _REPORTING.pattern.split("|") if len(w) > 1 and not _ONE_SUFFIX.fullmatch(w)}
            | {"得标", "得標", "中标", "中標", "联同", "聯同", "连同", "連同"},  # 得|標臺|中榮民總醫院: the tender won, then whose
            key=len,
            reverse=True,
        )
    )
)


# a filing's phrase, not a name: 之配售價 (classical 的 before it), 不可撤回承諾, 認購價, 授出認股權證
_FILING_PHRASE = re.compile("^之|(?:承诺|承諾|价|價|权证|權證)$")
# an industry's prospects, not a party (增持系基于对光通信行业长期发展前景的看好)
_SECTOR_TALK = re.compile("行业|行業|前景")
# "一家东南亚电商物流企业", "多家银行": a count of companies, not a name.
_COUNT_OPENS = re.compile(r"[一两兩二三四五六七八九十几幾多数數某每各该該这這那此][家个個间間所名位]")
# Han names, and capital initials (FMG, VIZIO) that the Latin finder leaves to context.
_LEARNED_NAME = re.compile(r"[\u4e00-\u9fff]{2,20}|[A-Z]{2,8}")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")  # the tagger's script; a name may end where a run does


def _ends_in_deal_word(name: str) -> bool:
    from graphbuild.relations import DEAL_WORDS  # relations imports this module

    simple = t2s(name)
    return any(simple.endswith(word) for word in DEAL_WORDS if len(word) > 1)


@functools.cache
def _deal_words() -> re.Pattern:
    """The rules' deal words of two characters or more that are no company or industry word, as one pattern."""
    from graphbuild.relations import DEAL_WORDS  # relations imports this module

    words = {w for w in DEAL_WORDS if len(w) > 1 and not _ONE_SUFFIX.fullmatch(w) and not _INDUSTRY.fullmatch(w) and w not in _INNER_WORDS}
    return re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))


@functools.cache
def _not_name_word(word: str) -> bool:
    """A word no name holds: a deal word of the rules, a reporting, rumour or negation word, or a word with a
    strong verb or reporting word in it (收购%, 主星湖 after 继入).

    Words the finder takes as company or industry words (投资, 控股, 建设) are name words,
    and so is a single character (售, 花 may be what is left of a badly cut name).
    """
    from graphbuild.relations import DEAL_WORDS, NEGATION  # relations imports this module

    if _names_own_word(word):
        return False
    if _REPORTING.fullmatch(word) or _NOT_IN_NAME.search(word):
        return True
    simple = t2s(word)
    return len(word) > 1 and (simple in DEAL_WORDS or bool(NEGATION.fullmatch(simple)))


# content words among spaCy's Chinese stop words that a name may hold (深圳市重大产业投资集团, 一致药业, 广大证券)
_NAME_CONTENT_WORDS = frozenset(
    "重大 重要 巨大 广大 伟大 普通 特殊 良好 安全 积极 进步 现代 移动 人民 保险 中小 应用 丰富 一致 最高 第二 方便 集中 本地".split()
)


@functools.cache
def _function_words() -> frozenset[str]:
    """spaCy's Chinese stop words of two Han characters or more (再次, 后来, 有关, 加上, 可谓…), less the content
    words among them that a name may hold (``_NAME_CONTENT_WORDS``, and any a catalog name holds: 中国移动)."""
    from graphbuild.catalog import load_catalog

    forms = [form for form, _ in load_catalog().surface_forms()]
    words = (w for w in STOP_WORDS if len(w) > 1 and _HAN_WORD.fullmatch(w) and w not in _NAME_CONTENT_WORDS)
    return frozenset(w for w in words if not any(w in form for form in forms))


@functools.cache
def _function_word(word: str) -> bool:
    """A function word (``_function_words``) in either script: no part of a name, unless a company or industry word."""
    return not _names_own_word(word) and t2s(word) in _function_words()


def _names_own_word(word: str) -> bool:
    """A company or industry word (投资, 控股, 建设): a name's own, whatever else the word may be."""
    return bool(_ONE_SUFFIX.fullmatch(word) or _INDUSTRY.fullmatch(word)) or word in _INNER_WORDS


@functools.cache
def _stops_name(word: str) -> bool:
    """A word no name begins with, in either script, also behind a modal (拟购买, 擬購買)."""
    if word in _STOP_TOKENS or _not_name_word(word):
        return True
    simple = t2s(word)
    return simple in _STOP_TOKENS or (len(simple) > 2 and simple[0] in "拟将已欲" and simple[1:] in _STOP_TOKENS)


_SLOT_SKIP = re.compile(
    r"^(?:今年|去年|年初|年底|年中|日前|近日|昨日|今日|昨|今|昨天|今天|上周|本周|上月|本月|当天|當天|当日|當日|同日|同步|随后|隨後|随即|隨即|此后|此後|最终|最終|首度|"
    r"连续|連續|不断|不斷|陆续|陸續|再度|累计|累計|先后|先後|逐步|大幅|首次|再次|终于|終於|又|三天|两天|多次|超额|超額|联合|聯合|共同|持续|持續|"
    r"大手笔|大手筆|刚刚|剛剛|刚|剛|才|当年|當年|"
    r"[0-9<>/N]*[月日天次]|以约|以約|以近|以逾|约|約|近|逾|最多|最高|至少|超过|超過|共计|共計|可按|按|按照|依照|依|可以|可|能|能够|能夠|应|應|应该|應該|需要|希望|想要|愿意|願意|拟|擬|将|將|已|已经|已經|宣布|正式|成功|计划|計劃|有意|同意|决定|決定|全资|全資|斥资|斥資|出资|出資|以|再次|首次|"
    r"有条件|有條件|无条件|無條件|合共|也|还|還|又|曾|正在|因|进行|進行|追加|额外|額外|批量|集中|拟以|擬以|将以|將以|共|合计|合計|分别|分別|继续|繼續|进一步|進一步|大举|大舉|低价|低價|高价|高價|"
    r"了|现金|現金|要|要用|用|总价|總價|作价|作價|对价|對價|通过|通過|协议|協議|公开|公開|定向|要约|要約|溢价|溢價|间接|間接|直接|亦|均|或|或将|或將|有望|欲|想|准备|準備|打算|"
    r"[0-9０-９.,<>/N%％]+|[0-9.<>/N]*[多余餘]?[十百千万萬亿億]*[元美港欧歐日英]*[元币幣金镑鎊圆圓]?|亿元|億元|万元|萬元|美元|港元|人民币|人民幣|新台币|新台幣|台币|台幣|"
    r"的价格|的價格|价格|價格|每股|股|元|/)$"
)
_SLOT_STOP = re.compile(
    r"^(?:[\W_]+|[一二两兩三四五六七八九几幾半]成|战略合作|戰略合作|合作|全额|全額|足额|足額|倍数|倍數|须待|須待|需待|有待|尚待|仍待|体现|體現|反映|表明|彰显|彰顯|的|了|在|与|與|和|及|对|對|向|被|遭|遭到|遭遇|系|係|基于|基於|由|从|從|于|於|把|给|給|为|為|是|有|称|稱|表示|传|傳|据传|據傳|盛传|盛傳|余下|餘下|剩下|结果|結果|公告|公布|公佈|宣布|透露|报道|報道|消息|同等|相同|同样|同樣|后续|後續|"
    r"据|據|根据|根據|依据|依據|按|按照|授权|授權|一般授权|一般授權|特别授权|特別授權|配售价|配售價|认购价|認購價|发行价|發行價|全部|全數|全数|"
    r"所得款项|所得款項|所得|款项|款項|总额|總額|欲|(?:[A-Z]|流通|非流通|法人|国有|國有|限售|普通|优先|優先|原始|老|新|存量)股|名?承配人|因|较|較|进行|進行|正在|以后|以後|所有|成交|获批|獲批|核准|批准|同意|导致|導致|对于|對於|关于|關於|针对|針對|由于|由於|议案|議案|预案|預案|报告|報告|此前|日前|近日|目前|同时|同時|今日|昨日|今年|去年|明年|上周|本周|年|年内|年內|月|日|后|後|之后|之後|以来|以來|所持|持有|拥有|擁有|"
    r"所|实际|實際|控制人|实控人|實控人|股权|股權|股份|股票|部分|全部|核心|主要|优质|優質|主营|主營|不良|相关|相關|旗下|项目|項目|资产|資產|交易|事宜|方案|计划|計劃|一事|等|其|该|該|这|這|那|并|並|[一两兩三四五六七八九十数數][幢栋棟座块塊宗批处處间間层層]?|昨晚|今晚|今早|昨天|今天|触发|觸發|责任|責任|位于|位於|发售股份|發售股份|发售|發售|手中|手里|手裡|手上|全数|全數|发出|發出|对象|對象|子公司|孙公司|孫公司|母公司|代价|代價|价款|價款|价格|價格|金额|金額|总价|總價|以(?:个人|個人|自有|自身)|"
    r"这是|這是|那是|继|繼|最|价值|價值|筹划|籌劃|筹备|籌備|打算|准备|準備|酝酿|醞釀|考虑|考慮|谋求|謀求|洽谈|洽談|商谈|商談|磋商|份额|份額|占比|佔比|完成|数量|數量|重组|重組|存在|随着|隨著|跨界|预定|預定|政策|风险|風險|剩余|剩餘|其余|其餘|名称|名稱|"  # 收购完成后, 收购数量, 并购重组政策, 跨界并购存在…风险, 剩余股权: no party
    r"且|而|但|则|則|就|都|均|皆|亦|仍|也|曾|再|又|还|還|将|將|拟|擬|已|正|如果|若|如|不|未|没有|沒有|无|無|任何|无任何|無任何|公司|该公司|該公司|本公司|市场|市場|"
    r"这笔|這筆|该笔|該筆|此次|这次|這次|本次|今次|是次|相当于|相當於|买卖|買賣|该项|該項|此项|此項|上述|认为|認為|表示|指出|称|稱|透露|介绍|介紹|说|說|用于|用於|声称|聲稱|原来|原來|传出|傳出|如今|到|短期|内|內|方式|通过|通過|签署|簽署|方面|对此|對此|其中|"
    r"投资者|投資者|股东|股東|大股东|大股東|控股股东|控股股東|双方|雙方|对方|對方|政府|外资|外資|机构|機構|上市公司|记者|記者|"
    r"每股|以每股|新台币|新台幣|台币|台幣|金额|金額|总金额|總金額|上限|受任|受委任|委任|事项|事項|要约|要約|意向|意向书|意向書|整体|整體|还是|還是|"
    r"预计|預計|最高|最多|最低|至少|合共|合计|合計|共计|共計|有助|扩大|擴大|尚未|尚|确定|確定|条件|條件|订立|訂立|"
    r"[0-9０-９.,<>N%％]+|.*[<>].*|(?:[A-Za-z0-9+\-]+|天使|种子|種子)[轮輪]|.*分之.*)$"  # A轮: the round, not the name; 三分之二
)


# descriptions that introduce the name right after them (not a bare 公司: too common)
_INTRODUCER_WORDS = (
    "企业|企業|药企|藥企|车企|車企|初创公司|初創公司|创业公司|創業公司|新创公司|新創公司|新创|新創|初创|初創|独角兽|獨角獸|厂商|廠商|" + _TRADE_WORDS
)
_FORMER = frozenset(("老", "原", "现有", "現有"))  # 老股东 / 原股东 X: a round's earlier backer, by name
_FORMER_HOLDER = re.compile(f"(?:{'|'.join(_FORMER)})股[东東]")
_INTRODUCER = re.compile(f"(?:{_INTRODUCER_WORDS})$")  # a word that ends in one
_INTRODUCER_IN_TEXT = re.compile(_INTRODUCER_WORDS)
# what follows a described name, when the description ends in a bare 公司 or is a weak one (simplified)
_AFTER_INTRODUCED = frozenset("宣布 公告 公布 披露 完成 获得 获 正在 近日 日前 今日 昨日 今 昨 已 已经 已于 与 将 拟 再获 斩获 签署 签订 签下 拿下 达成 董事会 获悉".split())
_DESCRIPTION_ENDS = ("企业", "企業", "合作社")  # 合成生物|企业|微衍合成: the industry name before them only describes
# 德国汽车零部件供应商马勒: an industry word before parts or a trade describes, it ends no name
_PARTS_AND_TRADES = ("零部件", "零组件", "零組件", "供应商", "供應商", "制造商", "製造商", "行业", "行業", "大厂", "大廠", "厂商", "廠商")
_UNIT_OF = "旗下"  # a group's unit follows (新希望集团旗下草根知本以…收购)
# descriptions too common to introduce a name unless news follows
_WEAK_INTRODUCERS = ("厂", "廠", "品牌", "上市公司", "挂牌公司", "掛牌公司", _UNIT_OF)
_DESCRIBING_FIRST = (*_WEAK_INTRODUCERS, "股")  # 营建股|宏鼎營造: a sector's stocks describe the name after them
_SHARES_TAKEN = re.compile("(?:认购|認購|购买|購買|持有|增持|减持|減持|买入|買入)$")  # before X股份的: X's shares
_FUND_CURRENCIES = ("人民币", "人民幣", "美元", "美金")  # a fund's currency inside its name
_FUND_CURRENCY = re.compile("|".join(_FUND_CURRENCIES))
_LIMITED_PARTNERSHIP = ("（有限合伙）", "(有限合伙)", "（有限合夥）", "(有限合夥)")
_VENTURE_KINDS = ("创投", "創投", "风投", "風投")  # 新加坡創投|雲頂資本: a country's venture firm, then its name
_HOLDING_WORDS = ("大股", "控股", "持股", "参股", "參股", "入股")  # …股 words that are no sector (大股|东南|航集团)
_WEAK_INTRODUCER_ANYWHERE = re.compile("|".join(_WEAK_INTRODUCERS))
# a weak description with such a word within a name's length after it, in simplified text (for the pre-filter)
_WEAK_INTRODUCER_IN_TEXT = re.compile(
    f"(?:{_WEAK_INTRODUCER_ANYWHERE.pattern})" + "(?=[^，,；;：:！？!?。（）()—…]{2,8}?(?:" + "|".join(sorted(_AFTER_INTRODUCED, key=len, reverse=True)) + "))"
)


def _introducer_ends(text: str) -> list[int]:
    """Where a name a description introduces may start, for the pre-filter: after every strong
    description word, and after a weak one (厂) that news follows."""
    ends = [m.end() for m in _INTRODUCER_IN_TEXT.finditer(text)]
    ends += [m.end() for m in _FORMER_HOLDER.finditer(text)]
    ends += [m.end() for m in re.finditer(_UNIT_OF, text)]
    if any(word in text for word in _WEAK_INTRODUCERS):
        simple = t2s(text)
        if len(simple) != len(text):  # positions would not carry over: after every weak word then
            return ends + [m.end() for m in _WEAK_INTRODUCER_ANYWHERE.finditer(text)]
        ends += [m.end() for m in _WEAK_INTRODUCER_IN_TEXT.finditer(simple)]
    return ends


# words that say the words after 公司 are a person or a thing of the company (公司董事长张三, 公司股价)
_NOT_PERSON_OR_THING = re.compile(
    "董事|总经理|總經理|总裁|總裁|创始人|創始人|负责人|負責人|人士|高管|员工|員工|CEO|首席|主席|发言人|發言人|"
    "股价|股價|市值|资金|資金|业绩|業績|营收|營收|股票|产品|產品|业务|業務"
)


def _news_follows(words: list[str], j: int) -> bool:
    """Whether ``words[j]`` announces or completes something (宣布, 完成, 昨日…)."""
    return j < len(words) and t2s(words[j]).rstrip("(（") in _AFTER_INTRODUCED


def _introduced(text: str, words: list[str], tokens: list[tuple[int, int]], i: int, taken: bytearray) -> tuple[int, int, int] | None:
    """The name words right after ``words[i]``, a description, up to a verb, an adverb or a break
    (at most three words, two to eight characters): (start, end, index of the word after)."""
    picked, j = [], i + 1
    while j < len(words) and len(picked) < 3 and not any(taken[tokens[j][0] : tokens[j][1]]):
        # a break glued to a word ends the name too (鴻華先進|昨(|18)
        if _BREAK_CHARS.search(words[j]) or _stops_name(words[j]) or _SLOT_SKIP.match(words[j]) or _SLOT_STOP.match(words[j]):
            break
        picked.append(j)
        j += 1
    if not picked or j >= len(words) or any(taken[tokens[j][0] : tokens[j][1]]):
        return None
    start, end = tokens[picked[0]][0], tokens[picked[-1]][1]
    name = text[start:end]
    if 2 <= end - start <= 8 and not _GENERIC.match(name) and not _AMOUNTISH.search(name) and not _NOT_IN_NAME.search(name):
        return start, end, j
    return None


_ANNOUNCE_WORDS = frozenset("公告 宣布 宣佈 公布 公佈 披露".split())
_ANNOUNCE_WORD = re.compile("|".join(_ANNOUNCE_WORDS))
_ANNOUNCE_SKIP = re.compile(
    r"^(?:晚间|晚間|午间|午間|早间|早間|今日|昨日|昨天|今天|日前|近日|近期|此前|目前|当天|當天|同日|当日|當日|"
    r"(?:周|週|星期)[一二三四五六日天](?:晚间|晚間|晚|早间|早間|午间|午間)?|晚|早|发布|發布|發佈|正式|欣然|谨此|謹此|谨|謹|"  # 周一晚公告
    r"当地时间|當地時間|当地|當地|北京时间|北京時間|时间|時間|"  # 大成能源当地时间3月20日宣布
    r"[0-9０-９]{1,2}[月日]|[0-9０-９]{1,2}月[0-9０-９]{1,2}日)$"
)
_LIST_WORDS = frozenset("、 和 及 与 與".split())
_GROUP_WORDS = ("集團", "集团", "公司")  # a group before a stock-coded name (餐飲集團|饗樂國際（2756）)
_OPENS_WITH_AMONG = re.compile(r"(?:^|(?<=[，,。；;：:\s]))其中")  # a clause's 其中 (其中国投…: 其中 + 国投…)
# words of time between a party and the 与 of its agreement (聯醫同日與臺灣銀行…簽署): the party is before them
_MATE_ADVERBS = frozenset("同日 同步 当日 當日 今日 昨日 今天 昨天 日前 近日 亦 也 随即 隨即 首度 再度".split())
_LIST_WORD = re.compile("[、和及]|(?<![参參给給赋賦])[与與]")  # (not inside 参与, a trigger word)
_LISTED_BESIDE = frozenset(("catalog", "quoted", "latin", "alias", "suffix", "code", "listed"))  # names a listed one may stand beside
# a clause that opens with a name and says it raised a round (蓝海智能完成数亿元B轮融资, X获得5000万元天使轮融资):
# the name announces it as much as 宣布 would
_ROUND_RAISED = re.compile("(?:完成|获得|獲得)(?:了)?[^，,；;。]{0,14}?(?:轮|輪|战略|戰略)(?:融资|融資)")
_ANNOUNCER_END = re.compile(
    f"(?:^|[，,；;：:！？!?。（）()—…\\s])[^，,；;：:！？!?。（）()—…\\s]{{2,20}}?(?={_ANNOUNCE_WORD.pattern}|{_ROUND_RAISED.pattern})"
)


def _announcer_ends(text: str, named: list[Mention]) -> list[int]:
    """Where an announcing name opening a clause may end (before 公告, 宣布…), when no name the pre-filter
    knows is there already: an upper bound for the pre-filter."""
    return [
        m.end() for m in _ANNOUNCER_END.finditer(text)
        if not any(m.start() <= n.start < m.end() for n in named)
    ]


def _list_words(text: str, named: list[Mention]) -> list[tuple[int, int]]:
    """The list words (、 和 及 与) a listed name may stand beside, for the pre-filter: next to a name it
    knows, a company word's end, or before a company word or stock code in the same clause."""
    words = list(_LIST_WORD.finditer(text))
    if not words:
        return []
    return list(_listed_spans(text, tuple((m.start, m.end) for m in named), tuple(m.span() for m in words)))


@functools.lru_cache(maxsize=1024)  # the pre-filter's count and rough signature both ask
def _listed_spans(text: str, named: tuple[tuple[int, int], ...], words: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    runs = _suffix_runs(text)
    ends = {end for _, end in named} | {end for _, end in runs} | set(_named_ends(text))
    starts = {start for start, _ in named}
    later = sorted({start for start, _ in runs} | set(_named_ends(text)))
    found = []
    for start, end in words:
        after = text[end : end + 14]
        reach = _BREAK_CHARS.search(after)
        limit = end + (reach.start() if reach else len(after))
        if start in ends or end in starts or any(end <= at <= limit for at in later):
            found.append((start, end))
    return tuple(found)


# what may stand at a list's far end: a clause break, or the words that open or close a list of parties
_LIST_OPEN = frozenset("由 为 為 是 包括 包含 获 獲 获得 獲得 与 與 、".split())
_GLUED_OPENERS = "获獲"
_OPENER_WORDS = frozenset("获得 獲得 获取 獲取 获批 獲批 获准 獲准 获悉 獲悉 获奖 獲獎 获利 獲利 获益 獲益".split())
_LIST_CLOSE = frozenset("等 、 和 及 的 领投 領投 跟投 参投 參投 共同 分别 分別 联合 聯合".split())


# how a backer already holding shares is described before its name (老股东奇绩创坛跟投)
HOLDER_TITLES = ("老股东", "老股東", "原股东", "原股東", "现有股东", "現有股東", "原有股东", "原有股東")


def _past_holder_words(words: list[str], i: int) -> int:
    """The index after 老股东 / 原股东 / 现有股东 (one or two words) starting at ``i``, else ``i``."""
    return next((j for j in (i + 1, i + 2) if "".join(words[i:j]) in HOLDER_TITLES), i)


def _before_holder_words(words: list[str], i: int) -> int:
    """The index of 老股东 / 原股东 / 现有股东 (one or two words) ending right before ``i``, else ``i``."""
    return next((j for j in (i - 1, i - 2) if j >= 0 and "".join(words[j:i]) in HOLDER_TITLES), i)


def _past_weak_description(text: str, start: int, end: int, word_end: dict[int, int]) -> int:
    """Where the name in ``text[start:end]`` starts once the first word or two that only describe it go
    (重電廠|東陽|重電, 工具機廠|瀚陞|精機, 茶饮|品牌|甜橙冰城…, 营建股|宏鼎營造: words ending in 廠, 品牌 or a sector's 股,
    with a name of two characters or more after it that is no generic trade, 百丽|品牌|管理有限公司; and a country's
    venture firm, 新加坡|創投|雲頂|資本)."""
    first = word_end.get(start)
    for _ in range(3):
        if first is None or end - first < 2:
            break
        described = text[start:first]
        if (
            first - start > 1 and described.endswith(_DESCRIBING_FIRST) and not _GENERIC.match(text[first:end])
            and not (described.endswith("股") and (len(described) < 3 or described.endswith(_HOLDING_WORDS)))
        ) or (described.endswith(_VENTURE_KINDS) and described[:-2] in _COUNTRIES and not _GENERIC.match(text[first:end])):
            return first
        first = word_end.get(first)
    glued = max(text.rfind("廠", start + 2, end - 2), text.rfind("厂", start + 2, end - 2))  # 工具機|廠瀚|陞精機
    return glued + 1 if glued > 0 else start


def _named_after(text: str, at: int, candidates: list[Mention]) -> Mention | None:
    """The name right after ``at``, or the one that ends a bracket opened there (賣方（本公司之全資附屬公司X）)."""
    if text[at : at + 1] in ("（", "("):
        close = min((i for i in (text.find("）", at), text.find(")", at)) if i > 0), default=-1)
        return next((m for m in candidates if m.end == close and not m.is_ref), None)
    return next((m for m in candidates if m.start == at and not m.is_ref), None)


def _list_mate(
    words: list[str], tokens: list[tuple[int, int]], i: int, step: int, taken: bytearray, bounds: frozenset[str] | None = None
) -> tuple[int, int] | None:
    """The span of up to three name words from word ``i`` on (``step`` -1: leftwards), if a clause break or
    one of ``bounds`` (by default, what opens or closes a list) ends them."""
    if bounds is None:
        bounds = _LIST_OPEN if step < 0 else _LIST_CLOSE
    picked = []
    glued = 0  # 获国|投|创合: the segmenter glued the list's opener onto its first name
    while 0 <= i < len(words) and len(picked) < 3:
        w = words[i]
        if _BREAK_CHARS.fullmatch(w) or w in bounds or any(taken[tokens[i][0] : tokens[i][1]]):
            break
        if step < 0 and len(w) == 2 and w[0] in _GLUED_OPENERS and w not in _OPENER_WORDS:
            picked.append(i)
            glued = 1
            i += step
            break
        if _SLOT_STOP.match(w) or _not_name_word(w) or _stops_name(w) or _DATELINE.search(w):
            return None
        picked.append(i)
        i += step
    at_boundary = glued or not 0 <= i < len(words) or _BREAK_CHARS.fullmatch(words[i]) or words[i] in bounds
    if not picked or not at_boundary:
        return None
    start, end = tokens[min(picked)][0] + glued, tokens[max(picked)][1]
    name = "".join(words[min(picked) : max(picked) + 1])[glued:]
    if not 2 <= end - start <= 10 or _GENERIC.match(name) or _AMOUNTISH.search(name) or _NOT_IN_NAME.search(name):
        return None
    return start, end


# 两家(内地)…: a count of parties before a slot, not a name
_COUNTED = re.compile(
    r"(?:(?:[一二两兩三四五六七八九十几幾数數多某]|[0-9]+)(?:家|間|间|个|個|名)|某)(?:内地|內地|国内|國內|本地|本土|境内|境內|境外|海外|国际|國際|大型|知名)*$"
)
_OPENING_QUOTES = frozenset("“「『\"'")
_CLOSING_QUOTES = frozenset("”」』\"'")
_STREET = re.compile(r"(?:大道|大街|路|街|巷|道)(?:中|东|東|西|南|北)?$")  # 收购中環皇后大道中一幢商廈: a place


_COUNTED_AFTER = re.compile(r"(?:约|約|逾|近)?[0-9０-９,.]+(?:家|座|个|個|间|間|台|辆|輛|艘|架|套|处|處|栋|棟|幢)")
_KIND_WORDS = frozenset(("企业", "企業", "厂商", "廠商", "项目", "項目"))  # 收购印尼镍矿项目60%股权: a project


def _name_tokens(
    words: list[str], tokens: list[tuple[int, int]], verb: int, step: int, taken: bytearray
) -> tuple[int, int] | None:
    """The span of up to three name-like words beside the verb at ``verb`` (left: step -1, right: +1)."""
    i = verb + step
    if step < 0:
        while 0 <= i and (_SLOT_SKIP.match(words[i]) or (words[i] == "新" and words[i + 1 : i + 2] in (["台币"], ["台幣"]))):
            i -= 1  # (以|新|台币|5亿|元|收购: the currency pkuseg cut)
        if i >= 2 and words[i] in ("）", ")") and words[i - 2] in ("（", "(") and _ACRONYM.fullmatch(words[i - 1]):
            i -= 3  # 向东京威力科创（TEL）采购: the name's acronym, glossed after it
    else:
        while i < len(words) and words[i] in ("了", "下"):  # 收购了X, 买下了X
            i += 1
        if i < len(words) and (_UNNAMED.match(words[i]) or _UNNAMED.match("".join(words[i : i + 2]))):
            return None  # 收购一家…企业, 增持多|只|…股: no name given
        # 领投储能温控企业|冰川热能, 收购游戏开发商|星澜互动: the words up to a describing word only describe the name after it
        described = next((j for j in range(i, min(i + 3, len(words) - 1)) if _describes(words[j]) and words[j] not in _DESCRIBER_WORDS), None)
        if described is not None and not any(taken[tokens[i][0] : tokens[described][1]]) and _HAN_WORD.fullmatch(words[described + 1]):
            i = described + 1
    picked = []
    while 0 <= i < len(words) and len(picked) < 3:
        if words[i] in ("「", "」", "『", "』", "“", "”", "《", "》"):
            i += step  # brackets are see-through: 老对手「英特尔」
            continue
        if any(taken[tokens[i][0] : tokens[i][1]]):
            return None  # the words only describe a name found already (老对手英特尔)
        if _NOBODY.search(words[i]) or _UNNAMED.match(words[i]):
            return None  # (入股山西|一家|清香型白酒企业: a place before 一家 names nobody either)
        if (
            _SLOT_STOP.match(words[i]) or _not_name_word(words[i]) or words[i].lower() in _LATIN_STOP or _DATELINE_WORD.match(words[i])
            or _function_word(words[i])
        ):
            break  # (商报|讯|百丽|收购: the source's dateline; 再|加上|平安|收购: a function word)
        if words[i] == "新" and i + 1 < len(words) and words[i + 1][0] in "一轮輪":
            break  # 冰川热能|新|一|轮: the round, not the name (四维图|新 is one)
        if words[i] == "家" and i > 0 and _COUNTED.search(words[i - 1] + "家"):
            break  # 3|家|中国企业: counted, not named (乐万|家 is a name)
        picked.append(i)
        i += step
    if not picked:
        return None
    lo, hi = min(picked), max(picked)
    if step < 0 and _COUNTED.search("".join(words[max(0, lo - 3) : lo])):
        return None  # 由两家内地国企投资平台认购: counted, not named
    if words[hi] in _KIND_WORDS or (step > 0 and hi + 1 < len(words) and words[hi + 1] in _KIND_WORDS):
        return None  # 收购德国百年传动企业: a kind of company, not one named
    if step > 0 and _COUNTED_AFTER.match("".join(words[hi + 1 : hi + 4])):
        return None  # 收购菲律宾约1200座通信铁塔, 接手苏北37家门店: where the things bought are, not who sells
    start, end = tokens[lo][0], tokens[hi][1]
    name_len = end - start
    name = "".join(words[lo : hi + 1])
    if (
        name_len < 2 or name_len > 14 or _GENERIC.match(name) or _AMOUNTISH.search(name) or _SLOT_STOP.match(name)
        or _NOT_IN_NAME.search(name) or name in TOPIC_WORDS or _STREET.search(name) or _FILING_PHRASE.search(name)
        or _SECTOR_TALK.search(name) or name in _COUNTRIES or name in _REGISTERED_PLACES or _DESCRIPTION_END.search(name)
    ):
        return None  # (併購越南支付新創: a place alone names no one, 收购供应商 a trade, 被电商服务商收购 a kind of firm)
    return start, end


def _drop_descriptors(text: str, mentions: list[Mention]) -> list[Mention]:
    """"网络安全公司Wiz": a suffix (or learned) name right before another name only describes it.

    Only when nothing but a space, a dash, an opening quote or a country separates them (全球最大独立酒店管理
    公司美国洲际酒店集团): in
    华泽集团与太白酒业 or 莱美药业的承销商 the two are different parties, and a
    verb-slot guess right after a name does not make that name a description.
    A registered name (…有限公司) describes nothing.
    """
    out = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            m.source in ("suffix", "model")
            and not m.text.endswith(_LEGAL_FORMS)
            and nxt is not None
            and nxt.source not in ("ref", "slot")
            and _DESCRIBED_GAP.fullmatch(text[m.end : nxt.start])
        ):
            continue
        out.append(m)
    return out


# 美国车用电子厂「哈曼」, 沙特能源开发商Al Nour Energy Company
_DESCRIBED_GAP = re.compile(  # 印度汽車|零組件大廠|Rane Precision: more of the description may come first, not 的 (A的承销商B)
    r"(?:[^\s的与與和、，,。；;：:（）()向对對从從由被给給跟同]{0,8}?(?:巨头|巨頭|龙头|龍頭|厂|廠|商|厂商|廠商|开发商|開發商|运营商|營運商|供应商|供應商|研发商|研發商|服务商|服務商|制造商|製造商|企业|企業|新创|新創|初创|初創))?(?:" + DASHES + r")?[\s「『“\"]?"
    f"(?:{ANY_COUNTRY})?"
)
_BRANCH_OFFICE = re.compile(r"(?:(?![与與和及向对對为為的之])[\u3400-\u9fff]){2,6}?分公司")  # a company's branch office
_PLACE_BRANCH = re.compile(r"(?:(?![与與和及向对對为為银銀])[\u3400-\u9fff]){2,6}?(?:分行|支行)")  # a branch right after its bank's registered name
_LEGAL_FORMS = ("有限公司", "有限责任公司", "有限責任公司", "合伙企业", "合夥企業", "有限合伙", "有限合夥")


_AMOUNTISH = re.compile(r"[0-9<>]|[亿億万萬]元|美元|人民币|人民幣|港元")


def _looks_like_name(name: str) -> bool:
    if len(name) > 16 or len(name) < 2 and not name.isascii() or name in TOPIC_WORDS:  # 「本集團」 defines, names no one
        return False
    # (「保險+醫療」: a model, no name; Kickoff+ is one)
    return not re.search(r"[“”\"'()（）《》]|[\u4e00-\u9fff][+＋][\u4e00-\u9fff]", name) and not _PROJECT.search(name)


_QUOTED_PROJECT = re.compile("「([^「」]{3,40})」")
_PROJECT_AFTER = re.compile("采购案|採購案|采购项目|採購項目|招标案|招標案|标案|標案|建置案|工程|项目|項目|计划|計劃|計畫")
# a quoted project or building, not an organisation (「智慧电表资料管理系统建置案」, 「二期扩建工程」, 「朗峰中心」)
_PROJECT = re.compile(
    r"^.{3,}(?:案|项目|項目|工程|计划|計劃|計畫|标段|標段|采购|採購|建设|建設|系统|系統|设备|設備|风场|風場|电厂|電廠|电站|電站)$"
    r"|^.{2,}(?:中心|大厦|大廈|广场|廣場|大楼|大樓|商场|商場|花园|花園|工业园|工業園|物业|物業)$"  # a building bought: 「朗峰中心」
)


_COMPANY_CONTEXT = re.compile(
    r"^(?:公司|集团|集團|股价|股價|市值|CEO|首席|财报|財報|手机|手機|iPhone|Inc|」|[（(](?:香港|澳门|澳門|中国|中國|亚洲|亞洲|国际|國際)[)）])"
)


def _company_context(text: str, start: int, end: int) -> bool:
    """An ambiguous alias (苹果 is also a fruit) counts only next to company words, in 「」, or as the party
    a deal is made with (向聯電下單, 與聯電簽約)."""
    return (
        bool(_COMPANY_CONTEXT.match(text[end : end + 4])) or (start > 0 and text[start - 1] == "「")
        or (start > 0 and text[start - 1] in "向与與" and _DEALT_WITH.match(text, end) is not None)
    )


_DEALT_WITH = re.compile("(?:下单|下單|采购|採購|购买|購買|签署|簽署|签订|簽訂|签约|簽約|订立|訂立|追加|租用|租赁|租賃|支付|付款)")
