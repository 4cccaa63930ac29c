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
from typing import Optional

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
