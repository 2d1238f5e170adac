"""The benchmark's rows: a ratio of two figures, or one measured pair by pair."""

from __future__ import annotations

from checkin.bench.report import Row, table


def test_a_row_without_pairs_divides_its_figure_by_its_baseline() -> None:
    row = Row("start", 0.33, 0.30, 1.1, "<= 1.1x")
    assert row.ratio is not None and abs(row.ratio - 1.1) < 1e-9
    assert row.ok
    assert not Row("start", 0.34, 0.30, 1.1, "<= 1.1x").ok


def test_a_paired_ratio_is_the_rows_ratio_and_decides_it() -> None:
    # Medians 1.2x apart, but start by start (each against the bare start before it) 1.05x.
    row = Row("start", 0.36, 0.30, 1.1, "<= 1.1x", note="ratio of the medians 1.20x", paired=1.05)
    assert row.ratio == 1.05
    assert row.ok
    assert not Row("start", 0.30, 0.30, 1.1, "<= 1.1x", paired=1.12).ok
    shown = table([row])
    assert "360.0 ms" in shown and "300.0 ms" in shown and "1.05x" in shown
    assert "ratio of the medians 1.20x" in shown


def test_a_row_without_a_baseline_compares_its_figure() -> None:
    assert Row("minutes", 0.0025, None, 0.01, "< 10 ms").ok
    assert Row("minutes", 0.02, None, 0.01, "< 10 ms").ok is False
    assert Row("minutes", None, None, 0.01, "< 10 ms").ok is None
