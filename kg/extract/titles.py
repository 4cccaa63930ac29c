"""Titles the gazetteer cannot list because the text builds them: an acronym the article
defines for a post ("Chief of Army Staff (COAS)" ... "The COAS said"), the head of a military
unit named in full ("head of the Brazilian Army's logistics command"), and a post whose label
holds a country written in several words ("Commander of the Papua New Guinea Defence Force").
All become post matches of their sentence, read by :mod:`kg.extract.people` like any other title.
"""
from __future__ import annotations

from typing import Optional

from kg.extract.document import Doc, Sentence
from kg.extract.gazetteer import Match
from kg.extract.resources import Resources

_TITLE_CATS = ("post", "rank", "honorific")
_MAX_UNIT_WORDS = 6


def find_titles(doc: Doc, res: Resources) -> None:
    _country_inside_titles(doc, res)
    _coordinated_portfolios(doc, res)
    _acronym_titles(doc)
    _unit_heads(doc, res)
    _presidents_of_bodies(doc, res)


_STATE_HEADS = frozenset({"President", "VicePresident"})


def _presidents_of_bodies(doc: Doc, res: Resources) -> None:
    """A president of a company, federation, club or association is no head of state: the post
    still introduces or ends a name, but gives no post (``Sentence.body_heads``) when its words tie it to a body -- a
    capitalised name or a body's common noun before a lower-case "president" ("Daehan Marine Systems
    president X", "club president X"), a
    possessive that is no country's ("the club's president"), or "of" a body whose name ends in an
    organisation's or company's head word ("president of the Korea Shipbuilders Association")."""
    companies = res.lexicon.cues.get("company_words", {})
    for sent in doc.sentences:
        index = sent.ref_index()
        for m in sent.matches:
            if m.cat == "post" and m.key in _STATE_HEADS and (
                    _body_before(doc, res, sent, m, index, companies) or _body_after(doc, res, sent, m, index, companies)):
                sent.body_heads.add(m.i)


def _state_ref(index, k: int) -> bool:
    return any(r.how in ("country", "adjective", "capital", "anaphor") for r in index.tokens.get(k, ()))


def _body_before(doc: Doc, res: Resources, sent: Sentence, m: Match, index, companies: dict) -> bool:
    norms, texts = doc.toks.norms, doc.toks.texts
    p = m.i - 1
    if p - 2 >= sent.a and norms[p] == "s" and norms[p - 1] in ("'", "’"):
        owner = p - 2   # "the club's president"; not "Turkey's President", "the country's president"
        return not _state_ref(index, owner) and norms[owner] not in ("country", "nation", "state", "republic") \
            and not any(x.cat in ("post", "rank") and x.i <= owner < x.j for x in sent.matches)
    if p <= sent.a or not texts[m.i].islower():
        return False
    if texts[p].islower():   # "club president X", "company president X": a body's common noun
        return (res.org_heads.get(norms[p]) or "").startswith("Organization") or norms[p] in companies
    return texts[p][:1].isupper() and texts[p].isalpha() and norms[p] not in res.grammar \
        and norms[p] not in res.calendar_words \
        and not _state_ref(index, p) and not any(doc.entities[r.entity].type == "Person" for r in index.tokens.get(p, ())) \
        and not any(x.i <= p < x.j and x.cat != "posthead" for x in sent.matches)


def _body_after(doc: Doc, res: Resources, sent: Sentence, m: Match, index, companies: dict) -> bool:
    norms = doc.toks.norms
    k = m.j
    if k + 1 >= sent.b or norms[k] != "of":
        return False
    for x in range(k + 1, min(sent.b, k + 8)):
        if _state_ref(index, x):
            return False
        value = res.org_heads.get(norms[x])
        if (value is not None and value.startswith("Organization")) or norms[x] in companies:
            return True
        if norms[x] in (",", ".", "and", ";", "(") :
            return False
    return False


def _add_matches(sent: Sentence, added: list[Match]) -> None:
    if added:
        sent.matches = sorted(sent.matches + added, key=lambda x: (x.i, -(x.j - x.i)))
        sent.blocked = None
        sent.spans_cache = None


def _acronym_titles(doc: Doc) -> None:
    """A post spelled out once with its acronym, "Chief of Army Staff (COAS)", is a title wherever
    the acronym stands alone later ("The COAS said"); an acronym of the body the post heads is
    no title."""
    toks = doc.toks
    defined: dict[str, Match] = {}
    for sent in doc.sentences:
        for m in sent.matches:
            if m.cat == "post" and m.j + 2 < sent.b and toks.norms[m.j] == "(" and toks.norms[m.j + 2] == ")":
                text = toks.texts[m.j + 1]
                if 2 <= len(text) <= 7 and text.isalpha() and text.isupper() and _spells(text, toks.norms[m.i:m.j]):
                    defined[text] = m
    if not defined:
        return
    for sent in doc.sentences:
        added = []
        for k in range(sent.a, sent.b):
            m = defined.get(toks.texts[k])
            if m is None or (k > sent.a and toks.norms[k - 1] == "("):
                continue
            if any(x.i <= k < x.j and x.cat in _TITLE_CATS for x in sent.matches):
                continue
            added.append(Match(k, k + 1, "post", m.key, toks.norms[k]))
        _add_matches(sent, added)


def _spells(acronym: str, words: list[str]) -> bool:
    """The acronym is made of the words' initials, in order, from the first ("COAS" of "Chief of
    Army Staff"; not "PNGDF" of "Commander of the Papua New Guinea Defence Force", which names
    the force)."""
    initials = [w[0] for w in words if w[:1].isalpha()]
    letters = acronym.lower()
    if not initials or letters[0] != initials[0]:
        return False
    k = 0
    for c in initials:
        if k < len(letters) and c == letters[k]:
            k += 1
    return k == len(letters)


def _unit_heads(doc: Doc, res: Resources) -> None:
    """"head of the Brazilian Army's logistics command", "chief of the Northern Fleet": the head
    (or chief) of a body ending in a unit word of ``military_units.tsv`` commands it -- a
    Commander post spanning the whole phrase, so that a country named inside it ("Brazilian")
    is the post's country. A "chief of staff of" such a unit is not its head."""
    if not res.military_units:
        return
    norms = doc.toks.norms
    longest = max(len(u) for u in res.military_units)
    heads = res.folded_words("unit_head_words")
    for sent in doc.sentences:
        added = []
        for k in range(sent.a, sent.b - 2):
            if norms[k] not in heads or norms[k + 1] != "of":
                continue
            if any(m.cat == "post" and m.i <= k < m.j and m.j > k + 1 for m in sent.matches):
                continue   # "Chief of General Staff", "head of the navy": the lexicon's own post
            end = _unit_end(doc, res, sent, k + 2, longest)
            if end is not None and any(res.grammar.get(norms[x]) == "premod" for x in range(k + 2, end)):
                continue   # "the commander of the visiting fleet": a unit from elsewhere, country unknown
            if end is not None:
                added.append(Match(k, end, "post", "Commander", " ".join(norms[k:end])))
        _add_matches(sent, added)


def _unit_end(doc: Doc, res: Resources, sent: Sentence, k: int, longest: int) -> Optional[int]:
    """One past the unit word that closes a short noun phrase starting at token k, else None."""
    norms, texts = doc.toks.norms, doc.toks.texts
    for x in range(k, min(sent.b, k + _MAX_UNIT_WORDS + 1)):
        for n in range(longest, 0, -1):
            if x + n <= sent.b and tuple(norms[x:x + n]) in res.military_units:
                return x + n
        if not (texts[x].isalnum() or norms[x] in ("'", "’", "-")) or norms[x] in ("staff", "of", "and"):
            return None
    return None


def _country_inside_titles(doc: Doc, res: Resources) -> None:
    """A post label with a country inside it, whatever the country's length: "Commander of the
    Republic of Fiji Military Forces" reads as "commander of the military forces" (ChiefOfDefence)
    around "Republic of Fiji". The gazetteer only lets a one-word country sit inside a label."""
    norms = doc.toks.norms
    for sent in doc.sentences:
        added = []
        for r in sent.refs:
            if r.how not in ("country", "adjective") or r.j - r.i < 2:
                continue
            afters = [(end, tuple(n for n in norms[r.j:end] if n not in (".", "-")))   # longest first
                      for end in range(min(sent.b, r.j + res.post_label_words), r.j, -1)]
            for start in range(max(sent.a, r.i - res.post_label_words), r.i):
                before = tuple(n for n in norms[start:r.i] if n not in (".", "-"))
                if not before or before[-1] not in ("of", "the"):
                    continue
                for end, after in afters:
                    post = res.post_labels.get(before + after)
                    if post is not None and not _inside_longer_post(sent, start, end):
                        added.append(Match(start, end, "post", post, " ".join(before + after)))
                        break
                else:
                    continue
                break
        _add_matches(sent, added)


_MAX_PORTFOLIO_WORDS = 3


def _coordinated_portfolios(doc: Doc, res: Resources) -> None:
    """A post's head after two portfolios in capitals, "Defence and National Service Minister X",
    "Defence and Veterans' Affairs Minister": the first portfolio with the head is a post label
    ("defence minister"), so the whole phrase is that post. The second portfolio is one to three
    capitalised words; "the defence and foreign ministers" (plural, lower case) is left alone."""
    toks, norms = doc.toks, doc.toks.norms
    for sent in doc.sentences:
        added = []
        for m in sent.matches:
            if m.cat != "posthead" or m.j - m.i != 1 or not toks.texts[m.i][:1].isupper():
                continue
            if any(x.cat == "post" and x.i < m.i < x.j + 1 and x.j >= m.j for x in sent.matches):
                continue   # the head closes a longer label the lexicon knows
            x = m.i
            while x - 1 > sent.a and m.i - x < _MAX_PORTFOLIO_WORDS and toks.texts[x - 1][:1].isupper() \
                    and (toks.texts[x - 1].isalpha() or norms[x - 1] == "'"):
                x -= 1
            if x == m.i or x - 1 <= sent.a or norms[x - 1] not in ("and", "&"):
                continue
            for n in range(1, _MAX_PORTFOLIO_WORDS + 1):
                start = x - 1 - n
                if start < sent.a or not all(toks.texts[t][:1].isupper() for t in range(start, x - 1)):
                    break
                post = res.post_labels.get(tuple(norms[start:x - 1]) + (norms[m.i],))
                if post is not None:
                    added.append(Match(start, m.j, "post", post, " ".join(norms[start:m.j])))
                    break
        _add_matches(sent, added)


def _inside_longer_post(sent: Sentence, start: int, end: int) -> bool:
    return any(m.cat == "post" and m.i <= start and end <= m.j and (m.i, m.j) != (start, end)
               for m in sent.matches)
