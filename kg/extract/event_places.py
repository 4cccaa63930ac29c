"""Where an event happened when the gazetteer does not know the place: a port, an island, a
district. News names it with a preposition of place next to the trigger ("held in Nadi last
November", "exercised together off Addu in 2019", "conducted in Danane a joint exercise").

A candidate is a run of capitalised words after "in", "off" or "near" (not "at", which mostly
names a venue: "at Murray Barracks") that no reference covers (no person, country, adjective,
organisation, exercise) and no title, trigger or month is part of; a word of
``non_place_words.tsv`` ("Barracks", "Parliament", "Operation") makes it no place. A candidate
after a plan ("and will then sail on to ... in X") is a future destination, not the event's place.
"""
from __future__ import annotations

from typing import Optional

from kg.extract.document import PLAN_CUES, Doc, Ref, Sentence
from kg.extract.resources import Resources
from kg.iris import place_iri

_PREPOSITIONS = frozenset({"in", "off", "near", "to"})   # "to" only for a visit's destination (unknown_place)
_NOT_IN_NAMES = frozenset({"post", "rank", "event", "kind", "area", "country", "adjective", "capital", "honorific"})
_MAX_WORDS = 4
_BEFORE, _AFTER = 8, 12
_STOPS = frozenset({";", ".", "?", "!"})


def unknown_place(doc: Doc, res: Resources, sent: Sentence, i: int, j: int, destination: bool = False) -> Optional[str]:
    """The place named for the trigger at tokens [i, j): the candidate nearest to it within a few
    words, as a new Place entity; None when there is none. For a visit (``destination``) "to"
    right after the trigger also introduces one ("paid a visit to Balykchy", "travelled to Kirkenes");
    elsewhere "to" is too loose ("said to Reuters")."""
    candidates = sent.memoized("unknown_places", lambda: _candidates(doc, res, sent))
    norms = doc.toks.norms
    near = [(k, end) for k, end in candidates
            if (i - _BEFORE <= k < i or j <= k <= j + _AFTER)
            and (norms[k - 1] != "to" or destination and k in (j, j + 1))]   # "travelled to X", "a visit to X"
    near = [(k, end) for k, end in near if not _after_plan(doc, sent, j, k) and not _across_stop(doc, i, j, k)]
    if not near:
        return None
    k, end = min(near, key=lambda c: abs(c[0] - i))
    name = doc.span_text(k, end)
    iri = place_iri(name)
    doc.entity(iri, "Place", name, sent.index)
    doc.mention(iri, k, end)
    if not any(r.entity == iri and r.i == k for r in sent.refs):
        sent.refs.append(Ref(k, end, iri, "name"))
    return iri


def _candidates(doc: Doc, res: Resources, sent: Sentence) -> list[tuple[int, int]]:
    norms, texts = doc.toks.norms, doc.toks.texts
    in_names = {x for m in sent.matches if m.cat in _NOT_IN_NAMES or m.cat.startswith("cue:") for x in range(m.i, m.j)}
    blocked = res.folded_words("non_place_words")
    out = []
    for k in range(sent.a, sent.b - 1):
        if norms[k] not in _PREPOSITIONS or texts[k][:1].isupper():
            continue
        start = end = k + 1
        while end < sent.b and end - start < _MAX_WORDS and texts[end][:1].isupper() and texts[end][:1].isalpha():
            end += 1
            if end + 1 < sent.b and doc.inner_apostrophe(end):
                end += 2   # "off Vava'u"
        if end == start or end - start >= _MAX_WORDS:
            continue
        words = [x for x in range(start, end) if not doc.inner_apostrophe(x)]
        if any(sent.covered(x) or x in in_names or norms[x] in res.calendar_words or norms[x] in blocked
               or res.grammar.get(norms[x]) or norms[x] in res.org_heads for x in words):
            continue
        if end < sent.b and (norms[end] == "'" or texts[end][:1].isdigit()):
            continue   # "in Brunei's", "in Round 2"
        out.append((start, end))
    return out


def _after_plan(doc: Doc, sent: Sentence, j: int, k: int) -> bool:
    """A plan between the trigger and the candidate ("signed ... and will sail on to ... in X")."""
    return any(c.key in PLAN_CUES and c.term != "to" and j <= c.i < k
               for c in sent.by_cat("cue:modality"))


def _across_stop(doc: Doc, i: int, j: int, k: int) -> bool:
    lo, hi = (k, i) if k < i else (j, k)
    return any(doc.toks.norms[x] in _STOPS for x in range(lo, hi))
