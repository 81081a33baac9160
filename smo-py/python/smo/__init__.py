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

from smo._smo import (
    Finding,
    HandleCheck,
    InvalidArgumentError,
    InvalidValueError,
    NetworkInfo,
    PageAudit,
    PageFeatures,
    ParseError,
    Rule,
    Scores,
    SiteReport,
    SmoError,
    Strategy,
    UnknownNetworkError,
    UnknownRuleError,
    WriteError,
    __version__,
    audit_page,
    audit_site,
    check_handle,
    example_site,
    networks,
    rules,
)

__all__ = [
    "Finding",
    "HandleCheck",
    "InvalidArgumentError",
    "InvalidValueError",
    "NetworkInfo",
    "PageAudit",
    "PageFeatures",
    "ParseError",
    "Rule",
    "Scores",
    "SiteReport",
    "SmoError",
    "Strategy",
    "UnknownNetworkError",
    "UnknownRuleError",
    "WriteError",
    "__version__",
    "audit_page",
    "audit_site",
    "check_handle",
    "example_site",
    "networks",
    "rules",
]
