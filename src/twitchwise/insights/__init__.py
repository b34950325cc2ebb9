"""Insights: which factors go with more twitching in one person's own diary — honestly.

``table`` turns the diary into a daily analysis table (missing days stay missing), ``model``
fits the joint negative-binomial model with calibrated p-values and false-discovery control
(Benjamini–Yekutieli), and ``verdicts`` words the result. The method and its evaluation follow
``shared/reference/triggers.md``; the simulation harness is in ``bench/triggers``.
"""
