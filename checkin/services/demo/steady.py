"""Demo accounts in calmer waters: a healthy one, one past cadence, a new one, a bank's QBR."""

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


def northwind(s: Seeder) -> None:
    """Northwind Logistics: on cadence, answers within hours, a happy client."""
    s.new_account(
        "Northwind Logistics",
        "northwind",
        tier=Tier.GROWTH,
        cadence=30,
        owner="Sam Reyes",
        culture=(
            "Family-owned logistics group, proud of its drivers. Dana decides; Marcus makes it "
            "work. They value punctuality and a short written recap after every call."
        ),
        dos="Start on time, end early.\nMention driver safety when it is relevant.",
        donts="Don't upsell during incident reviews.",
        renewal_in=140,
        contract_value=120_000,
        seats=450,
    )
    dana = s.contact(
        "Dana Whitfield",
        "VP Operations",
        "dana.whitfield@northwind.example",
        focal=True,
        stakeholder=Role.DECISION_MAKER,
    )
    marcus = s.contact(
        "Marcus Lee", "IT Lead", "marcus.lee@northwind.example", stakeholder=Role.CHAMPION
    )
    sam = s.contact(
        "Sam Reyes", "Account Manager", "sam.reyes@checkin.example", side=Side.OURS, focal=True
    )
    s.contact(
        "Priya Natarajan", "Solutions Engineer", "priya.natarajan@checkin.example", side=Side.OURS
    )
    optimizer = s.issue(
        "Route optimizer times out on plans with 500+ stops",
        S.HIGH,
        St.IN_PROGRESS,
        opened_h=24 * 9,
        ack_h=24 * 9 - 5,
        plan_h=24 * 8,
        due_in=6,
        owner="Priya Natarajan",
        labels=("optimizer",),
    )
    s.issue(
        "CSV export uses US date format for UK depots",
        S.LOW,
        St.PLANNED,
        opened_h=24 * 15,
        ack_h=24 * 15 - 20,
        plan_h=24 * 14,
        labels=("export",),
    )
    webhooks = s.issue(
        "Webhook retries deliver duplicate shipment events",
        S.MEDIUM,
        St.RESOLVED,
        opened_h=24 * 25,
        ack_h=24 * 25 - 2,
        plan_h=24 * 24,
        resolved_h=24 * 6,
        owner="Priya Natarajan",
        source="github",
        external_id="412",
        url="https://github.com/northwind/integrations/issues/412",
    )
    camera = s.issue(
        "Driver app crashes when the camera opens on Android 15",
        S.HIGH,
        St.RESOLVED,
        opened_h=24 * 40,
        ack_h=24 * 40 - 1,
        plan_h=24 * 39,
        resolved_h=24 * 33,
        verified_h=24 * 12,
    )
    s.milestone(OURS, "Route optimizer v3 (beta)", RoadmapStatus.IN_PROGRESS, target_in=20)
    s.milestone(THEIRS, "Warehouse 4 go-live (Leeds)", RoadmapStatus.PLANNED, target_in=40)
    s.milestone(OURS, "Carbon report per route", RoadmapStatus.SHIPPED, target_in=-10)
    s.milestone(THEIRS, "Electric van pilot", RoadmapStatus.PLANNED, target_in=75)
    s.meeting(
        "monthly",
        days_ago=72,
        length=30,
        overran=-3,
        attendees=[dana, marcus, sam],
        items=[
            Item(
                K.ISSUE,
                camera.title,
                10,
                540,
                source=camera,
                notes="Crash reproduced on Pixel 8; fix in the 6.2 app release.",
            ),
            Item(K.ROADMAP, "Carbon report per route", 8, 420, notes="Dana wants it by depot."),
            Item(K.STANDING, "What could we have done better?", 5, 180, notes="Nothing."),
        ],
        decisions=["Carbon report grouped by depot"],
        rating=4,
        next_in=30,
    )
    second = s.meeting(
        "monthly",
        days_ago=42,
        length=30,
        overran=0,
        attendees=[dana, marcus, sam],
        items=[
            Item(
                K.ISSUE,
                webhooks.title,
                10,
                600,
                source=webhooks,
                notes="Idempotency keys agreed; Marcus to update their consumer.",
            ),
            Item(
                K.FOLLOW_UP,
                f"{camera.title}: did that work for you?",
                3,
                120,
                source=camera,
                notes="Marcus: no crashes since 6.2.",
            ),
            Item(
                K.STANDING,
                "What could we have done better?",
                5,
                300,
                notes="Dana: a heads-up before app releases would help the depots.",
            ),
        ],
        decisions=["App releases announced one week ahead"],
        rating=5,
        next_in=30,
    )
    last = s.meeting(
        "monthly",
        days_ago=12,
        length=30,
        overran=-4,
        attendees=[dana, marcus, sam],
        items=[
            Item(
                K.ISSUE,
                optimizer.title,
                10,
                540,
                source=optimizer,
                notes="Priya splits large plans; fix planned for the v3 beta.",
            ),
            Item(
                K.ROADMAP,
                "Route optimizer v3 (beta)",
                8,
                480,
                notes="Northwind joins the beta with two depots.",
            ),
            Item(K.FEEDBACK, "Thank you: Leeds depot onboarding", 2, 120),
            Item(K.STANDING, "What could we have done better?", 5, 240, notes="Nothing raised."),
        ],
        decisions=["Northwind joins the v3 beta with Leeds and York"],
        rating=5,
        next_in=30,
    )
    s.action("Send the v3 beta invitation list", dana, due_in=5, meeting=last)
    s.action("Share load-test results for 800-stop plans", None, due_in=8, meeting=last)
    s.action(
        "Update the webhook consumer to use idempotency keys",
        marcus,
        due_in=-30,
        meeting=second,
        done_days_ago=30,
    )
    s.feedback(
        FROM,
        2,
        "Onboarding",
        "Onboarding of the Leeds depot went smoothly; drivers were productive on day one.",
        days_ago=14,
    )
    s.feedback(
        TO,
        1,
        "Collaboration",
        "Marcus's test data made the webhook fix quick.",
        days_ago=42,
        meeting=second,
    )


def bluefin(s: Seeder) -> None:
    """Bluefin Insurance: nobody has called them in 47 days; their sample files never came."""
    s.new_account(
        "Bluefin Insurance",
        "bluefin",
        tier=Tier.STANDARD,
        cadence=30,
        owner="Jordan Kim",
        culture="Conservative, process-driven insurer. Everything goes through a change ticket.",
        dos="Reference their change-ticket numbers.",
        donts="Don't call Olivia on Mondays (claims backlog day).",
        meeting_time="10:00",
        avoid_days="mon",
        since_days=700,
        renewal_in=62,
        contract_value=48_000,
        seats=120,
    )
    olivia = s.contact(
        "Olivia Grant",
        "Head of Claims Operations",
        "olivia.grant@bluefin.example",
        focal=True,
        stakeholder=Role.CHAMPION,
    )
    tom = s.contact(
        "Tom Becker", "Claims Analyst", "tom.becker@bluefin.example", stakeholder=Role.USER
    )
    jordan = s.contact(
        "Jordan Kim",
        "Customer Success Manager",
        "jordan.kim@checkin.example",
        side=Side.OURS,
        focal=True,
    )
    pdfs = s.issue(
        "Claim PDFs render a blank second page",
        S.MEDIUM,
        St.WAITING_ON_CLIENT,
        opened_h=24 * 50,
        ack_h=24 * 50 - 4,
        plan_h=24 * 49,
        labels=("pdf",),
        body="Needs sample files from Bluefin to reproduce.",
    )
    s.issue(
        "SSO login loops for users with a + in their email",
        S.HIGH,
        St.PLANNED,
        opened_h=24 * 20,
        ack_h=24 * 20 - 10,
        plan_h=24 * 19,
        due_in=4,
        owner="Priya Natarajan",
        labels=("sso",),
    )
    s.milestone(THEIRS, "Claims portal redesign", RoadmapStatus.IN_PROGRESS, target_in=25)
    s.milestone(OURS, "Bulk PDF export", RoadmapStatus.PLANNED, target_in=50)
    s.meeting(
        "monthly",
        days_ago=80,
        length=30,
        overran=2,
        attendees=[olivia, tom, jordan],
        items=[
            Item(K.ROADMAP, "Claims portal redesign", 15, 960, notes="Tom shares mock-ups."),
            Item(K.STANDING, "What could we have done better?", 5, 240, notes="Nothing raised."),
        ],
        rating=4,
        next_in=30,
    )
    last = s.meeting(
        "monthly",
        days_ago=47,
        length=30,
        overran=-5,
        attendees=[olivia, jordan],
        items=[
            Item(
                K.ISSUE,
                pdfs.title,
                10,
                480,
                source=pdfs,
                notes="Cannot reproduce; Olivia will send three failing claims.",
            ),
            Item(
                K.STANDING,
                "What could we have done better?",
                5,
                180,
                notes="Olivia: we lost track of who our contact is after the reorg.",
            ),
        ],
        rating=3,
        next_in=30,
    )
    s.action("Send three sample claim PDFs that fail", olivia, due_in=-40, meeting=last)
    s.action("Schedule the renewal conversation", None, due_in=-10, meeting=last)
    s.feedback(
        FROM,
        0,
        "Relationship",
        "Good support, but we lost track of who our contact is.",
        days_ago=47,
        meeting=last,
    )


def juniper(s: Seeder) -> None:
    """Juniper Bio: signed ten days ago; nobody is named focal contact on either side yet."""
    s.new_account(
        "Juniper Bio",
        "juniper",
        tier=Tier.GROWTH,
        cadence=14,
        phase=Phase.PROJECT,
        owner="Chris Moreno",
        culture="Young biotech, scientists first. Informal tone, quick decisions on Slack.",
        dos="Explain the why behind each onboarding step.",
        donts="Don't send long documents; a checklist works better.",
        meeting_days="tue, wed, thu",
        meeting_time="15:00",
        since_days=10,
        renewal_in=355,
        contract_value=30_000,
        seats=40,
    )
    amara = s.contact("Amara Singh", "Lab Operations Manager", "amara.singh@juniper-bio.example")
    felix = s.contact("Felix Wu", "IT Administrator", "felix.wu@juniper-bio.example")
    chris = s.contact(
        "Chris Moreno", "Account Director", "chris.moreno@checkin.example", side=Side.OURS
    )
    s.issue(
        "Sample tracking import needs a LIMS field mapping",
        S.MEDIUM,
        St.NEW,
        opened_h=20,
        labels=("onboarding",),
    )
    s.milestone(THEIRS, "Lab 2 onboarding", RoadmapStatus.PLANNED, target_in=30)
    s.milestone(OURS, "LIMS connector", RoadmapStatus.PLANNED, target_in=45)
    kickoff = s.meeting(
        "kickoff",
        days_ago=8,
        length=45,
        overran=0,
        attendees=[amara, felix, chris],
        items=[
            Item(
                K.STANDING,
                "Goals and success criteria",
                15,
                900,
                notes="Go live in Lab 1 by mid-December; sample turnaround under 24 h.",
            ),
            Item(K.STANDING, "Who is who", 10, 600, notes="Focal contacts to be confirmed."),
            Item(
                K.STANDING,
                "Ways of working and cadence",
                10,
                540,
                notes="Every two weeks, Slack for quick questions.",
            ),
        ],
        decisions=["Fortnightly check-ins during onboarding"],
        rating=5,
        next_in=14,
    )
    s.action("Send the onboarding checklist", None, due_in=1, meeting=kickoff)
    s.action("Name a focal contact for Juniper", amara, due_in=3, meeting=kickoff)


def tessera(s: Seeder) -> None:
    """Tessera Bank: strategic and stable; the quarterly business review is coming up."""
    s.new_account(
        "Tessera Bank",
        "tessera",
        tier=Tier.STRATEGIC,
        cadence=30,
        owner="Sam Reyes",
        culture=(
            "Formal, risk-aware private bank. Meetings follow a written agenda; minutes are "
            "filed with their vendor-management office."
        ),
        dos="Send the pre-read two days ahead.\nUse the bank's terms (relationship managers).",
        donts="Never share other clients' names, even as references.",
        since_days=900,
        renewal_in=200,
        contract_value=640_000,
        seats=3000,
    )
    hannah = s.contact(
        "Hannah Schulz",
        "Head of Digital Channels",
        "hannah.schulz@tesserabank.example",
        focal=True,
    )
    omar = s.contact("Omar Haddad", "Vendor Manager", "omar.haddad@tesserabank.example")
    sam = s.contact(
        "Sam Reyes", "Account Manager", "sam.reyes@checkin.example", side=Side.OURS, focal=True
    )
    s.issue(
        "Monthly statements show the wrong IBAN check digits for 12 accounts",
        S.HIGH,
        St.RESOLVED,
        opened_h=24 * 18,
        ack_h=24 * 18 - 2,
        plan_h=24 * 17,
        resolved_h=24 * 4,
        owner="Priya Natarajan",
        labels=("statements",),
    )
    s.issue(
        "Relationship manager dashboard loads slowly on Monday mornings",
        S.MEDIUM,
        St.ACKNOWLEDGED,
        opened_h=30,
        ack_h=26,
        labels=("performance",),
    )
    s.milestone(OURS, "Open banking API (PSD3 ready)", RoadmapStatus.IN_PROGRESS, target_in=60)
    s.milestone(THEIRS, "Mobile app relaunch", RoadmapStatus.PLANNED, target_in=35)
    s.milestone(OURS, "Statement redesign", RoadmapStatus.SHIPPED, target_in=-20)
    s.meeting(
        "qbr",
        days_ago=90,
        length=60,
        overran=5,
        attendees=[hannah, omar, sam],
        items=[
            Item(K.STANDING, "Quarter in review", 20, 1500, notes="Uptime 99.98%."),
            Item(K.ROADMAP, "Statement redesign", 15, 900),
            Item(
                K.STANDING,
                "What could we have done better?",
                10,
                600,
                notes="Omar: invoices should reference the PO number.",
            ),
        ],
        decisions=["Invoices reference the bank's PO number"],
        rating=4,
        next_in=30,
    )
    s.meeting(
        "monthly",
        days_ago=60,
        length=30,
        overran=0,
        attendees=[hannah, sam],
        items=[
            Item(K.ROADMAP, "Open banking API", 15, 900, notes="Hannah wants a sandbox in Q1."),
            Item(K.STANDING, "What could we have done better?", 5, 300, notes="Nothing raised."),
        ],
        rating=4,
        next_in=30,
    )
    last = s.meeting(
        "monthly",
        days_ago=28,
        length=30,
        overran=2,
        attendees=[hannah, omar, sam],
        items=[
            Item(K.ROADMAP, "Statement redesign shipped", 10, 600, notes="Well received."),
            Item(
                K.STANDING,
                "Quarterly business review planning",
                5,
                360,
                status=ItemStatus.DISCUSSED,
                notes="QBR in the first week of December.",
            ),
            Item(K.STANDING, "What could we have done better?", 5, 300, notes="Nothing raised."),
        ],
        decisions=["QBR in the first week of December"],
        rating=5,
        next_in=30,
    )
    s.action("Send the QBR pre-read", None, due_in=6, meeting=last)
    s.action("Confirm QBR attendees from the bank", omar, due_in=4, meeting=last)
    s.action("Provide an open banking sandbox timeline", None, due_in=-2, meeting=last)
    s.feedback(
        FROM,
        2,
        "Statements",
        "Relationship managers love the new statement layout.",
        days_ago=25,
        addressed_days_ago=20,
    )
    s.feedback(FROM, -1, "Billing", "Invoices still arrive without our PO number.", days_ago=6)
    # The sponsor signed the contract and has not joined a check-in since.
    s.contact(
        "Margaret Lindqvist",
        "Chief Digital Officer",
        "margaret.lindqvist@tesserabank.example",
        stakeholder=Role.EXECUTIVE_SPONSOR,
    )
