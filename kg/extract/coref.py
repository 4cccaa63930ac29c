"""Later mentions of people: a surname alone, a misspelled surname (Damerau-Levenshtein
distance 1, names of 5 letters or more, only against people of the article or the lexicon,
never when two people are equally close), a title alone ("the minister", "the military
attache"), a pronoun, and "his Turkish counterpart".
"""
from __future__ import annotations

from collections import defaultdict
from typing import Optional

from kg.extract.document import STORY_EVENT_TYPES, Doc, Ref, Sentence
from kg.extract.resources import Resources, within_one_edit
from kg.extract.text import term_key


class State:
    """What the article has said so far about people."""

    def __init__(self) -> None:
        self.people: list[str] = []                     # in order of first mention
        self.surnames: dict[str, set[str]] = defaultdict(set)
        self.full_names: dict[str, str] = {}
        self.first_words: dict[str, set[str]] = defaultdict(set)   # "prabowo", "kim": a name's first word
        self.first_surnames: dict[str, set[str]] = defaultdict(set)   # "quispe" of "Walter Quispe Huamán"
        self.focus: Optional[str] = None                # subject of the last sentence with people
        self.recent: list[str] = []                     # people, most recent mention last
        self.cache: dict[tuple[str, int], Optional[str]] = {}
        self.ranks: dict[str, set[str]] = defaultdict(set)   # person -> rank concepts written before the name
        self.version = 0                                # bumped when a name is registered

    def register(self, iri: str, name: str) -> None:
        if iri not in self.people:
            self.people.append(iri)
        words = term_key(name)
        keys = [words[-1]] if len(words) >= 2 or (words and len(words[0]) >= 4 and words[0].isalpha()) else []
        # a mononym ("Hartawan", "Prabowo") is its own later short form
        # every shorter tail is a later short form: "Quispe Huamán" of "Walter Quispe Huamán",
        # "Ould Cheikh Sidiya" of "Ahmed Ould Cheikh Sidiya"
        keys += [" ".join(words[-n:]) for n in range(2, len(words))]
        full = " ".join(words)
        if full not in self.full_names or any(iri not in self.surnames.get(k, ()) for k in keys):
            self.version += 1   # the cache of surname look-ups holds until a new name is known
        self.full_names.setdefault(full, iri)
        if len(words) >= 2 and len(words[0]) >= 3 and iri not in self.first_words[words[0]]:
            self.first_words[words[0]].add(iri)
            self.version += 1
        inner = words[-2] if len(words) >= 3 else ""
        if len(inner) >= 3 and inner.isalpha() and iri not in self.first_surnames[inner]:
            self.first_surnames[inner].add(iri)   # the first of two surnames ("Minister Quispe")
            self.version += 1
        for k in keys:
            self.surnames[k].add(iri)

    def end_sentence(self, doc: Doc, sent: Sentence) -> None:
        people = [r for r in sorted(sent.refs, key=lambda r: r.i) if doc.entities[r.entity].type == "Person"]
        if people:
            self.focus = people[0].entity
            for r in people:
                if r.entity in self.recent:
                    self.recent.remove(r.entity)
                self.recent.append(r.entity)


def surname_referent(doc: Doc, res: Resources, state: State, word: str) -> Optional[str]:
    """The person a lone surname names: in the article, then the lexicon, then fuzzily."""
    key = (word, state.version)
    if key not in state.cache:
        state.cache[key] = _surname_referent(doc, res, state, word)
    return state.cache[key]


def _surname_referent(doc: Doc, res: Resources, state: State, word: str) -> Optional[str]:
    found = state.surnames.get(word)
    if found and len(found) == 1:
        return next(iter(found))
    if found:
        return None
    iri = res.lexicon_surnames.get(word)
    if iri:
        return iri
    first = state.first_words.get(word)
    if first:   # a mononym or surname-first name used alone: "Prabowo", "Kim" after "Kim Jae-hoon"
        return next(iter(first)) if len(first) == 1 else None
    inner = state.first_surnames.get(word)
    if inner:   # the first of two surnames: "Quispe" after "Walter Quispe Huamán"
        return next(iter(inner)) if len(inner) == 1 else None
    if len(word) >= res.FUZZY_MIN:
        close = {i for s, iris in state.surnames.items() if " " not in s and len(s) >= res.FUZZY_MIN
                 and within_one_edit(word, s) for i in iris}
        if len(close) == 1:
            return next(iter(close))
        if close:
            return None
        return res.fuzzy_lexicon_surname(word)
    return None


def resolve_surnames(doc: Doc, res: Resources, sent: Sentence, state: State) -> None:
    from kg.extract.people import is_name_word, name_word_candidates, person_entity
    toks = doc.toks
    candidates = name_word_candidates(doc, res)
    k = sent.a
    while k < sent.b:
        if not candidates[k] or not is_name_word(doc, res, sent, k):
            k += 1
            continue
        iri, j = None, k + 1
        if k + 1 < sent.b and is_name_word(doc, res, sent, k + 1):
            two = toks.norms[k] + " " + toks.norms[k + 1]
            found = state.surnames.get(two)
            if found and len(found) == 1:
                iri, j = next(iter(found)), k + 2
        if iri is None:
            iri = surname_referent(doc, res, state, toks.norms[k])
            j = k + 1
        if iri is not None and not _initial_agrees(doc, sent, k, doc.entities[iri].name if iri in doc.entities
                                                   else res.people[iri].name):
            iri = None
        if iri is not None:
            if iri not in doc.entities:   # a lexicon person first named by surname
                entry = res.people[iri]
                person_entity(doc, res, entry.name, sent, state)
            how = "surname" if toks.norms[k] in state.surnames or toks.norms[k] in res.lexicon_surnames else "fuzzy"
            doc.mention(iri, k, j)
            sent.refs.append(Ref(k, j, iri, how))
        k = j


def _initial_agrees(doc: Doc, sent: Sentence, k: int, name: str) -> bool:
    """A surname at token k after an initial ("K. Nazarzada", "K Nazarzada") names a person
    whose given name starts with that letter: "K. Hasanov" is not Zakir Hasanov."""
    texts, norms = doc.toks.texts, doc.toks.norms
    p = k - 1
    if p > sent.a and norms[p] == ".":
        p -= 1
    if p < sent.a or len(texts[p]) != 1 or not texts[p].isupper():
        return True
    given = term_key(name)[:-1]
    return any(w[:1] == norms[p] for w in given)


def _people_with(doc: Doc, res: Resources, roles: set[str], iris: list[str], country: Optional[str]) -> list[str]:
    out = []
    for iri in iris:
        ent = doc.entities.get(iri)
        if ent is None:
            continue
        held = {(r.role, r.country) for r in ent.roles}
        entry = res.people.get(iri)
        if entry:
            held |= {(p.role, p.country) for p in entry.posts}
        if any(role in roles and (country is None or c in (None, country)) for role, c in held):
            out.append(iri)
    return out


def _honoured_before(doc: Doc, sent: Sentence, i: int) -> set[str]:
    """The people the article introduced with the honorific right before token i ("His Royal
    Highness [the] Minister ..."): those whose name followed that honorific (within a title word
    or two, "His Royal Highness Prince X") in this or an earlier sentence."""
    norms = doc.toks.norms
    k = i - 1 if i - 1 >= sent.a and norms[i - 1] == "the" else i
    h = next((m for m in sent.by_cat("honorific") if m.j == k), None)
    if h is None:
        return set()
    out: set[str] = set()
    for s in doc.sentences[:sent.index + 1]:
        for other in s.by_cat("honorific"):
            if other.key != h.key or other.i == h.i and s is sent:
                continue
            out |= {r.entity for r in s.refs if other.j <= r.i <= other.j + 2 and r.how == "name"
                    and doc.entities[r.entity].type == "Person"}
    return out


def resolve_titles(doc: Doc, res: Resources, sent: Sentence, state: State, consumed: set[int]) -> None:
    """A title with no name ("the military attache", "the minister", "Turkey's defence
    minister") refers to the person of the sentence or article who holds it."""
    from kg.extract.people import left_zone, right_zone, zone_role
    norms = doc.toks.norms
    persons = res.lexicon.cues.get("title_heads", {})
    for m in sent.matches:
        if m.cat not in ("post", "posthead") or m.i in consumed:
            continue
        if sent.covered(m.i):
            continue
        roles = {m.key} if m.cat == "post" else res.role_heads.get(m.key, set())
        if m.cat == "posthead" and not (m.i > sent.a and norms[m.i - 1] == "the" and m.key in persons):
            continue   # "the navy", "the defence partnership", "the ministers": no one person
        if m.j < sent.b and norms[m.j] in ("of",) and m.cat == "posthead":
            continue
        zone = left_zone(doc, res, sent, m.i)
        right = right_zone(doc, res, sent, m.j, limit=4)
        zone.countries += [r for r in right.countries if r not in zone.countries]
        zone.end = max(zone.end, right.end)
        country, accredited = zone_role(doc, res, zone, m) if m.cat == "post" else (None, None)
        in_sentence = [r.entity for r in sent.refs if doc.entities[r.entity].type == "Person"]
        found = _people_with(doc, res, roles, in_sentence, country)
        if not found:
            found = _people_with(doc, res, roles, list(reversed(state.recent)), country)
        honoured = _honoured_before(doc, sent, m.i)
        if len(found) > 1 and honoured:   # "His Royal Highness the Minister of Defense": the one so styled
            found = [iri for iri in found if iri in honoured] or found
        if not found and country and m.cat == "post":
            entry = res.holder(m.key, country, doc.date)
            if entry is not None:
                from kg.extract.people import person_entity
                found = [person_entity(doc, res, entry.name, sent, state)]
        if not found:
            continue
        iri = found[0]
        if m.cat == "post":
            doc.entities[iri].add_role(m.key, country, accredited)
        sent.refs.append(Ref(m.i, m.j, iri, "title"))


_DESCRIPTIVE = frozenset({"visiting", "top", "senior", "new", "newly", "appointed", "military", "army",
                          "naval", "navy", "air", "force", "defence", "defense", "service", "foreign", "guest",
                          "-", "chief", "incumbent"})


def resolve_descriptions(doc: Doc, res: Resources, sent: Sentence, state: State, consumed: set[int]) -> None:
    """A definite description of a person by rank or post head, with at most a country and
    descriptive words before it ("the admiral", "the visiting general", "the Brunei commander",
    "the T&T military chief", "the Turkish envoy") refers to the one person of the article so
    far of that rank or holding such a post (of that country, when one is named); failing
    that, with a country named, to the one person of that country. Two candidates: none."""
    from kg.extract.people import name_run
    norms, texts = doc.toks.norms, doc.toks.texts
    described = res.lexicon.cues.get("title_heads", {})
    heads = {m.i: m for m in sent.matches if m.cat == "rank" or (m.cat == "posthead" and m.key in described)}
    heads.update((m.i, m) for m in sent.matches if m.cat == "post" and m.j == m.i + 1 and norms[m.i] in described)
    starts = sent.ref_index().starts
    for k in range(sent.a, sent.b - 1):
        if norms[k] != "the":
            continue
        x, country, qualifier = k + 1, None, None
        while x < sent.b and x not in heads:
            cue = next((r for r in starts.get(x, ()) if r.how in ("country", "adjective", "anaphor")), None)
            if cue is not None and country is None:
                country, x = cue.entity, cue.j
            elif norms[x] in _DESCRIPTIVE and not sent.covered(x):
                x += 1
            elif qualifier is None and x + 1 in heads and texts[x][:1].isupper() and texts[x].isalpha() \
                    and not sent.covered(x):
                qualifier, x = norms[x], x + 1   # "the Federal Minister": a word of one person's title
            else:
                break
        m = heads.get(x)
        if m is None or m.i in consumed or sent.covered(m.i) or x == k + 1 and m.cat != "rank":
            continue   # "the minister" alone: resolve_titles
        end = max(h.j for h in sent.matches if h.i == m.i and h.cat in ("rank", "posthead", "post"))
        if end < sent.b and (norms[end] in ("of", "'", "’") or name_run(doc, res, sent, end) > end
                             or texts[end][:1].isupper()):
            continue   # "the commander of the navy", "the admiral's", a title before a name
        iri = _described(doc, res, sent, state, m, country, (qualifier, norms[m.i]) if qualifier else None)
        if iri is not None:
            sent.refs.append(Ref(k + 1, end, iri, "title"))


def _described(doc: Doc, res: Resources, sent: Sentence, state: State, m, country: Optional[str],
               qualified: Optional[tuple[str, str]] = None) -> Optional[str]:
    """The one person the description's head (a rank, a post, a post's head word) fits; with a
    capitalised qualifier ("the Federal Minister"), the one whose title before a mention read so."""
    before = [r.entity for r in sent.refs if r.i < m.i and doc.entities[r.entity].type == "Person"]
    pool = list(dict.fromkeys(state.people + before))
    pool = [p for p in pool if p in doc.entities]
    if m.cat == "rank":
        word = _rank_word(res, m.key)
        found = [p for p in pool if any(_rank_word(res, r) == word for r in state.ranks.get(p, ()))]
        if country is not None:
            found = [p for p in found if _holds_country(doc, p, country)]
    else:
        roles = {m.key} if m.cat == "post" else res.role_heads.get(m.key, set())
        found = _people_with(doc, res, roles, pool, country)
        if country is not None:
            found = [p for p in found if _holds_country(doc, p, country)]
    if not found and country is not None:
        found = [p for p in pool if _holds_country(doc, p, country)]
    if qualified is not None:
        found = [p for p in found if _titled_so(doc, p, " ".join(qualified))]
    return found[0] if len(found) == 1 else None


_TITLE_REACH = 60   # characters before a mention where its title stands


def _titled_so(doc: Doc, iri: str, title: str) -> bool:
    """A mention of the person comes shortly after the words of ``title`` ("Federal Minister of
    Defence Dr. X" for "federal minister"), in the same paragraph."""
    for start, _ in doc.entities[iri].mentions:
        before = doc.body[max(0, start - _TITLE_REACH):start]
        before = before[before.rfind("\n") + 1:].lower()   # within the paragraph
        if title in " ".join(before.split()):
            return True
    return False


def _holds_country(doc: Doc, iri: str, country: str) -> bool:
    ent = doc.entities[iri]
    return ent.country == country or any(r.country == country for r in ent.roles)


def _rank_word(res: Resources, rank: str) -> str:
    """The last word of a rank's label: "admiral" for Rear Admiral, "general" for Major General."""
    words = res.rank_words.get(rank) if hasattr(res, "rank_words") else None
    if words is None:
        labels = {c.name: c.label for c in res.lexicon.ranks}
        res.rank_words = {name: (term_key(label) or ("",))[-1] for name, label in labels.items()}
        words = res.rank_words.get(rank)
    return words or rank.lower()


def resolve_appointments(doc: Doc, res: Resources, sent: Sentence) -> None:
    """"his appointment in Azerbaijan", "accredited to X": the country a person holding an
    accredited post (an attaché, an ambassador) in this sentence is posted to."""
    norms = doc.toks.norms
    for k in range(sent.a, sent.b):
        if norms[k] not in res.appointment_cues:
            continue
        target = None
        for r in sent.refs:
            if r.i > k and r.i <= k + 4 and r.how in ("country", "capital") and norms[r.i - 1] in ("in", "to"):
                target = r.entity
                break
        if target is None:
            continue
        for r in sent.refs:
            ent = doc.entities[r.entity]
            if ent.type != "Person":
                continue
            for role in ent.roles:
                if role.role in res.accredited_roles and role.accredited_to is None and role.country != target:
                    role.accredited_to = target


def resolve_pronouns(doc: Doc, res: Resources, sent: Sentence, state: State) -> None:
    norms = doc.toks.norms
    added = []
    for k in range(sent.a, sent.b):
        kind = res.pronouns.get(norms[k])
        if kind not in ("m", "f"):
            continue
        if _before_counterpart(doc, sent, k):
            continue   # "hosted his Greek counterpart (X)": the pronoun belongs to the counterpart phrase
        before = [r for r in sent.refs + added if r.j <= k and doc.entities[r.entity].type == "Person"]
        iri = max(before, key=lambda r: r.i).entity if before else state.focus
        if iri:
            added.append(Ref(k, k + 1, iri, "pronoun"))
    sent.refs.extend(added)


def _before_counterpart(doc: Doc, sent: Sentence, k: int) -> bool:
    """A possessive pronoun opening a counterpart phrase ("his Turkish counterpart", "her
    counterpart from Greece") refers to no one taking part: the counterpart is the other side."""
    if k + 1 >= sent.b:
        return False
    cue = {m.i for m in sent.matches if m.cat == "cue:counterpart"}
    if not cue:
        return False
    starts = sent.ref_index().starts
    j = k + 1
    while j < sent.b and j not in cue:
        country = next((r for r in starts.get(j, ()) if r.how in ("country", "adjective")), None)
        if country is None:
            return False
        j = country.j
    return j in cue


def counterpart_role(doc: Doc, res: Resources, sent: Sentence, state: State, ref: Ref, zone) -> None:
    """"his Turkish counterpart X": X holds the post of the one whose counterpart he is, for the
    country the zone names."""
    before = [r for r in sent.refs if r.j <= zone.start and doc.entities[r.entity].type == "Person"
              and r.entity != ref.entity]
    other = max(before, key=lambda r: r.i).entity if before else state.focus
    if other is None or other == ref.entity:
        return
    country = zone.countries[-1].entity if zone.countries else None
    names = [r.role for r in doc.entities[other].roles if r.role not in res.title_only_roles] or [
        p.role for p in (res.people[other].posts if other in res.people else ())]
    names = [n for n in names if n not in res.additional_posts] or names   # the portfolio, not "Deputy PM"
    if names:
        doc.entities[ref.entity].add_role(names[0], country, None)


def protagonist_pair(doc: Doc, sent_index: int) -> list[str]:
    """The two countries a story is about at a sentence: those of the people taking part in its
    latest meeting, visit, signing or exercise up to that sentence, when they are exactly two. "The two
    countries" means them, not the last two countries named ("... on the border with
    Afghanistan. Cooperation between the two countries ...")."""
    best: tuple[int, list[str]] | None = None
    for event in doc.events:
        if event.type not in STORY_EVENT_TYPES or event.sentence > sent_index \
                or (best is not None and event.sentence < best[0]):
            continue
        countries: list[str] = []
        for iri in (*event.participants, event.host, event.guest):
            country = _country_of(doc, iri) if iri else None
            if country and country not in countries:
                countries.append(country)
        if len(countries) == 2:
            best = (event.sentence, sorted(countries))
    return best[1] if best else []


def _country_of(doc: Doc, iri: str) -> Optional[str]:
    ent = doc.entities.get(iri)
    if ent is None:
        return None
    if ent.type == "Person":   # not a country taking part: that may itself come from "the two countries"
        return next((r.country for r in ent.roles if r.country), None) or ent.country
    return None
