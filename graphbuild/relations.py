"""Deal relations: who pays whom, in one sentence.

The sentence is first rewritten as a *signature*: every organisation mention
becomes one placeholder character (U+E000 + its index) and every money amount
another (U+E200 + index). The rules below are regular expressions over that
signature, so a rule reads like the grammar it encodes — ``{A}{G}向{B}{G}注资`` is
"A … 向 B … 注资" — and never has to know how names are spelled.

Each rule names which slot pays (``A``) and which is paid (``B``). Symmetric
rules (A 与 B 签下协议) use slots ``X``/``Y`` and let the catalog's roles decide:
the chip vendor or cloud provider is the one paid. A seller named only in passing
(A 从 S 手中收购 B) takes slot ``S``. A clause with no subject of
its own (…，后脚又向甲骨文抛出200亿大单) borrows the topic of the clause before it.
References (后者, 前者, 其, 该公司, 对方, 自己) resolve to earlier mentions in the
sentence, else to the company the document is about (``document_company``), which
is also the issuer of shares a subscriber takes and the company raising 本轮.
Negated or denied statements (否认投资) produce nothing.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import chain
from typing import Callable

import ahocorasick

from graphbuild.catalog import t2s
from graphbuild.clean import FIELD_NUMBERING
from graphbuild.entities import (
    ANY_COUNTRY, ASIDE, BANK_REFERENCES, DASHES, FUND_REFERENCES, HOLDER_TITLES, SELL_TO, STAKE_NOTE, STOCK_CODE, THOUSANDS, TOPIC_WORDS,
    Mention, alias_definitions,
)
from graphbuild.pair_classifier import PairModel, PairScore
from graphbuild.records import Amount

ENT_BASE, AMT_BASE = 0xE000, 0xE200
ENT = "[\ue000-\ue1ff]"
_ENT_CHAR = re.compile(ENT)
NON_ENT = "[^\ue000-\ue1ff]"
_IN_CLAUSE = "[^，,；;。\ue000-\ue1ff]"  # no organisation and no clause break (a colon may be a name's)
# inside a gap: no organisation, and no list comma between names or parallel clauses (…贷款5亿元、向乙贷款…);
# 总额45亿元、期限15年的贷款 is no list (A认购1亿港元、以及B认购… is)
GAP = "(?:[^\ue000-\ue1ff、]|(?<![\ue000-\ue1ff])、(?![\ue000-\ue1ff]|[向从從与與对對给給及]|[为為](?!期)|以及))"  # 、为期五年: no party
_DESCRIBED = "公司|集团|集團|企业|企業|车企|車企|药企|藥企|房企|矿企|礦企|央企|国企|國企|民企|外企|台企|港企|日企|韩企|韓企|厂商|廠商|厂|廠|商|初创|初創|新创|新創|平台|独角兽|獨角獸|对手|對手|巨头|巨頭|银行|銀行|股东|股東|投资人|投資人|机构|機構|基金|第三方|关系人|關係人|关联方|關聯方|关联人|關聯人|业者|業者|船东|船東|客户|客戶|品牌|工作室|球队|球隊|车队|車隊|便利店|连锁店|連鎖店|安排行|承销商|承銷商|保荐人|保薦人|实验室|實驗室|合作社|卖方|賣方|买方|買方"
# a country or region right before a name it did not become part of (与阿联酋Emirates Global Aluminium签署…)
_COUNTRY_BEFORE = (
    "日本|美国|美國|韩国|韓國|新加坡|德国|德國|法国|法國|英国|英國|香港|台湾|台灣|中东|中東|沙特|阿联酋|阿聯酋|希腊|希臘|"
    "荷兰|荷蘭|瑞士|瑞典|意大利|義大利|西班牙|加拿大|澳洲|澳大利亚|澳大利亞|印度|印尼|越南|泰国|泰國|马来西亚|馬來西亞|以色列|巴西|墨西哥|"
    "蒙古国|蒙古國|智利|阿根廷|秘鲁|秘魯|南非|俄罗斯|俄羅斯|哈萨克斯坦|哈薩克|土耳其|波兰|波蘭|挪威|丹麦|丹麥|芬兰|芬蘭|比利时|比利時|"
    "奥地利|奧地利|新西兰|紐西蘭|菲律宾|菲律賓|柬埔寨|缅甸|緬甸|巴基斯坦|卡塔尔|卡達|科威特|埃及|刚果|剛果|几内亚|幾內亞"
)
_MARKERS = {
    "G": GAP + "{0,30}?",  # a gap: anything but another organisation
    "g": GAP + "{0,5}?",  # a short gap
    "M": "[\ue200-\ue2ff]?",  # an optional amount
    # a short gap, or a longer description of the name that follows (网络安全公司Wiz)
    "d": f"(?:{GAP}{{0,5}}?|{GAP}{{0,16}}?(?:{_DESCRIBED}|的|旗下))",  # (向中能电建旗下B: an owner no finder named)
    # only such a description, or nothing (向总部位于美国的游戏公司Kabam投资)
    "D": f"(?:{GAP}{{0,12}}?(?:{_DESCRIBED})|{_COUNTRY_BEFORE})?",
}


_LIST_SEP = "(?:、|和|及|以及|或|联合|聯合|携手|攜手)"  # 甲联合乙向丙注资: both pay
# 甲与乙分别向丙增资60亿元和40亿元, 由甲领投，乙与丙跟投: a list, not a pair
_AND_LISTED = f"(?:与|與)(?={ENT}(?:等)?(?:分别|分別|跟投|领投|領投|参投|參投|共同(?:出资|出資|投资|投資|增资|增資)))"


# 向恒驰传动创始人周建国支付, 向其一致行动人B支付: the one paid is named after whose founder or holder it is
_ROLE_OF = (
    f"(?:{ENT}(?:的)?(?:创始人|創始人|董事长|董事長|实际控制人|實際控制人|一致行动人|一致行動人|控股股东|控股股東|股东|股東))?"
)
_PERSON_LISTED = "(?:自然人|个人投资者|個人投資者)?"  # A及個人投資者B: a person listed after a company


def _slot(name: str) -> str:
    """A slot: one organisation, or a list of them (甲、乙和丙等).

    甲和乙签订… is two sides, not a list; 与甲、乙及丙签订… is one side listed with 、.
    """
    listed = f"{ENT}(?:、{_PERSON_LISTED}{ENT})+(?:{_LIST_SEP}{_PERSON_LISTED}{ENT})*"
    paired = f"{ENT}(?:(?:{_LIST_SEP}|{_AND_LISTED}){_PERSON_LISTED}(?!{ENT}{NON_ENT}{{0,3}}(?:签|簽|达成|達成|合作)){ENT})*"
    return f"(?P<{name}>{listed}|{paired})(?:等)?"


# 英伟达将投资最高100亿美元 right after a clause that names whom (``SentenceRelations._elliptic``)
ELLIPTIC_INVEST = re.compile(
    f"^(?:同时|同時|此外|另外|而|其中)?(?:老股东|老股東|原股东|原股東|新股东|新股東|现有股东|現有股東|控股股东|控股股東|大股东|大股東)?"
    f"(?P<A>{ENT}(?:(?:与|與|和|及|、){ENT})*)(?:将|將|拟|擬|亦|也|则|則|另|再|同步|同时|同時|各|分别|分別|加码|加碼|合计|合計|共同|承诺|承諾){{0,2}}"
    f"(?:(?:(?:以|作为|作為){NON_ENT}{{0,8}}?){{0,2}}(?P<t>投资|投資|注资|注資|出资|出資|增资|增資|认缴|認繳|认购|認購)(?:了)?(?:出资|出資)?"  # 作为有限合伙人认缴出资10亿元
    f"(?:最高|最多|约|約|逾|超过|超過|不超过|不超過)?(?:[\ue200-\ue2ff]|[0-9.]+[%％])"
    f"|(?P<joined>参与|參與)(?:了)?(?:此次|本次|该次|該次)(?:增资|增資|投资|投資)){NON_ENT}*$"
)
# A出資51%、B出資49%: a list comma after one backer's share starts the next backer's clause
_PARALLEL_INVESTS = re.compile(f"(?<=[%％\ue200-\ue2ff])、(?={ENT})")
# a clause where a holder sells and names no buyer (沃川投资拟转让其持有的1,412万股股份): see ``SentenceRelations._sold_too``
ELLIPTIC_SALE = re.compile(
    f"^(?:同时|同時|此外|另外|而|其中)?(?P<S>{ENT})(?:将|將|拟|擬|亦|也|则|則|另|同时|同時|同步){{0,2}}"
    f"(?:(?:将|將|把)?(?:{ENT})?(?:所)?持有?(?:的)?{NON_ENT}{{0,30}}?)?(?P<t>转让|轉讓|出让|出讓|出售)(?:{ENT}(?=所|持))?(?:所)?(?:持有?)?(?:的)?{NON_ENT}*$"  # (其 is a placeholder too)
)
# an issue of bonds (their buyers lend to the issuer), not of convertible ones (see ``SentenceRelations._subscribed``)
_BOND_ISSUE = re.compile("公司债|公司債|企业债|企業債|债券|債券|中期票据|中期票據|中票|短期融资券|短期融資券|超短融")
_CONVERTIBLE = re.compile("可转|可轉|可换股|可換股|交换债|交換債")
# 其余份额由蔚来资本、国元证券等市场化机构认缴: the rest of what the clauses before invested in
REST_INVEST = re.compile(
    f"^(?:其余|其餘|剩余|剩餘)(?:的)?(?:[\ue200-\ue2ff])?(?:份额|份額|部分|资金|資金|出资|出資)?由(?P<A>{ENT}(?:(?:、|和|及|与|與){ENT})*)(?:等)?"
    f"{NON_ENT}{{0,10}}?(?P<t>认缴|認繳|出资|出資|认购|認購)(?P<joined>){NON_ENT}*$"
)
# 出资方包括A、B和C: the backers of what the sentence invested in, or of the fund it set up
BACKERS_LISTED = re.compile(
    f"^(?:其中)?(?P<t>出资方|出資方|出资人|出資人|投资方|投資方|有限合伙人|有限合夥人)(?:主要)?(?:包括|包含|为|為)"
    f"(?P<A>{ENT}(?:(?:、|和|及|与|與|以及){ENT})*)(?:等)?(?P<joined>){NON_ENT}*$"
)
# the other banks of a syndicate its lead is named with (由A牵头、包括C及D的银团)
# the other banks a lead bank brings in: 牵头，联合C、D ; 牵头、C、D及E参与
_MEMBERS = f"(?:[、，,]?(?:(?:包括|包含|联合|聯合){ENT}(?:{_LIST_SEP}{ENT})*|{ENT}(?:{_LIST_SEP}{ENT})*(?:等)?(?:共同)?(?:参与|參與|参贷|參貸)))?"


def _compile(template: str) -> re.Pattern:
    pattern = template
    for name in ("A", "B", "X", "Y", "S", "P"):
        pattern = pattern.replace("{" + name + "}", _slot(name))
    for marker, regex in _MARKERS.items():
        pattern = pattern.replace("{" + marker + "}", regex)
    return re.compile(pattern)


# --- trigger vocabularies (simplified and traditional) --------------------
_DEBT_FINANCING = "债务融资|債務融資|专案融资|專案融資|项目融资|項目融資"  # 融资 alone may be shares sold
INVEST = "注资|注資|投资|投資|增资|增資|入股|参股|參股|出资|出資|注入资金|注入資金|注入(?!一款|一个|一個|新的|活力|动力|動力|理念|品牌|技术|技術|元素|文化|血液|灵魂|靈魂)|战略投资|戰略投資|押注|增持|举牌|舉牌|认购|認購"
# 投资者, 投资人, 收购案 …: the trigger word used as a noun is no verb.
NOT_VERB = "(?!者|人|方|实体|實體|主体|主體|股东|股東|子公司|孙公司|孫公司|权|權|地位|比例|机构|機構|组合|組合|回报|回報|收益|额|額|规模|規模|资金|資金|热|熱|潮|逻辑|邏輯|泡沫|项目|項目|价值|價值|银行|銀行|公司|基金|案|事项|事項|计划|計劃|是|一事|传闻|傳聞|贷款|貸款)"
# 此次收购, 该笔投资: the trigger word used as a noun after a determiner is no verb either.
_NOT_HOLDING = "(?!(?<=控股)(?:的|建设|建設|经营|經營))"  # 公司控股的X, 由A控股建设: who holds it, no purchase
NOT_A_LIST = "(?!(?:约|約)?[\ue200-\ue2ff]、)"  # 认购1000万美元、B认购…: an amount, then the next subscriber
NOT_AFTER_DETERMINER = "(?<!此次)(?<!这次)(?<!本次)(?<!该)(?<!此项)(?<!这笔)(?<!该笔)(?<!此笔)"
INVEST_NOUN = "投资|投資|注资|注資|融资|融資|入股|战略投资|戰略投資|增资|增資|出资|出資"
BUY = "采购|採購|购买|購買|购置|購置|订购|訂購|预订|預訂|订造|訂造|购入|購入|买入|買入|下单|下單|租用|租赁|租賃|承租|抢购|搶購|囤积|囤積|囤|买|買"
ORDER_NOUN = "订单|訂單|大单|大單|合同|合约|合約|采购单|採購單|中标通知书|中標通知書|定点|定點|标案|標案|建置案|采购案|採購案|工程案|统包案|統包案"
WIN = "收到|获得|獲得|获|獲|拿下|斩获|斬獲|赢得|贏得|接到|接获|接獲|揽获|攬獲|签下|簽下|拿到|取得"
ACQUIRE = "收购|收購|吸收合并|吸收合併|并购|併購|买下|買下|吞并|吞併|全资收购|全資收購|买断|買斷|入主|接手|控股|受让|受讓|竞购|競購|接掌|揽下|攬下|收入囊中|收入麾下"
# natural persons listed before an organisation (收购自然人李建国、宁波聚源…合计持有的…): not names we find
_PERSON_TITLES = "创始人|創始人|创办人|創辦人|董事长|董事長|主席|实际控制人|實際控制人|总裁|總裁|总经理|總經理|CEO"
PERSONS = "(?:(?:自然人|自然人股东|自然人股東)" + NON_ENT + "{2,4}?(?:、|及|和|与|與))?"
FOUND = (
    "参与设立|參與設立|共同设立|共同設立|发起设立|發起設立|出资设立|出資設立|出资成立|出資成立|投资设立|投資設立|"
    "合资成立|合資成立|合资设立|合資設立|共同出资设立|共同出資設立|共同出资成立|共同出資成立|认缴出资设立|認繳出資設立|"
    "共同投资设立|共同投資設立|共同投资成立|共同投資成立|共同成立|共同发起|共同發起"
)
SIGN = "签下|簽下|签署|簽署|签订|簽訂|签约|簽約|达成|達成|敲定|签了|簽了|订立|訂立|续签|續簽"
CONTRACT_NOUN = "协议|協議|合同|订单|訂單|大单|大單|合约|合約|交易|长协|長協"
PROVIDE = "提供|建设|建設|建造|定制|定製|交付|供应|供應|生产|生產|代工|打造|部署"
LEND_NOUN = "贷款|貸款|借款|信贷|信貸|授信|融资|融資|资金|資金|财务资助|財務資助"
GRANT_NOUN = "补贴|補貼|资助|資助|补助|補助|拨款|撥款|奖励|獎勵|担保|擔保|支持"
OPTION_NOUN = "股权选择权|股權選擇權|认股权证|認股權證|认股权|認股權|期权|期權"
_MAY_SUBSCRIBE = re.compile("(?:可|可以|有权|有權)[^，,。；;]{0,16}?(?:认购|認購)")  # a right to subscribe, not a subscription
PAY = "支付|付款|付出|付|砸下|砸|花费|花費|花|出钱|出錢|拿出|缴纳|繳納"
_FEE_NOUN = (
    "授权金|授權金|权利金|權利金|许可费|許可費|授权费|授權費|转会费|轉會費|赞助费|贊助費|服务费|服務費|租金|货款|貨款|价款|價款|"
    "对价|對價|首付款|预付款|預付款|首期款|里程碑款|里程碑付款"
)
PAY_TO = "支付给|支付給|付给|付給|付钱给|付錢給|投给|投給|出钱给|出錢給|砸钱给|砸錢給|拨给|撥給|借钱给|借錢給|借给|借給|贷款给|貸款給|放贷给|放貸給"

# Money that reaches the payee only through someone else (通过第三方囤芯片) is no direct deal.
# (not 間接全資附屬公司X: it names who X is)
INDIRECT = re.compile(r"通过第三方|通過第三方|(?:间接|間接)(?!(?:非)?(?:全资|全資|控股)?(?:附属|附屬|子公司|孙公司|孫公司))")
NEGATION = re.compile(
    r"否认|否認|辟谣|闢謠|并未|並未|没有|沒有|并无|並無|尚无|尚無|暂无|暫無|无任何|無任何|未能|未曾|从未|從未|不会|不會|不再|拒绝|拒絕|放弃|放棄|终止|終止|"
    r"取消|叫停|否决|否決|告吹|失败|失敗|未果|不实|不實|谣言|謠言|是否会|是否會|是否将|是否將|是否能|无缘|無緣|并非|並非|非用于|非用於|不得|禁止|"
    # a holder that did not take part (未参与本次认购; not 入股后将不参与后者的经营管理)
    r"(?:未|不|没有|沒有)(?:参与|參與|参加|參加)(?:本次|此次|本轮|本輪|此轮|此輪|是次)?[^，,。；;]{0,6}?(?:认购|認購|增资|增資|融资|融資|发行|發行|定增|配售|募资|募資)"
)
# A rumour told in a sentence that also denies something: the deal is what is denied.
RUMOUR = re.compile(r"传闻|傳聞|传言|傳言|流传|流傳|网传|網傳|市传|市傳|市场消息|市場消息|坊间|坊間")
_SUBSIDIARY_BEFORE = re.compile(r"(?:子公司|附属公司|附屬公司)[之的]?$")  # what 该子公司 stands for follows these
CHIP_WORDS = re.compile(r"GPU|CPU|TPU|NPU|芯片|晶片|算力卡|加速卡|显卡|顯卡|服务器|服務器|伺服器|硬件|硬體|设备|設備|H\d{2,3}|GB\d{3}|B\d{3}|MI\d{3}")
# (计算 alone also means "reckon": 按目錄價計算價值)
CLOUD_WORDS = re.compile(r"算力|(?<![白风風])[云雲](?![南集])|(?:计算|計算)(?:资源|資源|能力|服务|服務|集群|中心|平台|平臺)|数据中心|數據中心|資料中心|compute|cloud", re.I)

PROVIDER_RANK = {"chip_vendor": 2, "cloud_provider": 1}
_COMPUTE_DEAL = re.compile("算力|智算|云服务|雲服務|云计算|雲計算|(?i:compute|cloud)")
_CLOUD_NAME = re.compile(r"\b(?:Cloud|Compute|Computing)\b|算力|智算|云计算|雲計算|云服务|雲服務|云端|雲端")


@dataclass(frozen=True)
class Rule:
    """One pattern over the signature; ``payer``/``payee`` name its slots."""

    name: str
    regex: re.Pattern
    payer: str
    payee: str
    deal_type: str | Callable[[str, "Relation", tuple[str, ...]], str]
    confidence: float
    symmetric: bool = False
    skeleton: str = ""
    relaxed: re.Pattern | None = None
    trigger_skeleton: str = ""
    trigger: re.Pattern | None = None  # its trigger words: a clause without them cannot match


@dataclass
class Relation:
    """A deal found in a sentence, before it becomes a Deal record."""

    payer: Mention
    payee: Mention
    deal_type: str
    trigger: str
    amount: Amount | None
    confidence: float
    rule: str


HARDWARE_ROLES = {"chip_vendor", "foundry", "server_maker", "ai_lab"}


def _named_provider(m: Mention) -> bool:
    """Whether a name the catalog does not know says it sells compute (Nimbus Cloud, Nordgrid Compute, 星河智算)."""
    return _CLOUD_NAME.search(f"{m.text} {m.entity.name}") is not None


_RENTED_COMPUTE = re.compile("租用|租赁|租賃|算力服务|算力服務|算力租")
_BOUGHT_OUTRIGHT = re.compile("直供|采购|採購|购买|購買|订单|訂單")  # (40萬個直供TPU和60萬個GCP租用TPU…訂單: bought too)
_LEASED_GOODS = re.compile("[0-9一二三四五六七八九十两兩]+(?:架|艘|辆|輛)|飞机|飛機|客机|客機|船舶|办公|辦公|写字楼|寫字樓|厂房|廠房|土地")


def _by_object(clause: str, default: str, payee_roles: tuple[str, ...] = (), trigger: str = "") -> str:
    """What is bought decides the type: chips → purchase, compute/cloud → cloud_contract.

    A payee that sells compute but makes no hardware of its own (CoreWeave,
    Azure) is paid for cloud capacity even when the text names the chips.
    """
    if trigger.startswith(("租", "部署", "承租")):  # renting capacity; not aircraft, ships or buildings (承租4架A321neo)
        return default if _LEASED_GOODS.search(clause) and not (CHIP_WORDS.search(clause) or CLOUD_WORDS.search(clause)) else "cloud_contract"
    if "cloud_provider" in payee_roles and not HARDWARE_ROLES & set(payee_roles):
        if CHIP_WORDS.search(clause) or CLOUD_WORDS.search(clause):
            return "cloud_contract"
    if CHIP_WORDS.search(clause):  # chips bought, unless only rented as a service (算力服务协议，租用…GPU训练集群)
        return "cloud_contract" if _RENTED_COMPUTE.search(clause) and not _BOUGHT_OUTRIGHT.search(clause) else "purchase"
    if CLOUD_WORDS.search(clause):
        return "cloud_contract"
    return default


def _pay_type(clause: str, trigger: str, payee_roles: tuple[str, ...] = ()) -> str:
    if trigger.startswith(("投", "出钱", "出錢", "砸钱", "砸錢")):
        return "investment"
    if trigger.startswith(("借", "贷", "貸", "放贷", "放貸")):
        return "loan"
    if re.search(r"收购|收購|并购|併購|受让|受讓|对价|對價|股权转让款|股權轉讓款|转让价款|轉讓價款|以股份支付", clause):
        return "acquisition"  # 向S支付…以收购 / 受让其所持权益, 向S支付(交易)对价, 以股份支付: the price of what S sells
    # (投资人 or 投资者 only says who the one paid is: 向财务投资人B以现金支付)
    if re.search(r"(?:投资|投資)(?![人者方])|注资|注資|入股|股权|股權", clause) and not CHIP_WORDS.search(clause):
        return "investment"
    return _by_object(clause, "other", payee_roles)


# what a buyer buys from a seller is a stake (向S支付…购入其持有的70%股权): an acquisition (not a name's 股份有限公司)
_STAKE_BOUGHT = re.compile("股权|股權|股本|[0-9０-９]%(?:的)?股份")
_SALE_ROLES = {
    **dict.fromkeys(("买方", "買方", "买家", "買家", "购买方", "購買方", "受让方", "受讓方"), "buyer"),
    **dict.fromkeys(("卖方", "賣方", "卖家", "賣家", "出售方", "转让方", "轉讓方", "出让方", "出讓方"), "seller"),
}


# a clause whose subject is a side of the sale the text does not name (第二步，拟受让方向B注入资产): no topic carried into it
_OWN_SUBJECT = re.compile("(?:拟|擬|将|將)?(?:" + "|".join(_SALE_ROLES) + ")")


_SEMICOLON = re.compile("[；;]")


def _sale_type(clause: str) -> str:
    """卖身 / 转让股权 sells a company (acquisition); selling goods or power is a purchase."""
    return "acquisition" if re.search(
        r"卖身|賣身|股权|股權|股份|权益|權益|业务|業務|资产|資產|公司|子公司|部门|部門|大楼|大樓|土地", clause
    ) else "purchase"


_WHOLE_STAKE = re.compile(r"100(?:\.0+)?[%％]|百分之百|全部(?:已发行|已發行)?(?:股权|股權|股份)|全數|全数|控股权|控股權|控制权|控制權")


def _stake_type(clause: str) -> str:
    """Buying a whole company or its control (100%股权, 全部股份, 控股权) is an acquisition; a smaller stake an investment."""
    return "acquisition" if _WHOLE_STAKE.search(clause) else "investment"


def _debt_or_investment(clause: str, rel: "Relation", roles: tuple[str, ...] = ()) -> str:
    """獲A提供創投債務融資: debt financing is a loan, and so is a bank's financing (获工商银行30亿元新增融资); other
    financing an investment."""
    if re.search("(?:债务|債務|债权|債權)(?:融资|融資)", clause) or (_BANK_NAME_END.search(rel.payer.text) and rel.trigger in ("融资", "融資")):
        return "loan"
    return "investment"


def _lend_type(clause: str, trigger: str, lender: str = "") -> str:
    if re.search(r"债|債|贷|貸|借|额度|額度|授信|项目融资|項目融資|专案融资|專案融資", clause):  # 融资额度: a credit line
        return "loan"
    if _BANK_NAME_END.search(lender):  # 银行…分行向B提供…融资: a bank's financing is lent
        return "loan"
    return "investment" if re.search(r"融资|融資|募资|募資|资金|資金", trigger) else "loan"


_BANK_NAME_END = re.compile("(?:银行|銀行|分行|支行)$")


def _rule(name, template, payer, payee, deal_type, confidence, symmetric=False, sentence_wide=False) -> Rule:
    trigger = _skeleton(_trigger_group(template))
    return Rule(
        name, _compile(template), payer, payee, deal_type, confidence, symmetric,
        _skeleton(template), _relaxed(template, sentence_wide), trigger,
        re.compile("|".join(sorted(_trigger_alternatives(trigger)))),
    )


def _trigger_alternatives(group: str) -> set[str]:
    """The words of a plain ``(?:w1|w2…)`` group, or the group itself when it is more than words."""
    words = group[3:-1].split("|")
    if group.startswith("(?:") and not any(re.search(r"[\\.^$*+?{}\[\]()]", w) for w in words):
        return set(words)
    return {group}


def _trigger_group(template: str) -> str:
    """The ``(?P<t>…)`` group of a rule: every match of the rule contains a match of it."""
    start = template.index("(?P<t>")
    depth, i = 0, start
    while True:
        depth += {"(": 1, ")": -1}.get(template[i], 0)
        i += 2 if template[i] == "\\" else 1
        if depth == 0:
            return template[start:i]


def _relaxed(template: str, sentence_wide: bool) -> re.Pattern:
    """The rule over a rough signature: a placeholder in every slot, gaps of any length.

    Clause rules match inside one clause, except that their first slot may be
    the topic carried from an earlier clause: only the first gap may cross a
    clause break.
    """
    skeleton = _skeleton(template, ENT)
    if not sentence_wide:
        first, sep, rest = skeleton.partition(".*?")
        skeleton = first + sep + rest.replace(".*?", CLAUSE_GAP)
    return re.compile(skeleton)


_simplified = functools.lru_cache(maxsize=4096)(t2s)  # the same sentence is tested several times
CLAUSE_GAP = "[^，,；;：:！？!?。（）()—…]*?"
_LOOKAROUND = re.compile(r"\(\?(?:<?[!=])")
_BOUNDED_GAP = re.compile(re.escape(NON_ENT) + r"(?:\{\d*,?\d*\}|[*+])?\??")


def _without_lookarounds(template: str) -> str:
    """``template`` with its look-arounds dropped (they only forbid)."""
    out, i = [], 0
    while i < len(template):
        m = _LOOKAROUND.match(template, i)
        if m is None:
            out.append(template[i])
            i += 1
            continue
        depth, i = 1, m.end()
        while depth:
            depth += {"(": 1, ")": -1}.get(template[i], 0)
            i += 2 if template[i] == "\\" else 1
    return "".join(out)


# GAP with its look-arounds dropped, repeated: in a skeleton, a gap like any other
_STRIPPED_GAP = re.compile(r"\(\?:" + re.escape(_without_lookarounds(GAP)) + r"\)(?:\{\d*,?\d*\})?\??")


def _skeleton(template: str, slot: str = "") -> str:
    """The words a rule needs, in order: gaps match anything, look-arounds are dropped.

    A sentence the rule can match always matches its skeleton (names only add
    characters, look-arounds only forbid), so the skeletons together make an
    exact, cheap pre-filter. With ``slot`` (a placeholder class) each name slot
    must hold a placeholder: the *relaxed rule*, run over a rough signature.
    """
    # names and amounts take characters too: every gap becomes "anything", bounded gaps
    # (出售…{0,16}股) included, since a name counted as one character there may be longer here
    skeleton = _BOUNDED_GAP.sub(".*?", _without_lookarounds(template))
    skeleton = _STRIPPED_GAP.sub(".*?", skeleton)  # so is a gap whose look-arounds went: (?:[^…、]|、){0,16}?
    skeleton = re.sub(r"\(\?:\.\*\?\)(?:\{\d*,?\d*\})?\??", ".*?", skeleton)  # (?:.*?){0,6}? is .*?
    skeleton = re.sub(r"\{[ABXYSP]\}", f".*?{slot}.*?" if slot else ".*?", skeleton)
    skeleton = re.sub(r"\{[MGgdD]\}", ".*?", skeleton)
    skeleton = re.sub(r"(?:\.\*\?)+", ".*?", skeleton)
    skeleton = re.sub(r"^(?:\.\*\?)|(?:\.\*\?)$", "", skeleton)
    if not slot:  # a search may start anywhere: optional words and gaps before the first needed one need no trying
        skeleton = re.sub(r"^(?:\(\?:[^()]*\)\?|\.\*\?)+", "", skeleton)
    return skeleton.replace("(?P<t>", "(?:").replace("(?P<poss>", "(?:")


# 发行股份(及支付现金)购买…, 发行股份作为对价, 發行承兌票據支付: what pays for a purchase, not what is sold for money
_NOT_PAYING_FOR_PURCHASE = "(?![^，,；;。]{0,12}?(?:购买|購買|收购|收購|支付|对价|對價))"


# Order matters only for readability; every rule runs on every clause.
RULES: tuple[Rule, ...] = (
    # A 向/对 B 注资 / 投资 / 增持 / 举牌 ; A 向游戏公司 B 投资
    # (not A 成为 B 的参股公司: B invests in A)
    _rule("invest_to", "{A}{G}(?:向|对|對|(?<![成作视視认認])[为為]|给|給){D}{B}{G}(?P<t>" + INVEST + "|投入|追加投资|追加投資)" + NOT_VERB, "A", "B", "investment", 0.92),
    # S 向 A 出售 / 发行 … 股 (A buys new or existing shares of S)
    # (not 向A发行股份购买其持有的…: the shares pay for what B buys from A)
    # (not 向A全体股东发行股份…吸收合并A: A's holders take shares for theirs, A pays nothing)
    _rule("sell_shares", "{B}{G}(?:向|对|對){d}{A}(?!(?:的)?(?:全体|全體)?(?:股东|股東))(?!" + NON_ENT + "{0,30}?(?:吸收合并|吸收合併|换股合并|換股合併|换股方式|換股方式))"
          "{G}(?P<t>出售|发行|發行|定向增发|定向增發|增发|增發)" + NON_ENT + "{0,24}?股" + _NOT_PAYING_FOR_PURCHASE, "A", "B", "investment", 0.85),
    # B 向 A 发行票据 / 债券: A lends to B
    # (not convertible bonds, an investment; nor notes that pay for what B buys: 向賣方發行…承兌票據支付)
    _rule(
        "issue_debt_to",
        "{B}{G}(?:向|对|對){d}{A}{G}(?P<t>发行|發行)(?:(?!可转|可轉|可交换|可交換)" + NON_ENT + "){0,16}?(?:票据|票據|债券|債券|公司债|公司債|融资券|融資券)"
        + _NOT_PAYING_FOR_PURCHASE,
        "A", "B", "loan", 0.82,
    ),
    # A 注资 / 投资 / 入股 / 增持 B ; A 投资的 B
    # (not A认购1000万美元、B认购…: a list of subscriptions)
    _rule("invest", "{A}{G}(?<!被)" + NOT_AFTER_DETERMINER + "(?P<t>" + INVEST + ")" + NOT_VERB + "(?:了)?" + NOT_A_LIST + "{d}{B}", "A", "B", "investment", 0.9),
    # A 购得 / 买入 / 受让 / 竞得 / 中标 B …股 (shares bought are an investment)
    _rule("buy_shares", "(?<![从從自向]){A}{G}(?P<t>购得|購得|买入|買入|购入|購入|购买|購買|受让|受讓|认购|認購|竞得|競得|竞拍|競拍|竞买|競買|拍得|中标|中標|吃进|吃進)(?:了)?" + NOT_A_LIST + "{d}{B}(?=" + NON_ENT + "{0,12}?(?:股|%))", "A", "B", lambda c, r, roles: _stake_type(c), 0.82),
    # A 获得 B …%的股权 / 控股权 (not 股权投资, which A receives)
    _rule("stake_won", "{A}{G}(?:获得|獲得|取得|拿下|购得|購得){d}{B}(?:的)?{g}(?P<t>控股权|控股權|股权|股權|股份|权益|權益)(?!投资|投資|融资|融資|激励|激勵|质押|質押)", "A", "B", lambda c, r, roles: "acquisition" if r.trigger.startswith("控股") else "investment", 0.8),
    # A 成为 B 的(第一)大股东 / 战略投资者 / 股权受让方
    _rule("becomes_holder", "{A}{G}(?P<t>成为|成為){G}{B}{G}(?:第[一二三]大股东|第[一二三]大股東|大股东|大股東|控股股东|控股股東|战略投资者|戰略投資者|基石投资者|基石投資者|战略股东|戰略股東|股东|股東|受让方|受讓方|收购方|收購方|接盘方|接盤方|有限合伙人|有限合夥人|合伙人|合夥人)", "A", "B", "investment", 0.75),
    # B 引进 战略投资者 A
    # A 将 B 股票增持至 N% ; A 把所持 B 股份增持至…
    _rule("holding_raised_to", "{A}{G}(?:将|將|把)(?:其)?(?:所持(?:有)?(?:的)?)?{B}(?:的)?(?:股票|股份|A股|H股|港股|股权|股權)(?P<t>增持)(?:至|到)", "A", "B", "investment", 0.78),
    # A 对 B 的持股比例(已)增至 ; A 在 B 的持股比例将由…增至 (not 被动增至: a buy-back raised it)
    _rule("holding_raised", "{A}{g}(?:对|對|在){B}(?:的)?(?:合计|合計|整体|整體|总|總)?(?P<t>持股比例|持股比重|股权比例|股權比例)(?:已|将|將|也|再)?(?:由{G})?(?:增至|增加至|提高至|提升至|升至|上升至|增加到|提高到|提升到|上升到)", "A", "B", "investment", 0.75),
    # A 将 … 资产 注入 B (the assets may name other companies)
    _rule("inject_into", "{A}{G}(?:将|將|把).*?(?P<t>注入|注资|注資)(?:到|至|进|進)?{B}", "A", "B", "investment", 0.75),
    _rule("investor_brought_in", "{B}{G}(?:引进|引進|引入)(?:了)?{g}(?P<t>战略投资者|戰略投資者|战略投资方|戰略投資方|战投|戰投|投资者|投資者|投资方|投資方|股东|股東){d}{A}", "A", "B", "investment", 0.8),
    # A 参与 B 的定向增发 / 发行 (not its underwriting)
    _rule("takes_issue", "{A}{G}(?:参与|參與|认购|認購){B}{g}(?P<t>定向增发|定向增發|非公开发行|非公開發行|增发|增發|配售|配股|发行|發行|IPO|定增)(?!承销|承銷|保荐|保薦|辅导|輔導)", "A", "B", "investment", 0.82),
    # B 获 A 投资 ; B 获得 A 的战略投资 ; B 引入 A 为战略投资者 ; B 遭 A 举牌
    # (获A专利独占许可并完成天使轮融资: A grants a licence, the round is another's)
    _rule("invest_passive", "{B}{G}(?:" + WIN + "|接受|迎来|迎來|得到|引入|引进|引進|遭到|遭遇|遭|再遭)(?:了)?(?:来自|來自)?{d}{A}(?:(?:与|與){P}(?=的|之|合计|合計|共同|联合|聯合))?(?:的|之)?(?:联合|聯合|共同)?(?:(?!许可|許可|授权|授權|并完成|並完成)" + GAP + "){0,30}?(?<!信贷)(?<!信貸)(?<!贷款)(?<!貸款)(?P<t>" + INVEST_NOUN + "|举牌|舉牌|增持)", "A", "B", _debt_or_investment, 0.88),
    # A 领投 B 的融资
    _rule("lead_round", "{A}{g}(?P<t>领投|領投|跟投|参投|參投)(?!方|机构|機構|者|人)(?:了)?{g}{B}", "A", "B", "investment", 0.88),
    # A 向/从 B 采购 …
    # (not 向B提供…租赁服务: A provides the lease)
    _rule("buy_from", "{A}{G}(?:向|从|從){D}{B}(?:(?!提供|出租)" + GAP + "){0,30}?(?P<t>" + BUY + ")", "A", "B", lambda c, r, roles: "acquisition" if _STAKE_BOUGHT.search(c) else _by_object(c, "purchase", roles, r.trigger), 0.88),
    # Taiwan filings: 本公司向 B 取得機器設備 (not 取得贷款 / 授权 / 核准: B lends or permits)
    _rule("buy_from", "{A}{G}(?:向|从|從){D}{B}{g}(?P<t>取得)(?!" + NON_ENT + "{0,30}?(?:" + LEND_NOUN + "|额度|額度|补助|補助|许可|許可|授权|授權|同意|批准|核准|认证|認證))", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles, r.trigger), 0.8),
    # A 采购 B 的芯片 ; xAI 随即采购其芯片
    _rule("buy_goods_of", "(?<![向从從自]){A}{G}(?<!收)(?P<t>" + BUY + ")(?:了)?{g}{B}(?P<poss>的|之)?(?!" + NON_ENT + "{0,10}(?:股|%))", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles, r.trigger), 0.85),
    # B 收到 / 获得 A 的 … 订单
    # B 投资 A 后获得 … 订单: the one invested in places the order
    _rule("invest_then_order", "{B}(?:" + INVEST + ")(?:了)?{A}(?:后|後|之后|之後){G}(?:" + WIN + ")(?:了)?{G}(?P<t>" + ORDER_NOUN + ")", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.75),
    # B 中标 / 得標 A (的) …项目 / 標案: the one who tenders pays the winner
    _rule("tender_won", "{B}{G}(?P<t>中标|中標|得标|得標|成交)(?:了)?{d}{A}(?:的|之)?" + NON_ENT + "{0,30}?(?:项目|項目|标案|標案|标段|標段|标包|標包|工程|建置案|采购案|採購案)", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.75),
    # B 拿下 A「…工程」 / 取得 A「…計畫」: the owner of the named project pays the one who won it
    _rule("project_won", "{B}{G}(?P<t>拿下|取得|赢得|贏得|斩获|斬獲|获得|獲得|承揽|承攬|得标|得標)(?:了)?{d}{A}(?:的|之)?[「“](?:[^「」“”]{2,40}?(?:工程|项目|項目|标案|標案|计划|計劃|計畫|建置案|统包|統包)[」”]|[^「」“”]{2,40}?[」”](?:采购案|採購案|标案|標案|招标案|招標案|采购项目|採購項目))", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.75),
    # B 取得 A (…區段標土建工程) 標案: unquoted, a tender word closes the project
    _rule("tender_taken", "{B}{G}(?P<t>拿下|取得|赢得|贏得|斩获|斬獲|获得|獲得)(?:了)?{d}{A}(?:的|之)?" + NON_ENT + "{0,30}?(?:标案|標案|标段|標段)", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.74),
    _rule("order_won", "{B}{G}(?:" + WIN + ")(?:了)?{G}{A}(?:的|之)?{G}(?P<t>" + ORDER_NOUN + ")", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.85),
    # B 的晶片獲 A 採用: the one that adopts B's product buys it
    _rule("adopted_by", "{B}{G}(?:获|獲|获得|獲得)(?:了)?{d}{A}(?:的)?(?P<t>采用|採用|导入|導入|选用|選用)", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.72),
    # A 向 B 抛出 / 下达 … 大单
    _rule("order_placed", "{A}{G}(?:向|对|對|给|給){B}{G}(?:下|抛出|拋出|发出|發出|下达|下達|给出|給出|签下|簽下|追加|提交)(?:了)?{G}(?P<t>" + ORDER_NOUN + "|协议|協議)", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.82),
    # B 中标 A 的 … 项目 (the one who tenders pays; 中标 …股权 buys shares: buy_shares)
    _rule("tender_won", "{B}{G}(?P<t>中标|中標)(?:了)?{d}{A}(?:的)?{G}(?:项目|項目|工程|招标|招標|采购|採購|订单|訂單|标段|標段|合同)(?!" + NON_ENT + "{0,10}(?:股|%))", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.75),
    # B 在 A 的 … 招标(采购)中中标 ; A 曾在 B 的天使轮参股
    _rule("tender_in", "{B}{G}(?:在|于|於){d}{A}(?:的)?{G}(?:招标|招標|采购|採購|集采|集採|项目|項目)" + NON_ENT + "{0,4}?中{G}(?P<t>中标|中標|得标|得標)", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.75),
    # (…建设项目工程总承包（EPC）由B中标: the kind of contract after the project)
    _rule("tender_by", "{A}(?:的|之)?(?:(?![，,；;：:])" + GAP + "){0,24}?(?:项目|項目|工程|采购案|採購案|标案|標案)" + _IN_CLAUSE + "{0,10}?(?:则|則)?由{B}{G}(?P<t>中标|中標|得标|得標)", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.72),
    # A 参与(了) B 的 B轮募资 / 融资
    _rule("round_taken_part", "{A}{G}(?P<t>参与|參與|参投|參投|领投|領投|跟投)(?:了)?{d}{B}(?:的|之)?" + NON_ENT + "{0,8}?(?:轮|輪)?" + NON_ENT + "{0,4}?(?:融资|融資|募资|募資|增资|增資)", "A", "B", "investment", 0.8),
    _rule("round_joined", "{A}{G}(?:在|于|於){B}(?:的)?{G}(?:轮|輪|融资|融資)(?:中|时|時)?{G}(?P<t>" + INVEST + "|领投|領投|跟投|参投|參投)", "A", "B", "investment", 0.82),
    # A 是 B 的客户 ; B 吸引了 A、C 等客户
    _rule("customer_of", "{A}{G}(?:是|為|为|成为|成為){g}{B}的{g}(?P<t>客户|客戶|买家|買家)", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.6),
    # A 成为 B 的…赞助商 ; A (冠名)赞助 B: the sponsor pays
    _rule("sponsor_of", "{A}{G}(?:成为|成為|出任|担任|擔任){g}{B}(?:的|之){G}(?P<t>赞助商|贊助商|冠名商|赞助伙伴|贊助夥伴)", "A", "B", "other", 0.65),
    _rule("sponsor_of", "{A}{G}(?:冠名)?(?P<t>赞助|贊助)(?:了)?{d}{B}(?!" + NON_ENT + "{0,4}?(?:的|之)?(?:活动|活動|赛事|賽事|比赛|比賽|论坛|論壇|大会|大會|展览|展覽))", "A", "B", "other", 0.65),
    _rule("customers", "{B}{G}(?:吸引|拿下|赢得|贏得|获得|獲得)(?:了)?{G}{A}{g}(?P<t>客户|客戶)", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.55),
    # B 为 A 提供 / 建设 / 定制 … (but 提供贷款 is money the other way)
    _rule("provides_for", "{B}(?:以及|并|並)?(?:(?![借贷貸付投给給为為向])" + GAP + "){0,16}?(?:用于|用於|用来|用來)?(?:为|為|给|給|向){A}(?:旗下" + GAP + "{0,12}?)?(?P<t>" + PROVIDE + ")(?![^，,。；;：:]{0,30}?(?:" + LEND_NOUN + "|" + GRANT_NOUN + "|投资|投資|预付款|預付款|定金|订金|訂金|保证金|保證金))", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.7),
    # (由) B 供應 … 予 A: the supplier's goods go to A, who pays for them
    # A (同一平台)的 X (则)由 B (独家)供应: A buys X from B
    _rule("supplied_by", "{A}" + NON_ENT + "{0,12}?(?:的|之)" + NON_ENT + "{0,16}?(?:则|則|均|将|將|主要)?由{B}(?:独家|獨家|负责|負責)?(?P<t>供应|供應|供货|供貨)", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.72),
    _rule("supplies_to", "{B}(?:将|將|拟|擬|负责|負責)?(?P<t>供应|供應|供货|供貨)(?:(?![借贷貸付投])" + GAP + "){0,30}?(?:予|给|給){A}", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.7),
    # A (将部分工程)分包予 B ; 由 A 发包、B 承建: the contractor pays the one it hands the work to
    _rule("subcontract", "{A}{G}(?:将|將|拟|擬)?(?P<t>分包|转包|轉包|外包|发包|發包)(?:给|給|予){d}{B}", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.72),
    _rule("contracted_out", "{A}(?P<t>发包|發包)[、，,]?(?:由)?{B}(?:承建|承包|施工|负责施工|負責施工)", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.72),
    # A 与 B 签下 … 协议 (roles decide)
    # (not 合作协议 / 框架协议 / 意向协议: cooperation moves no money yet)
    _rule("agreement", "{X}{G}(?:与|與|和|同|跟){D}{Y}{G}(?P<t>" + SIGN + ")(?:了)?{G}(?<!合作)(?<!框架)(?<!意向)(?<!投票)(?<!表决)(?<!表決)(?<!一致行动)(?<!一致行動)(?<!保密)(?:" + CONTRACT_NOUN + ")", "X", "Y", lambda c, r, roles: "other" if _SPONSORSHIP.search(c) or (_OPERATING_LEASE.search(c) and _LEASED_GOODS.search(c)) else _by_object(c, "purchase", roles), 0.75, True),
    _rule("agreement_of", "{X}(?:与|與|和|同|跟){Y}的{G}(?P<t>协议|協議|合同|合约|合約)", "X", "Y", lambda c, r, roles: _by_object(c, "purchase", roles), 0.7, True),
    # A 借钱给 B ; A 付 … 给 B ; A 投给 B
    _rule("pay_to", "{A}{G}(?P<t>" + PAY_TO + "){B}", "A", "B", lambda c, r, roles: _pay_type(c, r.trigger, roles), 0.85),
    # A 支付 B 授权金 / 转会费 / 货款: the one named right before the fee is paid
    _rule("pay_fee_of", "(?<![向给給对對从從]){A}{G}(?P<t>支付|付)(?:了)?{B}" + _IN_CLAUSE + "{0,12}?(?:" + _FEE_NOUN + ")", "A", "B", lambda c, r, roles: _pay_type(c, r.trigger, roles), 0.8),
    # A 增加 (子公司) B 资本金 / 注册资本: A pays into B
    _rule("capital_added", "{A}{G}(?P<t>增加|增资|增資)(?:其)?(?:全资|全資)?(?:子公司|附属公司|附屬公司)?{B}(?:的)?(?:资本金|資本金|注册资本|註冊資本)", "A", "B", "investment", 0.78),
    _rule("pay_x_to", "{A}{G}(?P<t>" + PAY + ")(?:了)?{G}(?:给|給|予){B}", "A", "B", lambda c, r, roles: _pay_type(c, r.trigger, roles), 0.85),
    # B 获得 / 收到 A 支付的 …
    _rule("pay_received", "{B}{G}(?:获得|獲得|获|獲|收到|取得)(?:了)?{d}{A}{g}(?P<t>支付|付)(?:的)?(?![^，,。；;：:]{0,24}?(?:" + GRANT_NOUN + "))", "A", "B", lambda c, r, roles: _pay_type(c, r.trigger, roles), 0.8),
    _rule("pay_via", "{A}{G}(?:向|给|給){d}" + _ROLE_OF + "{B}(?:" + NON_ENT + "{0,6}?)(?P<t>支付|付款|付费|付費|缴纳|繳納|预付|預付)", "A", "B", lambda c, r, roles: _pay_type(c, r.trigger, roles), 0.82),
    # A 向 B 提供 / 授予贷款 ; B 向 A 借款 / 融资
    _rule("lend", "{A}{G}(?:向|(?<!来源)[为為]|给|給){d}{B}{G}(?:提供|发放|發放|出具|授予|给予|給予)(?:了)?{G}(?P<t>" + LEND_NOUN + ")", "A", "B", lambda c, r, roles: _lend_type(c, r.trigger, r.payer.text), 0.85),
    # A 向 B 发放…“科创贷”: a bank's loan product, named in quotes
    _rule("lend_product", "{A}{G}(?:向|为|為|给|給){d}{B}{G}(?:提供|发放|發放)(?:了)?{G}[“「『](?P<t>[^”」』]{1,6}?(?:贷|貸))[”」』]", "A", "B", "loan", 0.82),
    # A 对 / 给予 B 授信 ; B 获得 A (的) 贷款 / 授信
    _rule("credit_given", "{A}{G}(?:对|對|为|為|给予|給予|给|給){B}{G}(?P<t>授信)", "A", "B", "loan", 0.82),
    _rule("loan_won", "{B}{G}(?:" + WIN + "|得到)(?:了)?(?:来自|來自)?{d}{A}(?:的|之)?{G}(?P<t>授信|贷款|貸款|信贷|信貸|借款)(?!担保|擔保|承诺|承諾)", "A", "B", "loan", 0.82),
    # B 向 A 取得 / 获得 / 申请 … 贷款 (拟向A申请授信 is a planned loan, as 拟收购 is a planned purchase; not
    # 为B向A申请的授信提供担保, a guarantee) ; B 由 / 获 A 提供 … 贷款
    _rule("loan_from", "{B}{G}(?:向|从|從){d}{A}{G}(?:取得|获得|獲得|借入|借得|筹得|籌得|申请到|申請到|申请(?!的)|申請(?!的)|获批|獲批|"
          "(?:申请|申請)的(?=[^，,。；;]*?(?:获批|獲批|获审批|獲審批|审批通过|審批通過|获得批准|獲得批准)))(?:了)?{G}(?P<t>贷款|貸款|借款|信贷|信貸|授信)", "A", "B", "loan", 0.82),
    # B…资金(部分)来自A提供的…贷款, 资金来源为自有资金及A提供之融资额度, 代價將以內部資源及A提供的…貸款支付:
    # the money B pays with is A's loan
    _rule("loan_funds_from", "{B}{G}(?:资金|資金|款项|款項|代价|代價|对价|對價)" + NON_ENT + "{0,6}?(?:来自|來自|来源于|來源於|来源为|以)" + NON_ENT + "{0,10}?{d}{A}(?:所)?(?:提供|发放|發放)(?:的|之){G}(?P<t>贷款|貸款|借款|授信|银团贷款|銀團貸款|融资额度|融資額度)", "A", "B", "loan", 0.78),
    # B 与租赁公司 A 开展售后回租 / 融资租赁业务: the lessor finances B (a leasing company, by its name)
    _rule("leaseback", "{B}{G}(?:与|與|和|同|向){d}{A}{G}(?P<t>售后回租|售後回租|融资租赁业务|融資租賃業務|融资租赁交易|融資租賃交易)", "A", "B", "loan", 0.74),
    # B(的)另一股东A将按(其)持股比例(以同等条件)提供财务资助: a partner lends to the company they hold together
    _rule("lend_pro_rata", "{B}(?:的)?(?:另一|其他|其餘|其余)?(?:名|家)?(?:股东|股東){A}{G}(?:按|依|按照)" + ENT + "?" + NON_ENT + "{0,8}?(?:比例)" + NON_ENT + "{0,12}?(?:提供|给予|給予)(?:了)?{G}(?P<t>财务资助|財務資助|借款|贷款|貸款)", "A", "B", "loan", 0.78),
    _rule("loan_by", "{B}{G}(?:由|获|獲|获得|獲得|得到){d}{A}{G}(?:提供|发放|發放)(?:了)?{G}(?P<t>" + LEND_NOUN + ")", "A", "B", lambda c, r, roles: _lend_type(c, r.trigger, r.payer.text), 0.8),
    # B表示，…，其中 A(银行) 已承诺提供 … 贷款: the bank lends to the clause's topic
    _rule("loan_committed", "{B}(?:其中)?{A}(?:已|亦|也|将|將){0,2}(?:承诺|承諾|同意)(?:为此|為此)?(?:提供|发放|發放)" + NON_ENT + "{0,20}?(?P<t>贷款|貸款|授信|信贷|信貸)", "A", "B", "loan", 0.72),
    # A (董事會另決議)資金貸與子公司B: a Taiwan company lends to B
    # (the trigger stops before 与 / 與, which the pre-filter's rough signature may read as a list's)
    _rule("funds_lent", "{A}{G}(?P<t>资金贷|資金貸){G}{B}", "A", "B", "loan", 0.75),
    # A 与 B (牵头的银行团) 签署 … 授信 / 贷款 合约 / 聯貸案: the bank lends (decided by name, not roles)
    _rule("loan_agreement", "{X}{G}(?:与|與|和|同|跟)(?:由)?{Y}{G}(?:签署|簽署|签订|簽訂|签下|簽下|签约|簽約|订立|訂立|达成|達成)(?:了)?{G}(?P<t>授信|贷款|貸款|借款|信贷|信貸|联贷|聯貸|" + _DEBT_FINANCING + ")(?:" + NON_ENT + "{0,4}?(?:合约|合約|合同|协议|協議|案))?", "X", "Y", "loan", 0.78, True),
    # A (与 P 共同) 出资设立 / 参与设立 B: the founders of a fund or a joint venture pay into it
    _rule("found", "{A}(?:拟|擬|将|將|已|计划|計劃|另|还|還|亦)?(?:{g}(?:与|與|和|同){P})?{G}(?P<t>" + FOUND + "){d}{B}", "A", "B", "investment", 0.78),
    # …合資在高雄設立儲能系統公司「B」: where they set it up, between the joint word and the verb
    _rule("found", "{A}(?:拟|擬|将|將|已|计划|計劃|另|还|還|亦)?(?:{g}(?:与|與|和|同){P})?{G}(?:合资|合資|共同|出资|出資)(?:在|於|于)" + NON_ENT + "{1,8}?(?P<t>设立|設立|成立){d}{B}", "A", "B", "investment", 0.78),
    # A 取得由 B 與 P 牽頭的…債務融資: the banks that lead it lend
    _rule("debt_led", "{B}{G}(?:取得|获得|獲得|获|獲|完成)(?:了)?由{A}(?:(?:与|與|和|及){P})?(?:共同)?(?P<t>牵头|牽頭|安排|主导|主導|提供)(?:、[^，,。；;]{0,30}?(?:参与|參與|参贷|參貸))?(?:的|之){G}(?:贷款|貸款|银团贷款|銀團貸款|联贷|聯貸|授信|" + _DEBT_FINANCING + ")", "A", "B", "loan", 0.8),
    # A 与由 B 牵头(、包括 C 及 D)的银团签订贷款协议 ; A 与 B 共同主办之联合授信案完成签约: the banks lend
    # (the members C and D join through ``_syndicated``)
    _rule("syndicate_led", "{X}{G}(?:与|與|和|同|跟){g}(?:由|以){D}{Y}(?:牵头|牽頭|主办|主辦|领衔|領銜|为首|為首)" + _MEMBERS + "{G}(?:组成|組成)?的?(?:银团|銀團|银行团|銀行團){G}(?:签署|簽署|签订|簽訂|签约|簽約|订立|訂立|落实|落實)(?:了)?{G}(?P<t>授信|贷款|貸款|借款|融资|融資)", "X", "Y", "loan", 0.78, True),
    # A 与 P 共同(统筹)主办的 B …联贷案: both arrangers lend to B (the other banks join through ``_syndicated``)
    _rule("syndicate_for", "{A}(?:{G}(?:与|與|和){P})?(?:共同)?(?:统筹|統籌)?(?:主办|主辦|牵头|牽頭|安排)(?:之|的){d}{B}{G}(?P<t>联合授信|聯合授信|联贷|聯貸|银团贷款|銀團貸款)", "A", "B", "loan", 0.78),
    _rule("syndicate_hosted", "{X}{G}(?:与|與|和|同|跟){Y}(?:共同)?(?:主办|主辦|牵头|牽頭|安排)(?:之|的)?{G}(?P<t>联合授信|聯合授信|联贷|聯貸|银团贷款|銀團貸款)(?:案)?{G}(?:签约|簽約|签署|簽署|签订|簽訂)", "X", "Y", "loan", 0.78, True),
    _rule("borrow", "{B}{G}(?:向|从|從){d}{A}(?:等(?:[0-9一二三四五六七八九十]+家)?(?:银行|銀行)?(?:组成的|組成的)(?:联贷|聯貸)?(?:银行团|銀行團|银团|銀團))?(?:(?!提供|發放|发放|出具|给予|給予|授予)" + NON_ENT + "){0,6}?(?P<t>借款|借钱|借錢|贷款|貸款|举债|舉債|融资|融資|募资|募資)", "A", "B", lambda c, r, roles: _lend_type(c, r.trigger, r.payer.text), 0.82),
    # A 收购 B ; A 收购 C 所持的 B (B is the company bought; not 从 C 收购 B: C sells; A 的收购…: a noun)
    _rule("acquire", "(?<![从從自向]){A}{G}(?<![被的])" + NOT_AFTER_DETERMINER + "(?P<t>" + ACQUIRE + ")" + NOT_VERB + _NOT_HOLDING + "(?:了)?" + PERSONS + "{d}{B}", "A", "B", "acquisition", 0.88),
    # A 购买 S 持有的 B …股权: S is paid for the stake (and B named in it)
    _rule("buy_held", "(?<![从從自向]){A}{G}(?<![被的])(?P<t>购买|購買|购入|購入|买入|買入)(?:了)?{d}{B}(?=(?:所)?持有?(?:的)?" + NON_ENT + "{0,6}?" + ENT + NON_ENT + "{0,12}?(?:股|%))", "A", "B", "acquisition", 0.82),
    # A (作為有限合夥人) 认缴 fund B
    _rule("commit_to", "{A}{G}(?P<t>认缴|認繳)(?:出资|出資)?{d}{B}", "A", "B", "investment", 0.8),
    # A 从 / 向 S (手中) 收购 B ; A 向 S 創辦人 P 及其家族信託收購 B
    # (not 向S購入後租予B: B leases what was bought)
    _rule("acquire_from", "{A}{G}(?:从|從|自|向){d}{S}(?:(?:" + _PERSON_TITLES + ")" + ENT + ")?(?:" + GAP + "{0,12}?" + ENT + "?(?:及|和|、|与|與)" + ENT + "?" + GAP + "{0,6}?)?(?:手中|手里|手裡|手上|处|處)?{G}(?P<t>收购|收購|并购|併購|买下|買下|受让|受讓|购得|購得|购买|購買|购入|購入|取得)(?:了)?(?!" + NON_ENT + "{0,4}?(?:租予|租给|租給|出租|转租|轉租))" + "{d}{B}", "A", "B", "acquisition", 0.82),
    # A 向 / 从 S 收购 (what it buys named by no organisation: 位于葵涌的一幢仓库物业): the seller S is paid
    _rule("acquire_from_seller", "{A}{G}(?:从|從|(?<![来來])自|向){d}{S}(?:手中|手里|手裡|手上|处|處)?{G}(?P<t>收购|收購|并购|併購|买下|買下|受让|受讓|接盘|接盤)" + NOT_VERB + "(?!意向|要约|要約|" + NON_ENT + "*" + ENT + ")", "A", "S", "acquisition", 0.8),
    # A 从 S 竞得 / 拍得 … 土地使用权 (a land-use right, or anything no organisation names): A buys it from S
    _rule("won_from_seller", "{A}{G}(?:从|從|(?<![来來])自|向){d}{S}(?:手中|手里|手裡|手上|处|處)?{G}(?P<t>竞得|競得|拍得|购得|購得)(?!" + NON_ENT + "*" + ENT + ")", "A", "S", lambda c, r, roles: _sale_type(c), 0.78),
    # A (完成) 对 B (的) 收购 ; A 对 B 发起要约收购
    _rule("acquire_of", "{A}{G}(?:对|對){d}{B}{G}(?:的|进行|進行|发起|發起|发出|發出|提出|实施|實施|展开|展開)(?:了)?{g}(?P<t>收购|收購|并购|併購|要约收购|要約收購)" + NOT_VERB + "(?!" + ENT + ")", "A", "B", "acquisition", 0.85),
    # A 将 B 收入囊中 / 收归麾下
    _rule("take_in", "{A}{G}(?:将|將|把){B}{G}(?P<t>收入囊中|收归麾下|收歸麾下|收入麾下|纳入麾下|納入麾下|收入旗下|纳入旗下|納入旗下|揽入怀中|攬入懷中)", "A", "B", "acquisition", 0.82),
    # B 被 / 遭 A 收购
    _rule("acquired_by", "{B}{G}(?:被|遭到|遭遇|遭){d}{A}{G}(?P<t>" + ACQUIRE + ")", "A", "B", "acquisition", 0.88),
    # B 獲 A 全面收購 (not 获A收购要约, an offer; nor 获批收购, an approval)
    # (not 获得A提供的并购贷款: A lends)
    _rule("acquired_by", "{B}{G}(?:获|獲){d}{A}(?:全面|全数|全數|正式)?(?P<t>收购|收購|并购|併購|全资收购|全資收購)(?!要约|要約|意向|建议|建議|邀请|邀請|提议|提議|的|贷款|貸款|基金)", "A", "B", "acquisition", 0.85),
    # B 卖身给 A ; S 将 … 转让给 A
    _rule("sold_to", "{B}{G}(?P<t>" + SELL_TO + ")[”」’\"]?(?:给|給|予){d}{A}", "A", "B", lambda c, r, roles: _sale_type(c), 0.8),
    # B 處分…股權予 A ; B 以…向 A 出售 …(what is sold)
    _rule("sold_to", "{B}{G}(?P<t>" + SELL_TO + ")" + NON_ENT + "{1,20}?(?:{X}" + NON_ENT + "{1,20}?)?(?:给|給|予){d}{A}", "A", "B", lambda c, r, roles: _sale_type(c), 0.78),
    _rule("sold_to", "{B}{G}(?:向|对|對){d}{A}{g}(?P<t>出售|转让|轉讓|出让|出讓|处分|處分)" + NOT_VERB, "A", "B", lambda c, r, roles: _sale_type(c), 0.78),
    # B 所持 X 51%股权拟以…方式由 A 受让: A pays the holder B
    _rule("stake_taken", "{B}(?:所持有|所持|持有)(?:的)?{d}(?:{X})?" + NON_ENT + "{0,12}?(?:股权|股權|股份|权益|權益){G}由{d}{A}(?:以{G})?(?P<t>受让|受讓|承接|收购|收購|购买|購買)", "A", "B", lambda c, r, roles: _sale_type(c), 0.78),
    # A 给 B 股权选择权 / 认股权证
    _rule("option", "{A}{G}(?:给|給|给予|給予|授予|向|为|為){d}{B}[^，,。；;]{0,30}?(?P<t>" + OPTION_NOUN + ")", "A", "B", "equity_option", 0.93),
    # B 獲授可認購 A 股份的認股權證: the company whose shares they are grants them
    _rule("option_granted", "{B}{G}(?:获授|獲授|获得|獲得|取得)(?:可|可以)?(?:认购|認購|购买|購買){d}{A}(?:的|之)?(?:股份|股票|股权|股權)?(?:的|之)(?P<t>" + OPTION_NOUN + ")", "A", "B", "equity_option", 0.9),
)

# Cheap test that a sentence may hold a deal at all (the pre-filter uses it).
TRIGGER_WORDS = re.compile(
    "|".join(
        [INVEST, INVEST_NOUN, BUY, ORDER_NOUN, ACQUIRE, SELL_TO, SIGN, PROVIDE, LEND_NOUN, OPTION_NOUN, PAY, PAY_TO]
        + ["客户", "客戶", "买家", "買家", "领投", "領投", "跟投", "参投", "參投", "借"]
    )
)

# A funding round: "B 完成 … 融资，由 A 领投，C、D 跟投" — every backer pays B.
# the company that completes or wins the round, even when the round's backers are named before 轮
# (a capital increase the company completed, 完成…现金增资, is a round too; A以增资方式入股B is A's investment)
ROUND_TARGET_VERB = _compile("{B}{G}(?:完成|获得|獲得|结束|結束|启动|啟動|开启|開啟|进行|進行)[^。；;]*?(?:融资|融資|轮|輪|增资|增資)")
# (not A本轮出资: this round's backer, not its raiser)
ROUND_TARGET = _compile("{B}{G}(?:完成|宣布|获得|獲得|结束|結束|启动|啟動|进行|進行)?{G}(?:融资|融資|(?<![本此该該])(?:轮|輪))")
# B的投资方包括A、C ; 其投资人包括…: whom the backers listed next have invested in
_OWN_BACKERS = "投资方|投資方|投资人|投資人|投资机构|投資機構"
_LISTS_AS = "(?:为|為|是|包括|包含|有)"  # 投资方为 / 包括 …: the names listed next
ROUND_TARGET_OWNER = _compile("{B}(?:的|之)?(?=(?:" + _OWN_BACKERS + ")" + _LISTS_AS + ")")
_HOLDER = "|".join(HOLDER_TITLES)
_SERVING = "担任|擔任|作为|作為"  # A担任本轮财务顾问, A作为…: a role, not a backer
_SERVES = re.compile(_SERVING + "|出任")
_BACKING_VERBS = "领投|領投|独家投资|獨家投資|独家战略投资|獨家戰略投資|战略投资|戰略投資|跟投|参投|參投|参与投资|參與投資|出资|出資|认购|認購|追投|追加投资|追加投資|追加|加码|加碼|加注|参与|參與"
_BACKS = re.compile(  # right after a name: it backs the round (腾讯投资也参与了本轮融资)
    f"(?:也|亦|还|還|则|則|同样|同樣|继续|繼續|持续|持續|共同|联合|聯合|将|將|拟|擬)*(?:{_BACKING_VERBS})"
)
_OWNER_LINK = "旗下的?|部门|部門"
ROUND_BACKER = _compile(
    # backers listed with 与 too, 老股东 (or 其老股东: its old shareholder) before one
    # and an owner before one (鴻海旗下鴻準投資, 緯創資通創投部門Wistron Ventures): the owner does not pay
    # or a country or a kind before one (與日本SBI Holdings, 及新加坡創投Lionbridge Ventures, 與台灣本土遊戲基金「玩心創投」)
    f"(?:由)?(?P<A>(?:{ENT}(?:{_OWNER_LINK}))?{ENT}(?:(?:{_LIST_SEP}|与|與)(?:{_COUNTRY_BEFORE})?(?:{NON_ENT}{{0,8}}?(?:创投|創投|{_DESCRIBED}))?(?:{ENT}(?={_HOLDER}))?(?:{_HOLDER})?(?:{ENT}(?:{_OWNER_LINK}))?{ENT})*)(?:等)?"
    "(?:在内的|在內的)?(?:多家|数家|數家|[0-9]+家)?(?:投资机构|投資機構|机构|機構|投资方|投資方|(?:现有|現有|老|原)?(?:股东|股東))?"  # A、B在内的多家机构参与; A等现有股东跟投
    "(?:本轮|本輪|此轮|此輪)?(?:将|將|拟|擬|计划|計劃|也|亦|均|都|各|分别|分別|共同|联合|聯合|持续|持續|继续|繼續|再度|再次|超额|超額){0,3}"  # (A本轮出资)
    f"(?P<t>{_BACKING_VERBS})"
)
_ADDRESSED = re.compile(f"(?:向|对|對|给|給){GAP}{{0,6}}?(?:{ENT}(?:、|和|与|與|及))*$")  # 向A和|B: B is an object
THIS_ROUND = re.compile("本轮|本輪|此轮|此輪|该轮|該輪|本次融资|本次融資")
# 天使+轮由A领投, Pre-A轮由B领投: an earlier round of the company the document is about, by its name
NAMED_ROUND = re.compile(r"(?:天使|种子|種子|Pre-?[A-E]|[A-E])\+?[0-9]?(?:轮|輪)(?=由)")
# 投资方为 A 和 B ; 投资机构包括 A、B ; 领投方为 A，参投方包括 B、C
ROUND_BACKERS_NAMED = _compile(
    "(?P<t>" + _OWN_BACKERS + "|投资者|投資者|出资方|出資方|(?:领投|領投|跟投|参投|參投)(?:方|机构|機構|者|人))(?:[，,](?=包括))?(?:正|则|則|即|就)?" + _LISTS_AS + "(?:{g})"
    "(?:(?:天使投资人|天使投資人|个人投资者|個人投資者)" + NON_ENT + "{2,4}?(?:及|和|、|与|與))?{A}"  # a person listed first
)
# …、B（股份代號：0832），以及中東主權基金C: one more backer of the list, after a code or a description
MORE_LISTED = re.compile(
    f"(?:[（(][^（）()\ue000-\ue1ff]{{0,16}}[）)])?(?:、|[，,]?(?:以及|及|和|与|與))(?:{GAP}{{0,12}}?(?:{_DESCRIBED}))?({ENT})"
)

# 卖方为 S ; 交易对方为 S1 及 S2: the sellers of what the sentence's buyer acquires (``SentenceRelations._sellers``)
SELLERS_NAMED = _compile(
    "(?P<t>卖方|賣方|交易对方|交易對方|交易对手方|交易對手方|交易相对人|交易相對人|转让方|轉讓方|出让方|出讓方)(?:为|為|是|系|係|包括)(?:{d})"
    f"(?:{ENT}(?:的)?(?:原)?(?:控股|大|第一大)?(?:股东|股東))?{{A}}"  # 出让方为B原控股股东S, 交易相對人為該公司原大股東S: S sells
)

_HOLDING_VEHICLE = re.compile(f"(?:(?:及|和|与|與){ENT})?(?:的)?(?:持股平台|一致行动人|一致行動人)({ENT})")

# A subscriber of an issue the text does not name the issuer of (国调基金认购1.2亿元; 其余由A、B等机构投资者认购;
# 后者已承诺全额认购): the document's company issues (``document_company``).
SUBSCRIBE = "认购|認購|获配|獲配"
ISSUANCE = re.compile(
    "发行|發行|定增|增发|增發|配售|配股|募集|募资|募資|新股|可转债|可轉債|可转换|可轉換|可换股|可換股|债券|債券|非公开|非公開|增资|增資|招股|私募(?!股权|股權|基金|投资|投資)"
    "|(?:认购人|認購人)(?:为|為)|应募人|應募人"  # 認購人為X, told after the subscription agreement; a placement's 應募人
    "|(?:认购|認購)(?:协议|協議)|股(?:认购|認購)股份"  # 與X訂立認購協議，X將認購4,756萬股認購股份: new shares the company issues
)
SUBSCRIBER = _compile(
    "(?:由)?{A}(?:等)?(?:机构投资者|機構投資者|投资者|投資者|特定对象|特定對象)?(?:(?:作为|作為)(?:战略投资者|戰略投資者|基石投资者|基石投資者))?"
    f"(?:(?!{_SERVING}){GAP}){{0,16}}?(?P<t>" + SUBSCRIBE + f")(?=[^\ue000-\ue1ff、]*(?:$|、))"  # no issuer after it (A认购2亿港元、B认购…);
    # not A担任是次认购事项的财务顾问
)
# 本公司與認購人X訂立認購協議: the subscriber named after its term
SUBSCRIBER_TITLED = _compile("(?:与|和|同)(?P<t>认购人|认购方)(?:{d})?{A}")
# 國發基金亦參與本次私募: a backer that joins the issue the text tells of (simplified, as the signature is)
_ISSUE_JOINED = "参与(?:了)?(?:本次|此次|是次)(?:私募|发行|增发|配售|定增|认购|募资)"
JOINS_ISSUE = _compile("{A}(?:亦|也|则|同时)?(?P<t>" + _ISSUE_JOINED + ")")
# an IPO's strategic placement: A按规定参与跟投，获配金额约1.2亿元 (A is allotted what it subscribed)
ALLOTTED = _compile("{A}(?:(?!" + _SERVING + ")" + GAP + "){0,12}?[，,](?P<t>获配|獲配)(?:金额|金額|股数|股數|数量|數量)")
# a placement's subscribers listed one to an item: (1)A，非關係人，認購6,000仟股，金額…
SUBSCRIBER_LISTED = _compile(
    "^[（(]?[0-9０-９一二三四五六七八九十]{1,2}[）)、.．]{A}(?:[，,](?:非)?(?:关系人|关联人|关联方))?[，,](?P<t>认购|获配)"
)
# 发行对象为 A ; 认购方为 A、B ; 发行对象为公司控股股东 A ; 引入三名基石投资者，包括 A、B 及 C
_AGENTS = "配售代理|包銷商|包销商|承銷商|承销商|保荐人|保薦人"
_AGENT_BEFORE = re.compile(f"(?:{_AGENTS})$")
_AGENT_DEFINED = re.compile(f"[（(][「“]?(?:{_AGENTS})[」”]?[）)]")
SUBSCRIBER_WORDS = ("发行对象", "發行對象", "认购对象", "認購對象", "认购方", "認購方", "认购人", "認購人", "获配对象", "獲配對象", "获配的对象", "獲配的對象", "基石投资者", "基石投資者", "应募人", "應募人")
# (not one that joins or takes up the issue: 國發基金亦參與本次私募)
_SUBJECT_ISSUES = re.compile(
    f"{NON_ENT}{{0,12}}?{ENT}?({ENT})(?:(?!参与|认购|获配|亦|也)[^，,；;。\ue000-\ue1ff]){{0,16}}?(?:{ISSUANCE.pattern})"
)
_INTRODUCES_SUBSCRIBERS = re.compile(f"{NON_ENT}{{0,12}}?({ENT})[^，,；;。\ue000-\ue1ff]{{0,8}}?(?:引入|引進|引进)(?=[^，,；;。]{{0,8}}?(?:基石|认购方|認購方))")
SUBSCRIBERS_NAMED = _compile(
    # (引入五名基石投资者，合共认购…股份，包括 A、B: what they subscribe may come first)
    "(?P<t>" + "|".join(SUBSCRIBER_WORDS) + ")(?:[，,]" + NON_ENT + "{0,20}?)?[，,]?(?:为|為|是|包括|包含|分别为|分別為)"
    f"(?:{ENT}(?:的)?(?:控股股东|控股股東|股东|股東|关联方|關聯方|实际控制人|實際控制人))?" + "{d}{A}"
)


def document_company(aliases) -> Mention | None:
    """The company the document is about (what 公司 stands for), if the document said."""
    named = (aliases or {}).get("公司")
    return named if isinstance(named, Mention) else None


# Where the document's company can be a party the sentence does not name: a round (本轮),
# an issue's subscribers, a reference with nothing before it.
_COMPANY_REFS = ("其", "该公司", "該公司", "该集团", "該集團")
_NAMED_REFS = _COMPANY_REFS[1:]  # the ones that say "company"
# 其中，新股部分由A领投，B跟投: the backers of the round the text told of before (the document's company's)
# a sentence that may go on with what the one before told of (其中，A出资6亿元，…; 其中，…由A领投)
_CONTINUING_WORDS = (
    "其中", "此外", "另外", "同时", "同時", "根据安排", "根據安排", "按照安排", "具体来看", "具體來看", "具体而言", "具體而言",
    "另一份", "另一項", "另一项",  # 另一份…合約，則由B投得: the next of the contracts just told
)
# (本次30亿元增资中，A认缴21亿元: the capital increase just told)
CONTINUES = re.compile(f"^(?:{'|'.join(_CONTINUING_WORDS)}|(?:本次|此次)[^，,。；;]{{0,12}}?(?:增资|增資|融资|融資)中)")
_CONTINUED_ROUND = re.compile(CONTINUES.pattern + "[^。]*?(?:领投|領投|跟投)")
_COMPANY_JOINS = re.compile("|".join([THIS_ROUND.pattern, NAMED_ROUND.pattern, SUBSCRIBE, *SUBSCRIBER_WORDS, *_COMPANY_REFS, "(?:参与|參與)(?:了)?(?:本次|此次|是次)"]))


def is_bank(m: Mention, roles) -> bool:
    """Whether ``m`` names a bank: by its catalog role (``roles``: id -> roles) or by its name."""
    return "bank" in roles(m.entity.id) or bool(_BANK_NAME.search(_LEGAL_FORM_END.sub("", t2s(m.text))))


def parties_needed(sentence: str, company: Mention | None) -> int:
    """How many organisations ``sentence`` must name to hold a deal: one, where the document's company may be the other."""
    return 1 if company is not None and (_COMPANY_JOINS.search(sentence) or _CONTINUED_ROUND.match(sentence)) else 2


# a filing's sale terms: (有條件)同意 / 拟, then what each side does, joined by 而 / 且 / 及
_AGREES = "(?:有条件|有條件|无条件|無條件)?(?:地)?(?:同意|拟|擬)"
_SELLS = "(?:出售|出让|出讓|转让|轉讓)"
_BUYS = "购买|購買|收购|收購|受让|受讓"
_AND_ALSO = "(?:[，,]?(?:而|且|及))[，,]?"

def _signed_then_won(first: str, other: str) -> str:
    """The start of "first 与 other 签署…，获得 …": what is won follows (授信, 投资)."""
    return (
        "{" + first + "}{G}(?:与|與|和|同|跟){" + other + "}{G}(?:签署|簽署|签订|簽訂|签约|簽約)(?:了)?" + NON_ENT
        + "{0,20}?[，,](?:并|並|同时|同時)?(?:获得|獲得|取得)(?:了)?" + NON_ENT + "{0,16}?"
    )


# Rules that span clauses, run over the whole sentence.
_TENDERER = "招标人|招標人|采购人|採購人|招标方|招標方|业主|業主|发包人|發包人"
SENTENCE_RULES: tuple[Rule, ...] = (
    # A 与 B 签署…购售契约，每年采购…: the one that signs and then buys pays the other
    _rule("signed_then_bought", "{A}{G}(?:与|與|和|同|跟){D}{B}{G}(?:" + SIGN + ")(?:了)?" + _IN_CLAUSE + "{0,30}?(?:" + CONTRACT_NOUN + "|契约|契約)(?:[（(][^（）()]{0,12}[）)])?"
          + _IN_CLAUSE + "{0,16}?[，,](?:并|並|将|將|拟|擬|每年|每月|未来|未來|预计|預計)*(?P<t>采购|採購|购买|購買|购入|購入)", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.75, False, True),
    # A 委托 B 安排一次搭载发射，合同价款约2.4亿元: the one who commissions the work pays for it
    # (not 委托B向C发放贷款, an entrusted loan, nor 委托B管理, whose amount is what is managed)
    _rule(
        "commissioned",
        "{A}" + _IN_CLAUSE + "{0,8}?(?P<t>委托|委託){d}{B}(?:(?!贷款|貸款|借款|管理|向)[^。；;\ue000-\ue1ff]){0,30}?"
        "(?:合同价款|合同價款|合同金额|合同金額|合同总价|合同總價|合约金额|合約金額|服务费|服務費)",
        "A", "B", "purchase", 0.7, False, True,
    ),
    # A 與由 B 牽頭、包括 C 及 D 在內的銀團，簽訂…貸款融資協議 (…組成的銀團在泰州簽署…): the clause rule, when a comma parts
    # the signing or the members from the banks
    _rule(
        "syndicate_led",
        "{X}{G}(?:与|與|和|同|跟){g}(?:由|以){Y}(?:统筹|統籌)?(?:牵头|牽頭|主办|主辦|领衔|領銜|为首|為首)[^；;。]{0,40}?"  # the members join in _syndicated
        "(?:组成|組成)?的?" + NON_ENT + "{0,6}?(?:银团|銀團|银行团|銀行團)" + NON_ENT + "{0,8}?(?:签署|簽署|签订|簽訂|签约|簽約|订立|訂立)(?:了)?"
        + NON_ENT + "*?(?P<t>授信|贷款|貸款|借款|融资|融資)",
        "X", "Y", "loan", 0.78, True, True,
    ),
    # B 获得由 A 牵头，C、D 参与的银团贷款: the clause rule ``debt_led``, when a comma parts the members from the lead
    # (the members join in _syndicated)
    _rule(
        "debt_led",
        "{B}{G}(?:取得|获得|獲得|获|獲)(?:了)?由{A}(?P<t>牵头|牽頭|主导|主導)[，,][^；;。]{0,40}?(?:参与|參與|参贷|參貸)(?:的|之){G}"
        "(?:银团贷款|銀團貸款|贷款|貸款|联贷|聯貸|授信)",
        "A", "B", "loan", 0.8, False, True,
    ),
    # B 为“A…采购项目（第3包：…）”的中标人 (a colon inside the project's name): the one who tenders pays its winner,
    # not a 中标候选人
    _rule(
        "tender_winner_of",
        "{B}{g}(?:为|為|是|成为|成為)" + NON_ENT + "{0,2}?{A}(?:的|之)?" + _IN_CLAUSE + "{0,40}?(?:项目|項目|标段|標段|标案|標案|标包|標包)"
        + _IN_CLAUSE + "{0,30}?(?:的|之)(?P<t>中标人|中標人|中标单位|中標單位|中标供应商|中標供應商|成交供应商|成交供應商|得标厂商|得標廠商)",
        "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.74, False, True,
    ),
    # 采购人为A，由B与C组成的联合体中标 ; A…標案由B與C組成的聯合承攬團隊得標: the owner pays each member
    _rule("consortium_won", "{A}{G}由{B}(?:与|與|和|及|、){d}{S}" + NON_ENT + "{0,8}?(?:组成|組成)(?:的|之)" + NON_ENT + "{0,8}?(?:联合体|聯合體|团队|團隊|联营体|聯營體|联盟|聯盟){G}(?P<t>中标|中標|得标|得標)", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.72, False, True),
    # A 与 P(、自然人 Q) 签署《合资协议》，共同出资设立 B: every side of the agreement founds B
    _rule(
        "found_after_signing",
        "{A}{G}(?:与|與|和|同)(?P<P>" + ENT + "(?:(?:、|和|及|与|與)(?:自然人)?" + ENT + ")*)" + NON_ENT + "{0,4}?(?:签署|簽署|签订|簽訂|订立|訂立)(?:了)?"
        + NON_ENT + "{0,16}?[，,](?:并|並|拟|擬|将|將|各方|双方|雙方|三方)?(?P<t>" + FOUND + "){d}{B}",
        "A", "B", "investment", 0.76, False, True,
    ),
    # 公司股东A与B(（代表“C基金”）)签署《股份转让协议》: the shareholder sells its shares to B
    _rule(
        "holder_transfer_signed",
        "(?:股东|股東){A}{G}(?:与|與|和|同){B}(?:[（(][^）)]{0,40}?[）)])?{G}(?:签署|簽署|签订|簽訂|订立|訂立)(?:了)?《?"
        "(?P<t>股份转让协议|股份轉讓協議|股权转让协议|股權轉讓協議)",
        "B", "A", "acquisition", 0.75, False, True,
    ),
    # B 完成私募 / 增资，引进 A 及 C: those brought in pay in
    _rule(
        "raised_brought_in",
        "{B}{G}(?:完成|办理|辦理|进行|進行)(?:了)?" + NON_ENT + "{0,8}?(?:私募|增资|增資|融资|融資|募资|募資|定增)[，,](?:并|並|共)?(?P<t>引进|引進|引入)(?:了)?{d}{A}",
        "A", "B", "investment", 0.76, False, True,
    ),
    # (由) B 中标，招标人为 A: the one who tendered pays the winner
    _rule("won_tenderer_named", "{B}{G}(?P<t>中标|中標|得标|得標)[^。；;]{0,32}?(?:" + _TENDERER + ")(?:为|為|是)?{A}", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.74, False, True),
    # …；同时中标B项目，招标人为A: the same winner's second tender, after a semicolon
    _rule("won_tenderer_named", "{B}{G}(?:中标|中標|得标|得標)(?!金额|金額|价|價|人|候选|候選)" + _IN_CLAUSE + "{0,40}?[，,][^。；;]{0,60}?[；;](?:同时|同時|另外|此外|并|並|另|亦|也)*(?P<t>中标|中標|得标|得標)[^。；;]{0,32}?(?:" + _TENDERER + ")(?:为|為|是)?{A}", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.72, False, True),
    # A 与 B 订立协议，(据此，)以…收购 C…股权: the one A signed with sells C (A收购C stands beside it)
    _rule(
        "bought_after_signing",
        "{A}{G}(?:与|與|同){d}{B}" + NON_ENT + "{0,4}?(?:签署|簽署|签订|簽訂|订立|訂立)(?:了)?(?:(?!合作|框架|意向)" + NON_ENT + "){0,16}?[，,]"
        "(?:据此|據此)?[，,]?(?:拟|擬|将|將|同意)?(?:以" + NON_ENT + "{0,24}?)?(?P<t>收购|收購|受让|受讓|购买|購買|买下|買下)(?:了)?"
        "(?:持有" + _IN_CLAUSE + "{0,30}?的)?" + NON_ENT + "{0,8}?" + ENT,  # (收購持有…兩座物流倉庫的特殊目的公司C: what C holds)
        "A", "B", "acquisition", 0.74, False, True,
    ),
    # B 以每股…向 A(管理的基金) 配售…股新股: the placee A pays the one who places (a fund a manager runs is the manager's);
    # not shares issued as the price of a purchase (向賣方配發…代價股份)
    _rule(
        "placed_with",
        "{B}{G}(?:向|予){D}{A}(?:管理的|管理之|旗下的?)?(?:基金|產品|产品)?(?:(?!配售|配發|配发)" + NON_ENT + "){0,16}?(?P<t>配售|配發|配发)(?!代理|價|价|事項|事项|協議|协议)(?![^，,。；;]*?(?:代價|代价|对价|對價))",
        "A", "B", "investment", 0.76, False, True,
    ),
    # B (在交易所)挂牌转让的…，最终由 A 以…竞得 / 摘牌: A pays the one who put it up for sale (not the company
    # whose stake its holder sells so, S所持B股权…挂牌: ``stake_taken``)
    _rule(
        "listed_sale_won",
        "(?<!所持)(?<!持有)(?<!持有的)(?<!所持的){B}{G}(?:挂牌转让|掛牌轉讓|挂牌出售|掛牌出售|公开挂牌|公開掛牌|挂牌|掛牌)[^。；;]{0,60}?由{d}{A}(?:以{G})?(?P<t>竞得|競得|摘得|摘牌|受让|受讓|购得|購得|拍得)",
        "A", "B", lambda c, r, roles: _sale_type(c), 0.75, False, True,
    ),
    # A 与 B 签订授权协议，以 5 亿日元取得…改编权: A pays the one it signed with for the right
    _rule(
        "right_after_signing",
        "{A}{G}(?:与|與|同){d}{B}" + NON_ENT + "{0,4}?(?:签署|簽署|签订|簽訂|订立|訂立|达成|達成)(?:了)?(?:(?!合作|框架|意向)" + NON_ENT + "){0,16}?[，,]"
        "(?:并|並)?(?:拟|擬|将|將)?以(?:约|約)?{M}(?P<t>取得|获得|獲得|购得|購得|买断|買斷)[^，,。；;]{0,30}?(?:权|權)",
        "A", "B", lambda c, r, roles: "acquisition" if re.search("股权|股權|权益|權益", c) else "purchase", 0.74, False, True,
    ),
    # A 买入/增持 …股，占 B 总股本 …% (a stake notice: the shares are B's)
    _rule(
        "shares_of_total",
        "{A}{G}(?P<t>买入|買入|买进|買進|购入|購入|增持|认购|認購|受让|受讓|购得|購得|吃进|吃進)(?:了)?" + NON_ENT + "{0,20}?(?:{X}" + NON_ENT + "{0,20}?)?(?:股[份票]?|张|張)[，,]?(?:约|約|合计|合計|共)?(?:占|佔){B}(?:的)?"
        "(?:总股本|總股本|已发行|已發行|股本总额|股本總額|总股份|總股份|股份总数|股份總數|总股数|總股數)",
        "A", "B", "investment", 0.82, False, True,
    ),
    # A×B：… 协议 / 订单 / 采购 (headline style, roles decide)
    # A 与 B 的合作 … 签订 … 协议 (roles decide)
    _rule("cooperation_contract", "{X}(?:与|和|同|跟){Y}的?(?:合作|交易|协议)" + NON_ENT + "{0,60}?(?:签订|签署|签下|达成)" + NON_ENT + "{0,24}?(?P<t>协议|合同|订单|大单)", "X", "Y", lambda c, r, roles: _by_object(c, "purchase", roles), 0.7, True, True),
    # A 公布 / 公告 … 招标 / 采购结果，(由) B、C (分别) 中标: the one who tenders pays the winners
    _rule("tender_result", "{A}{G}(?:公布|公告|发布|發布|公示)(?:了)?{G}(?:招标|招標|采购|採購|集采|集採|决标|決標|标案|標案)" + NON_ENT + "{0,10}?(?:结果|結果)[，,：:]?(?:由)?{B}{G}(?P<t>中标|中標|得标|得標)", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.72, False, True),
    # 由A挂牌出让的…地块，…最终被B以…竞得 ; 竞得方为B，出让方为A: land sold, the bidder pays the one who sells it
    _rule("land_won", "由{A}(?:挂牌|掛牌|公开|公開)?(?:出让|出讓)" + NON_ENT + "{0,40}?(?:地块|地塊|宗地|用地)" + NON_ENT + "{0,40}?被{B}{G}(?P<t>竞得|競得|摘得|拍得)", "B", "A", "purchase", 0.75, False, True),
    _rule("land_won", "(?P<t>竞得方|競得方|竞得人|競得人)(?:为|為){d}{B}[^。；;\ue000-\ue1ff]{0,30}?(?:出让方|出讓方|出让人|出讓人)(?:为|為){d}{A}", "B", "A", "purchase", 0.75, False, True),
    # …部分由A单独招标，B以…中标: the tender A held, the next clause's winner
    _rule("tender_held", "由{A}(?:单独|單獨|公开|公開|统一|統一|自行)?(?:招标|招標)[，,]{B}{G}(?P<t>中标|中標|得标|得標)", "A", "B", lambda c, r, roles: _by_object(c, "purchase", roles), 0.72, False, True),
    # B 工商变更，新增股东 A、C / 新增 A 为股东: the new shareholders paid in
    _rule("new_holder", "{B}{G}(?P<t>新增股东|新增股東|新进股东|新進股東)(?:为|為|包括)?{d}{A}", "A", "B", "investment", 0.72, False, True),
    _rule("new_holder_as", "{B}{G}(?P<t>新增|新进|新進){d}{A}(?:为|為)(?:新)?(?:股东|股東)", "A", "B", "investment", 0.72, False, True),
    # B(的)新台幣48億元聯貸案…，由 A 擔任統籌主辦行: the arranger lends (the other banks join in ``_syndicated``)
    # B 與 A1、A2 等11家銀行組成的聯貸銀行團，簽署…聯合授信案: the banks lend to B
    _rule("syndicate_formed", "{B}{G}(?:与|與|和)(?:由)?{A}(?:等" + NON_ENT + "{0,6}?)?(?:组成|組成)(?:的|之)?" + NON_ENT + "{0,6}?(?:团|團)" + NON_ENT + "{0,30}?(?P<t>授信|贷款|貸款|融资|融資|联贷|聯貸)", "A", "B", "loan", 0.78, False, True),
    # HK filings: 本公司（作為借款人）與由A、B及C組成之銀團（作為貸款人）訂立融資協議
    _rule("loan_roles", "{B}[（(](?:作为|作為)(?:借款人|借款方|借方)[）)]" + NON_ENT + "{0,6}?(?:与|與|和)(?:由)?{A}" + NON_ENT + "{0,12}?[（(](?:作为|作為)(?P<t>贷款人|貸款人|贷款方|貸款方|贷方|貸方)[）)]", "A", "B", "loan", 0.8, False, True),
    _rule("syndicate_role", "{B}(?:的|之)?(?:筹组|籌組|办理|辦理)?{M}(?:的|之)?(?P<t>联贷|聯貸|联合授信|聯合授信|银团贷款|銀團貸款)(?:案)?{G}由{A}(?:担任|擔任|出任|统筹|統籌|主办|主辦|牵头|牽頭)", "A", "B", "loan", 0.75, False, True),
    # B 拟引入战略投资者，由 A 以现金5亿元增资
    _rule("investor_brought_in_by", "{B}{G}(?:引进|引進|引入)(?:了)?{g}(?:战略投资者|戰略投資者|战略投资方|戰略投資方|投资者|投資者|投资方|投資方)[，,](?:并|並)?(?:拟|擬|将|將)?由{d}{A}{G}(?P<t>增资|增資|注资|注資|投资|投資|出资|出資|认购|認購)", "A", "B", "investment", 0.78, False, True),
    # B 處分…土地，交易對象為 A ; B 出售…，买方为 A: the counterparty of a sale buys
    _rule("sold_counterparty", "{B}{G}(?P<t>出售|处分|處分|转让|轉讓|出让|出讓)[^。；;]{0,60}?(?:交易对象|交易對象|交易相对人|交易相對人|买方|買方|受让方|受讓方)(?:为|為|是|係|系){d}{A}", "A", "B", lambda c, r, roles: _sale_type(c), 0.75, False, True),
    # A 取得 / 购入 …，交易相對人為 B: the counterparty of a purchase sells
    _rule("bought_counterparty", "{A}{G}(?P<t>取得|购入|購入|买入|買入|购买|購買|购置|購置)[^。；;]{0,60}?(?:交易对象|交易對象|交易相对人|交易相對人|卖方|賣方)(?:为|為|是|係|系){d}{B}", "A", "B", lambda c, r, roles: _sale_type(c), 0.75, False, True),
    # A 拟收购 C…，并已与交易对方 B 签署…协议: B sells
    _rule("acquire_counterparty", "{A}{G}(?P<t>收购|收購|受让|受讓|购买|購買)[^。；;]{0,60}?(?:与|與|和|同)(?:交易对方|交易對方|转让方|轉讓方|出让方|出讓方)(?:为|為)?{B}", "A", "B", "acquisition", 0.75, False, True),
    # B 由 A 出资 40 亿元(，C 出资…，其余份额由 D、E 认缴): the fund's backers (the rest in ``continued``)
    _rule("funded_by", "{B}(?:将|將|拟|擬)?由{A}(?:等)?(?:共同|联合|聯合|分别|分別)?(?P<t>出资|出資|认缴|認繳)", "A", "B", "investment", 0.8),
    # B 完成…轮增资，由 A 投资 2 亿元(，C 跟投…): a round's backer named with a plain investing verb
    _rule(
        "round_invested_by", "{B}{G}(?:融资|融資|轮|輪|增资|增資)[，,](?:本轮|本輪|此次|本次)?由{d}{A}(?:等)?(?:共同|联合|聯合|独家|獨家)?(?P<t>投资|投資|注资|注資)",
        "A", "B", "investment", 0.8, False, True,
    ),
    # 賣方有條件同意出售而買方有條件同意購買 B (or the buyer first): the buyer pays the seller (filings name both by their terms)
    # A 受让 X 持有的…股份，以及 B 持有的…股份: the second holder sells too
    _rule("second_holder", "{A}{G}(?P<t>受让|受讓|收购|收購|购买|購買)(?:{X})?{G}" + ENT + "?持有的" + NON_ENT + "{0,20}?[，,](?:以及|及|和|并|並)(?:向)?{d}{B}(?:所)?持有的", "A", "B", "acquisition", 0.78, False, True),
    _rule("sale_agreed", "{B}" + _AGREES + _SELLS + _AND_ALSO + "{A}" + _AGREES + "(?P<t>" + _BUYS + ")", "A", "B", "acquisition", 0.75, False, True),
    _rule("sale_agreed", "{A}" + _AGREES + "(?P<t>" + _BUYS + ")" + _AND_ALSO + "{B}" + _AGREES + _SELLS, "A", "B", "acquisition", 0.75, False, True),
    # A 与 B 签署 (战略合作) 协议，获得 N 亿元 (综合) 授信: the bank lends (decided by name, not roles)
    _rule("loan_signed_won", _signed_then_won("X", "Y") + "(?P<t>授信|贷款|貸款|信贷|信貸|融资额度|融資額度)", "X", "Y", "loan", 0.72, True, True),
    # B 与 A 签约，获得 (A轮) N 万元 (战略) 投资: the one signed with pays in
    _rule("investment_signed_won", _signed_then_won("B", "A") + "(?P<t>投资|投資|注资|注資)(?!人|者|方|机构|機構)", "A", "B", "investment", 0.72, False, True),
    _rule("cross", "{X}[×✕╳]{Y}[:：]{G}(?P<t>协议|協議|订单|訂單|合同|采购|採購|部署|租赁|租賃)", "X", "Y", lambda c, r, roles: _by_object(c, "purchase", roles), 0.7, True, True),
)
_SYMMETRIC_RULES = frozenset(rule.name for rule in (*RULES, *SENTENCE_RULES) if rule.symmetric)

# what a contract is for, said by the party that signs it first (simplified, as the rules see it)
_SELLER_CONTRACT = re.compile("(?:销售|供货|供应|建造|造船|施工|工程|承包|总包|代工|加工|服务|EPC|改造|安装|集成|运维|维保|维护|设计)(?:框架)?(?:合同|合约|协议|订单)")
_STAKE_NEXT = re.compile(f"({ENT}){NON_ENT}{{0,12}}?(?:股权|股權|股份)")
_DEALER_OF = re.compile(f"(?:的|之)?(?:经销商|經銷商|代理商|分销商|分銷商|加盟商|代工厂|代工廠)({ENT})")
_OPENS_WITH_SALE = re.compile(f"{GAP}{{0,8}}?(?:将|將|把){NON_ENT}{{0,16}}$")  # (拟以…)将B…: a sale whose seller is the subject
def _named_as(parties: list[Mention], words: re.Pattern) -> list[Mention]:
    """The parties whose name, as written or in the catalog, holds ``words`` (…礦業, …工程有限公司)."""
    return [m for m in parties if words.search(t2s(f"{m.text} {m.entity.name}"))]


_SPONSORSHIP = re.compile("赞助|贊助|冠名")  # a sponsorship is neither goods nor a service bought
# a contract's work, the words of a name that does it and the catalog role of one (paid whichever side signs first)
_OPERATING_LEASE = re.compile("(?<!融资)(?<!融資)(?:经营租赁|經營租賃|租赁协议|租賃協議|租赁合同|租賃合約|租约|租約)")
_WORK_AND_DOER = (
    (re.compile("EPC|总承包|总包|施工|工程"), re.compile("工程|建设(?!银行)|建工|建筑|路桥|城建|电建|能建|中建|中铁|中交"), None),
    (re.compile("发射"), re.compile("火箭|运载|航天"), None),
    (re.compile(_SPONSORSHIP.pattern + "|广告|廣告"), re.compile("俱乐部|球会|足球|篮球|棒球|球队|车队|协会"), None),  # the club is paid
    (re.compile("配餐"), re.compile("食品|餐饮|配餐|航食"), None),
    (re.compile("购售电|售电|购电|(?i:PPA)"), re.compile("风能|风电|绿能|光电|能源|电力|太阳能"), None),  # the power producer is paid
    (re.compile("电池|電池|电芯|電芯"), re.compile("电池|锂电|锂能"), "battery_maker"),  # the battery maker (宁德时代) is paid
    (re.compile("封装测试|封装|封測|封裝|测试服务|測試服務"), re.compile("封测|测试|(?i:\\btest)"), None),  # the test house is paid
    (re.compile("焦煤|煤炭|动力煤|動力煤"), re.compile("煤业|煤矿|能源矿业|(?i:\\bcoal\\b)"), None),  # the coal miner is paid
    # an operating lease pays the leasing company (not a finance lease, which is its loan)
    (_OPERATING_LEASE, re.compile("租赁|租賃"), None),
)
_SHIP_CONTRACT = re.compile("造船|建造|订造")
_SHIPYARD = re.compile("造船|船舶|船厂|重工|船业")
_OFFTAKE = re.compile("承购|承購|包销协议|包銷協議|(?i:offtake)")  # an offtake agreement: a mine's output bought
_MINE_NAME = re.compile("矿业|礦業|矿产|礦產|锂矿|鋰礦|(?i:\\b(?:mining|minerals?|lithium|resources)\\b)")
_PRODUCER_BEFORE = re.compile("(?:合作社|农场|農場|牧场|牧場|矿商|礦商|矿企|礦企|矿山|礦山|生产商|生產商)$")
_CUSTOMER_BEFORE = re.compile("(?:客户|客戶|船东|船東)$")
# the other side described as the maker or the service firm (与代工巨头B签署代工协议, 與臨床研究服務機構B簽訂…): B is paid
_MAKER_BEFORE = re.compile(
    "(?:代工|代工厂|代工廠|代工巨头|代工巨頭|代工商|供应商|供應商|承包商|服务机构|服務機構|研究机构|研究機構"
    "|(?:风机|風機|设备|設備|机械|機械|零件|组件|組件)(?:商|厂|廠|制造商|製造商))$"  # (not 晶片厂 or 汽车制造商: often the customer)
)
# a contract its first party commissions (委托研究合同, 委託開發協議): that party pays
_BUYER_CONTRACT = re.compile(
    "(?:委托|委託)(?:研究|研发|研發|开发|開發|生产|生產|加工|设计|設計|检测|檢測|服务|服務|临床|臨床|培养|培養|培训|培訓)[\u4e00-\u9fff]{0,4}?(?:合同|合约|合約|协议|協議)"
)  # (not 委托贷款, a loan, nor 股权委托管理, no payment)
# the clause after a contract saying which side provides (，由B提供…): that side is paid
_PROVIDED_NEXT = re.compile(
    f"[，,](?:并|並)?(?:约定|約定)?由?({ENT})(?:[^，,。；;\ue000-\ue2ff]|(?<=[向为為给給]){ENT}){{0,16}}?(?:负责|負責)?"
    "(?:提供|供应|供應|供货|供貨|建设|建設|施工|生产|生產|承建|承接)"
    "(?![^，,。；;]*?(?:资金|資金|贷款|貸款|借款|款|担保|擔保|融资|融資|授信|额度|額度))"  # (由长沙银行向公司提供…授信额度: a loan)
)
# the clause right after a contract that says who pays or buys under it (，B將預付新台幣36億元產能保證金;
# ，由後者以3,000萬港元預購…發行權)
_PAYS_NEXT = re.compile(
    f"[，,](?:并|並)?(?:约定|約定)?由?({ENT})[^，,。；;\ue000-\ue1ff]{{0,8}}?"
    "(?:预付|預付|支付|给付|給付|付款|缴付|繳付|预购|預購|买断|買斷)(?!的)"
)
# the clause right after a contract, buying with no new subject: its buyer is the contract's first party
_BUYS_NEXT = re.compile(  # …签订采购合同，约定2026年至2028年采购多晶硅约18万吨: the same subject buys
    "[，,](?:并|並|将|將|拟|擬|计划|計劃|共|约定|約定|确认|確認)?(?:[0-9０-９年月日至到起内內间間期度]{0,16}|明年|今年|未来|未來|每年|全年)?"
    "(?:向其|向对方|向對方)?(?:订购|訂購|采购|採購|购买|購買|购置|購置|租入|租用|承租)"
)
_THEN = "[，,](?:并|並|将|將|拟|擬|计划|計劃)?"  # the next clause, the same subject going on
# …签署发射服务合同，约定…由朱雀三号运载火箭为其执行… (，将由后者的…火箭…发射其…卫星): the side something works for, or
# whose satellites the other's rocket launches, is served and pays
_SERVES_NEXT = re.compile(
    f"[，,](?:(?:约定|約定){_IN_CLAUSE}{{0,20}}?由{_IN_CLAUSE}{{1,12}}?(?:为|為)|(?:将|將)?由{ENT}{_IN_CLAUSE}{{1,40}}?(?:发射|發射))({ENT})"
)
# …签署采购协议，将在其数据中心部署B第二代推理加速卡: the side that puts the other's products to use buys them
_PUTS_TO_USE = "(?:在[^，,。；;]{0,16}?)?(?:部署|采用|採用|导入|導入|使用)"
_DEPLOYS_NEXT = re.compile(f"{_THEN}{_PUTS_TO_USE}({ENT})")
# …采购订单，将用于后者重庆工厂…: the side whose site the goods go to buys them
_USED_BY_NEXT = re.compile(f"{_THEN}(?:用于|用於|供)({ENT})")
# …，B将使用A位于德州的GPU丛集: B, putting A's goods to use, buys them
_USES_OTHERS_NEXT = re.compile(f"[，,]({ENT})(?:将|將|会|會|可)?{_PUTS_TO_USE}({ENT})")
# the clause right after a contract commissioning the other side (…签订生产服务协议，委託其為…提供…): the first party pays
_COMMISSIONS_NEXT = re.compile("[，,](?:并|並|将|將|拟|擬)?(?:委托|委託)(?:其|对方|對方|[\ue000-\ue1ff]|$)")  # (the tail ends at a name)
_SELLS_NEXT = re.compile("[，,](?:并|並|将|將|拟|擬|同意)?(?:以" + NON_ENT + "{0,16}?)?(?:出售|转让|轉讓|出让|出讓)(?!给|給|予|于|於)")
_BANK_NAME = re.compile(r"(?:银行|分行|支行|银团|信用社|信托|商行|商银|企银)$")  # 沈北农商行, 上海商银, 台湾中小企银
_LEGAL_FORM_END = re.compile(r"(?:股份)?有限(?:责任)?公司$")  # 沈北农村商业银行股份有限公司 is a bank
_COMPANY_FORM = re.compile(r"(?:股份)?有限(?:责任|責任)?(?:公司)?|股份")
_PREPOSITIONS = "向对對给給与與和为為从從把让讓使由"  # what no description holds (与关联方B: B is no subject)
_INVESTOR_NOUN = re.compile("(?:投资|投資)(?:者|人)")
# what a person says with, alone in its clause (韩松坦言，去年公司付了…)
_SPEAKS = re.compile("(?:坦言|坦承|表示|透露|指出|介绍|介紹|说|說|称|稱|直言|强调|強調)\\s*")
# a source tag or byline before the first clause's subject (【星島頭條】, 〔記者林宜萱／新竹報導〕)
_SOURCE_TAG = "(?:【[^】]*】|〔[^〕]*〕|［[^］]*］|〖[^〗]*〗|[^，,。；;：:\ue000-\ue2ff]{2,10}?[讯訊](?=[^，,。；;：:]))"  # or 新浪科技讯
# 获得B股份: B is an object; 目前在B运营…: B is where (not 在2024年，A…)
# the first organisation of a clause, past an exchange it is listed on (港交所上市的融資租賃公司B…: B)
_CLAUSE_SUBJECT = re.compile(
    f"{_SOURCE_TAG}?(?:{NON_ENT}{{0,8}}?{ENT}(?:主板|创业板|創業板|科创板|科創板)?(?:上市|挂牌|掛牌)(?:的|之))?"
    f"({NON_ENT}{{0,20}}?)({ENT}(?:{_LIST_SEP}{ENT})*)"
)
# 接獲 / 收到 before a description of the name (已接獲美國雲端服務商X…): the description would hide it
_RECEIVED_BEFORE = re.compile("接获|接獲|接到|收到|拿到|赢得|贏得|斩获|斬獲|拿下|揽获|攬獲")
_NOT_SUBJECT = re.compile(f"[{_PREPOSITIONS}被]|扶持|支持|帮助|幫助|包括|获得|獲得|取得|得到|持有|在$|[获獲]$")

# Round backers' verbs in simplified script, as the pre-filter sees them.
ROUND_BACKING = "领投|跟投|参投|参与投资|独家投资|独家战略投资|战略投资|出资|认购|追投|追加投资|追加|加码|加注|参与|投资方|投资人|投资机构|投资者|出资方"

# the company raising the round, its round word after it, and a backer after it (before or after the round word);
# or 本轮 anywhere and a backer anywhere (腾讯投资也参与了本轮融资: the document's company raises it)
_THIS_ROUND_SIMPLE = "|".join(dict.fromkeys(_simplified(w) for w in THIS_ROUND.pattern.split("|")))  # as the pre-filter sees them
_CONTINUING_SIMPLE = "|".join(dict.fromkeys(_simplified(w) for w in _CONTINUING_WORDS))
_BACKED = f"(?:{ENT}.*?(?:{ROUND_BACKING})|(?:{ROUND_BACKING}).*?{ENT})"
_OWN_BACKERS_SIMPLE = "|".join(dict.fromkeys(_simplified(w) for w in _OWN_BACKERS.split("|")))
RELAXED_ROUND = re.compile(
    f"{ENT}(?=.*?(?:融资|轮|增资))(?=.*?{_BACKED})|^(?=.*?(?:{_THIS_ROUND_SIMPLE}|{NAMED_ROUND.pattern}))(?=.*?{_BACKED})"
    f"|{ENT}(?:的|之)?(?:{_OWN_BACKERS_SIMPLE}).*?{ENT}",
    re.S,
)


@dataclass(frozen=True)
class _Gate:
    """What the pre-filter asks of a sentence for one rule: its trigger words, then its skeleton
    (on the sentence) or its relaxed form (on the rough signature). Both hold the trigger words,
    so the cheap trigger search first changes no answer."""

    words: frozenset[str]  # see _trigger_alternatives
    skeleton: re.Pattern
    relaxed: re.Pattern


_NAMED_WORDS = sorted({_simplified(w) for w in SUBSCRIBER_WORDS})  # the gates see simplified text
_GATES = tuple(
    _Gate(frozenset(_trigger_alternatives(rule.trigger_skeleton)), re.compile(rule.skeleton), rule.relaxed)
    for rule in RULES + SENTENCE_RULES
) + (
    _Gate(
        frozenset(ROUND_BACKING.split("|")),
        re.compile(f"^(?=.*?(?:融资|轮|增资|{_OWN_BACKERS_SIMPLE}))(?=.*?(?:{ROUND_BACKING}))", re.S),
        RELAXED_ROUND,
    ),
    _Gate(frozenset(("认购", "获配")), re.compile("认购|获配"), re.compile(f"{ENT}.*?(?:认购|获配)")),
    _Gate(frozenset(("参与",)), re.compile(_ISSUE_JOINED), re.compile(f"{ENT}.*?{_ISSUE_JOINED}")),
    _Gate(
        frozenset(("领投", "跟投")), re.compile(f"^(?:{_CONTINUING_SIMPLE}).*?(?:领投|跟投)", re.S),
        re.compile(f"^(?:{_CONTINUING_SIMPLE})(?=.*?(?:{ENT}.*?(?:领投|跟投)|(?:领投|跟投).*?{ENT}))", re.S),
    ),
    _Gate(frozenset(_NAMED_WORDS), re.compile("|".join(_NAMED_WORDS)), re.compile(f"(?:{'|'.join(_NAMED_WORDS)}).*?{ENT}")),
)

# Every rule's trigger words (the entity finder stops names at them).
DEAL_WORDS = frozenset().union(*(gate.words for gate in _GATES))


class _TriggerIndex:
    """Which gates' trigger words a text holds, in one Aho-Corasick pass instead of a search per gate.

    A gate whose trigger is more than a list of words is always returned.
    """

    def __init__(self, gates: tuple[_Gate, ...]):
        self._automaton = ahocorasick.Automaton()
        self._always: list[int] = []
        by_word: dict[str, set[int]] = {}
        for i, gate in enumerate(gates):
            if any(word.startswith("(?:") for word in gate.words):
                self._always.append(i)
                continue
            for word in gate.words:
                by_word.setdefault(word, set()).add(i)
        for word, indices in by_word.items():
            self._automaton.add_word(word, frozenset(indices))
        self._automaton.make_automaton()

    def gates(self, text: str) -> list[int]:
        found = set(self._always)
        for _, indices in self._automaton.iter(text):
            found |= indices
        return sorted(found)


_TRIGGERS = _TriggerIndex(_GATES)


def deal_gates(sentence: str) -> list[int]:
    """The rules (gate indices) whose skeleton matches ``sentence``: cheap and exact, since a
    sentence no skeleton matches cannot hold a deal, and each skeleton holds its rule's trigger
    words (tested on the simplified form, like the rules)."""
    simplified = _simplified(sentence)
    return [i for i in _TRIGGERS.gates(simplified) if _GATES[i].skeleton.search(simplified)]


def could_hold_deal(sentence: str) -> bool:
    """Whether any rule's skeleton matches ``sentence`` (see ``deal_gates``)."""
    return bool(deal_gates(sentence))


def could_match_rough(rough_signature: str, gates: list[int] | None = None) -> bool:
    """Whether any rule, relaxed, matches a rough signature of the sentence.

    The rough signature (``EntityFinder.rough_signature``) has a placeholder
    wherever the full pipeline may find a name, so a rule that matches the
    real signature also matches, relaxed, the rough one. ``gates`` are the
    sentence's ``deal_gates`` when the caller has them: a relaxed rule holds
    its skeleton's words in order, so no other rule can match.
    """
    simplified = _simplified(rough_signature)
    if gates is None:
        gates = _TRIGGERS.gates(simplified)
    return any(_GATES[i].relaxed.search(simplified) for i in gates)


# (not a dash between years, 2025—2026, nor a thousands comma, 1,275万元)
CLAUSE_BREAK = re.compile(r"[，；;：:！？!?。（）()…]|(?<![0-9]),|,(?![0-9]{3}(?![0-9]))|(?<![0-9])—|—(?![0-9])")
_DESCRIPTION_END = re.compile(f"[^\ue000-\ue1ff{_PREPOSITIONS}]{{0,8}}?(?:{_DESCRIBED})$")
_SYNDICATE = re.compile("银团|銀團|银行团|銀行團|联合授信|聯合授信|联贷|聯貸")
_PERSON_TITLE = re.compile(_PERSON_TITLES)
_HOLDER_OF_BOUGHT = re.compile(
    f"(?:的|之)?(?:第[一二三四五六七八九十]大|控股|大|原)?(?:股东|股東)({ENT})(?:所|合计|合計)?持有?(?:的)?"
)
_BACKER_PART = re.compile("(?:了)?(?:约|約)?([\ue200-\ue2ff])")  # an amount right after a backer's verb
_STAKE_HOLDER = re.compile(f"({ENT})(?:所持有|所持|持有)(?:的)?$")  # right before the company whose stake is sold
_LESSOR_NAME = re.compile("租赁")  # (the text simplified)


def _same_party(a: Mention, b: Mention) -> bool:
    """Whether two mentions name one party: one id, or a name and its shorter form (Cerelux Systems … Cerelux)."""
    short, full = sorted((a.text, b.text), key=len)
    return a.entity.id == b.entity.id or (len(short) >= 2 and full.startswith(short))


def _one_each(mentions: Iterable[Mention]) -> list[Mention]:
    """``mentions`` in the order given, each organisation once (its first mention in that order)."""
    out: list[Mention] = []
    for m in mentions:
        if all(m.entity.id != o.entity.id for o in out):
            out.append(m)
    return out


_POSITIONAL_REFS = frozenset(("后者", "後者", "前者"))  # they say which of two named before they mean; 其 does not
_ITS_AND_OTHER = ({"其", "对方"}, {"其", "對方"})  # 其 is the sentence's first party, 对方 the one it dealt with
_FROM_SELLER = re.compile(  # 向甲、乙及S / 向A創辦人李偉明及其家族信託 / 向創辦人陳國輝 / 向智利S: every one listed after 向 sells
    f"(?:从|從|向)(?:[^，,；;：:。]{{0,24}}?(?:、|及|和|与|與))?(?:{GAP}{{0,12}}?(?:{_DESCRIBED}|的)|(?:{GAP}{{0,12}}?(?:{_DESCRIBED}))?{ENT}?(?:{_PERSON_TITLE.pattern}))?$"
    "|(?<![面转轉投走方导導意倾傾流动動趋趨偏指])(?:从|從|向)[\u4e00-\u9fff]{2}$"
)
# "英伟达子公司CoreWeave", "字节旗下的火山引擎": the second name is the party.
# "鸿海旗下电动车厂鸿华先进", "英伟达支持的云计算公司Nebius", "公司控股的项目公司Salar Verde": so is the last one after a description.
# "凌群今日代子公司Orion Tech公告，以…认购": the subsidiary a Taiwan filing speaks for; "向公司另一全资子公司B": B.
APPOSITION = re.compile(
    f"({ENT})(?:的|之)?(?:(?:今日|今天|昨日|昨天|日前|近日)?代(?:子公司|孙公司|孫公司)|(?:另一家|另一)?(?:(?:间接|間接)?(?:全资|全資|控股))?(?:子公司|附属公司|附屬公司)|控股的|参股的|參股的|旗下的|旗下|孙公司|孫公司|附属公司|附屬公司|母公司|支持的|扶持的|孵化的|所属的|所屬的|所属|所屬|下属的|下屬的|下属|下屬)"
    f"(?:(?:(?![，,；;：:。]){GAP}){{0,12}}?(?:{_DESCRIBED}|厂|车企|品牌|基金|工作室|部门|部門))?(?={ENT})"
)


# a name glossed in brackets right after a name (韩国浦星控股株式会社（POSUNG Holdings）)
GLOSS = re.compile(f"({ENT})[（(]{ENT}[）)]")
# or an acronym no finder named (新加坡政府投資公司（GIC）及…)
ACRONYM_GLOSS = re.compile(f"({ENT})[（(][A-Z][A-Za-z0-9&.\\- ]{{0,15}}[）)]")
# the holder named after its company (公司控股股东、实际控制人张三及其一致行动人A): the holder is the clause's subject
_ITS_HOLDER = re.compile(f"(?:的)?(?:控股股东|控股股東|第一大股东|第一大股東|大股东|大股東)({ENT})")  # 公司第一大股东A
_HOLDER_OF = re.compile(
    f"(?:的)?(?:控股股东|实际控制人|实控人|第一大股东|大股东|另一股东|另一股東|其他股东|其他股東)([^，,；;：:。]{{0,30}})"
)
# a count of things before the seller's name (订购100辆特斯拉电动卡车, 采购2万片英伟达GPU): its goods are bought, not it
_COUNTED_GOODS = re.compile("(?:<N>|[0-9０-９.,一二两兩三四五六七八九十百千万萬亿億多余餘数數几幾])+(?:辆|輛|台|架|片|颗|顆|套|块|塊|部|艘|张|張|枚|批|座|组|組)")
# Taiwan and Hong Kong shorthand for a country's firm right before its name (日商村井製作所, 美商Lumentek)
FIRM_OF_COUNTRY = re.compile(f"(?:(?:日|美|韓|韩|德|法|英|陸|陆|港|台|外|荷|瑞|澳|加)商|{ANY_COUNTRY})(?={ENT})")
# a description between a list's separator and the next name (…、阿里巴巴及中東主權基金Mubadala): the name is the item
LISTED_DESCRIPTION = re.compile(f"(?<={ENT}[、及和])(?:(?!旗下|的)[^\ue000-\ue1ff、，,；;：:。（）()]){{0,6}}?(?:{_DESCRIBED})(?={ENT})")

# 通过 / 经由 a bank: the party before it pays; 通过 an exchange's trading system: where, not who
# a dash that sets off the name a description introduces (收购中东地区最大的电商平台——Souq.com)
DASHED_NAME = re.compile(f"({_DESCRIBED})(?:{DASHES})(?=[「『“]?{ENT})")

INTERMEDIARY = re.compile(
    f"(?:通过|通過|经由|經由|透过|透過|委托|委託){ENT}(?=向|对|對|为|為|给|給)"
    f"|(?:通过|通過|经由|經由|透过|透過|在){ENT}(?=(?:交易所|交易中心)?(?:的)?(?:交易系统|交易系統|集中竞价|集中競價|竞价交易|競價交易|大宗交易))"
)
# "中金资本旗下基金", "高瓴旗下的产业基金": the parent stands for its unnamed fund
FUND_OF = re.compile(f"({ENT})(?:旗下|下属|下屬)(?:的)?(?:子基金|产业基金|產業基金|基金|投资平台|投資平台|投资机构|投資機構)(?!{ENT})")


_NOT_DEAL_BEFORE = re.compile(r"(?:每股|每|单价|單價|均价|均價|股价|股價|估值|市值|身价|身價)[^0-9]{0,3}$")
_NOT_DEAL_AFTER = re.compile(r"^(?:/股|每股|一股|的?估值|的?市值)")


def _deal_amount(sentence: str, start: int, end: int) -> bool:
    """Per-share prices and valuations (每股6.01美元, 500亿美元估值) are not what a deal moves."""
    return not (_NOT_DEAL_BEFORE.search(sentence[max(0, start - 6) : start]) or _NOT_DEAL_AFTER.match(sentence[end : end + 4]))


def _deal_amounts(sentence: str, amounts) -> list:
    return [a for a in amounts if _deal_amount(sentence, a.start, a.end)]


@dataclass
class _Sig:
    """A sentence's signature and the mentions its placeholders stand for."""

    text: str  # the signature
    mentions: list[Mention]



_OPEN, _CLOSE = "「『“《", "」』”》"


def _signature(sentence: str, mentions: list[Mention], amounts) -> _Sig:
    spans = []
    for i, m in enumerate(mentions[:512]):
        start, end = m.start, m.end
        # 「英偉達」 is one name: the brackets go into its placeholder
        if start > 0 and end < len(sentence) and sentence[start - 1] in _OPEN and sentence[end] in _CLOSE:
            start, end = start - 1, end + 1
        spans.append((start, end, chr(ENT_BASE + i)))
    spans += [(a.start, a.end, chr(AMT_BASE + j)) for j, a in enumerate(amounts[:256])]
    for note in STAKE_NOTE.finditer(sentence):  # 瑞邦储能（公司持股40%）提供…: how much the company holds, left out whole
        spans = [s for s in spans if not (note.start() <= s[0] and s[1] <= note.end())] + [(note.start(), note.end(), "")]
    # （简称“宁德时代”，CATL） only names a party again: it must not split the clause around it; nor must
    # a name's stock code (被鼎捷智控（300996）以…收购)
    spans += [(d.start, d.end, "") for d in alias_definitions(sentence)]
    ends = {m.end for m in mentions}
    spans += [(c.start(), c.end(), "") for c in STOCK_CODE.finditer(sentence) if c.start() in ends]
    # an aside (分歧管（manifold）訂單, 设备（含电缆）招标) is left out, so it does not split the clause
    spans += [
        (g.start(), g.end(), "") for g in [*ASIDE.finditer(sentence), *THOUSANDS.finditer(sentence)]
        if not any(a < g.end() and g.start() < b for a, b, _ in spans)
    ]  # nor a number's thousands separator (4艘7,000车位)
    spans.sort()
    out, at = [], 0
    for start, end, ch in spans:
        if start < at:
            continue
        out.append(_PLACEHOLDER_RANGE.sub(" ", sentence[at:start]))
        out.append(ch)
        at = end
    out.append(_PLACEHOLDER_RANGE.sub(" ", sentence[at:]))
    return _Sig("".join(out), mentions)


# private-use characters of the text itself (icon fonts in scraped pages) would read as placeholders
_PLACEHOLDER_RANGE = re.compile(f"[{chr(ENT_BASE)}-{chr(AMT_BASE + 0xFF)}]")


class SentenceRelations:
    """Applies the rules to one sentence.

    ``roles`` maps an entity id to its catalog roles (for symmetric rules).
    """

    def __init__(
        self, sentence: str, mentions: list[Mention], amounts, roles: Callable[[str], tuple[str, ...]],
        company: Mention | None = None, context: str = "",
    ):
        self.sentence = sentence
        # the document's company: it issues what subscribers take (when the paragraph ``context`` speaks
        # of an issue), raises the round 本轮 speaks of, and is what a reference with nothing before it means
        self.company = company
        self.issuing = bool(ISSUANCE.search(context or sentence))
        self._context = context or sentence
        self.amounts = _deal_amounts(sentence, amounts)
        amounts = self.amounts
        self.roles = roles
        self.sig = _signature(sentence, mentions, amounts)
        simplified = t2s(self.sig.text)  # 采購/採購/采购 alike; placeholders pass through
        self.sig_text = APPOSITION.sub("", simplified if len(simplified) == len(self.sig.text) else self.sig.text)
        self.sig_text = GLOSS.sub(r"\1", self.sig_text)  # 浦星控股株式会社（POSUNG Holdings）及…: one party, no clause break
        self.sig_text = LISTED_DESCRIPTION.sub("", ACRONYM_GLOSS.sub(r"\1", DASHED_NAME.sub(r"\1", self.sig_text)))
        self.sig_text = FIRM_OF_COUNTRY.sub("", self.sig_text)  # 與日商村井製作所合資, 與日本信越化學合資: whose firm
        self.sig_text = FUND_OF.sub(r"\1", self.sig_text)  # 中金资本旗下基金与…跟投: the parent backs it
        # 由后者通过宜宾银行向公司提供: the bank only passes it on (委託其為…提供: 其 is the other side, no go-between)
        self.sig_text = INTERMEDIARY.sub(lambda m: m.group() if self._mention(_ENT_CHAR.search(m.group()).group()).is_ref else "", self.sig_text)
        # the rules whose trigger words the sentence has: no other rule can match any of its clauses
        self._rules = tuple(rule for rule in RULES if rule.trigger.search(self.sig_text))
        self._sentence_rules = tuple(rule for rule in SENTENCE_RULES if rule.trigger.search(self.sig_text))
        self._topic: str | None = None  # the subject carried from clause to clause
        self._tail = ""  # the text after the current clause, up to the next organisation
        self._rest = ""  # and all of it

    # -- references ---------------------------------------------------------
    def _antecedents(self, ref: Mention, avoid: Mention | None) -> Mention | None:
        """Resolve a reference to an earlier named mention in the sentence."""
        before = [m for m in self.sig.mentions if m.end <= ref.start and not m.is_ref]
        if ref.text.startswith(("该", "該")):  # 该公司, 该基金, 该行: an organisation, never a person
            before = [m for m in before if m.entity.kind != "person"]
        distinct = _one_each(reversed(before))
        # 此前其已增持…, 小米曾在其天使轮参股: with no other name before it, 其 / 该公司 is the company
        # the document is about
        company = self.company if ref.text in _COMPANY_REFS else None
        if company is not None and all(avoid is not None and m.entity.id == avoid.entity.id for m in distinct):
            return company if avoid is None or avoid.is_ref or company.entity.id != avoid.entity.id else None
        if not distinct:
            return None
        others = [m for m in distinct if avoid is None or avoid.entity is None or m.entity.id != avoid.entity.id]
        if ref.text in BANK_REFERENCES:  # 该行: the bank named before it
            return next((m for m in others if self._is_bank(m)), None)
        if ref.text in ("该子公司", "該子公司"):  # the subsidiary named before it (对子公司X增资…为该子公司向银行申请…)
            return next((m for m in others if _SUBSIDIARY_BEFORE.search(self.sentence, 0, m.start)), None)
        if ref.text in FUND_REFERENCES:
            return next((m for m in others if is_fund(m)), None)
        if ref.text in _POSITIONAL_REFS:
            # the two named before its clause (A与B签署协议，A将向后者采购: B), else the last two before it
            opened = max((b.end() for b in _CLAUSE_END.finditer(self.sentence, 0, ref.start)), default=0)
            pair = _one_each(reversed([m for m in before if m.end <= opened]))
            pair = pair if len(pair) >= 2 else distinct
            return (pair[0] if ref.text != "前者" else pair[1]) if len(pair) >= 2 else None
        if ref.text == "自己" and self._topic is not None:
            subject = self._mention(self._topic[0])
            if avoid is None or avoid.is_ref or subject.entity.id != avoid.entity.id:
                return subject
        return others[0] if others else None

    def _its_and_other(self, a: Mention, b: Mention) -> tuple[Mention | None, Mention | None]:
        """What 其 and 对方 in one relation mean (A与B签署代工协议，由对方为其生产: 其 is A, 对方 B), as ``a``, ``b``."""
        named = _one_each(m for m in self.sig.mentions if m.end <= min(a.start, b.start) and not m.is_ref)
        if len(named) < 2:
            return None, None
        its, other = named[-2], named[-1]
        return (its, other) if a.text == "其" else (other, its)

    # -- running the rules ----------------------------------------------------
    def find(self) -> list[Relation]:
        found: dict[tuple[str, str], Relation] = {}  # one deal per ordered pair and sentence
        sig = self.sig_text
        clause_start = 0
        invested: list[Relation] = []  # the investments of the clause before
        bought: list[Relation] = []  # and its acquisitions
        for brk in [*CLAUSE_BREAK.finditer(sig), None]:
            clause_end = brk.start() if brk else len(sig)
            clause = sig[clause_start:clause_end]
            # what follows, up to the next organisation: 下单，采购价值3000亿美元的GPU
            self._tail = re.match(f"{NON_ENT}*", sig[clause_end:]).group()
            self._rest = sig[clause_end:]
            if clause.strip():
                rels = self._clause(clause, self._topic) or self._elliptic(clause, invested) or self._sold_too(clause, bought)
                for rel in rels:
                    key = (rel.payer.entity.id, rel.payee.entity.id)
                    if key not in found or found[key].confidence < rel.confidence or (
                        found[key].amount is None and rel.amount is not None
                    ):
                        found[key] = rel
                invested = [r for r in rels if r.deal_type == "investment"] if rels else invested
                bought = [r for r in rels if r.deal_type == "acquisition"] if rels else bought
                self._topic = self._next_topic(clause, self._topic)
            clause_start = clause_end + 1 if brk else clause_end
        self._tail = self._rest = ""
        for rel in self._apply(sig, carried=False, rules=self._sentence_rules) + self._round(sig) + self._subscribed(sig):
            found.setdefault((rel.payer.entity.id, rel.payee.entity.id), rel)
        for rel in self._syndicated(list(found.values())) + self._sellers(sig, list(found.values())):
            found.setdefault((rel.payer.entity.id, rel.payee.entity.id), rel)
        # A与B签署…协议，将向对方交付…: the clause that says who provides decides, not the parties' roles
        return [
            rel for (a, b), rel in found.items()
            if not (rel.rule in _SYMMETRIC_RULES and (b, a) in found and found[(b, a)].rule not in _SYMMETRIC_RULES)
        ]

    def _sellers(self, sig: str, found: list[Relation]) -> list[Relation]:
        """…将被A收购，卖方为S ; A拟购买B 100%股权，交易对方为S1及S2: the one buyer pays each seller."""
        buys = [r for r in found if r.deal_type == "acquisition" or r.rule in ("buy_shares", "stake_won")]
        if len({r.payer.entity.id for r in buys}) != 1 or NEGATION.search(self.sentence):
            return []
        buyer, out = buys[0].payer, []
        for m in SELLERS_NAMED.finditer(sig):
            vehicle = _HOLDING_VEHICLE.match(sig, m.end("A"))  # 交易对手方为创始人S及其持股平台P: P sells too
            for seller in self._parties(m.group("A") + (vehicle.group(1) if vehicle else "")):
                if not seller.is_ref and seller.entity.id != buyer.entity.id:
                    out.append(Relation(buyer, seller, "acquisition", buys[0].trigger, buys[0].amount, 0.75, "sellers"))
        return out

    def _elliptic(self, clause: str, invested: list[Relation]) -> list[Relation]:
        """微软将向Anthropic投资50亿美元，英伟达将投资100亿美元: a clause that invests an amount
        in no one invests in the one the clause before invested in."""
        if len({r.payee.entity.id for r in invested}) != 1:
            return []
        return self._invested_in(clause, invested[0].payee)

    def _sold_too(self, clause: str, bought: list[Relation]) -> list[Relation]:
        """A将其持有的…转让给B，…；C拟转让其持有的…股份: a clause where one more holder sells and no buyer is named
        sells to the one buyer of the clause before."""
        m = ELLIPTIC_SALE.match(clause)
        if m is None or len({r.payer.entity.id for r in bought}) != 1 or NEGATION.search(clause):
            return []
        seller, buyer = self._mention(m.group("S")), bought[0].payer
        if seller.is_ref or seller.entity.id in {buyer.entity.id, *(r.payee.entity.id for r in bought)}:
            return []
        return [Relation(buyer, seller, "acquisition", m.group("t"), self._amount(clause, m), bought[0].confidence, "sold_too")]

    def _invested_in(self, clause: str, payee: Mention) -> list[Relation]:
        """The investments in ``payee`` of a clause that invests an amount or a share in no one (or takes the rest of it);
        A出資51%、B出資49% are two such clauses."""
        if NEGATION.search(clause):
            return []
        found = []
        for part in _PARALLEL_INVESTS.split(clause):
            m = ELLIPTIC_INVEST.match(part) or REST_INVEST.match(part) or BACKERS_LISTED.match(part)
            if m is None:
                continue
            amount = self._amount(part, m)
            found += [
                Relation(payer, payee, "investment", m.group("t") or m.group("joined"), amount, 0.7, "elliptic")
                for payer in self._parties(m.group("A"))
                if not payer.is_ref and payer.entity.id != payee.entity.id
            ]
        return found

    def continued(self, payee: Mention) -> list[Relation]:
        """其中，A出资6亿元，B出资4亿元，C与D各出资2.6亿元: after a sentence that invested in ``payee``,
        clauses that invest an amount in no one invest in it."""
        found = [rel for clause in CLAUSE_BREAK.split(self.sig_text) for rel in self._invested_in(clause, payee)]
        paying = {r.payer.entity.id for r in found}
        for m in LPS_LISTED.finditer(self.sig_text):  # 本期基金LP阵容包括A、B等: each LP listed pays in too
            found += [
                Relation(lp, payee, "investment", m.group("t"), None, 0.75, "lps_listed")
                for lp in _one_each(self._parties(m.group("A"))) if not lp.is_ref and lp.entity.id not in (payee.entity.id, *paying)
            ]
        return found

    def _syndicated(self, found: list[Relation]) -> list[Relation]:
        """In a syndicated loan to one borrower, every bank the sentence names lends
        (由A牵头，联合C、D组成的银团，与B签署银团贷款合同 ; …，参贷银行包括C、D)."""
        if not _SYNDICATE.search(self.sentence) or NEGATION.search(self.sentence):
            return []
        loans = [r for r in found if r.deal_type == "loan" and self._is_bank(r.payer) and not self._is_bank(r.payee)]
        if len({r.payee.entity.id for r in loans}) != 1:
            return []
        return _lenders(self.sig.mentions, self.roles, loans[0])

    def _subscribed(self, sig: str) -> list[Relation]:
        """Subscribers of an issue whose issuer the sentence leaves out pay the document's company."""
        introducer = _INTRODUCES_SUBSCRIBERS.match(sig)  # 智程科技引入5名基石投資者，…包括A、B: the issuer is named
        named = [] if introducer is None or NEGATION.search(sig) else list(SUBSCRIBERS_NAMED.finditer(sig, introducer.end()))
        if named:
            issuer = self._mention(introducer.group(1))
            found = [(sig, m) for m in named]
        elif self.issuing and (issuer := self._issuer_named(sig) or self.company) is not None:
            found = [
                (c, m) for c in CLAUSE_BREAK.split(sig) if not NEGATION.search(c) and not self._only_a_right(c)
                for m in [*SUBSCRIBER.finditer(c), *JOINS_ISSUE.finditer(c)]
            ]
            if not NEGATION.search(sig):  # the subscribers may follow their word after a comma (基石投资者，包括A、B)
                found += [
                    (sig, m) for m in [
                        *SUBSCRIBERS_NAMED.finditer(sig), *ALLOTTED.finditer(sig), *SUBSCRIBER_TITLED.finditer(sig), *SUBSCRIBER_LISTED.finditer(sig)
                    ]
                ]
        else:
            return []
        # bonds bought at issue lend to the issuer (公司债券完成簿记…A获配3亿元); convertible ones stay an investment
        bonds = bool(found) and _BOND_ISSUE.search(self._context) is not None and _CONVERTIBLE.search(self._context) is None
        out = []
        for text, m in found:
            amount = self._amount(text, m)
            parties = self._parties(m.group("A"))
            at = m.start("A")
            if at >= 2 and text[at - 1] in "与與" and ENT_BASE <= ord(text[at - 2]) < AMT_BASE and _RESPECTIVELY.search(text, m.end("A"), m.start("t")):
                parties = [self._mention(text[at - 2]), *parties]  # A与B分别获配2.15亿元和1.6亿元: both subscribe
            for a in parties:
                payer = self._antecedents(a, issuer) if a.is_ref else a
                if payer is not None and payer.entity.id != issuer.entity.id and not self._places_only(a):
                    out.append(Relation(payer, issuer, "loan" if bonds else "investment", m.group("t"), amount, 0.75, "subscription"))
        return out

    def _places_only(self, m: Mention) -> bool:
        """Whether the text names ``m`` as the issue's placing agent or underwriter (與配售代理X（「配售代理」）訂立配售及認購協議)."""
        return _AGENT_BEFORE.search(self.sentence, 0, m.start) is not None or _AGENT_DEFINED.match(self.sentence, m.end) is not None

    def _issuer_named(self, sig: str) -> Mention | None:
        """The organisation that opens the sentence and issues shares in it (矽映電子今日董事會通過私募普通股案，由A認購;
        该行拟…增资扩股: the bank 该行 stands for, if the sentence named one before)."""
        m = _SUBJECT_ISSUES.match(sig)
        if m is None:
            return None
        opener = self._mention(m.group(1))
        return self._antecedents(opener, None) if opener.is_ref else opener

    def _round(self, sig: str) -> list[Relation]:
        """Backers of a funding round (领投 / 跟投) pay the company raising it; in a list of rounds parted by
        semicolons (A完成…融资，投资方为X；B完成…融资，由Y领投), each part's own company, or the one before."""
        if NEGATION.search(self.sentence):
            return []
        out: list[Relation] = []
        payee = None
        # 本轮由A领投: the round the document's company raises (said anywhere in the sentence)
        company = self.company if THIS_ROUND.search(sig) or NAMED_ROUND.search(sig) or _CONTINUED_ROUND.match(sig) else None
        for part in _SEMICOLON.split(sig):
            found, payee = self._round_in(part, payee or company)
            out += found
        return out

    def _round_in(self, sig: str, before: Mention | None) -> tuple[list[Relation], Mention | None]:
        """The backers of the round ``sig`` tells, and the company raising it (``before``: the last part's, or the
        document's company)."""
        target = ROUND_TARGET_VERB.search(sig) or ROUND_TARGET.search(sig) or ROUND_TARGET_OWNER.search(sig)
        if target is not None and (
            _BACKS.match(sig, target.end("B")) or _SERVES.search(sig, target.end("B"), target.end())
            or _ADDRESSED.search(sig, 0, target.start("B"))
        ):
            # 腾讯投资也参与了本轮融资, 华兴资本担任本轮财务顾问, 向A和B发行可转换票据，融资总额…: not the company raising the round
            target = None
        if target is not None:
            payee, after = self._mention(target.group("B")[-1]), target.end("B")
        elif before is not None:
            payee, after = before, 0
        else:
            return [], None
        if payee.is_ref:  # 该公司完成…融资，投资方为A和B: the company the reference stands for
            payee = self._antecedents(payee, None)
            if payee is None:
                return [], None
        first_amount = re.search("[\ue200-\ue2ff]", sig[after:])
        amount = self.amounts[ord(first_amount.group()) - AMT_BASE].amount if first_amount else None
        out = []
        backers = [*ROUND_BACKER.finditer(sig, after), *ROUND_BACKERS_NAMED.finditer(sig, after)]
        for m in backers:
            end = m.end("A")
            while m.re is ROUND_BACKERS_NAMED and (more := MORE_LISTED.match(sig, end)) is not None:
                end = more.end()  # 包括A、B（股份代號：0832），以及中東主權基金C: C too
            for at, ch in enumerate(sig[m.start("A") : end], m.start("A")):
                if re.match(_OWNER_LINK, sig[at + 1 :]):
                    continue  # 鴻海旗下鴻準投資: 鴻準投資 backs the round
                if ENT_BASE <= ord(ch) < AMT_BASE and not self._mention(ch).is_ref and self._mention(ch).entity.id != payee.entity.id:
                    own = _BACKER_PART.match(sig, m.end())  # 富邦創投跟投1億元: this backer's own part
                    part = self.amounts[ord(own.group(1)) - AMT_BASE].amount if own else amount
                    out.append(Relation(self._mention(ch), payee, "investment", m.group("t"), part, 0.85, "round"))
        return out, payee

    def _next_topic(self, clause: str, topic: str | None) -> str | None:
        """The clause's subject: an organisation (or a list of them) before any verb or preposition becomes the topic
        (【星島頭條】本地地產商X今日宣布，獲得…: X)."""
        m = _CLAUSE_SUBJECT.match(clause)
        if m is None or self._mention(m.group(2)[0]).is_ref:
            return topic
        if self._mention(m.group(2)[0]).entity.kind == "person" and _SPEAKS.fullmatch(clause, m.end()):
            return topic  # 韩松坦言，去年公司付了…: a person speaking is not who pays
        before = _INVESTOR_NOUN.sub("", _DESCRIPTION_END.sub("", m.group(1)))  # 零售商美佳生活集团, 投資者黃耀宗: no verb there
        if TRIGGER_WORDS.search(before) or _NOT_SUBJECT.search(before) or _RECEIVED_BEFORE.search(m.group(1)):
            return topic  # 投资「OpenAI」…, 已接獲美國雲端服務商X的訂單: an object, not the subject
        held = _HOLDER_OF.match(clause, m.end())  # 公司控股股东、实际控制人张三及其一致行动人A与B签署…: A acts
        # up to a preposition only: in 公司控股股东张三与B签署… B is the other side, not the holder
        holders = [ch for ch in re.split("[与與和同跟向对對]", held.group(1))[0] if ENT_BASE <= ord(ch) < AMT_BASE] if held else []
        named = [ch for ch in holders if not self._mention(ch).is_ref]  # 实际控制人张三及其一致行动人A: both act
        return "、".join(named) if named else m.group(2)

    def _mention(self, ch: str) -> Mention:
        return self.sig.mentions[ord(ch) - ENT_BASE]

    def _clause(self, clause: str, topic: str | None) -> list[Relation]:
        if NEGATION.search(clause) or INDIRECT.search(clause):
            return []
        out = self._apply(clause, carried=False, rules=self._rules)
        if topic is not None and not clause.startswith(topic) and not _OWN_SUBJECT.match(clause):
            out += self._apply(topic + clause, carried=True, rules=self._rules)
        return out

    def _apply(self, clause: str, carried: bool, rules: tuple[Rule, ...]) -> list[Relation]:
        out = []
        for rule in rules:
            if not rule.trigger.search(clause):
                continue
            for m in rule.regex.finditer(clause):
                out.extend(self._relations(rule, m, clause, carried))
        return out

    def _relations(self, rule: Rule, m: re.Match, clause: str, carried: bool) -> list[Relation]:
        payers = self._parties(m.group(rule.payer))
        payees = self._parties(m.group(rule.payee))
        its = len(payers) == 1 and (payers[0].is_ref or payers[0].text in TOPIC_WORDS)
        owner = _ITS_HOLDER.match(clause, m.end(rule.payer)) if its else None
        if owner is not None:  # 转让给公司第一大股东A: A, not the company it holds
            payers = [self._mention(owner.group(1))]
        if carried and m.start(rule.payer) != 0 and m.start(rule.payee) != 0:
            return []  # the borrowed topic must take part
        trigger = m.group("t")
        text_clause = self._plain(clause + self._tail)
        if rule.name in ("acquire", "buy_goods_of", "buy_shares", "stake_won") and _FROM_SELLER.search(clause, 0, m.start(rule.payer)):
            # 向(独立第三方)S收购B, 向甲、乙及S购买其持有的B, 向创始人S支付…受让其所持…股权: S sells (acquire_from, buy_from, pay_via)
            return []
        if rule.name in ("acquire", "buy_held"):
            payees = self._held_company(clause, m, payees)
        if rule.name == "syndicate_formed" and CLAUSE_BREAK.search(clause, m.end("B"), m.start("A")):
            opened = max((b.end() for b in CLAUSE_BREAK.finditer(clause, 0, m.start("B"))), default=0)
            if _ENT_CHAR.search(clause, opened, m.start("B")):
                return []  # 英鉅…增資子公司B，並與A等…組成的聯貸銀行團簽署…: B is no subject, the clause after is not B's

        if "S" in rule.regex.groupindex:  # the seller is paid too; in 向S創辦人李偉明…, the person who sells
            title = _PERSON_TITLE.match(clause, m.end("S"))
            person = self._mention(clause[title.end()]) if title and _ENT_CHAR.match(clause, title.end()) else None
            payees += self._parties(m.group("S")) if title is None else [person] if person and person.entity.kind == "person" else []
        if "P" in rule.regex.groupindex and m.group("P"):
            payers += self._parties(m.group("P"))  # and a partner pays too
        if rule.name == "sold_to":
            payees += self._holder(clause, m.start(rule.payee))
            stake = _STAKE_NEXT.match(clause, m.end("t"))  # 向A转让C 60%的股权: A buys into C too
            payees += [self._mention(stake.group(1))] if stake else []
        if rule.name == "sold_counterparty":  # S所持B股权转让项目…受让方为A: the holder S sells (and B is bought into)
            holder = _STAKE_HOLDER.search(clause, 0, m.start(rule.payee))
            payees += [self._mention(holder.group(1))] if holder else []
        if rule.name == "loan_committed" and not all(self._is_bank(p) for p in payers):
            return []  # only a bank's commitment lends to the topic
        if rule.name == "leaseback" and not all(_LESSOR_NAME.search(t2s(p.text)) or self._is_bank(p) for p in payers if not p.is_ref):
            return []  # the lessor is a leasing company (or a bank); the other side sells and leases back
        if (rule.deal_type == "investment" or rule.name == "buy_shares") and (
            re.search(OPTION_NOUN, text_clause) or self._only_a_right(text_clause)
        ):
            return []  # 发行可认购…股票的认股权证, 授予认股权，后者可…认购…股权: the option is the deal
        if (
            rule.name == "buy_goods_of" and not m.group("poss") and not all(p.text in ("其", "它") for p in payees)
            and not _COUNTED_GOODS.search(clause, m.end("t"), m.start(rule.payee))
        ):
            return []  # "采购 B 的芯片" / "采购其芯片" / "订购100辆B电动卡车", not "购买 B" (which buys B itself)
        sold = None  # the sides of a sale, when the filing gives each its role (these decide first)
        if rule.symmetric:
            loan = rule.deal_type == "loan"
            sides = self._syndicate(payers, payees, bool(_SYNDICATE.search(clause))) if loan else self._by_roles(payers, payees)
            sold = sides if not loan else None
            compute = not loan and _COMPUTE_DEAL.search(clause) is not None  # 算力采购协议 (the names are placeholders here)
            pair = None if sold else self._ordered(payers, payees, self._borrower_rank if loan else self._provider_rank, compute)
            if sides is None and pair is None and not loan:
                after = (clause + self._tail)[m.end() :]
                sides = self._by_contract(clause[m.start() : m.end()], clause[m.start() : m.start(rule.payee)], payers, payees, after)
                sold = sides if sides is not None and _SELLS_NEXT.match(after) else None  # a sale: its type is what was sold
            if sides is None and pair is None:
                return []
            payers, payees = sides or ([pair[0]], [pair[1]])
        amount = self._amount(clause, m)
        out = []
        for a in payers:
            for b in payees:
                if a.is_ref and b.text in _POSITIONAL_REFS and a.text not in _POSITIONAL_REFS:  # 后者向其供应: 后者 first
                    b_res = self._antecedents(b, None)
                    a_res = self._antecedents(a, b_res)
                elif a.is_ref and b.is_ref and {a.text, b.text} in _ITS_AND_OTHER:  # A与B签署…，由对方为其生产: B for A
                    a_res, b_res = self._its_and_other(a, b)
                else:
                    a_res = self._antecedents(a, b) if a.is_ref else a
                    b_res = self._antecedents(b, a_res) if b.is_ref else b
                if a_res is None or b_res is None or a_res.entity.id == b_res.entity.id:
                    continue
                confidence = rule.confidence
                if a.is_ref or b.is_ref or carried:
                    confidence *= 0.92
                if a_res.source != "catalog" or b_res.source != "catalog":
                    confidence *= 0.92
                rel = Relation(a_res, b_res, "", trigger, amount, round(confidence, 3), rule.name)
                rel.deal_type = (
                    _sale_type(self.sentence) if sold
                    else rule.deal_type
                    if isinstance(rule.deal_type, str)
                    else rule.deal_type(text_clause, rel, self.roles(b_res.entity.id))
                )
                out.append(rel)
        return out

    def _only_a_right(self, clause: str) -> bool:
        """Whether ``clause`` tells of a right to subscribe later in a sentence that grants an option (授出認股權證，持有人可於
        五年內…認購; 後者可在未來三年內認購…): the option is the deal, the subscription is none."""
        return _MAY_SUBSCRIBE.search(clause) is not None and re.search(OPTION_NOUN, self.sentence) is not None

    def _parties(self, slot: str) -> list[Mention]:
        """The mentions in a slot; a bare company form (…投资控股「有限」公司) names no one."""
        return [
            self._mention(c) for c in slot
            if ENT_BASE <= ord(c) < AMT_BASE and not _COMPANY_FORM.fullmatch(self._mention(c).text)
        ]

    def _held_company(self, clause: str, m: re.Match, payees: list[Mention]) -> list[Mention]:
        """收购 C 所持(有)的 B …: both are paid for, the company B bought into and the seller C; 收购 B 经销商 D: D only."""
        dealer = _DEALER_OF.match(clause, m.end())  # 收购Nike和Adidas经销商BigStep: the brands only describe the dealer bought
        if dealer:
            return [self._mention(dealer.group(1))]
        rest = clause[m.end(): m.end() + 12]
        held = re.match(f"(?:公司|集团|集團)?(?:合计|合計|分别|分別|共同)?(?:全资|全資|所)?持有?(?:的)?{NON_ENT}{{0,6}}?({ENT})", rest)
        if held:
            return [self._mention(held.group(1)), *payees]
        # 受让 B 第二大股东 S 所持…股份: the holder named after B sells (B's shares are bought too)
        holder_of = _HOLDER_OF_BOUGHT.match(rest)
        if holder_of:
            return [self._mention(holder_of.group(1)), *payees]
        # 受让 B 实际控制人 P 持有的…股份: the person who holds them sells
        holder = re.match(f"(?:{_PERSON_TITLE.pattern})({ENT})(?:先生|女士)?(?:所持有?(?:的)?|持有?的)", rest)
        person = self._mention(holder.group(1)) if holder else None
        return [*payees, person] if person is not None and person.entity.kind == "person" else payees

    def _holder(self, clause: str, at: int) -> list[Mention]:
        """S 将其所持(的) B …, S 将其全资附属公司 B …: the seller S of the stake in B that starts at ``at``; or the
        subject carried from the clause before, when the clause opens with 将 (S晚间公告，拟以…将B 100%股权出售给A)."""
        held = re.search(f"({ENT})(?:{GAP}{{0,8}}?)(?:将|將|把)(?:{ENT})?(?:所?持有?(?:的)?)?{NON_ENT}{{0,12}}$", clause[:at])  # 其 is a placeholder too
        if held is None and self._topic and _OPENS_WITH_SALE.match(clause, 0, at):
            topic = [self._mention(ch) for ch in self._topic if ENT_BASE <= ord(ch) < AMT_BASE]
            return [m for m in topic if not m.is_ref][:1]
        return [self._mention(held.group(1))] if held else []

    def _ordered(self, xs: list[Mention], ys: list[Mention], paid_rank, compute: bool = False) -> tuple[Mention, Mention] | None:
        """For a symmetric rule: (payer, payee), the payee being the party ``paid_rank`` ranks higher.

        Agreements rank by ``_provider_rank`` (the chip vendor or cloud is paid),
        loan agreements by ``_borrower_rank`` (the bank lends to the other). A reference ranks as
        what it means (此外，其还与国开行签署贷款协议: the company the text is about borrows). A ``compute``
        agreement between two the catalog does not know pays the one whose name says it sells compute.
        """
        if len(xs) != 1 or len(ys) != 1 or (xs[0].is_ref and ys[0].is_ref):
            return None
        x, y = xs[0], ys[0]
        meant_x = self._antecedents(x, y) if x.is_ref else x
        meant_y = self._antecedents(y, meant_x) if y.is_ref else y
        if meant_x is None or meant_y is None:
            return None
        rx, ry = paid_rank(meant_x), paid_rank(meant_y)
        if rx == ry and compute and not (self.roles(meant_x.entity.id) or self.roles(meant_y.entity.id)):
            rx, ry = _named_provider(meant_x), _named_provider(meant_y)  # compute between two the catalog does not know
        if rx == ry:
            return None
        return (y, x) if rx > ry else (x, y)

    def _by_contract(
        self, matched: str, before_other: str, xs: list[Mention], ys: list[Mention], after: str = ""
    ) -> tuple[list[Mention], list[Mention]] | None:
        """(payers, payees) of A 与 B(、C) 签订…供货 / 建造合同, or with 客户 B: the first party sells, B (and C) pay;
        but the side the next clause says provides (，由B提供…) is paid, and so is B described as a maker or service
        firm (与代工巨头B…), and a commissioned contract (委托研究合同) is paid by A.
        A 采购合同 alone says nothing: either side may call it that, unless the clause ``after`` it buys or rents
        with no new subject (…签署购机协议，订购20架…; …签署期租合同，租入…): then A buys, whatever the contract's name. The side
        the next clause says something unnamed works for (约定由…火箭为其执行…) pays, and so does the side it says puts the
        other's goods to use (…，B將使用A的GPU叢集)."""
        if len(xs) != 1 or any(m.is_ref and m.text not in _NAMED_REFS for m in xs + ys):
            return None  # 该公司与B签订…合同 is the company's contract; 其 or 双方 may be either side
        if _SHIP_CONTRACT.search(matched):  # the yard builds, whoever signs first (船东与造船厂签订造船合同)
            yards = [m for m in xs + ys if _SHIPYARD.search(t2s(m.text))]
            if yards and len(yards) < len(xs + ys):
                return [m for m in xs + ys if m not in yards], yards
        if _OFFTAKE.search(matched):  # the mine sells its output, whoever signs first (A与B簽訂鋰輝石精礦承購協議)
            mines = _named_as(xs + ys, _MINE_NAME) or (
                ys if len(ys) == 1 and _PRODUCER_BEFORE.search(before_other) else []  # 与农业合作社B签署大豆长期承购协议
            )
            if len(mines) == 1 and len(xs + ys) == 2:
                return [m for m in xs + ys if m not in mines], mines
        # A与B簽訂技術服務合約，由B提供製程諮詢 (约定后者向其供应…): B is paid, whatever the contract's name
        provider = self._side_said_next(_PROVIDED_NEXT, xs, ys, lambda m, o: m.entity.id == o.entity.id)
        if provider is not None:
            return (xs, ys) if provider is ys else (ys, xs)
        # A与B簽訂產能保留協議，B將預付…保證金 (named again, perhaps shorter): B pays
        payer = self._side_said_next(_PAYS_NEXT, xs, ys, _same_party)
        if payer is not None:
            return (ys, xs) if payer is ys else (xs, ys)
        if _MAKER_BEFORE.search(before_other) or _BUYER_CONTRACT.search(matched) or _COMMISSIONS_NEXT.match(after):
            return xs, ys
        if _BUYS_NEXT.match(after):  # A与B签署购机协议，订购20架… (签署期租合同，租入两艘…): A, the sentence's subject, buys
            return xs, ys
        # …，约定…由运载火箭为其执行…: 其 (the subject) or the side named pays
        served = self._side_said_next(_SERVES_NEXT, xs, ys, _same_party, ref_means=xs[0]) if len(ys) == 1 else None
        if served is not None:
            return (xs, ys) if served is xs else (ys, xs)
        doers = self._doers(matched, xs + ys)  # 风电公司与B工程公司签订EPC总承包合同: the one whose name does the work is paid
        if doers is not None:
            return doers
        if _SELLER_CONTRACT.search(matched) or (_CUSTOMER_BEFORE.search(before_other) and "租" not in matched):  # (a charter's ship owner lets)
            return ys, xs
        user = self._user_named_next(xs, ys)  # …，Helix將使用Stratacloud位於德州的GPU叢集: Helix buys
        if user is not None:
            return (xs, ys) if user is xs else (ys, xs)
        maker = self._side_said_next(_DEPLOYS_NEXT, xs, ys, _same_party)  # …，将在其数据中心部署B第二代推理加速卡: B sells
        if maker is not None:
            return (ys, xs) if maker is xs else (xs, ys)
        user = self._side_said_next(_USED_BY_NEXT, xs, ys, _same_party)  # …采购订单，将用于后者重庆工厂: the latter buys
        if user is not None:
            return (ys, xs) if user is ys else (xs, ys)
        if _SELLS_NEXT.match(after):  # A与B簽訂買賣合約，以約18.5億港元出售…: A sells
            return ys, xs
        return None

    def _doers(self, matched: str, parties: list[Mention]) -> tuple[list[Mention], list[Mention]] | None:
        """(payers, payees) of a two-party contract whose work one side's name (or catalog role) says it does (an EPC
        contract with a 工程 company, a launch contract with a 运载 company, a sponsorship with a club, a battery
        supply contract with a battery maker), whoever signs first."""
        if len(parties) != 2 or any(m.entity is None for m in parties):
            return None  # (该集团已与B签订…租赁协议: a reference the rules resolve later)
        for work, doer, role in _WORK_AND_DOER:
            if work.search(matched):
                named = _named_as(parties, doer)
                doing = [m for m in parties if m in named or role in self.roles(m.entity.id)]
                if len(doing) == 1:
                    return [m for m in parties if m is not doing[0]], doing
        return None

    def _user_named_next(self, xs: list[Mention], ys: list[Mention]) -> list[Mention] | None:
        """The side (``xs`` or ``ys``, one party each) that the clause after the contract says puts the other's goods to use."""
        said = _USES_OTHERS_NEXT.match(self._rest)
        if said is None or len(xs) != 1 or len(ys) != 1:
            return None
        user, used = (self._mention(said.group(k)) for k in (1, 2))
        for side, other in ((xs, ys), (ys, xs)):
            if _same_party(user, side[0]) and _same_party(used, other[0]):
                return side
        return None

    def _side_said_next(
        self, pattern: re.Pattern, xs: list[Mention], ys: list[Mention], same: Callable[[Mention, Mention], bool],
        ref_means: Mention | None = None,
    ) -> list[Mention] | None:
        """Which side of a contract (``xs`` or ``ys``, ys only when it is one party) the clause after it names
        first by ``pattern`` (a reference as what it means, or as ``ref_means`` when given), if either."""
        said = pattern.match(self._rest)
        if said is None:
            return None
        given = self._mention(said.group(1))
        meant = (ref_means or self._antecedents(given, None)) if given.is_ref else given
        if meant is not None and len(ys) == 1 and same(meant, ys[0]):
            return ys
        if meant is not None and same(meant, xs[0]):
            return xs
        return None

    def _by_roles(self, xs: list[Mention], ys: list[Mention]) -> tuple[list[Mention], list[Mention]] | None:
        """(payers, payees) when the filing names each side's role right after it: X（作為賣方）與Y（「買方」）訂立…"""
        if len(xs) != 1 or len(ys) != 1:
            return None
        roles = {d.start: _SALE_ROLES[d.alias] for d in alias_definitions(self.sentence) if d.alias in _SALE_ROLES}
        x, y = roles.get(xs[0].end), roles.get(ys[0].end)
        if {x, y} != {"buyer", "seller"}:
            return None
        return (xs, ys) if x == "buyer" else (ys, xs)

    def _syndicate(self, xs: list[Mention], ys: list[Mention], said: bool) -> tuple[list[Mention], list[Mention]] | None:
        """A loan agreed with several banks (与A、B等组成的银团签署贷款协议): (the banks, [the borrower]).

        When the clause says 银团 / 联合授信, a list with one bank in it is the syndicate.
        """
        for banks, others in ((xs, ys), (ys, xs)):
            if len(others) != 1 or others[0].is_ref or self._is_bank(others[0]) or any(b.is_ref for b in banks):
                continue
            known = [self._is_bank(b) for b in banks]
            if (len(banks) >= 2 and all(known)) or (said and any(known)):
                return banks, others
        return None

    def _borrower_rank(self, m: Mention) -> bool:
        return not self._is_bank(m)

    def _is_bank(self, m: Mention) -> bool:
        return is_bank(m, self.roles)

    def _provider_rank(self, m: Mention) -> tuple[int, int]:
        """How much a party is a seller of chips or compute: its best role, then how purely
        (a pure cloud like Nebius sells to a diversified one like Microsoft)."""
        roles = self.roles(m.entity.id)
        best = max((PROVIDER_RANK.get(r, 0) for r in roles), default=0)
        others = sum(1 for r in roles if r not in PROVIDER_RANK and r != "datacenter")
        return best, -others if best else 0

    def _amount(self, clause: str, m: re.Match) -> Amount | None:
        """The amount inside the match, else the first one after the trigger in the clause."""
        inside = [c for c in clause[m.start(): m.end()] if AMT_BASE <= ord(c) < AMT_BASE + 0x100]
        if not inside:
            after = re.match(f"{NON_ENT}*?([\ue200-\ue2ff])", clause[m.end():] + self._tail)
            inside = [after.group(1)] if after else []
        if not inside:
            return None
        return self.amounts[ord(inside[-1]) - AMT_BASE].amount

    def _plain(self, clause: str) -> str:
        """The clause with placeholders turned back into text (for keyword tests)."""
        out = []
        for ch in clause:
            code = ord(ch)
            if ENT_BASE <= code < AMT_BASE:
                out.append(self._mention(ch).text)
            elif AMT_BASE <= code < AMT_BASE + 0x100:
                out.append(self.amounts[code - AMT_BASE].amount.text)
            else:
                out.append(ch)
        return "".join(out)


_MODEL_TYPES = (
    (re.compile(ACQUIRE + "|购得|購得|买入|買入|购入|購入"), "acquisition"),
    (re.compile(INVEST + "|" + INVEST_NOUN), "investment"),
    (re.compile("贷款|貸款|借款|授信|信贷|信貸"), "loan"),
    (re.compile(BUY + "|" + ORDER_NOUN), "purchase"),
)


def _model_relation(sentence: str, score: PairScore, amounts) -> Relation:
    """A relation for a pair the classifier read as a payment: its kind from the nearest deal word."""
    start, end = min(score.payer.start, score.payee.start), max(score.payer.end, score.payee.end)
    deal_type, trigger, best = "other", "", None
    for pattern, kind in _MODEL_TYPES:
        for m in pattern.finditer(sentence):
            distance = 0 if start <= m.start() < end else min(abs(m.start() - end), abs(start - m.end()))
            if best is None or distance < best:
                deal_type, trigger, best = kind, m.group(), distance
    deal_amounts = _deal_amounts(sentence, amounts)
    amount = deal_amounts[0].amount if len(deal_amounts) == 1 else None
    return Relation(score.payer, score.payee, deal_type, trigger, amount, round(0.6 * score.probability, 2), "model")


_BACKERS_THEN_AMONG = re.compile(
    "^[^。，,]{0,20}?(?:有限合伙人|有限合夥人|LP|出资人|出資人|出资方|出資方|投资人|投資人|认购方|認購方)[^。]*?[，,]其中"
)
# 本期基金LP阵容包括A、B等 (after the fund's close): the LPs listed, each paying into the fund
LPS_LISTED = _compile("(?P<t>有限合伙人|有限合夥人|LP|出资人|出資人)(?:阵容|陣容|名单|名單)?(?:包括|包含|涵盖|涵蓋|为|為|有)[:：]?{A}")
_CONTINUING_VERB = re.compile("出资|出資|认缴|認繳|注资|注資|增资|增資|投资|投資|中标|中標|得标|得標|夺得|奪得|投得")

# 国家电网…公示…招标采购中标结果 ; 国铁集团…招标项目中，: whose tender the winners named next won
_TENDER_OWNED = re.compile(
    "(?:中标|中標|成交|决标|決標)(?:（成交）|\\(成交\\))?(?:结果|結果)|(?:中标|中標)(?:候选人|候選人)|(?:招标|招標|采购|採購)(?:项目|項目)(?:中|当中|當中)(?=[，,])"
    "|(?:标案|標案|采购案|採購案|招标案|招標案)[^，,。；;]{0,6}?(?:开标|開標|决标|決標)"  # 台電…標案日前開標, …採購案日前決標
    "|(?:招标|招標)(?:批出|授出|判出)"  # 醫管局…透過公開招標批出兩份…合約
)
_ANNOUNCED_THEN = re.compile("[^，,。；;]{0,8}?(?:公布|公佈|宣布|宣佈|公告|表示)[，,]")
# a winner's amount told in the clause after its name (X以第一名身份获得…份额，中标金额约14.3亿元)
_WIN_AMOUNT = re.compile("(?:中标|中標|得标|得標)(?:金额|金額|价格|價格|价|價)")
_BRACKETED = "[（(][^（）()]{0,30}[)）]"  # anything short in brackets (（以下简称“华铁控股”）), unlike ASIDE's few kinds
_ASIDE_AFTER_NAME = "(?:" + _BRACKETED + ")?"
# after a winner's name: its gloss or short name, and its branch (易利信（Ericsson）台灣分公司, B（以下简称“星衍航天”）)
_GLOSS_AND_BRANCH = re.compile(r"(?:[（(][A-Za-z][A-Za-z .&-]*[）)]|" + _BRACKETED + r")?(?:[\u4e00-\u9fff]{1,6}?分公司)?")
# the term a tender's winners are listed after (中标候选人包括A、B, 中标人为A, 中標廠商為A)
_WINNERS_LISTED = re.compile(  # (not the runners-up: 第二、第三中标候选人分别为…, 排名第二的中标候选人为…)
    "(?<![二三四五六七八九十])(?<![二三四五六七八九十]的)(?:中标|中標|成交|得标|得標)(?:候选人|候選人|人|单位|單位|供应商|供應商|企业|企業|厂商|廠商)(?:依次|分别|分別)?(?:包括|包含|为|為|是)[:：]?"
)
# a winner's share of a framework tender (B拿下约30%份额, B以约45%的份额位列第一; not a market share)
_SHARE_WON = re.compile(
    "(?:拿下|获得|獲得|分得|斩获|斬獲|取得)[^，,。；;]{0,12}?(?<!市场)(?<!市場)(?:份额|份額)"
    "|(?<!市场)(?<!市場)(?:份额|份額)(?:位列|位居|排名)"
)
_WINS = re.compile(
    "(?<!未)(?<!没有)(?<!沒有)(?<!未有)(?<!未能)(?:中标|中標|得标|得標|有所斩获|有所斬獲|有斩获|有斬獲|拿下|摘得|夺得|奪得|投得|收入囊中)"
    "|" + _SHARE_WON.pattern
)


# 苏州元和生物医药产业母基金近日完成首期募集 ; 合资设立…新公司「X」: what the next clauses' backers pay into
_FUND_FORMED = re.compile(
    "(?:完成|结束|結束)(?:了)?(?:首期|首轮|首輪|第一期|一期)?(?:募集|募资|募資|设立|設立|备案|備案)|(?:合资|合資)?(?:设立|設立|成立)"
    "|(?:完成|实现|實現)(?:了)?(?:[^。；;]{0,40}?的)?(?:首关|首關|首次关账|首次關賬|最终关账|最終關賬|终关|終關)"  # a fund's close (完成旗下…基金X的最终关账)
    "|(?:认缴出资|認繳出資|出资|出資|募集|基金|目标|目標)(?:总额|總額|规模|規模)"  # B的认缴出资总额为10亿元，其中A…: its size, then its backers
    "|(?:出资人|出資人|出资方|出資方|有限合伙人|有限合夥人)(?:包括|包含|为|為)"  # B的出资人包括A1、A2…。其中，A1认缴…
)
_FULL_NAME = re.compile("(?:全称|全稱)(?:为|為|是)")
_FUND_NAME = re.compile(r"(?:基金|合伙企业|合夥企業|有限合伙|有限合夥)[）)]?$|\bL\.?P\.?$|\bFund(?: [IVX]+)?$")  # (Partners IV, L.P.)


def is_fund(m: Mention) -> bool:
    """Whether ``m`` names a fund (or a partnership, the form funds take): by its name, or the full name
    a short one stands for (启辰二期: 苏州启辰医健二期股权投资合伙企业（有限合伙）)."""
    return _FUND_NAME.search(m.text) is not None or (m.source == "alias" and _FUND_NAME.search(m.entity.name) is not None)


def forms_fund(sentence: str) -> bool:
    """Whether ``sentence`` may announce a fund whose backers the next sentence names (see ``formed_fund``)."""
    return _FUND_FORMED.search(sentence) is not None


def formed_fund(sentence: str, mentions: list[Mention]) -> Mention | None:
    """The fund ``sentence`` says was raised or set up: the one fund named in it, if the sentence says so."""
    if not forms_fund(sentence) or NEGATION.search(sentence):
        return None
    funds = {m.entity.id: m for m in mentions if not m.is_ref and is_fund(m)}
    if len(funds) > 1:  # 光子产业母基金…，基金全称为苏州高新光子产业投资基金合伙企业（有限合伙）: one fund, named in full
        full = _FULL_NAME.search(sentence)
        if full is not None:
            return next((m for m in funds.values() if m.start == full.end()), None)
        # B已完成首期募集，出资方包括A引导基金…: the fund in the clause that says so, before its words
        said = _FUND_FORMED.search(sentence).start()
        before = [m for m in funds.values() if m.end <= said and not CLAUSE_BREAK.search(sentence, m.end, said)]
        return before[-1] if len(before) == 1 else None
    return next(iter(funds.values())) if len(funds) == 1 else None


# 华储锂能…增资项目日前成交，共引入4家投资方 ; 星河动力完成10亿元C轮融资: who raises what the next sentence's backers pay
_RAISED = re.compile(
    "(?:增资|增資)(?:扩股|擴股)?(?:项目|項目)"
    "|(?:完成|获得|獲得|结束|結束)(?:了)?[^，,。；;：:]{0,16}?(?:融资|融資|募资|募資|增资|增資)(?!需求|计划|計劃|方案)"
    "|(?:引入|引进|引進)(?:了)?[^，,。；;：:]{0,6}?(?:投资方|投資方|投资者|投資者|投资人|投資人)"
    "|(?:注册资本|註冊資本)(?:拟|擬|将|將)?(?:为|為)"  # 合资公司注册资本为2亿元，其中A出资1.2亿元: who its founders pay
    "|(?:增资|增資)(?:扩股|擴股)?(?:方案|计划|計劃)[^，,。；;]{0,6}?(?:获批|獲批|获准|獲准)"  # B增资方案日前获批。本次增资中，A认缴…
    "|(?:资本额|資本額)(?:拟|擬|将|將)?(?:为|為|达|達)?(?=[^，,。；;]{0,4}?[0-9一二两兩三四五六七八九十])"  # 新公司B資本額新台幣20億元，A出資51%
)


# a count of backers, unnamed, investing (两家金融资产投资公司将以现金增资方式入股…): who they are comes next (其中A出资…)
_COUNTED_BACKERS = re.compile(
    "[两兩二三四五六七八九十几幾数數多]家[^，,。；;：:]{0,16}?(?:将|將|拟|擬|共同|联合|聯合)[^，,。；;：:]{0,12}?(?:入股|增资|增資|注资|注資)"
)


def raises_money(sentence: str) -> bool:
    """Whether ``sentence`` may say who raised money whose backers the next sentence names (see ``raising_party``)."""
    return _RAISED.search(sentence) is not None or _COUNTED_BACKERS.search(sentence) is not None


def raising_party(sentence: str, mentions: list[Mention]) -> Mention | None:
    """The one organisation ``sentence`` says raised money (in a round, a capital increase): named before
    the words that say so, in their clause; or the first one named after a count of backers that invest in it
    (两家金融资产投资公司将以现金增资方式入股B，…，其中A出资25亿元)."""
    raised = next(_sole_parties(sentence, _RAISED, mentions), (None, None))[0]
    counted = _COUNTED_BACKERS.search(sentence) if raised is None and not NEGATION.search(sentence) else None
    if counted is None:
        return raised
    end = next((b.start() for b in CLAUSE_BREAK.finditer(sentence, counted.end())), len(sentence))
    named = [m for m in mentions if not m.is_ref and counted.end() <= m.start < end]
    return next((m for m in named if not re.match(_OWNER_LINK, sentence[m.end :])), None)  # (湘江钢铁旗下的B: B)


def _sole_parties(
    sentence: str, words: re.Pattern, mentions: list[Mention], counts: Callable[[Mention], bool] = lambda m: True
) -> Iterator[tuple[Mention, re.Match]]:
    """For each match of ``words`` whose clause names exactly one organisation before it (of those ``counts``
    admits; a name glossed in brackets is one): that organisation and the match. Nothing in a negated sentence."""
    if NEGATION.search(sentence):
        return
    for said in words.finditer(sentence):
        start = _clause_start(sentence, said.start())
        named = {
            m.entity.id: m for m in _unglossed(sentence, mentions)
            if not m.is_ref and start <= m.start and m.end <= said.start() and counts(m)
        }
        if len(named) == 1:
            yield next(iter(named.values())), said


_GLOSS_OPENS = re.compile("[」』”\"]?[（(]")


def _unglossed(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without a name glossed in brackets right after another (「蓝晶纪元」（青岛蓝晶纪元生物科技有限公司）): one party."""
    ordered = sorted(mentions, key=lambda m: m.start)
    return [
        m for i, m in enumerate(ordered)
        if not (i and _GLOSS_OPENS.fullmatch(sentence, ordered[i - 1].end, m.start) and sentence[m.end : m.end + 1] in ("）", ")"))
    ]


def _clause_start(sentence: str, at: int) -> int:
    """Where the clause holding ``at`` begins: after the last break before it (brackets break nothing here)."""
    return max((b.end() for b in CLAUSE_BREAK.finditer(sentence, 0, at) if b.group() not in "（）()"), default=0)


def announces_tender(sentence: str) -> bool:
    """Whether ``sentence`` may announce whose tender result winners are named in (see ``tender_owner``)."""
    return _TENDER_OWNED.search(sentence) is not None


# a procurement result notice's fields, each on its own line: 采购人：A … 中标供应商：B (供应商名称：B): A pays B
_WON = "(?:(?:中标|中標|成交)(?:[（(]成交[）)])?)?"  # 中标（成交）供应商, 成交金额
_BUYER_FIELD = re.compile(FIELD_NUMBERING + "(?:采购人|採購人|采购单位|採購單位|招标人|招標人)(?:名称|名稱)?[:：]")
_LOT_NAME = "(?:第[一二三四五六七八九十0-9]+(?:标段|標段|标包|標包|包)|(?:标段|標段|标包|標包|包件)[一二三四五六七八九十0-9]+)"  # 第一包, 标段2
_SUPPLIER_FIELD = re.compile(  # (or under a lot: 一、第一标段（旅客登机桥）：中标人为B ; 包件1：光学量测设备　中标人：B)
    FIELD_NUMBERING + "(?:" + _LOT_NAME
    + "(?:[（(][^（）()]{0,20}[）)]|\\s*[^:：，,。；;（）()]{1,20})?[:：])?"  # (标段一（组件1.2GW）：中标人B, 第1包 CT机：中标人 B)
    + "(?:(?<=[:：])(?:(?!未|非|中标|中標|成交)[^:：，,。；;]){1,20})?"  # (not 未中标供应商：C)
    + _WON + "(?:供应商|供應商|中标人|中標人|成交人)(?:名称|名稱)?(?:[:：]|为|為)?\\s*"
)
_AMOUNT_FIELD = re.compile(FIELD_NUMBERING + _WON + "(?:金额|金額|价格|價格|总价|總價)[:：]")


def _named_in(field: re.Match | None, mentions: list[Mention]) -> Mention | None:
    """The organisation a notice's field names right after its colon (not one in the next field: 供应商地址：武汉市…)."""
    return next((m for m in mentions if not m.is_ref and 0 <= m.start - field.end() <= 2), None) if field else None


def _amount_within(amounts, start: int, end: int) -> Amount | None:
    """The first of ``amounts`` (a sentence's, by position) lying wholly between ``start`` and ``end``."""
    return next((a.amount for a in amounts if start <= a.start and a.end <= end), None)


def is_procurement_field(sentence: str) -> bool:
    """Whether ``sentence`` is a procurement notice's buyer or winning supplier field, or a line of lots that names
    their winners (see ``procurement_buyer``, ``procurement_winner``)."""
    return (
        _BUYER_FIELD.match(sentence) is not None or _SUPPLIER_FIELD.match(sentence) is not None
        or _SUPPLIER_INLINE.search(sentence) is not None
    )


def procurement_buyer(sentence: str, mentions: list[Mention]) -> Mention | None:
    """The buyer a notice's field names (采购人名称：启东市中医院)."""
    return _named_in(_BUYER_FIELD.match(sentence), mentions)


def is_buyer_field(sentence: str) -> bool:
    """Whether ``sentence`` is a notice's buyer field (招标人：A), perhaps below the winners it pays."""
    return _BUYER_FIELD.match(sentence) is not None


# a result notice's contact block, after the winners: 1.采购人信息 / 名称：A
_BUYER_BLOCK = re.compile(FIELD_NUMBERING + "(?:采购人|採購人|采购单位|採購單位|招标人|招標人)(?:信息|資訊|資料)[:：]?$")
_NAME_FIELD = re.compile(FIELD_NUMBERING + "(?:名称|名稱)[:：]")


def names_buyer_below(sentence: str, next_sentence: str) -> bool:
    """Whether ``sentence`` heads a notice's buyer block whose next line names it (1.采购人信息 / 名称：A)."""
    return _BUYER_BLOCK.match(sentence) is not None and _NAME_FIELD.match(next_sentence) is not None


def buyer_named_below(sentence: str, mentions: list[Mention]) -> Mention | None:
    """The buyer the name line of a notice's buyer block names (名称：深圳市南山区政务服务数据管理局)."""
    return _named_in(_NAME_FIELD.match(sentence), mentions)


# a result notice's contact line, its fields run together (…请按以下方式联系：采购人名称：A；采购代理机构：C)
# or its block's head and name on one line (1.采购人信息　名称：A)
_BUYER_CONTACT = re.compile(
    r"[：:；;]\s*(?:采购人|採購人|采购单位|採購單位)(?:名称|名稱)[:：]|"
    + FIELD_NUMBERING + r"(?:采购人|採購人|采购单位|採購單位|招标人|招標人)(?:信息|資訊|資料)[:：]?\s*(?:名称|名稱)[:：]"
)


def names_buyer_in_contact(sentence: str) -> bool:
    """Whether ``sentence`` is a notice's contact line that names its buyer after other words (see ``_BUYER_CONTACT``)."""
    return _BUYER_CONTACT.search(sentence) is not None


def buyer_named_in_contact(sentence: str, mentions: list[Mention]) -> Mention | None:
    """The buyer a notice's contact line names right after its field (联系：采购人名称：之江理工大学；…)."""
    field = _BUYER_CONTACT.search(sentence)
    named = _named_in(field, mentions)
    return named if named is not None and named.start - field.end() <= 1 else None


def procurement_winner(sentence: str, mentions: list[Mention], buyer: Mention, amounts=(), next_amounts=()) -> list[Relation]:
    """The supplier a notice's field names as winner (中标供应商：B), paid by the notice's ``buyer``;
    not those that did not win (未中标供应商：C). The amount is the field's own, else that of the
    amount field right after it (``next_amounts``, when the next line is one: 中标金额：…). A line of
    lots gives each lot's winner (see ``_lots_won``)."""
    winner = _named_in(_SUPPLIER_FIELD.match(sentence), mentions)
    if winner is None:
        return _lots_won(sentence, mentions, buyer, amounts)
    if winner.entity.id == buyer.entity.id:
        return []
    amount = next((a.amount for a in [*amounts, *next_amounts]), None)
    return [Relation(buyer, winner, "purchase", "中标", amount, 0.7, "procurement_notice")]


# a winner's field inside a line of lots (三、中标信息：第一包（…），中标供应商：B，中标金额：…；第二包…)
# (or a lot's winner field after what the lot buys: 标包1：C80型敞车1500辆，中标人：B，中标金额：…)
_SUPPLIER_INLINE = re.compile("(?<=[，,；;])(?:中标|中標|成交)(?:[（(]成交[）)])?(?:供应商|供應商|人)(?:名称|名稱)?[:：]")
_LOT_END = re.compile("[；;。]")


# a lot, what it buys and a dash before its winner (中标供应商：第一包 城市宣传片策划拍摄——B，中标金额：…；第二包…)
_LOT_DASHED = re.compile(_LOT_NAME + "[^，,；;。：:]{0,30}?(?:——|—|--)")


def _lots_won(sentence: str, mentions: list[Mention], buyer: Mention, amounts) -> list[Relation]:
    """The winners a line of lots names (…，中标供应商：B，中标金额：X；… ; 第一包 …——B，中标金额：X；…), each with the
    amount of its own lot."""
    found = []
    dashed = _LOT_DASHED.finditer(sentence) if _SUPPLIER_FIELD.match(sentence) else ()
    for field in [*_SUPPLIER_INLINE.finditer(sentence), *dashed]:
        winner = _named_in(field, mentions)
        if winner is None or winner.entity.id == buyer.entity.id:
            continue
        end = next((m.start() for m in _LOT_END.finditer(sentence, field.end())), len(sentence))
        amount = _amount_within(amounts, field.end(), end)
        found.append(Relation(buyer, winner, "purchase", "中标", amount, 0.7, "procurement_notice"))
    return found


# a Taiwan notice of assets acquired or disposed of, told in fields (主旨：公告本公司取得機器設備 / 代子公司X公告取得有價證券,
# then 交易總金額：… and 交易相對人及其與公司之關係：B): the company pays B for what it acquires, B pays for what it disposes of
_ASSET_NOTICE = re.compile(  # (公告本公司代子公司X取得…: for a subsidiary, see extract._spoken_for)
    "公告(?:本公司)?(?:董事會|董事会)?(?:決議|决议|通過|通过)?(?:代(?:子公司|孫公司|孙公司)[^，,。；;：:\n]{2,40}?)?(?:向(?:關係人|关系人|非關係人|非关系人|[^，,。；;：:\n]{2,30}?))?"  # (向日商X株式會社取得)
    "(?:(?P<acquires>取得)|(?P<disposes>處分|处分|出售))"
)
_COUNTERPARTY_FIELD = re.compile(FIELD_NUMBERING + "(?:交易相對人|交易相对人)(?:及其與公司之關係|及其与公司之关系)?[:：]")
_TOTAL_FIELD = re.compile("(?:交易總金額|交易总金额)[:：]")
_TOTAL_STATED = re.compile("(?:交易總金額|交易总金额|總金額|总金额)(?:為|为|約|约)?[:：]?(?=新台幣|新台币|NT|US|美金|美元|人民幣|人民币|[0-9])")


_SECURITIES = re.compile("有價證券|有价证券|股權|股权|股份|普通股")


@dataclass(frozen=True)
class AssetNotice:
    """What a notice of assets acquired or disposed of says of its deal: its direction and type."""

    acquires: bool  # the company pays (取得), else it is paid (處分)
    deal_type: str  # shares or other securities change hands: acquisition; equipment, land: purchase


def asset_notice(text: str) -> AssetNotice | None:
    """The notice ``text`` (a whole document) is, when it is one of assets acquired or disposed of."""
    m = _ASSET_NOTICE.search(text)
    if m is None:
        return None
    line_end = text.find("\n", m.end())
    what = text[m.end() : line_end if line_end >= 0 else len(text)]  # what its subject line says changes hands
    return AssetNotice(m.group("acquires") is not None, "acquisition" if _SECURITIES.search(what) else "purchase")


def is_counterparty_field(sentence: str) -> bool:
    """Whether ``sentence`` is such a notice's counterparty field (交易相對人及其與公司之關係：KLA Corporation；非關係人)."""
    return _COUNTERPARTY_FIELD.match(sentence) is not None


def total_field_at(sentence: str) -> int | None:
    """Where the total after a notice's 交易總金額： begins in ``sentence``, if it has one: after the field's
    label, or after the words that name the total among the field's items (…每股新台幣59.5元，交易總金額新台幣…)."""
    m = _TOTAL_FIELD.search(sentence)
    if m is None:
        return None
    stated = _TOTAL_STATED.search(sentence, m.end())
    return stated.end() if stated else m.end()


def notice_counterparty_relations(sentence: str, mentions: list[Mention], company: Mention, notice: AssetNotice, amount) -> list[Relation]:
    """The deal of an asset notice's counterparty field with the notice's ``company`` (see ``asset_notice``)."""
    other = _named_in(_COUNTERPARTY_FIELD.match(sentence), mentions)
    if other is None or other.entity.id == company.entity.id:
        return []
    payer, payee = (company, other) if notice.acquires else (other, company)
    return [Relation(payer, payee, notice.deal_type, "取得" if notice.acquires else "處分", amount, 0.7, "asset_notice")]


# a Taiwan notice of funds lent (公告本公司資金貸與子公司): 接受資金貸與之公司名稱：X … 本次新增資金貸與之金額：新台幣160,000仟元
_LENDING_FIELD = re.compile(FIELD_NUMBERING + "(?:接受|获得|獲得)?(?:资金贷与|資金貸與)(?:之|的)?(?:公司|对象|對象)(?:名称|名稱)?[:：]")
_LENT_FIELD = re.compile("(?:资金贷与|資金貸與)(?:之|的)?(?:金额|金額)[:：]")


def is_lending_field(sentence: str) -> bool:
    """Whether ``sentence`` is a notice's field naming whom the company lends to (接受資金貸與之公司名稱：X)."""
    return _LENDING_FIELD.match(sentence) is not None


def lent_field_at(sentence: str) -> int | None:
    """Where the amount after a notice's 資金貸與之金額： begins in ``sentence``, if it has one."""
    m = _LENT_FIELD.search(sentence)
    return m.end() if m else None


def lending_relations(sentence: str, mentions: list[Mention], company: Mention, amount) -> list[Relation]:
    """The loan of a lending notice's borrower field: the notice's ``company`` lends to the one it names."""
    other = _named_in(_LENDING_FIELD.match(sentence), mentions)
    if other is None or other.entity.id == company.entity.id:
        return []
    return [Relation(company, other, "loan", "資金貸與", amount, 0.7, "lending_notice")]


def is_amount_field(sentence: str) -> bool:
    """Whether ``sentence`` is a notice's amount field (中标（成交）金额：人民币186.4万元)."""
    return _AMOUNT_FIELD.match(sentence) is not None


def tender_owner(sentence: str, mentions: list[Mention]) -> tuple[Mention, int] | None:
    """The organisation whose tender result ``sentence`` announces, and where the announcing clause ends:
    the last one named in that clause before the result (据X网披露，A…项目近期公示中标结果: A)."""
    if NEGATION.search(sentence):
        return None
    for m in reversed(list(_TENDER_OWNED.finditer(sentence))):  # the last one that names its owner
        start = _clause_start(sentence, m.start())
        owners = [x for x in mentions if start <= x.start and x.end <= m.start() and not x.is_ref]
        if owners:
            return owners[-1], m.end()
        # 醫管局昨日公布，已透過公開招標批出…: the one announcing in the clause before
        before = [x for x in mentions if x.end <= start and not x.is_ref]
        if before and _ANNOUNCED_THEN.fullmatch(sentence, before[-1].end, start):
            return before[-1], m.end()
    return None


def tender_winners(sentence: str, mentions: list[Mention], owner: Mention, after: int = 0, amounts=()) -> list[Relation]:
    """The winners (X中标…) after ``after`` in ``sentence``: each is paid by ``owner``, whose tender they won, the
    amount of ``amounts`` in its clause (B以18.4亿元收入囊中) or in the 中标金额 clause after it, when one wins alone."""
    found = []
    for x in mentions:
        if x.start < after or x.is_ref or x.entity.id == owner.entity.id:
            continue
        last = _list_end(sentence, mentions, x)  # A、B分别中标: each of the list won
        # past its stock code or gloss and branch: 平高电气（600312）中标, 易利信（Ericsson）台灣分公司…得標
        after_name = STOCK_CODE.match(sentence, last) or _GLOSS_AND_BRANCH.match(sentence, last)
        at = after_name.end()
        win = _WINS.search(sentence, at, at + 16)
        if win is not None and CLAUSE_BREAK.search(sentence, at, win.start()):
            win = None
        if win is None and _opens_clause(sentence, x.start):
            breaks = [b.end() for b in CLAUSE_BREAK.finditer(sentence, at)][:3]  # (B排名第一，中标份额40%，中标金额约…)
            win = _WIN_AMOUNT.search(sentence, at, breaks[-1] if breaks else len(sentence))
        if win is not None and not any(last < y.start < win.start() for y in mentions):
            clause_end = next((b.start() for b in CLAUSE_BREAK.finditer(sentence, win.end())), len(sentence))
            amount = _won_amount(sentence, amounts, last, clause_end) if last == x.end else None
            found.append(Relation(owner, x, _by_object(sentence[x.start : clause_end], "purchase"), win.group(), amount, 0.7, "tender_winner"))
    listed = _WINNERS_LISTED.search(sentence, after)  # 中标候选人包括A、B、C等: the winners named after their term
    if listed is not None and not NEGATION.search(sentence):
        first = next((x for x in mentions if x.start >= listed.end() and not x.is_ref), None)
        if first is not None and first.start - listed.end() <= 2 and not CLAUSE_BREAK.search(sentence, listed.end(), first.start):
            end = _list_end(sentence, mentions, first)
            won = {r.payee.entity.id for r in found}  # …由A中标，第2包中标人为B: B too
            found += [
                Relation(owner, x, "purchase", listed.group(), None, 0.7, "tender_winner")
                for x in _one_each(m for m in mentions if first.start <= m.start and m.end <= end and not m.is_ref)
                if x.entity.id not in (owner.entity.id, *won)
            ]
    return found


def _won_amount(sentence: str, amounts, start: int, clause_end: int):
    """The amount between ``start`` and ``clause_end``, else the one of a 中标金额 clause right after."""
    amount = _amount_within(amounts, start, clause_end)
    if amount is None and _WIN_AMOUNT.match(sentence, clause_end + 1):
        next_end = next((b.start() for b in CLAUSE_BREAK.finditer(sentence, clause_end + 1)), len(sentence))
        amount = _amount_within(amounts, clause_end + 1, next_end)
    return amount


# words a sentence may open with before what it goes on with (根据公告，标包1中，… ; 據了解，本案由A擔任統籌主辦行…)
_LEAD_IN = "(?:(?:根据公告|根據公告|公告显示|公告顯示|结果显示|結果顯示|据了解|據了解|据悉|據悉|其中|另外|此外)[，,]?)?"
_LOT_OPENS = re.compile(  # (or a lot told by what it builds, then whom it went to: 50万千瓦风电EPC标段则被B…收入囊中)
    "(?:标段|標段|标包|標包|包件|包)[一二三四五六七八九十0-9]+|第[一二三四五六七八九十0-9]+(?:标段|標段|标包|標包|包)"
    "|[^，,。；;]{0,20}?(?:标段|標段|标包|標包)(?:则|則)?(?:被|由)"
)


# 同批次公示的…项目，由B以…中标: a winner of the same owner's tenders the sentence before announced
_SAME_BATCH = re.compile("同批|同期公示|同期公布")  # (同批 opens 同批次 too)


def lists_winners(sentence: str) -> bool:
    """Whether ``sentence`` names a tender's winners after their term (中标候选人包括A、B…, 中标人为A), lot by lot
    (标段一（300MW）由B中标) or in the same batch (同批次公示的…，由B中标): the tender may be the one the sentence before
    announced (see ``tender_owner``)."""
    return (
        _WINNERS_LISTED.search(sentence) is not None or _SAME_BATCH.match(sentence) is not None
        or (_LOT_OPENS.match(sentence, re.match(_LEAD_IN, sentence).end()) is not None and _WINS.search(sentence) is not None)
        or _SHARE_WON.search(sentence) is not None
    )



def _opens_clause(sentence: str, start: int) -> bool:
    """Whether ``start`` opens a clause, perhaps after 其中 / 另外."""
    return re.fullmatch("(?:其中|另外|此外|而|则|則)?", sentence[_clause_start(sentence, start) : start]) is not None


_LIST_GAP = re.compile(r"\s*(?:[、和及与與]|以及)\s*")


def _list_end(sentence: str, mentions: list[Mention], first: Mention) -> int:
    """Where the list of names that ``first`` opens (A、B和C) ends: the end of its last name."""
    end = first.end
    for y in sorted(mentions, key=lambda m: m.start):
        if y.start < end:
            continue
        if y.is_ref or not _LIST_GAP.fullmatch(sentence, end, y.start):
            break
        end = y.end
    return end


_CONTINUED_LENDING = re.compile(
    "(?:" + CONTINUES.pattern + "|^" + _LEAD_IN + "(?:本案|該案|该案|此案)(?:係|系)?由"
    "|^" + _LEAD_IN + "(?:此次|本次|该笔|該筆|这笔|這筆)(?:联贷|聯貸|联合授信|聯合授信|银团贷款|銀團貸款|银团|銀團|银行团|銀行團|专案融资|專案融資|项目融资|項目融資|贷款|貸款)(?:案)?)[^。]*?"
    "(?:额度|額度|参贷|參貸|参与|參與|承贷|承貸|贷款|貸款|授信|主办|主辦|牵头|牽頭)"
)
# B 完成 / 簽署 … 專案融資 / 聯貸 (the banks named in the sentence after): B borrows
# (or B …银团贷款签约仪式: the signing after the loan)
_LOAN_RAISED = re.compile(
    "(?:(?P<v>完成|签署|簽署|签订|簽訂|取得|获得|獲得)(?:了)?(?:[^，,。；;：:]|(?<=[0-9]),(?=[0-9])){0,24}?)?"
    "(?P<t>专案融资|專案融資|项目融资|項目融資|联贷|聯貸|(?:银团|銀團)(?:开发|開發|项目|項目|并购|併購)?(?:贷款|貸款)|联合授信|聯合授信)"
    "(?(v)|(?:合同|合約|协议|協議)?(?:签约|簽約|签署|簽署|签订|簽訂))"
)


def continues_syndicate(sentence: str) -> bool:
    """Whether ``sentence`` may name more banks of the syndicated loan the sentence before told
    (…與10家銀行團簽訂聯合授信案。其中臺灣銀行承諾額度35億元，其餘由華南銀行、合作金庫等參與)."""
    return _CONTINUED_LENDING.match(sentence) is not None


def syndicate_members(sentence: str, mentions: list[Mention], amounts, roles, loan: Relation) -> list[Relation]:
    """The banks ``sentence`` names that join ``loan``'s syndicate (see ``continues_syndicate``): each lends to its borrower
    (``loan``'s payee; its payer is the borrower too when the sentence before named no bank, see ``raised_loan``),
    with the part the sentence gives it (其中臺灣銀行承貸約180億元)."""
    if NEGATION.search(sentence):
        return []
    return [
        replace(r, amount=_own_amount(sentence, mentions, amounts, r.payer))
        for r in _lenders(list({m.entity.id: m for m in mentions if not m.is_ref}.values()), roles, loan)
    ]


def _lenders(mentions: list[Mention], roles, loan: Relation) -> list[Relation]:
    """Each bank among ``mentions`` other than ``loan``'s borrower lends to it, as a member of its syndicate."""
    return [
        Relation(m, loan.payee, "loan", loan.trigger, None, loan.confidence, "syndicate")
        for m in mentions
        if not m.is_ref and m.entity.id != loan.payee.entity.id and is_bank(m, roles)
    ]


def raises_loan(sentence: str) -> bool:
    """Whether ``sentence`` may say that a company took a project or syndicated loan (see ``raised_loan``)."""
    return _LOAN_RAISED.search(sentence) is not None


def raised_loan(sentence: str, mentions: list[Mention], roles) -> Relation | None:
    """The loan a company took whose banks the sentence does not name (彰芳三號…已完成…專案融資簽約。本案由A、B
    擔任統籌主辦銀行…): a relation from the borrower to itself, for the banks of the next sentence to join
    (``syndicate_members``); the one organisation named before the words that say so, in their clause."""
    for borrower, said in _sole_parties(sentence, _LOAN_RAISED, mentions, lambda m: not is_bank(m, roles)):
        return Relation(borrower, borrower, "loan", said.group("t"), None, 0.72, "syndicate")
    return None


def syndicated_loan(rels: list[Relation], roles, sentence: str = "") -> Relation | None:
    """The one borrower's loan that two or more banks of ``rels`` make together, or one bank at the head of
    the syndicate ``sentence`` speaks of (與臺灣銀行為首的銀行團簽署…聯合授信合約), if any."""
    loans = [r for r in rels if r.deal_type == "loan" and is_bank(r.payer, roles)]
    if len({r.payee.entity.id for r in loans}) != 1:
        return None
    if len({r.payer.entity.id for r in loans}) < 2 and not _SYNDICATE.search(sentence):
        return None
    return loans[0]


# an acquisition's price paid with a loan a lender provides (…代價…將以一筆由B提供的過渡性貸款支付 ; 交易对价中，约15亿元将来自B提供的
# 并购贷款，C亦承诺提供…配套流动资金贷款 ; 收購資金將以B提供之…貸款撥付): the buyer borrows
_PRICE_FINANCED = re.compile(
    "(?:对价|對價|代价|代價|收购资金|收購資金|收购款|收購款)[^。；;]*?提供(?:的|之)[^，,。；;]{0,24}?(?:贷款|貸款)"
)
_PROVIDES = re.compile("(?:亦|也|将|將|已)?(?:承诺|承諾)?提供")
_LOAN_WORD = re.compile("贷款|貸款")


def finances_price(sentence: str) -> bool:
    """Whether ``sentence`` says an acquisition's price is paid with loans it names the lenders of (see ``price_lenders``)."""
    return _PRICE_FINANCED.search(sentence) is not None


def price_lenders(sentence: str, mentions: list[Mention], amounts, buyer: Mention) -> list[Relation]:
    """The loans of the lenders ``sentence`` names right before 提供, each to the ``buyer`` whose price they pay,
    with the amount between 提供 and its 贷款."""
    found = []
    for m in mentions:
        provides = _PROVIDES.match(sentence, m.end)
        if m.is_ref or provides is None or m.entity.id == buyer.entity.id:
            continue
        loan = _LOAN_WORD.search(sentence, provides.end())
        amount = _amount_within(amounts, provides.end(), loan.start()) if loan is not None else None
        found.append(Relation(m, buyer, "loan", "提供", amount, 0.75, "price_lent"))
    return found


def may_continue(sentence: str) -> bool:
    """Whether ``sentence`` may name more investors in what the sentence before invested in: it opens with 其中 / 此外…,
    or it first names the backers' role and then goes on with 其中 (新基金的有限合夥人涵蓋…，其中A承諾出資1.5億美元)."""
    opens = CONTINUES.match(sentence) is not None or _BACKERS_THEN_AMONG.match(sentence) is not None
    return opens and _CONTINUING_VERB.search(sentence) is not None


# 交易对方为A及B / 转让方包括A、B: who sells in the acquisition just stated
COUNTERPARTIES = re.compile(  # (本次交易的卖方为B, 卖方包括…; not 賣方為本公司之關連人士, which says who the seller is)
    "(?:交易对方|交易對方|交易对手方|交易對手方|转让方|轉讓方|出让方|出讓方|卖方|賣方|出售方)(?:主要)?(?:为|為|包括|包含|系|是)"
    "(?!本公司|公司|本集团|本集團|其)"
)
_LIST_GOES_ON = re.compile("[，,](?:以及|还有|還有|及)")  # (…A、其控制的B，以及财务投资者C: the list goes on)
_ACQUIRING = frozenset(_simplified(w) for w in ACQUIRE.split("|") + ["购买", "購買", "买入", "買入"])
# what lies between a listed owner and what it owns (A家族控制的B, A控股股东B): A only says whose B is
_OWNER_OF_NEXT = re.compile("(?:家族)?(?:控制的|控股的|旗下的?|的)|(?:的)?(?:控股)?(?:股东|股東|创始人|創始人|创办人|創辦人)" + NON_ENT + "*")


def names_counterparties(sentence: str) -> bool:
    """Whether ``sentence`` lists the other side of an acquisition (交易对方为…)."""
    return COUNTERPARTIES.search(sentence) is not None


def acquirer_of(rels: list[Relation]) -> Mention | None:
    """The one party that acquires in ``rels``, if there is exactly one."""
    buyers = {r.payer.entity.id: r.payer for r in rels if r.deal_type == "acquisition" or _simplified(r.trigger) in _ACQUIRING}
    return next(iter(buyers.values())) if len(buyers) == 1 else None


def counterparty_relations(sentence: str, mentions: list[Mention], acquirer: Mention, acquired: set[str]) -> list[Relation]:
    """The sellers a counterparty list names (交易对方为EQT VIII基金及Gaggenheim家族信托): ``acquirer`` pays
    each organisation listed up to the clause's end, but not what it acquires (``acquired``, ids)."""
    m = COUNTERPARTIES.search(sentence)
    if m is None or NEGATION.search(sentence):
        return []
    end = m.end()
    while True:  # (…李牧之、其控制的B，以及财务投资者C: a list goes on past a comma that 以及 follows)
        end = next((b.start() for b in CLAUSE_BREAK.finditer(sentence, end) if b.group() not in "（）()"), len(sentence))
        more = _LIST_GOES_ON.match(sentence, end)
        if more is None:
            break
        end = more.end()
    listed = [
        x for x in mentions
        if m.end() <= x.start < end and not x.is_ref and x.entity.id != acquirer.entity.id
        and not x.text.startswith("自然人")  # a person, not an organisation
    ]
    # Klaus Reinhardt家族控制的Reinhardt Holding GmbH: the first only says whose the second is
    listed = [x for x, after in zip(listed, listed[1:] + [None]) if after is None or not _OWNER_OF_NEXT.fullmatch(sentence, x.end, after.start)]
    return [Relation(acquirer, x, "acquisition", m.group(), None, 0.7, "counterparty") for x in listed if x.entity.id not in acquired]


# 与美国Aravel Therapeutics达成独家许可协议 ; 與韓美製藥簽訂…授權合約: a licence between two parties
_LICENCE = re.compile("(?:许可|許可|授权|授權)(?:协议|協議|合约|合約|合同|交易)")
_WITH = re.compile("[与與同和]")
# 启泰生物将获得3500万美元首付款 ; 安晟生醫將收取簽約金500萬美元: the party that is paid for it
_CLAUSE_CHAR = "(?:[^，,。；;]|(?<=[0-9]),(?=[0-9]))"  # (a thousands comma breaks no clause)
_UPFRONT_WORDS = _CLAUSE_CHAR + "{0,16}?(?:首付款|首期付款|首期款|签约金|簽約金|预付款|預付款|前期付款|授权金|授權金)"
_UPFRONT = re.compile("(?:获得|獲得|收取|收到|取得)" + _UPFRONT_WORDS)
_UPFRONT_PAID = re.compile("(?:支付|給付|给付|付出)(?!的)" + _UPFRONT_WORDS)  # 和元医药将支付1500万美元首付款: it pays
_IN_NUMBER = re.compile("[0-9],[0-9]")  # 3,000万美元: a comma that is no break
# …与B签署专利实施许可合同，以1200万元许可费获得…: the one that gets the licence for a fee pays it
_FEE_FOR_LICENCE = re.compile(
    "以" + _CLAUSE_CHAR + "{0,16}?(?P<t>许可费|許可費|许可使用费|許可使用費|授权费|授權費|授权金|授權金)(?:获得|獲得|取得)"
)


def about_licence(sentence: str) -> bool:
    """Whether ``sentence`` may state a licence or its upfront payment (see ``licence_parties``, ``upfront_relations``)."""
    return _LICENCE.search(sentence) is not None or _UPFRONT.search(sentence) is not None or _UPFRONT_PAID.search(sentence) is not None


def licence_parties(sentence: str, mentions: list[Mention], company: Mention | None = None) -> tuple[Mention, Mention] | None:
    """The two sides of the licence ``sentence`` states (A…与B达成许可协议): the party named after 与 / 與
    before the licence words, and the one named before it (or the document's ``company``)."""
    lic = _LICENCE.search(sentence)
    if lic is None or NEGATION.search(sentence):
        return None
    named = [m for m in mentions if not m.is_ref and m.end <= lic.start()]
    for i in range(len(named) - 1, -1, -1):
        partner = named[i]
        start = named[i - 1].end if i else 0
        with_ = [w for w in _WITH.finditer(sentence, start, partner.start) if partner.start - w.end() <= 12]
        if not with_:
            continue
        # no break between 与 and the licence words, outside the names (Meridian Therapeutics, Inc.)
        between = [sentence[k] for k in range(with_[-1].end(), lic.start()) if not any(x.start <= k < x.end for x in named)]
        if any(ch in "，,。；;" for ch in between):
            continue
        licensor = next((m for m in named[:i] if m.entity.id != partner.entity.id), company)
        if licensor is not None and licensor.entity.id != partner.entity.id:
            return licensor, partner
        return None
    return None


def upfront_relations(sentence: str, mentions: list[Mention], amounts, parties: tuple[Mention, Mention]) -> list[Relation]:
    """Who pays the upfront money of a licence between ``parties``: the one of them not said to receive it
    (启泰生物将获得3500万美元首付款: the other side pays 启泰生物), or the one said to pay it (A将支付…首付款);
    a licence got for a fee (以1200万元许可费获得…) is paid by the first of ``parties``, the sentence's subject."""
    if NEGATION.search(sentence):
        return []
    out = []
    for m, pays in chain(((m, False) for m in _UPFRONT.finditer(sentence)), ((m, True) for m in _UPFRONT_PAID.finditer(sentence))):
        start = _clause_start(sentence, m.start())
        named = [x for x in mentions if start <= x.start and x.end <= m.start() and not x.is_ref]
        if not named:
            continue
        other = next((p for p in parties if p.entity.id != named[-1].entity.id), None)
        if other is None or named[-1].entity.id not in {p.entity.id for p in parties}:
            continue
        payer, receiver = (named[-1], other) if pays else (other, named[-1])
        end = next((b.start() for b in CLAUSE_BREAK.finditer(sentence, m.end()) if not _IN_NUMBER.match(sentence, b.start() - 1)), len(sentence))
        amount = _amount_within(amounts, m.start(), end)
        out.append(Relation(payer, receiver, "other", m.group(), amount, 0.7, "licence_upfront"))
    fee = _FEE_FOR_LICENCE.search(sentence)
    if fee is not None and not out:  # the sentence's subject, the first of ``parties``, pays the other
        amount = _amount_within(amounts, fee.start(), fee.end())
        out.append(Relation(parties[0], parties[1], "other", fee.group("t"), amount, 0.7, "licence_upfront"))
    return out


# a payer's own part, right after its name: 广州产投出资25亿元, 恒远化工以货币出资3亿元, 由中華開發資本領投500萬美元
_OWN_PART = re.compile(
    "(?:本次|此次|则|則|亦|也|还|還|另|再)?(?:拟|擬|将|將)?(?:以(?:现金|現金|货币|貨幣|自有资金|自有資金)(?:方式)?)?"
    "(?:出资|出資|认缴|認繳|承贷|承貸|领投|領投|跟投|认购|認購|获配|獲配|注资|注資)(?:份额|份額|金额|金額)?(?:为|為|了)?"
)
# words that price the deal right before an amount: 交易总金额约6.58亿元, 涉資1.15億港元, 代價為人民幣4.2億元
_PRICE_WORD = re.compile(
    "(?<!营收|營收|收入|资产|資產|营业|營業|利润|利潤|估值|市值|规模|規模)"
    "(?:代价|代價|对价|對價|涉资|涉資|斥资|斥資|耗资|耗資|作价|作價|金额|金額|总价|總價|价款|價款|总额|總額)"
    "(?:合计|合計|共计|共計)?(?:为|為|是|达|達)?[:：]?$"
)


def _own_amount(sentence: str, mentions: list[Mention], amounts, payer: Mention) -> Amount | None:
    """The one amount the sentence gives right after a name of ``payer`` as its own part (A出资25亿元)."""
    own = {
        (a.amount.value, a.amount.currency): a.amount
        for m in mentions if not m.is_ref and m.entity.id == payer.entity.id
        for a in amounts if a.start >= m.end and _OWN_PART.fullmatch(sentence, m.end, a.start)
    }
    return next(iter(own.values())) if len(own) == 1 else None


def _priced(sentence: str, amounts) -> list:
    """The amounts the sentence names as a deal's price (…，交易总金额约6.58亿元 ; 涉資1.15億港元)."""
    return [a for a in amounts if _PRICE_WORD.search(sentence, max(0, a.start - 8), a.start)]


def _priced_amount(mentions: list[Mention], priced, rel: Relation, found: list[Relation]) -> Amount | None:
    """The price of ``rel``'s deal among the sentence's ``priced`` amounts: the one it names, or with
    several, the first after ``rel``'s payer and before the next deal's (A認購…，金額X；B則認購…，金額Y)."""
    if len({(a.amount.value, a.amount.currency) for a in priced}) == 1:
        return priced[0].amount
    if not priced or rel.payer not in mentions:
        return None
    after = rel.payer.end
    before = min((r.payer.start for r in found if r.payer in mentions and r.payer.start >= after), default=None)
    return next((a.amount for a in priced if after <= a.start and (before is None or a.start < before)), None)


_RESPECTIVELY = re.compile("分别|分別")
_AMOUNT_GAP = re.compile("[、，,]?(?:和|及|与|與|以及)?")


def _respective(sentence: str, amounts, found: list[Relation]) -> list[Relation] | None:
    """A、B分别向C发放贷款3.5亿美元和2.8亿美元 ; A、B分别以现金20亿元、15亿元对C增资: the listed amounts
    go to the deals in the order their payers (or, with one payer, their payees) are named."""
    said = _RESPECTIVELY.search(sentence)
    after = [a for a in amounts if said is not None and a.start >= said.end()]
    run = after[:1]
    for a in after[1:]:
        if not _AMOUNT_GAP.fullmatch(sentence, run[-1].end, a.start):
            break
        run.append(a)
    if len(run) < 2:
        return None
    listed = found
    if len(run) != len(found):  # …；A与B分别获配2.15亿元和1.6亿元: the payers listed in 分别's own clause
        opens = max((b.end() for b in CLAUSE_BREAK.finditer(sentence, 0, said.start())), default=0)
        listed = [r for r in found if opens <= r.payer.start < said.start()]
        if len(listed) != len(run):
            return None
    for side, other in (("payer", "payee"), ("payee", "payer")):
        if len({getattr(r, other).entity.id for r in listed}) == 1 and len({getattr(r, side).entity.id for r in listed}) == len(listed):
            given = dict(zip(map(id, sorted(listed, key=lambda r: getattr(r, side).start)), run))
            return [replace(r, amount=given[id(r)].amount) if id(r) in given else r for r in found]
    return None


def with_own_amounts(sentence: str, mentions: list[Mention], amounts, found: list[Relation]) -> list[Relation]:
    """Each deal with the amount the sentence gives it: the amounts listed after 分别 in the order of
    the parties; a payer's own part stated after its name (A与B共同设立规模100亿元的基金C，A出资25亿元:
    A pays 25亿元, not the fund's size); else, for a deal given none, the one amount the sentence calls
    the price (…，对价2.7亿元 ; 涉資1.15億港元)."""
    amounts = _deal_amounts(sentence, amounts)
    respective = _respective(sentence, amounts, found)
    if respective is not None:
        return respective
    payers = [r.payer.entity.id for r in found]
    priced = _priced(sentence, amounts)
    out = []
    for rel in found:
        own = _own_amount(sentence, mentions, amounts, rel.payer) if payers.count(rel.payer.entity.id) == 1 else None
        if own is not None:
            rel = replace(rel, amount=own)
        elif rel.amount is None:
            rel = replace(rel, amount=_priced_amount(mentions, priced, rel, found))
        out.append(rel)
    return out


def _one_latin_company(a: Mention, b: Mention) -> bool:
    """NovaGene Therapeutics … 向NovaGene支付: a Latin name's first words are the company's short name, not another party."""
    words_a, words_b = a.text.split(), b.text.split()
    if not (a.text.isascii() and b.text.isascii() and words_a and words_b) or words_a == words_b:
        return False
    short, full = sorted((words_a, words_b), key=len)
    return full[: len(short)] == short


_TARGET_LABEL = re.compile("(?:目标公司|目標公司|标的公司|標的公司)[「『“\"]?$")


def _paid_to_sellers(sentence: str, found: list[Relation]) -> list[Relation]:
    """An acquirer pays the seller the sentence names, not the company the text calls the target
    (本公司同意出售而買方同意收購目標公司C之股權: the buyer pays 本公司, not C). A company bought from a holder
    (收购B持有的C) stays a deal of its own: news and annotators name either as the one paid."""
    bought = [r for r in found if r.deal_type == "acquisition"]

    def sold(rel: Relation) -> bool:
        return _TARGET_LABEL.search(sentence, max(0, rel.payee.start - 6), rel.payee.start) is not None and any(
            r.payer.entity.id == rel.payer.entity.id and r.payee.entity.id != rel.payee.entity.id for r in bought
        )

    return [r for r in found if r.deal_type != "acquisition" or not sold(r)]


_FROM_BEFORE = re.compile("(?:从|從|自)[^，,。；;：:]{0,8}$")
_HAND_AFTER = re.compile("手中|手里|手裡|手上")


def _sells_from_hand(sentence: str, rel: Relation) -> bool:
    """从创始人X手中买下了Y: X sells, it buys nothing."""
    return (
        rel.deal_type == "acquisition" and _HAND_AFTER.match(sentence, rel.payer.end) is not None
        and _FROM_BEFORE.search(sentence, max(0, rel.payer.start - 9), rel.payer.start) is not None
    )


_CLAUSE_END = re.compile("[，,；;。]")  # a clause's end, brackets aside (A与B（简称“B”）签署…，A将向后者…)
# A拟与(控股股东)B: B's partner; B (（以下简称…）按持股比例)共同…: they pay together
_WITH_BEFORE = re.compile(
    _ASIDE_AFTER_NAME + "(?:拟|擬|将|將|已|亦|也|还|還)?(?:与|與|和|同|跟)(?:其)?(?:控股股东|控股股東|大股东|大股東|股东|股東|母公司|关联方|關聯方)?"
)
_TOGETHER = re.compile(_ASIDE_AFTER_NAME + "[^，,。；;]{0,10}?(?:同步|共同|一起|一同|联合|聯合)")


def _co_payers(sentence: str, mentions: list[Mention], found: list[Relation]) -> list[Relation]:
    """The partner who pays along: 张建国拟与公司同步…对晶源半导体进行增资 (a rule read 公司 → 晶源半导体; 张建国 pays too)."""
    known = {(r.payer.entity.id, r.payee.entity.id) for r in found}
    out = []
    for rel in found:
        if rel.payer not in mentions or not _TOGETHER.match(sentence, rel.payer.end):
            continue
        for m in mentions:
            if (
                not m.is_ref and m.end < rel.payer.start and _WITH_BEFORE.fullmatch(sentence, m.end, rel.payer.start)
                and m.entity.id != rel.payee.entity.id and (m.entity.id, rel.payee.entity.id) not in known
            ):
                known.add((m.entity.id, rel.payee.entity.id))
                out.append(replace(rel, payer=m, rule=rel.rule + "+partner"))
    return out


def continued_relations(sentence: str, mentions: list[Mention], amounts, roles, payee: Mention) -> list[Relation]:
    """The investments in ``payee`` (what the sentence before invested in) that ``sentence`` adds."""
    if NEGATION.search(sentence):
        return []
    return SentenceRelations(sentence, mentions, amounts, roles).continued(payee)


def find_relations(
    sentence: str, mentions: list[Mention], amounts, roles, pairs: PairModel | None = None,
    company: Mention | None = None, context: str = "",
) -> list[Relation]:
    """All deals stated in ``sentence`` given its mentions and amounts.

    ``pairs`` (the learned pair classifier) adds the pairs it reads as a
    payment where no rule related the two names either way. ``company``
    (``document_company``) may be the second party: the issuer subscribers
    pay when the paragraph ``context`` issues shares, the company raising 本轮,
    what 其 means with no name before it.
    """
    if len(mentions) < parties_needed(sentence, company) or not could_hold_deal(sentence):
        return []
    if RUMOUR.search(sentence) and NEGATION.search(sentence):  # 针对市场流传的"A拟入股B"一事，A回应称消息不实
        return []
    found = SentenceRelations(sentence, mentions, amounts, roles, company, context).find()
    found = _paid_to_sellers(sentence, [r for r in found if not _one_latin_company(r.payer, r.payee) and not _sells_from_hand(sentence, r)])
    found = with_own_amounts(sentence, mentions, amounts, found + _co_payers(sentence, mentions, found))
    if pairs is not None and not NEGATION.search(sentence):  # denied, called off or only asked about
        related = {frozenset((r.payer.entity.id, r.payee.entity.id)) for r in found}
        # two names that each already have a rule's deal here are explained: pairing them across
        # clauses (A收购B, C收购D → A, D) is the classifier's commonest mistake in multi-deal sentences
        explained = {m.entity.id for r in found for m in (r.payer, r.payee)}
        for score in pairs.score_pairs(sentence, mentions, explained=explained):
            key = frozenset((score.payer.entity.id, score.payee.entity.id))
            if key not in related:
                related.add(key)
                found.append(_model_relation(sentence, score, amounts))
    return found
