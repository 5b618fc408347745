"""`graphbuild extract` as a user runs it: records, schema, offsets, encodings, catalog files."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from graphbuild.clean import normalize_width
from graphbuild.ingest import read_document

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCHEMA = json.loads((ROOT / "schemas" / "deal.schema.json").read_text(encoding="utf-8"))


def extract(tmp_path, *args) -> tuple[subprocess.CompletedProcess, list[dict]]:
    out = tmp_path / "deals.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "graphbuild", "extract", *map(str, args), "-o", str(out), "-q"],
        capture_output=True, text=True, cwd=ROOT,
    )
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    return proc, records


@pytest.fixture(scope="module")
def seed_records(tmp_path_factory):
    proc, records = extract(tmp_path_factory.mktemp("seeds"), ROOT / "seeds")
    assert proc.returncode == 0, proc.stderr
    return records


def test_every_seed_record_validates_against_the_deal_schema(seed_records):
    assert len(seed_records) >= 25
    for record in seed_records:
        jsonschema.validate(record, SCHEMA)


def test_every_record_points_at_its_sentence_in_the_original_file(seed_records):
    for record in seed_records:
        original = read_document(ROOT / record["doc"]).text
        span = normalize_width(original[record["start"] : record["end"]])
        sentence = record["sentence"]
        # the span starts and ends with the sentence; junk cleaning removed may sit inside
        assert span[0] == sentence[0] and span[-1] == sentence[-1], record["sentence"]
        chars = iter(span)
        assert all(c in chars for c in sentence), record["sentence"]


def test_the_nvidia_openai_oracle_triangle_is_extracted_in_the_money_direction(seed_records):
    pairs = {(r["investor"]["id"], r["target"]["id"]) for r in seed_records}
    assert {("nvidia", "openai"), ("openai", "oracle"), ("oracle", "nvidia"), ("openai", "nvidia")} <= pairs


def test_gbk_big5_and_html_inputs_give_the_same_deal(tmp_path):
    proc, records = extract(
        tmp_path,
        FIXTURES / "ingest_simplified_gbk.txt",
        FIXTURES / "ingest_traditional_big5.txt",
        FIXTURES / "ingest_page_big5.html",
    )
    assert proc.returncode == 0, proc.stderr
    got = {(Path(r["doc"]).name, r["investor"]["id"], r["target"]["id"]) for r in records}
    assert ("ingest_simplified_gbk.txt", "nvidia", "openai") in got
    assert ("ingest_traditional_big5.txt", "nvidia", "openai") in got
    assert ("ingest_page_big5.html", "nvidia", "intel") in got


def test_a_user_catalog_names_new_organisations_in_both_scripts(tmp_path):
    catalog = tmp_path / "orgs.json"
    catalog.write_text(
        json.dumps([{"id": "kuaiyi", "name": "Kuaiyi Robotics", "name_zh": "快意机器人", "kind": "company"}]),
        encoding="utf-8",
    )
    text = tmp_path / "news.txt"
    text.write_text("腾讯宣布向快意机器人注资5亿元。\n騰訊隨後又向快意機器人追加投資。\n", encoding="utf-8")
    proc, records = extract(tmp_path, text, "--entities", catalog)
    assert proc.returncode == 0, proc.stderr
    assert {(r["investor"]["id"], r["target"]["id"]) for r in records} == {("tencent", "kuaiyi")}
    assert records[0]["amount"]["currency"] == "CNY"


def test_a_broken_file_is_one_error_line_and_the_batch_goes_on(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("微软宣布向OpenAI注资100亿美元。", encoding="utf-8")
    (tmp_path / "in" / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    proc, records = extract(tmp_path, tmp_path / "in")
    assert proc.returncode == 2
    errors = [line for line in proc.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and "broken.txt" in errors[0]
    assert "Traceback" not in proc.stderr
    assert [(r["investor"]["id"], r["target"]["id"]) for r in records] == [("microsoft", "openai")]


def test_a_document_the_extractor_fails_on_is_one_error_and_the_batch_goes_on():
    from graphbuild.extract import ExtractResult, Extractor, extract_documents
    from graphbuild.records import Document

    class FailsOnOne(Extractor):
        def document_deals(self, document, result=None):
            if document.path == "bad.txt":
                raise ValueError("a reading no rule foresaw")
            return super().document_deals(document, result)

    documents = [
        Document(path="bad.txt", text="微软宣布向OpenAI注资100亿美元。", encoding="utf-8"),
        Document(path="good.txt", text="英伟达宣布将向OpenAI投资1000亿美元。", encoding="utf-8"),
    ]
    result = extract_documents(documents, FailsOnOne(progress=False), ExtractResult(deals=[]))
    assert result.errors == ["bad.txt: extraction failed (ValueError: a reading no rule foresaw)"]
    assert result.documents == 2
    assert [(d.investor.id, d.target.id) for d in result.deals] == [("nvidia", "openai")]


def test_a_party_carries_the_short_name_the_document_defines_for_it(tmp_path):
    (tmp_path / "loan.txt").write_text(
        "江苏鼎元投资集团有限公司（以下简称“鼎元集团”）拟向鼎元科技提供总额不超过3亿元的借款。此后，鼎元集团还将向鼎元科技增资2亿元。",
        encoding="utf-8",
    )
    proc, records = extract(tmp_path, tmp_path / "loan.txt")
    assert proc.returncode == 0, proc.stderr
    by_type = {r["deal_type"]: r["investor"] for r in records}
    assert by_type["loan"]["mention"] == "江苏鼎元投资集团有限公司" and by_type["loan"]["aliases"] == ["鼎元集团"]
    assert by_type["investment"]["mention"] == "鼎元集团" and by_type["investment"]["name"] == "江苏鼎元投资集团有限公司"
    for record in records:
        jsonschema.validate(record, SCHEMA)


def test_a_person_the_text_names_as_one_is_a_party_of_kind_person(tmp_path):
    (tmp_path / "sale.txt").write_text(
        "苏海控股公告，公司拟以现金方式受让华锐精密实际控制人王建平持有的2,000万股股份，交易总金额约3.6亿元。",
        encoding="utf-8",
    )
    proc, records = extract(tmp_path, tmp_path / "sale.txt")
    assert proc.returncode == 0, proc.stderr
    sellers = {r["target"]["name"]: r["target"].get("kind", "company") for r in records}
    assert sellers == {"王建平": "person", "华锐精密": "company"}
    for record in records:
        jsonschema.validate(record, SCHEMA)
