"""Posts the text states in less common shapes or plainly implies: a country abbreviated with
full stops, posts joined after a complement, honours between a name and its post, a given name
that is also a city, "the country's", unit heads, successors and predecessors, heads of state
listed for a pair of countries, and the pair of countries a paragraph is about. Sentences
written for these tests (not taken from the gold or dev sets); each rule has at least one
sentence it must not fire on."""
from __future__ import annotations

import pytest

from extraction_checks import entities, run, surname_roles


def _posts(out: dict, surname: str) -> set[str]:
    """The post types of a person, whatever their country."""
    return {role for role, _, _ in (surname_roles(out, surname) or set())}


# -- a country abbreviated with full stops ---------------------------------------------------

@pytest.mark.parametrize("body, surname, role", [
    ("On Friday the minister welcomed U.S. Defense Secretary Mark Halvorsen to the naval base.",
     "halvorsen", ("DefenceMinister", "USA", "")),
    ("The talks in Nairobi were joined by U.K. Defence Attache Colonel Ruth Ashdown.",
     "ashdown", ("DefenceAttache", "GBR", "")),
])
def test_role_inference_country_abbreviated_with_stops(workspace_extractor, body, surname, role):
    assert role in surname_roles(run(workspace_extractor, body), surname)


# -- posts joined by "and" after a complement -------------------------------------------------

@pytest.mark.parametrize("body, surname, expected", [
    ("General Tarek Mansour, Commander-in-Chief of the Jordanian Armed Forces and Minister of Defence, "
     "received the delegation on Sunday.", "mansour", {"Commander", "DefenceMinister"}),
    ("Kassym-Jomart Tokayev, President of the Republic of Kazakhstan and Supreme Commander-in-Chief, "
     "addressed the graduates.", "tokayev", {"President", "Commander"}),
])
def test_role_inference_posts_joined_after_complement(workspace_extractor, body, surname, expected):
    assert expected <= _posts(run(workspace_extractor, body), surname)


@pytest.mark.parametrize("body", [
    "General Omar Haddad, Chief of Staff of the Jordanian Armed Forces and Defence Minister Samir Khatib "
    "met the visiting admiral.",
    "Hakan Demir, the defence minister of Turkey and Prime Minister Samir Khatib attended the parade.",
])
def test_role_inference_post_of_the_next_name_is_not_joined(workspace_extractor, body):
    out = run(workspace_extractor, body)
    first = "haddad" if "Haddad" in body else "demir"
    assert not {"DefenceMinister", "PrimeMinister"} <= _posts(out, first)
    assert _posts(out, "khatib")


def test_role_inference_armed_forces_is_no_name(workspace_extractor):
    out = run(workspace_extractor, "The Commander-in-Chief of the Kenyan Armed Forces visited the base.")
    assert not any(e["type"] == "Person" for e in out["entities"])


# -- honours between a name and its post ------------------------------------------------------

@pytest.mark.parametrize("body, surname, role", [
    ("General Syed Tariq Aziz, Hilal-e-Imtiaz (Military), Chief of Army Staff, visited the corps "
     "headquarters in Quetta.", "aziz", "LandForcesCommander"),
    ("Air Marshal Ravi Menon, PVSM, AVSM, VSM, Chief of the Air Staff, received the delegation.",
     "menon", "AirForceCommander"),
    ("Brigadier Anne Holt, OBE, the British Defence Adviser, attended the graduation.", "holt",
     "DefenceAttache"),
])
def test_role_inference_post_after_honours(workspace_extractor, body, surname, role):
    assert role in _posts(run(workspace_extractor, body), surname)


def test_role_inference_place_between_name_and_post_is_no_honour(workspace_extractor):
    out = run(workspace_extractor, "Major General Tariq Aziz, Quetta Corps, and Chief of Army Staff General "
              "Bilal Rana inspected the troops.")
    assert "LandForcesCommander" not in _posts(out, "aziz")
    assert "LandForcesCommander" in _posts(out, "rana")


# -- a given name that is also a capital's name ------------------------------------------------

@pytest.mark.parametrize("body, surname, role", [
    ("Paraguayan President Santiago Ortiz received the delegation at the palace.", "ortiz",
     ("President", "PRY", "")),
    ("Seychelles Defence Minister Victoria Labiche inspected the coast guard.", "labiche",
     ("DefenceMinister", "SYC", "")),
])
def test_role_inference_given_name_that_is_a_capital(workspace_extractor, body, surname, role):
    assert role in surname_roles(run(workspace_extractor, body), surname)


def test_role_inference_capital_after_a_place_word_stays_a_city(workspace_extractor):
    out = run(workspace_extractor, "President Gabriel Boric met troops in Santiago Monday.")
    assert "Santiago" in {e["name"] for e in out["entities"] if e["type"] == "Place"}
    assert not any(e["name"].startswith("Santiago") for e in out["entities"] if e["type"] == "Person")


# -- the country after a titled name -----------------------------------------------------------

@pytest.mark.parametrize("body, surname, role", [
    ("Defence Minister Kenji Tanaka held talks with Secretary of National Defense Carlos Reyes of the "
     "Philippines in Tokyo.", "reyes", ("DefenceMinister", "PHL", "")),
    ("In Dakar, Ghana's envoy met Foreign Minister Amina Diallo of Senegal and several others.", "diallo",
     ("ForeignMinister", "SEN", "")),
])
def test_role_inference_country_after_titled_name(workspace_extractor, body, surname, role):
    assert role in surname_roles(run(workspace_extractor, body), surname)


def test_role_inference_possessive_after_titled_name_is_not_the_country(workspace_extractor):
    out = run(workspace_extractor, "General Ali Rahimi of Iraq's neighbour Iran addressed the conference.")
    assert not any(country == "IRQ" for _, country, _ in (surname_roles(out, "rahimi") or set()))


# -- the body a post heads, and the dateline before it -----------------------------------------

@pytest.mark.parametrize("body, surname, role", [
    ("The commander of U.S. Southern Command, Admiral Mark Dunn, met President William Ruto in Nairobi.",
     "dunn", ("Commander", "USA", "")),
    ("LIMA - The commander of U.S. Southern Command, Admiral Mark Dunn, arrived on Monday.",
     "dunn", ("Commander", "USA", "")),
])
def test_role_inference_post_heading_a_named_body(workspace_extractor, body, surname, role):
    assert role in surname_roles(run(workspace_extractor, body), surname)


def test_role_inference_dateline_city_is_not_the_country_of_a_post(workspace_extractor):
    out = run(workspace_extractor, "LIMA - The defence minister, General Jorge Salas, opened the fair.")
    assert surname_roles(out, "salas") == {("DefenceMinister", "PER", "")}
    out = run(workspace_extractor, "LIMA - The commander of the visiting fleet, Admiral Mark Dunn, came ashore.")
    assert not any(country == "PER" for _, country, _ in (surname_roles(out, "dunn") or set()))


# -- "the country's" -------------------------------------------------------------------------

@pytest.mark.parametrize("body, surname, role", [
    ("The Philippine Department of National Defense announced the appointment of Col. Ramon Reyes as "
     "the country's first defence attache to Poland.", "reyes", ("DefenceAttache", "PHL", "POL")),
    ("Kenya has named a new envoy. Peter Kamau, the country's ambassador to Japan, presented his "
     "credentials on Monday.", "kamau", ("Ambassador", "KEN", "JPN")),
    ("Spanish and French troops joined the drills. In Morocco, the kingdom's defence minister, Abdellatif "
     "Loudiyi, opened them.", "loudiyi", ("DefenceMinister", "MAR", "")),
])
def test_role_inference_the_countrys_post(workspace_extractor, body, surname, role):
    assert role in surname_roles(run(workspace_extractor, body), surname)


@pytest.mark.parametrize("body", [
    "Ghana and Togo held talks in Lome. Kwame Mensah, the country's new ambassador to Japan, attended.",
    "After Togo's request, Ghana said Kwame Mensah would be the country's new ambassador to Japan.",
])
def test_role_inference_the_country_after_two_countries_is_left_open(workspace_extractor, body):
    out = run(workspace_extractor, body)
    assert not any(country in ("GHA", "TGO") for _, country, _ in (surname_roles(out, "mensah") or set()))


# -- the head of a military unit ----------------------------------------------------------------

@pytest.mark.parametrize("body, surname, role", [
    ("Maj. Gen. Paulo Souza, head of the Brazilian Army's logistics command, told reporters the first "
     "vehicles would arrive in May.", "souza", ("Commander", "BRA", "")),
    ("Russia's Vice Admiral Ivan Petrov, chief of the Northern Fleet, met the visiting delegation.",
     "petrov", ("Commander", "RUS", "")),
    ("Colonel Peter Omondi, head of the Kenyan peacekeeping contingent, also spoke.", "omondi",
     ("Commander", "KEN", "")),
])
def test_role_inference_head_of_a_unit_commands_it(workspace_extractor, body, surname, role):
    assert role in surname_roles(run(workspace_extractor, body), surname)


@pytest.mark.parametrize("body, surname", [
    ("Colonel Ana Ruiz, chief of staff of the 3rd Infantry Division, spoke to reporters.", "ruiz"),
    ("Ambassador Juan Perez, head of the diplomatic corps in Lima, welcomed the guests.", "perez"),
    ("Colonel Lisa Brandt, head of the working group on logistics, presented the plan.", "brandt"),
])
def test_role_inference_other_heads_are_no_commanders(workspace_extractor, body, surname):
    assert "Commander" not in _posts(run(workspace_extractor, body), surname)


# -- successors and predecessors ---------------------------------------------------------------

@pytest.mark.parametrize("body, surname, role", [
    ("General Omar Bashir was sworn in as Nigeria's Chief of Defence Staff on Monday. He replaces General "
     "Idris Kamal, who retires this month.", "kamal", "ChiefOfDefence"),
    ("Admiral Rui Costa, the new chief of naval staff, succeeds Vice Admiral Luis Matos in the post.",
     "matos", "NavalCommander"),
    ("Defence Minister Jan Novak was succeeded by General Petr Svoboda in March.", "svoboda",
     "DefenceMinister"),
])
def test_role_inference_successor_and_predecessor_share_the_post(workspace_extractor, body, surname, role):
    assert role in _posts(run(workspace_extractor, body), surname)


@pytest.mark.parametrize("body, holders", [
    ("General Idris Kamal replaced the old guard of the army with younger officers.", set()),
    ("Chief of Defence Staff General Omar Bashir said the new frigate replaces two ageing corvettes.",
     {"Omar Bashir"}),
])
def test_role_inference_replacing_things_gives_no_post(workspace_extractor, body, holders):
    out = run(workspace_extractor, body)
    assert {e["name"] for e in entities(out, "Person") if e["roles"]} == holders


def test_role_inference_sworn_in_as_is_a_current_post(workspace_extractor):
    out = run(workspace_extractor, "Admiral Lina Haddad was sworn in as chief of naval staff of Lebanon.")
    assert ("NavalCommander", "LBN", "") in surname_roles(out, "haddad")
    out = run(workspace_extractor, "Admiral Lina Haddad was then as chief of naval staff much admired.")
    assert "NavalCommander" not in _posts(out, "haddad")


# -- two heads listed for a pair of countries ---------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ("The treaty between Chile and Peru was signed by the heads of state, Ana Morales and Diego Quispe, "
     "in Lima.", {"morales": "CHL", "quispe": "PER"}),
    ("Ghana and Togo signed a border protocol on Monday. The heads of state, Kofi Addo and Faure Mensah, "
     "then met the press.", {"addo": "GHA", "mensah": "TGO"}),
    ("Chile and Peru have long disputed the border. In January, Presidents Ana Morales of Chile and Diego "
     "Quispe signed an accord on it.", {"quispe": "PER"}),
    ("LIMA, May 3 (Andina) - Peru and Chile agreed on Friday to clear mines from their border.\n\n"
     "In January, Presidents Diego Quispe and Ana Morales signed a first accord on it.",
     {"quispe": "PER", "morales": "CHL"}),
])
def test_role_inference_heads_of_a_pair_serve_one_country_each(workspace_extractor, body, expected):
    out = run(workspace_extractor, body)
    for surname, country in expected.items():
        assert ("President", country, "") in (surname_roles(out, surname) or set()), surname


@pytest.mark.parametrize("body", [
    "Presidents Ana Morales and Diego Quispe attended the summit in Brasilia.",
    "Chile, Peru and Bolivia sent delegations. The heads of state, Ana Morales and Diego Quispe, spoke first.",
])
def test_role_inference_heads_without_a_pair_get_no_country(workspace_extractor, body):
    out = run(workspace_extractor, body)
    for surname in ("morales", "quispe"):
        assert not any(r == "President" and c for r, c, _ in (surname_roles(out, surname) or set()))


# -- honorifics written with a full stop, and chiefly titles -----------------------------------

@pytest.mark.parametrize("body, surname, role", [
    ("PORT MORESBY - The visiting commander called on the Minister for Defence, Hon. Sam Kaupa, MP, at "
     "Murray Barracks.", "kaupa", "DefenceMinister"),
    ("The delegation was led by the Minister of National Defense of Liberia, Mr. Abraham Kollie, who arrived "
     "on Monday.", "kollie", "DefenceMinister"),
])
def test_role_inference_honorific_with_full_stop(workspace_extractor, body, surname, role):
    assert role in _posts(run(workspace_extractor, body), surname)


def test_role_inference_chiefly_title_is_no_part_of_the_name(workspace_extractor):
    out = run(workspace_extractor, "Major General Ratu Jone Kalouniwai met the delegation in Suva.")
    assert "Jone Kalouniwai" in {e["name"] for e in entities(out, "Person")}


# -- posts of a defence force, compound portfolios ----------------------------------------------

@pytest.mark.parametrize("body, surname, role", [
    ("Nghaamwa later held talks with the commander of the Botswana Defence Force, Lt-Gen Tebogo Sechele.",
     "sechele", ("ChiefOfDefence", "BWA", "")),
    ("The visitor was received by the Chief of Staff of the Jamaica Defence Force, Rear Admiral Antonette "
     "Wemyss Gorman.", "gorman", ("ChiefOfDefence", "JAM", "")),
    ("Botswana's Minister of Defence and Security Kagiso Mmusi received his Zambian counterpart.", "mmusi",
     ("DefenceMinister", "BWA", "")),
    ("Present were the Chief of General Staff of the Armies, General Lassina Doumbia, and other officers.",
     "doumbia", ("ChiefOfGeneralStaff", "", "")),
    ("The Chief of Defence Force of the Maldives National Defence Force, Major General Ali Shamaal, "
     "received the admiral.", "shamaal", ("ChiefOfDefence", "MDV", "")),
])
def test_role_inference_defence_force_posts(workspace_extractor, body, surname, role):
    assert role in surname_roles(run(workspace_extractor, body), surname)


@pytest.mark.parametrize("body, surname, wrong", [
    ("Ghana's Minister of Youth and Sports, Kofi Adams, greeted the teams.", "adams", "DefenceMinister"),
    ("The chief of staff of the army, General Kwame Boateng, attended.", "boateng", "ChiefOfDefence"),
])
def test_role_inference_other_portfolios_are_not_defence_posts(workspace_extractor, body, surname, wrong):
    assert wrong not in _posts(run(workspace_extractor, body), surname)


# -- organisations are not people ----------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Before kick-off, the president of the Ethiopian Football Federation and the Djiboutian Minister of Youth "
    "greeted the teams.",
    "The Chief of Defence Force of the Maldives National Defence Force attended the ceremony.",
])
def test_role_inference_a_body_after_a_title_is_no_person(workspace_extractor, body):
    assert not entities(run(workspace_extractor, body), "Person")


def test_role_inference_a_person_before_an_organisation_stays_a_person(workspace_extractor):
    out = run(workspace_extractor, "Defence Minister Ali Zuhair told Anadolu Agency the talks went well.")
    assert "DefenceMinister" in _posts(out, "zuhair")


# -- particles joined by a hyphen ------------------------------------------------------------------

@pytest.mark.parametrize("body, name", [
    ("Defence Minister Thabet Mohammed al-Abbasi received the Austrian ambassador.", "Thabet Mohammed al-Abbasi"),
    ("President Abdel Fattah el-Sisi met the troops in Cairo.", "Abdel Fattah el-Sisi"),
])
def test_role_inference_particle_joined_by_hyphen(workspace_extractor, body, name):
    assert name in {e["name"] for e in entities(run(workspace_extractor, body), "Person")}


# -- members of a diplomatic mission -------------------------------------------------------------

@pytest.mark.parametrize("body, surname, role", [
    ("COLOMBO - Japan's ambassador in Colombo, Hiro Tanaka, called on the State Minister of Defence on "
     "Monday. The embassy's defence attache, Captain Ken Mori, was also present.", "mori",
     ("DefenceAttache", "JPN", "LKA")),
    ("Phnom Penh, 9 May 2024 - Colonel Tran Van Long, defence attache at the Embassy of Viet Nam in Phnom "
     "Penh, called on General Tea Banh. Ambassador Le Thi Hoa also attended the meeting.", "hoa",
     ("Ambassador", "VNM", "KHM")),
    ("WARSAW, May 3 (PAP) - The Kenyan ambassador, Grace Wanjiru, presented her credentials on Monday.",
     "wanjiru", ("Ambassador", "KEN", "POL")),
])
def test_role_inference_mission_in_focus(workspace_extractor, body, surname, role):
    assert role in surname_roles(run(workspace_extractor, body), surname)


def test_role_inference_two_missions_give_no_country(workspace_extractor):
    out = run(workspace_extractor, "The French ambassador to Chad, Anne Leclerc, and the German ambassador to "
              "Niger, Jens Becker, met in Paris. Ambassador Maria Rossi also attended.")
    assert surname_roles(out, "rossi") == {("Ambassador", "", "")}


# -- a country of several words inside a title; the acronym of the body it heads ------------------

@pytest.mark.parametrize("body, surname, role", [
    ("The Commander of the Republic of Fiji Military Forces (RFMF), Major General Ratu Jone Vatu, arrived "
     "in Port Moresby on Tuesday.", "vatu", ("ChiefOfDefence", "FJI", "")),
    ("The visit came at the invitation of the Commander of the Papua New Guinea Defence Force (PNGDF), "
     "Major General Ken Amaka.", "amaka", ("ChiefOfDefence", "PNG", "")),
    ("The Chief of Staff of the Trinidad and Tobago Defence Force, Air Vice-Marshal Darryl Daniel, met "
     "the press.", "daniel", ("ChiefOfDefence", "TTO", "")),
])
def test_role_inference_country_of_several_words_inside_a_title(workspace_extractor, body, surname, role):
    assert role in surname_roles(run(workspace_extractor, body), surname)


def test_role_inference_acronym_of_the_body_is_no_title(workspace_extractor):
    out = run(workspace_extractor, "The Commander of the Papua New Guinea Defence Force (PNGDF), Major General "
              "Ken Amaka, met the press. Officers will be posted to the PNGDF Goldie River Training Depot.")
    assert {e["name"] for e in entities(out, "Person")} == {"Ken Amaka"}


# -- posts joined by a spaced dash -----------------------------------------------------------------

def test_role_inference_posts_joined_by_a_dash(workspace_extractor):
    out = run(workspace_extractor, "Present was the Chief of the General Staff of the Armed Forces – First Deputy "
              "Minister of Defence of the Republic of Tajikistan Major General Farrukh Sharipov.")
    assert {("ChiefOfGeneralStaff", "TJK", ""), ("DeputyDefenceMinister", "TJK", "")} <= \
        surname_roles(out, "sharipov")


def test_role_inference_a_hyphenated_word_joins_no_posts(workspace_extractor):
    out = run(workspace_extractor, "General Omar Haddad, Chief of Staff of the Jordanian Armed Forces-Defence "
              "Minister Samir Khatib's deputy, spoke.")
    assert "DefenceMinister" not in _posts(out, "haddad")


# -- a counterpart first left unnamed ---------------------------------------------------------------

def test_role_inference_unnamed_counterpart_named_later(workspace_extractor):
    out = run(workspace_extractor, "MANAMA - Defence Minister Abdullah Al Hamad on Tuesday hosted his British "
              "counterpart, who is on a Gulf tour. Britain's John Carter later met the navy commander.")
    assert ("DefenceMinister", "GBR", "") in surname_roles(out, "carter")


def test_role_inference_unnamed_counterpart_with_two_candidates_stays_open(workspace_extractor):
    out = run(workspace_extractor, "MANAMA - Defence Minister Abdullah Al Hamad on Tuesday hosted his British "
              "counterpart. Britain's John Carter and Britain's Mary Jones later toured the base.")
    for surname in ("carter", "jones"):
        assert "DefenceMinister" not in _posts(out, surname)


# -- heads of organisations -------------------------------------------------------------------------

def test_role_inference_secretary_general_of_an_organisation(workspace_extractor):
    out = run(workspace_extractor, "The Secretary General of NATO, Mark Rutte, visited Kyiv on Monday.")
    assert "SecretaryGeneral" in _posts(out, "rutte")


@pytest.mark.parametrize("body", [
    "The contract was signed by the ministry's secretary-general, Lokman Hashim, on Tuesday.",
    "The deal was signed by the Defence Ministry's Secretary General, Lokman Hashim, and the company.",
])
def test_role_inference_a_ministry_secretary_general_heads_no_organisation(workspace_extractor, body):
    assert "SecretaryGeneral" not in _posts(run(workspace_extractor, body), "hashim")


# -- the country of a dateline city that is no capital ----------------------------------------------

@pytest.mark.parametrize("body, surname, role", [
    ("ABIDJAN, May 3 (AIP) - The Chief of Defence Staff, General Lassina Doumbia, received a Liberian "
     "delegation led by Minister of Defence of Liberia Abraham Kollie.", "doumbia", ("ChiefOfDefence", "CIV", "")),
    ("DAR ES SALAAM, July 25 - Chief of Defence Forces General Jacob Mwita and the Chinese ambassador to "
     "Tanzania, Chen Ming, attended the ceremony.", "mwita", ("ChiefOfDefence", "TZA", "")),
])
def test_role_inference_dateline_city_gives_the_home_country(workspace_extractor, body, surname, role):
    assert role in surname_roles(run(workspace_extractor, body), surname)


def test_role_inference_city_of_two_countries_gives_none(workspace_extractor):
    out = run(workspace_extractor, "HYDERABAD, May 3 - The Chief of Defence Staff, General Ali Raza, met "
              "Russian and Chinese officers.")
    assert not any(c for _, c, _ in (surname_roles(out, "raza") or set()))


# -- a country modifying the object of the person's own meeting verb is not the person's --------

@pytest.mark.parametrize("body, surname", [
    ("Peter Mensah, minister for defence, met the Japanese envoy on Monday.", "mensah"),
    ("The Minister of the Armed Forces, Claire Dumont, met her German counterpart in Berlin.", "dumont"),
    ("Secretary of National Defense Ramon Cruz received a delegation from Australia.", "cruz"),
])
def test_object_country_is_not_the_subjects(workspace_extractor, body, surname):
    out = run(workspace_extractor, body)
    assert not any(country for _, country, _ in surname_roles(out, surname))


def test_country_of_the_subjects_own_statement_still_counts(workspace_extractor):
    out = run(workspace_extractor, "Defence Minister Ramon Cruz said Chile would buy new frigates.")
    assert ("DefenceMinister", "CHL", "") in surname_roles(out, "cruz")


# -- "his appointment as": the pronoun's person takes the post ---------------------------------

@pytest.mark.parametrize("body, surname, post", [
    ("The king sent a message of congratulations to Admiral Stefan Ivanov on the occasion of his "
     "appointment as Chief of Defence of Bulgaria.", "ivanov", "ChiefOfDefence"),
    ("General Omar Haddad was promoted last week. The minister congratulated him on his appointment as "
     "army commander.", "haddad", "LandForcesCommander"),
])
def test_possessor_of_an_appointment_takes_the_post(workspace_extractor, body, surname, post):
    assert post in _posts(run(workspace_extractor, body), surname)


def test_tenure_as_is_no_appointment(workspace_extractor):
    out = run(workspace_extractor, "The president praised General Omar Haddad for his tenure as army commander.")
    assert _posts(out, "haddad") == set()
