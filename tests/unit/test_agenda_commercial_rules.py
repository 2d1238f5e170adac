"""Commercial agenda rules: the renewal (and who decides it), the executive sponsor."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from checkin.core.agenda import build_agenda, commercial_rules, weights
from checkin.core.agenda.commercial_rules import (
    commercial_candidates,
    renewal_near,
    sponsor_not_met,
)
from checkin.core.enums import ItemKind, Side, StakeholderRole
from checkin.core.records import Contact
from tests.unit.agenda_data import NOW, TODAY, account, context, data, meeting

Role = StakeholderRole


def person(name: str, role: StakeholderRole | None, side: Side = Side.CLIENT) -> Contact:
    return Contact(id=f"c-{name.lower()}", account_id="a-acct01", name=name, side=side,
                   stakeholder=role)  # fmt: skip


def renewing_in(days: int) -> object:
    return account(renewal=TODAY + timedelta(days=days))


def test_a_renewal_within_90_days_asks_to_confirm_the_decision_maker() -> None:
    ctx = context(account=renewing_in(62))
    reason = renewal_near(ctx, [person("Olivia", Role.CHAMPION)])
    assert reason is not None
    assert reason.text == "renewal in 62 days: confirm the decision maker"
    expected = (
        commercial_rules.RENEWAL_NEAR
        + commercial_rules.RENEWAL_NEAR_EXTRA_MAX * (1 - 62 / 90)
        + commercial_rules.RENEWAL_NO_DECISION_MAKER
    )
    assert reason.score == round(expected, 1)


def test_with_a_decision_maker_named_it_gives_the_date_and_scores_less() -> None:
    ctx = context(account=renewing_in(62))
    known = renewal_near(ctx, [person("Dana", Role.DECISION_MAKER)])
    unknown = renewal_near(ctx, [])
    assert known is not None and unknown is not None
    assert known.text == f"renewal in 62 days ({(TODAY + timedelta(days=62)).isoformat()})"
    assert known.score < unknown.score
    # Our own people are not the client's decision maker.
    ours = renewal_near(ctx, [person("Sam", Role.DECISION_MAKER, Side.OURS)])
    assert ours is not None and "confirm the decision maker" in ours.text


def test_the_nearer_the_renewal_the_higher_and_never_urgent() -> None:
    scores = [renewal_near(context(account=renewing_in(d)), []) for d in (90, 30, 0)]
    assert all(r is not None for r in scores)
    values = [r.score for r in scores if r is not None]
    assert values == sorted(values) and values[-1] < weights.URGENT
    assert scores[-1] is not None and scores[-1].text.startswith("renewal today")


def test_no_renewal_or_a_far_one_adds_nothing_and_a_passed_one_asks_for_the_new_term() -> None:
    assert renewal_near(context(), []) is None
    assert renewal_near(context(account=renewing_in(91)), []) is None
    passed = renewal_near(context(account=renewing_in(-6)), [])
    assert passed is not None
    day = (TODAY - timedelta(days=6)).isoformat()
    assert passed.text == f"the renewal date {day} passed 6 days ago: confirm the new term"


def test_an_executive_sponsor_not_met_in_six_months_is_named() -> None:
    old = account(created_at=NOW - timedelta(days=400))
    sponsor = person("Margaret", Role.EXECUTIVE_SPONSOR)
    met_long_ago = dataclasses.replace(meeting(200), attendees=[sponsor.id])
    ctx = context(account=old, meetings=[met_long_ago, meeting(20)])
    reason = sponsor_not_met(ctx, [sponsor])
    assert reason is not None
    assert reason.text == "no executive sponsor met in 6 months (Margaret)"
    assert reason.score == commercial_rules.SPONSOR_NOT_MET
    met_lately = dataclasses.replace(meeting(150), attendees=[sponsor.id])
    assert sponsor_not_met(context(account=old, meetings=[met_lately]), [sponsor]) is None


def test_no_sponsor_named_or_a_young_account_adds_nothing() -> None:
    old = account(created_at=NOW - timedelta(days=400))
    assert sponsor_not_met(context(account=old), [person("Ann", Role.USER)]) is None
    young = account(created_at=NOW - timedelta(days=60))
    assert sponsor_not_met(context(account=young), [person("M", Role.EXECUTIVE_SPONSOR)]) is None


def test_candidates_are_relationship_items_keyed_by_rule() -> None:
    ctx = context(account=renewing_in(62))
    (candidate,) = commercial_candidates([], ctx)
    assert candidate.key == "relationship:renewal_near"
    assert candidate.kind is ItemKind.RELATIONSHIP and candidate.title == "The renewal"
    assert candidate.item.owner == "Chris Moreno"


def test_the_renewal_reaches_a_built_agenda() -> None:
    from checkin.services.planning import load_template

    template = load_template("monthly")
    agenda = build_agenda(data(account=renewing_in(62)), template, 30, NOW)
    titles = {item.title: item for item in agenda.items}
    assert "The renewal" in titles
    assert titles["The renewal"].reasons[0].text == "renewal in 62 days: confirm the decision maker"
