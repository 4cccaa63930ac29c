"""Dates of news English: a month without day or year, datelines ("AMMAN, June 18 (Petra) --"),
weekday headings ("MONDAY -"), a statement dated by the occasion it follows, and "the next day".
Each pattern with sentences of different styles written for these tests (not taken from the
gold or dev sets) and at least one the rule must not fire on."""
from __future__ import annotations

import pytest

from kg.extract.dateline import find_dateline
from extraction_checks import run as _run, events as _events


# -- a month without day or year ---------------------------------------------------------

@pytest.mark.parametrize("body, type_, date", [
    ("Chile and Peru held the joint exercise Pacific Shield off Arica in February.", "JointExercise", "2024-02"),
    ("Kenya and Tanzania signed a memorandum on border security last July.", "AgreementSigning", "2023-07"),
    ("In late March, the navies of Oman and India conducted joint drills near Duqm.", "JointExercise", "2024-03"),
    ("Ghana and Togo signed a defence agreement in September.", "AgreementSigning", "2023-09"),
])
def test_month_alone_is_most_recent_such_month(workspace_extractor, body, type_, date):
    events = _events(_run(workspace_extractor, body), type_)
    assert [e["date"] for e in events] == [date]


def test_month_with_day_or_year_is_not_month_alone(workspace_extractor):
    out = _run(workspace_extractor, "Chile and Peru held joint drills in June 2021, and again on May 3.")
    assert {e["date"] for e in _events(out, "JointExercise")} <= {"2021-06", "2024-05-03"}


# -- datelines ----------------------------------------------------------------------------

@pytest.mark.parametrize("body, city, day", [
    ("ULAANBAATAR, May 3 (Montsame) -- The two ministers met on Thursday.", "ULAANBAATAR", "May 3"),
    ("Amman, 18 June: Jordan and Iraq held talks.", "Amman", "18 June"),
    ("NICOSIA, Cyprus (AP) — The defence minister said on Monday.", "NICOSIA", None),
])
def test_dateline_shapes(body, city, day):
    d = find_dateline(body)
    assert d is not None and d.city == city and d.date_text == day


@pytest.mark.parametrize("body", ["General Smith said: the drills went well.", "In 2021, Oman signed a deal."])
def test_no_dateline_in_ordinary_openings(body):
    assert find_dateline(body) is None


def test_dateline_day_dates_the_weekday(workspace_extractor):
    # the article is dated a day after the dateline: "on Thursday" is the dateline's Thursday
    out = _run(workspace_extractor, "LIMA, May 2 (Andina) -- Peruvian Defence Minister Walter Astudillo Chávez "
                                    "met Chilean Defence Minister Maya Fernández Allende on Thursday.", "2024-05-03")
    assert [e["date"] for e in _events(out, "Meeting")] == ["2024-05-02"]


# -- weekday headings ---------------------------------------------------------------------

def test_weekday_heading_dates_its_paragraph(workspace_extractor):
    out = _run(workspace_extractor, "MONDAY - Defence Minister Ana Lopes received General Omar Haddad.\n\n"
                                    "Tuesday: Admiral Rui Costa met Admiral Ivo Neto in Lisbon.", "2024-06-07")
    assert sorted(e["date"] for e in _events(out, "Meeting")) == ["2024-06-03", "2024-06-04"]


def test_weekday_heading_is_no_dateline():
    assert find_dateline("MONDAY - The minister met X.", frozenset({"monday"})) is None
    assert find_dateline("LISBON - The minister met X.", frozenset({"monday"})) is not None


def test_weekday_inside_a_paragraph_is_no_heading(workspace_extractor):
    out = _run(workspace_extractor, "Defence Minister Ana Lopes received General Omar Haddad. Monday - a holiday.",
               "2024-06-07")
    assert [e["date"] for e in _events(out, "Meeting")] == ["2024-06-07"]


# -- dates taken from another event: the occasion of a statement, "the next day" ------------

@pytest.mark.parametrize("body, date", [
    ("Defence Minister Luis Lara met his Peruvian counterpart on Monday. \"We agree,\" Lara told reporters "
     "after the meeting on Wednesday's anniversary.", "2024-05-06"),
    ("Defence Minister Luis Lara signed a memorandum with Peru on Tuesday. \"It is historic,\" Lara wrote on X "
     "after the signing.", "2024-05-07"),
])
def test_statement_after_an_occasion_takes_its_date(workspace_extractor, body, date):
    out = _run(workspace_extractor, body)
    assert date in {e["date"] for e in _events(out, "Statement")}


@pytest.mark.parametrize("body, date", [
    ("Shoigu, who arrived in Bishkek on Tuesday, was received by President Sadyr Japarov the next day.", "2024-05-08"),
    ("On Monday Australian Defence Minister Richard Marles arrived in Hanoi. The following day he met Vietnamese Defence Minister Phan Van Giang.",
     "2024-05-07"),
])
def test_next_day_follows_the_date_before_it(workspace_extractor, body, date):
    out = _run(workspace_extractor, body)
    assert date in {e["date"] for e in _events(out, "Meeting")}


def test_next_day_leaves_an_event_with_its_own_day(workspace_extractor):
    out = _run(workspace_extractor, "Shoigu arrived in Bishkek on Tuesday and met Japarov the next day.")
    assert {e["date"] for e in _events(out, "Visit")} <= {"2024-05-07"}


# -- a range of days in one month dates the event by its first day ----------------------

@pytest.mark.parametrize("body, type_, date", [
    ("Defence Minister Ana Souza visited Angola on 4–5 March 2024.", "Visit", "2024-03-04"),
    ("The navies of Oman and India conducted joint drills off Duqm on 12-15 April.", "JointExercise", "2024-04-12"),
    ("General Tomas Reyes paid an official visit to Chile on 21st – 23rd February.", "Visit", "2024-02-21"),
])
def test_day_range_dates_the_first_day(workspace_extractor, body, type_, date):
    assert [e["date"] for e in _events(_run(workspace_extractor, body), type_)] == [date]


def test_score_before_a_month_is_no_day_range(workspace_extractor):
    out = _run(workspace_extractor, "Kenya and Tanzania signed a border security memorandum on 5 March.")
    assert [e["date"] for e in _events(out, "AgreementSigning")] == ["2024-03-05"]


@pytest.mark.parametrize("body, city", [
    ("LIMA. \u2013 The two ministers met on Wednesday.", "LIMA"),
    ("BOGOTA.\u2013 The two ministers met on Wednesday.", "BOGOTA"),
    ("WASHINGTON D.C. \u2013 The two ministers met on Wednesday.", "WASHINGTON D.C."),
])
def test_dateline_city_without_its_closing_point(body, city):
    assert find_dateline(body).city == city


# -- a range of days before the month: the first day ------------------------------------------

@pytest.mark.parametrize("body", [
    'From 1 to 4 May, Norwegian and Danish frigates took part in the exercise "Nordic Lance" off Bergen.',
    "Polish and Lithuanian troops held joint drills between 1 and 4 May near Siauliai.",
    "The navies of Oman and India conducted joint drills on 1-4 May near Duqm.",
])
def test_day_range_dates_an_exercise_by_its_first_day(workspace_extractor, body):
    assert [e["date"] for e in _events(_run(workspace_extractor, body), "JointExercise")] == ["2024-05-01"]


def test_two_numbers_of_other_things_are_no_range(workspace_extractor):
    """"from 40 to 60 ships" is no date; the exercise keeps the date the text gives."""
    body = "The navies of Oman and India conducted joint drills with from 4 to 6 ships near Duqm on 3 May."
    assert [e["date"] for e in _events(_run(workspace_extractor, body), "JointExercise")] == ["2024-05-03"]
