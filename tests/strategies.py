"""Hypothesis strategies for structured answers."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from twitchwise.kb import load_knowledge_base
from twitchwise.vocabulary import REGIONS, SIDES

KB = load_knowledge_base()
SYMPTOMS = sorted(KB.symptoms)
MEDICINE_NAMES = [*sorted({m.name for m in KB.medicines}), "paracetamol", "ibuprofen"]

sites = st.lists(
    st.builds(
        lambda region, side: {"region": region, **({"side": side} if side else {})},
        st.sampled_from(REGIONS),
        st.none() | st.sampled_from(SIDES),
    ),
    max_size=4,
)


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@st.composite
def answers(draw: st.DrawFn) -> dict[str, Any]:
    sex = draw(optional(st.sampled_from(["female", "male", "other"])))
    data: dict[str, Any] = {
        "age": draw(optional(st.integers(0, 120))),
        "sex": sex,
        "pregnant": draw(optional(st.booleans())) if sex != "male" else None,
        "sites": draw(optional(sites)),
        "duration_days": draw(optional(st.integers(0, 2000))),
        "symptoms": draw(st.dictionaries(st.sampled_from(SYMPTOMS), st.none() | st.booleans(), max_size=12)),
        "caffeine_mg_per_day": draw(optional(st.floats(0, 3000))),
        "water_litres_per_day": draw(optional(st.floats(0, 6))),
        "alcohol_units_per_week": draw(optional(st.floats(0, 80))),
        "nicotine": draw(optional(st.booleans())),
        "sleep_hours": draw(optional(st.floats(0, 14))),
        "stress_0_10": draw(optional(st.integers(0, 10))),
        "recent_intense_exercise": draw(optional(st.booleans())),
        "medications": draw(optional(st.lists(st.sampled_from(MEDICINE_NAMES), max_size=3))),
        "weight_kg": draw(optional(st.floats(20, 150))),
    }
    return {key: value for key, value in data.items() if value is not None}
