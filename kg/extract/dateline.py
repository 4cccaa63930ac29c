"""The dateline that opens a news story: the city it is filed from, optionally its country or
region, the day, and the agency, before a dash or colon.

    ULAANBAATAR, May 3 (Montsame) --        NICOSIA, Cyprus (AP) —        Amman, 18 June:
    WARSAW, April 20 (CNW) -                 RIYADH:                       BUENOS AIRES (LatAm Wire) -

The day it gives is the day the story is told from ("on Thursday", "today" resolve against it,
and an event the text leaves undated happened on it); the city is a Place, never a country acting.

>>> d = find_dateline("ULAANBAATAR, May 3 (Montsame) -- The exercise opened.")
>>> d.city, d.date_text, d.agency, d.body_start
('ULAANBAATAR', 'May 3', 'Montsame', 33)
>>> find_dateline("Dakar, 15 February: Ministers met.").date_text
'15 February'
>>> find_dateline("NICOSIA, Cyprus (AP) — Talks.").city
'NICOSIA'
>>> find_dateline("Defence Minister X said: we agree.") is None
True
>>> find_dateline("MONDAY - The minister met X.", frozenset({"monday"})) is None
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from kg.extract.document import Doc
    from kg.extract.resources import Resources

_CITY = r"[A-Z][A-Za-z\u00C0-\u024F'.]*(?:[ -][A-Za-z\u00C0-\u024F'.]+){0,3}"
_MONTH_DAY = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}(?:\s+\d{4})?)"
_DATELINE = re.compile(
    rf"\A\s*(?P<city>{_CITY})"
    rf"(?:,\s*(?P<region>[A-Z][A-Za-z\u00C0-\u024F .'-]{{1,30}}?))??"
    rf"(?:,\s*(?P<date>{_MONTH_DAY}))?"
    r"\s*(?:\((?P<agency>[^()\n]{1,40})\))?"
    r"\s*(?P<dash>--|—|–|-|:)\s")


@dataclass(frozen=True)
class Dateline:
    city: str
    city_start: int
    city_end: int
    date_text: Optional[str]
    date_start: int
    agency: Optional[str]
    body_start: int          # offset where the story proper begins


def find_dateline(body: str, calendar_words: frozenset = frozenset()) -> Optional[Dateline]:
    """The dateline at the start of ``body``, or None. A city written in capitals needs nothing
    more; a city in ordinary case needs a day or an agency with it ("Dakar, 15 February:"), so
    that an opening "X said:" is no dateline."""
    m = _DATELINE.match(body[:160])
    if m is None:
        return None
    city = m.group("city").strip()
    if city.endswith(".") and "." not in city.split()[-1][:-1]:
        city = city[:-1]   # "LIMA. –" (Spanish-style dateline); "WASHINGTON D.C." keeps its point
    if city.lower() in calendar_words:
        return None   # "MONDAY - The minister received ...": a weekday heading, not a city
    letters = [c for c in city if c.isalpha()]
    upper = letters and all(c.isupper() for c in letters)
    if not upper and not (m.group("date") or m.group("agency")):
        # "Agadir - ..." (a single capitalised word before a spaced dash) is a dateline too
        if not (" " not in city and m.group("dash") in ("-", "—", "–", "--") and m.group("region") is None):
            return None
    if len(city.split()) > 3:
        return None
    return Dateline(city=city, city_start=m.start("city"), city_end=m.start("city") + len(city),
                    date_text=m.group("date"), date_start=m.start("date") if m.group("date") else -1,
                    agency=m.group("agency"), body_start=m.end())


_HEADING_MARKS = frozenset({"-", "--", "—", "–", ":"})


def find_weekday_headings(doc: "Doc", res: "Resources") -> None:
    """A weekday heading dates what it heads, as in a ministry's weekly digest or a week in review:
    the weekday on or before the story's day. Inline ("MONDAY - ...", "Tuesday: ...", or "MONDAY."
    as the paragraph's first sentence) it heads its paragraph; alone on its line it heads every
    paragraph down to the next heading line (another weekday, or a line in capitals such as
    "LOOKING AHEAD"). A weekday elsewhere in a paragraph is no heading."""
    toks = doc.toks
    paragraphs: dict[int, list] = {}
    for sent in doc.sentences:
        paragraphs.setdefault(sent.paragraph, []).append(sent)
    carried: str | None = None
    for paragraph, sents in paragraphs.items():
        sent = sents[0]
        a, b = sent.a, sent.b
        words = [toks.norms[k] for k in range(a, b)]
        weekday = bool(words) and words[0] in res.dates.weekdays
        alone = len(sents) == 1 and weekday and len(words) <= 2 and (len(words) == 1 or words[1] in _HEADING_MARKS | {"."})
        inline = weekday and len(words) > 1 and (words[1] in _HEADING_MARKS or
                                                 (len(words) == 2 and words[1] == "." and len(sents) > 1))
        if alone or inline:
            found = res.dates.find("on " + words[0], doc.date)
            if not found:
                carried = None
                continue
            doc.paragraph_dates[paragraph] = found[0].value
            sent.dates = sent.dates or [type(found[0])(toks.starts[a], toks.ends[a], found[0].value)]
            carried = found[0].value if alone else None
        elif carried and len(sents) == 1 and _capitals_line(doc.body[sent.start:sent.end]):
            carried = None   # "LOOKING AHEAD": a new section
        elif carried:
            doc.paragraph_dates[paragraph] = carried


def _capitals_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and len(text.split()) <= 6 and all(c.isupper() for c in letters)
