"""Dates in text, resolved against the article's date, at the precision the text gives.

>>> finder = DateFinder({"june": 6, "october": 10, "december": 12}, {"tuesday": 1},
...                     {"yesterday": "-1d", "last month": "-1m", "earlier this year": "0y"})
>>> [d.value for d in finder.find("On June 15, they met; on Tuesday and yesterday too.", "2021-10-08")]
['2021-06-15', '2021-10-05', '2021-10-07']
>>> [d.value for d in finder.find("in 1992 and in June 2021 and 8.10.2021", None)]
['1992', '2021-06', '2021-10-08']
>>> [d.value for d in finder.find("on December 30", "2022-01-04")]
['2021-12-30']
>>> [d.value for d in finder.find("in June, since October, last June; in June 2020", "2021-06-08")]
['2021-06', '2020-10', '2020-06', '2020-06']
>>> [(d.value, d.onset) for d in finder.find("earlier this year, in the month of June; since 2015", "2021-10-08")]
[('2021-06', False), ('2015', True)]
>>> [d.value for d in finder.find("In 2019, on 14 June, they met.", "2021-10-08")]
['2019-06-14']
>>> [d.value for d in finder.find("from 1 to 4 June, between 6 and 9 June, on 12-14 June; 3 of the 20 June", "2021-10-08")]
['2021-06-01', '2021-06-06', '2021-06-12', '2021-06-20']
>>> [d.value for d in finder.find("there since 2017, under a deal signed in June of that year", "2021-10-08")]
['2017', '2017-06']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

_FUTURE_MARGIN = timedelta(days=62)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str
    onset: bool = False   # "since 2015", "until May": the bound of a state, not when something happened


def _parse_iso(value: Optional[str]) -> Optional[date]:
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    try:
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None


class DateFinder:
    """Compiled once from the month, weekday and relative-date word lists."""

    def __init__(self, months: dict[str, int], weekdays: dict[str, int], relative: dict[str, str]) -> None:
        self.months = {k.lower(): int(v) for k, v in months.items()}
        self.weekdays = {k.lower(): int(v) for k, v in weekdays.items()}
        self.relative = {k.lower(): v for k, v in relative.items()}
        month = _alternation(self.months)
        wday = _alternation(self.weekdays)
        rel = _alternation(self.relative)
        ordinal = r"(?:st|nd|rd|th)?"
        parts = [
            r"(?P<iso>\b(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})\b)",
            r"(?P<num>\b(?P<nd>\d{1,2})[./](?P<nm>\d{1,2})[./](?P<ny>\d{4})\b)",
            rf"(?P<dmy>\b(?P<d1>\d{{1,2}}){ordinal}(?:(?:\s*[-–]\s*|\s+(?:to|and|until|till)\s+)\d{{1,2}}{ordinal})?"
            rf"(?:\s+of)?\s+(?P<m1>{month})\.?(?:,?\s+(?P<y1>\d{{4}}))?\b)",   # "1-4 May", "from 1 to 4 May": the first day
            rf"(?P<mdy>\b(?P<m2>{month})\.?\s+(?P<d2>\d{{1,2}}){ordinal}(?!\d)(?:,?\s+(?P<y2>\d{{4}}))?\b)",
            rf"(?P<my>\b(?P<m3>{month})\.?,?\s+(?:of\s+)?(?P<y3>\d{{4}})\b)",
            rf"(?P<mo>\b(?P<mp>in|last|since|during|until|till|by|from|early|late|mid|mid-|this|next)\s*"
            rf"(?:the\s+month\s+of\s+)?(?P<m4>{month})\b(?!\.?,?\s+(?:of\s+)?\d)(?!-))",
            rf"(?P<wd>\b(?:on|last|this|past)\s+(?P<w>{wday})\b)" if wday else None,
            rf"(?P<rel>\b(?P<r>{rel})\b)" if rel else None,
            r"(?P<year>\b(?:in|since|from|of|by|until|till|to|year|early|late|mid|mid-)\s+(?P<yy>(?:19|20)\d{2})\b(?![-/.]\d))",
        ]
        self.regex = re.compile("|".join(p for p in parts if p), re.IGNORECASE)
        self.cue_words = frozenset(self.weekdays) | frozenset(w.split()[0] for w in self.relative)
        self.anchor_words = frozenset(w.lower().rstrip(".") for w in self.cue_words | frozenset(self.months)
                                      if " " not in w)
        anchors = sorted(self.cue_words | frozenset(self.months), key=lambda w: (-len(w), w))
        self._anchor = re.compile(r"\d+|\b(?:" + "|".join(map(re.escape, anchors)) + r")\b", re.IGNORECASE)
        self._quick = re.compile(r"\d|\b(?:" + "|".join(sorted(map(re.escape, self.cue_words))) + r")\b",
                                 re.IGNORECASE) if self.cue_words else re.compile(r"\d")

    def _matches(self, text: str, anchors: Optional[list[int]] = None):
        """The regex's matches, tried only where one can start: at a number or a calendar word,
        or one or up to four words before it ("on Tuesday", "in 2021", "in the month of May") -- the same matches as
        ``finditer``, several times faster on news text, where such anchors are rare."""
        candidates: set[int] = set()
        if anchors is None:
            anchors = [a.start() for a in self._anchor.finditer(text)]
        for pos in anchors:
            candidates.add(pos)
            for _ in range(4):
                k = pos - 1
                while k >= 0 and (text[k].isspace() or text[k] in "-,"):
                    k -= 1
                if k < 0 or not (text[k].isalnum() or text[k] == "_"):
                    break
                while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "_"):
                    k -= 1
                pos = k
                candidates.add(pos)
        last = 0
        for pos in sorted(candidates):
            if pos < last:
                continue
            m = self.regex.match(text, pos)
            if m:
                last = max(m.end(), pos + 1)
                yield m

    def is_anchor(self, norm: str) -> bool:
        """A token a date can hinge on: a number, a month, a weekday, a relative-date word."""
        return norm[:1].isdigit() or norm in self.anchor_words

    def find(self, text: str, article_date: Optional[str], offset: int = 0,
             anchors: Optional[list[int]] = None) -> list[DateMention]:
        """Dates in ``text``; ``anchors`` (offsets in ``text`` of the tokens :meth:`is_anchor`
        accepts) spare a scan when the caller has the tokens already."""
        if anchors is None and not self._quick.search(text):
            return []
        if anchors is not None and not anchors:
            return []
        base = _parse_iso(article_date)
        out: list[DateMention] = []
        for m in self._matches(text, anchors):
            value = self._value(m, base, article_date)
            if value:
                group = next(g for g in ("iso", "num", "dmy", "mdy", "my", "mo", "wd", "rel", "year") if m.group(g))
                start = m.start("yy") if group == "year" else m.start("m4") if group == "mo" else m.start(group)
                onset = _ONSET.search(text, 0, start) is not None
                if group == "mo" and out and _THAT_YEAR.match(text, m.end(group)):
                    value = out[-1].value[:4] + value[4:]   # "since 2021 ... in April of that year"
                mention = DateMention(start + offset, m.end(group) + offset, value, onset)
                if out:
                    year_given = group in ("wd", "rel") or _YEAR.search(text, start, m.end(group)) is not None
                    refined = _refine(out[-1], mention, year_given, text, offset)
                    if refined is not None:
                        out.pop()
                        mention = refined
                out.append(mention)
        return out

    def _value(self, m: re.Match, base: Optional[date], article_date: Optional[str]) -> Optional[str]:
        if m.group("iso"):
            return _day(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        if m.group("num"):
            d, mo, y = int(m.group("nd")), int(m.group("nm")), int(m.group("ny"))
            if mo > 12 >= d:
                d, mo = mo, d
            return _day(y, mo, d)
        if m.group("dmy") or m.group("mdy"):
            month = self.months[m.group("m1" if m.group("dmy") else "m2").lower().rstrip(".")]
            day = int(m.group("d1") or m.group("d2"))
            year = m.group("y1") or m.group("y2")
            if year:
                return _day(int(year), month, day)
            return _infer_year(month, day, base)
        if m.group("my"):
            return f"{int(m.group('y3')):04d}-{self.months[m.group('m3').lower().rstrip('.')]:02d}"
        if m.group("mo"):
            return _month_alone(self.months[m.group("m4").lower().rstrip(".")], m.group("mp").lower(), base)
        if m.group("wd"):
            if base is None:
                return None
            target = self.weekdays[m.group("w").lower()]
            back = (base.weekday() - target) % 7
            return (base - timedelta(days=back)).isoformat()
        if m.group("rel"):
            return _relative(self.relative[" ".join(m.group("r").lower().split())], base, article_date)
        if m.group("year"):
            return m.group("yy")
        return None


_ONSET = re.compile(r"\b(?:since|until|till)\s+(?:the\s+(?:month|year)\s+of\s+)?\Z", re.IGNORECASE)
_APPOSITION = re.compile(r"[\s,(\u2013\u2014-]*(?:(?:in|on|during|the|month|of)\s+)*\Z", re.IGNORECASE)


_YEAR = re.compile(r"\d{4}")
_THAT_YEAR = re.compile(r"\s+of\s+(?:that|the\s+same)\s+year\b", re.IGNORECASE)


def _refine(coarse: DateMention, fine: DateMention, year_given: bool, text: str,
            offset: int) -> Optional[DateMention]:
    """"earlier this year, in February", "in 2021, on June 5": a date set right after another
    that it narrows down is one date, at the finer precision (in the coarse one's year when the
    finer one gives none); else None."""
    if len(fine.value) <= len(coarse.value):
        return None
    if _APPOSITION.match(text, coarse.end - offset, fine.start - offset) is None:
        return None
    value = fine.value
    if len(coarse.value) == 4 and not year_given:
        value = coarse.value + value[4:]
        if len(value) == 10 and _day(int(value[:4]), int(value[5:7]), int(value[8:])) is None:
            return None
    if not value.startswith(coarse.value):
        return None
    return DateMention(coarse.start, fine.end, value, coarse.onset or fine.onset)


def _alternation(words: dict) -> str:
    keys = sorted(words, key=lambda w: (-len(w), w))
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)


def _day(year: int, month: int, day: int) -> Optional[str]:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _infer_year(month: int, day: int, base: Optional[date]) -> Optional[str]:
    """A month and day without a year: the article's year, or the year before when that would
    put the date well after the article (a December date in a January article)."""
    if base is None:
        return None
    value = _day(base.year, month, day)
    if value and date.fromisoformat(value) > base + _FUTURE_MARGIN:
        value = _day(base.year - 1, month, day)
    return value


def _month_alone(month: int, prep: str, base: Optional[date]) -> Optional[str]:
    """A month without day or year ("in September", "last July", "late March"): the most recent
    such month on or before the article's month ("last" July in a July article: the year before);
    "this"/"next" September is the coming one."""
    if base is None:
        return None
    year = base.year
    if prep in ("this", "next"):
        if month < base.month or (prep == "next" and month == base.month):
            year += 1
    elif month > base.month or (prep == "last" and month == base.month):
        year -= 1
    return f"{year:04d}-{month:02d}"


def _relative(spec: str, base: Optional[date], article_date: Optional[str]) -> Optional[str]:
    if base is None or not spec:
        return None
    match = re.fullmatch(r"([+-]?\d+)([dwmy])", spec.strip())
    if not match:
        return None
    amount, unit = int(match.group(1)), match.group(2)
    if unit == "d":
        if article_date and len(article_date) < 10:
            return None
        return (base + timedelta(days=amount)).isoformat()
    if unit == "w":
        return (base + timedelta(days=7 * amount)).isoformat()[:7]
    if unit == "m":
        months = base.year * 12 + base.month - 1 + amount
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return f"{base.year + amount:04d}"
