"""The fixed names of the public contract (shared/spec/check-contract.md).

Other programs rely on these strings: extend them, never rename or drop one.
"""

from __future__ import annotations

from enum import StrEnum


class Disposition(StrEnum):
    """How soon to see a doctor, least urgent first so that ``rank`` orders them.

    Comparisons go by urgency: as a ``str`` enum it would otherwise compare alphabetically.
    """

    SELF_CARE = "self_care"
    ROUTINE = "routine"
    URGENT = "urgent"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        return _DISPOSITION_ORDER.index(self)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Disposition):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Disposition):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Disposition):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Disposition):
            return NotImplemented
        return self.rank >= other.rank


_DISPOSITION_ORDER = list(Disposition)

SEXES = ("female", "male", "other")

REGIONS = (
    "eyelid", "face", "tongue", "neck", "shoulder", "upper_arm", "forearm", "hand",
    "chest", "abdomen", "back", "buttock", "thigh", "knee", "calf", "shin", "foot",
    "widespread",
)  # fmt: skip

SIDES = ("left", "right", "both", "midline")

# Symptom ids named by the contract, in its order.  The knowledge base may add more
# (each added id is declared in kb/data/symptoms.yaml); these may never disappear.
CONTRACT_SYMPTOMS = (
    "weakness", "stiffness", "muscle_wasting", "cramps", "pain", "numbness", "tingling",
    "tripping_or_foot_drop", "loss_of_dexterity", "slurred_speech", "swallowing_difficulty",
    "breathing_difficulty", "breathless_lying_flat", "tongue_twitching", "spreading",
    "getting_worse", "sudden_one_sided_weakness", "face_droop", "sudden_speech_problem",
    "fever", "confusion_or_agitation", "seizure", "fainting", "severe_headache",
    "lip_or_fingertip_tingling", "hand_spasms", "weight_loss", "recent_fluid_loss",
    "insecticide_exposure", "new_medication",
)  # fmt: skip
