"""Generate an Apple Health export in Apple's documented format, of any size, with known daily truths.

The file looks like a real ``export.xml``: the DOCTYPE with its internal DTD, ``ExportDate`` and
``Me``, then ``Record`` elements (mostly heart rate and steps, with ``MetadataEntry`` children and
the escaped ``device`` attribute), ``Workout`` elements with statistics, and ``ActivitySummary``
rows.  Every day also carries caffeine, water, sleep (a watch and a phone overlapping), exercise
minutes, a workout and a mindful session, whose totals are returned so a test can check them.

    python -m bench.apple_export OUT.xml --mb 1024 [--zip]
"""

from __future__ import annotations

import argparse
import datetime as dt
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!-- HealthKit Export Version: 13 -->
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord|Audiogram)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
<!ELEMENT ExportDate EMPTY>
<!ATTLIST ExportDate
  value CDATA #REQUIRED
>
<!ELEMENT Me EMPTY>
<!ATTLIST Me
  HKCharacteristicTypeIdentifierDateOfBirth         CDATA #REQUIRED
  HKCharacteristicTypeIdentifierBiologicalSex       CDATA #REQUIRED
  HKCharacteristicTypeIdentifierBloodType           CDATA #REQUIRED
  HKCharacteristicTypeIdentifierFitzpatrickSkinType CDATA #REQUIRED
  HKCharacteristicTypeIdentifierCardioFitnessMedicationsUse CDATA #IMPLIED
>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record
  type          CDATA #REQUIRED
  unit          CDATA #IMPLIED
  value         CDATA #IMPLIED
  sourceName    CDATA #REQUIRED
  sourceVersion CDATA #IMPLIED
  device        CDATA #IMPLIED
  creationDate  CDATA #IMPLIED
  startDate     CDATA #REQUIRED
  endDate       CDATA #REQUIRED
>
<!ELEMENT MetadataEntry EMPTY>
<!ATTLIST MetadataEntry
  key   CDATA #REQUIRED
  value CDATA #REQUIRED
>
<!ELEMENT Workout ((MetadataEntry|WorkoutEvent|WorkoutRoute|WorkoutStatistics)*)>
<!ATTLIST Workout
  workoutActivityType   CDATA #REQUIRED
  duration              CDATA #IMPLIED
  durationUnit          CDATA #IMPLIED
  sourceName            CDATA #REQUIRED
  sourceVersion         CDATA #IMPLIED
  device                CDATA #IMPLIED
  creationDate          CDATA #IMPLIED
  startDate             CDATA #REQUIRED
  endDate               CDATA #REQUIRED
>
<!ELEMENT WorkoutStatistics EMPTY>
<!ATTLIST WorkoutStatistics
  type      CDATA #REQUIRED
  startDate CDATA #REQUIRED
  endDate   CDATA #REQUIRED
  sum       CDATA #IMPLIED
  unit      CDATA #IMPLIED
>
<!ELEMENT ActivitySummary EMPTY>
<!ATTLIST ActivitySummary
  dateComponents           CDATA #IMPLIED
  activeEnergyBurned       CDATA #IMPLIED
  appleExerciseTime        CDATA #IMPLIED
>
]>
<HealthData locale="en_GB">
 <ExportDate value="{export_date} +0100"/>
 {me}
"""
ME = (
    '<Me HKCharacteristicTypeIdentifierDateOfBirth="1988-04-02" '
    'HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale" '
    'HKCharacteristicTypeIdentifierBloodType="HKBloodTypeNotSet" '
    'HKCharacteristicTypeIdentifierFitzpatrickSkinType="HKFitzpatrickSkinTypeNotSet" '
    'HKCharacteristicTypeIdentifierCardioFitnessMedicationsUse="None"/>'
)
WATCH = ('sourceName="Anna’s Apple Watch" sourceVersion="10.1" device="&lt;&lt;HKDevice: 0x283e2b2a0&gt;, '
         'name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,2, software:10.1&gt;"')  # fmt: skip
PHONE = 'sourceName="Anna’s iPhone" sourceVersion="17.1"'
FOOD = 'sourceName="MyFitnessPal" sourceVersion="23.1"'
TZ = " +0100"


@dataclass(frozen=True)
class Truth:
    """What each day adds up to, as the importer should find it."""

    caffeine_mg: float
    water_l: float
    sleep_h: float
    exercise_min: float
    mindful_min: float


def _stamp(day: dt.date, minutes: int) -> str:
    """A local time ``minutes`` after midnight of ``day`` (negative: the evening before)."""
    moment = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minutes)
    return f"{moment:%Y-%m-%d %H:%M:%S}{TZ}"


def _record(kind: str, source: str, unit: str, value: object, start: str, end: str, extra: str = "") -> str:
    head = f' <Record type="{kind}" {source} unit="{unit}" creationDate="{end}" startDate="{start}" endDate="{end}" '
    if extra:
        return f'{head}value="{value}">\n{extra} </Record>\n'
    return f'{head}value="{value}"/>\n'


def _category(kind: str, source: str, value: str, start: str, end: str) -> str:
    return (f' <Record type="{kind}" {source} creationDate="{end}" startDate="{start}" endDate="{end}" '
            f'value="{value}"/>\n')  # fmt: skip


def day_text(day: dt.date, index: int, filler: int) -> tuple[str, Truth]:
    """One day of records, and what it adds up to."""
    parts: list[str] = []
    cups = index % 4 + 1
    for cup in range(cups):
        t = _stamp(day, 8 * 60 + cup * 150)
        parts.append(_record("HKQuantityTypeIdentifierDietaryCaffeine", FOOD, "mg", 95, t, t))
    glasses = index % 5 + 4
    for glass in range(glasses):
        t = _stamp(day, 9 * 60 + glass * 75)
        parts.append(_record("HKQuantityTypeIdentifierDietaryWater", FOOD, "mL", 250, t, t))
    shift = (index % 3) * 20  # bedtime varies by day
    sleep = "HKCategoryTypeIdentifierSleepAnalysis"
    parts.append(
        _category(sleep, PHONE, "HKCategoryValueSleepAnalysisInBed", _stamp(day, -60 + shift), _stamp(day, 420))
    )
    for value, start, end in (("AsleepCore", -30, 120), ("AsleepDeep", 120, 180), ("AsleepREM", 180, 240),
                              ("Awake", 240, 250), ("AsleepCore", 250, 390)):  # fmt: skip
        parts.append(_category(sleep, WATCH, f"HKCategoryValueSleepAnalysis{value}", _stamp(day, start + shift),
                               _stamp(day, end)))  # fmt: skip
    parts.append(_category(sleep, PHONE, "HKCategoryValueSleepAnalysisAsleepUnspecified", _stamp(day, -15 + shift),
                           _stamp(day, 360)))  # fmt: skip
    sleep_h = (390 - (-30 + shift)) / 60  # the phone's overlap fills the watch's awake gap; counted once
    minutes = 20 + index % 30
    for m in range(minutes):
        t0, t1 = _stamp(day, 17 * 60 + m), _stamp(day, 17 * 60 + m + 1)
        parts.append(_record("HKQuantityTypeIdentifierAppleExerciseTime", WATCH, "min", 1, t0, t1))
    workout = 30 + index % 40
    w0, w1 = _stamp(day, 17 * 60), _stamp(day, 17 * 60 + workout)
    parts.append(
        f' <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="{workout}" durationUnit="min" '
        f'{WATCH} creationDate="{w1}" startDate="{w0}" endDate="{w1}">\n'
        f'  <MetadataEntry key="HKIndoorWorkout" value="0"/>\n'
        f'  <WorkoutStatistics type="HKQuantityTypeIdentifierActiveEnergyBurned" startDate="{w0}" endDate="{w1}" '
        f'sum="{workout * 9}" unit="kcal"/>\n </Workout>\n'
    )
    mindful = 5 + index % 3 * 5
    parts.append(_category("HKCategoryTypeIdentifierMindfulSession", PHONE, "HKCategoryValueNotApplicable",
                           _stamp(day, 21 * 60), _stamp(day, 21 * 60 + mindful)))  # fmt: skip
    meta = '  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="0"/>\n'
    for k in range(filler):
        t = _stamp(day, (k * 1440) // max(filler, 1))
        if k % 4:
            parts.append(_record("HKQuantityTypeIdentifierHeartRate", WATCH, "count/min", 60 + k % 40, t, t, meta))
        else:
            parts.append(_record("HKQuantityTypeIdentifierStepCount", PHONE, "count", k % 90, t, t))
    parts.append(f' <ActivitySummary dateComponents="{day}" activeEnergyBurned="{workout * 9}" '
                 f'appleExerciseTime="{minutes}"/>\n')  # fmt: skip
    truth = Truth(cups * 95.0, glasses * 0.25, sleep_h, float(max(minutes, workout)), float(mindful))
    return "".join(parts), truth


def write_export(out: IO[bytes], *, last: dt.date, days: int | None = None, megabytes: float | None = None,
                 filler: int = 1200) -> dict[dt.date, Truth]:  # fmt: skip
    """Write an export ending on ``last``: ``days`` days, or as many as reach ``megabytes``."""
    sample, _ = day_text(last, 0, filler)
    if days is None:
        assert megabytes is not None
        days = max(1, int(megabytes * 1_000_000 / len(sample.encode())) + 1)
    first = last - dt.timedelta(days=days - 1)
    out.write(HEADER.replace("{export_date}", f"{last:%Y-%m-%d} 22:00:00").replace("{me}", ME).encode())
    truths = {}
    for index in range(days):
        day = first + dt.timedelta(days=index)
        text, truths[day] = day_text(day, index, filler)
        out.write(text.encode())
    out.write(b"</HealthData>\n")
    return truths


def write_file(path: Path, *, last: dt.date, zipped: bool = False, **size: float) -> dict[dt.date, Truth]:
    if zipped:
        with (
            zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
            archive.open("apple_health_export/export.xml", "w", force_zip64=True) as out,
        ):
            return write_export(out, last=last, **size)  # type: ignore[arg-type]
    with path.open("wb") as out:
        return write_export(out, last=last, **size)  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--mb", type=float, default=1024, help="size in MB (default 1024)")
    parser.add_argument("--zip", action="store_true", help="write export.zip as the Health app does")
    args = parser.parse_args()
    truths = write_file(args.out, last=dt.date.today(), zipped=args.zip, megabytes=args.mb)
    print(f"wrote {args.out}: {len(truths)} days, {args.out.stat().st_size / 1e6:,.0f} MB")


if __name__ == "__main__":
    main()
