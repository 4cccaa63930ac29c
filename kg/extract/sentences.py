"""Sentence splitting with offsets into the body.

A full stop ends a sentence unless it follows an abbreviation ("Maj. Gen.", "Lt."), an
initial or a dotted acronym ("U.S."), or the next word starts in lower case; a line break
always ends one.

>>> body = "Maj. Gen. Z. Yalcin met the U.S. envoy. He left.\\nNext"
>>> [body[s:e] for s, e in split_sentences(body, frozenset({"maj", "gen"}))]
['Maj. Gen. Z. Yalcin met the U.S. envoy.', 'He left.', 'Next']
"""
from __future__ import annotations

import re

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n")
_WORD_BEFORE = re.compile(r"(\w+)\W*$")
_LOOKBACK = 40


def split_sentences(body: str, abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed; empty sentences are dropped."""
    spans: list[tuple[int, int]] = []
    start = 0
    length = len(body)
    for match in _BOUNDARY.finditer(body):
        end = match.end()
        if match.group() == ".":
            before = _WORD_BEFORE.search(body, max(start, match.start() - _LOOKBACK), match.start())
            word = before.group(1) if before else ""
            if word and (len(word) == 1 and word.isalpha() or word.lower() in abbreviations):
                continue
            nxt = end
            while nxt < length and body[nxt] in " \t\r":
                nxt += 1
            if nxt < length and (body[nxt].islower() or body[nxt].isdigit()):
                continue
        elif match.group() == ".)" and _bracketed_abbreviation(body, start, match.start(), abbreviations):
            continue   # "Lieutenant General (ret.) X": the bracket holds the abbreviation alone
        _add(body, start, end, spans)
        start = end
    _add(body, start, length, spans)
    return spans


def _bracketed_abbreviation(body: str, start: int, dot: int, abbreviations: frozenset[str]) -> bool:
    """A listed abbreviation alone in brackets before the full stop ("(ret.)", "(retd.)")."""
    open_at = body.rfind("(", max(start, dot - 8), dot)
    return open_at >= 0 and body[open_at + 1:dot].lower() in abbreviations


def _add(body: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
