"""Organizations, places, exercises and agreements the lexicon knows, and new ones by their
shape: a capitalised name ending in an organisation's head word ("Anadolu Agency"), a
capitalised name before an exercise trigger ("the Anatolian Eagle exercises"), a capitalised
city after a place preposition following a visit.
"""
from __future__ import annotations

from kg.extract.document import Doc, Ref, Sentence
from kg.extract.resources import Resources
from kg.iris import exercise_iri, organization_iri

_CONNECT = frozenset({"of", "for", "and", "the", "on", "in", "-", "&"})


def find_named(doc: Doc, res: Resources) -> None:
    for sent in doc.sentences:
        for m in sent.by_cat("named"):
            entry = res.named[m.key]
            if entry.type == "Place" and any(x.cat == "capital" and (x.i, x.j) == (m.i, m.j) for x in sent.matches) \
                    and not (m.i > sent.a and res.grammar.get(doc.toks.norms[m.i - 1]) == "prep-place"):
                continue  # the capital stands for its country here
            doc.entity(entry.iri, entry.type, entry.name, sent.index, known=True, wikidata=entry.wikidata,
                       kind=entry.kind, date=entry.date)
            doc.mention(entry.iri, m.i, m.j)
            sent.refs.append(Ref(m.i, m.j, entry.iri, "name"))
        _new_organizations(doc, res, sent)
        _new_exercises(doc, res, sent)


def covered(sent: Sentence, k: int) -> bool:
    return any(r.i <= k < r.j for r in sent.refs)


def cap_word(doc: Doc, k: int) -> bool:
    text = doc.toks.texts[k]
    return text[:1].isupper() and text[:1].isalpha()


def _new_organizations(doc: Doc, res: Resources, sent: Sentence) -> None:
    norms = doc.toks.norms
    for k in range(sent.a, sent.b):
        value = res.org_heads.get(norms[k])
        if value != "Organization" or not cap_word(doc, k) or covered(sent, k):
            continue
        start = k
        while start - 1 >= sent.a and cap_word(doc, start - 1) and not covered(sent, start - 1) \
                and res.grammar.get(norms[start - 1]) is None and norms[start - 1] not in res.pronouns:
            start -= 1
        if start == k:
            continue   # a head word alone ("Agency") is no name
        if start == sent.a and res.grammar.get(norms[start]):
            start += 1
        name = doc.span_text(start, k + 1)
        iri = organization_iri(name)
        doc.entity(iri, "Organization", name, sent.index)
        doc.mention(iri, start, k + 1)
        sent.refs.append(Ref(start, k + 1, iri, "name"))


def _new_exercises(doc: Doc, res: Resources, sent: Sentence) -> None:
    toks = doc.toks
    for m in sent.by_cat("event"):
        if m.key != "JointExercise":
            continue
        end = m.i
        while end - 1 >= sent.a and toks.norms[end - 1] in ('"', "'", "-"):
            end -= 1
        start = end
        while start - 1 >= sent.a and (cap_word(doc, start - 1) or toks.norms[start - 1].isdigit()
                                       or toks.norms[start - 1] == "-") and not covered(sent, start - 1) \
                and res.grammar.get(toks.norms[start - 1]) is None:
            start -= 1
        while start < end and not cap_word(doc, start):
            start += 1
        if start >= end or start == sent.a and end - start == 1:
            continue
        if any(x.i < end and x.j > start for x in sent.matches if x.cat in ("post", "rank", "event", "kind", "area")):
            continue
        while toks.norms[start] in ('"', "'", "-"):
            start += 1
        name = doc.span_text(start, end).strip("\"' -")
        if not name:
            continue
        iri = exercise_iri(name)
        doc.entity(iri, "Exercise", name, sent.index)
        doc.mention(iri, start, end)
        sent.refs.append(Ref(start, end, iri, "name"))
