//! The example brand's partners (`docs/examples/maison-lune/partners.csv`) and the pages of the
//! exchanges (`docs/examples/maison-lune/partners/`): six agreements, each showing one way an
//! exchange goes wrong or stays right.

use crate::data::LoadOptions;
use crate::error::Result;

use super::Partner;

/// The example ledger.
///
/// ```
/// let ledger = smo_core::partners::example_ledger()?;
/// assert_eq!(ledger.len(), 6);
/// # Ok::<(), smo_core::Error>(())
/// ```
pub fn example_ledger() -> Result<Vec<Partner>> {
    let text = include_str!("../../../docs/examples/maison-lune/partners.csv");
    let opts = LoadOptions {
        strict: true,
        ..Default::default()
    };
    Ok(super::load(text, &opts)?.rows)
}

/// The pages of the example exchanges, (URL, HTML): the partners' pages and ours.
///
/// ```
/// let pages = smo_core::partners::example_pages();
/// assert_eq!(pages.len(), 7);
/// assert!(pages.iter().any(|(url, _)| url.starts_with("https://www.maisonlune.fr/")));
/// ```
pub fn example_pages() -> Vec<(&'static str, &'static str)> {
    vec![
        (
            "https://www.tissage-des-vosges.fr/ils-nous-font-confiance",
            include_str!("../../../docs/examples/maison-lune/partners/tissage-des-vosges.html"),
        ),
        (
            "https://lamaisonecolo.fr/blog/linge-de-lit-durable",
            include_str!("../../../docs/examples/maison-lune/partners/lamaisonecolo.html"),
        ),
        (
            "https://www.conciergerie-croixrousse.fr/nos-partenaires",
            include_str!(
                "../../../docs/examples/maison-lune/partners/conciergerie-croixrousse.html"
            ),
        ),
        (
            "https://www.decomag.fr/shopping/linge-de-lit-en-lin",
            include_str!("../../../docs/examples/maison-lune/partners/decomag.html"),
        ),
        (
            "https://www.boutique-rivages.fr/nos-marques",
            include_str!("../../../docs/examples/maison-lune/partners/boutique-rivages.html"),
        ),
        (
            "https://www.hotel-lestilleuls.fr/nos-chambres",
            include_str!("../../../docs/examples/maison-lune/partners/hotel-lestilleuls.html"),
        ),
        (
            "https://www.maisonlune.fr/partenaires",
            include_str!("../../../docs/examples/maison-lune/partners/partenaires.html"),
        ),
    ]
}
