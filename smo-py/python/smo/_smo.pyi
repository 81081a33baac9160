"""Type stubs of the native module `smo._smo` (hand-written; checked by mypy.stubtest)."""

import datetime
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final, Literal, Protocol, TypedDict, final, overload

__all__ = [
    "Entity",
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
    "Sentiment",
    "SiteReport",
    "SmoError",
    "Strategy",
    "TextCount",
    "ThreadPart",
    "UnknownNetworkError",
    "UnknownRuleError",
    "WriteError",
    "__version__",
    "audit_page",
    "audit_pages",
    "audit_site",
    "check_handle",
    "check_post",
    "escape_linkedin",
    "example_site",
    "extract_entities",
    "extract_entities_batch",
    "extract_reply",
    "highlight_hits",
    "is_valid_url",
    "networks",
    "parse_text",
    "parse_text_batch",
    "rules",
    "sentiment",
    "sentiment_batch",
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
    offset: int
    """Byte offset in a query (queries only)."""
    token: str
    """The token at fault (queries only)."""

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
    page: str | None

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
    @property
    def page(self) -> str | None: ...
    def to_dict(self) -> _FindingDict: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

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
    def __reduce__(self) -> tuple[Any, ...]: ...

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
    def __reduce__(self) -> tuple[Any, ...]: ...

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
    def __reduce__(self) -> tuple[Any, ...]: ...

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
    def queries(self) -> dict[str, Query]: ...
    def validate(
        self,
        today: datetime.date | str | None = None,
        disabled: Sequence[str] = ...,
        severities: Mapping[str, _Severity] = ...,
    ) -> list[Finding]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

# --- measure: data, KPIs, objectives, traffic, UTM, report ---

__all__ += [
    "DataRowError",
    "Dataset",
    "ArrowTable",
    "CsvGroupResult",
    "GroupResult",
    "KpiValue",
    "LoadResult",
    "Referrer",
    "RejectedRow",
    "Report",
    "Recommendation",
    "Advice",
    "advise",
    "access_log_breakdown",
    "bounce_rate",
    "channel_group",
    "channel_groups",
    "classify_referrer",
    "classify_referrers",
    "click_through_rate",
    "conversion_rate",
    "cost_per",
    "cpc",
    "cpm",
    "daily_engagement_rate",
    "engagement_rate",
    "engagement_rate_of",
    "expected",
    "follower_growth_rate",
    "group_post_columns",
    "group_posts",
    "group_posts_csv",
    "kpi",
    "kpi_canonical",
    "kpi_formulas",
    "lint_utm",
    "load_accounts",
    "load_costs",
    "load_posts",
    "load_web",
    "net_sentiment",
    "parse_utm",
    "per_follower",
    "per_post",
    "progress",
    "report",
    "response_rate",
    "response_time",
    "roas",
    "roi",
    "share_of_voice",
    "track_objectives",
    "traffic_breakdown",
    "utm_url",
    "virality_rate",
]

_Records = Sequence[Mapping[str, Any]] | Any  # a list of dicts or a pandas DataFrame
_DateLike = datetime.date | str

class DataRowError(SmoError):
    """A data row was rejected by a loader in strict mode."""

    table: str
    line: int
    field: str | None

class _RejectedDict(TypedDict):
    line: int
    record: int
    field: str | None
    reason: str

@final
class RejectedRow:
    @property
    def line(self) -> int: ...
    @property
    def record(self) -> int: ...
    @property
    def field(self) -> str | None: ...
    @property
    def reason(self) -> str: ...
    def to_dict(self) -> _RejectedDict: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class LoadResult:
    @property
    def table(self) -> Literal["posts", "accounts", "web", "costs", "mentions", "partners"]: ...
    @property
    def mentions(self) -> list[Mention]: ...
    @property
    def rejected(self) -> list[RejectedRow]: ...
    @property
    def ignored_columns(self) -> list[str]: ...
    @property
    def columns(self) -> dict[str, str]: ...
    @property
    def total(self) -> int: ...
    def to_records(self) -> list[dict[str, Any]]: ...
    def to_columns(self) -> dict[str, list[Any]]: ...
    def __len__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def load_mentions(
    source: str | _Records,
    *,
    format: Literal["csv", "json", "jsonl"] | None = None,
    mapping: Mapping[str, str] | None = None,
    time_zone: str = "UTC",
    decimal_comma: bool = False,
    delimiter: str | None = None,
    datetime_format: str | None = None,
    strict: bool = False,
) -> LoadResult: ...
def load_partners(
    source: str | _Records,
    *,
    format: Literal["csv", "json", "jsonl"] | None = None,
    mapping: Mapping[str, str] | None = None,
    time_zone: str = "UTC",
    decimal_comma: bool = False,
    delimiter: str | None = None,
    datetime_format: str | None = None,
    strict: bool = False,
) -> LoadResult: ...
def load_posts(
    source: str | _Records,
    *,
    format: Literal["csv", "json", "jsonl"] | None = None,
    mapping: Mapping[str, str] | None = None,
    time_zone: str = "UTC",
    decimal_comma: bool = False,
    delimiter: str | None = None,
    datetime_format: str | None = None,
    strict: bool = False,
) -> LoadResult: ...
def load_accounts(
    source: str | _Records,
    *,
    format: Literal["csv", "json", "jsonl"] | None = None,
    mapping: Mapping[str, str] | None = None,
    time_zone: str = "UTC",
    decimal_comma: bool = False,
    delimiter: str | None = None,
    datetime_format: str | None = None,
    strict: bool = False,
) -> LoadResult: ...
def load_web(
    source: str | _Records,
    *,
    format: Literal["csv", "json", "jsonl"] | None = None,
    mapping: Mapping[str, str] | None = None,
    time_zone: str = "UTC",
    decimal_comma: bool = False,
    delimiter: str | None = None,
    datetime_format: str | None = None,
    strict: bool = False,
) -> LoadResult: ...
def load_costs(
    source: str | _Records,
    *,
    format: Literal["csv", "json", "jsonl"] | None = None,
    mapping: Mapping[str, str] | None = None,
    time_zone: str = "UTC",
    decimal_comma: bool = False,
    delimiter: str | None = None,
    datetime_format: str | None = None,
    strict: bool = False,
) -> LoadResult: ...

@final
class Dataset:
    def __new__(
        cls,
        posts: LoadResult | None = None,
        accounts: LoadResult | None = None,
        web: LoadResult | None = None,
        costs: LoadResult | None = None,
    ) -> Dataset: ...
    @staticmethod
    def example() -> Dataset: ...
    @property
    def posts(self) -> int: ...
    @property
    def accounts(self) -> int: ...
    @property
    def web(self) -> int: ...
    @property
    def costs(self) -> int: ...
    def to_dict(self) -> dict[str, list[dict[str, Any]]]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

class _ArrowStream(Protocol):
    """An object exporting Arrow data by the PyCapsule interface (pyarrow, Polars, DuckDB)."""

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...

class _ArrowArray(Protocol):
    def __arrow_c_array__(self, requested_schema: object | None = None) -> tuple[object, object]: ...

_Arrow = _ArrowStream | _ArrowArray

@final
class ArrowTable:
    """Record batches of a result; exports the Arrow PyCapsule interface."""

    @property
    def num_rows(self) -> int: ...
    @property
    def column_names(self) -> list[str]: ...
    @property
    def schema(self) -> list[tuple[str, str, bool]]: ...
    def __len__(self) -> int: ...
    def __arrow_c_schema__(self) -> object: ...
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...
    def to_pyarrow(self) -> Any: ...
    def to_pandas(self) -> Any: ...
    def to_polars(self) -> Any: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    @staticmethod
    def _from_arrow(data: _Arrow) -> ArrowTable: ...

_Data = Dataset | LoadResult | _Records

class _KpiDict(TypedDict):
    kpi: str
    value: float | None
    unit: str
    used: int
    excluded: int

@final
class KpiValue:
    @property
    def kpi(self) -> str: ...
    @property
    def value(self) -> float | None: ...
    @property
    def unit(self) -> str: ...
    @property
    def used(self) -> int: ...
    @property
    def excluded(self) -> int: ...
    def to_dict(self) -> _KpiDict: ...
    def __float__(self) -> float: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def kpi(spec: str, data: _Data) -> KpiValue: ...
def kpi_canonical(spec: str) -> str: ...
def kpi_formulas() -> list[dict[str, Any]]: ...
def engagement_rate(engagements: float, denominator: float) -> float | None: ...
def daily_engagement_rate(engagements: float, days: float, followers: float) -> float | None: ...
def per_post(actions: float, posts: float) -> float | None: ...
def per_follower(actions: float, followers: float) -> float | None: ...
def virality_rate(shares: float, impressions: float) -> float | None: ...
def follower_growth_rate(start: float, end: float) -> float | None: ...
def click_through_rate(clicks: float, impressions: float) -> float | None: ...
def cpm(cost: float, impressions: float) -> float | None: ...
def cpc(cost: float, clicks: float) -> float | None: ...
def cost_per(cost: float, units: float) -> float | None: ...
def conversion_rate(conversions: float, sessions: float) -> float | None: ...
def bounce_rate(bounces: float, sessions: float) -> float | None: ...
def roi(value: float, cost: float) -> float | None: ...
def roas(revenue: float, ad_spend: float) -> float | None: ...
@overload
def share_of_voice(brand: float, competitors: float, /) -> float | None: ...
@overload
def share_of_voice(
    mentions: _Mentions,
    brands: _Brands,
    /,
    *,
    period: _Period | None = None,
    by_network: bool = False,
    start: datetime.datetime | str | None = None,
    end: datetime.datetime | str | None = None,
    networks: Sequence[str] | None = None,
    filter: str | None = None,
    time_zone: str = "UTC",
) -> ShareOfVoice: ...
def response_rate(answered: float, received: float) -> float | None: ...
def progress(baseline: float, target: float, current: float) -> float | None: ...
def net_sentiment(
    positive: float, negative: float, neutral: float = 0.0, mode: Literal["polar", "all"] = "polar"
) -> float | None: ...
def response_time(
    times: Sequence[float], method: Literal["median", "mean", "fastest_share"] = "median", share: float = 0.9
) -> float | None: ...
def engagement_rate_of(
    posts: Sequence[tuple[float, float]], aggregation: Literal["mean", "ratio"] = "mean"
) -> float | None: ...
def expected(start: _DateLike, deadline: _DateLike, now: _DateLike) -> float | None: ...

_Period = Literal["day", "week", "month", "quarter"]

@final
class GroupResult:
    @property
    def kpis(self) -> list[str]: ...
    def to_records(self) -> list[dict[str, Any]]: ...
    def to_columns(self) -> dict[str, list[Any]]: ...
    def to_arrow(self) -> ArrowTable: ...
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...
    def __len__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def group_posts(
    data: _Data | _Arrow,
    kpis: Sequence[str],
    *,
    by: Sequence[str] = ...,
    period: _Period | None = None,
    time_zone: str = "UTC",
    mapping: Mapping[str, str] | None = None,
    threads: int | None = None,
) -> GroupResult: ...
@final
class CsvGroupResult:
    @property
    def groups(self) -> GroupResult: ...
    @property
    def rows(self) -> int: ...
    @property
    def rejected(self) -> list[RejectedRow]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def group_posts_csv(
    source: str | os.PathLike[str],
    kpis: Sequence[str],
    *,
    by: Sequence[str] = ...,
    period: _Period | None = None,
    time_zone: str = "UTC",
    mapping: Mapping[str, str] | None = None,
    decimal_comma: bool = False,
    delimiter: str | None = None,
    datetime_format: str | None = None,
    threads: int | None = None,
) -> CsvGroupResult: ...
def group_post_columns(
    columns: Mapping[str, Any],
    kpis: Sequence[str],
    *,
    by: Sequence[str] = ...,
    period: _Period | None = None,
    time_zone: str = "UTC",
    published_unit: Literal["s", "ms", "us", "ns"] = "s",
) -> GroupResult: ...
def track_objectives(
    strategy: Strategy,
    data: _Data,
    *,
    as_of: _DateLike | None = None,
    start: _DateLike | None = None,
    period: _Period = "month",
    trend_period: _Period = "week",
    time_zone: str = "UTC",
    min_periods: int = 6,
    tolerance: float = 0.1,
) -> list[dict[str, Any]]: ...

_Medium = Literal["social", "search", "email", "paid", "ai_assistant", "internal", "referral", "direct"]

class _ReferrerDict(TypedDict):
    medium: _Medium
    source: str
    network: str | None
    term: str | None
    host: str | None
    channel: str
    table_version: str

@final
class Referrer:
    @property
    def medium(self) -> _Medium: ...
    @property
    def source(self) -> str: ...
    @property
    def network(self) -> str | None: ...
    @property
    def term(self) -> str | None: ...
    @property
    def host(self) -> str | None: ...
    @property
    def channel(self) -> str: ...
    @property
    def table_version(self) -> str: ...
    def to_dict(self) -> _ReferrerDict: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def classify_referrer(
    referrer: str,
    page_url: str | None = None,
    *,
    internal_hosts: Sequence[str] = ...,
    mastodon_instances: Sequence[str] = ...,
    database: RefererDatabase | None = None,
) -> Referrer: ...
@overload
def classify_referrers(
    referrers: _Arrow,
    page_url: str | None = None,
    *,
    pages: _Arrow | None = None,
    internal_hosts: Sequence[str] = ...,
    mastodon_instances: Sequence[str] = ...,
    database: RefererDatabase | None = None,
    threads: int | None = None,
) -> ArrowTable: ...
@overload
def classify_referrers(
    referrers: Sequence[str],
    page_url: str | None = None,
    *,
    pages: None = None,
    internal_hosts: Sequence[str] = ...,
    mastodon_instances: Sequence[str] = ...,
    database: RefererDatabase | None = None,
    threads: int | None = None,
) -> dict[str, list[str | None]]: ...
def channel_group(source: str, medium: str, campaign: str = "") -> str: ...
def channel_groups(
    sources: Sequence[str], media: Sequence[str], campaigns: Sequence[str] | None = None
) -> list[str]: ...
def traffic_breakdown(
    referrers: Sequence[str],
    page_url: str | None = None,
    *,
    internal_hosts: Sequence[str] = ...,
    mastodon_instances: Sequence[str] = ...,
    database: RefererDatabase | None = None,
) -> dict[str, Any]: ...
def access_log_breakdown(
    source: str | os.PathLike[str] | _Arrow,
    *,
    site: str | None = None,
    include_assets: bool = False,
    include_bots: bool = False,
    include_errors: bool = False,
    internal_hosts: Sequence[str] = ...,
    mastodon_instances: Sequence[str] = ...,
    database: RefererDatabase | None = None,
) -> dict[str, Any]: ...
def utm_url(
    url: str,
    *,
    source: str,
    medium: str,
    campaign: str = "",
    id: str = "",
    term: str = "",
    content: str = "",
    source_platform: str = "",
    creative_format: str = "",
    marketing_tactic: str = "",
    existing: Literal["replace", "keep"] = "replace",
    lowercase: bool = True,
) -> str: ...
def parse_utm(url: str) -> dict[str, Any]: ...
def lint_utm(
    links: Sequence[str],
    *,
    site_hosts: Sequence[str] = ...,
    disabled: Sequence[str] = ...,
    severities: Mapping[str, str] = ...,
) -> list[Finding]: ...

@final
class Report:
    def to_json(self) -> str: ...
    def to_markdown(self) -> str: ...
    def to_html(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    @property
    def hash(self) -> str: ...
    @property
    def objectives(self) -> list[dict[str, Any]]: ...
    @property
    def recommendations(self) -> list[Recommendation]: ...
    def write(self, stem: str) -> list[str]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def report(
    strategy: Strategy,
    data: _Data,
    audit: Sequence[Finding | Mapping[str, Any]] | None = None,
    *,
    period: _Period = "month",
    start: _DateLike | None = None,
    end: _DateLike | None = None,
    time_zone: str = "UTC",
    top: int = 5,
    disabled: Sequence[str] = ...,
    severities: Mapping[str, str] = ...,
    calendar: CalendarPlan | None = None,
    watch: WatchBrief | None = None,
    advice: Advice | None = None,
) -> Report: ...

# --- advice: recommendations traced to evidence ---

_Priority = Literal["high", "medium", "low"]

class _EffectDict(TypedDict):
    kpi: str
    direction: Literal["up", "down"]

class _SourceDict(TypedDict, total=False):
    kind: Literal["smo_rule", "practice", "measurement"]
    smo_rule: str
    reference: str

class _ActionDict(TypedDict, total=False):
    text: str
    snippet: str

@final
class Recommendation:
    @property
    def id(self) -> str: ...
    @property
    def priority(self) -> _Priority: ...
    @property
    def title(self) -> str: ...
    @property
    def rationale(self) -> str: ...
    @property
    def evidence(self) -> list[dict[str, Any]]: ...
    @property
    def objective(self) -> str | None: ...
    @property
    def effect(self) -> _EffectDict | None: ...
    @property
    def actions(self) -> list[_ActionDict]: ...
    @property
    def source(self) -> _SourceDict: ...
    @property
    def subject(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Advice:
    @property
    def recommendations(self) -> list[Recommendation]: ...
    @property
    def comparisons(self) -> list[dict[str, Any]]: ...
    @property
    def inputs(self) -> list[str]: ...
    def records(self) -> list[dict[str, Any]]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_markdown(self) -> str: ...
    def __len__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def advise(
    strategy: Strategy,
    *,
    audit: SiteReport | None = None,
    posts: _Data | None = None,
    web: _Data | None = None,
    mentions: _Mentions | None = None,
    partners: PartnersReport | None = None,
    today: _DateLike | None = None,
    disabled: Sequence[str] = ...,
    priorities: Mapping[str, _Priority] = ...,
    alpha: float = 0.05,
    min_posts: int = 10,
    time_zone: str | None = None,
) -> Advice: ...

# --- audit: page and site social audit ---

_Status = Literal["pass", "fail", "not_applicable", "disabled"]

class _ScoresDict(TypedDict):
    previews: float | None
    discoverability: float | None
    sharing: float | None
    community: float | None
    overall: float | None

@final
class Scores:
    @property
    def previews(self) -> float | None: ...
    @property
    def discoverability(self) -> float | None: ...
    @property
    def sharing(self) -> float | None: ...
    @property
    def community(self) -> float | None: ...
    @property
    def overall(self) -> float | None: ...
    def to_dict(self) -> _ScoresDict: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class PageFeatures:
    @property
    def url(self) -> str: ...
    @property
    def lang(self) -> str | None: ...
    @property
    def title(self) -> str | None: ...
    @property
    def description(self) -> str | None: ...
    @property
    def canonical(self) -> str | None: ...
    @property
    def open_graph(self) -> dict[str, list[str]]: ...
    @property
    def twitter(self) -> dict[str, list[str]]: ...
    @property
    def meta(self) -> list[dict[str, Any]]: ...
    @property
    def og_images(self) -> list[dict[str, Any]]: ...
    @property
    def og_videos(self) -> list[dict[str, Any]]: ...
    @property
    def og_audios(self) -> list[dict[str, Any]]: ...
    @property
    def og_orphans(self) -> list[dict[str, Any]]: ...
    @property
    def canonicals(self) -> list[dict[str, Any]]: ...
    @property
    def hreflang(self) -> list[dict[str, Any]]: ...
    @property
    def feeds(self) -> list[dict[str, Any]]: ...
    @property
    def oembed(self) -> list[dict[str, Any]]: ...
    @property
    def icons(self) -> list[dict[str, Any]]: ...
    @property
    def json_ld(self) -> list[dict[str, Any]]: ...
    @property
    def share_links(self) -> list[dict[str, Any]]: ...
    @property
    def profiles(self) -> list[dict[str, Any]]: ...
    @property
    def comments(self) -> list[dict[str, Any]]: ...
    @property
    def social_login(self) -> list[dict[str, Any]]: ...
    @property
    def embeds(self) -> list[dict[str, Any]]: ...
    @property
    def reviews(self) -> list[dict[str, Any]]: ...
    @property
    def share_scripts(self) -> list[dict[str, Any]]: ...
    @property
    def parse(self) -> dict[str, Any]: ...
    @property
    def main_text(self) -> str: ...
    def og(self, key: str) -> str | None: ...
    def tw(self, key: str) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class PageAudit:
    @property
    def url(self) -> str: ...
    @property
    def features(self) -> PageFeatures: ...
    @property
    def findings(self) -> list[Finding]: ...
    @property
    def scores(self) -> Scores: ...
    @property
    def fix_html(self) -> str: ...
    @property
    def outcomes(self) -> dict[str, _Status]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def audit_pages(
    urls: _Arrow,
    html: _Arrow,
    *,
    disabled: Sequence[str] = ...,
    severities: Mapping[str, str] = ...,
    ratio_tolerance: float = 0.1,
    allowed_hosts: Sequence[str] = ...,
    site_name: str | None = None,
    x_handle: str | None = None,
    limits: Mapping[str, int] | None = None,
    threads: int | None = None,
) -> ArrowTable: ...
def audit_page(
    html: str | bytes,
    url: str,
    *,
    disabled: Sequence[str] = ...,
    severities: Mapping[str, str] = ...,
    ratio_tolerance: float = 0.1,
    allowed_hosts: Sequence[str] = ...,
    site_name: str | None = None,
    x_handle: str | None = None,
    limits: Mapping[str, int] | None = None,
) -> PageAudit: ...

class _FindingRecord(TypedDict):
    url: str
    rule: str
    severity: _Severity
    category: str
    message: str
    path: str | None
    line: int | None
    column: int | None
    byte_offset: int | None
    fix: str | None
    source: str

@final
class SiteReport:
    @property
    def pages(self) -> list[dict[str, Any]]: ...
    @property
    def coverage(self) -> list[dict[str, Any]]: ...
    @property
    def rule_hits(self) -> list[dict[str, Any]]: ...
    @property
    def handles(self) -> list[dict[str, Any]]: ...
    @property
    def inconsistencies(self) -> list[Finding]: ...
    @property
    def strategy_check(self) -> list[Finding]: ...
    @property
    def scores(self) -> Scores: ...
    def findings_records(self) -> list[_FindingRecord]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __len__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def audit_site(
    pages: Iterable[tuple[str, str | bytes]],
    strategy: Strategy | None = None,
    threads: int | None = None,
    *,
    disabled: Sequence[str] = ...,
    severities: Mapping[str, str] = ...,
    ratio_tolerance: float = 0.1,
    allowed_hosts: Sequence[str] = ...,
    limits: Mapping[str, int] | None = None,
) -> SiteReport: ...
def example_site() -> list[tuple[str, str]]: ...

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
    def __reduce__(self) -> tuple[Any, ...]: ...

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
    def __reduce__(self) -> tuple[Any, ...]: ...

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
    def __reduce__(self) -> tuple[Any, ...]: ...

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
    content_warning: str | None = None,
) -> TextCount: ...
@overload
def parse_text_batch(
    texts: _Arrow,
    network: str = "x",
    *,
    field: str | None = None,
    x_version: int = 3,
    mastodon_max_characters: int | None = None,
    chars_unit: str | None = None,
    content_warning: str | None = None,
    threads: int | None = None,
) -> ArrowTable: ...
@overload
def parse_text_batch(
    texts: Sequence[str],
    network: str = "x",
    *,
    field: str | None = None,
    x_version: int = 3,
    mastodon_max_characters: int | None = None,
    chars_unit: str | None = None,
    content_warning: str | None = None,
    threads: int | None = None,
) -> list[TextCount]: ...
def extract_entities(text: str) -> list[Entity]: ...
@overload
def extract_entities_batch(texts: _Arrow, *, threads: int | None = None) -> ArrowTable: ...
@overload
def extract_entities_batch(
    texts: Sequence[str], *, threads: int | None = None
) -> list[list[Entity]]: ...
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
    content_warning: str | None = None,
) -> list[Finding]: ...
def split_thread(
    text: str,
    network: str = "x",
    numbering: bool = True,
    *,
    x_version: int = 3,
    mastodon_max_characters: int | None = None,
    content_warning: str | None = None,
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

# --- calendar: the editorial calendar ---

__all__ += [
    "CalendarEvent",
    "CalendarPlan",
    "CalendarSlot",
    "holidays",
    "plan_calendar",
    "read_ics",
]

_EventKind = Literal["holiday", "blackout", "campaign"]
_ZonePolicy = Literal["per_zone", "compromise"]
_DatePolicy = Literal["move", "flag", "skip"]

class _WindowDict(TypedDict, total=False):
    network: str
    days: list[str]
    start: str
    end: str
    label: str

class _DraftDict(TypedDict, total=False):
    text: str
    link: str
    content_warning: str
    content_type: str

@final
class CalendarEvent:
    def __new__(
        cls,
        start: _DateLike,
        name: str,
        *,
        end: _DateLike | None = None,
        kind: _EventKind = "blackout",
        networks: Sequence[str] = ...,
        source: str = "host",
    ) -> CalendarEvent: ...
    @property
    def start(self) -> datetime.date: ...
    @property
    def end(self) -> datetime.date: ...
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> _EventKind: ...
    @property
    def networks(self) -> list[str]: ...
    @property
    def source(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class CalendarSlot:
    @property
    def id(self) -> str: ...
    @property
    def start(self) -> datetime.datetime: ...
    @property
    def date(self) -> datetime.date: ...
    @property
    def local_time(self) -> datetime.time: ...
    @property
    def zone(self) -> str: ...
    @property
    def network(self) -> str: ...
    @property
    def handle(self) -> str: ...
    @property
    def pillar(self) -> str | None: ...
    @property
    def content_type(self) -> str | None: ...
    @property
    def audiences(self) -> list[str]: ...
    @property
    def reason(self) -> str: ...
    @property
    def adjustment(self) -> Literal["gap", "fold"] | None: ...
    @property
    def campaign(self) -> str | None: ...
    @property
    def moved_from(self) -> datetime.date | None: ...
    @property
    def draft(self) -> str | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class CalendarPlan:
    @property
    def slots(self) -> list[CalendarSlot]: ...
    @property
    def findings(self) -> list[Finding]: ...
    @property
    def start(self) -> datetime.date: ...
    @property
    def end(self) -> datetime.date: ...
    @property
    def channels(self) -> list[dict[str, Any]]: ...
    @property
    def pillars(self) -> list[dict[str, Any]]: ...
    @property
    def reach(self) -> list[dict[str, Any]]: ...
    @property
    def events(self) -> list[CalendarEvent]: ...
    def records(self) -> list[dict[str, Any]]: ...
    def to_ics(
        self, *, stamp: datetime.datetime | str | None = None, utc: bool = False, sequence: int = 0
    ) -> str: ...
    def to_csv(self, layout: Literal["smo", "hootsuite"] = "smo", *, network: str | None = None) -> str: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_markdown(self) -> str: ...
    def __len__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def plan_calendar(
    strategy: Strategy,
    start: _DateLike,
    end: _DateLike,
    *,
    zone_policy: _ZonePolicy = "per_zone",
    holidays: str | Sequence[CalendarEvent] | None = None,
    events: Sequence[CalendarEvent] | None = None,
    date_policy: _DatePolicy = "move",
    history: _Data | None = None,
    min_history_posts: int = 30,
    windows: Sequence[_WindowDict] | None = None,
    drafts: Mapping[str, str | _DraftDict] | None = None,
    now: datetime.datetime | str | None = None,
    min_gap_minutes: int = 180,
    repeat_days: int = 14,
    pillar_tolerance: float = 5.0,
    min_window_share: float = 0.5,
    disabled: Sequence[str] = ...,
    severities: Mapping[str, str] = ...,
) -> CalendarPlan: ...
def holidays(region: str, start: _DateLike, end: _DateLike) -> list[CalendarEvent]: ...
def read_ics(
    text: str,
    *,
    start: _DateLike | None = None,
    end: _DateLike | None = None,
    kind: _EventKind = "holiday",
) -> list[CalendarEvent]: ...

# --- listening: mentions and monitoring queries ---

__all__ += [
    "Mention",
    "Query",
    "load_mentions",
    "search",
]

@final
class Mention:
    def __new__(
        cls,
        id: str,
        text: str,
        published: datetime.datetime | str,
        *,
        network: str | None = None,
        author: str = "",
        author_name: str | None = None,
        followers: int | None = None,
        lang: str | None = None,
        url: str | None = None,
        parent: str | None = None,
        likes: int | None = None,
        reposts: int | None = None,
        replies: int | None = None,
        quotes: int | None = None,
        views: int | None = None,
        reach: int | None = None,
        brand: str | None = None,
    ) -> Mention: ...
    @property
    def id(self) -> str: ...
    @property
    def text(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

_MentionLike = Mention | Mapping[str, Any]

class _WarningDict(TypedDict):
    offset: int
    message: str

@final
class Query:
    def __new__(cls, text: str) -> Query: ...
    @property
    def text(self) -> str: ...
    @property
    def warnings(self) -> list[_WarningDict]: ...
    def matches(self, mention: _MentionLike) -> bool: ...
    def explain(self, mention: _MentionLike) -> dict[str, Any]: ...
    def to_fts5(self) -> str: ...
    def to_elasticsearch(self) -> dict[str, Any]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def search(queries: Sequence[Query | str], mentions: Sequence[_MentionLike]) -> list[list[str]]: ...
# --- listening: sentiment ---

_Lang = Literal["en", "fr"]
_Label = Literal["positive", "neutral", "negative"]
_SentimentRule = Literal[
    "caps", "booster", "dampener", "negation", "contrast-before", "contrast-after",
    "exclamation", "question",
]

class _Effect(TypedDict):
    rule: _SentimentRule
    trigger: str
    start_byte: int
    end_byte: int
    op: Literal["add", "multiply"]
    value: float
    result: float

class _TraceEntry(TypedDict):
    token: str
    lexeme: str
    source: Literal["word", "hashtag", "emoji"]
    start_byte: int
    end_byte: int
    valence: float
    effects: list[_Effect]
    score: float

class _Detection(TypedDict):
    english: int
    french: int

class _Trace(TypedDict):
    lexicon: str
    lang_source: Literal["caller", "detected"]
    detection: _Detection | None
    tokens: int
    entries: list[_TraceEntry]
    sum: float
    punctuation: list[_Effect]
    total: float
    alpha: float

class _SentimentDict(TypedDict):
    compound: float
    positive: float
    negative: float
    neutral: float
    label: _Label
    lang: _Lang
    trace: _Trace

@final
class Sentiment:
    """The sentiment of a text (VADER method; pattern-fr for French), with its trace."""
    @property
    def compound(self) -> float: ...
    @property
    def positive(self) -> float: ...
    @property
    def negative(self) -> float: ...
    @property
    def neutral(self) -> float: ...
    @property
    def label(self) -> _Label: ...
    @property
    def lang(self) -> _Lang: ...
    @property
    def trace(self) -> _Trace: ...
    def to_dict(self) -> _SentimentDict: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def sentiment(text: str, lang: str | None = None) -> Sentiment: ...
@overload
def sentiment_batch(
    texts: _Arrow, lang: str | None = None, *, threads: int | None = None
) -> ArrowTable: ...
@overload
def sentiment_batch(
    texts: Sequence[str], lang: str | None = None, *, threads: int | None = None
) -> list[Sentiment]: ...

# --- tags for content ---

__all__ += [
    "Tag",
    "extract_tags",
    "extract_tags_batch",
]

class _TagDict(TypedDict):
    phrase: str
    score: float
    positions: list[list[int]]
    byte_positions: list[list[int]]

@final
class Tag:
    """A key phrase of a text (YAKE): lower score is better; positions in code points."""
    @property
    def phrase(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def positions(self) -> list[tuple[int, int]]: ...
    @property
    def byte_positions(self) -> list[tuple[int, int]]: ...
    def to_dict(self) -> _TagDict: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def extract_tags(text: str, lang: str | None = None, top: int = 10) -> list[Tag]: ...
def extract_tags_batch(
    texts: Sequence[str], lang: str | None = None, top: int = 10, *, threads: int | None = None
) -> list[list[Tag]]: ...

# --- listening: watch analytics ---

__all__ += [
    "Alerts",
    "Benchmark",
    "Influencers",
    "ShareOfVoice",
    "Themes",
    "WatchBrief",
    "alerts",
    "benchmark",
    "influencers",
    "themes",
    "watch_brief",
]

_Mentions = LoadResult | Sequence[_MentionLike]

class _BrandDict(TypedDict, total=False):
    name: str
    query: str
    own: bool

_Brands = Strategy | Sequence[_BrandDict]

class _WeightsDict(TypedDict, total=False):
    reach: float
    activity: float
    resonance: float
    amplification: float
    relevance: float

class _BrandQueryDict(TypedDict):
    name: str
    own: bool
    query: str

class _SplitDict(TypedDict):
    positive: int
    negative: int
    neutral: int
    unscored: int

class _VoiceRowDict(TypedDict):
    period: str | None
    period_start: str | None
    network: str | None
    brand: str
    own: bool
    mentions: int
    engagement: int
    engagement_unknown: int
    reach: int
    reach_unknown: int
    sentiment: _SplitDict
    share_mentions: float | None
    share_engagement: float | None
    share_reach: float | None
    share_positive: float | None
    share_negative: float | None
    net_sentiment_polar: float | None
    net_sentiment_all: float | None

@final
class ShareOfVoice:
    """Share of voice of a set of brands: totals per brand and rows per period and network."""
    @property
    def denominator(self) -> dict[str, Any]: ...
    @property
    def totals(self) -> list[_VoiceRowDict]: ...
    @property
    def formulas(self) -> list[str]: ...
    def rows(self) -> list[dict[str, Any]]: ...
    def records(self) -> list[dict[str, Any]]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Influencers:
    """Authors ranked with the components of their influence."""
    @property
    def denominator(self) -> dict[str, Any]: ...
    @property
    def weights(self) -> _WeightsDict | None: ...
    @property
    def handles(self) -> list[str]: ...
    def records(self) -> list[dict[str, Any]]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Themes:
    """Key phrases and hashtags of a set of mentions, with mentions, sentiment and trend."""
    @property
    def denominator(self) -> dict[str, Any]: ...
    @property
    def phrases(self) -> list[str]: ...
    @property
    def method(self) -> str: ...
    def records(self) -> list[dict[str, Any]]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Alerts:
    """Volume and negative-sentiment spikes against a rolling baseline."""
    @property
    def denominator(self) -> dict[str, Any]: ...
    @property
    def findings(self) -> list[Finding]: ...
    def records(self) -> list[dict[str, Any]]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Benchmark:
    """The catalogue's post KPIs per account, side by side, with each difference explained."""
    @property
    def accounts(self) -> list[str]: ...
    @property
    def explanations(self) -> list[str]: ...
    def records(self) -> list[dict[str, Any]]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class WatchBrief:
    """The watch brief: share of voice, influencers, themes, alerts and benchmark."""
    @property
    def share_of_voice(self) -> ShareOfVoice: ...
    @property
    def influencers(self) -> Influencers: ...
    @property
    def themes(self) -> Themes: ...
    @property
    def alerts(self) -> Alerts: ...
    @property
    def benchmark(self) -> Benchmark | None: ...
    def records(self) -> list[dict[str, Any]]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_markdown(self) -> str: ...
    def to_html(self) -> str: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def influencers(
    mentions: _Mentions,
    brands: _Brands,
    *,
    brand: str | None = None,
    weights: Literal["equal"] | _WeightsDict | None = None,
    min_mentions: int = 1,
    top: int | None = None,
    start: datetime.datetime | str | None = None,
    end: datetime.datetime | str | None = None,
    networks: Sequence[str] | None = None,
    filter: str | None = None,
    time_zone: str = "UTC",
) -> Influencers: ...
def themes(
    mentions: _Mentions,
    brands: _Brands,
    *,
    brand: str | None = None,
    min_mentions: int = 3,
    min_authors: int = 2,
    top: int | None = ...,
    period: _Period = "week",
    exclude: Sequence[str] = ...,
    start: datetime.datetime | str | None = None,
    end: datetime.datetime | str | None = None,
    networks: Sequence[str] | None = None,
    filter: str | None = None,
    time_zone: str = "UTC",
) -> Themes: ...
def alerts(
    mentions: _Mentions,
    brands: _Brands,
    *,
    window: int = 14,
    threshold: float = 3.0,
    min_mentions: int = 5,
    disabled: Sequence[str] = ...,
    severities: Mapping[str, str] = ...,
    start: datetime.datetime | str | None = None,
    end: datetime.datetime | str | None = None,
    networks: Sequence[str] | None = None,
    filter: str | None = None,
    time_zone: str = "UTC",
) -> Alerts: ...
def benchmark(
    posts: _Data,
    kpis: Sequence[str] | None = None,
    *,
    own: str | None = None,
    start: datetime.datetime | str | None = None,
    end: datetime.datetime | str | None = None,
    networks: Sequence[str] | None = None,
) -> Benchmark: ...
def watch_brief(
    strategy: Strategy,
    mentions: _Mentions,
    public_posts: _Data | None = None,
    *,
    period: _Period = "week",
    top_influencers: int = 10,
    top_themes: int = 15,
    benchmark_kpis: Sequence[str] | None = None,
    start: datetime.datetime | str | None = None,
    end: datetime.datetime | str | None = None,
    networks: Sequence[str] | None = None,
    filter: str | None = None,
    time_zone: str = "UTC",
) -> WatchBrief: ...

# --- influence: feeds and recent content pushed out ---

__all__ += [
    "Feed",
    "UnsharedItem",
    "parse_feed",
    "unshared_content",
]

class _FeedItemDict(TypedDict):
    id: str
    title: str | None
    link: str | None
    published: str | None
    updated: str | None
    summary: str | None
    image: str | None
    video: str | None
    categories: list[str]

class _FeedDraftDict(TypedDict):
    network: str
    handle: str
    format: str
    text: str
    url: str
    share_url: str | None
    media: str | None
    findings: list[dict[str, Any]]

@final
class Feed:
    """A feed (RSS, Atom or JSON Feed) in smo's model."""
    @property
    def kind(self) -> Literal["rss", "atom", "json"]: ...
    @property
    def title(self) -> str | None: ...
    @property
    def link(self) -> str | None: ...
    @property
    def items(self) -> list[_FeedItemDict]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __len__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class UnsharedItem:
    """A recent feed item not yet shared on every publishing channel, with its drafts."""
    @property
    def item(self) -> _FeedItemDict: ...
    @property
    def age_days(self) -> int: ...
    @property
    def shared_on(self) -> list[str]: ...
    @property
    def drafts(self) -> list[_FeedDraftDict]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def parse_feed(source: str | bytes) -> Feed: ...
def unshared_content(
    feed: Feed,
    posts: _Data,
    strategy: Strategy,
    *,
    now: datetime.datetime | str,
    max_age_days: int = 30,
    campaign: str = "feed",
) -> list[UnsharedItem]: ...

# --- influence: hashtag suggestions ---

__all__ += ["suggest_hashtags"]

class _HashtagDict(TypedDict):
    hashtag: str
    phrase: str
    source: Literal["brand", "shared", "content", "theme"]
    reason: str

class _SuggestionsDict(TypedDict):
    network: str
    advised: int
    advised_source: str
    present: list[str]
    hashtags: list[_HashtagDict]

def suggest_hashtags(
    text: str, network: str, *, strategy: Strategy | None = None, themes: Themes | None = None
) -> _SuggestionsDict: ...

# --- influence: link exchanges ---

__all__ += ["PartnersReport", "check_partners", "example_partners", "load_partners"]

_LinkState = Literal["not_given", "incomplete", "missing", "changed", "present"]
_Terms = Literal["exchange", "one_way", "paid"]

class _SpanDict(TypedDict):
    start_byte: int
    end_byte: int
    line: int
    column: int

class _FoundLinkDict(TypedDict):
    href: str
    url: str
    text: str
    rel: list[str]
    redirect: str | None
    span: _SpanDict

class _LinkCheckDict(TypedDict):
    page: str
    state: _LinkState
    links: list[_FoundLinkDict]

class _PartnerTrafficDict(TypedDict):
    since: str
    until: str
    sessions: int
    conversions: int | None
    revenue: float | None
    sources: list[str]

class _PartnerCheckDict(TypedDict):
    partner: str
    terms: _Terms
    inbound: _LinkCheckDict
    outbound: _LinkCheckDict | None
    traffic: _PartnerTrafficDict | None

class _PartnerRecord(TypedDict):
    partner: str
    terms: _Terms
    their_page: str
    inbound: _LinkState
    inbound_url: str | None
    inbound_text: str | None
    inbound_qualified: bool | None
    our_page: str | None
    outbound: _LinkState | None
    outbound_qualified: bool | None
    sessions: int | None
    conversions: int | None
    revenue: float | None
    findings: int

@final
class PartnersReport:
    """The check of a link-exchange ledger: each agreement's links and visits, and the findings."""
    @property
    def partners(self) -> list[_PartnerCheckDict]: ...
    @property
    def findings(self) -> list[Finding]: ...
    def to_records(self) -> list[_PartnerRecord]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_markdown(self) -> str: ...
    def __len__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def check_partners(
    partners: LoadResult | str | _Records,
    pages: Iterable[tuple[str, str | bytes]],
    *,
    site: str | None = None,
    strategy: Strategy | None = None,
    web: _Data | None = None,
    today: _DateLike | None = None,
    grace_days: int = 30,
    disabled: Sequence[str] = ...,
    severities: Mapping[str, str] = ...,
    limits: Mapping[str, int] | None = None,
) -> PartnersReport: ...
def example_partners() -> tuple[LoadResult, list[tuple[str, str]]]: ...

# --- traffic: bring your own referrer database ---

__all__ += ["RefererDatabase", "load_referer_database"]

class _DatabaseFileDict(TypedDict):
    name: str
    format: Literal["snowplow", "matomo_search", "matomo_social"]
    rules: int
    hash: str

@final
class RefererDatabase:
    """smo's referrer table with the user's Snowplow or Matomo files merged over it."""
    @property
    def files(self) -> list[_DatabaseFileDict]: ...
    @property
    def version(self) -> str: ...
    def __len__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def load_referer_database(
    *sources: str | bytes | os.PathLike[str],
    format: Literal["auto", "snowplow", "matomo_search", "matomo_social"] | None = None,
) -> RefererDatabase: ...

# --- pickling ---

def _unpickle(kind: str, state: bytes) -> Any:
    """Rebuilds a pickled smo object (`kind` its class name, `state` its JSON): the constructor
    every class's `__reduce__` names."""
