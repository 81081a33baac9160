//! Link exchanges: the partners ledger, and its check against the partners' pages and the web
//! analytics.
//!
//! Bhargava's third SMO rule is "reward inbound links" (`smo-practice.md` §4.4); in practice a
//! consultant negotiates links with partners (a stockist, a supplier, a blog, a local press
//! site) and keeps a ledger of what was agreed: which partner page links to which page of ours,
//! which page of ours links back, since when. Links are then removed in a redesign, re-pointed to
//! the home page, or turned `nofollow`, and nobody notices. [`check_partners`] reads the pages
//! the host hands in with the audit scanner's anchor scan
//! ([`scan_anchors`](crate::audit::scan::scan_anchors)), so it sees the links a browser sees
//! (entities decoded, `<base href>` honoured, `rel` tokens), and the `web` table, so that an
//! exchange that sends no visitor shows.
//!
//! The ledger is a table like the measurement tables ([`crate::data`]): CSV from a spreadsheet,
//! JSON or records, columns matched by name or alias, every unreadable row kept with its line
//! and reason. Its fields are [`PARTNER_FIELDS`].
//!
//! Two facts from Google's own pages shape the rules. Google's spam policies count "excessive
//! link exchanges (link to me and I'll link to you) or partner pages exclusively for the sake of
//! cross-linking" as link spam, and ask that links that are paid for carry `rel="sponsored"` (or
//! `nofollow`) ("Qualify your outbound links to Google"). So smo checks exchanges for the
//! visitors they send and for balance, and flags a paid placement whose link is not qualified;
//! it never advises more exchanges for ranking's sake.
//!
//! ```
//! use smo_core::partners::{self, CheckOptions};
//!
//! let ledger = partners::load(
//!     "partner,site,their_page,target,our_page,agreed\n\
//!      Atelier,https://atelier.example/,https://atelier.example/amis,https://www.maisonlune.fr/,,2026-06-01\n",
//!     &Default::default(),
//! )?;
//! let page = r#"<p>Nos amis : <a href="https://www.maisonlune.fr/">Maison Lune</a></p>"#;
//! let options = CheckOptions::new("https://www.maisonlune.fr/".parse().unwrap());
//! let report = partners::check_partners(&ledger.rows, &[("https://atelier.example/amis", page.as_bytes())], &[], &options)?;
//! assert_eq!(report.partners[0].inbound.state, partners::LinkState::Present);
//! assert!(report.findings.is_empty());
//! # Ok::<(), smo_core::Error>(())
//! ```

mod check;
mod example;

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use url::Url;

use crate::data::{
    self, FieldKind as K, FieldResult, FieldSpec, LoadOptions, Loaded, RowCells, Table, f,
};
use crate::error::Result;

pub(crate) use check::of_partner;
pub use check::{
    CheckOptions, FoundLink, LinkCheck, LinkState, PartnerCheck, PartnerTraffic, PartnersReport,
    RULES, check_partners,
};
pub use example::{example_ledger, example_pages};

/// What the partner and the brand agreed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Terms {
    /// Each links to the other (the ledger names our page that links to them).
    Exchange,
    /// They link to us, we do not link back (a stockist list, a press mention).
    OneWay,
    /// A placement the brand pays for (in money or in kind): Google asks for `rel="sponsored"`.
    Paid,
}

impl Terms {
    /// The id used in files: `exchange`, `one_way` or `paid`.
    pub fn as_str(self) -> &'static str {
        match self {
            Terms::Exchange => "exchange",
            Terms::OneWay => "one_way",
            Terms::Paid => "paid",
        }
    }
}

impl fmt::Display for Terms {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Terms {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s
            .trim()
            .to_ascii_lowercase()
            .replace(['-', ' '], "_")
            .as_str()
        {
            "exchange" | "reciprocal" | "swap" | "échange" | "echange" => Ok(Terms::Exchange),
            "one_way" | "oneway" | "listing" | "free" | "mention" => Ok(Terms::OneWay),
            "paid" | "sponsored" | "sponsorship" | "affiliate" | "payant" => Ok(Terms::Paid),
            other => Err(format!(
                "`{other}` is not a kind of agreement: use exchange, one_way or paid"
            )),
        }
    }
}

/// One agreement of the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partner {
    /// The partner's name, as the consultant writes it.
    pub name: String,
    /// The partner's site (absolute `http(s)` URL); its host, without `www.`, and every
    /// subdomain of it count as the partner's.
    pub site: Url,
    /// The partner's page that should link to us.
    pub their_page: Url,
    /// The page of ours they agreed to link to; `None` accepts any page of our site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Url>,
    /// Our page that links to them; `None` when we do not link back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub our_page: Option<Url>,
    /// The day the exchange was agreed (traffic is counted from it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed: Option<NaiveDate>,
    /// The anchor text agreed for their link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// The agreement: an exchange when `our_page` is given, else one-way, unless the ledger says.
    pub terms: Terms,
    /// The source name under which the partner's visits show in web analytics, when it is not
    /// the partner's host (a `utm_source` the links carry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Free notes (contact, conditions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// The `partners` schema: the ledger's columns, their aliases and meaning.
pub static PARTNER_FIELDS: &[FieldSpec] = &[
    f(
        "partner",
        K::Text,
        true,
        &["name", "partner_name", "partenaire"],
        "The partner's name.",
    ),
    f(
        "site",
        K::Text,
        true,
        &["partner_site", "website", "domain", "site_partenaire"],
        "The partner's site, an absolute URL (a bare host is read as https).",
    ),
    f(
        "their_page",
        K::Text,
        true,
        &[
            "partner_page",
            "backlink_page",
            "linking_page",
            "page_partenaire",
        ],
        "The partner's page that should link to us.",
    ),
    f(
        "target",
        K::Text,
        false,
        &["target_url", "link_to", "our_target", "landing_page"],
        "Our page they agreed to link to; empty accepts any page of our site.",
    ),
    f(
        "our_page",
        K::Text,
        false,
        &["our_link_page", "reciprocal_page", "notre_page"],
        "Our page that links to them; empty when we do not link back.",
    ),
    f(
        "agreed",
        K::Date,
        false,
        &["agreed_on", "date", "since", "start", "date_accord"],
        "The day the exchange was agreed.",
    ),
    f(
        "anchor",
        K::Text,
        false,
        &["anchor_text", "link_text", "ancre"],
        "The anchor text agreed for their link.",
    ),
    f(
        "terms",
        K::Text,
        false,
        &["kind", "type", "agreement"],
        "exchange, one_way or paid (default: exchange when our_page is given, else one_way).",
    ),
    f(
        "source",
        K::Text,
        false,
        &["utm_source", "analytics_source"],
        "The source name of the partner's visits in web analytics, when not its host.",
    ),
    f(
        "notes",
        K::Text,
        false,
        &["note", "contact", "comment", "comments"],
        "Free notes.",
    ),
];

/// An absolute `http(s)` URL from a ledger cell; a bare host (`atelier.fr/amis`) is read as
/// `https://`, since that is how ledgers are typed.
fn web_url(r: &RowCells<'_, '_>, name: &str) -> FieldResult<Option<Url>> {
    let Some(text) = r.text(name) else {
        return Ok(None);
    };
    let parsed = match Url::parse(&text) {
        Ok(u) => Ok(u),
        Err(url::ParseError::RelativeUrlWithoutBase) => Url::parse(&format!("https://{text}")),
        Err(e) => Err(e),
    };
    match parsed {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some() => Ok(Some(u)),
        Ok(u) => Err((
            name.to_owned(),
            format!(
                "`{text}` is a {} URL: write the page's http(s) address",
                u.scheme()
            ),
        )),
        Err(e) => Err((
            name.to_owned(),
            format!(
                "`{text}` is not a URL ({e}): write the page's address, such as https://example.com/page"
            ),
        )),
    }
}

impl Table for Partner {
    const NAME: &'static str = "partners";
    const FIELDS: &'static [FieldSpec] = PARTNER_FIELDS;
    fn build(r: &RowCells<'_, '_>) -> FieldResult<Self> {
        let our_page = web_url(r, "our_page")?;
        let terms = r
            .parsed::<Terms>("terms")?
            .unwrap_or(if our_page.is_some() {
                Terms::Exchange
            } else {
                Terms::OneWay
            });
        if terms == Terms::Exchange && our_page.is_none() {
            return Err((
                "our_page".into(),
                "is required for an exchange: name our page that links to the partner, or set terms to one_way".into(),
            ));
        }
        Ok(Partner {
            name: r.required("partner", r.text("partner"))?,
            site: r.required("site", web_url(r, "site")?)?,
            their_page: r.required("their_page", web_url(r, "their_page")?)?,
            target: web_url(r, "target")?,
            our_page,
            agreed: r.date("agreed")?,
            anchor: r.text("anchor"),
            terms,
            source: r.text("source"),
            notes: r.text("notes"),
        })
    }
}

impl Partner {
    /// The agreement as one flat record with the schema's field names (what the loaders read
    /// back, and what a data frame takes).
    pub fn to_record(&self) -> serde_json::Value {
        serde_json::json!({
            "partner": self.name, "site": self.site.as_str(), "their_page": self.their_page.as_str(),
            "target": self.target.as_ref().map(Url::as_str),
            "our_page": self.our_page.as_ref().map(Url::as_str),
            "agreed": self.agreed.map(|d| d.to_string()), "anchor": self.anchor,
            "terms": self.terms.as_str(), "source": self.source, "notes": self.notes,
        })
    }
}

/// Reads a ledger from CSV or JSON text: a text that starts with `[` or `{` is JSON (an array
/// of records, or JSON lines), anything else CSV ([`data::load_csv`], delimiter sniffed).
///
/// Rows that cannot be read are in [`Loaded::rejected`] with their line, field and reason.
pub fn load(text: &str, opts: &LoadOptions) -> Result<Loaded<Partner>> {
    let t = text.trim_start();
    if t.starts_with('{') && t.trim_end().contains("}\n") {
        data::load_json_lines(text, opts)
    } else if t.starts_with(['[', '{']) {
        data::load_json(text, opts)
    } else {
        data::load_csv(text, opts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ledger_rows_are_read_or_rejected_with_their_line() {
        let csv = "Partenaire;Site;Partner page;Our page;Date;Kind\n\
                   Atelier;atelier.example;atelier.example/amis;https://www.maisonlune.fr/amis;2026-06-01;\n\
                   Blog;https://blog.example/;mailto:x@y.z;;;\n\
                   Presse;https://presse.example/;https://presse.example/a;;;exchange\n\
                   Pub;https://pub.example/;https://pub.example/p;;;sponsored\n\
                   Troc;https://troc.example/;https://troc.example/p;;;barter\n";
        let l = load(csv, &LoadOptions::default()).unwrap();
        assert_eq!(l.total(), 5);
        assert_eq!(l.rows.len(), 2);
        assert_eq!(l.rows[0].site.as_str(), "https://atelier.example/");
        assert_eq!(l.rows[0].terms, Terms::Exchange);
        assert_eq!(l.rows[1].terms, Terms::Paid);
        let rej: Vec<_> = l
            .rejected
            .iter()
            .map(|r| (r.line, r.field.clone().unwrap_or_default()))
            .collect();
        assert_eq!(
            rej,
            [
                (3, "their_page".to_owned()),
                (4, "our_page".to_owned()),
                (6, "terms".to_owned())
            ]
        );
        assert!(l.rejected[0].reason.contains("mailto"));
    }

    #[test]
    fn records_round_trip_through_the_loader() {
        let l = load(
            &serde_json::to_string(
                &example_ledger()
                    .unwrap()
                    .iter()
                    .map(Partner::to_record)
                    .collect::<Vec<_>>(),
            )
            .unwrap(),
            &LoadOptions::default(),
        )
        .unwrap();
        assert_eq!(l.rows, example_ledger().unwrap());
    }
}
