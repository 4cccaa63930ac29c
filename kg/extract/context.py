"""Countries of posts the sentence leaves implicit, read from the article's context:

- the host who receives a foreign attaché or ambassador accredited to X serves X;
- in a bilateral story, a person of unknown country who meets, hosts or visits a person of
  country A serves the other country the article is about;
- of two heads listed together, one placed by context, the other serves the other country;
- an ambassador or attaché is posted to the host country of the article's one mission, or to
  the country that receives them or where the story is told from.
"""
from __future__ import annotations

from collections import Counter
from typing import Optional

from kg.extract.countries import other_of_pair
from kg.extract.document import Doc
from kg.extract.resources import Resources
from kg.extract.text import term_key


def infer_countries(doc: Doc, res: Resources) -> None:
    counts = Counter(iri for sent in doc.sentences for r in sent.refs
                     if doc.entities[r.entity].type == "Country" and r.how != "group" for iri in (r.entity,))
    top = [iri for iri, _ in counts.most_common(2)]
    for event in doc.events:
        people = [p for p in event.participants if doc.entities[p].type == "Person"]
        if event.host and event.guest:
            _from_accreditation(doc, res, event.host, event.guest)
        if len(people) == 2 and len(top) == 2 and (len(counts) == 2 or counts[top[1]] > 2 * counts.most_common(3)[2][1]):
            a, b = (_country(doc, p) for p in people)
            if a and not b and a in top:
                _assign(doc, res, people[1], top[1] if a == top[0] else top[0])
            elif b and not a and b in top:
                _assign(doc, res, people[0], top[1] if b == top[0] else top[0])
    _home_country(doc, res, counts)
    _head_pairs(doc)
    _missions(doc, res, counts)
    for ent in doc.entities.values():
        if ent.type == "Person" and ent.country is None:
            ent.country = next((r.country for r in ent.roles if r.country), None)


def _place_country(doc: Doc, res: Resources, iri: Optional[str]) -> Optional[str]:
    """The country of a Place: a capital's country, the country the curated data gives it, or a
    large city's (``major_cities.tsv``)."""
    if not iri or iri not in doc.entities:
        return None
    ent = doc.entities[iri]
    if ent.type == "Country":
        return iri
    entry = res.named.get(iri)
    if entry is not None and entry.country:
        return entry.country
    key = " ".join(term_key(ent.name))
    return res.capital_country.get(key) or res.city_country.get(key)


def _home_country(doc: Doc, res: Resources, counts: Counter) -> None:
    """A domestic post the text gives no country for ("The Minister of Defence, X", "Chief of Defence
    Forces General Y") is the post of the country where the person hosts a reported event, else of
    the article's home country: its dateline city's country, else the country of the first event's
    place, else the country it names most (when one leads)."""
    hosted: dict[str, str] = {}
    for e in doc.events:
        country = _place_country(doc, res, e.place)
        if country and e.host and e.host not in hosted:
            hosted[e.host] = country
    home = _article_home(doc, res, counts)
    guests = {e.guest for e in doc.events if e.guest and e.guest != e.host}   # one person as both: no guest
    foreign = _objects_countries(doc, res)
    for ent in doc.entities.values():
        if ent.type != "Person" or _country(doc, ent.id):
            continue
        country = hosted.get(ent.id)
        if country is None and home is not None and ent.id not in guests:
            country = home   # a received guest never inherits the host country: a wrong country is worse than none
        if country is None or country in foreign.get(ent.id, ()):
            continue
        for role in ent.roles:
            if role.country is None and role.role not in res.accredited_roles:
                role.country = country


_OBJECT_GAP = 4
_MEETING_KINDS = frozenset({"Meeting", "Visit", "Congratulation"})   # not "said Nigeria appreciated"


def _objects_countries(doc: Doc, res: Resources) -> dict[str, set]:
    """Countries that modify the object of a person's own verb ("X received Australian officials",
    "met her German counterpart", "hosted a delegation from Japan"): the people they meet are
    foreign to the subject, so none is the subject's country. Only the words right after the
    trigger are read (determiners, possessives, lower-case words and "from" or "with" in between; not "of": "the meeting of the Ukraine Defense
    Contact Group" names the meeting)."""
    out: dict[str, set] = {}
    norms, texts = doc.toks.norms, doc.toks.texts
    for e in doc.events:
        if e.type not in _MEETING_KINDS:
            continue
        sent = doc.sentences[e.sentence]
        i, j = e.trigger
        subjects = {r.entity for r in sent.refs if r.j <= i and doc.entities[r.entity].type == "Person"}
        subjects &= {p for p in (e.host, *e.participants) if p}
        if not subjects:
            continue
        index = sent.ref_index()
        for k in range(j, min(sent.b, j + _OBJECT_GAP + 1)):
            refs = [r for r in index.starts.get(k, ()) if r.how in ("country", "adjective")]
            if refs:
                for p in subjects:
                    out.setdefault(p, set()).update(r.entity for r in refs)
                break
            if not (texts[k].isalpha() and texts[k].islower()) or norms[k] in ("and", "in", "at", "on", "to", "of"):
                break
    return out


def _article_home(doc: Doc, res: Resources, counts: Counter) -> Optional[str]:
    """The country a story is told from: its dateline city's country, else the country of the
    first event's place, else the country it names most (when one leads)."""
    home = _dateline_country(doc, res)
    if home is None:
        home = next((c for c in (_place_country(doc, res, e.place) for e in
                                 sorted(doc.events, key=lambda e: e.sentence)) if c), None)
    if home is None and counts:
        ranked = counts.most_common(2)
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            home = ranked[0][0]
    return home


def _missions(doc: Doc, res: Resources, counts: Counter) -> None:
    """Where an ambassador or attaché the text gives no host country for is posted: the host
    country of the one mission the article speaks of (its other diplomats' "X to Y"; an
    "Ambassador Z also attended" of no stated country belongs to that mission too), else the
    country of the host who receives them or where the story is told from, when it is not their
    own."""
    people = [e for e in doc.entities.values() if e.type == "Person"]
    stated = {(r.country, r.accredited_to) for e in people for r in e.roles
              if r.role in res.accredited_roles and r.country and r.accredited_to}
    hosts = {e.guest: _country(doc, e.host) for e in doc.events if e.guest and e.host}
    home = _article_home(doc, res, counts)
    for ent in people:
        for role in ent.roles:
            if role.role not in res.accredited_roles or role.accredited_to:
                continue
            if role.country is None:
                if len(stated) == 1:
                    role.country, role.accredited_to = next(iter(stated))
                continue
            same = {to for country, to in stated if country == role.country}
            host = next((c for c in (*same, hosts.get(ent.id), home) if c and c != role.country), None)
            if len(same) <= 1:
                role.accredited_to = host


def _head_pairs(doc: Doc) -> None:
    """Of two heads listed together ("Presidents X and Y") whose countries the sentence left open,
    the one context has now placed serves its country; the other, the other country of the pair
    in focus where they are listed."""
    for pair in doc.head_pairs:
        countries = [next((r.country for r in doc.entities[p].roles if r.role == pair.role and r.country), None)
                     for p in pair.people]
        if (countries[0] is None) == (countries[1] is None):
            continue
        known = countries[0] or countries[1]
        other = other_of_pair(doc, known, pair.sentence, pair.token)
        if other is not None:
            doc.entities[pair.people[countries.index(None)]].add_role(pair.role, other)


def _dateline_country(doc: Doc, res: Resources) -> Optional[str]:
    """The country of the city a story is filed from ("RIYADH:", "WARSAW, April 20 (CNW) -",
    "ABIDJAN -"); a city-state's dateline names the country itself ("KUWAIT, May 12", "SINGAPORE -")."""
    dl = doc.dateline
    if dl is None:
        return None
    key = " ".join(term_key(dl.city))
    return res.capital_country.get(key) or res.city_country.get(key) or res.country_by_name.get(key)


def _country(doc: Doc, iri: str) -> Optional[str]:
    ent = doc.entities[iri]
    return ent.country or next((r.country for r in ent.roles if r.country), None)


def _from_accreditation(doc: Doc, res: Resources, host: str, guest: str) -> None:
    guest_ent = doc.entities[guest]
    for role in guest_ent.roles:
        if role.role in res.accredited_roles and role.accredited_to:
            _assign(doc, res, host, role.accredited_to)
            return


def _assign(doc: Doc, res: Resources, iri: str, country: str) -> None:
    ent = doc.entities[iri]
    for role in ent.roles:
        if role.country is None and role.accredited_to != country:
            role.country = country
