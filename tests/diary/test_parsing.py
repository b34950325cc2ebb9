"""Amounts and times in people's words: known conversions, and junk refused with InputError only."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twitchwise.diary import quantities
from twitchwise.diary.when import parse_day, parse_moment
from twitchwise.errors import InputError
from twitchwise.kb import KnowledgeBase, load_knowledge_base

NOW = dt.datetime(2026, 11, 21, 10, 0)
KB = load_knowledge_base()


@pytest.mark.parametrize(
    ("text", "mg"),
    [("3 cups", 285), ("5 coffees", 475), ("2 teas + 1 energy drink", 160), ("400mg", 400), ("0.2 g", 200),
     ("two energy drinks", 160), ("1 cola, 1 energy shot", 235), ("coffee", 95), ("0", 0)],
)  # fmt: skip
def test_caffeine(text: str, mg: float, kb: KnowledgeBase) -> None:
    assert quantities.caffeine_mg(text, kb) == pytest.approx(mg)


@pytest.mark.parametrize(("text", "litres"), [("1.5L", 1.5), ("1500 ml", 1.5), ("6 glasses", 1.5), ("2", 2.0),
                                              ("40 fl oz", 1.183)])  # fmt: skip
def test_water(text: str, litres: float, kb: KnowledgeBase) -> None:
    assert quantities.water_litres(text, kb) == pytest.approx(litres, abs=0.001)


@pytest.mark.parametrize(("text", "hours"), [("6h", 6), ("6.5 hours", 6.5), ("6h30", 6.5), ("390 min", 6.5),
                                             ("7 hours 15 min", 7.25), ("8", 8)])  # fmt: skip
def test_sleep(text: str, hours: float) -> None:
    assert quantities.hours(text) == pytest.approx(hours)


@pytest.mark.parametrize(
    "text",
    ["2 cans", "lots", "3 litres", "-2 cups", "", "1e400 mg", "cups cups", "mg", "NAN", "inf", "nan cups", "1e400"],
)
def test_unclear_caffeine_is_refused(text: str, kb: KnowledgeBase) -> None:
    with pytest.raises(InputError, match=r"^caffeine: "):
        quantities.caffeine_mg(text, kb)


@pytest.mark.parametrize(
    ("text", "moment"),
    [("yesterday 21:30", dt.datetime(2026, 11, 20, 21, 30)), ("2 hours ago", dt.datetime(2026, 11, 21, 8, 0)),
     ("monday 9pm", dt.datetime(2026, 11, 16, 21, 0)), ("2026-11-20T08:15", dt.datetime(2026, 11, 20, 8, 15)),
     ("now", NOW)],
)  # fmt: skip
def test_moments(text: str, moment: dt.datetime) -> None:
    assert parse_moment(text, now=NOW) == moment


@pytest.mark.parametrize("text", ["tomorrow", "in 3 days", "2030-01-01", "blurgh", "", "1800-01-01"])
def test_future_or_unclear_moments_are_refused(text: str) -> None:
    with pytest.raises(InputError, match=r"^--at: "):
        parse_moment(text, now=NOW)


def test_days() -> None:
    assert parse_day("yesterday", today=NOW.date()) == dt.date(2026, 11, 20)
    assert parse_day("2026-11-01", today=NOW.date()) == dt.date(2026, 11, 1)
    with pytest.raises(InputError, match="future"):
        parse_day("2026-12-01", today=NOW.date())


junk = st.text(max_size=300) | st.binary(max_size=200).map(lambda b: b.decode("utf-8", "replace"))


@settings(max_examples=300, deadline=None)
@given(junk)
def test_amount_parsers_only_ever_refuse_with_input_error(text: str) -> None:
    for parse in (
        lambda t: quantities.caffeine_mg(t, KB), lambda t: quantities.water_litres(t, KB),
        quantities.hours, quantities.minutes,
    ):  # fmt: skip
        try:
            value = parse(text)
        except InputError:
            continue
        assert value >= 0 and value == value


@settings(max_examples=200, deadline=None)
@given(junk)
def test_time_parser_only_ever_refuses_with_input_error(text: str) -> None:
    try:
        moment = parse_moment(text, now=NOW)
    except InputError:
        return
    assert moment <= NOW + dt.timedelta(minutes=5)


@pytest.mark.parametrize("text", ["9**9**9 mg", "9 ** 9 ** 9 mg", "2**1000 mg", "(9**9)**9 g", "1e400 mg", "9^9^9 mg"])
def test_an_expression_is_never_evaluated_as_an_amount(text: str, kb: KnowledgeBase) -> None:
    # Regression: pint evaluated "9**9**9 mg" as a power and never returned, freezing the server.
    with pytest.raises(InputError, match="not an amount"):
        quantities.caffeine_mg(text, kb)
    for parse in (quantities.hours, quantities.minutes):
        with pytest.raises(InputError):
            parse(text.replace("mg", "h"))


@pytest.mark.parametrize("text", ["yesterday 25:99", "today 24:00", "monday 9:75"])
def test_an_impossible_clock_time_is_refused(text: str) -> None:
    # Regression: "yesterday 25:99" was stored as some other time of that day.
    with pytest.raises(InputError, match="not a time of day"):
        parse_moment(text, now=dt.datetime(2026, 11, 21, 10, 0))
