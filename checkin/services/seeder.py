"""A small builder for hand-written workspaces (the demo): times relative to one moment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from checkin.core.enums import (
    ActionStatus,
    Direction,
    IssueStatus,
    ItemKind,
    ItemStatus,
    Phase,
    RoadmapSide,
    RoadmapStatus,
    Severity,
    Side,
    StakeholderRole,
    Tier,
)
from checkin.core.meeting import AgendaItem, Decision, Meeting, Reason
from checkin.core.records import Account, ActionItem, Contact, Feedback, Issue, RoadmapItem
from checkin.services.workspace import Workspace


@dataclass(frozen=True)
class Item:
    """One agenda item of a past meeting, as it went."""

    kind: ItemKind
    title: str
    minutes: int
    spent: int = 0  # seconds
    status: ItemStatus = ItemStatus.DISCUSSED
    notes: str = ""
    source: Any = None  # the record the item was about
    reason: str = ""


class Seeder:
    """Adds records to one account of ``ws`` with dates given as hours or days before ``now``."""

    def __init__(self, ws: Workspace, now: datetime) -> None:
        self.ws = ws
        self.now = now
        self.account: Account | None = None

    # -- time -----------------------------------------------------------------------------

    def hours_ago(self, hours: float) -> datetime:
        return (self.now - timedelta(hours=hours)).replace(second=0, microsecond=0)

    def days_ago(self, days: int) -> date:
        return self.now.date() - timedelta(days=days)

    def at(self, days_ago: int, hour: int = 10) -> datetime:
        """A meeting time: ``days_ago`` days before now, at ``hour`` o'clock."""
        return datetime.combine(self.days_ago(days_ago), datetime.min.time()).replace(hour=hour)

    @property
    def account_id(self) -> str:
        assert self.account is not None, "call Seeder.new_account first"
        return self.account.id

    # -- records --------------------------------------------------------------------------

    def new_account(
        self,
        name: str,
        slug: str,
        *,
        tier: Tier,
        cadence: int,
        phase: Phase = Phase.NORMAL,
        owner: str,
        culture: str,
        dos: str,
        donts: str,
        since_days: int = 400,
        renewal_in: int | None = None,
        contract_value: int | None = None,
        seats: int | None = None,
        meeting_days: str = "",
        meeting_time: str = "",
        time_zone: str = "",
        avoid_days: str = "",
    ) -> Account:
        created = self.hours_ago(since_days * 24)
        self.account = self.ws.add_account(
            name=name,
            slug=slug,
            tier=tier,
            cadence_days=cadence,
            phase=phase,
            our_owner=owner,
            culture_notes=culture,
            dos=dos,
            donts=donts,
            renewal=None if renewal_in is None else self.now.date() + timedelta(days=renewal_in),
            contract_value=contract_value,
            seats=seats,
            meeting_days=meeting_days,
            meeting_time=meeting_time,
            time_zone=time_zone,
            avoid_days=avoid_days,
            created_at=created,
            updated_at=created,
        )
        return self.account

    def contact(
        self,
        name: str,
        role: str,
        email: str,
        *,
        side: Side = Side.CLIENT,
        focal: bool = False,
        stakeholder: StakeholderRole | None = None,
    ) -> Contact:
        return self.ws.add(
            Contact,
            account_id=self.account_id,
            name=name,
            role=role,
            email=email,
            side=side,
            focal=focal,
            stakeholder=stakeholder,
        )

    def issue(
        self,
        title: str,
        severity: Severity,
        status: IssueStatus,
        *,
        opened_h: float,
        ack_h: float | None = None,
        plan_h: float | None = None,
        resolved_h: float | None = None,
        verified_h: float | None = None,
        due_in: int | None = None,
        owner: str = "",
        body: str = "",
        labels: tuple[str, ...] = (),
        source: str = "manual",
        external_id: str = "",
        url: str = "",
    ) -> Issue:
        """Milestones are given as hours before now (``ack_h=50``: acknowledged 50 h ago)."""

        def ago(hours: float | None) -> datetime | None:
            return None if hours is None else self.hours_ago(hours)

        opened = self.hours_ago(opened_h)
        return self.ws.add(
            Issue,
            account_id=self.account_id,
            title=title,
            body=body,
            severity=severity,
            status=status,
            source=source,
            external_id=external_id,
            url=url,
            opened=opened,
            acknowledged=ago(ack_h),
            plan_given=ago(plan_h),
            resolved=ago(resolved_h),
            verified=ago(verified_h),
            due=None if due_in is None else self.now.date() + timedelta(days=due_in),
            owner=owner,
            labels=list(labels),
            created_at=opened,
            updated_at=ago(min(h for h in (opened_h, ack_h, plan_h, resolved_h) if h is not None)),
        )

    def milestone(
        self,
        side: RoadmapSide,
        title: str,
        status: RoadmapStatus,
        *,
        target_in: int,
        original_in: int | None = None,
        notes: str = "",
        fixes: tuple[Issue, ...] = (),
    ) -> RoadmapItem:
        today = self.now.date()
        return self.ws.add(
            RoadmapItem,
            account_id=self.account_id,
            side=side,
            title=title,
            status=status,
            target=today + timedelta(days=target_in),
            original_target=None if original_in is None else today + timedelta(days=original_in),
            notes=notes,
            linked_issue_ids=[issue.id for issue in fixes],
        )

    def feedback(
        self,
        direction: Direction,
        sentiment: int,
        topic: str,
        text: str,
        *,
        days_ago: int,
        addressed_days_ago: int | None = None,
        meeting: Meeting | None = None,
    ) -> Feedback:
        return self.ws.add(
            Feedback,
            account_id=self.account_id,
            direction=direction,
            sentiment=sentiment,
            topic=topic,
            text=text,
            received=self.days_ago(days_ago),
            addressed=None if addressed_days_ago is None else self.days_ago(addressed_days_ago),
            meeting_id=meeting.id if meeting else None,
        )

    def action(
        self,
        title: str,
        owner: Contact | None,
        *,
        due_in: int | None,
        meeting: Meeting | None = None,
        done_days_ago: int | None = None,
        dropped: bool = False,
        issue: Issue | None = None,
    ) -> ActionItem:
        """``owner`` None means "us"."""
        status = ActionStatus.OPEN
        if done_days_ago is not None:
            status = ActionStatus.DONE
        elif dropped:
            status = ActionStatus.DROPPED
        created = meeting.ended if meeting and meeting.ended else self.now
        return self.ws.add(
            ActionItem,
            account_id=self.account_id,
            meeting_id=meeting.id if meeting else None,
            title=title,
            owner=owner.name if owner else "us",
            owner_contact_id=owner.id if owner else None,
            side=owner.side if owner else Side.OURS,
            due=None if due_in is None else self.now.date() + timedelta(days=due_in),
            status=status,
            done_on=None if done_days_ago is None else self.days_ago(done_days_ago),
            created_at=created,
            updated_at=created,
            linked_issue_id=issue.id if issue else None,
        )

    def meeting(
        self,
        template: str,
        *,
        days_ago: int,
        length: int,
        overran: int,
        attendees: list[Contact],
        items: list[Item],
        decisions: list[str] = (),  # type: ignore[assignment]
        rating: int,
        next_in: int,
    ) -> Meeting:
        """A meeting that took place ``days_ago`` days ago and ran ``length + overran`` min."""
        start = self.at(days_ago)
        end = start + timedelta(minutes=length + overran)
        agenda = [self._agenda_item(n, item) for n, item in enumerate(items)]
        # The next meeting agreed at its end: on a day and at a time the client's profile
        # allows (a weekend only when the profile names one), as a user would agree it.
        assert self.account is not None, "call Seeder.new_account first"
        prefs = self.account.preferences
        next_day = prefs.first_day(start.date() + timedelta(days=next_in))
        next_at = datetime.combine(next_day, prefs.at or start.time().replace(second=0))
        return self.ws.add(
            Meeting,
            account_id=self.account_id,
            template=template,
            planned_start=start,
            length_minutes=length,
            started=start,
            ended=end,
            attendees=[c.id for c in attendees],
            agenda=agenda,
            decisions=[
                Decision(text=text, at=start + timedelta(minutes=5 + 5 * n))
                for n, text in enumerate(decisions)
            ],
            rating=rating,
            next_meeting=next_day,
            next_meeting_at=next_at,
            created_at=start - timedelta(days=2),
            updated_at=end,
        )

    @staticmethod
    def _agenda_item(position: int, item: Item) -> AgendaItem:
        if item.source is not None:
            ref = item.source.KIND.ref(item.source.id)
            key = ref
        else:
            ref = None
            key = f"{item.kind.value}:{position}"
        reasons = [Reason(rule=item.kind.value, score=0, text=item.reason)] if item.reason else []
        return AgendaItem(
            key=key,
            kind=item.kind,
            title=item.title,
            source_ref=ref,
            planned_minutes=item.minutes,
            actual_seconds=item.spent,
            status=item.status,
            notes=item.notes,
            reasons=reasons,
        )
