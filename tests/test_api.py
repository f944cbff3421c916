"""The public API and the CLI: types, errors, exit codes, round trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import speechparse
from speechparse import Document, Item, Paragraph, Section
from speechparse.cli import main

PAGE = (
    "当前位置：首页 > 讲话稿\n"
    "在全市安全工作会议上的讲话\n\n同志们：\n\n大家好！\n"
    "今天，我们召开全市安全工作会议。\n"
    "一、充分认识安全工作的重要性\n"
    "（一）安全关系千家万户。一是要提高认识；二是要落实责任。\n"
    "（二）形势依然严峻。\n"
    "二、突出重点\n"
    "首先，要落实属地责任。其次，要落实主体责任。最后，要落实监管责任。\n"
    "谢谢大家！\n"
    "版权所有 © 某某网\n"
)


def test_parse_builds_the_typed_tree() -> None:
    doc = speechparse.parse(PAGE)
    assert isinstance(doc, Document)
    (sp,) = doc.speeches
    assert sp.title == "在全市安全工作会议上的讲话"
    assert sp.salutation is not None and sp.salutation.text == "同志们"
    assert sp.greeting is not None and sp.greeting.text == "大家好！"
    assert sp.closing is not None and sp.closing.text == "谢谢大家！"
    assert isinstance(sp.content[0], Paragraph)
    one, two = sp.content[1], sp.content[2]
    assert isinstance(one, Section) and one.marker.text == "一、" and one.level == 1
    sub = one.content[0]
    assert isinstance(sub, Section) and sub.marker.ordinal == 1 and sub.level == 2
    items = [b for b in sub.content if isinstance(b, Item)]
    assert [i.marker.text for i in items] == ["一是", "二是"]
    assert all(i.inline for i in items)
    assert items[0].heading == "要提高认识"
    assert isinstance(two, Section) and two.heading == "突出重点"
    assert [b.marker.text for b in two.content if isinstance(b, Item)] == [
        "首先，",
        "其次，",
        "最后，",
    ]
    kinds = {r.kind.value for r in doc.removed}
    assert {"chrome", "disclaimer"} & kinds


def test_spans_index_the_input() -> None:
    doc = speechparse.parse(PAGE)
    sp = doc.speeches[0]
    assert PAGE[sp.span[0] : sp.span[1]].startswith("在全市安全工作会议上的讲话")
    assert sp.salutation is not None
    assert PAGE[sp.salutation.span[0] : sp.salutation.span[1]].startswith("同志们")
    for r in doc.removed:
        assert PAGE[r.span[0] : r.span[1]] == r.text


def test_json_round_trip_and_schema() -> None:
    doc = speechparse.parse(PAGE)
    again = Document.model_validate_json(doc.model_dump_json())
    assert again == doc
    schema = speechparse.json_schema()
    assert schema["title"] == "speechparse.Document"
    assert json.loads(doc.model_dump_json())["schema_version"] == speechparse.SCHEMA_VERSION


def test_parse_bytes_encodings() -> None:
    for data, enc in (
        (PAGE.encode("utf-8"), "utf-8"),
        (PAGE.encode("utf-8-sig"), "utf-8-bom"),
        (PAGE.encode("gb18030"), "gb18030"),
        (PAGE.encode("utf-16"), "utf-16-bom"),
    ):
        doc = speechparse.parse_bytes(data)
        assert doc.encoding == enc
        assert len(doc.speeches) == 1


def test_bad_input_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(speechparse.DecodeError) as e:
        speechparse.parse_bytes(b"\x1f\x8b\x08\x00" + bytes(32), source="x.gz")
    assert "x.gz" in str(e.value) and "byte 0" in str(e.value)
    with pytest.raises(speechparse.InputTooLarge):
        speechparse.parse("字" * 100, max_bytes=50)
    with pytest.raises(speechparse.InvalidText):
        speechparse.parse("一、\ud800标题")
    with pytest.raises(TypeError):
        speechparse.parse(b"bytes")  # type: ignore[arg-type]


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["parse", str(page), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["speeches"][0]["title"] == "在全市安全工作会议上的讲话"
    assert main(["parse", str(page), "--format", "outline"]) == 0
    assert "一、" in capsys.readouterr().out
    assert main(["parse", str(tmp_path / "missing.txt")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("speechparse: ") and err.count("\n") == 1
    big = tmp_path / "big.txt"
    big.write_text("字" * 1000, encoding="utf-8")
    assert main(["parse", str(big), "--max-bytes", "100"]) == 1
    assert "over the limit" in capsys.readouterr().err
    assert main(["parse"]) == 2
    assert main(["nonsense"]) == 2


def test_files_are_read_with_universal_newlines(tmp_path: Path) -> None:
    """parse_file(p) gives the spans of parse(p.read_text()), CRLF and CR files included."""
    for ending in ("\r\n", "\r"):
        page = tmp_path / "page.txt"
        page.write_bytes(PAGE.replace("\n", ending).encode("utf-8"))
        from_file = speechparse.parse_file(page)
        from_text = speechparse.parse(page.read_text(encoding="utf-8"))
        assert from_file.model_dump(exclude={"encoding"}) == from_text.model_dump(
            exclude={"encoding"}
        )
        sp = from_file.speeches[0]
        assert sp.closing is not None
        assert PAGE[sp.closing.span[0] : sp.closing.span[1]] == "谢谢大家！"
