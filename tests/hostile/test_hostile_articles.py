"""Hostile articles through `kg build`: each is refused with the file (and line) named, or read
correctly; the last good build is never touched by a refused one."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

SEED = "azernews-2021-10-08-hasanov-receives-yalcin.txt"
TEXT = ("Defence Minister Zakir Hasanov has received Turkey’s military attaché "
        "Major General Zakaria Yalcin in Baku.\n")


def refused(kg_cli, assert_build_intact, ws: Path, name: str, *expected: str) -> str:
    code, out, err = kg_cli("build", "-w", str(ws), "-q")
    assert code == 2, (code, out, err)
    assert err.startswith("Error: ") and name in err, err
    for text in expected:
        assert text in err, err
    assert "Traceback" not in out + err
    assert_build_intact(ws)
    return err


def test_hostile_article_empty_file(kg_cli, assert_build_intact, hostile_ws):
    (hostile_ws / "seeds" / "articles" / "empty.txt").write_bytes(b"")
    refused(kg_cli, assert_build_intact, hostile_ws, "empty.txt", "is empty", "no text")


def test_hostile_article_only_whitespace(kg_cli, assert_build_intact, hostile_ws):
    (hostile_ws / "seeds" / "articles" / "blank.txt").write_text("  \n\n\t \r\n   \n", encoding="utf-8")
    refused(kg_cli, assert_build_intact, hostile_ws, "blank.txt", "only whitespace")


def test_hostile_article_binary_png(kg_cli, assert_build_intact, hostile_ws):
    png = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
           b"\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
    (hostile_ws / "seeds" / "articles" / "photo.txt").write_bytes(png)
    refused(kg_cli, assert_build_intact, hostile_ws, "photo.txt", "PNG image", "not article text")


def test_hostile_article_latin1(kg_cli, assert_build_intact, hostile_ws):
    text = "date: 2021-10-08\ntitle: Hasanov\n\n" + TEXT.replace("’", "'") + "Türkiye und Aserbaidschan.\n"
    (hostile_ws / "seeds" / "articles" / "latin.txt").write_bytes(text.encode("latin-1"))
    refused(kg_cli, assert_build_intact, hostile_ws, "latin.txt", "line 4", "not UTF-8", "iconv")


def test_hostile_article_utf16_with_bom_is_read(kg_cli, hostile_ws):
    text = "date: 2021-10-09\ntitle: UTF-16 copy\n\n" + TEXT.replace("in Baku", "in Baku on Saturday")
    (hostile_ws / "seeds" / "articles" / "wide.txt").write_bytes(text.encode("utf-16"))  # BOM + UTF-16LE
    code, out, err = kg_cli("build", "-w", str(hostile_ws), "-q")
    assert code == 0, err
    assert "Traceback" not in out + err
    code, out, err = kg_cli("query", "SELECT ?title WHERE { ?a <http://purl.org/dc/terms/title> ?title }",
                            "-w", str(hostile_ws), "-f", "csv")
    assert code == 0 and "UTF-16 copy" in out.splitlines(), out
    code, out, err = kg_cli("query", "meetings-of-person", "-w", str(hostile_ws), "-p", "person=Zakir Hasanov",
                            "-f", "json")
    assert code == 0, err
    assert any(row["date"] == "2021-10-09" and row["counterpart"] == "Zakaria Yalcin" for row in json.loads(out))


def test_hostile_article_10mb(kg_cli, assert_build_intact, hostile_ws):
    path = hostile_ws / "seeds" / "articles" / "huge.txt"
    paragraph = TEXT * 3 + "\n"
    with open(path, "w", encoding="utf-8") as out:
        out.write("date: 2021-10-08\ntitle: huge\n\n")
        out.write(paragraph * (10 * 1024 * 1024 // len(paragraph.encode("utf-8")) + 1))
    assert path.stat().st_size > 10 * 1024 * 1024
    refused(kg_cli, assert_build_intact, hostile_ws, "huge.txt", "larger than", "bytes an article may have")


def test_hostile_article_1mb_single_line(kg_cli, assert_build_intact, hostile_ws):
    line = (TEXT.strip() + " ") * (1024 * 1024 // len(TEXT) + 1)
    (hostile_ws / "seeds" / "articles" / "oneline.txt").write_text(
        "date: 2021-10-08\ntitle: one line\n\n" + line + "\n", encoding="utf-8")
    refused(kg_cli, assert_build_intact, hostile_ws, "oneline.txt", "line 4", "characters on one line")


def test_hostile_article_html_instead_of_text(kg_cli, assert_build_intact, hostile_ws):
    html = ("<!DOCTYPE html>\n<html><head><title>Hasanov</title><script>var x = 1;</script></head>\n"
            f"<body><div class=\"story\"><p>{TEXT}</p></div></body></html>\n")
    (hostile_ws / "seeds" / "articles" / "page.txt").write_text(html, encoding="utf-8")
    refused(kg_cli, assert_build_intact, hostile_ws, "page.txt", "HTML page")


@pytest.mark.parametrize("date, expected", [("2021-13-45", "does not exist"), ("yesterday", "not ISO 8601")])
def test_hostile_article_bad_date(kg_cli, assert_build_intact, hostile_ws, date, expected):
    (hostile_ws / "seeds" / "articles" / "dated.txt").write_text(
        f"date: {date}\ntitle: x\n\n{TEXT}", encoding="utf-8")
    refused(kg_cli, assert_build_intact, hostile_ws, "dated.txt", "header 'date'", repr(date), expected)


def test_hostile_article_missing_date(kg_cli, assert_build_intact, hostile_ws):
    (hostile_ws / "seeds" / "articles" / "undated.txt").write_text(f"title: x\n\n{TEXT}", encoding="utf-8")
    refused(kg_cli, assert_build_intact, hostile_ws, "undated.txt", "no date", "date: unknown")


def test_hostile_article_same_text_under_two_names(kg_cli, hostile_ws, hostile_baseline):
    articles = hostile_ws / "seeds" / "articles"
    shutil.copy(articles / SEED, articles / "zz-copy-of-the-seed.txt")
    code, out, err = kg_cli("build", "-w", str(hostile_ws))
    assert code == 0, err
    assert "Traceback" not in out + err
    assert f"skipped {articles / 'zz-copy-of-the-seed.txt'}: same text as {articles / SEED}" in out
    summary = json.loads((hostile_ws / "build" / "summary.json").read_text(encoding="utf-8"))
    assert summary["articles"] == 1 and len(summary["duplicates"]) == 1
    # no duplicated events: the same graph (isomorphic) as the build without the copy
    import rdflib
    from rdflib.compare import isomorphic
    before, after = rdflib.Graph(), rdflib.Graph()
    before.parse(data=hostile_baseline["kg.ttl"], format="turtle")
    after.parse(hostile_ws / "build" / "kg.ttl", format="turtle")
    assert isomorphic(before, after)
    assert "zz-copy-of-the-seed" not in (hostile_ws / "build" / "kg.trig").read_text(encoding="utf-8")
