"""The body map as a thumb meets it: targets big enough, every place reachable, sides and views right."""

from __future__ import annotations

from twitchwise.vocabulary import REGIONS
from twitchwise.web import bodymap


def test_every_target_is_at_least_44_pixels_on_a_phone() -> None:
    for _, caption, areas in bodymap.FIGURES:
        for area in areas:
            assert min(area.width, area.height) >= bodymap.MIN_TARGET, (caption, area.label, area.width, area.height)
    # 18.2 units of a 140-unit view drawn about 340 px wide at 375 px is 44 px, WCAG 2.5.5's size
    assert bodymap.MIN_TARGET * 340 / 140 >= 44


def test_targets_of_one_view_do_not_overlap() -> None:
    for _, caption, areas in bodymap.FIGURES:
        for i, a in enumerate(areas):
            for b in areas[i + 1 :]:
                apart = a.x + a.width <= b.x or b.x + b.width <= a.x or a.y + a.height <= b.y or b.y + b.height <= a.y
                assert apart, (caption, a.label, b.label)


def test_every_place_can_be_chosen_and_calves_and_eyelids_are_where_people_look() -> None:
    regions = {area.region for area in bodymap.all_sites()}
    assert regions >= set(REGIONS)
    views = {figure_id: {a.key for a in areas} for figure_id, _, areas in bodymap.FIGURES}
    assert {"left_calf", "right_calf"} <= views["front"] and {"left_calf", "right_calf"} <= views["back"]
    assert {"left_eyelid", "right_eyelid", "tongue"} <= views["face"]


def test_facing_views_put_the_person_s_right_on_the_viewer_s_left() -> None:
    for figure_id, _, areas in bodymap.FIGURES:
        pairs: dict[str, dict[str, float]] = {}
        for area in areas:
            if area.side:
                pairs.setdefault(area.region, {})[area.side] = area.x
        for region, sides in pairs.items():
            if figure_id == "back":
                assert sides["left"] < sides["right"], (figure_id, region)
            else:
                assert sides["right"] < sides["left"], (figure_id, region)
