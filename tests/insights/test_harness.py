"""A small configuration of the simulation harness (bench/triggers): the shipped method keeps
false flags at the nominal level where the consumer-app baseline does not.  The full grid runs
on demand (`make bench-triggers`); its figures are in bench/README.md."""

from __future__ import annotations

import math

from bench.triggers.dgp import Scenario
from bench.triggers.harness import COVERAGE_BAND, evaluate
from bench.triggers.methods import SHIPPED

REPLICATES = 200


def test_global_null_at_180_days() -> None:
    scores = evaluate(Scenario(days=180, rr=1.0), REPLICATES, [SHIPPED, "naive same-day Pearson"], seed=11)
    shipped, naive = scores[SHIPPED].summary(), scores["naive same-day Pearson"].summary()
    margin = 2 * math.sqrt(0.1 * 0.9 / REPLICATES)  # two Monte-Carlo standard errors around 0.10
    assert shipped.gated < 0.1
    assert shipped.any_flag <= 0.10 + margin
    assert naive.any_flag >= 0.30  # what consumer apps show people
    assert shipped.coverage_all is not None and COVERAGE_BAND[0] <= shipped.coverage_all <= COVERAGE_BAND[1]
