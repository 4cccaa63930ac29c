"""Agreements: known ones from the lexicon, named ones by their shape (a capitalised name
holding an agreement kind: "the Shusha Declaration on Allied Relations", "Treaty of Kars"),
described ones ("an agreement on military education", "a memorandum of alliance": an entity
when the sentence gives its date or parties) and later definite mentions ("the declaration")
that link to the most recent agreement of that kind.
"""
from __future__ import annotations

from typing import Optional

from kg.extract.countries import countries_in, focus_pair
from kg.extract.document import PLAN_CUES, Doc, Ref, Sentence
from kg.extract.gazetteer import Match
from kg.extract.resources import Resources
from kg.extract.text import fold, term_key
from kg.iris import agreement_iri

_NAME_CONNECT = frozenset({"on", "of", "and", "for", "between", "the", "in", "-", "&", "to", "towards", "toward"})
_COMPLEMENT = frozenset({"on", "of", "for", "in"})
_MAX_COMPLEMENT = 5


def find_agreements(doc: Doc, res: Resources) -> None:
    for sent in doc.sentences:
        for ref in sent.refs:
            ent = doc.entities[ref.entity]
            if ent.type == "Agreement" and ent.known:
                ent.alliance = ent.alliance or _is_alliance(res, ent.name, res.named[ent.id].aliases)
        for m in sent.by_cat("kind"):
            if any(r.i <= m.i < r.j for r in sent.refs) or _venue(doc, res, sent, m):
                continue
            if doc.toks.texts[m.i][:1].isupper() and not _capitals_line(doc, sent) and _named(doc, res, sent, m):
                continue
            if not _described(doc, res, sent, m):
                _definite(doc, res, sent, m)


def _venue(doc: Doc, res: Resources, sent: Sentence, m: Match) -> bool:
    """"the Kigali Convention Centre", "the Treaty Room": a capitalised kind word followed by
    capitalised words the last of which is a venue word (``venue_words.tsv``) names a building."""
    texts, norms = doc.toks.texts, doc.toks.norms
    if not texts[m.i][:1].isupper():
        return False
    venues = res.folded_words("venue_words")
    k = m.j
    while k < sent.b and texts[k][:1].isupper():
        k += 1
    return k > m.j and fold(norms[k - 1]) in venues


def _capitals_line(doc: Doc, sent: Sentence) -> bool:
    """A headline in capitals ("PROTOCOL ON MILITARY EDUCATION SIGNED IN LUANDA") capitalises
    every word: its capitals make no name."""
    letters = [c for c in doc.body[sent.start:sent.end] if c.isalpha()]
    return len(letters) > 12 and all(c.isupper() for c in letters)


def _is_alliance(res: Resources, *texts) -> bool:
    cues = {k for k, v in res.lexicon.cues.get("relation_cues", {}).items() if v == "alliedWith"}
    words = set()
    for text in texts:
        for t in (text if isinstance(text, tuple) else (text,)):
            words.update(term_key(t))
    return bool(words & cues)


def _named(doc: Doc, res: Resources, sent: Sentence, m: Match) -> bool:
    toks = doc.toks

    def capital(k: int) -> bool:
        return toks.texts[k][:1].isupper() or toks.texts[k].isdigit()

    def person_at(k: int) -> bool:
        return any(r.i <= k < r.j and doc.entities[r.entity].type == "Person" for r in sent.refs)

    start = m.i
    while start - 1 >= sent.a:
        if capital(start - 1) and not person_at(start - 1):
            start -= 1
        elif toks.norms[start - 1] in ("of", "on", "for", "and") and start - 2 >= sent.a and capital(start - 2) \
                and not person_at(start - 2) and start - 2 != sent.a:
            start -= 1
        elif toks.norms[start - 1] == "-" and start - 2 >= sent.a and capital(start - 2) and not person_at(start - 2) \
                and toks.ends[start - 2] == toks.starts[start - 1] and toks.ends[start - 1] == toks.starts[start]:
            start -= 1   # "the Japan-US Security Treaty"
        else:
            break
    end = m.j
    while end < sent.b:
        if capital(end):
            end += 1
        elif toks.norms[end] in _NAME_CONNECT and end + 1 < sent.b and capital(end + 1) and toks.norms[end] != "the" \
                and not (toks.norms[end] in ("in", "between", "of") and _located(doc, res, sent, end + 1)) \
                and not (toks.norms[end] == "on" and toks.norms[end + 1] in res.calendar_words):
            end += 1   # but "... in Hanoi", "... in June", "... on Tuesday" are no part of the name
        elif toks.norms[end] == "the" and end + 1 < sent.b and capital(end + 1) and end > m.j:
            end += 1
        elif toks.norms[end] in ("in", "of", "on") and end + 2 < sent.b and toks.norms[end + 1] == "the" \
                and capital(end + 2) and end > m.j and not _located(doc, res, sent, end + 2):
            end += 2   # "Agreement on Cooperation in the Military Field", "Treaty on the Non-Proliferation ..."
        else:
            break
    year = None
    while start < m.i and (res.grammar.get(toks.norms[start]) or toks.norms[start] in res.calendar_words
                           or toks.norms[start].isdigit() and (start == sent.a or _year(toks.norms[start]))):
        if _year(toks.norms[start]):
            year = toks.norms[start]   # "the 1951 ANZUS Treaty": the treaty of 1951
        start += 1
    while start < m.i and toks.norms[start] == "-":
        start += 1
    if end - start < 2 or (start == sent.a and end - start == 2 and m.i == start):
        return False
    if end + 1 < sent.b and toks.norms[end] in ("of", "in") and _year(toks.norms[end + 1]):
        year = year or toks.norms[end + 1]   # "the Treaty of Friendship of 1923"
    name = " ".join(doc.span_text(start, end).split())
    iri = agreement_iri(name)
    ent = doc.entity(iri, "Agreement", name, sent.index, kind=m.key)
    ent.date = ent.date or year
    ent.alliance = ent.alliance or _is_alliance(res, name)
    doc.unref(sent, start, end, ("capital",))   # "the Manila Pact" names no government
    ent.parties = ent.parties or _between(doc, sent, end) or _named_parties(doc, sent, start, end)
    doc.mention(iri, start, end)
    sent.refs.append(Ref(start, end, iri, "name"))
    return True


def _year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and "1800" <= word <= "2099"


def _located(doc: Doc, res: Resources, sent: Sentence, k: int) -> bool:
    """A place, country, capital or calendar word starts at token k."""
    if doc.toks.norms[k] in res.calendar_words or (doc.toks.norms[k].isdigit() and len(doc.toks.norms[k]) == 4):
        return True   # "... in June", "... in 2010" are no part of the name
    return any(r.i == k and doc.entities[r.entity].type in ("Place", "Country") for r in sent.refs)


def _described(doc: Doc, res: Resources, sent: Sentence, m: Match) -> bool:
    """"an agreement (signed between A and B) on X": an entity when date or parties are given."""
    norms, texts = doc.toks.norms, doc.toks.texts
    k = m.i - 1   # "a ten-year roadmap", "a military financial cooperation agreement", "an implementing arrangement"
    while k > sent.a and m.i - k <= 6 and norms[k] not in ("a", "an") \
            and (res.grammar.get(norms[k]) is None or _hyphenated(doc, k)) \
            and (norms[k] == "-" or (texts[k].isalnum() and texts[k].islower())):
        k -= 1   # "a government-to-government memorandum": a function word inside a hyphenated compound
    if k >= sent.a and norms[k] == "the" and m.i > sent.a:
        if not _first_definite(doc, res, sent, m, k):
            return False
    elif not (k >= sent.a and norms[k] in ("a", "an") and m.i > sent.a):
        return False
    if _planned(doc, sent, m):
        return True   # "is due in Zagreb on Monday to sign a memorandum": no document yet
    complement = _complement(doc, res, sent, m.j)
    dates = sent.dates
    parties = countries_in(doc, sent)
    for g in sent.by_cat("cue:group_refs"):
        if g.key == "countries" and not parties:
            parties = focus_pair(doc, sent.index, g.i)
    parties = keep_parties(doc, res, sent, parties)
    signed = any(x.key == "AgreementSigning" and x.i < m.i for x in sent.by_cat("event"))
    if not dates and len(parties) < 2 and not signed:
        return False
    date = _nearest_date(doc, sent, m.i)
    kind = res.kinds.get(m.key)
    label = kind.label if kind else m.key.lower()
    name = label + (" " + complement if complement else "")
    if not complement and any(norms[t] in _COMPLEMENT for t in range(m.i + 1, m.j)):
        name = " ".join(doc.span_text(m.i, m.j).split())   # "plan of military cooperation"
    iri = agreement_iri(kind=m.key, date=date, parties=parties)
    ent = doc.entity(iri, "Agreement", name, sent.index, kind=m.key, date=date)
    ent.described = True
    ent.parties = ent.parties or list(parties)
    ent.alliance = ent.alliance or _is_alliance(res, name)
    doc.mention(iri, m.i, m.j)
    sent.refs.append(Ref(m.i, m.j, iri, "described"))
    return True


def company_nationals(doc: Doc, res: Resources, sent: Sentence) -> set[str]:
    """Countries a sentence names only as a company's nationality ("with South Korean shipbuilder
    Daehan", "a French defence firm", "Harare-based Agrisure"): a company's country is no party to
    what the company signs."""
    words = res.lexicon.cues.get("company_words", {})
    norms, texts = doc.toks.norms, doc.toks.texts
    nationals, others = set(), set()
    for r in sent.refs:
        if doc.entities[r.entity].type != "Country":
            continue
        k = r.j
        while k < sent.b and k - r.j < 3 and norms[k] not in words and texts[k].isalpha() and texts[k].islower():
            k += 1   # "a French defence firm"
        based = norms[r.j:r.j + 2] == ["-", "based"]   # "a Harare-based seed company", "Paris-based"
        owner = _owns_company(doc, res, sent, r.j)   # "Japan's Kanemura Trading"
        (nationals if based or owner or r.how == "adjective" and k < sent.b and norms[k] in words
         else others).add(r.entity)
    return nationals - others


def _owns_company(doc: Doc, res: Resources, sent: Sentence, j: int) -> bool:
    """A possessive "'s" at token j followed right away by an organisation found by its head word
    ("Kanemura Trading", "Daehan Shipbuilding"), not one of the reference organisations (NATO,
    ASEAN): the country before it is the company's nationality."""
    norms = doc.toks.norms
    if j >= sent.b or norms[j] not in ("'", "\u2019"):
        return False
    at = j + 2 if j + 1 < sent.b and norms[j + 1] == "s" else j + 1   # "Japan's", "the Philippines'"
    return any(r.i == at and doc.entities[r.entity].type == "Organization" and r.entity not in res.named
               for r in sent.refs)


def setting_countries(doc: Doc, res: Resources, sent: Sentence) -> set[str]:
    """Countries a sentence names only as the setting or subject of an activity, after a common
    noun and a preposition ("peacekeeping in the eastern Democratic Republic of Congo", "talks on
    Sudan"): no party to the agreement or cooperation the sentence reports. After a verb ("signed
    in Malawi", "arrived in Lilongwe") or a document ("the memorandum in Dodoma") the country may
    be a party, and is kept."""
    preps = res.lexicon.cues.get("setting_words", {})
    norms, texts = doc.toks.norms, doc.toks.texts
    busy = [(x.i, x.j) for x in (*sent.by_cat("event"), *sent.by_cat("kind"))]
    setting, others = set(), set()
    for r in sent.refs:
        if doc.entities[r.entity].type != "Country":
            continue
        k = r.i - 1
        while k > sent.a and r.i - k <= 3 and norms[k] not in preps and (
                res.grammar.get(norms[k]) == "det" or texts[k].isalpha() and texts[k].islower()):
            k -= 1   # "in the eastern ..."
        noun = k - 1
        is_setting = k > sent.a and norms[k] in preps and texts[noun].isalpha() and texts[noun].islower() \
            and res.grammar.get(norms[noun]) is None and not norms[noun].endswith("ed") \
            and not any(i <= noun < j for i, j in busy)
        (setting if is_setting else others).add(r.entity)
    return setting - others


def keep_parties(doc: Doc, res: Resources, sent: Sentence, countries: list[str]) -> list[str]:
    """The countries of a sentence that may be parties to what it reports signed or agreed: not
    a company's country; not a setting ("peacekeeping in Somalia") while two others remain (a
    setting can still be the only partner named: "our partnership, training in Brunei")."""
    nationals = company_nationals(doc, res, sent)
    countries = [c for c in countries if c not in nationals]
    setting = setting_countries(doc, res, sent)
    rest = [c for c in countries if c not in setting]
    return rest if len(rest) >= 2 else countries


def _hyphenated(doc: Doc, k: int) -> bool:
    """Token k is joined by hyphens on both sides, with no space ("state-to-state")."""
    toks = doc.toks
    return 0 < k < len(toks.norms) - 1 and toks.norms[k - 1] == "-" and toks.norms[k + 1] == "-" \
        and toks.ends[k - 1] == toks.starts[k] and toks.ends[k] == toks.starts[k + 1]


def _first_definite(doc: Doc, res: Resources, sent: Sentence, m: Match, det: int) -> bool:
    """"the two ministers signed the plan on defence cooperation for 2027": a definite kind right
    after a signing verb, with what it is about, and no earlier agreement of that kind in the article
    for "the" to point back to, is a first mention (state-media style), not an anaphor."""
    norms = doc.toks.norms
    if not _complement(doc, res, sent, m.j) and not any(norms[t] in _COMPLEMENT for t in range(m.i + 1, m.j)):
        return False   # the kind's own label may hold what it is about ("plan of military cooperation")
    if not any(x.key == "AgreementSigning" and 0 <= det - x.j <= 1 for x in sent.by_cat("event")):
        return False
    return not any(e.type == "Agreement" and e.kind == m.key for e in doc.entities.values())


def _planned(doc: Doc, sent: Sentence, m: Match) -> bool:
    """The signing nearest before the kind is a plan, a wish or a condition ("to sign", "would
    sign", "will sign", "expected to sign"), or the kind is the subject of a planned passive
    signing ("a memorandum ... could be signed"): the document does not exist yet."""
    later = min((x for x in sent.by_cat("event") if x.key == "AgreementSigning" and x.i >= m.j),
                key=lambda x: x.i, default=None)
    if later is not None and later.i - m.j <= 12 and not any(doc.toks.norms[t] in (",", ";", ":")
                                                             for t in range(m.j, later.i)) and any(
            c.key in PLAN_CUES and c.term != "to" and m.j <= c.i < later.i for c in sent.by_cat("cue:modality")) \
            and doc.toks.norms[later.i - 1] == "be":
        return True   # "a memorandum on the subject could be signed later this year"
    signing = max((x for x in sent.by_cat("event") if x.key == "AgreementSigning" and x.j <= m.i),
                  key=lambda x: x.i, default=None)
    if signing is None or m.i - signing.j > 6:
        return False
    return any(c.key in PLAN_CUES and signing.i - 3 <= c.i < signing.i for c in sent.by_cat("cue:modality"))


def _complement(doc: Doc, res: Resources, sent: Sentence, j: int) -> str:
    """"on military education and weapon equipment": the first on/of/for phrase after the kind,
    within the clause, of at most a few words."""
    norms = doc.toks.norms
    k = j
    while k < min(sent.b, j + 10) and norms[k] not in _COMPLEMENT and norms[k] not in (",", ";", ":", "that", "which"):
        k += 1
    if k >= sent.b or norms[k] not in _COMPLEMENT:
        return ""
    if k + 1 < sent.b and (norms[k + 1] in res.calendar_words or norms[k + 1].isdigit()):
        return ""   # "signed a memorandum on Monday", "on 12 May": a date, not what it is about
    start = k
    end = k + 1
    while end < sent.b and end - start <= _MAX_COMPLEMENT and norms[end] not in (",", ";", ":", ".", "that", "which", "to", "by") \
            and not (norms[end] in ("in", "at", "during") and end + 1 < sent.b and _located(doc, res, sent, end + 1)) \
            and not (norms[end] == "at" and _capital_after(doc, sent, end + 1)) \
            and res.grammar.get(norms[end]) != "aux":   # "a memorandum on X was signed": the verb follows
        end += 1   # "on logistics support in Hanoi", "at the Kigali Convention Centre": where it was signed
    while end > start + 1 and (res.grammar.get(norms[end - 1]) or norms[end - 1] in ("and", "or")):
        end -= 1
    return " ".join(doc.span_text(start, end).split()) if end > start + 1 else ""


def _capital_after(doc: Doc, sent: Sentence, k: int) -> bool:
    """A capitalised word at k, or after "the" at k."""
    texts = doc.toks.texts
    if k < sent.b and doc.toks.norms[k] == "the":
        k += 1
    return k < sent.b and texts[k][:1].isupper()


def _definite(doc: Doc, res: Resources, sent: Sentence, m: Match) -> None:
    """"the declaration": the most recent agreement of that kind in the article."""
    norms = doc.toks.norms
    if not (m.i > sent.a and norms[m.i - 1] in ("the", "this", "that")):
        return
    best: Optional[str] = None
    for index in range(sent.index, -1, -1):   # the nearest sentence back that has one; its last one
        earlier = doc.sentences[index]
        for r in earlier.refs:
            ent = doc.entities[r.entity]
            if ent.type == "Agreement" and ent.kind == m.key and (earlier.index < sent.index or r.i < m.i):
                best = ent.id
        if best:
            break
    if best:
        sent.refs.append(Ref(m.i, m.j, best, "definite"))
        ent = doc.entities[best]
        if ent.date is None and any(x.key == "AgreementSigning" and x.i > m.i for x in sent.by_cat("event")):
            ent.date = _nearest_date(doc, sent, m.i)   # "The contract was signed in Lima on 28 May"


def finalize_agreements(doc: Doc) -> None:
    """Re-mint described agreements from the date and parties the whole article gave them
    (the model's IRI for an unnamed agreement: date, parties, kind)."""
    renames: dict[str, str] = {}
    used = {e.agreement for e in doc.events}
    for ent in list(doc.entities.values()):
        if ent.type != "Agreement" or not ent.described:
            continue
        parties = sorted({r.s for r in doc.relations if r.p == "partyTo" and r.o == ent.id} | set(ent.parties))
        finer = [e.date for e in doc.events if e.agreement == ent.id and e.date and ent.date
                 and len(e.date) > len(ent.date) and e.date.startswith(ent.date)]
        if finer:   # "in August you signed an agreement" ... "which I signed on August 14"
            ent.date = max(finer, key=len)
        if not parties and ent.id not in used:
            _drop(doc, ent.id)   # "expected to sign an agreement"; companies' "signed an agreement last week": no parties, no signing event
            continue
        new = agreement_iri(kind=ent.kind or "Agreement", date=ent.date, parties=parties)
        if new != ent.id and new not in doc.entities:
            renames[ent.id] = new
    if not renames:
        return
    for old, new in renames.items():
        ent = doc.entities.pop(old)
        ent.id = new
        doc.entities[new] = ent
    for sent in doc.sentences:
        for r in sent.refs:
            r.entity = renames.get(r.entity, r.entity)
    for e in doc.events:
        e.agreement = renames.get(e.agreement, e.agreement) if e.agreement else None
    for r in doc.relations:
        r.s, r.o = renames.get(r.s, r.s), renames.get(r.o, r.o)
        r.via = renames.get(r.via, r.via) if r.via else None


def _drop(doc: Doc, iri: str) -> None:
    del doc.entities[iri]
    for sent in doc.sentences:
        sent.refs = [r for r in sent.refs if r.entity != iri]


def _between(doc: Doc, sent: Sentence, k: int) -> list[str]:
    """"... between A and B", "between A, B and C" right after an agreement's name (its year
    between: "signed in 1947 between"): its parties, the countries of the list."""
    norms = doc.toks.norms
    if k + 1 < sent.b and norms[k] in ("of", "in") and _year(norms[k + 1]):
        k += 2
    if k < sent.b and norms[k] == "between":
        return _country_list(doc, sent, k + 1)
    return []


def _country_list(doc: Doc, sent: Sentence, k: int) -> list[str]:
    """The countries coordinated from token k on ("Nepal, India and the United Kingdom")."""
    norms = doc.toks.norms
    at = {r.i: r for r in sent.refs if doc.entities[r.entity].type == "Country"}
    out: list[str] = []
    while k < sent.b:
        while k < sent.b and norms[k] in ("the", ",", "and", "&"):
            k += 1
        r = at.get(k)
        if r is None:
            break
        out.append(r.entity)
        k = r.j
        if not (k < sent.b and norms[k] in (",", "and", "&")):
            break
    return list(dict.fromkeys(out))


def _named_parties(doc: Doc, sent: Sentence, start: int, end: int) -> list[str]:
    """Parties a name or its frame gives: a hyphenated pair of countries inside the name ("the
    Nepal-Britain Treaty", "the Japan-US Security Treaty"), or "A's <name> with B"."""
    norms = doc.toks.norms
    refs = sorted((r for r in sent.refs if doc.entities[r.entity].type == "Country"), key=lambda r: r.i)
    for a, b in zip(refs, refs[1:]):
        if start <= a.i and b.j <= end and b.i == a.j + 1 and norms[a.j] == "-":
            return [a.entity, b.entity]
    owner = next((r for r in refs if norms[r.j:start] in (["'s"], ["'"], ["'", "s"], ["’", "s"], ["’"])), None)
    if owner is not None and end < sent.b and norms[end] == "with":
        partners = _country_list(doc, sent, end + 1)
        if partners:
            return list(dict.fromkeys([owner.entity, *partners]))
    return []


def _nearest_date(doc: Doc, sent: Sentence, k: int) -> Optional[str]:
    dates = [d for d in sent.dates if not d.onset]   # "cooperating since 2015" dates no agreement
    if not dates:
        return None
    pos = doc.toks.starts[k]
    return min(dates, key=lambda d: (abs(d.start - pos), d.start)).value
