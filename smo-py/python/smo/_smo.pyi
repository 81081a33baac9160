"""Type stubs of the native module `smo._smo` (hand-written; checked by mypy.stubtest)."""

import datetime
from collections.abc import Mapping, Sequence
from typing import Any, Final, Literal, TypedDict, final

__all__ = [
    "Finding",
    "HandleCheck",
    "InvalidArgumentError",
    "InvalidValueError",
    "NetworkInfo",
    "ParseError",
    "Rule",
    "SmoError",
    "Strategy",
    "UnknownNetworkError",
    "UnknownRuleError",
    "WriteError",
    "__version__",
    "check_handle",
    "networks",
    "rules",
]

__version__: Final[str]

_Severity = Literal["error", "warning", "notice"]

# --- errors ---

class SmoError(ValueError):
    """Base class of every smo error."""

class ParseError(SmoError):
    """A document could not be read (syntax, types, missing fields)."""

    line: int | None
    column: int | None
    path: str | None
    format: str

class InvalidValueError(SmoError):
    """A value was read but breaks a rule of the model."""

    path: str

class UnknownNetworkError(SmoError): ...
class UnknownRuleError(SmoError): ...
class InvalidArgumentError(SmoError): ...
class WriteError(SmoError): ...

# --- foundation: findings, rules, networks, handles, strategy ---

class _FindingDict(TypedDict):
    rule: str
    severity: _Severity
    message: str
    path: str | None
    fix: str | None
    source: str
    line: int | None
    column: int | None
    start_byte: int | None
    end_byte: int | None

@final
class Finding:
    @property
    def rule(self) -> str: ...
    @property
    def severity(self) -> _Severity: ...
    @property
    def message(self) -> str: ...
    @property
    def path(self) -> str | None: ...
    @property
    def fix(self) -> str | None: ...
    @property
    def source(self) -> str: ...
    @property
    def line(self) -> int | None: ...
    @property
    def column(self) -> int | None: ...
    @property
    def start_byte(self) -> int | None: ...
    @property
    def end_byte(self) -> int | None: ...
    def to_dict(self) -> _FindingDict: ...
    def __eq__(self, value: object, /) -> bool: ...

class _RuleDict(TypedDict):
    id: str
    family: str
    title: str
    description: str
    default_severity: _Severity
    source: str

@final
class Rule:
    @property
    def id(self) -> str: ...
    @property
    def family(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def default_severity(self) -> _Severity: ...
    @property
    def source(self) -> str: ...
    def to_dict(self) -> _RuleDict: ...

def rules() -> list[Rule]: ...

@final
class NetworkInfo:
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def profile_url(self) -> str: ...
    @property
    def content_types(self) -> list[str]: ...
    @property
    def metrics(self) -> list[str]: ...
    @property
    def handle_rule(self) -> dict[str, Any]: ...
    def to_dict(self) -> dict[str, Any]: ...

def networks() -> list[NetworkInfo]: ...

class _HandleCheckDict(TypedDict):
    network: str
    input: str
    display: str
    normalized: str
    valid: bool
    problems: list[str]

@final
class HandleCheck:
    @property
    def network(self) -> str: ...
    @property
    def input(self) -> str: ...
    @property
    def display(self) -> str: ...
    @property
    def normalized(self) -> str: ...
    @property
    def valid(self) -> bool: ...
    @property
    def problems(self) -> list[str]: ...
    def to_dict(self) -> _HandleCheckDict: ...
    def __bool__(self) -> bool: ...

def check_handle(network: str, handle: str) -> HandleCheck: ...

@final
class Strategy:
    @staticmethod
    def from_toml(text: str) -> Strategy: ...
    @staticmethod
    def from_json(text: str) -> Strategy: ...
    @staticmethod
    def example() -> Strategy: ...
    def to_json(self) -> str: ...
    def to_toml(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    @property
    def brand_name(self) -> str: ...
    @property
    def site(self) -> str: ...
    def validate(
        self,
        today: datetime.date | str | None = None,
        disabled: Sequence[str] = ...,
        severities: Mapping[str, _Severity] = ...,
    ) -> list[Finding]: ...
    def __eq__(self, value: object, /) -> bool: ...
