"""Markdown to a small, self-contained HTML page; raw HTML in the source is never passed on."""

from __future__ import annotations

import html
from functools import cache

from markdown_it import MarkdownIt
from mdit_py_plugins.tasklists import tasklists_plugin

STYLE = """
body { font: 15px/1.5 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
       color: #1f2328; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; border-bottom: 1px solid #d0d7de; padding-bottom: .3rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #eaeef2; }
h3 { font-size: 1.05rem; margin-bottom: .25rem; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid #d0d7de; padding: .3rem .6rem; text-align: left;
         vertical-align: top; }
th { background: #f6f8fa; }
blockquote { margin: 0; padding: .2rem 1rem; border-left: .25rem solid #d0d7de;
             color: #59636e; }
ul.contains-task-list { list-style: none; padding-left: 1.2rem; }
code { background: #f6f8fa; padding: 0 .2rem; border-radius: 3px; }
@media print { body { margin: 0; max-width: none; } }
""".strip()


@cache
def parser() -> MarkdownIt:
    """CommonMark with GFM tables, strikethrough and task lists; raw HTML shown as text."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False})
    md.enable(["table", "strikethrough"])
    md.use(tasklists_plugin, enabled=False)
    return md


def render_body(markdown: str) -> str:
    """The HTML of ``markdown`` alone (no page around it)."""
    return str(parser().render(markdown))


def render_page(markdown: str, title: str) -> str:
    """A complete HTML page with ``title`` and minimal inline CSS; safe to email or archive."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="checkin">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>\n{STYLE}\n</style>\n</head>\n<body>\n<main>\n"
        f"{render_body(markdown)}</main>\n</body>\n</html>\n"
    )
