"""Render harness results (results.json) as the markdown tables of bench/README.md.

python -m bench.triggers.render bench/triggers/results-core.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from bench.triggers.harness import COVERAGE_BAND


def render(results: list[dict[str, Any]]) -> str:
    lines = []
    for cell in results:
        lines += [f"**{cell['label']}** ({cell['replicates']} simulated diaries)", ""]
        lines.append("| method | says not enough data | P(≥1 flag) | FDR | power caf / ex@1 / str / alc@1 "
                     "| proxy flags sleep / steps | sign errors | 95% CI coverage, min–max over terms |")  # fmt: skip
        lines.append("|---|---|---|---|---|---|---|---|")
        for name, s in cell["methods"].items():
            power = " / ".join(f"{v:.2f}" for v in s["power"].values())
            proxy = " / ".join(f"{v:.2f}" for v in s["proxy_flags"].values())
            low, high = s["coverage_min"], s["coverage_max"]
            coverage = "—" if low is None else f"{low:.3f}–{high:.3f}"
            terms = s.get("coverage_terms") or {}  # absent from files written before it was kept
            outside = [f"{k} {v:.3f}" for k, v in terms.items() if not COVERAGE_BAND[0] <= v <= COVERAGE_BAND[1]]
            if outside:
                coverage += f" (outside the band: {', '.join(outside)})"
            lines.append(
                f"| {name} | {s['gated']:.2f} | {s['any_flag']:.3f} | {s['fdr']:.3f} | {power} | {proxy} "
                f"| {s['sign_errors']:.3f} | {coverage} |"
            )
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(render(json.loads(Path(sys.argv[1]).read_text())))
