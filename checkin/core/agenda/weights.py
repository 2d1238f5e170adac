"""The scores the agenda rules add, in one place so they can be tuned together.

Scores order topics *within* a band of importance (see order.py): the open critical issues
first, then the other must-discuss topics (48-hour breaches, our overdue commitments, items
deferred to this meeting), then everything else. Scores never lift an item out of its band,
so no sum of small reasons can outrank a critical issue.
"""

from __future__ import annotations

from checkin.core.enums import Severity

URGENT = 100.0  # what a critical issue or a 48-hour breach scores: "must discuss" in words

# Issues.
SEVERITY = {
    Severity.CRITICAL: URGENT,
    Severity.HIGH: 40.0,
    Severity.MEDIUM: 20.0,
    Severity.LOW: 8.0,
}
BREACH = URGENT  # either 48-hour rule in breach
BREACH_EXTRA_PER_6H = 1.0  # a longer wait ranks higher among breaches...
BREACH_EXTRA_MAX = 12.0  # ...up to three days over the limit
AGE_PER_WEEK = 1.0
AGE_MAX = 8.0
AGE_FROM_DAYS = 7  # younger issues get no age score
WAITING_ON_CLIENT = 8.0
DUE_PASSED = 15.0
DUE_SOON = 10.0
DUE_SOON_DAYS = 7
# New since the last check-in, or left out of it. Small on purpose: having discussed an issue
# last time must never make it less important than it is.
NOT_DISCUSSED = 2.0
# The client said the fix did not work: it comes back higher at the next check-in, more so
# each further time. Reopened at the last check-in means it was discussed there, so this
# excludes NOT_DISCUSSED and CARRIED (the rule adds nothing to an item that carries over).
REOPENED = 20.0
REOPENED_PER_TIME = 2.5
REOPENED_MAX = 25.0

# Resolved issues the client has not confirmed.
FOLLOW_UP = 25.0
FOLLOW_UP_SEVERE = 5.0  # the fix of a critical or high issue
FOLLOW_UP_DAYS = 90  # older fixes are not asked about any more

# Action items.
ACTION_OVERDUE = 50.0  # overdue actions come right after urgent issues
ACTION_OVERDUE_PER_DAY = 0.5
ACTION_OVERDUE_MAX_DAYS = 30
ACTION_DUE_BEFORE_NEXT = 12.0
ACTION_OURS = 8.0  # our own commitments come first: no surprises
ACTION_CLIENT = 5.0

# Roadmaps (both sides).
MILESTONE_HORIZON = 12.0
MILESTONE_HORIZON_NEAR = 8.0  # extra for a milestone due now, fading to 0 at the horizon
HORIZON_MIN_DAYS = 30  # the horizon is twice the cadence, at least this
MILESTONE_SLIPPED = 30.0
MILESTONE_SLIPPED_PER_WEEK = 1.0
MILESTONE_SLIPPED_EXTRA_MAX = 10.0
MILESTONE_SHIPPED = 18.0
SHIPPED_DAYS_WITHOUT_MEETING = 30

# Feedback from the client that nobody has answered: negative first, neutral still heard.
FEEDBACK_NEGATIVE = 35.0  # a complaint comes before a medium issue, after a high one...
FEEDBACK_NEGATIVE_STRONG = 25.0  # ...unless the client is angry (-2): then before a high one
FEEDBACK_NEUTRAL = 14.0
FEEDBACK_POSITIVE = 10.0
FEEDBACK_REPEATED = 10.0  # per time the same theme was raised again, up to...
FEEDBACK_REPEATED_MAX = 20.0
POSITIVE_DAYS_WITHOUT_MEETING = 30

# The relationship itself: warnings; these two also put something to discuss on the agenda.
NO_FOCAL_CONTACT = 25.0  # the client has not named a focal contact: ask them
FALLING_RATINGS = 20.0
RATINGS_LOOKED_AT = 3

# Carried over from the previous meeting.
CARRIED = 25.0  # it was promised a slot last time
DEFERRED = 10.0  # deferred to this meeting by agreement: must be discussed

# Topics made of several records: each joined record adds a little (it is more to settle).
LINKED_RECORD = 2.0

# The template's standing items (not pinned first or last) rank by this score among the
# generated items: above a routine item, below anything pressing.
STANDING = 30.0
