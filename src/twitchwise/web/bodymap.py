"""The clickable body map: two figures (front and back), each area one site and side.

Coordinates are in a 200 × 400 box per figure.  On the front figure the person's right side is
on the viewer's left, as in a mirror-less drawing of someone facing you; both figures say so.
"""

from __future__ import annotations

from dataclasses import dataclass

from twitchwise.sites import site_name


@dataclass(frozen=True)
class Area:
    region: str
    side: str | None
    x: float
    y: float
    width: float
    height: float

    @property
    def key(self) -> str:
        """The site as one token, for forms and links: ``left_calf``, ``face``."""
        return f"{self.side}_{self.region}" if self.side else self.region

    @property
    def label(self) -> str:
        return site_name(self.region, self.side)


def _pair(region: str, x_viewer_left: float, x_viewer_right: float, y: float, w: float, h: float, *,
          facing: bool) -> list[Area]:  # fmt: skip
    """A left and a right area; facing the viewer, the person's right is on the viewer's left."""
    left_x, right_x = (x_viewer_right, x_viewer_left) if facing else (x_viewer_left, x_viewer_right)
    return [Area(region, "left", left_x, y, w, h), Area(region, "right", right_x, y, w, h)]


FRONT: tuple[Area, ...] = (
    *_pair("eyelid", 84, 104, 30, 12, 7, facing=True),
    Area("face", None, 82, 40, 36, 22),
    Area("neck", None, 90, 66, 20, 14),
    *_pair("shoulder", 52, 122, 82, 26, 18, facing=True),
    Area("chest", None, 80, 84, 40, 38),
    Area("abdomen", None, 80, 124, 40, 42),
    *_pair("upper_arm", 50, 132, 102, 18, 56, facing=True),
    *_pair("forearm", 44, 138, 160, 18, 54, facing=True),
    *_pair("hand", 40, 140, 216, 20, 26, facing=True),
    *_pair("thigh", 79, 101, 170, 20, 80, facing=True),
    *_pair("knee", 79, 101, 252, 20, 18, facing=True),
    *_pair("shin", 80, 102, 272, 18, 76, facing=True),
    *_pair("foot", 74, 104, 350, 22, 14, facing=True),
)
BACK: tuple[Area, ...] = (
    Area("back", None, 80, 84, 40, 74),
    *_pair("upper_arm", 50, 132, 102, 18, 56, facing=False),
    *_pair("buttock", 79, 101, 160, 20, 26, facing=False),
    *_pair("thigh", 79, 101, 188, 20, 62, facing=False),
    *_pair("calf", 80, 102, 272, 18, 72, facing=False),
)
FIGURES = (("front", "Front", FRONT), ("back", "Back", BACK))
# Places not drawn, offered in the list beside the map.
LISTED_ONLY = (Area("tongue", None, 0, 0, 0, 0), Area("widespread", None, 0, 0, 0, 0))


def all_sites() -> list[Area]:
    """Every site once, in the order of the list (front, then back, then the rest)."""
    seen: dict[str, Area] = {}
    for area in (*FRONT, *BACK, *LISTED_ONLY):
        seen.setdefault(area.key, area)
    return list(seen.values())


def site_from_key(key: str) -> tuple[str, str | None]:
    """``left_calf`` → ("calf", "left"); refuses anything not on the map or the list."""
    for area in all_sites():
        if area.key == key:
            return area.region, area.side
    raise KeyError(key)
