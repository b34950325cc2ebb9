"""The twitchwise command, through main(argv, environ, streams)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import HOSTILE_TEXTS, run_cli

CONTRACT_KEYS = {"disposition", "red_flags", "factors", "plan", "unanswered", "understood", "sources"}
EXAMPLE = {
    "age": 34, "sex": "female", "pregnant": False, "sites": [{"region": "calf", "side": "left"}],
    "duration_days": 10, "symptoms": {"weakness": False, "numbness": True}, "caffeine_mg_per_day": 500,
    "water_litres_per_day": 1.2, "alcohol_units_per_week": 14, "nicotine": True, "sleep_hours": 5.5,
    "stress_0_10": 8, "recent_intense_exercise": True, "medications": ["furosemide"],
}  # fmt: skip


def check_json(answers: object, *extra: str, environ: dict[str, str] | None = None) -> dict[str, object]:
    result = run_cli("check", "--answers", "-", "--json", "--today", "2026-11-21", *extra,
                     stdin=json.dumps(answers), environ=environ)  # fmt: skip
    assert result.code == 0, result.err
    assert result.err == ""
    parsed: dict[str, object] = json.loads(result.out)
    return parsed


def test_contract_example_gives_every_contract_field() -> None:
    output = check_json(EXAMPLE)
    assert set(output) >= CONTRACT_KEYS
    assert output["disposition"] == "routine"
    assert output["understood"] == {**EXAMPLE, "caffeine_mg_per_day": 500.0}
    for flag in output["red_flags"]:  # type: ignore[attr-defined]
        assert {"id", "why", "sources"} <= set(flag)
    for factor in output["factors"]:  # type: ignore[attr-defined]
        assert {"id", "strength", "why", "sources"} <= set(factor) and factor["strength"] in ("likely", "possible")
    for step in output["plan"]:  # type: ignore[attr-defined]
        assert {"id", "text", "target", "sources"} <= set(step)
    for source in output["sources"].values():  # type: ignore[attr-defined]
        assert {"title", "publisher", "url"} <= set(source)
    factor_ids = [f["id"] for f in output["factors"]]  # type: ignore[attr-defined]
    assert factor_ids[:3] == ["caffeine", "overexertion", "stress"]
    plan_ids = [s["id"] for s in output["plan"]]  # type: ignore[attr-defined]
    assert plan_ids[:3] == ["see_a_doctor", "keep_medicines", "cut_caffeine"]


def test_unanswered_red_flag_questions_are_listed_not_assumed() -> None:
    output = check_json({"sites": [{"region": "calf", "side": "left"}], "duration_days": 3})
    assert output["disposition"] == "self_care"
    unanswered: Any = output["unanswered"]
    assert {"weakness", "face_droop", "breathing_difficulty", "muscle_wasting"} <= set(unanswered)
    answered = check_json({"sites": [{"region": "calf"}], "duration_days": 3, "symptoms": {"weakness": False}})
    assert "weakness" not in answered["unanswered"]  # type: ignore[operator]


def test_not_sure_is_unanswered() -> None:
    output = check_json({"symptoms": {"weakness": None}})
    assert "weakness" in output["unanswered"]  # type: ignore[operator]


def test_pregnancy_changes_the_caffeine_target() -> None:
    base = {"sites": [{"region": "calf"}], "duration_days": 3, "caffeine_mg_per_day": 300}
    pregnant = check_json({**base, "sex": "female", "pregnant": True})
    not_pregnant = check_json({**base, "sex": "female", "pregnant": False})
    step = next(s for s in pregnant["plan"] if s["id"] == "cut_caffeine")  # type: ignore[attr-defined]
    assert step["target"].startswith("at most 200 mg a day")
    assert pregnant["factors"][0]["strength"] == "likely"  # type: ignore[index]
    assert not_pregnant["factors"][0]["strength"] == "possible"  # type: ignore[index]


@pytest.mark.parametrize(
    ("lang", "number"), [("en_GB.UTF-8", "999"), ("de_DE.UTF-8", "112"), ("en_US.UTF-8", "911"), ("C", "112")]
)
def test_emergency_number_follows_the_locale(lang: str, number: str) -> None:
    output = check_json({"symptoms": {"seizure": True}}, environ={"LANG": lang})
    assert output["detail"]["emergency_number"] == number  # type: ignore[index]
    assert number in output["plan"][0]["text"]  # type: ignore[index]


def test_emergency_number_can_be_set() -> None:
    output = check_json({"symptoms": {"seizure": True}}, "--emergency-number", "000")
    assert output["detail"]["emergency_number"] == "000"  # type: ignore[index]
    env = check_json({"symptoms": {"seizure": True}}, environ={"TWITCHWISE_EMERGENCY_NUMBER": "111"})
    assert env["detail"]["emergency_number"] == "111"  # type: ignore[index]


BAD_INPUTS = [
    ('{"age": 300}', "age: must be at most 120"),
    ('{"caffeine_mg_per_day": -5}', "caffeine_mg_per_day: must be at least 0"),
    ('{"started_on": "2027-01-01"}', "started_on: is in the future"),
    ('{"agee": 30}', "agee: unknown field"),
    ('{"age": "thirty"}', "age: expected a whole number, got text"),
    ('{"age": true}', "age: expected a whole number, got true or false"),
    ('{"sites": [{"region": "elbow"}]}', "sites[0].region: not one of the allowed values"),
    ('{"symptoms": {"headache_ish": true}}', "symptoms.headache_ish: unknown symptom id"),
    ('{"symptoms": {"weakness": "yes"}}', "symptoms.weakness: expected true, false or null"),
    ('{"medications": ["ok\\u0007"]}', "medications[0]:"),
    ("not json at all", "answers: not valid JSON"),
    ("[1, 2]", "answers: expected an object, got a list"),
    ('{"age": 30', "answers: not valid JSON"),
    ('{"sex": "male", "pregnant": true}', "pregnant: cannot be true when sex is male"),
]


@pytest.mark.parametrize(("text", "message"), BAD_INPUTS)
def test_bad_input_exits_2_with_one_line_naming_the_field(text: str, message: str) -> None:
    result = run_cli("check", "--answers", "-", "--json", "--today", "2026-11-21", stdin=text)
    assert result.code == 2
    assert result.out == ""
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert result.err.startswith(f"twitchwise: error: {message}")


def test_error_messages_never_echo_health_data() -> None:
    result = run_cli("check", "--answers", "-", "--today", "2026-11-21", stdin='{"medications": ["secretdrug\\u0000"]}')
    assert result.code == 2 and "secretdrug" not in result.err
    result = run_cli("check", "--answers", "-", "--today", "2026-11-21", stdin='{"sex": "secretvalue"}')
    assert result.code == 2 and "secretvalue" not in result.err


def test_missing_file_and_bad_options_exit_2(tmp_path: Path) -> None:
    missing = run_cli("check", "--answers", str(tmp_path / "nope.json"))
    assert missing.code == 2 and missing.err.startswith("twitchwise: error: --answers: cannot read the file")
    bad_date = run_cli("check", "--answers", "-", "--today", "21/11/2026", stdin="{}")
    assert bad_date.code == 2 and "--today: expected a date" in bad_date.err
    bad_number = run_cli("check", "--answers", "-", "--emergency-number", "call me", stdin="{}")
    assert bad_number.code == 2 and "emergency number: must be 2 to 4 digits" in bad_number.err
    unknown = run_cli("chekc")
    assert unknown.code == 2 and unknown.err.count("\n") == 1


def test_oversized_answers_are_refused() -> None:
    result = run_cli("check", "--answers", "-", stdin="{" + " " * 1_000_001 + "}")
    assert result.code == 2 and "larger than 1 MB" in result.err


def test_answers_from_a_file_with_human_output(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(EXAMPLE))
    result = run_cli("check", "--answers", str(path), "--today", "2026-11-21")
    assert result.code == 0
    assert "SEE A GP" in result.out and "within about two weeks" in result.out
    assert "Why" in result.out and "Your plan" in result.out and "Sources" in result.out
    assert "not a diagnosis" in result.out


def test_guided_check_when_piped_reaches_self_care() -> None:
    replies = "\n".join(["", "left calf", "3", "n", "n", "n", "200", "n", "34", "female", "n", "1.5", "7", "3",
                         "n", "0", "n", "n", "n", "y", ""])  # fmt: skip
    result = run_cli("check", "--today", "2026-11-21", stdin=replies)
    assert result.code == 0, result.err
    assert "Right now, do you have any of these?" in result.out
    assert "SELF-CARE" in result.out


def test_guided_check_stops_screening_at_an_emergency_and_emits_json() -> None:
    replies = "\n".join(["", "both calves", "5", "y", "n", "n", "n", "n", "n", "n", "y"])  # input ends after the yes
    result = run_cli("check", "--json", "--today", "2026-11-21", stdin=replies)
    output = json.loads(result.out.splitlines()[-1])
    assert output["disposition"] == "emergency"
    assert output["understood"]["symptoms"]["breathing_difficulty"] is True
    assert "breathless when lying flat" not in result.out.lower()  # the rest of the list no longer matters


def test_guided_check_reasks_bad_answers_with_a_reason() -> None:
    replies = "\n".join(["", "my elbow", "left calf", "lots", "-3", "4"]) + "\n"
    result = run_cli("check", "--today", "2026-11-21", stdin=replies)
    assert "Sorry — place not recognised" in result.out
    assert "Sorry — please give a number" in result.out
    assert "Sorry — must be at least 0" in result.out


def test_a_skipped_question_does_not_end_the_guided_check() -> None:
    # "?" to the medicines question: the check goes on to the next one instead of stopping there.
    typed = ["", "left calf", "3", "n", "n", "?", "5 coffees", "n", "n", "40", "n", "male", "6 glasses"]
    result = run_cli("check", "--json", "--today", "2026-11-21", stdin="\n".join(typed) + "\n")
    output = json.loads(result.out.splitlines()[-1])
    assert "How old are you" in result.out and output["understood"]["age"] == 40  # asked after the skip
    assert "medications" not in output["understood"]
    assert output["understood"]["caffeine_mg_per_day"] == 475  # five cups of coffee, not 5 mg
    assert output["understood"]["water_litres_per_day"] == 1.5


def test_the_guided_check_asks_an_amount_a_description_left_unsized_first_and_keeps_it_open_if_skipped() -> None:
    pot = "drank a whole pot of coffee and loads of red bull today, my heart is racing"
    skipped = run_cli("check", "--json", "--no-diary", "--today", "2026-11-21", stdin=f"{pot}\n?\n")
    # the amount the warning turns on is the first question, before even where the twitching is
    assert skipped.out.index("About how much caffeine a day") < skipped.out.index("Where is the twitching?")
    output = json.loads(skipped.out.splitlines()[-1])
    assert output["warning"]["text"].startswith("If your caffeine is more than 400 mg a day")  # still open
    assert output["ask_first"] == ["caffeine_mg_per_day"]
    given = run_cli("check", "--json", "--no-diary", "--today", "2026-11-21", stdin=f"{pot}\n200\n")
    settled = json.loads(given.out.splitlines()[-1])
    assert settled.get("warning") is None and settled["understood"]["caffeine_mg_per_day"] == 200


def test_guided_check_input_ending_early_lists_unanswered() -> None:
    result = run_cli("check", "--json", "--today", "2026-11-21", stdin="\nleft calf\n")
    output = json.loads(result.out.splitlines()[-1])
    assert output["disposition"] == "self_care"
    assert "duration_days" in output["unanswered"] and "face_droop" in output["unanswered"]


def test_kb_lists_and_looks_up() -> None:
    listing = run_cli("kb", "red-flags")
    assert listing.code == 0 and "stroke_signs" in listing.out
    lookup = run_cli("kb", "medicines", "Lasix", "--json")
    entry = json.loads(lookup.out)
    assert entry["furosemide"]["class"] == "diuretic" and entry["furosemide"]["verified"] is True
    sources = json.loads(run_cli("kb", "sources", "S1", "--json").out)
    assert sources["S1"]["tier"] == "A"
    missing = run_cli("kb", "factors", "nonsense")
    assert missing.code == 2 and "no entry with that id" in missing.err


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "twitchwise", "check", "--answers", "-", "--json"],
        input='{"symptoms": {"seizure": true}}', capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0 and json.loads(done.stdout)["disposition"] == "emergency"
    bad = subprocess.run(
        [sys.executable, "-m", "twitchwise", "check", "--answers", "-"],
        input='{"age": 300}', capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert bad.returncode == 2 and bad.stderr.strip() == "twitchwise: error: age: must be at most 120"


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["check", "--today", "9999-12-31", "--answers", "-"], "--today: must be between 1900 and 2999"),
        (["check", "--db", "mysql://user@host/db", "--answers", "-"], "--db: use an SQLite path or a postgresql"),
    ],
)
def test_out_of_range_options_are_refused_not_a_traceback(argv: list[str], named: str) -> None:
    result = run_cli(*argv, stdin="{}")
    assert result.code == 2 and result.err.startswith(f"twitchwise: error: {named}") and result.out == ""


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_hostile_text_is_read_not_refused(text: str) -> None:
    # How long each takes beside plain text is in tests/understand/test_reading.py (a bound against a hang
    # that a slow machine cannot trip); here the command itself answers with the contract's JSON.
    result = run_cli("check", "--no-diary", "--json", "--text", "-", stdin=text)
    assert result.code == 0 and json.loads(result.out)["disposition"] in {"self_care", "routine", "urgent", "emergency"}
