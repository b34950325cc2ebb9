"""Body sites in everyday words, for the guided check ("left calf, both thighs")."""

from __future__ import annotations

import re

from twitchwise.answers import Site
from twitchwise.errors import InputError

REGION_WORDS: dict[str, str] = {
    "eye": "eyelid", "eyes": "eyelid", "eyelid": "eyelid", "eyelids": "eyelid",
    "face": "face", "cheek": "face", "cheeks": "face", "lip": "face", "lips": "face", "jaw": "face",
    "tongue": "tongue", "neck": "neck", "shoulder": "shoulder", "shoulders": "shoulder",
    "arm": "upper_arm", "arms": "upper_arm", "upper arm": "upper_arm", "upper arms": "upper_arm",
    "bicep": "upper_arm", "biceps": "upper_arm", "tricep": "upper_arm", "triceps": "upper_arm",
    "forearm": "forearm", "forearms": "forearm", "hand": "hand", "hands": "hand",
    "thumb": "hand", "thumbs": "hand", "finger": "hand", "fingers": "hand",
    "chest": "chest", "abdomen": "abdomen", "stomach": "abdomen", "belly": "abdomen", "tummy": "abdomen",
    "back": "back", "buttock": "buttock", "buttocks": "buttock", "bum": "buttock", "glute": "buttock",
    "glutes": "buttock", "thigh": "thigh", "thighs": "thigh", "quad": "thigh", "quads": "thigh",
    "hamstring": "thigh", "hamstrings": "thigh", "knee": "knee", "knees": "knee",
    "calf": "calf", "calves": "calf", "calve": "calf", "shin": "shin", "shins": "shin",
    "foot": "foot", "feet": "foot", "toe": "foot", "toes": "foot", "arch": "foot",
    "all over": "widespread", "everywhere": "widespread", "widespread": "widespread",
    "whole body": "widespread",
}  # fmt: skip
SIDE_WORDS = {"left": "left", "right": "right", "both": "both", "middle": "midline", "midline": "midline"}
AMBIGUOUS = {"leg": "thigh, knee, calf, shin or foot", "legs": "thigh, knee, calf, shin or foot"}
_PLURALS = {"calves", "thighs", "shins", "feet", "knees", "hands", "forearms", "shoulders", "eyes", "eyelids"}


def site_name(region: str, side: str | None) -> str:
    """A site in words: "left calf", "upper arm"."""
    return f"{side} {region}".replace("_", " ") if side else region.replace("_", " ")


def parse_sites(text: str) -> list[Site]:
    """Parse a comma- or "and"-separated list of places; raise ``InputError`` if unclear."""
    pieces = [p.strip() for p in re.split(r",|;|\band\b|\+", text.lower()) if p.strip()]
    if not pieces:
        raise InputError("sites", "name at least one place, for example 'left calf'")
    return list(dict.fromkeys(_parse_piece(piece) for piece in pieces))


def _parse_piece(piece: str) -> Site:
    words = re.findall(r"[a-z]+", piece)
    side = next((SIDE_WORDS[w] for w in words if w in SIDE_WORDS), None)
    text = " ".join(words)
    for phrase in sorted(REGION_WORDS, key=len, reverse=True):
        if re.search(rf"\b{phrase}\b", text):
            region = REGION_WORDS[phrase]
            if side is None and phrase in _PLURALS:
                side = "both"
            return Site(region=region, side=None if region == "widespread" else side)  # type: ignore[arg-type]
    for word in words:
        if word in AMBIGUOUS:
            raise InputError("sites", f"which part of the leg: {AMBIGUOUS[word]}?")
    raise InputError("sites", "place not recognised; try words like calf, thigh, eyelid, hand, or 'all over'")
