"""The personal plan: what to do, in the order that matters most for this person."""

from __future__ import annotations

from collections.abc import Mapping

from twitchwise.kb.conditions import Facts
from twitchwise.kb.models import KnowledgeBase
from twitchwise.triage.assessment import FactorOut, PlanStep
from twitchwise.triage.text import fill
from twitchwise.vocabulary import Disposition

REASSURING_STEP = "dont_worry"


def build_plan(
    disposition: Disposition,
    factors: list[FactorOut],
    facts: Facts,
    kb: KnowledgeBase,
    values: Mapping[str, object],
    *,
    reassure: bool = True,
) -> list[PlanStep]:
    """Seeing a doctor first when needed; then the person's own factors, likeliest first;
    then the steps everyone with twitching is advised, ending with the diary and re-check."""
    entry = kb.dispositions[disposition]
    steps: list[str] = []
    plan = [PlanStep("see_a_doctor", fill(entry.plan, values), entry.time_frame, list(entry.sources))]
    if disposition is Disposition.EMERGENCY:
        return plan
    if disposition is Disposition.SELF_CARE:
        plan = []
    if facts.answers.medications:
        steps.append("keep_medicines")
    for factor in factors:
        steps.extend(kb.factor_index[factor.id].actions)
    steps.extend(_general_steps(disposition, facts, reassure=reassure))
    if not reassure:  # a red flag may still be open: no "try not to worry", whichever factor asked for it
        steps = [step for step in steps if step != REASSURING_STEP]
    for action_id in dict.fromkeys(steps):
        action = kb.actions[action_id]
        plan.append(PlanStep(action.id, fill(action.text, values), fill(action.target, values), list(action.sources)))
    return plan


def _general_steps(disposition: Disposition, facts: Facts, *, reassure: bool) -> list[str]:
    calm = reassure and disposition in (Disposition.SELF_CARE, Disposition.ROUTINE)
    steps = [REASSURING_STEP] if calm else []
    if facts.answers.symptom("cramps"):
        steps.append("stretch_massage")
    if disposition is Disposition.ROUTINE:
        steps.append("ask_about_blood_tests")
    steps.append("keep_diary")
    if disposition is Disposition.SELF_CARE:
        steps.append("recheck")
    return steps
