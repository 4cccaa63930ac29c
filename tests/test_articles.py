from pathlib import Path

import pytest

from kg.articles import parse_article, read_article
from kg.errors import ArticleError


def test_articles_header_and_body_offsets():
    text = "date: 2021-10-08\ntitle: A title\noutlet: AzerNews\n\nFirst sentence. Second one.\n"
    article = parse_article(text, "a1")
    assert article.date == "2021-10-08"
    assert article.title == "A title" and article.outlet == "AzerNews"
    assert article.body == "First sentence. Second one.\n"


def test_articles_without_header_take_the_date_option():
    article = parse_article("Defence Minister X received Y.\n", "a2", date="2022-03")
    assert article.body.startswith("Defence Minister") and article.date == "2022-03"


def test_articles_line_that_looks_like_a_header_but_is_prose_is_body():
    text = "Note: the ministry said so.\n\nMore text."
    article = parse_article(text, "a3")
    assert article.body == text and article.date is None


@pytest.mark.parametrize("bad", ["2021-13-45", "08/10/2021", "yesterday"])
def test_articles_bad_header_date_names_the_file(bad):
    with pytest.raises(ArticleError, match=r"x\.txt, header 'date'"):
        parse_article(f"date: {bad}\n\nBody.", "x", source="x.txt")


def test_articles_unknown_date_is_none():
    assert parse_article("date: unknown\n\nBody.", "x").date is None


def test_articles_binary_file_is_refused(tmp_path: Path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ArticleError, match="image.txt"):
        read_article(path)


def test_articles_latin1_names_the_line_and_the_fix(tmp_path: Path):
    path = tmp_path / "latin.txt"
    path.write_bytes("date: 2021-01-01\n\nFirst line.\nCaf\xe9 talks.".encode("latin-1"))
    with pytest.raises(ArticleError, match=r"latin.txt, line 4: not UTF-8.*iconv"):
        read_article(path)


def test_articles_utf16_with_bom_is_read(tmp_path: Path):
    path = tmp_path / "wide.txt"
    path.write_bytes("date: 2021-01-01\n\nGeneral Smith met Colonel Jones.".encode("utf-16"))
    article = read_article(path)
    assert article.date == "2021-01-01" and article.body == "General Smith met Colonel Jones."


def test_articles_same_body_same_hash():
    a = parse_article("date: 2021-01-01\n\nSame body.", "a")
    b = parse_article("title: Other\n\nSame body.\n", "b")
    assert a.content_hash == b.content_hash


def test_articles_unknown_header_key_names_the_file_and_line():
    text = "date: 2025-06-20\ntitle: Two ministers meet\nsource: wire\n\nBody."
    with pytest.raises(ArticleError, match=r"x\.txt, line 3: unknown header key 'source'"):
        parse_article(text, "x", source="x.txt")


def test_articles_prose_lines_with_colons_are_no_header():
    text = "Update: the talks ended.\nNote: more later.\n\nBody."
    assert parse_article(text, "x").body == text
