"""Reading input files: find them, detect their encoding, decode them to Documents.

Encodings are detected from the bytes, never from the file name: strict UTF-8
first (the common case), then the Chinese double-byte families (GB18030/GBK and
Big5), then charset-normalizer for anything else. GB18030 accepts almost any
byte pair, so Big5 bytes usually decode "successfully" as GB garbage; between
the Chinese candidates we keep the decoding whose Han characters are most often
common ones (simplified or traditional), which short texts get right where
statistical detectors confuse GBK and Big5.
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from .errors import InputError
from .records import Document

# Most frequent Chinese characters in news and general prose (simplified);
# the traditional forms are added with OpenCC at first use.
_COMMON_SIMPLIFIED = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后"
    "作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只"
    "从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向"
    "头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声"
    "提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建"
    "务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即"
    "像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带"
    "导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具"
    "罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越"
    "器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另"
    "周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够"
    "章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀"
    "攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假"
    "久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢"
    "雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵"
    "协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右"
    "份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏"
    "讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘"
    "朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板"
    "庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健"
    "堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴"
    "森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透"
    "购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏"
    "忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵硬麦蒋操耶阻"
    "订彩抽赞魔纷沿喊违妹浪汇币丰蓝殊献桌啦瓦莱援译夺汽烧距裁偏符勇触课敬哭懂墙袭召罚侠厅拜巧侧韩冒债曼"
    "融惯享戴童犹乘挂奖绍厚纵障讯涉彻刊丈爆乌役描洗玛患妙镜唱烦签仙彼弗症仿倾牌陷鸟轰咱菜闭奋庆撤泪茶疾"
    "缘播朗杜奶季丹狗尾仪偷奔珠虫驻孔宜艾桥淡翼恨繁寒伴叹旦愈潮粮缩罢聚径恰挑袋灰捕徐珍幕映裂泰隔启尖忠"
    "累炎暂估泛荒偿横拒瑞忆孤鼻闹羊呆厉衡胞零穷舍码赫婆魂灾洪腿胆津俗辩胸晓劲贫仁偶辑邦恢赖圈摸仰润堆碰"
    "艇稍迟辆废净凶署壁御奉旋冬矿抬蛋晨伏吹鸡倍糊秦盾杯租骑乏隆诊奴摄丧污渡旗甘耐凭扎抢绪粗肩梁幻菲皆碎"
    "宙叔岩荡综爬荷悉蒂返井壮薄悄扫敏碍殖详迪矛霍允幅撒剩凯颗骂赏液番箱贴漫酸郎腰舒眉忧浮辛恋餐吓挺励辞"
    "艘键伍峰尺昨黎辈贯侦滑券崇扰宪绕趋慈乔阅汗枝拖墨胁插箭腊粉泥氏彭拔骗凤慧媒佩愤扑龄驱惜豪掩兼跃尸肃"
    "帕驶堡届欣惠册储飘桑闲惨洁踪勃宾频仇磨递邪撞拟滚奏巡颜剂绩贡疯坡瞧截燃焦殿伪柳锁逼颇昏劝呈搜勤戒驾"
    "漂饮曹朵仔柔俩孟腐幼践籍牧凉牲佳娜浓芳稿竹腹跌逻垂遵脉貌柏狱猜怜惑陶兽帐饰贷昌叙躺钢沟寄扶铺邓寿惧"
    "询汤盗肥尝匆辉奈扣廷澳嘛董迁凝慰厌脏腾幽怨鞋丢埋泉涌辖躲晋紫艰魏吾慌祝邮吐狠鉴曰械咬邻赤挤弯椅陪割"
    "揭韦悟聪雾锋梯猫祥阔誉筹丛牵鸣沈阁穆屈旨袖猎臂蛇贺柱抛鼠瑟戈牢逊迈欺吨琴衰瓶恼燕仲诱狼池疼卢仗冠粒"
    "遥吕玄尘冯抚浅敦纠钻晶岂峡苍喷耗凌敲菌赔涂粹扁亏寂煤熊恭湿循暖糖赋抑秩帽哀宿踏烂袁侯抖夹昆肝擦猪炼"
    "恒慎搬纽纹玻渔磁铜齿跨押怖漠疲叛遣兹祭醉拳弥斜档稀捷肤疫肿豆削岗晃吞宏癌肚隶履涨耀扭坛拨沃绘伐堪仆"
    "郭牺歼墓雇廉契拼惩捉覆刷劫嫌瓜歇雕闷乳串娃缴唤赢莲霸桃妥瘦搭赴岳嘉舱俊址庞耕锐缝悔邀玲惟斥宅添挖呵"
    "讼氧浩羽斤酷掠妖祸侍乙妨贪挣汪尿莉悬唇翰仓轨枚盐览傅帅庙芬屏寺胖璃愚滴疏萧姿颤丑劣柯寸扔盯辱匹俱辨"
    "饿蜂哦腔郁溃谨糟葛苗肠忌溜鸿爵鹏鹰笼丘桂滋聊挡纲肌茨壳痕碗穴膀卓贤卧膜毅锦欠哩函茫昂薛皱夸豫胃舌剥"
    "傲拾窝睁携陵哼棉晴铃填饲渴吻扮逆脆喘罩卜炉柴愉绳胎蓄眠竭喂傻慕浑奸扇柜悦拦诞饱乾泡贼亭夕爹酬儒姻卵"
    "氛泄杆挨僧蜜吟猩遂狭肖甜霞驳裕顽於摘矮秒卿畜咽披辅勾盆疆赌塑畏吵囊嗯泊肺骤缠冈羞瞪吊贾漏斑涛悠鹿俘"
    "锡卑葬铭滩嫁催璇翅盒蛮矣潘歧赐鲍锅廊拆灌勉盲宰佐啥胀扯禧辽抹筒棋裤唉朴咐孕誓喉妄拘链驰栏逝窃艳臭纤"
    "玑棵趁匠盈翁愁瞬婴孝颈倘浙谅蔽畅赠妮莎尉冻跪闯葡後厘稻跟芯算亿英伟甲骨微软谷歌阿里腾讯华为订单融"
)


@lru_cache(maxsize=1)
def _common_han() -> frozenset[str]:
    import opencc

    traditional = opencc.OpenCC("s2t").convert(_COMMON_SIMPLIFIED)
    taiwan = opencc.OpenCC("s2tw").convert(_COMMON_SIMPLIFIED)
    return frozenset(_COMMON_SIMPLIFIED + traditional + taiwan)


# Non-ASCII characters other than CJK/full-width punctuation and spaces.
_NON_ASCII_LETTER = re.compile(r"[^\x00-\x7f\u2000-\u206f\u3000-\u303f\uff00-\uff20\uff3b-\uff40\uff5b-\uff65\u00a0-\u00bf]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "zip archive (docx/xlsx are zip too)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "RIFF media file"),
    (b"\xd0\xcf\x11\xe0", "old Office document"),
)
# The Chinese double-byte families, tried in order within each family.
_GB_FAMILY = ("gbk", "gb18030")
_BIG5_FAMILY = ("big5", "cp950", "big5hkscs")


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Yield the files named by ``paths``; folders are walked recursively.

    Order is deterministic (each folder sorted by path); hidden files and
    folders (``.git``, ``.DS_Store``) are skipped. A path that does not exist
    raises InputError.
    """
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield path
        else:
            raise InputError(str(path), "no such file or folder")


def _walk(folder: Path, seen: frozenset[Path] = frozenset()) -> Iterator[Path]:
    here = folder.resolve()
    if here in seen:  # a symlink back up the tree
        return
    for child in sorted(folder.iterdir()):
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _walk(child, seen | {here})
        elif child.is_file():
            yield child


def read_document(path: str | Path) -> Document:
    """Read one file and decode it, detecting its encoding and whether it is HTML."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(str(path), f"cannot read file ({e.strerror or e})") from None
    text, encoding = decode_bytes(data, str(path))
    return Document(path=str(path), text=text, encoding=encoding, html=looks_like_html(text))


def read_documents(
    paths: Iterable[str | Path],
    on_error: Callable[[InputError], None] | None = None,
) -> Iterator[Document]:
    """Yield a Document for every readable input file under ``paths``.

    A file that cannot be used is reported to ``on_error`` (default: raise) and
    the batch goes on with the next file.
    """

    def report(err: InputError) -> None:
        if on_error is None:
            raise err
        on_error(err)

    for p in paths:
        try:
            files = list(iter_input_files([p]))
        except InputError as err:
            report(err)
            continue
        for f in files:
            try:
                doc = read_document(f)
            except InputError as err:
                report(err)
                continue
            yield doc


def decode_bytes(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode ``data`` to text and return ``(text, encoding)``.

    Raises InputError (naming ``name``) for empty, binary or undecodable input.
    """
    if not data.strip():
        raise InputError(name, "empty file")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(name, f"binary file ({kind}), not text")
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _checked(data.decode(enc), name), enc
            except UnicodeDecodeError:
                raise InputError(name, f"cannot decode text (bad {enc.upper()})") from None
    if data.startswith(codecs.BOM_UTF8):
        try:
            return _checked(data[3:].decode("utf-8"), name), "utf-8-sig"
        except UnicodeDecodeError:
            raise InputError(name, "cannot decode text (UTF-8 byte-order mark but invalid UTF-8)") from None
    if b"\x00" in data:
        raise InputError(name, "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # A few GBK/Big5 byte pairs are also valid UTF-8; only a very short
        # text can fool us, and then its UTF-8 reading is rare characters.
        if data.isascii() or _common_share(text, limit=1_000)[0] >= 0.5:  # its opening says enough
            return _checked(text, name), "utf-8"
        best = _best_chinese_decoding(data)
        if best is None or _common_share(best[0])[0] < 0.9:
            return _checked(text, name), "utf-8"
        return _checked(best[0], name), best[1]
    best = _best_chinese_decoding(data)
    if best is not None:
        return _checked(best[0], name), best[1]
    text, encoding = _charset_normalizer_decoding(data, name)
    return _checked(text, name), encoding


def _checked(text: str, name: str) -> str:
    """Reject decodings that are really binary (many control characters)."""
    if len(_CONTROL.findall(text)) > max(2, len(text) // 100):
        raise InputError(name, "binary file (control characters), not text")
    return text


def _strict(data: bytes, family: tuple[str, ...]) -> tuple[str, str] | None:
    for enc in family:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    return None


def _common_share(text: str, limit: int = 100_000) -> tuple[float, int]:
    """Share of common Han characters among the non-ASCII letters of ``text``.

    Punctuation is ignored; a wrong codec also yields kana, Cyrillic and rare
    Han characters, which all count against it.
    """
    letters = _NON_ASCII_LETTER.findall(text, 0, limit)
    if not letters:
        return 0.0, 0
    common = _common_han()
    return sum(map(common.__contains__, letters)) / len(letters), len(letters)


def _best_chinese_decoding(data: bytes) -> tuple[str, str] | None:
    """The strict GB or Big5 decoding whose Han characters are most common."""
    candidates = [c for c in (_strict(data, _GB_FAMILY), _strict(data, _BIG5_FAMILY)) if c]
    if not candidates:
        return None
    scored = []
    for text, enc in candidates:
        share, n = _common_share(text)
        scored.append((share, n, text, enc))
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    share, n, text, enc = scored[0]
    # A real Chinese text has most of its Han characters among the common ones;
    # garbage from a wrong codec scatters over the whole table.
    if n == 0 or share < 0.35:
        return None
    return text, enc


def _charset_normalizer_decoding(data: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is None:
        raise InputError(name, "cannot decode text (unknown encoding or binary file)")
    return str(match), match.encoding


_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
                         re.IGNORECASE | re.DOTALL)
_HTML_MARKERS = re.compile(r"<(?:html|head|body)[\s>]|</(?:html|body)>", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML page (judged by content, not file name).

    A page starts with a doctype/<html>/<head>/<body>, carries <html>/<body>
    elements, or is mostly markup. A text file with a few stray tags is not.
    """
    if _HTML_START.match(text[:4096]):
        return True
    if _HTML_MARKERS.search(text):
        return True
    tags = _ANY_TAG.findall(text)
    if len(tags) < 10:
        return False
    markup = sum(map(len, tags))
    return markup >= 0.2 * len(text)
