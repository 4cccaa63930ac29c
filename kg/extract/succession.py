"""Posts implied by succession: "Margono replaces General Andika Perkasa", "X, who succeeded
Y", "Y was succeeded by General X", "X took over from Y" -- the predecessor held the post the
successor now holds (either may be the one the text gives it to). Runs after
:mod:`kg.extract.people` has given the named people their posts (and pronouns their
referents), so that the post is known whatever the order of the sentences.
"""
from __future__ import annotations

from typing import Optional

from kg.extract.document import Doc, Ref, Sentence
from kg.extract.resources import Resources

_PEOPLE_REFS = frozenset({"name", "surname", "fuzzy", "pronoun", "title"})


def find_successions(doc: Doc, res: Resources) -> None:
    for sent in doc.sentences:
        for cue in sent.by_cat("cue:succession"):
            passive = cue.j < sent.b and doc.toks.norms[cue.j] == "by"   # "was succeeded by X"
            before = _person_before(doc, sent, cue.i)
            after = _person_after(doc, sent, cue.j + (1 if passive else 0))
            if before is None or after is None or before.entity == after.entity:
                continue
            _share_post(doc, res, before.entity, after.entity)


def _person_before(doc: Doc, sent: Sentence, k: int) -> Optional[Ref]:
    """The person the clause before token k is about: the nearest reference to a person."""
    found = [r for r in sent.refs if r.j <= k and r.how in _PEOPLE_REFS
             and doc.entities[r.entity].type == "Person"]
    return max(found, key=lambda r: r.i) if found else None


def _person_after(doc: Doc, sent: Sentence, k: int) -> Optional[Ref]:
    """The person named right after token k (titles and ranks may stand between)."""
    found = [r for r in sent.refs if k <= r.i <= k + 6 and r.how in ("name", "surname", "fuzzy")
             and doc.entities[r.entity].type == "Person"]
    if not found:
        return None
    first = min(found, key=lambda r: r.i)
    between = range(k, first.i)
    titles = {x for m in sent.matches if m.cat in ("post", "rank", "honorific") for x in range(m.i, m.j)}
    if any(x not in titles and doc.toks.norms[x] not in ("the", ",", ".") for x in between):
        return None
    return first


def _share_post(doc: Doc, res: Resources, one: str, other: str) -> None:
    """Successor and predecessor held the same post: when one of them has exactly one post
    (titles only aside) and the other none of that type, the other gets it, for the same
    country ("He replaces General Y" gives Y the post he was installed in; "X replaced Y as
    defence minister" gives X the post the sentence gives Y)."""
    for giver, taker in ((one, other), (other, one)):
        posts = [r for r in doc.entities[giver].roles if r.role not in res.title_only_roles]
        held = doc.entities[taker]
        if len(posts) == 1 and not any(r.role not in res.title_only_roles for r in held.roles):
            held.add_role(posts[0].role, posts[0].country, posts[0].accredited_to)
            return
