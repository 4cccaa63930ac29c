"""Places in news English: a dateline's city, a sea or gulf named after a country ("the South China
Sea", "the Gulf of Oman"), which names a place and no country, and a country whose name holds
another's ("Papua New Guinea"). Sentences written for these tests (not taken from the gold or
dev sets), each group with one the rule must not fire on."""
from __future__ import annotations

import pytest

from kg.iris import place_iri
from extraction_checks import run as _run, events as _events, names as _names, relations as _relations, roles, short


def test_dateline_city_is_a_place_not_the_country(workspace_extractor):
    out = _run(workspace_extractor, "AMMAN, June 18 (Petra) -- Jordan and Iraq held border security talks.",
               "2024-06-18")
    assert place_iri("Amman") in {e["id"] for e in out["entities"]}


# -- a country's name inside a place name names no actor ----------------------------------

@pytest.mark.parametrize("body, absent", [
    ("Japanese and Philippine coast guard ships sailed together in the South China Sea on Monday.", "China"),
    ("Nigeria and Ghana agreed to cooperate on patrols in the Gulf of Guinea.", "Guinea"),
    ("Russian bombers flew over the Sea of Japan, the South Korean military said.", "Japan"),
    ("The frigate left port for a deployment to the Indian Ocean.", "India"),
])
def test_place_name_holds_no_country(workspace_extractor, body, absent):
    out = _run(workspace_extractor, body)
    assert absent not in _names(out, "Country")
    assert ("CHN", "JPN") not in short(_relations(out, "cooperatesWith"))


def test_place_where_an_exercise_happens(workspace_extractor):
    out = _run(workspace_extractor, "The Indian and Omani navies held a passing exercise in the Gulf of Oman on Tuesday.")
    (ex,) = _events(out, "JointExercise")
    assert ex["place"] and ex["place"].endswith("gulf-of-oman")
    assert {"India", "Oman"} <= _names(out, "Country")


def test_country_itself_is_still_a_country(workspace_extractor):
    out = _run(workspace_extractor, "Defence Minister Ana Lopes visited Papua New Guinea and Guinea last week.")
    assert {"Papua New Guinea", "Guinea"} <= _names(out, "Country")


# -- a country's name inside a venue's name ("Burma Camp") names no country ---------------

@pytest.mark.parametrize("body, country", [
    ("Ghana's defence minister received his Togolese counterpart at Burma Camp in Accra on Monday.", "Myanmar"),
    ("The ambassador laid a wreath at India Gate in New Delhi on Monday.", "India"),
    ("The two chiefs met at the Jordan Hotel in Amman on Monday.", "Jordan"),
])
def test_country_name_inside_a_venue_is_no_country(workspace_extractor, body, country):
    out = _run(workspace_extractor, body)
    assert country not in _names(out, "Country")


def test_country_name_before_a_lower_case_word_stays(workspace_extractor):
    out = _run(workspace_extractor, "Togolese troops trained with Burma camp instructors, and India hosted the exercise.")
    assert {"Myanmar", "India"} <= _names(out, "Country")


# -- an apostrophe inside a name ("Vava'u", "Tau'ataina") is part of it --------------------

@pytest.mark.parametrize("body, place", [
    ("Fiji and Tonga held joint drills off Vava'u in March.", "Vava'u"),
    ("The navies of Samoa and Tonga exercised together near Ha'apai in March.", "Ha'apai"),
])
def test_apostrophe_inside_a_place_name(workspace_extractor, body, place):
    out = _run(workspace_extractor, body)
    assert [e["place"] for e in _events(out, "JointExercise")] == [place_iri(place)]


@pytest.mark.parametrize("body, exercise", [
    ("Fiji and Tonga held exercise Tau'ataina in March.", "Tau'ataina"),
    ("Exercise Ka'ena Shield ended in March between the United States and Tonga.", "Ka'ena Shield"),
])
def test_apostrophe_inside_an_exercise_name(workspace_extractor, body, exercise):
    assert exercise in _names(_run(workspace_extractor, body), "Exercise")


def test_possessive_is_not_inside_a_name(workspace_extractor):
    out = _run(workspace_extractor, "Fiji and Tonga held joint drills in Brunei's waters in March.")
    assert all("Brunei's" not in n for n in _names(out, "Place"))


# -- "to" right after a visit verb introduces its destination -----------------------------

@pytest.mark.parametrize("body, place", [
    ("On April 20, Colonel Dzmitry Kavalenka paid a visit to Balykchy.", "Balykchy"),
    ("On April 20, Colonel Dzmitry Kavalenka travelled to Balykchy.", "Balykchy"),
    ("General Tevita Fifita paid an official visit to Lautoka on Monday.", "Lautoka"),
])
def test_visit_to_an_unknown_town(workspace_extractor, body, place):
    out = _run(workspace_extractor, body)
    assert [e["place"] for e in _events(out, "Visit")] == [place_iri(place)]


def test_to_after_other_verbs_gives_no_place(workspace_extractor):
    out = _run(workspace_extractor, "General Dzmitry Kavalenka met the minister on Monday and said to Reuters that "
                                    "ties were strong.")
    assert _names(out, "Place") == set()


# -- a capital opening a venue's name is the city of the event -----------------------------

@pytest.mark.parametrize("body, city", [
    ("Kenya's army commander Peter Lagat and General Emmanuel Ruzindana signed a memorandum on military medicine "
     "at the Kigali Convention Centre on Monday.", "Kigali"),
    ("Defence ministers Ana Souza and Paulo Mendes met at the Luanda Grand Hotel on Monday.", "Luanda"),
])
def test_capital_opening_a_venue_is_the_event_city(workspace_extractor, body, city):
    out = _run(workspace_extractor, body)
    assert city in _names(out, "Place")
    assert all(e["place"] == place_iri(city) for e in out["events"])


def test_capital_as_subject_stands_for_its_government(workspace_extractor):
    out = _run(workspace_extractor, "Kigali and Kampala agreed on Monday to deepen defence ties.")
    assert {"Rwanda", "Uganda"} <= _names(out, "Country") and _names(out, "Place") == set()


# -- IRIs keep letters that do not decompose ("ø", "đ", "ł", "æ", "ß") -------------------

@pytest.mark.parametrize("name, slug_", [
    ("Tromsø", "tromso"), ("Ærøskøbing", "aeroskobing"), ("Đakovo", "dakovo"), ("Łódź", "lodz"),
    ("Großenhain", "grossenhain"), ("Ísafjörður", "isafjordur"), ("Kırşehir", "kirsehir"),
])
def test_iri_transliterates_letters_without_decomposition(name, slug_):
    assert place_iri(name).endswith("/place/" + slug_)


def test_iri_of_plain_and_accented_names_unchanged():
    """Accents that decompose are still dropped, ASCII names are untouched: "Ålesund" and "Alesund" meet."""
    assert place_iri("Ålesund") == place_iri("Alesund")
    assert place_iri("São Tomé").endswith("/place/sao-tome")
    assert place_iri("Bergen").endswith("/place/bergen")


def test_place_with_non_ascii_letter_keeps_them_in_its_iri(workspace_extractor):
    out = _run(workspace_extractor, "Norwegian and Danish frigates held a joint exercise off Tromsø on Tuesday.",
               "2024-06-19")
    assert place_iri("Tromsø").endswith("/place/tromso")
    assert place_iri("Tromsø") in {e["id"] for e in out["entities"]}


# -- the plural of a demonym names its country ("South Koreans", "Lithuanians") -----------

def test_plural_demonym_names_the_country(workspace_extractor):
    out = _run(workspace_extractor, "Polish engineers built the bridge beside Lithuanians and Latvians last spring.")
    assert {"Lithuania", "Latvia", "Poland"} <= _names(out, "Country")


def test_plural_demonym_keeps_the_home_country_of_a_domestic_post(workspace_extractor):
    out = _run(workspace_extractor,
               "SEOUL, May 3 (Yonhap) -- Defense Minister Kim Min-su held talks with visiting Polish Defence "
               "Minister Jan Nowak on Friday. They discussed North Korea's drone incursions. Polish volunteers "
               "served alongside South Koreans in the war.", "2024-05-03")
    assert short(roles(out, "Kim Min-su")) == {("DefenceMinister", "KOR", "")}


def test_plural_of_no_countrys_demonym_names_none(workspace_extractor):
    out = _run(workspace_extractor, "Thousands of Koreans and Europeans live in Almaty, the minister noted.")
    assert not {"South Korea", "North Korea"} & _names(out, "Country")


# -- a city named only as a future destination is no Place -------------------------------------

@pytest.mark.parametrize("body", [
    "Defence Minister Ana Ruiz met her Chilean counterpart on Monday. She will travel to Santiago in March.",
    "General Joao Pereira is scheduled to pay a return visit to Luanda next year.",
])
def test_future_destination_is_no_place(workspace_extractor, body):
    assert not _names(_run(workspace_extractor, body), "Place")


def test_a_destination_also_reached_is_a_place(workspace_extractor):
    out = _run(workspace_extractor, "Defence Minister Ana Ruiz travelled to Santiago on Monday for talks. "
                                    "She will travel to Santiago again in March.")
    assert "Santiago" in _names(out, "Place")


# -- "is to" / "are to" + verb: a plan ------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Defence Minister Ana Ruiz is to travel to Santiago in March for talks on naval cooperation.",
    "The two defence ministers are to fly to Santiago next month for a meeting of the council.",
])
def test_is_to_makes_a_plan(workspace_extractor, body):
    out = _run(workspace_extractor, body)
    assert not out["events"] and not _names(out, "Place")


def test_is_to_in_a_relative_clause_leaves_the_main_event(workspace_extractor):
    out = _run(workspace_extractor, "Chilean Defence Minister Luis Soto, whose task is to modernise the navy, "
                                    "visited Lima on Monday.")
    assert len(_events(out, "Visit")) == 1
