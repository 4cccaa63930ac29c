"""Where an event's date comes from when the sentence that reports it gives none, or gives a date
that belongs to something else: the story's opening day, "the next day", a bound of a state
("since 2015"), a date that belongs to a plan after the trigger, a date narrowed down by the one
after it ("earlier this year, in February"), a date after the story's day. Sentences written for
these tests in several styles (not taken from the gold or dev sets), each rule with a case it
must not fire on."""
from __future__ import annotations

import pytest

from kg.extract.dates import DateFinder
from extraction_checks import run as _run, events as _events, local_name


@pytest.fixture(scope="module")
def finder(workspace_extractor) -> DateFinder:
    return workspace_extractor.resources.dates


# -- the story's opening day --------------------------------------------------------------

def test_event_dated_by_opening_day_of_a_story(workspace_extractor):
    body = ("When the Kenyan patrol ship docked at Mombasa on the morning of 3 May, hardly anyone noticed. "
            "Aboard was Kenya's Chief of Defence Forces, General Charles Kahariri, who had arrived in "
            "Tanzania for a three-day visit.")
    assert [e["date"] for e in _events(_run(workspace_extractor, body), "Visit")] == ["2024-05-03"]


def test_background_day_after_a_dated_event_does_not_move_the_story(workspace_extractor):
    body = ("Defence Minister Ana Lopes met General Omar Haddad on Tuesday. "
            "The academy, which opened on 2 March 2015, trains 300 cadets a year.\n\n"
            "Lopes later visited Jordan.")
    assert [e["date"] for e in _events(_run(workspace_extractor, body), "Visit")] == ["2024-05-07"]


# -- "the next day" is later in the story, not in the future -------------------------------

@pytest.mark.parametrize("body, date", [
    ("Admiral Rui Costa arrived in Accra on 6 May. The next day he was received by Ghana's "
     "Defence Minister Dominic Nitiwul.", "2024-05-07"),
    ("The delegation landed in Lima on Monday 6 May; the following day General Omar Haddad met "
     "Peru's Defence Minister Walter Astudillo.", "2024-05-07"),
])
def test_next_day_is_a_reported_event(workspace_extractor, body, date):
    assert [e["date"] for e in _events(_run(workspace_extractor, body), "Meeting")] == [date]


def test_next_without_article_is_still_future(workspace_extractor):
    body = "Next Tuesday General Omar Haddad meets Peru's Defence Minister Walter Astudillo."
    assert _events(_run(workspace_extractor, body), "Meeting") == []


# -- a bound of a state is not when something happened ----------------------------------------

@pytest.mark.parametrize("tail", ["since 2019", "since March", "since January 2021"])
def test_since_date_does_not_date_a_meeting(workspace_extractor, tail):
    body = ("Chile's Defence Minister Maya Fernandez received General Omar Haddad, who has commanded "
            f"the Jordanian military academy {tail}.")
    assert [e["date"] for e in _events(_run(workspace_extractor, body), "Meeting")] == ["2024-05-10"]


def test_since_is_marked_as_onset(finder):
    found = finder.find("They have trained together since 2015 and met in 2019.", "2024-05-10")
    assert [(d.value, d.onset) for d in found] == [("2015", True), ("2019", False)]


# -- a date after a plan that follows the trigger is the plan's -----------------------------

def test_date_of_a_following_plan_is_not_the_visits(workspace_extractor):
    body = ("Defence Minister Ana Lopes visited Haiti and is expected to return to the region in "
            "August.")
    assert [e["date"] for e in _events(_run(workspace_extractor, body), "Visit")] == ["2024-05-10"]


def test_date_before_the_plan_still_dates_the_visit(workspace_extractor):
    body = ("Defence Minister Ana Lopes visited Haiti on Monday and is expected to return to the "
            "region in August.")
    assert [e["date"] for e in _events(_run(workspace_extractor, body), "Visit")] == ["2024-05-06"]


# -- a date narrowed down by the one after it --------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("earlier this year, in the month of February, the armies trained", "2024-02"),
    ("In 2019, on 14 June, the pact was signed", "2019-06-14"),
    ("last year, in March, the ministers met", "2023-03"),
])
def test_apposed_dates_are_one_date(finder, text, value):
    assert [d.value for d in finder.find(text, "2024-05-10")] == [value]


def test_two_separate_dates_stay_two(finder):
    found = finder.find("in 2019 the talks began and in June they ended", "2024-05-10")
    assert [d.value for d in found] == ["2019", "2023-06"]


def test_exercise_dated_at_the_finer_date(workspace_extractor):
    body = ("Earlier this year, in the month of February, the armies of Ghana and Togo held a joint "
            "exercise near Lome.")
    assert [e["date"] for e in _events(_run(workspace_extractor, body), "JointExercise")] == ["2024-02"]


# -- dated after the story's day: planned ------------------------------------------------

def test_event_dated_after_the_article_is_not_reported(workspace_extractor):
    body = "Tomorrow General Omar Haddad meets Defence Minister Ana Lopes in Amman."
    assert _events(_run(workspace_extractor, body), "Meeting") == []


# -- where a visit went ----------------------------------------------------------------------

def test_visit_place_is_not_a_country_adjective(workspace_extractor):
    body = "Defence Minister Ana Lopes visited Brazilian troops in Haiti on Monday."
    places = [local_name(e["place"]) for e in _events(_run(workspace_extractor, body), "Visit")]
    assert places == ["HTI"]


def test_visit_to_the_adjective_capital_is_the_capital(workspace_extractor):
    body = "Russian Defence Minister Sergei Shoigu arrived in the Kyrgyz capital on Wednesday."
    places = [local_name(e["place"]) for e in _events(_run(workspace_extractor, body), "Visit")]
    assert places == ["bishkek"]


# -- one signing told in two sentences ------------------------------------------------------

def test_it_was_signed_names_the_signing_just_reported(workspace_extractor):
    body = ("Ghana and Togo have signed a memorandum of understanding on maritime security. It was "
            "signed in Accra by Ghana's Defence Minister Dominic Nitiwul and Togo's Defence Minister "
            "Marguerite Gnakade.")
    signings = _events(_run(workspace_extractor, body), "AgreementSigning")
    assert [sorted(local_name(p) for p in e["participants"]) for e in signings] == [
        ["dominic-nitiwul", "marguerite-gnakade"]]


def test_it_was_without_signing_is_no_second_signing(workspace_extractor):
    body = ("Ghana and Togo have signed a memorandum of understanding on maritime security. It was a "
            "long negotiation, Ghana's Defence Minister Dominic Nitiwul said.")
    assert len(_events(_run(workspace_extractor, body), "AgreementSigning")) == 1


def test_undated_mention_of_a_signing_is_the_dated_one(workspace_extractor):
    body = ("In a long conversation General Hector Ruano spoke about smuggling and the agreement signed "
            "with Honduras.\n\nIn August he signed an agreement with the Honduran Secretary of Defense, "
            "Gen. Marcos Tulio Velasquez.")
    assert [e["date"] for e in _events(_run(workspace_extractor, body, "2025-09-28"), "AgreementSigning")] == ["2025-08"]


# -- a noun, not a verb: no event -------------------------------------------------------

@pytest.mark.parametrize("body", [
    "The Minister of Culture, Sabah al-Tamimi, opened an exhibition of Sumerian seals on Monday.",
    '"Our defence was our best attack today," the coach told reporters.',
    "Fans said my attack on goal was the best of the season.",
])
def test_noun_trigger_after_a_modifier_is_no_event(workspace_extractor, body):
    out = _run(workspace_extractor, body)
    assert not [e for e in out["events"] if e["type"] in ("AgreementSigning", "ArmedConflict")]


def test_country_as_subject_still_signs(workspace_extractor):
    out = _run(workspace_extractor, "The UAE signs a defence pact with France.")
    assert len(_events(out, "AgreementSigning")) == 1


# -- agreements dated like their signings ------------------------------------------------------------

def test_month_of_that_year_takes_the_year_named_before(workspace_extractor):
    body = ("Ghana has trained Togolese officers since 2015, under an agreement on officer training signed "
            "by the two countries in June of that year.")
    out = _run(workspace_extractor, body)
    assert [e["date"] for e in _events(out, "AgreementSigning")] == ["2015-06"]
    assert [e["id"] for e in out["entities"] if e["type"] == "Agreement"] == \
        ["https://w3id.org/ddkg/resource/agreement/2015-06-gha-tgo-agreement"]


def test_agreement_takes_the_finer_date_of_its_signing(workspace_extractor):
    body = ("In August, Defence Minister Kofi Mensah signed an agreement with Togo.\n\n"
            "Mensah said the agreement, which he signed with his Togolese counterpart in Lome on August 14, "
            "lets the two armies share radio frequencies.")
    out = _run(workspace_extractor, body, "2024-09-20")
    assert [e["id"] for e in out["entities"] if e["type"] == "Agreement"] == \
        ["https://w3id.org/ddkg/resource/agreement/2024-08-14-tgo-agreement"]


def test_since_dates_no_agreement(workspace_extractor):
    out = _run(workspace_extractor, "Ghana and Togo have patrolled the border together since 2015 under an "
                                    "agreement on border security.")
    assert all("2015" not in e["id"] for e in out["entities"] if e["type"] == "Agreement")


def test_a_visit_named_inside_a_quotation_does_not_date_the_statement(workspace_extractor):
    body = ("General Omar Haddad of Jordan arrived in Egypt on Sunday. On Monday he was received by Defence "
            "Minister Karim Nasser.\n\n"
            '"Our armies train together. This visit makes it visible," Haddad said at a dinner that evening.')
    out = _run(workspace_extractor, body)
    assert [e["date"] for e in _events(out, "Statement")] == ["2024-05-06"]


def test_during_the_talks_dates_what_the_sentence_reports(workspace_extractor):
    body = ("General Omar Haddad of Jordan arrived in Egypt on Sunday. On Monday he was received by Defence "
            "Minister Karim Nasser.\n\nDuring the talks Haddad and Nasser signed a memorandum on army training.")
    out = _run(workspace_extractor, body)
    assert [e["date"] for e in _events(out, "AgreementSigning")] == ["2024-05-06"]


# -- a day inside a relative clause is background: the story stays on its day -------------------

def test_arrival_in_a_relative_clause_does_not_move_the_story(workspace_extractor):
    body = ("NEW DELHI: Cambodian Defence Minister Sok Vannarith on Wednesday held talks with Indian Defence "
            "Minister Arvind Mehra. Sok Vannarith, who arrived in New Delhi on Tuesday, was accorded a guard of honour. "
            "Later in the day, Sok Vannarith called on Vice President Meera Rao.")
    out = _run(workspace_extractor, body, "2024-05-08")
    assert sorted(e["date"] for e in _events(out, "Meeting")) == ["2024-05-08", "2024-05-08"]
    assert [e["date"] for e in _events(out, "Visit")] == ["2024-05-07"]


def test_arrival_in_a_main_clause_moves_the_story(workspace_extractor):
    body = ("Cambodian Defence Minister Sok Vannarith arrived in New Delhi on Tuesday. "
            "Sok Vannarith called on Vice President Meera Rao.")
    out = _run(workspace_extractor, body, "2024-05-08")
    assert [e["date"] for e in _events(out, "Meeting")] == ["2024-05-07"]


# -- a day word inside the quotation is what was said, not when ----------------------------------

def test_day_word_inside_a_quotation_does_not_date_the_statement(workspace_extractor):
    body = ("Paraguayan Defence Minister Oscar Benitez received Bolivian Defence Minister Marcelo Vargas on Monday. "
            '"The Chaco is today a space of fraternity," stressed Minister Benitez.')
    out = _run(workspace_extractor, body, "2024-05-10")
    assert [e["date"] for e in _events(out, "Statement")] == ["2024-05-06"]


def test_day_word_outside_the_quotation_dates_the_statement(workspace_extractor):
    body = ("Paraguayan Defence Minister Oscar Benitez received Bolivian Defence Minister Marcelo Vargas on Monday. "
            '"The Chaco is a space of fraternity," Minister Benitez stressed today.')
    out = _run(workspace_extractor, body, "2024-05-10")
    assert [e["date"] for e in _events(out, "Statement")] == ["2024-05-10"]


# -- "Before/After the signing, ...": the day of the signing already reported -------------------

@pytest.mark.parametrize("prep", ["Before", "After", "Following"])
def test_definite_signing_after_a_time_preposition_dates_the_sentence(workspace_extractor, prep):
    body = ("Montenegrin Defence Minister Dragan Đurović and Slovenian Defence Minister Mateja Kranjc signed a "
            "cooperation plan on Wednesday in Podgorica. Kranjc arrived in Montenegro on Tuesday. "
            f"{prep} the signing, the ministers held talks on officer training.")
    out = _run(workspace_extractor, body, "2024-05-09")
    assert [e["date"] for e in _events(out, "Meeting")] == ["2024-05-08"]


def test_signing_noun_without_a_reported_signing_dates_nothing(workspace_extractor):
    body = ("Slovenian Defence Minister Mateja Kranjc arrived in Montenegro on Tuesday. "
            "Before the signing, Kranjc held talks with Montenegrin Defence Minister Dragan Đurović.")
    out = _run(workspace_extractor, body, "2024-05-09")
    assert [e["date"] for e in _events(out, "Meeting")] == ["2024-05-07"]


# -- "a visit that began on 3 May": the day it began ---------------------------------------

def test_a_visit_that_began_on_a_day_is_dated_by_it(workspace_extractor):
    out = _run(workspace_extractor, "Admiral Joao Pereira returned home on Friday after a four-day visit to "
                                    "Angola that began on 3 May.", date="2024-05-10")
    assert [v["date"] for v in _events(out, "Visit")] == ["2024-05-03"]


def test_a_day_after_another_verb_is_not_the_start(workspace_extractor):
    out = _run(workspace_extractor, "Admiral Joao Pereira paid a visit to Angola on 3 May that ended on 6 May.",
               date="2024-05-10")
    assert [v["date"] for v in _events(out, "Visit")] == ["2024-05-03"]
