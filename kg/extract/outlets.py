"""News outlets named by an interview's frame, for outlets no lexicon lists.

An interview names its outlet in a few shapes: "in an interview with X", "interviewed by X"
(the frame alone says X is the outlet), "told X", "speaking to X", "X received <outlet>" (the
frame is also that of a statement or a meeting, so X is taken as an outlet only when its name
has a newspaper word of ``outlet_words.tsv`` -- "Daily Star", "Diario del Istmo" -- or X is the
questioner of a question-and-answer article). A name the article already gives a person,
country, place, exercise or agreement is no outlet. A new outlet becomes an Organization entity.
"""
from __future__ import annotations

from typing import Optional

from kg.extract.document import Doc, Ref, Sentence
from kg.extract.resources import Resources
from kg.iris import organization_iri

_NOT_OUTLETS = frozenset({"Person", "Country", "Place", "Exercise", "Agreement"})
_INNER = frozenset({"of", "the", "&", "-"})
_PLACE_READINGS = ("country", "capital", "adjective")
_MAX_WORDS = 6


def outlet_at(doc: Doc, res: Resources, sent: Sentence, k: int, strong: bool) -> Optional[str]:
    """The outlet named from token ``k`` (after an optional "the"), as an entity IRI, or None.
    ``strong``: the frame alone makes a capitalised name an outlet ("in an interview with")."""
    toks = doc.toks
    if k < sent.b and toks.norms[k] == "the":
        k += 1
    described = False
    if k + 1 < sent.b and toks.norms[k] in res.folded_words("outlet_words") and toks.texts[k].islower():
        k, strong, described = k + 1, True, True   # "the weekly X", "the broadcaster X"
    end = _name_end(doc, res, sent, k)
    if end == k:
        return None
    for r in list(sent.ref_index().tokens.get(k, ())):
        ent = doc.entities[r.entity]
        if ent.type in _NOT_OUTLETS and r.how in _PLACE_READINGS and r.j < end and _outlet_name(doc, res, k, end):
            doc.unref(sent, r.i, r.j, _PLACE_READINGS)   # "Kyiv Post", "Jamaica Gleaner": a paper, not the place
            continue
        if ent.type == "Person" and not ent.known and r.how == "name" and r.j <= end \
                and (described or (not ent.roles and _outlet_name(doc, res, k, end))) \
                and not any(r.entity in (*e.participants, e.host, e.guest) for e in doc.events):
            doc.unref(sent, r.i, r.j, ("name",))   # "El Diario Austral" read as a personal name
            continue
        if ent.type in _NOT_OUTLETS:
            return None
        if ent.type == "Organization" and r.i == k:
            return r.entity if strong or _outlet_name(doc, res, r.i, r.j) else None
    if any(sent.covered(x) for x in range(k, end)):
        return None
    if not strong and not _outlet_name(doc, res, k, end) and not _questioner(doc, k, end):
        return None
    name = doc.span_text(k, end)
    iri = organization_iri(name)
    doc.entity(iri, "Organization", name, sent.index)
    doc.mention(iri, k, end)
    sent.refs.append(Ref(k, end, iri, "name"))
    return iri


def _name_end(doc: Doc, res: Resources, sent: Sentence, k: int) -> int:
    """One past a run of capitalised words from ``k`` (inner particles allowed: "Diario del
    Istmo", "Voice of America"); ``k`` when none starts there."""
    toks = doc.toks
    end = j = k
    while j < sent.b and j - k < _MAX_WORDS:
        text = toks.texts[j]
        if text[:1].isupper() and text[:1].isalpha():
            end = j = j + 1
        elif j > k and (toks.norms[j] in res.particles or toks.norms[j] in _INNER or toks.norms[j] in ("del", "des")):
            j += 1
        else:
            break
    return end


def _outlet_name(doc: Doc, res: Resources, i: int, j: int) -> bool:
    words = res.folded_words("outlet_words")
    return any(doc.toks.norms[x] in words for x in range(i, j))


def _questioner(doc: Doc, i: int, j: int) -> bool:
    """The name opens, as a speaker's label ("Name: ...?"), a paragraph that asks a question;
    a question-and-answer article labels its questioner so."""
    return tuple(doc.toks.norms[i:j]) in _question_labels(doc)


def _question_labels(doc: Doc) -> frozenset[tuple[str, ...]]:
    """The labels ("Name:" up to a few words, "the" aside) of the paragraphs that ask a question,
    found once per document (kept in the first sentence's memo)."""
    if not doc.sentences:
        return frozenset()
    memo = doc.sentences[0].memo
    found = memo.get("_question_labels")
    if found is not None:
        return found
    norms = doc.toks.norms
    labels: set[tuple[str, ...]] = set()
    by_paragraph: dict[int, list[Sentence]] = {}
    for sent in doc.sentences:
        by_paragraph.setdefault(sent.paragraph, []).append(sent)
    for sents in by_paragraph.values():
        a, b = sents[0].a + (norms[sents[0].a] == "the"), sents[-1].b
        colon = next((k for k in range(a, min(b, a + _MAX_WORDS + 1)) if norms[k] == ":"), None)
        if colon is not None and colon > a and "?" in norms[colon:b]:
            labels.add(tuple(norms[a:colon]))
    found = memo["_question_labels"] = frozenset(labels)
    return found
