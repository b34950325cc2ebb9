"""The report as one self-contained HTML file (styles and charts inline), and as PDF (WeasyPrint)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from twitchwise.report.content import ReportContent, site_counts
from twitchwise.web import bodymap

_ENV = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_PROLOG = re.compile(r"\A.*?(?=<svg)", re.DOTALL)
_IDS = re.compile(r'(\bid="|href="#|url\(#)')


def html(content: ReportContent) -> str:
    """The report as HTML text; every value from the diary is escaped."""
    return _ENV.get_template("report.html").render(
        report=content, charts=_charts(content), map=_map(content), figures=bodymap.FIGURES
    )


def pdf(content: ReportContent) -> bytes:
    from weasyprint import HTML

    document: bytes = HTML(string=html(content)).write_pdf()
    return document


def _inline(svg_text: str, name: str) -> Markup:
    """Matplotlib's SVG without its XML prolog and with its ids made unique, to sit inside the page."""
    text = _PROLOG.sub("", svg_text, count=1)
    text = _IDS.sub(lambda m: f"{m.group(1)}{name}-", text)
    return Markup(text)  # our own drawing; matplotlib escapes its text


def _charts(content: ReportContent) -> dict[str, Markup]:
    import matplotlib

    from twitchwise.insights import charts
    from twitchwise.insights.table import daily_table

    figures = {}
    table = daily_table(content.entries, today=content.end)
    if table is not None and content.episodes:
        figures["timeline"] = charts.timeline_figure(table)
    if content.sites:
        figures["sites"] = charts.sites_figure(content.entries, today=content.end)
    if content.insights.status == "ok":
        figures["forest"] = charts.forest_figure(content.insights)
    with matplotlib.rc_context({"svg.fonttype": "none"}):  # text stays text: searchable, and smaller
        return {name: _inline(charts.svg(figure), name) for name, figure in figures.items()}


def _map(content: ReportContent) -> dict[str, Any]:
    """Episodes per drawn area ("both" counts on each side, "midline" on the unsided area)."""
    shown: Counter[str] = Counter()
    for (region, side), n in site_counts(content.entries).items():
        sides = ("left", "right") if side == "both" else (None,) if side in (None, "midline") else (side,)
        for each in sides:
            shown[f"{each}_{region}" if each else region] += n
    return {"counts": shown, "most": max(shown.values(), default=0)}
