"""A counterpart the text first leaves unnamed: "Al Nuaimi hosted his British counterpart, who is
on a Gulf tour ... Britain's John Healey later met ..." -- the one person of that country the
article names without a post holds the host's post. (A counterpart named where it is introduced,
"his Turkish counterpart Hulusi Akar", is read by :mod:`kg.extract.people`.)
"""
from __future__ import annotations

from typing import Optional

from kg.extract.document import Doc, Sentence
from kg.extract.gazetteer import Match
from kg.extract.resources import Resources

_NAMED_WITHIN = 3   # "counterpart, Helena Shivute": a name this close names the counterpart


def drop_domestic_colleagues(doc: Doc, res: Resources) -> None:
    """A counterpart word marked ``foreign-only`` in ``counterpart.tsv`` ("colleague") means the
    person with the same post elsewhere only after a country's name or adjective ("my Finnish
    colleague"); "her colleague Ola Berg" may be a fellow minister of the same government, so
    without one the match is dropped before people are read. Runs after find_countries."""
    for sent in doc.sentences:
        drop = [m for m in sent.by_cat("cue:counterpart") if m.key == "foreign-only" and _country_before(sent, m) is None]
        if drop:
            sent.matches = [m for m in sent.matches if m not in drop]


def find_unnamed_counterparts(doc: Doc, res: Resources) -> None:
    for sent in doc.sentences:
        for cue in sent.by_cat("cue:counterpart"):
            if doc.toks.norms[cue.j - 1].endswith("s") or _named_after(doc, sent, cue):
                continue
            country = _country_before(sent, cue)
            post = _holders_post(doc, res, sent, cue)
            if country is None or post is None:
                continue
            unplaced = [e for e in doc.entities.values() if e.type == "Person" and e.country == country
                        and not any(r.role not in res.title_only_roles for r in e.roles)]
            if len(unplaced) == 1:
                unplaced[0].add_role(post, country)


def _named_after(doc: Doc, sent: Sentence, cue: Match) -> bool:
    return any(cue.j <= r.i <= cue.j + _NAMED_WITHIN and r.how in ("name", "surname", "fuzzy")
               and doc.entities[r.entity].type == "Person" for r in sent.refs)


def _country_before(sent: Sentence, cue: Match) -> Optional[str]:
    """The country named right before the cue ("his British counterpart")."""
    return next((r.entity for r in sent.refs if r.j == cue.i and r.how in ("country", "adjective")), None)


def _holders_post(doc: Doc, res: Resources, sent: Sentence, cue: Match) -> Optional[str]:
    """The post of the person whose counterpart is meant: the nearest person named before the
    cue, when that person holds exactly one post besides the additional ones (``additional_posts.tsv``)."""
    before = [r for r in sent.refs if r.j <= cue.i and r.how in ("name", "surname", "fuzzy", "title")
              and doc.entities[r.entity].type == "Person"]
    if not before:
        return None
    holder = doc.entities[max(before, key=lambda r: r.i).entity]
    posts = {r.role for r in holder.roles if r.role not in res.title_only_roles}
    posts = posts - res.additional_posts or posts   # "Deputy Prime Minister and Minister of Defence X"
    return next(iter(posts)) if len(posts) == 1 else None
