"""Escaping user text for GFM: whatever a note holds, it comes back as the same literal text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from checkin.markdown.escape import block, cell, heading, inline, lines, safe_url
from tests.sharing_data import HOSTILE

PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
# Characters that mean something in Markdown or HTML, plus plain ones around them.
SPECIAL = [*"\\`*_[]()<>#|~!&;:-+=.){}$@^%\"'/ ", "1", "a", "Z", "é", "\t", "\n"]
PIECES = ["&amp;", "&#124;", "```", "1. ", "- ", "<b>", "</b>", "[x](y)", "    ", "\\|", "## "]
hostile_text = st.lists(st.sampled_from(SPECIAL + PIECES), max_size=30).map("".join) | st.text(
    max_size=30
)


def inline_children(source: str) -> list[Token]:
    """The inline tokens of a document that must be a single paragraph."""
    tokens = PARSER.parse(source)
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"], source
    return tokens[1].children or []


def literal_text(children: list[Token]) -> str:
    """The text of inline tokens that may only be text and line breaks."""
    kinds = {c.type for c in children}
    assert kinds <= {"text", "softbreak", "hardbreak"}, kinds
    return "".join("\n" if c.type.endswith("break") else c.content for c in children)


def one_line(text: str) -> str:
    from checkin.core.text import clean_text

    return " ".join(clean_text(text).split())


@given(hostile_text)
@settings(max_examples=400, deadline=None)
def test_inline_text_comes_back_literally(text: str) -> None:
    expected = one_line(text)
    if not expected:
        assert inline(text) == ""
        return
    assert literal_text(inline_children(inline(text))) == expected


@given(hostile_text)
@settings(max_examples=300, deadline=None)
def test_inline_text_stays_literal_inside_bold_and_after_a_list_marker(text: str) -> None:
    expected = one_line(text)
    tokens = PARSER.parse(f"- **Label:** {inline(text)}\n- second\n")
    assert [t.type for t in tokens].count("list_item_open") == 2
    content = tokens[3]  # bullet_list_open, list_item_open, paragraph_open, inline
    children = [c for c in content.children or [] if c.type != "text" or c.content]
    assert [c.type for c in children[:3]] == ["strong_open", "text", "strong_close"]
    assert literal_text(children[3:]).strip() == expected


@given(hostile_text, hostile_text)
@settings(max_examples=300, deadline=None)
def test_a_table_keeps_its_columns(left: str, right: str) -> None:
    source = f"| A | B |\n| --- | --- |\n| {cell(left)} | {cell(right)} |\n"
    tokens = PARSER.parse(source)
    cells = [t for t in tokens if t.type == "inline"]
    assert len(cells) == 4
    assert literal_text(cells[2].children or []) == (one_line(left) or "—")
    assert literal_text(cells[3].children or []) == (one_line(right) or "—")


@given(hostile_text)
@settings(max_examples=300, deadline=None)
def test_a_heading_keeps_its_text(text: str) -> None:
    expected = one_line(text)
    tokens = PARSER.parse(f"### {heading(text)}\n")
    assert tokens[0].type == "heading_open" and tokens[0].tag == "h3"
    assert len(tokens) == 3
    assert literal_text(tokens[1].children or []) == expected


@given(st.lists(hostile_text, min_size=1, max_size=4))
@settings(max_examples=200, deadline=None)
def test_multi_line_text_stays_inside_its_list_item(paragraphs: list[str]) -> None:
    text = "\n".join(paragraphs)
    source = f"- first: {block(text, 2)}\n- second\n"
    tokens = PARSER.parse(source)
    assert [t.type for t in tokens].count("list_item_open") == 2
    assert [t.type for t in tokens].count("bullet_list_open") == 1
    allowed = {"bullet_list_open", "bullet_list_close", "list_item_open", "list_item_close",
               "paragraph_open", "paragraph_close", "inline"}  # fmt: skip
    assert {t.type for t in tokens} <= allowed


def test_the_hostile_note_is_one_paragraph_per_blank_line() -> None:
    tokens = PARSER.parse(block(HOSTILE))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"] * 2
    first = literal_text(tokens[1].children or [])
    assert (
        first.splitlines()[1] == "<script>alert('x')</script> and <b>x</b>, [bold]x[/] and "
        "[a link](https://evil.example)"
    )
    assert "    not code either" not in first  # indentation is dropped: never a code block


def test_plain_text_reads_as_typed() -> None:
    """Escape only what matters: the raw Markdown still reads well in an email."""
    assert inline("Q&A on user_id, 3.5% (not 4) - done!") == "Q&A on user_id, 3.5% (not 4) - done!"
    assert inline("C# and F#: #42") == "C# and F#: #42"
    assert heading("Issue #2 #") == "Issue \\#2 \\#"
    assert inline("1. first") == "1\\. first"
    assert inline("- item") == "\\- item"


def test_lines_use_hard_breaks_and_blank_lines() -> None:
    assert lines("one\ntwo\n\n\nthree\n") == ["one\\", "two", "", "three"]
    assert block("one\n\ntwo", 2) == "one\n\n  two"
    assert lines("\n \n") == []


def test_only_plain_web_urls_become_links() -> None:
    assert safe_url("https://jira.example/browse/SUP-1") == "https://jira.example/browse/SUP-1"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("https://x.example/a b") is None
    assert safe_url("https://x.example/<script>") is None
    assert safe_url("https://x.example/a|b") is None
