"""Everything the stages need, compiled once from a :class:`Lexicon` (picklable, reusable)."""
from __future__ import annotations

from collections import defaultdict
from typing import Optional

from kg.extract.dates import DateFinder
from kg.extract.gazetteer import Gazetteer, inflections, plural, variants
from kg.extract.lexicon import Lexicon, NamedEntry, PersonEntry
from kg.extract.text import fold, term_key
from kg.iris import country_iri, organization_iri


def _cue(lexicon: Lexicon, name: str) -> dict[str, str]:
    return lexicon.cues.get(name, {})


def deletions(word: str) -> set[str]:
    return {word[:k] + word[k + 1:] for k in range(len(word))}


def within_one_edit(a: str, b: str) -> bool:
    """Edit distance (adjacent swaps counted as one edit) at most 1, in one pass: equal, or one
    letter replaced, inserted, deleted, or two neighbours swapped. Fuzzy surname look-ups ask this
    of many pairs, so no distance table is filled (tests/test_extract_people.py checks it against one)."""
    if a == b:
        return True
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    k = 0
    while k < len(a) and a[k] == b[k]:
        k += 1   # the first difference
    if len(a) < len(b):
        return a[k:] == b[k + 1:]
    return a[k + 1:] == b[k + 1:] or (k + 1 < len(a) and a[k] == b[k + 1] and a[k + 1] == b[k]
                                      and a[k + 2:] == b[k + 2:])


class Resources:
    """The lexicon compiled: one gazetteer, date patterns, word sets and name indexes."""

    FUZZY_MIN = 5   # names shorter than this are never matched fuzzily

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._folded_words: dict[str, frozenset[str]] = {}
        self._phrases: dict[str, frozenset[tuple[str, ...]]] = {}
        self.spelling = _cue(lexicon, "spelling")
        self.irregular = {k: tuple(v.split(",")) for k, v in _cue(lexicon, "verb_forms").items()}
        self.past_forms = frozenset(f for forms in self.irregular.values() for f in forms
                                    if not f.endswith(("s", "ing")))
        grammar = _cue(lexicon, "grammar")
        self.grammar = {fold(k): v for k, v in grammar.items()}
        self.pronouns = {fold(k): v for k, v in _cue(lexicon, "pronouns").items()}
        self.particles = frozenset(fold(k) for k in _cue(lexicon, "name_particles"))
        self.name_suffixes = frozenset(fold(k) for k in _cue(lexicon, "name_suffixes"))
        self.org_heads = {fold(k): v for k, v in _cue(lexicon, "org_heads").items()}
        self.org_head_words = max((len(k.split()) for k in self.org_heads), default=1)
        self.geo_features = {fold(k): v for k, v in _cue(lexicon, "geo_features").items()}
        self.appointment_cues = frozenset(fold(k) for k in _cue(lexicon, "appointment_cues"))
        self.military_units = frozenset(tuple(term_key(k)) for k in _cue(lexicon, "military_units"))
        months = {k: int(v) for k, v in _cue(lexicon, "months").items() if v.isdigit()}
        weekdays = {k: int(v) for k, v in _cue(lexicon, "weekdays").items() if v.isdigit()}
        self.calendar_words = frozenset(fold(w) for w in (*months, *weekdays))
        self.dates = DateFinder(months, weekdays, _cue(lexicon, "relative_dates"))
        abbreviations = set(_cue(lexicon, "abbreviations"))
        for rank in lexicon.ranks:   # the words a rank is written with a full stop: "Lt. Col.", "Brig."
            for term in rank.terms:
                abbreviations |= {w.rstrip(".") for part in term.split() for w in part.split("-")
                                  if w.endswith(".") and len(w) > 1}
                abbreviations |= {w for part in term.split() for w in term_key(part.split(".")[0])
                                  if "." in part and len(w) <= 4}
        self.abbreviations = frozenset(fold(a).split(".")[-1] for a in abbreviations)
        self.frames: dict[tuple[str, ...], str] = {}
        for term, frame in _cue(lexicon, "event_frames").items():
            for form in inflections(term, self.irregular, verb=True):
                self.frames.setdefault(term_key(form), frame)
        accredited = set(_cue(lexicon, "accredited_roles"))
        self.accredited_roles = frozenset(
            p.name for p in lexicon.post_types
            if p.name.lower() in accredited or (p.broader or "").lower() in accredited)
        title_only = set(_cue(lexicon, "title_only_roles"))
        self.title_only_roles = frozenset(p.name for p in lexicon.post_types if p.name.lower() in title_only)
        additional = set(_cue(lexicon, "additional_posts"))
        self.additional_posts = frozenset(p.name for p in lexicon.post_types if p.name.lower() in additional)
        envoys = set(_cue(lexicon, "envoy_roles"))
        self.envoy_roles = frozenset(p.name for p in lexicon.post_types if p.name.lower() in envoys)
        self.opening_quotes = frozenset(_cue(lexicon, "opening_quotes"))   # compared with the text as written
        self.event_flags = {e.name: set(_cue(lexicon, "event_types").get(e.name.lower(), "").split(","))
                            for e in lexicon.event_types}
        self.event_codes = {e.name: (e.cameo, e.plover) for e in lexicon.event_types}
        self.countries = {c.iri: c for c in lexicon.countries}
        self.country_names = frozenset(" ".join(term_key(n)) for c in lexicon.countries for n in (c.name, *c.names))
        self.country_by_name = {" ".join(term_key(n)): c.iri for c in lexicon.countries for n in (c.name, *c.names)}
        self.capital_country = {" ".join(term_key(cap)): c.iri for c in lexicon.countries for cap in c.capitals}
        known = {c.iri for c in lexicon.countries}
        self.city_country = {" ".join(term_key(city)): country_iri(code)   # large cities that are no capitals
                             for city, code in _cue(lexicon, "major_cities").items() if country_iri(code) in known}
        self.people = {p.iri: p for p in lexicon.people}
        self.named = {n.iri: n for n in lexicon.named}
        self.organizations = self._organizations()
        self.kinds = {k.name: k for k in lexicon.agreement_kinds}
        self.areas = {a.name: a for a in lexicon.areas}
        self.role_heads: dict[str, set[str]] = defaultdict(set)   # head word -> post types
        self.post_labels = {term_key(spelled): p.name for p in lexicon.post_types for term in p.terms
                            for spelled in variants(term, self.spelling)}   # folded words -> post type
        self.post_label_words = max((len(k) for k in self.post_labels), default=0)
        self.gazetteer = self._build()
        self._index_people()

    def folded_words(self, name: str) -> frozenset[str]:
        """The words of lexicon file ``name``.tsv, folded as tokens are, compiled once per lexicon
        (a stage asks for them sentence after sentence)."""
        found = self._folded_words.get(name)
        if found is None:
            found = self._folded_words[name] = frozenset(fold(w) for w in _cue(self.lexicon, name))
        return found

    def phrases(self, name: str) -> frozenset[tuple[str, ...]]:
        """The entries of lexicon file ``name``.tsv as token tuples (phrases of several words too),
        compiled once per lexicon."""
        found = self._phrases.get(name)
        if found is None:
            found = self._phrases[name] = frozenset(tuple(term_key(w)) for w in _cue(self.lexicon, name) if term_key(w))
        return found

    # -- the gazetteer -----------------------------------------------------------------

    def _build(self) -> Gazetteer:
        gaz = Gazetteer()
        lex = self.lexicon
        gaz.inner = frozenset(term_key(a)[0] for c in lex.countries for a in (*c.adjectives, *c.names, c.name)
                              if len(term_key(a)) == 1) | {"royal"}
        for c in lex.countries:
            gaz.add_all(c.names, "country", c.iri, cased=True)
            gaz.add_all(c.adjectives, "adjective", c.iri, cased=True)
            gaz.add_all(self._demonym_plurals(c), "adjective", c.iri, cased=True)
            gaz.add_all(c.capitals, "capital", c.iri, cased=True)
        for phrase, surface, cat, iri in self._country_abbreviations():
            gaz.add(surface, cat, iri, cased=True)
            if cat == "adjective" and len(term_key(surface)) == 1:   # "Chief of the [Hellenic] ... Staff"
                gaz.inner = gaz.inner | {term_key(surface)[0]}
        for p in lex.people:
            gaz.add_all((p.name, *p.aliases), "person", p.iri, cased=True)
        for n in lex.named:
            for term in (n.name, *n.aliases):
                gaz.add(term, "named", n.iri)
        for phrase, iri in self.organizations:
            gaz.add(phrase, "named", iri, cased=True)
        for concept, cat in ((lex.post_types, "post"), (lex.ranks, "rank"), (lex.areas, "area"),
                             (lex.agreement_kinds, "kind"), (lex.event_types, "event")):
            for entry in concept:
                for term in entry.terms:
                    for spelled in variants(term, self.spelling):
                        for form in inflections(spelled, self.irregular, verb=False):
                            gaz.add(form, cat, entry.name, cased=False)
        for entry in lex.post_types:
            for term in entry.terms:
                words = term_key(term)
                if not words:
                    continue
                head = words[0] if "of" in words[1:] else words[-1]
                self.role_heads[head].add(entry.name)
        for head, roles in self.role_heads.items():
            gaz.add(head, "posthead", head, cased=False)
            gaz.add(plural(head), "postheads", head, cased=False)
        for term in self.lexicon.cues.get("honorifics", {}):
            gaz.add(term, "honorific", term, cased=False)
        for name in ("modality", "group_refs", "counterpart", "relation_cues", "postnominals", "country_anaphors"):
            for term, value in self.lexicon.cues.get(name, {}).items():
                for spelled in variants(term, self.spelling):
                    gaz.add(spelled, "cue:" + name, value or term, cased=False)
        for term, value in self.lexicon.cues.get("event_frames", {}).items():
            if value == "discussion":
                for form in inflections(term, self.irregular, verb=True):
                    gaz.add(form, "cue:discussion", term, cased=False)
        for term, value in self.lexicon.cues.get("succession", {}).items():
            for form in inflections(term, self.irregular, verb=True):
                gaz.add(form, "cue:succession", value, cased=False)
        return gaz

    def _demonym_plurals(self, country) -> list[str]:
        """The plural of a country's one-word-final demonyms, the people of the country ("South
        Koreans", "Canadians", "Filipinos"): "Canadian troops fought alongside South Koreans" names
        South Korea. Adjectives that take no plural ("Turkish", "Chinese", "Swiss") are left out,
        and so is a plural that is some country's name or capital."""
        taken = self.country_names | set(self.capital_country)
        out = []
        for adjective in country.adjectives:
            if adjective.endswith(("sh", "ch", "ese", "s", "x", "z")) or not adjective[-1:].isalpha():
                continue
            words = adjective.split(" ")
            form = " ".join(words[:-1] + [plural(words[-1])])
            if " ".join(term_key(form)) not in taken:
                out.append(form)
        return out

    def _country_abbreviations(self) -> list[tuple[str, str, str, str]]:
        """News short forms of ``country_abbreviations.tsv`` ("PNG", "T&T", "S. Korea") as
        (phrase, surface as matched, category, IRI), for countries the lexicon knows. A phrase
        of five letters or fewer without a space is an acronym, matched in capitals only."""
        out = []
        for phrase, value in _cue(self.lexicon, "country_abbreviations").items():
            code, _, kind = (value or "").partition(" ")
            iri = country_iri(code.strip().upper())
            if iri not in self.countries:
                continue
            cat = "adjective" if kind.strip() == "adjective" else "country"
            letters = [c for c in phrase if c.isalpha()]
            acronym = " " not in phrase and len(letters) <= 5 and cat == "country"
            surface = phrase.upper() if acronym else " ".join(w[:1].upper() + w[1:] for w in phrase.split(" "))
            out.append((phrase, surface, cat, iri))
        return out

    def _organizations(self) -> list[tuple[str, str]]:
        """International organisations of ``organizations.tsv`` the curated data does not name:
        (surface form as matched, IRI). Word lists are stored in lower case, so a short one-word
        phrase ("nato", "u.n.") is taken as an acronym and matched in capitals only."""
        known = {(" ".join(term_key(t))) for n in self.lexicon.named for t in (n.name, *n.aliases)}
        out = []
        for phrase, canonical in _cue(self.lexicon, "organizations").items():
            canonical = canonical or phrase
            iri = organization_iri(canonical)
            if iri not in self.named and " ".join(term_key(canonical)) not in known:
                self.named[iri] = NamedEntry(iri, "Organization", canonical)
            letters = [c for c in phrase if c.isalpha()]
            acronym = " " not in phrase and len(letters) <= 6 and not canonical.lower() == phrase
            acronym = acronym or (" " not in phrase and canonical.isupper() and canonical.lower() == phrase)
            surface = phrase.upper() if acronym else " ".join(w[:1].upper() + w[1:] for w in phrase.split(" "))
            out.append((surface, iri if iri in self.named else next(
                n.iri for n in self.lexicon.named if " ".join(term_key(canonical)) in
                {" ".join(term_key(t)) for t in (n.name, *n.aliases)})))
        return out

    # -- people ------------------------------------------------------------------------
    def _index_people(self) -> None:
        self.person_by_name: dict[str, str] = {}
        surnames: dict[str, set[str]] = defaultdict(set)
        for p in self.lexicon.people:
            for name in (p.name, *p.aliases):
                self.person_by_name.setdefault(" ".join(term_key(name)), p.iri)
                words = term_key(name)
                if len(words) >= 2:
                    surnames[words[-1]].add(p.iri)
        self.lexicon_surnames = {s: next(iter(v)) for s, v in surnames.items() if len(v) == 1}
        self.surname_deletions: dict[str, set[str]] = defaultdict(set)
        for s in self.lexicon_surnames:
            if len(s) >= self.FUZZY_MIN:
                for d in deletions(s) | {s}:
                    self.surname_deletions[d].add(s)
        holders: dict[tuple[str, Optional[str]], list[tuple[PersonEntry, object]]] = defaultdict(list)
        for p in self.lexicon.people:
            for post in p.posts:
                holders[(post.role, post.country)].append((p, post))
        self.holders = holders

    def fuzzy_lexicon_surname(self, word: str) -> Optional[str]:
        """A lexicon person whose (unique) surname is within one edit of ``word``."""
        if len(word) < self.FUZZY_MIN:
            return None
        candidates: set[str] = set()
        for d in deletions(word) | {word}:
            candidates |= self.surname_deletions.get(d, set())
        close = sorted(c for c in candidates if within_one_edit(word, c))
        return self.lexicon_surnames[close[0]] if len(close) == 1 else None

    def holder(self, role: str, country: Optional[str], when: Optional[str]) -> Optional[PersonEntry]:
        """The known person holding a post type for a country on a date (unique, else None)."""
        found = []
        for person, post in self.holders.get((role, country), []):
            if when and ((post.start and post.start[:len(when)] > when[:len(post.start)])
                         or (post.end and post.end[:len(when)] < when[:len(post.end)])):
                continue
            if not when and post.end:
                continue
            found.append(person)
        return found[0] if len(found) == 1 else None

    def named_entry(self, iri: str) -> Optional[NamedEntry]:
        return self.named.get(iri)
