"""Lasting ties: who signed an agreement and which countries are party to it; alliedWith
between the parties of an alliance agreement (via it, since its date); cooperatesWith
between two countries a sentence says cooperate (with the areas it names); memberOf
("NATO member Poland", "a member of the CSTO").
"""
from __future__ import annotations

from dataclasses import replace
from itertools import combinations

from kg.extract.agreements import keep_parties
from kg.extract.countries import countries_in, focus_pair
from kg.extract.coref import protagonist_pair
from kg.extract.document import Doc, Ref, Relation
from kg.extract.resources import Resources
from kg.extract.topics import topics_of


def find_relations(doc: Doc, res: Resources) -> None:
    _protagonist_groups(doc)
    _agreement_relations(doc, res)
    _background_parties(doc)
    _stated_relations(doc, res)
    doc.relations = _merge(doc.relations)


def _protagonist_groups(doc: Doc) -> None:
    """"The two countries" stand for the story's protagonists (the countries of its latest
    meeting's people) rather than the last two countries named, when the story has them.
    (The events stage read the phrase before all events were known.)"""
    for sent in doc.sentences:
        for g in sent.by_cat("cue:group_refs"):
            if g.key != "countries":
                continue
            pair = protagonist_pair(doc, sent.index)
            old = [r for r in sent.refs if (r.i, r.j) == (g.i, g.j) and r.how == "group"]
            if len(pair) != 2 or not old or {r.entity for r in old} == set(pair):
                continue
            if any(iri not in doc.entities for iri in pair):
                continue   # a post's country the text never names: no entity to refer to
            doc.unref(sent, g.i, g.j, ("group",))
            for iri in pair:
                sent.refs.append(Ref(g.i, g.j, iri, "group"))


def _party_of(doc: Doc, iri: str) -> str | None:
    ent = doc.entities[iri]
    if ent.type == "Country":
        return iri
    if ent.type == "Person":
        roles = [r.country for r in ent.roles if r.country]
        return roles[0] if roles else ent.country
    return None


def _agreement_relations(doc: Doc, res: Resources) -> None:
    signings = [e for e in doc.events if e.type == "AgreementSigning" and e.agreement]
    people = _people_where_mentioned(doc, {e.agreement for e in signings})
    for event in doc.events:
        if event.type != "AgreementSigning" or not event.agreement:
            continue
        here = people[event.agreement]
        elsewhere = set().union(*(v for k, v in people.items() if k != event.agreement))
        agreement = doc.entities[event.agreement]
        if agreement.date is None and event.date:
            agreement.date = event.date
        parties: list[str] = []
        for p in event.participants:
            ent = doc.entities[p]
            if here and p not in here and p in elsewhere:
                continue   # a roundup's earlier item: its people signed their own document
            if ent.type == "Person":
                doc.relations.append(Relation(p, "signed", agreement.id, None, event.sentence, "signing:signatory",
                                              confidence=0.85))
            party = _party_of(doc, p)
            if party and party not in parties:
                parties.append(party)
        sent = doc.sentences[event.sentence]
        parties = keep_parties(doc, res, sent, parties)
        if not parties and not agreement.parties:
            named = keep_parties(doc, res, sent, countries_in(doc, sent))
            parties = named if len(named) == 2 else []   # "the chiefs of staff of A and B ... signed X"
        if agreement.described and len(parties) >= 2:
            agreement.parties = list(parties)   # the signatories' countries, not every country the sentence names
        for party in agreement.parties:
            if party not in parties:
                parties.append(party)
        for party in parties:
            doc.relations.append(Relation(party, "partyTo", agreement.id, None, event.sentence, "signing:party",
                                          confidence=0.8))
        if agreement.alliance:
            for a, b in combinations(sorted(parties), 2):
                doc.relations.append(Relation(a, "alliedWith", b, agreement.id, event.sentence,
                                              "signing:alliance", since=agreement.date, confidence=0.85))


def _people_where_mentioned(doc: Doc, agreements: set[str]) -> dict[str, set[str]]:
    """For each agreement, the people named in the paragraphs that mention it ("the two", "the
    minister" are no names). In a roundup each item has its own paragraph: someone named only
    with another signed document, in another paragraph, is no signatory of one whose paragraphs
    name people of their own. One pass over the article."""
    paragraphs: dict[str, set[int]] = {a: set() for a in agreements}
    named: dict[int, set[str]] = {}
    for s in doc.sentences:
        for r in s.refs:
            if r.entity in paragraphs:
                paragraphs[r.entity].add(s.paragraph)
            elif doc.entities[r.entity].type == "Person" and r.how not in ("group", "title"):
                named.setdefault(s.paragraph, set()).add(r.entity)
    return {a: set().union(*(named.get(p, set()) for p in ps)) for a, ps in paragraphs.items()}


def _background_parties(doc: Doc) -> None:
    """partyTo for a named agreement whose parties its mention gives ("the 1947 Tripartite Agreement
    between Nepal, India and the United Kingdom", "the Japan-US Security Treaty") though the
    article reports no signing of it: a treaty in the background still binds its parties."""
    signed = {e.agreement for e in doc.events if e.type == "AgreementSigning"}
    for ent in list(doc.entities.values()):
        if ent.type != "Agreement" or ent.described or ent.known or len(ent.parties) < 2 or ent.id in signed:
            continue
        sentence = next((s.index for s in doc.sentences[ent.first_sentence:]
                         if any(r.entity == ent.id for r in s.refs)
                         and set(ent.parties) <= {r.entity for r in s.refs}), ent.first_sentence)
        for party in ent.parties:
            doc.relations.append(Relation(party, "partyTo", ent.id, None, sentence, "name:parties", confidence=0.75))


def _stated_relations(doc: Doc, res: Resources) -> None:
    for sent in doc.sentences:
        cues = sent.by_cat("cue:relation_cues")
        if not cues:
            continue
        cues = [_lasting(c, cues) for c in cues]
        kinds = {c.key for c in cues if not (c.key == "cooperatesWith" and _names_a_thing(doc, sent, c))}
        if "cooperatesWith" in kinds:
            every = any(c.key == "all-parties" for c in cues)
            for a, b in _cooperating(doc, res, sent, [c for c in cues if c.key == "cooperatesWith"], every):
                doc.relations.append(Relation(a, "cooperatesWith", b, None, sent.index, "cue:cooperation",
                                              areas=topics_of(sent), confidence=0.7))
        if "memberOf" in kinds:
            _membership(doc, sent, cues, res.opening_quotes)
        if "alliedWith" in kinds:
            _alliance_members(doc, sent, cues)
            _allies_under(doc, sent, cues)


def _lasting(cue, cues):
    """A joint activity is a cooperation when a duration comes with it ("have trained together for
    more than a decade", "have long trained together", "since 2015"); once, on a day, it is a
    joint exercise and states no tie."""
    if cue.key != "lasting-cooperation":
        return cue
    if any(d.key == "duration" and cue.i - 3 <= d.i <= cue.j + 8 for d in cues):
        return replace(cue, key="cooperatesWith")
    return cue


def _names_a_thing(doc: Doc, sent, cue) -> bool:
    """A cooperation word that is part of a name ("Gulf Cooperation Council", "the Defence
    Cooperation Agreement") or of what an agreement is about ("a cooperation agreement", "a
    memorandum on defence cooperation") states no tie: signing such a document is not enough."""
    if any(r.i <= cue.i < r.j and doc.entities[r.entity].type in ("Organization", "Agreement")
           and r.how in ("name", "described") and r.j - r.i > 1 for r in sent.refs):
        return True
    norms = doc.toks.norms
    kinds = sent.by_cat("kind")
    if any(cue.j <= k.i <= cue.j + 1 or k.i <= cue.i < k.j for k in kinds):
        return True   # "cooperation agreement", "cooperation memorandum"
    for k in kinds:
        if k.j <= cue.i <= k.j + 6 and norms[k.j] in ("on", "of", "for", "in") and \
                not any(norms[t] in (",", ";", "and") and t < cue.i - 2 for t in range(k.j, cue.i)):
            return True   # "a memorandum on defence and security cooperation"
    return False


def _cooperating(doc: Doc, res: Resources, sent, cues, every: bool = False) -> list[tuple[str, str]]:
    """The pairs of countries a cooperation sentence is about: the two it names ("cooperation
    between A and B", "A-B cooperation"), all of a coordinated list ("Greece, Cyprus and Israel
    agreed to deepen cooperation"), or, when it names fewer than two, the countries of the people
    it names ("the two ministers agreed to deepen cooperation", "the minister ... partnership with
    Pakistan") -- also for "bilateral cooperation" whatever else it names. Two countries each introduced by its own "with" are two separate ties.
    With ``every`` (a "trilateral" cooperation, "the three countries"), each pair of the three or
    four countries the sentence names, however it names them ("the Chief of the Hellenic ..., the
    Commander of the Egyptian Navy and the Chief of the Cyprus National Guard ... the trilateral
    defence cooperation")."""
    countries = keep_parties(doc, res, sent, countries_in(doc, sent))
    norms = doc.toks.norms
    people = list(dict.fromkeys(p for p in (_party_of(doc, r.entity) for r in sent.refs
                                            if doc.entities[r.entity].type == "Person") if p))
    bilateral = any(_before_in_phrase(norms, sent, c.i, "bilateral", 7) for c in cues)
    if bilateral and len(people) == 2:
        return [tuple(sorted(people))]   # "the sides discussed bilateral military cooperation"
    if every and 3 <= len(countries) <= 4:
        return list(combinations(sorted(countries), 2))
    if len(countries) > 2:
        refs = sorted((r for r in sent.refs if doc.entities[r.entity].type == "Country"), key=lambda r: r.i)
        listed = max((_coordinated(doc, refs, r.i, "Country") for r in refs), key=len, default=[])
        if len(listed) < 3 or set(listed) != set(countries):
            return []
        return list(combinations(sorted(listed), 2))
    if len(countries) < 2:
        countries = list(dict.fromkeys(countries + people))
        if len(countries) != 2:
            return []
        return [tuple(sorted(countries))]
    withs = 0
    for r in sent.refs:
        if r.entity in countries and doc.entities[r.entity].type == "Country":
            k = r.i - 1
            while k > sent.a and norms[k] in ("the", "its", "their"):
                k -= 1
            if k >= sent.a and norms[k] == "with":
                withs += 1
    if withs >= 2:
        return []
    return [tuple(sorted(countries))]


def _before_in_phrase(norms: list[str], sent, i: int, word: str, window: int) -> bool:
    k = i - 1
    while k >= sent.a and i - k <= window and norms[k] not in (",", ";", ":", "."):
        if norms[k] == word:
            return True
        k -= 1
    return False


_COORD = frozenset({"and", ",", "&"})


def _coordinated(doc: Doc, refs: list, start: int, type_: str, forward: bool = True) -> list[str]:
    """Entities of one type coordinated from a token on ("France, Greece and Italy"), at most a
    determiner or "the" between them; ``forward`` False walks leftwards from ``start``."""
    norms = doc.toks.norms
    by_pos = {(r.i if forward else r.j): r for r in refs if doc.entities[r.entity].type == type_}
    out: list[str] = []
    k = start
    determiners = ("the", "its", "their", "of") if forward and type_ == "Organization" else ("the", "its", "their")
    while True:
        skip = 0
        while k + (skip if forward else -skip - 1) in range(len(norms)) and skip < 2 and \
                norms[k + skip if forward else k - skip - 1] in determiners:
            skip += 1   # "members of the EU and of NATO"
        pos = k + skip if forward else k - skip
        r = by_pos.get(pos)
        if r is None:
            break
        if r.entity not in out:
            out.append(r.entity)
        k = r.j if forward else r.i
        nxt = k if forward else k - 1
        if 0 <= nxt < len(norms) and norms[nxt] in _COORD:
            k = nxt + 1 if forward else nxt
            continue
        break
    return out


def _membership(doc: Doc, sent, cues, quotes=frozenset()) -> None:
    """memberOf from "NATO member Hungary", "NATO members France and Greece", "as (fellow) members
    of NATO and the EU" (the countries the clause is about), "a member of the CSTO", "Indonesia,
    which chairs ASEAN", "holds the presidency of X", "Chile and Peru are APEC members", "members
    of X and of Y", "members of X, alongside A and B", "A and B joined X"; an aspiration ("to
    join", "candidate") or a negation ("has not joined") says nothing."""
    norms = doc.toks.norms
    refs = sorted(sent.refs, key=lambda r: r.i)
    country_refs = [r for r in refs if doc.entities[r.entity].type == "Country"
                    and r.how in ("country", "adjective", "capital", "group")]
    aspiration = [c for c in cues if c.key == "aspiration"]
    for cue in (c for c in cues if c.key == "memberOf"):
        if any(cue.i - 5 <= a.i <= cue.j for a in aspiration) or _negated(norms, sent, cue.i):
            continue
        after = cue.j
        while after < sent.b and norms[after] in ("of", "the", "states", "state", "countries", "country", "nations"):
            after += 1
        orgs_after = _coordinated(doc, refs, after, "Organization") if after > cue.j or cue.term.endswith("of") \
            or not cue.term.startswith("member") else []
        orgs_before = _coordinated(doc, refs, cue.i, "Organization", forward=False)
        plural = cue.term.endswith("s") and cue.term.startswith("member")
        members: list[str] = []
        which = _of_which(doc, sent, refs, cue.i) if not orgs_before and not orgs_after else None
        if which is not None:   # "the SCO, of which both countries are founding members"
            org, start = which
            members = list(dict.fromkeys(r.entity for r in country_refs if start <= r.i and r.j <= cue.i))
            orgs = [org] if plural or len(members) == 1 else []
        elif orgs_before and not orgs_after:
            members = _coordinated(doc, refs, after, "Country")
            if not plural:
                members = members[:1]    # "NATO member Poland and South Korea"
            if not members:
                members = _apposed_country(doc, refs, cue.i)   # "Albania, a NATO member since 2009,"
            if not members:
                members = _subject_countries(doc, sent, country_refs, cue.i, plural)   # "A and B are NATO members"
            org_start = min(r.i for r in refs if r.j <= cue.i and r.entity in orgs_before)
            if not members and _as_opening(norms, sent, org_start, doc.toks.texts, quotes):
                members = _subject_after(doc, sent, refs, after, plural)   # "As fellow NATO members, A and B ..."
            if not members and plural:
                members = _pair_named_before(doc, sent, org_start)
            orgs = orgs_before
        elif orgs_after:
            orgs = orgs_after
            before = [r for r in country_refs if r.j <= cue.i]
            if plural:   # "members of": all the clause's countries
                members = list(dict.fromkeys(r.entity for r in before))
                members += [c for c in _alongside(doc, refs, _list_end(refs, after, orgs)) if c not in members]
                if not members and _as_opening(norms, sent, cue.i, doc.toks.texts, quotes):
                    members = _subject_after(doc, sent, refs, _list_end(refs, after, orgs), plural=True)
            elif before:
                members = list(reversed(_coordinated(doc, refs, before[-1].j, "Country", forward=False))) \
                    or [before[-1].entity]   # "Finland and Sweden joined NATO"
            elif _as_opening(norms, sent, cue.i, doc.toks.texts, quotes):
                members = _subject_after(doc, sent, refs, _list_end(refs, after, orgs))
        else:
            continue
        for country in members:
            for org in orgs:
                doc.relations.append(Relation(country, "memberOf", org, None, sent.index, "cue:member",
                                              confidence=0.7))


def _of_which(doc: Doc, sent, refs, cue_i: int):
    """(organisation, first token of the clause) for a membership in a relative clause on an
    organisation: "the Shanghai Cooperation Organisation, of which both countries are founding
    members"; None when the clause does not open that way within a few words before the cue."""
    norms = doc.toks.norms
    for k in range(cue_i - 1, max(sent.a + 1, cue_i - 8), -1):
        if norms[k] != "which" or norms[k - 1] != "of":
            continue
        end = k - 2 if k - 2 >= sent.a and norms[k - 2] == "," else k - 1
        org = next((r for r in refs if r.j == end and doc.entities[r.entity].type == "Organization"), None)
        return (org.entity, k + 1) if org is not None else None
    return None


_NEGATION = frozenset({"not", "never", "yet", "n't"})
_COPULA = frozenset({"are", "is", "was", "were", "been", "remain", "remains", "became", "become", "as"})
_BEFORE_ORG = frozenset({"a", "an", "the", "fellow", "full", "founding", "both", "all", "two", "its", "their",
                         "now", "also", "already", "still"})   # "are now all NATO allies"
_ALONGSIDE = (("alongside",), ("along", "with"), ("together", "with"), ("as", "are"), ("like",))


def _as_opening(norms: list[str], sent, i: int, texts=(), quotes=frozenset()) -> bool:
    """"As a member state of the EU, Ireland ...": the membership opens the sentence, a clause or
    a quotation ('He said, "As members of X, A and B ...')."""
    k = i - 1
    while k >= sent.a and norms[k] in ("a", "an", "fellow", "full", "founding", "longstanding", "long-standing"):
        k -= 1
    return k >= sent.a and norms[k] == "as" and (k == sent.a or norms[k - 1] in (",", ";", ":", "and", "but")
                                                or texts[k - 1] in quotes)


def _subject_after(doc: Doc, sent, refs, k: int, plural: bool = False) -> list[str]:
    """The country that is the subject right after an opening phrase and its comma ("..., Ireland
    has"; "..., the Polish army"), or with ``plural`` the coordinated countries there ("..., Chile
    and Peru have"): none if anything else comes first."""
    norms = doc.toks.norms
    if k >= sent.b or norms[k] != ",":
        return []
    k += 1
    while k < sent.b and norms[k] in ("the", "its", "our"):
        k += 1
    if plural:
        return _coordinated(doc, refs, k, "Country")
    return [r.entity for r in refs if r.i == k and doc.entities[r.entity].type == "Country"][:1]


def _negated(norms: list[str], sent, i: int) -> bool:
    """"has not joined", "never became a member of": a negation just before the cue."""
    return any(norms[k] in _NEGATION for k in range(max(sent.a, i - 2), i))


def _subject_countries(doc: Doc, sent, country_refs, cue_i: int, plural: bool) -> list[str]:
    """The countries a copula makes members: "Chile and Peru are APEC members", "Both countries are
    CARICOM member states", "Poland became a NATO member"; none without the copula ("Russia warned
    NATO members")."""
    norms = doc.toks.norms
    org = next((r for r in sorted(sent.refs, key=lambda r: -r.i) if r.j <= cue_i
                and doc.entities[r.entity].type == "Organization"), None)
    if org is None:
        return []
    k = org.i - 1
    while k >= sent.a and norms[k] in _BEFORE_ORG:
        k -= 1
    if k < sent.a or norms[k] not in _COPULA:
        return []
    before = [r.entity for r in country_refs if r.j <= k]
    if not before:
        return []
    return list(dict.fromkeys(before)) if plural else [before[-1]]


_PAIR_WORDS = (("the", "two"), ("our", "two"), ("both",), ("both", "the"))


def _pair_named_before(doc: Doc, sent, org_start: int) -> list[str]:
    """The two countries in focus when "the two" or "both" comes before an organisation's name
    ("the two NATO allies", "both EU members")."""
    norms = doc.toks.norms
    for phrase in _PAIR_WORDS:
        if org_start - len(phrase) >= sent.a and tuple(norms[org_start - len(phrase):org_start]) == phrase:
            return focus_pair(doc, sent.index, org_start)
    return []


def _list_end(refs, start: int, entities: list[str]) -> int:
    """One past the last reference of a coordinated list of entities that starts at token ``start``."""
    ends = [r.j for r in refs if r.i >= start and r.entity in entities]
    return max(ends, default=start)


def _alongside(doc: Doc, refs, k: int) -> list[str]:
    """The countries named after a membership as fellow members: ", alongside A, B and C"."""
    norms = doc.toks.norms
    if k < len(norms) and norms[k] == ",":
        k += 1
    for phrase in _ALONGSIDE:
        if tuple(norms[k:k + len(phrase)]) == phrase:
            return _coordinated(doc, refs, k + len(phrase), "Country")
    return []


def _apposed_country(doc: Doc, refs, org_start: int) -> list[str]:
    """The country an appositive "a NATO member" describes: "<Country>, a NATO member"."""
    norms = doc.toks.norms
    org = next((r for r in refs if r.j <= org_start and doc.entities[r.entity].type == "Organization"
                and org_start - r.j <= 1), None)
    if org is None:
        return []
    k = org.i - 1
    while k >= 0 and norms[k] in ("a", "an", "the", "fellow", "full", "founding"):
        k -= 1
    if k < 1 or norms[k] != ",":
        return []
    return [r.entity for r in refs if r.j == k and doc.entities[r.entity].type == "Country"]


def _alliance_members(doc: Doc, sent, cues) -> None:
    """memberOf from an alliance named before "allies"/"ally": "the NATO allies Denmark, Norway and
    Iceland", "the three NATO allies" (a group of countries named before), "fellow NATO ally Poland"."""
    refs = sorted(sent.refs, key=lambda r: r.i)
    for cue in cues:
        if cue.key != "alliedWith" or doc.toks.norms[cue.i] not in ("allies", "ally"):
            continue
        orgs = [r.entity for r in refs if r.j == cue.i and doc.entities[r.entity].type == "Organization"]
        if not orgs and doc.toks.norms[cue.i] == "allies" and cue.j + 1 < sent.b \
                and doc.toks.norms[cue.j] in ("in", "within"):
            # "our two countries are allies in NATO", "Poland and Lithuania, allies within NATO"
            orgs = [r.entity for r in refs if r.i == cue.j + 1 and doc.entities[r.entity].type == "Organization"]
            members = [r.entity for r in refs if r.i < cue.i and doc.entities[r.entity].type == "Country"]
            for country in dict.fromkeys(members if len(set(members)) >= 2 else []):
                for org in orgs:
                    doc.relations.append(Relation(country, "memberOf", org, None, sent.index,
                                                  "cue:allies-in", confidence=0.7))
            continue
        if not orgs:
            continue
        members = [r.entity for r in refs if r.how == "group" and r.i < cue.i < r.j
                   and doc.entities[r.entity].type == "Country"]
        if not members:
            org_start = min(r.i for r in refs if r.j == cue.i and r.entity == orgs[0])
            members = _pair_named_before(doc, sent, org_start)   # "the two NATO allies"
        if not members:
            members = _coordinated(doc, refs, cue.j, "Country")
            if doc.toks.norms[cue.i] == "ally":
                members = members[:1]
        if not members:   # "Finland, Sweden and Norway are now all NATO allies"
            country_refs = [r for r in refs if doc.entities[r.entity].type == "Country"
                            and r.how in ("country", "adjective", "capital", "group")]
            members = _subject_countries(doc, sent, country_refs, cue.i, doc.toks.norms[cue.i] == "allies")
        for country in dict.fromkeys(members):
            doc.relations.append(Relation(country, "memberOf", orgs[0], None, sent.index, "cue:alliance-member",
                                          confidence=0.7))


_UNDER = frozenset({"since", "under", "through", "by", "via"})


def _allies_under(doc: Doc, sent, cues) -> None:
    """alliedWith via a treaty: "A and B have been treaty allies since the 1951 ANZUS Treaty",
    "A and B are allies under the X Treaty", "A, allied with B through the X Pact"; both are
    party to it, allied since its date."""
    norms = doc.toks.norms
    refs = sorted(sent.refs, key=lambda r: r.i)
    for cue in cues:
        if cue.key != "alliedWith" or norms[cue.i] not in ("allies", "ally", "allied"):
            continue
        k = cue.j
        if norms[cue.i] == "allied" and k < sent.b and norms[k] == "with":
            k += 1
            while k < sent.b and norms[k] in ("the", "its", "their"):
                k += 1
            partner = next((r for r in refs if r.i == k and doc.entities[r.entity].type == "Country"), None)
            if partner is None:
                continue
            k = partner.j
        elif norms[cue.i] in ("ally", "allies"):
            k = _named_ally_end(doc, sent, refs, k)
        if k >= sent.b or norms[k] not in _UNDER:
            continue
        k += 1
        while k < sent.b and (norms[k] in ("the", "a", "their", "its") or len(norms[k]) == 4 and norms[k].isdigit()):
            k += 1
        treaty = next((r for r in refs if r.i <= k < r.j + 1 and r.i >= cue.j and r.i - k <= 1
                       and doc.entities[r.entity].type == "Agreement"), None)
        if treaty is None:
            continue
        countries = list(dict.fromkeys(r.entity for r in refs if doc.entities[r.entity].type == "Country"
                                       and r.how != "group" and not (treaty.i <= r.i < treaty.j)))
        if len(countries) < 2:
            group = next((c for c in sent.by_cat("cue:group_refs") if c.i < cue.i), None)
            if group is not None and group.key == "countries":
                countries = focus_pair(doc, sent.index, group.i)
        if len(countries) != 2:
            continue
        agreement = doc.entities[treaty.entity]
        agreement.alliance = True
        for c in countries:
            doc.relations.append(Relation(c, "partyTo", agreement.id, None, sent.index, "cue:allies-under",
                                          confidence=0.75))
        a, b = sorted(countries)
        doc.relations.append(Relation(a, "alliedWith", b, agreement.id, sent.index, "cue:allies-under",
                                      since=agreement.date, confidence=0.8))


def _named_ally_end(doc: Doc, sent, refs, k: int) -> int:
    """After "ally"/"allies": past a verb (one or two lower-case words), determiners and the
    country the ally is, and a comma ("Manila's only treaty ally remains the United States, under
    the ..."); k itself when no country follows that way."""
    norms, texts = doc.toks.norms, doc.toks.texts
    x = k
    while x < sent.b and x - k < 2 and texts[x].isalpha() and texts[x].islower() and norms[x] not in _UNDER:
        x += 1
    if x == k:
        return k
    while x < sent.b and norms[x] in ("the", "a"):
        x += 1
    partner = next((r for r in refs if r.i == x and doc.entities[r.entity].type == "Country"), None)
    if partner is None:
        return k
    x = partner.j
    return x + 1 if x < sent.b and norms[x] == "," else x


_SYMMETRIC = frozenset({"alliedWith", "cooperatesWith"})


def _merge(relations: list[Relation]) -> list[Relation]:
    out: dict[tuple, Relation] = {}
    for r in relations:
        s, o = (min(r.s, r.o), max(r.s, r.o)) if r.p in _SYMMETRIC else (r.s, r.o)
        key = (s, r.p, o, r.via)
        if key in out:
            out[key].areas |= r.areas
            out[key].since = out[key].since or r.since
        else:
            r.s, r.o = s, o
            out[key] = r
    return list(out.values())
