"""The importers' fast paths give what the general code gives: dates, text, wiki lines."""

from __future__ import annotations

from datetime import datetime

import pytest

from checkin.core.text import clean_text
from checkin.importers import cleaning, dates, jira_wiki


def _by_pattern(text: str) -> tuple[str, object]:
    match = dates._JIRA.match(text)
    if match is None:
        return ("no match", None)
    try:
        return ("date", dates._jira_match(text, match))
    except ValueError as error:
        return ("error", str(error))


def _fast(text: str) -> tuple[str, object] | None:
    try:
        found = dates._jira_default(text)
    except ValueError as error:
        return ("error", str(error))
    return None if found is None else ("date", found)


SAMPLES = [
    "03/Nov/26 9:14 AM",
    "3/Nov/26 9:14 PM",
    "03/nov/2026 12:00 am",
    "25/Nov/26",
    "25/Dec/2026 23:59",
    "01/Jan/26 00:00:59",
    "31/Feb/26 9:14 AM",
    "03/Nov/26 13:14 PM",
    "03/Nov/26 0:14 AM",
    "03/Nov/26 9:60 AM",
    "03/Nov/26 24:00",
    "03/Xyz/26 9:14 AM",
    "03/Sept/26 9:14 AM",
    "03/Nov./26 9:14 AM",
    "03/Nov/26  9:14 AM",
    "03/Nov/26 9:14AM",
    "03/Nov/26 9:14 A.M.",
    "03/Nov/26 9:14  AM",
    "03/Nov/26 9:14 XM",
    "03/Nov/26 9:1 AM",
    "03/Nov/26 9:14:5",
    "03/Nov/26 :14",
    "03/Nov/202 9:14",
    "03/Nov/26T9:14",
    "003/Nov/26",
    "03/November/26",
    "03/Nov/26 9",
    "03/Nov/26 9:14:00:00",
    "03/fév/26 9:14 AM",
    "٠٣/Nov/26 9:14 AM",
    "03/Nov/٢٦ 9:14 AM",
    "03 Nov 26 9:14 AM",
    "03-Nov-26 9:14 AM",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_the_fast_reading_gives_what_the_pattern_gives(text: str) -> None:
    fast = _fast(text)
    if fast is not None:
        assert fast == _by_pattern(text)


def test_the_fast_reading_covers_the_default_format() -> None:
    assert dates._jira_default("03/Nov/26 9:14 PM") == datetime(2026, 11, 3, 21, 14)
    assert dates.any_datetime("25/Nov/2026") == datetime(2026, 11, 25)


def test_jira_like_dates_read_the_same_both_ways() -> None:
    """Every combination of day, month, year, clock and meridiem spellings, right or not."""
    days = ["1", "03", "31", "30", "00", "123", "x1"]
    months = ["Nov", "nov", "NOV", "Feb", "Sept", "Nov.", "Nv", "Novem", "Mär"]
    years = ["26", "2026", "202", "28", "2024", "2x"]
    clocks = ["", " 9:14", " 12:00", " 0:05", " 13:59", " 24:00", " 9:60", " 9:14:59", " 9:1"]
    clocks += ["  9:14", " 9:14:5", " :14", " 9"]
    meridiems = ["", " AM", " pm", " Pm", "AM", "  AM", " A.M.", " XM"]
    checked = 0
    for day in days:
        for month in months:
            for year in years:
                for clock in clocks:
                    for meridiem in meridiems:
                        text = f"{day}/{month}/{year}{clock}{meridiem if clock else ''}"
                        fast = _fast(text)
                        if fast is not None:
                            checked += 1
                            assert fast == _by_pattern(text), text
    assert checked > 1000


TEXTS = [
    "plain",
    "two\nlines\n",
    "trailing space \nnext",
    "tab\t\nend\t",
    "\n\n  \nbody\n \n",
    "no-break\u00a0\nspace\u3000",
    "line\u2028sep \u2029",
    "cr\r\nlf \r",
    "form\x0c\nfeed\x1c",
    "esc \x1b[31mred\x1b[0m \n",
    "",
    " ",
    "\t",
]


@pytest.mark.parametrize("value", TEXTS)
def test_text_cleaning_fast_path_gives_the_general_result(value: str) -> None:
    cleaned = clean_text(value)
    general = "\n".join([part.rstrip() for part in cleaned.split("\n")]).strip("\n")
    assert cleaning.text(value) == general


def test_wiki_lines_converted_once_give_what_converting_gives() -> None:
    text = "h2. Steps\n* one *bold*\n{{code}} [a|https://x.y]\n\n* one *bold*\nh2. Steps"
    first = jira_wiki.to_markdown(text)
    assert jira_wiki.to_markdown(text) == first
    jira_wiki._cached.cache_clear()
    assert jira_wiki.to_markdown(text) == first
    assert first.splitlines()[:2] == ["## Steps", "- one **bold**"]
    long = "*" + "x" * jira_wiki.CACHED_LINE + "* end"
    assert jira_wiki._line(long) == jira_wiki._convert(long) == f"**{long[1:-5]}** end"


@pytest.mark.parametrize(
    "when",
    [datetime(2026, 11, 3, 9, 14, 59), datetime(1000, 1, 1), datetime(9999, 12, 31, 23, 59)],
)
def test_comment_times_read_as_strftime_writes_them(when: datetime) -> None:
    from checkin.importers.jira import _stamp

    assert _stamp(when) == f"{when:%Y-%m-%d %H:%M}"


def _order_by_pattern(values: list[str]) -> object:
    """infer_order as it was before cells were passed over without the pattern."""
    day_first = month_first = undecided = ""
    for value in values:
        if not value or not value[0].isdigit():
            continue
        match = dates._NUMERIC.match(value.strip())
        if match is None:
            continue
        first, second = int(match.group(1)), int(match.group(3))
        if first > 12 and not day_first:
            day_first = value.strip()
        elif second > 12 and not month_first:
            month_first = value.strip()
        elif first != second and not undecided:
            undecided = value.strip()
    return day_first, month_first, undecided


def _outcome(values: list[str]) -> object:
    try:
        return dates.infer_order(values)
    except dates.AmbiguousDates as error:
        return str(error)


CELLS = [
    "03/Nov/26 9:14 AM",
    "1/2/2026",
    "13-02-2026 10:00",
    "2.13.26",
    "2026-01-02",
    "1/ 2/2026",
    "12/12/12",
    "5.5.2025 1:00 PM",
    "\u0663/\u0661\u0662/\u0662\u0660\u0662\u0666",
    "1-Nov-26",
    "31/12/2026 ",
    "7",
    "1666000000",
]


@pytest.mark.parametrize("cell", CELLS)
def test_date_order_inference_passes_over_only_cells_the_pattern_rejects(cell: str) -> None:
    for values in ([cell], [cell, "25/12/2026"], [cell, "12/25/2026"], ["1/2/2026", cell]):
        day_first, month_first, undecided = _order_by_pattern(values)  # type: ignore[misc]
        outcome = _outcome(values)
        if isinstance(outcome, str):
            assert (day_first and month_first) or (undecided and not day_first + month_first)
        else:
            assert outcome.example == (day_first or month_first)


def test_date_order_inference_reads_what_the_pattern_reads() -> None:
    assert dates.infer_order(["1/13/2026", "03/Nov/26"]).order == dates.MONTH_FIRST
    assert dates.infer_order(["13.1.26", "03/Nov/26 9:14 AM"]).order == dates.DAY_FIRST
    with pytest.raises(dates.AmbiguousDates):
        dates.infer_order(["1/13/2026", "13-1-2026 10:00"])
    with pytest.raises(dates.AmbiguousDates):
        dates.infer_order(["\u0663/\u0661\u0662/\u0662\u0660\u0662\u0666"])
