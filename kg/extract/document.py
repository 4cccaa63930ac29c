"""The working state of one article while the stages read it: tokens, sentences, the
gazetteer's matches, dates, and the entities, references, events and relations found so far.

Stages are plain functions ``stage(doc, resources)`` that read and extend a :class:`Doc`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from kg.extract.dates import DateMention
from kg.extract.gazetteer import Match
from kg.extract.text import Tokens


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    a: int                      # first token
    b: int                      # one past the last token
    matches: list[Match] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    refs: list["Ref"] = field(default_factory=list)
    blocked: Optional[set[int]] = None      # tokens no personal name can use (cached)
    in_body: dict = field(default_factory=dict, repr=False, compare=False)   # kg.extract.people, per token
    paragraph: int = 0                      # paragraphs are separated by line breaks
    anchor: Optional[str] = None            # date of an earlier event the sentence refers to ("after the talks")

    _index: Optional["_RefIndex"] = field(default=None, repr=False, compare=False)
    _cats: Optional[tuple] = field(default=None, repr=False, compare=False)
    spans_cache: Optional[tuple] = field(default=None, repr=False, compare=False)   # kg.extract.people
    memo: dict = field(default_factory=dict, repr=False, compare=False)   # results per state of the refs
    portfolios: dict = field(default_factory=dict, repr=False, compare=False)   # comma -> end of the post it extends
    body_heads: set = field(default_factory=set, repr=False, compare=False)   # first tokens of posts heading a company, club

    def by_cat(self, *cats: str) -> list[Match]:
        """Matches of the given categories, in order (indexed once per state of ``matches``)."""
        if self._cats is None or self._cats[0] is not self.matches or self._cats[1] != len(self.matches):
            groups: dict[str, list[Match]] = {}
            for m in self.matches:
                groups.setdefault(m.cat, []).append(m)
            self._cats = (self.matches, len(self.matches), groups)
        groups = self._cats[2]
        if len(cats) == 1:
            return list(groups.get(cats[0], ()))
        return [m for m in self.matches if m.cat in cats]

    def ref_index(self) -> "_RefIndex":
        """The references indexed by token (kept up to date as references are appended), so that
        per-token questions cost O(1) and not a scan of every reference: linear time on a long
        sentence."""
        idx = self._index
        if idx is None or idx.refs is not self.refs or idx.seen > len(self.refs):
            idx = self._index = _RefIndex(self.refs)
        idx.update()
        return idx

    def covered(self, k: int) -> bool:
        """Some reference covers token k."""
        return k in self.ref_index().tokens

    def memoized(self, name: str, compute):
        """``compute()`` once per state of the references (recomputed when one is added)."""
        ordered = self.refs_by_position()
        hit = self.memo.get(name)
        if hit is not None and hit[0] is ordered:
            return hit[1]
        value = compute()
        self.memo[name] = (ordered, value)
        return value

    def refs_by_position(self) -> list["Ref"]:
        """References sorted by first token (names before other readings of the same token)."""
        idx = self.ref_index()
        if idx.ordered is None:
            idx.ordered = sorted(self.refs, key=lambda r: (r.i, r.how != "name"))
        return idx.ordered


class _RefIndex:
    def __init__(self, refs: list) -> None:
        self.refs = refs
        self.seen = 0
        self.tokens: dict[int, list] = {}
        self.starts: dict[int, list] = {}
        self.ends: dict[int, list] = {}
        self.ordered: Optional[list] = None
        self.countries = 0          # references to countries by name, adjective or capital

    def update(self) -> None:
        if self.seen == len(self.refs):
            return
        for r in self.refs[self.seen:]:
            for k in range(r.i, r.j):
                self.tokens.setdefault(k, []).append(r)
            self.starts.setdefault(r.i, []).append(r)
            self.ends.setdefault(r.j, []).append(r)
            if r.how in ("country", "adjective", "capital"):
                self.countries += 1
        self.seen = len(self.refs)
        self.ordered = None


@dataclass
class Ref:
    """A span of a sentence that refers to an entity (a name, a surname, a pronoun, a title)."""
    i: int
    j: int
    entity: str
    how: str                    # "name", "surname", "fuzzy", "pronoun", "title", "adjective", "group", ...
    subject: bool = False       # the referent is named as the grammatical subject (before the verb)


@dataclass
class Role:
    role: str
    country: Optional[str] = None
    accredited_to: Optional[str] = None


@dataclass
class Entity:
    id: str
    type: str
    name: str
    mentions: set[tuple[int, int]] = field(default_factory=set)
    roles: list[Role] = field(default_factory=list)
    country: Optional[str] = None
    wikidata: Optional[str] = None
    known: bool = False
    # agreements
    kind: Optional[str] = None
    date: Optional[str] = None
    alliance: bool = False
    parties: list[str] = field(default_factory=list)
    described: bool = False             # an unnamed agreement ("an agreement on ...")
    first_sentence: int = 0

    def add_role(self, role: str, country: Optional[str] = None, accredited: Optional[str] = None) -> Role:
        for existing in self.roles:
            if existing.role == role:
                existing.country = existing.country or country
                existing.accredited_to = existing.accredited_to or accredited
                return existing
        new = Role(role, country, accredited)
        self.roles.append(new)
        return new


# The happenings a story is told around: "the two countries" and the story's pair refer to the
# countries of the latest of these.
STORY_EVENT_TYPES = frozenset({"Meeting", "Visit", "AgreementSigning", "JointExercise"})
# Modality cue keys (modality.tsv) that make what follows a plan, not a reported fact.
PLAN_CUES = frozenset({"future", "intent", "conditional"})
_PLAN_REACH = 8


def planned_destination(doc: "Doc", sent: "Sentence", i: int) -> bool:
    """A place after "to" that a plan or condition a few words before governs ("will travel to X",
    "is scheduled to pay a return visit to X", "if he flew to X"): a future destination."""
    if i - 1 < sent.a or doc.toks.norms[i - 1] != "to":
        return False
    return any(c.key in PLAN_CUES and c.term != "to" and i - _PLAN_REACH <= c.i < i
               and not doc.toks.texts[c.i][:1].isupper() for c in sent.by_cat("cue:modality"))


@dataclass
class Event:
    type: str
    sentence: int
    trigger: tuple[int, int]
    date: Optional[str] = None
    host: Optional[str] = None
    guest: Optional[str] = None
    participants: list[str] = field(default_factory=list)
    agreement: Optional[str] = None
    exercise: Optional[str] = None
    place: Optional[str] = None
    topics: set[str] = field(default_factory=set)
    rule: str = ""
    confidence: float = 0.7
    dated_by: str = "text"      # where the date came from: text, agreement, paragraph, speaker, article


@dataclass
class Relation:
    s: str
    p: str
    o: str
    via: Optional[str]
    sentence: int
    rule: str
    since: Optional[str] = None
    areas: set[str] = field(default_factory=set)
    confidence: float = 0.7


@dataclass
class HeadPair:
    """Two heads of state or government listed together ("Presidents X and Y") whose countries
    the sentence left open: once context gives one of them a country, the other serves the
    other country of the pair in focus where they are listed."""
    role: str
    people: tuple[str, str]
    sentence: int
    token: int


@dataclass
class Doc:
    body: str
    date: Optional[str]
    toks: Tokens
    sentences: list[Sentence]
    entities: dict[str, Entity] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    country_order: list[str] = field(default_factory=list)   # countries in order of mention
    paragraph_dates: dict[int, str] = field(default_factory=dict)   # paragraph -> date of its last dated event
    agreement_dates: dict[str, str] = field(default_factory=dict)   # agreement -> date of its first dated event
    narrative_date: Optional[str] = None    # the day the story is at (the last explicit day of an event)
    codes: dict[str, tuple[Optional[str], Optional[str]]] = field(default_factory=dict)  # type -> CAMEO, PLOVER
    dateline: Optional[object] = None       # kg.extract.dateline.Dateline of the story, if it has one
    optional_places: set[str] = field(default_factory=set)   # water bodies: a Place only where an event happens
    planned_places: set[str] = field(default_factory=set)   # named only as a future destination ("will travel to X")
    firm_places: set[str] = field(default_factory=set)      # named at least once otherwise
    head_pairs: list["HeadPair"] = field(default_factory=list)   # two heads listed for a pair of countries
    name_candidates: Optional[list[bool]] = field(default=None, repr=False, compare=False)   # kg.extract.people, per token

    def span_text(self, i: int, j: int) -> str:
        return self.body[self.toks.starts[i]:self.toks.ends[j - 1]]

    def inner_apostrophe(self, k: int) -> bool:
        """An apostrophe at token k glued to the words on both sides, with a lower-case word after
        it other than the possessive "s" ("Tau'ataina", "Vava'u", "Hawai'i"): inside one name."""
        toks = self.toks
        return 0 < k < len(toks.norms) - 1 and toks.norms[k] in ("'", "\u2019", "\u2018") \
            and toks.starts[k] == toks.ends[k - 1] and toks.starts[k + 1] == toks.ends[k] \
            and toks.texts[k + 1][:1].islower() and toks.norms[k + 1] != "s"

    def entity(self, iri: str, type_: str, name: str, sentence: int = 0, **extra) -> Entity:
        found = self.entities.get(iri)
        if found is None:
            found = Entity(iri, type_, name, first_sentence=sentence, **extra)
            self.entities[iri] = found
        return found

    def unref(self, sent: "Sentence", start: int, end: int, hows: tuple[str, ...]) -> None:
        """Drop the references of the given kinds inside tokens [start, end) (a capital that is
        part of a longer name); an entity left without mentions goes too."""
        starts = sent.ref_index().starts
        inside = [r for k in range(start, end) for r in starts.get(k, ()) if r.j <= end and r.how in hows]
        if inside:   # the index only follows appended references: rebuilt after a removal
            sent._index = None
            sent.memo.clear()
        for r in inside:
            sent.refs.remove(r)
            ent = self.entities.get(r.entity)
            if ent is None:
                continue
            ent.mentions.discard((self.toks.starts[r.i], self.toks.ends[r.j - 1]))
            if not ent.mentions:
                del self.entities[r.entity]
                self.country_order[:] = [c for c in self.country_order if c != r.entity]

    def mention(self, iri: str, i: int, j: int) -> None:
        self.entities[iri].mentions.add((self.toks.starts[i], self.toks.ends[j - 1]))

    def refs_of_type(self, sent: Sentence, type_: str) -> list[Ref]:
        return [r for r in sent.refs if self.entities[r.entity].type == type_]
