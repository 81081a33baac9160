"""Type stubs of the native module `smo._smo` (hand-written; checked by mypy.stubtest)."""

import datetime
from collections.abc import Mapping, Sequence
from typing import Any, Final, Literal, TypedDict, final

__all__ = [
    "Entity",
    "Finding",
    "HandleCheck",
    "InvalidArgumentError",
    "InvalidValueError",
    "NetworkInfo",
    "ParseError",
    "Rule",
    "SmoError",
    "Strategy",
    "TextCount",
    "ThreadPart",
    "UnknownNetworkError",
    "UnknownRuleError",
    "WriteError",
    "__version__",
    "check_handle",
    "check_post",
    "escape_linkedin",
    "extract_entities",
    "extract_entities_batch",
    "extract_reply",
    "highlight_hits",
    "is_valid_url",
    "networks",
    "parse_text",
    "parse_text_batch",
    "rules",
    "share_endpoints",
    "share_url",
    "split_thread",
    "text_limits",
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

# --- text ---

_EntityKind = Literal["url", "mention", "list", "hashtag", "cashtag"]

class _EntityDict(TypedDict):
    kind: _EntityKind
    text: str
    start: int
    end: int
    start_utf16: int
    end_utf16: int
    start_byte: int
    end_byte: int

@final
class Entity:
    @property
    def kind(self) -> _EntityKind: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def start_utf16(self) -> int: ...
    @property
    def end_utf16(self) -> int: ...
    @property
    def start_byte(self) -> int: ...
    @property
    def end_byte(self) -> int: ...
    def to_dict(self) -> _EntityDict: ...
    def __eq__(self, value: object, /) -> bool: ...

class _TextCountDict(TypedDict):
    network: str
    field: str
    unit: str
    weighted_length: int
    length: int
    limit: int
    remaining: int
    valid: bool
    permillage: int
    display_range_start: int
    display_range_end: int
    valid_range_start: int
    valid_range_end: int
    overflow: int | None
    overflow_utf16: int | None
    overflow_byte: int | None
    graphemes: int
    code_points: int
    utf16: int
    bytes: int

@final
class TextCount:
    @property
    def network(self) -> str: ...
    @property
    def field(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def weighted_length(self) -> int: ...
    @property
    def length(self) -> int: ...
    @property
    def limit(self) -> int: ...
    @property
    def remaining(self) -> int: ...
    @property
    def valid(self) -> bool: ...
    @property
    def permillage(self) -> int: ...
    @property
    def display_range_start(self) -> int: ...
    @property
    def display_range_end(self) -> int: ...
    @property
    def valid_range_start(self) -> int: ...
    @property
    def valid_range_end(self) -> int: ...
    @property
    def overflow(self) -> int | None: ...
    @property
    def overflow_utf16(self) -> int | None: ...
    @property
    def overflow_byte(self) -> int | None: ...
    @property
    def graphemes(self) -> int: ...
    @property
    def code_points(self) -> int: ...
    @property
    def utf16(self) -> int: ...
    @property
    def bytes(self) -> int: ...
    def to_dict(self) -> _TextCountDict: ...
    def __bool__(self) -> bool: ...

class _ThreadPartDict(TypedDict):
    index: int
    total: int
    text: str
    post: str
    start: int
    end: int
    start_utf16: int
    end_utf16: int
    start_byte: int
    end_byte: int
    length: int
    limit: int

@final
class ThreadPart:
    @property
    def index(self) -> int: ...
    @property
    def total(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def post(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def start_utf16(self) -> int: ...
    @property
    def end_utf16(self) -> int: ...
    @property
    def start_byte(self) -> int: ...
    @property
    def end_byte(self) -> int: ...
    @property
    def length(self) -> int: ...
    @property
    def limit(self) -> int: ...
    def to_dict(self) -> _ThreadPartDict: ...

class _Media(TypedDict, total=False):
    kind: Literal["image", "video", "gif"]
    size_bytes: int
    width: int
    height: int
    duration_seconds: float
    alt_text: str

def parse_text(
    text: str,
    network: str = "x",
    *,
    field: str | None = None,
    x_version: int = 3,
    mastodon_max_characters: int | None = None,
    chars_unit: str | None = None,
) -> TextCount: ...
def parse_text_batch(
    texts: Sequence[str],
    network: str = "x",
    *,
    field: str | None = None,
    x_version: int = 3,
    mastodon_max_characters: int | None = None,
    chars_unit: str | None = None,
) -> list[TextCount]: ...
def extract_entities(text: str) -> list[Entity]: ...
def extract_entities_batch(texts: Sequence[str]) -> list[list[Entity]]: ...
def check_post(
    text: str,
    network: str = "x",
    *,
    content_type: str | None = None,
    media: Sequence[_Media] | None = None,
    link: str | None = None,
    field: str | None = None,
    disabled: Sequence[str] = ...,
    severities: Mapping[str, _Severity] = ...,
    x_version: int = 3,
    mastodon_max_characters: int | None = None,
) -> list[Finding]: ...
def split_thread(
    text: str,
    network: str = "x",
    numbering: bool = True,
    *,
    x_version: int = 3,
    mastodon_max_characters: int | None = None,
) -> list[ThreadPart]: ...
def share_url(
    network: str,
    *,
    url: str | None = None,
    text: str | None = None,
    title: str | None = None,
    hashtags: Sequence[str] = ...,
    via: str | None = None,
    media: str | None = None,
    instance: str | None = None,
) -> str: ...
def share_endpoints() -> list[dict[str, Any]]: ...
def text_limits() -> list[dict[str, Any]]: ...
def escape_linkedin(text: str) -> str: ...
def is_valid_url(url: str, require_protocol: bool = True) -> bool: ...
def extract_reply(text: str) -> str | None: ...
def highlight_hits(text: str, hits: Sequence[tuple[int, int]], tag: str = "em") -> str: ...
