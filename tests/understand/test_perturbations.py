"""The advice never goes down when the same facts are told in other words.

Every red flag of ``perturbations.yaml`` in every everyday wording, inside every base
description and its variants (distractor, played down, terse, long, four Englishes): the
disposition is at least the flag's level and at least the base's own.  Then the one-shot's
safety rules: what the words touch but do not settle is asked first and warned about, never
reassured past, and the same text always gives byte-identical JSON.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.understand.quality import SCALARS
from twitchwise.answers import answers_from_builtins
from twitchwise.cli.main import main
from twitchwise.kb import KnowledgeBase
from twitchwise.triage.engine import assess
from twitchwise.understand import read
from twitchwise.vocabulary import Disposition

TODAY = dt.date(2026, 12, 1)
SUITE = yaml.safe_load((Path(__file__).parent / "perturbations.yaml").read_text(encoding="utf-8"))
RANK = {d.value: d.rank for d in Disposition}
CASES = [
    (flag, wording, base)
    for flag, entry in SUITE["red_flags"].items()
    for wording in entry["wordings"]
    for base in SUITE["bases"]
]


def triage(text: str, kb: KnowledgeBase) -> Any:
    reading = read(text, kb, today=TODAY)
    return assess(reading.answers, kb, today=TODAY, said=reading.said)


def test_every_red_flag_has_five_wordings_and_every_base_is_self_care(kb: KnowledgeBase) -> None:
    assert all(len(entry["wordings"]) >= 5 for entry in SUITE["red_flags"].values())
    assert len(SUITE["bases"]) >= 8
    for base in SUITE["bases"]:
        plain = base.replace("{flag}", "nothing else").replace("Should I worry?", "")
        assert triage(plain, kb).disposition == "self_care", plain


def test_the_suite_is_large(kb: KnowledgeBase) -> None:
    assert len(CASES) >= 1000


@pytest.mark.parametrize("flag", sorted(SUITE["red_flags"]))
def test_no_wording_in_any_variant_is_under_triaged(flag: str, kb: KnowledgeBase) -> None:
    level = SUITE["red_flags"][flag]["level"]
    misses = []
    for wording in SUITE["red_flags"][flag]["wordings"]:
        for base in SUITE["bases"]:
            text = base.replace("{flag}", wording)
            result = triage(text, kb)
            if RANK[result.disposition] < RANK[level]:
                misses.append(f"{result.disposition}: {text}")
    assert not misses, f"{len(misses)} under-triaged:\n" + "\n".join(misses[:10])


@pytest.mark.parametrize("flag", sorted(SUITE["red_flags"]))
def test_no_wording_typed_in_capitals_is_under_triaged(flag: str, kb: KnowledgeBase) -> None:
    """A frightened person typing in capitals: 19 of the wordings had been under-triaged ("CAN'T" is one token)."""
    level = SUITE["red_flags"][flag]["level"]
    for wording in SUITE["red_flags"][flag]["wordings"]:
        text = f"MY LEFT CALF HAS BEEN TWITCHING FOR 3 DAYS. {wording.upper()}!!"
        assert RANK[triage(text, kb).disposition] >= RANK[level], text


DENIALS_BEFORE = {
    # a calm denial just before the red flag must not reach it: these had left 18, 37, 17 and 17 of the wordings
    # under-triaged ("no fever or headache and one side of my face fell at dinner": self-care)
    "no_no": "No fever, no rash, {flag}",
    "or_and": "no rash or fever and {flag}",
    "without_warning": "Without any warning, {flag}",
    "never_before": "Never had this before, {flag}",
}


def _under_triaged(template: str, kb: KnowledgeBase, *, warning_suffices: bool) -> list[str]:
    """Every red-flag wording of the suite put into ``template``: those read below their level (and, unless a
    warning does not suffice, with no warning either)."""
    misses = []
    for entry in SUITE["red_flags"].values():
        for wording in entry["wordings"]:
            text = template.format(flag=wording)
            result = triage(text, kb)
            if RANK[result.disposition] < RANK[entry["level"]] and not (warning_suffices and result.warning):
                misses.append(text)
    return misses


@pytest.mark.parametrize("opening", sorted(DENIALS_BEFORE))
def test_a_denial_just_before_a_red_flag_does_not_reach_it(opening: str, kb: KnowledgeBase) -> None:
    template = DENIALS_BEFORE[opening] + ". calf twitching for 3 days"
    misses = _under_triaged(template, kb, warning_suffices=False)
    assert not misses, f"{len(misses)} under-triaged:\n" + "\n".join(misses[:10])


BESIDE_AN_EXCEPTION = {
    # each exception added for a calm text (an idiom, a reason outside the body, effort, a figure of speech, a
    # relative's things, a time compared with) tried beside every wording: the first cuts of four hid signs ("Not a
    # big deal, figuratively speaking, but …": 200 of 207; "… - gasping at the price of petrol": 10) and were narrowed
    "gasping_at": "{flag} - gasping at the price of petrol",
    "because": "{flag}, because the lid was stuck",
    "effort": "{flag}. Out of breath after football.",
    "has_been": "My husband's been ill, {flag}",
    "figurative": "Not a big deal, figuratively speaking, but {flag}",
    "puzzled": "I was really confused. {flag}",
    "their_thing": "My sister is losing weight for her wedding. {flag}",
    "compared": "{flag}, harder than a few months ago",
    "no_problem": "I ran 5k this morning no problem. {flag}",
    # someone named by a role, who has a sign of their own or tells one of the writer's
    "someone_had": "A lady at the bus stop fainted. {flag}",
    "someone_said": "The man next to me said {flag}",
    "a_friend_said": "A friend said {flag}",
    "head_rush": "I felt dizzy standing up too fast yesterday. {flag}",
    "blue_from_cold": "{flag}, my lips look blue from the cold",
    # breathlessness after effort told as over in moments, before and after the sign (the first cut of the older
    # "after football" exception let a second sign of no effort pass when it came after: 1 of 207)
    "effort_over": "Out of breath carrying shopping, back to normal in a minute. {flag}",
    "effort_first": "Out of breath after football. {flag}",
    # a voice strained by shouting: its first cut hid 21 of 207 (read 60 characters around), and 'gasping … match'
    # across a comma hid one
    "voice_strained": "{flag}, hoarse from shouting at the match",
    "denied_before": "Someone asked if I'd been drinking. I haven't, {flag}",
    # the same breathless words told twice, once of effort: 1 of 207 ("I'm gasping for air. After my spin class I was
    # gasping.") until each telling was counted
    "effort_after": "{flag}. After my spin class I was gasping.",
    # someone named by a role past a relative clause or a possessive chain: first cuts hid 1 of 207 ("The nurse I saw
    # said my wife can barely wake me": the wife's verb reached the writer's own words), 37 ("My best friend's husband
    # thinks …": the friend's "'s" read as "is"), 36 ("… who is a physio said …") and 15 ("One of my students asked
    # why …")
    "role_relative": "The nurse I saw said {flag}",
    "role_possessive": "My best friend's husband thinks {flag}",
    "role_who_is": "A client of mine who is a physio said {flag}",
    "role_asked": "One of my students asked why {flag}",
    "role_caring_for": "The patient I'm caring for is fine but {flag}",
    # someone's verb whose reach ran on past a comma, "because" or "tell me why" (first cuts: 21, 3, 5; "One of my
    # students is off sick and {flag}" hid 4, 1 now: "… and orthopnoea, I need three pillows now")
    "role_comma": "The patient in the next bed is asleep, {flag}",
    "role_because": "A man at the bus stop helped me because {flag}",
    "role_tell_me": "Somebody tell me why {flag}",
    # the twentieth session's: a panic's choking feeling, word trouble likened to many parents', a thing of the world
    # grown unbearable, a question that takes a pain as given, a birth year
    "choking_feeling": "Felt like I was choking in my panic attack. {flag}",
    "like_many_parents": "Like many new parents, {flag}",
    "world_unbearable": "Work is getting unbearable. {flag}",
    "how_to_relieve": "How can I relieve the pain in my back? {flag}",
    "birth_year": "Born in 1985, {flag}",
}


@pytest.mark.parametrize("opening", sorted(BESIDE_AN_EXCEPTION))
def test_an_exception_for_calm_words_never_hides_a_red_flag_beside_it(opening: str, kb: KnowledgeBase) -> None:
    misses = _under_triaged(BESIDE_AN_EXCEPTION[opening], kb, warning_suffices=True)
    assert not misses, f"{len(misses)} under-triaged:\n" + "\n".join(misses[:10])


AFTER_ONE_DENIAL = [
    # "no pain and …": a statement after the "and" is not one more thing denied (49 of the 207 wordings had been
    # under-triaged after "No pain and"; 6 bare noun phrases are left, "no pain and tingling around my lips")
    ("No pain and my arm just flopped onto the table and I can't pick it up", "emergency"),
    ("No pain and one side of my face fell at dinner", "emergency"),
    ("No pain and suddenly not able to lift my right hand since this morning", "emergency"),
    ("Not stressed at all and a thunderclap headache an hour ago", "emergency"),
    ("Not stressed at all and had a fit at work today", "emergency"),
    ("Not stressed at all and crushing pain in the middle of my chest going down my left arm", "emergency"),
    ("I've had no fever and breathing is really hard even lying still", "emergency"),
    ("Lost weight without trying and acute onset dysarthria this morning", "emergency"),
    ("No pain and not able to swallow rice properly, it is getting stuck", "urgent"),
    # and after a comma: "Never smoked, …" and "I don't have diabetes, …" had left 18 of the 207 under-triaged
    ("Never smoked, a sudden splitting headache", "emergency"),
    ("I don't have diabetes, chest pain spreading to my jaw", "emergency"),
    ("I don't have diabetes, cant breath properly", "emergency"),
]


@pytest.mark.parametrize(("text", "level"), AFTER_ONE_DENIAL)
def test_a_statement_after_one_denial_and_an_and_is_not_denied(text: str, level: str, kb: KnowledgeBase) -> None:
    assert RANK[triage(text + ". calf twitching for 3 days", kb).disposition] >= RANK[level]


POSSIBLE = [
    ("my left hand feels heavy and numb, calf twitching for 3 days", "sudden_one_sided_weakness", "emergency"),
    ("I've been seeing double, calf twitching for 3 days", "sudden_vision_problem", "emergency"),
    ("my wife says I sound drunk, twitching in my arms for a week", "sudden_speech_problem", "emergency"),
    ("I feel a bit unsteady, thigh twitching for 5 days", "sudden_loss_of_balance", "emergency"),
    ("my breathing feels shallow, calf twitching for 4 days", "breathing_difficulty", "emergency"),
    ("could this be atrophy? calf twitching for 5 days", "muscle_wasting", "urgent"),
    ("I'm scared I'll start dropping things, hand twitching for 2 days", "loss_of_dexterity", "urgent"),
    # a stroke named only as a worry or a question: every stroke sign is asked first, nothing is reassured
    ("calf twitching for 3 days, could this be a mini stroke?", "face_droop", "emergency"),
    ("my dad's eyelid keeps twitching and I'm worried it's a stroke", "face_droop", "emergency"),
    # an amount named but not sized: a racing heart with "loads of coffee" is caffeine with a racing heart until asked
    ("drank loads of coffee today, my heart is racing and my legs twitch", "caffeine_mg_per_day", "emergency"),
    ("two red bulls and some coffee, heart pounding, calf twitching", "caffeine_mg_per_day", "emergency"),
    # fewer wet nappies is not yet "no wee for 12 hours": asked first
    ("toddler temp 39.5, not feeding, way fewer wet nappies, his leg is twitching", "fever_amber_sign", "urgent"),
]


@pytest.mark.parametrize(("text", "question", "level"), POSSIBLE)
def test_words_that_touch_a_red_flag_warn_first_and_ask_it_first(
    text: str, question: str, level: str, kb: KnowledgeBase
) -> None:
    reading = read(text, kb, today=TODAY)
    result = assess(reading.answers, kb, today=TODAY, said=reading.said)
    assert result.warning is not None and result.warning.disposition == level
    assert result.ask_first[0] == question
    assert any(p.words and p.disposition == level for p in result.possible)
    # no reassurance while it is open
    assert result.reassuring == []
    assert not any(m.id in {"common_and_harmless", "no_weakness", "under_40"} for m in result.messages)
    assert not any(step.id == "dont_worry" for step in result.plan)


def test_a_routine_red_flag_left_open_is_warned_about_and_not_reassured_past(kb: KnowledgeBase) -> None:
    """ "my legs feel like lead climbing stairs?? is this normal" had been self-care with "try not to worry", "very
    rarely a sign of anything serious" and "twitching without weakness … is not a sign of nerve disease", while the
    weakness it told was left open."""
    from twitchwise.understand.output import question_answer

    text = "my legs feel like lead climbing stairs?? is this normal. calf twitching for 3 days"
    reading = read(text, kb, today=TODAY)
    result = assess(reading.answers, kb, today=TODAY, said=reading.said)
    assert result.warning is not None and result.warning.disposition == "routine"
    assert "book a non-urgent GP appointment" in result.warning.text
    assert not any(step.id == "dont_worry" for step in result.plan) and result.reassuring == []
    topic = question_answer(reading, kb, result)
    assert topic is not None and topic.id == "when_to_see_a_doctor"  # not "how common", which reassures
    assert not any("without weakness" in point.text for point in topic.points)
    # a calm question about a calm twitch is still answered as asked
    calm = read("eyelid twitching for 2 days, no weakness. is this normal?", kb, today=TODAY)
    calm_result = assess(calm.answers, kb, today=TODAY, said=calm.said)
    assert calm_result.warning is None
    assert (calm_topic := question_answer(calm, kb, calm_result)) is not None and calm_topic.id == "how_common"


def test_nothing_is_called_reassuring_beside_an_emergency(kb: KnowledgeBase) -> None:
    reading = read("my face is drooping on one side since an hour ago, is this normal?", kb, today=TODAY)
    result = assess(reading.answers, kb, today=TODAY, said=reading.said)
    assert result.disposition == "emergency" and result.reassuring == []


def test_an_unsized_amount_is_warned_about_in_its_own_words_and_never_alone(kb: KnowledgeBase) -> None:
    reading = read("two red bulls and some coffee, heart pounding, calf twitching", kb, today=TODAY)
    assert reading.answers.caffeine_mg_per_day == 160  # what was counted, and said to be a floor
    assert any("at least 160 mg" in a for a in reading.assumptions)
    result = assess(reading.answers, kb, today=TODAY, said=reading.said)
    assert result.warning is not None and "caffeine is more than 400 mg a day" in result.warning.text
    assert [p.words for p in result.possible if p.disposition == "emergency"] == ["some coffee"]
    # with no heart symptom an uncounted coffee changes nothing, and a sized pot is counted
    calm = read("I love coffee, eyelid twitching for 3 days", kb, today=TODAY)
    assert assess(calm.answers, kb, today=TODAY, said=calm.said).warning is None
    pot = read("drank a whole pot of coffee today, my heart is racing", kb, today=TODAY)
    assert pot.answers.caffeine_mg_per_day == 380  # a 1-litre pot, four 8-oz cups, said as assumed
    sized = assess(pot.answers, kb, today=TODAY, said=pot.said)
    assert sized.disposition != "emergency" and sized.warning is None  # 380 mg is not past the 400 mg limit
    assert "within the safe limit" in next(f.why for f in sized.factors if f.id == "caffeine")


def test_an_amount_not_all_counted_is_not_called_within_the_safe_limit(kb: KnowledgeBase) -> None:
    reading = read("drank a whole pot of coffee and loads of red bull today, calf twitching", kb, today=TODAY)
    assert reading.answers.caffeine_mg_per_day == 380 and "caffeine_mg_per_day" in reading.said
    result = assess(reading.answers, kb, today=TODAY, said=reading.said)
    caffeine = next(f for f in result.factors if f.id == "caffeine")
    assert "within the safe limit" not in caffeine.why and caffeine.strength == "possible"
    assert caffeine.why.startswith("Not all of your caffeine could be counted. What could be is about 380 mg a day")
    assert "may be more than the 400 mg a day" in caffeine.why and caffeine.sources


def test_a_clear_no_is_not_asked_again_and_not_warned_about(kb: KnowledgeBase) -> None:
    reading = read("calf twitching for 3 days, no weakness, no trouble swallowing, speech is fine", kb, today=TODAY)
    result = assess(reading.answers, kb, today=TODAY, said=reading.said)
    assert result.disposition == "self_care" and result.warning is None and result.ask_first == []
    assert reading.answers.symptom("weakness") is False and reading.answers.symptom("swallowing_difficulty") is False


WORDS_OUT_OF_CONTEXT = [
    ("I make a lot of trips to the toilet at night, calf twitching for 3 days", "tripping_or_foot_drop", "absent"),
    ("I was sick with a stomach bug months ago, calf twitching for 4 days", "recent_fluid_loss", None),
    ("my dad had a stroke and couldn't talk. my calf has twitched for 3 days", "sudden_speech_problem", "absent"),
    ("I had hay fever last spring, eyelid twitching 2 days", "fever", "absent"),
]


@pytest.mark.parametrize(("text", "symptom", "expected"), WORDS_OUT_OF_CONTEXT)
def test_words_out_of_context_are_not_read_as_present(
    text: str, symptom: str, expected: str | None, kb: KnowledgeBase
) -> None:
    value = read(text, kb, today=TODAY).answers.symptoms.get(symptom, "absent")
    assert value is not True
    assert value == expected


def test_a_habit_is_not_the_twitching_duration(kb: KnowledgeBase) -> None:
    reading = read("I've drunk 5 coffees a day for 10 years and my calf has twitched for 3 days", kb, today=TODAY)
    assert reading.answers.duration_days == 3


def test_a_medicine_class_in_everyday_words_counts(kb: KnowledgeBase) -> None:
    result = triage("I take an antidepressant and now I have a fever, twitching all over", kb)
    assert result.disposition == "emergency"
    assert "serotonin_syndrome_signs" in {flag.id for flag in result.red_flags}


def run_text(text: str) -> str:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main(["check", "--no-diary", "--json", "--today", "2026-12-01", "--text", text], {}, io.StringIO(),
                stdout, stderr)  # fmt: skip
    assert code == 0, stderr.getvalue()
    return stdout.getvalue()


def test_one_shot_json_names_possible_and_ask_first_and_is_deterministic() -> None:
    text = "Out of nowhere? No — my right arm went heavy this week and I'm seeing double, calf twitching 3 days"
    first, second = run_text(text), run_text(text)
    assert first == second
    data = json.loads(first)
    assert data["ask_first"] and data["possible"]
    assert {"id", "words"} <= set(data["possible"][0])
    assert data["warning"]["disposition"] == "emergency"


def test_human_output_starts_with_the_instruction_and_does_not_reassure() -> None:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main(["check", "--no-diary", "--today", "2026-12-01", "--text",
                 "my right hand went numb, calf twitching for 2 days"], {"COLUMNS": "100"}, io.StringIO(),
                stdout, stderr)  # fmt: skip
    out = stdout.getvalue()
    assert code == 0
    assert out.index("Before anything else") < out.index("What I understood") < out.index("twitchwise check")
    assert "If so, call 112" in out
    assert "Try not to worry" not in out and "Reassuring" not in out and "very rarely a sign" not in out


PLAIN = yaml.safe_load((Path(__file__).parent / "plain_reports.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", PLAIN, ids=[c["text"][:40] for c in PLAIN])
def test_plain_reports_reach_their_level(case: dict[str, str], kb: KnowledgeBase) -> None:
    result = triage(case["text"], kb)
    assert RANK[result.disposition] >= RANK[case["at_least"]]
    if case["at_least"] == "self_care":
        assert result.disposition == "self_care" and result.warning is None


REAL = yaml.safe_load((Path(__file__).parent / "real.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", [c for c in REAL["cases"] if c["split"] == "dev"], ids=lambda c: c["src"][-40:])
def test_real_descriptions_of_the_dev_split_reach_their_level(case: dict[str, Any], kb: KnowledgeBase) -> None:
    reading = read(case["t"], kb, today=REAL["today"])
    result = assess(reading.answers, kb, today=REAL["today"], said=reading.said)
    assert RANK[result.disposition] >= RANK[case["at_least"]]
    if case["at_least"] == "self_care":
        assert result.disposition == "self_care"


@pytest.mark.parametrize("case", [c for c in REAL["cases"] if c["split"] == "test"], ids=lambda c: c["src"][-40:])
def test_real_descriptions_of_the_test_split_are_never_reassured_past(case: dict[str, Any], kb: KnowledgeBase) -> None:
    # The held-out split is not tuned on, so it asserts the floor that must hold whatever the reader
    # misses: an urgent or emergency description is never answered with self-care (bench/README has
    # the full figures, under-triage included).
    reading = read(case["t"], kb, today=REAL["today"])
    result = assess(reading.answers, kb, today=REAL["today"], said=reading.said)
    if RANK[case["at_least"]] >= RANK["urgent"]:
        assert result.disposition != "self_care" or result.warning is not None


@pytest.mark.parametrize(
    ("text", "emergency"),
    [
        # Arm and leg (or face and arm) on one side, or speech lost as an event, is a stroke sign however it
        # is told: the check does not wait for the word "suddenly".
        ("my right arm and leg went heavy and numb, calf twitching for 3 days", True),
        ("I've had tingling on the left side of my face and down my left arm since last night", True),
        ("the whole left side of my body feels weak, calf twitching", True),
        ("I woke up and couldn't speak for about 20 seconds, eyelid twitching", True),
        ("my mum's left arm feels weak and numb since yesterday, her calf twitches", True),
        # ... but a side of one muscle, a long-standing numbness or "speak to my GP" is not.
        ("the left side of my calf is numb after the gym", False),
        ("my left leg has felt weak and numb for months, calf twitching", False),
        ("I couldn't speak to my GP until Monday, calf twitching for 3 days", False),
    ],
)
def test_one_sided_or_speech_loss_told_plainly_is_an_emergency(text: str, emergency: bool, kb: KnowledgeBase) -> None:
    reading = read(text, kb, today=TODAY)
    disposition = assess(reading.answers, kb, today=TODAY, said=reading.said).disposition
    assert (disposition == "emergency") is emergency


@pytest.mark.parametrize(
    "text",
    [
        "my left calf has twitched for 2 days after a heat stroke scare at the beach",
        "calf twitching for 2 days since I swam breast stroke for an hour",
        "by a stroke of luck my calf only twitched for 2 days",
    ],
)
def test_stroke_in_other_senses_is_not_a_stroke_worry(text: str, kb: KnowledgeBase) -> None:
    reading = read(text, kb, today=TODAY)
    result = assess(reading.answers, kb, today=TODAY, said=reading.said)
    assert result.disposition == "self_care" and result.warning is None


def test_the_time_of_a_state_the_text_names_is_not_the_twitching_s(kb: KnowledgeBase) -> None:
    # "been in perimenopause for two to three years" is that state's time; "been in pain for 3 weeks"
    # may be the twitching's
    text = "calf twitching since Monday. I have been in perimenopause for two to three years."
    menopause = read(text, kb, today=TODAY)
    assert menopause.answers.duration_days is not None and menopause.answers.duration_days < 14
    pain = read("my calf twitches and I have been in pain for 3 weeks", kb, today=TODAY)
    assert pain.answers.duration_days == 21


def _annotated_answers(expect: dict[str, Any]) -> dict[str, Any]:
    fields = dict(SCALARS.values())
    answers: dict[str, Any] = {fields[k]: v for k, v in expect.items() if k in fields}
    sites = [s.partition("/") for s in expect.get("sites", [])]
    if sites:
        answers["sites"] = [{"region": region, **({"side": side} if side else {})} for region, _, side in sites]
    if "sym" in expect:
        answers["symptoms"] = expect["sym"]
    if "meds" in expect:
        answers["medications"] = expect["meds"]
    return answers


@pytest.mark.parametrize("case", REAL["cases"], ids=lambda c: c["src"][-40:])
def test_each_real_annotation_is_at_least_what_the_rules_give_for_its_facts(
    case: dict[str, Any], kb: KnowledgeBase
) -> None:
    # The annotators' least safe advice is never below what the rules give for the facts they wrote
    # down: two such slips (a sudden loss of strength annotated urgent) were found this way.
    answers = answers_from_builtins(_annotated_answers(case["e"]), today=REAL["today"])
    by_rules = assess(answers, kb, today=REAL["today"]).disposition
    assert RANK[case["at_least"]] >= RANK[by_rules]


@pytest.mark.parametrize(
    "text",
    [
        "eyelid twitch for 3 days. I read that if your face droops you should call 999 but mine doesn't, no weakness",
        "calf twitching 2 days. The leaflet says when your speech slurs get help. Nothing like that here",
        "thumb twitch since yesterday; my mum asked if I was dropping things but I'm not.",
    ],
)
def test_advice_read_somewhere_or_denied_at_once_is_not_asked_or_warned(text: str, kb: KnowledgeBase) -> None:
    result = triage(text, kb)
    assert result.disposition == "self_care" and result.warning is None and result.ask_first == []


def test_a_one_shot_about_someone_else_puts_its_warning_to_them() -> None:
    out = json.loads(run_text("my mum's eyelid twitches and she's worried it's a mini stroke"))
    assert out["warning"]["text"].startswith("If they have any of these")
    own = json.loads(run_text("my eyelid twitches and I'm worried it's a mini stroke"))
    assert own["warning"]["text"].startswith("If you have any of these")


def _slips(word: str) -> list[str]:
    """Two slips of the keys: the middle letters swapped, and a doubled letter typed once."""
    middle = len(word) // 2
    slips = [word[: middle - 1] + word[middle] + word[middle - 1] + word[middle + 1 :]]
    slips += [word[:i] + word[i + 1 :] for i in range(len(word) - 1) if word[i] == word[i + 1]][:1]
    return [slip for slip in slips if slip != word]


def test_a_slip_of_the_keys_in_any_word_of_a_red_flag_wording_is_read(kb: KnowledgeBase) -> None:
    """Every word of five letters or more that the red-flag wordings are told in, and that the speller knows, reads
    as itself after a slip ("cehst", "muoth", "wrods", "croked", "thorugh"); a slip that is itself a common word
    ("titled" for "tilted") is left alone, as a real word must be."""
    from twitchwise.understand.lexicon import load_lexicon
    from twitchwise.understand.pipeline import read_doc
    from twitchwise.understand.spelling import Speller, _common_english, _undoubled

    targets = set(Speller(load_lexicon()).targets)
    words = {w for entry in SUITE["red_flags"].values() for wording in entry["wordings"] for w in wording.split()}
    words = {w.strip(",.?!'").lower() for w in words}
    checked = 0
    for word in sorted(w for w in words if len(w) >= 5 and w in targets):
        for slip in _slips(word):
            if _common_english(slip) or any(_undoubled(slip, t) for t in targets - {word}):
                continue  # a real word, or one letter short of two words ("droping": dropping or drooping)
            checked += 1
            assert read_doc(slip, kb)[0].norm_ == word, (word, slip)
    assert checked > 250
