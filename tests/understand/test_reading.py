"""The free-text reader: quality on the annotated corpus, the safety rules, and robustness."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import HOSTILE_TEXTS, run_cli
from tests.understand.quality import ALL, CORPUS, FLOOR, GATED, HELD_OUT, evaluate, load_corpus, table
from twitchwise.answers import Site, answers_from_builtins, to_builtins
from twitchwise.kb import load_knowledge_base
from twitchwise.kb.models import KnowledgeBase
from twitchwise.triage.assessment import Assessment
from twitchwise.triage.engine import assess
from twitchwise.understand import read
from twitchwise.understand.reading import MAX_TEXT
from twitchwise.understand.topics import answer, cited
from twitchwise.vocabulary import Disposition

TODAY = dt.date(2026, 11, 21)


def test_precision_and_recall_on_the_annotated_corpus(kb: KnowledgeBase) -> None:
    assert len(load_corpus(CORPUS)[1]) >= 300 and sum(len(load_corpus(p)[1]) for p in HELD_OUT) >= 150
    tallies = evaluate(kb, *ALL)  # the development corpus and the five held-out sets
    report = table(tallies)
    low = {n: (round(t.precision, 3), round(t.recall, 3)) for n, t in tallies.items() if n in GATED}
    failing = {n: pr for n, pr in low.items() if min(pr) < FLOOR}
    misses = "\n".join(m for n in failing for m in tallies[n].misses[:10])
    assert not failing, f"below {FLOOR}: {failing}\n{report}\n{misses}"


def test_doubt_about_a_red_flag_becomes_a_question_never_a_no(kb: KnowledgeBase) -> None:
    reading = read("left calf twitching for 3 weeks, maybe a bit weak?", kb, today=TODAY)
    assert reading.answers.symptoms["weakness"] is None and reading.uncertain == ["weakness"]
    assessment = assess(reading.answers, kb, today=TODAY)
    assert "weakness" in assessment.unanswered


def test_absence_and_presence_are_read_from_the_words(kb: KnowledgeBase) -> None:
    reading = read("No weakness, I don't feel numb, not tingly. Cramps though.", kb, today=TODAY)
    assert reading.answers.symptoms == {"weakness": False, "numbness": False, "tingling": False, "cramps": True}


def test_durations_are_relative_to_today(kb: KnowledgeBase) -> None:
    text = "calf twitching since last Monday"
    assert read(text, kb, today=dt.date(2026, 11, 21)).answers.duration_days == 5
    assert read(text, kb, today=dt.date(2026, 11, 25)).answers.duration_days == 2
    assert read("since 3 October", kb, today=dt.date(2026, 11, 21)).answers.duration_days == 49


def test_caffeine_servings_come_from_the_knowledge_base_and_are_explained(kb: KnowledgeBase) -> None:
    reading = read("twitching eyelid, 2 espressos and 1 energy drink a day", kb, today=TODAY)
    coffee, energy = kb.servings["coffee"].amount, kb.servings["energy_drink"].amount
    assert reading.answers.caffeine_mg_per_day == 2 * coffee + energy
    assert any("espresso" in a for a in reading.assumptions)


def test_someone_else_is_described_with_their_age_and_sex(kb: KnowledgeBase) -> None:
    reading = read("my dad (67) has had twitching in his left thigh for 2 months", kb, today=TODAY)
    assert reading.about == "someone_else"
    assert (reading.answers.age, reading.answers.sex) == (67, "male")


def test_medicines_by_brand_and_a_new_start(kb: KnowledgeBase) -> None:
    reading = read("started Lasix last week and now my calves twitch", kb, today=TODAY)
    assert reading.answers.medications == ["furosemide"]
    assert reading.answers.symptoms["new_medication"] is True


def test_a_question_gets_a_sourced_answer_from_the_knowledge_base(kb: KnowledgeBase) -> None:
    reading = read("When should I worry about calf twitching?", kb, today=TODAY)
    assert reading.question == "when_to_see_a_doctor"
    topic = answer(reading.question, kb)
    assert topic.points and all(point.sources for point in topic.points)
    assert set(cited(topic)) <= set(kb.sources)
    assert not any(word in topic.text.lower() for word in ("als", "motor neurone", "probability"))


@pytest.mark.parametrize("topic_id", ["causes", "when_to_see_a_doctor", "self_care", "how_common"])
def test_every_topic_answer_is_sourced(kb: KnowledgeBase, topic_id: str) -> None:
    topic = answer(topic_id, kb)
    assert topic.sources and all(p.sources for p in topic.points)
    assert "stop" not in " ".join(p.text.lower() for p in topic.points if "prescri" in p.text.lower()).replace(
        "never stop it on your own", ""
    )


def _symptoms(kb: KnowledgeBase, text: str) -> dict[str, bool | None]:
    return read(text, kb, today=TODAY).answers.symptoms or {}


def _advice(kb: KnowledgeBase, text: str) -> Assessment:
    return assess(read(text, kb, today=TODAY).answers, kb, today=TODAY)


def _assert_advice(kb: KnowledgeBase, text: str, disposition: str, *, warned: bool | None = None) -> None:
    """The advice for a description: its disposition, and whether it warns (told, or for self-care: never)."""
    result = _advice(kb, text)
    assert result.disposition == disposition, text
    if warned is not None:
        assert (result.warning is not None) == warned, text
    elif disposition == "self_care":
        assert result.warning is None, text


def test_adding_weakness_to_a_description_never_lowers_the_advice(kb: KnowledgeBase) -> None:
    _, cases = load_corpus()
    for case in cases[::7]:
        before = _advice(kb, case["t"])
        after = _advice(kb, case["t"] + ". I have weakness now.")
        assert Disposition(after.disposition) >= Disposition(before.disposition), case["t"]


_ANY_TEXT = st.text(
    alphabet=st.characters(codec="utf-8"), max_size=400
) | st.lists(
    st.sampled_from(["calf", "no", "weak", "maybe", "?", "3", "weeks", "coffees", "my dad", "(67)", "left", ",", "😟",
                     "не", "疲れ", "\x00", "\u202e", "not", "since", "Monday", "mg", "units", "a", "day", "-", "both"]),
    max_size=60,
).map(" ".join)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_ANY_TEXT)
def test_any_text_is_read_without_raising_into_valid_answers(kb: KnowledgeBase, text: str) -> None:
    reading = read(text, kb, today=TODAY)
    again = answers_from_builtins(to_builtins(reading.answers), today=TODAY, symptom_ids=kb.symptom_ids)
    assert again == reading.answers
    assert read(text, kb, today=TODAY).answers == reading.answers  # deterministic


@pytest.mark.parametrize(
    "text", ["0" * 5000, "I'm " + "4" * 50 + " years old", "1" * 30 + " coffees", "9" * 400 + "/10 anxious"]
)
def test_odd_numbers_are_not_read_as_amounts(kb: KnowledgeBase, text: str) -> None:
    reading = read(text, kb, today=TODAY)  # found by schemathesis: 5,000 digits crashed int()
    assert reading.answers.age is None and reading.answers.duration_days is None
    assert reading.answers.caffeine_mg_per_day is None and reading.answers.stress_0_10 in (None, 7)


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_hostile_text_takes_no_longer_than_plain_text_of_its_length(kb: KnowledgeBase, text: str) -> None:
    # A bound against a hang, not a speed figure (those are in bench/): beside plain text of the same length
    # read in the same process just before, so a slow or busy machine slows both.  The hangs this guards
    # against took 10 to 100 times as long; the texts take 0.3 to 2 times as long as plain text today.
    import time

    sentence = "My left calf has twitched on and off since Monday. "
    plain = (sentence * (len(text) // len(sentence) + 1))[: len(text)]
    started = time.perf_counter()
    read(plain, kb, today=TODAY)
    between = time.perf_counter()
    read(text, kb, today=TODAY)
    ended = time.perf_counter()
    assert ended - between < 4 * (between - started) + 2


def test_a_megabyte_of_text_is_read(kb: KnowledgeBase) -> None:
    sentence = "My left calf twitches since Monday, no weakness, 3 coffees a day, maybe numb? 😟 疲れ. "
    text = sentence * (1_000_000 // len(sentence))
    reading = read(text, kb, today=TODAY)
    assert reading.answers.sites == [Site(region="calf", side="left")]
    assert reading.answers.caffeine_mg_per_day is None  # 11,000 mentions add up beyond any real day
    assert any("caffeine" in a and "left out" in a for a in reading.assumptions)
    assert not reading.truncated
    assert read(text + "x" * (MAX_TEXT - len(text) + 10), kb, today=TODAY).truncated


# --- the command -------------------------------------------------------------------------


def test_check_text_json_follows_the_contract_and_says_how_it_read() -> None:
    result = run_cli("check", "--no-diary", "--today", "2026-11-21", "--json", "--text",
                     "my left calf has twitched for three weeks, no weakness, five coffees a day")  # fmt: skip
    assert result.code == 0, result.err
    output = json.loads(result.out)
    assert {"disposition", "red_flags", "factors", "plan", "unanswered", "understood", "sources"} <= set(output)
    assert output["understood"]["sites"] == [{"region": "calf", "side": "left"}]
    assert output["understood"]["duration_days"] == 21 and output["understood"]["caffeine_mg_per_day"] == 475
    assert output["disposition"] == "routine"  # more than two weeks
    assert "weakness" not in output["unanswered"]
    assert output["from_text"]["answer"] is None and output["from_text"]["about"] == "self"


FACE = "No weakness - but one side of my face dropped 10 minutes ago and my speech is slurred"


def test_what_was_said_and_what_it_was_read_as_are_told_apart() -> None:
    """ "one side of my face dropped" is read as face drooping and as sudden one-sided weakness, while the person said
    "No weakness": every output quotes their words beside what they were read as, never a bare label they denied."""
    as_json = json.loads(run_cli("check", "--no-diary", "--json", "--text", FACE).out)
    told = as_json["from_text"]["told"]
    assert told["face_droop"] == told["sudden_one_sided_weakness"] == "one side of my face dropped"
    assert told["slurred_speech"] == "speech is slurred" and "weakness" not in told
    assert as_json["understood"]["symptoms"]["weakness"] is False and as_json["disposition"] == "emergency"
    shown = " ".join(run_cli("check", "--no-diary", "--text", FACE).out.split())  # the terminal wraps lines
    assert "You have: face drooping, sudden one-sided weakness or numbness (“one side of my face dropped”)" in shown
    assert (
        "You said: “one side of my face dropped” (read as face drooping, sudden one-sided weakness or numbness); "
        "“speech is slurred” (read as sudden speech problem)" in shown
    )
    assert "You said: face drooping" not in shown and "You do not have: weakness" in shown


def test_the_answers_door_keeps_its_plain_labels() -> None:
    given = '{"symptoms": {"face_droop": true, "weakness": true}}'
    shown = " ".join(run_cli("check", "--no-diary", "--answers", "-", stdin=given).out.split())
    assert "You said: face drooping" in shown and "“" not in shown


def test_check_text_reads_stdin_and_answers_a_question() -> None:
    result = run_cli("check", "--no-diary", "--text", "-", stdin="Why is my lower leg twitching at rest?")
    assert result.code == 0, result.err
    assert "Why muscles twitch at rest" in result.out and "Caffeine" in result.out
    assert "To check your own twitching" in result.out
    as_json = run_cli("check", "--no-diary", "--json", "--text", "why is my thigh twitching when relaxed?")
    data = json.loads(as_json.out)
    assert data["from_text"]["answer"]["id"] == "causes"
    assert set(data["from_text"]["answer"]["sources"]) <= set(data["sources"])


@pytest.mark.parametrize(
    ("text", "problem"),
    [("   ", "describe the twitching"), ("x" * 1_000_001, "larger than 1 MB")],
)
def test_check_text_refuses_empty_or_huge_input(text: str, problem: str) -> None:
    result = run_cli("check", "--no-diary", "--text", "-", stdin=text)
    assert result.code == 2 and "--text" in result.err and problem in result.err
    assert result.out == ""


def test_text_and_answers_together_are_refused() -> None:
    result = run_cli("check", "--no-diary", "--text", "calf", "--answers", "-")
    assert result.code == 2 and "not allowed with" in result.err


def test_guided_check_takes_a_description_first_and_asks_only_what_is_missing() -> None:
    replies = "\n".join(["left calf for 3 weeks, no weakness, 5 coffees a day, I'm 40, male", "n", "n"]) + "\n"
    result = run_cli("check", "--no-diary", "--json", "--today", "2026-11-21", stdin=replies)
    assert result.code == 0, result.err
    output = json.loads(result.out.splitlines()[-1])
    assert output["understood"]["duration_days"] == 21 and output["understood"]["age"] == 40
    assert "Where is the twitching?" not in result.out and "How old are you" not in result.out
    assert "What I understood" in result.out


def test_guided_check_answers_a_question_and_stops_when_no_check_is_wanted() -> None:
    result = run_cli("check", "--no-diary", stdin="how do I stop my eye twitching?\nn\n")
    assert result.code == 0
    assert "What helps twitching settle" in result.out and "SELF-CARE" not in result.out


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("No medication, no supplements. Thigh twitching for 5 weeks.", {"region": "thigh"}),
        ("Sleep about 6 hours, not stressed. My thigh twitches.", {"region": "thigh"}),
        ("no weakness, calf twitching", {"region": "calf"}),
    ],
)
def test_a_negation_does_not_reach_a_place_in_another_clause(
    kb: KnowledgeBase, text: str, site: dict[str, str]
) -> None:
    assert to_builtins(read(text, kb, today=TODAY).answers)["sites"] == [site]


def test_a_side_named_after_a_list_of_places_is_theirs(kb: KnowledgeBase) -> None:
    reading = read("Twitching in my calf and foot on the right side for 3 weeks", kb, today=TODAY)
    assert to_builtins(reading.answers)["sites"] == [
        {"region": "calf", "side": "right"},
        {"region": "foot", "side": "right"},
    ]
    compared = read("left hand twitches and looks smaller than on the right", kb, today=TODAY)
    assert to_builtins(compared.answers)["sites"] == [{"region": "hand", "side": "left"}]


@pytest.mark.parametrize(
    "text",
    ["is it ALS?", "Could my calf twitching be MND?", "what are the chances this is motor neurone disease?",
     "I'm terrified this is MND, my left calf has twitched for 3 days", "scared of Lou Gehrig's disease"],
)  # fmt: skip
def test_a_fear_of_als_gets_its_own_sourced_answer(text: str, kb: KnowledgeBase) -> None:
    # Issue 23: "is it ALS?" got nothing and "could this be ALS?" a generic list of red flags.
    from twitchwise.understand.output import question_answer

    reading = read(text, kb, today=TODAY)
    result = assess(reading.answers, kb, today=TODAY, said=reading.said)
    topic = question_answer(reading, kb, result)
    assert topic is not None and topic.id == "is_it_als"
    assert "none developed it" in topic.text and {"S22", "S5"} <= set(topic.sources)
    titles = [point.text for point in topic.points]
    assert any("getting worse" in t for t in titles) and any("wasting" in t for t in titles)
    assert result.disposition in ("self_care", "routine")  # naming the fear raises nothing by itself


def test_a_common_word_is_never_corrected_into_a_symptom(kb: KnowledgeBase) -> None:
    # "washing" is one letter from "wasting": a real English word is not a typo (batch 7 of the real corpus).
    reading = read("I got soap in my eye washing my face", kb, today=TODAY)
    assert "muscle_wasting" not in (reading.answers.symptoms or {})
    typos = to_builtins(read("my calf is twiching and I have weekness", kb, today=TODAY).answers)
    assert typos["sites"] == [{"region": "calf"}] and typos["symptoms"] == {"weakness": True}


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        ("the left side of my face was not moving and spit spilled out of the side of my mouth", "face_droop"),
        ("I tried to smile and only one side of my face attempted it", "face_droop"),
        ("My husband is 61. He seems to stutter and just can't get the words out right.", "slurred_speech"),
        ("I got numbness in my right arm. These symptoms have lasted 15 hours.", "sudden_one_sided_weakness"),
    ],
)
def test_red_flags_told_as_what_others_see_or_with_the_time_in_another_sentence(
    kb: KnowledgeBase, text: str, symptom: str
) -> None:
    reading = read(text, kb, today=TODAY)
    assert (reading.answers.symptoms or {}).get(symptom) is True


def test_doubt_still_makes_a_red_flag_a_question(kb: KnowledgeBase) -> None:
    reading = read("It seems like my left arm is weaker, I think my speech is slurred", kb, today=TODAY)
    symptoms = reading.answers.symptoms or {}
    assert symptoms.get("slurred_speech") is None and "slurred_speech" in reading.said


def test_how_long_one_twitch_lasts_is_not_how_long_it_has_gone_on(kb: KnowledgeBase) -> None:
    assert read("my calf twitches, it only lasts two seconds", kb, today=TODAY).answers.duration_days is None
    weeks = read("my calf has twitched for 3 weeks, each lasting a few seconds", kb, today=TODAY)
    assert weeks.answers.duration_days == 21


@pytest.mark.parametrize(
    "text",
    ["My words seem to come out all mixed up when I talk.", "Some things I can't say right at all, no sound comes out.",
     "I can't think of the right words any more and I've started stuttering."],
)  # fmt: skip
def test_speech_told_by_what_goes_wrong_is_a_speech_change(kb: KnowledgeBase, text: str) -> None:
    reading = read(text, kb, today=TODAY)
    assert (reading.answers.symptoms or {}).get("slurred_speech") is True


@pytest.mark.parametrize(
    "text",
    ["I've stuttered since I was a child.", "I can't say that word right, I never could, it's a tongue twister."],
)
def test_a_lifelong_speech_habit_is_not_a_new_speech_problem(kb: KnowledgeBase, text: str) -> None:
    reading = read(text, kb, today=TODAY)
    assert not reading.answers.symptoms and not reading.said and not reading.answers.sites


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        ("my husband suddenly became unable to communicate this morning", "sudden_speech_problem"),
        ("as soon as I lie down on my back it is hard to breathe", "breathless_lying_flat"),
        ("numbness starting at my nose and the tips of my fingers, then my hands started locking up", "hand_spasms"),
        ("numbness starting at my nose and the tips of my fingers", "lip_or_fingertip_tingling"),
        ("the twitching has become markedly more pronounced", "getting_worse"),
        ("I can barely walk any more", "weakness"),
        ("For the last month his speech has been garbled, like talking with a marble in his mouth", "slurred_speech"),
        ("my right hand began to feel weak, and within less than four hours my left hand felt weak too", "spreading"),
        (
            "Mom called because Dad was not acting right. He was speaking slowly and slurring his words.",
            "sudden_speech_problem",
        ),
        ("his hands move on their own and it makes it hard for him to draw properly", "loss_of_dexterity"),
        ("the right side of her mouth didn't seem to be moving right", "face_droop"),
        ("her handwriting became completely illegible and her calf twitches", "loss_of_dexterity"),
        ("from 2 months she is twitching and now she is not able to swallow rice properly", "swallowing_difficulty"),
        ("when she swallows rice it is getting stuck", "swallowing_difficulty"),
        ("twitching in both hands and her voice also became low", "slurred_speech"),
        ("hlp my bf cant breth proprly n hes twitchin all ovr", "breathing_difficulty"),
        ("twitchy legs 4 a month n now keep trippin over my own feet", "tripping_or_foot_drop"),
        ("my toes catch every step and my calves twitch", "tripping_or_foot_drop"),
        ("she's had twitchy calves for 2 months, worse each week", "getting_worse"),
        ("it hung limp at my side like a dead arm, completely out of nowhere", "sudden_one_sided_weakness"),
        ("Within half an hour he tried to talk to me and couldn't, it was 3 p.m.", "sudden_speech_problem"),
        ("at 5 a.m. his speech sounded slurred", "sudden_speech_problem"),
        ("The morning my husband had a stroke. He said something and it sounded slurred.", "sudden_speech_problem"),
    ],
)
def test_general_wordings_of_red_flags_found_on_real_posts(kb: KnowledgeBase, text: str, symptom: str) -> None:
    # General wordings, several first seen failing on the real corpus's test split (bench/README says which).
    assert _symptoms(kb, text).get(symptom) is True


def test_guided_check_about_someone_else_asks_about_them() -> None:
    replies = "\n".join(["my dad's left calf has twitched for 3 weeks, he's 70", *["n"] * 40]) + "\n"
    result = run_cli("check", "--no-diary", "--json", "--today", "2026-11-21", stdin=replies)
    assert result.code == 0, result.err
    assert "Do they get cramps" in result.out or "Do any of their muscles feel weak" in result.out
    questions = [line for line in result.out.splitlines() if line.rstrip().endswith(("[y/n/?]", "?"))]
    assert questions and not [q for q in questions if re.search(r"\b(?:you|your)\b", q, re.IGNORECASE)], questions


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        # found on real posts: a word that looks like a fact the text does not state
        ("an ENT doctor gave him a week of medicine, his calf twitches", "medications", None),
        ("I take medikinet and my calf twitches", "medications", ["methylphenidate"]),
        ("I'm 35 year.. while speaking my left cheek vibrating", "duration_days", None),
        ("I'm 35 year.. while speaking my left cheek vibrating", "age", 35),
        ("I've smoked for almost 20 years. Yesterday my right hand went numb.", "duration_days", 1),
        ("My boyfriend is thirty, and whenever he speaks his face twitches", "age", 30),
        ("my five-year-old son's hands move on their own while he sleeps", "age", 5),
        ("A five-year-old girl has had twitching for nearly a month; her jaw trembles", "age", 5),
        ("I have five year old twins and my calf twitches", "age", None),
        ("Twitching toddler? Yesterday ds started flinching his head to the left", "age", 2),
        (
            "My eye started twitching this morning. I covered it with my hand and willed it to stop.",
            "sites",
            [{"region": "eyelid"}],
        ),
        (
            "I've had them before on an eyelid. Now I have one in what I guess is my vastus medialis, it feels less "
            "like an eye twitch",
            "sites",
            [{"region": "thigh"}],
        ),
        (
            "Today my hand has been twitching a lot. And there goes my shoulder too.",
            "sites",
            [{"region": "hand"}, {"region": "shoulder"}],
        ),
        ("Today my hand has been twitching a lot.", "duration_days", 0),
        ("My right eye has been twitching for a week; the eye doctor is two weeks away", "duration_days", 7),
        ("I'm forty-two and my calf twitches", "age", 42),
        ("Early on 15 November I noticed my muscles twitching. One day later my hand felt weak.", "duration_days", 6),
        ("I'm now 29 weeks + 4 and my legs are really twitchy", "duration_days", None),
        ("I am 3 weeks into this twitching", "duration_days", 21),
        ("My mother was diagnosed last month with PD. Last evening her arm twitched", "duration_days", 1),
        ("I take a statin and after a year I have started to get cramp in my calves", "duration_days", None),
        ("Last March I had calf cramps at 20 miles that made it impossible to run", "duration_days", None),
        (
            "one leg, my left leg, twitches as I fall asleep; yes, it's called restless legs",
            "sites",
            [{"region": "calf", "side": "left"}],
        ),
        ("I noticed a tingling on my right cheek, like when your legs fall asleep", "sites", None),
        ("There is no drooping of my eye or mouth, my calf twitches", "sites", [{"region": "calf"}]),
        ("My calf twitches. She has worn glasses for the last three or four years.", "duration_days", None),
        ("My right eyelid seems to have developed a twitch today.", "duration_days", 0),
        ("My mother is 51 and for the past year has had twitching on one side of her face.", "duration_days", 365),
        ("my son for 2 years has been doing karate and his calf twitches", "duration_days", None),
        ("Calf twitching. The doctor said a few days of rest.", "duration_days", None),
        ("She was 2 weeks early and twitches in her sleep.", "duration_days", None),
        ("I have had 3 weeks of twitching in my calf.", "duration_days", 21),
        ("My daughter is a week old and her arms twitch in her sleep.", "age", 0),
        ("I have a week old bruise and my calf twitches", "age", None),
        ("my eye started jumping and twitching (its more of a tiny muscle spasm)", "symptoms", None),
        ("painful muscle spasms in my calves", "symptoms", {"pain": True, "cramps": True}),
        ("my shin and calf muscles cramped while I slept", "symptoms", {"cramps": True}),
        (
            "I can't settle at night because of my arms. Whatever I do, they start to twitch as I doze off.",
            "sites",
            [{"region": "upper_arm", "side": "both"}],
        ),
    ],
)
def test_words_that_look_like_a_fact_the_text_does_not_state(
    kb: KnowledgeBase, text: str, field: str, value: object
) -> None:
    assert to_builtins(read(text, kb, today=TODAY).answers).get(field) == value


def test_a_medicine_begun_years_ago_is_not_a_new_medicine(kb: KnowledgeBase) -> None:
    old = read("She started a hormone patch a year ago and her calf twitches", kb, today=TODAY).answers
    new = read("She started a hormone patch last week and her calf twitches", kb, today=TODAY).answers
    assert (old.symptoms or {}).get("new_medication") is None
    assert (new.symptoms or {}).get("new_medication") is True


def test_words_mostly_about_someone_else_are_about_them(kb: KnowledgeBase) -> None:
    text = (
        "Chris's swallow is weaker and he chokes more when he drinks. His speech is worse today and he is tired. "
        "I was nagging him to see the GP."
    )
    assert read(text, kb, today=TODAY).about == "someone_else"
    assert read("My calf twitches and I am worried. He says it is nothing.", kb, today=TODAY).about == "self"


def test_what_was_understood_about_someone_else_is_told_as_theirs(kb: KnowledgeBase) -> None:
    from twitchwise.understand.words import understood_lines

    theirs = understood_lines(read("my mum's speech is slurred and her calf twitches", kb, today=TODAY), kb)
    mine = understood_lines(read("my speech is slurred and my calf twitches", kb, today=TODAY), kb)
    assert any(line.startswith("They have: ") for line in theirs) and not any("You have" in line for line in theirs)
    assert any(line.startswith("You have: ") for line in mine)


@pytest.mark.parametrize(
    "text", ["my twitching is not responding to magnesium", "my husband is not answering his phone, my calf twitches"]
)
def test_not_responding_to_a_treatment_or_a_phone_is_not_unresponsive(kb: KnowledgeBase, text: str) -> None:
    assert _symptoms(kb, text).get("fainting") is None


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        ("Sudden diplopia an hour ago, plus twitching eyelid for a week.", "sudden_vision_problem"),
        ("New right-sided hemiparesis since 9am today, calf fasciculations for a while.", "sudden_one_sided_weakness"),
        ("Fasciculations in R quad for 3/52, now acute onset dysarthria this morning.", "sudden_speech_problem"),
        ("L facial droop this morning and twitching cheek.", "face_droop"),
        ("Progressive weakness of my grip over 6 weeks with fasciculations in the forearm.", "getting_worse"),
        ("Orthopnoea for two weeks and my arms twitch.", "breathless_lying_flat"),
    ],
)
def test_red_flags_in_the_clinical_words_of_a_nurse_or_a_vignette(kb: KnowledgeBase, text: str, symptom: str) -> None:
    assert _symptoms(kb, text).get(symptom) is True


def test_a_long_standing_hemiparesis_is_not_a_sudden_one(kb: KnowledgeBase) -> None:
    reading = read("I have had a left hemiparesis for years since my accident, and my calf twitches", kb, today=TODAY)
    assert (reading.answers.symptoms or {}).get("sudden_one_sided_weakness") is not True


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Twitching calf since Halloween, nothing else wrong.", 31),
        ("My eyelid has twitched since Thanksgiving.", 5),  # 26 November 2026
        ("Since New Year my calves have twitched.", 334),
        ("It began at Easter and my thigh still twitches.", 240),  # 5 April 2026
        ("Twitches in my calf since the summer holidays.", 183),
        ("Started twitching in my left bicep around my birthday in September and it's still going.", 91),
        ("I started a new job in September and the twitching began last week.", 7),
        ("Happy New Year! My calf has twitched for 3 days.", 3),
    ],
)
def test_a_twitching_dated_by_a_holiday_a_season_or_its_onset_verb(kb: KnowledgeBase, text: str, days: int) -> None:
    assert read(text, kb, today=dt.date(2026, 12, 1)).answers.duration_days == days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # past the NHS's two weeks, not at them: "more than 2 weeks" had been 14 days, self-care
        ("My calf has twitched for more than 2 weeks.", 15),
        ("calf twitching for over two weeks", 15),
        ("twitching for longer than a fortnight", 15),
        ("calf twitching for 2+ weeks now", 15),
        (">2 weeks of twitching in my foot", 15),
        ("it started more than 2 weeks ago in my calf", 15),
        ("calf twitching over the last 2 weeks", 14),  # during them
        # a count so far, a sized article, the twitching's own age, the clocks, an event dated after it
        ("Calf twitches. Day 20 today.", 20),
        ("Day 3 of eyelid twitching", 3),
        ("It's been going a good month now, the flicker in my quad", 30),
        ("The twitching in my leg is nearly 3 weeks old now", 21),
        ("on and off since the clocks went back, right calf", 37),  # Sunday 25 October 2026
        ("I've had a twitchy bicep since I started the new job, which was in August", 122),
        ("left shoulder twitch ever since my covid jab in the summer", 183),
        ("calf twitching for 2 and a half weeks", 18),  # had been half a week
        ("calf twitching for twenty one days", 21),  # had been one day
        ("calf twitching for 10ish days", 10),
        ("calf twitching x10 days", 10),
        ("calf twitching 3/52", 21),
        ("calf twitching since the weekend", 3),  # Saturday 28 November
        ("my calf has been twitching for weeks", 14),  # at least two, said as assumed
        ("I've had twitches in my thigh for months", 60),
    ],
)
def test_how_long_told_in_other_ways(kb: KnowledgeBase, text: str, days: int) -> None:
    assert read(text, kb, today=dt.date(2026, 12, 1)).answers.duration_days == days


@pytest.mark.parametrize(
    "text",
    [
        "my 3 week old baby twitches in her sleep",
        "calf twitching since Monday, I had covid in the summer",
        "twitching since yesterday and I was in Spain in August",
        "eyelid twitching since yesterday. I read it can go on for weeks.",
    ],
)
def test_other_times_near_the_twitching_are_not_its_time(kb: KnowledgeBase, text: str) -> None:
    assert (read(text, kb, today=dt.date(2026, 12, 1)).answers.duration_days or 0) <= 2


def test_a_clinical_note_s_sides_and_spans_are_read(kb: KnowledgeBase) -> None:
    reading = read("58M, fasciculations R forearm x 4/52 and L thigh for 6/12.", kb, today=TODAY)
    assert reading.answers.duration_days == 180
    assert {(s.region, s.side) for s in reading.answers.sites or []} == {("forearm", "right"), ("thigh", "left")}
    assert read("since 3/12 my calf twitches", kb, today=TODAY).answers.duration_days is None  # a date, not a span


# Labels that name two things at once, or a fact about someone other than the person twitching
_NOT_SAID_AS_ONE = {"chest_pain_or_racing_heart", "under_3_months"}


@pytest.mark.parametrize("symptom", sorted(set(load_knowledge_base().symptoms) - _NOT_SAID_AS_ONE))
def test_every_symptom_said_in_the_check_s_own_words_is_read(kb: KnowledgeBase, symptom: str) -> None:
    # Someone who has just read a question or a result may type its words back: "... and sudden trouble seeing".
    label = kb.symptoms[symptom].label
    for text in (f"My calf twitches. I have {label}.", f"twitching calf and {label} since this morning"):
        assert _symptoms(kb, text).get(symptom) is True, text


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        ("is it normal to not be able to lift my left arm since this morning?", "sudden_one_sided_weakness"),
        ("Would it matter that my grip is weaker than last month? Twitching in my forearm.", "loss_of_dexterity"),
        ("Is it bad that my smile has gone a bit crooked? I also get twitching in my cheek.", "face_droop"),
        ("Should I worry that drinks go down the wrong way every day now?", "swallowing_difficulty"),
    ],
)
def test_a_question_about_a_fact_it_tells_reports_the_fact(kb: KnowledgeBase, text: str, symptom: str) -> None:
    # "Is it normal that ..." asks whether it matters; that it happens is told (and never only asked about)
    assert _symptoms(kb, text).get(symptom) is True


@pytest.mark.parametrize(
    "text", ["Is it normal to worry that my face might droop?", "could this be a stroke? my calf twitches"]
)
def test_a_worry_inside_a_question_stays_a_question(kb: KnowledgeBase, text: str) -> None:
    symptoms = _symptoms(kb, text)
    assert True not in symptoms.values()


def test_a_stroke_looked_for_and_ruled_out_is_not_asked_again(kb: KnowledgeBase) -> None:
    text = (
        "My doctor checked me last month for stroke signs after a scare, all clear. "
        "Now just a twitchy eyelid since Tuesday."
    )
    reading = read(text, kb, today=dt.date(2026, 12, 1))
    assert not reading.said and not reading.answers.symptoms
    assert reading.answers.duration_days == 7  # the eyelid's time, not the check's


@pytest.mark.parametrize(
    ("text", "new"),
    [
        ("I'm on prednisolone for my asthma since last week and my legs have started twitching", True),
        ("I have been taking prednisone for six days and feel shaky", True),
        ("I have taken sertraline for years and my calf twitches", False),
        ("on sertraline for 2 years since my divorce, calf twitches", False),
        ("I take a water tablet for my blood pressure, have done for years. Feet twitching", False),
        ("I'm on Concerta for ADHD, been on it 3 years. Eye twitching for a month", False),
        ("on sertraline, twitching in my calf for 3 years", None),  # the twitching's years, not the medicine's
        ("on losartan for years and started sertraline last week, calf twitching", True),
        ("Both hands twitching, I'm on prednisolone for a flare which I started a month ago", True),
        ("I've been on sertraline for years but my dose went up last week, calf twitching", None),  # asked, never no
        ("I take citalopram and last week my GP added tramadol for my back, now my legs are jumping", True),
        # a start that is not a medicine's: the twitching, a job, a habit, a child's blinking
        ("my calf twitching just started yesterday", None),
        ("I just started a new job and my eyelid twitches", None),
        ("I just started back up my habit of walking this week and my legs twitch", None),
        ("My son has recently started blinking his eyes a lot", None),
        ("I just started a new medicine last week and my calves twitch", True),
        ("recently started on a new tablet for my blood pressure, calves twitch", True),
        ("I've recently started HRT, twitching legs", True),
        ("just started the pill and my eyelid twitches", True),
        ("started on antibiotics three days ago, my calf twitches", True),
    ],
)
def test_a_medicine_taken_for_days_or_weeks_is_new_and_one_taken_for_years_is_not(
    kb: KnowledgeBase, text: str, new: bool | None
) -> None:
    assert _symptoms(kb, text).get("new_medication") is new


@pytest.mark.parametrize(
    "text",
    [
        "baby is 6 weeks, felt hot so took temp, 38.2, her arms keep twitching",
        "temp: 38.6 and twitchy legs",
        "the baby is 10 days old, she feels really hot, 38.1, and keeps twitching her legs",
    ],
)
def test_a_temperature_given_after_a_comma_is_a_fever(kb: KnowledgeBase, text: str) -> None:
    assert _symptoms(kb, text).get("fever") is True


def test_breathlessness_that_went_away_is_asked_about_and_chest_pain_that_did_still_counts(kb: KnowledgeBase) -> None:
    reading = read("I was short of breath yesterday but it went away, calf twitching since", kb, today=TODAY)
    assert (reading.answers.symptoms or {}).get("breathing_difficulty") is None
    reading = read("had a bit of chest pain last week that went away quickly, calf twitching since", kb, today=TODAY)
    assert (reading.answers.symptoms or {}).get("chest_pain") is True  # 11a's "see a GP" is not a rule yet: urgent


@pytest.mark.parametrize(
    "text",
    [
        "my 12 year old's arms twitch and she has a temperature of 38.5 and won't stop shivering",
        "my son is 6, fever of 38.9, twitchy legs, he says his muscles hurt",
        "toddler with a temp of 39, twitching, hasn't had a wee since this morning and can't be settled",
    ],
)
def test_the_nhs_amber_signs_of_a_child_with_a_fever_are_urgent(kb: KnowledgeBase, text: str) -> None:
    reading = read(text, kb, today=TODAY)
    result = assess(reading.answers, kb, today=TODAY, said=reading.said)
    assert "child_fever_amber_signs" in {flag.id for flag in result.red_flags}
    assert result.disposition in {Disposition.URGENT, Disposition.EMERGENCY}


def test_an_adult_with_a_fever_who_shivers_is_not_given_the_children_s_amber_rule(kb: KnowledgeBase) -> None:
    reading = read("I'm 30, fever of 38.5, shivering a lot, calf twitching", kb, today=TODAY)
    result = assess(reading.answers, kb, today=TODAY, said=reading.said)
    assert "child_fever_amber_signs" not in {flag.id for flag in result.red_flags}


def test_a_now_after_a_time_long_past_makes_what_follows_a_report(kb: KnowledgeBase) -> None:
    text = "My dad had a stroke 5 years ago; now he has twitching and his speech is slurred"
    assert _symptoms(kb, text).get("slurred_speech") is True
    text = "Two years ago my speech was slurred for a week, and now my calf twitches"
    assert _symptoms(kb, text).get("slurred_speech") is None  # then, not now


@pytest.mark.parametrize(
    ("text", "symptoms"),
    [
        ("calf twitch. No weakness, numbness, tingling or pain.",
         {"weakness": False, "numbness": False, "tingling": False, "pain": False}),
        ("calf twitch, no fever, rash, vomiting or headache", {"fever": False, "recent_fluid_loss": False}),
        ("No slurring, swallowing problems or breathing problems, just the twitch",
         {"slurred_speech": False, "swallowing_difficulty": False, "breathing_difficulty": False}),
        ("calf twitch 3 days. No sudden one-sided weakness or numbness.",
         {"weakness": False, "numbness": False}),  # each word denied, so every reading of it is
        ("calf twitching 4 days. I dont have any weakness, numbness or trouble swallowing.",
         {"weakness": False, "numbness": False, "swallowing_difficulty": False}),
        ("calf twitching, nothing like weakness, atrophy or slurred speech",
         {"weakness": False, "muscle_wasting": False, "slurred_speech": False}),
        ("calf twitch 3 days; negative for weakness, numbness, dysarthria, dysphagia",
         {"weakness": False, "numbness": False, "slurred_speech": False, "swallowing_difficulty": False}),
        # an item that is told, not listed, is not denied
        ("no fever or rash, vomiting since yesterday", {"fever": False, "recent_fluid_loss": True}),
        ("no fever, I have been vomiting all day", {"fever": False, "recent_fluid_loss": True}),
    ],
)  # fmt: skip
def test_a_denial_reaches_every_item_of_its_list(kb: KnowledgeBase, text: str, symptoms: dict[str, bool]) -> None:
    read_symptoms = _symptoms(kb, text)
    assert {name: read_symptoms.get(name) for name in symptoms} == symptoms


def test_a_long_story_that_never_names_twitching_has_no_twitching_place(kb: KnowledgeBase) -> None:
    story = (
        "I have foot drop. My left foot is freezing most of the time, and from time to time so painful that I have "
        "to take off my shoe. It started after my knee operation, and my left leg gets tired when I walk far."
    )
    assert read(story, kb, today=TODAY).answers.sites is None
    tongue = story + " Now it is in my tongue as well."
    assert [s.region for s in read(tongue, kb, today=TODAY).answers.sites or []] == ["tongue"]  # a red flag's place
    assert read("left calf, 3 days, no weakness", kb, today=TODAY).answers.sites == [Site(region="calf", side="left")]


@pytest.mark.parametrize(
    "text",
    [
        "If I ever got slurred speech I'd go straight to A&E, but for now it's just my calf twitching, 4 days.",
        "Worried about stroke because my dad had one, but I'm 32 and my only symptom is a twitchy thumb.",
        "The leaflet says to call 999 if your face droops. My eyelid twitches since Sunday.",
    ],
)
def test_a_plan_advice_or_someone_else_s_stroke_is_not_asked_about(kb: KnowledgeBase, text: str) -> None:
    reading = read(text, kb, today=TODAY)
    assert not reading.said and True not in (reading.answers.symptoms or {}).values()


def test_a_form_or_a_list_pasted_in_is_read_line_by_line(kb: KnowledgeBase) -> None:
    form = "Age: 62\nSymptoms: twitching in both arms, trouble swallowing liquids\nStarted: 2 months ago"
    assert (read(form, kb, today=TODAY).answers.symptoms or {}).get("swallowing_difficulty") is True
    bullets = "- twitching left arm\n- since 20 mins left side of face drooping\n- speech slurred"
    assert (read(bullets, kb, today=TODAY).answers.symptoms or {}).get("face_droop") is True
    wrapped = "Suddenly my left arm\nwent numb and heavy, my calf twitches"  # a wrapped line is one sentence
    assert (read(wrapped, kb, today=TODAY).answers.symptoms or {}).get("sudden_one_sided_weakness") is True


@pytest.mark.parametrize(
    ("text", "swallowing"),
    [
        ("Q: weakness? no. numbness? no. trouble swallowing? no. Just calf twitch since Sunday.", False),
        ("trouble swallowing? yes, for a month. calf twitches", True),
        ("Do I have trouble swallowing? No idea, my calf twitches", None),
    ],
)
def test_a_question_answered_in_the_text_is_read_with_its_answer(
    kb: KnowledgeBase, text: str, swallowing: bool | None
) -> None:
    assert _symptoms(kb, text).get("swallowing_difficulty") is swallowing


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        # found by the third held-out set (heldout-c.yaml), each learnt as a general rule
        ("Abdominal twitching for about 10 days. 30F. Non smoker.", "age", 30),
        ("Abdominal twitching for about 10 days. 30F. Non smoker.", "sex", "female"),
        ("Abdominal twitching for about 10 days.", "sites", [{"region": "abdomen"}]),
        ("im 19 f. thigh twitch 4 days.", "sex", "female"),  # the "m" of "i m" is "I'm"
        ("24 y/o guy, eyelid twitch 2 weeks", "age", 24),
        ("Wife here. My husband (45) has been twitching in both calves for 2 weeks.", "sex", "male"),
        ("left thigh twitching ~2 wks", "duration_days", 14),
        ("my eyelid has been twitching a fortnight", "duration_days", 14),
        ("Twitching in my calf muscle on the left for 5 days", "duration_days", 5),
        ("I have health anxiety and for 2 weeks my whole body is twitching.", "duration_days", 14),
        ("she drinks monster energy, 2 cans a day", "caffeine_mg_per_day", 320),  # a 500 mL can each
        ("I drink 10 cans of diet coke a day", "caffeine_mg_per_day", 350),
        ("Caffeine ~400mg/d. Non-smoker.", "caffeine_mg_per_day", 400),
        ("sleeping 5-6 hrs, 2 coffees", "caffeine_mg_per_day", 190),  # the range is the sleep's, not the coffee's
        ("maybe 2 glasses of water, lots of tea (6 cups)", "caffeine_mg_per_day", 240),  # the cups are the tea's
        ("3 lattes and a red bull most days", "caffeine_mg_per_day", 365),
        ("3 double espressos today", "caffeine_mg_per_day", 285),
        ("stress at work is through the roof (9/10)", "stress_0_10", 9),
        ("under a lot of pressure at work", "stress_0_10", 8),
        ("anxious as hell", "stress_0_10", 8),
        ("had 12 units last night at a wedding", "alcohol_units_per_week", 12),
        ("drink about a litre and a half of water daily", "water_litres_per_day", 1.5),
        ("Tricep twitch after a heavy chest and tris session", "recent_intense_exercise", True),
        ("running on 4 hours sleep", "recent_intense_exercise", None),
        ("weakness in my shoulder lifting my arm", "recent_intense_exercise", None),
        ("GP added tramadol for my back, now my legs are jumping", "back_or_neck_pain", True),
        ("GP added tramadol for my back, now my legs are jumping", "sites", [{"region": "calf", "side": "both"}]),
        ("I get twitching in my calves and cramps", "sites", [{"region": "calf", "side": "both"}]),
        ("Not just my calf any more - my thigh twitches too now", "sites", [{"region": "calf"}, {"region": "thigh"}]),
        # found by the fourth held-out set (heldout-d.yaml)
        ("all over my back and shoulders", "sites", [{"region": "back"}, {"region": "shoulder", "side": "both"}]),
        ("left calf sore and twitching for a week", "sites", [{"region": "calf", "side": "left"}]),
        ("my legs tired and twitchy after running", "sites", [{"region": "calf", "side": "both"}]),
        ("my toes keep twitching", "sites", [{"region": "foot"}]),  # several toes of one foot, not both feet
        ("Twitch in my left bicep for about a week and a half", "duration_days", 10),
        (
            "My 4 year old's eyelid has been twitching for 3 days, she had a cold last week, no fever now",
            "duration_days",
            3,
        ),
        ("Calves twitching, 2 weeks, I'm 48, perimenopausal", "sex", "female"),
        ("I cycle 200 km a week and my hamstrings twitch", "recent_intense_exercise", True),
        ("I've been taking my asthma inhaler (salbutamol) a lot more", "medications", ["salbutamol"]),
        (
            "my whole body is twitching. Arms, legs, back.",
            "sites",
            [
                {"region": "widespread"},
                {"region": "upper_arm", "side": "both"},
                {"region": "calf", "side": "both"},
                {"region": "back"},
            ],
        ),
    ],
)
def test_fields_said_in_everyday_ways(kb: KnowledgeBase, text: str, field: str, value: object) -> None:
    assert to_builtins(read(text, kb, today=TODAY).answers).get(field) == value


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("calf twitch, swallowing and speech fine", {"swallowing_difficulty", "slurred_speech"}),
        ("calf twitch, speech and swallowing are normal", {"swallowing_difficulty", "slurred_speech"}),
        (
            "zero weakness, no trouble talking, breathing or swallowing",
            {"weakness", "slurred_speech", "breathing_difficulty", "swallowing_difficulty"},
        ),
        (
            "No weakness, no wasting, no bulbar symptoms.",
            {"weakness", "muscle_wasting", "slurred_speech", "swallowing_difficulty"},
        ),
        ("my grip is good, calf twitching", {"weakness"}),
        ("face twitching, my smile is fine", {"face_droop"}),
        ("neck twitching, no weakness, no numbness, no headache", {"weakness", "numbness", "severe_headache"}),
    ],
)
def test_a_function_said_to_be_fine_answers_its_red_flag(kb: KnowledgeBase, text: str, absent: set[str]) -> None:
    symptoms = _symptoms(kb, text)
    assert {s for s, v in symptoms.items() if v is False} == absent


@pytest.mark.parametrize(
    "text",
    [
        "my speech was fine until yesterday, now it is slurred",
        "not sure my swallowing is normal",
        "I think my speech is fine but my wife says it sounds odd",
        "I can't have normal speech since this morning",
    ],
)
def test_a_function_fine_only_until_lately_or_in_doubt_is_not_a_no(kb: KnowledgeBase, text: str) -> None:
    symptoms = _symptoms(kb, text)
    assert symptoms.get("slurred_speech") is not False and symptoms.get("swallowing_difficulty") is not False


def test_one_who_comments_is_not_the_one_the_words_are_about(kb: KnowledgeBase) -> None:
    """Found by the vignettes told by a parent whose partner plays it down: the child's age was lost."""
    text = (
        "My husband thinks it's nothing and says I fuss, but here goes. My son is 5. Twitching in his left calf "
        "since yesterday. He has a fever and a rash that does not fade under a glass."
    )
    reading = read(text, kb, today=TODAY)
    assert reading.about == "someone_else" and reading.answers.age == 5
    assert assess(reading.answers, kb, today=TODAY, said=reading.said).disposition == Disposition.EMERGENCY
    assert read("My dad says his arm twitches, he is 70", kb, today=TODAY).answers.age == 70  # he speaks of himself


def test_someone_elses_past_twitch_does_not_date_this_one(kb: KnowledgeBase) -> None:
    text = "My friend had an eye twitch last year that went away on its own. Twitching in my left calf for 3 days."
    answers = read(text, kb, today=TODAY).answers
    assert answers.duration_days == 3 and answers.sites == [Site(region="calf", side="left")]


def test_a_new_clause_about_the_twitching_is_not_denied_by_the_list_before_it(kb: KnowledgeBase) -> None:
    text = "im 31, twitching in my left calf for 9 days, no difficulty swallowing, the twitching has spread to my thigh"
    symptoms = _symptoms(kb, text)
    assert symptoms == {"swallowing_difficulty": False, "spreading": True}


@pytest.mark.parametrize(
    ("text", "symptom", "state"),
    [
        # found by the vignettes told as a clinical note and with slips of the keys
        ("Denies weakness, numbness, dysarthria, dysphagia, shortness of breath, fever, pain, cramps, wasting, "
         "face drooping, sudden one-sided weakness or numbness, fainting or unresponsiveness.", "fainting", False),
        ("Denies weakness, numbness, dysarthria, dysphagia, shortness of breath, fever, pain, cramps, wasting, "
         "face drooping, sudden one-sided weakness or numbness.", "sudden_one_sided_weakness", False),
        ("no difficulty breathing, breathless lying flat, or fever", "breathless_lying_flat", False),
        ("I have a tepmerature of 38.5", "fever", True),
        ("my heart is raicng and pounding", "racing_heart", True),
        ("my tognue has been twitching", "tongue_twitching", True),
        ("I get crmaps in the same muscles", "cramps", True),
        ("I've lost wegiht without trying", "weight_loss", True),
    ],
)  # fmt: skip
def test_long_denied_lists_and_slips_of_the_keys(kb: KnowledgeBase, text: str, symptom: str, state: bool) -> None:
    read_as = _symptoms(kb, text).get(symptom)
    assert read_as is True if state else read_as is not True  # a denied one is no, or left to be asked


def test_a_note_s_bilateral_is_both_sides(kb: KnowledgeBase) -> None:
    sites = read("28yo. Twitching bilat calf x 4/7.", kb, today=TODAY).answers.sites
    assert sites == [Site(region="calf", side="both")]


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("twitching at the back of my right knee, 4 days", {"knee"}),  # not the back as well
        ("the back of my hand twitches", {"hand"}),
        ("twitching in the back of my neck and my back", {"neck", "back"}),
        ("twitches in my hammy and my forearm", {"thigh", "forearm"}),
        ("twitching near my collarbone", {"chest"}),
        ("twitching in my armpit", {"chest"}),
        ("my ear twitches", {"face"}),
        ("twitching in my groin", {"thigh"}),
        ("random twitches in my body", {"widespread"}),
        ("I sleep on my side and my calf twitches", {"calf"}),
        ("vomiting for 3 days, and now my calves are cramping and twitching", {"calf"}),  # had been no place
        ("my legs feel numb and twitchy", {"calf"}),
        ("her hand feels numb and my calf twitches", {"calf"}),
        ("Heavy legs after a 12 hour shift on my feet, calf twitching in bed, 3 days", {"calf"}),
    ],
)
def test_the_back_of_a_place_and_slang_places(kb: KnowledgeBase, text: str, regions: set[str]) -> None:
    assert {s.region for s in read(text, kb, today=TODAY).answers.sites or []} == regions


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("My son is in Year 8 and his calf keeps twitching", 12),  # had been read as 8
        ("my daughter's in 7th grade and her eyelid has been twitching for 3 days", 12),
        ("I'm in year 12 and my calf twitches", 16),
        ("twelve-year-old here, my leg twitches, 2 days", 12),
        ("my 14 y.o. has a twitchy thigh since monday", 14),
        ("In year 2024 my calf twitched", None),
        ("Year 9 student, eye twitch", 13),
        ("I'm 50-something, calf twitching", 55),  # the rule at 50 turns on these: each had been no age
        ("just turned 50, calf twitching", 50),
        ("turning 51 next month, calf twitching", 50),
        ("I'm a 50s woman, calf twitching", 55),
        ("late fifties male, calf twitching", 58),
        ("55/F, calf twitching", 55),
        ("my elderly mum (in her 80s) has a twitching thigh", 85),
        ("I have 50 twitches a day in my calf", None),
    ],
)
def test_ages_told_by_school_year_and_short_forms(kb: KnowledgeBase, text: str, age: int | None) -> None:
    assert read(text, kb, today=TODAY).answers.age == age


def test_a_baby_s_age_told_by_the_birth(kb: KnowledgeBase) -> None:
    reading = read("baby born 7 weeks ago has a temperature of 38.1 and twitchy arms", kb, today=TODAY)
    assert reading.answers.age == 0 and (reading.answers.symptoms or {}).get("under_3_months") is True


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        ("no fever, more weakness in my arm lately, calf twitching", "weakness"),  # had been denied by "no"
        ("no fever, loads of cramps, calf twitching", "cramps"),
    ],
)
def test_more_or_less_of_something_after_a_denial_is_a_new_statement(
    kb: KnowledgeBase, text: str, symptom: str
) -> None:
    found = _symptoms(kb, text)
    assert found.get(symptom) is True and found.get("fever") is False
    assert (read("no more weakness, calf twitching", kb, today=TODAY).answers.symptoms or {}).get("weakness") is False


def test_last_winter_is_the_winter_that_has_ended(kb: KnowledgeBase) -> None:
    today = dt.date(2026, 12, 1)  # the first day of this winter
    assert read("eye twitch since last winter, still going", kb, today=today).answers.duration_days == 365
    assert read("calf twitch since last summer", kb, today=today).answers.duration_days == 183


def test_everything_twitching_is_widespread(kb: KnowledgeBase) -> None:
    sites = read("12 cups of coffee a day for exams and everything twitches", kb, today=TODAY).answers.sites or []
    assert [s.region for s in sites] == ["widespread"]


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        # English as a second language: the words a deficit is told in
        ("my hand is not having power since 1 month, also fingers twitching", "weakness"),
        ("the body is paining and I take atorvastatin, legs are twitching", "pain"),
        ("I am feeling very difficult to breathe now and my muscles twitching all over", "breathing_difficulty"),
        ("my vision suddenly became two two images since one hour, eyelid twitching", "sudden_vision_problem"),
        # "not able to …" is an inability told, not a denial opening a list
        ("I am not able to climb stairs like before, legs getting weak weak every week", "getting_worse"),
    ],
)
def test_second_language_words_for_red_flags(kb: KnowledgeBase, text: str, symptom: str) -> None:
    assert _symptoms(kb, text).get(symptom) is True


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        ("I don't want to waste anyone's time, my foot keeps slapping down when I walk", "tripping_or_foot_drop"),
        ("I think I'm fine, I just had a small fit earlier, first one ever, thigh twitching", "seizure"),
        ("only slightly thinner, my left calf compared to right, and it twitches", "muscle_wasting"),
    ],
)
def test_red_flags_played_down_are_still_read(kb: KnowledgeBase, text: str, symptom: str) -> None:
    assert _symptoms(kb, text).get(symptom) is True


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        # a homophone, a dictation slip or a misspelling of a red flag (each had been self-care or routine)
        ("my face is dropping on one side since this morning and my cheek twitches", "face_droop"),
        ("water keeps going down the wrong whole when I drink, throat twitching", "swallowing_difficulty"),
        ("I feel faint and then I past out in the kitchen, legs twitching", "fainting"),
        ("I had a seizer an hour ago and my arm keeps twitching", "seizure"),
        ("my legs are getting weeker month by month and twitch", "getting_worse"),
        ("worst head ache of my life came on in seconds and my eyelid twitches", "severe_headache"),
        # phonetic misspellings of more than one slip, or of short words
        ("my arm is parralised since an hour ago and my shoulder twitches", "paralysis"),
        ("she colapsed and was unconcious for a minute, her legs were twitching", "fainting"),
        ("my son (6) has a feaver of 39 and a rash that dosent fade with a glass", "rash_not_fading"),
        ("I have chest pian spreading to my jaw and I feel sweaty, arm twitching", "chest_pain_severe"),
        ("my tung is twitching and looks a bit wrinkly", "tongue_twitching"),
    ],
)
def test_homophones_and_dictation_slips_of_red_flags(kb: KnowledgeBase, text: str, symptom: str) -> None:
    assert _symptoms(kb, text).get(symptom) is True


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        ("SINCE ABOUT 20 MIN AGO I CAN'T GET MY WORDS OUT. calf twitching", "sudden_speech_problem"),
        ("I CAN'T CATCH MY BREATH EVEN AT REST, my calf twitches", "breathing_difficulty"),
        ("HELP. MY DAD ZONED OUT AND DIDN'T ANSWER ANYONE FOR A FEW MINUTES", "fainting"),
    ],
)
def test_a_text_in_capitals_is_read_as_in_lower_case(kb: KnowledgeBase, text: str, symptom: str) -> None:
    assert _symptoms(kb, text).get(symptom) is True


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        # a red flag told of him or her in words first written for "my"
        ("My husband (58): crushing pain in the middle of his chest going down his left arm", "chest_pain_severe"),
        ("My husband (58): chest pain spreading to his jaw", "chest_pain_severe"),
        ("My husband (58): people keep asking if he's drunk because of how he talks", "slurred_speech"),
        ("My husband (58): he's catching his toes on the stairs", "tripping_or_foot_drop"),
        ("My husband (58): numbness in the tips of his fingers", "lip_or_fingertip_tingling"),
        ("My mum says food keeps getting stuck in her throat", "swallowing_difficulty"),
    ],
)
def test_red_flags_told_of_someone_else(kb: KnowledgeBase, text: str, symptom: str) -> None:
    assert _symptoms(kb, text).get(symptom) is True


@pytest.mark.parametrize(
    ("text", "symptom", "state"),
    [
        ("No fever, no rash, cant breath properly, calf twitching", "breathing_difficulty", True),
        ("no headache or fever and one side of my face fell at dinner", "face_droop", True),
        ("Without any warning, my legs feel like lead climbing stairs", "weakness", True),
        ("Never had this before, my speech is slurred", "slurred_speech", True),
        # a list still denies each of its items
        ("no weakness, no numbness, tingling or pain", "pain", False),
        ("No fever, no rash, no headache, calf twitching", "headache", False),
        ("no sudden, heavy or spreading chest pain, calf twitching", "chest_pain", False),
        ("no pain and my legs feel weak", "weakness", True),  # a new clause with its own subject: had been denied
        ("I've lost over a stone without trying and my legs feel weaker each week", "weakness", True),
        ("no weakness in my arms and my legs", "weakness", False),
        ("no weakness and my speech is fine", "slurred_speech", False),
        ("no weakness, numbness or tingling, calf twitching", "numbness", False),
        ("no pain and numbness, calf twitching", "numbness", False),
        ("Denies fever, chills, weight loss for the past month, calf twitching", "weight_loss", False),
        ("no weakness, sudden one-sided numbness or tingling, calf twitching", "sudden_one_sided_weakness", False),
    ],
)
def test_where_a_denial_ends(kb: KnowledgeBase, text: str, symptom: str, state: bool) -> None:
    read_as = _symptoms(kb, text).get(symptom)
    assert read_as is True if state else read_as is not True


@pytest.mark.parametrize(
    ("text", "mg"),
    [
        ("a 12 pack of diet coke a day, calf twitching", 420),
        ("6x coffee daily, calf twitching", 570),
        ("half a dozen coffees a day, calf twitching", 570),  # had been a dozen
        ("two venti lattes a day, calf twitching", 190),
        ("10+ coffees a day, calf twitching", 950),
    ],
)
def test_caffeine_told_in_more_ways(kb: KnowledgeBase, text: str, mg: float) -> None:
    assert read(text, kb, today=TODAY).answers.caffeine_mg_per_day == mg


@pytest.mark.parametrize(
    ("text", "mg"),
    [
        ("3 x 500ml monster a day, calf twitching", 480),  # had been left uncounted
        ("3x500ml monsters daily, calf twitching", 480),
        ("a 500 ml can of monster a day, calf twitching", 160),
        ("3 monsters a day, calf twitching", 480),  # a can of Monster is 500 mL, not a 250 mL energy drink
        ("about 1.5 litres of energy drink a day, calf twitching", 480),
        ("a 500ml bottle of coke a day, calf twitching", 49.3),
        ("2 red bulls a day, calf twitching", 160),
        ("2 red bulls and a scoop of pre-workout a day, calf twitching", 240),
    ],
)
def test_a_drink_s_volume_scales_its_caffeine(kb: KnowledgeBase, text: str, mg: float) -> None:
    reading = read(text, kb, today=TODAY)
    assert reading.answers.caffeine_mg_per_day == mg
    assert "caffeine_mg_per_day" not in reading.said  # counted, not left open


@pytest.mark.parametrize(
    "text",
    [
        "I can't stand my new boss and my eye has been twitching since Monday",  # had been an emergency
        "I'm weak at maths and stressed about exams, eyelid twitch for 4 days",
        "weak tea is all I drink now, eyelid twitching 4 days",
        "I tripped the circuit breaker last night, no harm done, and my eyelid has twitched for 2 days",
        "Our team is short-staffed so I'm run off my feet, calf twitching for 4 days",
        "I'm paralysed with indecision about whether to see a doctor, my calf has twitched for 4 days",  # emergency
        "I had a fit of giggles in class and my eyelid was twitching at the time, it's been 3 days",  # emergency
        "I passed out flyers all day in the cold and now my calf twitches, since yesterday",  # emergency
        "I collapsed on the sofa after a long shift and noticed my thigh twitching, first time last night",
        "I stumbled across an article about eyelid twitching, mine has been going 3 days",
        "I've been dragging my feet on booking the GP, my eyelid has twitched for 4 days",
        "I can't swallow the idea of giving up coffee, my eyelid twitches, 3 days",
        "I dropped my daughter at the station and my eyelid was twitching the whole drive, 3 days now",
        "I get tongue-tied around my boss and my eye twitches in meetings, for about 4 days now",
        "I'm so tired I can't keep my eyes open, eyelid twitching for 3 days",  # had been eyes forced shut (routine)
        "my eyes close tight when I sneeze, and my eyelid has twitched for 3 days",
        "I'm confused about how much caffeine is too much, I have 3 coffees and my eyelid has twitched for 4 days",
        "I'm so confused why my eye keeps twitching, it's been 3 days",  # both had been sudden confusion: emergency
        "my sleep is getting worse with the new baby, eyelid twitching for 3 days",
        "my husband says I mumble in my sleep, anyway my eyelid has twitched for 3 days",
        "Checked my tongue in the mirror a hundred times, it's fine, but my calf twitches, 6 days",  # had been urgent
        "I feel weak with worry but my strength is totally normal, calf twitching for a week",
        "My partner says I was talking nonsense in my sleep lol, anyway eyelid twitch for 3 days",  # had been emergency
        "bit my tongue yesterday eating, and my eyelid has been twitching for 3 days",
        "I sometimes drop my phone on my face in bed scrolling, haha, eye twitching 2 days",
        "I got it off my chest and told my boss I'm stressed, eyelid twitching 3 days",
    ],
)
def test_an_idiom_is_not_a_sign(kb: KnowledgeBase, text: str) -> None:
    reading = read(text, kb, today=TODAY)
    # no sign said present or in doubt ("my strength is totally normal" is weakness said absent)
    assert not any(v is not False for v in (reading.answers.symptoms or {}).values())
    assert assess(reading.answers, kb, today=TODAY).disposition == "self_care"


@pytest.mark.parametrize(
    "text",
    [
        "temperature of 38 celsius and calf twitching",  # had been 3,040 mg of caffeine
        "I had a monster headache yesterday and my eyelid twitches",
        "a monster cramp in my calf last night",
        "it was a monster of a day, eyelid twitching",
        "my little monster kept me up all night, eyelid twitching",
        "she's a rockstar at work, her eyelid twitches",
        "just pulsating, a tiny relentless drumbeat under my skin",
        "my leg tics have been relentless.",
    ],
)
def test_a_drink_s_name_used_as_an_everyday_word_is_no_drink(kb: KnowledgeBase, text: str) -> None:
    reading = read(text, kb, today=TODAY)
    assert reading.answers.caffeine_mg_per_day is None and "caffeine_mg_per_day" not in reading.said


@pytest.mark.parametrize(
    ("text", "mg"),
    [
        ("I had a monster this morning, calf twitching", 160),
        ("a can of celsius a day, calf twitching", 80),
        ("drank 3 monster energy drinks, calf twitching", 480),  # one drink named twice, counted once
        ("2 coffees and a monster a day, calf twitching", 350),
    ],
)
def test_a_drink_s_name_is_a_drink_where_the_words_make_it_one(kb: KnowledgeBase, text: str, mg: float) -> None:
    reading = read(text, kb, today=TODAY)
    assert reading.answers.caffeine_mg_per_day == mg and "caffeine_mg_per_day" not in reading.said


def test_a_volume_is_said_as_assumed(kb: KnowledgeBase) -> None:
    said = read("3 x 500ml monster a day", kb, today=TODAY).assumptions
    assert "'500ml monster' counted as 160 mg (80 mg in 250 mL)" in said
    branded = read("2 monsters a day", kb, today=TODAY).assumptions
    assert any("500 mL can" in line and "check the label" in line for line in branded)


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        ("i trip a little bit more than i used to, and my shins twitch", "tripping_or_foot_drop"),
        ("she trips a lot lately and her calves twitch", "tripping_or_foot_drop"),
        ("my hand has just let go of things, like my cup, and it twitches", "loss_of_dexterity"),
        ("my left foot has started slapping the floor when I walk", "tripping_or_foot_drop"),
        # told by comparison or by count
        ("I've fallen over 3 times this week because my foot catches", "tripping_or_foot_drop"),
        ("I've dropped more cups in the last month than in my whole life", "loss_of_dexterity"),
        ("I need three pillows now instead of one to breathe at night", "breathless_lying_flat"),
        ("I can only climb half the stairs I used to before my legs give out", "weakness"),
        # found by the fifth held-out set (heldout-e.yaml)
        ("tingling round my mouth and my hands keep going into spasm", "hand_spasms"),  # with the lips: emergency
        ("My mum is 77 and she's more muddled than usual since yesterday", "confusion_or_agitation"),
        ("Both my eyes keep screwing shut on their own and I can't open them for a few seconds", "eyes_forced_shut"),
        ("I take prednisolone for my asthma and my hands twitch since I started it last week", "new_medication"),
    ],
)
def test_a_loss_of_function_told_as_what_happens(kb: KnowledgeBase, text: str, symptom: str) -> None:
    assert _symptoms(kb, text).get(symptom) is True


def test_breathless_lying_flat_is_not_difficulty_breathing_unless_said(kb: KnowledgeBase) -> None:
    lying = read("I get out of breath lying flat in bed and have to sleep on 3 pillows", kb, today=TODAY)
    symptoms = lying.answers.symptoms or {}
    assert symptoms["breathless_lying_flat"] is True and symptoms["breathing_difficulty"] is None  # asked, warned
    result = assess(lying.answers, kb, today=TODAY, said=lying.said)
    assert result.disposition == "urgent" and result.warning is not None  # had been an emergency
    told = ("I can't breathe and it's worse lying flat", "breathless lying down and short of breath sitting still")
    for text in told:
        assert _symptoms(kb, text)["breathing_difficulty"] is True


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        # the idioms left unread must not take the sign's own words with them (a review of this session's ignore
        # list found "weak for", "numb to the", "face fell", "confused about" and "dragging my feet on/with" had)
        ("my legs have been weak for two weeks and twitching", "weakness"),
        ("weak for days now, calf twitching", "weakness"),
        ("numb to the touch, my calf twitches", "numbness"),
        ("my face fell on one side suddenly at dinner", "face_droop"),  # had been self-care before this session too
        ("I'm confused about where I am and what day it is", "confusion_or_agitation"),
        ("I keep dragging my feet on the floor when I walk", "tripping_or_foot_drop"),
        ("dragging my feet with each step, calf twitching", "tripping_or_foot_drop"),
        ("she can't stand this morning, her legs gave way", "paralysis"),
        ("I can't swallow that tablet anymore, it sticks", "swallowing_difficulty"),
        ("she's been confused on and off since yesterday", "confusion_or_agitation"),
        ("he seems confused by simple things since this morning", "confusion_or_agitation"),
        ("I'm dragging my feet about the house, my left foot won't lift", "tripping_or_foot_drop"),
        ("he collapsed in bed and won't wake up", "fainting"),
        ("swallowing has always been a bit hard for me but lately food keeps getting stuck", "swallowing_difficulty"),
        ("I slur my words, like always, but now it's getting worse", "slurred_speech"),
    ],
)
def test_an_idiom_left_unread_does_not_take_a_sign_s_words(kb: KnowledgeBase, text: str, symptom: str) -> None:
    assert _symptoms(kb, text).get(symptom) is True


def test_a_test_s_date_is_not_the_twitching_s(kb: KnowledgeBase) -> None:
    text = "EMG was clean last month, CK normal, but the calf twitching still freaks me out, it's been 12 days"
    assert read(text, kb, today=TODAY).answers.duration_days == 12  # had been 30: past two weeks, routine
    scanned = read("had an MRI 2 weeks ago, all clear, calf twitching for 4 days", kb, today=TODAY)
    assert scanned.answers.duration_days == 4
    since = read("my calf has twitched since my neuro appointment last month", kb, today=TODAY)
    assert since.answers.duration_days == 30  # the twitching's own "since"


def test_the_other_hand_now_is_no_onset(kb: KnowledgeBase) -> None:
    reading = read("my left hand is weaker than my right now, thumb twitching for 3 weeks", kb, today=TODAY)
    assert "sudden_one_sided_weakness" not in (reading.answers.symptoms or {})  # "my right now" had been "right now"


@pytest.mark.parametrize(
    "text",
    [
        "we went on a trip to the coast and my eyelid has twitched since",
        "I trip over my words when I'm nervous, and my eyelid twitches",
        "my trips to the gym are daily and my calf twitches after",
    ],
)
def test_a_trip_that_is_not_tripping(kb: KnowledgeBase, text: str) -> None:
    assert "tripping_or_foot_drop" not in _symptoms(kb, text)


def test_a_twitch_that_moves_within_a_place(kb: KnowledgeBase) -> None:
    doubted = read("thumb twitching since yesterday; the twitch seems to spread into the palm a bit", kb, today=TODAY)
    assert "spreading" not in (doubted.answers.symptoms or {})  # in doubt, within the hand: no word on spreading
    told = read("My face twitches. It started under my eye but has moved closer to my cheek", kb, today=TODAY)
    assert (told.answers.symptoms or {}).get("spreading") is True  # told as a move (a real post's annotation)
    other = read("calf twitching for a week and now it has spread to my other calf", kb, today=TODAY)
    assert (other.answers.symptoms or {}).get("spreading") is True


def test_words_that_touch_a_red_flag_win_over_a_no_said_in_other_words(kb: KnowledgeBase) -> None:
    # "without getting out of breath" had answered no, and the cue's "can't finish a sentence", in doubt, was lost
    text = "I think I can't finish a sentence without getting out of breath. calf twitching for 3 days"
    reading = read(text, kb, today=TODAY)
    assert (reading.answers.symptoms or {}).get("breathing_difficulty", False) is None
    assert "breathing_difficulty" in reading.said


def test_already_weeks_more_is_past_them(kb: KnowledgeBase) -> None:
    text = "Muscle is jumping in my thigh already two weeks more"
    assert read(text, kb, today=dt.date(2026, 12, 1)).answers.duration_days == 15


def test_a_past_event_a_lack_and_another_thing_s_time_from_a_husband_s_real_post(kb: KnowledgeBase) -> None:
    """A husband about his wife (doctorqna 134756, batch s17): her Bell's palsy long ago had been read as paralysis
    now (an emergency), "the lack of weakness" in her question as a doubt, her insomnia's week as the twitching's."""
    today = dt.date(2026, 12, 1)
    once = read("She once had facial paralysis on one side. Her arm twitches.", kb, today=today)
    assert (once.answers.symptoms or {}).get("paralysis") is None  # asked, not taken as now
    lack = read("Does the lack of weakness or atrophy mean it is not ALS? My calf twitches.", kb, today=today)
    assert (lack.answers.symptoms or {}).get("weakness") is False
    text = "Before the twitching began she had insomnia for two weeks, which settled after about a week."
    assert read(text, kb, today=today).answers.duration_days is None
    told = read("My wife told me last Saturday night that she had twitching in her upper arm.", kb, today=today)
    assert told.answers.duration_days == 3  # a Tuesday


def test_in_the_past_few_days_is_now(kb: KnowledgeBase) -> None:
    text = "In the past few days I have started to feel weakness in my right leg, with twitching near the knee."
    assert _symptoms(kb, text).get("weakness") is True


@pytest.mark.parametrize(
    ("text", "most"),
    [
        ("my left leg feels weak while walking up hills, calf twitching for 3 weeks", Disposition.URGENT),
        ("my right hand gets tired while typing and the thumb twitches, 3 weeks", Disposition.ROUTINE),
        ("in the middle of dinner my eyelid started twitching, nothing else", Disposition.SELF_CARE),
    ],
)
def test_a_habit_s_moment_is_not_a_sudden_onset(kb: KnowledgeBase, text: str, most: Disposition) -> None:
    """ "In the middle of dinner my fork fell out of my hand" is an onset; "weak while walking up hills" is a habit."""
    reading = read(text, kb, today=TODAY)
    assert Disposition(assess(reading.answers, kb, today=TODAY, said=reading.said).disposition).rank <= most.rank


def test_a_moment_with_a_one_time_event_is_an_onset(kb: KnowledgeBase) -> None:
    text = "in the middle of dinner my fork fell out of my right hand and I couldn't pick it up, my arm twitches"
    reading = read(text, kb, today=TODAY)
    assert assess(reading.answers, kb, today=TODAY, said=reading.said).disposition == Disposition.EMERGENCY


def test_a_friend_s_past_event_and_a_tired_place_are_not_the_twitching_s(kb: KnowledgeBase) -> None:
    text = "My friend had a stroke last year so I'm paranoid, but I just have a twitchy calf since yesterday"
    assert read(text, kb, today=TODAY).answers.duration_days == 1
    sites = read("calf twitch after a long hike yesterday, legs tired but strong", kb, today=TODAY).answers.sites
    assert sites == [Site(region="calf")]


def test_a_mealtime_habit_is_not_an_onset(kb: KnowledgeBase) -> None:
    text = "Lately his voice sounds nasal and he gets tired talking, and at dinner he coughs on his drinks a lot."
    symptoms = _symptoms(kb, text)
    assert symptoms.get("sudden_speech_problem") is not True and symptoms.get("swallowing_difficulty") is True


def test_a_lack_of_sleep_and_weakness_is_weakness(kb: KnowledgeBase) -> None:
    text = "I have a lack of sleep and weakness in my arms, and they twitch"
    assert _symptoms(kb, text).get("weakness") is True


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        # Scots, Geordie and Indian English (the seventy-second plain-report set)
        ("ma heid's splittin, worst ever, came on like a hammer aboot ten minutes ago", "severe_headache"),
        ("my head feels like it is going to explode", "severe_headache"),
        ("wor lass says am talkin like av had ten pints, av not touched a drop, started an hour ago", "slurred_speech"),
        ("he's talking like he's drunk and he hasn't had a drink", "slurred_speech"),
        ("my tongue is having small movements like worms since 1 month, also calf twitching", "tongue_twitching"),
        ("me left arm cannae lift since teatime", "sudden_one_sided_weakness"),
    ],
)
def test_a_sign_told_in_dialect(kb: KnowledgeBase, text: str, symptom: str) -> None:
    assert _symptoms(kb, text).get(symptom) is True


@pytest.mark.parametrize(
    "text",
    [
        "my wee boy is 2 months, roastin hot, temp 38.4, and his leg keeps twitchin",
        "my boy is 2 months old, temp 38.4, and his leg keeps twitching",
        "our little girl is 6 weeks and has a temperature of 38.2, her arm jerks",
    ],
)
def test_a_baby_named_by_what_they_are_to_the_writer(kb: KnowledgeBase, text: str) -> None:
    reading = read(text, kb, today=TODAY)
    assert reading.about == "someone_else" and reading.answers.age == 0
    assert reading.answers.duration_days is None  # "is 2 months" is an age, not a time since the twitching began
    assert assess(reading.answers, kb, today=TODAY, said=reading.said).disposition == "emergency"


def test_a_young_person_s_time_into_something_is_not_an_age(kb: KnowledgeBase) -> None:
    reading = read("my son is 2 weeks into his exams and his eye twitches", kb, today=TODAY)
    assert reading.answers.age is None


def test_a_limb_gone_floppy_is_not_a_drowsy_child(kb: KnowledgeBase) -> None:
    symptoms = read("my arm's gone dead and floppy", kb, today=TODAY).answers.symptoms or {}
    assert symptoms.get("weakness") is True and "hard_to_wake" not in symptoms
    child = read("my toddler has gone all floppy, temp 39", kb, today=TODAY).answers.symptoms or {}
    assert child.get("hard_to_wake") is True


@pytest.mark.parametrize(
    "text",
    [
        # someone else's event told beside the writer's own calm twitch (the seventy-third plain-report set)
        "my brother has epilepsy and had a seizure last week which stressed me out, now my eyelid is twitching, 2 days",
        "My wife's speech was slurred after her dental anaesthetic yesterday, that's not why I'm writing, my eyelid "
        "twitches, 3 days",
        "My son choked on a grape last week and it scared me half to death. Since then my eyelid keeps twitching",
        "My cousin fainted at the wedding from the heat. Unrelated, but my thigh has twitched for a few days",
        "As a nurse I see strokes every day so I know my eyelid twitching for 2 days is nothing",
    ],
)
def test_another_person_s_event_is_not_the_writer_s(kb: KnowledgeBase, text: str) -> None:
    reading = read(text, kb, today=TODAY)
    result = assess(reading.answers, kb, today=TODAY, said=reading.said)
    assert result.disposition == "self_care" and result.warning is None


def test_the_writer_s_own_signs_after_a_relative_s_past_event_are_read(kb: KnowledgeBase) -> None:
    text = ("My mum had a stroke last year so I know the signs - this morning my own face drooped on the right and my "
            "words came out wrong")  # fmt: skip
    reading = read(text, kb, today=TODAY)
    assert (reading.answers.symptoms or {}).get("face_droop") is True
    assert assess(reading.answers, kb, today=TODAY, said=reading.said).disposition == "emergency"


def test_what_is_told_of_the_person_a_text_is_about_is_read(kb: KnowledgeBase) -> None:
    reading = read("My 62-year-old mother has been twitching in her arms for months and now she chokes when drinking",
                   kb, today=TODAY)  # fmt: skip
    assert reading.about == "someone_else" and reading.answers.duration_days == 60
    assert reading.answers.sites == [Site(region="upper_arm", side="both")]
    friend = read("My friend's thigh has been twitching for a month. She is 33.", kb, today=TODAY)
    assert friend.answers.duration_days == 30


def test_one_who_tells_what_they_see_of_the_writer_is_not_the_one_it_is_about(kb: KnowledgeBase) -> None:
    reading = read("My husband says shallow breaths even when I'm sitting still", kb, today=TODAY)
    assert (reading.answers.symptoms or {}).get("breathing_difficulty") is True  # had been self-care


@pytest.mark.parametrize(
    "text",
    [
        "Hubby thinks it's cramp. I think not. His whole right side went floppy in the garden ten minutes ago.",
        "My other half reckons I'm overreacting, but his speech went all slurry about half an hour ago",
    ],
)
def test_a_partner_in_everyday_words_is_someone_else(kb: KnowledgeBase, text: str) -> None:
    reading = read(text, kb, today=TODAY)
    assert reading.about == "someone_else"
    assert assess(reading.answers, kb, today=TODAY, said=reading.said).disposition == "emergency"


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        # found by the sixth held-out set (heldout-f.yaml), each learnt as a rule
        ("Shin muscle on my right leg twitches", [Site(region="shin", side="right")]),  # the leg is where the shin is
        ("my right leg's shin muscle twitches", [Site(region="shin", side="right")]),
        ("the thigh on my left leg twitches", [Site(region="thigh", side="left")]),
        ("my right shoulder looks hollow compared to the left, it twitches", [Site(region="shoulder", side="right")]),
        (
            "upper arm twitching on both sides, now moved into my chest",
            [Site(region="upper_arm", side="both"), Site(region="chest")],
        ),
        (
            "Twitching all over my body for 3 weeks — arms, legs, back, even my face",
            [
                Site(region="widespread"),
                Site(region="upper_arm", side="both"),
                Site(region="calf", side="both"),
                Site(region="face"),
                Site(region="back"),
            ],
        ),
        ("My tongue feels like it's quivering when I rest it in my mouth", [Site(region="tongue")]),
        ("Had a stomach bug all week and now my legs are twitching and cramping", [Site(region="calf", side="both")]),
        ("I keep tripping over my left foot and the front of my shin twitches", [Site(region="shin")]),
        ("Both eyes keep clamping shut on their own for a few seconds", [Site(region="eyelid", side="both")]),
    ],
)
def test_where_the_twitching_is_told_in_more_ways(kb: KnowledgeBase, text: str, sites: list[Site]) -> None:
    assert read(text, kb, today=TODAY).answers.sites == sites


@pytest.mark.parametrize(
    ("text", "symptom", "state"),
    [
        ("twitch in my right thigh for a month, it doesn't hurt and my strength is normal", "weakness", False),
        ("Right quad twitched for 3 days after a ride. Legs feel fine otherwise, strong, no pain.", "weakness", False),
        ("my legs are not as strong as they were, calf twitching 3 weeks", "weakness", True),
        ("my grip isn't as strong as it used to be", "weakness", True),
        ("My legs feel heavy climbing the stairs, twitching everywhere", "weakness", True),
        ("the twitches have now moved into my chest and back", "spreading", True),
        ("it's jumped to my other arm", "spreading", True),
    ],
)
def test_strength_and_spreading_told_in_more_ways(kb: KnowledgeBase, text: str, symptom: str, state: bool) -> None:
    assert _symptoms(kb, text).get(symptom) is state


def test_a_gradual_change_is_not_asked_as_sudden(kb: KnowledgeBase) -> None:
    reading = read("my speech has got a bit slurred over the last month, tongue flickers", kb, today=TODAY)
    symptoms = reading.answers.symptoms or {}
    assert symptoms.get("slurred_speech") is True and "sudden_speech_problem" not in symptoms
    sudden = read("this morning my speech went slurred, it's got worse over the last hour", kb, today=TODAY)
    assert (sudden.answers.symptoms or {}).get("sudden_speech_problem") is True


def test_wine_is_not_water_and_back_pain_is_not_the_twitch_s_pain(kb: KnowledgeBase) -> None:
    assert read("I've had 2 glasses of wine most nights", kb, today=TODAY).answers.water_litres_per_day is None
    back = read("Thigh twitching. Lower back pain from a slipped disc.", kb, today=TODAY).answers
    assert back.back_or_neck_pain is True and "pain" not in (back.symptoms or {})
    assert read("woman 38, twitches in my stomach", kb, today=TODAY).answers.age == 38


def test_a_caffeine_amount_said_beside_caffeine_pills_is_theirs_not_a_medicine_s(kb: KnowledgeBase) -> None:
    text = "I take 3 scoops of pre-workout and two caffeine pills every day, around 1300mg, eyelid twitches constantly"
    assert read(text, kb, today=TODAY).answers.caffeine_mg_per_day == 1300  # had been 240: the urgent 1,200 mg rule
    assert read("sertraline 100mg and 3 coffees a day", kb, today=TODAY).answers.caffeine_mg_per_day == 285
    assert read("3 coffees a day and sertraline 100mg", kb, today=TODAY).answers.caffeine_mg_per_day == 285


def test_a_new_medicine_named_with_its_purpose_is_new(kb: KnowledgeBase) -> None:
    text = "dad's been on his new Parkinson's pills for a week and since then his arms twitch more"
    assert _symptoms(kb, text).get("new_medication") is True


def test_an_exposure_weeks_ago_is_asked_not_taken_as_a_poisoning_now(kb: KnowledgeBase) -> None:
    past = read("sprayed the garden with weedkiller last month, no symptoms since, eyelid twitching", kb, today=TODAY)
    assert (past.answers.symptoms or {}).get("insecticide_exposure", False) is None
    now = read("was spraying the roses with bug killer yesterday, now twitching all over", kb, today=TODAY)
    assert (now.answers.symptoms or {}).get("insecticide_exposure") is True


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        # signs told as nouns or in the passive, as a note or a letter would (the seventy-fifth plain-report set)
        ("A droop was noticed on the left side of my face by my wife half an hour ago", "face_droop"),
        ("Sudden loss of the use of my left hand at lunchtime, forearm twitching", "sudden_one_sided_weakness"),
        ("Breathing has become really laboured over the last hour and I can't lie down", "breathing_difficulty"),
        ("Noticeable thinning of my right calf compared with the left, with twitching in it", "muscle_wasting"),
        ("Frequent falls have occurred over the past month because my left foot catches", "tripping_or_foot_drop"),
        ("Loss of consciousness occurred briefly in the shower this morning", "fainting"),
    ],
)
def test_a_sign_told_as_a_noun_or_in_the_passive(kb: KnowledgeBase, text: str, symptom: str) -> None:
    assert _symptoms(kb, text).get(symptom) is True


def test_falls_in_a_sport_are_not_tripping(kb: KnowledgeBase) -> None:
    for text in ("two falls off my bike this year, eyelid twitch", "I had a few falls skiing, my calf twitches"):
        assert "tripping_or_foot_drop" not in _symptoms(kb, text)


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        # told with a hedge that says how the person knows, not whether it happened (the seventy-sixth set)
        ("I seem to be dragging my right foot these days, and the shin twitches", "tripping_or_foot_drop"),
        ("I think I blacked out for a few seconds just now, and my hands are twitching", "fainting"),
        ("I appear to have lost the feeling down my whole left side since I woke up", "sudden_one_sided_weakness"),
        ("It seems I can't get my words out since this morning", "sudden_speech_problem"),
    ],
)
def test_a_sign_told_with_a_hedge_of_how_it_is_known(kb: KnowledgeBase, text: str, symptom: str) -> None:
    assert _symptoms(kb, text).get(symptom) is True


def test_standing_on_tiptoe_is_strength_not_paralysis(kb: KnowledgeBase) -> None:
    symptoms = read("I can't stand on my tiptoes on the right any more", kb, today=TODAY).answers.symptoms or {}
    assert symptoms.get("weakness") is True and "paralysis" not in symptoms
    assert (read("I can't stand since this morning", kb, today=TODAY).answers.symptoms or {}).get("paralysis") is True


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        # a sign told in a clause of when or whenever (the seventy-seventh plain-report set)
        ("Every time I stand up from the sofa my knees give way now, and it's getting worse", "weakness"),
        ("After I woke from my nap I couldn't move my left arm at all, it's been an hour", "sudden_one_sided_weakness"),
    ],
)
def test_a_sign_told_in_a_clause_of_when(kb: KnowledgeBase, text: str, symptom: str) -> None:
    assert _symptoms(kb, text).get(symptom) is True


def test_twitching_for_weeks_is_asked_how_long_and_warned_meanwhile(kb: KnowledgeBase) -> None:
    reading = read("calf twitching for weeks, no other symptoms", kb, today=TODAY)
    assert reading.answers.duration_days == 14 and reading.said == {"duration_days": "for weeks"}
    result = assess(reading.answers, kb, today=TODAY, said=reading.said)
    assert result.warning is not None and "the twitching has lasted more than 14 days" in result.warning.text
    assert result.ask_first == ["duration_days"]
    friend = read("a friend of mine had an eye twitch for weeks; mine started yesterday", kb, today=TODAY)
    assert friend.answers.duration_days == 1 and not friend.said


def test_numbers_of_the_body_are_read(kb: KnowledgeBase) -> None:
    # measurements (the seventy-eighth plain-report set): a heart rate of 110 or more is a racing heart, unless it
    # was on a run; "1,300 mg" is thirteen hundred; the largest caffeine amount said is the day's
    racing = read("my pulse is 140 and I've had 8 espressos today", kb, today=TODAY).answers
    assert (racing.symptoms or {}).get("racing_heart") is True
    assert read("heart rate is 150 bpm sitting down", kb, today=TODAY).answers.symptoms == {"racing_heart": True}
    assert not read("heart rate was 160 on my run, normal", kb, today=TODAY).answers.symptoms
    assert not read("my resting heart rate is 62", kb, today=TODAY).answers.symptoms
    text = "took 3 x 200mg caffeine tablets plus coffee today, around 1,300 mg in total"
    assert read(text, kb, today=TODAY).answers.caffeine_mg_per_day == 1300  # had been 1.3
    assert read("I drink 1,5 litres of water", kb, today=TODAY).answers.water_litres_per_day == 1.5


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        # texting shorthand (the seventy-ninth plain-report set)
        ("SOB at rest rn and my arms are weak, twitching for weeks", "breathing_difficulty"),
        ("w/ twitching calf for a wk + now sudden numbness L arm & leg", "sudden_one_sided_weakness"),
        ("mum cant lift her R arm since 5pm, face looks off, shes 78", "sudden_one_sided_weakness"),
    ],
)
def test_texting_shorthand_for_a_sign(kb: KnowledgeBase, text: str, symptom: str) -> None:
    assert _symptoms(kb, text).get(symptom) is True


def test_a_baby_s_age_in_shorthand_opening_a_text(kb: KnowledgeBase) -> None:
    reading = read("2mo old bby, temp 38.3, arm twitchin", kb, today=TODAY)
    assert reading.about == "someone_else" and reading.answers.age == 0
    assert assess(reading.answers, kb, today=TODAY, said=reading.said).disposition == "emergency"
    assert not read("I sob every night, eyelid twitching 3 days", kb, today=TODAY).answers.symptoms  # "sob" is crying


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        # a sign told by a picture (the eightieth plain-report set)
        (
            "about an hour ago it was like someone switched off my left arm, I couldn't do anything with it",
            "sudden_one_sided_weakness",
        ),
        ("like someone pulled the plug on my whole right side this morning", "sudden_one_sided_weakness"),
        ("he dropped like a puppet with its strings cut at the table, out for a minute", "fainting"),
        ("my voice has gone like a whisper over the past few weeks, people can't hear me", "slurred_speech"),
    ],
)
def test_a_sign_told_by_a_picture(kb: KnowledgeBase, text: str, symptom: str) -> None:
    assert _symptoms(kb, text).get(symptom) is True


def test_a_loud_room_and_a_switched_off_phone_are_no_signs(kb: KnowledgeBase) -> None:
    for text in ("it's so loud in here people can't hear me, eye twitch", "my phone switched off, eyelid twitch"):
        assert not read(text, kb, today=TODAY).answers.symptoms


def test_legs_that_have_lost_their_strength_are_weak_not_a_twitching_place(kb: KnowledgeBase) -> None:
    text = "I'm puffed out walking to the car these days, and my legs have lost their strength, twitching thighs"
    answers = read(text, kb, today=TODAY).answers
    assert (answers.symptoms or {}).get("weakness") is True and answers.sites == [Site(region="thigh", side="both")]
    assert assess(answers, kb, today=TODAY).disposition == "urgent"  # breathless on exertion with weakness


@pytest.mark.parametrize(
    "text",
    [
        # anxious calm posts (the eighty-second plain-report set): what was examined, advised, read or watched
        "Neuro examined me last week, full strength everywhere, reflexes normal, said it's benign. Calf twitch 6 days.",
        "I watched a video of someone with MND dropping things and now I'm watching my hands. Eye twitch 2 days.",
        "GP said to come back if it lasts more than 2 weeks or I get weakness. It's day 5 of my eyelid twitch.",
        "the anxiety makes my hands shake a bit when I'm stressed, it stops when I calm down, eyelid twitch 3 days",
        "I read that ALS starts with weakness and slurred speech so I keep recording myself. Calf twitch 4 days.",
        "I thought I was dropping things more but I counted and it's the same as always. Thumb twitching 3 days.",
    ],
)
def test_what_an_anxious_person_checked_read_or_was_told_is_no_sign(kb: KnowledgeBase, text: str) -> None:
    reading = read(text, kb, today=TODAY)
    result = assess(reading.answers, kb, today=TODAY, said=reading.said)
    assert result.disposition == "self_care" and result.warning is None


def test_shaking_is_no_twitching_place_but_a_shaking_tongue_is(kb: KnowledgeBase) -> None:
    assert read("he's twitching all over and shaking", kb, today=TODAY).answers.sites == [Site(region="widespread")]
    tongue = read("my mother finds it hard to swallow food and her tongue is shaking", kb, today=TODAY).answers
    assert tongue.sites == [Site(region="tongue")]


def test_only_another_s_advice_is_a_condition_and_a_speech_change_is_read(kb: KnowledgeBase) -> None:
    # a review of set 82's rules: the writer's own "I worry if …" stays asked and warned, and "should I call 999 if
    # my face is drooping since this morning?" asks what to do about what is happening: told (the sixteenth session)
    reading = read("I worry if my face is drooping, it happened 10 minutes ago", kb, today=TODAY)
    assert assess(reading.answers, kb, today=TODAY, said=reading.said).warning is not None
    assert _advice(kb, "Should I call 999 if my face is drooping since this morning?").disposition == "emergency"
    told = read("The neurologist said that my speech change means I need an MRI", kb, today=TODAY)
    assert (told.answers.symptoms or {}).get("slurred_speech") is True


def test_both_sides_reach_a_sentence_s_places_and_a_place_carried_on_by_mostly(kb: KnowledgeBase) -> None:
    reading = read("Twitching on both sides of my body. Mostly in the calf.", kb, today=TODAY)
    assert reading.answers.sites == [Site(region="calf", side="both")]


def test_a_faint_told_with_did_is_a_faint(kb: KnowledgeBase) -> None:
    text = "nothing serious I'm sure... although I did faint in the shower an hour ago, and my legs are jumping"
    assert _symptoms(kb, text).get("fainting") is True  # had been routine


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        # a denial that may or may not reach a bare phrase after "and" or a comma: asked about, never a no
        ("No pain and tingling around my lips", "lip_or_fingertip_tingling"),
        ("Never smoked, pins and needles around my mouth", "lip_or_fingertip_tingling"),
        ("No fever, rash or cough, numbness in the tips of my fingers", "lip_or_fingertip_tingling"),
        ("calf twitching, no numbness, tingling at night", "tingling"),
    ],
)
def test_a_denial_of_unclear_reach_leaves_the_sign_asked(kb: KnowledgeBase, text: str, symptom: str) -> None:
    reading = read(text, kb, today=TODAY)
    assert (reading.answers.symptoms or {}).get(symptom, False) is None  # had been denied (plain self-care)


@pytest.mark.parametrize(
    "text",
    ["no weakness, numbness or tingling", "no pain and no numbness",
     "calf twitching 6 days, negative for weakness, atrophy, cramps and sensory changes"],
)  # fmt: skip
def test_a_denied_list_stays_denied(kb: KnowledgeBase, text: str) -> None:
    symptoms = _symptoms(kb, text)
    assert symptoms and all(value is False for value in symptoms.values())


def test_a_symptom_s_place_is_not_the_next_clause_s(kb: KnowledgeBase) -> None:
    reading = read("No pain and tingling around my lips, calf twitching for 3 days", kb, today=TODAY)
    assert reading.answers.sites == [Site(region="calf")]  # the lips are the tingling's place; the calf twitches
    numb = read("my face feels numb on the right, arm twitching", kb, today=TODAY)
    assert numb.answers.sites == [Site(region="upper_arm")]


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        # words told of "you" that the writer then claims (the eighty-fifth plain-report set)
        (
            "You know when your leg goes dead after sitting on it? That's my whole left side, arm and leg, since "
            "about 20 minutes ago, out of nowhere",
            "sudden_one_sided_weakness",
        ),
        ("You try to talk and the words come out as mush - that's been me since lunch today", "sudden_speech_problem"),
        # a sign told with a negative word
        ("nothing comes out right when I try to talk, started 10 minutes ago", "sudden_speech_problem"),
        ("zero grip in my left hand, couldn't even turn the key, started this morning out of the blue", "weakness"),
        ("zero grip in my left hand, couldn't even turn the key, started this morning out of the blue",
         "sudden_one_sided_weakness"),
        # a question that takes its sign as given, and a double negative
        ("Isn't it weird that I keep tripping? Calves twitch", "tripping_or_foot_drop"),
        ("Third time this week my right foot caught the kerb", "tripping_or_foot_drop"),
        ("I can't say I'm not short of breath - I am, even sitting here doing nothing", "breathing_difficulty"),
    ],
)  # fmt: skip
def test_a_sign_claimed_from_you_or_told_with_a_negative_word(kb: KnowledgeBase, text: str, symptom: str) -> None:
    assert _symptoms(kb, text).get(symptom) is True


def test_words_of_you_stay_anyone_s_unless_the_writer_claims_them(kb: KnowledgeBase) -> None:
    paranoid = "You know when your face droops on one side? That's me being paranoid again. Eyelid twitch 2 days"
    assert "face_droop" not in _symptoms(kb, paranoid)  # a worry, not a claim of the words before
    popcorn = read("Ever had your calf twitch like popcorn? Mine does that in the evenings", kb, today=TODAY)
    assert popcorn.answers.sites == [Site(region="calf")] and not popcorn.answers.symptoms


def test_a_denial_told_with_a_sign_s_own_words(kb: KnowledgeBase) -> None:
    # "no feeling" is numbness, but "no feeling of weakness" denies weakness; "no strength" is weakness, but
    # "no strength issues" denies it
    feeling = read("No feeling of weakness, just a jumpy thigh after squats for 2 days", kb, today=TODAY).answers
    assert feeling.symptoms == {"weakness": False} and feeling.sites == [Site(region="thigh")]
    assert _symptoms(kb, "no strength issues, calf twitch 3 days") == {"weakness": False}
    assert _symptoms(kb, "no feeling in my left arm since 10 minutes ago").get("numbness") is True


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        # what the person changed because of a sign (the eighty-sixth plain-report set)
        ("my husband has to cut up my food now, my hands just won't do it, forearms twitch", "loss_of_dexterity"),
        ("I type everything now because my handwriting has become a scrawl", "loss_of_dexterity"),
        ("I've moved my bed downstairs as I can't manage the stairs any more", "weakness"),
        ("I bought a walking stick because my left leg keeps giving way, and it's worse now", "getting_worse"),
    ],
)
def test_a_sign_told_by_what_the_person_changed(kb: KnowledgeBase, text: str, symptom: str) -> None:
    assert _symptoms(kb, text).get(symptom) is True


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        # a task told with its -ing form, and other ways real posts tell a hand that fails (thirteenth session)
        ("I have trouble opening jars now, hand twitching", "loss_of_dexterity"),
        ("I struggle holding a cup, hand twitching", "loss_of_dexterity"),
        ("difficulty gripping my pen, hand twitching", "loss_of_dexterity"),
        ("I have trouble walking, calves twitch", "weakness"),
        ("I've been having trouble with my handwriting, not being able to control the letters", "loss_of_dexterity"),
        ("My hand doesn't work when I try to write", "loss_of_dexterity"),
        ("movements of her whole left hand have become uncoordinated and awkward", "loss_of_dexterity"),
        ("a strange fatigue in my hand that made opening a jar feel like a Herculean task", "loss_of_dexterity"),
        ("my handwriting is steadily worse, fingers twitch", "loss_of_dexterity"),
        ("Started taking the stairs one at a time holding the rail, calves twitch", "weakness"),
        ("calves twitch, 2 months, steadily worse", "getting_worse"),
    ],
)
def test_a_hand_or_leg_that_fails_at_a_task_in_real_posts_words(kb: KnowledgeBase, text: str, symptom: str) -> None:
    assert _symptoms(kb, text).get(symptom) is True


def test_a_cup_held_is_no_coffee(kb: KnowledgeBase) -> None:
    held = read("I struggle holding a cup and can't lift a mug, hand twitching", kb, today=TODAY).answers
    assert held.caffeine_mg_per_day is None  # neither a drink nor a denial of one
    assert read("I drink 4 cups a day, eyelid twitching", kb, today=TODAY).answers.caffeine_mg_per_day == 380


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        # contrasts, questions and clinicians' shorthand (the eighty-seventh plain-report set)
        ("it's the breathing that scares me, not the twitches - I'm gasping sitting still right now",
         "breathing_difficulty"),  # a spaced dash starts a clause: the "not" before it does not reach past it
        ("1) Why does my calf twitch? 2) Is it related to my left arm going numb an hour ago?",
         "sudden_one_sided_weakness"),
        ("wasn't able to get a single word out earlier for about 5 minutes, it's passed now", "sudden_speech_problem"),
        ("LOC for a minute in the kitchen this morning, legs twitching since", "fainting"),
        ("No strength left in my legs - they've got weaker every week since September", "getting_worse"),
    ],
)  # fmt: skip
def test_a_sign_told_after_a_contrast_or_in_a_question_or_shorthand(kb: KnowledgeBase, text: str, symptom: str) -> None:
    assert _symptoms(kb, text).get(symptom) is True


def test_a_dash_inside_a_word_or_a_range_is_no_clause_break(kb: KnowledgeBase) -> None:
    assert read("calf twitching for 2 - 3 weeks", kb, today=TODAY).answers.duration_days == 21
    assert _symptoms(kb, "no one-sided weakness, calf twitch") == {"weakness": False}
    assert _symptoms(kb, "No weakness - calf twitch 2 days") == {"weakness": False}
    # "they" after someone named are that person, not the writer's legs
    assert "getting_worse" not in _symptoms(
        kb, "My dad's legs are weak - they've got weaker every week. My calf twitches."
    )


@pytest.mark.parametrize(
    "text",
    [
        "No weakness - suddenly not able to lift my right hand since this morning",
        "No weakness - all of a sudden I can't lift my left arm and the left leg feels dead",
        "No weakness - woke up with no feeling down one side of my body",
    ],
)
def test_a_denied_match_does_not_hide_a_sign_inside_it(kb: KnowledgeBase, text: str) -> None:
    # "weakness ; suddenly not able to lift my right hand" matched first and was denied; the sign inside it was lost
    assert _symptoms(kb, text).get("sudden_one_sided_weakness") is True


def test_a_denial_of_an_unknown_item_before_a_comma_leaves_the_next_sign_asked(kb: KnowledgeBase) -> None:
    # "Not dizzy, orthopnoea": the denial's own item ("dizzy") is a word the lexicon does not know; the sign after
    # the comma may or may not be denied, so it is asked (it had been a plain no)
    for text, symptom in (
        ("Not dizzy, orthopnoea, I need three pillows now", "breathless_lying_flat"),
        ("I don't have diabetes, dysphagia with solids for a month", "swallowing_difficulty"),
    ):
        reading = read(text, kb, today=TODAY)
        assert (reading.answers.symptoms or {}).get(symptom) is None and symptom in reading.uncertain
    # one denial of two verbs joined by "and" stays a denial of both
    assert _symptoms(kb, "calves twitch after runs, they don't seize and cramp") == {"cramps": False}


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        # asides, questions to others and measures (the eighty-eighth plain-report set)
        ("What would you do if one side of your face suddenly went numb and droopy? Asking because it just happened "
         "to me 10 min ago", "face_droop"),
        ("What do you do when your arm goes weak out of the blue? Mine did exactly that at 3pm, the right one",
         "sudden_one_sided_weakness"),
        ("my grip on the physio's gauge went from 40 kg to 25 kg in three months", "getting_worse"),
        ("push-ups from 20 to 5 in a month, arms twitching", "weakness"),
    ],
)  # fmt: skip
def test_a_sign_claimed_after_a_question_to_others_or_told_by_a_measure(
    kb: KnowledgeBase, text: str, symptom: str
) -> None:
    assert _symptoms(kb, text).get(symptom) is True


def test_a_measure_that_barely_moved_is_no_sign(kb: KnowledgeBase) -> None:
    assert _symptoms(kb, "my grip went from 45 to 44 kg on the gauge, is it ALS?") == {}
    assert "getting_worse" not in _symptoms(kb, "push-ups went from 20 to 30 since I started training")


def test_a_label_answered_in_a_form(kb: KnowledgeBase) -> None:
    # labels and answers (the ninetieth plain-report set): "Numbness - no" and "Slurring - no" had been read as present
    denied = _symptoms(kb, "Weakness - no. Numbness - no. Slurring - no. Just the calf twitch, 2 days after football.")
    assert denied == {"weakness": False, "numbness": False, "slurred_speech": False}
    graded = _symptoms(kb, "Weakness? A little, in my left hand, worse each week. Swallowing? Fine.")
    assert graded.get("weakness") is True and graded.get("getting_worse") is True
    assert _symptoms(kb, "Breathing: struggling right now even sitting down.").get("breathing_difficulty") is True
    assert _symptoms(kb, "Speech: a bit slurred since last month").get("slurred_speech") is True
    # a graded word after a question that is no label answers nothing
    assert _symptoms(kb, "Could it be numbness? Some people get that. Calf twitch 2 days") == {"numbness": None}
    # a label that goes on past the sign's words, and a function's label answered ("- Speech: no. Swallowing: fine")
    form = "My calf twitches.\n- Slurred speech: no\n- Trouble swallowing: no\n- Vision: normal\n"
    form += "- Speech: no. Swallowing: fine"
    assert _symptoms(kb, form) == {"slurred_speech": False, "swallowing_difficulty": False,
                                   "sudden_vision_problem": False}  # fmt: skip
    # the function's label takes the same whole-answer "no" as a sign's label (not "- no warning, it just …")
    went = "Calf twitch. Speech - no warning, it just went funny an hour ago"
    assert _symptoms(kb, went).get("slurred_speech") is None
    assert _symptoms(kb, "calf twitch. Speech: fine. Breathing - none. Strength: normal") == {
        "slurred_speech": False, "breathing_difficulty": False, "weakness": False}  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Can't lift my right arm - no warning, it just happened an hour ago",
        "My right arm went weak and heavy - no reason, came on 20 minutes ago",
        "Speech slurred - no drinks, started an hour ago",
    ],
)
def test_a_no_that_is_not_the_whole_answer_denies_nothing(kb: KnowledgeBase, text: str) -> None:
    """ "- no warning" after a sign told at the start of a sentence is how it came on, not a label answered no."""
    assert _advice(kb, text).disposition == "emergency"


def test_a_leg_that_buckles_is_weak(kb: KnowledgeBase) -> None:
    text = "if I hadn't grabbed the rail I would have gone down - my left leg just buckles, and it's worse now"
    symptoms = _symptoms(kb, text)
    assert symptoms.get("weakness") is True and symptoms.get("getting_worse") is True


@pytest.mark.parametrize(
    "text",
    [
        # when a stroke sign began, told in other words (the ninety-first plain-report set)
        "moments ago my speech went all slurred and my right hand won't grip",
        "since the news came on my right leg has been weak and dragging",
        "as I was getting out of the car my right arm went dead and heavy, still the same now",
        "started at half past two: my left leg gave way and it's still weak",
        "just before the school run my right arm went numb and floppy",
    ],
)
def test_a_sign_s_onset_told_by_a_moment_or_a_clock(kb: KnowledgeBase, text: str) -> None:
    reading = read(text, kb, today=TODAY)
    assert assess(reading.answers, kb, today=TODAY, said=reading.said).disposition == "emergency"


def test_what_the_seventh_held_out_set_showed_is_read(kb: KnowledgeBase) -> None:
    # heldout-g.yaml's first run: each of these had been missed
    assert (
        _symptoms(kb, "the muscle by my thumb flickers, two weeks now, and it looks a bit hollow").get("muscle_wasting")
        is True
    )
    assert _symptoms(kb, "I've lost half a stone without trying").get("weight_loss") is True
    assert _symptoms(kb, "she's unsteady and has fallen twice this week").get("tripping_or_foot_drop") is True
    woman = read("Woman, 52: twitches in my calves and feet for 6 weeks", kb, today=TODAY).answers
    assert woman.age == 52 and woman.sex == "female"
    assert read("eyelid twitching 3 days, exam week", kb, today=TODAY).answers.stress_0_10 == 7
    neck = read("shoulder twitch, my neck is stiff and sore", kb, today=TODAY).answers
    assert neck.back_or_neck_pain is True and neck.symptoms == {"stiffness": True, "pain": True}
    assert "pain" not in _symptoms(kb, "my job is a real pain in the neck, eyelid flickering")
    assert read("calf twitch after I wore new running shoes", kb, today=TODAY).answers.recent_intense_exercise is None
    # a dash by an age stays an age's
    assert read("I'm 45 - year - old, calf twitch", kb, today=TODAY).answers.duration_days is None


def test_less_common_signs_in_everyday_words(kb: KnowledgeBase) -> None:
    # the ninety-second plain-report set
    crushed = read(
        "chest feels like it's being crushed and the pain goes into my jaw, started 20 min ago", kb, today=TODAY
    )
    assert (
        assess(crushed.answers, kb, today=TODAY, said=crushed.said).disposition == "emergency"
    )  # severe is chest pain
    on_it = read("I take sertraline, been on it 2 years, eyelid twitching for 3 days", kb, today=TODAY).answers
    assert on_it.duration_days == 3  # the medicine's two years are not the twitching's
    weeds = read("sprayed weedkiller last summer, nothing since, calf twitch 2 days after a run", kb, today=TODAY)
    assert "insecticide_exposure" not in (weeds.answers.symptoms or {})  # a season ago: not this twitching's


def test_places_in_real_posts_words(kb: KnowledgeBase) -> None:
    # a list carried on by "and even" or "and then"; a posture is no place; someone else's back is a place
    listed = read("This twitching quickly moved to my calves, face, tongue and even my butt.", kb, today=TODAY).answers
    assert Site(region="buttock") in (listed.sites or []) and (listed.symptoms or {}).get("spreading") is True
    lying = read("I was lying on my back and my calf twitched", kb, today=TODAY).answers
    assert lying.sites == [Site(region="calf")]  # one place, not two
    mother = read("My mother has a fixed point on her back that twitches on and off", kb, today=TODAY).answers
    assert mother.sites == [Site(region="back")]
    drove = read("I drove her back home and her eyelid twitched", kb, today=TODAY).answers
    assert drove.sites == [Site(region="eyelid")]
    triceps = read("my left arm, particularly the head of my triceps, won't stop twitching", kb, today=TODAY).answers
    assert triceps.sites == [Site(region="upper_arm", side="left")]  # its own plural takes the side named beside it
    assert read("triceps twitching 9 days", kb, today=TODAY).answers.sites == [Site(region="upper_arm", side="both")]
    jelly = read("my legs were jelly after the spin class, calf twitch this evening", kb, today=TODAY).answers
    assert jelly.sites == [Site(region="calf")]  # how the legs felt, not a second place
    scattered = read("twitching that is not localized to a specific area", kb, today=TODAY).answers
    assert scattered.sites == [Site(region="widespread")]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # a time inside "that I …" after another thing is that thing's; a time told with a word between
        (
            "Last night, while working on a book review that I had promised the editor 41 days ago, my arm started "
            "twitching",
            1,
        ),
        ("Is it bad that my smile has gone a bit crooked over the past month? I also get twitching in my cheek", 30),
        ("the twitching that I noticed 3 weeks ago in my calf", 21),
        ("my calf has twitched for 3 whole weeks", 21),
        ("In late February, over 19 long months ago, my twitching began", 571),
    ],
)
def test_whose_time_a_real_post_tells(kb: KnowledgeBase, text: str, days: int) -> None:
    assert read(text, kb, today=TODAY).answers.duration_days == days


def test_an_age_said_of_her_with_a_hedge(kb: KnowledgeBase) -> None:
    answers = read("My mother has a peculiar issue. She is about 55 years old and her back twitches", kb, today=TODAY)
    assert answers.answers.age == 55
    assert read("she is 3 weeks into it, her calf twitches", kb, today=TODAY).answers.age is None


def test_breathing_told_with_no_word_of_when_is_asked_and_at_least_on_exertion(kb: KnowledgeBase) -> None:
    # clinical.md §11d: at rest (an emergency) and on exertion (urgent with weakness) are kept apart; told plainly
    # with neither, at rest is asked and warned about, and breathless at all is breathless on exertion at least
    text = "Thighs twitching for a month. These past days a weakness in my breathing, shallow breaths, and weakness"
    reading = read(text, kb, today=TODAY)
    symptoms = reading.answers.symptoms or {}
    assert symptoms["breathing_difficulty"] is None and symptoms["breathless_on_exertion"] is True
    result = assess(reading.answers, kb, today=TODAY, said=reading.said)
    assert result.disposition == "urgent" and result.warning is not None
    assert any("breathless on exertion" in a for a in reading.assumptions)
    resting = _symptoms(kb, "shallow breaths sitting still right now, calf twitching")
    assert resting.get("breathing_difficulty") is True and "breathless_on_exertion" not in resting


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a second search of real posts (thirteenth session): a child's blinking, a cheekbone, "twitches and spasms"
        ("My son, for the last two days, seems to be blinking a whole lot.", [Site(region="eyelid", side="both")]),
        ("in the blink of an eye my calf twitched", [Site(region="calf")]),
        (
            "twitching on the left side of my cheekbone, just above the corner of my mouth",
            [Site(region="face", side="left")],
        ),
        ("Often I get twitches and spasms in my hip and leg muscles", [Site(region="buttock"), Site(region="calf")]),
    ],
)
def test_places_a_second_search_of_real_posts_told(kb: KnowledgeBase, text: str, expected: list[Site]) -> None:
    assert read(text, kb, today=TODAY).answers.sites == expected


def test_ages_and_signs_a_second_search_of_real_posts_told(kb: KnowledgeBase) -> None:
    assert read("for his birthday (he just turned 5) he was blinking hard", kb, today=TODAY).answers.age == 5
    assert read("DS has started blinking excessively, he's 5.5", kb, today=TODAY).answers.age == 5
    assert _symptoms(kb, "an inability to stand on my left toes, calf twitching").get("weakness") is True
    assert _symptoms(kb, "left leg paresthesia and hamstring twitching").get("tingling") is True


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        # a sign's words in another sense (the ninety-third plain-report set): one accident, a drop-off, an idiom
        ("I was dropping my car off at the garage when my eyelid started twitching", "loss_of_dexterity"),
        ("dropped my phone in the bath yesterday lol, eyelid twitching for 3 days", "loss_of_dexterity"),
        ("I keep dropping hints to my husband about a holiday, eyelid twitches", "loss_of_dexterity"),
        ("I tripped over the cat yesterday but I'm fine, calf twitch 2 days", "tripping_or_foot_drop"),
        ("I have trouble writing my thesis, so stressed, eyelid twitching", "loss_of_dexterity"),
        ("I fumbled the ball at netball and laughed, thumb twitch", "loss_of_dexterity"),
        ("I'm choking on deadlines at work, my eyelid twitches", "swallowing_difficulty"),
        ("The traffic is getting worse every day on my commute, eyelid twitching", "getting_worse"),
        ("My hours at work have been increasing, eyelid twitch for a week", "getting_worse"),
        ("I lost my voice at the concert on Saturday, eyelid twitching", "slurred_speech"),
        # the ninety-fourth set
        ("I was slurring after too many wines at the wedding last night, eyelid twitching", "sudden_speech_problem"),
        ("my plants are drooping in this heat, and my eyelid twitches", "face_droop"),
        ("I feel like I'm wasting my time at work, eyelid twitching", "muscle_wasting"),
        ("the tent collapsed on us at the festival lol, thigh twitching", "fainting"),
        ("My laptop had a seizure and I lost my essay, eyelid twitching", "seizure"),
        ("I'm falling over myself to help everyone at work, eyelid twitching", "tripping_or_foot_drop"),
        ("the news was hard to swallow, eyelid twitching", "swallowing_difficulty"),
        ("I lost my balance on the paddleboard and fell in, laughing, calf twitch", "sudden_loss_of_balance"),
        ("I had food poisoning a year ago, nothing since, eyelid twitching for 3 days", "recent_fluid_loss"),
        ("I had the stomach flu a year ago, nothing since, eyelid twitching for 3 days", "recent_fluid_loss"),
        # the ninety-sixth set
        ("I'm paralysed by choice at the supermarket these days lol, eyelid twitching", "paralysis"),
        ("my face dropped when I saw the bill, eyelid twitching 2 days", "face_droop"),
        ("I fainted with laughter at the comedy show (not literally), eyelid twitch", "fainting"),
        ("I'm out of breath from laughing at my kids, calf twitching", "breathing_difficulty"),
        ("I was gasping for a coffee all morning, eyelid twitching", "breathing_difficulty"),
        ("my hand is cramping from writing exams all week, thumb twitch", "hand_spasms"),
        ("I'm seeing double shifts this week, eyelid twitching", "sudden_vision_problem"),
        # the ninety-seventh set
        ("my team collapsed in the second half, calf twitch after the match yesterday", "fainting"),
        ("I lost feeling for my old job ages ago, eyelid twitching", "numbness"),
        ("I'm going numb from the cold on my commute, eyelid twitch", "numbness"),
        ("I can't stand up to my boss, eyelid twitching", "weakness"),
    ],
)
def test_a_sign_s_words_in_another_sense_are_no_sign(kb: KnowledgeBase, text: str, symptom: str) -> None:
    assert symptom not in _symptoms(kb, text)


@pytest.mark.parametrize(
    ("text", "symptom"),
    [
        # ... and the sign told with the same words stays one
        ("I keep dropping my phone, hand twitching", "loss_of_dexterity"),
        ("I dropped my phone twice today, hand twitching", "loss_of_dexterity"),
        ("I tripped over the rug again, third time this week, calf twitch", "tripping_or_foot_drop"),
        (
            "42 year old woman, calf twitching. My left foot slaps down when I walk and I trip on the kerb.",
            "tripping_or_foot_drop",
        ),
        ("I have trouble writing my name now, hand twitch", "loss_of_dexterity"),
        ("my legs are so weak, twitching everywhere, worse each week", "getting_worse"),
        ("fasciculations in both calves, now difficulty climbing stairs which is getting worse", "getting_worse"),
        ("I suddenly lost my voice an hour ago and my arm twitches", "sudden_speech_problem"),
        ("I keep choking on my food, tongue twitching", "swallowing_difficulty"),
        ("I'm slurring my words since this morning, no alcohol", "sudden_speech_problem"),
        ("people keep asking if I'm drunk because of how I talk, and my jaw twitches", "slurred_speech"),
        ("That's the left side of my face right now, came on 15 minutes ago, and it's drooping", "face_droop"),
        ("I lost my balance suddenly in the kitchen an hour ago", "sudden_loss_of_balance"),
        ("my husband collapsed at work", "fainting"),
        ("food is hard to swallow and my tongue twitches", "swallowing_difficulty"),
        ("stomach flu since yesterday and my calves are cramping", "recent_fluid_loss"),
        ("I keep falling over, calf twitching", "tripping_or_foot_drop"),
        ("after two glasses of wine on Friday my speech went slurred and it's still slurred today", "slurred_speech"),
        ("one side of my face fell at dinner", "face_droop"),
        ("my face fell when I woke up, one side is lopsided", "face_droop"),
        ("I'm gasping for breath sitting still, calf twitching", "breathing_difficulty"),
        ("I can't stand up from a chair without using my arms, thighs twitch", "weakness"),
    ],
)
def test_the_same_words_told_as_a_sign_stay_one(kb: KnowledgeBase, text: str, symptom: str) -> None:
    assert _symptoms(kb, text).get(symptom) is True


def test_a_place_named_after_a_side_in_a_list_and_a_time_right_after_a_place(kb: KnowledgeBase) -> None:
    """ "now both calves and my left thigh too": the thigh is in the list; "started in my right calf a month ago":
    a month is how long (after a place, "a month ago" is no "a month" of how often)."""
    told = "Started in my right calf a month ago, now both calves and my left thigh too"
    answers = read(told, kb, today=TODAY).answers
    assert [(s.region, s.side) for s in answers.sites or []] == [("calf", "both"), ("thigh", "left")]
    assert answers.duration_days == 30
    often = read("my calf twitches, 3 coffees a day, a pint a week", kb, today=TODAY).answers
    assert often.duration_days is None and often.caffeine_mg_per_day == 285
    flu = read("I had the stomach flu a year ago, nothing since, eyelid twitching for 3 days", kb, today=TODAY).answers
    assert flu.duration_days == 3


@pytest.mark.parametrize(
    "text",
    [
        "My face isn't drooping, eyelid twitches",
        "My face is not drooping, my eyelid twitches",
        "My mouth is not distorted, left eyelid twitching",
        "I have a crooked smile in photos, eyelid twitch",
    ],
)
def test_a_face_said_to_be_even_is_no_stroke_sign_nor_a_second_place(kb: KnowledgeBase, text: str) -> None:
    """ "My face is not drooping" had been read as a drooping face (an emergency), and "my mouth is not distorted" as a
    second twitching place; a crooked smile one has in photos is the person's own."""
    reading = read(text, kb, today=TODAY)
    assert (reading.answers.symptoms or {}).get("face_droop") is not True
    assert [s.region for s in reading.answers.sites or []] == ["eyelid"]
    assert assess(reading.answers, kb, today=TODAY).disposition == "self_care"


@pytest.mark.parametrize(
    "text",
    ["my smile is lopsided since this morning", "my mouth suddenly went crooked 20 minutes ago",
     "my face is not numb but it is drooping since 20 minutes"],
)  # fmt: skip
def test_a_face_that_changed_stays_an_emergency(kb: KnowledgeBase, text: str) -> None:
    assert _advice(kb, text).disposition == "emergency"


def test_since_half_term_is_since_the_last_half_term_week(kb: KnowledgeBase) -> None:
    since = read("twitching in my bum cheek since half term", kb, today=TODAY).answers
    assert since.duration_days == 26  # from 26 October to 21 November
    assert read("calf twitching, the kids go back after half term", kb, today=TODAY).answers.duration_days is None


@pytest.mark.parametrize(
    "text",
    ["Thumb twitching for a couple of days. My partner reckons it's all the gaming.",
     "My mum thinks it's magnesium. Lip twitch since this morning, lots of coffee, nothing else."],
)  # fmt: skip
def test_one_who_only_comments_leaves_the_words_the_writer_s(kb: KnowledgeBase, text: str) -> None:
    assert read(text, kb, today=TODAY).about == "self"


def test_strength_said_unchanged_is_no_weakness(kb: KnowledgeBase) -> None:
    for text in ("Twitching in my neck since Halloween, I haven't lost any strength",
                 "I'm 70 and the muscles in my arms twitch, about 3 weeks, but my strength is the same"):  # fmt: skip
        assert _symptoms(kb, text).get("weakness") is False


def test_since_a_mealtime_is_today(kb: KnowledgeBase) -> None:
    told = "my mum says her speech is slurred since lunchtime and her right arm is twitching"
    assert read(told, kb, today=TODAY).answers.duration_days == 0
    assert read("finger twitch since lunchtime, been typing all day", kb, today=TODAY).answers.duration_days == 0


def test_the_other_one_is_the_same_place_on_the_other_side(kb: KnowledgeBase) -> None:
    told = "I've got twitching in my left calf and the right one too, around 10 days, no cramps"
    assert [(s.region, s.side) for s in read(told, kb, today=TODAY).answers.sites or []] == [("calf", "both")]
    now = read("right thigh twitching, now the other one as well", kb, today=TODAY).answers
    assert [(s.region, s.side) for s in now.sites or []] == [("thigh", "both")]


def test_a_faint_doubted_by_not_thinking_so_is_asked_and_one_told_is_a_faint(kb: KnowledgeBase) -> None:
    assert _symptoms(kb, "I don't think I fainted, I just felt dizzy").get("fainting") is None
    assert _symptoms(kb, "think I just passed out for a sec in the kitchen").get("fainting") is True


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        ("my arm is not numb but it went weak and heavy an hour ago", "emergency"),
        ("my face is not numb but it is drooping since 20 minutes", "emergency"),
        ("Twitching in my bicep for 3 days. My muscles aren't shrinking or wasting.", "self_care"),
        ("my arm is not numb, not weak, calf twitching", "self_care"),
    ],
)
def test_a_deficit_denied_does_not_hide_one_told_after_it(kb: KnowledgeBase, text: str, disposition: str) -> None:
    """The cue's words ended on the denied deficit ("arm is not numb"), so the weakness told after it was never tried;
    a denial that goes on down a list ("aren't shrinking or wasting") still denies the list."""
    assert _advice(kb, text).disposition == disposition


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        # a child's jerking that does not stop when held is a fit (NHS children's red signs, clinical.md 11b)
        ("My 4 year old has a temperature and his arms keep jerking and it doesn't stop when I hold him", "emergency"),
        ("my calf twitches and doesn't stop when I hold it", "self_care"),
        # chest pain told as tight with sweating and sickness is the emergency kind; told as not crushing, it is not
        ("sudden tight chest and I'm sweating and feel sick, also twitching in my arm", "emergency"),
        ("I've got chest pain right now, not crushing, just a dull ache, and my pecs have been twitching", "urgent"),
        ("chest pain, not like an elephant sitting on it, more like a crushing feeling", "emergency"),
        ("Tricep twitch for 3 days after a heavy chest and tris session. drink around 3L water.", "self_care"),
        # out of breath after a sprint is what anyone is; told as new, it is asked
        ("out of breath after sprinting for the bus, calf twitching afterwards, I'm fine otherwise", "self_care"),
        ("I'm breathless all the time even sitting, twitching after football", "emergency"),
        # "with no warning" is sudden
        ("my left arm is paralysed with no warning", "emergency"),
        # a task that fails for a reason outside the body is no sign; one the body explains stays one
        ("I can't open the jar because the lid is stuck, eyelid twitch", "self_care"),
        ("I can't play the piano today because my teacher is ill, eyelid twitch", "self_care"),
        ("can't hold a cup cos it keeps slipping out of my hand", "urgent"),
        ("I can't hold my cup since the weekend", "urgent"),
        ("I can't open jars as I used to", "urgent"),
        # a guitarist's chords and fingers that don't press hard enough, in a place that has spread: weakness spreading
        (
            "Around March I noticed my left thumb twitching, then it moved to my forearm, then my shoulder. Over the "
            "past two months I can't do the barre chords I used to, my left fingers just don't press down hard enough.",
            "urgent",
        ),
        # feelings in a sign's words
        ("twitchy eyelid since the weekend, work has me feeling totally paralysed by the workload", "self_care"),
        ("my leg is paralysed by a stroke since an hour", "emergency"),
        ("twitch in my lip since yesterday, I was gasping at the price of petrol, no other issues", "self_care"),
        ("I keep gasping at night and my arms twitch", "emergency"),
        ("my thumb keeps twitching since Tuesday, my hands are numb to the pain of losing at this point", "self_care"),
        ("my eyelid's twitching, probably because I'm weak at saying no to extra shifts, 3 days now", "self_care"),
    ],
)
def test_signs_told_with_their_reason_or_their_kind(kb: KnowledgeBase, text: str, disposition: str) -> None:
    """The misses of sets 109-112, in general form: what explains a sign's words, or makes it the worse kind."""
    _assert_advice(kb, text, disposition)


def test_a_medicines_time_and_a_relatives_things_are_not_the_writers(kb: KnowledgeBase) -> None:
    told = "I've been on my blood pressure tablets for years, eyelid twitch for 3 days"
    assert read(told, kb, today=TODAY).answers.duration_days == 3
    then = "dad's been on his new Parkinson's pills for a week and since then his arms twitch more"
    assert read(then, kb, today=TODAY).answers.duration_days == 7
    sister = "my eye twitches since this week, my sister's losing weight for her wedding and I've been doing the diet"
    reading = read(sister, kb, today=TODAY)
    assert reading.about == "self" and not (reading.answers.symptoms or {}).get("weight_loss")


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("calf twitching since Bonfire Night, no other symptoms", 16),
        ("twitching in left bicep for a fortnight and a bit now", 15),
        ("my thumb has twitched every day since my birthday on the 3rd of November", 18),
        ("been twitching in my arm for close to a month", 30),
        ("twitch in my calf, going on three weeks", 21),
        ("calf twitching most of this autumn", 81),
    ],
)
def test_times_told_by_a_feast_a_birthday_or_a_bit_more(kb: KnowledgeBase, text: str, days: int) -> None:
    assert read(text, kb, today=TODAY).answers.duration_days == days


def test_every_day_and_a_lifted_mug_are_no_workout(kb: KnowledgeBase) -> None:
    assert read("my thumb has twitched every day", kb, today=TODAY).answers.recent_intense_exercise is None
    assert read("I now use two hands to lift my mug of tea", kb, today=TODAY).answers.recent_intense_exercise is None
    assert read("calf twitch after leg day", kb, today=TODAY).answers.recent_intense_exercise is True


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        ("I now use two hands to lift my mug of tea, my right hand twitches and feels feeble", "urgent"),
        ("I've had to give up knitting because my fingers won't do the fine movements any more", "urgent"),
        ("I've started cutting my food into tiny pieces because big bits get stuck going down", "urgent"),
        ("body-wide twitching for 6 days, can't pin it to one spot", "routine"),
    ],
)
def test_signs_told_by_what_the_person_now_does_differently(kb: KnowledgeBase, text: str, disposition: str) -> None:
    assert _advice(kb, text).disposition == disposition


def test_hands_held_to_a_rail_are_not_a_place_that_twitches(kb: KnowledgeBase) -> None:
    told = "I keep having to hold the banister with both hands to get upstairs now, and my thighs twitch"
    answers = read(told, kb, today=TODAY).answers
    assert [s.region for s in answers.sites or []] == ["thigh"] and (answers.symptoms or {}).get("weakness") is True
    assert [s.region for s in read("my calf and both hands twitch", kb, today=TODAY).answers.sites or []] == [
        "calf",
        "hand",
    ]


def test_a_worry_about_a_sign_is_asked_and_a_self_test_is_no_place(kb: KnowledgeBase) -> None:
    imagined = "I keep imagining my leg feels weak but I ran 5k this morning no problem, calf twitch 3 days"
    reading = read(imagined, kb, today=TODAY)
    assert reading.answers.recent_intense_exercise is True  # "no problem" denies nothing
    assert assess(reading.answers, kb, today=TODAY).disposition == "self_care"
    assert (reading.answers.symptoms or {}).get("sudden_one_sided_weakness") is None  # asked, not assumed
    tongue = "panicking that my tongue might be twitching, checked in the mirror 50 times and it's still, eyelid twitch"
    reading = read(tongue, kb, today=TODAY)
    assert [s.region for s in reading.answers.sites or []] == ["eyelid"]
    assert "tongue_twitching" in reading.uncertain
    told = "my tongue is twitching, I can see it in the mirror"
    assert (read(told, kb, today=TODAY).answers.symptoms or {}).get("tongue_twitching") is True
    tested = "I did the finger to nose test and the heel walking test and passed, calf twitches for 6 days"
    assert [s.region for s in read(tested, kb, today=TODAY).answers.sites or []] == ["calf"]


@pytest.mark.parametrize(
    ("text", "state"),
    [
        # a story's reaction, told in the past: puzzled, most likely - asked, never passed over
        ("I had never had anything like it before so I was really confused, my finger was twitching", None),
        # confusion now, or an episode of it, is the sign
        ("I can't think straight and I'm confused", True),
        ("I was confused and didn't know where I was, arm twitching", True),
        ("On an antidepressant, just started tramadol, and now I'm confused, burning hot and twitching all over", True),
    ],
)
def test_a_writers_past_confusion_is_asked_and_confusion_now_is_a_sign(
    kb: KnowledgeBase, text: str, state: bool | None
) -> None:
    reading = read(text, kb, today=TODAY)
    assert (reading.answers.symptoms or {}).get("confusion_or_agitation") is state
    if state is None:
        assert "confusion_or_agitation" in reading.uncertain


def test_twitches_all_through_the_body_are_widespread(kb: KnowledgeBase) -> None:
    told = "For over a year now I have had random muscle twitches all through my body."
    assert [s.region for s in read(told, kb, today=TODAY).answers.sites or []] == ["widespread"]


@pytest.mark.parametrize(
    ("text", "disposition", "warned"),
    [
        # a time compared with is no time long past: the weakness told in the same sentence is now
        ("harder to climb the stairs than a few months ago, and it's getting a bit worse, legs weak", "urgent", False),
        ("I had a stroke a few months ago, calf twitching, legs a bit weak", "routine", True),
        # hedged signs are asked and warned about, never passed over
        ("I think my grip might be a smidge weaker than it was, hard to say, hand twitches, 6 weeks", "routine", True),
        # a foot that slaps when walking is foot drop; a flip flop's slap is not
        ("me calf's been twitching for weeks and now I've got a gammy foot that slaps when I walk", "urgent", False),
        ("my flip flops slap when I walk on the beach, calf twitch 2 days", "self_care", False),
        ("my hand has gone a bit useless over the past month, can't do me buttons, thumb twitches", "urgent", False),
        ("the traffic is getting a bit worse, eyelid twitching 3 days", "self_care", False),
    ],
)
def test_comparisons_hedges_and_dialect(kb: KnowledgeBase, text: str, disposition: str, warned: bool) -> None:
    _assert_advice(kb, text, disposition, warned=warned)


@pytest.mark.parametrize(
    ("text", "mg"),
    [
        ("I drink about 12 cans of energy drink a day, each 160mg, and my muscles twitch constantly", 1920.0),
        ("3 coffees a day, about 100mg each", 300.0),
        ("one can of monster, 160mg per can", 160.0),
        ("I take 3 x 200mg caffeine tablets a day, around 1,300 mg in total", 1300.0),
    ],
)
def test_one_drinks_milligrams_are_counted_for_every_drink(kb: KnowledgeBase, text: str, mg: float) -> None:
    assert read(text, kb, today=TODAY).answers.caffeine_mg_per_day == mg


def test_lips_and_fingertips_all_pins_and_needles_with_clawed_hands(kb: KnowledgeBase) -> None:
    told = "my lips and fingertips are all pins and needles and my hands have locked into a claw shape, twitching face"
    assert _advice(kb, told).disposition == "emergency"


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        # whose signs: a flatmate's choking is his; "my flatmate's been" is "has been", not his
        ("my flatmate's been choking on his food all week; me, I've only got a twitchy thumb", "self_care"),
        ("My husband has MND and I'm his carer. I've had an eyelid twitch for two days, it's stress", "self_care"),
        # a sentence that says it is a figure of speech; a score; lifelong; a worldly thing wasting away
        ("thigh twitching 3 days, drowning in paperwork, can't catch my breath at work, figuratively", "self_care"),
        ("my calf twitches a bit after football, we got paralysed 4-0, gutted", "self_care"),
        ("eyelid going for 3 days. my sister says I'm slurring my words when excited but I always have", "self_care"),
        ("I've always been fine but now I'm slurring my words, calf twitch", "urgent"),
        ("eye twitch 3 days. my team's morale is wasting away with these layoffs", "self_care"),
        # handwriting gone wobbly is a hand that no longer writes as it did
        ("nothing else really, apart from my handwriting has got wobbly this month and the hand twitches", "urgent"),
    ],
)
def test_whose_sign_and_which_sense(kb: KnowledgeBase, text: str, disposition: str) -> None:
    _assert_advice(kb, text, disposition)


@pytest.mark.parametrize(
    ("text", "disposition", "warned"),
    [
        # text-speak: "cnt", "ova", "proply", and "breath" for "breathe"
        ("cnt breath proply sittin down, arms weak, twitchin evrywhere", "emergency", False),
        ("leg keeps givin out n i trip ova my foot alot lately, calf twitchin 2 months", "urgent", False),
        # struggling to breathe told of effort, with no word of rest: asked whether at rest, and warned meanwhile
        ("I can't breathe in the cold air when I run, calf twitch", "self_care", True),
        ("I can't breathe right now even when I walk slowly", "emergency", False),
    ],
)
def test_text_speak_and_breath_told_of_effort(kb: KnowledgeBase, text: str, disposition: str, warned: bool) -> None:
    _assert_advice(kb, text, disposition, warned=warned)


@pytest.mark.parametrize(
    "text",
    [
        "Not a big deal, figuratively speaking, but my face drooped on one side 20 minutes ago",
        "my face drooped on one side 20 minutes ago, figuratively speaking - no, literally",
        "my face drooped on one side 20 minutes ago, not figuratively",
        "I feel paralysed at work, figuratively. My face drooped on one side 20 minutes ago",
    ],
)
def test_a_figure_of_speech_reaches_its_own_clause_only(kb: KnowledgeBase, text: str) -> None:
    assert _advice(kb, text).disposition == "emergency"


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        ("my little one has a high temperature and her lips look blue, she's twitching in her sleep", "emergency"),
        ("I can't breathe and my lips are blue from the cold water", "emergency"),
        # lips blue from the cold or a swim: no sign, and no place that twitches
        ("my lips look blue from the cold after swimming, calf twitch", "self_care"),
    ],
)
def test_blue_lips_look_blue_and_the_cold_explains_them(kb: KnowledgeBase, text: str, disposition: str) -> None:
    result = _advice(kb, text)
    assert result.disposition == disposition


@pytest.mark.parametrize(
    "text",
    [
        "eyelid twitching 3 days. the guy next to me on the train was choking on his sandwich, scared me",
        "thumb twitch 2 days, a lady at the bus stop fainted yesterday and I helped her, I'm a bit shaken",
    ],
)
def test_a_sign_of_someone_named_by_a_role_is_theirs(kb: KnowledgeBase, text: str) -> None:
    result = _advice(kb, text)
    assert (result.disposition, result.warning) == ("self_care", None)


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        ("I keep bumping into things on my left since lunchtime and my left arm feels odd", "emergency"),
        ("walking like I'm drunk since lunch and I haven't had a drop, leg twitching", "emergency"),
        # dizzy on standing up too fast, and fine since: no sign (dizzy with a sign beside it stays one)
        ("calf twitch 2 days, felt a bit dizzy standing up too fast this morning, fine since", "self_care"),
        ("I'm dizzy and my arm went weak 20 minutes ago", "emergency"),
    ],
)
def test_balance_told_by_what_it_does(kb: KnowledgeBase, text: str, disposition: str) -> None:
    _assert_advice(kb, text, disposition)


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        # a question that takes its sign as given: why it happens, how worried to be, what explains it
        ("Why would half my face suddenly go numb and droop? Just happened while I was reading.", "emergency"),
        ("How worried should I be that I fainted at work today? I had twitchy legs all morning.", "emergency"),
        ("Could caffeine explain why my hand is getting weaker over weeks? Twitching everywhere.", "urgent"),
        ("Do I need A&E if my words came out all jumbled for a few minutes just now?", "emergency"),
        ("What does it mean if I can't catch my breath even sitting still? My chest muscles twitch.", "emergency"),
        (
            "Is it a stroke if my arm and leg on one side suddenly feel heavy and weak? It started ten minutes ago.",
            "emergency",
        ),
        # what might happen is still a worry, asked about, and a question about someone else is theirs
        ("Should I go to A&E if I get weakness in my arm? Just a thumb twitch since Monday.", "self_care"),
        ("Do I need to see a doctor if my speech becomes slurred? Calf twitch since Saturday.", "self_care"),
        ("Why do people with ALS get twitching? My calf has twitched since yesterday, nothing else.", "self_care"),
    ],
)
def test_a_question_that_takes_its_sign_as_given_tells_it(kb: KnowledgeBase, text: str, disposition: str) -> None:
    result = _advice(kb, text)
    assert result.disposition == disposition, text
    if disposition != "self_care":
        assert result.warning is None, text  # told, not only warned about


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        ("The doctor put me on a steroid inhaler last week and since then my arms keep twitching.", "urgent"),
        ("My GP started me on an anti-sickness medicine yesterday and now my neck and face keep twitching.", "urgent"),
        ("I take since one week a new medicament for the pressure and now my legs are twitching.", "urgent"),
        # a medicine begun years ago is not a new one, and is not asked about
        ("My GP put me on statins 5 years ago, calf twitch today", "self_care"),
    ],
)
def test_a_doctor_who_puts_someone_on_a_medicine_starts_a_new_one(
    kb: KnowledgeBase, text: str, disposition: str
) -> None:
    _assert_advice(kb, text, disposition)


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        ("Edit: swallowing has become harder lately, water goes down the wrong way. Twitching in neck.", "urgent"),
        ("it is difficult to swallow my food, tongue twitching", "urgent"),
        ("it's hard to swallow since last week", "urgent"),
        # news that is hard to swallow is not food
        ("the diagnosis was hard to swallow for my family, my eyelid twitches, 2 days", "self_care"),
        ("swallowing isn't a problem, calf twitch for 2 days", "self_care"),
    ],
)
def test_swallowing_said_to_be_harder(kb: KnowledgeBase, text: str, disposition: str) -> None:
    _assert_advice(kb, text, disposition)


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        (
            "My husband says I went blank and my arms were jerking for a minute on the sofa earlier, I don't remember.",
            "emergency",
        ),
        ("Yesterday I have lost the conscience for one minute, now my legs are twitching.", "emergency"),
        ("I cannot take the air even when I am sitting, and the muscles of the chest are jumping.", "emergency"),
        ("Suddenly my arm and my leg of the left side are without force, it is 30 minutes.", "emergency"),
        ("My hand is not more strong like before, since one month it becomes worse, and the muscle jumps.", "urgent"),
        ("Is it normal for my ankle to give way and my toes to catch when I walk? Calf twitching 2 months.", "urgent"),
        ("my legs were shaking with nerves before the exam, eyelid twitch 2 days", "self_care"),
    ],
)
def test_signs_in_plain_words_and_in_a_second_language(kb: KnowledgeBase, text: str, disposition: str) -> None:
    _assert_advice(kb, text, disposition)


@pytest.mark.parametrize(
    ("text", "disposition", "warned"),
    [
        # a denial that opens the clause after a worry's is a denial
        (
            "Not worried about a stroke, no face drooping, arms both work fine. Just my eye twitching for a day or so.",
            "self_care",
            False,
        ),
        # a doubt after the phrase in its own clause still reaches it
        ("Worried about a stroke, no face drooping I think. Eye twitch since yesterday.", "self_care", True),
        # "no idea why" denies no symptom after it
        ("I'm anxious, no idea why, orthopnoea, I need three pillows now", "urgent", False),
    ],
)
def test_a_denial_after_a_worry_and_a_denial_of_knowing(
    kb: KnowledgeBase, text: str, disposition: str, warned: bool
) -> None:
    _assert_advice(kb, text, disposition, warned=warned)


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        ("Couldn't get me breath sitting on the couch watching telly, still can't, chest twitching.", "emergency"),
        (
            "Me arm's gone all floppy on the left side since smoko, about half an hour ago, can't grip me cuppa.",
            "emergency",
        ),
        ("Since brekkie I can't feel my left leg and it's weak.", "emergency"),
        ("When I got off the bus my legs went from under me and my face felt numb on one side.", "emergency"),
        ("During my shower my vision doubled and I had to hold onto the wall, it's still double.", "emergency"),
        (
            "My 4 year old has a fever and a rash that doesn't go when I press a glass on it, and her legs twitch.",
            "emergency",
        ),
        ("I'm 74 and on a statin, and my thighs have ached and twitched for a week for no reason.", "urgent"),
        # holding the rail going upstairs is no loss of balance
        (
            "I'm 40, and going upstairs I have to hold the rail lately and I struggle to get up off the sofa without "
            "using my arms, calf twitch for 2 days",
            "routine",
        ),
    ],
)
def test_dialect_day_events_and_everyday_signs(kb: KnowledgeBase, text: str, disposition: str) -> None:
    _assert_advice(kb, text, disposition, warned=False)


@pytest.mark.parametrize(
    ("text", "disposition", "warned"),
    [
        (
            "I'm puffing just sitting here, can't get a full breath, and my chest muscles keep twitching.",
            "emergency",
            False,
        ),
        ("Every breath is a struggle even lying on the sofa, started this afternoon.", "emergency", False),
        ("gasping for air since I sat down after my walk", "emergency", False),
        # effort anyone would be breathless after, or over in moments: no sign; an effort told alone is asked about
        (
            "After my spin class I was gasping for a couple of minutes, totally normal for me. Thigh twitching after.",
            "self_care",
            False,
        ),
        (
            "Out of breath after carrying the shopping up three flights, fine after a rest. Eyelid twitching 2 days.",
            "self_care",
            False,
        ),
        ("gasping for air after my walk", "self_care", True),
        ("Out of breath after football. I am having very much difficulty for breathing", "emergency", False),
    ],
)
def test_breathing_at_rest_and_after_effort(kb: KnowledgeBase, text: str, disposition: str, warned: bool) -> None:
    _assert_advice(kb, text, disposition, warned=warned)


@pytest.mark.parametrize(
    "text",
    [
        "My typing is full of errors lately because my fingers won't hit the right keys, and my hand twitches.",
        "I can't play the fast runs on the piano any more, my right fingers are sluggish, twitching for two months.",
        "Turning the key in the front door has got hard with my right hand, and the thumb muscle twitches.",
        "I sound like I've got a mouthful of marbles by the end of the day, for the past few weeks.",
        "I have to wash every mouthful down with water now or it won't go down, and my throat twitches.",
        "My wedding ring has gone loose on my left hand only, and the muscles there twitch.",
    ],
)
def test_signs_told_by_what_they_do_to_daily_life(kb: KnowledgeBase, text: str) -> None:
    _assert_advice(kb, text, "urgent", warned=False)


@pytest.mark.parametrize(
    "text",
    [
        "opening the jar has got hard because the lid is stuck, calf twitch today",
        "I can't play the fast runs because I haven't practised, calf twitch today",
    ],
)
def test_a_task_that_fails_for_a_reason_outside_the_body_is_no_sign(kb: KnowledgeBase, text: str) -> None:
    _assert_advice(kb, text, "self_care")


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        ("I can't hop on my right leg any more, and my calf twitches.", "routine"),
        ("Climbing over a stile on my walk, my leg just didn't have the strength, and it twitches.", "routine"),
        ("I can't walk on my heels on the left side, the front of my foot just flops, shin twitching.", "urgent"),
        (
            "Talking for more than a few minutes tires my mouth out and my speech goes sloppy, new since October.",
            "urgent",
        ),
        # a denial of what was said before ("but I haven't") denies nothing after it
        (
            "My voice sounds nasal now, like I've got a cold, but I haven't, and drinks come back out of my nose.",
            "urgent",
        ),
        ("Someone asked if I'd been drinking. I haven't, dysphagia with solids for a month", "urgent"),
        # a voice strained by shouting, and a strength that is not the body's
        ("My voice is hoarse after shouting at the football yesterday, and my eyelid twitches.", "self_care"),
        ("I don't have the strength to argue with him, eyelid twitch", "self_care"),
        # onset told by the day
        (
            "It came on over a few minutes while I was watching TV: numb face on the right, words coming out wrong.",
            "emergency",
        ),
        ("Since I put the kids to bed, my left arm won't lift and my speech is funny.", "emergency"),
        ("Just after I finished my run my face went numb on one side and I couldn't get my words out.", "emergency"),
        ("Between lunch and now my left hand has gone clumsy and numb and my face feels odd on the left.", "emergency"),
    ],
)
def test_tasks_voices_and_the_day_s_clock(kb: KnowledgeBase, text: str, disposition: str) -> None:
    _assert_advice(kb, text, disposition)


def test_wasting_told_as_muscle_lost_and_bony_hands(kb: KnowledgeBase) -> None:
    text = "Grandad has lost a lot of muscle in his hands, they look bony now, and they twitch."
    _assert_advice(kb, text, "urgent", warned=False)


@pytest.mark.parametrize(
    ("text", "disposition", "warned"),
    [
        # drink explains slurring told of the occasion, not slurring told as lasting or as sudden
        ("I was slurring after too many wines at the wedding, eyelid twitch", "self_care", False),
        ("my speech has become slurred over the last few weeks, after a few beers", "urgent", False),
        ("suddenly my words won't come out right, after a few beers", "emergency", False),
        ("the room was spinning after six pints, calf twitch", "self_care", False),
        # the floor that moves, and what is seen doubled
        (
            "Today at lunch, maybe 25 minutes ago, everything I looked at was doubled and the floor felt like it was "
            "moving.",
            "emergency",
            False,
        ),
        # a worry about a fact it tells
        (
            "The thing that's bothering me now is that over the last three weeks my right hand has got noticeably "
            "weaker.",
            "urgent",
            False,
        ),
    ],
)
def test_drink_explains_only_the_occasion_and_worries_about_what_is_told(
    kb: KnowledgeBase, text: str, disposition: str, warned: bool
) -> None:
    _assert_advice(kb, text, disposition, warned=warned)


@pytest.mark.parametrize(
    ("text", "caffeine"),
    [
        # a cup dropped or held is no drink; no caffeine asked about, advised or long past is not none now
        ("Today I have dropped two cups of coffee, and my calf twitches", None),
        ("can't hold my tea, my hand twitches", None),
        ("Should I cut out coffee? My eyelid twitches.", None),
        ("The internet says sleep and no caffeine may help. Eyelid twitch.", None),
        ("In 2004 I went to decaf. Since then I've gone back to regular coffee. Eyelid twitch.", None),
        ("I've switched to decaf this week, eyelid twitch", 0),
        ("I drink two cups of coffee a day", 190.0),
    ],
)
def test_caffeine_is_what_is_drunk_now(kb: KnowledgeBase, text: str, caffeine: float | None) -> None:
    assert read(text, kb, today=TODAY).answers.caffeine_mg_per_day == caffeine


def test_a_heartbeat_in_the_eyelid_is_its_twitch_and_a_meal_s_time_is_not_its_own(kb: KnowledgeBase) -> None:
    text = (
        "I've had a constant heartbeat in my eyelid for three days now. I decided it was from not eating any meat "
        "for a week, so I ate plenty of red meat."
    )
    answers = read(text, kb, today=TODAY).answers
    assert answers.sites == [Site(region="eyelid")] and answers.duration_days == 3
    # "on" after "it" is a place, not a habit: the time stays the twitching's
    on_the_cheek = read("my eye twitches, the lower lid and just under it on the cheek, for 4 days", kb, today=TODAY)
    assert on_the_cheek.answers.duration_days == 4
    assert read("my pulse is racing and my calf twitches", kb, today=TODAY).answers.symptoms == {"racing_heart": True}


def test_shouting_at_the_football_is_no_exercise(kb: KnowledgeBase) -> None:
    watched = read("My voice is hoarse after shouting at the football yesterday, eyelid twitch", kb, today=TODAY)
    assert watched.answers.recent_intense_exercise is None
    played = read("calf twitch after playing football yesterday", kb, today=TODAY)
    assert played.answers.recent_intense_exercise is True


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        ("my eyes went double suddenly", "emergency"),
        ("me eyes suddenly went blurry", "emergency"),
        # the lexicon's reading of an elliptic denial, as the cues': "No, I haven't," denies nothing after it
        ("No, I haven't, numbness in my hand", "routine"),
    ],
)
def test_eyes_that_go_double_and_an_elliptic_denial(kb: KnowledgeBase, text: str, disposition: str) -> None:
    _assert_advice(kb, text, disposition, warned=False)


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        ("Suddenly I got giddiness and my speech became unclear, 15 minutes back.", "emergency"),
        ("Since 2 months my hand grip is reducing day by day and muscles are twitching.", "urgent"),
        (
            "Doctor, I am unable to breathe properly while sitting also, chest muscles twitching since today morning.",
            "emergency",
        ),
        # a blocked nose, pain that eases, and giddy with excitement are no signs
        ("I can't breathe through my nose with this cold, eyelid twitch", "self_care"),
        ("the pain is reducing day by day, calf twitch", "self_care"),
        ("I felt giddy with excitement at the concert, eye twitch today", "self_care"),
    ],
)
def test_unable_to_breathe_giddiness_and_strength_reducing(kb: KnowledgeBase, text: str, disposition: str) -> None:
    _assert_advice(kb, text, disposition, warned=False)


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        # "unable to" and "not able to" read wherever "can't" is
        ("I am unable to see properly from my left eye since 30 min", "emergency"),
        ("unable to finish a sentence without stopping for breath, sitting down", "emergency"),
        ("I am unable to remember what happened, I was on the floor", "emergency"),
        ("unable to pick it up, my right hand since an hour", "emergency"),
        ("I'm unable to think straight with all this work, eyelid twitch 2 days", "self_care"),
        ("I've lost the ability to walk in a straight line since 20 minutes", "emergency"),
        ("I have lost the ability to swallow over the past month", "urgent"),
    ],
)
def test_unable_to_reads_as_cannot(kb: KnowledgeBase, text: str, disposition: str) -> None:
    _assert_advice(kb, text, disposition, warned=False)


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        # a task said to be hard, in the ways people say it
        ("I am having difficulty in speaking since 30 minutes", "emergency"),
        ("I'm having a hard time talking since an hour ago", "emergency"),
        ("problem in swallowing since 3 weeks", "urgent"),
        ("struggling to see out of my right eye since this morning", "emergency"),
        ("it's a struggle to lift my left arm since 10 minutes ago", "emergency"),
        ("my left arm has no strength since 10 minutes ago", "emergency"),
        ("my right leg has lost its strength since an hour", "emergency"),
        ("having trouble with my balance suddenly since 20 minutes", "emergency"),
        # hard for shyness or nerves, a view from the back of a class, a paddleboard, pride: no signs
        ("I have difficulty speaking in public, eyelid twitch 2 days", "self_care"),
        ("I have trouble talking about my feelings, eyelid twitch 2 days", "self_care"),
        ("I struggle to see the board from the back of the class, eyelid twitch", "self_care"),
        ("I had trouble with my balance on the paddleboard yesterday, calf twitch", "self_care"),
        ("it's hard to swallow my pride, eyelid twitch", "self_care"),
    ],
)
def test_a_task_said_to_be_hard(kb: KnowledgeBase, text: str, disposition: str) -> None:
    _assert_advice(kb, text, disposition, warned=False)


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        ("swallowing is an issue for me lately", "urgent"),
        ("my speech is not right since this morning", "emergency"),
        ("my balance is off since 20 minutes", "emergency"),
        ("no sensation in my left arm since 20 minutes", "emergency"),
        ("I've lost sensation down my right side since 10 mins", "emergency"),
        # a balance that is not the body's
        ("my work life balance is off, eyelid twitch 2 days", "self_care"),
        ("my bank balance is terrible, eyelid twitch", "self_care"),
    ],
)
def test_sensation_balance_and_speech_that_are_not_right(kb: KnowledgeBase, text: str, disposition: str) -> None:
    _assert_advice(kb, text, disposition, warned=False)


def test_a_grip_that_is_not_what_it_was_is_weaker(kb: KnowledgeBase) -> None:
    answers = read("my grip isn't what it was, hand twitching", kb, today=TODAY).answers
    assert (answers.symptoms or {}).get("weakness") is True


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        ("my whole body was jerking uncontrollably and I bit my tongue, an hour ago", "emergency"),
        ("my arms were jerking and I bit my tongue", "emergency"),
        # a tongue bitten at dinner, or to stop laughing, beside another place's twitch
        ("my legs were shaking so I bit my tongue to stop laughing", "self_care"),
        ("I bit my tongue eating dinner, calf twitch", "self_care"),
        ("my tongue and lips twitch", "urgent"),
    ],
)
def test_a_fit_told_by_a_bitten_tongue_and_a_tongue_bitten_at_dinner(
    kb: KnowledgeBase, text: str, disposition: str
) -> None:
    _assert_advice(kb, text, disposition, warned=False)


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        ("my left arm and leg feel funny since 15 minutes", "emergency"),
        ("I sound like I'm talking underwater since this morning", "emergency"),
        ("I can't get my tongue round words since lunch", "emergency"),
        ("my left eye can't see since 10 minutes", "emergency"),
        ("a shadow came over my vision in one eye 15 minutes ago", "emergency"),
        # a garden's shadow and a swim's talk are no signs
        ("a shadow came over the garden, eyelid twitch", "self_care"),
        ("I went swimming and was talking underwater with my kids, calf twitch", "self_care"),
    ],
)
def test_one_side_that_feels_funny_and_sight_and_speech_in_pictures(
    kb: KnowledgeBase, text: str, disposition: str
) -> None:
    _assert_advice(kb, text, disposition, warned=False)


@pytest.mark.parametrize(
    "text",
    [
        # someone named by a role, with a relative clause the writer is in
        "The resident I look after can't swallow her tablets any more. My eyelid has flickered for 3 days.",
        "A woman I volunteer with collapsed at the food bank on Friday. Calf twitch since Saturday.",
        "The lad whose dad I coach had a seizure at training. My thigh twitched after the match.",
        "The bloke at work who sits opposite me has a droopy face from Bell's palsy. Eye twitch, 2 days.",
        "A patient of mine can't lift her left arm after the op. My thumb twitches a bit.",
        "Our neighbour, who is 85, fainted at the bus stop yesterday. I have had an eyelid twitch since this morning.",
        "Looking after my nan who can't swallow her dinner is exhausting. My eyelid twitches, 2 days.",
        # a possessive chain, and a role before someone's things
        "My sister's husband is slurring after his stroke last year. Me, just a calf twitch since Sunday.",
        "My client's speech is slurred since his accident, it makes my work hard. Thumb twitch today.",
        "The new tenant is a slurring mess every Friday night, ha. My calf twitched this morning.",
        "Someone in my class keeps choking on crisps, it's a joke now. My eye twitches, 2 days.",
    ],
)
def test_other_peoples_signs_in_relative_clauses_and_possessive_chains(kb: KnowledgeBase, text: str) -> None:
    """Signs of someone the writer names by a role or through someone else, beside the writer's own calm twitch, are
    theirs: the one who "I look after", "whose dad I coach", "who sits opposite me", "my sister's husband"."""
    _assert_advice(kb, text, "self_care")


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        # the writer's own signs beside those words stay the writer's
        ("The nurse I saw said my face drooped on one side an hour ago", "emergency"),
        ("The patient I'm caring for is fine but I can't swallow properly since last week", "urgent"),
        ("A man I work with noticed I was slurring my words this morning", "emergency"),
        ("A client of mine who is a physio said sudden diplopia an hour ago", "emergency"),
        ("My best friend's husband thinks L facial droop since an hour ago", "emergency"),
        ("One of my students asked why my face is drooping, it started 20 minutes ago", "emergency"),
        ("The nurse I saw said my wife can barely wake me, I'm so drowsy since this afternoon", "emergency"),
        ("My colleague who sits next to me says I fainted at my desk today", "emergency"),
    ],
)
def test_the_writers_signs_beside_someone_named_by_a_role(kb: KnowledgeBase, text: str, disposition: str) -> None:
    _assert_advice(kb, text, disposition)


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        # a tight chest told in the perfect tense (self-care at the base, with no warning)
        ("My chest has felt tight for over 15 minutes and I feel sick", "emergency"),
        ("chest has been feeling heavy since I sat down half an hour ago, sweating", "emergency"),
        # a child breathing hard, and blue lips told with "have", beside a fever (clinical.md 11b)
        ("My daughter is 3, has a fever and her ribs are sucking in with every breath", "emergency"),
        ("my son's lips have turned blue and he has a temperature", "emergency"),
        # "unusually sleepy" is amber, "very sleepy" red
        ("My 5 year old has a fever and is unusually sleepy", "urgent"),
        ("My 5 year old has a fever and is very sleepy", "emergency"),
        # one side of the face that feels odd, a hand that suddenly can't hold, each with a moment it began
        ("my face has felt strange on the right side since 20 minutes ago", "emergency"),
        ("my right hand suddenly couldn't hold my cup at breakfast", "emergency"),
    ],
)
def test_a_tight_chest_a_childs_breathing_and_one_side_told_in_other_words(
    kb: KnowledgeBase, text: str, disposition: str
) -> None:
    _assert_advice(kb, text, disposition, warned=False)


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        # weakness that has grown: a task grown harder, weak over weeks, no longer managed, not as well as before
        ("It's getting harder to lift my arm to brush my hair, 3 weeks, shoulder twitches", "urgent"),
        ("My handwriting has got shaky and weak over the past few weeks, hand twitching", "urgent"),
        ("I can't climb the stairs without the rail any more, thighs twitching", "urgent"),
        ("my fingers can't do my buttons as well as they did last month, and they twitch", "urgent"),
        ("I'm losing strength in my hands, fingers twitch", "urgent"),
        ("strength in my left hand has dropped off over the last 3 weeks", "urgent"),
        # strength said to be fine, and a grip on something else, are not weakness
        ("I keep checking my grip strength, it's fine, forearm twitch for 4 days", "self_care"),
        ("my grip strength is not reduced, thumb twitching 2 days", "self_care"),
        ("losing my grip on reality with this eyelid twitch, 3 days", "self_care"),
        ("I've lost the strength to argue with my boss, calf twitch since Monday", "self_care"),
    ],
)
def test_weakness_told_as_grown_and_strength_told_as_fine(kb: KnowledgeBase, text: str, disposition: str) -> None:
    _assert_advice(kb, text, disposition)


def test_a_twitch_that_moves_around_is_in_every_place_named(kb: KnowledgeBase) -> None:
    reading = read("The twitching moves around - one day my thigh, the next my shoulder", kb, today=TODAY)
    assert {site.region for site in reading.answers.sites or []} == {"thigh", "shoulder"}


def test_a_time_inside_the_words_that_say_which_person_is_not_the_twitchings(kb: KnowledgeBase) -> None:
    text = "The personal trainer I had last year had MND, so I panic about my calf twitch (2 days, no weakness)"
    assert read(text, kb, today=TODAY).answers.duration_days == 2


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        # a sign's state told in any tense: "has felt", "had been", "keeps going", "started to feel", "suddenly got"
        ("My breathing has felt laboured for the last half hour", "emergency"),
        ("my breathing suddenly got hard just now", "emergency"),
        ("My vision has been double since 20 minutes ago", "emergency"),
        ("my vision became blurry in one eye suddenly an hour ago", "emergency"),
        ("My speech has felt jumbled for the last half hour", "emergency"),
        ("My chest suddenly got tight just now", "emergency"),
        ("Swallowing started to feel difficult this week and my tongue twitches", "urgent"),
        # sight that blurs when tired, or with the twitch itself, is no sign
        ("My vision goes a bit blurry when I'm tired at the screen, eyelid twitch 4 days", "self_care"),
        ("the fluttering of my eyelid made my vision go blurry for a second, 3 days now", "self_care"),
    ],
)
def test_a_signs_state_told_in_any_tense(kb: KnowledgeBase, text: str, disposition: str) -> None:
    _assert_advice(kb, text, disposition)


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        # a chest tight or heavy now, or lasting since the morning (clinical.md 11a, and the knowledge base's own
        # question for severe chest pain: "does it feel heavy or tight")
        ("my chest is tight", "emergency"),
        ("I am experiencing tightness in my chest since this afternoon", "emergency"),
        ("Developed chest pain in the last hour", "emergency"),
        # told as gone, or long past: chest pain still counts (urgent), its severity is asked
        ("I had a tight chest last week with a cold, fine now", "urgent"),
        ("my chest felt tight during my run yesterday", "urgent"),
    ],
)
def test_a_chest_tight_now_or_since_the_morning_is_an_emergency(kb: KnowledgeBase, text: str, disposition: str) -> None:
    assert _advice(kb, text).disposition == disposition, text


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        # terse forms: a figure for "one", a bare "fit" with its time, a grip "going", sight in one eye "like a curtain"
        ("face gone funny 1 side since 20 min, arm weak", "emergency"),
        ("fit 10 min ago, first ever, v drowsy now", "emergency"),
        ("grip going in R hand over 3 wks + thumb twitch", "urgent"),
        ("My vision in my left eye went black like a curtain about 20 minutes ago", "emergency"),
        # and the same words, calm
        ("fit as a fiddle, eyelid twitch 2 days", "self_care"),
        ("my strength is going well at the gym, calf twitch since Monday", "self_care"),
    ],
)
def test_terse_forms_of_a_fit_one_side_a_grip_and_a_curtain(kb: KnowledgeBase, text: str, disposition: str) -> None:
    _assert_advice(kb, text, disposition)


@pytest.mark.parametrize(
    ("text", "days", "age"),
    [
        # a count and its unit written together are a time, never an age ("4yrs" had been read as a 4-year-old)
        ("calf twitch 3wks", 21, None),
        ("eyelid twitch 4yrs", 1460, None),
        ("calf twitch for 5mths", 150, None),
        ("I'm 34yo, twitch 2days", 2, 34),
        # and a baby's age said right after the baby is no time of the twitching
        ("baby 7wks hot 38.6 twitchy arms", None, 0),
    ],
)
def test_a_count_and_its_unit_written_together(kb: KnowledgeBase, text: str, days: int | None, age: int | None) -> None:
    answers = read(text, kb, today=TODAY).answers
    assert (answers.duration_days, answers.age) == (days, age), text


@pytest.mark.parametrize(
    "text",
    ["R hand clumsy since this am, can't hold pen", "seeing dbl since 30 min", "L leg dragging since 1hr"],
)
def test_shorthand_for_a_morning_double_and_an_hour(kb: KnowledgeBase, text: str) -> None:
    _assert_advice(kb, text, "emergency")


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        # told of anyone, then claimed by the next sentence
        ("What do you do when your arm suddenly goes weak and you can't lift it? Mine did 15 minutes ago", "emergency"),
        ("Does your face ever droop on one side out of nowhere? Mine has, about 20 minutes ago", "emergency"),
        # and not claimed
        ("If your face droops you should call 999, right? Mine doesn't, calf twitch 2 days", "self_care"),
        # answers that won't come out, a time of day something came on at, confusion in everyday words
        ("I can understand people but I can't get my answers out, it came on at lunch", "emergency"),
        ("my arm went weak at lunch", "emergency"),
        ("I don't know where I am and I can't remember how I got here", "emergency"),
        ("My mum keeps asking the same question and can't remember our names, since this morning", "emergency"),
    ],
)
def test_a_sign_told_of_anyone_then_claimed_and_confusion_in_everyday_words(
    kb: KnowledgeBase, text: str, disposition: str
) -> None:
    _assert_advice(kb, text, disposition)


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        # a place told by how it has felt is no twitching place; one told as twitchy in the same breath is
        ("My chest has felt tight for over 15 minutes and I feel sick", set()),
        ("my face has gone all funny on one side in the last half hour", set()),
        ("my calf has felt tight and twitchy for 3 days", {"calf"}),
    ],
)
def test_a_place_told_by_how_it_has_felt(kb: KnowledgeBase, text: str, sites: set[str]) -> None:
    assert {site.region for site in read(text, kb, today=TODAY).answers.sites or []} == sites


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        # a limb named with its side, a leg that went from under, one side gone to jelly, a mouth that won't work
        ("my right leg went from under me 20 minutes ago and still feels useless", "emergency"),
        ("my leg keeps collapsing under me since this afternoon", "emergency"),
        ("my right side went to jelly 15 minutes ago", "emergency"),
        ("my mouth won't work properly since 10 minutes ago", "emergency"),
        # an arm slept on stays numbness (routine), its suddenness asked, as before the side was read
        ("my right arm went numb after I slept on it, fine now, calf twitch", "routine"),
    ],
)
def test_a_limb_with_its_side_and_a_mouth_that_wont_work(kb: KnowledgeBase, text: str, disposition: str) -> None:
    assert _advice(kb, text).disposition == disposition, text


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        ("I keep walking into the door frame on my left side since lunch", "emergency"),
        ("I can't close my left eye properly since I woke up", "emergency"),
        # once, or for a reason, is no sign
        ("I walked into a door yesterday, banged my head, eyelid twitch", "self_care"),
        ("I can't close my left eye because of the swelling from the bee sting", "self_care"),
    ],
)
def test_a_door_frame_walked_into_and_an_eye_that_wont_close(kb: KnowledgeBase, text: str, disposition: str) -> None:
    _assert_advice(kb, text, disposition)


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        ("I have to tuck my chin to swallow now, for a month", "urgent"),
        ("meals take me twice as long because chewing wears me out, past month", "urgent"),
        ("the gym wears me out, calf twitch 2 days", "self_care"),
    ],
)
def test_swallowing_helped_by_a_tucked_chin_and_chewing_that_wears_out(
    kb: KnowledgeBase, text: str, disposition: str
) -> None:
    _assert_advice(kb, text, disposition)


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        # a trunk or neck too weak: weakness (routine with no word of it growing)
        ("I can't sit up in bed without help since yesterday", "routine"),
        ("my head keeps flopping forward, for 2 weeks", "routine"),
        # a head that drops as one dozes is no sign
        ("I fell asleep and my head kept dropping forward on the train, eyelid twitch", "self_care"),
    ],
)
def test_a_trunk_or_neck_too_weak(kb: KnowledgeBase, text: str, disposition: str) -> None:
    _assert_advice(kb, text, disposition)


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        # a fluttering chest is a racing heart: with eight coffees, an emergency (S14)
        ("had 8 coffees today and my chest is fluttering", "emergency"),
        # a sore chest now is chest pain; one sore from coughing or a chest day is not
        ("my heart is racing and my chest is sore right now", "urgent"),
        ("chest sore from coughing with my cold, eyelid twitch 2 days", "self_care"),
        ("chest sore after chest day, calf twitch since Monday", "self_care"),
    ],
)
def test_a_fluttering_chest_and_a_sore_one(kb: KnowledgeBase, text: str, disposition: str) -> None:
    assert _advice(kb, text).disposition == disposition, text


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        # look-alikes of signs with a reason that leaves no doubt
        ("Got a dead leg from a knee in football, bruise is fading, quad twitched a bit yesterday.", "self_care"),
        ("I always slur my words when I'm drunk, obviously, but this is about my eyelid which twitches since Tuesday.",
         "self_care"),
        ("I was breathless after my 10k run but that's normal. My left thigh twitched for an hour after, fine now.",
         "self_care"),
        ("Tea comes out of my nose when I laugh while drinking, eyelid twitch 2 days", "self_care"),
        # numbness from the dentist is no stroke (numbness near a twitch stays the GP's, as before)
        ("Just had a filling and half my face is numb from the dentist, and my eyelid twitched today", "routine"),
        # ... and the same words told otherwise stay signs
        ("I always slur when I'm drunk but today I'm slurring sober since this morning", "emergency"),
        ("Half my face went numb suddenly 20 min ago, I haven't been to the dentist", "emergency"),
        ("You know when your leg goes dead after sitting on it? That's my whole left side since 20 minutes ago",
         "emergency"),
        ("Water comes out of my nose when I drink and it's getting worse", "urgent"),
    ],
)  # fmt: skip
def test_look_alikes_with_a_plain_reason_and_their_twins(kb: KnowledgeBase, text: str, disposition: str) -> None:
    assert _advice(kb, text).disposition == disposition, text


@pytest.mark.parametrize(
    "text",
    [
        "I've lost the bottom half of my sight in my left eye since this morning, all of a sudden",
        "I keep missing the left half of the page when I read, started suddenly at lunch",
        "Went to grab my phone and my hand missed it, and now the TV looks doubled, both started 10 min ago",
        "there's a black shadow over half of what i see in my right eye. came on about 20 mins ago",
        "Suddenly can't read the subtitles, words look jumbled and one eye is blurry, 20 min ago",
        "seeing dubble since about an hour ago all of a sudden",
        # one side of the face told by what it can't do
        "I can't whistle or puff my cheeks out on one side since I woke up this morning",
        "Toothpaste ran out the side of my mouth this morning and it feels heavy on that side",
        "my eye on that side won't close since I woke up and my smile is odd",
        # a form's labels ("Vision - double", "Breathing: hard, even sitting") and a misspelt seizure
        "Vision - double since 7pm (it's 8 now). Balance - off. Eyelid - twitchy",
        "Breathing: hard, even sitting. Since: 1 hr. Legs: weak all week.",
        "had a seasure an hour ago never had one befor",
    ],
)
def test_sight_lost_in_part_a_face_told_by_its_tasks_and_a_forms_labels(kb: KnowledgeBase, text: str) -> None:
    assert _advice(kb, text).disposition == "emergency", text


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        ("I zoned out and came to on the bathroom floor, my partner says I was out for about five minutes",
         "emergency"),
        ("Lost a chunk of time this afternoon, found myself in the car park with no idea how I got there", "emergency"),
        ("My eyes rolled back and I went stiff according to my mum, happened at tea time", "emergency"),
        ("I keep drifting off mid-sentence and my husband can't keep me awake, started this evening", "emergency"),
        ("Got fits today morning for first time, now drowsy", "emergency"),
        ("about half an hour ago on a call my words started coming out as total rubbish", "emergency"),
        # calm ones
        ("Zoned out in a boring meeting, ha, and my eyelid twitched all afternoon", "self_care"),
        ("I was out for ten minutes getting milk and my eyelid twitched", "self_care"),
        ("got a fit of the giggles in class, eyelid twitch 2 days", "self_care"),
    ],
)  # fmt: skip
def test_consciousness_and_speech_in_everyday_words(kb: KnowledgeBase, text: str, disposition: str) -> None:
    _assert_advice(kb, text, disposition)


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        ("I have to stop mid-sentence to catch my breath even sitting still, and my legs are getting weaker",
         "emergency"),
        ("Every breath takes effort right now, sat at my desk, and my neck muscles feel weak", "emergency"),
        ("I feel like I'm suffocating even when I'm resting and my voice is getting weaker", "emergency"),
        # bulbar signs and weakness grown over weeks
        ("My voice gives out after a few sentences now, it didn't use to, been like this a month", "urgent"),
        ("Saliva pools in my mouth and I keep having to wipe it, started a few weeks ago and slowly worse", "urgent"),
        ("It takes me ages to finish a meal now because chewing and swallowing tire me out, over the last month",
         "urgent"),
        ("Over the last month I can't close my lips properly, liquids leak when I drink, and it's getting worse",
         "urgent"),
        ("My legs give out on the stairs more and more over the last month, and my calves are rippling", "urgent"),
        ("Having loose motions since 3 days and now muscles are twitching and cramping in my legs", "urgent"),
        # muscle lost for a reason named is no wasting
        ("Lost a bit of muscle since I stopped going to the gym in the summer, bicep twitch for 3 days", "self_care"),
    ],
)  # fmt: skip
def test_breath_at_rest_and_signs_grown_over_weeks(kb: KnowledgeBase, text: str, disposition: str) -> None:
    assert _advice(kb, text).disposition == disposition, text


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Broke my leg 5 years ago. Now calf twitches for 4 days", 4),  # the twitching's time, not the leg's
        ("Been on sertraline for years, calf twitch 3 weeks", 21),  # "for years" is the medicine's
        ("On the pill for years, eyelid twitch since Monday", 5),  # TODAY is a Saturday
        ("Had a tummy bug 2 months ago, all fine now, eyelid twitching for 3 days", 3),  # "fine now" is no link
        ("My friend told me twitching for more than two weeks needs a GP. Mine's been 17 days in my thigh.", 17),
    ],
)
def test_the_twitchings_own_time_beside_other_times(kb: KnowledgeBase, text: str, days: int) -> None:
    assert read(text, kb, today=TODAY).answers.duration_days == days, text


@pytest.mark.parametrize(
    ("text", "new"),
    [
        # a medicine the knowledge base does not list, by its international stem, newly started (clinical.md §9)
        ("Just started pregabalin this week and my legs are twitching and jerking at night", True),
        ("GP put me on ramipril 5 days ago, calf twitches since", True),
        # prescribed is not started; a month's name is no medicine
        ("My doctor prescribed gabapentin for the nerve pain years ago, calf twitching", None),
        ("I started April with a twitch in my eye", None),
    ],
)
def test_a_new_medicine_the_knowledge_base_does_not_list(kb: KnowledgeBase, text: str, new: bool | None) -> None:
    assert _symptoms(kb, text).get("new_medication") is new, text


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        # a sign played down is still told; a question the person answers is a report or a no
        ("I'm sure it's nothing, tiny bit of numbness down my left side, arm and leg, since half an hour ago",
         "emergency"),
        ("Feel a tad wobbly and things look a little doubled, came on suddenly 20 minutes ago, hopefully nothing",
         "emergency"),
        ("Went to the ER last year for a panic attack, but my left arm just went numb and my speech is off, 10 min ago",
         "emergency"),
        ("My buddy found me seizing on the floor at work about 20 min ago, never had a seizure before", "emergency"),
        ("Is double vision a sign? I have it since an hour ago", "emergency"),
        ("Would double vision be a sign? I don't have it, but I'm paranoid. Eyelid flutter 3 days.", "self_care"),
        ("Been reading that ALS starts with slurred speech and trouble swallowing. I have neither. Thumb twitch 3d.",
         "self_care"),
        ("my back is seizing up after gardening, calf twitch since yesterday", "routine"),  # two places, no seizure
        # a child with a fever: grunting and a tummy sucking in are S41's red signs, "more sleepy than usual" amber
        ("Toddler is grunting with every breath and his tummy is sucking in, temp 39, arms twitching", "emergency"),
        ("My 3 year old has had a fever for 2 days and is more sleepy than usual", "urgent"),
    ],
)  # fmt: skip
def test_signs_played_down_and_questions_answered(kb: KnowledgeBase, text: str, disposition: str) -> None:
    assert _advice(kb, text).disposition == disposition, text


def test_a_question_whether_something_causes_a_sign_is_not_the_sign(kb: KnowledgeBase) -> None:
    # "cause" here is a verb, not "'cause" opening a clause of report
    text = (
        "Can stress cause seizures? Asking because I'm super stressed and my eyelid is twitching, no seizures though."
    )
    assert _advice(kb, text).disposition == "self_care"


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        ("fit just now", "emergency"),
        ("What does it mean when your vision suddenly goes double? It's happening to me now, started 15 min ago",
         "emergency"),
        ("What happens if your face droops? It happened to me in a dream lol. Eyelid twitch 2 days", "self_care"),
        ("A coworker asked if I was okay because the left side of my face looked strange, about 15 min ago",
         "emergency"),
        ("My friends say I've been walking funny for a few weeks, like I'm slapping my right foot down", "urgent"),
    ],
)  # fmt: skip
def test_a_claim_of_a_general_question_and_signs_others_see(kb: KnowledgeBase, text: str, disposition: str) -> None:
    assert _advice(kb, text).disposition == disposition, text


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("calf twitch 3w no weakness", 21),  # a count and its letter
        ("eyelid twitch 2d", 2),
        ("I use my 3d printer a lot and my thumb twitches", None),  # no time
        ("The twitch started in my calf, three weeks later it's still there", 21),  # the time so far
        ("My calf has twitched since Monday and one day later my right hand felt weak", 5),  # a step in the story
    ],
)
def test_a_count_and_its_letter_and_a_time_later(kb: KnowledgeBase, text: str, days: int | None) -> None:
    assert read(text, kb, today=TODAY).answers.duration_days == days, text


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        ("My gran has been falling a lot more over the past month and her legs seem weaker", "urgent"),
        ("1) arm weak 2) face numb on right 3) started suddenly 30 mins ago", "emergency"),
        ("I keep falling asleep at my desk, eyelid twitch", "self_care"),  # asleep is no fall
        ("Breastfeeding, 3 months postpartum, eyelid twitching for a week, barely sleeping", "self_care"),
    ],
)
def test_falls_a_numbered_list_and_a_time_since_a_birth(kb: KnowledgeBase, text: str, disposition: str) -> None:
    assert _advice(kb, text).disposition == disposition, text


@pytest.mark.parametrize(
    "text",
    [
        # this session's new sign words, in calm lives
        "Lost a chunk of time playing video games all night lol, eyelid twitching this morning",
        "The photo looks doubled because my camera shook, anyway my calf twitches since yesterday",
        "I keep drifting off mid-sentence reading bedtime stories to the kids, I'm so tired, eyelid twitch 3 days",
        "Doing Pilates with my tummy sucking in all session, thigh twitched after, 1 day",
        "Learning to ice skate, falling a lot more than I'd like haha, thigh twitching after, 2 days",
        "My saliva pools a bit when I'm at the dentist with my mouth open, eyelid twitch for 2 days",
        "As a teacher my voice gives out after a few hours of shouting over the class, eyelid twitch this week",
        "I couldn't get the kids to move this morning, total chaos, and my eyelid is twitching, 2 days",
        "I talk slower on purpose in meetings now, my coach said so. Calf twitch for 3 days",
        "My boss is hard to understand on Zoom, so annoying, thumb twitching since yesterday",
        "The weather isn't any better, a bit worse in fact, eyelid twitching 2 days",
        "My voice gives out when I sing high notes at choir, always has, eyelid twitch 3 days",
        "Couldn't get my car to start and now my eyelid twitches, 2 days",
        "My kids can't understand me when I speak French, calf twitch 2 days",
        "The tingling from my new moisturiser is up to my elbows, weird, calf twitch 2 days",
        "After 4 years on the pill my eyelid twitches sometimes, 3 days now",
        "I've been sick for years of my job, ha, eyelid twitch for 5 days",
        "Dropped another glass at the party, too much prosecco, eyelid twitch 2 days",
        "The traffic keeps slowing down on my commute and my eye twitches, 4 days",
        "In the space of 5 minutes I lost most of my savings at the casino, eyelid twitch 2 days",
        "My world became blurry when I took my glasses off, calf twitch 1 day",
        "I can't go a day without coffee, 3 cups, eyelid twitch 3 days",
        "I live with an older uncle who snores, my eyelid twitches 2 days",
        "The power went out and everything went dark, my thumb twitched a bit today",
        "There's not much power in my voice at karaoke, haha, eyelid twitch 2 days",
        "My husband and I went for a run, thigh twitched after, 1 day",
        "I have altered my sleep schedule and my eyelid twitches, 2 days",
        "Couldn't get the lid to move on the jar, my husband did it, eyelid twitch 2 days",
    ],
)
def test_new_sign_words_in_calm_lives(kb: KnowledgeBase, text: str) -> None:
    _assert_advice(kb, text, "self_care")


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        # limbs that won't do as told, and a numbness climbing (a first-person Guillain-Barré story)
        ("Legs tingling since this morning and now I can't get my legs to move.", "emergency"),
        ("I woke with a slight tingling in my feet. By the afternoon the tingling was up to my thighs and I found "
         "it hard to get out of the chair. I moved my legs with my hands but couldn't get them to move when I tried. "
         "It has been several hours and it isn't better, a bit worse in fact.", "emergency"),
        ("My feet had no feeling and I couldn't get them to work properly.", "routine"),
        # speech told by what it does
        ("I just talk funny, slower than I usually do.", "urgent"),
        ("When I'm talking my vocal cords give out and the breaks in my voice make me hard to understand.", "urgent"),
        ("Mum hasn't been able to talk very well since her fall this morning.", "emergency"),
        # Bell's palsy named: a face that has dropped, by its name
        ("I woke up this morning and I have Bell's palsy", "emergency"),
        # an inability told denies nothing after it
        ("my little finger often can't straighten and feels weak. It is worse in cold weather, but there's no pain.",
         "routine"),
    ],
)  # fmt: skip
def test_limbs_that_wont_do_as_told_speech_by_what_it_does_and_a_palsy_named(
    kb: KnowledgeBase, text: str, disposition: str
) -> None:
    assert _advice(kb, text).disposition == disposition, text


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        ("I think I have Bell's palsy, my lips twitch", True),  # asked first, never taken as "no"
        ("I had Bell's palsy 10 years ago, now my eyelid twitches", False),  # long past
    ],
)
def test_a_palsy_named_without_an_onset_is_asked(kb: KnowledgeBase, text: str, warned: bool) -> None:
    assert (_advice(kb, text).warning is not None) == warned, text


@pytest.mark.parametrize(
    ("text", "about", "sites"),
    [
        # one who acts on the writer tells of the writer's body
        ("I saw two of every car. I called my wife, and she wanted me to call an ambulance, eyelid twitch", "self",
         {"eyelid"}),
        # "I have a daughter" is the writer's own, as "my daughter" is; her body's places are hers
        ("I have a 53-year-old daughter who is troubled by muscle twitches. They occur on various parts of her "
         "body.", "someone_else", {"widespread"}),
        ("I've got a son who twitches in his sleep", "someone_else", set()),
        ("Last night mama had a bad spell on the phone, her thigh twitching", "someone_else", {"thigh"}),
    ],
)  # fmt: skip
def test_whose_body_the_words_tell(kb: KnowledgeBase, text: str, about: str, sites: set[str]) -> None:
    reading = read(text, kb, today=TODAY)
    assert reading.about == about, text
    assert {s.region for s in reading.answers.sites or []} == sites, text


@pytest.mark.parametrize(
    ("text", "days", "age"),
    [
        ("Calf twitching. It has been several hours.", 0, None),  # a time in hours
        ("After 4 years on Lipitor, my husband can no longer walk on his own.", None, None),  # a time on a medicine
        ("After 4 years on the pill my eyelid twitches sometimes, 3 days now", 3, None),
        ("calf twitching for 3 weeks on my left side", 21, None),  # "on" a side, not a medicine
        ("calf twitching 3 weeks on sertraline", 21, None),  # the twitching's time, told on a medicine
        ("calf twitching 2 weeks on the trot", 14, None),
        ("my husband is 52 years of age, calf twitch", None, 52),
    ],
)
def test_times_on_a_medicine_in_hours_and_an_age_in_years(
    kb: KnowledgeBase, text: str, days: int | None, age: int | None
) -> None:
    answers = read(text, kb, today=TODAY).answers
    assert (answers.duration_days, answers.age) == (days, age), text


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("My father has been sick for more than 1 month. His speech is unclear.", {"slurred_speech"},
         {"recent_fluid_loss"}),  # ill a long while, not vomiting
        ("I've been sick twice this morning and my calf twitches", {"recent_fluid_loss"}, set()),
        ("He suddenly couldn't lift his left arm, 20 minutes ago", set(), set()),
        ("more than 2 days my calf twitches", set(), set()),
    ],
)  # fmt: skip
def test_sickness_for_months_and_a_task_that_fails_is_no_workout(
    kb: KnowledgeBase, text: str, present: set[str], absent: set[str]
) -> None:
    answers = read(text, kb, today=TODAY).answers
    symptoms = answers.symptoms or {}
    assert {s for s, v in symptoms.items() if v} >= present and not absent & set(symptoms), text
    assert answers.recent_intense_exercise is None, text


def test_a_place_told_with_more_than_a_time_and_a_legs_before_sleep(kb: KnowledgeBase) -> None:
    assert read("more than 2 days my calf twitches", kb, today=TODAY).answers.sites == [Site(region="calf")]
    sites = read("my son twitches his arms and legs before falling asleep", kb, today=TODAY).answers.sites or []
    assert {s.region for s in sites} == {"upper_arm", "calf"}
    assert read("I have an undereye twitch", kb, today=TODAY).answers.sites == [Site(region="eyelid")]


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        # a child of 12 to 23 months, told by months, is a child for the fever rules (it had no age at all)
        ("Our 18 month old has a fever and is breathing fast", "urgent"),
        ("my son is 18 months and has a fever and is breathing fast", "urgent"),
        ("my little one, 16 mths, hot 38.9 and breathing really fast", "urgent"),
        ("my 23-month-old daughter has a fever and a rash that doesn't fade under a glass", "emergency"),
        # hands that fail told as a story, and a wasting noticed only now
        ("Dropping a cup, how did that happen? Dropped another cup, weird.", "urgent"),
        ("Hmm, my left hand is weak, I hadn't noticed the hollow at the base of my thumb.", "urgent"),
        ("I hadn't noticed the weakness in my hand until today", "routine"),
        ("My speech keeps slowing down and there's not much power in my voice", "urgent"),
    ],
)
def test_a_toddler_by_months_hands_that_fail_and_a_slowing_voice(
    kb: KnowledgeBase, text: str, disposition: str
) -> None:
    assert _advice(kb, text).disposition == disposition, text


def test_a_witness_beside_the_writer_is_not_whose_body(kb: KnowledgeBase) -> None:
    reading = read("My husband noticed my speech was slurred this morning", kb, today=TODAY)
    assert reading.about == "self" and reading.answers.sex is None
    reading = read("My husband turned around and saw the baby shaking, she was hot", kb, today=TODAY)
    assert reading.about == "someone_else" and reading.answers.sex == "female"
    reading = read("My mum says her speech is slurred, and my balance is fine", kb, today=TODAY)
    assert reading.about == "someone_else" and (reading.answers.symptoms or {}).get("slurred_speech") is True


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        ("Two weeks ago, in the space of 5 minutes I lost most of the sight in my left eye. My world became blurry.",
         "emergency"),
        ("I have altered sensation from my waist down", "routine"),
        ("Pregnant, 29 weeks: I can't go more than a couple of days without throwing up.", "urgent"),  # affirms
        ("never a day goes by without a cramp and my calf aches", "routine"),
        ("I live with an older uncle (he is 64) and he has fallen down suddenly a few times over the last month",
         "urgent"),
    ],
)  # fmt: skip
def test_sight_lost_in_minutes_a_double_negative_and_one_the_writer_lives_with(
    kb: KnowledgeBase, text: str, disposition: str
) -> None:
    assert _advice(kb, text).disposition == disposition, text
    if "uncle" in text:
        assert read(text, kb, today=TODAY).about == "someone_else"


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        ("the power went out and everything went dark, my eyelid twitches", "self_care"),  # the lights, not the eyes
        ("the lights went out and everything went black at the cinema, calf twitch 2 days", "self_care"),
        ("i had a funny turn, everything went dark and i ended up on the floor", "emergency"),
        ("The power went out and I lost consciousness for a minute", "emergency"),  # the lights explain only the dark
    ],
)
def test_everything_went_dark_when_the_lights_went(kb: KnowledgeBase, text: str, disposition: str) -> None:
    assert _advice(kb, text).disposition == disposition, text


@pytest.mark.parametrize(
    ("text", "disposition", "warned"),
    [
        # sleeping upright because lying down won't do: a sign with the heart or the breath named, else asked
        ("For 4 months, because heart failure stops me lying down, I've had to sleep sitting up on the couch",
         "urgent", False),
        ("I have to sleep sitting up because of reflux, calf twitching 2 days", "self_care", True),
        # "can't ... without" affirms: breathless each time lying down is breathlessness lying flat
        ("I can't lie down without feeling breathless", "urgent", True),
        ("I can't eat without choking", "urgent", False),
        ("all that comes out of my mouth are grunts", "urgent", True),  # a speech problem, its onset asked
    ],
)  # fmt: skip
def test_sleeping_upright_and_cant_without(kb: KnowledgeBase, text: str, disposition: str, warned: bool) -> None:
    _assert_advice(kb, text, disposition, warned=warned)


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        ("Even my chest felt tight, like I was tied up in a corset.", "urgent"),  # told as past: its severity asked
        ("I keep dropping things even when I'm not drunk", "urgent"),  # drink denied explains nothing
        ("when I got out of bed this morning I lacked coordination and control", "emergency"),
        ("I have no coordination at ball games, calf twitch 2 days", "self_care"),
    ],
)
def test_a_chest_that_felt_tight_and_drops_with_drink_denied(kb: KnowledgeBase, text: str, disposition: str) -> None:
    assert _advice(kb, text).disposition == disposition, text


@pytest.mark.parametrize(
    ("text", "disposition"),
    [
        # sight lost or gone from an eye, in so many words (self-care with no warning before)
        ("So, nearly two weeks ago I lost the sight in my left eye. On Saturday morning my sight was just gone.",
         "emergency"),
        ("One morning I woke up with a blur in my left eye, and over the day it seemed to get worse", "emergency"),
        ("There's a blur in my left eye from the eye drops, eyelid twitch", "self_care"),  # a cause from outside
        ("I lost sight of my goals this year, eyelid twitch 2 days", "self_care"),
    ],
)  # fmt: skip
def test_sight_lost_from_an_eye_in_so_many_words(kb: KnowledgeBase, text: str, disposition: str) -> None:
    assert _advice(kb, text).disposition == disposition, text


def test_a_friends_speech_without_sense_and_a_reporters_told_beside_a_writers_fear(kb: KnowledgeBase) -> None:
    text = "In the past few weeks our close friend, who is in his mid-50s, has started to speak without making sense."
    reading = read(text, kb, today=TODAY)
    assert reading.about == "someone_else" and (reading.answers.symptoms or {}).get("slurred_speech") is True
    calm = (
        "I felt horrible for the TV reporter who started talking nonsense at the Grammys, and I'm afraid it will "
        "happen to me. 'You want a coke,' he said. I couldn't remember what you call it."
    )
    _assert_advice(kb, calm, "self_care")


@pytest.mark.parametrize(
    ("text", "disposition", "warned"),
    [
        # a weight no longer lifted, a symptom grown past bearing, a knife and fork hardly used (batch s20's misses)
        ("The last two weeks my left side has gone numb. It's hard to pick things up over 5lbs with my left arm.",
         "urgent", None),
        ("my calf twitches and the numbness is getting unbearable", "routine", None),
        ("I could hardly use my knife and fork to eat Christmas lunch", "urgent", None),
        ("Work is getting unbearable, my eyelid twitches", "self_care", None),
        # a trip to the emergency department is an acute change others acted on
        ("My husband was slurring his words at dinner, so I made him go to the ER", "emergency", False),
        # a feverish child told by touch
        ("When he woke up he was still hot to the touch. Then he was convulsing on the couch.", "emergency", False),
        # a panic's "felt like I was choking" is no swallowing sign; choking on food is
        ("Had my first panic attack today, my hands went numb. Felt like I was choking.", "routine", None),
        ("When I eat it feels like I'm choking", "urgent", None),
        # word-finding likened to what many parents have: asked and warned about, a sudden one still a stroke sign
        ("Like many new parents, I sometimes have trouble finding words. My eyelid twitches.", "self_care", True),
        ("Suddenly I couldn't find my words at dinner, I was exhausted from lack of sleep", "emergency", None),
        ("My words slur when I'm tired now, which is new this month, and my jaw twitches.", "urgent", None),
        # asking how to ease a thing takes it as given: cramps with pain are worth a GP appointment
        ("I am 30 weeks pregnant and getting terrible leg cramps at night. Is this normal and how can I relieve the "
         "pain?", "routine", None),
        ("How can I tell if I have weakness?", "self_care", True),  # asking how to tell is no yes
        # a tremor that makes things drop, a cup that needs both hands (batch s20e: self-care with no warning before)
        ("My 87 year old father's tremors make him drop his food.", "urgent", None),
        ("It has got to the point he needs to hold a cup in both hands to be able to steady it.", "urgent", None),
        ("Rain makes me drop my plans, calf twitch 2 days", "self_care", None),
    ],
)  # fmt: skip
def test_loads_unbearable_and_words_likened_to_others(
    kb: KnowledgeBase, text: str, disposition: str, warned: bool | None
) -> None:
    _assert_advice(kb, text, disposition, warned=warned)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("My calf has been twitching since 2019.", (TODAY - dt.date(2019, 1, 1)).days),
        ("My calf has twitched ever since early 2020, no weakness", (TODAY - dt.date(2020, 1, 1)).days),
        ("Since April 2019 my thigh twitches", (TODAY - dt.date(2019, 4, 1)).days),
        ("On 23rd December 2008 I noticed twitching in my calf and it has been there ever since",
         (TODAY - dt.date(2008, 12, 23)).days),
        # a birth year is no start
        ("born in 1985, my calf twitches since Monday", (TODAY - dt.date(2026, 11, 16)).days),
        ("my calf has twitched since 2099", None),  # a year not yet begun
    ],
)  # fmt: skip
def test_a_start_told_with_its_year(kb: KnowledgeBase, text: str, days: int | None) -> None:
    assert read(text, kb, today=TODAY).answers.duration_days == days, text
