"""Event kinds that news reports in less common shapes: statements only when about defence or
relations, interviews with an outlet the lexicon does not know, past joint exercises, places
the gazetteer does not know, visits with no place. Sentences written for these tests (not taken
from any test article), each rule with at least one sentence it must not fire on."""
from __future__ import annotations

import pytest

from extraction_checks import run as _run, events as _events
from kg.iris import person_iri


# -- statements: about defence or relations ----------------------------------------------------

@pytest.mark.parametrize("body", [
    "Culture Minister Ana Pereira said on Monday that the theatre season would open with three concerts.",
    "Trade Minister Jonas Berg told reporters on Monday that coffee prices had fallen for a third month.",
    "The ambassador of Chile, Pablo Reyes, said he was delighted to hear young bands from both cities.",
    "Chief executive Maria Lund said our members had benefited from higher prices for olive oil.",
])
def test_statement_off_defence_and_relations_is_no_event(workspace_extractor, body):
    assert _events(_run(workspace_extractor, body), "Statement") == []


@pytest.mark.parametrize("body, speaker", [
    ("Defence Minister Karim Nasser said on Monday that the army would buy four patrol boats.", "Karim Nasser"),
    ("Foreign Minister Lena Holm said the partnership with Norway had never been stronger.", "Lena Holm"),
    ('"We will keep our borders safe," Interior Minister Jonas Berg told reporters on Monday.', "Jonas Berg"),
])
def test_statement_about_defence_or_relations(workspace_extractor, body, speaker):
    [found] = _events(_run(workspace_extractor, body), "Statement")
    assert found["participants"] == [person_iri(speaker)]


def test_statement_of_a_meeting_participant_counts_without_topic_words(workspace_extractor):
    body = ("Defence Minister Karim Nasser received General Omar Haddad of Jordan on Monday.\n\n"
            "Nasser said afterwards that he had much enjoyed the lunch.")
    speakers = [e["participants"] for e in _events(_run(workspace_extractor, body), "Statement")]
    assert speakers == [[person_iri("Karim Nasser")]]
