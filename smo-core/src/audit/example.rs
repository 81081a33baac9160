//! The example brand's site (`docs/examples/maison-lune/site/`): four pages with the mistakes
//! consultants meet most often, embedded for tests, docs and the review example.

/// The example site's pages: (URL, HTML), home, product, blog article, contact.
///
/// ```
/// let pages = smo_core::audit::example::example_site();
/// assert_eq!(pages.len(), 4);
/// assert!(pages[0].0.starts_with("https://www.maisonlune.fr/"));
/// ```
pub fn example_site() -> Vec<(&'static str, &'static str)> {
    vec![
        (
            "https://www.maisonlune.fr/",
            include_str!("../../../docs/examples/maison-lune/site/index.html"),
        ),
        (
            "https://www.maisonlune.fr/produits/parure-lin-lave",
            include_str!("../../../docs/examples/maison-lune/site/produits/parure-lin-lave.html"),
        ),
        (
            "https://www.maisonlune.fr/journal/entretenir-le-lin",
            include_str!("../../../docs/examples/maison-lune/site/journal/entretenir-le-lin.html"),
        ),
        (
            "https://www.maisonlune.fr/contact",
            include_str!("../../../docs/examples/maison-lune/site/contact.html"),
        ),
    ]
}
