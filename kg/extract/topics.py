"""Topics: the CooperationAreas concepts a sentence names by their terms (matched by the
gazetteer), e.g. "military education" -> MilitaryEducation."""
from __future__ import annotations

from kg.extract.document import Sentence


def topics_of(sent: Sentence) -> set[str]:
    return {m.key for m in sent.matches if m.cat == "area"}
