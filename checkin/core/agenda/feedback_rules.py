"""Agenda rules for feedback: every unanswered word from the client is heard, negative first; a
theme raised again is one topic that weighs more; praise gets a short thank-you."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import timedelta

from checkin.core.agenda import phrases, weights
from checkin.core.agenda.candidate import Candidate, Facts
from checkin.core.agenda.context import Context
from checkin.core.enums import Direction, ItemKind
from checkin.core.meeting import Reason
from checkin.core.records import Feedback

FeedbackRule = Callable[[Feedback, Context], Reason | None]
EXCERPT = 90
_FROM_CLIENT = Direction.FROM_CLIENT


def negative_feedback(feedback: Feedback, ctx: Context) -> Reason | None:
    """Negative feedback from the client that nobody has answered yet."""
    if (
        feedback.direction is not _FROM_CLIENT
        or feedback.sentiment >= 0
        or feedback.addressed is not None
    ):
        return None
    score = weights.FEEDBACK_NEGATIVE
    if feedback.sentiment <= -2:
        score += weights.FEEDBACK_NEGATIVE_STRONG
    when = phrases.day_month(feedback.received, ctx.today)
    return Reason(
        rule="negative_feedback",
        score=score,
        text=f"the client's feedback of {when} has not been answered yet",
    )


def neutral_feedback(feedback: Feedback, ctx: Context) -> Reason | None:
    """Neutral feedback from the client, not answered yet: a question or a remark is heard
    too ("we lost track of who our contact is")."""
    if (
        feedback.direction is not _FROM_CLIENT
        or feedback.sentiment != 0
        or feedback.addressed is not None
    ):
        return None
    when = phrases.day_month(feedback.received, ctx.today)
    return Reason(
        rule="neutral_feedback",
        score=weights.FEEDBACK_NEUTRAL,
        text=f"the client's remark of {when} has not been answered yet",
    )


def positive_feedback(feedback: Feedback, ctx: Context) -> Reason | None:
    """Praise either way since the last check-in, not yet acknowledged: a short thank-you.

    Praise given during a meeting was answered there, so it does not come back.
    """
    if feedback.sentiment <= 0 or feedback.addressed is not None or feedback.meeting_id:
        return None
    since = ctx.last_day or ctx.today - timedelta(days=weights.POSITIVE_DAYS_WITHOUT_MEETING)
    if not since < feedback.received <= ctx.today:
        return None
    when = phrases.day_month(feedback.received, ctx.today)
    if feedback.direction is _FROM_CLIENT:
        text = f"kind words from the client on {when}: thank them"
    else:
        text = "a thank-you from us"
    return Reason(rule="positive_feedback", score=weights.FEEDBACK_POSITIVE, text=text)


FEEDBACK_RULES: tuple[FeedbackRule, ...] = (negative_feedback, neutral_feedback, positive_feedback)
_TIMING = {
    "negative_feedback": "feedback.negative",
    "neutral_feedback": "feedback.neutral",
    "positive_feedback": "feedback.positive",
}


def feedback_repeated(raised: list[Feedback], ctx: Context) -> Reason | None:
    """The same theme (topic) raised on more than one day or meeting and still unanswered:
    it escalates, more each time it came back."""
    times = len({f.meeting_id or f.received.isoformat() for f in raised})
    if times < 2:
        return None
    first = phrases.day_month(min(f.received for f in raised), ctx.today)
    score = min(weights.FEEDBACK_REPEATED_MAX, (times - 1) * weights.FEEDBACK_REPEATED)
    return Reason(
        rule="feedback_repeated",
        score=score,
        text=f"raised {times} times since {first}: the theme keeps coming back",
    )


def _title(feedback: Feedback, rule: str) -> str:
    excerpt = f"“{phrases.shorten(feedback.text, EXCERPT)}”"
    if rule != "positive_feedback":
        topic = phrases.shorten(feedback.topic, 60) or "Your feedback"
        return phrases.title(f"{topic}: {excerpt}")
    if feedback.direction is _FROM_CLIENT:
        return phrases.title(f"Thank you: {excerpt}")
    return phrases.title(f"A thank-you from us: {excerpt}")


def _lead_key(pair: tuple[Feedback, Reason]) -> tuple[int, int, str]:
    """The record that names a theme: the most negative, then the latest."""
    feedback, _ = pair
    return (feedback.sentiment, -feedback.received.toordinal(), feedback.id)


def feedback_candidates(items: Iterable[Feedback], ctx: Context) -> Iterator[Candidate]:
    """One topic per theme of unanswered client feedback (same topic: one topic, every
    record's reason kept), and one per other piece of feedback a rule fired for."""
    themes: dict[str, list[tuple[Feedback, Reason]]] = {}
    for feedback in items:
        reason = next((r for r in (rule(feedback, ctx) for rule in FEEDBACK_RULES) if r), None)
        if reason is None:
            continue
        theme = feedback.topic.strip().casefold()
        joins = theme and feedback.direction is _FROM_CLIENT and reason.rule != "positive_feedback"
        themes.setdefault(theme if joins else f"\0{feedback.id}", []).append((feedback, reason))
    for raised in themes.values():
        raised.sort(key=_lead_key)
        lead, lead_reason = raised[0]
        ref = f"feedback:{lead.id}"
        reasons = [lead_reason]
        for other, reason in raised[1:]:
            reasons.append(Reason(rule=reason.rule, score=0, text=reason.text, source=_ref(other)))
        repeated = feedback_repeated([f for f, _ in raised], ctx)
        if repeated is not None:
            reasons.append(repeated)
        candidate = Candidate(
            key=ref,
            kind=ItemKind.FEEDBACK,
            title=_title(lead, lead_reason.rule),
            timing=_TIMING[lead_reason.rule],
            reasons=reasons,
            source_ref=ref,
            owner=phrases.shorten(ctx.our_owner, 80),
            facts=Facts(
                age_days=(ctx.today - min(f.received for f, _ in raised)).days,
            ),
        )
        candidate.item.records = [_ref(f) for f, _ in raised[1:]]
        yield candidate


def _ref(feedback: Feedback) -> str:
    return f"feedback:{feedback.id}"
