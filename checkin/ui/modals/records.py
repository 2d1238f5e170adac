"""Form specs for creating and editing each kind of record, validated by the core's own rules."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

from checkin.core.enums import (
    SENTIMENT_WORDS,
    ActionStatus,
    Direction,
    IssueStatus,
    Phase,
    RoadmapSide,
    RoadmapStatus,
    Severity,
    Side,
    StakeholderRole,
    Tier,
)
from checkin.core.records import (
    Account,
    ActionItem,
    Contact,
    Feedback,
    Issue,
    Record,
    RoadmapItem,
)
from checkin.core.text import clean_line
from checkin.ui.modals.form import Field, Follow, FormModal, Save


def _choices(enum: Any) -> tuple[tuple[str, Any], ...]:
    return tuple((member.value.capitalize(), member) for member in enum)


SENTIMENTS = tuple((word, value) for value, word in SENTIMENT_WORDS.items())

ACCOUNT_FIELDS = (
    Field("name", "Name", required=True),
    Field(
        "slug",
        "Short name for the command line",
        required=True,
        placeholder="made from the name: lower-case letters, digits and hyphens",
    ),
    Field("tier", "Tier", "choice", _choices(Tier), required=True),
    Field("phase", "Phase", "choice", _choices(Phase), required=True),
    Field("cadence_days", "Check-in cadence (days, at most 31)", "int", required=True),
    Field("our_owner", "Our account owner"),
    Field("renewal", "Renewal date", "date", placeholder="when the contract renews"),
    Field("contract_value", "Contract value a year", "int", placeholder="a whole number"),
    Field("seats", "Seats", "int"),
    Field("culture_notes", "Culture notes", "multiline"),
    Field("dos", "Do's", "multiline"),
    Field("donts", "Don'ts", "multiline"),
    Field(
        "meeting_days", "Preferred meeting days", placeholder="tue, thu (empty: any working day)"
    ),
    Field("meeting_time", "Meeting time of day", placeholder="10:00"),
    Field("time_zone", "Client's time zone", placeholder="Europe/Berlin (empty: ours)"),
    Field("avoid_days", "Days to avoid", placeholder="mon"),
)
CONTACT_FIELDS = (
    Field("name", "Name", required=True),
    Field("role", "Role"),
    Field("email", "Email"),
    Field("side", "Side", "choice", (("Client", Side.CLIENT), ("Ours", Side.OURS)), required=True),
    Field("focal", "Focal contact for this side", "bool"),
    Field(
        "stakeholder",
        "Stakeholder role",
        "choice",
        tuple((role.value.capitalize(), role) for role in StakeholderRole),
    ),
)
ISSUE_FIELDS = (
    Field("title", "Title", required=True),
    Field("severity", "Severity", "choice", _choices(Severity), required=True),
    Field("status", "Status", "choice", _choices(IssueStatus), required=True),
    Field("opened", "Opened", "date", required=True),
    Field("due", "Due", "date"),
    Field("owner", "Owner"),
    Field("plan_text", "Plan given to the client (one line)"),
    Field("plan_estimate", "Plan: estimated date", "date"),
    Field("body", "Details", "multiline"),
)
ROADMAP_FIELDS = (
    Field("title", "Milestone", required=True),
    Field(
        "side",
        "Whose roadmap",
        "choice",
        (("Ours", RoadmapSide.OURS), ("Theirs (the client's)", RoadmapSide.THEIRS)),
        required=True,
    ),
    Field("status", "Status", "choice", _choices(RoadmapStatus), required=True),
    Field("target", "Target date", "date", required=True),
    Field("original_target", "Original target (when it slipped)", "date"),
    Field("notes", "Notes", "multiline"),
)
FEEDBACK_FIELDS = (
    Field(
        "direction",
        "Direction",
        "choice",
        (("From the client", Direction.FROM_CLIENT), ("To the client", Direction.TO_CLIENT)),
        required=True,
    ),
    Field("sentiment", "Sentiment", "choice", SENTIMENTS, required=True),
    Field("topic", "Topic"),
    Field("text", "What was said", "multiline", required=True),
    Field("received", "Received", "date", required=True),
    Field("addressed", "Addressed on", "date"),
)
ACTION_FIELDS = (
    Field("title", "Action", required=True),
    Field("owner", "Owner", "choice", required=True),
    Field("due", "Due", "date"),
    Field("status", "Status", "choice", _choices(ActionStatus), required=True),
)

SPECS: dict[type[Record], tuple[str, tuple[Field, ...]]] = {
    Account: ("account", ACCOUNT_FIELDS),
    Contact: ("contact", CONTACT_FIELDS),
    Issue: ("issue", ISSUE_FIELDS),
    RoadmapItem: ("roadmap item", ROADMAP_FIELDS),
    Feedback: ("feedback", FEEDBACK_FIELDS),
    ActionItem: ("action item", ACTION_FIELDS),
}


def owner_choices(contacts: list[Contact]) -> tuple[tuple[str, Any], ...]:
    """Action item owners: "us" first, then the account's contacts by side."""
    client = [(f"{c.name} ({c.role or 'client'})", c.id) for c in contacts if c.side is Side.CLIENT]
    ours = [(f"{c.name} (our side)", c.id) for c in contacts if c.side is Side.OURS]
    return (("Us", "us"), *client, *ours)


LINKED_ISSUE = "linked_issue_id"  # the optional link field of action items and milestones


def issue_choices(issues: Sequence[Issue]) -> tuple[tuple[str, Any], ...]:
    """Issues an action item or milestone can be linked to: open ones first, then the rest."""
    ordered = sorted(issues, key=lambda i: (not i.is_open, i.title.casefold(), i.id))
    return tuple((f"{clean_line(i.title)[:60]} ({i.severity.value})", i.id) for i in ordered)


def _link_field(cls: type[Record], issues: Sequence[Issue]) -> Field:
    label = "Linked issue (one agenda topic with it)"
    if cls is RoadmapItem:
        label = "Fixes issue (one agenda topic with it)"
    return Field(LINKED_ISSUE, label, "choice", issue_choices(issues))


def to_fields(cls: type[Record], values: dict[str, Any], contacts: list[Contact]) -> dict[str, Any]:
    """Form values as record fields (dates to datetimes, the owner choice to owner fields)."""
    fields = dict(values)
    if cls is RoadmapItem and LINKED_ISSUE in fields:
        chosen = fields.pop(LINKED_ISSUE)
        fields["linked_issue_ids"] = [chosen] if chosen else []
    if cls is Issue and isinstance(fields.get("opened"), date):
        opened = fields["opened"]
        if not isinstance(opened, datetime):
            fields["opened"] = datetime.combine(opened, time(9, 0))
    if cls is ActionItem:
        owner = fields.pop("owner", None) or "us"
        contact = next((c for c in contacts if c.id == owner), None)
        fields["owner"] = contact.name if contact else "us"
        fields["owner_contact_id"] = contact.id if contact else None
        fields["side"] = contact.side if contact else Side.OURS
    return fields


def from_record(record: Record) -> dict[str, Any]:
    """Initial form values from a stored record."""
    values = {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
    if isinstance(record, Issue):
        values["opened"] = record.opened.date()
    if isinstance(record, ActionItem):
        values["owner"] = record.owner_contact_id or "us"
    if isinstance(record, RoadmapItem):
        values[LINKED_ISSUE] = record.linked_issue_ids[0] if record.linked_issue_ids else None
    return values


def record_form(
    cls: type[Record],
    *,
    today: date,
    account_id: str | None,
    record: Record | None = None,
    contacts: list[Contact] | None = None,
    defaults: dict[str, Any] | None = None,
    save: Save | None = None,
    follows: Sequence[Follow] = (),
    issues: Sequence[Issue] = (),
) -> FormModal:
    """The modal that creates (``record`` None) or edits a record of ``cls``.

    It returns record fields ready for ``Workspace.add`` / ``dataclasses.replace``; given
    ``save`` (the caller's save of those fields), it stays open on the errors save raises.
    """
    noun, fields = SPECS[cls]
    people = contacts or []
    if cls is ActionItem:
        fields = tuple(
            dataclasses.replace(f, choices=owner_choices(people)) if f.name == "owner" else f
            for f in fields
        )
    if issues and cls in (ActionItem, RoadmapItem):
        fields = (*fields, _link_field(cls, issues))
    values = from_record(record) if record is not None else dict(defaults or {})

    def validate(fields_now: dict[str, Any]) -> None:
        """Build the record without saving it: the core's rules speak for themselves."""
        if cls is RoadmapItem and LINKED_ISSUE in fields_now:
            fields_now = to_fields(cls, fields_now, people)
        if record is not None:
            dataclasses.replace(record, **fields_now)
        else:
            extra: dict[str, Any] = {"account_id": account_id} if cls is not Account else {}
            cls(id="draft", **extra, **fields_now)

    return FormModal(
        f"Edit {noun}" if record is not None else f"New {noun}",
        fields,
        today=today,
        values=values,
        validate=validate,
        transform=lambda v: to_fields(cls, v, people),
        save=save,
        follows=follows,
        suggested=() if record is not None else set(values),  # a new record's defaults
    )


def new_record_defaults(cls: type[Record], today: date) -> dict[str, Any]:
    """What a new record's form starts with."""
    if cls is Issue:
        return {"opened": today, "status": IssueStatus.NEW}
    if cls is Feedback:
        return {"received": today, "sentiment": 0}
    if cls is ActionItem:
        return {"owner": "us", "status": ActionStatus.OPEN}
    return {}
