"""The entity catalog: folding, lookup in every script, surface forms, user files."""
from __future__ import annotations

import json
import re

import pytest

from graphbuild.catalog import KINDS, ROLES, Catalog, fold, load_catalog, pkuseg_user_dict
from graphbuild.errors import GraphbuildError
from graphbuild.records import Entity


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _longest_match_ids(catalog, text):
    """Ids found in ``text`` by leftmost-longest matching of surface and blocked forms."""
    forms = dict(catalog.surface_forms())
    alternatives = sorted(list(forms) + catalog.blocked_forms(), key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, alternatives)))
    return [forms.get(m.group()) for m in pattern.finditer(text)]


def test_fold_normalises_width_script_case_and_punctuation():
    assert fold("「英偉達」") == "英伟达"
    assert fold("ＯｐｅｎＡＩ") == "openai"
    assert fold("《軟銀 集團》") == "软银集团"
    assert fold("Character.AI") == fold("character ai") == fold("character_ai")
    assert fold("安德森·霍洛维茨") == "安德森霍洛维茨"
    assert fold("（阿里巴巴）") == "阿里巴巴"


@pytest.mark.parametrize(
    "mention, entity_id",
    [
        ("英伟达", "nvidia"),
        ("英偉達", "nvidia"),
        ("輝達", "nvidia"),
        ("辉达", "nvidia"),
        ("英伟达公司", "nvidia"),
        ("「英偉達」", "nvidia"),
        ("NVDA", "nvidia"),
        ("Oracle Corporation", "oracle"),
        ("甲骨文公司", "oracle"),
        ("OCI", "oracle"),
        ("Oracle Cloud", "oracle"),
        ("微軟", "microsoft"),
        ("Azure", "microsoft"),
        ("Alphabet Inc.", "google"),
        ("Google Cloud", "google"),
        ("谷歌雲", "google"),
        ("亞馬遜", "amazon"),
        ("AWS", "amazon"),
        ("超微", "amd"),
        ("美超微", "supermicro"),
        ("華為雲", "huawei"),
        ("华为", "huawei"),
        ("軟銀集團", "softbank"),
        ("SoftBank Group Corp.", "softbank"),
        ("阿里巴巴集团控股有限公司", "alibaba"),
        ("阿里云", "alibaba"),
        ("腾讯控股", "tencent"),
        ("幻方量化", "high-flyer"),
        ("深度求索公司", "deepseek"),
        ("Character AI", "character-ai"),
        ("J.P. Morgan", "jpmorgan"),
        ("台積電", "tsmc"),
        ("字節跳動", "bytedance"),
        ("火山引擎", "volcano-engine"),
        ("xAI", "xai"),
        ("乐天", "lotte"),  # in Chinese news the Korean group; the Japanese one is 日本乐天
        ("日本乐天", "rakuten"),
    ],
)
def test_lookup_resolves_every_script_and_company_suffix(catalog, mention, entity_id):
    entity = catalog.lookup(mention)
    assert entity is not None and entity.id == entity_id


def test_lookup_does_not_guess_for_unknown_or_generic_names(catalog):
    assert catalog.lookup("海天味业某子公司") is None
    assert catalog.lookup("公司") is None
    assert catalog.lookup("集团") is None
    assert catalog.lookup("") is None


def test_every_surface_form_looks_up_its_own_entity(catalog):
    wrong = [(form, i, catalog.lookup(form)) for form, i in catalog.surface_forms() if catalog.lookup(form).id != i]
    assert wrong == []


def test_surface_forms_add_script_variants_longest_first(catalog):
    forms = catalog.surface_forms()
    mapping = dict(forms)
    assert mapping["英偉達"] == "nvidia"  # generated from 英伟达 (s2t/s2hk)
    assert mapping["輝達"] == "nvidia"
    assert mapping["甲骨文"] == "oracle"
    assert mapping["華為雲"] == "huawei"
    assert mapping["京东方"] == "boe" and mapping["京东"] == "jd-com"
    lengths = [len(f) for f, _ in forms]
    assert lengths == sorted(lengths, reverse=True)
    assert len(mapping) == len(forms)


def test_bundled_catalog_is_consistent(catalog):
    assert len(catalog) >= 250
    for entity in catalog.entities.values():
        assert re.fullmatch(r"[0-9a-z]+(?:-[0-9a-z]+)*", entity.id), entity.id
        assert entity.kind in KINDS
        assert set(entity.roles) <= set(ROLES), entity.id
        assert entity.aliases, entity.id
        parent = catalog.parent(entity.id)
        assert parent is None or parent in catalog
    for required in ("nvidia", "openai", "oracle", "microsoft", "google", "amazon", "meta", "xai", "amd", "intel",
                     "coreweave", "anthropic", "tesla", "high-flyer", "deepseek", "character-ai", "softbank", "tsmc"):
        assert required in catalog
    assert catalog.roles("nvidia") == ("chip_vendor",)
    assert "cloud_provider" in catalog.roles("oracle")
    assert catalog.roles("no-such-id") == ()


def test_ambiguous_aliases_are_flagged_in_every_script(catalog):
    assert catalog.is_ambiguous("苹果") and catalog.is_ambiguous("蘋果")
    assert not catalog.is_ambiguous("苹果公司")
    assert not catalog.is_ambiguous("Apple")
    assert catalog.is_ambiguous("字节") and not catalog.is_ambiguous("字节跳动")
    assert catalog.lookup("苹果").id == "apple"


def test_blocked_words_win_over_the_alias_inside_them(catalog):
    forms = dict(catalog.surface_forms())
    assert not set(catalog.blocked_forms()) & set(forms)
    assert _longest_match_ids(catalog, "美国高通胀压力下，高通与英伟达签约") == [None, "qualcomm", "nvidia"]
    assert _longest_match_ids(catalog, "文件的字节数") == [None]
    assert _longest_match_ids(catalog, "北京东直门的京东方和京东") == [None, "boe", "jd-com"]


def test_new_entity_ids_agree_across_quotes_scripts_and_suffixes(catalog):
    a = catalog.new_entity("「宏碩電子」")
    b = catalog.new_entity("宏硕电子")
    c = catalog.new_entity("宏硕电子股份有限公司")
    assert a.id == b.id == c.id == "宏硕电子"
    assert b.name == "宏硕电子" and b.name_zh == "宏硕电子"
    assert catalog.new_entity("Scale AI").id == "scale-ai"
    assert catalog.new_entity("Asetek Inc.").id == catalog.new_entity("Asetek").id == "asetek"
    assert catalog.new_entity("Asetek").name_zh is None


def test_add_merges_aliases_into_an_existing_id():
    catalog = Catalog([Entity(id="acme", name="Acme", aliases=("艾克米",))])
    catalog.add(Entity(id="acme", name="Acme Corp", aliases=("ACME",)), ambiguous=["ACME"])
    entity = catalog.get("acme")
    assert entity.name == "Acme Corp" and entity.aliases == ("艾克米", "ACME")
    assert catalog.lookup("艾克米公司").id == "acme"
    assert catalog.is_ambiguous("acme")
    assert ("艾克米", "acme") in catalog.surface_forms()


def test_bundled_catalog_is_cached():
    assert load_catalog() is load_catalog()


def test_user_file_adds_entities_and_aliases(tmp_path):
    path = tmp_path / "extra.json"
    path.write_text(
        json.dumps(
            {"entities": [
                {"id": "nvidia", "aliases": ["老黄家"]},
                {"id": "acme-ai", "name": "Acme AI", "name_zh": "艾克米智能", "aliases": ["艾克米"], "roles": ["ai_lab"]},
            ]},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    catalog = load_catalog(path)
    assert catalog.lookup("老黄家").id == "nvidia"
    assert catalog.lookup("輝達").id == "nvidia"  # bundled aliases kept
    assert catalog.get("nvidia").name == "Nvidia" and catalog.roles("nvidia") == ("chip_vendor",)
    assert catalog.lookup("艾克米智能公司").id == "acme-ai"
    assert catalog.lookup("艾克米").id == "acme-ai"
    assert "老黄家" not in dict(load_catalog().surface_forms())  # the cached bundled catalog is untouched


def test_user_file_as_plain_list(tmp_path):
    path = tmp_path / "extra.json"
    path.write_text('[{"id": "zeta", "name": "Zeta", "aliases": ["泽塔"]}]', encoding="utf-8")
    assert load_catalog(path).lookup("澤塔").id == "zeta"


@pytest.mark.parametrize(
    "content, problem",
    [
        ("{not json", "not valid JSON"),
        ('{"companies": []}', "expected a JSON list"),
        ('[{"name": "x"}]', "no \"id\""),
        ('[{"id": "x", "aliases": "X"}]', "\"aliases\" must be a list"),
        ('[{"id": "x", "kind": "planet"}]', "kind 'planet'"),
        ('["x"]', "not a JSON object"),
    ],
)
def test_bad_user_file_gives_one_line_error_naming_it(tmp_path, content, problem):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GraphbuildError) as info:
        load_catalog(path)
    message = str(info.value)
    assert str(path) in message and problem in message and "\n" not in message


def test_missing_user_file_is_a_clear_error(tmp_path):
    with pytest.raises(GraphbuildError, match="cannot read entity file"):
        load_catalog(tmp_path / "nope.json")


def test_pkuseg_user_dict_has_cjk_names_but_not_ambiguous_ones(catalog):
    words = set(pkuseg_user_dict(catalog))
    assert {"英伟达", "英偉達", "輝達", "甲骨文", "華為雲", "高通胀"} <= words
    assert not {"苹果", "中芯", "字节"} & words
    assert all(re.search(r"[\u4e00-\u9fff]", w) for w in words)
