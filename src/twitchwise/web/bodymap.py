"""The body map: three views (front, back, and the face and eyelids close up), one shown at a time
on a phone, each area one site and side, every one at least 44 px across there.

Coordinates are in each view's own box (140 units wide).  Facing the viewer, the person's right
side is on the viewer's left, as in a drawing of someone facing you; the views say so.
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
    Area("face", None, 80, 16, 40, 44),
    Area("neck", None, 90, 61, 20, 19),
    *_pair("shoulder", 52, 122, 80, 26, 20, facing=True),
    Area("chest", None, 80, 102, 40, 22),
    Area("abdomen", None, 80, 126, 40, 40),
    *_pair("upper_arm", 49.5, 131.5, 102, 19, 56, facing=True),
    *_pair("forearm", 44, 138, 160, 19, 54, facing=True),
    *_pair("hand", 40, 140, 216, 20, 26, facing=True),
    *_pair("thigh", 79, 101, 170, 20, 80, facing=True),
    *_pair("knee", 79, 101, 252, 20, 19, facing=True),
    *_pair("calf", 80, 101, 273, 19, 74, facing=True),  # the lower leg: most lower-leg twitching is the calf
    *_pair("foot", 74, 104, 349, 22, 19, facing=True),
)
BACK: tuple[Area, ...] = (
    Area("back", None, 80, 84, 40, 74),
    *_pair("upper_arm", 49.5, 131.5, 102, 19, 56, facing=False),
    *_pair("buttock", 79, 101, 160, 20, 26, facing=False),
    *_pair("thigh", 79, 101, 188, 20, 62, facing=False),
    *_pair("calf", 80, 101, 272, 19, 72, facing=False),
)
FACE: tuple[Area, ...] = (
    *_pair("eyelid", 34, 78, 34, 28, 20, facing=True),
    Area("face", None, 30, 60, 80, 26),
    Area("tongue", None, 50, 90, 40, 20),
    Area("neck", None, 46, 116, 48, 20),
)
FIGURES = (("front", "Front", FRONT), ("back", "Back", BACK), ("face", "Face and eyelids", FACE))
MIN_TARGET = 18.2
"""Every area's smaller side, in figure units: at a phone's 375 px a figure is about 340 px wide for its
140 units, so 18.2 units is a 44 px target, the size WCAG 2.5.5 and Apple's guidelines ask for."""
# Places not drawn, offered in the list beside the map.
LISTED_ONLY = (
    Area("shin", "left", 0, 0, 0, 0),
    Area("shin", "right", 0, 0, 0, 0),
    Area("widespread", None, 0, 0, 0, 0),
)


def all_sites() -> list[Area]:
    """Every site once, in the order of the list (front, then back, then the rest)."""
    seen: dict[str, Area] = {}
    for area in (*FRONT, *BACK, *FACE, *LISTED_ONLY):
        seen.setdefault(area.key, area)
    return list(seen.values())


def site_from_key(key: str) -> tuple[str, str | None]:
    """``left_calf`` → ("calf", "left"); refuses anything not on the map or the list."""
    for area in all_sites():
        if area.key == key:
            return area.region, area.side
    raise KeyError(key)
