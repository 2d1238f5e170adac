"""The rules added for issue 12: neutral and repeated feedback, linked topics, pinning,
minimums, deferral, importance words and the client's voice of a reason."""

from __future__ import annotations

from checkin.core.agenda import build_agenda, feedback_rules, link, order, timing
from checkin.core.agenda.arrangement import importance
from checkin.core.agenda.carry import deferred_to_this_meeting
from checkin.core.enums import IssueStatus, ItemKind, Severity, Side
from checkin.core.meeting import AgendaItem, Reason
from checkin.markdown.wording import client_reason
from checkin.services.planning import load_template
from tests.unit.agenda_data import (
    NOW as TODAY_NOW,
)
from tests.unit.agenda_data import (
    TODAY,
    action,
    contact,
    context,
    data,
    feedback,
    issue,
    milestone,
    template,
)

FOCAL = [contact("Elena"), contact("Chris", Side.OURS)]


def test_neutral_feedback_from_the_client_is_heard_until_answered() -> None:
    ctx = context()
    reason = feedback_rules.neutral_feedback(feedback(0, days_ago=40), ctx)
    assert reason is not None and reason.rule == "neutral_feedback"
    assert reason.text.startswith("the client's remark of")
    assert feedback_rules.neutral_feedback(feedback(0, addressed_days_ago=1), ctx) is None
    assert feedback_rules.neutral_feedback(feedback(-1), ctx) is None


def test_a_theme_raised_in_several_meetings_is_one_escalated_topic() -> None:
    ctx = context()
    again = [feedback(-1, days_ago=30, meeting_id="m-1"), feedback(0, days_ago=3)]
    reason = feedback_rules.feedback_repeated(again, ctx)
    assert reason is not None and reason.text.startswith("raised 2 times since")
    assert feedback_rules.feedback_repeated(again[:1], ctx) is None
    topics = list(feedback_rules.feedback_candidates(again, ctx))
    assert len(topics) == 1 and topics[0].item.records == [f"feedback:{again[1].id}"]
    assert topics[0].key == f"feedback:{again[0].id}"  # the most negative names the theme


def test_title_words_ignore_short_and_common_words() -> None:
    assert link.words("The API and the webhook retries") == {"webhook", "retries"}


def test_an_explicitly_linked_action_joins_its_issue_with_its_reasons() -> None:
    bug = issue(Severity.HIGH, plan_h=1, title="Exports fail")
    ours = action("Unrelated words entirely", due_in=-2, linked_issue_id=bug.id)
    agenda = build_agenda(
        data(issues=[bug], actions=[ours], contacts=FOCAL), template(), 30, TODAY_NOW
    )
    topic = agenda.items[0]
    assert topic.records == [f"action:{ours.id}"]
    assert topic.must_discuss  # our overdue commitment makes the topic must-discuss
    assert any(
        r.rule == "action_overdue" and r.source == f"action:{ours.id}" for r in topic.reasons
    )


def test_a_quiet_linked_milestone_still_names_the_fix() -> None:
    bug = issue(Severity.HIGH, plan_h=1, title="Exports fail")
    far = milestone("Release 9", target_in=200, linked_issue_ids=[bug.id])
    agenda = build_agenda(
        data(issues=[bug], roadmap=[far], contacts=FOCAL), template(), 30, TODAY_NOW
    )
    assert agenda.items[0].records == [f"roadmap:{far.id}"]
    assert any(r.rule == "linked_milestone" for r in agenda.items[0].reasons)


def test_pinned_items_are_the_opening_and_closing_ones() -> None:
    qbr = load_template("qbr")
    opening, closing = order.pinned(qbr)
    titles = {s.key: s.title for s in qbr.standing}
    assert sorted(titles[k][:7] for k in opening) == ["Results", "Service"]
    assert [titles[k] for k in closing] == ["What could we have done better?"]


def test_minimum_minutes_never_exceed_what_an_item_wants() -> None:
    assert timing.minimum_minutes("issue.critical", 10) == 5
    assert timing.minimum_minutes("issue.critical", 3) == 3
    assert timing.minimum_minutes("feedback.neutral", 2) == 1
    assert timing.minimum_minutes("custom", 0) == 0


def test_deferred_reason_says_the_day() -> None:
    assert (
        deferred_to_this_meeting(TODAY).text == f"deferred to this meeting on {TODAY.isoformat()}"
    )


def test_importance_in_words() -> None:
    def item(score: float, **fields: object) -> AgendaItem:
        return AgendaItem(key="k", kind=ItemKind.ISSUE, title="T", score=score, **fields)  # type: ignore[arg-type]

    assert importance(item(10, must_discuss=True)) == "must discuss"
    assert importance(item(45)) == "high"
    assert importance(item(20)) == "medium"
    assert importance(item(5)) == "low"


def test_the_client_reads_reasons_in_their_voice_and_kindly() -> None:
    def said(rule: str, text: str) -> str:
        return client_reason(Reason(rule=rule, score=0, text=text))

    assert said("x", "the client's milestone 'A' slipped") == "your milestone 'A' slipped"
    assert said("action_owner", "an action on their side") == "an action on your side"
    assert said("ack_breach_48h", "not acknowledged 61 h after it was opened (48 h rule)") == (
        "we owe you an acknowledgement"
    )
    assert said("sponsor_not_met", "no executive sponsor met in 6 months (Ann)") == (
        "time to bring your executive sponsor up to date"
    )
    assert said("positive_feedback", "kind words from the client on 3 Dec: thank them") == (
        "thank you for your kind words of 3 Dec"
    )


def test_an_issue_past_new_without_a_date_is_not_an_acknowledgement_breach() -> None:
    old = issue(Severity.LOW, IssueStatus.PLANNED, opened_h=24 * 400, ack_h=None, plan_h=1)
    old.acknowledged = None
    agenda = build_agenda(data(issues=[old], contacts=FOCAL), template(), 30, TODAY_NOW)
    assert not agenda.items[0].must_discuss
