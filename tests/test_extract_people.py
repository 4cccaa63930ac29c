"""People: their posts and later mentions (hand-written lexicon), and how a name is found in
news English with the workspace lexicon: initials and a mononym's first word that refer to a full
name, month abbreviations and hyphenated compounds inside or next to names, honorifics and
company titles before a name, surnames first in capitals, a surname that is a capital's name.
Sentences written for these tests (not taken from the gold or dev sets) in several styles, the
name patterns each with one the rule must not fire on."""
from __future__ import annotations

import pytest

from kg.articles import Article
from kg.iris import country_iri, person_iri
from extraction_checks import run as _run, events as _events, names as _names

AZE, TUR, USA, GEO = (country_iri(c) for c in ("AZE", "TUR", "USA", "GEO"))


def _people(extractor, body, date="2021-10-08"):
    out = extractor.extract(Article(id="t", body=body, date=date))
    return {e["name"]: e for e in out["entities"] if e["type"] == "Person"}, out


def _roles(entity):
    return {(r["role"], r["country"], r["accreditedTo"]) for r in entity["roles"]}


def test_people_possessive_title_and_rank(hand_extractor):
    people, _ = _people(hand_extractor, "Defence Minister Zakir Hasanov has received Turkey’s newly-appointed "
                                        "military attache Maj-Gen Zakaria Yalcin.")
    assert _roles(people["Zakir Hasanov"]) == {("DefenceMinister", AZE, None)}
    # received by Azerbaijan's minister: posted to Azerbaijan (kg.extract.context, as the seed's gold)
    assert _roles(people["Zakaria Yalcin"]) == {("MilitaryAttache", TUR, AZE)}


def test_people_adjective_and_accreditation(hand_extractor):
    people, _ = _people(hand_extractor, "The American defense attache to Georgia, Colonel Daniel Whitcomb, "
                                        "met reporters.")
    assert _roles(people["Daniel Whitcomb"]) == {("DefenceAttache", USA, GEO)}


def test_people_appositive_title(hand_extractor):
    people, _ = _people(hand_extractor, "Selim Kaya, Turkey's ambassador to Azerbaijan, attended.")
    assert _roles(people["Selim Kaya"]) == {("Ambassador", TUR, AZE)}


def test_people_of_the_republic_of(hand_extractor):
    people, _ = _people(hand_extractor, "The Minister of Defence of the Republic of Azerbaijan, Colonel "
                                        "Rauf Mammadov, arrived in Ankara.")
    assert _roles(people["Rauf Mammadov"]) == {("DefenceMinister", AZE, None)}


def test_people_counterpart_holds_the_same_post(hand_extractor):
    people, _ = _people(hand_extractor, "President Ilham Aliyev and his Turkish counterpart Recep Tayyip "
                                        "Erdogan signed the declaration.")
    assert _roles(people["Recep Tayyip Erdogan"]) == {("President", TUR, None)}


def test_coref_misspelled_surname_resolves_to_the_known_person(hand_extractor):
    people, _ = _people(hand_extractor, "Defence Minister Zakir Hasanov met the attache. Hasaov said the "
                                        "talks went well.")
    assert [m["text"] for m in people["Zakir Hasanov"]["mentions"]] == ["Zakir Hasanov", "Hasaov"]


def test_coref_fuzzy_never_merges_two_known_people(hand_extractor):
    people, _ = _people(hand_extractor, "Zakir Hasanov and Hulusi Akar met. Akar said so.")
    assert [m["text"] for m in people["Hulusi Akar"]["mentions"]] == ["Hulusi Akar", "Akar"]
    assert [m["text"] for m in people["Zakir Hasanov"]["mentions"]] == ["Zakir Hasanov"]


def test_coref_short_names_are_not_matched_fuzzily(hand_extractor):
    people, _ = _people(hand_extractor, "General Ali Kim arrived. Kin said nothing.")
    assert [m["text"] for m in people["Ali Kim"]["mentions"]] == ["Ali Kim"]


def test_coref_title_alone_takes_the_accreditation(hand_extractor):
    people, _ = _people(hand_extractor, "Zakir Hasanov received Turkey's military attache Maj-Gen Zakaria "
                                        "Yalcin. Hasanov congratulated the military attache on his appointment "
                                        "in Azerbaijan.")
    assert _roles(people["Zakaria Yalcin"]) == {("MilitaryAttache", TUR, AZE)}


def test_people_known_person_by_lexicon_surname_alone(hand_extractor):
    people, _ = _people(hand_extractor, "Erdogan said Turkey stands with Azerbaijan.")
    assert "Recep Tayyip Erdogan" in people


def test_people_honorific_is_not_part_of_the_name(hand_extractor):
    people, _ = _people(hand_extractor, "Mr Daniel Whitcomb, the American ambassador, said so.")
    assert "Daniel Whitcomb" in people


# -- names: initials, a mononym's first word ------------------------------------------------

@pytest.mark.parametrize("body, full, short", [
    ("Defence Minister G. Saikhanbayar opened the drills. Gursed Saikhanbayar said the region is safer.",
     "Gursed Saikhanbayar", "G. Saikhanbayar"),
    ("Army chief Gen. S. M. Shafiuddin Ahmed received the delegation. Sarwar Muhammad Shafiuddin Ahmed said ties grow.",
     "Sarwar Muhammad Shafiuddin Ahmed", "S. M. Shafiuddin Ahmed"),
])
def test_initials_merge_with_the_full_name(workspace_extractor, body, full, short):
    people = _names(_run(workspace_extractor, body), "Person")
    assert full in people and short not in people


def test_initials_do_not_merge_different_surnames(workspace_extractor):
    out = _run(workspace_extractor, "Defence Minister G. Saikhanbayar met Colonel Ganbold Batsukh, who said ties grow.")
    assert {"G. Saikhanbayar", "Ganbold Batsukh"} <= _names(out, "Person")


def test_first_word_of_a_mononymous_name(workspace_extractor):
    out = _run(workspace_extractor, "Defence Minister Prabowo Subianto met the envoy. "
                                    "Prabowo, a former general, said the talks were useful.")
    assert [e["participants"] for e in _events(out, "Statement")] == [[person_iri("Prabowo Subianto")]]


# -- names: month abbreviations, hyphenated compounds ---------------------------------------

@pytest.mark.parametrize("body, name", [
    ("Chinese Defence Minister Dong Jun held talks with Tanzanian Defence Minister Stergomena Tax.", "Dong Jun"),
    ("Navy chief Admiral Kim Jan-sik met Japanese Defence Minister Minoru Kihara in Tokyo.", "Kim Jan-sik"),
])
def test_month_abbreviation_inside_east_asian_name(workspace_extractor, body, name):
    assert name in _names(_run(workspace_extractor, body), "Person")


def test_month_abbreviation_before_day_is_a_date(workspace_extractor):
    out = _run(workspace_extractor, "Defence Minister Ali Haddad met the envoy in Amman on Jun 5.", "2024-06-20")
    assert "Ali Haddad" in _names(out, "Person")
    assert [e["date"] for e in _events(out, "Meeting")] == ["2024-06-05"]


@pytest.mark.parametrize("body, bad", [
    ("Admiral John Aquilino, Commander of the US Indo-Pacific Command, arrived in Manila.", "Indo"),
    ("General Paul Moore, head of the Asia-Pacific Command, met the minister.", "Asia"),
])
def test_hyphenated_compound_is_no_name(workspace_extractor, body, bad):
    assert bad not in _names(_run(workspace_extractor, body), "Person")


# -- names: honorifics and titles before a name ---------------------------------------------

@pytest.mark.parametrize("body, name", [
    ("Malaysian Defence Minister Datuk Seri Mohamad Hasan received the envoy.", "Mohamad Hasan"),
    ("The contract was signed by Hanwha Aerospace chief executive Son Jae-il.", "Son Jae-il"),
])
def test_honorifics_and_company_titles(workspace_extractor, body, name):
    assert name in _names(_run(workspace_extractor, body), "Person")


def test_shaikh_is_an_honorific(workspace_extractor):
    out = _run(workspace_extractor, "The minister met Shaikh Nasser bin Hamad Al Khalifa in Manama on Monday.",
               "2025-03-12")
    assert "Nasser bin Hamad Al Khalifa" in _names(out, "Person")


# -- names: surname first in capitals; a surname that is a capital's name -----------------

@pytest.mark.parametrize("body, name", [
    ("Japanese Defense Minister SUZUKI Kenji met Philippine Secretary of National Defense on Monday.", "Kenji Suzuki"),
    ("State Minister of Defense TANAKA Hiroshi attended the ceremony in Tokyo.", "Hiroshi Tanaka"),
])
def test_surname_first_in_capitals(workspace_extractor, body, name):
    out = _run(workspace_extractor, body)
    assert person_iri(name) in {e["id"] for e in out["entities"]}


def test_capitals_acronym_is_no_surname(workspace_extractor):
    out = _run(workspace_extractor, "The NATO Secretary General Mark Rutte spoke on Monday.")
    assert person_iri("Mark Rutte") in {e["id"] for e in out["entities"]}


def test_surname_that_is_a_capital(workspace_extractor):
    out = _run(workspace_extractor, "Brazilian Defence Minister Jose Mucio met Marcos Lima, the Peruvian envoy, on Monday.")
    assert person_iri("Marcos Lima") in {e["id"] for e in out["entities"]}
    (meeting,) = _events(out, "Meeting")
    assert person_iri("Marcos Lima") in meeting["participants"]


def test_capital_after_a_preposition_stays_the_city(workspace_extractor):
    out = _run(workspace_extractor, "Brazilian Defence Minister Jose Mucio arrived in Lima on Monday.")
    assert "Lima" in _names(out, "Place")
    assert not any(e["type"] == "Person" and "Lima" in e["name"] for e in out["entities"])


@pytest.mark.parametrize("body, name", [
    ("The Interior Minister Sheikh Fahad Yousef Saud Al-Sabah Al-Ahmad met the delegation.",
     "Fahad Yousef Saud Al-Sabah Al-Ahmad"),
    ("Deputy Ruler Sheikh Maktoum bin Mohammed bin Rashid Al Maktoum chaired the session.",
     "Maktoum bin Mohammed bin Rashid Al Maktoum"),
    ("Chief of Staff Lieutenant General Khalid Abdullah Al-Bu Ainnain Al-Shamsi, spoke at the forum.",
     "Khalid Abdullah Al-Bu Ainnain Al-Shamsi"),
])
def test_long_arabic_names_keep_their_particles(workspace_extractor, body, name):
    """Particles ("Al", "bin") do not count towards the length limit of a name."""
    out = _run(workspace_extractor, body)
    assert name in _names(out, "Person")


def test_name_limit_still_stops_a_run_of_capitals(workspace_extractor):
    out = _run(workspace_extractor, "Minister Ali Hassan Omar Farah Yusuf Abdi Nur Warsame arrived on Monday.")
    assert not any(len(n.split()) > 5 for n in _names(out, "Person"))


def test_city_state_dateline_gives_the_host_country(workspace_extractor):
    """A dateline naming a city-state ("KUWAIT, ...") is the home country of a domestic post."""
    body = ("KUWAIT, March 3 (Reuters) - The Minister of Defence, Mr. Nawaf Saleh Marzouq, received "
            "the visiting Chief of the Army of Oman on Tuesday.")
    people = {e["name"]: e for e in _run(workspace_extractor, body)["entities"] if e["type"] == "Person"}
    assert ("DefenceMinister", country_iri("KWT"), None) in {
        (r["role"], r["country"], r["accreditedTo"]) for r in people["Nawaf Saleh Marzouq"]["roles"]}


# -- a capitalised trigger word that ends a name ----------------------------------------------

@pytest.mark.parametrize("body, name", [
    ("Kenyan Defence Secretary Ali Omar Said told reporters the drills went well.", "Ali Omar Said"),
    ("The session was chaired by Brigadier Hassan Ali Said, the head of training.", "Hassan Ali Said"),
])
def test_capitalised_trigger_ends_a_name(workspace_extractor, body, name):
    assert name in _names(_run(workspace_extractor, body), "Person")


def test_lower_case_said_is_no_name(workspace_extractor):
    out = _run(workspace_extractor, "General Musa Ali said the troops were ready.")
    assert _names(out, "Person") == {"Musa Ali"}


def _edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance (adjacent swaps count one), the full table: the reference."""
    table = [[max(i, j) if min(i, j) == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1,
                              table[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    return table[-1][-1]


def test_within_one_edit_agrees_with_the_edit_distance_on_every_short_pair():
    from itertools import product

    from kg.extract.resources import within_one_edit

    words = ["".join(w) for n in range(5) for w in product("abc", repeat=n)]
    assert all(within_one_edit(a, b) == (_edit_distance(a, b) <= 1) for a in words for b in words)


# -- ranks of Latin and Francophone armies written in translation ------------------------------

@pytest.mark.parametrize("body, name, not_name", [
    ("On Monday the army chief, Gen. Div. Hugo Aquino Ramírez, met the Chilean defence attaché, Col. Pedro Soto.",
     "Hugo Aquino Ramírez", "Div"),
    ("The Chief of General Staff of the Armies, General of Army Corps Mamadou Sarr, received the French ambassador.",
     "Mamadou Sarr", "Corps Mamadou Sarr"),
    ("General of Brigade Luis Paredes Soto, commander of the 3rd Division, met the Peruvian defence minister.",
     "Luis Paredes Soto", "Brigade Luis Paredes Soto"),
    ("The defence minister received Général de division Alain Mbaye on Tuesday.", "Alain Mbaye", "Général"),
])
def test_translated_general_ranks_are_no_part_of_the_name(workspace_extractor, body, name, not_name):
    people = _names(_run(workspace_extractor, body), "Person")
    assert name in people and not_name not in people


def test_general_of_the_army_is_still_its_own_rank(workspace_extractor):
    """"General of Army" is the post-Soviet rank: the longer "General of Army Corps" does not take its name word."""
    people = _names(_run(workspace_extractor, "General of Army Arkadiy Bakhin met his Kazakh counterpart on Monday."),
                    "Person")
    assert people == {"Arkadiy Bakhin"}


# -- a later short form of a long name: its last words ------------------------------------------

@pytest.mark.parametrize("body, full", [
    ("The Mauritanian defence minister, Ahmed Ould Cheikh Sidiya, arrived in Dakar on Monday. "
     "Mr. Ould Cheikh Sidiya said the two armies would cooperate.", "Ahmed Ould Cheikh Sidiya"),
    ("Peru's defence minister, Walter Quispe Huamán, received his Bolivian counterpart on Monday. "
     "Quispe Huamán said the border talks were useful.", "Walter Quispe Huamán"),
    ("Admiral Luis Alberto Chávez Ugarte met the Chilean naval attaché on Monday. "
     "Admiral Alberto Chávez Ugarte said the navies would train together.", "Luis Alberto Chávez Ugarte"),
])
def test_last_words_of_a_long_name_name_the_same_person(workspace_extractor, body, full):
    assert _names(_run(workspace_extractor, body), "Person") == {full}


def test_a_different_given_name_before_the_same_last_words_is_another_person(workspace_extractor):
    body = ("The Mauritanian defence minister, Ahmed Ould Cheikh Sidiya, arrived in Dakar on Monday. "
            "Mr. Mohamed Cheikh Sidiya, a senator, said the two armies would cooperate.")
    assert _names(_run(workspace_extractor, body), "Person") == {"Ahmed Ould Cheikh Sidiya", "Mohamed Cheikh Sidiya"}


# -- a name with initials after the full name, then the surname alone --------------------------

def test_initialled_form_after_the_full_name_is_the_same_person(workspace_extractor):
    body = ("The Uzbek defence minister met the Military Attaché of Belarus, Colonel Dzmitry Kavalenka, on Monday. "
            "Colonel D. Kavalenka thanked the minister. On May 5, Colonel Kavalenka paid a visit to Termez.")
    out = _run(workspace_extractor, body)
    assert _names(out, "Person") == {"Dzmitry Kavalenka"}
    assert [e["guest"] for e in _events(out, "Visit")] == [person_iri("Dzmitry Kavalenka")]


def test_initial_of_another_given_name_is_another_person(workspace_extractor):
    body = ("The Uzbek defence minister met the attaché, Colonel Dzmitry Kavalenka, on Monday. "
            "Colonel P. Kavalenka visited the academy.")
    assert _names(_run(workspace_extractor, body), "Person") == {"Dzmitry Kavalenka", "P. Kavalenka"}


@pytest.mark.parametrize("adverb", ["Later", "Earlier", "Afterwards", "Subsequently", "Separately"])
def test_sentence_adverb_before_a_surname_is_no_part_of_the_name(workspace_extractor, adverb):
    body = (f"The Uzbek defence minister met the attaché, Colonel Dzmitry Kavalenka, on Monday. "
            f"{adverb} Kavalenka visited the academy.")
    assert _names(_run(workspace_extractor, body), "Person") == {"Dzmitry Kavalenka"}


def test_capitalised_given_name_is_still_a_name(workspace_extractor):
    """Only listed adverbs stop a name: "Laterza" or a given name before a surname stays."""
    body = ("The Uzbek defence minister met the attaché, Colonel Dzmitry Kavalenka, on Monday. "
            "Then Colonel Laterza Kavalenka, his brother, met the minister.")
    assert "Laterza Kavalenka" in _names(_run(workspace_extractor, body), "Person")


# -- a retired mark in brackets between a post's rank and the name -----------------------------

@pytest.mark.parametrize("body", [
    "The Minister of National Defense of Paraguay, Gen. (R) Óscar Benítez Cáceres, received the Bolivian ambassador.",
    "The Minister of National Defense of Paraguay, Gen. (ret.) Óscar Benítez Cáceres, received the Bolivian ambassador.",
    "Paraguay's Minister of National Defense, Gen. (Retd) Óscar Benítez Cáceres, received the Bolivian ambassador.",
])
def test_retired_mark_keeps_the_post_before_the_rank(workspace_extractor, body):
    out = _run(workspace_extractor, body)
    person = next(e for e in out["entities"] if e["name"] == "Óscar Benítez Cáceres")
    assert {(r["role"], r["country"]) for r in person["roles"]} == {("DefenceMinister", country_iri("PRY"))}


def test_letter_in_brackets_after_a_name_is_no_retired_mark(workspace_extractor):
    """Only a bracket between a rank and the name is a retired mark: a party letter after a name
    ("Colonel John Hale (R)") is neither a name nor a title of the next name."""
    out = _run(workspace_extractor, "Colonel John Hale (R) met the Minister of National Defense of Paraguay, "
                                    "Gen. (R) Óscar Benítez Cáceres, on Monday.")
    assert _names(out, "Person") == {"John Hale", "Óscar Benítez Cáceres"}
    hale = next(e for e in out["entities"] if e["name"] == "John Hale")
    assert not any(r["role"] == "DefenceMinister" for r in hale["roles"])


# -- the first of two surnames alone names the person ("Minister Quispe") ----------------------

@pytest.mark.parametrize("body, full", [
    ("Peru's defence minister, Walter Quispe Huamán, received his Chilean counterpart on Monday. "
     "Minister Quispe said the talks were useful.", "Walter Quispe Huamán"),
    ("The Angolan minister received the Chief of the Defence Staff of Spain, Admiral General Ignacio Barrenechea "
     "Olmedo, on Monday. Admiral General Barrenechea will travel on Thursday to Namibe.", "Ignacio Barrenechea Olmedo"),
])
def test_first_of_two_surnames_names_the_person(workspace_extractor, body, full):
    assert _names(_run(workspace_extractor, body), "Person") == {full}


def test_first_surname_shared_by_two_people_names_neither(workspace_extractor):
    body = ("Peru's defence minister, Walter Quispe Huamán, met Bolivia's army chief, General Rosa Quispe Torres, "
            "on Monday. Colonel Quispe, an aide, said the talks were useful.")
    people = _names(_run(workspace_extractor, body), "Person")
    assert {"Walter Quispe Huamán", "Rosa Quispe Torres"} <= people and "Quispe" in people


# -- a name after a description ending in a body's acronym: "the head of ... (ACRO), X" --------

@pytest.mark.parametrize("body, name", [
    ("The plan was presented by the head of the Procurement and Logistics Agency (PLA), Maria Lindqvist.",
     "Maria Lindqvist"),
    ("He met the Special Representative for Haiti and head of the UN Integrated Office (BINUH), Jean Moreau, "
     "on Monday.", "Jean Moreau"),
])
def test_name_after_a_description_ending_in_an_acronym(workspace_extractor, body, name):
    assert name in _names(_run(workspace_extractor, body), "Person")


def test_capitalised_words_after_an_acronym_with_no_description_are_no_name(workspace_extractor):
    out = _run(workspace_extractor, "Officers of the Procurement and Logistics Agency (PLA), Northern Command "
                                    "and the navy attended.")
    assert "Northern Command" not in _names(out, "Person")
