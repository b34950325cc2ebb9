"""A fuzzer of our own: CLI options and every import format, a bounded number of cases each.

Whatever is typed or imported, the CLI answers with exit code 0 or 2 — 2 with one line naming
what is wrong — never a traceback, and never takes more than 5 seconds.  (The API is fuzzed from
its OpenAPI schema in tests/web/test_openapi_fuzz.py, and the pages by tests/web/test_walk.py.)
"""

from __future__ import annotations

import io
import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import run_cli

NOW = "2026-11-21T10:00:00"
HOSTILE = [
    "", " ", "-1", "0", "1e309", "NaN", "inf", "9**9**9", "1" * 400, "yesterday 25:99", "1026-01-01", "0001-01-01",
    "9999-12-31", "left-calf", "both", "\x00", "\ud800", "é" * 50, "<script>", "'; DROP TABLE days; --", "=1+1",
    "../../etc/passwd", "/dev/null", "3 cups", "6h30", "yes", "no", "mysql://x/y", "🙂", "\r\n", "%s%n",
]  # fmt: skip
COMMANDS: dict[tuple[str, ...], list[str]] = {
    ("log", "twitch"): ["--site", "--count", "--duration", "--intensity", "--context", "--at", "--note"],
    ("log", "day"): ["--date", "--caffeine", "--water", "--alcohol", "--nicotine", "--exercise", "--sleep",
                     "--stress", "--medicine", "--note", "--exercise-intensity"],
    ("log", "symptom"): ["--site", "--at", "--note"],
    ("log", "none"): ["--date"],
    ("diary",): ["--days"],
    ("check", "--no-diary", "--json", "--answers", "-"): ["--today", "--locale", "--emergency-number"],
    ("insights", "--json"): ["--profile"],
    ("experiment", "start"): ["--weeks", "--start"],
    ("kb", "medicines"): [],
}  # fmt: skip


# Words a message may name because they are the program's own (a command, a symptom id, a format).
KNOWN_WORDS = {"check", "insights", "experiment", "symptom", "medicines", "import", "apple-health", "export",
               "backup", "diary", "report",
               # the program's own examples in its messages ("e.g. 3 cups, 2 teas, 1 energy drink or 250mg")
               "3 cups", "6h30", "6 glasses", "left-calf"}  # fmt: skip


def environment(tmp: Path) -> dict[str, str]:
    return {"LANG": "en_GB.UTF-8", "TWITCHWISE_DATA_DIR": str(tmp), "TWITCHWISE_NOW": NOW}


def assert_clean(argv: list[str], environ: dict[str, str], stdin: str = "", typed: tuple[str, ...] = ()) -> None:
    started = time.monotonic()
    result = run_cli(*argv, stdin=stdin, environ=environ)  # an unexpected exception fails the test here
    assert time.monotonic() - started < 20, argv  # a hang, not a speed figure (a slow CI machine starts Python in 2 s)
    assert result.code in (0, 2), (argv, result.code)
    if result.code == 2:
        assert result.err.startswith("twitchwise: error: ") and result.err.count("\n") == 1, (argv, result.err)
        said = [v for v in typed if len(v.strip()) >= 6 and v not in KNOWN_WORDS]
        message = re.sub(r" \(see `twitchwise [\w -]+ --help`\)", "", result.err)  # the command's own name
        message = re.sub(r" \(choose from [^)]*\)", "", message)  # the program's own choices ("restin" in "resting")
        assert not any(v in message for v in said), (argv, result.err)  # never repeat what was typed


option_values = st.lists(st.tuples(st.integers(0, 20), st.sampled_from(HOSTILE) | st.text(max_size=30)), max_size=4)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(sorted(COMMANDS)), values=option_values, extra=st.sampled_from(HOSTILE))
def test_cli_options_never_crash(tmp_path: Path, command: tuple[str, ...], values: list[tuple[int, str]],
                                 extra: str) -> None:  # fmt: skip
    options = COMMANDS[command]
    argv = list(command)
    typed: list[str] = []  # only what was actually passed may not be repeated ("3 cups" is also the help's example)
    if command[:2] in {("log", "symptom"), ("kb", "medicines"), ("experiment", "start")}:
        argv.append(extra)  # the positional argument
        typed.append(extra)
    for position, value in values:
        if options:
            argv += [options[position % len(options)], value]
            typed.append(value)
    assert_clean(argv, environment(tmp_path), stdin="{}", typed=tuple(typed))


def _base_export(tmp: Path) -> dict[str, bytes]:
    env = environment(tmp / "source")
    for argv in (
        ["log", "twitch", "--site", "left-calf", "--count", "4", "--note", 'a, "b"\n'],
        ["log", "day", "--caffeine", "3 cups", "--sleep", "6h"],
        ["log", "symptom", "weakness", "--absent"],
    ):
        assert run_cli(*argv, environ=env).code == 0
    check = run_cli("check", "--answers", "-", stdin='{"sites": [{"region": "calf"}], "duration_days": 3}', environ=env)
    assert check.code == 0
    exported = {fmt: run_cli("export", "--format", fmt, environ=env).out.encode() for fmt in ("json", "fhir")}
    folder = tmp / "csv"
    assert run_cli("export", "--format", "csv", "--out", str(folder), environ=env).code == 0
    exported["csv"] = (folder / "episodes.csv").read_bytes()
    exported["xml"] = (
        b'<?xml version="1.0"?><HealthData locale="en_GB"><Record type="HKQuantityTypeIdentifierDietaryCaffeine" '
        b'unit="mg" value="95" startDate="2026-11-20 08:00:00 +0000" endDate="2026-11-20 08:00:00 +0000"/>'
        b'<Record type="HKCategoryTypeIdentifierSleepAnalysis" value="HKCategoryValueSleepAnalysisAsleepCore" '
        b'startDate="2026-11-19 23:00:00 +0000" endDate="2026-11-20 06:30:00 +0000"/></HealthData>'
    )
    return exported


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return _base_export(tmp_path_factory.mktemp("fuzz-base"))


def mutate(data: bytes, kind: int, position: int, payload: str) -> bytes:
    at = position % (len(data) + 1)
    if kind == 0:
        return data[:at]  # truncated
    if kind == 1:
        return data[:at] + bytes([data[at % len(data)] ^ 0xFF]) + data[at + 1 :]  # a flipped byte
    if kind == 2:
        return data[:at] + payload.encode("utf-8", "surrogatepass") + data[at:]  # something inserted
    if kind == 5:
        return data[:at] + b"[" * 50_000 + b"{" * 50_000 + data[at:]  # nested far deeper than any diary
    return data.replace(b"2026", b"0001", 1) if kind == 3 else data.replace(b"4", payload.encode("utf-8", "replace"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    fmt=st.sampled_from(["json", "fhir", "csv", "xml"]), kind=st.integers(0, 5), position=st.integers(0, 10_000),
    payload=st.sampled_from([*HOSTILE, '"', "{", "]", "<!ENTITY x>", "\xff"]),
)  # fmt: skip
def test_every_import_format_survives_damage(
    tmp_path: Path, exports: dict[str, bytes], fmt: str, kind: int, position: int, payload: str
) -> None:
    name = {"json": "diary.json", "fhir": "bundle.json", "csv": "episodes.csv", "xml": "export.xml"}[fmt]
    path = tmp_path / name
    path.write_bytes(mutate(exports[fmt], kind, position, payload))
    argv = ["import", "apple-health", str(path)] if fmt == "xml" else ["import", str(path)]
    assert_clean(argv, environment(tmp_path / "target"))


def test_the_fuzzer_starts_from_files_the_importers_accept(tmp_path: Path, exports: dict[str, bytes]) -> None:
    for fmt, name in (("json", "diary.json"), ("fhir", "bundle.json"), ("csv", "episodes.csv")):
        path = tmp_path / name
        path.write_bytes(exports[fmt])
        assert run_cli("import", str(path), environ=environment(tmp_path / fmt)).code == 0, fmt
    assert json.loads(exports["json"])["format"] == "twitchwise-diary" and io.BytesIO(exports["xml"]).read(5)


def test_a_value_inside_the_programs_own_choices_is_not_an_echo(tmp_path: Path) -> None:
    """A Hypothesis draw: "restin" typed for --site, and the --context error lists the choice "resting"."""
    argv = ["log", "twitch", "--site", "restin", "--context", ""]
    assert_clean(argv, environment(tmp_path), stdin="{}", typed=("restin", ""))
