"""One token trie over every surface form the lexicon knows, compiled once.

A walk from each token of a sentence finds, in one pass, the country names, adjectives,
capitals, known people and organisations, post types, ranks, areas, agreement kinds, event
triggers and cue phrases that start there. Matching is on folded tokens; full stops and
hyphens inside a term are optional ("Maj. Gen." = "Maj-Gen" = "Maj Gen"); a term written
with a capital (a name) only matches text that starts with a capital, and an all-capital
acronym ("US") only matches all-capital text. Per group, overlaps resolve leftmost-longest.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from kg.extract.text import Tokens, fold, term_key

_SKIP = frozenset({".", "-"})
_VALUES = ""  # trie key under which a node keeps its entries (no token folds to "")

# Match categories and the group in which they compete for the same tokens.
GROUPS = {
    "country": "entity", "adjective": "entity", "capital": "entity", "person": "entity",
    "named": "entity",
    "post": "title", "rank": "title", "honorific": "title", "posthead": "title", "postheads": "title",
    "area": "area", "kind": "kind", "event": "event",
}


# Categories whose terms may hold a country adjective inside ("Commander of the Turkish Land Forces").
INNER_CATS = frozenset({"post"})


@dataclass(frozen=True)
class Match:
    i: int          # first token
    j: int          # one past the last token
    cat: str        # category: "country", "post", "event", "cue:modality", ...
    key: str        # what it names: an IRI, a concept name, a cue value
    term: str       # the lexicon term (folded, space-joined) it matched


class Gazetteer:
    """``add`` terms, then ``find`` over a token range; build once, reuse for every article."""

    def __init__(self) -> None:
        self.root: dict = {}
        self.size = 0
        self.inner: frozenset[str] = frozenset()   # one-word country names and adjectives (and 'Royal') a title may hold

    def add(self, term: str, cat: str, key: str, cased: bool | None = None) -> None:
        words = term_key(term)
        if not words:
            return
        if cased is None:
            cased = term[:1].isupper()
        mode = 0
        if cased:
            letters = [c for c in term if c.isalpha()]
            mode = 2 if len(letters) >= 2 and all(c.isupper() for c in letters) else 1
        node = self.root
        for word in words:
            node = node.setdefault(word, {})
        entries = node.setdefault(_VALUES, [])
        entry = (cat, key, mode, " ".join(words))
        if entry not in entries:
            entries.append(entry)
            self.size += 1

    def add_all(self, terms: Iterable[str], cat: str, key: str, cased: bool | None = None) -> None:
        for term in terms:
            self.add(term, cat, key, cased)

    def find(self, toks: Tokens, a: int, b: int) -> list[Match]:
        """Every match inside tokens [a, b), overlaps resolved leftmost-longest per group."""
        norms, texts, root = toks.norms, toks.texts, self.root
        raw: list[Match] = []
        for i in range(a, b):
            node = root.get(norms[i])
            if node is None:
                continue
            j = i
            inner = False
            while True:
                entries = node.get(_VALUES)
                if entries:
                    for cat, key, mode, term in entries:
                        if mode and not _case_ok(texts, i, j, mode) or inner and cat not in INNER_CATS:
                            continue
                        raw.append(Match(i, j + 1, cat, key, term))
                j += 1
                if j >= b:
                    break
                child = node.get(norms[j])
                if child is None and norms[j] in _SKIP and j + 1 < b:
                    child = node.get(norms[j + 1])
                    if child is not None:
                        j += 1
                if child is None and norms[j] in self.inner and texts[j][:1].isupper():
                    # "Chief of Staff of the [Egyptian] Armed Forces", "Commander [Royal Saudi] Land Forces"
                    k = j
                    while k < b and k - j < 2 and norms[k] in self.inner and texts[k][:1].isupper():
                        k += 1
                    child = node.get(norms[k]) if k < b else None
                    if child is not None:
                        j = k
                        inner = True
                if child is None:
                    break
                node = child
        return resolve(raw)


def _case_ok(texts: list[str], i: int, j: int, mode: int) -> bool:
    first = texts[i]
    if not first[:1].isupper():
        return False
    if mode == 2:
        return all(t.isupper() or not t.isalpha() for t in texts[i:j + 1])
    return True


def resolve(raw: list[Match]) -> list[Match]:
    """Leftmost-longest per group; cue categories ("cue:...") each form their own group."""
    raw.sort(key=lambda m: (m.i, -(m.j - m.i), m.cat, m.key))
    taken: dict[str, int] = {}
    out: list[Match] = []
    last_span: dict[str, tuple[int, int]] = {}
    for m in raw:
        group = GROUPS.get(m.cat, m.cat)
        if m.i < taken.get(group, 0):
            if last_span.get(group) == (m.i, m.j):
                out.append(m)  # the same span with another reading (e.g. two countries' "Congo")
            continue
        taken[group] = m.j
        last_span[group] = (m.i, m.j)
        out.append(m)
    return out


def variants(term: str, spelling: dict[str, str]) -> set[str]:
    """The term in British and American spelling."""
    out = {term}
    words = term.split(" ")
    swapped = [spelling.get(fold(w), None) for w in words]
    if any(swapped):
        out.add(" ".join(s or w for s, w in zip(swapped, words)))
    reverse = {v: k for k, v in spelling.items()}
    back = [reverse.get(fold(w), None) for w in words]
    if any(back):
        out.add(" ".join(s or w for s, w in zip(back, words)))
    return out


def plural(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def singular(word: str) -> str:
    """The singular of a regular English plural ("armies" -> "army", "forces" -> "force")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def verb_forms(word: str, irregular: dict[str, tuple[str, ...]]) -> set[str]:
    """Base, third person, past and -ing forms of an English verb (irregular ones from data)."""
    if word in irregular:
        return {word, *irregular[word]}
    forms = {word, plural(word)}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    elif word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ied", word + "ing"}
    else:
        forms |= {word + "ed", word + "ing"}
    return forms


def inflections(term: str, irregular: dict[str, tuple[str, ...]], verb: bool) -> set[str]:
    """Forms a term takes in text: plural of its last word, and verb forms of its first word."""
    words = term.split(" ")
    out = {term, " ".join(words[:-1] + [plural(words[-1])])}
    if verb:
        phrase = " ".join(words[:2])
        if len(words) >= 2 and phrase in irregular:
            out |= {" ".join([f, *words[2:]]) for f in irregular[phrase]}
        out |= {" ".join([f, *words[1:]]) for f in verb_forms(words[0], irregular)}
    return out
