"""Draw the app's PNG icons (for "Add to home screen") from the same design as ``static/icon.svg``:
a blue square with a white pulse line.  Run once when the design changes; the PNGs are committed.

    uv run python tools/make_icons.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

STATIC = Path(__file__).parents[1] / "src" / "twitchwise" / "web" / "static"
BLUE, WHITE = (29, 79, 145, 255), (255, 255, 255, 255)
PULSE = [(5, 17), (11, 17), (14, 9), (18, 23), (21, 17), (27, 17)]  # icon.svg's path, in its 32-unit box


def icon(size: int, *, maskable: bool) -> Image.Image:
    scale = 4  # draw large, then shrink: smooth edges without an SVG renderer
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:  # a full square: the launcher cuts its own shape, keeping the middle 80 %
        draw.rectangle((0, 0, big, big), fill=BLUE)
        inset, unit = big * 0.2, big * 0.6 / 32
    else:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 6 / 32, fill=BLUE)
        inset, unit = 0.0, big / 32
    points = [(inset + x * unit, inset + y * unit) for x, y in PULSE]
    width = round(3 * unit)
    draw.line(points, fill=WHITE, width=width, joint="curve")
    for x, y in (points[0], points[-1]):
        draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=WHITE)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    for size in (192, 512):
        icon(size, maskable=False).save(STATIC / f"icon-{size}.png", optimize=True)
    icon(512, maskable=True).save(STATIC / "icon-maskable-512.png", optimize=True)
    icon(180, maskable=True).convert("RGB").save(STATIC / "apple-touch-icon.png", optimize=True)


if __name__ == "__main__":
    main()
