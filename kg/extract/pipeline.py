"""The extractor's public API: text (and a lexicon) in, the contract JSON object out.

>>> from kg.extract.lexicon import Lexicon
>>> from kg.articles import Article
>>> Extractor(Lexicon()).extract(Article(id="empty", body=""))["entities"]
[]
"""
from __future__ import annotations

import bisect
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Optional, Sequence

from kg.articles import Article, read_article
from kg.extract.agreements import finalize_agreements, find_agreements
from kg.extract.context import infer_countries
from kg.extract.counterparts import drop_domestic_colleagues, find_unnamed_counterparts
from kg.extract.countries import find_countries, find_country_anaphors
from kg.extract.dateline import find_dateline, find_weekday_headings
from kg.extract.document import Doc, Entity, Sentence
from kg.extract.events import drop_off_domain, find_events
from kg.extract.lexicon import Lexicon
from kg.extract.names import find_named
from kg.extract.people import find_people
from kg.extract.relations import find_relations
from kg.extract.resources import Resources
from kg.extract.sentences import split_sentences
from kg.extract.succession import find_successions
from kg.extract.text import tokenize
from kg.iris import event_iri

_KEEP_COUNTRIES = frozenset({"JointExercise", "ArmedConflict"})


class Extractor:
    """Compile the lexicon once; then ``extract`` any number of articles."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.resources = Resources(lexicon)

    def read(self, article: Article) -> Doc:
        """Run every stage and return the working document (for debugging and tests)."""
        res = self.resources
        body = article.body or ""
        toks = tokenize(body)
        dateline = find_dateline(body, res.calendar_words)
        told = _dateline_date(res, dateline, article.date)
        sentences = []
        is_anchor = res.dates.is_anchor
        paragraph, previous_end = 0, 0
        for index, (start, end) in enumerate(split_sentences(body, res.abbreviations)):
            a = bisect.bisect_left(toks.starts, start)
            b = bisect.bisect_left(toks.starts, end)
            if index and "\n" in body[previous_end:start]:
                paragraph += 1
            previous_end = end
            sent = Sentence(index, start, end, a, b, paragraph=paragraph)
            sent.matches = res.gazetteer.find(toks, a, b)
            anchors = [toks.starts[k] - start for k in range(a, b) if is_anchor(toks.norms[k])]
            sent.dates = res.dates.find(body[start:end], told, start, anchors) if anchors else []
            if dateline is not None and start < dateline.body_start:
                sent.dates = [d for d in sent.dates if d.start >= dateline.body_start]
            sentences.append(sent)
        doc = Doc(body=body, date=told, toks=toks, sentences=sentences, codes=res.event_codes,
                  dateline=dateline)
        find_weekday_headings(doc, res)
        find_countries(doc, res)
        find_country_anaphors(doc, res)
        drop_domestic_colleagues(doc, res)
        find_named(doc, res)
        find_people(doc, res)
        find_unnamed_counterparts(doc, res)
        find_successions(doc, res)
        find_agreements(doc, res)
        find_events(doc, res)
        infer_countries(doc, res)
        find_relations(doc, res)
        finalize_agreements(doc)
        drop_off_domain(doc, res)
        used = {e.place for e in doc.events}
        for iri in doc.optional_places - used:
            del doc.entities[iri]
        for iri in doc.planned_places - doc.firm_places - used - doc.optional_places:
            doc.entities.pop(iri, None)   # only a future destination: no Place
        return doc

    def extract(self, article: Article) -> dict:
        doc = self.read(article)
        return {
            "article": {"id": article.id, "title": article.title, "date": article.date,
                        "source": article.source or article.url or article.outlet},
            "entities": [_entity(doc, e, self.resources.title_only_roles) for e in sorted(doc.entities.values(), key=lambda e: e.id)],
            "events": _events(doc),
            "relations": _relations(doc),
        }


def _dateline_date(res: Resources, dateline, article_date: Optional[str]) -> Optional[str]:
    """The day the story is told from: the dateline's day (resolved against the article's date,
    so "Dec 30" in a January article is the year before), else the article's date."""
    if dateline is None or not dateline.date_text or not article_date:
        return article_date
    found = res.dates.find(dateline.date_text, article_date)
    if found and len(found[0].value) == 10:
        return found[0].value
    return article_date


def _entity(doc: Doc, e: Entity, title_only: frozenset = frozenset()) -> dict:
    """The contract form of an entity; posts that are titles only (Deputy Prime Minister) are
    not reported as roles."""
    return {
        "id": e.id, "type": e.type, "name": e.name,
        "mentions": [{"text": doc.body[s:t], "start": s, "end": t} for s, t in sorted(e.mentions)],
        "roles": sorted(({"role": r.role, "country": r.country, "accreditedTo": r.accredited_to}
                         for r in e.roles if r.role not in title_only), key=lambda r: (r["role"], r["country"] or "", r["accreditedTo"] or "")),
        "country": e.country if e.type != "Country" else None,
        "wikidata": e.wikidata,
    }


def _evidence(doc: Doc, index: int) -> dict:
    sent = doc.sentences[index]
    return {"text": doc.body[sent.start:sent.end], "start": sent.start, "end": sent.end}


def _events(doc: Doc) -> list[dict]:
    out: dict[str, dict] = {}
    for e in doc.events:
        participants = e.participants
        if e.type not in _KEEP_COUNTRIES and any(doc.entities[p].type == "Person" for p in participants):
            participants = [p for p in participants if doc.entities[p].type != "Country"]
        participants = sorted(set(participants) | {x for x in (e.host, e.guest) if x})
        iri = event_iri(e.type, e.date, participants)
        if iri in out:
            continue
        cameo, plover = doc.codes.get(e.type, (None, None))
        out[iri] = {
            "id": iri, "type": e.type, "date": e.date, "host": e.host, "guest": e.guest,
            "participants": participants, "agreement": e.agreement, "place": e.place,
            "topics": sorted(e.topics), "cameo": cameo, "plover": plover, "exercise": e.exercise,
            "evidence": _evidence(doc, e.sentence), "confidence": e.confidence, "rule": e.rule,
        }
    return [out[k] for k in sorted(out, key=lambda k: (out[k]["date"] or "", k))]


def _relations(doc: Doc) -> list[dict]:
    out = []
    for r in doc.relations:
        out.append({"s": r.s, "p": r.p, "o": r.o, "via": r.via, "evidence": _evidence(doc, r.sentence),
                    "rule": r.rule, "since": r.since, "areas": sorted(r.areas), "confidence": r.confidence})
    return sorted(out, key=lambda r: (r["s"], r["p"], r["o"], r["via"] or ""))


# -- many files -------------------------------------------------------------------------

_WORKER: Optional[Extractor] = None


def _init_worker(lexicon: Lexicon) -> None:
    global _WORKER
    _WORKER = Extractor(lexicon)


def _extract_article(article: Article) -> dict:
    assert _WORKER is not None
    return _WORKER.extract(article)


def extract_files(paths: Sequence[Path], lexicon: Lexicon, date: Optional[str] = None,
                  workers: int = 1) -> list[dict]:
    """Extract many article files, in the order given; ``workers`` > 1 uses processes.
    An unreadable file raises :class:`kg.errors.ArticleError` naming it."""
    return extract_articles([read_article(Path(p), date=date) for p in paths], lexicon, workers)


def extract_articles(articles: Sequence[Article], lexicon: Lexicon, workers: int = 1) -> list[dict]:
    """The extraction of each article, in order; ``workers`` > 1 spreads them over processes,
    each compiling the lexicon once."""
    if workers <= 1 or len(articles) <= 1:
        extractor = Extractor(lexicon)
        return [extractor.extract(article) for article in articles]
    chunk = max(1, len(articles) // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(lexicon,)) as pool:
        return list(pool.map(_extract_article, articles, chunksize=chunk))
