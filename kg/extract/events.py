"""Events from trigger words (the ``ddkg:trigger`` values of the event classes), with their
participants, host and guest, date, place, topics and agreement.

A trigger reports an event only when the sentence states it as fact: a modality cue before it
in the same clause ("will", "plans to", "is expected to", "agreed to", "if", "not") removes
it; a habitual cue ("periodically") keeps it without a date. A noun trigger after a
determiner or preposition ("during the visit", "the signing of") is background unless its
event type reports itself as a noun ("in an interview"), it has its own actor ("his visit"),
or the sentence has no other event. A definite noun trigger ("the talks", "during the meeting")
refers back to the meeting or visit already reported: it adds topics to it, not a new event.

Dates, in order: the date the sentence gives (nearest to the trigger); the date of the event the
sentence refers back to ("following the talks"); an agreement's known date; the last dated event
of the same paragraph; for a statement, the date of the speaker's meeting (or visit, signing,
ceremony) in the article, or of the speaker's dated statement ("has said ... stated this on
Tuesday"); the day the story is at (the last explicit day of an event); the article's date.
"""
from __future__ import annotations

import bisect
import weakref
from datetime import date, timedelta
from typing import Collection, Optional

from kg.extract.coref import protagonist_pair
from kg.extract.countries import countries_in, focus_pair
from kg.extract.agreements import keep_parties
from kg.extract.dates import DateMention
from kg.extract.document import PLAN_CUES, STORY_EVENT_TYPES, Doc, Event, Ref, Sentence
from kg.extract.event_places import unknown_place
from kg.extract.gazetteer import Match
from kg.extract.names import exercise_name
from kg.extract.outlets import outlet_at
from kg.extract.resources import Resources
from kg.extract.text import term_key
from kg.iris import exercise_iri, place_iri

_CLAUSE_BREAK = frozenset({",", ";", ":", "(", ")", '"', "but", "while", "whereas", "although"})
_WINDOW = 6
_SUBORDINATORS = frozenset({"after", "before", "when", "once", "as", "because", "since", "who", "which", "that"})
_NOMINAL_PREPS = frozenset({"during", "after", "before", "following", "at", "of", "for", "on", "in", "with",
                            "ahead", "since", "amid"})


def find_events(doc: Doc, res: Resources) -> None:
    off_topic: set[int] = set()
    for sent in doc.sentences:
        _group_refs(doc, res, sent)
        _colon_quote(doc, res, sent)
        triggers = [m for m in sent.by_cat("event") if not _inside_name(sent, m)]
        readings = [(m, _reading(doc, res, sent, m)) for m in triggers]
        verbal = any(r == "verbal" for _, r in readings)
        found = len(doc.events)
        for m, reading in readings:
            if reading is None:
                continue
            if reading == "nominal" and _anaphoric(doc, res, sent, m):
                continue
            if reading == "nominal":
                _anchor_to_signing(doc, sent, m)
            if reading == "nominal" and "nominal" not in res.event_flags.get(m.key, ()) \
                    and not _own_actor(doc, res, sent, m) and (verbal or not _occurred(doc, res, sent, m)):
                continue
            habitual = _modality(doc, res, sent, m)
            if habitual is False:
                continue
            event = _build(doc, res, sent, m, habitual)
            if event is not None and event.date and event.dated_by == "text" and _future(event.date, doc.date):
                continue   # "Next month the navies hold drills": dated after the story, so planned
            if event is not None and event.type == "Statement" and not _on_topic(doc, res, sent):
                off_topic.add(id(event))
            if event is not None and (event.participants or event.host or event.guest):
                doc.events.append(event)
                background = _in_relative_clause(doc, sent, m)
                if event.date and event.dated_by == "text" and event.type != "Statement" and not background:
                    doc.paragraph_dates[sent.paragraph] = event.date   # the last dated event of the paragraph
                if event.date and event.agreement:
                    doc.agreement_dates.setdefault(event.agreement, event.date)
                if event.date and len(event.date) == 10 and (sent.dates or event.dated_by == "text") \
                        and not habitual and not background:
                    doc.narrative_date = event.date
        if len(doc.events) == found:
            _discussion(doc, res, sent)
            _advance_story(doc, sent)
    _drop_interview_statements(doc)
    _drop_off_topic_statements(doc, off_topic)
    _date_statements(doc)
    doc.events = merge_events(_fold_undated_signings(doc.events))
    _fold_bare_signings(doc)


_TOPICS: "weakref.WeakKeyDictionary[Resources, tuple[dict[tuple[str, ...], str], frozenset[str]]]" = \
    weakref.WeakKeyDictionary()
_SPEECH_TYPES = frozenset({"Statement", "Interview"})
_NOT_A_TOPIC = "not-a-topic"


def statement_topics(res: Resources) -> tuple[dict[tuple[str, ...], str], frozenset[str]]:
    """``statement_topics.tsv`` compiled once per lexicon: its words as token tuples, and the
    cooperation areas (by concept name) that are no topic by themselves."""
    found = _TOPICS.get(res)
    if found is None:
        cues = res.lexicon.cues.get("statement_topics", {})
        words = {tuple(term_key(k)): v for k, v in cues.items() if term_key(k) and v != _NOT_A_TOPIC}
        areas = frozenset(k for k, v in cues.items() if v == _NOT_A_TOPIC)
        found = _TOPICS[res] = (words, frozenset(a for a in res.areas if a.lower() in {x.lower() for x in areas}))
    return found


def drop_off_domain(doc: Doc, res: Resources) -> None:
    """An article with no defence at all -- no defence word of statement_topics.tsv, no cooperation
    area that is a topic by itself, no military rank, no drills, no act or agreement of two states,
    and nobody holding a post other than an envoy's -- reports no
    events: its meetings, signings and statements (a mining minister signing with a trading house
    in an ambassador's presence) are dropped, with its unnamed agreements and their signed/partyTo
    relations (dev6 call 12, dev7 call 9). Stated ties between countries are kept."""
    words, no_topic_areas = statement_topics(res)
    if not words or not (doc.events or doc.relations):
        return
    if any(r.role not in res.envoy_roles and r.role not in res.title_only_roles
           for e in doc.entities.values() if e.type == "Person" for r in e.roles):
        return
    if any(e.type == "Person" and e.id in res.people and res.people[e.id].posts for e in doc.entities.values()):
        return   # a known office holder
    if any(r.p in ("alliedWith", "cooperatesWith", "memberOf") for r in doc.relations):
        return   # a stated tie between states
    if any(e.type == "JointExercise" or sum(doc.entities[p].type == "Country" for p in e.participants if p in doc.entities) >= 2
           for e in doc.events):
        return   # drills, or two states acting together
    if any(len({r.s for r in doc.relations if r.p == "partyTo" and r.o == a}) >= 2 for a in
           {r.o for r in doc.relations if r.p == "partyTo"}):
        return   # an agreement between two states
    defence = {w for w, v in words.items() if v == "defence"}
    sport = _sport_story(doc, res)   # its "defence" is a back line, "captain" and "general manager" are the club's
    texts = doc.toks.texts
    for sent in doc.sentences:
        ranks = [m for m in sent.by_cat("rank") if not sport
                 or (texts[m.i][:1].isupper() and m.j < sent.b and texts[m.j][:1].isupper())]
        if any(m.key not in no_topic_areas for m in sent.by_cat("area")) or ranks:
            return   # a cooperation area, or a military rank ("Colonel X")
        if not sport and _has_phrase(doc, sent, defence):
            return
    doc.events = []
    dropped = {e.id for e in doc.entities.values() if e.type == "Agreement" and e.described}
    for iri in dropped:
        del doc.entities[iri]
    doc.relations = [r for r in doc.relations if r.o not in dropped]


def _sport_story(doc: Doc, res: Resources) -> bool:
    """A match report or transfer story borrows the words of war ("the side's defence held",
    "regroup and attack"): three or more distinct words of ``sport_words.tsv`` in the article."""
    words = res.phrases("sport_words")
    norms = doc.toks.norms
    longest = max((len(w) for w in words), default=0)
    found = {tuple(norms[k:k + n]) for k in range(len(norms)) for n in range(1, longest + 1)} & words
    return len(found) >= 3


def _on_topic(doc: Doc, res: Resources, sent: Sentence) -> bool:
    """annotation.md counts a statement only when it is about defence or relations. The test is
    the vocabulary of the sentence and of the one before it in the paragraph (a quotation often
    runs over both): a cooperation area, a relation cue (membership only beside a country),
    an agreement kind, a trigger of another
    event ("said at the signing"), or a defence or relations word (statement_topics.tsv). A
    lexicon without that list keeps every statement."""
    words, no_topic_areas = statement_topics(res)
    if not words:
        return True
    return any(s.paragraph == sent.paragraph and _topical(doc, s, words, no_topic_areas)
               for s in (sent, doc.sentences[sent.index - 1] if sent.index else None) if s is not None)


def _topical(doc: Doc, s: Sentence, words: dict[tuple[str, ...], str], no_topic_areas: frozenset[str]) -> bool:
    """The vocabulary test of :func:`_on_topic` for one sentence, once per sentence."""
    found = s.memo.get("_topical")
    if found is None:
        found = s.memo["_topical"] = _has_topic_words(doc, s, words, no_topic_areas)
    return found


def _has_topic_words(doc: Doc, s: Sentence, words: dict[tuple[str, ...], str], no_topic_areas: frozenset[str]) -> bool:
    if s.by_cat("kind") or any(m.key not in _SPEECH_TYPES for m in s.by_cat("event")) \
            or any(m.key not in no_topic_areas for m in s.by_cat("area")):
        return True
    if any(m.key != "memberOf" or _of_type(doc, s, "Country") for m in s.by_cat("cue:relation_cues")):
        return True   # "our members" of a cooperative are no membership of states
    return _has_phrase(doc, s, words)


def _has_phrase(doc: Doc, s: Sentence, phrases: Collection[tuple[str, ...]]) -> bool:
    """Whether sentence ``s`` holds one of ``phrases`` (folded token tuples) anywhere."""
    norms = doc.toks.norms
    longest = max((len(p) for p in phrases), default=0)
    return any(tuple(norms[k:k + n]) in phrases for k in range(s.a, s.b) for n in range(1, longest + 1))


_ANAPHORIC_TYPES = frozenset({"Meeting", "Visit"})
_BACKGROUND_PREPS = frozenset({"during", "after", "following", "at", "before", "ahead", "of", "in"})


def _anaphoric(doc: Doc, res: Resources, sent: Sentence, m: Match) -> bool:
    """A definite noun trigger ("the meeting", "during the talks", "this visit") names a meeting or
    visit the article already reported: it adds the sentence's topics (and place) to that event
    instead of reporting another one."""
    if m.key not in _ANAPHORIC_TYPES or m.i <= sent.a:
        return False
    norms = doc.toks.norms
    k = m.i - 1
    while k > sent.a and norms[k] not in ("the", "this", "that", "these") and m.i - k <= 3 \
            and res.grammar.get(norms[k]) not in ("prep", "prep-place") and norms[k] not in _BACKGROUND_PREPS:
        k -= 1   # "the delegation-level talks", "the bilateral meeting"
    if norms[k] not in ("the", "this", "that", "these"):
        return False
    if any(r.i < m.i and doc.entities[r.entity].type == "Person" for r in _persons(doc, sent, k, m.i)):
        return False   # "the minister's visit" has its own actor
    earlier = next((e for e in reversed(doc.events) if e.type == m.key), None)
    if earlier is None:
        return False
    earlier.topics |= {a.key for a in sent.by_cat("area")}
    if earlier.date and not sent.dates and not _in_quotation(doc, sent, m.i):
        sent.anchor = earlier.date   # not "'This visit makes it visible,' he said that evening"
    if earlier.place is None:
        places = _of_type(doc, sent, "Place")
        earlier.place = places[0] if places else None
    return True


def _anchor_to_signing(doc: Doc, sent: Sentence, m: Match) -> None:
    """"Before the signing, the ministers held talks", "After the signing ceremony, ...": a
    definite signing noun after a preposition of time refers to the signing already reported, and
    the sentence's undated events take its day."""
    if m.key != "AgreementSigning" or sent.dates or sent.anchor or m.i - 2 < sent.a:
        return
    norms = doc.toks.norms
    if norms[m.i - 1] != "the" or norms[m.i - 2] not in ("before", "after", "following", "during", "at"):
        return
    earlier = next((e for e in reversed(doc.events) if e.type == "AgreementSigning"), None)
    if earlier is not None and earlier.date and not _in_quotation(doc, sent, m.i):
        sent.anchor = earlier.date


def _inside_name(sent: Sentence, m: Match) -> bool:
    """A trigger word that is part of a person's name or of a title: "War" in "Minister of Defence
    and War Veterans, X" names a portfolio, not a war."""
    return any(r.how == "name" for r in sent.ref_index().tokens.get(m.i, ())) \
        or any(end <= m.i < stop for stop, end in sent.portfolios.items())


def _recent_people(doc: Doc, sent: Sentence, upto: int, roles: set[str]) -> list[str]:
    """The two people most recently named before a point (holding one of ``roles`` if given)."""
    found: list[str] = []
    for index in range(sent.index, -1, -1):
        s = doc.sentences[index]
        for r in sorted(s.refs, key=lambda r: -r.i):
            if s.index == sent.index and r.i >= upto:
                continue
            ent = doc.entities[r.entity]
            if ent.type != "Person" or r.entity in found:
                continue
            if roles and not any(x.role in roles for x in ent.roles):
                continue
            found.append(r.entity)
            if len(found) == 2:
                return found
    return []


def _group_refs(doc: Doc, res: Resources, sent: Sentence) -> None:
    norms = doc.toks.norms
    for g in sent.by_cat("postheads"):   # "the two ministers", "both ministers"
        if g.i > sent.a and norms[g.i - 1] in ("the", "both", "two"):
            for iri in _recent_people(doc, sent, g.i, res.role_heads.get(g.key, set())):
                sent.refs.append(Ref(g.i, g.j, iri, "group"))
    for g in sent.by_cat("cue:group_refs"):
        pair: list[str] = []
        if g.key == "sides":
            meeting = next((e for e in reversed(doc.events) if e.type == "Meeting"), None)
            if meeting is not None and sent.index - meeting.sentence <= 3:
                pair = list(meeting.participants)
        if not pair:
            pair = story_pair(doc, sent.index, g.i)
        for iri in pair:
            sent.refs.append(Ref(g.i, g.j, iri, "group"))
    _numbered_groups(doc, res, sent)
    _they(doc, res, sent)


def _they(doc: Doc, res: Resources, sent: Sentence) -> None:
    """"At the end of the talks, they signed a memorandum": a plural subject pronoun right before
    an act (not a statement) stands for the people of the meeting reported at most three sentences
    before, when it had two or more of them."""
    norms = doc.toks.norms
    for k in range(sent.a, sent.b - 1):
        if norms[k] != "they" or res.pronouns.get(norms[k]) != "p":
            continue
        if any(r.i <= k < r.j for r in sent.refs):
            continue
        act = next((x for x in sent.by_cat("event") if k < x.i <= k + 3), None)
        if act is None or act.key in ("Statement", "Interview"):
            continue
        meeting = next((e for e in reversed(doc.events) if e.type == "Meeting"), None)
        if meeting is None or not 0 <= sent.index - meeting.sentence <= 3:
            continue
        people = [p for p in meeting.participants if doc.entities[p].type == "Person"]
        if len(people) >= 2:
            for iri in people:
                sent.refs.append(Ref(k, k + 1, iri, "group"))


def _colon_quote(doc: Doc, res: Resources, sent: Sentence) -> None:
    """"Mozambique's defence minister X: \u201cCabo Delgado is quieter ...\u201d" (live blogs,
    bulletins, captions): a named person followed by a colon and an opening quotation mark, with no
    event word before, is a statement; the colon stands in for the say-verb."""
    norms = doc.toks.norms
    for k in range(sent.a + 1, sent.b - 1):
        if norms[k] != ":" or doc.toks.texts[k + 1] not in res.opening_quotes:
            continue
        if doc.toks.starts[k] != doc.toks.ends[k - 1]:
            continue   # "Agenda : ..." -- the colon sits on the word before it
        if not any(r.j == k and doc.entities[r.entity].type == "Person" for r in sent.refs):
            continue
        if any(x.i < k for x in sent.by_cat("event")):
            continue
        sent.matches.append(Match(k, k + 1, "event", "Statement", ":"))
        return


def story_pair(doc: Doc, sent_index: int, token: int) -> list[str]:
    """The two countries "the two countries" means: those of the story's latest meeting, visit,
    signing or exercise -- its two countries when countries took part ("exercise X, held by the
    Indian and Egyptian armies. ... the two countries"), else the countries of its people
    (coref.protagonist_pair); without such an event, the last two countries named."""
    latest = next((e for e in reversed(doc.events) if e.type in STORY_EVENT_TYPES and e.sentence <= sent_index), None)
    if latest is not None and len(latest.participants) == 2 \
            and all(doc.entities[p].type == "Country" for p in latest.participants):
        return sorted(latest.participants)
    protagonists = protagonist_pair(doc, sent_index)
    if protagonists and all(c in doc.entities for c in protagonists):   # a post's country the text never names is no referent
        return protagonists
    return focus_pair(doc, sent_index, token)


_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _numbered_groups(doc: Doc, res: Resources, sent: Sentence) -> None:
    """"the three NATO allies", "all five countries", "the four Nordic nations": the last N distinct
    countries the article named before stand for the group."""
    norms = doc.toks.norms
    nouns = res.folded_words("group_nouns")
    for k in range(sent.a, sent.b - 1):
        n = _NUMBERS.get(norms[k])
        if n is None or n == 2:
            continue   # "the two countries" is a listed group phrase
        if not (k > sent.a and norms[k - 1] in ("the", "all", "these", "those")):
            continue
        end = k + 1
        while end < sent.b and end - k <= 3 and norms[end] not in nouns:
            end += 1
        if end >= sent.b or norms[end] not in nouns:
            continue
        found: list[str] = []
        for index in range(sent.index, -1, -1):
            for r in sorted(doc.sentences[index].refs, key=lambda r: -r.i):
                if index == sent.index and r.i >= k:
                    continue
                if doc.entities[r.entity].type == "Country" and r.how != "group" and r.entity not in found:
                    found.append(r.entity)
            if len(found) >= n or sent.index - index >= 3:
                break
        if len(found) == n:
            for iri in found:
                sent.refs.append(Ref(k - 1, end + 1, iri, "group"))


def _reading(doc: Doc, res: Resources, sent: Sentence, m: Match) -> Optional[str]:
    """"verbal", "nominal", or None when the trigger only modifies a title ("newly-appointed")."""
    norms, texts = doc.toks.norms, doc.toks.texts
    title_starts = sent.memoized("title_starts", lambda: {x.i for x in sent.matches if x.cat in ("post", "rank")})
    if m.j < sent.b and m.j in title_starts and m.i > sent.a \
            and (res.grammar.get(norms[m.i - 1]) in ("det", "poss", "premod") or norms[m.i - 1] in ("-", "s")):
        return None   # "the newly appointed ambassador"
    if m.i > sent.a and norms[m.i - 1] in ("-", "newly"):
        return None
    words = m.term.split(" ")
    if any(w.endswith("ed") or w in res.past_forms for w in (words[-1], *words[:-1][:2])) \
            and not (len(words) > 1 and words[0] in _NOMINAL_PREPS):
        return "verbal"   # "signed", "was received by", "paid a visit"
    if m.i == sent.a and texts[m.i][:1].isupper() and m.key not in ("Statement",):
        return "nominal"
    k = m.i - 1
    skipped = 0
    while k >= sent.a and skipped <= 2:
        norm = norms[k]
        kind = res.grammar.get(norm)
        if norm in ("a", "an") and k < m.i - 1 and k - 1 >= sent.a and texts[k - 1].islower() \
                and norms[k - 1] in res.folded_words("light_verbs"):
            return "verbal"   # "held a working meeting", "paid an official visit": the verb reports a new event
        if kind in ("det", "poss") or norm in _NOMINAL_PREPS:
            return "nominal"
        if norm == "s" and k - 1 >= sent.a and norms[k - 1] == "'":
            return "nominal"   # "Russia's war"
        if norm == "-" and k - 1 >= sent.a and doc.toks.starts[k] == doc.toks.ends[k - 1]:
            k -= 1   # "the delegation-level talks"
            continue
        if k == m.i - 1 and sent.covered(k) and norms[k - 1:k + 1] != []:
            # "Azerbaijan's visit", "the Turkish delegation's visit"
            if norm == "s" or norm == "'":
                return "nominal"
        if norm.isalpha() and texts[k][:1].isupper() and k - 1 >= sent.a and _modifier(doc, res, sent, k):
            return "nominal"   # "an exhibition of Sumerian seals", "the Turkish drills"
        if not norm.isalpha() or not texts[k].islower() or kind or norm.endswith(("ed", "s")):
            return "verbal"
        skipped += 1
        k -= 1
    return "verbal"


def _modifier(doc: Doc, res: Resources, sent: Sentence, k: int) -> bool:
    """A capitalised word after a determiner or preposition that names no actor (no person,
    country or organisation by its name): an adjective of the noun after it, not a subject."""
    before = doc.toks.norms[k - 1]
    if res.grammar.get(before) not in ("det", "poss", "prep", "prep-place") and before not in _NOMINAL_PREPS:
        return False
    return not any(r.how not in ("adjective", "group") for r in sent.ref_index().tokens.get(k, ()))


def _own_actor(doc: Doc, res: Resources, sent: Sentence, m: Match) -> bool:
    """A noun trigger with its own actor: "his visit", "Erdogan's visit", "the visit of X"."""
    norms = doc.toks.norms
    k = m.i - 1
    while k >= sent.a and norms[k] not in ("the", "a", "an") and k >= m.i - 3:
        if res.pronouns.get(norms[k]) in ("m", "f"):
            # "his visit", but not "on his appointment" (a circumstance of another event)
            return not (k - 1 >= sent.a and res.grammar.get(norms[k - 1]) in ("prep", "prep-place"))
        if norms[k] == "s" and k - 1 >= sent.a and norms[k - 1] == "'":
            return any(r.j == k - 1 and doc.entities[r.entity].type == "Person" for r in sent.refs)
        k -= 1
    if m.j + 1 < sent.b and norms[m.j] == "of":
        if any(r.i == m.j + 1 and doc.entities[r.entity].type == "Person" for r in sent.refs):
            return True
        return _signing_agent(doc, sent, m) is not None
    return _being_on(doc, res, sent, m) or _returned_after(doc, res, sent, m)


def _returned_after(doc: Doc, res: Resources, sent: Sentence, m: Match) -> bool:
    """"X returned home on Wednesday after a four-day official visit to Egypt": a visit noun after
    "after" / "following" that closes a verb of coming back (frame ``return``) reports the visit,
    the subject's."""
    if m.key != "Visit":
        return False
    norms = doc.toks.norms
    k = m.i - 1
    while k >= sent.a and m.i - k <= 5 and norms[k] not in ("after", "following", ",", ";"):
        k -= 1
    if k < sent.a or norms[k] not in ("after", "following"):
        return False
    for x in range(max(sent.a, k - 6), k):
        if any(res.frames.get(tuple(norms[x:x + n])) == "return" for n in (1, 2)):
            return True
    return False


_SIGNING_OBJECT_REACH = 16   # "the signing of a letter of intent on ... in the Strait of Malacca by ..."


def _signing_agent(doc: Doc, sent: Sentence, m: Match) -> Optional[int]:
    """"(witnessed) the signing of a memorandum on X by A and B": a signing noun whose document
    and signatory ("by" a person) follow reports the signing itself; the token of that "by"
    (the signatories come after it, those who witnessed or attended before), else None."""
    if m.key != "AgreementSigning" or m.j + 1 >= sent.b or doc.toks.norms[m.j] != "of":
        return None
    norms = doc.toks.norms
    agreement = next((r for r in sent.refs if doc.entities[r.entity].type == "Agreement"
                      and m.j < r.i <= m.j + 3), None)
    if agreement is None:
        return None
    events = {x.i for x in sent.by_cat("event")}
    for k in range(agreement.j, min(sent.b, m.j + _SIGNING_OBJECT_REACH)):
        if norms[k] in (";", ":", ",", "which", "that", "who") or k in events:
            return None   # "..., which was drafted by X": X is no signatory
        if norms[k] == "by":
            agent = any(k < r.i <= k + _AGENT_REACH and doc.entities[r.entity].type == "Person" for r in sent.refs)
            return k if agent else None
    return None


_AGENT_REACH = 10   # "by the Navy Chief of Staff, Admiral X"


_BE_FORMS = frozenset({"is", "was", "are", "were"})


def _being_on(doc: Doc, res: Resources, sent: Sentence, m: Match) -> bool:
    """"X is on an official visit to Y", "who was on a two-day working visit": the subject is the
    visitor, so the noun reports the visit itself."""
    if m.key != "Visit":
        return False
    norms = doc.toks.norms
    k = m.i - 1
    while k >= sent.a and m.i - k <= 5 and norms[k] not in ("a", "an"):
        k -= 1
    return k - 2 >= sent.a and norms[k] in ("a", "an") and norms[k - 1] == "on" and norms[k - 2] in _BE_FORMS


def _occurred(doc: Doc, res: Resources, sent: Sentence, m: Match) -> bool:
    norms = doc.toks.norms
    frames = res.frames
    for k in range(m.j, min(sent.b, m.j + 8)):
        for length in (2, 1):
            if frames.get(tuple(norms[k:k + length])) == "occurred":
                return True
    return False


def _planned_purpose(doc: Doc, res: Resources, sent: Sentence, m: Match, cues: list, cue_starts: list) -> bool:
    """"The minister will travel to Punta del Este on Saturday to observe the naval exercise": the
    trigger sits in a purpose clause ("to observe") whose main verb is future, however far back in
    the clause the "will" is."""
    norms, texts = doc.toks.norms, doc.toks.texts
    start = m.i
    while start - 1 >= sent.a and norms[start - 1] not in _CLAUSE_BREAK and norms[start - 1] not in _SUBORDINATORS:
        start -= 1
    inside = [c for c in cues[bisect.bisect_left(cue_starts, start):bisect.bisect_right(cue_starts, m.i)]
              if c.j <= m.i]
    purpose = [c for c in inside if c.key == "intent" and c.term == "to"]
    if not purpose:
        return False
    return any(c.key == "future" and c.i < purpose[-1].i and not texts[c.i][:1].isupper()
               and not (c.i > sent.a and res.grammar.get(norms[c.i - 1]) == "det") for c in inside)


def _modality(doc: Doc, res: Resources, sent: Sentence, m: Match) -> Optional[bool]:
    """False: not a reported fact; True: habitual (no date); None: a plain fact."""
    norms, texts = doc.toks.norms, doc.toks.texts
    start = m.i
    while start - 1 >= sent.a and m.i - (start - 1) <= _WINDOW and norms[start - 1] not in _CLAUSE_BREAK:
        start -= 1
    habitual = None
    cues, cue_starts = sent.memoized("modality", lambda: _by_start(sent.by_cat("cue:modality")))
    for cue in cues[bisect.bisect_left(cue_starts, start):bisect.bisect_right(cue_starts, m.i)]:
        if cue.j > m.i or cue.i < start:
            continue
        if texts[cue.i][:1].isupper() and cue.i > sent.a:
            continue   # "May" the month
        if cue.key == "future" and cue.i > sent.a and res.grammar.get(norms[cue.i - 1]) == "det" \
                and cue.j - cue.i == 1 and cue.j != m.i:
            continue   # "the next day", "the next morning": later in the story, not in the future
            # (but "the upcoming exercise", "the preparation of the exercise" are planned)
        if cue.j < sent.b and norms[cue.j].isdigit():
            continue
        if cue.key == "habitual":
            habitual = True
        elif (cue.key == "intent" and cue.term == "to") or cue.key == "nonfinite":
            if cue.j == m.i:
                return False
        else:
            return False
    if _planned_purpose(doc, res, sent, m, cues, cue_starts):
        return False
    # "the exercise is scheduled for June", "the drills between A and B, slated to begin in May":
    # the trigger is the subject of a plan
    for cue in cues[bisect.bisect_left(cue_starts, m.j):bisect.bisect_right(cue_starts, m.j + _WINDOW + 2)]:
        if cue.key not in ("future", "intent") or cue.term == "to" or texts[cue.i][:1].isupper():
            continue
        k = cue.i - 1
        while k >= m.j and res.grammar.get(norms[k]) == "aux":
            k -= 1
        if (k == m.j - 1 or norms[k] == ",") and not any(m.j <= x.i < cue.i for x in sent.by_cat("event")):
            return False
        break
    last_future = sent.memoized("future", lambda: max((d.start for d in sent.dates if _future(d.value, doc.date)),
                                                      default=-1))
    if last_future >= doc.toks.starts[m.i]:
        return False
    return habitual


def _by_start(matches: list[Match]) -> tuple[list[Match], list[int]]:
    ordered = sorted(matches, key=lambda x: x.i)
    return ordered, [x.i for x in ordered]


def _future(value: str, article_date: Optional[str]) -> bool:
    return bool(article_date) and value[:len(article_date)] > article_date[:len(value)]


def _persons(doc: Doc, sent: Sentence, start: int = 0, end: Optional[int] = None) -> list[Ref]:
    """The first reference to each person in tokens [start, end), in order. From the sentence's
    start this is a prefix of the sentence's list (found by bisection, not by a scan)."""
    end = sent.b if end is None else end
    if start <= sent.a:
        first, starts = sent.memoized("persons", lambda: _first_mentions(doc, sent, sent.a, sent.b))
        return first[:bisect.bisect_left(starts, end)]
    return _first_mentions(doc, sent, start, end)[0]


def _first_mentions(doc: Doc, sent: Sentence, start: int, end: int) -> tuple[list[Ref], list[int]]:
    ordered = sent.refs_by_position()
    out, seen = [], set()
    for r in ordered[bisect.bisect_left(ordered, start, key=lambda r: r.i):]:
        if r.i >= end:
            break
        if doc.entities[r.entity].type == "Person" and r.entity not in seen:
            seen.add(r.entity)
            out.append(r)
    return out, [r.i for r in out]


def _first_person(doc: Doc, sent: Sentence, start: int) -> Optional[Ref]:
    ordered = sent.refs_by_position()
    for r in ordered[bisect.bisect_left(ordered, start, key=lambda r: r.i):]:
        if doc.entities[r.entity].type == "Person":
            return r
    return None


def _of_type(doc: Doc, sent: Sentence, type_: str) -> list[str]:
    def compute() -> list[str]:
        out: list[str] = []
        for r in sorted(sent.refs, key=lambda r: r.i):
            if doc.entities[r.entity].type == type_ and r.entity not in out:
                out.append(r.entity)
        return out
    return list(sent.memoized("type:" + type_, compute))


def _clause_start(doc: Doc, sent: Sentence, k: int) -> int:
    return sent.a


def _build(doc: Doc, res: Resources, sent: Sentence, m: Match, habitual: Optional[bool]) -> Optional[Event]:
    norms = doc.toks.norms
    before = _persons(doc, sent, sent.a, m.i)
    first_after = _first_person(doc, sent, m.j)
    while first_after is not None and before and first_after.entity == before[-1].entity:
        first_after = _first_person(doc, sent, first_after.j)   # "received at his office ... X": X
    subject = before[-1].entity if before else None
    obj = first_after.entity if first_after else None
    words = m.term.split(" ")
    frame = res.frames.get(tuple(words)) or res.frames.get(tuple(
        w for w in words if res.grammar.get(w) != "aux" and w != "by"))
    passive = (m.i - 1 >= sent.a and res.grammar.get(norms[m.i - 1]) == "aux" and m.j < sent.b
               and norms[m.j] == "by") or m.term.endswith(" by")
    if not passive and first_after is not None and m.i - 1 >= sent.a and res.grammar.get(norms[m.i - 1]) == "aux" \
            and first_after.i - m.j <= 8 and "by" in norms[m.j:first_after.i] \
            and "," not in norms[m.j:first_after.i]:
        passive = True   # "was received in Kigali on Monday by the minister"
    if not passive and first_after is not None and m.i - 1 >= sent.a and res.grammar.get(norms[m.i - 1]) == "aux" \
            and "by" in norms[max(m.j, first_after.i - _BY_REACH):first_after.i] \
            and not any(m.j <= x.i < first_after.i for x in sent.by_cat("event")):
        passive = True   # "was received last Wednesday in the Pentagonito, seat of the ministry, by her homologue, Mr. X"
    if passive:
        subject, obj = obj, subject
    event = Event(type=m.key, sentence=sent.index, trigger=(m.i, m.j), rule=f"trigger:{m.key}:{m.term}")
    persons = [r.entity for r in _persons(doc, sent)]
    countries = countries_in(doc, sent)
    outlet = _interview_outlet(doc, res, sent, m, frame)
    if outlet is not None:   # "X received the Daily Star", "X told Radio Y": an interview, not a meeting
        event.type = "Interview"
        after = _first_person(doc, sent, m.j)   # again: the outlet may have been read as a person
        speaker = subject if subject in doc.entities else (after.entity if after else None)   # "Speaking to ..., X said"
        if speaker is None:
            return None
        event.participants = [speaker, outlet]
    elif m.key == "Interview" and frame in _OUTLET_FRAMES:
        return None   # "speaking to reporters": no outlet, no interview
    elif m.key in ("Meeting", "Congratulation"):
        if frame == "host-subject" and subject and obj:
            event.host, event.guest = subject, obj
            event.confidence = 0.9
        elif frame == "guest-subject" and subject and obj:
            event.host, event.guest = obj, subject
            event.confidence = 0.85
        event.participants = persons
        if frame == "host-subject" and subject and not event.guest and m.key == "Meeting":
            sender = _delegation_country(doc, res, sent, m.j)
            if sender is not None:   # "received the Qatari delegation": the country stands in
                event.host, event.guest = subject, sender
                persons = persons + [sender]
        if m.key == "Meeting":
            if m.j < sent.b and norms[m.j] == ":" and any(x.key == m.key and x.i > m.j for x in sent.by_cat("event")):
                return None   # "Talks: On 4 March he was received ...": the label of a bullet its verbs report
            event.participants = _clause_people(doc, res, sent, m) or persons
        if len(persons) < (1 if m.key == "Meeting" else 2) and not (event.host and event.guest):
            return None   # a meeting is between people; countries alone are a weaker reading
    elif m.key == "Visit":
        if subject is None and first_after is not None \
                and any(m.j <= x.i < first_after.i for x in sent.by_cat("event")):
            obj = None   # "I travelled to Kirkenes and met my Finnish colleague X": X is the other verb's object
        visitor = subject or obj
        if visitor is None:
            return None
        if _visited_no_place(doc, res, sent, m) or _visiting_setting(doc, res, sent, m):
            return None
        event.guest = visitor
        event.participants = [visitor] + ([obj] if obj and obj != visitor else [])
        event.place = _place_after(doc, res, sent, m.j)
    elif m.key == "Statement":
        speaker = _speaker(doc, res, sent, m, before, first_after)
        if speaker is None:
            return None
        event.participants = [speaker]
    elif m.key == "Interview":
        outlets = _of_type(doc, sent, "Organization")
        speaker = [p for p in persons][:1]
        if not speaker:
            return None
        event.participants = speaker + outlets[:1]
    elif m.key == "AgreementSigning":
        if _concluded_activity(doc, sent, m):
            return None
        agreements = [r for r in sent.refs if doc.entities[r.entity].type == "Agreement"]
        if agreements:
            event.agreement = min(agreements, key=lambda r: abs(r.i - m.i)).entity
        else:
            event.agreement = _agreement_referred(doc, res, sent, m)
        witnesses = _witnesses(doc, sent)
        subjects = countries_in(doc, sent, sent.a, m.i)
        agent = _signing_agent(doc, sent, m)
        if agent is not None:   # "witnessed the signing of X by A and B": A and B signed
            persons = [r.entity for r in _persons(doc, sent, agent)]
            event.participants = persons
        elif not before and not passive and len(subjects) >= 2:
            # "Sri Lanka and Japan signed ... during a visit by X": the countries signed, X only visited
            event.participants = subjects
        else:
            event.participants = [p for p in persons if p not in witnesses] or keep_parties(doc, res, sent, countries)
        if not event.participants and event.agreement:
            event.participants = list(doc.entities[event.agreement].parties)
        if not event.participants and not event.agreement:
            return None
    elif m.key == "JointExercise":
        event.participants = countries
        if not countries and frame == "reciprocal":   # "the two forces last trained together"
            if _in_quotation(doc, sent, m.i) and not _of_type(doc, sent, "Exercise"):
                return None   # "our soldiers trained together more than ever": a speaker's summary
            event.participants = story_pair(doc, sent.index, m.i)
        exercises = _of_type(doc, sent, "Exercise")
        event.exercise = exercises[0] if exercises else _named_exercise(doc, res, sent, m)
        if not event.participants and not event.exercise:
            return None
    else:
        event.participants = persons or countries
        if not event.participants:
            return None
    event.date = None if habitual else _event_date(doc, res, sent, m, event)
    event.topics = {a.key for a in sent.by_cat("area")}
    if event.place is None and m.key != "Visit":
        places = _of_type(doc, sent, "Place")
        event.place = places[0] if places else None
    if event.place is None and event.type in _PLACED_TYPES:
        event.place = unknown_place(doc, res, sent, m.i, m.j, destination=event.type == "Visit")
    event.participants = sorted(dict.fromkeys(event.participants))
    return event


_QUOTES = frozenset({'"', "\u201c", "\u201d"})
_BY_REACH = 7   # "by her Peruvian homologue, Mr. X": the agent's name this close after "by"
_NAMING_REACH = 8


_DELEGATION_GAP = 5


def _delegation_country(doc: Doc, res: Resources, sent: Sentence, j: int) -> Optional[str]:
    """"received the Qatari delegation", "hosted a delegation of the Pakistan Army", "a military
    delegation from Brazil": the country of a delegation (delegation_words.tsv) right after the
    trigger whose members are not named before the clause ends; None otherwise."""
    norms = doc.toks.norms
    words = res.folded_words("delegation_words")
    k = next((t for t in range(j, min(sent.b, j + _DELEGATION_GAP)) if norms[t] in words), None)
    if k is None or any(norms[t] in (",", ";") for t in range(j, k)):
        return None
    end = k + 1
    while end < sent.b and norms[end] not in (",", ";", ".") and end - k <= 8:
        end += 1
    if any(doc.entities[r.entity].type == "Person" for r in sent.refs if j <= r.i < end):
        return None   # "a delegation headed by General X": X is the guest
    countries = [r for r in sent.refs if doc.entities[r.entity].type == "Country"
                 and (j <= r.i < k or k < r.i <= k + 4 and norms[k + 1] in ("of", "from"))]
    found = {r.entity for r in countries}
    return next(iter(found)) if len(found) == 1 else None


def _clause_people(doc: Doc, res: Resources, sent: Sentence, m: Match) -> list[str]:
    """"X was received by the President, and held talks with the defence secretary": two meeting
    verbs sharing one subject, each with its own object, are two meetings. For a sentence with
    such a coordinated second verb ("and" right before it, no person in between), each verb's
    people are the sentence's subject and the persons up to the next meeting verb; [] when the
    sentence has no such pair (then every person of the sentence takes part)."""
    norms = doc.toks.norms
    gap = res.folded_words("coordinated_verb_gap")

    def coordinated(x: Match) -> bool:
        k = x.i - 1
        while k > sent.a and norms[k] in gap and norms[k] != "and":
            k -= 1
        return norms[k] == "and" and all(norms[t] in gap for t in range(k, x.i))

    def compute():
        verbs = [x for x in sent.by_cat("event") if x.key == "Meeting" and not _inside_name(sent, x)
                 and not (x.j < sent.b and norms[x.j] == ":")]   # "Talks: On 4 March he ...": a label
        if len(verbs) < 2 or not any(coordinated(x) for x in verbs[1:]):
            return [], {}
        return verbs, {id(x): n for n, x in enumerate(verbs)}

    verbs, index = sent.memoized("meeting_verbs", compute)
    at = index.get(id(m))
    if at is None:
        return []
    end = verbs[at + 1].i if at + 1 < len(verbs) else sent.b
    if at == 0:
        return [r.entity for r in _persons(doc, sent, sent.a, end)]
    if not coordinated(m):
        return []
    subject = _persons(doc, sent, sent.a, verbs[0].i)
    own = [r.entity for r in _persons(doc, sent, m.j, end)]
    return list(dict.fromkeys([r.entity for r in subject[:1]] + own)) if subject and own else []


def _named_exercise(doc: Doc, res: Resources, sent: Sentence, m: Match) -> Optional[str]:
    """An exercise named by a naming verb a few words after its trigger: "a joint exercise of
    crisis simulation baptised 'Cavally 2025'", "drills code-named Steel Shield". The name is
    the quoted or capitalised words after the verb, without its edition ("Cavally")."""
    norms, texts = doc.toks.norms, doc.toks.texts
    for k in range(m.j, min(sent.b - 1, m.j + _NAMING_REACH)):
        if norms[k] in (",", ";", ".", "(", ")"):
            if norms[k] == "," and k + 1 < sent.b and res.frames.get((norms[k + 1],)) == "naming":
                continue   # "a border exercise, dubbed ..."
            return None
        length = next((n for n in (3, 2, 1) if res.frames.get(tuple(norms[k:k + n])) == "naming"), 0)
        if not length:
            continue
        start = k + length
        while start < sent.b and norms[start] in _QUOTES | {"'"}:
            start += 1
        end = start
        while end < sent.b and end - start < 5 and (texts[end][:1].isupper() or texts[end].isdigit()
                                                    or (norms[end] == "-" and end > start)):
            end += 1
        if end == start or not texts[start][:1].isupper() or any(sent.covered(x) for x in range(start, end)):
            return None
        name = exercise_name(doc.span_text(start, end))
        iri = exercise_iri(name)
        doc.entity(iri, "Exercise", name, sent.index)
        doc.mention(iri, start, end)
        sent.refs.append(Ref(start, end, iri, "name"))
        return iri
    return None


def _in_quotation(doc: Doc, sent: Sentence, k: int) -> bool:
    """Token ``k`` is inside a direct quotation: an odd number of quotation marks before it in
    its paragraph (a quotation runs over sentences)."""
    first = sent.index
    while first > 0 and doc.sentences[first - 1].paragraph == sent.paragraph:
        first -= 1
    texts = doc.toks.norms
    return sum(1 for x in range(doc.sentences[first].a, k) if texts[x] in _QUOTES) % 2 == 1


_PLACED_TYPES = frozenset({"Meeting", "Visit", "AgreementSigning", "JointExercise"})
_OUTLET_FRAMES = frozenset({"outlet", "outlet-if-named"})
_OUTLET_PREPS = frozenset({"with", "to", "by"})


def _interview_outlet(doc: Doc, res: Resources, sent: Sentence, m: Match, frame: Optional[str]) -> Optional[str]:
    """The outlet an interview frame names right after the trigger: "in an interview with X",
    "told X", "speaking to X", or a reception's object ("received X") that is an outlet."""
    k = m.j
    if k >= sent.b:
        return None
    norms = doc.toks.norms
    if m.key == "Interview" and frame not in _OUTLET_FRAMES:
        if norms[m.j - 1] in _OUTLET_PREPS:
            frame = "outlet"   # "interview with X"
        elif norms[k] in _OUTLET_PREPS:
            frame, k = "outlet", k + 1   # "in an interview with X"
        if k >= sent.b:
            return None
    if frame in _OUTLET_FRAMES and m.key in ("Interview", "Statement"):
        return outlet_at(doc, res, sent, k, strong=frame == "outlet")
    if frame == "host-subject" and m.key == "Meeting":
        return outlet_at(doc, res, sent, k, strong=False)
    return None




def _agreement_referred(doc: Doc, res: Resources, sent: Sentence, m: Match) -> Optional[str]:
    """"The document was signed by ...", "the deal was signed on Tuesday", "It was signed by ...":
    a definite noun for a document, or "it", before the trigger names the agreement of the signing
    reported just before."""
    norms = doc.toks.norms
    pronoun = m.i - 2 >= sent.a and norms[m.i - 2] == "it" and doc.toks.texts[m.i - 1].lower() in ("was", "has")
    if not pronoun and not any(norms[k] in res.folded_words("document_words") and k > sent.a and norms[k - 1] in ("the", "this", "that")
                               for k in range(max(sent.a, m.i - 4), m.i)):
        return None
    for e in reversed(doc.events):
        if e.type == "AgreementSigning" and e.agreement and sent.index - e.sentence <= 2:
            return e.agreement
    return None


def _witnesses(doc: Doc, sent: Sentence) -> set[str]:
    """People "in the presence of" whom something was signed are not its signatories."""
    norms = doc.toks.norms
    out: set[str] = set()
    for k in range(sent.a, sent.b - 1):
        if norms[k] == "presence" and norms[k + 1] == "of" or norms[k] == "witnessed" and norms[k + 1] == "by":
            stop = k + 2
            while stop < sent.b and norms[stop] not in (",", ";", ".") and stop - k < 12:
                stop += 1
            out |= {r.entity for r in sent.refs if k + 2 <= r.i < stop and doc.entities[r.entity].type == "Person"}
    return out


_QUOTE_MARKS = frozenset({",", '"', "'", "\u201d", "\u201c", "\u2019", ")", ":", "--", "-", "\u2014"})


def _speaker(doc: Doc, res: Resources, sent: Sentence, m: Match, before: list[Ref],
             first_after: Optional[Ref]) -> Optional[str]:
    """Who made a statement. "according to X" names its source after the cue: a person there,
    else none ("according to a statement from the ministry"). Otherwise the subject right before
    the verb ("X said", "the minister also told reporters"): when that word is not a person --
    "the Nepali Army said in a statement", "the ministry said", "a spokesman said" -- the statement
    is an organisation's, not a named official's, and no event. After a quotation or a comma the
    speaker is the subject before it ("X, who ..., said") or the name after the verb ("said X")."""
    norms = doc.toks.norms
    if m.term == "according to":
        if first_after is None or first_after.i - m.j > 4:
            return None
        between = range(m.j, first_after.i)
        if any(doc.entities[r.entity].type != "Person" for r in sent.refs if r.i in between):
            return None
        return first_after.entity
    k = m.i - 1
    adverbs = res.folded_words("speech_adverbs")
    while k >= sent.a and (norms[k] in adverbs or res.grammar.get(norms[k]) == "aux"
                           or (norms[k].endswith("ly") and doc.toks.texts[k].islower())):
        k -= 1
    if k > sent.a and norms[k] == "and":
        return _coordinated_subject(doc, sent, m)   # "X welcomed the ties and declared that ..."
    if k >= sent.a and norms[k] not in _QUOTE_MARKS:
        at = [r for r in sent.refs if r.i <= k < r.j]
        person = next((r.entity for r in at if doc.entities[r.entity].type == "Person"), None)
        if person is not None:
            return person
        if not at:   # "X, a former army commander, said": the apposition ends at the verb
            c = k - 1
            while c > sent.a and k - c <= 10 and norms[c] != ",":
                c -= 1
            if norms[c] == "," and c < k and not any(r.i < c < r.j for r in sent.refs):
                named = next((r.entity for r in sent.refs if r.j == c and doc.entities[r.entity].type == "Person"), None)
                if named is not None:
                    return named
        if at or doc.toks.texts[k][:1].isalpha():
            return None   # "the ministry said", "Beijing said", "a spokesman said"
    clause, outside = _subject_outside_relative(doc, sent, m, before)
    subject = outside if clause else (before[-1].entity if before else None)
    return subject or (first_after.entity if first_after and first_after.i - m.j <= 4 else None)


def _coordinated_subject(doc: Doc, sent: Sentence, m: Match) -> Optional[str]:
    """A say-verb coordinated with the verb before it by a bare "and" shares that verb's subject:
    the person the sentence opens with, when no verb comes before that person ("Mr. X welcomed
    the ties and declared that ...")."""
    first = min((r for r in sent.refs if r.i < m.i), key=lambda r: r.i, default=None)
    if first is None or doc.entities[first.entity].type != "Person":
        return None
    if any(x.i < first.i for x in sent.by_cat("event")) or first.i - sent.a > 3:
        return None
    return first.entity


def _in_relative_clause(doc: Doc, sent: Sentence, m: Match) -> bool:
    """The trigger is inside a relative clause opened after a comma and not yet closed ("X, who
    arrived in New Delhi on Tuesday, was accorded ..."): background to the sentence's news, so its
    day does not move the story on."""
    norms = doc.toks.norms
    for w in range(m.i - 1, sent.a, -1):
        if norms[w] == ",":
            return False
        if norms[w] in ("who", "which") and norms[w - 1] == ",":
            return True
    return False


def _subject_outside_relative(doc: Doc, sent: Sentence, m: Match,
                              before: list[Ref]) -> tuple[bool, Optional[str]]:
    """"The minister, who was accompanied by X, said": the speaker is before the relative clause
    (True, that person or None when the text names nobody there); (False, None) without one."""
    norms = doc.toks.norms
    for w in range(m.i - 1, sent.a, -1):
        if norms[w] in ("who", "which") and norms[w - 1] == "," and any(norms[k] == "," for k in range(w + 1, m.i)):
            outside = [r for r in before if r.j <= w - 1]
            return True, (outside[-1].entity if outside else None)
    return False, None


def _place_after(doc: Doc, res: Resources, sent: Sentence, j: int) -> Optional[str]:
    """Where a visit went: the first place or country named after the trigger, by its name (a
    country's adjective says whom, not where: "visited Brazilian troops in Haiti"), or "the
    <adjective> capital", which is that country's capital city."""
    for r in sorted(sent.refs, key=lambda r: r.i):
        if r.i < j or doc.entities[r.entity].type not in ("Place", "Country") or r.how == "group":
            continue
        if r.how != "adjective":
            return r.entity
        country = res.countries.get(r.entity)
        if country is not None and country.capitals and r.j < sent.b and doc.toks.norms[r.j] == "capital":
            name = country.capitals[0]
            iri = place_iri(name)
            doc.entity(iri, "Place", name, sent.index)
            doc.mention(iri, r.i, r.j + 1)
            return iri
    return None


def _visited_no_place(doc: Doc, res: Resources, sent: Sentence, m: Match) -> bool:
    """"visited Dutch soldiers", "visited a new exhibition", "toured the factory": the verb's
    object is no country, city or person but a thing or a unit -- a stop within a trip or a
    ceremony, not a visit (annotation.md: a visit goes to a city or country). The object is read
    after determiners; a capitalised word there (a place the gazetteer may not know) keeps it."""
    if m.j - m.i != 1 or not doc.toks.norms[m.i].startswith(("visit", "tour")) or m.j >= sent.b:
        return False
    norms, texts = doc.toks.norms, doc.toks.texts
    k = m.j
    while k < sent.b and res.grammar.get(norms[k]) in ("det", "poss"):
        k += 1
    if k >= sent.b or not norms[k].isalpha():
        return False
    refs = sent.ref_index().tokens.get(k, ())
    if any(r.how not in ("adjective", "group") for r in refs):
        return False   # "visited Baku", "visited the United States", "visited the minister"
    if refs and k + 1 < sent.b and norms[k + 1] == "capital":
        return False   # "the Azerbaijani capital"
    if not texts[k].islower() and not refs or any(x.i == k and x.cat in ("post", "posthead") for x in sent.matches):
        return False
    return not _abroad(doc, sent, k)


def _visiting_setting(doc: Doc, res: Resources, sent: Sentence, m: Match) -> bool:
    """"X, who is currently visiting the Sultanate, ...", "X, who is on an official visit to the
    country, ...": a visit in the present tense in a relative clause describes the visitor's stay
    as the setting of the sentence's news, not a reported trip ("who was on a visit" reports it)."""
    norms = doc.toks.norms
    if m.key == "Visit" and _being_on(doc, res, sent, m):
        k = m.i - 1
        while norms[k] != "on":
            k -= 1
        return k - 2 >= sent.a and norms[k - 1] in ("is", "are") and norms[k - 2] in ("who", "which", "that")
    if not norms[m.i].endswith("ing"):
        return False
    k = m.i - 1
    while k > sent.a and (norms[k].endswith("ly") or norms[k] in ("now", "still", "also")):
        k -= 1   # "who is currently visiting", "who is now also visiting"
    return k > sent.a and res.grammar.get(norms[k]) == "aux" and norms[k - 1] in ("who", "which", "that")


def _abroad(doc: Doc, sent: Sentence, k: int) -> bool:
    """"visited Brazilian troops in Haiti": a country or place the gazetteer knows, after "in"
    in the same clause, is where the visitor went."""
    norms = doc.toks.norms
    for x in range(k, min(sent.b - 1, k + 10)):
        if norms[x] in _CLAUSE_BREAK:
            return False
        if norms[x] == "in" and any(doc.entities[r.entity].type in ("Country", "Place") and r.how in ("country", "capital", "name")
                                    for r in sent.ref_index().tokens.get(x + 1, ())):
            return True
    return False


_NEXT_DAY = (("the", "next", "day"), ("the", "following", "day"), ("a", "day", "later"), ("the", "day", "after"))


def _concluded_activity(doc: Doc, sent: Sentence, m: Match) -> bool:
    """"concluded the joint exercise", "concluded their talks": an activity ended, nothing signed."""
    if not doc.toks.norms[m.i].startswith("conclud"):
        return False
    return any(x.key != "AgreementSigning" and m.j <= x.i <= m.j + 4 for x in sent.by_cat("event"))


def _after_occasion(doc: Doc, sent: Sentence, m: Match) -> Optional[str]:
    """A statement made "after the talks", "after the signing", "at the ceremony": the date of the
    last such event reported before."""
    norms = doc.toks.norms
    events = sent.memo.get("_event_matches")
    if events is None:
        events = sent.memo["_event_matches"] = sorted((x.i, n, x) for n, x in enumerate(sent.by_cat("event")))
    lo = bisect.bisect_left(events, (m.j, -1))
    for _, _, x in events[lo:lo + 4]:
        if not (m.j <= x.i <= m.j + 6) or x.i < sent.a + 2:
            continue
        if norms[x.i - 1] in ("the", "their", "his", "her") and norms[x.i - 2] in ("after", "following", "at", "during"):
            earlier = next((e for e in reversed(doc.events) if e.type == x.key and e.date and len(e.date) == 10), None)
            if earlier is not None:
                return earlier.date
    return None


def _next_day(doc: Doc, sent: Sentence, m: Match) -> Optional[str]:
    """"the next day", "the following day", "a day later": the day after the date given before it in
    the sentence, else after the day the story is at."""
    norms = doc.toks.norms
    found = sent.memo.get("_next_day")
    if found is None:   # once per sentence: linear in a long one
        found = sent.memo["_next_day"] = [k for k in range(sent.a, sent.b - 2)
                                          if norms[k] in ("the", "a") and tuple(norms[k:k + 3]) in _NEXT_DAY]
    for k in found:
        pos = doc.toks.starts[k]
        before = [d.value for d in sent.dates if d.start < pos and len(d.value) == 10]
        base = before[-1] if before else (doc.narrative_date or doc.date)
        trigger = doc.toks.starts[m.i]
        if any(d.start > pos and abs(d.start - trigger) < abs(pos - trigger) for d in sent.dates) \
                or any(pos < d.start < trigger for d in sent.dates) \
                or any(trigger < d.start < pos for d in sent.dates):
            return None   # a date between trigger and phrase is the trigger's own ("arrived on Wednesday")
        if base and len(base) == 10:
            return (date.fromisoformat(base) + timedelta(days=1)).isoformat()
    return None


def _event_date(doc: Doc, res: Resources, sent: Sentence, m: Match, event: Event) -> Optional[str]:
    if event.type == "Statement":
        occasion = _after_occasion(doc, sent, m)
        if occasion:
            event.dated_by = "occasion"
            return occasion
    later = _next_day(doc, sent, m)
    if later:
        event.dated_by = "text"
        return later
    dates = _own_dates(doc, sent, m)
    if event.type == "Statement":   # a year or month in what was said is its content, not its date,
        dates = [d for d in dates if len(d.value) == 10   # and so is a day inside the quotation ("is today")
                 and not _in_quotation(doc, sent, bisect.bisect_left(doc.toks.starts, d.start))]
    if dates:
        event.dated_by = "text"
        begun = _begun_on(doc, res, sent, m, dates)
        if begun:
            return begun
        pos = doc.toks.starts[m.i]
        return min(dates, key=lambda d: (abs(d.start - pos), d.start)).value
    if event.agreement:
        agreement = doc.entities[event.agreement]
        if agreement.date:
            event.dated_by = "agreement"
            return agreement.date
        earlier = doc.agreement_dates.get(event.agreement)
        if earlier:
            return earlier
    if sent.anchor:
        event.dated_by = "anchor"
        return sent.anchor
    same_paragraph = doc.paragraph_dates.get(sent.paragraph)
    if same_paragraph:
        event.dated_by = "paragraph"
        return same_paragraph
    event.dated_by = "speaker?" if event.type == "Statement" else "story"
    return doc.narrative_date or doc.date


def _begun_on(doc: Doc, res: Resources, sent: Sentence, m: Match, dates: list) -> Optional[str]:
    """"a four-day official visit to Egypt that began on 18 October": a day in a clause right after
    a noun trigger, after a verb of beginning (frame ``start``), is the day the event began."""
    norms = doc.toks.norms
    for d in dates:
        k = bisect.bisect_left(doc.toks.starts, d.start)
        if not (m.j < k <= m.j + 10) or len(d.value) != 10:
            continue
        verb = next((x for x in range(k - 1, max(m.j, k - 4) - 1, -1)
                     if res.frames.get((norms[x],)) == "start"), None)
        if verb is not None and any(norms[x] in ("that", "which") for x in range(m.j, verb)) \
                and not any(norms[x] in (",", ";", ".") for x in range(m.j, verb)):
            return d.value
    return None


def _own_dates(doc: Doc, sent: Sentence, m: Match) -> list[DateMention]:
    """The sentence's dates that can date the trigger's event. Not a bound of a state ("has
    trained officers since 2015"), nor a date after a plan or condition that follows the trigger
    ("visited the troops and is expected to return in December"): that date is the plan's."""
    if not sent.dates:
        return []
    plans = sent.memoized("plans", lambda: sorted(
        c.i for c in sent.by_cat("cue:modality")
        if c.key in PLAN_CUES and c.term != "to" and not doc.toks.texts[c.i][:1].isupper()))
    k = bisect.bisect_left(plans, m.j)
    after_plan = doc.toks.starts[plans[k]] if k < len(plans) else None
    return [d for d in sent.dates if not d.onset and (after_plan is None or d.start < after_plan)]


def _advance_story(doc: Doc, sent: Sentence) -> None:
    """A story that opens on a day without reporting an event ("When the frigate tied up on
    9 February, few noticed.") is at that day: what the next sentences leave undated happened
    then. Once an event has dated the story, a day in a sentence without one is background
    ("Exercise Alon, which began on August 14, ...")."""
    if doc.narrative_date is not None:
        return
    days = [d.value for d in sent.dates if len(d.value) == 10 and not d.onset and not _future(d.value, doc.date)]
    if days:
        doc.narrative_date = days[-1]


_OCCASIONS = ("Meeting", "Visit", "AgreementSigning", "Appointment")


def _date_statements(doc: Doc) -> None:
    """A statement the text does not date was made at the speaker's meeting (or visit, signing,
    ceremony) the article reports: the last one before it, else the first after it. Reported
    again without a date ("has said ... stated this on Tuesday"), it takes its dated report's date."""
    first_dated: dict[str, Event] = {}   # indexed once: linear in an article of many statements
    by_actor: dict[str, list[Event]] = {}
    for x in doc.events:
        if x.type == "Statement" and x.participants and x.dated_by == "text" and x.date:
            first_dated.setdefault(x.participants[0], x)
        if x.type in _OCCASIONS and x.date and len(x.date) == 10:
            for actor in set(x.participants) | {x.host, x.guest}:
                if actor:
                    by_actor.setdefault(actor, []).append(x)
    for e in doc.events:
        if e.type != "Statement" or e.dated_by != "speaker?" or not e.participants:
            continue
        speaker = e.participants[0]
        dated = [first_dated[speaker]] if speaker in first_dated else []
        occasions = by_actor.get(speaker, [])
        meetings = [x for x in occasions if x.type == "Meeting"]
        occasions = meetings or occasions
        earlier = [x for x in occasions if x.sentence <= e.sentence]
        if dated:
            e.date, e.dated_by = dated[0].date, "speaker"
        elif occasions:
            e.date, e.dated_by = (earlier[-1] if earlier else occasions[0]).date, "speaker"


def _discussion(doc: Doc, res: Resources, sent: Sentence) -> None:
    """"The sides also focused on ...": topics of the meeting in focus."""
    if not sent.by_cat("cue:discussion") or sent.by_cat("event"):
        return
    meeting = next((e for e in reversed(doc.events) if e.type == "Meeting"), None)
    if meeting is not None:
        meeting.topics |= {a.key for a in sent.by_cat("area")}


def _drop_off_topic_statements(doc: Doc, off_topic: set[int]) -> None:
    """A statement whose words are not of defence or relations still counts when its speaker
    takes part in a meeting, visit, signing or exercise the article reports: what a minister
    says at talks is about them ("a concrete example of integration")."""
    if not off_topic:
        return
    actors = {p for e in doc.events if e.type not in _SPEECH_TYPES for p in (*e.participants, e.host, e.guest) if p}
    doc.events = [e for e in doc.events if id(e) not in off_topic or e.participants[0] in actors]


def _drop_interview_statements(doc: Doc) -> None:
    """What someone said in an interview is part of the interview, not another statement."""
    interviews = {(e.sentence, p) for e in doc.events if e.type == "Interview" for p in e.participants}
    doc.events = [e for e in doc.events if not (e.type == "Statement" and
                                                 (e.sentence, e.participants[0]) in interviews)]


def _fold_undated_signings(events: list[Event]) -> list[Event]:
    """A signing the text mentions without a date ("he spoke about the agreement signed with
    Honduras") is the signing the article dates elsewhere with a party in common, not another."""
    dated = [e for e in events if e.type == "AgreementSigning" and e.date and e.dated_by in ("text", "agreement")]
    out = []
    for e in events:
        if e.type == "AgreementSigning" and e.dated_by not in ("text", "agreement") and e.agreement is None:
            into = next((x for x in dated if set(x.participants) & set(e.participants)), None)
            if into is not None:
                own_date = into.date
                _absorb(into, e)
                into.date = own_date   # the fallback date of the mention says nothing
                continue
        out.append(e)
    return out


def _fold_bare_signings(doc: Doc) -> None:
    """"The Philippines and Japan on Monday signed an agreement that ..." then "X and Y signed the
    Agreement on ...": a signing of a bare, unnamed agreement (its description a kind word alone)
    by countries is the signing of the named agreement the article's people sign on the same
    date for those countries, not a second signing; the bare agreement is that one."""
    named = [e for e in doc.events if e.type == "AgreementSigning" and e.date and e.agreement
             and not doc.entities[e.agreement].described]
    if not named:
        return
    for e in list(doc.events):
        if e.type != "AgreementSigning" or not e.agreement or not e.date:
            continue
        bare = doc.entities[e.agreement]
        if not bare.described or len(term_key(bare.name)) != 1:
            continue
        countries = {p for p in e.participants if doc.entities[p].type == "Country"}
        if not countries or len(countries) != len(e.participants):
            continue
        into = next((x for x in named if x.date == e.date and _signed_for(doc, x, countries)), None)
        if into is None:
            continue
        doc.events.remove(e)
        for sent in doc.sentences:
            for r in sent.refs:
                if r.entity == bare.id:
                    r.entity = into.agreement
        del doc.entities[bare.id]


def _signed_for(doc: Doc, event: Event, countries: set[str]) -> bool:
    """The people who signed ``event`` serve only (and at least one of) these countries."""
    served = set()
    for p in event.participants:
        ent = doc.entities[p]
        if ent.type != "Person":
            return False
        country = ent.country or next((r.country for r in ent.roles if r.country), None)
        if country is not None:
            served.add(country)
    return bool(served) and served <= countries


def merge_events(events: list[Event]) -> list[Event]:
    """One event per happening: same type and date with shared participants or agreement."""
    merged: list[Event] = []
    for e in events:
        for other in merged:
            if other.type != e.type:
                continue
            same_agreement = e.agreement is not None and e.agreement == other.agreement
            if not same_agreement and (other.date != e.date or not set(other.participants) & set(e.participants)):
                continue
            if e.type == "Statement" and other.participants != e.participants:
                continue
            if e.type == "Meeting" and not same_agreement and _other_pairs(other, e):
                continue

            _absorb(other, e)
            break
        else:
            merged.append(e)
    return merged


def _other_pairs(a: Event, b: Event) -> bool:
    """Two meetings of one day that share a person but each have someone the other lacks -- "X
    held talks with Y ... Earlier on Monday, X met Z", "Z received X; X later met W" -- are two
    meetings, unless one is a continuation of the other with the same host."""
    pa, pb = set(a.participants), set(b.participants)
    if len(pa) < 2 or len(pb) < 2 or not (pa - pb) or not (pb - pa):
        return False   # (two meetings of one sentence differ only when _clause_people split it)
    return not (a.host and a.host == b.host and a.guest == b.guest)


def _absorb(into: Event, e: Event) -> None:
    people_into = into.participants
    if e.date and (into.date is None or len(e.date) > len(into.date)):
        into.date = e.date
    into.participants = sorted(set(people_into) | set(e.participants))
    into.host = into.host or e.host
    into.guest = into.guest or e.guest
    into.agreement = into.agreement or e.agreement
    into.exercise = into.exercise or e.exercise
    into.place = into.place or e.place
    into.topics |= e.topics
    into.confidence = max(into.confidence, e.confidence)
