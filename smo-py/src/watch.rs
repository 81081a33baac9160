//! Python surface of the watch analytics: `share_of_voice`, `influencers`, `themes`, `alerts`,
//! `benchmark` and `watch_brief`, and their result classes. Conversion only: scopes,
//! attribution, shares, ranks, themes and spikes are smo-core's.
//!
//! Every result keeps the core's value: `to_dict()` gives all of it (denominator and formulas
//! included), `records()` one flat dict per row for `pandas.DataFrame(...)`.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use smo_core::kpi::formula::{self as fm, Formula};
use smo_core::kpi::group::Period;
use smo_core::listening::{
    self, AlertOptions, Alerts, Benchmark, BenchmarkOptions, Brand, BriefOptions, InfluenceOptions,
    Influencers, Mention, ShareOfVoice, ThemeOptions, Themes, VoiceOptions, WatchBrief,
    WatchOptions, Weights,
};
use smo_core::{Network, data};

use crate::convert::{arg, flat_records, instant, network, to_py};
use crate::errors::{PyCoreError, PyResult2};
use crate::measure::PyLoadResult;
use crate::strategy::{PyFinding, PyStrategy, findings, rule_config};

/// Mentions from a `smo.load_mentions` result or a list of `smo.Mention` objects and dicts.
pub(crate) fn mentions_of(obj: &Bound<'_, PyAny>) -> PyResult<Vec<Mention>> {
    if let Ok(r) = obj.cast::<PyLoadResult>() {
        return match r.get().mention_rows() {
            Some(m) => Ok(m.to_vec()),
            None => Err(arg(
                "mentions",
                "this load result is not of mentions: use smo.load_mentions(...)",
            )
            .into()),
        };
    }
    let items: Vec<Bound<'_, PyAny>> = obj.extract().map_err(|_| {
        PyErr::from(arg(
            "mentions",
            "expected smo.load_mentions(...), or a list of smo.Mention objects or dicts",
        ))
    })?;
    items.iter().map(crate::query::mention).collect()
}

/// Brands from a `smo.Strategy` (its own brand and competitors) or a list of dicts with `name`,
/// `query` and optionally `own`.
fn brands_of(obj: &Bound<'_, PyAny>) -> PyResult<Vec<Brand>> {
    if let Ok(s) = obj.cast::<PyStrategy>() {
        return Ok(listening::setup::brands(&s.get().0));
    }
    let items: Vec<Bound<'_, PyDict>> = obj.extract().map_err(|_| {
        PyErr::from(arg(
            "brands",
            "expected a smo.Strategy or a list of dicts {\"name\", \"query\", \"own\"}",
        ))
    })?;
    items
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let get = |k: &str| d.get_item(k).ok().flatten().filter(|v| !v.is_none());
            let text = |k: &str| -> PyResult<String> {
                get(k)
                    .ok_or_else(|| PyErr::from(arg(&format!("brands[{i}].{k}"), "missing")))?
                    .extract()
            };
            Ok(Brand {
                name: text("name")?,
                query: text("query")?,
                own: get("own")
                    .map(|v| v.is_truthy())
                    .transpose()?
                    .unwrap_or(false),
            })
        })
        .collect()
}

fn networks_of(ids: Option<Vec<String>>) -> PyResult2<Vec<Network>> {
    ids.unwrap_or_default()
        .iter()
        .map(|n| network(n).map_err(PyCoreError))
        .collect()
}

fn scope(
    start: Option<&Bound<'_, PyAny>>,
    end: Option<&Bound<'_, PyAny>>,
    networks: Option<Vec<String>>,
    filter: Option<String>,
    time_zone: &str,
) -> PyResult2<WatchOptions> {
    Ok(WatchOptions {
        from: start.map(|s| instant(s, "start")).transpose()?,
        to: end.map(|e| instant(e, "end")).transpose()?,
        networks: networks_of(networks)?,
        filter,
        time_zone: data::time_zone(time_zone)?,
    })
}

fn period_of(p: Option<&str>) -> PyResult2<Option<Period>> {
    Ok(p.map(str::parse).transpose()?)
}

macro_rules! result_class {
    ($py:ident, $name:literal, $core:ty, $doc:literal, |$s:ident| $rows:expr, { $($extra:tt)* }) => {
        #[doc = $doc]
        #[pyclass(frozen, module = "smo._smo", name = $name)]
        pub struct $py(pub $core);

        $crate::pickle::json_pickle!($py => $name);

        #[pymethods]
        impl $py {
            /// The whole result as dicts and lists (denominator, formulas, every row).
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                to_py(py, &self.0)
            }
            /// One flat dict per row (nested parts as `parent_child` keys), for
            /// `pandas.DataFrame(result.records())`.
            fn records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                let $s = &self.0;
                flat_records(py, $rows)
            }
            /// Pickles as `(smo._smo._unpickle, (kind, state))`.
            fn __reduce__<'py>(
                &self,
                py: Python<'py>,
            ) -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
                crate::pickle::reduce(py, self)
            }
            fn __repr__(&self) -> String {
                let $s = &self.0;
                format!(concat!($name, "({} rows)"), $rows.len())
            }
            $($extra)*
        }
    };
}

result_class!(
    PyShareOfVoice,
    "ShareOfVoice",
    ShareOfVoice,
    "Share of voice of a set of brands: totals per brand and, when asked, rows per period and network.",
    |s| &s.totals,
    {
        /// What was counted: brands and queries, period, filter, mentions in and out of scope.
        #[getter]
        fn denominator<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            to_py(py, &self.0.denominator)
        }
        /// Per brand over the whole scope, as dicts.
        #[getter]
        fn totals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            to_py(py, &self.0.totals)
        }
        /// Per period and/or network, then brand, as flat dicts.
        fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            flat_records(py, &self.0.rows)
        }
        /// The formulas behind the columns.
        #[getter]
        fn formulas(&self) -> Vec<String> {
            self.0.formulas.clone()
        }
    }
);

result_class!(
    PyInfluencers,
    "Influencers",
    Influencers,
    "Authors ranked with the components of their influence (and the composite, when weighted).",
    |s| &s.authors,
    {
        /// What was counted.
        #[getter]
        fn denominator<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            to_py(py, &self.0.denominator)
        }
        /// The composite's weights (summing to 1), or `None`.
        #[getter]
        fn weights<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            to_py(py, &self.0.weights)
        }
        /// Handles by rank.
        #[getter]
        fn handles(&self) -> Vec<String> {
            self.0.authors.iter().map(|a| a.handle.clone()).collect()
        }
    }
);

result_class!(
    PyThemes,
    "Themes",
    Themes,
    "Key phrases and hashtags of a set of mentions, each with its mentions, sentiment and trend.",
    |s| &s.themes,
    {
        /// What was counted.
        #[getter]
        fn denominator<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            to_py(py, &self.0.denominator)
        }
        /// The phrases by rank.
        #[getter]
        fn phrases(&self) -> Vec<String> {
            self.0.themes.iter().map(|t| t.phrase.clone()).collect()
        }
        /// The method, as stated in the result.
        #[getter]
        fn method(&self) -> &str {
            &self.0.method
        }
    }
);

result_class!(
    PyAlerts,
    "Alerts",
    Alerts,
    "Volume and negative-sentiment spikes against a rolling baseline.",
    |s| &s.alerts,
    {
        /// The spikes as `smo.Finding` objects of the `watch/*` rules.
        #[getter]
        fn findings(&self) -> Vec<PyFinding> {
            findings(self.0.findings.clone())
        }
        /// What was counted.
        #[getter]
        fn denominator<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            to_py(py, &self.0.denominator)
        }
    }
);

/// The rows of a benchmark: one per KPI and account.
fn benchmark_rows(b: &Benchmark) -> Vec<serde_json::Value> {
    b.kpis
        .iter()
        .flat_map(|k| {
            k.values.iter().map(move |v| {
                let mut row = serde_json::to_value(v).unwrap_or_default();
                if let Some(m) = row.as_object_mut() {
                    m.insert("kpi".into(), k.kpi.clone().into());
                }
                row
            })
        })
        .collect()
}

result_class!(
    PyBenchmark,
    "Benchmark",
    Benchmark,
    "The catalogue's post KPIs per account, side by side, with each difference explained.",
    |s| &benchmark_rows(s),
    {
        /// Accounts, own first.
        #[getter]
        fn accounts(&self) -> Vec<String> {
            self.0.accounts.clone()
        }
        /// Per KPI, per competitor: its value against the brand's, and why.
        #[getter]
        fn explanations(&self) -> Vec<String> {
            self.0
                .kpis
                .iter()
                .flat_map(|k| k.explanations.iter().cloned())
                .collect()
        }
    }
);

result_class!(
    PyWatchBrief,
    "WatchBrief",
    WatchBrief,
    "The watch brief: share of voice, influencers, themes, alerts and benchmark over one scope.",
    |s| &s.share_of_voice.totals,
    {
        /// Share of voice (per period).
        #[getter]
        fn share_of_voice(&self) -> PyShareOfVoice {
            PyShareOfVoice(self.0.share_of_voice.clone())
        }
        /// Influencers.
        #[getter]
        fn influencers(&self) -> PyInfluencers {
            PyInfluencers(self.0.influencers.clone())
        }
        /// Themes.
        #[getter]
        fn themes(&self) -> PyThemes {
            PyThemes(self.0.themes.clone())
        }
        /// Alerts.
        #[getter]
        fn alerts(&self) -> PyAlerts {
            PyAlerts(self.0.alerts.clone())
        }
        /// The benchmark, when public post metrics were given.
        #[getter]
        fn benchmark(&self) -> Option<PyBenchmark> {
            self.0.benchmark.clone().map(PyBenchmark)
        }
        /// The watch section of the report, in Markdown.
        fn to_markdown(&self) -> String {
            listening::render::markdown(&self.0)
        }
        /// The watch section of the report, in HTML with SVG charts.
        fn to_html(&self) -> String {
            listening::render::html(&self.0)
        }
    }
);

/// Share of voice. Two forms:
///
/// - `share_of_voice(brand, competitors)`: the KPI formula, brand / (brand + competitors) × 100;
/// - `share_of_voice(mentions, brands, *, period=None, by_network=False, start=None, end=None,
///   networks=None, filter=None, time_zone="UTC")`: the share of voice of the brands (a
///   `smo.Strategy` or a list of `{"name", "query", "own"}`) over the mentions, by mentions,
///   engagement, reach and sentiment, with its denominator.
#[pyfunction]
#[pyo3(signature = (mentions, brands, /, *, period=None, by_network=false, start=None, end=None, networks=None, filter=None, time_zone="UTC"))]
#[allow(clippy::too_many_arguments)]
pub fn share_of_voice<'py>(
    py: Python<'py>,
    mentions: &Bound<'py, PyAny>,
    brands: &Bound<'py, PyAny>,
    period: Option<&str>,
    by_network: bool,
    start: Option<Bound<'py, PyAny>>,
    end: Option<Bound<'py, PyAny>>,
    networks: Option<Vec<String>>,
    filter: Option<String>,
    time_zone: &str,
) -> PyResult<Bound<'py, PyAny>> {
    if let (Ok(b), Ok(c)) = (mentions.extract::<f64>(), brands.extract::<f64>()) {
        return Ok(fm::share_of_voice(b, c).into_pyobject(py)?.into_any());
    }
    let ms = mentions_of(mentions)?;
    let bs = brands_of(brands)?;
    let opts = VoiceOptions {
        watch: scope(start.as_ref(), end.as_ref(), networks, filter, time_zone)?,
        period: period_of(period)?,
        by_network,
    };
    let r = py
        .detach(|| listening::share_of_voice(&ms, &bs, &opts))
        .map_err(PyCoreError)?;
    Ok(Bound::new(py, PyShareOfVoice(r))?.into_any())
}

fn weights_of(w: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Weights>> {
    let Some(w) = w else { return Ok(None) };
    if w.extract::<String>().is_ok_and(|s| s == "equal") {
        return Ok(Some(Weights::EQUAL));
    }
    let d = w.cast::<PyDict>().map_err(|_| {
        PyErr::from(arg(
            "weights",
            "expected \"equal\" or a dict of reach, activity, resonance, amplification, relevance",
        ))
    })?;
    for k in d.keys() {
        let k: String = k.extract()?;
        if ![
            "reach",
            "activity",
            "resonance",
            "amplification",
            "relevance",
        ]
        .contains(&k.as_str())
        {
            return Err(arg(
                "weights",
                format!("`{k}` is not a component: use reach, activity, resonance, amplification, relevance"),
            )
            .into());
        }
    }
    let get = |k: &str| -> PyResult<f64> {
        Ok(d.get_item(k)?
            .map(|v| v.extract())
            .transpose()?
            .unwrap_or(0.0))
    };
    Ok(Some(Weights {
        reach: get("reach")?,
        activity: get("activity")?,
        resonance: get("resonance")?,
        amplification: get("amplification")?,
        relevance: get("relevance")?,
    }))
}

/// The authors of the brands' mentions, ranked with their components: reach (followers),
/// activity (matching mentions), resonance (engagement per mention), amplification (reposts and
/// quotes per mention), relevance (share of their mentions that match) and, with `weights`
/// (`"equal"` or a dict), a composite of percentile ranks.
#[pyfunction]
#[pyo3(signature = (mentions, brands, *, brand=None, weights=None, min_mentions=1, top=None, start=None, end=None, networks=None, filter=None, time_zone="UTC"))]
#[allow(clippy::too_many_arguments)]
pub fn influencers(
    py: Python<'_>,
    mentions: &Bound<'_, PyAny>,
    brands: &Bound<'_, PyAny>,
    brand: Option<String>,
    weights: Option<Bound<'_, PyAny>>,
    min_mentions: u64,
    top: Option<usize>,
    start: Option<Bound<'_, PyAny>>,
    end: Option<Bound<'_, PyAny>>,
    networks: Option<Vec<String>>,
    filter: Option<String>,
    time_zone: &str,
) -> PyResult<PyInfluencers> {
    let ms = mentions_of(mentions)?;
    let bs = brands_of(brands)?;
    let opts = InfluenceOptions {
        watch: scope(start.as_ref(), end.as_ref(), networks, filter, time_zone)?,
        brand,
        weights: weights_of(weights.as_ref())?,
        min_mentions,
        top,
    };
    let r = py
        .detach(|| listening::influencers(&ms, &bs, &opts))
        .map_err(PyCoreError)?;
    Ok(PyInfluencers(r))
}

/// The themes of the brands' mentions: key phrases (one to three words, smo's French and English
/// stop lists) and hashtags, by mentions, each with its mention ids, sentiment and trend.
#[pyfunction]
#[pyo3(signature = (mentions, brands, *, brand=None, min_mentions=3, min_authors=2, top=Some(20), period="week", exclude=Vec::new(), start=None, end=None, networks=None, filter=None, time_zone="UTC"))]
#[allow(clippy::too_many_arguments)]
pub fn themes(
    py: Python<'_>,
    mentions: &Bound<'_, PyAny>,
    brands: &Bound<'_, PyAny>,
    brand: Option<String>,
    min_mentions: u64,
    min_authors: u64,
    top: Option<usize>,
    period: &str,
    exclude: Vec<String>,
    start: Option<Bound<'_, PyAny>>,
    end: Option<Bound<'_, PyAny>>,
    networks: Option<Vec<String>>,
    filter: Option<String>,
    time_zone: &str,
) -> PyResult<PyThemes> {
    let ms = mentions_of(mentions)?;
    let bs = brands_of(brands)?;
    let opts = ThemeOptions {
        watch: scope(start.as_ref(), end.as_ref(), networks, filter, time_zone)?,
        brand,
        min_mentions,
        min_authors,
        top,
        period: period.parse().map_err(PyCoreError)?,
        exclude,
    };
    let r = py
        .detach(|| listening::themes(&ms, &bs, &opts))
        .map_err(PyCoreError)?;
    Ok(PyThemes(r))
}

/// Volume and negative-sentiment spikes of each brand against the `window` days before
/// (z = (count − mean) / max(sd, √mean, 1) ≥ `threshold`, at least `min_mentions`), as findings.
#[pyfunction]
#[pyo3(signature = (mentions, brands, *, window=14, threshold=3.0, min_mentions=5, disabled=Vec::new(), severities=std::collections::BTreeMap::new(), start=None, end=None, networks=None, filter=None, time_zone="UTC"))]
#[allow(clippy::too_many_arguments)]
pub fn alerts(
    py: Python<'_>,
    mentions: &Bound<'_, PyAny>,
    brands: &Bound<'_, PyAny>,
    window: u32,
    threshold: f64,
    min_mentions: u64,
    disabled: Vec<String>,
    severities: std::collections::BTreeMap<String, String>,
    start: Option<Bound<'_, PyAny>>,
    end: Option<Bound<'_, PyAny>>,
    networks: Option<Vec<String>>,
    filter: Option<String>,
    time_zone: &str,
) -> PyResult<PyAlerts> {
    let ms = mentions_of(mentions)?;
    let bs = brands_of(brands)?;
    let opts = AlertOptions {
        watch: scope(start.as_ref(), end.as_ref(), networks, filter, time_zone)?,
        window,
        threshold,
        min_mentions,
        rules: rule_config(disabled, severities)?,
    };
    let r = py
        .detach(|| listening::alerts(&ms, &bs, &opts))
        .map_err(PyCoreError)?;
    Ok(PyAlerts(r))
}

fn formulas(kpis: Option<Vec<String>>) -> PyResult2<Vec<Formula>> {
    Ok(kpis
        .unwrap_or_else(|| {
            listening::brief::BENCHMARK_KPIS
                .iter()
                .map(|s| (*s).to_owned())
                .collect()
        })
        .iter()
        .map(|k| Formula::parse(k))
        .collect::<Result<_, _>>()?)
}

/// The catalogue's post KPIs (default: posts, engagements, engagement rate per follower) for each
/// account of `posts` (post metrics with an `account` column: `smo.load_posts(...)`, a DataFrame
/// or a list of dicts), side by side, each difference with the brand's (`own`) explained.
#[pyfunction]
#[pyo3(signature = (posts, kpis=None, *, own=None, start=None, end=None, networks=None))]
pub fn benchmark(
    py: Python<'_>,
    posts: &Bound<'_, PyAny>,
    kpis: Option<Vec<String>>,
    own: Option<String>,
    start: Option<Bound<'_, PyAny>>,
    end: Option<Bound<'_, PyAny>>,
    networks: Option<Vec<String>>,
) -> PyResult<PyBenchmark> {
    let rows = crate::measure::dataset(posts)?.posts;
    let ks = formulas(kpis)?;
    let opts = BenchmarkOptions {
        own,
        from: start.as_ref().map(|s| instant(s, "start")).transpose()?,
        to: end.as_ref().map(|e| instant(e, "end")).transpose()?,
        networks: networks_of(networks)?,
    };
    let r = py
        .detach(|| listening::benchmark(&rows, &ks, &opts))
        .map_err(PyCoreError)?;
    Ok(PyBenchmark(r))
}

/// The watch brief of the strategy's brand and competitors over `mentions` (and the benchmark
/// over `public_posts`, when given): what `smo.report(..., watch=...)` shows as its watch section.
#[pyfunction]
#[pyo3(signature = (strategy, mentions, public_posts=None, *, period="week", top_influencers=10, top_themes=15, benchmark_kpis=None, start=None, end=None, networks=None, filter=None, time_zone="UTC"))]
#[allow(clippy::too_many_arguments)]
pub fn watch_brief(
    py: Python<'_>,
    strategy: &Bound<'_, PyStrategy>,
    mentions: &Bound<'_, PyAny>,
    public_posts: Option<Bound<'_, PyAny>>,
    period: &str,
    top_influencers: usize,
    top_themes: usize,
    benchmark_kpis: Option<Vec<String>>,
    start: Option<Bound<'_, PyAny>>,
    end: Option<Bound<'_, PyAny>>,
    networks: Option<Vec<String>>,
    filter: Option<String>,
    time_zone: &str,
) -> PyResult<PyWatchBrief> {
    let ms = mentions_of(mentions)?;
    let posts = public_posts
        .as_ref()
        .map(|p| crate::measure::dataset(p).map(|d| d.posts))
        .transpose()?;
    let opts = BriefOptions {
        watch: scope(start.as_ref(), end.as_ref(), networks, filter, time_zone)?,
        period: period.parse().map_err(PyCoreError)?,
        top_influencers,
        top_themes,
        weights: Weights::EQUAL,
        benchmark_kpis: benchmark_kpis.unwrap_or_else(|| BriefOptions::default().benchmark_kpis),
    };
    let s = &strategy.get().0;
    let r = py
        .detach(|| listening::watch_brief(s, &ms, posts.as_deref(), &opts))
        .map_err(PyCoreError)?;
    Ok(PyWatchBrief(r))
}

/// Hashtag suggestions for `text` on `network`: from the content's key phrases, the strategy's
/// brand and keywords, and the conversation's themes (`smo.themes(...)`), CamelCase, as many as
/// the network's advised count, each with its reason. Returns a dict: `network`, `advised`,
/// `advised_source`, `present` and `hashtags` (`hashtag`, `phrase`, `source`, `reason`).
#[pyfunction]
#[pyo3(signature = (text, network, *, strategy=None, themes=None))]
pub fn suggest_hashtags<'py>(
    py: Python<'py>,
    text: &str,
    network: &str,
    strategy: Option<&Bound<'py, PyStrategy>>,
    themes: Option<&Bound<'py, PyThemes>>,
) -> PyResult<Bound<'py, PyAny>> {
    let net = crate::convert::network(network).map_err(PyCoreError)?;
    let s = strategy.map(|s| &s.get().0);
    let t = themes.map(|t| &t.get().0);
    to_py(py, &smo_core::hashtags::suggest_hashtags(text, net, s, t))
}
