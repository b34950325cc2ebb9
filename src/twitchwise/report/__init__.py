"""The doctor-ready report: what a GP can read in a minute, as HTML or PDF."""
