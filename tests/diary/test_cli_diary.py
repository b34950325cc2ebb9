"""The diary commands end to end through ``main``: log, list, edit, delete, export, import, backup,
bad input (exit 2, one line, nothing written), and a check that reads the diary."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Result, run_cli

NOW = "2026-11-21T10:00:00"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"LANG": "en_GB.UTF-8", "TWITCHWISE_DATA_DIR": str(tmp_path / "data"), "TWITCHWISE_NOW": NOW}


def cli(env: dict[str, str], *argv: str, stdin: str = "") -> Result:
    return run_cli(*argv, stdin=stdin, environ=env)


def listed(env: dict[str, str], *extra: str) -> dict[str, Any]:
    result = cli(env, "diary", "--json", *extra)
    assert result.code == 0, result.err
    data: dict[str, Any] = json.loads(result.out)
    return data


def test_the_readme_example_logs_and_lists(env: dict[str, str]) -> None:
    result = cli(env, "log", "twitch", "--site", "left-calf", "--count", "12", "--intensity", "2",
                 "--at", "yesterday 21:30")  # fmt: skip
    assert result.code == 0 and result.out.startswith("Logged e1: 2026-11-20 21:30, left calf, 12 twitches")
    day = ["--caffeine", "3 cups", "--water", "1.5L", "--sleep", "6h30", "--stress", "7"]
    assert cli(env, "log", "day", *day).code == 0
    assert cli(env, "log", "symptom", "weakness", "--site", "right-hand").code == 0
    assert cli(env, "log", "none", "--date", "3 days ago").code == 0
    data = listed(env)
    kinds = {entry["id"]: entry for entry in data["entries"]}
    assert kinds["e1"]["region"] == "calf" and kinds["e1"]["side"] == "left" and kinds["e1"]["count"] == 12
    assert kinds["d1"]["caffeine_mg"] == 285 and kinds["d1"]["water_l"] == 1.5 and kinds["d1"]["sleep_h"] == 6.5
    assert kinds["s1"]["symptom"] == "weakness" and kinds["s1"]["region"] == "hand"
    assert kinds["d2"]["twitch_free"] is True and kinds["d2"]["day"] == "2026-11-18"
    days = {d["day"]: d["episodes"] for d in data["summary"]["days"]}
    assert days["2026-11-20"] == 1 and days["2026-11-18"] == 0 and days["2026-11-19"] is None  # unknown, not zero
    text = cli(env, "diary").out
    assert "left calf 1" in text and "1 episodes on 2 recorded days of 14" in text


def test_edit_and_delete(env: dict[str, str]) -> None:
    cli(env, "log", "twitch", "--site", "right thigh", "--count", "3")
    assert cli(env, "diary", "edit", "e1", "--count", "9").code == 0
    assert listed(env)["entries"][0]["count"] == 9
    wrong = cli(env, "diary", "edit", "e1", "--caffeine", "2 cups")
    assert wrong.code == 2 and wrong.err == "twitchwise: error: --caffeine: does not apply to a episode record\n"
    asked = cli(env, "diary", "delete", "e1")
    assert asked.code == 2 and "--yes" in asked.err
    assert cli(env, "diary", "delete", "e1", "--yes").code == 0
    assert listed(env)["entries"] == []


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (["log", "twitch", "--site", "elbow"], "--site"),
        (["log", "twitch", "--site", "calf", "--count=-3"], "count"),
        (["log", "twitch", "--site", "calf", "--count", "many"], "--count"),
        (["log", "twitch", "--site", "calf", "--intensity", "7"], "intensity"),
        (["log", "twitch", "--site", "calf", "--at", "tomorrow 9am"], "--at"),
        (["log", "twitch", "--site", "calf", "--at", "blurgh"], "--at"),
        (["log", "twitch", "--site", "calf", "--note", "a\x00b"], "note"),
        (["log", "twitch", "--site", "calf and thigh"], "--site"),
        (["log", "day", "--caffeine", "lots"], "--caffeine"),
        (["log", "day", "--caffeine", "2 cans"], "--caffeine"),
        (["log", "day", "--water=-1L"], "--water"),
        (["log", "day", "--water", "3 kg"], "--water"),
        (["log", "day", "--water", "40L"], "water_l"),
        (["log", "day", "--sleep", "30h"], "sleep_h"),
        (["log", "day", "--stress", "11"], "stress"),
        (["log", "day", "--alcohol", "nan"], "--alcohol"),
        (["log", "day"], "log day"),
        (["log", "symptom", "sadness"], "symptom"),
        (["log", "twitch", "--site", "calf", "--profile", "../../etc"], "--profile"),
        (["diary", "edit", "q9", "--count", "1"], "id"),
        (["diary", "edit", "e99", "--count", "1"], "id"),
        (["diary", "--days", "0"], "--days"),
    ],
)
def test_bad_input_exits_2_names_the_field_and_writes_nothing(env: dict[str, str], argv: list[str], field: str) -> None:
    result = cli(env, *argv)
    assert result.code == 2 and result.out == ""
    assert result.err.startswith(f"twitchwise: error: {field}: ") and result.err.count("\n") == 1
    assert listed(env)["entries"] == []


def test_export_import_round_trip_through_the_cli(env: dict[str, str], tmp_path: Path) -> None:
    cli(env, "log", "twitch", "--site", "left calf", "--count", "4", "--note", 'quote " comma , newline\nend')
    cli(env, "log", "day", "--medicine", "Lasix", "--caffeine", "250mg")
    exported = cli(env, "export").out
    folder = tmp_path / "csv"
    assert cli(env, "export", "--format", "csv", "--out", str(folder)).code == 0
    expected = ["checks.csv", "days.csv", "episodes.csv", "experiments.csv", "symptoms.csv"]
    assert sorted(p.name for p in folder.iterdir()) == expected
    other = {**env, "TWITCHWISE_DATA_DIR": str(tmp_path / "other")}
    imported = cli(other, "import", str(folder))
    assert imported.code == 0 and "1 episode, 1 day" in imported.out
    assert cli(other, "export").out == exported
    assert "nothing new; 2 already" in cli(other, "import", str(folder)).out


def test_backup_writes_a_usable_copy(env: dict[str, str], tmp_path: Path) -> None:
    cli(env, "log", "twitch", "--site", "calf")
    target = tmp_path / "copy.sqlite3"
    assert cli(env, "backup", str(target)).code == 0
    copy = {**env, "TWITCHWISE_DATA_DIR": "", "TWITCHWISE_DATABASE_URL": f"sqlite:///{target}"}
    assert len(listed(copy)["entries"]) == 1


def test_check_reads_the_diary_and_says_which_entries_drove_it(env: dict[str, str]) -> None:
    for days_ago in (20, 13, 6, 1):
        cli(env, "log", "twitch", "--site", "left calf", "--at", f"{days_ago} days ago")
    cli(env, "log", "twitch", "--site", "right calf", "--at", "1 day ago")
    result = cli(env, "check", "--answers", "-", "--json", "--today", "2026-11-21", stdin="{}")
    data = json.loads(result.out)
    assert data["disposition"] == "routine"
    assert {"persisting_over_2_weeks", "more_than_one_place", "spreading"} <= {f["id"] for f in data["red_flags"]}
    drove = {f["rule"]: (f["entries"], f["drove"]) for f in data["diary"]["findings"]}
    assert drove["persisting"] == (["e1", "e5"], ["persisting_over_2_weeks"])
    assert drove["spread"] == (["e5"], ["spreading"])
    assert data["understood"]["duration_days"] == 19  # what the check assessed, diary included
    assert data["diary"]["saved_as"] == "c1"
    checks = [e for e in listed(env, "--days", "2")["entries"] if e["kind"] == "check"]
    assert checks[0]["disposition"] == "routine" and checks[0]["result"]["disposition"] == "routine"
    assert checks[0]["answers"] == {}  # the saved check keeps what the person said apart from the diary


def test_check_without_a_diary_creates_none(env: dict[str, str], tmp_path: Path) -> None:
    result = cli(env, "check", "--answers", "-", "--json", stdin="{}")
    assert result.code == 0 and json.loads(result.out)["diary"] is None
    assert not (tmp_path / "data").exists()


def test_no_diary_ignores_it(env: dict[str, str]) -> None:
    cli(env, "log", "symptom", "muscle_wasting")
    assert json.loads(cli(env, "check", "--answers", "-", "--json", stdin="{}").out)["disposition"] == "urgent"
    ignored = json.loads(cli(env, "check", "--answers", "-", "--json", "--no-diary", stdin="{}").out)
    assert ignored["disposition"] == "self_care" and ignored["diary"] is None


def test_the_guided_check_starts_from_what_the_diary_shows(env: dict[str, str]) -> None:
    for days_ago in (20, 10, 1):
        cli(env, "log", "twitch", "--site", "left calf", "--at", f"{days_ago} days ago")
    result = cli(env, "check", "--json", "--today", "2026-11-21", stdin="")  # input ends at once
    data = json.loads(result.out.splitlines()[-1])
    assert data["understood"]["duration_days"] == 19
    assert data["understood"]["sites"] == [{"region": "calf", "side": "left"}]
    assert "persisting_over_2_weeks" in {f["id"] for f in data["red_flags"]}
    assert "Where is the twitching" not in result.out  # the diary answered it


def test_a_check_tells_what_the_diary_shows_from_what_the_person_said(env: dict[str, str]) -> None:
    assert cli(env, "log", "twitch", "--site", "left-calf", "--at", "2026-11-09 10:00").code == 0
    assert cli(env, "log", "twitch", "--site", "left-eyelid", "--at", "2026-11-21 09:00").code == 0
    result = cli(env, "check", "--answers", "-", stdin='{"sites": [{"region": "calf", "side": "left"}], '
                 '"duration_days": 3}')  # fmt: skip
    assert result.code == 0, result.err
    assert "From your diary: spreading" in result.out and "You said: spreading" not in result.out
    assert "From your diary: where: left calf, left eyelid" in result.out


def test_backup_never_replaces_the_live_diary_or_a_device(env: dict[str, str], tmp_path: Path) -> None:
    # Regression: `backup X --db X` deleted and rewrote the database under the running app, and as
    # root `--out /dev/null` and `backup /dev/full` replaced the device nodes with diary data.
    import stat

    assert cli(env, "log", "twitch", "--site", "left-calf").code == 0
    live = Path(env["TWITCHWISE_DATA_DIR"]) / "diary.sqlite3"
    before = live.read_bytes()
    onto_itself = cli(env, "backup", str(live))
    assert onto_itself.code == 2 and "is the diary itself" in onto_itself.err and live.read_bytes() == before
    for device in ("/dev/null", "/dev/full"):
        refused = cli(env, "backup", device)
        assert refused.code == 2 and "not a regular file" in refused.err
        assert cli(env, "export", "--out", device).code == 2
        assert stat.S_ISCHR(Path(device).stat().st_mode)
    copy = tmp_path / "copy.sqlite3"
    assert cli(env, "backup", str(copy)).code == 0
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600 and not list(tmp_path.glob(".copy.sqlite3.*"))


def test_csv_cells_cannot_run_as_formulas_and_a_lone_cr_round_trips(env: dict[str, str], tmp_path: Path) -> None:
    notes = ['=HYPERLINK("http://x","click")', "+1+1", "-2", "@SUM(A1)", "'quoted", "line\rbreak"]
    for note in notes:
        assert cli(env, "log", "twitch", "--site", "left-calf", "--note", note).code == 0
    folder = tmp_path / "csv"
    assert cli(env, "export", "--format", "csv", "--out", str(folder)).code == 0
    text = (folder / "episodes.csv").read_text(encoding="utf-8")
    assert '"=HYPERLINK' not in text and "\"'=HYPERLINK" in text and "\"'@SUM" in text
    other = {**env, "TWITCHWISE_DATA_DIR": str(tmp_path / "other")}
    assert cli(other, "import", str(folder)).code == 0
    back = sorted(e["note"] for e in listed(other, "--days", "30")["entries"] if e.get("note"))
    assert back == sorted(notes)


def _diary_file(path: Path, check: dict[str, Any]) -> Path:
    data = {"format": "twitchwise-diary", "version": 1, "profiles": [
        {"name": "me", "episodes": [], "days": [], "symptoms": [], "checks": [check], "experiments": []}]}  # fmt: skip
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("check", "named"),
    [
        ({"answers": {}, "result": {}}, "checks[0].result: is not a twitchwise assessment"),
        ({"answers": {"age": "old"}, "result": {}}, "checks[0].answers.age"),
        ({"answers": {"symptoms": {"dragons": True}}, "result": {}}, "checks[0].answers.symptoms.dragons"),
    ],
)
def test_an_imported_check_must_be_one_twitchwise_can_show(
    env: dict[str, str], tmp_path: Path, check: dict[str, Any], named: str
) -> None:
    # Regression: an empty result made its page answer 500, garbage answers broke the report.
    record = {"uid": "a" * 32, "at": "2026-11-20T10:00:00", "disposition": "urgent", **check}
    result = cli(env, "import", str(_diary_file(tmp_path / "d.json", record)))
    assert result.code == 2 and named in result.err and result.err.count("\n") == 1
    assert listed(env, "--days", "30")["entries"] == []


def test_damaged_or_unusual_archives_and_bundles_are_refused_by_name(env: dict[str, str], tmp_path: Path) -> None:
    import zipfile

    lzma = tmp_path / "lzma.zip"
    with zipfile.ZipFile(lzma, "w", compression=zipfile.ZIP_LZMA) as archive:
        archive.writestr("export.xml", "<HealthData></HealthData>")
    raw = bytearray(lzma.read_bytes())
    raw[8:10] = (99).to_bytes(2, "little")  # an AES-encrypted member's method
    central = raw.find(b"PK\x01\x02")
    raw[central + 10 : central + 12] = (99).to_bytes(2, "little")
    unusual = tmp_path / "unusual.zip"
    unusual.write_bytes(bytes(raw))
    refused = cli(env, "import", "apple-health", str(unusual))
    assert refused.code == 2 and "cannot open (encrypted or an unusual compression)" in refused.err
    bundle = tmp_path / "bundle.json"
    bundle.write_text(json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [{"fullUrl": "urn:x"}]}))
    missing = cli(env, "import", str(bundle))
    assert missing.code == 2 and "entry[0].resource: is missing" in missing.err


def test_check_again_asks_only_what_the_last_check_left_open(env: dict[str, str]) -> None:
    assert cli(env, "log", "twitch", "--site", "left-calf").code == 0
    first = cli(env, "check", stdin="\nleft calf\n3\n")  # input ends: the warning signs stay open
    assert first.code == 0 and "twitchwise check --again" in " ".join(first.out.split())
    again = cli(env, "check", "--again", "--json", stdin="n\nn\nn\n")
    assert again.code == 0
    assert "Where is the twitching" not in again.out and "For how many days" not in again.out
    assert "Right now, do you have any of these?" in again.out
    result = json.loads(again.out.splitlines()[-1])
    assert result["understood"]["duration_days"] == 3 and result["understood"]["symptoms"]["face_droop"] is False
    none_yet = cli({**env, "TWITCHWISE_DATA_DIR": env["TWITCHWISE_DATA_DIR"] + "-empty"}, "check", "--again")
    assert none_yet.code == 2 and "--again" in none_yet.err
