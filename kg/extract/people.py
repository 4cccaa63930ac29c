"""People: known names from the lexicon, unknown capitalised names after a title, rank or
honorific ("Maj-Gen Zakaria Yalcin") or before an appositive title ("Hulusi Akar, Turkey's
defence minister"), and their posts: the post type, the country served (possessive
"Turkey's", adjective "the Turkish", "of X") and the country of accreditation ("to X").
Later mentions are resolved by :mod:`kg.extract.coref`.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Optional

from kg.extract import coref
from kg.extract.countries import other_of_pair, stated_pair
from kg.extract.document import Doc, Entity, HeadPair, Ref, Sentence
from kg.extract.gazetteer import Match, singular
from kg.extract.resources import Resources, within_one_edit
from kg.extract.text import term_key
from kg.extract.titles import find_titles
from kg.iris import person_iri

_TITLE_CATS = ("post", "rank", "honorific")
_MAX_NAME_WORDS = 5
_MAX_NAME_TOKENS = 12
_ZONE_WORDS = frozenset({"of", "to", "in", "for", "-", "'", "s", "at"})


@dataclass
class Zone:
    """The words around a name that describe its holder: titles, countries, counterpart."""
    start: int
    end: int
    posts: list[Match] = field(default_factory=list)
    countries: list[Ref] = field(default_factory=list)
    counterpart: Optional[Match] = None


def find_people(doc: Doc, res: Resources) -> None:
    find_titles(doc, res)
    state = coref.State()
    groups = _group_posts(doc, res)
    title_heads = res.lexicon.cues.get("title_heads", {})
    for sent in doc.sentences:
        title_at = {m.i: m for m in sent.matches if m.cat == "posthead" and _capitalised_head(doc, m, title_heads)}
        title_at.update((m.i, m) for m in sent.matches if m.cat in _TITLE_CATS or m.cat == "cue:counterpart")
        _known_names(doc, res, sent, state)
        _titled_names(doc, res, sent, state, title_at)
        _possessive_names(doc, res, sent, state, groups)
        coref.resolve_surnames(doc, res, sent, state)
        as_consumed = _as_posts(doc, res, sent, state)
        _listed_heads(doc, res, sent, state)
        consumed = _roles(doc, res, sent, state) | as_consumed | _complement_posts(doc, res, sent, state) \
            | _heading_posts(doc, res, sent)
        coref.resolve_titles(doc, res, sent, state, consumed)
        coref.resolve_descriptions(doc, res, sent, state, consumed)
        coref.resolve_appointments(doc, res, sent)
        coref.resolve_pronouns(doc, res, sent, state)
        state.end_sentence(doc, sent)
    _title_lines(doc, res)
    merge_name_variants(doc)
    _fill_from_lexicon(doc, res)


def _capitalised_head(doc: Doc, m: Match, heads: dict) -> bool:
    """A post's head word of ``title_heads.tsv`` written as a title before a name ("Minister
    Teodoro", "Ambassador Lee"): it introduces the name like a rank, though it names no post."""
    return m.cat == "posthead" and m.j == m.i + 1 and heads.get(m.key) == "" and doc.toks.texts[m.i][:1].isupper() \
        and not doc.toks.texts[m.i].isupper()


def _group_posts(doc: Doc, res: Resources) -> list[tuple[str, set]]:
    """Posts named for a group of countries: "the Danish, Finnish and Swedish defence ministers",
    "defence chiefs of Cambodia, Laos and Vietnam" -- (post, the countries listed with it)."""
    out = []
    norms = doc.toks.norms
    for sent in doc.sentences:
        for m in sent.matches:
            if m.cat != "post" or not norms[m.j - 1].endswith("s") or norms[m.j - 1].endswith("ss"):
                continue
            near = {r.entity for r in sent.refs if r.how in ("country", "adjective")
                    and (m.i - 12 <= r.i < m.i or m.j <= r.i < m.j + 12)}
            if len(near) >= 2:
                out.append((m.key, near))
    return out


def _possessive_names(doc: Doc, res: Resources, sent: Sentence, state: "coref.State",
                      groups: list) -> None:
    """A full name right after a country's possessive, with no title ("Sweden's Pal Jonson told
    us", "Britain's John Healey later met"): a person of that country; where the article speaks of
    a group post of several countries including it ("the Nordic defence ministers"), the person
    holds that post for that country."""
    toks, norms = doc.toks, doc.toks.norms
    taken = {k for r in sent.refs if doc.entities[r.entity].type == "Person" for k in range(r.i, r.j)}
    for r in list(sent.refs):
        if r.how != "country" or r.j + 2 >= sent.b or norms[r.j] not in ("'", "’") or norms[r.j + 1] != "s":
            continue
        start = r.j + 2
        post = next((key for key, countries in groups if r.entity in countries), None)
        if start in taken:
            known = next((x for x in sent.refs if x.i == start and doc.entities[x.entity].type == "Person"), None)
            if known is not None and post is not None and not doc.entities[known.entity].roles:
                doc.entities[known.entity].add_role(post, r.entity)
            continue
        stop = name_run(doc, res, sent, start)
        if not 2 <= stop - start <= 4 or _compound_word(doc, sent, stop):
            continue
        nxt = toks.texts[stop] if stop < sent.b else ""
        if not (nxt in (",", ".", "") or (nxt.isalpha() and nxt.islower())):
            continue
        _add_name(doc, res, sent, state, start, stop)
        ent = doc.entities[sent.refs[-1].entity]
        if post is not None and not ent.roles:
            ent.add_role(post, r.entity)
        ent.country = ent.country or r.entity


def person_entity(doc: Doc, res: Resources, name: str, sent: Sentence, state: "coref.State") -> str:
    """The entity for a full name: a lexicon person if the name (or alias) is known."""
    key = " ".join(term_key(name))
    iri = res.person_by_name.get(key) or state.full_names.get(key)
    if iri is None and len(state.surnames.get(key, ())) == 1:
        iri = next(iter(state.surnames[key]))   # "Szalay-Bobrovniczky" after "Kristof Szalay-Bobrovniczky"
    if iri is None:
        iri = _initialled_form(key.split(" "), state)
    if iri is None:
        iri = person_iri(name)
    if iri not in doc.entities:
        entry = res.people.get(iri)
        doc.entity(iri, "Person", entry.name if entry else name, sent.index, known=entry is not None,
                   country=entry.country if entry else None, wikidata=entry.wikidata if entry else None)
    state.register(iri, name)
    return iri


def _initialled_form(words: list[str], state: "coref.State") -> Optional[str]:
    """"D. Kavalenka" after "Dzmitry Kavalenka": a name with initials that fits exactly one person
    the article has named in full is that person (so a later "Kavalenka" has one referent)."""
    if len(words) < 2 or not any(len(w) == 1 for w in words[:-1]):
        return None
    found = {iri for full, iri in state.full_names.items() if _initials_fit(words, full.split(" "))}
    return next(iter(found)) if len(found) == 1 else None


def _known_names(doc: Doc, res: Resources, sent: Sentence, state: "coref.State") -> None:
    for m in sent.by_cat("person"):
        iri = person_entity(doc, res, res.people[m.key].name, sent, state)
        doc.mention(iri, m.i, m.j)
        sent.refs.append(Ref(m.i, m.j, iri, "name"))


def name_word_candidates(doc: Doc, res: Resources) -> list[bool]:
    """For each token, whether its own letters allow it in a personal name: capitalised, and no
    grammar word, pronoun, organisation head or name suffix (calendar words stay: see
    :func:`is_name_word`). Computed once per article, so that the rules scanning every token of a
    sentence for names skip the other tokens without asking :func:`is_name_word`."""
    if doc.name_candidates is None:
        doc.name_candidates = [text[:1].isupper() and text[:1].isalpha() and _may_name(res, norm)
                               for text, norm in zip(doc.toks.texts, doc.toks.norms)]
    return doc.name_candidates


def _may_name(res: Resources, norm: str) -> bool:
    return norm in res.calendar_words or not (norm in res.grammar or norm in res.pronouns or norm in res.org_heads
                                              or norm in res.name_suffixes)


def is_name_word(doc: Doc, res: Resources, sent: Sentence, k: int) -> bool:
    if not name_word_candidates(doc, res)[k]:
        return False
    text, norm = doc.toks.texts[k], doc.toks.norms[k]
    if norm in res.calendar_words:
        return _month_in_name(doc, res, sent, k)   # "Dong Jun", "Kim Jan-di": an abbreviated month after a given name
    if len(text) > 1 and text.isupper() and len(text) <= 4:
        # acronyms (NATO, MoD), but a regnal number after a name ("Mohammed VI") belongs to it
        return (set(text) <= set("IVX") and k > sent.a and doc.toks.texts[k - 1][:1].isupper()
                and not sent.ref_index().ends.get(k) and not doc.toks.texts[k - 1].isupper())
    if sent.blocked is None:
        sent.blocked = {k for m in sent.matches if m.cat in _BLOCKING for k in range(m.i, m.j)}
    if k in sent.blocked:
        return _capitalised_trigger(doc, sent, k)
    if sent.covered(k):
        return False
    return not _in_country_body(doc, res, sent, k)   # "the Egyptian Armed Forces": no name


def _capitalised_trigger(doc: Doc, sent: Sentence, k: int) -> bool:
    """A one-word event trigger written with a capital inside a sentence, right after a name word
    and before no capitalised word, is the last word of the name ("Ali Omar Said told", "Hassan
    Ali Said, the chief"): running text writes its verbs in lower case."""
    texts = doc.toks.texts
    text = texts[k]
    if k <= sent.a or not (text.isalpha() and text[0].isupper() and text[1:].islower()):
        return False
    key = ("lone-triggers", id(sent.matches), len(sent.matches))
    lone = sent.memo.get(key)
    if lone is None:   # indexed once per state of the matches: linear in a long sentence
        other = {x for m in sent.matches if m.cat != "event" or m.j - m.i != 1 for x in range(m.i, m.j)}
        lone = sent.memo[key] = {m.i for m in sent.matches if m.cat == "event" and m.j - m.i == 1} - other
    if k not in lone:
        return False
    prev = texts[k - 1]
    if not (prev.isalpha() and prev[0].isupper() and len(prev) > 1) or k - 1 in sent.blocked or sent.covered(k - 1):
        return False
    return k + 1 >= sent.b or not texts[k + 1][:1].isupper()


def _elided_titles(doc: Doc, res: Resources, sent: Sentence, state: "coref.State", k: int,
                   post: Optional[Match]) -> int:
    """A list after a titled name whose members give only their country: "Croatian Defence Minister
    Ivan Anusic, Slovenia's Marjan Sarec and Montenegro's Dragan Krapovic" -- each holds the same
    post for the country named with them. Returns the token after the list."""
    norms = doc.toks.norms
    while post is not None and k + 3 < sent.b and norms[k] in (",", "and"):
        c = k + 1 + (1 if norms[k] == "," and norms[k + 1] == "and" else 0)
        country = _country_at(sent, c)
        if country is None or country.how != "country" or country.j + 1 >= sent.b \
                or norms[country.j] not in ("'", "’") or norms[country.j + 1] != "s":
            break
        start = country.j + 2
        stop = name_run(doc, res, sent, start)
        if stop - start < 2:
            break
        _add_name(doc, res, sent, state, start, stop)
        doc.entities[sent.refs[-1].entity].add_role(post.key, country.entity)
        k = stop
    return k


def _compound_word(doc: Doc, sent: Sentence, stop: int) -> bool:
    """A name run cut at a hyphen before a capitalised word that could not continue it is the
    first half of a compound ("US Indo-Pacific Command", "the Asia-Pacific region"), not a name."""
    toks = doc.toks
    return (stop + 1 < sent.b and toks.norms[stop] == "-" and toks.starts[stop] == toks.ends[stop - 1]
            and toks.starts[stop + 1] == toks.ends[stop] and toks.texts[stop + 1][:1].isupper())


def _month_in_name(doc: Doc, res: Resources, sent: Sentence, k: int) -> bool:
    """A three-letter month abbreviation ("Jun", "Jan") inside a name: right after a capitalised
    word that is no calendar word, and not before a day number ("Jun 5")."""
    toks = doc.toks
    if len(toks.texts[k]) != 3 or k <= sent.a or k + 1 < sent.b and toks.norms[k + 1][:1].isdigit():
        return False
    if k + 1 < sent.b and toks.norms[k + 1] == "." :
        return False
    prev = toks.texts[k - 1]
    return prev[:1].isupper() and prev.isalpha() and toks.norms[k - 1] not in res.calendar_words \
        and toks.norms[k - 1] not in res.grammar and not sent.covered(k - 1) and len(prev) > 1 and not prev.isupper()


_BLOCKING = frozenset({"country", "adjective", "capital", "named", "post", "rank", "honorific", "posthead",
                       "postheads", "kind", "event", "cue:counterpart"})


def name_run(doc: Doc, res: Resources, sent: Sentence, k: int) -> int:
    """End of the capitalised personal name starting at token k (k itself if there is none)."""
    toks, words, j = doc.toks, 0, k
    if k >= sent.b or not toks.texts[k][:1].isupper():
        return k
    while j < sent.b and words < _MAX_NAME_WORDS and j - k < _MAX_NAME_TOKENS:
        if is_name_word(doc, res, sent, j):
            if toks.norms[j] not in res.particles or not words:
                words += 1   # "Al", "Bin" inside a long Arabic name do not count as names
            j += 1
            if len(toks.texts[j - 1]) == 1 and j < sent.b and toks.norms[j] == "." and j + 1 < sent.b \
                    and is_name_word(doc, res, sent, j + 1):
                j += 1   # an initial: "John F. Kennedy"
            continue
        tight = j + 1 < sent.b and toks.starts[j + 1] == toks.ends[j] and toks.starts[j] == toks.ends[j - 1]
        if words and tight and toks.norms[j] == "-" and toks.texts[j + 1].isalpha() and toks.texts[j + 1].islower() \
                and toks.norms[j + 1] not in res.grammar:
            j += 2   # "Won-sik"
            continue
        if words and j + 1 < sent.b and is_name_word(doc, res, sent, j + 1) and (
                toks.norms[j] in res.particles or (toks.norms[j] in ("-", "'") and tight)):
            j += 1
            continue
        if words and toks.norms[j] in res.particles and j + 2 < sent.b and toks.norms[j + 1] == "-" \
                and toks.starts[j + 1] == toks.ends[j] and toks.starts[j + 2] == toks.ends[j + 1] \
                and is_name_word(doc, res, sent, j + 2):
            j += 2   # "al-Rubaie", "el-Sisi", "bin-Salman": a particle joined to the name by a hyphen
            continue
        if words and _capital_in_name(doc, res, sent, j):
            j += 1   # "Marcos Lima", "Rui Lisboa": a surname that is also a capital's name
            words += 1
            continue
        break
    if not words or _names_a_body(doc, res, sent, k, j):
        return k
    return j


def _names_a_body(doc: Doc, res: Resources, sent: Sentence, k: int, j: int) -> bool:
    """Capitalised words k..j that are the start of an organisation's name, not a person's: they
    end in, or run on (through at most two more capitalised words) into, an organisation's head
    word ("the Ethiopian Football Federation", "the Maldives National Defence Force")."""
    toks = doc.toks
    x, end = j - 1, j + 3
    while x < min(sent.b, end) and (x < j or toks.texts[x][:1].isupper()):
        if _org_head_at(res, toks.norms, x, sent.b):
            return True
        x += 1
        if x + 2 < sent.b and toks.norms[x] in ("'", "’") and toks.norms[x + 1] == "s":
            x, end = x + 2, end + 2   # "the Vietnam People's Army", "the Women's Corps"
    return False


def _org_head_at(res: Resources, norms: list[str], x: int, end: int) -> bool:
    """Token x is (or starts) an organisation's head word of ``org_heads.tsv`` ("Federation",
    "Defence Force" by its last word "Force"); heads marked "none" (units, equipment) aside."""
    for phrase in (norms[x], " ".join(norms[x:x + 2]) if x + 1 < end else None):
        value = res.org_heads.get(phrase) if phrase else None
        if value is not None and not value.startswith("none"):
            return True
    return False


def _city_given_name(doc: Doc, res: Resources, sent: Sentence, k: int) -> int:
    """End of a name right after a title whose given name is also a capital's ("President
    Santiago Pena", "Minister Victoria Mensah"): the capital is a given name when a name word
    follows it; k itself otherwise."""
    cap = _capital_at(sent, k)
    if cap is None or cap.j != k + 1 or doc.toks.texts[k].isupper():
        return k
    stop = name_run(doc, res, sent, k + 1)
    return stop if stop > k + 1 else k


def _capital_in_name(doc: Doc, res: Resources, sent: Sentence, k: int) -> bool:
    """A one-word capital right after a given name, and not itself followed by a name word, is
    the person's surname; a capital after "in", "to", "at", "and" or a comma is the city."""
    toks = doc.toks
    cap = _capital_at(sent, k)
    if cap is None or cap.j != k + 1 or toks.texts[k].isupper() or toks.norms[k] in res.country_names:
        return False
    if k + 1 < sent.b and toks.texts[k + 1][:1].isupper() and toks.norms[k + 1] not in res.grammar:
        return False
    prev = toks.texts[k - 1]
    return prev.isalpha() and not prev.isupper() and len(prev) > 1 and toks.starts[k] > toks.ends[k - 1]


def _titled_names(doc: Doc, res: Resources, sent: Sentence, state: "coref.State", title_at: dict) -> None:
    """Unknown names right after a title chain, or before ", <title>" (an appositive)."""
    norms = doc.toks.norms
    k = sent.a
    while k < sent.b:
        m = title_at.get(k)
        if m is None:
            k += 1
            continue
        end, last, ranks = m.j, m, [m.key] if m.cat == "rank" else []
        while True:   # chains: "Defence Minister Colonel General", "of (the) Turkey", a comma, "Brig."
            nxt = title_at.get(end)
            the = 1 if end + 1 < sent.b and norms[end + 1] == "the" else 0
            if nxt is not None:
                end, last = nxt.j, nxt
                if nxt.cat == "rank":
                    ranks.append(nxt.key)
            elif end < sent.b and norms[end] in ("of", "to") and _country_at(sent, end + 1 + the):
                end = _country_at(sent, end + 1 + the).j
            elif end < sent.b and norms[end] == "of" and last.cat == "post" \
                    and _organisation_at(doc, sent, end + 1 + the):
                end = _organisation_at(doc, sent, end + 1 + the).j   # "the Secretary General of NATO, X"
            elif end < sent.b and norms[end] in ("in", "at") and last.key in res.accredited_roles \
                    and _capital_at(sent, end + 1):
                end = _capital_at(sent, end + 1).j   # "the Brazilian ambassador in Montevideo, X"
            elif last.cat == "post" and _portfolio_end(doc, res, sent, end) > end:
                comma = _portfolio_end(doc, res, sent, end)   # "Minister of Defence and National Service, X"
                sent.portfolios[comma] = end
                end = comma
            elif last.cat == "post" and (remit := _remit_end(doc, res, sent, end)) > end:
                # "Deputy Minister of Defence for Armaments and Acquisitions X"
                sent.portfolios[remit] = end
                end = remit
            elif end < sent.b and norms[end] == "," and end + 1 < sent.b and m.cat in ("post", "cue:counterpart"):
                end += 1
            elif last.cat in ("post", "rank") and _unit_before_title(doc, res, sent, end, title_at) > end:
                unit = _unit_before_title(doc, res, sent, end, title_at)   # "Commander Pacific Fleet Admiral X"
                sent.portfolios[unit] = end
                end = unit if unit not in title_at or norms[unit] not in _single_unit_words(res) else title_at[unit].j
            elif last.cat == "rank" and _retired_mark(doc, res, sent, end) > end:
                end = _retired_mark(doc, res, sent, end)   # "Lieutenant General (ret.) X"
            elif end < sent.b and norms[end] == "." and last.cat in ("rank", "honorific") \
                    and doc.toks.starts[end] == doc.toks.ends[end - 1]:
                end += 1   # "Brig." "Lt. Gen." "Mr." "Hon." written with a full stop
            else:
                break
        stop = name_run(doc, res, sent, end)
        if stop == end:
            stop = _city_given_name(doc, res, sent, end)
        if stop > end and not _compound_word(doc, sent, stop):
            _add_name(doc, res, sent, state, end, stop)
            ent = doc.entities[sent.refs[-1].entity]
            state.ranks[ent.id].update(ranks)
            if ranks and ent.country is None:   # "Major General X of Brunei": the officer's country
                ent.country = _country_after_name(doc, sent, stop)
            k = _elided_titles(doc, res, sent, state, stop, last if last.cat == "post" else None)
        else:
            k = end if end > k else k + 1
    # appositive: "Hulusi Akar, Turkey's defence minister,"; or a full name that acts:
    # "Kassym-Jomart Tokayev and Shavkat Mirziyoyev signed", "said Hulusi Akar"
    events = {m.i: m for m in sent.matches if m.cat == "event" and m.key in _ACTING
              and doc.toks.texts[m.i].islower()}   # not "Joint Vision Statement"
    candidates = name_word_candidates(doc, res)
    k = sent.a
    while k < sent.b:
        if not candidates[k]:   # name_run would find no name here
            k += 1
            continue
        stop = name_run(doc, res, sent, k)
        if stop - k >= 2 and stop < sent.b and norms[stop] == "," and right_zone(doc, res, sent, stop + 1).posts:
            _add_name(doc, res, sent, state, k, stop)
        elif stop - k >= 2 and _described_before(doc, res, sent, k, stop):
            _add_name(doc, res, sent, state, k, stop)
        elif stop - k >= 2 and (_acts(doc, res, sent, stop, events) or (k - 1 in events and k - 1 > sent.a)):
            _add_name(doc, res, sent, state, k, stop)
            if stop + 1 < sent.b and norms[stop] == "and":
                after = name_run(doc, res, sent, stop + 1)
                if after - stop >= 3:
                    _add_name(doc, res, sent, state, stop + 1, after)
                    stop = after
        elif stop - k >= 2 and stop + 1 < sent.b and norms[stop] == "and":
            after = name_run(doc, res, sent, stop + 1)
            if after - stop >= 3 and _acts(doc, res, sent, after, events):
                _add_name(doc, res, sent, state, k, stop)
                _add_name(doc, res, sent, state, stop + 1, after)
                stop = after
        k = max(stop, k + 1)


def _described_before(doc: Doc, res: Resources, sent: Sentence, k: int, stop: int) -> bool:
    """A name set off by commas after a description of its holder that ends in a body's acronym in
    brackets: "the head of the ministry's International Cooperation Directorate (SIBAT), X" --
    the clause before the comma holds a post's head word ("head", "representative") after "the"."""
    norms = doc.toks.norms
    if k - 3 < sent.a or norms[k - 1] != "," or norms[k - 2] != ")":
        return False
    if stop < sent.b and norms[stop] not in (",", ".", ";", ")"):
        return False
    heads = res.lexicon.cues.get("title_heads", {})
    x = k - 3
    while x >= sent.a and norms[x] not in (",", ";", ":") and k - x <= 30:
        if norms[x] in heads and x - 1 >= sent.a and norms[x - 1] in ("the", "and") \
                and any(m.cat in ("posthead", "post") and m.i == x for m in sent.matches):
            return True
        x -= 1
    return False


def _portfolio_end(doc: Doc, res: Resources, sent: Sentence, k: int) -> int:
    """A post's label continued by further portfolios in capitals before the holder's name ("Minister
    of Defence and National Service, X", "Minister of National Defence, Former Combatants and
    Homeland Veterans, Y"): the comma before the name, else k. The portfolios must be followed
    by a comma and a name of two words or more, so "the Minister of Defence and General X met"
    is left to the other rules."""
    toks, norms = doc.toks, doc.toks.norms
    heads = res.lexicon.cues.get("title_heads", {})   # "and Chief Justice, X": a second post, no portfolio
    x = k
    for _ in range(4):
        if x >= sent.b or norms[x] not in (",", "and", "&"):
            return k
        x += 2 if x + 1 < sent.b and norms[x] == "," and norms[x + 1] in ("and", "&") else 1
        start = x
        while x < sent.b and ((toks.texts[x][:1].isupper() and toks.texts[x].isalpha())
                              or (x > start and norms[x] in ("of", "for", "the"))):
            x += 1
        if x == start or not toks.texts[x - 1][:1].isupper() or any(
                m.cat in ("rank", "honorific", "post") or (m.cat == "posthead" and m.key in heads)
                for m in sent.matches if start <= m.i < x) or any(
                r.how in ("name", "surname") for r in sent.refs if start <= r.i < x):
            return k
        if x + 1 < sent.b and norms[x] == ",":
            stop = name_run(doc, res, sent, x + 1)
            if stop - x - 1 >= 2 and (stop >= sent.b or norms[stop] in (",", ".", ")") or toks.texts[stop].islower()):
                return x
    return k


def _remit_end(doc: Doc, res: Resources, sent: Sentence, k: int) -> int:
    """A post's remit in capitals after "for", before the holder's name: "Deputy Minister of Defence
    for Armaments and Acquisitions X" (one capitalised word per conjunct when no comma follows),
    "State Secretary for Defence Policy and Planning, X" (any capitalised words before the comma).
    Returns the token after the remit (the comma, or the name's first word), else k."""
    toks, norms = doc.toks, doc.toks.norms
    if k + 3 >= sent.b or norms[k] != "for":
        return k

    def word(x: int) -> bool:
        return x < sent.b and toks.texts[x][:1].isupper() and toks.texts[x].isalpha() \
            and not toks.texts[x].isupper() and not any(r.i <= x < r.j for r in sent.refs) \
            and not any(m.i <= x < m.j and m.cat in ("rank", "honorific", "post") for m in sent.matches)

    x = k + 1
    while word(x) or (x > k + 1 and norms[x] in ("and", "&", "of", "the") and word(x + 1 + (norms[x + 1] == "the"))):
        x += 1
    if x == k + 1:
        return k
    if x + 1 < sent.b and norms[x] == ",":
        stop = name_run(doc, res, sent, x + 1)
        if stop - x - 1 >= 2 and (stop >= sent.b or norms[stop] in (",", ".", ")") or toks.texts[stop].islower()):
            return x
    y = k + 1   # no comma: "for A and B Name Surname"
    while word(y) and y + 2 < sent.b and norms[y + 1] in ("and", "&") and word(y + 2):
        y += 2
    y += 1
    if not word(y - 1):
        return k
    stop = name_run(doc, res, sent, y)
    return y if stop - y >= 2 and norms[y - 2] in ("and", "&") else k


def _single_unit_words(res: Resources) -> set[str]:
    """Units named by one word ("fleet", "command"), which may open a rank's label ("Fleet Admiral")."""
    return {u[0] for u in res.military_units if len(u) == 1}


def _unit_before_title(doc: Doc, res: Resources, sent: Sentence, k: int, title_at: dict) -> int:
    """Capitalised words from token k that end in a unit word of ``military_units.tsv`` and are
    followed by a rank or another title belong to the post before them ("Commander Pacific Fleet
    Admiral X", "Commander Eastern Command Lt Gen Y"): the token after the unit, else k."""
    if not res.military_units:
        return k
    toks = doc.toks
    longest = max(len(u) for u in res.military_units)
    x = k
    while x < min(sent.b, k + 4) and toks.texts[x][:1].isupper() and toks.texts[x].isalpha():
        rank = title_at.get(x)
        if rank is not None:   # "Pacific Fleet Admiral": the unit word opens a rank's label
            return x if x > k and rank.cat == "rank" and toks.norms[x] in _single_unit_words(res) else k
        x += 1
        for n in range(min(longest, x - k), 0, -1):
            if tuple(toks.norms[x - n:x]) in res.military_units and x in title_at:
                return x
    return k


def _retired_mark(doc: Doc, res: Resources, sent: Sentence, k: int) -> int:
    """After a rank, a bracket holding only an abbreviation ("(ret.)", "(Retd)", "(rtd)") or one
    capital letter (the Spanish "Gen. (R)", retired) belongs to the title: the token after the
    bracket, else k."""
    norms, texts = doc.toks.norms, doc.toks.texts
    if k >= sent.b or norms[k] != "(":
        return k
    x = k + 1
    while x < min(sent.b, k + 4) and (norms[x] in res.abbreviations or norms[x] == "."
                                      or (x == k + 1 and len(texts[x]) == 1 and texts[x].isupper())):
        x += 1
    return x + 1 if x > k + 1 and x < sent.b and norms[x] == ")" else k


_ACTING = frozenset({"Statement", "Meeting", "Visit", "AgreementSigning", "Congratulation", "Appointment"})


def _acts(doc: Doc, res: Resources, sent: Sentence, k: int, events: dict) -> bool:
    """A trigger right after a name (one auxiliary or adverb may stand between)."""
    if k in events:
        return True
    norm = doc.toks.norms[k] if k < sent.b else ""
    return (res.grammar.get(norm) == "aux" or norm in ("has", "had", "also", "then")) and k + 1 in events


def _surname_first(texts: list[str]) -> bool:
    """A name written with its surname first in capitals ("KIHARA Minoru", "TEODORO Gilberto"),
    the style of some ministries: the other words are in the usual case."""
    first = texts[0]
    return len(texts) >= 2 and len(first) >= 2 and first.isalpha() and first.isupper() \
        and all(t[:1].isupper() and not t.isupper() for t in texts[1:] if t.isalpha())


def _add_name(doc: Doc, res: Resources, sent: Sentence, state: "coref.State", i: int, j: int) -> None:
    name = " ".join(doc.span_text(i, j).split())
    doc.unref(sent, i, j, ("capital",))
    words = name.split(" ")
    if _surname_first(words):
        name = " ".join(words[1:] + [words[0].capitalize()])   # written in the usual order
    if j - i == 1:
        iri = coref.surname_referent(doc, res, state, doc.toks.norms[i])
        if iri is None:
            iri = _by_title(doc, res, sent, state, i)
        if iri is None:
            iri = person_entity(doc, res, name, sent, state)
        elif iri not in doc.entities:   # a lexicon person first named by surname
            iri = person_entity(doc, res, res.people[iri].name, sent, state)
    else:
        iri = person_entity(doc, res, name, sent, state)
    doc.mention(iri, i, j)
    sent.refs.append(Ref(i, j, iri, "name"))


def _by_title(doc: Doc, res: Resources, sent: Sentence, state: "coref.State", i: int) -> Optional[str]:
    """Of the people of the article sharing the surname at token i ("Minister Bishnu Thapa",
    "Gen. Prakash Thapa"), the one the title right before it fits: "Minister Thapa" holds a
    minister's post, "Gen. Thapa" was written with that rank. None when no title is there, or
    it fits none or several."""
    found = state.surnames.get(doc.toks.norms[i])
    if not found or len(found) < 2:
        return None
    roles, ranks = set(), set()
    k = i
    while k - 1 >= sent.a:
        m = next((x for x in sent.matches if x.j == k and x.cat in ("post", "rank", "posthead", "honorific")), None)
        if m is None and doc.toks.norms[k - 1] == "." and k - 2 >= sent.a:
            m = next((x for x in sent.matches if x.j == k - 1 and x.cat in ("rank", "honorific")), None)
        if m is None:
            break
        for x in sent.matches:
            if x.i == m.i and x.j == m.j:
                if x.cat == "post":
                    roles.add(x.key)
                elif x.cat == "posthead":
                    roles |= res.role_heads.get(x.key, set())
                elif x.cat == "rank":
                    ranks.add(x.key)
        k = m.i
    if not roles and not ranks:
        return None
    fits = [p for p in found if p in doc.entities and (
        any(r.role in roles for r in doc.entities[p].roles) or state.ranks.get(p, set()) & ranks)]
    return fits[0] if len(fits) == 1 else None


def _country_at(sent: Sentence, k: int) -> Optional[Ref]:
    for r in sent.ref_index().starts.get(k, ()):
        if r.how in ("country", "adjective", "capital"):
            return r
    return None


def _organisation_at(doc: Doc, sent: Sentence, k: int) -> Optional[Ref]:
    return next((r for r in sent.ref_index().starts.get(k, ()) if doc.entities[r.entity].type == "Organization"), None)


def _capital_at(sent: Sentence, k: int) -> Optional[Match]:
    key = ("capitals", id(sent.matches), len(sent.matches))
    capitals = sent.memo.get(key)
    if capitals is None:   # indexed once per state of the matches: linear in a long sentence
        capitals = sent.memo[key] = {}
        for m in sent.by_cat("capital"):
            capitals.setdefault(m.i, m)
    return capitals.get(k)


def _accept(doc: Doc, res: Resources, sent: Sentence, k: int, titles: dict, countries: dict) -> bool:
    norm = doc.toks.norms[k]
    if k in titles or k in countries:
        return True
    if norm == "." and k - 1 in titles and titles[k - 1].cat in ("rank", "honorific"):
        return True   # "Brig. Ahsan Raza Qureshi", "Mr. Daouda Kone"
    if norm == "." and k - 1 in countries and _abbreviation_dot(doc, countries[k - 1], k):
        return True   # "U.S. Defense Secretary X": the full stop closes the country's abbreviation
    if res.grammar.get(norm) in ("det", "poss", "premod") or norm in _ZONE_WORDS:
        return True
    if _in_named_body(doc, sent, k):
        return True   # "commander of U.S. Southern Command": the body a post heads
    return _in_country_body(doc, res, sent, k)


def _in_named_body(doc: Doc, sent: Sentence, k: int) -> bool:
    """Token k is part of a named organisation that follows "of" after a post ("Commander of
    U.S. Southern Command", "Secretary General of the Collective Security Treaty Organization")."""
    for r in sent.ref_index().tokens.get(k, ()):
        if doc.entities[r.entity].type != "Organization":
            continue
        p = r.i - 1
        while p >= sent.a and doc.toks.norms[p] in ("the", ".") or (p >= sent.a and _country_token(sent, p)):
            p -= 1
        return p >= sent.a and doc.toks.norms[p] == "of"
    return False


def _country_token(sent: Sentence, k: int) -> bool:
    return any(r.how in ("country", "adjective") for r in sent.ref_index().tokens.get(k, ()))


def _abbreviation_dot(doc: Doc, country: Ref, k: int) -> bool:
    """Token k is the full stop written right after a country abbreviated with stops ("U.S.")."""
    toks = doc.toks
    return country.j == k and toks.starts[k] == toks.ends[k - 1] \
        and any(toks.norms[x] == "." for x in range(country.i, country.j))


def _in_country_body(doc: Doc, res: Resources, sent: Sentence, k: int) -> bool:
    """Token k is part of the name of a body that stands for its country ("Ministry", "Armed
    Forces", "High Commission"): the complement of a post ("Chief of Staff of the Egyptian Armed
    Forces") belongs to the post's zone. Read from the words alone, so kept per token."""
    found = sent.in_body.get(k)
    if found is None:
        found = sent.in_body[k] = _reads_as_country_body(doc, res, sent, k)
    return found


def _reads_as_country_body(doc: Doc, res: Resources, sent: Sentence, k: int) -> bool:
    norms = doc.toks.norms
    for length in range(1, res.org_head_words + 1):
        for start in range(k - length + 1, k + 1):
            if start < sent.a or start + length > sent.b:
                continue
            words = norms[start:start + length]
            if res.org_heads.get(" ".join(words)) == "country" or \
                    res.org_heads.get(" ".join(words[:-1] + [singular(words[-1])])) == "country":
                return True   # "the Armies" as "army"
    texts = doc.toks.texts
    x = k
    while x + 1 < min(sent.b, k + 4) and texts[x][:1].isupper() and texts[x + 1][:1].isupper():
        x += 1   # "the Maldives National Defence Force": capitalised words that lead to the head
        if res.org_heads.get(norms[x]) == "country" and x + 1 < sent.b and not texts[x + 1][:1].isupper():
            return True
    return False


def _spans(sent: Sentence) -> tuple[dict, dict]:
    """Title and country tokens of a sentence, computed once per sentence (country references are
    all made before people are read; the acronym titles are added before too)."""
    key = (id(sent.matches), len(sent.matches), sent.ref_index().countries)
    cached = sent.spans_cache
    if cached is not None and cached[0] == key:
        return cached[1]
    result = _compute_spans(sent)
    sent.spans_cache = (key, result)
    return result


def _compute_spans(sent: Sentence) -> tuple[dict, dict]:
    titles, countries = {}, {}
    for m in sent.matches:
        if m.cat in ("post", "rank", "honorific", "cue:counterpart", "posthead"):
            for k in range(m.i, m.j):
                titles.setdefault(k, m)
    for r in sent.refs:
        if r.how in ("country", "adjective", "capital", "anaphor"):
            for k in range(r.i, r.j):
                countries[k] = r
    for m in sent.matches:   # "the attache in Kathmandu": a capital read as the city still names its country
        if m.cat == "capital" and m.i not in countries:
            r = Ref(m.i, m.j, m.key, "capital-city")
            for k in range(m.i, m.j):
                countries[k] = r
    return titles, countries


def left_zone(doc: Doc, res: Resources, sent: Sentence, i: int) -> Zone:
    titles, countries = _spans(sent)
    first = sent.a
    if doc.dateline is not None and sent.index == 0:   # "ASUNCION - The commander ...": not a title's words
        while first < i and doc.toks.starts[first] < doc.dateline.body_start:
            first += 1
    k = i
    if k - 1 >= first and doc.toks.norms[k - 1] == ",":
        k -= 1
    commas = 0
    portfolios = sent.portfolios
    while k - 1 >= first:
        if k in portfolios and portfolios[k] - 1 >= first:
            k = portfolios[k]   # back over "and National Service," to the post it extends
            continue
        p = _before_acronym(doc, k - 2, first) if k - 2 >= first else k - 2
        if doc.toks.norms[k - 1] == "," and commas == 0 and p >= first \
                and _accept(doc, res, sent, p, titles, countries) and (
                    p in titles or p in countries or _in_named_body(doc, sent, p)
                    or _in_country_body(doc, res, sent, p)):
            commas += 1
            k = p + 1   # "Commander of the Papua New Guinea Defence Force (PNGDF), Major General X"
            continue
        if doc.toks.norms[k - 1] == ")":
            p = next((x for x in range(k - 2, max(first, k - 6) - 1, -1) if doc.toks.norms[x] == "("), None)
            if p is not None and p > first and _retired_mark(doc, res, sent, p) == k:
                k = p   # back over "(ret.)", "(R)" to the rank before it
                continue
        if not _accept(doc, res, sent, k - 1, titles, countries) or _verb_after_title(doc, res, k - 1, first, titles):
            break
        k -= 1
        if k - 1 >= sent.a and doc.toks.norms[k - 1] in ("and", "or"):
            if k in titles and titles[k].cat == "post" and k - 2 >= sent.a and k - 2 in titles \
                    and titles[k - 2].cat == "post":
                k -= 1   # "Deputy Prime Minister and Defence Minister X"; not "the Minister of Defence and Mr. X"
                continue
            break
    return _zone(sent, k, i, titles, countries)


def _verb_after_title(doc: Doc, res: Resources, k: int, first: int, titles: dict) -> bool:
    """A participle listed as a premodifier ("appointed") right after a post is the post
    holder's verb, not part of the next name's title: "The president appointed Colonel X" gives
    X no presidency ("the newly appointed ambassador X" keeps its title)."""
    norm = doc.toks.norms[k]
    return norm.endswith("ed") and res.grammar.get(norm) == "premod" and k - 1 >= first \
        and k - 1 in titles and titles[k - 1].cat in ("post", "posthead")


def _before_acronym(doc: Doc, k: int, first: int) -> int:
    """The token before an acronym in brackets that ends at token k ("... Defence Force (PNGDF)"),
    else k itself."""
    norms, texts = doc.toks.norms, doc.toks.texts
    if k - 2 >= first and norms[k] == ")" and norms[k - 2] == "(" and texts[k - 1].isupper():
        return k - 3
    return k


def right_zone(doc: Doc, res: Resources, sent: Sentence, j: int, limit: int = 13) -> Zone:
    titles, countries = _spans(sent)
    k = j
    while k < min(sent.b, j + limit):
        if doc.toks.norms[k] == "and" and k > j and (k - 1 in titles or k - 1 in countries) \
                and k + 1 in titles and titles[k + 1].cat == "post":
            limit += titles[k + 1].j - k   # "Deputy Prime Minister and Minister of Defence of X"
        elif not _accept(doc, res, sent, k, titles, countries):
            break
        k += 1
    return _zone(sent, j, k, titles, countries)


def _zone(sent: Sentence, start: int, end: int, titles: dict, countries: dict) -> Zone:
    zone = Zone(start, end)
    seen = set()
    for k in range(start, end):
        m = titles.get(k)
        if m is not None and id(m) not in seen and m.i >= start:
            seen.add(id(m))
            if m.cat == "post":
                zone.posts.append(m)
            elif m.cat == "cue:counterpart":
                zone.counterpart = m
        r = countries.get(k)
        if r is not None and r not in zone.countries:
            zone.countries.append(r)
    return zone


def zone_role(doc: Doc, res: Resources, zone: Zone, post: Match) -> tuple[Optional[str], Optional[str]]:
    """(country served, accredited to) for a post in a zone: "Turkey's attache to Azerbaijan"."""
    norms = doc.toks.norms
    country = accredited = None
    before = [r for r in zone.countries if r.j <= post.i]
    if before:
        country = before[-1].entity
    inside = [r for r in zone.countries if post.i < r.i and r.j < post.j]
    if inside:
        country = inside[0].entity   # "Chief of Staff of the Egyptian Armed Forces"
    for r in zone.countries:
        if r.i < post.j:
            continue
        p = r.i - 1
        while p > zone.start and res.grammar.get(norms[p]) == "det":
            p -= 1
        prep = norms[p] if p >= zone.start else ""
        if prep in ("to", "in", "at") and post.key in res.accredited_roles:
            accredited = accredited or r.entity
        elif prep in ("of", "for", "'", "s") and country is None:
            country = r.entity
    return country, accredited


def _roles(doc: Doc, res: Resources, sent: Sentence, state: "coref.State") -> set[int]:
    """Posts of the named people of a sentence; returns the tokens the titles used."""
    consumed: set[int] = set()
    counterparts = []   # after every post of the sentence: "X, Minister of ..., received his counterpart Y"
    for ref in list(sent.refs):
        ent = doc.entities[ref.entity]
        if ent.type != "Person" or ref.how not in ("name", "surname", "fuzzy"):
            continue
        left = left_zone(doc, res, sent, ref.i)
        for zone in (left, _appositive(doc, res, sent, ref.j)):
            if zone is None:
                continue
            if zone is not left and left.posts and _titles_next_name(doc, res, sent, zone):
                continue
            consumed.update(range(zone.start, zone.end))
            if zone.posts:
                post = zone.posts[-1] if zone.end <= ref.i else zone.posts[0]
                joined = _joined_posts(doc, res, sent, zone, post, holder_before=zone.start >= ref.j)
                found = [(p, *zone_role(doc, res, zone, p)) for p in joined
                         if not _ministry_official(doc, zone, p) and p.i not in sent.body_heads]
                shared = next((c for _, c, _ in found if c), None)
                if shared is None and zone.end <= ref.i:
                    shared = _country_after_name(doc, sent, ref.j) or _counterpart_before(doc, sent, zone.start)
                elif shared is None and zone.start >= ref.j:
                    shared = _possessive_before(doc, sent, ref.i)   # "Ghana's X, the defence minister"
                for p, country, accredited in found:
                    ent.add_role(p.key, country or shared, accredited)
            elif zone.counterpart is not None:
                counterparts.append((ref, zone))
    for ref, zone in counterparts:
        coref.counterpart_role(doc, res, sent, state, ref, zone)
    return consumed


def _titles_next_name(doc: Doc, res: Resources, sent: Sentence, zone: Zone) -> bool:
    """The posts after a titled name's comma are the title of the next name of a list ("the
    Chief of the General Staff, General X, the Commander of the Navy, Admiral Y, and ..."): the
    next person's own left zone reaches back over them."""
    for r in sent.refs:
        if r.i < zone.end or r.how not in ("name", "surname", "fuzzy") or doc.entities[r.entity].type != "Person":
            continue
        if r.i - zone.end > 6:
            continue
        if left_zone(doc, res, sent, r.i).start <= zone.posts[0].i:
            return True
    return False


_ORGANISATION_HEADS = frozenset({"SecretaryGeneral"})   # heads of an international organisation's secretariat
_MINISTRY_WORDS = frozenset({"ministry", "ministry's", "department", "department's"})


def _ministry_official(doc: Doc, zone: Zone, post: Match) -> bool:
    """A secretary-general of a ministry ("the ministry's secretary-general", "Secretary General
    of the Ministry of Defence") is a civil servant, not the head of an organisation."""
    return post.key in _ORGANISATION_HEADS and any(
        doc.toks.norms[x] in _MINISTRY_WORDS for x in range(zone.start, zone.end))


def _country_after_name(doc: Doc, sent: Sentence, j: int) -> Optional[str]:
    """The country named right after a titled name with "of" ("Secretary of National Defense X
    of the Philippines"), which the title before the name left open."""
    norms = doc.toks.norms
    if j >= sent.b or norms[j] != "of":
        return None
    k = j + 1 + (1 if j + 1 < sent.b and norms[j + 1] == "the" else 0)
    country = _country_at(sent, k)
    if country is None or country.how != "country" or (country.j < sent.b and norms[country.j] in ("'", "’")):
        return None
    return country.entity


def _counterpart_before(doc: Doc, sent: Sentence, start: int) -> Optional[str]:
    """The country of "his Mauritanian counterpart, the Minister of National Defence, X": a post
    in apposition right after a counterpart phrase serves the country that phrase names."""
    if start - 2 < sent.a or doc.toks.norms[start - 1] != ",":
        return None
    cue = next((m for m in sent.matches if m.cat == "cue:counterpart" and m.j == start - 1), None)
    if cue is None:
        return None
    return next((r.entity for r in sent.refs if r.j == cue.i and r.how in ("country", "adjective")), None)


def _possessive_before(doc: Doc, sent: Sentence, i: int) -> Optional[str]:
    """The country whose possessive stands right before a name ("Ghana's Peter Mensah"), which
    an appositive post after the name ("..., the defence minister") leaves open."""
    norms = doc.toks.norms
    if i - 3 < sent.a or norms[i - 1] != "s" or norms[i - 2] not in ("'", "’"):
        return None
    country = next((r for r in sent.ref_index().ends.get(i - 2, ()) if r.how == "country"), None)
    return country.entity if country is not None else None


def _joined_posts(doc: Doc, res: Resources, sent: Sentence, zone: Zone, post: Match,
                  holder_before: bool) -> list[Match]:
    """A post and the posts joined to it by "and": "Deputy Prime Minister and Minister of
    Defence", "Defence Minister and Commander-in-Chief", "Commander-in-Chief of the Egyptian
    Armed Forces and Minister of Defence" -- the holder holds each. When the holder is named
    before the posts, a post after "and" that titles a name of its own ("X, Chief of Staff, and
    Defence Minister Y") is that name's."""
    posts = sorted(zone.posts, key=lambda p: p.i)
    k = posts.index(post)
    lo = hi = k
    while lo > 0 and _joined(doc, res, sent, posts[lo - 1], posts[lo], holder_before):
        lo -= 1
    while hi + 1 < len(posts) and _joined(doc, res, sent, posts[hi], posts[hi + 1], holder_before):
        hi += 1
    return posts[lo:hi + 1]


def _spaced_dash(doc: Doc, k: int) -> bool:
    """Token k is a dash set off by spaces, which joins two posts of one holder in translated
    titles ("Chief of the General Staff of the Armed Forces – First Deputy Minister of Defence")."""
    toks = doc.toks
    return toks.norms[k] == "-" and toks.starts[k] > toks.ends[k - 1] and toks.starts[k + 1] > toks.ends[k]


def _joined(doc: Doc, res: Resources, sent: Sentence, first: Match, second: Match, holder_before: bool) -> bool:
    """``second`` follows ``first`` after "and" (or a spaced dash), with nothing between them but
    ``first``'s complement ("of the Egyptian Armed Forces"), and (when the holder is named
    before) titles no name of its own."""
    norms = doc.toks.norms
    if second.i - 1 < first.j or not (norms[second.i - 1] == "and" or _spaced_dash(doc, second.i - 1)):
        return False
    if second.i - 1 > first.j:
        titles, countries = _spans(sent)
        if norms[first.j] != "of" or not all(
                _accept(doc, res, sent, x, titles, countries) and not (x in titles and titles[x].cat == "post")
                for x in range(first.j, second.i - 1)):
            return False
    if not holder_before:
        return True
    named = any(doc.entities[r.entity].type == "Person" for r in sent.ref_index().starts.get(second.j, ()))
    return not named and name_run(doc, res, sent, second.j) == second.j


def _appositive(doc: Doc, res: Resources, sent: Sentence, j: int) -> Optional[Zone]:
    j = after_honours(doc, res, sent, j)
    if j < sent.b and doc.toks.norms[j] == ",":
        zone = right_zone(doc, res, sent, j + 1)
        if zone.posts:
            return zone
    return None


def after_honours(doc: Doc, res: Resources, sent: Sentence, j: int) -> int:
    """The comma after the honours that follow a name, set off by commas, before its post
    ("X, Nishan-e-Imtiaz (Military), Chief of Army Staff"; "Y, PVSM, AVSM, VSM, Vice Chief of
    the Air Staff"; "Z, OBE, Defence Adviser"): honours listed in ``postnominals.tsv`` or
    acronyms in capitals that name nothing else. j itself when none follow."""
    toks, norms = doc.toks, doc.toks.norms
    honour = {k for m in sent.by_cat("cue:postnominals") for k in range(m.i, m.j)}
    k, end = j, j
    while k + 1 < sent.b and norms[k] == ",":
        x, depth, seen = k + 1, 0, False
        while x < sent.b and (depth or norms[x] != ","):
            text = toks.texts[x]
            if norms[x] == "(":
                depth += 1
            elif norms[x] == ")" and depth:
                depth -= 1
            elif x in honour or (text.isalpha() and text.isupper() and len(text) <= 6 and not sent.covered(x)):
                seen = True
            elif not (depth and text[:1].isupper() and text.isalpha()) and not (norms[x] in ("-", "&") and seen):
                return end
            x += 1
        if not seen or depth or x >= sent.b:
            return end
        k = end = x
    return end


_PAST_AS = frozenset({"served", "former", "formerly", "previously", "once", "ex", "retired", "had", "until",
                      "till"})
_PAST_BE = frozenset({"was", "were"})   # past unless a participle follows: "was sworn in as" is taking a post
_PAST_AFTER = frozenset({"until", "till", "before"})
_HEAD_POSTS = frozenset({"President", "PrimeMinister", "VicePresident"})


def _person_ending(doc: Doc, sent: Sentence, k: int) -> Optional[Ref]:
    return next((r for r in sent.refs if r.j == k and r.how in ("name", "surname", "fuzzy")
                 and doc.entities[r.entity].type == "Person"), None)


def _holder_before(doc: Doc, res: Resources, sent: Sentence, state: "coref.State", k: int) -> Optional[Ref]:
    """The person a post after "as" (token k) is given to: a name right before it ("installed Admiral
    X as", "named W, as"), or before a short verb phrase ("Z, who took office as", "Z was sworn in
    as"). None for past posts ("who served as", "formerly")."""
    norms, texts = doc.toks.norms, doc.toks.texts
    p = k
    verbs = []
    while p - 1 > sent.a and len(verbs) < 5 and texts[p - 1].isalpha() and texts[p - 1].islower() \
            and norms[p - 1] != "who" and _person_ending(doc, sent, p) is None:   # "Kang Tae-sik as": no verb
        verbs.append(norms[p - 1])
        p -= 1
    if p - 1 > sent.a and norms[p - 1] == "who" and norms[p - 2] == ",":
        verbs.append("who")
        p -= 2
    elif verbs and not any(res.grammar.get(v) == "aux" or v.endswith("ed") or v in ("took", "sworn") for v in verbs):
        return None   # "X met officials as", "X visited Ankara as": no verb of taking a post
    elif not verbs and p - 1 > sent.a and norms[p - 1] == ",":
        p -= 1
    if any(v in _PAST_AS for v in verbs):
        return None
    if any(v in _PAST_BE for v in verbs) and not any(v.endswith("ed") or v in ("sworn", "chosen") for v in verbs):
        return None
    ref = _person_ending(doc, sent, p)
    if ref is not None:
        return ref
    for start in range(max(sent.a, p - _MAX_NAME_WORDS), p - 1):
        if name_run(doc, res, sent, start) == p and not (start > sent.a and is_name_word(doc, res, sent, start - 1)):
            _add_name(doc, res, sent, state, start, p)
            return sent.refs[-1]
    return None


def _possessor_of_appointment(doc: Doc, res: Resources, sent: Sentence, state: "coref.State",
                              k: int) -> Optional[Ref]:
    """"his appointment as" (token k is "as"): the person "his" or "her" stands for -- the last
    person named before it in the sentence, else the person in focus -- holds the post."""
    nouns = res.lexicon.cues.get("appointment_nouns")
    norms = doc.toks.norms
    if not nouns or k - 2 < sent.a or norms[k - 1] not in nouns or res.pronouns.get(norms[k - 2]) not in ("m", "f"):
        return None
    before = [r for r in sent.refs if r.j <= k - 2 and r.how in ("name", "surname", "fuzzy")
              and doc.entities[r.entity].type == "Person"]
    if before:
        return max(before, key=lambda r: r.j)
    if state.focus and state.focus in doc.entities:
        return Ref(k - 2, k - 1, state.focus, "pronoun")
    return None


def _as_posts(doc: Doc, res: Resources, sent: Sentence, state: "coref.State") -> set[int]:
    """A post given with "as": "installed Admiral X as Commander of the Armed Forces", "appointed
    Y as the new defence minister", "Z, who took office as chief of the general staff", "named W
    as Pakistan's ambassador to Turkey" -- the person holds the post (country from the title's own
    cues). Not for past posts ("who served as defence minister until 2019", "as former minister").
    Returns the tokens of the posts used."""
    norms = doc.toks.norms
    consumed: set[int] = set()
    for k in range(sent.a + 1, sent.b - 1):
        if norms[k] != "as":
            continue
        zone = right_zone(doc, res, sent, k + 1)
        if not zone.posts or any(norms[x] in ("former", "ex", "outgoing") for x in range(zone.start, zone.end)):
            continue
        if any(norms[x] in _PAST_AFTER for x in range(zone.end, min(sent.b, zone.end + 6))):
            continue
        holder = _holder_before(doc, res, sent, state, k) or _possessor_of_appointment(doc, res, sent, state, k)
        if holder is None:
            continue
        ent = doc.entities[holder.entity]
        post = zone.posts[0]
        found = [(p, *zone_role(doc, res, zone, p)) for p in _joined_posts(doc, res, sent, zone, post, True)
                 if p.i not in sent.body_heads]
        shared = next((c for _, c, _ in found if c), None)
        for p, country, accredited in found:
            ent.add_role(p.key, country or shared, accredited)
        consumed.update(range(zone.start, zone.end))
    return consumed


_PASSIVE_AUX = frozenset({"was", "were", "is", "has", "have", "had", "been", "be", "being", "newly", "formally"})


def _complement_posts(doc: Doc, res: Resources, sent: Sentence, state: "coref.State") -> set[int]:
    """A post written right after its holder's name as the complement of a verb of naming, with
    no "as" ("appointed Brigadier General X chief of the General Staff", "named Y the new army
    commander", "Z was appointed army commander"): the holder holds it. Not when the post
    titles a name of its own ("appointed X Defence Minister Y's adviser"). Returns the tokens of
    the posts used."""
    verbs = res.lexicon.cues.get("naming_verbs")
    consumed: set[int] = set()
    if not verbs:
        return consumed
    norms = doc.toks.norms
    if verbs.keys().isdisjoint(norms[sent.a:sent.b]):
        return consumed
    titles, _ = _spans(sent)
    for k in range(sent.a, sent.b - 3):   # an untitled name: "named Ahmed Salem defence minister"
        if norms[k] in verbs and not any(r.i == k + 1 for r in sent.refs):
            stop = name_run(doc, res, sent, k + 1)
            if stop - k - 1 >= 2 and _post_follows(doc, res, sent, stop) and not _compound_word(doc, sent, stop):
                _add_name(doc, res, sent, state, k + 1, stop)
    for ref in list(sent.refs):
        if ref.how not in ("name", "surname", "fuzzy") or doc.entities[ref.entity].type != "Person":
            continue
        x = ref.i - 1
        while x >= sent.a and ((x in titles and titles[x].cat in ("rank", "honorific")) or norms[x] == "."):
            x -= 1
        appointer = None
        if x >= sent.a and norms[x] in verbs:
            start = ref.j   # active: "appointed General X chief of ..."
            appointer = _person_ending_before(doc, sent, x)
        else:
            y = ref.j
            while y < sent.b and norms[y] in _PASSIVE_AUX:
                y += 1
            if y == ref.j or y >= sent.b or norms[y] not in verbs:
                continue
            start = y + 1   # passive: "X was appointed chief of ..."
        zone = _post_follows(doc, res, sent, start)
        if zone is None:
            continue
        post = zone.posts[0]
        if post.i in sent.body_heads or any(r.i == zone.end and doc.entities[r.entity].type == "Person"
                                            for r in sent.refs) or name_run(doc, res, sent, zone.end) > zone.end:
            continue
        country, accredited = zone_role(doc, res, zone, post)
        if country is None and appointer is not None and post.key not in res.accredited_roles:
            country = _home_of(doc, res, appointer)   # "Moldova's President, X, appointed Y chief of ..."
        doc.entities[ref.entity].add_role(post.key, country, accredited)
        consumed.update(range(zone.start, zone.end))
    return consumed


def _person_ending_before(doc: Doc, sent: Sentence, k: int) -> Optional[str]:
    """The person named last before token k (a comma may follow the name): the verb's subject."""
    found = [r for r in sent.refs if r.j <= k and r.j >= k - 2 and doc.entities[r.entity].type == "Person"]
    return max(found, key=lambda r: r.j).entity if found else None


def _home_of(doc: Doc, res: Resources, iri: str) -> Optional[str]:
    """The country a person serves at home (a post held abroad aside)."""
    ent = doc.entities[iri]
    return next((r.country for r in ent.roles if r.country and r.role not in res.accredited_roles), None) \
        or ent.country


_HEAD_FORMS = (("head", "of"), ("chief", "of"), ("commander", "of"))
_BODY_WORDS = 5


def _heading_posts(doc: Doc, res: Resources, sent: Sentence) -> set[int]:
    """A post stated by a verb of heading ("heading_verbs.tsv") after the holder's name: "Admiral
    X, who heads the navy", "Y commands the Kenyan army" -- the person holds the post that "head
    of" (or "chief of", "commander of") the body names, for the country named inside it. Returns
    the tokens used."""
    verbs = res.lexicon.cues.get("heading_verbs")
    consumed: set[int] = set()
    norms = doc.toks.norms
    if not verbs or verbs.keys().isdisjoint(norms[sent.a:sent.b]):
        return consumed
    for ref in list(sent.refs):
        if ref.how not in ("name", "surname", "fuzzy") or doc.entities[ref.entity].type != "Person":
            continue
        v = ref.j
        if v + 1 < sent.b and norms[v] == "," and norms[v + 1] == "who":
            v += 2
        if v >= sent.b or norms[v] not in verbs:
            continue
        words, country, x = [], None, v + 1
        while x < min(sent.b, v + 1 + _BODY_WORDS) and doc.toks.texts[x].isalpha():
            cue = _country_at(sent, x)
            if cue is not None and cue.how in ("country", "adjective"):
                country, x = country or cue.entity, cue.j
                continue
            words.append(norms[x])
            x += 1
        for n in range(len(words), 0, -1):
            post = next((res.post_labels.get(form + tuple(words[:n])) for form in _HEAD_FORMS
                         if res.post_labels.get(form + tuple(words[:n]))), None)
            if post is not None:
                doc.entities[ref.entity].add_role(post, country)
                consumed.update(range(v, x))
                break
    return consumed


_MAX_TITLE_LINES = 3
_LINE_ENDS = frozenset({".", "!", "?", ":", ";", ","})


def _title_lines(doc: Doc, res: Resources) -> None:
    """The signature block of a release or letter: a line holding one person's name alone (with
    honorifics, rank and post-nominal letters: "The Hon Jane Doe MP") followed by lines that are
    each a post title alone ("Deputy Prime Minister" / "Minister for Defence"): the person holds
    those posts. A line with anything else after its title, or a full stop closing the name's
    line, ends the block."""
    norms, texts = doc.toks.norms, doc.toks.texts
    sents = doc.sentences
    for n, sent in enumerate(sents[:-1]):
        if norms[sent.b - 1] in _LINE_ENDS:
            continue
        people = [r for r in sent.refs if r.how in ("name", "surname", "fuzzy")
                  and doc.entities[r.entity].type == "Person"]
        if len(people) != 1:
            continue
        ref = people[0]
        covered = set(range(ref.i, ref.j))
        covered.update(k for m in sent.matches if m.cat in ("honorific", "rank", "cue:postnominals")
                       for k in range(m.i, m.j))
        if any(k not in covered and res.grammar.get(norms[k]) != "det"
               and not (texts[k].isalpha() and texts[k].isupper() and len(texts[k]) <= 6)
               for k in range(sent.a, sent.b)):
            continue
        signed = False
        for line in sents[n + 1:n + 1 + _MAX_TITLE_LINES]:
            zone = right_zone(doc, res, line, line.a)
            if not zone.posts or zone.end < line.b or any(r.how in ("name", "surname") for r in line.refs
                                                           if doc.entities[r.entity].type == "Person"):
                break
            for post in zone.posts:
                if post.i not in line.body_heads:
                    doc.entities[ref.entity].add_role(post.key, *zone_role(doc, res, zone, post))
                    signed = True
            if norms[line.b - 1] in _LINE_ENDS:
                break
        if signed:
            _writer_pronouns(doc, res, ref.entity, n + 1)
            return


def _writer_pronouns(doc: Doc, res: Resources, writer: str, first: int) -> None:
    """"Today I welcomed ...", "Minister X and I signed": in a release signed by one titled
    person, the first person singular after the signature block is that person."""
    norms, texts = doc.toks.norms, doc.toks.texts
    for sent in doc.sentences[first:]:
        index = sent.ref_index()
        for k in range(sent.a, sent.b):
            if res.pronouns.get(norms[k]) != "1" or (norms[k] == "i" and texts[k] != "I") or index.tokens.get(k):
                continue
            sent.refs.append(Ref(k, k + 1, writer, "pronoun"))
        sent.memo.clear()


def _post_follows(doc: Doc, res: Resources, sent: Sentence, start: int) -> Optional[Zone]:
    """The zone of a post that starts at token ``start`` (determiners and premodifiers may come
    first: "the new army commander"), else None."""
    zone = right_zone(doc, res, sent, start)
    if not zone.posts or any(res.grammar.get(doc.toks.norms[k]) not in ("det", "premod")
                             for k in range(start, zone.posts[0].i)):
        return None
    return zone


def _listed_heads(doc: Doc, res: Resources, sent: Sentence, state: "coref.State") -> None:
    """Heads of state or government listed after a plural title: "Presidents X and Y", "the heads
    of state, X and Y". Each gets the post for their own country when a cue gives it: the
    lexicon, "of X" or an adjective/possessive right before the name, the countries named in
    the sentence in the same order when "respectively" says so, or, for two heads, the pair of
    countries they stand for (:func:`_heads_of_a_pair`); else no post."""
    norms = doc.toks.norms
    persons = res.lexicon.cues.get("title_heads", {})
    heads = [m for m in sent.matches if m.cat == "post" and _plural_post(norms, m, persons)]
    for k in range(sent.a, sent.b - 2):   # "heads of state", "heads of government"
        if norms[k] == "heads" and norms[k + 1] == "of" and norms[k + 2] in ("state", "government"):
            heads.append(Match(k, k + 3, "post", "President" if norms[k + 2] == "state" else "PrimeMinister",
                               "heads of " + norms[k + 2]))
    titles, _ = _spans(sent)
    for m in heads:
        k, inside = m.j, []
        while m.j < sent.b and norms[m.j] == "of" and (k < sent.b and norms[k] in ("of", "the", "and", ",")
                                                      or _country_at(sent, k)):
            cue = _country_at(sent, k)   # "the chiefs of the general staffs of Kyrgyzstan and Tajikistan, A and B"
            if cue is not None and cue.how in ("country", "adjective"):
                inside.append(cue.entity)
                k = cue.j
            else:
                k += 1
        if not inside:
            k = m.j + (1 if m.j < sent.b and norms[m.j] == "," else 0)
        names: list[tuple[Ref, Optional[str]]] = []
        while k < sent.b:
            while k < sent.b and ((k in titles and titles[k].cat in ("rank", "honorific")) or norms[k] == "."):
                k += 1   # "Maj. Gen. A and Lt. Gen. B"
            cue = _country_at(sent, k)
            if cue is not None and cue.how in ("country", "adjective"):
                k = cue.j + (2 if cue.j + 1 < sent.b and norms[cue.j] in ("'", "’") and norms[cue.j + 1] == "s" else 0)
            ref = next((r for r in sent.refs if r.i == k and r.how in ("name", "surname", "fuzzy")
                        and doc.entities[r.entity].type == "Person"), None)
            if ref is None:
                stop = name_run(doc, res, sent, k)
                if stop - k < 2 or _compound_word(doc, sent, stop):
                    break
                _add_name(doc, res, sent, state, k, stop)
                ref = sent.refs[-1]
            country = cue.entity if cue is not None and cue.how in ("country", "adjective") else None
            k = ref.j
            if country is None and k + 1 < sent.b and norms[k] == "of":
                after = _country_at(sent, k + 1 + (1 if norms[k + 1] == "the" else 0))
                if after is not None and after.how in ("country", "adjective"):
                    country, k = after.entity, after.j
            if country is None and k + 2 < sent.b and norms[k] == "(" and norms[k + 2] == ")":
                bracket = _country_at(sent, k + 1)   # "Defence Ministers A (Kenya) and B (Uganda)"
                if bracket is not None and bracket.how == "country" and bracket.j == k + 2:
                    country, k = bracket.entity, k + 3
            names.append((ref, country))
            if k < sent.b and norms[k] == "," and k + 1 < sent.b and norms[k + 1] == "and":
                k += 2
            elif k < sent.b and norms[k] in (",", "and"):
                k += 1
            else:
                break
        if len(names) < 2:
            continue
        if any(norms[x] == "respectively" for x in range(k, min(sent.b, k + 3))):
            sides = []
            for r in sent.refs:
                if r.how == "country" and r.entity not in sides and not (m.i <= r.i < k):
                    sides.append(r.entity)
            if len(sides) == len(names):
                names = [(ref, c or side) for (ref, c), side in zip(names, sides)]
        if len(inside) == len(names) and not any(c for _, c in names):
            names = [(ref, side) for (ref, _), side in zip(names, inside)]
        names = [(ref, country or _known_country(doc, res, ref.entity, m.key)) for ref, country in names]
        if len(names) == 2 and m.key in _HEAD_POSTS:
            names = _heads_of_a_pair(doc, sent, m.key, names, (m.i, k))
        for ref, country in names:
            ent = doc.entities[ref.entity]
            if country is not None and not any(r.role == m.key and r.country not in (None, country) for r in ent.roles):
                ent.add_role(m.key, country)


def _plural_post(norms: list[str], m: Match, persons: dict) -> bool:
    """A post named in the plural by its head word ("Defence Ministers", "chiefs of the general
    staffs", "Presidents"; not "Chief of Defence Forces", whose plural word is no person's)."""
    for word in (norms[m.i], norms[m.j - 1]):
        if word.endswith("s") and not word.endswith("ss") and singular(word) != word \
                and (singular(word) in persons or m.key in _HEAD_POSTS and word == norms[m.j - 1]):
            return True
    return False


def _known_country(doc: Doc, res: Resources, iri: str, role: str) -> Optional[str]:
    """The country the curated data gives a known person for a post (else their country)."""
    entry = res.people.get(iri)
    if entry is None:
        return None
    return next((p.country for p in entry.posts if p.role == role), None) or entry.country


def _heads_of_a_pair(doc: Doc, sent: Sentence, role: str, names: list, listed: tuple[int, int]) -> list:
    """Two heads listed for a pair of countries serve one each: when neither's country is known,
    they serve the countries of a pair the sentence (or the one before) names, in its order ("the
    treaty between Kazakhstan and Uzbekistan was signed by the heads of state, X and Y"); when
    one's is, the other serves the other country of the pair in focus ("Presidents Lula and
    Alberto Fernandez" in a story about Brazil and Argentina). With no pair stated, the two are
    kept in ``doc.head_pairs`` for :mod:`kg.extract.context` to finish once it knows one."""
    pair = stated_pair(doc, sent, listed)
    if pair is None and sent.index > 0 and doc.sentences[sent.index - 1].paragraph == sent.paragraph:
        pair = stated_pair(doc, doc.sentences[sent.index - 1])
    (first, a), (second, b) = names
    if a is None and b is None:
        if pair:
            return [(first, pair[0]), (second, pair[1])]
        doc.head_pairs.append(HeadPair(role, (first.entity, second.entity), sent.index, listed[0]))
        return names
    if a is not None and b is not None:
        return names
    other = other_of_pair(doc, a or b, sent.index, listed[0], pair)
    return [(first, a or other), (second, b or other)]


def _fill_from_lexicon(doc: Doc, res: Resources) -> None:
    """Country and accreditation of a known person's post from the curated posts; a person's
    country from the lexicon or their posts."""
    for ent in doc.entities.values():
        if ent.type != "Person":
            continue
        entry = res.people.get(ent.id)
        for role in ent.roles:
            for post in entry.posts if entry else ():
                if post.role == role.role and (role.country in (None, post.country)):
                    role.country = role.country or post.country
                    role.accredited_to = role.accredited_to or post.accredited_to
            if role.country is None and ent.country and not (role.accredited_to == ent.country):
                role.country = ent.country
        if ent.country is None:
            ent.country = next((r.country for r in ent.roles if r.country), None)


def _initials_fit(short: list[str], long: list[str], fuzzy: bool = False) -> bool:
    """"g saikhanbayar" fits "gursed saikhanbayar"; "s m shafiuddin ahmed" fits
    "syed muhammad shafiuddin ahmed": one-letter words stand for the given names in order, the
    other words are equal. With ``fuzzy``, one word of five letters or more may be misspelt by
    one edit ("r nazarzada" fits "rustam nazarzoda", "ruano castellano" fits "hector ruano
    castellanos"), when another word (an initial that agrees, or an equal word) anchors it."""
    if len(short) > len(long) or len(short[-1]) < 2:
        return False
    if not fuzzy and not any(len(w) == 1 for w in short):
        return False
    k, misspelt = len(long) - 1, 0
    for w in reversed(short):
        while k >= 0 and not (long[k] == w or (len(w) == 1 and long[k][0] == w and len(long[k]) > 1)):
            if len(w) > 1 and fuzzy and not misspelt and min(len(w), len(long[k])) >= 5 \
                    and within_one_edit(w, long[k]):
                misspelt = 1
                break
            if len(w) > 1:
                return False   # a full word must line up with the same word
            k -= 1
        if k < 0:
            return False
        k -= 1
    return not fuzzy or (misspelt == 1 and len(short) >= 2)


def _same_sentence(doc: Doc, a: Entity, b: Entity) -> bool:
    """Two entities named in one sentence are two people, however alike their names."""
    starts = [s.start for s in doc.sentences]
    where = {bisect.bisect_right(starts, s) for s, _ in a.mentions}
    return any(bisect.bisect_right(starts, s) in where for s, _ in b.mentions)


def merge_name_variants(doc: Doc) -> None:
    """One person written in several forms becomes one entity, named by its longest form (or its
    lexicon name): initials ("G. Saikhanbayar" -> "Gursed Saikhanbayar") and a one-word short
    form found before the full name is known ("Dong" and, later, "Dong Jun")."""
    people = [e for e in doc.entities.values() if e.type == "Person"]
    if len(people) < 2:
        return
    words = {e.id: term_key(e.name) for e in people}
    target: dict[str, str] = {}
    for short in people:
        sw = words[short.id]
        if not sw:
            continue
        fits = []
        for long in people:
            lw = words[long.id]
            if long is short or len(lw) < len(sw) or len("".join(lw)) <= len("".join(sw)):
                continue
            if _initials_fit(sw, lw) or (len(sw) == 1 and sw[0] in (lw[0], lw[-1]) and len(lw) <= 3):
                fits.append(long)
            elif _initials_fit(sw, lw, fuzzy=True) and not _same_sentence(doc, short, long):
                fits.append(long)
        if len(fits) == 1 and not short.known:
            target[short.id] = fits[0].id
    if not target:
        return
    for old, new in target.items():
        while new in target:
            new = target[new]
        src, dst = doc.entities.pop(old), doc.entities[new]
        dst.mentions |= src.mentions
        for role in src.roles:
            dst.add_role(role.role, role.country, role.accredited_to)
        dst.country = dst.country or src.country
        dst.first_sentence = min(dst.first_sentence, src.first_sentence)
        target[old] = new
    for sent in doc.sentences:
        if any(r.entity in target for r in sent.refs):
            for r in sent.refs:
                if r.entity in target:
                    r.entity = target[r.entity]
            sent._index = None
            sent.memo.clear()
