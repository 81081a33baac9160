//! Python bindings of smo: the module `smo._smo`, re-exported by the pure-Python package `smo`.
//!
//! This crate converts and delegates; every rule, limit and message is smo-core's.

mod advice;
mod arrow;
mod audit;
mod calendar;
mod convert;
mod errors;
mod feed;
mod listening;
mod measure;
mod partners;
mod pickle;
mod post_columns;
mod query;
mod referers;
mod strategy;
mod tags;
mod text;
mod watch;

use pyo3::prelude::*;

/// smo: Social Media Optimization engine (native module).
#[pymodule(gil_used = false)]
mod _smo {
    #[pymodule_export]
    use crate::advice::{PyAdvice, PyRecommendation, advise};
    #[pymodule_export]
    use crate::arrow::PyArrowTable;
    #[pymodule_export]
    use crate::audit::{
        PyPageAudit, PyPageFeatures, PyScores, PySiteReport, audit_page, audit_pages, audit_site,
        example_site,
    };
    #[pymodule_export]
    use crate::calendar::{PyEvent, PyPlan, PySlot, holidays, plan_calendar, read_ics};
    #[pymodule_export]
    use crate::errors::DataRowError;
    #[pymodule_export]
    use crate::errors::{
        InvalidArgumentError, InvalidValueError, ParseError, SmoError, UnknownNetworkError,
        UnknownRuleError, WriteError,
    };
    #[pymodule_export]
    use crate::feed::{PyFeed, PyUnshared, parse_feed, unshared_content};
    #[pymodule_export]
    use crate::listening::{PySentiment, sentiment, sentiment_batch};
    #[pymodule_export]
    use crate::measure::{
        PyCsvGrouped, PyDataset, PyGrouped, PyKpiValue, PyLoadResult, PyReferrer, PyRejected,
        PyReport, access_log_breakdown, bounce_rate, channel_group, channel_groups,
        classify_referrer, classify_referrers, click_through_rate, conversion_rate, cost_per, cpc,
        cpm, daily_engagement_rate, engagement_rate, engagement_rate_of, expected,
        follower_growth_rate, group_post_columns, group_posts, group_posts_csv, kpi, kpi_canonical,
        kpi_formulas, lint_utm, load_accounts, load_costs, load_mentions, load_partners,
        load_posts, load_web, net_sentiment, parse_utm, per_follower, per_post, progress, report,
        response_rate, response_time, roas, roi, track_objectives, traffic_breakdown, utm_url,
        virality_rate,
    };
    #[pymodule_export]
    use crate::partners::{PyPartnersReport, check_partners, example_partners};
    #[pymodule_export]
    use crate::query::{PyMention, PyQuery, search};
    #[pymodule_export]
    use crate::referers::{PyRefererDatabase, load_referer_database};
    #[pymodule_export]
    use crate::strategy::{
        PyFinding, PyHandleCheck, PyNetworkInfo, PyRule, PyStrategy, check_handle, networks, rules,
    };
    #[pymodule_export]
    use crate::tags::{PyTag, extract_tags, extract_tags_batch};

    #[pymodule_export]
    use crate::text::{
        PyEntity, PyTextCount, PyThreadPart, check_post, escape_linkedin, extract_entities,
        extract_entities_batch, extract_reply, highlight_hits, is_valid_url, parse_text,
        parse_text_batch, share_endpoints, share_url, split_thread, text_limits,
    };
    #[pymodule_export]
    use crate::watch::{
        PyAlerts, PyBenchmark, PyInfluencers, PyShareOfVoice, PyThemes, PyWatchBrief, alerts,
        benchmark, influencers, share_of_voice, suggest_hashtags, themes, watch_brief,
    };

    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        // Set, not added: the pickles' constructor is no part of `__all__`.
        m.setattr("_unpickle", wrap_pyfunction!(crate::pickle::_unpickle, m)?)
    }
}
