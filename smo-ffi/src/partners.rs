//! FFI surface of link exchanges: `PartnerLedger` (loaded from CSV or JSON text),
//! `checkPartners` and its `PartnersCheck`, and the example's pages. Conversion only.

use std::collections::HashMap;
use std::sync::Arc;

use smo_core::Finding;
use smo_core::data::{LoadOptions, Rejected};
use smo_core::finding::Span;
use smo_core::partners::{
    self, CheckOptions, FoundLink, LinkCheck, LinkState, PartnersReport, Terms,
};

use crate::audit::SitePage;
use crate::errors::SmoError;
use crate::measure::{LoadSettings, MeasureData};

/// What the partner and the brand agreed.
#[uniffi::remote(Enum)]
pub enum Terms {
    /// Each links to the other.
    Exchange,
    /// They link to us, we do not link back.
    OneWay,
    /// A placement the brand pays for.
    Paid,
}

/// What the check found of one link.
#[uniffi::remote(Enum)]
pub enum LinkState {
    /// The page was not handed in.
    NotGiven,
    /// The page was not read to the end, and no link was found in what was read.
    Incomplete,
    /// No link to the other side.
    Missing,
    /// A link to the other side's site, not to the agreed page.
    Changed,
    /// The agreed link is there.
    Present,
}

/// A link found on a page, to the other side.
#[uniffi::remote(Record)]
pub struct FoundLink {
    /// The `href` as written.
    pub href: String,
    /// Where it leads.
    pub url: String,
    /// Its text.
    pub text: String,
    /// Its `rel` tokens.
    pub rel: Vec<String>,
    /// The redirect's host, if it goes through one.
    pub redirect: Option<String>,
    /// Where its start tag is.
    pub span: Span,
}

/// One side of an agreement.
#[uniffi::remote(Record)]
pub struct LinkCheck {
    /// The page that should hold the link.
    pub page: String,
    /// What was found.
    pub state: LinkState,
    /// The links to the other side, the agreed one first.
    pub links: Vec<FoundLink>,
}

/// The visits a partner sent.
#[derive(uniffi::Record)]
pub struct PartnerTraffic {
    /// First day counted (`YYYY-MM-DD`).
    pub since: String,
    /// Last day counted.
    pub until: String,
    /// Sessions.
    pub sessions: u64,
    /// Conversions, when the data has them.
    pub conversions: Option<u64>,
    /// Revenue, when the data has it.
    pub revenue: Option<f64>,
    /// The `source / medium` pairs counted.
    pub sources: Vec<String>,
}

/// One agreement, checked.
#[derive(uniffi::Record)]
pub struct PartnerCheck {
    /// The partner's name.
    pub partner: String,
    /// The agreement.
    pub terms: Terms,
    /// Their page's link to us.
    pub inbound: LinkCheck,
    /// Our page's link to them.
    pub outbound: Option<LinkCheck>,
    /// Visits from them (without data: none).
    pub traffic: Option<PartnerTraffic>,
}

/// A link-exchange ledger, read.
#[derive(uniffi::Object)]
pub struct PartnerLedger {
    rows: Vec<partners::Partner>,
    rejected: Vec<Rejected>,
}

#[uniffi::export]
impl PartnerLedger {
    /// Reads a ledger from CSV or JSON text (sniffed); unreadable rows are in `rejected()`.
    #[uniffi::constructor]
    pub fn from_text(text: String, settings: LoadSettings) -> Result<Arc<Self>, SmoError> {
        let opts = LoadOptions::try_from(settings)?;
        let l = partners::load(&text, &opts)?;
        Ok(Arc::new(PartnerLedger {
            rows: l.rows,
            rejected: l.rejected,
        }))
    }

    /// The example brand's ledger.
    #[uniffi::constructor]
    pub fn example() -> Result<Arc<Self>, SmoError> {
        Ok(Arc::new(PartnerLedger {
            rows: partners::example_ledger()?,
            rejected: Vec::new(),
        }))
    }

    /// Agreements read.
    pub fn len(&self) -> u64 {
        self.rows.len() as u64
    }

    /// Whether no agreement was read.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The partners' names, in ledger order.
    pub fn names(&self) -> Vec<String> {
        self.rows.iter().map(|p| p.name.clone()).collect()
    }

    /// Rows that could not be read, with line, field and reason.
    pub fn rejected(&self) -> Vec<Rejected> {
        self.rejected.clone()
    }

    /// The agreements as JSON records (the schema's field names).
    pub fn to_json(&self) -> String {
        serde_json::Value::Array(self.rows.iter().map(partners::Partner::to_record).collect())
            .to_string()
    }
}

/// The check of a ledger.
#[derive(uniffi::Object)]
pub struct PartnersCheck(pub(crate) PartnersReport);

#[uniffi::export]
impl PartnersCheck {
    /// One per agreement, in ledger order.
    pub fn partners(&self) -> Vec<PartnerCheck> {
        self.0
            .partners
            .iter()
            .map(|c| PartnerCheck {
                partner: c.partner.clone(),
                terms: c.terms,
                inbound: c.inbound.clone(),
                outbound: c.outbound.clone(),
                traffic: c.traffic.as_ref().map(|t| PartnerTraffic {
                    since: t.since.to_string(),
                    until: t.until.to_string(),
                    sessions: t.sessions,
                    conversions: t.conversions,
                    revenue: t.revenue,
                    sources: t.sources.clone(),
                }),
            })
            .collect()
    }

    /// The findings (rules of the `partner` family).
    pub fn findings(&self) -> Vec<Finding> {
        self.0.findings.clone()
    }

    /// A Markdown table of the agreements, then the findings.
    pub fn markdown(&self) -> String {
        self.0.to_markdown()
    }

    /// One flat JSON record per agreement.
    pub fn records_json(&self) -> String {
        serde_json::Value::Array(self.0.records()).to_string()
    }
}

/// Checks `ledger` against `pages` (theirs and ours) and, when given, the data's web analytics;
/// our site is `site`; `today` is `YYYY-MM-DD`.
#[uniffi::export(default(data = None, today = None, grace_days = 30, disabled = [], severities = None))]
#[allow(clippy::too_many_arguments)]
pub fn check_partners(
    ledger: Arc<PartnerLedger>,
    pages: Vec<SitePage>,
    site: String,
    data: Option<Arc<MeasureData>>,
    today: Option<String>,
    grace_days: u32,
    disabled: Vec<String>,
    severities: Option<HashMap<String, String>>,
) -> Result<Arc<PartnersCheck>, SmoError> {
    let mut options = CheckOptions::for_site(&site)?;
    options.today = today
        .as_deref()
        .map(smo_core::strategy::parse_date)
        .transpose()?;
    options.grace_days = grace_days;
    options.rules.disabled = disabled.into_iter().collect();
    options.rules.severities = severities
        .unwrap_or_default()
        .into_iter()
        .map(|(k, v)| Ok((k, v.parse()?)))
        .collect::<Result<_, smo_core::Error>>()?;
    let pages: Vec<(&str, &[u8])> = pages
        .iter()
        .map(|p| (p.url.as_str(), p.html.as_slice()))
        .collect();
    let web = data.as_ref().map_or(&[][..], |d| &d.data.web[..]);
    Ok(Arc::new(PartnersCheck(partners::check_partners(
        &ledger.rows,
        &pages,
        web,
        &options,
    )?)))
}

/// The pages of the example brand's exchanges (theirs and ours).
#[uniffi::export]
pub fn example_partner_pages() -> Vec<SitePage> {
    partners::example_pages()
        .into_iter()
        .map(|(url, html)| SitePage {
            url: url.to_owned(),
            html: html.as_bytes().to_vec(),
        })
        .collect()
}
