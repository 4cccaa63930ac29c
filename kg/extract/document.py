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
    paragraph: int = 0                      # paragraphs are separated by line breaks
    anchor: Optional[str] = None            # date of an earlier event the sentence refers to ("after the talks")

    def by_cat(self, *cats: str) -> list[Match]:
        return [m for m in self.matches if m.cat in cats]


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
class Doc:
    body: str
    date: Optional[str]
    toks: Tokens
    sentences: list[Sentence]
    entities: dict[str, Entity] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    country_order: list[str] = field(default_factory=list)   # countries in order of mention
    narrative_date: Optional[str] = None    # the day the story is at (the last explicit day of an event)
    codes: dict[str, tuple[Optional[str], Optional[str]]] = field(default_factory=dict)  # type -> CAMEO, PLOVER

    def span_text(self, i: int, j: int) -> str:
        return self.body[self.toks.starts[i]:self.toks.ends[j - 1]]

    def entity(self, iri: str, type_: str, name: str, sentence: int = 0, **extra) -> Entity:
        found = self.entities.get(iri)
        if found is None:
            found = Entity(iri, type_, name, first_sentence=sentence, **extra)
            self.entities[iri] = found
        return found

    def mention(self, iri: str, i: int, j: int) -> None:
        self.entities[iri].mentions.add((self.toks.starts[i], self.toks.ends[j - 1]))

    def refs_of_type(self, sent: Sentence, type_: str) -> list[Ref]:
        return [r for r in sent.refs if self.entities[r.entity].type == type_]
