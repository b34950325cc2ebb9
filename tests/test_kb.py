"""The knowledge base loads, covers the reference, and refuses bad files by name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from twitchwise.kb import KnowledgeBase, KnowledgeBaseError
from twitchwise.kb.loader import data_dir, load_from
from twitchwise.vocabulary import CONTRACT_SYMPTOMS, Disposition

SHIPPED = sorted(p.name for p in data_dir().glob("*.yaml"))


def test_every_shipped_file_is_loaded(kb: KnowledgeBase) -> None:
    assert sorted([
        "actions.yaml", "dispositions.yaml", "factors.yaml", "fields.yaml", "limits.yaml", "locales.yaml",
        "medicines.yaml", "messages.yaml", "red_flags.yaml", "servings.yaml", "sources.yaml", "symptoms.yaml",
        "topics.yaml",
    ]) == SHIPPED  # fmt: skip
    assert len(kb.sources) == 45 and len(kb.red_flags) >= 30 and len(kb.factors) == 12
    assert set(kb.topics) == {"causes", "when_to_see_a_doctor", "self_care", "how_common", "is_it_als"}


def test_reference_source_ids_are_all_registered(kb: KnowledgeBase) -> None:
    assert {f"S{i}" for i in range(1, 44)} | {"SEED1", "SEED2"} == set(kb.sources)


def test_contract_symptoms_all_present(kb: KnowledgeBase) -> None:
    assert set(CONTRACT_SYMPTOMS) <= set(kb.symptoms)


# Every red flag of clinical.md §3 (NHS, NICE, MND tool), §6 (emergency signs) and §9.
REFERENCE_RED_FLAGS = {
    "stroke_signs", "cannot_move_limb_or_face", "breathing_difficulty", "breathless_lying_flat_with_weakness",
    "swallowing_with_spreading_weakness", "fainting", "seizure", "sudden_severe_headache", "sudden_confusion",
    "serotonin_syndrome_signs", "insecticide_exposure", "tetany", "caffeine_with_heart_symptoms",
    "progressive_weakness", "speech_or_swallowing_change", "muscle_wasting", "tongue_twitching",
    "loss_of_function", "breathless_lying_flat", "after_fluid_loss", "after_new_medicine", "low_calcium_signs",
    "very_high_caffeine", "persisting_over_2_weeks", "more_than_one_place", "spreading", "weak_or_stiff",
    "getting_worse", "numbness", "medicine_linked", "cramps_with_pain", "cramps_with_leg_swelling", "weight_loss",
    "eyelid_over_3_months", "eyes_forced_shut", "over_50_persistent_or_widespread",
    # §11: chest pain, children, statins, breathlessness on exertion
    "chest_pain_emergency", "chest_pain_now", "statin_muscle_symptoms", "breathless_on_exertion_with_weakness",
    "child_under_16",
}  # fmt: skip

# Causes and remedies the two seed articles list, and the factor or action that covers each.
SEED_CAUSES = {
    "overexertion": "overexertion", "dehydration": "low_fluid", "caffeine or nicotine": "caffeine",
    "nicotine": "nicotine", "electrolyte imbalance": "mineral_shortfall", "nutritional deficiency":
    "mineral_shortfall", "stress and anxiety": "stress", "medication side effects": "medicines",
    "nerve irritation": "nerve_irritation",
}  # fmt: skip
SEED_REMEDIES = {
    "hydration": "drink_fluids", "rest": "rest_after_exercise", "reduce stimulants": "cut_caffeine",
    "balanced diet": "eat_minerals", "stress management": "relax", "stretch and massage": "stretch_massage",
    "regular moderate exercise": "moderate_exercise", "posture": "posture", "limit alcohol": "cut_alcohol",
}  # fmt: skip


def test_covers_every_reference_red_flag(kb: KnowledgeBase) -> None:
    assert {flag.id for flag in kb.red_flags} >= REFERENCE_RED_FLAGS


def test_red_flags_are_ordered_most_urgent_first(kb: KnowledgeBase) -> None:
    ranks = [flag.disposition.rank for flag in kb.red_flags]
    assert ranks == sorted(ranks, reverse=True)
    assert {flag.disposition for flag in kb.red_flags} == set(Disposition) - {Disposition.SELF_CARE}


def test_covers_every_seed_cause_and_remedy(kb: KnowledgeBase) -> None:
    factor_ids = {factor.id for factor in kb.factors}
    assert set(SEED_CAUSES.values()) <= factor_ids
    assert set(SEED_REMEDIES.values()) <= set(kb.actions)
    seeded = {f.id for f in kb.factors if {"SEED1", "SEED2"} & set(f.sources)}
    assert {"overexertion", "low_fluid", "caffeine", "stress", "mineral_shortfall", "nerve_irritation"} <= seeded


def test_caffeine_and_fluid_targets_match_the_reference(kb: KnowledgeBase) -> None:
    limits = {name: entry.value for name, entry in kb.limits.items()}
    assert limits["caffeine_adult_max_mg"] == 400 and limits["caffeine_pregnancy_max_mg"] == 200
    assert limits["water_total_women_l"] == 2.0 and limits["water_total_men_l"] == 2.5
    assert (limits["glasses_min"], limits["glasses_max"]) == (6, 8)


def test_servings_match_the_reference(kb: KnowledgeBase) -> None:
    # clinical.md §5: coffee 80–100 mg per 8 oz, tea 30–50, soda 30–40, energy drinks 40–250 per 8 oz,
    # 400 mg ≈ 2 energy shots (Mayo); 6–8 glasses ≈ 1.4–2.0 L of drinks.
    amounts = {s.id: s.amount for s in kb.servings.values()}
    assert 80 <= amounts["coffee"] <= 100 and 30 <= amounts["tea"] <= 50 and 30 <= amounts["cola"] <= 40
    assert 40 <= amounts["energy_drink"] <= 250 and amounts["energy_shot"] == 200
    assert 6 * amounts["glass"] >= 1.4 and 8 * amounts["glass"] <= 2.0
    assert all(s.sources and s.basis for s in kb.servings.values())


def test_medicine_lexicon_maps_names_and_brands(kb: KnowledgeBase) -> None:
    assert kb.find_medicine("Lasix") is kb.find_medicine("furosemide")
    assert kb.find_medicine("  VENTOLIN ").class_ == "beta2_agonist"  # type: ignore[union-attr]
    assert not kb.verified_class("antihistamine")
    assert kb.verified_class("diuretic")


# --- refusals ------------------------------------------------------------------------------


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(data_dir(), target)
    return target


def edit(directory: Path, name: str, change: object) -> None:
    path = directory / name
    data = yaml.safe_load(path.read_text())
    change(data)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(data, allow_unicode=True))


def refused(directory: Path) -> str:
    with pytest.raises(KnowledgeBaseError) as caught:
        load_from(directory)
    return str(caught.value)


def test_refuses_a_topic_listing_an_unknown_factor(data_copy: Path) -> None:
    edit(data_copy, "topics.yaml", lambda d: d[0]["factors"].append("moon_phase"))
    assert refused(data_copy) == "topics.yaml: entry 'causes': unknown factor 'moon_phase'"


def test_refuses_an_unknown_key(data_copy: Path) -> None:
    edit(data_copy, "red_flags.yaml", lambda d: d[0].update(severity="high"))
    assert refused(data_copy) == "red_flags.yaml: entry 'stroke_signs': severity: unknown field"


def test_refuses_a_missing_source(data_copy: Path) -> None:
    edit(data_copy, "factors.yaml", lambda d: d[0]["sources"].append("S99"))
    assert refused(data_copy) == "factors.yaml: entry 'caffeine': cites unknown source 'S99'"


def test_refuses_a_rule_based_only_on_tier_c(data_copy: Path) -> None:
    edit(data_copy, "red_flags.yaml", lambda d: d[0].update(sources=["S21", "SEED1"]))
    assert "red_flags.yaml: entry 'stroke_signs': its only basis is tier-C" in refused(data_copy)


def test_refuses_an_unverified_rule(data_copy: Path) -> None:
    edit(data_copy, "factors.yaml", lambda d: d[1].update(status="unverified"))
    assert "factors.yaml: entry 'fluid_loss': is unverified" in refused(data_copy)


def test_refuses_a_rule_on_an_unverified_medicine_class(data_copy: Path) -> None:
    edit(data_copy, "red_flags.yaml", lambda d: d[-1].update(when={"medicine_class": ["antihistamine"]}))
    message = refused(data_copy)
    assert "entry 'over_50_persistent_or_widespread'" in message and "unknown medicine class" in message


def test_refuses_a_red_flag_that_reads_an_absence(data_copy: Path) -> None:
    edit(data_copy, "red_flags.yaml", lambda d: d[0].update(when={"field": "sleep_hours", "lt": 5}))
    assert "reads an absence" in refused(data_copy)


def test_refuses_an_unknown_symptom_in_a_condition(data_copy: Path) -> None:
    edit(data_copy, "red_flags.yaml", lambda d: d[0].update(when={"symptom": "headache_ish"}))
    assert refused(data_copy) == "red_flags.yaml: entry 'stroke_signs': condition: unknown symptom 'headache_ish'"


def test_refuses_an_unknown_placeholder(data_copy: Path) -> None:
    edit(data_copy, "actions.yaml", lambda d: d[0].update(target="{favourite_colour}"))
    assert refused(data_copy) == "actions.yaml: entry 'keep_medicines': unknown placeholder {favourite_colour}"


def test_refuses_a_duplicate_id(data_copy: Path) -> None:
    edit(data_copy, "actions.yaml", lambda d: d.append(dict(d[0])))
    assert refused(data_copy) == "actions.yaml: entry 'keep_medicines': duplicate id"


def test_refuses_dropping_a_contract_symptom(data_copy: Path) -> None:
    edit(data_copy, "symptoms.yaml", lambda d: d.pop(0))
    assert refused(data_copy) == "symptoms.yaml: entry 'weakness': a contract symptom id is missing"


def test_refuses_a_wrong_type(data_copy: Path) -> None:
    edit(data_copy, "limits.yaml", lambda d: d["caffeine_adult_max_mg"].update(value="lots"))
    assert refused(data_copy) == "limits.yaml: entry 'caffeine_adult_max_mg': value: expected a number, got text"


def test_refuses_invalid_yaml(data_copy: Path) -> None:
    (data_copy / "sources.yaml").write_text("- id: S1\n  tier: [A\n")
    assert refused(data_copy).startswith("sources.yaml: line")
