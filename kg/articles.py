"""Article files (the contract of DESIGN.md): an optional ``key: value`` header, a blank
line, then the body. Offsets in extraction output index the body exactly as the file holds it.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import Path
from typing import Optional

from kg.errors import ArticleError

HEADER_KEYS = ("date", "title", "outlet", "author", "url")
_HEADER_LINE = re.compile(r"^([A-Za-z_]+):[ \t]*(.*)$")
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MAX_ARTICLE_BYTES = 4 * 1024 * 1024   # a news article is a few KB; a long report, a few hundred KB
MAX_LINE_CHARS = 50_000                # a paragraph is a few thousand characters
_BINARY_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "a gzip archive"), (b"\xd0\xcf\x11\xe0", "an old MS Office document"),
)
_HTML_START = re.compile(r"^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?(p|div|span|a|br|script|style|meta|link|table|td|tr|li|ul|h[1-6])[\s>/]",
                       re.IGNORECASE)


@dataclass(frozen=True)
class Article:
    id: str
    body: str
    date: Optional[str] = None
    title: Optional[str] = None
    outlet: Optional[str] = None
    author: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None   # the file it came from
    date_stated: bool = field(default=False, compare=False)  # the header has a date line (maybe "unknown")

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.body.strip().encode("utf-8")).hexdigest()


def check_date(value: str, where: str) -> Optional[str]:
    """An ISO 8601 date at year, month or day precision, or None for ``unknown``."""
    value = value.strip()
    if value.lower() in ("", "unknown"):
        return None
    if not _ISO_DATE.match(value):
        raise ArticleError(f"{where}: date {value!r} is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD) or 'unknown'")
    parts = [int(p) for p in value.split("-")]
    try:
        _date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as exc:
        raise ArticleError(f"{where}: date {value!r} does not exist ({exc})") from None
    return value


def _refuse_unknown_header_key(lines: list[str], number: int, meta: dict[str, str], where: str) -> None:
    """A header block with one key we do not know ("source: ...", "dat: ...") would otherwise be
    read as the article's first paragraph and its date lost without a word. A block counts as a
    header when every line up to the first blank one is "key: value" and one key is ours."""
    block = []
    for line in lines:
        if line.strip() == "":
            break
        block.append(_HEADER_LINE.match(line.rstrip("\r")))
    if len(block) < 2 or not all(block) or not any(m.group(1).lower() in HEADER_KEYS for m in block):
        return
    key = block[number].group(1) if number < len(block) else None
    if key is not None:
        raise ArticleError(f"{where}, line {number + 1}: unknown header key {key!r} "
                           f"(header keys: {', '.join(HEADER_KEYS)}; a blank line ends the header)")


def parse_article(text: str, article_id: str, source: Optional[str] = None,
                  date: Optional[str] = None) -> Article:
    """Split the header from the body. ``date`` fills in when the header has none."""
    where = source or article_id
    if "\x00" in text:
        raise ArticleError(f"{where}: looks like a binary file (it holds NUL bytes), not article text")
    text = text.lstrip("\ufeff")
    meta: dict[str, str] = {}
    lines = text.split("\n")
    body_start = 0
    for number, line in enumerate(lines):
        if line.strip() == "":
            if meta:
                body_start = sum(len(x) + 1 for x in lines[: number + 1])
            break
        match = _HEADER_LINE.match(line.rstrip("\r"))
        if not match or match.group(1).lower() not in HEADER_KEYS:
            _refuse_unknown_header_key(lines, number, meta, where)
            meta = {}
            break
        key = match.group(1).lower()
        if key in meta:
            raise ArticleError(f"{where}, line {number + 1}: header key {key!r} given twice")
        meta[key] = match.group(2).strip()
    else:
        if meta:  # a file that is all header and no body
            body_start = len(text)
    body = text[body_start:] if meta else text
    header_date = check_date(meta["date"], f"{where}, header 'date'") if "date" in meta else None
    if date is not None:
        date = check_date(date, "--date")
    return Article(
        id=article_id, body=body, date=header_date or date, title=meta.get("title") or None,
        outlet=meta.get("outlet") or None, author=meta.get("author") or None,
        url=meta.get("url") or None, source=source, date_stated="date" in meta or date is not None,
    )


def read_article(path: Path, date: Optional[str] = None) -> Article:
    """Read one article file, with a clear error for what is not UTF-8 text."""
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ArticleError(f"{path}: {size:,} bytes is larger than the {MAX_ARTICLE_BYTES:,} bytes an article "
                               "may have (a news article is a few KB: is it several articles, or a data dump?)")
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror or exc})") from None
    binary = sniff_binary(raw)
    if binary:
        raise ArticleError(f"{path}: this is {binary}, not article text (UTF-8 text with an optional header)")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ArticleError(f"{path}: starts with a UTF-16 byte-order mark but is not valid UTF-16 "
                               f"(at byte {exc.start}); save it as UTF-8") from None
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise ArticleError(
                f"{path}, line {line}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start});"
                " convert it with e.g. `iconv -f latin1 -t utf-8`") from None
    if "\x00" in text:
        raise ArticleError(f"{path}: looks like a binary file (it holds NUL bytes), not article text")
    article = parse_article(text, path.stem, source=str(path), date=date)
    check_body(article, path, first_line=text[: len(text) - len(article.body)].count("\n") + 1)
    return article


def sniff_binary(raw: bytes) -> Optional[str]:
    """What a binary file is, from its first bytes (None when it does not look binary)."""
    for magic, kind in _BINARY_MAGIC:
        if raw.startswith(magic):
            return kind
    return "a binary file (it holds NUL bytes)" if b"\x00" in raw[:8192] and not raw.startswith(
        (b"\xff\xfe", b"\xfe\xff")) else None


def check_body(article: Article, path: Path, first_line: int = 1) -> None:
    """Refuse what is not an article's text: nothing at all, an HTML page, a line of a megabyte."""
    body = article.body
    if not body.strip():
        what = "is empty" if not body else "holds only whitespace"
        raise ArticleError(f"{path}: the article {what}: there is no text to read; "
                           "fill it in or delete the file")
    if _HTML_START.match(body) or len(_HTML_TAG.findall(body[:20000])) >= 5:
        raise ArticleError(f"{path}: looks like an HTML page, not article text; save the article's text "
                           "(a browser's reader view, or `pandoc -f html -t plain`), then a header")
    for number, line in enumerate(body.split("\n"), start=first_line):
        if len(line) > MAX_LINE_CHARS:
            raise ArticleError(
                f"{path}, line {number}: {len(line):,} characters on one line; an article line may have at "
                f"most {MAX_LINE_CHARS:,} (a data dump, or a page that lost its line breaks? "
                "break it into paragraphs)")
