"""Reading input files: finding them, detecting encodings, spotting HTML, rejecting binaries."""
from __future__ import annotations

import io
import zipfile

import pytest

from graphbuild.errors import InputError
from graphbuild.ingest import decode_bytes, iter_input_files, looks_like_html, read_document, read_documents

from conftest import FIXTURES, SEEDS

SIMPLIFIED = "英伟达周二宣布，将分阶段向OpenAI投资最多1000亿美元，用于建设新一代数据中心。"
TRADITIONAL = "輝達週二宣佈，將分階段向OpenAI投資最多1000億美元，用於興建新一代資料中心。"


@pytest.mark.parametrize(
    ("name", "encoding", "expected"),
    [
        ("ingest_simplified_gbk.txt", "gbk", SIMPLIFIED),
        ("ingest_traditional_big5.txt", "big5", TRADITIONAL),
        ("ingest_utf8_bom.txt", "utf-8-sig", SIMPLIFIED),
        ("ingest_gb18030.txt", "gb18030", "约3000亿美元的算力合同📈。"),
        ("ingest_short_big5.txt", "big5", "微軟向OpenAI注資。"),
        ("ingest_short_gbk.txt", "gbk", "微软向OpenAI注资。"),
    ],
)
def test_read_document_detects_encoding_from_bytes(name, encoding, expected):
    doc = read_document(FIXTURES / name)
    assert doc.encoding == encoding
    assert expected in doc.text
    assert "\ufeff" not in doc.text
    assert doc.html is False


def test_big5_bytes_are_not_taken_for_gbk_although_gb18030_accepts_them():
    data = (FIXTURES / "ingest_traditional_big5.txt").read_bytes()
    data.decode("gb18030")  # decodes "fine" to garbage: detection must not stop there
    text, encoding = decode_bytes(data)
    assert encoding == "big5"
    assert text.startswith("輝達")


@pytest.mark.parametrize(
    "text",
    [
        "輝達入股英特爾",
        "甲骨文股價大漲",
        "軟銀向OpenAI提供融資。",
        "亚马逊收购了一家芯片公司",
        "微软与OpenAI续签合作协议，涉及数十亿美元。",
    ],
)
def test_short_chinese_texts_decode_in_either_script(text):
    for codec in ("gbk", "big5"):
        try:
            data = text.encode(codec)
        except UnicodeEncodeError:
            continue
        assert decode_bytes(data)[0] == text, codec


def test_utf8_seeds_decode_as_utf8():
    for path in sorted(SEEDS.glob("*.txt")):
        doc = read_document(path)
        assert doc.encoding == "utf-8"
        assert doc.text == path.read_text(encoding="utf-8")


def test_non_chinese_text_falls_back_to_charset_detection():
    text = "Café crème brûlée, naïve façade — résumé à la française. " * 3
    decoded, encoding = decode_bytes(text.encode("cp1252"))
    assert decoded == text
    assert encoding.replace("_", "").lower() in {"cp1252", "windows1252", "latin1", "iso88591"}


def test_html_is_detected_by_content_not_by_name():
    assert read_document(FIXTURES / "ingest_page_saved_as.txt").html is True
    assert read_document(FIXTURES / "ingest_text_named.html").html is False
    assert read_document(FIXTURES / "clean_page.html").html is True
    big5_page = read_document(FIXTURES / "ingest_page_big5.html")
    assert big5_page.html is True and big5_page.encoding == "big5"
    assert "輝達宣佈以50億美元入股英特爾" in big5_page.text


def test_a_text_file_with_a_few_stray_tags_is_not_html():
    # seed 004 starts with leftover <cite>/<legend> tags but is a text file
    assert read_document(SEEDS / "004_29dbbe43d35c7b77.txt").html is False
    assert looks_like_html("<div><p>英伟达</p></div>") is False
    assert looks_like_html("<p>一</p>" * 12) is True


def _png_bytes() -> bytes:
    return bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("news.txt", SIMPLIFIED)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("chart.png", _png_bytes(), "binary file (PNG image)"),
        ("news.zip", _zip_bytes(), "binary file (zip archive"),
        ("dump.txt", "英伟达".encode("utf-8") + b"\x00\x00\x01\x02", "binary file (contains NUL bytes)"),
        ("noise.dat", bytes(range(1, 32)) * 8, "binary file (control characters)"),
    ],
)
def test_unusable_files_raise_one_line_input_error_naming_the_file(tmp_path, name, data, problem):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_document(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(str(path) + ": ")
    assert problem in message
    assert info.value.path == str(path)


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        list(iter_input_files([tmp_path / "missing"]))


def test_folders_are_walked_recursively_in_sorted_order_skipping_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    for rel in ["b/2.txt", "b/1.txt", "a/deep/x.txt", "a/z.txt", "top.txt", ".git/HEAD", "a/.hidden.txt"]:
        (tmp_path / rel).write_text(SIMPLIFIED, encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_input_files([tmp_path])]
    assert found == ["a/deep/x.txt", "a/z.txt", "b/1.txt", "b/2.txt", "top.txt"]
    # files given directly come through as given, in the order given
    assert list(iter_input_files([tmp_path / "top.txt", tmp_path / "b"])) == [
        tmp_path / "top.txt", tmp_path / "b" / "1.txt", tmp_path / "b" / "2.txt"]


def test_read_documents_reports_bad_files_and_goes_on(tmp_path):
    (tmp_path / "1_good.txt").write_bytes(SIMPLIFIED.encode("gbk"))
    (tmp_path / "2_empty.txt").write_bytes(b"")
    (tmp_path / "3_image.png").write_bytes(_png_bytes())
    (tmp_path / "4_good.txt").write_bytes(TRADITIONAL.encode("big5"))
    errors: list[InputError] = []
    docs = list(read_documents([tmp_path, tmp_path / "nope.txt"], on_error=errors.append))
    assert [d.text for d in docs] == [SIMPLIFIED, TRADITIONAL]
    assert [d.encoding for d in docs] == ["gbk", "big5"]
    assert [e.path for e in errors] == [
        str(tmp_path / "2_empty.txt"), str(tmp_path / "3_image.png"), str(tmp_path / "nope.txt")]


def test_read_documents_raises_without_an_error_callback(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(InputError, match="empty file"):
        list(read_documents([tmp_path]))
