"""The doctor's report: content from the diary, HTML escaped, PDF of two or three pages whose
pages are turned into PNG by poppler's pdftoppm and whose text is read back by pdftotext."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from matplotlib.image import imread

from tests.conftest import run_cli
from tests.sample_diary import HOSTILE, TODAY, fill
from twitchwise.diary.store import Store
from twitchwise.kb import load_knowledge_base
from twitchwise.report import content, render


@pytest.fixture
def sample(tmp_path: Path) -> Store:
    store = Store(f"sqlite:///{tmp_path / 'diary.sqlite3'}")
    fill(store.diary())
    return store


ARTIFACTS = Path(__file__).parents[2] / "test-artifacts" / "report"


def report_of(store: Store, **period: dt.date) -> content.ReportContent:
    return content.build_report(store.diary().list(), load_knowledge_base(), today=TODAY, **period)


def pdf_pages(pdf: bytes, folder: Path) -> tuple[int, str, list[Path]]:
    path = folder / "report.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(path), str(folder / "page")], check=True)
    return pages, text, sorted(folder.glob("page-*.png"))


def test_the_content_comes_from_the_diary_and_its_checks(sample: Store) -> None:
    report = report_of(sample)
    assert report.who == "34-year-old woman"
    assert report.question.startswith("Twitching in the left calf")
    assert report.latest is not None and report.latest.disposition == "routine"
    assert any(title == "Twitching for more than 2 weeks" and sources for title, sources in report.latest.red_flags)
    assert "no weakness" in report.negatives and "no muscle wasting" in report.negatives
    assert any(p.startswith("Cramps") for p in report.positives)
    assert report.sites[0].label == "left calf"
    assert {f.label for f in report.factors} >= {"Caffeine", "Sleep", "Stress (0–10)", "Nicotine"}
    assert [m.name for m in report.medicines] == ["salbutamol"]
    assert report.notes[0].text == HOSTILE
    assert {s.id for s in report.sources} >= {"S1"}
    assert report.recorded_days < report.period_days  # unrecorded days are not counted as recorded


def test_the_period_narrows_everything(sample: Store) -> None:
    week = report_of(sample, start=TODAY - dt.timedelta(days=6), end=TODAY - dt.timedelta(days=1))
    assert week.period_days == 6
    assert all(TODAY - dt.timedelta(days=6) <= s.first for s in week.sites)
    assert week.notes and all(n.day < TODAY for n in week.notes)
    assert [c.at.date() for c in week.checks] == []


def test_html_escapes_what_the_person_wrote(sample: Store) -> None:
    page = render.html(report_of(sample))
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(" in page
    assert "<script" not in page.lower()
    assert page.count("<svg") >= 4  # timeline, sites, and the front and back body maps


def test_pdf_has_two_or_three_pages_with_the_text_a_doctor_needs(sample: Store, tmp_path: Path) -> None:
    pages, text, images = pdf_pages(render.pdf(report_of(sample)), tmp_path)
    assert 2 <= pages <= 3
    assert len(images) == pages
    flat = " ".join(text.split())
    for expected in ("Twitching in the left calf", "34-year-old woman", "See a GP", "Twitching for more than 2 weeks",
                     "no weakness", "no muscle wasting", "salbutamol", "Caffeine", "[S1]", "page 1 of"):  # fmt: skip
        assert expected in flat, expected
    for image in images:
        pixels = imread(image)
        assert pixels.shape[0] > pixels.shape[1]  # portrait A4
        assert pixels[..., :3].min() < 0.2 and pixels[..., :3].std() > 0.05  # drawn on, not blank
    # every page kept, readable, for a person to look at (test-artifacts/ is not committed)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "100", "-png", str(tmp_path / "report.pdf"), str(ARTIFACTS / "page")], check=True)
    assert len(list(ARTIFACTS.glob("page-*.png"))) >= pages


def test_a_long_busy_diary_still_fits_three_pages(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'long.sqlite3'}") as store:
        fill(store.diary(), days=400, notes=40)
        report = report_of(store)
        pages, text, _ = pdf_pages(render.pdf(report), tmp_path)
    assert report.insights.status == "ok"
    assert 2 <= pages <= 3
    assert "older notes in the diary" in " ".join(text.split())


def test_an_empty_diary_gives_a_short_honest_report(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'empty.sqlite3'}") as store:
        report = report_of(store)
    pages, text, _ = pdf_pages(render.pdf(report), tmp_path)
    assert pages == 1
    flat = " ".join(text.split())
    assert "No check was run in this period." in flat
    assert "No diary days to analyse." in flat and "Log your twitches" not in flat  # nothing addressed to the patient


def test_factors_are_shown_against_their_thresholds_with_sources(sample: Store) -> None:
    report = report_of(sample)
    caffeine = next(row for row in report.factors if row.label == "Caffeine")
    assert caffeine.against.startswith("above the 400 mg adult limit on ") and "[S9, S14, S15]" in caffeine.against
    page = render.html(report)
    assert "Against its threshold" in page and "above the 400 mg adult limit" in page


def test_page_one_reads_in_a_gp_s_order_with_nothing_addressed_to_the_patient(sample: Store, tmp_path: Path) -> None:
    _, text, _ = pdf_pages(render.pdf(report_of(sample)), tmp_path)
    flat = " ".join(text.split())
    order = ["Name: ", "Date of birth:", "Checks and what they advised", "In the person's own words",
             "Reported absent (pertinent negatives)", "Where, and how often"]  # fmt: skip
    positions = [flat.index(heading) for heading in order]
    assert positions == sorted(positions), list(zip(order, positions, strict=True))
    assert "Keep logging" not in flat and "more complete days are needed" not in flat


def test_the_command_writes_html_and_pdf_and_refuses_bad_options(tmp_path: Path) -> None:
    env = {"LANG": "en_GB.UTF-8", "TWITCHWISE_DATA_DIR": str(tmp_path / "data"), "TWITCHWISE_NOW": "2026-11-21T10:00"}
    assert run_cli("log", "twitch", "--site", "left calf", "--note", "<b>x</b>", environ=env).code == 0
    printed = run_cli("report", "--format", "html", "--out", "-", environ=env)
    assert printed.code == 0 and "&lt;b&gt;x&lt;/b&gt;" in printed.out
    out = tmp_path / "r.pdf"
    written = run_cli("report", "--out", str(out), environ=env)
    assert written.code == 0 and out.read_bytes().startswith(b"%PDF")
    assert out.stat().st_mode & 0o077 == 0  # health data: readable by its owner only
    for argv, field in ((["--from", "2026-11-20", "--to", "2026-11-19"], "--from"), (["--out", "-"], "--out"),
                        (["--to", "2027-01-01"], "--to"), (["--from", "next blursday"], "--from")):  # fmt: skip
        result = run_cli("report", *argv, environ=env)
        assert result.code == 2 and result.err.startswith(f"twitchwise: error: {field}"), (argv, result.err)


def test_a_red_flag_the_diary_showed_is_labelled_as_the_diary_s_not_as_said(tmp_path: Path) -> None:
    from twitchwise.diary.records import Check

    store = Store(f"sqlite:///{tmp_path / 'diary.sqlite3'}")
    flag = {"id": "more_than_one_place", "title": "Twitching in more than one place", "sources": ["S1"]}
    said = {"id": "persisting_over_2_weeks", "title": "Twitching for more than 2 weeks", "sources": ["S1"]}
    finding = {"rule": "places", "summary": "calf and thigh", "entries": ["e1", "e2"], "drove": ["more_than_one_place"]}
    store.diary().add(Check(at=dt.datetime(2026, 11, 20, 9), disposition="routine", answers={"duration_days": 20},
                            result={"red_flags": [flag, said], "diary": {"findings": [finding]}}))  # fmt: skip
    page = render.html(report_of(store))
    assert "Twitching in more than one place (shown by the diary, not said)" in page
    assert "Twitching for more than 2 weeks <" in page  # from the answers: no label


def test_page_one_gives_the_person_s_concern_in_their_words_before_the_advice(tmp_path: Path) -> None:
    env = {"LANG": "en_GB.UTF-8", "TWITCHWISE_DATA_DIR": str(tmp_path / "data"), "TWITCHWISE_NOW": "2026-11-21T10:00"}
    words = "My left calf has twitched for 3 weeks <b>and</b> I'm scared it's ALS, no weakness"
    assert run_cli("log", "twitch", "--site", "left calf", environ=env).code == 0  # a check never makes a diary
    assert run_cli("check", "--text", words, environ=env).code == 0
    store = Store(f"sqlite:///{tmp_path / 'data' / 'diary.sqlite3'}")
    page = render.html(report_of(store))
    assert "Their concern, in their own words" in page
    assert "“My left calf has twitched for 3 weeks &lt;b&gt;and&lt;/b&gt; I&#39;m scared it&#39;s ALS" in page
    assert page.index("Their concern") < page.index("Checks and what they advised")
