"""An account's next check-in (VEVENT) and action items (VTODO) as an iCalendar file, and the
next check-in alone as an invitation to mail (RFC 5546).

Two methods, two jobs: the calendar feed (``checkin ics``) is METHOD:PUBLISH, which by RFC 5546
carries an ORGANIZER and no ATTENDEE (the people are named in the description); the invitation
sent with the minutes or the pre-read is METHOD:REQUEST with an ORGANIZER and every ATTENDEE
that has an email address, so mail clients offer to accept it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from icalendar import Calendar, Event, Todo, vCalAddress, vText

from checkin import __version__
from checkin.calendar.upcoming import Upcoming, upcoming
from checkin.core.enums import ActionStatus, Side
from checkin.core.meeting import Meeting
from checkin.core.records import Account, ActionItem, Contact
from checkin.core.text import clean_line, clean_text
from checkin.markdown.wording import OUR_TEAM, meeting_title

DOMAIN = "checkin"
SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
# Done and dropped items stay in the export this long, so a calendar that has them open
# sees them completed; older ones are history.
CLOSED_SHOWN_DAYS = 30


@dataclass(frozen=True, kw_only=True)
class Person:
    """Someone with a mail address: the organizer of an invitation."""

    name: str
    email: str


@dataclass(frozen=True, kw_only=True)
class CalendarData:
    """An account and its records, as of ``now`` (local wall-clock time).

    ``sender`` is the configured address of the user (``$CHECKIN_EMAIL``): the organizer of
    last resort when no contact on our side has an address.
    """

    account: Account
    contacts: Sequence[Contact]
    meetings: Sequence[Meeting]
    actions: Sequence[ActionItem]
    now: datetime
    tz: tzinfo | None = None  # the zone stored times are in; None: this computer's
    sender: str = ""


def has_email(contact: Contact) -> bool:
    return "@" in contact.email


def organizer(
    account: Account, contacts: Sequence[Contact], present: Sequence[Contact] = (), sender: str = ""
) -> Person | None:
    """Who organizes the account's check-ins, for an invitation's ORGANIZER.

    In order: our focal contact; our contact named as the account's owner; the first of our
    side in ``present`` (the meeting's people); any contact of ours; then ``sender`` (the
    configured address), named after the account's owner. All need an email address; None
    when there is none at all (an invitation cannot be sent then).
    """
    ours = [c for c in contacts if c.side is Side.OURS and has_email(c)]
    owner = clean_line(account.our_owner).casefold()
    found = (
        next((c for c in ours if c.focal), None)
        or next((c for c in ours if owner and clean_line(c.name).casefold() == owner), None)
        or next((c for c in present if c.side is Side.OURS and has_email(c)), None)
        or next(iter(ours), None)
    )
    if found is not None:
        return Person(name=clean_line(found.name), email=found.email.strip())
    if "@" in sender:
        return Person(name=clean_line(account.our_owner) or OUR_TEAM, email=sender.strip())
    return None


def uid(key: str) -> str:
    """A calendar UID for a record id: ``t-7k2q9x@checkin``."""
    return f"{key}@{DOMAIN}"


def to_utc(moment: datetime, tz: tzinfo | None) -> datetime:
    """A stored local wall-clock time (or an aware one) as UTC."""
    if moment.tzinfo is None:
        moment = moment.astimezone() if tz is None else moment.replace(tzinfo=tz)
    return moment.astimezone(UTC).replace(microsecond=0)


def sequence(changed: datetime, tz: tzinfo | None) -> int:
    """A SEQUENCE that grows with every change, without storing a counter."""
    return max(0, int((to_utc(changed, tz) - SEQUENCE_EPOCH).total_seconds()))


def shown_actions(actions: Sequence[ActionItem], today: date) -> list[ActionItem]:
    """Open action items, and those closed in the last :data:`CLOSED_SHOWN_DAYS` days."""
    since = today - timedelta(days=CLOSED_SHOWN_DAYS)

    def closed_on(action: ActionItem) -> date | None:
        if action.done_on is not None:
            return action.done_on
        return action.updated_at.date() if action.updated_at else None

    shown = [
        a for a in actions if a.status is ActionStatus.OPEN or (closed_on(a) or date.min) >= since
    ]
    return sorted(shown, key=lambda a: (a.due is None, a.due or date.max, a.id))


def _address(contact: Contact | Person) -> vCalAddress:
    address = vCalAddress(f"mailto:{contact.email.strip()}")
    address.params["CN"] = vText(clean_line(contact.name))
    return address


class _Builder:
    def __init__(self, data: CalendarData) -> None:
        self.data = data
        self.tz = data.tz
        self.stamp = to_utc(data.now, data.tz)
        self.client = clean_line(data.account.name)
        self.meetings = {m.id: m for m in data.meetings}

    def _head(self, method: str) -> Calendar:
        cal = Calendar()
        cal.add("prodid", f"-//checkin//checkin {__version__}//EN")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("method", method)
        return cal

    def invitation(self, next_one: Upcoming) -> Calendar:
        cal = self._head("REQUEST")
        cal.add_component(self.event(next_one, invite=True))
        return cal

    def calendar(self) -> Calendar:
        cal = self._head("PUBLISH")
        cal.add("x-wr-calname", f"{self.client} (checkin)")
        d = self.data
        cal.add_component(self.event(upcoming(d.account, d.contacts, d.meetings, d.now)))
        for action in shown_actions(d.actions, d.now.date()):
            cal.add_component(self.todo(action))
        return cal

    def _stamps(self, component: Event | Todo, changed: datetime, created: datetime | None) -> None:
        component.add("dtstamp", self.stamp)
        if created is not None:
            component.add("created", to_utc(created, self.tz))
        component.add("last-modified", to_utc(changed, self.tz))
        component.add("sequence", sequence(changed, self.tz))

    def event(self, next_one: Upcoming, *, invite: bool = False) -> Event:
        event = Event()
        event.add("uid", uid(next_one.key))
        self._stamps(event, next_one.changed, None)
        event.add("summary", f"{self.client}: {meeting_title(next_one.template)}")
        start = to_utc(next_one.start, self.tz)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=next_one.minutes))
        event.add("status", "CONFIRMED" if next_one.confirmed else "TENTATIVE")
        event.add("transp", "OPAQUE")
        event.add("categories", [self.client])
        event.add("description", self._event_description(next_one, invite))
        d = self.data
        chair = organizer(d.account, d.contacts, next_one.attendees, d.sender)
        if chair is not None:
            event.add("organizer", _address(chair), encode=False)
        if not invite:
            return event  # PUBLISH: no attendees (RFC 5546, 3.2.1); the description names them
        if chair is not None:
            address = _address(chair)
            address.params["CUTYPE"] = vText("INDIVIDUAL")
            address.params["ROLE"] = vText("CHAIR")
            address.params["PARTSTAT"] = vText("ACCEPTED")
            event.add("attendee", address, encode=False)
        chair_mail = chair.email.casefold() if chair else ""
        for contact in next_one.attendees:
            if has_email(contact) and contact.email.strip().casefold() != chair_mail:
                address = _address(contact)
                address.params["CUTYPE"] = vText("INDIVIDUAL")
                address.params["ROLE"] = vText("REQ-PARTICIPANT")
                address.params["PARTSTAT"] = vText("NEEDS-ACTION")
                address.params["RSVP"] = vText("TRUE")
                event.add("attendee", address, encode=False)
        return event

    def _event_description(self, next_one: Upcoming, invite: bool) -> str:
        lines = [next_one.basis]
        if not invite and next_one.attendees:
            people = ", ".join(clean_line(c.name) for c in next_one.attendees)
            lines.append(f"With: {people}.")
        no_email = [clean_line(c.name) for c in next_one.attendees if not has_email(c)]
        if no_email:
            lines.append(f"Also invite (no email on record): {', '.join(no_email)}.")
        open_items = [a for a in self.data.actions if a.is_open]
        if open_items:
            lines += ["", "Open action items:"]
            for action in shown_actions(open_items, self.data.now.date()):
                due = f" (due {action.due.isoformat()})" if action.due else ""
                lines.append(f"- {self._owner(action)}: {clean_line(action.title)}{due}")
        return "\n".join(lines)

    def _owner(self, action: ActionItem) -> str:
        name = clean_line(action.owner)
        return OUR_TEAM if name.casefold() == "us" else name

    def todo(self, action: ActionItem) -> Todo:
        todo = Todo()
        todo.add("uid", uid(action.id))
        changed = action.updated_at or action.created_at or self.data.now
        self._stamps(todo, changed, action.created_at)
        todo.add("summary", f"{self.client}: {clean_line(action.title)} ({self._owner(action)})")
        if action.due is not None:
            todo.add("due", action.due)
        todo.add("categories", [self.client])
        todo.add("description", self._todo_description(action))
        if action.status is ActionStatus.OPEN:
            todo.add("status", "NEEDS-ACTION")
        elif action.status is ActionStatus.DONE:
            todo.add("status", "COMPLETED")
            todo.add("percent-complete", 100)
            done = action.done_on or changed.date()
            todo.add("completed", to_utc(datetime.combine(done, datetime.min.time()), self.tz))
        else:
            todo.add("status", "CANCELLED")
        return todo

    def _todo_description(self, action: ActionItem) -> str:
        lines = [f"Owner: {self._owner(action)}", f"Account: {self.client}"]
        meeting = self.meetings.get(action.meeting_id or "")
        if meeting is not None:
            lines.append(f"Agreed at the check-in of {meeting.day.isoformat()}.")
        return clean_text("\n".join(lines))


def render_calendar(data: CalendarData) -> bytes:
    """The iCalendar file of ``data.account``: one VEVENT for the next check-in, one VTODO
    per open (or recently closed) action item. Pure.

    Re-importing an updated export updates entries instead of duplicating them: UIDs come
    from record ids (``t-7k2q9x@checkin``), SEQUENCE counts the seconds from 2020 to the last
    change of the records an entry comes from, LAST-MODIFIED and DTSTAMP are set.

    Times: checkin stores local wall-clock times without a zone. Meeting times are written in
    UTC, converted with the zone they were recorded in (this computer's unless ``data.tz``
    says otherwise), so an invitation shows the right hour in every attendee's time zone.
    Due dates are all-day dates, which have no zone.
    """
    return bytes(_Builder(data).calendar().to_ical())


def render_invitation(data: CalendarData, next_one: Upcoming) -> bytes:
    """``next_one`` as an invitation to mail: METHOD:REQUEST, one VEVENT with ORGANIZER and
    an ATTENDEE for everyone with an email address (RFC 5546). Pure.

    The UID is the one the calendar feed gives the same check-in, so accepting the
    invitation and importing the feed update one entry. The organizer comes from
    :func:`organizer`; without any address the VEVENT has none (check it first).
    """
    return bytes(_Builder(data).invitation(next_one).to_ical())
