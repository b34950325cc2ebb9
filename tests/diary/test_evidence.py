"""The red flags that only time reveals: each rule at and around its threshold."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import TODAY
from twitchwise.answers import Answers, Site
from twitchwise.diary.evidence import (
    RUN_BREAK_DAYS,
    SPREAD_AFTER_DAYS,
    SYMPTOM_WINDOW_DAYS,
    DiaryEvidence,
    binomial_upper_tail,
    diary_evidence,
)
from twitchwise.diary.records import Day, Episode, Record, Stored, Symptom
from twitchwise.kb import KnowledgeBase
from twitchwise.triage.engine import assess


def entries(*records: Record) -> list[Stored]:
    prefix = {Episode: "e", Day: "d", Symptom: "s"}
    return [Stored(f"{prefix[type(r)]}{i}", "episode", r) for i, r in enumerate(records, 1)]


def twitch(days_ago: int, region: str = "calf", side: str | None = "left", hour: int = 9) -> Episode:
    moment = dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(hour))
    return Episode(at=moment, region=region, side=side)  # type: ignore[arg-type]


def flags(evidence: DiaryEvidence, kb: KnowledgeBase, answers: Answers | None = None) -> set[str]:
    result = assess(evidence.apply(answers or Answers()), kb, today=TODAY)
    return {flag.id for flag in result.red_flags}


@pytest.mark.parametrize(("span", "fires"), [(13, False), (14, False), (15, True), (40, True)])
def test_persisting_fires_when_twitch_days_span_more_than_14_days(span: int, fires: bool, kb: KnowledgeBase) -> None:
    weekly = [twitch(days_ago) for days_ago in range(span + 1, 0, -7)] + [twitch(1)]
    evidence = diary_evidence(entries(*weekly), today=TODAY)
    assert evidence.duration_days == span
    assert ("persisting_over_2_weeks" in flags(evidence, kb)) is fires


@pytest.mark.parametrize(("gap", "same_run"), [(RUN_BREAK_DAYS - 1, True), (RUN_BREAK_DAYS, False)])
def test_a_twitch_free_fortnight_ends_a_run(gap: int, same_run: bool) -> None:
    evidence = diary_evidence(entries(twitch(gap + 2), twitch(2)), today=TODAY)
    assert (evidence.duration_days == gap) is same_run
    assert (evidence.duration_days is None) is not same_run


@pytest.mark.parametrize(("last", "current"), [(RUN_BREAK_DAYS - 1, True), (RUN_BREAK_DAYS, False)])
def test_only_a_current_run_counts(last: int, current: bool) -> None:
    evidence = diary_evidence(entries(twitch(last + 20), twitch(last + 10), twitch(last)), today=TODAY)
    assert (evidence.duration_days is not None) is current


def test_more_than_one_place(kb: KnowledgeBase) -> None:
    one = diary_evidence(entries(twitch(3), twitch(2), twitch(1)), today=TODAY)
    assert "more_than_one_place" not in flags(one, kb)
    two = diary_evidence(entries(twitch(3), twitch(2, side="right")), today=TODAY)
    assert "more_than_one_place" in flags(two, kb)
    assert two.sites == [Site("calf", "left"), Site("calf", "right")]


@pytest.mark.parametrize(("later", "spreads"), [(SPREAD_AFTER_DAYS - 1, False), (SPREAD_AFTER_DAYS, True)])
def test_spread_is_a_new_place_after_the_first_week(later: int, spreads: bool, kb: KnowledgeBase) -> None:
    start = 10
    evidence = diary_evidence(entries(twitch(start), twitch(start - later, region="thigh")), today=TODAY)
    assert evidence.symptoms.get("spreading", False) is spreads
    assert ("spreading" in flags(evidence, kb)) is spreads


def test_a_new_side_counts_as_spread() -> None:
    evidence = diary_evidence(entries(twitch(12), twitch(11), twitch(2, side="right")), today=TODAY)
    assert evidence.symptoms["spreading"] is True
    assert [f.entries for f in evidence.findings if f.rule == "spread"] == [["e3"]]


@pytest.mark.parametrize(("days_ago", "counts"), [(SYMPTOM_WINDOW_DAYS - 1, True), (SYMPTOM_WINDOW_DAYS, False)])
def test_reported_weakness_within_the_window_fires(days_ago: int, counts: bool, kb: KnowledgeBase) -> None:
    at = dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(8))
    evidence = diary_evidence(entries(Symptom(symptom="weakness", present=True, at=at)), today=TODAY)
    assert ("weak_or_stiff" in flags(evidence, kb)) is counts


@pytest.mark.parametrize(
    ("symptom", "flag"),
    [("muscle_wasting", "muscle_wasting"), ("tripping_or_foot_drop", "loss_of_function"),
     ("loss_of_dexterity", "loss_of_function")],
)  # fmt: skip
def test_reported_wasting_and_loss_of_function_are_urgent(symptom: str, flag: str, kb: KnowledgeBase) -> None:
    at = dt.datetime.combine(TODAY, dt.time(8))
    evidence = diary_evidence(entries(Symptom(symptom=symptom, present=True, at=at)), today=TODAY)
    result = assess(evidence.apply(Answers()), kb, today=TODAY)
    assert flag in {f.id for f in result.red_flags} and result.disposition == "urgent"


def test_present_wins_over_absent_and_absent_answers_no() -> None:
    at = dt.datetime.combine(TODAY, dt.time(8))
    reports = entries(
        Symptom(symptom="weakness", present=False, at=at - dt.timedelta(days=3)),
        Symptom(symptom="weakness", present=True, at=at),
        Symptom(symptom="numbness", present=False, at=at),
    )
    evidence = diary_evidence(reports, today=TODAY)
    assert evidence.symptoms == {"weakness": True, "numbness": False}


def worsening_diary(earlier: int, recent: int, days: int = 7) -> list[Stored]:
    records: list[Record] = []
    for n in range(days):
        for _ in range(earlier):
            records.append(twitch(27 - n))
        for _ in range(recent):
            records.append(twitch(n))
    return entries(*records)


def test_a_clear_rise_is_a_worsening_trend(kb: KnowledgeBase) -> None:
    evidence = diary_evidence(worsening_diary(earlier=1, recent=4), today=TODAY)
    assert evidence.symptoms.get("getting_worse") is True
    assert "getting_worse" in flags(evidence, kb)


@pytest.mark.parametrize(("earlier", "recent", "days"), [(2, 2, 7), (2, 3, 7), (1, 4, 4), (3, 2, 7)])
def test_no_trend_without_enough_days_or_a_clear_rise(earlier: int, recent: int, days: int) -> None:
    evidence = diary_evidence(worsening_diary(earlier, recent, days), today=TODAY)
    assert "getting_worse" not in evidence.symptoms


def test_unrecorded_days_are_unknown_not_zero() -> None:
    # Five twitch-free days marked before a week of twitching is a rise; the same days left blank are not data.
    marked = [Day(day=TODAY - dt.timedelta(days=20 + n), twitch_free=True) for n in range(7)]
    recent = [twitch(n) for n in range(7) for _ in range(2)]
    assert diary_evidence(entries(*marked, *recent), today=TODAY).symptoms.get("getting_worse") is True
    assert "getting_worse" not in diary_evidence(entries(*recent), today=TODAY).symptoms
    assert diary_evidence(entries(*marked, *recent), today=TODAY).recorded_days == 14


def test_the_diary_never_lowers_what_the_person_said(kb: KnowledgeBase) -> None:
    said = Answers(duration_days=60, sites=[Site("thigh", "right")], symptoms={"weakness": True})
    evidence = diary_evidence(
        entries(twitch(3), Symptom(symptom="weakness", present=False, at=dt.datetime.combine(TODAY, dt.time(7)))),
        today=TODAY,
    )
    merged = evidence.apply(said)
    assert merged.duration_days == 60 and merged.symptoms["weakness"] is True
    assert Site("thigh", "right") in (merged.sites or [])
    assert assess(merged, kb, today=TODAY).disposition >= assess(said, kb, today=TODAY).disposition


def test_future_entries_are_ignored() -> None:
    assert diary_evidence(entries(twitch(-3), twitch(-20)), today=TODAY).findings == []


def test_binomial_tail_matches_known_values() -> None:
    assert binomial_upper_tail(0, 10, 0.5) == 1.0
    assert binomial_upper_tail(10, 10, 0.5) == pytest.approx(1 / 1024)
    assert binomial_upper_tail(8, 10, 0.5) == pytest.approx(56 / 1024)
    assert 0 <= binomial_upper_tail(3000, 5000, 0.5) < 1e-40
