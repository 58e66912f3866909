"""Settings for the whole suite."""
from hypothesis import settings

# Hypothesis's per-example deadline is a timing assertion; speed is measured by the benchmarks instead,
# and a deadline only makes property tests flaky on a busy two-core machine.
settings.register_profile("outagewriter", deadline=None)
settings.load_profile("outagewriter")
