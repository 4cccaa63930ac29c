"""Organizations, places, exercises and agreements the lexicon knows, and new ones by their
shape: organisations by their head words (kg.extract.organizations), a
capitalised name before an exercise trigger ("the Anatolian Eagle exercises"), a capitalised
city after a place preposition following a visit.
"""
from __future__ import annotations

import re

from kg.extract.countries import opens_venue
from kg.extract.document import Doc, Ref, Sentence, planned_destination
from kg.extract.organizations import find_organizations
from kg.extract.resources import Resources
from kg.iris import exercise_iri

_CONNECT = frozenset({"of", "for", "and", "the", "on", "in", "-", "&"})


def find_named(doc: Doc, res: Resources) -> None:
    for sent in doc.sentences:
        for m in sent.by_cat("named"):
            entry = res.named[m.key]
            if entry.type == "Place" and any(x.cat == "capital" and (x.i, x.j) == (m.i, m.j) for x in sent.matches) \
                    and not (m.i > sent.a and res.grammar.get(doc.toks.norms[m.i - 1]) == "prep-place") \
                    and not opens_venue(doc, res, sent, m.i, m.j):
                continue  # the capital stands for its country here
            doc.entity(entry.iri, entry.type, entry.name, sent.index, known=True, wikidata=entry.wikidata,
                       kind=entry.kind, date=entry.date)
            if entry.type == "Place":
                (doc.planned_places if planned_destination(doc, sent, m.i) else doc.firm_places).add(entry.iri)
            doc.mention(entry.iri, m.i, m.j)
            sent.refs.append(Ref(m.i, m.j, entry.iri, "name"))
    find_organizations(doc, res)
    for sent in doc.sentences:
        _new_exercises(doc, res, sent)


def covered(sent: Sentence, k: int) -> bool:
    return any(r.i <= k < r.j for r in sent.refs)


def cap_word(doc: Doc, k: int) -> bool:
    text = doc.toks.texts[k]
    return text[:1].isupper() and text[:1].isalpha()


_EDITION = re.compile(r"(?:[\s-]+(?:\d{1,4}|[IVXLC]+))+$")


_EDITION_INSIDE = re.compile(r"^([A-Z][^\s-]*(?:\s[A-Z][^\s-]*)*?)(?:-\d{1,4}|\s(?:19|20)\d\d)\s+[A-Z]")


def exercise_name(text: str) -> str:
    """A named exercise series without its edition: "Ataturk-XII" -> "Ataturk", "Faisal-12" -> "Faisal";
    words after an edition describe the kind of drill: "Nusret-2026 Mine Countermeasures" -> "Nusret"."""
    name = text.strip("\"'“”‘’ -")
    inside = _EDITION_INSIDE.match(name)
    if inside:
        name = inside.group(1)
    stripped = _EDITION.sub("", name).strip("\"'“”‘’ -")
    return stripped or name


def _new_exercises(doc: Doc, res: Resources, sent: Sentence) -> None:
    """A capitalised name right before an exercise trigger ("the Anatolian Eagle exercises") or
    right after one ("exercise Noble Partner", "Exercise Alon")."""
    for m in sent.by_cat("event"):
        if m.key != "JointExercise":
            continue
        span = _name_after(doc, res, sent, m.j) or _name_before(doc, res, sent, m.i)
        if span is None:
            continue
        start, end = span
        name = exercise_name(doc.span_text(start, end))
        if not name or not name[:1].isupper():
            continue
        iri = exercise_iri(name)
        doc.entity(iri, "Exercise", name, sent.index)
        doc.mention(iri, start, end)
        sent.refs.append(Ref(start, end, iri, "name"))


def _exercise_word(doc: Doc, res: Resources, sent: Sentence, k: int) -> bool:
    norm = doc.toks.norms[k]
    if covered(sent, k) or res.grammar.get(norm) or norm in res.calendar_words:
        return False
    if any(x.i <= k < x.j and x.cat in ("post", "rank", "event", "kind", "area", "country", "adjective")
           for x in sent.matches):
        return False
    return cap_word(doc, k) or norm.isdigit()


def _name_after(doc: Doc, res: Resources, sent: Sentence, j: int) -> tuple[int, int] | None:
    toks = doc.toks
    k = j
    while k < sent.b and toks.norms[k] in ('"', "'"):
        k += 1
    start = k
    while k < sent.b and (_exercise_word(doc, res, sent, k) or (
            toks.norms[k] == "-" and k > start and k + 1 < sent.b and toks.starts[k] == toks.ends[k - 1])):
        k += 1
        if k + 1 < sent.b and doc.inner_apostrophe(k):
            k += 2   # "Tau'ataina", "Nuku'alofa": an apostrophe inside the word
    if k == start or not cap_word(doc, start):
        return None
    return start, k


def _name_before(doc: Doc, res: Resources, sent: Sentence, i: int) -> tuple[int, int] | None:
    toks = doc.toks
    end = i
    while end - 1 >= sent.a and toks.norms[end - 1] in ('"', "'"):
        end -= 1
    start = end
    while start - 1 >= sent.a and (_exercise_word(doc, res, sent, start - 1) or toks.norms[start - 1] == "-"):
        start -= 1
    while start < end and not cap_word(doc, start):
        start += 1
    if start >= end or (start == sent.a and end - start == 1):
        return None
    return start, end
