"""Countries by name, official name, demonym or adjective ("Azerbaijani-Turkish relations"
names both), and by capital when the capital stands for the government ("Ankara and Baku
agreed"); a capital after "in", "to", "at" is the city (a Place); "the country's" before a post
points back to the country just named.
"""
from __future__ import annotations

from typing import Optional

from kg.extract.document import Doc, Ref, planned_destination
from kg.extract.resources import Resources
from kg.extract.text import fold
from kg.iris import place_iri


def find_countries(doc: Doc, res: Resources) -> None:
    norms = doc.toks.norms
    _dateline_place(doc, res)
    for sent in doc.sentences:
        seen: set[tuple[int, int]] = set()
        places = {(m.i, m.j): m for m in sent.matches if m.cat == "named"
                  and res.named[m.key].type == "Place"}
        for m in sent.matches:
            if m.cat not in ("country", "adjective", "capital") or (m.i, m.j) in seen or sent.covered(m.i):
                continue
            seen.add((m.i, m.j))
            water = _geo_place(doc, res, sent, m.i, m.j)
            if water is not None:
                i, j = water
                name = doc.span_text(i, j)
                doc.entity(place_iri(name), "Place", name, sent.index)
                doc.mention(place_iri(name), i, j)
                sent.refs.append(Ref(i, j, place_iri(name), "place"))
                doc.optional_places.add(place_iri(name))
                continue
            if m.cat == "capital" and m.i > sent.a and (res.grammar.get(norms[m.i - 1]) == "prep-place"
                                                        or opens_venue(doc, res, sent, m.i, m.j)):
                if (m.i, m.j) not in places:   # a known Place is added by find_named
                    name = doc.span_text(m.i, m.j)
                    doc.entity(place_iri(name), "Place", name, sent.index)
                    (doc.planned_places if planned_destination(doc, sent, m.i) else doc.firm_places).add(place_iri(name))
                    doc.mention(place_iri(name), m.i, m.j)
                    sent.refs.append(Ref(m.i, m.j, place_iri(name), "place"))
                continue
            if m.cat == "country" and _venue_name(doc, res, sent, m.j):
                continue   # "Burma Camp", "India Gate": a place in a city, no country
            entry = res.countries[m.key]
            ent = doc.entity(m.key, "Country", entry.name, sent.index, known=True, wikidata=entry.wikidata)
            doc.mention(m.key, m.i, m.j)
            sent.refs.append(Ref(m.i, m.j, m.key, m.cat))
            doc.country_order.append(m.key)
            del ent


def _venue_name(doc: Doc, res: Resources, sent, j: int) -> bool:
    """A capitalised venue word (``venue_words.tsv``) at token j."""
    return j < sent.b and doc.toks.texts[j][:1].isupper() and fold(doc.toks.norms[j]) in res.folded_words("venue_words")


def opens_venue(doc: Doc, res: Resources, sent, i: int, j: int) -> bool:
    """"at the Kigali Convention Centre", "in the Muscat Grand Hall": a capital opening a venue's
    name after a place preposition and "the" is the city the venue is in, not its government."""
    norms, texts = doc.toks.norms, doc.toks.texts
    if i - 2 < sent.a or norms[i - 1] != "the" or res.grammar.get(norms[i - 2]) != "prep-place":
        return False
    k = j
    while k < sent.b and k - j < 4 and texts[k][:1].isupper():
        k += 1
    return k > j and fold(norms[k - 1]) in res.folded_words("venue_words")


def find_country_anaphors(doc: Doc, res: Resources) -> None:
    """A possessive that points back to a country ("the country's", "the kingdom's"; phrases of
    ``country_anaphors.tsv``) refers to the one country named before it in the sentence, or,
    when the sentence names none before it, to the one country the previous sentence names;
    with two or more to choose from it refers to none.
    The reference (kind "anaphor") gives a post after it its country: "the Philippine ministry
    announced the appointment of Col. X as the country's first defence attache to Poland"."""
    norms = doc.toks.norms
    previous: list[str] = []
    for sent in doc.sentences:
        named = [r for r in sent.refs_by_position() if r.how in ("country", "adjective")]
        for m in sent.by_cat("cue:country_anaphors"):
            styled = _styled_country(doc, res, sent, m)
            if styled is not None:
                sent.refs.append(Ref(m.i, m.j, styled, "anaphor"))
                continue
            if m.j + 1 >= sent.b or norms[m.j] not in ("'", "’") or norms[m.j + 1] != "s":
                continue
            before = list(dict.fromkeys(r.entity for r in named if r.j <= m.i)) or previous
            country = before[0] if len(before) == 1 else None
            if country is not None:
                sent.refs.append(Ref(m.i, m.j, country, "anaphor"))
        previous = list(dict.fromkeys(r.entity for r in named))


def _styled_country(doc: Doc, res: Resources, sent, m) -> Optional[str]:
    """"the Kingdom", "the Sultanate" written with a capital, not followed by "of", stand for the
    one country the article names whose name or official name holds that word ("to the
    Kingdom" in a Saudi story that named Saudi Arabia, the Kingdom of Saudi Arabia); else None."""
    texts, norms = doc.toks.texts, doc.toks.norms
    word = norms[m.j - 1]
    if m.j - m.i != 2 or not texts[m.j - 1][:1].isupper() or (m.j < sent.b and norms[m.j] in ("of", "'", "’")):
        return None
    named = [c for c in dict.fromkeys(doc.country_order) if c in res.countries
             and any(word in fold(n).split() for n in (res.countries[c].name, *res.countries[c].names))]
    return named[0] if len(named) == 1 else None


_DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                         "central", "upper", "lower", "greater"})


def _geo_place(doc: Doc, res: Resources, sent, i: int, j: int):
    """The span of a place name a country's name or adjective is part of ("South China Sea",
    "Indian Ocean", "Gulf of Oman", "Sea of Japan"), else None: the country is no actor there."""
    norms, texts, geo = doc.toks.norms, doc.toks.texts, res.geo_features
    if j < sent.b and geo.get(norms[j]) in ("after", "both") and texts[j][:1].isupper():
        k = i
        if k - 1 >= sent.a and norms[k - 1] in _DIRECTIONS and texts[k - 1][:1].isupper():
            k -= 1
        return k, j + 1
    if i - 2 >= sent.a and norms[i - 1] == "of" and geo.get(norms[i - 2]) in ("of", "both") \
            and texts[i - 2][:1].isupper():
        return i - 2, j
    return None


def countries_in(doc: Doc, sent, start: int = 0, end: int | None = None) -> list[str]:
    """Distinct countries referred to in a sentence (optionally within a token range), in order."""
    if start <= sent.a and (end is None or end >= sent.b):
        return list(sent.memoized("countries", lambda: _countries(doc, sent.refs_by_position(), sent.a, sent.b)))
    return _countries(doc, sent.refs_by_position(), start, sent.b if end is None else end)


def _countries(doc: Doc, ordered: list, start: int, end: int) -> list[str]:
    out: list[str] = []
    for r in ordered:
        if start <= r.i < end and doc.entities[r.entity].type == "Country" and r.entity not in out:
            out.append(r.entity)
    return out


def focus_pair(doc: Doc, before_sentence: int, upto_token: int | None = None) -> list[str]:
    """The two countries in focus: the last two distinct ones named before a point."""
    seen: list[str] = []
    for index in range(before_sentence, -1, -1):   # no copy of the sentence list: linear in long articles
        sent = doc.sentences[index]
        for r in sorted(sent.refs, key=lambda r: -r.i):
            if upto_token is not None and sent.index == before_sentence and r.i >= upto_token:
                continue
            if doc.entities[r.entity].type == "Country" and r.how != "group" and r.entity not in seen:
                seen.append(r.entity)
                if len(seen) == 2:
                    return sorted(seen)
    return []


def other_of_pair(doc: Doc, known: str, sentence: int, token: int,
                  pair: Optional[tuple[str, str]] = None) -> Optional[str]:
    """The other country of the pair stated (else of the two in focus before token ``token`` of
    sentence ``sentence``), when ``known`` is one of the two."""
    pool = list(pair) if pair else focus_pair(doc, sentence, token)
    if len(set(pool)) != 2 or known not in pool:
        return None
    return next(c for c in pool if c != known)


def stated_pair(doc: Doc, sent, skip: tuple[int, int] = (0, 0)) -> Optional[tuple[str, str]]:
    """The last pair of countries a sentence names together, in its order: "between Kazakhstan
    and Uzbekistan", "Kazakh and Uzbek troops", "Greek-French ties" (tokens in ``skip`` aside);
    None when it names none. The last two of a longer list ("Kenya, Tanzania and Uganda") are
    no pair."""
    norms = doc.toks.norms
    refs = [r for r in sent.refs_by_position() if r.how in ("country", "adjective", "capital")
            and not skip[0] <= r.i < skip[1]]

    def joined(first, second) -> list[str]:
        return [norms[x] for x in range(first.j, second.i)]

    found = None
    for n, (first, second) in enumerate(zip(refs, refs[1:])):
        if first.entity == second.entity or joined(first, second) not in (["and"], ["and", "the"], ["-"], ["–"]):
            continue
        if n > 0 and joined(refs[n - 1], first) in ([","], [",", "the"]):
            continue
        found = (first.entity, second.entity)
    return found


def _dateline_place(doc: Doc, res: Resources) -> None:
    """The city of the dateline ("NICOSIA, Cyprus (AP) —") is a Place, not its country acting;
    its name is written in the usual case ("BUENOS AIRES" -> "Buenos Aires")."""
    dl = doc.dateline
    if dl is None or not doc.sentences:
        return
    sent, toks = doc.sentences[0], doc.toks
    i = next((k for k in range(sent.a, sent.b) if toks.starts[k] >= dl.city_start), None)
    if i is None:
        return
    j = i
    while j < sent.b and toks.ends[j] <= dl.city_end:
        j += 1
    if j == i:
        return
    key = " ".join(toks.norms[i:j])
    if key in res.country_names:
        return   # "SINGAPORE --": a city-state's name is its country
    name = dl.city if not dl.city.isupper() else " ".join(w.capitalize() if len(w) > 2 else w.lower()
                                                            for w in dl.city.split())
    known = next((res.named[m.key] for m in sent.by_cat("named") if (m.i, m.j) == (i, j)
                  and res.named[m.key].type == "Place"), None)
    iri = known.iri if known else place_iri(name)
    doc.entity(iri, "Place", known.name if known else name, sent.index, known=known is not None)
    doc.mention(iri, i, j)
    sent.refs.append(Ref(i, j, iri, "place"))
