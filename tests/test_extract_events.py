"""Events: types, host and guest, dates and modality (with the hand-written lexicon); with the
workspace lexicon, statements by a named speaker rather than an organisation, meetings (courtesy
calls, "his Greek counterpart", a passive whose agent comes after a place and a day, two meetings
of one day) and planned exercises, which are no events. Sentences written for these tests (not
taken from the gold or dev sets); the workspace patterns each with one the rule must not fire on."""
from __future__ import annotations

import pytest

from kg.articles import Article
from kg.iris import country_iri, person_iri
from extraction_checks import run as _run, events as _events, surname_roles as _surname_roles

HAND_DATE = "2021-10-08"   # the date of the hand-lexicon articles below


def test_events_reception_has_host_and_guest(hand_extractor):
    [event] = _run(hand_extractor, "Defence Minister Zakir Hasanov received Turkish military attache "
                                   "Maj-Gen Zakaria Yalcin on October 8.", HAND_DATE)["events"]
    assert event["type"] == "Meeting" and event["date"] == "2021-10-08" and event["cameo"] == "043"
    assert event["host"] == person_iri("Zakir Hasanov") and event["guest"] == person_iri("Zakaria Yalcin")


def test_events_passive_reception_swaps_host_and_guest(hand_extractor):
    [event] = _run(hand_extractor, "Maj-Gen Zakaria Yalcin was received by Defence Minister Zakir Hasanov.",
                   HAND_DATE)["events"]
    assert event["host"] == person_iri("Zakir Hasanov") and event["guest"] == person_iri("Zakaria Yalcin")


def test_events_met_has_no_host(hand_extractor):
    [event] = _run(hand_extractor, "Zakir Hasanov met with Hulusi Akar in Baku on Tuesday.", HAND_DATE)["events"]
    assert event["host"] is None and event["date"] == "2021-10-05"
    assert event["participants"] == sorted([person_iri("Zakir Hasanov"), person_iri("Hulusi Akar")])


def test_events_future_and_intention_are_not_events(hand_extractor):
    for body in ("Zakir Hasanov will meet Hulusi Akar next week.",
                 "Zakir Hasanov plans to visit Ankara.",
                 "Zakir Hasanov is expected to meet Hulusi Akar.",
                 "Zakir Hasanov did not meet Hulusi Akar.",
                 "Zakir Hasanov and Hulusi Akar agreed to meet again.",
                 "If Zakir Hasanov visited Ankara, he would meet Hulusi Akar."):
        events = _run(hand_extractor, body, HAND_DATE)["events"]
        assert [e for e in events if e["type"] in ("Meeting", "Visit")] == [], body


def test_events_habitual_drills_have_no_date(hand_extractor):
    [event] = _run(hand_extractor, "Azerbaijan and Turkey periodically hold joint drills.", HAND_DATE)["events"]
    assert event["type"] == "JointExercise" and event["date"] is None
    assert event["participants"] == [country_iri("AZE"), country_iri("TUR")]


def test_events_statement_takes_the_article_date(hand_extractor):
    [event] = _run(hand_extractor, "Hulusi Akar said that Turkey and Azerbaijan are allies.", HAND_DATE)["events"]
    assert event["type"] == "Statement" and event["date"] == "2021-10-08"
    assert event["participants"] == [person_iri("Hulusi Akar")]


def test_events_background_visit_noun_is_not_an_event(hand_extractor):
    events = _run(hand_extractor, "Ilham Aliyev and Recep Tayyip Erdogan signed the Baku Declaration "
                                  "on Allied Relations during the first official visit to Shusha.", HAND_DATE)["events"]
    assert [e["type"] for e in events] == ["AgreementSigning"]


def test_events_alliance_agreement_makes_allies(hand_extractor):
    out = hand_extractor.extract(Article(id="t", date="2021-10-08", body=(
        "On June 15, Ilham Aliyev and Recep Tayyip Erdogan signed the Baku Declaration on Allied Relations.")))
    allied = [r for r in out["relations"] if r["p"] == "alliedWith"]
    assert [(r["s"], r["o"], r["since"]) for r in allied] == [(country_iri("AZE"), country_iri("TUR"), "2021-06-15")]
    assert allied[0]["via"].endswith("/agreement/baku-declaration-on-allied-relations")


# -- statements: a named official, not an organisation ------------------------------------

@pytest.mark.parametrize("body", [
    "General Omar Haddad held talks with Defence Minister Karim Nasser on Monday, the army said in a statement.",
    "Defence Minister Karim Nasser met General Omar Haddad on Monday, according to a statement from the ministry.",
    "Admiral Lena Fischer received Captain Tomas Berg on Friday, a navy spokesman said.",
])
def test_organisation_statement_is_no_event(workspace_extractor, body):
    assert _events(_run(workspace_extractor, body), "Statement") == []


@pytest.mark.parametrize("body, speaker", [
    ("Defence Minister Karim Nasser also told reporters that training would continue.", "Karim Nasser"),
    ("Karim Nasser, a former air force commander, said the talks went well.", "Karim Nasser"),
    ("The drills went well, according to Defence Minister Karim Nasser.", "Karim Nasser"),
    ("Defence Minister Karim Nasser was quoted as saying that the ties were strong.", "Karim Nasser"),
])
def test_named_speaker_statement(workspace_extractor, body, speaker):
    found = _events(_run(workspace_extractor, body), "Statement")
    assert [e["participants"] for e in found] == [[person_iri(speaker)]]


# -- meetings: courtesy calls, distinct meetings of one day -------------------------------

@pytest.mark.parametrize("body, host, guest", [
    ("Colonel Ivan Petrov paid a courtesy call on Defence Minister Ana Lopes on Monday.", "Ana Lopes", "Ivan Petrov"),
    ("Defence Minister Ana Lopes later called on President Rui Costa.", "Rui Costa", "Ana Lopes"),
])
def test_call_on_gives_host_and_guest(workspace_extractor, body, host, guest):
    (meeting,) = _events(_run(workspace_extractor, body), "Meeting")
    assert (meeting["host"], meeting["guest"]) == (person_iri(host), person_iri(guest))


def test_call_on_is_not_a_host_frame_for_met(workspace_extractor):
    (meeting,) = _events(_run(workspace_extractor, "Defence Minister Ana Lopes met President Rui Costa."), "Meeting")
    assert meeting["host"] is None and meeting["guest"] is None


def test_two_meetings_of_one_day_stay_apart(workspace_extractor):
    out = _run(workspace_extractor, "Defence Minister Ana Lopes held talks with General Omar Haddad on Monday. "
                                    "Earlier on Monday, Haddad met President Rui Costa.", "2024-05-08")
    pairs = sorted(sorted(e["participants"]) for e in _events(out, "Meeting"))
    assert pairs == sorted([sorted([person_iri("Ana Lopes"), person_iri("Omar Haddad")]),
                            sorted([person_iri("Omar Haddad"), person_iri("Rui Costa")])])


def test_same_meeting_reported_twice_merges(workspace_extractor):
    out = _run(workspace_extractor, "Defence Minister Ana Lopes received General Omar Haddad on Monday. "
                                    "Lopes and Haddad met at the ministry.", "2024-05-08")
    assert len(_events(out, "Meeting")) == 1


# -- meetings: "his X counterpart", the pronoun is no participant ---------------------------

@pytest.mark.parametrize("body, host, guest", [
    ("Defence Minister Vasilis Palmas hosted his Greek counterpart Nikos Dendias in Nicosia on Wednesday.",
     "vasilis-palmas", "nikos-dendias"),
    ("On Monday, Latvian Defence Minister Andris Spruds received his Estonian counterpart, Hanno Pevkur, in Riga.",
     "andris-spruds", "hanno-pevkur"),
])
def test_counterpart_pronoun_is_not_the_guest(workspace_extractor, body, host, guest):
    out = _run(workspace_extractor, body, "2025-03-12")
    (meeting,) = _events(out, "Meeting")
    assert meeting["host"].endswith(host)
    assert meeting["guest"] is None or meeting["guest"].endswith(guest)
    assert meeting["host"] != meeting["guest"]


def test_his_still_refers_elsewhere(workspace_extractor):
    out = _run(workspace_extractor, "General Omar Diallo visited Dakar on Monday. His talks focused on border security.",
               "2025-03-12")
    assert _surname_roles(out, "diallo") is not None


# -- meetings: a passive with the agent after a place and a day -----------------------------

@pytest.mark.parametrize("body, host, guest", [
    ("Benin's Minister of Defence, Fortunet Alain Nouatin, was received in Kigali on Monday by Defence "
     "Minister Juvenal Marizamunda.", "juvenal-marizamunda", "fortunet-alain-nouatin"),
    ("Admiral Lars Holm was welcomed at the naval base on Tuesday by General Ivo Tamm.", "ivo-tamm", "lars-holm"),
])
def test_passive_agent_later_in_clause(workspace_extractor, body, host, guest):
    out = _run(workspace_extractor, body, "2025-03-12")
    (meeting,) = _events(out, "Meeting")
    assert meeting["host"].endswith(host) and meeting["guest"].endswith(guest)


def test_active_reception_stays_active(workspace_extractor):
    out = _run(workspace_extractor, "General Ivo Tamm received Admiral Lars Holm in Tallinn on Tuesday, "
               "accompanied by his deputy.", "2025-03-12")
    (meeting,) = _events(out, "Meeting")
    assert meeting["host"].endswith("ivo-tamm") and meeting["guest"].endswith("lars-holm")


# -- plans are no past events ---------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Preparations for the joint exercise between Thailand and the United States began on Monday.",
    "The joint exercise between India and Japan, slated to begin in June, will involve 2,000 troops.",
    "The joint exercise is scheduled for next month, with troops from India and Japan.",
    "Ahead of the joint exercise with India, Japanese officers toured the base on Monday.",
])
def test_planned_exercise_is_no_event(workspace_extractor, body):
    assert _events(_run(workspace_extractor, body), "JointExercise") == []


def test_held_exercise_is_an_event(workspace_extractor):
    out = _run(workspace_extractor, "India and Japan held a joint exercise on Monday, set in the hills of Assam.")
    assert len(_events(out, "JointExercise")) == 1


@pytest.mark.parametrize("body", [
    "General Omar Haddad of Jordan arrived in Cairo on Sunday. The next day the general was received by "
    "Defence Minister Karim Nasser.",
    "The Jordanian delegation was received by Defence Minister Karim Nasser on Monday; General Omar Haddad led it.",
])
def test_passive_trigger_after_a_definite_subject_is_a_verb(workspace_extractor, body):
    [meeting] = _events(_run(workspace_extractor, body), "Meeting")
    assert person_iri("Karim Nasser") in meeting["participants"]


def test_noun_trigger_after_a_preposition_stays_a_noun(workspace_extractor):
    body = "Defence Minister Karim Nasser met General Omar Haddad on Monday. During the talks held in Cairo, trade came up."
    assert len(_events(_run(workspace_extractor, body), "Meeting")) == 1


# -- "Name: “quote”": the colon stands in for the say-verb --------------------------------

@pytest.mark.parametrize("body, speaker", [
    ('Mozambique\'s defence minister Cristovao Mabunda: "Our soldiers fought side by side with Rwandan troops."',
     "Cristovao Mabunda"),
    ("11:20 \u2014 Defence Minister Jan Novak: \u201cNATO is our shield, and our army will grow.\u201d", "Jan Novak"),
    ("Kenya's Chief of the Defence Forces, General Peter Lagat: 'Peacekeeping training with Rwanda will continue.'",
     "Peter Lagat"),
])
def test_name_colon_quote_is_a_statement(workspace_extractor, body, speaker):
    out = _run(workspace_extractor, body)
    assert [e["participants"] for e in _events(out, "Statement")] == [[person_iri(speaker)]]


@pytest.mark.parametrize("body", [
    "Defence Minister Jan Novak: profile of a reformer who rebuilt the army.",
    'Culture Minister Jan Novak: "I love the new football stadium."',
])
def test_colon_without_quote_or_topic_is_no_statement(workspace_extractor, body):
    assert _events(_run(workspace_extractor, body), "Statement") == []


# -- two coordinated meeting verbs with their own objects are two meetings ------------------

@pytest.mark.parametrize("body, pairs", [
    ("UK Defence Secretary Jonathan Merriweather arrived in Colombo on 4 March. On 4 March he was received by "
     "President Nalinda Wickramaratne, and held talks with Defence Secretary Sunil Gunasekara.",
     [{"Jonathan Merriweather", "Nalinda Wickramaratne"}, {"Jonathan Merriweather", "Sunil Gunasekara"}]),
    ("Defence Minister Ana Souza received Ambassador Lee Min-ho on Monday and later met General Paulo Mendes.",
     [{"Ana Souza", "Lee Min-ho"}, {"Ana Souza", "Paulo Mendes"}]),
    ("\u2022 Talks: Defence Minister Ana Souza received Ambassador Lee Min-ho on Monday, and then held talks with "
     "General Paulo Mendes.", [{"Ana Souza", "Lee Min-ho"}, {"Ana Souza", "Paulo Mendes"}]),
])
def test_coordinated_meeting_verbs_are_two_meetings(workspace_extractor, body, pairs):
    out = _run(workspace_extractor, body)
    got = sorted((set(e["participants"]) for e in _events(out, "Meeting")), key=len)
    assert sorted(got, key=sorted) == sorted(({person_iri(n) for n in p} for p in pairs), key=sorted)


def test_same_object_twice_is_one_meeting(workspace_extractor):
    out = _run(workspace_extractor, "Defence Minister Ana Souza received Ambassador Lee Min-ho on Monday and held "
                                    "talks with him on maritime security.")
    assert len(_events(out, "Meeting")) == 1


# -- a passive reception whose agent comes after commas and adjuncts ------------------------

@pytest.mark.parametrize("body, host, guest", [
    ("The Minister of National Defense of Chile, Carolina Ibanez, was received last Wednesday in the Pentagonito, "
     "seat of the Peruvian Ministry of Defense, by her Peruvian homologue, Mr. Walter Quispe.",
     "Walter Quispe", "Carolina Ibanez"),
    ("Defence Minister Ana Souza was received on Monday, after a ceremony at the airport, by President Joao Lourenco.",
     "Joao Lourenco", "Ana Souza"),
])
def test_passive_reception_with_a_distant_agent(workspace_extractor, body, host, guest):
    [meeting] = _events(_run(workspace_extractor, body), "Meeting")
    assert (meeting["host"], meeting["guest"]) == (person_iri(host), person_iri(guest))


def test_active_reception_with_by_elsewhere_stays_active(workspace_extractor):
    out = _run(workspace_extractor, "Defence Minister Ana Souza received President Joao Lourenco's envoy, "
                                    "General Paulo Mendes, who was accompanied by Colonel Rui Costa.")
    [meeting] = _events(out, "Meeting")
    assert meeting["host"] == person_iri("Ana Souza")


# -- "received the Qatari delegation": the delegation's country is the guest ----------------

@pytest.mark.parametrize("body, guest", [
    ("Rear Admiral Hilal Al Amri, Commander of the Royal Navy of Oman, received the Qatari delegation in Wudam "
     "on Sunday.", "QAT"),
    ("Defence Minister Ana Souza received a Chinese military delegation on Monday.", "CHN"),
    ("General Christopher Musa hosted a delegation of the Pakistan Army in Abuja on Monday.", "PAK"),
])
def test_delegation_country_is_the_guest(workspace_extractor, body, guest):
    [meeting] = _events(_run(workspace_extractor, body), "Meeting")
    assert meeting["guest"] == country_iri(guest) and country_iri(guest) in meeting["participants"]


def test_delegation_with_a_named_head_has_the_head_as_guest(workspace_extractor):
    out = _run(workspace_extractor, "Defence Minister Ana Souza received a Chinese delegation headed by General Li Wei "
                                    "on Monday.")
    [meeting] = _events(out, "Meeting")
    assert meeting["guest"] == person_iri("Li Wei")


# -- a say-verb coordinated with the verb before it shares its subject ---------------------------

@pytest.mark.parametrize("body, speaker", [
    ('Mr. Ahmed Bah welcomed "the excellent relations" between Senegal and Mauritania and declared that the two '
     'armies will continue to work hand in hand.', "Ahmed Bah"),
    ("Defence Minister Karim Nasser thanked the Omani delegation and stressed that military cooperation would grow.",
     "Karim Nasser"),
])
def test_say_verb_after_and_shares_the_subject(workspace_extractor, body, speaker):
    found = _events(_run(workspace_extractor, body), "Statement")
    assert [e["participants"] for e in found] == [[person_iri(speaker)]]


@pytest.mark.parametrize("body", [
    "The ministry welcomed the visit of Defence Minister Karim Nasser and declared that the two armies will work together.",
    "On Monday the navy hosted Admiral Lena Fischer and stressed that maritime cooperation would grow.",
])
def test_say_verb_after_and_with_no_person_subject(workspace_extractor, body):
    assert _events(_run(workspace_extractor, body), "Statement") == []


# -- "held a working meeting": a light verb before an indefinite noun trigger ---------------------

@pytest.mark.parametrize("body", [
    "General Jorge Morales held a working meeting on Wednesday with General Hugo Aquino Ramírez in Asunción.",
    "General Jorge Morales had a brief meeting with General Hugo Aquino Ramírez on Wednesday.",
])
def test_light_verb_before_an_adjective_and_noun_reports_the_meeting(workspace_extractor, body):
    meetings = _events(_run(workspace_extractor, body), "Meeting")
    assert [sorted(e["participants"]) for e in meetings] == [[person_iri("Hugo Aquino Ramírez"),
                                                              person_iri("Jorge Morales")]]


@pytest.mark.parametrize("body", [
    "General Hugo Aquino Ramírez described a working meeting with General Jorge Morales as useful.",
    "General Hugo Aquino Ramírez ended a three-day official visit to Chile with General Jorge Morales.",
])
def test_other_verbs_before_an_indefinite_noun_trigger_report_nothing_new(workspace_extractor, body):
    out = _run(workspace_extractor, body)
    assert _events(out, "Meeting") == [] and _events(out, "Visit") == []


# -- "assured that", "reiterated": say-verbs of officialese ---------------------------------------

@pytest.mark.parametrize("body", [
    "Colonel Dzmitry Kavalenka assured that he will make every effort to strengthen bilateral defence ties.",
    "Defence Minister Karim Nasser reiterated that military cooperation with Oman would grow.",
])
def test_officialese_say_verbs_are_statements(workspace_extractor, body):
    assert len(_events(_run(workspace_extractor, body), "Statement")) == 1


def test_assured_with_an_object_is_no_statement(workspace_extractor):
    body = "Colonel Dzmitry Kavalenka assured the minister of his respect for the army."
    assert _events(_run(workspace_extractor, body), "Statement") == []


# -- "returned home after a visit to X": the visit is reported -------------------------------

@pytest.mark.parametrize("body", [
    "Navy chief Admiral Joao Pereira returned home on Friday after a three-day official visit to Angola.",
    "General Ana Ruiz flew back to Lima following a working visit to Chile, the ministry said.",
])
def test_returning_after_a_visit_reports_the_visit(workspace_extractor, body):
    visits = _events(_run(workspace_extractor, body), "Visit")
    assert len(visits) == 1 and len(visits[0]["participants"]) == 1


@pytest.mark.parametrize("body", [
    "Navy chief Admiral Joao Pereira discussed the situation after a three-day official visit to Angola by "
    "the president.",
    "General Ana Ruiz returned the report to the committee, which had asked for a visit to Chile.",
])
def test_no_visit_from_a_visit_noun_without_a_return(workspace_extractor, body):
    visits = _events(_run(workspace_extractor, body), "Visit")
    assert not any(p.endswith(("joao-pereira", "ana-ruiz")) for v in visits for p in v["participants"])
