"""Demo accounts that need attention: a 48-hour breach, a slipping project, unhappy feedback."""

from __future__ import annotations

from checkin.core.enums import (
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
from checkin.services.seeder import Item, Seeder

K = ItemKind
Role = StakeholderRole
S = Severity
St = IssueStatus
OURS, THEIRS = RoadmapSide.OURS, RoadmapSide.THEIRS
FROM, TO = Direction.FROM_CLIENT, Direction.TO_CLIENT


def acme(s: Seeder) -> None:
    """Acme Health: a critical issue nobody acknowledged in 61 hours, another without a plan."""
    s.new_account(
        "Acme Health",
        "acme",
        tier=Tier.STRATEGIC,
        cadence=14,
        phase=Phase.ESCALATION,
        owner="Chris Moreno",
        culture=(
            "Clinical safety comes first: anything touching patient data is escalated to the "
            "CMIO the same day. Decisions are made in the Thursday steering call."
        ),
        dos="Bring numbers (affected tenants, records, hours).\nConfirm every promise in writing.",
        donts="Don't promise dates engineering has not confirmed.\nDon't use first names with "
        "the board.",
        renewal_in=210,
        contract_value=380_000,
        seats=1200,
    )
    elena = s.contact(
        "Dr. Elena Vasquez",
        "Chief Medical Information Officer",
        "elena.vasquez@acmehealth.example",
        focal=True,
        stakeholder=Role.DECISION_MAKER,
    )
    raj = s.contact(
        "Raj Patel", "IT Director", "raj.patel@acmehealth.example", stakeholder=Role.CHAMPION
    )
    chris = s.contact(
        "Chris Moreno",
        "Account Director",
        "chris.moreno@checkin.example",
        side=Side.OURS,
        focal=True,
    )
    priya = s.contact(
        "Priya Natarajan", "Support Lead", "priya.natarajan@checkin.example", side=Side.OURS
    )
    sync = s.issue(
        "Patient sync fails for EU tenants since the 8.4 upgrade",
        S.CRITICAL,
        St.NEW,
        opened_h=61,
        owner="Priya Natarajan",
        labels=("sync", "eu", "8.4"),
        body="Since the upgrade on Thursday night, the nightly patient sync stops with HTTP 502 "
        "for the three EU tenants (Madrid, Lyon, Porto). Clinics work from yesterday's lists.",
        source="jira",
        external_id="SUP-4812",
        url="https://jira.acmehealth.example/browse/SUP-4812",
    )
    s.issue(
        "Lab results arrive out of order in the clinician inbox",
        S.HIGH,
        St.ACKNOWLEDGED,
        opened_h=80,
        ack_h=74,
        owner="Priya Natarajan",
        labels=("inbox",),
        body="Results with the same timestamp are sorted by arrival, so a corrected result can "
        "appear above the original.",
    )
    audit = s.issue(
        "Audit log export is missing timezone offsets",
        S.MEDIUM,
        St.IN_PROGRESS,
        opened_h=24 * 12,
        ack_h=24 * 12 - 6,
        plan_h=24 * 11,
        due_in=5,
        owner="Priya Natarajan",
        labels=("audit", "export"),
    )
    s.issue(
        "Typo on the consent screen (“recieve”)",
        S.LOW,
        St.NEW,
        opened_h=20,
        labels=("ui",),
    )
    alerts = s.issue(
        "Nightly backup alerts flood the on-call channel",
        S.MEDIUM,
        St.RESOLVED,
        opened_h=24 * 20,
        ack_h=24 * 20 - 3,
        plan_h=24 * 19,
        resolved_h=24 * 5,
        owner="Priya Natarajan",
    )
    s.milestone(
        OURS,
        "Release 8.5 with the sync fix",
        RoadmapStatus.IN_PROGRESS,
        target_in=14,
        fixes=(sync,),
    )
    s.milestone(
        THEIRS,
        "EU clinics rollout (Porto, Lyon)",
        RoadmapStatus.AT_RISK,
        target_in=24,
        notes="Blocked until the EU sync works again.",
    )
    s.milestone(OURS, "Audit export v2", RoadmapStatus.PLANNED, target_in=40)
    first = s.meeting(
        "monthly",
        days_ago=27,
        length=30,
        overran=4,
        attendees=[elena, raj, chris],
        items=[
            Item(
                K.ISSUE,
                alerts.title,
                10,
                720,
                notes="On-call gets ~40 alerts a night. We "
                "will group them by job and page only on failure.",
                source=alerts,
            ),
            Item(
                K.ROADMAP,
                "Release 8.4 (upgrade window Thursday night)",
                8,
                540,
                notes="Raj approved the window; clinics informed by Elena's team.",
            ),
            Item(
                K.STANDING,
                "What could we have done better?",
                5,
                360,
                notes="Elena: status emails during incidents came too late.",
            ),
        ],
        decisions=["Upgrade to 8.4 on Thursday night", "Incident status emails every 2 hours"],
        rating=4,
        next_in=14,
    )
    last = s.meeting(
        "monthly",
        days_ago=13,
        length=30,
        overran=-2,
        attendees=[elena, raj, chris, priya],
        items=[
            Item(
                K.ISSUE,
                audit.title,
                10,
                600,
                notes="Priya reproduced it; fix planned for "
                "8.5. Raj will validate with their auditors.",
                source=audit,
            ),
            Item(
                K.FOLLOW_UP,
                f"{alerts.title}: did that work for you?",
                5,
                0,
                notes="",
                source=alerts,
                reason="resolved: did the fix work for you?",
            ),
            Item(K.ROADMAP, "EU clinics rollout", 8, 420, notes="Porto first, then Lyon."),
            Item(
                K.STANDING,
                "What could we have done better?",
                5,
                240,
                notes="Raj: release notes could list the database changes.",
            ),
        ],
        decisions=["Porto goes live before Lyon"],
        rating=3,
        next_in=14,
    )
    s.action("Send the root-cause analysis of the alert flood", None, due_in=-1, meeting=first)
    s.action("Validate the audit export fix with the auditors", raj, due_in=6, meeting=last)
    s.action(  # the re-sync per tenant waits on it: one topic with the outage
        "Share the list of EU tenants and clinic hours", raj, due_in=2, meeting=last, issue=sync
    )
    s.action("Add database changes to the 8.5 release notes", priya, due_in=10, meeting=last)
    s.action(
        "Send the incident timeline template", None, due_in=None, meeting=first, done_days_ago=20
    )
    s.feedback(
        FROM,
        -1,
        "Support",
        "Response times slipped since the 8.4 upgrade; we heard "
        "about the sync failure from our clinics, not from you.",
        days_ago=2,
    )
    s.feedback(
        FROM,
        1,
        "Incidents",
        "The two-hourly status emails helped during the outage.",
        days_ago=20,
        addressed_days_ago=13,
        meeting=first,
    )
    s.feedback(
        TO,
        0,
        "Access",
        "Test tenants were shared a week late; it delayed the audit fix.",
        days_ago=13,
        meeting=last,
    )


def helios(s: Seeder) -> None:
    """Helios Energy: a migration project; both sides' milestones slipped; weekly syncs."""
    s.new_account(
        "Helios Energy",
        "helios",
        tier=Tier.STRATEGIC,
        cadence=7,
        phase=Phase.PROJECT,
        owner="Sam Reyes",
        culture=(
            "Engineering-led utility; Grace runs the programme with a weekly RAID log. They "
            "like plain facts and dislike surprises in front of their steering committee."
        ),
        dos="Send the agenda the day before.\nUpdate the RAID log items you own before the call.",
        donts="Don't present slides in the weekly sync: walk the agenda.",
        since_days=200,
        renewal_in=320,
        contract_value=520_000,
        seats=2400,
    )
    grace = s.contact(
        "Grace Okafor",
        "Programme Director",
        "grace.okafor@helios-energy.example",
        focal=True,
        stakeholder=Role.DECISION_MAKER,
    )
    henrik = s.contact(
        "Henrik Larsen", "Grid Operations Lead", "henrik.larsen@helios-energy.example"
    )
    sam = s.contact(
        "Sam Reyes", "Account Manager", "sam.reyes@checkin.example", side=Side.OURS, focal=True
    )
    leo = s.contact(
        "Leo Martins", "Implementation Lead", "leo.martins@checkin.example", side=Side.OURS
    )
    forecast = s.issue(
        "Load forecast accuracy drops on public holidays",
        S.HIGH,
        St.IN_PROGRESS,
        opened_h=24 * 16,
        ack_h=24 * 16 - 4,
        plan_h=24 * 15,
        due_in=8,
        owner="Leo Martins",
        labels=("forecast",),
    )
    meters = s.issue(
        "Meter import rejects ISO week dates (2026-W47)",
        S.MEDIUM,
        St.PLANNED,
        opened_h=24 * 6,
        ack_h=24 * 6 - 2,
        plan_h=24 * 5,
        owner="Leo Martins",
        source="github",
        external_id="helios-energy/grid-integration#231",
        url="https://github.com/helios-energy/grid-integration/issues/231",
    )
    s.issue(
        "Migration wave 2 needs a read-only window on the historian",
        S.MEDIUM,
        St.WAITING_ON_CLIENT,
        opened_h=24 * 9,
        ack_h=24 * 9 - 1,
        plan_h=24 * 8,
        owner="Leo Martins",
    )
    eu = s.milestone(
        THEIRS,
        "EU rollout",
        RoadmapStatus.SLIPPED,
        target_in=23,
        original_in=-21,
        notes="Moved after the regulator asked for a second security review.",
    )
    scada = s.milestone(
        OURS,
        "SCADA connector GA",
        RoadmapStatus.SLIPPED,
        target_in=21,
        original_in=-9,
        notes="Certification lab found two issues with reconnect handling.",
    )
    s.milestone(OURS, "Forecast API v2", RoadmapStatus.AT_RISK, target_in=6)
    s.milestone(THEIRS, "Data migration wave 2", RoadmapStatus.IN_PROGRESS, target_in=12)
    s.milestone(OURS, "Grid dashboard", RoadmapStatus.SHIPPED, target_in=-4)
    sync_items = [
        Item(
            K.ROADMAP,
            "SCADA connector GA",
            10,
            660,
            source=scada,
            notes="Lab certification booked; reconnect handling still flaky.",
        ),
        Item(
            K.ISSUE,
            forecast.title,
            8,
            480,
            source=forecast,
            notes="Holiday calendar missing for NO and DK regions.",
        ),
        Item(K.STANDING, "Risks and blockers (RAID log)", 5, 300),
    ]
    s.meeting(
        "weekly",
        days_ago=21,
        length=30,
        overran=3,
        attendees=[grace, henrik, sam, leo],
        items=sync_items,
        decisions=["Add the Nordic holiday calendars to the model"],
        rating=4,
        next_in=7,
    )
    mid = s.meeting(
        "weekly",
        days_ago=14,
        length=30,
        overran=6,
        attendees=[grace, henrik, sam, leo],
        items=[
            Item(
                K.ROADMAP,
                "SCADA connector GA: slipped",
                10,
                780,
                source=scada,
                notes="GA moves three weeks; Leo to send the revised test plan.",
            ),
            Item(
                K.ROADMAP,
                "EU rollout",
                10,
                720,
                source=eu,
                notes="Regulator wants a second security review; date moves to mid-December.",
            ),
            Item(
                K.STANDING,
                "What could we have done better?",
                5,
                240,
                notes="Grace: tell us about slips the day we know, not at the weekly.",
            ),
        ],
        decisions=["Slips are announced by email the day they are known"],
        rating=4,
        next_in=7,
    )
    last = s.meeting(
        "weekly",
        days_ago=7,
        length=30,
        overran=9,
        attendees=[grace, sam, leo],
        items=[
            Item(
                K.ISSUE,
                forecast.title,
                10,
                900,
                source=forecast,
                notes="Fix in test; accuracy back to 96% on last year's holidays.",
            ),
            Item(
                K.ISSUE,
                meters.title,
                5,
                0,
                source=meters,
                status=ItemStatus.DEFERRED,
                notes="Henrik was out; defer to next week.",
            ),
            Item(
                K.CUSTOM,
                "Staffing for the connector hardening sprint",
                5,
                0,
                status=ItemStatus.PENDING,
            ),
            Item(
                K.STANDING,
                "Risks and blockers (RAID log)",
                5,
                480,
                notes="New risk: historian read-only window not yet approved.",
            ),
        ],
        decisions=["Forecast fix ships with Forecast API v2"],
        rating=3,
        next_in=7,
    )
    s.action("Send the revised migration plan for wave 2", grace, due_in=-3, meeting=mid)
    s.action("Send the revised connector test plan", leo, due_in=-8, meeting=mid, done_days_ago=9)
    s.action("Staff the connector hardening sprint", None, due_in=2, meeting=last)
    s.action("Approve the historian read-only window", henrik, due_in=1, meeting=last)
    s.feedback(
        FROM,
        1,
        "Cadence",
        "The weekly syncs keep everyone aligned.",
        days_ago=14,
        addressed_days_ago=14,
        meeting=mid,
    )
    s.feedback(
        FROM,
        -1,
        "Communication",
        "We learned about the connector slip in the weekly instead of the day you knew.",
        days_ago=14,
        meeting=mid,
    )


def cobalt(s: Seeder) -> None:
    """Cobalt Retail Group: unhappy about release communication; nobody has answered it."""
    s.new_account(
        "Cobalt Retail Group",
        "cobalt",
        tier=Tier.GROWTH,
        cadence=30,
        owner="Jordan Kim",
        culture=(
            "Fast-moving retailer; store operations run on a tight weekly rhythm and everything "
            "freezes from late November to early January."
        ),
        dos="Lead with the impact on stores.\nKeep calls to 30 minutes.",
        donts="Don't schedule anything during the holiday freeze without asking Nina.",
        since_days=500,
        renewal_in=150,
        contract_value=96_000,
        seats=300,
    )
    nina = s.contact(
        "Nina Alvarez",
        "Director of E-commerce",
        "nina.alvarez@cobalt-retail.example",
        focal=True,
        stakeholder=Role.CHAMPION,
    )
    ben = s.contact("Ben Carter", "Merchandising Manager", "ben.carter@cobalt-retail.example")
    jordan = s.contact(
        "Jordan Kim",
        "Customer Success Manager",
        "jordan.kim@checkin.example",
        side=Side.OURS,
        focal=True,
    )
    s.issue(
        "Promo prices are not applied to bundles",
        S.HIGH,
        St.IN_PROGRESS,
        opened_h=24 * 8,
        ack_h=24 * 8 - 5,
        plan_h=24 * 7,
        due_in=3,
        owner="Jordan Kim",
        source="zendesk",
        external_id="88213",
        labels=("pricing",),
    )
    s.issue(
        "Search ranks out-of-stock items first",
        S.MEDIUM,
        St.NEW,
        opened_h=30,
        labels=("search",),
    )
    s.milestone(
        OURS, "Release notes three days before each release", RoadmapStatus.PLANNED, target_in=10
    )
    s.milestone(THEIRS, "Holiday sale code freeze", RoadmapStatus.PLANNED, target_in=5)
    s.milestone(OURS, "Bundle pricing rules", RoadmapStatus.IN_PROGRESS, target_in=18)
    s.meeting(
        "monthly",
        days_ago=55,
        length=30,
        overran=0,
        attendees=[nina, ben, jordan],
        items=[
            Item(K.ROADMAP, "Holiday readiness", 15, 900, notes="Freeze dates agreed."),
            Item(K.STANDING, "What could we have done better?", 5, 300, notes="Nothing raised."),
        ],
        decisions=["Code freeze from Nov 30 to Jan 5"],
        rating=4,
        next_in=30,
    )
    last = s.meeting(
        "monthly",
        days_ago=25,
        length=30,
        overran=5,
        attendees=[nina, jordan],
        items=[
            Item(
                K.ISSUE,
                "Checkout slow during the flash sale",
                15,
                1200,
                notes="Caused by a missing index; fixed the same night.",
            ),
            Item(
                K.STANDING,
                "What could we have done better?",
                5,
                420,
                notes="Nina was unhappy: stores learned about the new checkout from customers.",
            ),
        ],
        rating=2,
        next_in=30,
    )
    s.action("Send the December release notes draft", None, due_in=3, meeting=last)
    s.action(
        "Share the flash-sale incident report", None, due_in=-18, meeting=last, done_days_ago=20
    )
    s.action("Nominate two store managers for the beta group", nina, due_in=-4, meeting=last)
    s.feedback(
        FROM,
        -2,
        "Release communication",
        "Release notes arrive after the release; our store teams are caught off guard every time.",
        days_ago=9,
    )
    s.feedback(FROM, -1, "Support", "Support replies are polite but slow on weekends.", days_ago=20)
    s.feedback(
        TO,
        0,
        "Access",
        "Test accounts for the bundle fix were shared late.",
        days_ago=25,
        addressed_days_ago=24,
        meeting=last,
    )
