"""smo: Social Media Optimization engine.

Strategy, site audit, post text, measurement: typed models and pure functions, computed by the
same Rust core that serves Rust tools and mobile apps, so the same inputs give the same results
everywhere.

>>> import smo
>>> strategy = smo.Strategy.example()
>>> findings = strategy.validate(today="2026-11-21")
>>> sorted({f.severity for f in findings})
['error', 'notice', 'warning']
"""

# The native module lists its public names in `__all__` (and so do its stubs, `_smo.pyi`):
# re-exporting them all keeps one list to maintain.
from smo._smo import *  # noqa: F403
from smo._smo import __all__ as __all__
