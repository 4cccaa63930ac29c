"""Roundups: week-in-review digests and multi-item articles. Weekday headings in their several
shapes date what they head; the items of a roundup keep their own agreements and parties.
Sentences written for these tests (not taken from any gold or dev article), with at least one
shape each rule must not fire on."""
from __future__ import annotations

import pytest

from kg.articles import Article
from extraction_checks import run as _run, events as _events, relations as _relations, local_name


# -- weekday headings --------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    # a heading in capitals closed by a full stop, the item in the same paragraph
    "TUESDAY. Defence Minister Ana Lopes received General Omar Haddad in Lisbon.\n\n"
    "THURSDAY. Admiral Rui Costa met Admiral Ivo Neto in Porto.",
    # the heading alone on its line, the item in the paragraph below
    "Tuesday\n\nDefence Minister Ana Lopes received General Omar Haddad in Lisbon.\n\n"
    "Thursday\n\nAdmiral Rui Costa met Admiral Ivo Neto in Porto.",
    # alone on its line with a colon
    "TUESDAY:\nDefence Minister Ana Lopes received General Omar Haddad in Lisbon.\n"
    "THURSDAY:\nAdmiral Rui Costa met Admiral Ivo Neto in Porto.",
])
def test_weekday_heading_shapes_date_their_items(workspace_extractor, body):
    out = _run(workspace_extractor, body, "2024-06-08")   # a Saturday
    assert sorted(e["date"] for e in _events(out, "Meeting")) == ["2024-06-04", "2024-06-06"]


def test_heading_alone_dates_every_paragraph_under_it(workspace_extractor):
    body = ("WEDNESDAY\n\nDefence Minister Ana Lopes received General Omar Haddad in Lisbon.\n\n"
            "Admiral Rui Costa met Admiral Ivo Neto in Porto.\n\n"
            "IN BRIEF\n\nGeneral Paulo Reis met General Tomas Vaz in Braga.")
    doc = workspace_extractor.read(Article(id="t", body=body, date="2024-06-08"))
    # paragraphs: 0 heading, 1 and 2 under it, 3 a new section's heading, 4 under that one
    assert doc.paragraph_dates.get(1) == doc.paragraph_dates.get(2) == "2024-06-05"
    assert 4 not in doc.paragraph_dates


def test_weekday_sentence_inside_a_paragraph_is_no_heading(workspace_extractor):
    body = "Defence Minister Ana Lopes received General Omar Haddad in Lisbon. Monday. A holiday followed."
    out = _run(workspace_extractor, body, "2024-06-08")
    assert [e["date"] for e in _events(out, "Meeting")] == ["2024-06-08"]


# -- the items of a roundup keep their own signatories and parties ----------------------------

def test_roundup_items_keep_their_own_signatories(workspace_extractor):
    body = ("MONDAY. Ghana's Minister of Defence, Dominic Nitiwul, received in Accra his Togolese counterpart, "
            "Marguerite Gnakade, for talks on piracy. The two ministers signed a memorandum on border patrols.\n\n"
            "TUESDAY. The chiefs of the general staffs of Benin and Niger, Major General Fructueux Gbaguidi and "
            "Lieutenant General Salifou Mody, met in Malanville and signed the Malanville Protocol on River "
            "Security, the first such text between the two neighbours since their 2021 dispute. A meeting of "
            "the two defence ministers planned for the same day was postponed.")
    out = _run(workspace_extractor, body, "2024-06-08")
    signed = {(local_name(s), local_name(o)) for s, o in _relations(out, "signed")}
    protocol = {s for s, o in signed if o == "malanville-protocol-on-river-security"}
    assert protocol == {"fructueux-gbaguidi", "salifou-mody"}
    parties = {local_name(s) for s, o in _relations(out, "partyTo") if local_name(o) == "malanville-protocol-on-river-security"}
    assert parties == {"BEN", "NER"}


def test_one_story_keeps_a_signatory_named_in_another_paragraph(workspace_extractor):
    # one document in two paragraphs: the signatory named with the first is still its signatory
    body = ("Ghana's Defence Minister Dominic Nitiwul received Togo's Defence Minister Marguerite Gnakade in "
            "Accra on Monday.\n\nThe two ministers signed a memorandum on border patrols, officials said.")
    out = _run(workspace_extractor, body, "2024-06-08")
    assert {local_name(s) for s, _ in _relations(out, "signed")} == {"dominic-nitiwul", "marguerite-gnakade"}
