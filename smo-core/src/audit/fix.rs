//! The fix block: the `<meta>`/`<link>` markup a page needs in `<head>`, built from what the page
//! already has (its title, description, first image, canonical) so it can be pasted as is.
//! Values smo cannot know (an image's pixel size, alt text) become HTML comments saying what to
//! write.

use std::collections::BTreeSet;

use super::AuditOptions;
use super::features::PageFeatures;
use crate::Finding;

fn esc(v: &str) -> String {
    htmlize::escape_attribute(v).into_owned()
}

/// Whether the page has `key` the way consumers read it: the right key attribute, `content=`,
/// non-empty, in `<head>`.
fn good(f: &PageFeatures, key: &str, key_attribute: &str) -> bool {
    f.meta.iter().any(|m| {
        m.key == key
            && m.key_attribute == key_attribute
            && m.value_attribute == "content"
            && !m.value.is_empty()
            && m.origin.in_head
    })
}

/// The block for a page with `findings`; empty when no finding calls for markup.
pub fn fix_block(f: &PageFeatures, findings: &[Finding], opts: &AuditOptions) -> String {
    let failing: BTreeSet<&str> = findings.iter().map(|x| x.rule.as_str()).collect();
    let fails = |r: &str| failing.contains(r);
    let mut lines: Vec<String> = Vec::new();
    let absolute = |u: &str| u.starts_with("https://") || u.starts_with("http://");
    let url = f
        .canonical
        .clone()
        .filter(|c| {
            absolute(c)
                && !fails("canonical/points-to-root")
                && !fails("canonical/points-to-other-hreflang")
        })
        .unwrap_or_else(|| f.url.clone());
    let title = f
        .og("og:title")
        .or_else(|| f.tw("twitter:title"))
        .or(f.title.as_deref())
        .map(str::to_owned);
    let description = f
        .og("og:description")
        .or(f.description.as_deref())
        .or_else(|| f.tw("twitter:description"))
        .map(str::to_owned);
    let image = f
        .og_images
        .iter()
        .filter_map(|i| i.resolved.as_deref())
        .find(|u| absolute(u))
        .or_else(|| f.tw("twitter:image").filter(|u| absolute(u)))
        .map(str::to_owned);
    let site_name = f
        .og("og:site_name")
        .map(str::to_owned)
        .or_else(|| {
            f.json_ld
                .iter()
                .flat_map(|b| &b.entities)
                .find_map(|e| e.name.clone())
        })
        .or_else(|| opts.site_name.clone());
    let article = super::rules::page_kind(f) == super::rules::PageKind::Article;
    let og_type = f
        .og("og:type")
        .map(str::to_owned)
        .filter(|_| !fails("og/type-invalid"))
        .unwrap_or_else(|| {
            if article {
                "article".into()
            } else {
                "website".into()
            }
        });
    let previews = fails("og/missing-all")
        || fails("og/missing-required")
        || fails("og/uses-name-attribute")
        || fails("og/outside-head")
        || fails("meta/value-instead-of-content")
        || fails("meta/only-in-noscript")
        || fails("og/description-missing")
        || fails("og/site-name-missing")
        || fails("og/url-not-absolute")
        || fails("og/url-canonical-mismatch")
        || fails("og/image-not-absolute")
        || fails("og/duplicate-single-valued");
    let mut og = |key: &str, value: Option<String>, what: &str, force: bool| {
        if !force && good(f, key, "property") {
            return;
        }
        match value {
            Some(v) => lines.push(format!("<meta property=\"{key}\" content=\"{}\">", esc(&v))),
            None => lines.push(format!("<!-- {key}: {what} -->")),
        }
    };
    if previews {
        let dup = |k: &str| f.meta_of(k).filter(|m| !m.value.is_empty()).count() > 1;
        og(
            "og:title",
            title.clone(),
            "the page's title",
            dup("og:title"),
        );
        og("og:type", Some(og_type), "", dup("og:type"));
        og(
            "og:url",
            Some(url.clone()),
            "",
            fails("og/url-not-absolute") || fails("og/url-canonical-mismatch") || dup("og:url"),
        );
        og(
            "og:image",
            image.clone(),
            "the absolute https URL of a 1200×630 image",
            fails("og/image-not-absolute"),
        );
        og(
            "og:description",
            description.clone(),
            "one or two sentences",
            dup("og:description"),
        );
        og(
            "og:site_name",
            site_name,
            "the brand's name",
            dup("og:site_name"),
        );
    }
    if fails("og/image-missing-dimensions") {
        lines
            .push("<!-- og:image:width and og:image:height: the image's size in pixels -->".into());
    }
    if fails("og/image-too-small") || fails("linkedin/image-below-recommended") {
        lines.push("<!-- og:image: replace with a 1200×630 image -->".into());
    }
    if fails("og/image-missing-alt") {
        lines.push("<!-- og:image:alt: a description of the image -->".into());
    }
    if fails("twitter/card-missing")
        || fails("twitter/card-invalid")
        || fails("twitter/card-duplicate")
        || fails("twitter/uses-property-attribute") && !good(f, "twitter:card", "name")
    {
        let card = if image.is_some() {
            "summary_large_image"
        } else {
            "summary"
        };
        lines.push(format!("<meta name=\"twitter:card\" content=\"{card}\">"));
    }
    if fails("twitter/site-missing") || fails("twitter/card-missing") {
        if let Some(h) = &opts.x_handle {
            let h = h.trim_start_matches('@');
            lines.push(format!(
                "<meta name=\"twitter:site\" content=\"@{}\">",
                esc(h)
            ));
        }
    }
    if fails("twitter/title-too-long") {
        lines.push("<!-- twitter:title: a title of 70 characters or fewer -->".into());
    }
    if fails("twitter/description-too-long") {
        lines.push("<!-- twitter:description: 200 characters or fewer -->".into());
    }
    if fails("canonical/missing")
        || fails("canonical/relative")
        || fails("canonical/invalid")
        || fails("canonical/in-body")
        || fails("canonical/multiple-conflicting")
        || fails("canonical/points-to-root")
        || fails("canonical/points-to-other-hreflang")
    {
        lines.push(format!("<link rel=\"canonical\" href=\"{}\">", esc(&url)));
    }
    if fails("icon/missing-favicon") {
        lines.push("<link rel=\"icon\" href=\"/favicon.ico\" sizes=\"any\">".into());
    }
    if fails("icon/missing-apple-touch-icon") {
        lines.push("<link rel=\"apple-touch-icon\" href=\"/apple-touch-icon.png\">".into());
    }
    if fails("feed/missing") {
        lines.push("<!-- <link rel=\"alternate\" type=\"application/rss+xml\" href=\"(your feed URL)\" title=\"(feed name)\"> -->".into());
    }
    if fails("oembed/invalid-type") {
        for o in f.oembed.iter().filter(|o| !o.valid_type) {
            lines.push(format!(
                "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\">",
                esc(o.link.url.as_deref().unwrap_or(&o.link.href))
            ));
        }
    }
    let tag_rules = fails("tags/article-tag-missing") || fails("tags/jsonld-keywords-missing");
    let tags = if tag_rules {
        super::rules::suggested_tags(f)
    } else {
        Vec::new()
    };
    if fails("tags/article-tag-missing") {
        if tags.is_empty() {
            lines
                .push("<!-- article:tag: one <meta property=\"article:tag\"> per topic -->".into());
        }
        for t in &tags {
            lines.push(format!(
                "<meta property=\"article:tag\" content=\"{}\">",
                esc(t)
            ));
        }
    }
    if fails("tags/jsonld-keywords-missing") {
        let value = if tags.is_empty() {
            "\"topic, topic\"".to_owned()
        } else {
            super::rules::keywords_value(&tags)
        };
        // A comment cannot hold `--`: a phrase never does (tags are words).
        lines.push(format!(
            "<!-- JSON-LD: add \"keywords\": {} to the article entity -->",
            value.replace("--", "- -")
        ));
    }
    if lines.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "<!-- smo fix for {}: put in <head>, replacing tags of the same name -->\n",
        f.url
    );
    for l in lines {
        out.push_str(&l);
        out.push('\n');
    }
    out
}
