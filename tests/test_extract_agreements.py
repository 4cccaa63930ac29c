"""Agreements in news English: a signed document described rather than named ("signed a
five-year roadmap for defence cooperation"), the name of a named one (without a year before or
after it), who signed it (people who sign, countries that sign during a visit, "the document
was signed by"), and "concluded" as a signing. Sentences written for these tests (not taken from
the gold or dev sets), each group with one the rule must not fire on."""
from __future__ import annotations

import pytest

from kg.articles import Article
from kg.iris import country_iri, person_iri
from extraction_checks import (run as _run, events as _events, entities as _entities, names as _names,
                               relations as _relations, local_name)


# -- described agreements ----------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Estonian Defence Minister Hanno Pevkur and his Latvian counterpart Andris Spruds signed a "
    "five-year roadmap for defence cooperation in Tallinn on Monday.",
    "Qatar's Defence Minister Khalid Al Attiyah and Italian Defence Minister Guido Crosetto signed an "
    "implementing arrangement on military training on Tuesday.",
])
def test_described_agreement_after_modifiers(workspace_extractor, body):
    out = _run(workspace_extractor, body)
    assert len(_entities(out, "Agreement")) == 1
    assert len(_relations(out, "partyTo")) == 2 and len(_relations(out, "signed")) == 2


def test_described_agreement_parties_are_the_signatories_countries(workspace_extractor):
    body = ("Polish Defence Minister Adam Kowalski hosted Japanese Defence Minister Ken Sato in Warsaw on Monday. "
            "The two ministers signed a memorandum on defence exchanges and discussed lessons from the war in Ukraine.")
    out = _run(workspace_extractor, body)
    assert {s for s, _ in _relations(out, "partyTo")} == {country_iri("POL"), country_iri("JPN")}


def test_expected_signing_leaves_no_agreement(workspace_extractor):
    out = _run(workspace_extractor, "Minister Adam Kowalski is expected to sign a new agreement on logistics.")
    assert not _entities(out, "Agreement")


# -- names of agreements -----------------------------------------------------------------

def test_year_after_agreement_name_is_not_part_of_it(workspace_extractor):
    out = _run(workspace_extractor, "Ghana and Togo signed the Memorandum of Understanding on Border Security in 2019.")
    assert [a["name"] for a in _entities(out, "Agreement")] == ["Memorandum of Understanding on Border Security"]


def test_treaty_year_is_no_part_of_its_name(workspace_extractor):
    out = _run(workspace_extractor, "The 1987 Intermediate-Range Nuclear Forces Treaty was abandoned by Washington.")
    assert not any(n.startswith("1987") for n in _names(out, "Agreement"))


# -- signatories --------------------------------------------------------------------------

def test_the_document_refers_to_the_signing_just_reported(workspace_extractor):
    out = _run(workspace_extractor, "Oman and India signed a memorandum on maritime security in Muscat on Monday. "
                                    "The document was signed by Omani Defence Minister Shihab bin Tarik Al Said "
                                    "and Indian Defence Minister Rajnath Singh.")
    assert len(_relations(out, "signed")) == 2


@pytest.mark.parametrize("body, pair", [
    ("Sri Lanka and Japan signed a defence memorandum on Monday during a visit by Japanese Defence Minister "
     "Kenji Sato.", ("JPN", "LKA")),
    ("On Tuesday Kenya and Ethiopia signed an agreement on border security in Nairobi during the visit of "
     "Ethiopian Defence Minister Abebe Tadesse.", ("ETH", "KEN")),
])
def test_countries_sign_during_a_visit(workspace_extractor, body, pair):
    out = _run(workspace_extractor, body)
    (signing,) = _events(out, "AgreementSigning")
    assert [local_name(p) for p in signing["participants"]] == list(pair)
    assert _relations(out, "signed") == set()
    assert not any(" in " in n or "Monday" in n for n in _names(out, "Agreement"))


def test_a_person_who_signs_is_a_signatory(workspace_extractor):
    out = _run(workspace_extractor, "Japanese Defence Minister Kenji Sato and his Sri Lankan counterpart signed "
                                    "a memorandum on Monday.")
    (signing,) = _events(out, "AgreementSigning")
    assert person_iri("Kenji Sato") in signing["participants"]


# -- concluding: an agreement, not an activity ------------------------------------------------

@pytest.mark.parametrize("body", [
    "Kenyan and Tanzanian troops concluded the joint exercise Ushirikiano Imara on Friday.",
    "The two ministers concluded their talks in Nairobi on Friday.",
])
def test_concluding_an_activity_is_no_signing(workspace_extractor, body):
    assert not _events(_run(workspace_extractor, body), "AgreementSigning")


def test_concluding_an_agreement_is_a_signing(workspace_extractor):
    out = _run(workspace_extractor, "Ghana and Togo concluded a defence cooperation agreement on Friday.")
    assert _events(out, "AgreementSigning")


@pytest.mark.parametrize("body, name", [
    ("Kenya and Uganda signed the Agreement on Cooperation in the Defence Sphere in Nairobi in 2019.",
     "Agreement on Cooperation in the Defence Sphere"),
    ("Armenia and Greece signed a Protocol on Cooperation in the Field of Military Education in Yerevan.",
     "Protocol on Cooperation in the Field of Military Education"),
    ("They signed the Agreement on Military Cooperation in the Philippines on Monday.",
     "Agreement on Military Cooperation"),
])
def test_named_agreement_keeps_its_complement_after_the(workspace_extractor, body, name):
    assert name in _names(_run(workspace_extractor, body), "Agreement")


# -- two documents in adjacent sentences; a company's country --------------------------------

def test_hyphenated_compound_before_a_described_agreement(workspace_extractor):
    body = ("Chile's Defence Minister Ana Rojas and Brazil's Defence Minister Paulo Lima signed a "
            "state-to-state memorandum on submarine maintenance in Brasilia last March.")
    out = _run(workspace_extractor, body, "2024-06-10")
    assert [a["id"].rsplit("/", 1)[-1] for a in _entities(out, "Agreement")] == ["2024-03-bra-chl-memorandum"]


def test_a_documents_definite_mention_dates_it_when_signed_there(workspace_extractor):
    body = ("Norway's navy has signed a contract for three patrol boats. The contract was signed in Bergen "
            "on 4 March by Rear Admiral Lars Berg.")
    out = _run(workspace_extractor, body, "2024-06-10")
    assert [a["id"].rsplit("/", 1)[-1] for a in _entities(out, "Agreement")] == ["2024-03-04-nor-contract"]


def test_two_documents_of_two_sentences_stay_apart(workspace_extractor):
    body = ("Kenya's Ministry of Defence signed a contract with a Turkish shipyard for two corvettes on 2 May. "
            "The deal follows a government-to-government memorandum on naval cooperation signed last October "
            "by Kenyan Defence Minister Aden Duale and Turkish Defence Minister Yasar Guler.")
    out = _run(workspace_extractor, body, "2024-06-10")
    ids = sorted(a["id"].rsplit("/", 1)[-1] for a in _entities(out, "Agreement"))
    assert ids == ["2023-10-ken-tur-memorandum", "2024-05-02-ken-contract"]


@pytest.mark.parametrize("body", [
    "Peru signed a contract with South Korean shipbuilder Hanjin Marine for two frigates on Monday.",
    "Poland's army signed a deal with a French defence firm for 40 howitzers on Monday.",
    "Peru's navy signed a contract with the Seoul-based yard Hanjin Marine for two frigates on Monday.",
])
def test_a_companys_country_is_no_party(workspace_extractor, body):
    out = _run(workspace_extractor, body, "2024-06-10")
    parties = {local_name(s) for s, _ in _relations(out, "partyTo")}
    assert parties <= {"PER", "POL"} and not parties & {"KOR", "FRA"}


def test_a_countrys_ministry_stays_a_party(workspace_extractor):
    # the adjective qualifies a ministry, which acts for its country: not a company
    body = ("Peruvian Defence Minister Walter Astudillo and South Korean Defence Minister Shin Won-sik "
            "signed a memorandum on defence industry cooperation in Lima on Monday.")
    out = _run(workspace_extractor, body, "2024-06-10")
    assert {local_name(s) for s, _ in _relations(out, "partyTo")} == {"PER", "KOR"}


# -- a country that is the setting or subject of the cooperation is no party -------------------

def test_a_setting_country_is_no_party(workspace_extractor):
    body = ("Kenya hosted a delegation from Uganda on Monday. The two sides signed a memorandum at the end of "
            "their talks, which covered joint training and peacekeeping in Somalia.")
    out = _run(workspace_extractor, body, "2024-06-12")
    assert {local_name(s) for s, _ in _relations(out, "partyTo")} == {"KEN", "UGA"}


def test_a_country_where_a_document_is_signed_stays_a_party(workspace_extractor):
    # after a verb ("signed in Uganda") the country may be the host party: kept
    out = _run(workspace_extractor, "Kenya's Defence Minister Aden Duale signed a memorandum on border security "
                                    "in Uganda on Monday.", "2024-06-12")
    assert "UGA" in {local_name(s) for s, _ in _relations(out, "partyTo")}


# -- a named agreement in the background: its parties, its year ------------------------------

@pytest.mark.parametrize("body, parties", [
    ("Border policing still follows the 1960 Boundary Protocol between Ghana, Togo and Burkina Faso.",
     {"GHA", "TGO", "BFA"}),
    ("The base is leased under the Portugal-US Lajes Agreement, officials recalled.", {"PRT", "USA"}),
    ("Oman's Access Agreement with India dates from an earlier era, the minister noted.", {"OMN", "IND"}),
])
def test_a_named_agreements_parties_without_a_signing(workspace_extractor, body, parties):
    out = _run(workspace_extractor, body)
    assert {local_name(s) for s, _ in _relations(out, "partyTo")} == parties
    assert not _events(out, "AgreementSigning")


def test_a_named_agreement_without_parties_gets_no_party(workspace_extractor):
    out = _run(workspace_extractor, "Analysts in Accra compared the plan with the old Boundary Protocol.")
    assert not _relations(out, "partyTo")


@pytest.mark.parametrize("body, name, date", [
    ("Their ties rest on the Treaty of Peace and Friendship of 1950, the envoy said.",
     "Treaty of Peace and Friendship", "1950"),
    ("Relations go back to the 1921 Treaty of Kars between Turkey and Armenia.", "Treaty of Kars", "1921"),
])
def test_a_year_before_or_after_the_name_is_its_date(workspace_extractor, body, name, date):
    doc = workspace_extractor.read(Article(id="t", body=body, date="2024-05-10"))
    assert [(a.name, a.date) for a in doc.entities.values() if a.type == "Agreement"] == [(name, date)]


# -- a planned document; a headline in capitals -----------------------------------------------

@pytest.mark.parametrize("body", [
    "Slovenia's defence minister is due in Vienna on Friday to sign a memorandum on air policing with Austria.",
    "Asked whether Chile would sign a similar agreement with Argentina on 3 May, the minister declined to answer.",
    "Norway and Sweden will sign a protocol on Arctic logistics next week.",
])
def test_a_planned_document_is_no_agreement(workspace_extractor, body):
    out = _run(workspace_extractor, body, "2024-05-01")
    assert not _entities(out, "Agreement") and not _relations(out, "partyTo")


def test_a_document_signed_after_a_plan_elsewhere_is_an_agreement(workspace_extractor):
    # the plan belongs to another verb: the signing itself is reported
    body = "Austria and Slovenia, which plan to expand drills, signed a memorandum on air policing on 2 May."
    out = _run(workspace_extractor, body, "2024-05-10")
    assert len(_entities(out, "Agreement")) == 1


def test_a_headline_in_capitals_names_no_agreement(workspace_extractor):
    body = ("MEMORANDUM ON NAVAL TRAINING SIGNED IN MAPUTO\n\nMozambique and Tanzania signed a memorandum on "
            "naval training in Maputo on Tuesday.")
    out = _run(workspace_extractor, body, "2024-05-10")
    assert not any(a["name"].isupper() or "Signed" in a["name"] for a in _entities(out, "Agreement"))


def test_a_capitalised_name_in_a_sentence_stays_a_name(workspace_extractor):
    out = _run(workspace_extractor, "Mozambique and Tanzania signed the Maputo Protocol on Naval Training on Tuesday.")
    assert _names(out, "Agreement") == {"Maputo Protocol on Naval Training"}


# -- a dated document without parties or signing event --------------------------------------

def test_a_companies_dated_agreement_is_none(workspace_extractor):
    out = _run(workspace_extractor, "Vinos del Sur, a family winery near Mendoza, signed an agreement with the "
                                    "importer Golden Harbour Trading last week.", "2024-05-10")
    assert not _entities(out, "Agreement")


def test_a_dated_agreement_a_minister_signs_stays(workspace_extractor):
    out = _run(workspace_extractor, "Defence Minister Luis Lara signed an agreement on military training with "
                                    "Peru on 2 May.", "2024-05-10")
    assert len(_entities(out, "Agreement")) == 1


# -- a kind word inside a venue's name names no agreement --------------------------------

@pytest.mark.parametrize("body", [
    "Kenya and Rwanda signed a memorandum of understanding on military medicine at the Kigali Convention Centre on Monday.",
    "The two ministers met at the Treaty Room of the ministry and signed a protocol on military education.",
    "Defence Minister Lena Moss addressed the conference at the Accord Hall in Kampala on Monday.",
])
def test_kind_word_in_a_venue_name_is_no_agreement(workspace_extractor, body):
    out = _run(workspace_extractor, body)
    assert not {n for n in _names(out, "Agreement") if any(w in n for w in ("Centre", "Room", "Hall"))}


def test_venue_does_not_run_into_the_described_agreement(workspace_extractor):
    out = _run(workspace_extractor, "Kenya and Rwanda signed a memorandum on military medicine at the Kigali Convention "
                                    "Centre on Monday.")
    assert all("Kigali" not in n for n in _names(out, "Agreement"))


def test_named_convention_is_still_an_agreement(workspace_extractor):
    out = _run(workspace_extractor, "Kenya and Rwanda signed the Kigali Convention on Military Medicine on Monday.")
    assert "Kigali Convention on Military Medicine" in _names(out, "Agreement")


# -- "signed the plan on ...": a definite first mention right after the signing verb ------

@pytest.mark.parametrize("body, kind", [
    ("Defence ministers Tran Quoc Hung of Vietnam and Bounmy Sisouphanh of Laos held talks in Vientiane on Monday. "
     "Following the talks, the two ministers signed the plan on defence cooperation for 2027.", "plan"),
    ("Kenya's defence minister Ruth Wanjiku and Uganda's defence minister Moses Okello met in Kampala on Monday "
     "and signed the memorandum on joint border patrols.", "memorandum"),
    ("On Tuesday the chiefs of defence of Ghana and Togo, Kofi Boateng and Yao Agbeko, signed the protocol on "
     "military education in Lome.", "protocol"),
])
def test_definite_kind_after_signing_is_a_first_mention(workspace_extractor, body, kind):
    out = _run(workspace_extractor, body)
    signings = _events(out, "AgreementSigning")
    assert len(signings) == 1 and signings[0]["agreement"]
    assert any(n.lower().startswith(kind) for n in _names(out, "Agreement"))


@pytest.mark.parametrize("body, name", [
    ("Defence ministers Arvo Tamm of Estonia and Juris Kalns of Latvia held talks in Tallinn on Monday. "
     "Afterwards the two ministers signed the plan of military cooperation for 2028.", "plan of military cooperation"),
    ("Ghana's defence minister Kofi Boateng and Togo's defence minister Yao Agbeko met in Lome on Friday and "
     "signed the programme of cooperation for 2029.", "programme of cooperation"),
])
def test_definite_kind_whose_label_holds_its_subject_is_a_first_mention(workspace_extractor, body, name):
    out = _run(workspace_extractor, body)
    signings = _events(out, "AgreementSigning")
    assert len(signings) == 1 and signings[0]["agreement"]
    assert name in _names(out, "Agreement")


def test_definite_kind_with_its_subject_but_no_signing_is_no_agreement(workspace_extractor):
    out = _run(workspace_extractor, "Defence ministers Arvo Tamm of Estonia and Juris Kalns of Latvia met in "
                                    "Tallinn on Monday and discussed the plan of military cooperation for 2028.")
    assert not _entities(out, "Agreement")


def test_definite_kind_points_back_to_the_earlier_agreement(workspace_extractor):
    out = _run(workspace_extractor,
               "Kenya and Uganda signed a memorandum on joint border patrols in Kampala on Monday. "
               "Officials said the ministers signed the memorandum on joint border patrols after two hours of talks.")
    assert len(_entities(out, "Agreement")) == 1


# -- "Japan's Kanemura Trading": a company's country is no party ---------------------------

@pytest.mark.parametrize("body, party", [
    ("Mongolia's defence ministry signed an agreement with Japan's Kanemura Trading on Tuesday.", "MNG"),
    ("Peru's defence ministry signed a contract with Korea's Daehan Shipbuilding on Tuesday.", "PER"),
    ("Kenya's army signed a contract with Turkey's Anka Holdings on Monday for armoured vehicles.", "KEN"),
])
def test_possessive_country_of_a_company_is_no_party(workspace_extractor, body, party):
    out = _run(workspace_extractor, body)
    assert {local_name(s) for s, _ in _relations(out, "partyTo")} == {party}
    assert [e["participants"] for e in _events(out, "AgreementSigning")] == [[country_iri(party)]]


def test_possessive_country_of_a_ministry_stays_a_party(workspace_extractor):
    out = _run(workspace_extractor, "Kenya and Japan's defence ministry signed an agreement on Tuesday.")
    assert {local_name(s) for s, _ in _relations(out, "partyTo")} == {"KEN", "JPN"}


# -- a statement of intent is a signed document ---------------------------------------------

def test_statement_of_intent_is_an_agreement(workspace_extractor):
    out = _run(workspace_extractor, "Dutch Defence Minister Karin Vos and her Belgian counterpart Luc Maes signed "
                                    "a Statement of Intent on Naval Training in Brussels on Monday.")
    assert "Statement of Intent on Naval Training" in _names(out, "Agreement")
    assert _events(out, "AgreementSigning")


def test_statement_of_intent_not_signed_is_no_signing(workspace_extractor):
    out = _run(workspace_extractor, "The minister said Belgium's intent was clear and issued a statement on "
                                    "naval training on Monday.")
    assert not _events(out, "AgreementSigning") and not _names(out, "Agreement")


# -- the writer of a signed release is its "I" ---------------------------------------------

def test_first_person_of_a_signed_release_is_the_signatory(workspace_extractor):
    out = _run(workspace_extractor, "The Hon Mark Ellery MP\nMinister for Defence\n\nToday Minister Ruth Kaye and "
                                    "I signed a memorandum of understanding on cyber defence in Canberra.")
    signing = _events(out, "AgreementSigning")
    assert signing and {person_iri("Mark Ellery"), person_iri("Ruth Kaye")} <= set(signing[0]["participants"])


def test_first_person_without_a_signature_block_is_nobody(workspace_extractor):
    out = _run(workspace_extractor, "Mark Ellery spoke to reporters.\nToday Minister Ruth Kaye and I signed a "
                                    "memorandum of understanding on cyber defence in Canberra.")
    signing = _events(out, "AgreementSigning")
    assert not signing or person_iri("Mark Ellery") not in signing[0]["participants"]


# -- a lead's bare "signed an agreement" is the named agreement signed that day ------------

_LEAD = ("Chile and Peru on Tuesday signed an agreement that lets their coast guards share radar data. "
         "Chilean Defence Minister Ana Soto and Peruvian Defence Minister Luis Vera signed the {name} in Lima.")


def test_bare_lead_agreement_is_the_named_one(workspace_extractor):
    out = _run(workspace_extractor, _LEAD.format(name="Agreement on Maritime Surveillance"), "2024-05-10")
    assert _names(out, "Agreement") == {"Agreement on Maritime Surveillance"}
    assert len(_events(out, "AgreementSigning")) == 1


def test_bare_agreement_of_other_countries_stays(workspace_extractor):
    body = ("Brazil and Argentina on Tuesday signed an agreement that lets their coast guards share radar data. "
            "Chilean Defence Minister Ana Soto and Peruvian Defence Minister Luis Vera signed the Agreement on "
            "Maritime Surveillance in Lima on Tuesday.")
    out = _run(workspace_extractor, body, "2024-05-10")
    assert len(_events(out, "AgreementSigning")) == 2


# -- "witnessed the signing of X by A and B": a signing noun with its signatories -------------

@pytest.mark.parametrize("body, signers", [
    ("Defence ministers Arvo Tamm of Estonia and Juris Kalns of Latvia witnessed the signing of a memorandum on "
     "air policing by the Estonian Air Force Commander, Colonel Mart Kivi, and the Latvian Air Force Commander, "
     "Colonel Janis Ozols, in Riga on Monday.", {"mart-kivi", "janis-ozols"}),
    ("The presidents attended the signing of an agreement on border demarcation by Foreign Minister Ana Ruiz of "
     "Peru and Foreign Minister Luis Soto of Chile on 4 May.", {"ana-ruiz", "luis-soto"}),
])
def test_signing_noun_with_its_signatories_after_by(workspace_extractor, body, signers):
    out = _run(workspace_extractor, body)
    signings = _events(out, "AgreementSigning")
    assert len(signings) == 1
    assert {local_name(p) for p in signings[0]["participants"]} == signers
    assert {local_name(s) for s, _ in _relations(out, "signed")} == signers


@pytest.mark.parametrize("body", [
    "Defence ministers Arvo Tamm of Estonia and Juris Kalns of Latvia discussed the signing of a memorandum on "
    "air policing next year.",
    "The ministers praised the signing of a memorandum on air policing, which was drafted by Colonel Mart Kivi.",
])
def test_signing_noun_without_signatories_reports_no_signing(workspace_extractor, body):
    assert not _events(_run(workspace_extractor, body), "AgreementSigning")


# -- "a memorandum on X could be signed later": a planned passive signing ------------------------

@pytest.mark.parametrize("body", [
    "Estonia and Latvia are discussing cyber defence, and a memorandum on the subject could be signed in June.",
    "Officials said an agreement on air policing between Estonia and Latvia will be signed next year.",
])
def test_a_planned_passive_signing_leaves_no_agreement(workspace_extractor, body):
    out = _run(workspace_extractor, body)
    assert not _entities(out, "Agreement") and not _events(out, "AgreementSigning")


def test_a_passive_signing_that_happened_keeps_its_agreement_named_without_the_verb(workspace_extractor):
    out = _run(workspace_extractor, "A memorandum on cyber defence was signed by Estonia and Latvia in Riga on Monday.")
    assert _names(out, "Agreement") == {"memorandum on cyber defence"}
    assert len(_events(out, "AgreementSigning")) == 1
