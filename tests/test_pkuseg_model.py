"""pkuseg's model from the PyPI sdist, and spaCy's Chinese tokenizer using it."""
from __future__ import annotations

import os

import pytest

from graphbuild import pkuseg_model
from graphbuild.catalog import load_catalog, pkuseg_user_dict
from graphbuild.errors import GraphbuildError
from graphbuild.pkuseg_model import ENV_VAR, ensure_pkuseg_model, is_model_dir, write_user_dict


@pytest.fixture(scope="module")
def cached_model():
    """The model in the user cache (fetched from PyPI on the first run only)."""
    saved = os.environ.pop(ENV_VAR, None)
    try:
        yield ensure_pkuseg_model(progress=False)
    finally:
        if saved is not None:
            os.environ[ENV_VAR] = saved


@pytest.fixture(scope="module")
def nlp(cached_model):
    import spacy

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    user_dict = write_user_dict(pkuseg_user_dict(load_catalog()))
    nlp.tokenizer.initialize(pkuseg_model=str(cached_model), pkuseg_user_dict=str(user_dict))
    return nlp


def test_fetches_the_model_from_pypi_into_an_empty_cache(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv(ENV_VAR, raising=False)
    model = ensure_pkuseg_model(progress=True, cache_dir=tmp_path)
    assert model == tmp_path / "default"
    assert sorted(p.name for p in model.iterdir()) == ["features.msgpack", "weights.npz"]
    assert not list(tmp_path.glob("*.tar.gz")) and [p.name for p in tmp_path.iterdir()] == ["default"]
    assert "fetching pkuseg's segmentation model" in capsys.readouterr().err
    # a second call finds it complete and says nothing
    assert ensure_pkuseg_model(progress=True, cache_dir=tmp_path) == model
    assert capsys.readouterr().err == ""


def test_env_var_points_at_a_model_directory(tmp_path, monkeypatch, cached_model):
    model = tmp_path / "mine"
    model.mkdir()
    for f in cached_model.iterdir():
        (model / f.name).symlink_to(f)
    monkeypatch.setenv(ENV_VAR, str(model))
    assert ensure_pkuseg_model(progress=False, cache_dir=tmp_path / "unused") == model
    assert not (tmp_path / "unused").exists()


def test_bad_env_var_directory_is_a_one_line_error(tmp_path, monkeypatch):
    (tmp_path / "weights.npz").write_bytes(b"")
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    with pytest.raises(GraphbuildError) as info:
        ensure_pkuseg_model(progress=False)
    message = str(info.value)
    assert ENV_VAR in message and str(tmp_path) in message and "weights.npz" in message and "\n" not in message


def test_unreachable_index_is_a_clear_error_and_leaves_no_partial_model(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setattr(pkuseg_model, "SIMPLE_INDEX", "http://127.0.0.1:9/simple/pkuseg/")
    # pip, the fallback, gets no configuration and no index at all
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.delenv("PIP_FIND_LINKS", raising=False)
    with pytest.raises(GraphbuildError) as info:
        ensure_pkuseg_model(progress=False, cache_dir=tmp_path)
    message = str(info.value)
    assert "could not fetch pkuseg==0.0.25" in message and ENV_VAR in message and "\n" not in message
    assert not is_model_dir(tmp_path / "default")
    assert list(tmp_path.iterdir()) == []


def test_user_dict_file_is_cached_by_content(tmp_path):
    a = write_user_dict(["英伟达", "甲骨文", "英伟达"], cache_dir=tmp_path)
    b = write_user_dict(["甲骨文", "英伟达"], cache_dir=tmp_path)
    c = write_user_dict(["甲骨文"], cache_dir=tmp_path)
    assert a == b != c
    assert a.read_text(encoding="utf-8") == "甲骨文\n英伟达\n"


def test_segmentation_keeps_catalog_names_whole(nlp):
    tokens = [t.text for t in nlp("英伟达向OpenAI注资1000亿美元，輝達與甲骨文簽約，英偉達再投資")]
    assert {"英伟达", "OpenAI", "輝達", "甲骨文", "英偉達"} <= set(tokens)
    assert "".join(tokens) == "英伟达向OpenAI注资1000亿美元，輝達與甲骨文簽約，英偉達再投資"


def test_segmentation_keeps_blocked_words_whole_and_ambiguous_ones_free(nlp):
    tokens = [t.text for t in nlp("美国高通胀之下，高通与華為雲合作；其中芯片业务增长")]
    assert "高通胀" in tokens and "高通" in tokens and "華為雲" in tokens
    assert "中芯" not in tokens and "芯片" in tokens
