"""The network projection: what it shows of the seed graph, and how the options narrow it."""
from __future__ import annotations

import pytest

from kg.errors import ViewError
from kg.projection import ViewOptions, date_bounds, project

SEED_LABELS = {"Zakir Hasanov", "Zakaria Yalcin", "Azerbaijan", "Turkey", "Shusha Declaration on Allied Relations"}


def labels(proj) -> set[str]:
    return {n.label for n in proj.nodes}


def edge_triples(proj) -> set[tuple[str, str, str]]:
    names = {n.id: n.label for n in proj.nodes}
    return {(names[e.source], e.relation, names[e.target]) for e in proj.edges}


def test_projection_shows_seed_actors_with_names(curated_seed_store):
    proj = project(curated_seed_store)
    assert SEED_LABELS <= labels(proj)
    assert not any(n.label.startswith(("http://", "https://")) for n in proj.nodes)


def test_projection_leaves_out_reference_data_and_ontology(curated_seed_store):
    proj = project(curated_seed_store)
    classes = {n.cls for n in proj.nodes}
    assert classes <= {"Person", "Country", "Organization", "Agreement", "Place", "Exercise",
                       "Meeting", "Visit", "AgreementSigning", "JointExercise", "Appointment", "Statement",
                       "Interview", "Congratulation", "ArmedConflict", "Event"}
    countries = {n.label for n in proj.nodes if n.cls == "Country"}
    assert countries == {"Azerbaijan", "Turkey", "Armenia"}      # not the 195 reference countries
    assert "Baku" not in labels(proj)                             # capitals are reference data


def test_projection_events_as_nodes_join_participants(curated_seed_store):
    proj = project(curated_seed_store, ViewOptions(events="nodes"))
    meeting = next(n for n in proj.nodes if n.cls == "Meeting")
    assert meeting.start == "2021-10-08"
    assert meeting.evidence and "has received" in meeting.evidence[0].sentence
    assert meeting.evidence[0].article == "Azerbaijani defence minister receives Turkish military attache"
    triples = edge_triples(proj)
    assert (meeting.label, "host", "Zakir Hasanov") in triples
    assert (meeting.label, "guest", "Zakaria Yalcin") in triples
    assert (meeting.label, "participant", "Zakir Hasanov") not in triples   # the role says it already


def test_projection_events_as_edges_are_collapsed(curated_seed_store):
    proj = project(curated_seed_store, ViewOptions(events="edges"))
    assert not any(n.group == "Event" for n in proj.nodes)
    triples = edge_triples(proj)
    assert ("Zakir Hasanov", "received", "Zakaria Yalcin") in triples
    assert ("Ilham Aliyev", "signed", "Shusha Declaration on Allied Relations") in triples
    allied = next(e for e in proj.edges if e.relation == "alliedWith")
    assert allied.label == "alliedWith via Shusha Declaration on Allied Relations"
    assert allied.start == "2021-06-15" and not allied.directed
    received = next(e for e in proj.edges if e.relation == "received")
    assert received.start == "2021-10-08" and received.evidence


def test_projection_posts_in_tooltips_and_edges(curated_seed_store):
    proj = project(curated_seed_store)
    hasanov = next(n for n in proj.nodes if n.label == "Zakir Hasanov")
    assert hasanov.posts == ["Defence Minister of Azerbaijan (since 2013-10-22)"]
    assert ("Zakaria Yalcin", "accreditedTo", "Azerbaijan") in edge_triples(proj)


def test_projection_focus_by_alias_gives_ego_network(curated_seed_store):
    proj = project(curated_seed_store, ViewOptions(focus="Zakaria Yalçın", depth=1, events="edges"))
    assert labels(proj) == {"Zakaria Yalcin", "Zakir Hasanov", "Turkey", "Azerbaijan"}


def test_projection_unknown_focus_lists_close_names(curated_seed_store):
    with pytest.raises(ViewError, match="did you mean: Zakir Hasanov"):
        project(curated_seed_store, ViewOptions(focus="Zakir Hasanof"))


def test_projection_dates_filter_and_bad_dates(curated_seed_store):
    proj = project(curated_seed_store, ViewOptions(date_from="2021-10", events="nodes"))
    dated_events = {n.start for n in proj.nodes if n.group == "Event" and n.start}
    assert dated_events == {"2021-10-08"}
    with pytest.raises(ViewError, match="not a date"):
        project(curated_seed_store, ViewOptions(date_from="2021-13"))
    with pytest.raises(ViewError, match="after"):
        project(curated_seed_store, ViewOptions(date_from="2022", date_to="2021"))
    assert date_bounds("1992") == ("1992-01-01", "1992-12-31")
    assert date_bounds("2021-02") == ("2021-02-01", "2021-02-28")


def test_projection_types_relations_and_country(curated_seed_store):
    proj = project(curated_seed_store, ViewOptions(types=("Person", "Country"), relations=("holdsPost",)))
    assert {n.cls for n in proj.nodes} <= {"Person", "Country"}
    assert {e.relation for e in proj.edges} == {"holdsPost"}
    arm = project(curated_seed_store, ViewOptions(country="ARM", events="edges"))
    assert labels(arm) == {"Armenia", "Azerbaijan"}
    with pytest.raises(ViewError, match="not a class"):
        project(curated_seed_store, ViewOptions(types=("Persons",)))
