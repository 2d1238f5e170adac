"""The scores the agenda rules add, in one place so they can be tuned together.

The one hard constraint (DESIGN.md section 3, invariant 2): a critical issue or an issue in
breach of a 48-hour rule scores at least ``URGENT``, and no other item can reach it. Each rule
below is capped so that the most any non-urgent item can collect stays under ``URGENT``;
``tests/unit/agenda/test_weights.py`` checks the sums.
"""

from __future__ import annotations

from checkin.core.enums import Severity

URGENT = 100.0

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
NOT_DISCUSSED = 8.0
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

# Feedback.
FEEDBACK_NEGATIVE = 45.0
FEEDBACK_NEGATIVE_STRONG = 5.0  # sentiment -2
FEEDBACK_POSITIVE = 10.0
POSITIVE_DAYS_WITHOUT_MEETING = 30

# The relationship itself.
CADENCE_OVERDUE = 30.0
CADENCE_OVERDUE_PER_DAY = 1.0
CADENCE_OVERDUE_EXTRA_MAX = 20.0
NO_FOCAL_CONTACT = 25.0
FALLING_RATINGS = 20.0
RATINGS_LOOKED_AT = 3

# Carried over from the previous meeting.
CARRIED = 25.0  # it was promised a slot last time
