"""The service facade screens and commands call: one workspace, its records and their rules."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from checkin.core.account import Account, Record
from checkin.core.base_enums import MeetingState, RecordKind
from checkin.core.errors import Conflict, NotFound
from checkin.core.rules import MAX_SLUG
from checkin.core.text import slugify
from checkin.storage import Store
from checkin.storage.repository import Repository

if TYPE_CHECKING:
    # Imported where used (record classes through the store's repositories): opening the
    # app's first screen, the accounts home, needs none of them.
    import random

    from checkin.core import transitions
    from checkin.core.enums import ActionStatus, IssueStatus
    from checkin.core.figures import Digest
    from checkin.core.health import Health, Relationship
    from checkin.core.meeting import Meeting
    from checkin.core.records import ActionItem, Contact, Feedback, Issue, RoadmapItem
    from checkin.core.summary import AccountSummary
    from checkin.core.trend import TrendPoint
    from checkin.storage.figures import Seal, StoredFigures

Clock = Callable[[], datetime]
R = TypeVar("R", bound=Record)
T = TypeVar("T")
OVERVIEW_FRESH_SECONDS = 60
# The kinds an agenda item's source reference may name (an account is never one).
_LINKABLE = frozenset(kind.value for kind in RecordKind) - {RecordKind.ACCOUNT.value}


class Captured:
    """What was captured in one meeting: its action items and feedback, oldest first.

    (A plain class: a NamedTuple is built at import, before the app's first frame, at ten
    times the cost.)"""

    __slots__ = ("actions", "feedback")

    def __init__(self, actions: list[ActionItem], feedback: list[Feedback]) -> None:
        self.actions = actions
        self.feedback = feedback


def system_clock() -> datetime:
    """Local wall-clock time to the second: the one place checkin reads the real clock."""
    return datetime.now().replace(microsecond=0)


def close_accounts(key: str, accounts: list[Account], limit: int = 3) -> list[Account]:
    """Accounts ``key`` probably meant: its name or the start of it ("Acme Health", "acm"),
    else slugs and names within a typo or two ("acne", "helio")."""
    import difflib

    wanted = " ".join(key.lower().split())
    if not wanted:
        return []
    starts = [a for a in accounts if a.slug.startswith(wanted) or a.name.lower().startswith(wanted)]
    if starts:
        return starts[:limit]
    by_word = {a.slug: a for a in accounts} | {a.name.lower(): a for a in accounts}
    found: list[Account] = []
    for word in difflib.get_close_matches(wanted, list(by_word), n=limit * 2, cutoff=0.6):
        if by_word[word] not in found:
            found.append(by_word[word])
    return found[:limit]


def account_slug(name: str, max_len: int = MAX_SLUG) -> str:
    """:func:`slugify` with anyascii's transliteration: "Москва Банк" -> "moskva-bank".

    (The core's slugify keeps to the standard library and takes the transliteration as a
    parameter; anyascii is imported here, when an account is being named.)
    """
    from anyascii import anyascii

    return slugify(name, max_len, transliterate=anyascii)


class Workspace:
    """Everything the UI and the command line do with a workspace goes through here."""

    def __init__(self, store: Store, clock: Clock = system_clock, rng: random.Random | None = None):
        self.store = store
        self.clock = clock
        self._rng = rng
        self._repos: dict[RecordKind, Repository[Any]] = {}  # see _repo_for_kind
        # account id -> (version, when, account, (summary, health)): see known_overview
        self._overviews: dict[
            str, tuple[tuple[int, int], datetime, Account, tuple[AccountSummary, Health]]
        ] = {}
        # account id -> (version, digest of its records, their stamp): see overview
        self._digests: dict[str, tuple[tuple[int, int], Digest, str]] = {}
        # The stored seal, and the source tables' hashes as opened (None once changed).
        self._seals: tuple[Seal | None, dict[str, str] | None] | None = None
        # account id -> (stamp, digest): worked out, not in the figures file yet
        self._unkept: dict[str, tuple[str, Digest]] = {}
        self._unkept_lock = threading.Lock()
        self._figures_file: StoredFigures | None = None  # see _figures_table
        self._figures_file_lock = threading.Lock()

    # -- lifecycle ------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        clock: Clock = system_clock,
        read_only: bool = False,
        rng: random.Random | None = None,
        defer_backup: bool = False,
    ) -> Workspace:
        """Open the workspace file at ``path`` (see :meth:`Store.open` for the errors)."""
        store = Store.open(path, clock, read_only=read_only, defer_backup=defer_backup)
        return cls(store, clock, rng)

    @property
    def _figures_table(self) -> StoredFigures:
        """The workspace's figures file, read on first use: the home's first frame shows the
        accounts before their figures, so opening a workspace does not load it. (The UI
        thread and the figures worker may both ask first: it is made once.)"""
        with self._figures_file_lock:
            if self._figures_file is None:
                from checkin.storage.figures import StoredFigures

                self._figures_file = StoredFigures(self.store)
            return self._figures_file

    def save_in_background(
        self,
        on_error: Callable[[OSError], None] | None = None,
        on_saved: Callable[[], None] | None = None,
    ) -> None:
        """Saves return at once from now on; a writer thread makes them durable, reporting
        a failing disk to ``on_error`` and each durable save to ``on_saved`` (both called
        from that thread). A failed save stays queued and is retried."""
        self.store.start_writer(on_error=on_error, on_saved=on_saved)

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every save is on disk; False on a timeout or while the disk fails."""
        return self.store.flush(timeout)

    @property
    def save_failing(self) -> bool:
        """Whether the last attempt to save failed (and no save has succeeded since)."""
        return self.store.storage.error is not None

    def start_backup(self) -> None:
        """Copy the workspace as it was opened to its backups folder (in the background)."""
        self.store.start_backup()

    @classmethod
    def in_memory(cls, clock: Clock = system_clock, rng: random.Random | None = None) -> Workspace:
        return cls(Store.memory(clock), clock, rng)

    def close(self) -> None:
        self.store.close()

    @property
    def path(self) -> Path | None:
        return self.store.path

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.clock().date()

    def new_id(self, kind: RecordKind) -> str:
        """An id for a new record of ``kind`` that no record of it has yet."""
        return self.new_ids(kind, 1)[0]

    def new_ids(self, kind: RecordKind, count: int) -> list[str]:
        """``count`` ids for new records of ``kind``, none of them stored yet and each once
        (drawn in the order one :meth:`new_id` call after another would draw them: an import
        of 10,000 issues took 6 µs an id one call at a time, 3 µs in one)."""
        from checkin.core.ids import new_id

        repo = self._repo_for_kind(kind)
        found: dict[str, None] = {}
        while len(found) < count:
            candidate = new_id(kind, self._rng)
            if candidate not in found and not repo.exists(candidate):
                found[candidate] = None
        return list(found)

    def new_token(self) -> str:
        """A short random key (custom agenda items), reproducible with a seeded rng."""
        from checkin.core.ids import token

        return token(self._rng)

    def _repo_for_kind(self, kind: RecordKind) -> Repository[Any]:
        """The repository of ``kind`` (KeyError for a word that names no kind)."""
        if not self._repos:
            self._repos = {repo.cls.KIND: repo for repo in self.store.repositories()}
        return self._repos[kind]  # a RecordKind, or its word: they hash alike

    def transaction(self) -> Any:
        """Group several changes into one all-or-nothing save."""
        return self.store.transaction()

    # -- accounts -------------------------------------------------------------------------

    def accounts(self, *, include_archived: bool = False) -> list[Account]:
        found = self.store.accounts.all()
        return sorted(
            (a for a in found if include_archived or not a.archived),
            key=lambda a: a.name.casefold(),
        )

    def account(self, key: str) -> Account:
        """An account by slug or id; NotFound lists the slugs there are."""
        found = self.store.accounts.find(key)
        if found is not None:
            return found
        for account in self.store.accounts.all():
            if account.slug == key:
                return account
        accounts = self.accounts(include_archived=True)
        slugs = ", ".join(a.slug for a in accounts) or "none yet"
        close = close_accounts(key, accounts)
        if close:
            named = " or ".join(f"{a.slug} ({a.name})" for a in close)
            raise NotFound("account", key, f"Did you mean {named}? Accounts: {slugs}")
        raise NotFound("account", key, f"Accounts: {slugs}")

    def add_account(self, **fields: Any) -> Account:
        account = Account(id=fields.pop("id", None) or self.new_id(RecordKind.ACCOUNT), **fields)
        self._check_slug(account)
        return self.store.accounts.add(account)

    def save_account(self, account: Account) -> Account:
        self._check_slug(account)
        return self.store.accounts.save(account)

    def _check_slug(self, account: Account) -> None:
        for other in self.store.accounts.all():
            if other.slug == account.slug and other.id != account.id:
                raise Conflict(f"the slug {account.slug!r} is taken by {other.name}", "slug")

    def free_slug(self, name: str) -> str:
        """A short name for a new account called ``name`` that no account has yet
        ("Zeta Corp" -> "zeta-corp", or "zeta-corp-2" when that is taken); "" for no name.

        Any script is transliterated ("Ørsted" -> "orsted", "Ελλάδα" -> "ellada"); a name with
        nothing to spell in ASCII (only emoji, say) gets "account-" and a code made from it.
        """
        base = account_slug(name)
        if not base and name.strip():
            from checkin.core.ids import digest_token

            base = f"account-{digest_token(name)}"
        taken = {a.slug for a in self.store.accounts.all()}
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            suffix = f"-{number}"
            candidate = slugify(base, MAX_SLUG - len(suffix)) + suffix
        return candidate

    def summaries(self, *, include_archived: bool = False) -> list[AccountSummary]:
        return [self.summary(a) for a in self.accounts(include_archived=include_archived)]

    def summary(self, account: Account) -> AccountSummary:
        from checkin.core.summary import summarize

        s = self.store
        return summarize(
            account,
            contacts=s.contacts.for_account(account.id),
            issues=s.issues.for_account(account.id),
            actions=s.actions.for_account(account.id),
            meetings=s.meetings.for_account(account.id),
            now=self.now(),
        )

    def overview(self, account: Account) -> tuple[AccountSummary, Health]:
        """The overview figures and the health of ``account``: its digest
        (:mod:`checkin.core.figures`) evaluated now. The digest is kept while the account's
        records do not change, in memory and in the workspace's figures file; a missing or
        stale one is worked out from the records (and stored by :meth:`keep_figures`).

        Safe to call from a worker thread; the result is kept for :meth:`known_overview`.
        """
        from checkin.core.figures import evaluate

        version = self.store.version(account.id)
        now = self.now()
        result = evaluate(account, self._digest(account.id, version, now), now)
        if result is None:  # the clock is before the digest's moment: digest afresh
            result = evaluate(account, self._digest_records(account.id, version, now), now)
            assert result is not None
        self._overviews[account.id] = (version, now, account, result)
        return result

    def _digest(self, account_id: str, version: tuple[int, int], now: datetime) -> Digest:
        """The account's digest: kept in memory for this version of its records, else read
        from the figures file (through its seal, else when its stamp matches the records),
        else worked out from the records (see :mod:`checkin.storage.figures`)."""
        kept = self._digests.get(account_id)
        if kept is not None and kept[0] == version:
            return kept[1]
        from checkin.core.figures import from_plain

        table = self._figures_table
        seal, hashes = self._sealed()
        stamp: str | None = None
        if version == (0, 0) and seal is not None and seal.tables == hashes:
            stamp = seal.accounts.get(account_id)  # the records are as the seal found them
        if stamp is None:
            stamp = table.stamp(account_id)
        stored = table.stored(account_id, stamp)
        if stored is not None:
            try:
                digest = from_plain(stored)
            except ValueError:
                pass  # derived data that cannot be used: worked out again below
            else:
                self._digests[account_id] = (version, digest, stamp)
                return digest
        return self._digest_records(account_id, version, now, stamp)

    def _sealed(self) -> tuple[Seal | None, dict[str, str] | None]:
        """The stored seal, and the source tables' hashes when nothing changed yet."""
        if self._seals is None:
            table = self._figures_table
            seal = table.seal()
            fresh = seal is not None and self.store.changes == 0
            self._seals = (seal, table.table_hashes() if fresh else None)
        return self._seals

    def _digest_records(
        self, account_id: str, version: tuple[int, int], now: datetime, stamp: str | None = None
    ) -> Digest:
        """Digest the account's records as of ``now``; kept (and stored by
        :meth:`keep_figures`) when nothing of the account changed while they were read."""
        from checkin.core.figures import digest_of

        if stamp is None:
            stamp = self._figures_table.stamp(account_id)
        st = self.store
        digest = digest_of(  # the meetings without their agendas: figures never read those
            contacts=st.contacts.for_account(account_id),
            issues=st.issues.for_account(account_id),
            actions=st.actions.for_account(account_id),
            feedback=st.feedback.for_account(account_id),
            meetings=st.meetings.headers_for_account(account_id),
            as_of=now,
        )
        if st.version(account_id) == version:
            self._digests[account_id] = (version, digest, stamp)
            with self._unkept_lock:
                self._unkept[account_id] = (stamp, digest)
        return digest

    def keep_figures(self) -> None:
        """Store the digests worked out since the last call in the figures file (none for a
        read-only workspace), so the next start reads them instead of the records; while
        nothing changed since the workspace was opened, with a seal naming them. Safe to call
        from a worker thread (it writes no record)."""
        from checkin.core.figures import to_plain

        with self._unkept_lock:
            unkept, self._unkept = self._unkept, {}
        entries = {key: (stamp, to_plain(digest)) for key, (stamp, digest) in unkept.items()}
        seal: Seal | None = None
        stored, hashes = self._seals or (None, None)
        if hashes is None and self.store.changes == 0:
            # Nothing changed since the workspace was opened: the tables hash as they did.
            hashes = self._figures_table.table_hashes()
        if hashes is not None and self.store.changes == 0:
            accounts = {
                account_id: stamp
                for account_id, (version, _digest, stamp) in list(self._digests.items())
                if version == (0, 0)
            }
            if stored is not None and stored.tables == hashes:
                accounts = stored.accounts | accounts
            if stored is None or stored.tables != hashes or stored.accounts != accounts:
                from checkin.storage.figures import Seal

                seal = Seal(hashes, accounts)
                self._seals = (seal, hashes)
        self._figures_table.keep(entries, seal)

    def known_overview(self, account: Account) -> tuple[AccountSummary, Health] | None:
        """The overview worked out last, while it is up to date: nothing of the account
        changed since and it is under :data:`OVERVIEW_FRESH_SECONDS` old (the figures count
        days and the 48-hour rules); else None (work it out again, off the event loop)."""
        entry = self._overviews.get(account.id)
        if entry is None:
            return None
        version, at, seen, result = entry
        fresh = (self.now() - at).total_seconds() < OVERVIEW_FRESH_SECONDS
        if fresh and version == self.store.version(account.id) and seen == account:
            return result
        return None

    def relationship(self, account: Account) -> Relationship:
        from checkin.core.health import Relationship

        s = self.store
        return Relationship(
            account=account,
            contacts=s.contacts.for_account(account.id),
            issues=s.issues.for_account(account.id),
            actions=s.actions.for_account(account.id),
            feedback=s.feedback.for_account(account.id),
            meetings=s.meetings.for_account(account.id),
        )

    def health(self, account: Account) -> Health:
        """The relationship health of ``account`` now, factor by factor."""
        from checkin.core.health import assess

        return assess(self.relationship(account), self.now())

    def health_trend(self, account: Account, health: Health | None = None) -> list[TrendPoint]:
        """The scores stored at the end of the account's last check-ins, then today's (from
        ``health`` when the caller has it): past points are history, never recomputed."""
        from checkin.core.trend import trend

        score = (health or self.health(account)).score
        return trend(self.store.meetings.for_account(account.id), score, self.today())

    # -- records of an account ------------------------------------------------------------

    def contacts(self, account_id: str) -> list[Contact]:
        from checkin.core.enums import Side

        return sorted(
            self.store.contacts.for_account(account_id),
            key=lambda c: (c.side != Side.CLIENT, not c.focal, c.name.casefold()),
        )

    def issues(self, account_id: str) -> list[Issue]:
        return self.store.issues.for_account(account_id)

    def roadmap(self, account_id: str) -> list[RoadmapItem]:
        return sorted(self.store.roadmap.for_account(account_id), key=lambda r: r.target)

    def feedback(self, account_id: str) -> list[Feedback]:
        return sorted(
            self.store.feedback.for_account(account_id), key=lambda f: f.received, reverse=True
        )

    def actions(self, account_id: str) -> list[ActionItem]:
        return self.store.actions.for_account(account_id)

    def open_actions(self) -> list[tuple[Account, ActionItem]]:
        """Open action items of every active account, overdue first, then by due date."""
        from checkin.core.enums import ActionStatus

        repo = self.store.actions  # through the status index: only open ones are decoded
        found = [
            (account, action)
            for account in self.accounts()
            for action in repo.in_state(account.id, ActionStatus.OPEN)
        ]
        return sorted(found, key=lambda pair: (pair[1].due is None, pair[1].due, pair[0].name))

    def meetings(self, account_id: str) -> list[Meeting]:
        """The account's meetings, newest first."""
        found = self.store.meetings.for_account(account_id)
        return sorted(found, key=lambda m: m.started or m.planned_start, reverse=True)

    def linked_record(self, source_ref: str) -> Record | None:
        """The record an agenda item is about ("issue:i-7k2q9x"), or None if it is gone."""
        kind, _sep, record_id = source_ref.partition(":")
        if kind not in _LINKABLE or not record_id:
            return None
        return self._repo_for_kind(RecordKind(kind)).find(record_id)

    def meeting(self, meeting_id: str) -> Meeting:
        return self.store.meetings.get(meeting_id)

    # -- typed questions, answered by storage ----------------------------------------------

    def get(self, cls: type[R], record_id: str) -> R:
        """The record of ``cls`` with ``record_id``; raises NotFound."""
        repo: Repository[R] = self._repo_for_kind(cls.KIND)
        return repo.get(record_id)

    def find(self, cls: type[R], record_id: str) -> R | None:
        """The record of ``cls`` with ``record_id``, or None."""
        repo: Repository[R] = self._repo_for_kind(cls.KIND)
        return repo.find(record_id)

    def exists(self, cls: type[Record], record_id: str) -> bool:
        return self._repo_for_kind(cls.KIND).exists(record_id)

    def of_account(self, cls: type[R], account_id: str) -> list[R]:
        """Every record of ``cls`` of the account, in stored order (oldest first)."""
        repo: Repository[R] = self._repo_for_kind(cls.KIND)
        return repo.for_account(account_id)

    def count(self, cls: type[Record], account_id: str) -> int:
        """How many records of ``cls`` the account has (none is decoded)."""
        return len(self._repo_for_kind(cls.KIND).ids_for_account(account_id))

    def all_meetings(self) -> list[Meeting]:
        """Every meeting of every account, in stored order."""
        return self.store.meetings.all()

    def captured_in(self, meeting: Meeting) -> Captured:
        """The action items and feedback captured in ``meeting``, oldest first (only those
        are decoded)."""
        return Captured(
            actions=self.store.actions.for_meeting(meeting),
            feedback=self.store.feedback.for_meeting(meeting),
        )

    def open_issues_by_severity(self, account_id: str, limit: int) -> tuple[list[Issue], int]:
        """The first ``limit`` open issues, most severe then oldest, and how many are open."""
        return self.store.issues.open_by_severity(account_id, limit)

    def meeting_in_state(self, account_id: str, state: MeetingState) -> Meeting | None:
        """The account's latest meeting in ``state`` (by its planned start, start or end)."""
        return self.store.meetings.latest(account_id, state)

    def meetings_in_state(self, state: MeetingState) -> list[Meeting]:
        """Every meeting in ``state``, in any account."""
        return self.store.meetings.in_state(state)

    def unsettled_issues(self, account_id: str) -> list[Issue]:
        """Open issues and resolved ones the client has not confirmed, oldest first."""
        return self.store.issues.unsettled(account_id)

    def actions_in_state(self, account_id: str, status: ActionStatus) -> list[ActionItem]:
        """The account's action items with ``status``, oldest first."""
        return self.store.actions.in_state(account_id, status)

    def ended_meetings(self, account_id: str) -> list[tuple[datetime, str, Meeting]]:
        """The account's ended meetings with their end and id, newest first (ties by id
        reversed)."""
        return self.store.meetings.ended_newest_first(account_id)

    def kept(self, cls: type[Record], account_id: str, name: str, compute: Callable[[], T]) -> T:
        """``compute()``, kept under ``name`` until a record of ``cls`` changes (or a rollback
        swaps the data): what a service works out from those records, shared between calls
        (callers only read it)."""
        return self._repo_for_kind(cls.KIND).derived(account_id, name, compute)

    def changed_since(self, account: Account, since: datetime) -> int:
        """How many of the account's records (issues, action items, roadmap items, feedback,
        contacts, the account itself) were changed after ``since``."""
        s = self.store
        records: list[Record] = [account]
        for repo in (s.issues, s.actions, s.roadmap, s.feedback, s.contacts):
            records.extend(repo.for_account(account.id))
        return sum(1 for r in records if r.updated_at is not None and r.updated_at > since)

    # -- workspace metadata -----------------------------------------------------------------

    @property
    def is_demo(self) -> bool:
        """Whether ``checkin demo`` seeded this workspace."""
        return bool(self.store.meta().get("demo"))

    def mark_demo(self) -> None:
        self.store.set_meta(demo=True)

    @property
    def saves(self) -> int:
        """How many saves reached the disk in this session (the benchmark counts them)."""
        return self.store.storage.saves

    def wait_for_backup(self) -> None:
        """Wait until the backup of the workspace as it was opened is written."""
        self.store.wait_for_backup()

    # -- creating and changing records -----------------------------------------------------

    def add(self, cls: type[R], **fields: Any) -> R:
        """Create a record of ``cls`` with a new id; validation errors name the fields."""
        record = cls(id=fields.pop("id", None) or self.new_id(cls.KIND), **fields)
        repo: Repository[R] = self._repo_for_kind(cls.KIND)
        if isinstance(record, self.store.contacts.cls) and record.focal:
            with self.transaction():
                self._clear_focal(record)
                return repo.add(record)
        return repo.add(record)

    def save(self, record: R) -> R:
        """Store a changed record (validated again on the way)."""
        repo: Repository[R] = self._repo_for_record(record)
        if isinstance(record, self.store.contacts.cls) and record.focal:
            with self.transaction():
                self._clear_focal(record)
                return repo.save(record)
        return repo.save(record)

    def add_many(self, cls: type[R], records: list[R]) -> list[R]:
        """Store many new records of ``cls`` in one write (they have their ids already)."""
        repo: Repository[R] = self._repo_for_kind(cls.KIND)
        return repo.add_many(records)

    def save_many(self, cls: type[R], records: list[R]) -> list[R]:
        """Store many changed records of ``cls`` in one write; NotFound before any change."""
        repo: Repository[R] = self._repo_for_kind(cls.KIND)
        return repo.save_many(records)

    def delete(self, record: Record) -> None:
        self._repo_for_record(record).delete(record.id)

    def _repo_for_record(self, record: Record) -> Repository[Any]:
        for repo in self.store.repositories():
            if isinstance(record, repo.cls):
                return repo
        raise TypeError(f"no repository for {type(record).__name__}")

    def _clear_focal(self, contact: Contact) -> None:
        """One focal contact per side per account: the new one replaces the old."""
        for other in self.store.contacts.for_account(contact.account_id):
            if other.id != contact.id and other.focal and other.side is contact.side:
                self.store.contacts.save(dataclasses.replace(other, focal=False))

    def set_issue_status(self, issue_id: str, status: IssueStatus) -> Issue:
        from checkin.core import transitions

        issue = self.store.issues.get(issue_id)
        return self.store.issues.save(transitions.change_issue_status(issue, status, self.now()))

    def change_issue(self, issue_id: str, change: transitions.IssueChange) -> Issue:
        """One of the changes :func:`transitions.offered_changes` offers for the issue as it
        is now; any other is refused (TransitionError) and nothing changes."""
        from checkin.core import transitions

        issue = self.store.issues.get(issue_id)
        return self.store.issues.save(transitions.apply_change(issue, change, self.now()))

    def give_plan(self, issue_id: str, text: str = "", estimate: date | None = None) -> Issue:
        """Findings and an action plan were given: stamps the second 48-hour milestone; the
        plan (one line) and its estimated date are kept with the issue."""
        from checkin.core import transitions

        issue = self.store.issues.get(issue_id)
        if text or estimate is not None:
            text = transitions.check_plan(text, estimate, self.today())
        planned = transitions.give_plan(issue, self.now(), text=text, estimate=estimate)
        return self.store.issues.save(planned)

    def verify_issue(self, issue_id: str) -> Issue:
        """The client confirmed the fix works."""
        from checkin.core import transitions

        issue = self.store.issues.get(issue_id)
        return self.store.issues.save(transitions.verify_issue(issue, self.now()))

    def mark_addressed(self, feedback_id: str) -> Feedback:
        item = self.store.feedback.get(feedback_id)
        return self.store.feedback.save(dataclasses.replace(item, addressed=self.today()))

    def make_focal(self, contact_id: str) -> Contact:
        contact = self.store.contacts.get(contact_id)
        return self.save(dataclasses.replace(contact, focal=True))

    def change_action(self, action_id: str, change: transitions.ActionChange) -> ActionItem:
        """Done, dropped or open again (:class:`ActionChange` with a status)."""
        status = change.status
        if status is None:
            raise ValueError(f"{change} needs a value: a new date or owner")
        return self.set_action_status(action_id, status)

    def set_action_status(self, action_id: str, status: ActionStatus) -> ActionItem:
        from checkin.core import transitions

        action = self.store.actions.get(action_id)
        changed = transitions.change_action_status(action, status, self.today())
        return self.store.actions.save(changed)
