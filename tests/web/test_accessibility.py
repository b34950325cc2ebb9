"""Accessibility that can be measured without a browser: contrast of the palette, and that every
form control on every page has a label and every image a text alternative."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import post_form

STYLE = Path(__file__).parents[2] / "src" / "twitchwise" / "web" / "static" / "style.css"
# Text colour on background, as the stylesheet pairs them (WCAG 2 AA asks 4.5:1 for body text).
PAIRS = [
    ("--ink", "#ffffff"), ("--muted", "#ffffff"), ("--accent", "#ffffff"), ("--muted", "#f2f5f9"),
    ("#ffffff", "--emergency"), ("#ffffff", "--urgent"), ("#ffffff", "--routine"), ("#ffffff", "--self-care"),
    ("#ffffff", "--accent"), ("--ink", "#fdf0f0"), ("--ink", "#eef7f1"),
]  # fmt: skip


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_of_every_text_colour_is_at_least_4_5() -> None:
    palette = dict(re.findall(r"(--[a-z-]+):\s*(#[0-9a-f]{6})", STYLE.read_text()))
    for text, background in PAIRS:
        ratio = contrast(palette.get(text, text), palette.get(background, background))
        assert ratio >= 4.5, (text, background, round(ratio, 2))


# Graphics that carry meaning against what they sit on (WCAG 1.4.11 asks 3:1): the diary chart's
# bars and "not recorded" ticks, the body map's area outlines and chosen areas.
GRAPHICS = [("#1d4f91", "#f2f5f9"), ("#6b7480", "#f2f5f9"), ("#1d4f91", "#e3e7ed"), ("#1d4f91", "#bcd0ea")]


def test_contrast_of_every_meaningful_graphic_is_at_least_3() -> None:
    style = STYLE.read_text()
    for drawn, background in GRAPHICS:
        assert drawn in style and background in style, (drawn, background)  # the pairs the stylesheet uses
        assert contrast(drawn, background) >= 3, (drawn, background)


def test_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


class _Controls(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids_labelled: set[str] = set()
        self.open_labels = 0
        self.unlabelled: list[str] = []
        self.controls: list[tuple[str, dict[str, str | None], bool]] = []
        self.images_without_alt: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "label":
            self.open_labels += 1
            if found.get("for"):
                self.ids_labelled.add(str(found["for"]))
        if tag in ("input", "select", "textarea") and found.get("type") not in ("hidden", "submit"):
            self.controls.append((tag, found, self.open_labels > 0))
        if tag == "img" and not found.get("alt"):
            self.images_without_alt.append(str(found.get("src")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.open_labels -= 1


PAGES = ["/", "/check", "/log", "/log/twitch", "/log/twitch?site=left_calf", "/log/day", "/log/symptom",
         "/diary", "/diary/e1/edit", "/diary/e1/delete", "/insights", "/report", "/settings"]  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_every_control_has_a_label_and_every_image_a_text(client: TestClient, path: str) -> None:
    post_form(client, "/log/twitch", {"site": "left_calf", "count": "2"})
    page = client.get(path)
    assert page.status_code == 200
    parser = _Controls()
    parser.feed(page.text)
    for tag, attrs, wrapped in parser.controls:
        named = wrapped or attrs.get("id") in parser.ids_labelled or attrs.get("aria-label")
        assert named, f"{path}: a {tag} named {attrs.get('name')} has no label"
    assert not parser.images_without_alt, path
    assert re.search(r"<h1[^>]*>", page.text), f"{path} has no heading"
