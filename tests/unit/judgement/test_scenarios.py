"""Expert scenarios: one account each, a fixed now, the order an experienced account manager
would discuss its topics in, and the topic that must come first (DESIGN.md sections 1 and 3).

Each scenario asserts the first topic exactly and Kendall tau >= 0.8 against the expected
order (``expert.judge``); the figures are listed in the closing note of issue 12.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from checkin.core.agenda import build_agenda
from checkin.core.enums import (
    IssueStatus,
    ItemKind,
    ItemStatus,
    RoadmapSide,
    RoadmapStatus,
    Severity,
    Side,
)
from checkin.services.planning import load_template
from tests.unit.agenda_data import (
    NOW,
    action,
    agenda_item,
    contact,
    data,
    feedback,
    meeting,
    milestone,
)
from tests.unit.agenda_data import issue as any_issue
from tests.unit.judgement.expert import judge, kendall_tau

S, St = Severity, IssueStatus
FOCAL = [contact("Elena"), contact("Chris", Side.OURS)]


def issue(severity: Severity, status: IssueStatus = St.ACKNOWLEDGED, **fields):  # type: ignore[no-untyped-def]
    """An issue; an acknowledged one has its plan given an hour later, unless a test says
    otherwise (no 48-hour breach but the ones a scenario means)."""
    if status not in (St.NEW, St.RESOLVED) and "plan_h" not in fields:
        fields["plan_h"] = max(0, fields.get("opened_h", 24) - 1)
    return any_issue(severity, status, **fields)


def monthly(*, minutes: int = 30, at=NOW, **records):  # type: ignore[no-untyped-def]
    return build_agenda(data(contacts=FOCAL, **records), load_template("monthly"), minutes, at)


def test_kendall_tau_helper() -> None:
    assert kendall_tau("abc", "abc") == 1.0
    assert kendall_tau("abc", "cba") == -1.0
    assert kendall_tau("abcd", "abdc") == pytest.approx(4 / 6)


def test_a_critical_within_48_hours_before_a_high_in_breach() -> None:
    outage = issue(S.CRITICAL, opened_h=10, title="Checkout down for EU shoppers")
    late = issue(S.HIGH, St.NEW, opened_h=70, title="Invoices show the wrong VAT")
    calm = issue(S.MEDIUM, opened_h=24 * 5, title="Slow search on the admin page")
    agenda = monthly(issues=[calm, late, outage])
    expected = [outage.title, late.title, calm.title]
    judge("critical vs high in breach", agenda, expected, outage.title)


def test_a_short_escalation_review_keeps_both_criticals() -> None:
    first = issue(S.CRITICAL, St.NEW, opened_h=60, title="Orders lost at peak")
    second = issue(S.CRITICAL, opened_h=20, title="Login loops for SSO users")
    high = issue(S.HIGH, opened_h=24 * 3, title="Reports time out")
    note = feedback(-1, text="Status updates came late.", topic="Communication")
    tpl = load_template("escalation")
    agenda = build_agenda(
        data(contacts=FOCAL, issues=[high, second, first], feedback=[note]), tpl, 30, NOW
    )
    on = {item.title for item in agenda.items}
    assert {first.title, second.title} <= on  # neither critical is parked
    assert agenda.planned_minutes <= 30
    expected = [first.title, second.title, high.title, "Communication: “Status updates came late.”"]
    judge("escalation review, 30 min, two criticals", agenda, expected, first.title)


def test_a_month_overdue_promise_of_ours_before_a_fresh_medium_issue() -> None:
    promise = action("Send the data-retention policy", due_in=-31)
    fresh = issue(S.MEDIUM, opened_h=20, title="CSV export drops accents")
    later = action("Book the training day", due_in=20)
    agenda = monthly(issues=[fresh], actions=[later, promise])
    # The promise opens the meeting (must-discuss); the client's new problem then comes before
    # booking a training day three weeks out, whatever the sections.
    judge("month-overdue promise vs fresh medium", agenda,
          [promise.title, fresh.title, later.title], promise.title)  # fmt: skip


def test_a_topic_carried_over_comes_back_early_and_labelled() -> None:
    pricing = agenda_item("custom:pricing", ItemStatus.DEFERRED, title="Pricing of the EU tenants")
    last = meeting(14, [pricing])
    low = issue(S.LOW, opened_h=24 * 2, title="Typo in the welcome mail")
    soon = milestone("Mobile app beta", target_in=25)
    agenda = monthly(issues=[low], roadmap=[soon], meetings=[last])
    item = next(i for i in agenda.items if i.title == "Pricing of the EU tenants")
    assert item.carried_from == last.day and item.must_discuss
    judge("carried-over topic", agenda, [pricing.title, soon.title, low.title], pricing.title)


def test_fixes_awaiting_did_that_work_for_you() -> None:
    big = issue(S.CRITICAL, St.RESOLVED, opened_h=24 * 9, resolved_h=24 * 3, title="Sync outage")
    small = issue(S.LOW, St.RESOLVED, opened_h=24 * 30, resolved_h=24 * 10, title="Logo blurry")
    done = issue(S.HIGH, St.RESOLVED, opened_h=24 * 30, resolved_h=24 * 20, verified_h=24 * 19)
    open_medium = issue(S.MEDIUM, opened_h=24 * 2, title="Tooltip cut off")
    agenda = monthly(issues=[small, done, open_medium, big])
    expected = ["Follow-up: Sync outage", "Follow-up: Logo blurry", open_medium.title]
    judge("fixes awaiting confirmation", agenda, expected, "Follow-up: Sync outage")


def test_a_client_action_blocking_our_critical_fix_is_one_topic_with_the_release() -> None:
    outage = issue(
        S.CRITICAL,
        St.WAITING_ON_CLIENT,
        opened_h=24 * 4,
        plan_h=24 * 3,
        title="Payroll export fails",
    )
    logs = action(
        "Send the payroll server logs", owner="Elena", side=Side.CLIENT, due_in=2,
        linked_issue_id=outage.id,
    )  # fmt: skip
    release = milestone(
        "Release 4.2", side=RoadmapSide.OURS, target_in=10, linked_issue_ids=[outage.id]
    )
    other = issue(S.MEDIUM, opened_h=24 * 6, title="Dark mode contrast")
    agenda = monthly(issues=[other, outage], actions=[logs], roadmap=[release])
    top = agenda.items[0]
    assert top.title == outage.title
    assert set(top.records) == {f"action:{logs.id}", f"roadmap:{release.id}"}
    assert {r.source for r in top.reasons} >= {f"action:{logs.id}", f"roadmap:{release.id}"}
    judge(
        "client action blocking our critical fix", agenda, [outage.title, other.title], outage.title
    )


def test_an_inferred_client_action_on_an_issue_joins_its_topic() -> None:
    bug = issue(S.HIGH, opened_h=24 * 5, title="Webhook retries flood the queue")
    theirs = action(
        "Whitelist our IPs so webhook retries stop flooding", owner="Elena", side=Side.CLIENT
    )
    unrelated = action("Share the Q1 headcount plan", owner="Elena", side=Side.CLIENT)
    agenda = monthly(issues=[bug], actions=[theirs, unrelated])
    assert agenda.items[0].records == [f"action:{theirs.id}"]
    judge("inferred client action", agenda, [bug.title, unrelated.title], bug.title)


def test_neutral_unanswered_feedback_reaches_the_agenda_after_negative() -> None:
    lost = feedback(0, text="We lost track of who our contact is.", topic="Contacts")
    angry = feedback(-2, text="Nobody called back about the outage.", topic="Support")
    low = issue(S.LOW, opened_h=24 * 2, title="Footer link broken")
    agenda = monthly(issues=[low], feedback=[lost, angry])
    expected = [
        "Support: “Nobody called back about the outage.”",
        "Contacts: “We lost track of who our contact is.”",
        low.title,
    ]
    judge("neutral unanswered feedback", agenda, expected, expected[0])


def test_reasons_are_worded_as_of_a_meeting_next_month() -> None:
    start = NOW + timedelta(days=30)
    due = action("Send the rollout checklist", due_in=4)
    theirs = action("Confirm the go-live date", owner="Elena", side=Side.CLIENT, due_in=40)
    medium = issue(S.MEDIUM, opened_h=24, title="Audit log gaps")
    agenda = monthly(actions=[due, theirs], issues=[medium], at=start)
    item = agenda.items[0]
    assert item.title == due.title
    assert any(r.text == "overdue by 26 days" for r in item.reasons)
    assert not any("in 4 days" in r.text for i in agenda.items for r in i.reasons)
    # Our overdue checklist opens; the client's open issue before their action due ten days
    # after the meeting.
    judge("reasons as of next month", agenda, [due.title, medium.title, theirs.title], due.title)


def test_an_imported_old_backlog_does_not_flood_the_agenda() -> None:
    backlog = [
        issue(S.MEDIUM, St.IN_PROGRESS, opened_h=24 * (300 + n), ack_h=None,
              title=f"Backlog {n}", source="jira")
        for n in range(4)
    ]  # fmt: skip
    for old in backlog:
        old.acknowledged = None  # imported in a backlog state without a date
    stale = issue(S.LOW, St.NEW, opened_h=24 * 200, title="Ancient new ticket", source="jira")
    fresh = issue(S.HIGH, opened_h=5, title="Uploads fail over 2 GB")
    agenda = monthly(minutes=60, issues=[*backlog, stale, fresh])
    texts = [r.text for i in (*agenda.items, *agenda.parked) for r in i.reasons]
    assert not any(r.rule == "ack_breach_48h" for i in agenda.items for r in i.reasons
                   if i.title.startswith("Backlog"))  # fmt: skip
    assert "not acknowledged 200 days after it was opened (48 h rule)" in texts
    assert not any(" h after" in t and int(t.split(" h after")[0].split()[-1]) > 72 for t in texts)
    expected = [stale.title, fresh.title, "Backlog 3", "Backlog 2", "Backlog 1", "Backlog 0"]
    judge("imported old backlog", agenda, expected, stale.title)


def test_what_we_owe_comes_before_what_they_owe() -> None:
    ours = action("Send the SLA report", due_in=-2)
    theirs = action("Sign the DPA", owner="Elena", side=Side.CLIENT, due_in=-20)
    agenda = monthly(actions=[theirs, ours])
    judge("ours before theirs", agenda, [ours.title, theirs.title], ours.title)


def test_a_feedback_theme_raised_again_escalates_as_one_topic() -> None:
    raised = [
        feedback(-1, text=f"Release notes came late ({n}).", topic="Release notes",
                 days_ago=60 - 20 * n, meeting_id=f"m-{n}")
        for n in range(3)
    ]  # fmt: skip
    once = feedback(-1, text="The portal is slow.", topic="Portal", days_ago=2)
    medium = issue(S.MEDIUM, opened_h=24 * 3, title="Export is missing a column")
    agenda = monthly(issues=[medium], feedback=[*raised, once])
    theme = agenda.items[0]
    assert theme.title.startswith("Release notes:") and len(theme.records) == 2
    assert any(r.rule == "feedback_repeated" for r in theme.reasons)
    expected = [theme.title, "Portal: “The portal is slow.”", medium.title]
    judge("repeated feedback theme", agenda, expected, theme.title)


def test_relationship_warnings_are_warnings_not_topics() -> None:
    last = meeting(50, [])
    slipped = milestone("Data warehouse", RoadmapStatus.SLIPPED, target_in=15, original_in=-5)
    medium = issue(S.MEDIUM, opened_h=24 * 4, title="Wrong time zone in reports")
    agenda = build_agenda(
        data(contacts=[contact("Elena")], meetings=[last], roadmap=[slipped], issues=[medium]),
        load_template("monthly"),
        30,
        NOW,
    )
    assert {w.rule for w in agenda.warnings} == {"cadence_overdue", "no_focal_contact"}
    assert all(i.kind is not ItemKind.RELATIONSHIP for i in agenda.items)
    judge("warnings, not topics", agenda, [slipped.title, medium.title], slipped.title)


def test_criticals_order_by_breach_and_discussing_one_never_lowers_it() -> None:
    talked = issue(S.CRITICAL, St.NEW, opened_h=110, title="Data loss on restore")
    newer = issue(S.CRITICAL, St.NEW, opened_h=60, title="Alerts not sent")
    calm = issue(S.CRITICAL, opened_h=30, title="Dashboard blank for admins")
    high = issue(S.HIGH, St.NEW, opened_h=24 * 8, title="Slow invoices")
    last = meeting(7, [agenda_item(f"issue:{talked.id}", ItemStatus.DISCUSSED)])
    agenda = monthly(minutes=45, issues=[calm, high, newer, talked], meetings=[last])
    expected = [talked.title, newer.title, calm.title, high.title]
    judge("criticals by breach, discussed last time", agenda, expected, talked.title)


def test_a_tight_meeting_shortens_then_parks_the_least_important() -> None:
    crit = issue(S.CRITICAL, opened_h=12, title="API returns 500s")
    overdue = action("Send the incident report", due_in=-3)
    soon = milestone("SSO launch", target_in=12)
    thanks = feedback(2, text="Great onboarding!", topic="Onboarding", days_ago=2)
    agenda = monthly(minutes=15, issues=[crit], actions=[overdue], roadmap=[soon],
                     feedback=[thanks], meetings=[meeting(20, [])])  # fmt: skip
    assert agenda.planned_minutes <= 15
    assert {crit.title, overdue.title} <= {i.title for i in agenda.items}
    for item in agenda.parked:
        assert item.reasons[-1].text == "did not fit in 15 min"
    expected = [crit.title, overdue.title, soon.title, "Thank you: “Great onboarding!”"]
    judge("tight meeting", agenda, expected, crit.title)


def test_a_busy_monthly_check_in_reads_like_an_account_manager_would_run_it() -> None:
    """Written before running the engine: the order an account manager would walk."""
    crit = issue(S.CRITICAL, St.IN_PROGRESS, opened_h=24 * 3, title="Reports API returns 500s")
    breach = issue(S.HIGH, St.NEW, opened_h=60, title="Bulk import stalls at 10k rows")
    medium = issue(S.MEDIUM, opened_h=24 * 6, title="Time zone shown wrong in exports")
    fixed = issue(
        S.HIGH, St.RESOLVED, opened_h=24 * 12, resolved_h=24 * 4, title="Duplicate invoices"
    )
    ours = action("Send the capacity plan", due_in=-5)
    theirs = action("Provide two test accounts", owner="Elena", side=Side.CLIENT, due_in=-12)
    angry = feedback(-2, text="You closed our ticket without asking us.", topic="Support")
    thanks = feedback(2, text="The new dashboard is great.", topic="Dashboard", days_ago=2)
    sdk = milestone("Mobile SDK 2.0", RoadmapStatus.SLIPPED, side=RoadmapSide.OURS,
                    target_in=20, original_in=-1)  # fmt: skip
    erp = milestone("ERP go-live", target_in=20)
    agenda = monthly(
        minutes=60,
        issues=[medium, fixed, breach, crit],
        actions=[theirs, ours],
        feedback=[thanks, angry],
        roadmap=[erp, sdk],
        meetings=[meeting(25, [])],
    )
    expected = [
        crit.title,
        breach.title,
        ours.title,
        "Support: “You closed our ticket without asking us.”",
        sdk.title,
        "Follow-up: Duplicate invoices",
        theirs.title,
        medium.title,
        erp.title,
        "Thank you: “The new dashboard is great.”",
    ]
    # That order ignores the template's sections; the engine groups the topics that are not
    # must-discuss by section (DESIGN.md invariant 2), which costs tau here: the thanks come
    # with the complaint, the ERP milestone with the SDK, the follow-up and the medium issue
    # last with the issues. Recorded, and held to 0.6.
    judge("busy monthly, expert order without sections", agenda, expected, crit.title, 0.6)
    grouped = [
        crit.title,
        breach.title,
        ours.title,
        theirs.title,
        "Support: “You closed our ticket without asking us.”",
        "Thank you: “The new dashboard is great.”",
        sdk.title,
        erp.title,
        "Follow-up: Duplicate invoices",
        medium.title,
    ]
    judge("busy monthly, expert order by section", agenda, grouped, crit.title)
