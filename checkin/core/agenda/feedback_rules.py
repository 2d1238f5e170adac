"""Agenda rules for feedback: unanswered criticism ranks high, praise gets a short thank-you."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import timedelta

from checkin.core.agenda import phrases, weights
from checkin.core.agenda.candidate import Candidate
from checkin.core.agenda.context import Context
from checkin.core.enums import Direction, ItemKind
from checkin.core.meeting import Reason
from checkin.core.records import Feedback

FeedbackRule = Callable[[Feedback, Context], Reason | None]
EXCERPT = 90


def negative_feedback(feedback: Feedback, ctx: Context) -> Reason | None:
    """Negative feedback from the client that nobody has answered yet."""
    if (
        feedback.direction is not Direction.FROM_CLIENT
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
        text=f"your feedback of {when} has not been answered yet",
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
    if feedback.direction is Direction.FROM_CLIENT:
        text = f"thank you for your kind words of {when}"
    else:
        text = "a thank-you from us"
    return Reason(rule="positive_feedback", score=weights.FEEDBACK_POSITIVE, text=text)


FEEDBACK_RULES: tuple[FeedbackRule, ...] = (negative_feedback, positive_feedback)


def _title(feedback: Feedback, negative: bool) -> str:
    excerpt = f"“{phrases.shorten(feedback.text, EXCERPT)}”"
    if negative:
        topic = phrases.shorten(feedback.topic, 60) or "Your feedback"
        return phrases.title(f"{topic}: {excerpt}")
    if feedback.direction is Direction.FROM_CLIENT:
        return phrases.title(f"Thank you: {excerpt}")
    return phrases.title(f"A thank-you from us: {excerpt}")


def feedback_candidates(items: Iterable[Feedback], ctx: Context) -> Iterator[Candidate]:
    """One item per piece of feedback a rule fired for."""
    for feedback in items:
        for rule in FEEDBACK_RULES:
            reason = rule(feedback, ctx)
            if reason is None:
                continue
            negative = reason.rule == "negative_feedback"
            ref = f"feedback:{feedback.id}"
            yield Candidate(
                key=ref,
                kind=ItemKind.FEEDBACK,
                title=_title(feedback, negative),
                timing="feedback.negative" if negative else "feedback.positive",
                reasons=(reason,),
                source_ref=ref,
                owner=phrases.shorten(ctx.our_owner, 80),
            )
            break  # the two rules exclude each other; one item per record either way
