"""Event kinds that news reports in less common shapes: statements only when about defence or
relations, interviews with an outlet the lexicon does not know, past joint exercises, places
the gazetteer does not know, visits with no place. Sentences written for these tests (not taken
from any test article), each rule with at least one sentence it must not fire on."""
from __future__ import annotations

import pytest

from extraction_checks import run as _run, events as _events, names as _names
from kg.iris import country_iri, person_iri, place_iri


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


# -- past joint exercises: "trained together", "exercised together" ------------------------------

@pytest.mark.parametrize("body, date", [
    ("Ghana's army chief, General Kofi Mensah, received Togo's army chief, General Yao Akakpo, on "
     "Monday. Troops of the two armies last trained together in Exercise Harmattan Shield in 2021.", "2021"),
    ("Ghana and Togo signed a border pact on Monday. Their navies have exercised together only twice, "
     "in March 2022.", "2022-03"),
    ("Ghana and Togo signed a border pact on Monday. The two coast guards drilled jointly off the "
     "border in 2020.", "2020"),
])
def test_joint_exercise_with_together_names_the_pair_in_focus(workspace_extractor, body, date):
    [found] = _events(_run(workspace_extractor, body), "JointExercise")
    assert found["date"] == date
    assert found["participants"] == sorted([country_iri("GHA"), country_iri("TGO")])


def test_trained_together_in_a_speakers_summary_is_no_exercise(workspace_extractor):
    body = ("Ghana and Togo signed a border pact on Monday.\n\n"
            '"Togo is a true friend. Our soldiers trained together this year more than ever," General Kofi '
            "Mensah told reporters.")
    assert _events(_run(workspace_extractor, body), "JointExercise") == []


def test_together_without_a_military_verb_is_no_exercise(workspace_extractor):
    body = "Ghana and Togo signed a border pact on Monday. The two delegations travelled together to Lome."
    assert _events(_run(workspace_extractor, body), "JointExercise") == []


def test_the_two_countries_after_an_exercise_of_countries_are_its_countries(workspace_extractor):
    body = ("Defence Minister Karim Nasser of Jordan received General Omar Haddad of Egypt on Monday.\n\n"
            "The exercise Desert Falcon, held by the Indian and Kenyan armies, ended on Wednesday. "
            "The two countries signed a training agreement in 2019.")
    [signing] = _events(_run(workspace_extractor, body), "AgreementSigning")
    assert signing["participants"] == sorted([country_iri("IND"), country_iri("KEN")])


# -- interviews with outlets the lexicon does not know ------------------------------------------

@pytest.mark.parametrize("body, outlet", [
    ("In an interview with Kyiv Post on Monday, Defence Minister Karim Nasser said the army "
     "would buy drones.", "Kyiv Post"),
    ("In an interview with the weekly Nezalezhna Dumka, Defence Minister Karim Nasser said on Monday that the army "
     "would buy drones.", "Nezalezhna Dumka"),
    ("Defence Minister Karim Nasser told the Morning Courier on Monday that the navy would buy two frigates.",
     "Morning Courier"),
    ("Speaking to Radio Savanna on Monday, Defence Minister Karim Nasser said the border was calm.", "Radio Savanna"),
    ("Defence Minister Karim Nasser received El Diario Austral on Monday at the ministry.", "El Diario Austral"),
])
def test_interview_outlet_named_by_the_frame(workspace_extractor, body, outlet):
    out = _run(workspace_extractor, body)
    [found] = _events(out, "Interview")
    outlets = [e for e in out["entities"] if e["type"] == "Organization" and e["name"] == outlet]
    assert outlets and found["participants"] == sorted([person_iri("Karim Nasser"), outlets[0]["id"]])
    assert found["date"] == "2024-05-06"
    assert _events(out, "Meeting") == [] and _events(out, "Statement") == []


@pytest.mark.parametrize("body", [
    "Defence Minister Karim Nasser told reporters on Monday that the navy would buy two frigates.",
    "Defence Minister Karim Nasser told General Omar Haddad on Monday that the navy would buy frigates.",
    "Speaking to reporters on Monday, Defence Minister Karim Nasser said the border was calm.",
    "Defence Minister Karim Nasser received General Omar Haddad of Jordan on Monday.",
    "Defence Minister Karim Nasser received Jordan's ambassador, Omar Haddad, on Monday.",
])
def test_no_interview_without_an_outlet(workspace_extractor, body):
    assert _events(_run(workspace_extractor, body), "Interview") == []


def test_questioner_of_a_question_and_answer_article_is_the_outlet(workspace_extractor):
    body = ("Defence Minister Karim Nasser received The Highland Voice on Friday at his office.\n\n"
            "The Highland Voice: Minister, what changes for the army?\n\n"
            "Nasser: More training, and new trucks.")
    out = _run(workspace_extractor, body)
    [found] = _events(out, "Interview")
    assert person_iri("Karim Nasser") in found["participants"] and len(found["participants"]) == 2


# -- places the gazetteer does not know ----------------------------------------------------------

@pytest.mark.parametrize("body, place", [
    ("Ghana and Togo held joint naval drills off Keta Lagoon on Monday.", "Keta Lagoon"),
    ("Ghana and Togo signed a border pact in Aflao on Monday.", "Aflao"),
    ("On Monday, in Sokode, Ghana and Togo signed a border pact.", "Sokode"),
    ("Ghana and Togo ended the exercise Harmattan Shield, held near Bawku, on Monday.", "Bawku"),
])
def test_unknown_place_after_a_preposition_next_to_the_trigger(workspace_extractor, body, place):
    out = _run(workspace_extractor, body)
    [found] = [e for e in out["events"] if e["type"] in ("JointExercise", "AgreementSigning")]
    assert found["place"] == place_iri(place)


@pytest.mark.parametrize("body", [
    "Ghana and Togo signed a border pact in March.",
    "Ghana and Togo signed a border pact at Keta Barracks on Monday.",
    "Ghana and Togo signed a border pact in Parliament on Monday.",
    "Ghana and Togo signed a border pact on Monday and will hold drills in Aflao next year.",
    "Ghana and Togo signed a border pact on Monday, written in English and French.",
    "Ghana and Togo signed a border pact on Monday in Exercise Harmattan Shield.",
])
def test_no_unknown_place_for_months_venues_bodies_plans_languages(workspace_extractor, body):
    out = _run(workspace_extractor, body)
    assert all(e["place"] is None for e in out["events"])


# -- visits go to a city or country ----------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Defence Minister Karim Nasser visited Dutch soldiers of the multinational brigade on Monday.",
    "Culture Minister Ana Pereira visited a new exhibition of bronze figures on Monday.",
    "General Omar Haddad toured the shipyard on Monday.",
])
def test_visiting_a_unit_or_a_site_is_no_visit(workspace_extractor, body):
    assert _events(_run(workspace_extractor, body), "Visit") == []


@pytest.mark.parametrize("body, place", [
    ("Defence Minister Karim Nasser visited Norway on Monday.", country_iri("NOR")),
    ("Defence Minister Karim Nasser visited the Norwegian capital on Monday.", place_iri("Oslo")),
    ("Defence Minister Karim Nasser arrived in Norway on Monday.", country_iri("NOR")),
    ("Defence Minister Karim Nasser visited Jordanian peacekeepers in Lebanon on Monday.", country_iri("LBN")),
])
def test_visit_to_a_country_or_city(workspace_extractor, body, place):
    [found] = _events(_run(workspace_extractor, body), "Visit")
    assert found["place"] == place


# -- an exercise named by a naming verb ------------------------------------------------------------

@pytest.mark.parametrize("body, name", [
    ('Ghana and Togo held a joint exercise baptised "Harmattan 2024" in March.', "Harmattan"),
    ("Ghana and Togo held naval drills code-named Blue Lagoon in March.", "Blue Lagoon"),
    ("Ghana and Togo held a border exercise, dubbed 'Savanna Shield', in March.", "Savanna Shield"),
])
def test_exercise_named_by_a_naming_verb(workspace_extractor, body, name):
    out = _run(workspace_extractor, body)
    [found] = _events(out, "JointExercise")
    assert found["exercise"] is not None and found["exercise"].endswith("/" + name.lower().replace(" ", "-"))


def test_naming_verb_far_from_the_exercise_names_nothing(workspace_extractor):
    body = "Ghana and Togo held a joint exercise in March, and the new patrol boat was named Volta Star."
    [found] = _events(_run(workspace_extractor, body), "JointExercise")
    assert found["exercise"] is None


# -- a trigger word inside a title is no event ---------------------------------------------------

@pytest.mark.parametrize("body", [
    "Chad's Minister of Defence and War Veterans, Issakha Djamous, met Gen. Moussa Barmou on Monday.",
    "The Minister of the Armed Forces, Veterans and War Victims, Amadou Kane, received the French envoy on Monday.",
])
def test_trigger_word_in_a_portfolio_is_no_event(workspace_extractor, body):
    out = _run(workspace_extractor, body)
    assert _events(out, "ArmedConflict") == []
    assert len(_events(out, "Meeting")) == 1



def test_war_outside_a_title_is_still_an_armed_conflict(workspace_extractor):
    out = _run(workspace_extractor, "In the 44-day war, Armenia and Azerbaijan fought over Karabakh.")
    assert len(_events(out, "ArmedConflict")) == 1


# -- "is on a visit to": the subject is the visitor ------------------------------------------------

@pytest.mark.parametrize("body", [
    "Gen. Moussa Barmou is on an official visit to Chad.",
    "Niger's army chief Gen. Moussa Barmou was on a three-day working visit to Chad last week.",
    "Gen. Moussa Barmou, who was on a two-day visit to Chad, met Defence Minister Issakha Djamous on Wednesday.",
])
def test_being_on_a_visit_is_a_visit(workspace_extractor, body):
    visits = _events(_run(workspace_extractor, body), "Visit")
    assert len(visits) == 1 and person_iri("Moussa Barmou") in visits[0]["participants"]


@pytest.mark.parametrize("body", [
    "Gen. Moussa Barmou will be on an official visit to Chad next week.",
    "Gen. Moussa Barmou is not on a visit to Chad, his office said.",
])
def test_being_on_a_planned_or_background_visit_is_none(workspace_extractor, body):
    assert _events(_run(workspace_extractor, body), "Visit") == []


# -- a purpose clause under a future main verb is planned --------------------------------------------

@pytest.mark.parametrize("body", [
    "The Paraguayan minister will travel to Punta del Este on Saturday to observe the UNITAS naval exercise.",
    "Brazil will send observers to Paraguay to watch the joint exercise with Argentina.",
])
def test_purpose_clause_of_a_future_trip_is_planned(workspace_extractor, body):
    assert _events(_run(workspace_extractor, body), "JointExercise") == []


@pytest.mark.parametrize("body", [
    "The Paraguayan minister travelled to Punta del Este on Saturday to observe the UNITAS naval exercise.",
    "Paraguayan troops will stay in the north after the minister flew to Asuncion to observe the joint exercise with Brazil.",
])
def test_purpose_clause_of_a_past_trip_is_reported(workspace_extractor, body):
    assert len(_events(_run(workspace_extractor, body), "JointExercise")) == 1


# -- the host is not his own guest -------------------------------------------------------------------

@pytest.mark.parametrize("body, host, guest", [
    ("Defence Minister Fahad Al-Sabah received at his office on Monday the Ambassador of Oman, Saleh Al-Kharousi.",
     "Fahad Al-Sabah", "Saleh Al-Kharousi"),
    ("Minister Rustam Nazarov hosted in his residence the visiting army chief, General Bayram Atayev.",
     "Rustam Nazarov", "Bayram Atayev"),
])
def test_a_pronoun_of_the_host_after_the_trigger_is_not_the_guest(workspace_extractor, body, host, guest):
    meetings = _events(_run(workspace_extractor, body), "Meeting")
    assert [(e["host"], e["guest"]) for e in meetings] == [(person_iri(host), person_iri(guest))]


# -- "who is currently visiting": the stay is the setting, no Visit ------------------------

@pytest.mark.parametrize("body", [
    "General Salim Al Rawahi received General Jassim Al Mannai, Chief of Staff of the Qatari Armed Forces, "
    "who is currently visiting the Sultanate, in Muscat on Monday.",
    "General Jassim Al Mannai, who is visiting Oman, met General Salim Al Rawahi in Muscat on Monday.",
    "Defence Minister Ana Souza received the Angolan delegation, which is now visiting Portugal, in Lisbon on Monday.",
])
def test_progressive_visit_in_relative_clause_is_no_visit(workspace_extractor, body):
    out = _run(workspace_extractor, body)
    assert _events(out, "Visit") == [] and len(_events(out, "Meeting")) == 1


@pytest.mark.parametrize("body", [
    "The Paraguayan defence minister received the Minister of Defense of Bolivia, Mr. Marcelo Vargas Quiroga, "
    "who is on an official visit to the country, in Asunción on Monday.",
    "Defence Minister Ana Souza received the Angolan generals, who are on a working visit to Portugal, in Lisbon on Monday.",
    "Gen. Moussa Barmou, who is on a two-day visit to Chad, met Defence Minister Issakha Djamous on Wednesday.",
])
def test_present_visit_noun_in_relative_clause_is_no_visit(workspace_extractor, body):
    out = _run(workspace_extractor, body)
    assert _events(out, "Visit") == [] and len(_events(out, "Meeting")) == 1


@pytest.mark.parametrize("body", [
    "The Paraguayan defence minister received Mr. Marcelo Vargas Quiroga, who was on a two-day working visit to Paraguay.",
    "Bolivian Defence Minister Marcelo Vargas Quiroga is on an official visit to Paraguay.",
])
def test_past_or_main_clause_visit_noun_is_a_visit(workspace_extractor, body):
    assert len(_events(_run(workspace_extractor, body), "Visit")) == 1


def test_reported_visit_with_arrival_is_kept(workspace_extractor):
    out = _run(workspace_extractor, "General Jassim Al Mannai arrived in Muscat on Monday for an official visit to Oman.")
    assert len(_events(out, "Visit")) == 1


# -- "the preparation of the exercise": planned, not held ---------------------------------

@pytest.mark.parametrize("body", [
    "The parties discussed the preparation of the joint exercise Rubezh between Kyrgyzstan and Belarus.",
    "The ministers reviewed the planning of joint naval drills between Oman and India.",
    "The upcoming exercise between Kyrgyzstan and Belarus was also discussed.",
])
def test_preparation_of_an_exercise_is_no_exercise(workspace_extractor, body):
    assert _events(_run(workspace_extractor, body), "JointExercise") == []


def test_the_next_day_is_still_a_story_day(workspace_extractor):
    out = _run(workspace_extractor, "Kyrgyz defence minister Almaz Toktogulov met Belarusian defence minister Ivan "
                                    "Petrov in Bishkek on 3 March. The next day the two ministers signed a memorandum "
                                    "on military education.")
    assert [e["date"] for e in _events(out, "AgreementSigning")] == ["2024-03-04"]


# -- a visit without a named subject: the object of a later verb is no visitor -------------

@pytest.mark.parametrize("body", [
    "On Tuesday I travelled to Kirkenes and met my Finnish colleague, Minister of Defence Aleksi Lehtonen.",
    "Last week we visited Oslo and met Defence Minister Ingrid Bakke.",
    "The delegation travelled to Kigali and called on General Emmanuel Ruzindana on Monday.",
])
def test_object_of_a_later_verb_is_no_visitor(workspace_extractor, body):
    out = _run(workspace_extractor, body)
    assert _events(out, "Visit") == [] and len(_events(out, "Meeting")) == 1


def test_named_visitor_still_visits(workspace_extractor):
    out = _run(workspace_extractor, "Finnish defence minister Aleksi Lehtonen travelled to Oslo on Monday and met "
                                    "Defence Minister Ingrid Bakke.")
    assert [e["guest"] for e in _events(out, "Visit")] == [person_iri("Aleksi Lehtonen")]


# -- an article with no defence at all reports no defence-diplomacy facts -------------------

@pytest.mark.parametrize("body", [
    "Mongolia's Minister of Mining, Batbayar Ganzorig, on Tuesday signed an agreement with Japan's Kanemura Trading "
    "to build a copper smelter. The agreement was signed in Ulaanbaatar in the presence of Japan's Ambassador to "
    "Mongolia, Hiroshi Takeda, who met Ganzorig afterwards to discuss the smelter's power supply.",
    "Uruguay's agriculture minister Ana Ruiz received the Chinese Ambassador Li Wen in Montevideo on Monday to discuss "
    "wine exports. Two wineries signed an agreement and formed an alliance.",
    "The Kenyan Ambassador to Uganda, Peter Otieno, met the chairman of the Kampala Chamber of Commerce on Monday "
    "to discuss coffee exports.",
])
def test_article_without_defence_has_no_events(workspace_extractor, body):
    out = _run(workspace_extractor, body)
    assert out["events"] == [] and out["relations"] == []


@pytest.mark.parametrize("body", [
    # a match report: its "defence", "attack" and "captain" are the team's
    "The visitors' defence, led by captain Tomas Hrubec, kept a clean sheet in a goalless draw at the national "
    "stadium on Saturday. Coach Milan Kovar said his side would attack from the first minute next week, and the "
    "referee praised both teams.",
    # a transfer story: a club signs, its general manager speaks
    "Ajax Cape Town signed the Ghanaian striker Kwame Boateng on Monday. General manager Pieter van Rooyen said the "
    "club's league rivals had tried to sign the footballer too, and the coach met him in Accra.",
])
def test_sports_story_borrowing_war_words_has_no_events(workspace_extractor, body):
    out = _run(workspace_extractor, body)
    assert out["events"] == [] and out["relations"] == []


@pytest.mark.parametrize("body", [
    # sports words, but a real officer and a real meeting of two defence officials
    "After the army football final at the national stadium, where the referee and the coach of each team were "
    "thanked, Colonel Daniel Mensah received the Togolese defence attache, Lieutenant Colonel Koffi Agbeko, at "
    "Burma Camp on Saturday to discuss military training.",
    "The Minister of Defence, Kwame Asante, met his Togolese counterpart on Monday. Both men later watched a "
    "goalless league match between two army sides, and the Minister congratulated the striker who was named "
    "player of the match by the referee.",
])
def test_defence_story_with_sports_words_keeps_its_events(workspace_extractor, body):
    assert _events(_run(workspace_extractor, body), "Meeting")


@pytest.mark.parametrize("body", [
    "President Nalinda Wickramaratne received the Japanese Ambassador Hiroshi Takeda in Colombo on Monday to "
    "discuss bilateral ties.",
    "The Kenyan Ambassador to Uganda, Peter Otieno, met Ugandan officials on Monday to discuss border security.",
])
def test_article_with_a_post_or_defence_word_keeps_its_events(workspace_extractor, body):
    assert _events(_run(workspace_extractor, body), "Meeting")


# -- an edition inside an exercise's name: the words after it describe the drill ------------------

@pytest.mark.parametrize("body, name", [
    ("The Sea Falcon-2025 Harbour Protection Exercise, held off Varna with Bulgaria and Romania, ended on Friday.",
     "Sea Falcon"),
    ("The Desert Lion 2026 Staff Exercise was held in Jordan with Egypt and Saudi Arabia last week.",
     "Desert Lion"),
])
def test_words_after_an_edition_are_no_part_of_the_exercise_name(workspace_extractor, body, name):
    assert name in _names(_run(workspace_extractor, body), "Exercise")


def test_exercise_name_without_an_edition_keeps_its_words(workspace_extractor):
    out = _run(workspace_extractor, "The Steel Shield Air Defence Exercise was held in Romania with Bulgaria "
                                    "last week.")
    assert not {"Steel", "Steel Shield Air"} & _names(out, "Exercise")
