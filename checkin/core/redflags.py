"""Red flags: what an account manager acts on whatever the score says (DESIGN.md section 1).

Every red flag holds the health band at "watch" at best. Some flags are *serious* (an issue
past the 48-hour rules, a check-in SILENT_DAYS or more late, a promise of ours
PROMISE_LATE_DAYS or more overdue, very negative feedback left unanswered, ratings that fell to
2 or less); these combinations force "at risk" whatever the score:

- two serious flags at once ("silent for 17 days while our action is 40 days late");
- three flags of any kind;
- a serious flag with the renewal less than RENEWAL_NEAR_DAYS away.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from checkin.core.enums import Direction, MeetingState, Side
from checkin.core.records import Account
from checkin.core.sla import in_breach
from checkin.core.summary import focal_contact, next_checkin_due
from checkin.core.text import count

if TYPE_CHECKING:
    from checkin.core.health import Relationship

UPSET_WINDOW = timedelta(days=90)  # very negative feedback older than this is not a flag
SILENT_DAYS = 14  # a check-in this many days past its date is a serious flag
PROMISE_LATE_DAYS = 14  # an action of ours this many days overdue is a broken promise
RATINGS_LOOKED_AT = 3
RENEWAL_NEAR_DAYS = 90


@dataclass(frozen=True, kw_only=True)
class Flag:
    """One red flag: a name, the sentence the health tab shows, a few words for a row."""

    name: str
    text: str
    short: str
    serious: bool = False

    def __str__(self) -> str:
        return self.text


def _breach(r: Relationship, now: datetime) -> Flag | None:
    breaches = sum(1 for i in r.issues if in_breach(i, now))
    if not breaches:
        return None
    return Flag(
        name="breach",
        text=f"{count(breaches, 'issue')} past the 48-hour rules",
        short=f"{breaches} past 48 h",
        serious=True,
    )


def _silence(r: Relationship, now: datetime) -> Flag | None:
    due = next_checkin_due(r.account, r.meetings, now.date())
    late = (now.date() - due.day).days
    if late <= 0:
        return None
    days = count(late, "day")
    if due.agreed:
        text = f"check-in {days} past the date agreed at the last one"
    else:
        text = f"check-in {days} past the {r.account.cadence_days}-day cadence"
    return Flag(
        name="cadence", text=text, short=f"check-in {late} d late", serious=late >= SILENT_DAYS
    )


def _promise(r: Relationship, now: datetime) -> Flag | None:
    today = now.date()
    late = sorted(
        (today - a.due).days
        for a in r.actions
        if a.is_open and a.side is Side.OURS and a.due is not None and a.due < today
    )
    if not late or late[-1] < PROMISE_LATE_DAYS:
        return None
    oldest = count(late[-1], "day")
    text = (
        f"our action item is {oldest} overdue"
        if len(late) == 1
        else f"{len(late)} of our action items overdue, the oldest {oldest}"
    )
    return Flag(name="promise", text=text, short=f"our action {late[-1]} d late", serious=True)


def _upset(r: Relationship, now: datetime) -> Flag | None:
    since = (now - UPSET_WINDOW).date()
    upset = [
        f
        for f in r.feedback
        if f.direction is Direction.FROM_CLIENT
        and f.sentiment <= -2
        and f.addressed is None
        and f.received >= since
    ]
    if not upset:
        return None
    return Flag(
        name="upset",
        text=f"very negative feedback not addressed yet ({len(upset)})",
        short="angry feedback unanswered",
        serious=True,
    )


def _ratings(r: Relationship, now: datetime) -> Flag | None:
    """The latest rating a point or more below the average of the ones before it, or 2 or less."""
    rated = sorted(
        (m for m in r.meetings if m.state is MeetingState.ENDED and m.rating is not None),
        key=lambda m: m.ended or m.planned_start,
    )
    ratings = [m.rating or 0 for m in rated][-RATINGS_LOOKED_AT:]
    if len(ratings) < 2:
        return None
    earlier = ratings[:-1]
    falling = ratings[-1] <= sum(earlier) / len(earlier) - 1
    if not falling and not (ratings[-1] <= 2 and ratings[-1] < max(earlier)):
        return None
    listed = ", ".join(map(str, ratings))
    return Flag(
        name="ratings",
        text=f"check-in ratings falling ({listed} out of 5)",
        short="ratings falling " + "→".join(map(str, ratings)),
        serious=ratings[-1] <= 2,
    )


def _focal(r: Relationship, now: datetime) -> Flag | None:
    missing = [
        label
        for side, label in ((Side.CLIENT, "the client's side"), (Side.OURS, "our side"))
        if focal_contact(r.contacts, side) is None
    ]
    if not missing:
        return None
    where = "either side" if len(missing) == 2 else missing[0]
    return Flag(name="focal", text=f"no focal contact on {where}", short="no focal contact")


RULES = (_breach, _silence, _promise, _upset, _ratings, _focal)


def red_flags(r: Relationship, now: datetime) -> tuple[Flag, ...]:
    """Every red flag of the relationship at ``now``, most serious first."""
    found = [flag for rule in RULES if (flag := rule(r, now)) is not None]
    return tuple(sorted(found, key=lambda f: not f.serious))


def renewal_in(account: Account, today: date) -> int | None:
    """Days until the account's renewal (negative once passed), or None without a date."""
    return None if account.renewal is None else (account.renewal - today).days


def forced_at_risk(flags: tuple[Flag, ...], account: Account, today: date) -> tuple[Flag, ...]:
    """The flags that together force "at risk" (empty when no combination applies)."""
    serious = [f for f in flags if f.serious]
    if len(serious) >= 2:
        return tuple(serious)
    if len(flags) >= 3:
        return flags
    days = renewal_in(account, today)
    if serious and days is not None and 0 <= days <= RENEWAL_NEAR_DAYS:
        renewal = Flag(
            name="renewal",
            text=f"the renewal is {count(days, 'day')} away",
            short=f"renewal in {days} d",
        )
        return (*serious, renewal)
    return ()
