"""Events: types, host and guest, dates, modality."""
from __future__ import annotations

from kg.articles import Article
from kg.iris import country_iri, person_iri


def _events(extractor, body, date="2021-10-08"):
    return extractor.extract(Article(id="t", body=body, date=date))["events"]


def test_events_reception_has_host_and_guest(hand_extractor):
    [event] = _events(hand_extractor, "Defence Minister Zakir Hasanov received Turkish military attache "
                                      "Maj-Gen Zakaria Yalcin on October 8.")
    assert event["type"] == "Meeting" and event["date"] == "2021-10-08" and event["cameo"] == "043"
    assert event["host"] == person_iri("Zakir Hasanov") and event["guest"] == person_iri("Zakaria Yalcin")


def test_events_passive_reception_swaps_host_and_guest(hand_extractor):
    [event] = _events(hand_extractor, "Maj-Gen Zakaria Yalcin was received by Defence Minister Zakir Hasanov.")
    assert event["host"] == person_iri("Zakir Hasanov") and event["guest"] == person_iri("Zakaria Yalcin")


def test_events_met_has_no_host(hand_extractor):
    [event] = _events(hand_extractor, "Zakir Hasanov met with Hulusi Akar in Baku on Tuesday.")
    assert event["host"] is None and event["date"] == "2021-10-05"
    assert event["participants"] == sorted([person_iri("Zakir Hasanov"), person_iri("Hulusi Akar")])


def test_events_future_and_intention_are_not_events(hand_extractor):
    for body in ("Zakir Hasanov will meet Hulusi Akar next week.",
                 "Zakir Hasanov plans to visit Ankara.",
                 "Zakir Hasanov is expected to meet Hulusi Akar.",
                 "Zakir Hasanov did not meet Hulusi Akar.",
                 "Zakir Hasanov and Hulusi Akar agreed to meet again.",
                 "If Zakir Hasanov visited Ankara, he would meet Hulusi Akar."):
        assert [e for e in _events(hand_extractor, body) if e["type"] in ("Meeting", "Visit")] == [], body


def test_events_habitual_drills_have_no_date(hand_extractor):
    [event] = _events(hand_extractor, "Azerbaijan and Turkey periodically hold joint drills.")
    assert event["type"] == "JointExercise" and event["date"] is None
    assert event["participants"] == [country_iri("AZE"), country_iri("TUR")]


def test_events_statement_takes_the_article_date(hand_extractor):
    [event] = _events(hand_extractor, "Hulusi Akar said that Turkey and Azerbaijan are allies.")
    assert event["type"] == "Statement" and event["date"] == "2021-10-08"
    assert event["participants"] == [person_iri("Hulusi Akar")]


def test_events_background_visit_noun_is_not_an_event(hand_extractor):
    events = _events(hand_extractor, "Ilham Aliyev and Recep Tayyip Erdogan signed the Baku Declaration "
                                     "on Allied Relations during the first official visit to Shusha.")
    assert [e["type"] for e in events] == ["AgreementSigning"]


def test_events_alliance_agreement_makes_allies(hand_extractor):
    out = hand_extractor.extract(Article(id="t", date="2021-10-08", body=(
        "On June 15, Ilham Aliyev and Recep Tayyip Erdogan signed the Baku Declaration on Allied Relations.")))
    allied = [r for r in out["relations"] if r["p"] == "alliedWith"]
    assert [(r["s"], r["o"], r["since"]) for r in allied] == [(country_iri("AZE"), country_iri("TUR"), "2021-06-15")]
    assert allied[0]["via"].endswith("/agreement/baku-declaration-on-allied-relations")
