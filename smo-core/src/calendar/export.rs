//! CSV exports of a plan: smo's own layout, and Hootsuite's bulk composer.
//!
//! - **smo** ([`CsvLayout::Smo`]): one row per slot with a header: `slot_id`, `start_utc`
//!   (RFC 3339), `local_date`, `local_time` (the planned wall time), `zone`, `network`, `handle`,
//!   `pillar`, `content_type`, `audiences` (`;`-separated), `campaign`, `draft`, `reason`.
//! - **Hootsuite** ([`CsvLayout::Hootsuite`]): the bulk composer's three columns, no header:
//!   date and time as `DD/MM/YYYY HH:MM` in the slot's wall time (choose the day-first format
//!   and the profile's zone when uploading), the message, and the link; only slots with a draft,
//!   since the composer schedules messages, not empty slots. Hootsuite takes one profile per
//!   file, so pass the network to export. Source: the bulk-schedule instructions as Hootsuite's
//!   users describe them (three columns: date and time, text, link; one file per profile; up to
//!   350 messages), e.g. <http://gussetbeard.com/bulk-update-algo/> and
//!   <http://jycalcano.blogspot.com/2015/07/post-8-hootsuite-bulk-messaging.html>, read 2026-12.

use crate::error::{Error, Format, Result};
use crate::network::Network;

use super::model::Plan;

/// The layout of a CSV export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CsvLayout {
    /// smo's own schema, every slot.
    #[default]
    Smo,
    /// Hootsuite's bulk composer: slots with a draft.
    Hootsuite,
}

impl std::str::FromStr for CsvLayout {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "smo" => Ok(CsvLayout::Smo),
            "hootsuite" => Ok(CsvLayout::Hootsuite),
            _ => Err(Error::Argument {
                name: "layout".into(),
                message: format!("`{s}` is not a CSV layout: use `smo` or `hootsuite`"),
            }),
        }
    }
}

fn write_err(e: impl std::fmt::Display) -> Error {
    Error::Write {
        format: Format::Csv,
        message: e.to_string(),
    }
}

impl Plan {
    /// The plan as CSV in `layout`, every network or only `network`'s slots.
    ///
    /// ```
    /// use smo_core::{Strategy, calendar::{plan, PlanOptions, export::CsvLayout}};
    /// let d = |s: &str| s.parse().unwrap();
    /// let p = plan(&Strategy::example()?, d("2027-01-04"), d("2027-01-10"), &PlanOptions::default())?;
    /// let csv = p.to_csv(CsvLayout::Smo, None)?;
    /// assert!(csv.starts_with("slot_id,start_utc,local_date,local_time,zone,network,"));
    /// assert_eq!(csv.lines().count(), p.slots.len() + 1);
    /// # Ok::<(), smo_core::Error>(())
    /// ```
    pub fn to_csv(&self, layout: CsvLayout, network: Option<Network>) -> Result<String> {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let slots = self
            .slots
            .iter()
            .filter(|s| network.is_none_or(|n| s.network == n));
        match layout {
            CsvLayout::Smo => {
                w.write_record([
                    "slot_id",
                    "start_utc",
                    "local_date",
                    "local_time",
                    "zone",
                    "network",
                    "handle",
                    "pillar",
                    "content_type",
                    "audiences",
                    "campaign",
                    "draft",
                    "reason",
                ])
                .map_err(write_err)?;
                for s in slots {
                    w.write_record([
                        s.id.as_str(),
                        &s.start.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                        &s.date.to_string(),
                        &s.time.format("%H:%M").to_string(),
                        s.zone.name(),
                        s.network.as_str(),
                        &s.handle,
                        s.pillar.as_deref().unwrap_or(""),
                        s.content_type.map_or("", |t| t.as_str()),
                        &s.audiences.join(";"),
                        s.campaign.as_deref().unwrap_or(""),
                        s.draft.as_ref().map_or("", |d| d.text.as_str()),
                        &s.reason,
                    ])
                    .map_err(write_err)?;
                }
            }
            CsvLayout::Hootsuite => {
                for s in slots {
                    let Some(d) = &s.draft else { continue };
                    w.write_record([
                        s.local.format("%d/%m/%Y %H:%M").to_string().as_str(),
                        d.text.as_str(),
                        d.link.as_deref().unwrap_or(""),
                    ])
                    .map_err(write_err)?;
                }
            }
        }
        let bytes = w.into_inner().map_err(write_err)?;
        String::from_utf8(bytes).map_err(write_err)
    }
}
