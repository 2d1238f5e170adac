"""Agenda templates: the Markdown syntax of agendas/README.md and errors naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkin.core.agenda import GENERATED_KINDS, StandingItem
from checkin.core.enums import ItemKind
from checkin.markdown.template import TemplateError, parse_template

AGENDAS = Path(__file__).parents[2] / "agendas"
GOOD = """\
---
title: Monthly check-in
minutes: 45
description: The default.
timing:
  issue.critical: 12
  action: 2
---

# Ignored when the front matter has a title

## Open issues

Takes: issues, follow-up

## Wrap-up

Takes: feedback, Relationship

A note for the template's readers.

- What **could** we have done `better`? (5 min)
- Risks and blockers (RAID log) (3 minutes)
- Next steps
"""


def parse(text: str) -> object:
    return parse_template(text, name="mine", source="/cfg/agendas/mine.md")


def error(text: str) -> str:
    with pytest.raises(TemplateError) as caught:
        parse(text)
    assert caught.value.exit_code == 65
    return str(caught.value)


def test_a_complete_template() -> None:
    template = parse_template(GOOD, name="mine", source="mine.md")
    assert (template.name, template.title, template.minutes) == ("mine", "Monthly check-in", 45)
    assert template.description == "The default."
    assert template.item_minutes == {"issue.critical": 12, "action": 2}
    issues, wrap = template.sections
    assert (issues.title, issues.kinds) == ("Open issues", (ItemKind.ISSUE, ItemKind.FOLLOW_UP))
    assert wrap.kinds == (ItemKind.FEEDBACK, ItemKind.RELATIONSHIP)
    assert wrap.standing == (
        StandingItem(
            key="standing:what-could-we-have-done-better",
            title="What could we have done better?",
            minutes=5,
        ),
        StandingItem(
            key="standing:risks-and-blockers-raid-log",
            title="Risks and blockers (RAID log)",
            minutes=3,
        ),
        StandingItem(key="standing:next-steps", title="Next steps", minutes=5),
    )
    assert template.section_for(ItemKind.RELATIONSHIP) == "Wrap-up"
    assert template.section_for(ItemKind.ACTION) is None


def test_without_front_matter_the_heading_and_defaults_apply() -> None:
    template = parse_template("# Sync\n\nShort.\n\n## Issues\n\nTakes: issue\n", name="sync")
    assert (template.title, template.minutes, template.description) == ("Sync", 30, "Short.")
    bare = parse_template("## Issues\n\nTakes: issue\n", name="project-sync")
    assert bare.title == "Project sync"


@pytest.mark.parametrize("path", sorted(AGENDAS.glob("*.md")), ids=lambda p: p.stem)
def test_shipped_templates_parse(path: Path) -> None:
    if path.stem == "README":
        pytest.skip("the syntax documentation, not a template")
    template = parse_template(path.read_text(), name=path.stem, source=str(path))
    taken = {kind for section in template.sections for kind in section.kinds}
    assert taken == set(GENERATED_KINDS), "every kind has a section in a shipped template"
    assert any("better" in item.title for item in template.standing)
    assert sum(item.minutes for item in template.standing) <= template.minutes - 20


def test_the_shipped_set() -> None:
    names = {p.stem for p in AGENDAS.glob("*.md")} - {"README"}
    assert names == {"monthly", "weekly", "qbr", "escalation", "kickoff"}


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("## A\n\nTakes: issue, bogus\n", 3, "unknown item kind 'bogus'"),
        ("## A\n\nTakes: issue\n\n## B\n\nTakes: issues\n", 7, "already taken by 'A' (line 3)"),
        ("## A\n\nTakes: standing\n", 3, "standing items are the list items"),
        ("## A\n\nTakes:\n", 3, "names no kinds"),
        ("Takes: issue\n\n## A\n", 1, "belongs under a ## section"),
        ("- Hello\n\n## A\n\nTakes: issue\n", 1, "belong under a ## section"),
        ("## A\n\n- Hello\n  - nested\n", 4, "cannot be nested"),
        ("## A\n\n- Hello (0 min)\n", 3, "1 to 480 minutes, not 0"),
        ("## A\n\n- Hello\n- hello\n", 4, "repeats the standing item of line 3"),
        ("## A\n\n-\n", 3, "needs a title"),
        ("## A\n\nTakes: issue\n\n### Deeper\n", 5, "use '## ' for sections"),
        ("## A\n\nTakes: issue\n\n## a\n\nTakes: action\n", 5, "already defined on line 1"),
        ("## A\n\n```\ncode\n```\n", 3, "a code block is not part"),
        ("## A\n\n> quote\n", 3, "a quote is not part"),
        ("## A\n\nTakes: issue\n\n# Late title\n", 5, "only one '# ' title"),
        ("## A\n\nJust prose.\n", 1, "neither a 'Takes:' line nor standing items"),
        ("---\ntitle: x\n\n## A\n\nTakes: issue\n", 1, "front matter is not closed"),
        ("---\ncolour: blue\n---\n## A\n\nTakes: issue\n", 2, "unknown front matter key 'colour'"),
        ("---\nminutes: lots\n---\n## A\n\nTakes: issue\n", 2, "whole number from 5 to 480"),
        ("---\ntiming:\n  issue.urgent: 3\n---\n## A\n\nTakes: issue\n", 3, "unknown timing key"),
        ("---\ntiming: 3\n---\n## A\n\nTakes: issue\n", 2, "on the lines below 'timing:'"),
        ("---\n  title: x\n---\n## A\n\nTakes: issue\n", 2, "only the entries of 'timing:'"),
        ("---\ntitle: a\ntitle: b\n---\n## A\n\nTakes: issue\n", 3, "given twice"),
        ("---\njust words\n---\n## A\n\nTakes: issue\n", 2, "expected 'key: value'"),
    ],
)
def test_mistakes_name_the_file_and_line(text: str, line: int, message: str) -> None:
    found = error(text)
    assert found.startswith(f"agenda template /cfg/agendas/mine.md, line {line}: "), found
    assert message in found


def test_file_level_mistakes_name_the_file() -> None:
    assert error("Just prose.\n") == (
        "agenda template /cfg/agendas/mine.md: no sections: start each one with a '## ' heading"
    )
    too_long = "---\nminutes: 10\n---\n## A\n\n- One (6 min)\n- Two (6 min)\n"
    assert "the standing items need 12 min, more than the 10 min meeting" in error(too_long)


def test_html_comments_and_notes_are_allowed() -> None:
    text = "<!-- internal note -->\n\n## A\n\nTakes: issue\n\nSome words for readers.\n"
    assert parse(text).sections[0].kinds == (ItemKind.ISSUE,)  # type: ignore[attr-defined]


def test_markup_in_titles_is_plain_text() -> None:
    template = parse_template("## **Bold** `code`\n\n- A [link](http://x) (2 min)\n", name="m")
    assert template.sections[0].title == "Bold code"
    assert template.standing[0].title == "A link"


def test_the_example_of_the_syntax_documentation_parses() -> None:
    readme = (AGENDAS / "README.md").read_text()
    example = readme.split("```markdown\n", 1)[1].split("```\n", 1)[0]
    template = parse_template(example, name="monthly")
    assert [s.title for s in template.sections] == [
        "Open issues",
        "Action items",
        "Feedback and relationship",
    ]
    assert template.item_minutes == {"issue.critical": 12, "action": 2}
