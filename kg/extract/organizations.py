"""Organisations the lexicon does not list, found by the shape of their names, and the
acronyms an article gives them.

- A run of capitalised words ending in an organisation's head word ("Anadolu Agency",
  "Melanesian Spearhead Group"), with its of/for/on complement ("International Institute for
  Strategic Studies", "Union of South American Nations"). Head words and what they need are
  data (``org_heads.tsv``): a generic head ("Group", "Community", "System") needs two
  capitalised words before it or a complement, so "the International Community" names nothing.
- A name ending in a state body's head ("General Headquarters", "SAFTI Military Institute") is
  no organisation (the guidelines count state bodies as their country), nor is one opening
  with a bilateral word ("Joint Permanent Commission": a mechanism of two states), a unit or a
  piece of equipment ("Carrier Strike Group", "Air Defence System"), or a post's words
  ("Chairman Joint Chiefs of Staff Committee").
- An acronym stands for an organisation when the article defines it ("the Pacific Islands
  Forum (PIF)") or spells the initials of one it named in full before; news repeats such
  acronyms, and many (RSS, PIF, CSC) name other things too, so they are only read this way
  in an article that earned them.
"""
from __future__ import annotations

from kg.extract.document import Doc, Ref, Sentence
from kg.extract.resources import Resources
from kg.iris import organization_iri

_COMPLEMENT = frozenset({"of", "for", "on"})
_INNER = frozenset({"and", "of", "the", "-", "&"})
_NOT_INITIALS = frozenset({"of", "for", "on", "and", "the", "&", "-", "in"})
_ORGANIZATION = "Organization"
_GENERIC = "Organization 2"       # needs two capitalised words before it, or a complement
_NOT_NAMES = frozenset({"country", "none"})
_BILATERAL = "bilateral"


def find_organizations(doc: Doc, res: Resources) -> None:
    """New organisations by their head words, then the acronyms the article gives them."""
    for sent in doc.sentences:
        _by_head_word(doc, res, sent)
    _acronyms(doc)


def _cap_word(doc: Doc, k: int) -> bool:
    text = doc.toks.texts[k]
    return text[:1].isupper() and text[:1].isalpha()


def _head_at(doc: Doc, res: Resources, sent: Sentence, k: int) -> str | None:
    """The value of the longest head word ending at token k ("missile system" before "system")."""
    norms = doc.toks.norms
    for length in range(min(res.org_head_words, k - sent.a + 1), 0, -1):
        value = res.org_heads.get(" ".join(norms[k - length + 1:k + 1]))
        if value is not None:
            return value
    return None


def _by_head_word(doc: Doc, res: Resources, sent: Sentence) -> None:
    norms = doc.toks.norms
    in_post = {k for m in sent.matches if m.cat == "post" for k in range(m.i, m.j)}
    for k in range(sent.a, sent.b):
        if norms[k] not in res.org_heads or not _cap_word(doc, k) or sent.covered(k) or k in in_post:
            continue
        value = _head_at(doc, res, sent, k)
        if value not in (_ORGANIZATION, _GENERIC):
            continue
        start = k
        while start - 1 >= sent.a and _cap_word(doc, start - 1) and not sent.covered(start - 1) \
                and start - 1 not in in_post and res.grammar.get(norms[start - 1]) is None \
                and norms[start - 1] not in res.pronouns:
            start -= 1
        if start == sent.a and res.grammar.get(norms[start]):
            start += 1
        if res.org_heads.get(norms[start]) == _BILATERAL:
            continue   # "the Joint Permanent Commission on Defence": a mechanism of two states
        words_before = k - start
        if start < k:
            country = next((r for r in sent.ref_index().ends.get(start, ()) if r.how in ("adjective", "country")), None)
            if country is not None and country.j - country.i == 1 and len(sent.ref_index().tokens[country.i]) == 1:
                start = country.i   # "the Ethiopian Football Federation", "the Ukraine Defense Contact Group"
        end = _complement_end(doc, res, sent, k + 1, cities=value == _ORGANIZATION)
        if end == k + 1 and words_before < (2 if value == _GENERIC else 1):
            continue   # "Agency", "the International Community": no name
        city = value == _ORGANIZATION and end > k + 1 and any(
            r.how == "capital" or doc.entities[r.entity].type == "Place" for r in sent.ref_index().tokens.get(end - 1, ()))
        if end > k + 1 and words_before == 0 and not city and (
                norms[k + 1] != "of" or sum(_cap_word(doc, t) for t in range(k + 2, end)) < 2):
            continue   # "Council of Ministers", "the Committee on National Security": a state's own body
        doc.unref(sent, start, end, ("adjective", "capital"))   # "Organization of American States" names no American actor,
        # "University of Lisbon" no Portuguese government;
        # a country's name stays its reference ("US Africa Command" still says whose command)
        name = doc.span_text(start, end)
        iri = organization_iri(name)
        doc.entity(iri, "Organization", name, sent.index)
        doc.mention(iri, start, end)
        sent.refs.append(Ref(start, end, iri, "name"))


def _complement_end(doc: Doc, res: Resources, sent: Sentence, j: int, cities: bool = False) -> int:
    """One past the of/for/on complement that starts at token j ("for Strategic Studies",
    "of West African States"), else j. A country's name alone is no complement ("the Security
    Council of Armenia" is a state body's name) and stops it; a country adjective belongs to it
    when a capitalised word follows ("of American States"). With ``cities`` (a head such as
    "University" that one word can name), a city is a complement: "University of Lisbon",
    "University of São Paulo"."""
    norms = doc.toks.norms
    if j + 1 >= sent.b or norms[j] not in _COMPLEMENT:
        return j
    k = j + 1
    if norms[k] == "the":
        k += 1
    end = j
    own_words = 0
    while k < sent.b:
        refs = sent.ref_index().tokens.get(k, ())
        if refs and cities and norms[j] == "of" and k <= j + 2 and all(
                r.how == "capital" or doc.entities[r.entity].type == "Place" for r in refs):
            last = max(r.j for r in refs)
            if last >= sent.b or not _cap_word(doc, last):
                own_words += 1
                k = end = last
                continue
        if refs:
            adjective = next((r for r in refs if r.how == "adjective"), None)
            if adjective is None or len(refs) > 1 or adjective.j >= sent.b or not _cap_word(doc, adjective.j) \
                    or sent.covered(adjective.j):
                break
            k = adjective.j
            continue
        if _cap_word(doc, k) and res.org_heads.get(norms[k]) == "country":
            return j   # "Headquarters of the Ministry of Defence": the ministry's, a state body
        if _cap_word(doc, k) and norms[k] not in res.calendar_words:
            own_words += 1
            k += 1
            end = k
            continue
        if norms[k] in _INNER and k + 1 < sent.b and _cap_word(doc, k + 1) and k > j + 1:
            k += 1
            continue
        break
    return end if own_words else j


# -- acronyms ---------------------------------------------------------------------------

def _acronym_token(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 8 and all(c.isupper() for c in letters) and text[:1].isalpha()


def spells(acronym: str, name: str) -> bool:
    """The acronym's letters appear in order in the name, the first letters equal: "ECOWAS" in
    "Economic Community of West African States", "PIF" in "Pacific Islands Forum".

    >>> spells("ECOWAS", "Economic Community of West African States"), spells("UN", "African Union")
    (True, False)
    """
    letters = [c for c in acronym.lower() if c.isalpha()]
    words = [w for w in name.lower().replace("-", " ").split() if w]
    if not letters or not words or letters[0] != words[0][0]:
        return False
    text = " ".join(words)
    pos = 0
    for c in letters:
        pos = text.find(c, pos)
        if pos < 0:
            return False
        pos += 1
    return True


def initials(name: str) -> str:
    """The initials of a name's capitalised words: "Pacific Islands Forum" -> "PIF"."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _NOT_INITIALS]
    return "".join(w[0] for w in words if w[:1].isupper())


def _acronyms(doc: Doc) -> None:
    """Acronyms defined in parentheses after an organisation's name, and initials of the
    organisations named in full, each read as that organisation from where it was earned on."""
    toks = doc.toks
    known: dict[str, str] = {}
    for sent in doc.sentences:
        for k in range(sent.a, sent.b):
            text = toks.texts[k]
            if text in known and not sent.covered(k):
                doc.mention(known[text], k, k + 1)
                sent.refs.append(Ref(k, k + 1, known[text], "acronym"))
        for r in sorted(sent.refs, key=lambda r: r.i):
            ent = doc.entities.get(r.entity)
            if ent is None or ent.type != "Organization" or r.how != "name":
                continue
            k = r.j
            if k + 2 < sent.b and toks.norms[k] == "(" and toks.norms[k + 2] == ")" \
                    and _acronym_token(toks.texts[k + 1]) and spells(toks.texts[k + 1], ent.name) \
                    and not sent.covered(k + 1):
                known[toks.texts[k + 1]] = ent.id
                doc.mention(ent.id, k + 1, k + 2)
                sent.refs.append(Ref(k + 1, k + 2, ent.id, "acronym"))
            short = initials(ent.name)
            if len(short) >= 3 and r.j - r.i >= 3:
                known.setdefault(short, ent.id)
