"""Tokens with offsets and the one normal form every matcher compares.

Text and lexicon terms are tokenised the same way (a word is ``\\w+``, every other non-space
character is a token of its own) and folded the same way (case, accents, curly quotes and
dashes), so "Maj-Gen", "Türkiye’s" and "defence" meet their lexicon entries.

>>> toks = tokenize("Turkey’s Maj-Gen Yalçın")
>>> toks.norms
['turkey', "'", 's', 'maj', '-', 'gen', 'yalcin']
>>> toks.starts[-1], toks.ends[-1]
(17, 23)
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

TOKEN_RE = re.compile(r"\w+|[^\w\s]")
_PUNCT = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "‐": "-", "‑": "-",
                        "‒": "-", "–": "-", "—": "-", "“": '"', "”": '"', "„": '"', "ı": "i", "İ": "I"})
_FOLD_CACHE: dict[str, str] = {}


def fold(word: str) -> str:
    """Lower case, accents stripped, quotes and dashes made plain."""
    cached = _FOLD_CACHE.get(word)
    if cached is not None:
        return cached
    text = word.translate(_PUNCT)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    result = text.lower()
    if len(_FOLD_CACHE) < 200_000:
        _FOLD_CACHE[word] = result
    return result


@dataclass
class Tokens:
    """Parallel lists: start and end offsets, surface text and folded form of each token."""
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    norms: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.starts)


def tokenize(text: str, offset: int = 0) -> Tokens:
    matches = list(TOKEN_RE.finditer(text))
    texts = [m.group() for m in matches]
    cache = _FOLD_CACHE
    return Tokens(starts=[m.start() + offset for m in matches], ends=[m.end() + offset for m in matches],
                  texts=texts, norms=[cache.get(w) or fold(w) for w in texts])


def term_key(term: str, skippable: frozenset[str] = frozenset({".", "-"})) -> tuple[str, ...]:
    """The folded token tuple a lexicon term is matched by (full stops and hyphens optional)."""
    return tuple(n for n in (fold(t) for t in TOKEN_RE.findall(term)) if n not in skippable)


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()
