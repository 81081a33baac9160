//! Reproducible generators of pages for the audit benchmarks. Same seed, same pages, on every
//! machine.
//!
//! - [`pages`], the stress set: head-heavy and body-heavy pages from 5 KB to 2 MB, with inline
//!   scripts, JSON-LD, share and profile links, embeds and deep nesting; far denser in markup
//!   than real pages (one `<` every ~30 bytes).
//! - [`calibrated_pages`], the calibrated set: sizes, element counts, tag and attribute mix,
//!   nesting depth, words, comments and social markup from published statistics of real pages
//!   (HTTP Archive Web Almanac and others), each parameter with its source in [`calib`].
#![allow(dead_code)]

/// xorshift64*.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn word(&mut self) -> &'static str {
        const WORDS: &[&str] = &[
            "linen", "washed", "sheets", "Vosges", "duvet", "cover", "pillow", "sage", "natural",
            "weave", "cotton", "durable", "soft", "bedroom", "table", "napkin", "été", "lin",
            "lavé", "tissé", "qualité", "maison", "&amp;", "&#x27;", "craft", "loom",
        ];
        WORDS[self.below(WORDS.len())]
    }
    fn sentence(&mut self, words: usize) -> String {
        (0..words)
            .map(|_| self.word())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The shape of a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Most bytes in `<head>`: tags, scripts, JSON-LD, styles.
    HeadHeavy,
    /// Most bytes in `<body>`: text, links, nesting.
    BodyHeavy,
}

fn head(rng: &mut Rng, i: usize, heavy: bool, target: usize) -> String {
    let mut h = String::with_capacity(target.min(1 << 20));
    h.push_str("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">");
    h.push_str(&format!("<title>{} · page {i}</title>", rng.sentence(6)));
    h.push_str(&format!(
        "<meta name=\"description\" content=\"{}\">",
        rng.sentence(20)
    ));
    h.push_str(&format!(
        "<link rel=\"canonical\" href=\"https://shop.example.com/p/{i}\">"
    ));
    h.push_str("<link rel=\"icon\" href=\"/favicon.ico\"><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\">");
    for (k, v) in [
        ("og:type", "article".to_owned()),
        ("og:title", rng.sentence(8)),
        ("og:description", rng.sentence(25)),
        ("og:url", format!("https://shop.example.com/p/{i}")),
        ("og:site_name", "Shop".to_owned()),
        ("og:image", format!("https://shop.example.com/img/{i}.jpg")),
        ("og:image:width", "1200".to_owned()),
        ("og:image:height", "630".to_owned()),
    ] {
        h.push_str(&format!("<meta property=\"{k}\" content=\"{v}\">"));
    }
    h.push_str("<meta name=\"twitter:card\" content=\"summary_large_image\"><meta name=\"twitter:site\" content=\"@shop\">");
    h.push_str(&format!(
        "<script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"Organization\",\"name\":\"Shop\",\"url\":\"https://shop.example.com/\",\"logo\":\"https://shop.example.com/logo.png\",\"sameAs\":[\"https://www.instagram.com/shop/\",\"https://x.com/shop\"],\"description\":\"{}\"}}</script>",
        rng.sentence(30).replace('"', "")
    ));
    if heavy {
        while h.len() < target {
            match rng.below(5) {
                0 => h.push_str(&format!(
                    "<script>window.__data_{}={{\"items\":[{}],\"html\":\"<meta property=\\\"og:title\\\" content=\\\"x\\\">\"}};</script>",
                    rng.below(1 << 20),
                    (0..40).map(|n| n.to_string()).collect::<Vec<_>>().join(",")
                )),
                1 => h.push_str(&format!(
                    "<style>.c{} {{ color: #{:06x}; margin: {}px }} .d > .e {{ display: flex }}</style>",
                    rng.below(9999),
                    rng.below(0xFFFFFF),
                    rng.below(40)
                )),
                2 => h.push_str(&format!(
                    "<script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"Product\",\"name\":\"{}\",\"offers\":{{\"@type\":\"Offer\",\"price\":\"{}\"}}}}</script>",
                    rng.sentence(4).replace('"', ""),
                    rng.below(500)
                )),
                3 => h.push_str(&format!(
                    "<link rel=\"preload\" href=\"/static/{}.js\" as=\"script\"><meta name=\"x-build\" content=\"{}\">",
                    rng.below(99999),
                    rng.below(99999)
                )),
                _ => h.push_str(&format!(
                    "<meta property=\"article:tag\" content=\"{}\">",
                    rng.sentence(2)
                )),
            }
        }
    }
    h.push_str("</head>");
    h
}

fn body(rng: &mut Rng, out: &mut String, target: usize) {
    out.push_str("<body><header><nav>");
    for n in 0..12 {
        out.push_str(&format!("<a href=\"/c/{n}\">{}</a>", rng.word()));
    }
    out.push_str("</nav></header><main>");
    while out.len() < target {
        match rng.below(10) {
            0 => {
                // Deep nesting, as page builders produce.
                let depth = 10 + rng.below(60);
                for _ in 0..depth {
                    out.push_str("<div class=\"w\">");
                }
                out.push_str(&rng.sentence(12));
                for _ in 0..depth {
                    out.push_str("</div>");
                }
            }
            1 => out.push_str(&format!(
                "<p class=\"share\"><a href=\"https://x.com/intent/tweet?text={}&amp;url=https%3A%2F%2Fshop.example.com%2F\">X</a> <a href=\"https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fshop.example.com%2F\">Facebook</a> <a href=\"https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fshop.example.com%2F\">LinkedIn</a></p>",
                rng.word()
            )),
            2 => out.push_str(&format!(
                "<script>(function(){{var a={};for(var i=0;i<a;i++){{document.body.dataset['k'+i]='<a href=\"x\">';}}}})();</script>",
                rng.below(100)
            )),
            3 => out.push_str(&format!(
                "<img src=\"/img/{}.jpg\" alt=\"{}\" width=\"800\" height=\"600\" loading=\"lazy\">",
                rng.below(9999),
                rng.sentence(4)
            )),
            4 => out.push_str(&format!(
                "<ul>{}</ul>",
                (0..8)
                    .map(|n| format!("<li><a href=\"/p/{n}?ref=list&amp;x=1\">{}</a></li>", rng.sentence(3)))
                    .collect::<String>()
            )),
            5 if rng.below(8) == 0 => out.push_str(
                "<iframe src=\"https://www.youtube-nocookie.com/embed/abcdefghijk\" width=\"560\" height=\"315\"></iframe>",
            ),
            _ => out.push_str(&format!("<p>{}</p>", rng.sentence(40))),
        }
    }
    out.push_str("</main><footer><a href=\"https://www.instagram.com/shop/\">Instagram</a> <a href=\"https://x.com/shop\">X</a> <a href=\"https://www.pinterest.fr/shop/\">Pinterest</a><div id=\"disqus_thread\"></div></footer></body></html>");
}

/// One page of about `size` bytes.
pub fn page(seed: u64, i: usize, size: usize, shape: Shape) -> String {
    let mut rng = Rng::new(seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let head_target = match shape {
        Shape::HeadHeavy => size * 7 / 10,
        Shape::BodyHeavy => 0,
    };
    let mut html = head(&mut rng, i, shape == Shape::HeadHeavy, head_target);
    body(&mut rng, &mut html, size);
    html
}

/// The benchmark set: (URL, HTML), 5 KB to 2 MB, half head-heavy, half body-heavy.
/// About 13 MB in all.
pub fn pages() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let plan: &[(usize, usize)] = &[(5_000, 16), (50_000, 12), (500_000, 8), (2_000_000, 4)];
    let mut i = 0;
    for &(size, count) in plan {
        for n in 0..count {
            let shape = if n % 2 == 0 {
                Shape::HeadHeavy
            } else {
                Shape::BodyHeavy
            };
            out.push((
                format!("https://shop.example.com/p/{i}"),
                page(42, i, size, shape),
            ));
            i += 1;
        }
    }
    out
}

/// The calibrated benchmark set: pages whose size, element count, tag and attribute mix, text,
/// nesting depth and social markup follow published statistics of real pages (HTTP Archive Web
/// Almanac and others; each parameter in [`calib`] names its source). About 12 MB in all.
/// The stress set ([`pages`]) stays as it was.
pub fn calibrated_pages() -> Vec<(String, String)> {
    calib::pages()
}

/// The calibrated generator. Every constant names the published figure it comes from; the few
/// that no source publishes are marked **assumption** and kept moderate.
///
/// How a page is drawn: page `i` of `N` takes the quantile `q = (i + 0.5) / N` (a stratified,
/// deterministic sample), and its size, element count, word count and comment count are the
/// published distributions' values at that same quantile (so big pages also have many
/// elements: the distributions are assumed comonotonic). The page is then built from its
/// element budget (head, then a body of content units at a nesting depth that follows a random
/// walk around the published mean), and the bytes left to reach its size are given to its inline
/// `<script>`, `<style>` and JSON blocks: the inline code share is what reconciles the published
/// sizes with the published element counts, not an input.
pub mod calib {
    use super::Rng;

    /// Pages in the set. With the size distribution below this gives ~12 MB (not a published
    /// figure: chosen to keep a benchmark run short).
    pub const PAGES: usize = 56;

    /// Median HTML document transfer size (compressed as served), mobile, in bytes: 32 kB.
    /// Web Almanac 2024, Markup chapter, "Document size"
    /// (<https://almanac.httparchive.org/en/2024/markup#document-size>): p10/p25/p50/p75/p90 =
    /// 6/13/32/71/147 kB.
    pub const TRANSFER_P50: f64 = 32.0 * 1024.0;
    /// Spread of the transfer size below the median, as a log-normal sigma fitted to the same
    /// figure's p10 (6 kB): ln(32/6) / 1.2816.
    pub const TRANSFER_SIGMA_LOW: f64 = 1.306;
    /// Spread above the median, fitted to p90 (147 kB): ln(147/32) / 1.2816. (The fitted
    /// two-piece log-normal gives p25 = 13.3 kB and p75 = 71 kB, the published 13 and 71.)
    pub const TRANSFER_SIGMA_HIGH: f64 = 1.190;
    /// Uncompressed bytes per transferred byte. The Almanac publishes transfer sizes only
    /// (89.5% of documents compressed: 52% gzip, 37% brotli, same chapter, "Compression"); this
    /// factor is the gzip (level 6) ratio *measured on the generated pages themselves*
    /// (`pageset_stats.py` prints the set's gzip size quantiles next to the published ones), so
    /// that the set, gzipped, has the published transfer sizes. Cross-check: Common Crawl's
    /// December 2024 crawl holds 2.64 billion pages in 394 TiB of uncompressed content
    /// (<https://commoncrawl.org/blog/december-2024-crawl-archive-now-available>), a mean of
    /// ~164 kB per page (headers included), against this set's mean (printed by the script).
    pub const UNCOMPRESSED_PER_TRANSFERRED: f64 = 3.4;

    /// Median elements per page, mobile: 594. Web Almanac 2024, Markup, "Element diversity"
    /// (<https://almanac.httparchive.org/en/2024/markup#element-diversity>): p10/p25/p50/p75/p90
    /// = 180/342/594/1,010/1,716. Counted in the rendered DOM, so it includes elements that
    /// scripts insert: an upper bound for the served HTML.
    pub const ELEMENTS_P50: f64 = 594.0;
    /// Below the median: ln(594/180) / 1.2816.
    pub const ELEMENTS_SIGMA_LOW: f64 = 0.932;
    /// Above the median: ln(1716/594) / 1.2816.
    pub const ELEMENTS_SIGMA_HIGH: f64 = 0.828;

    /// Share of all elements per tag, mobile. Web Almanac 2024, Markup, "Top elements"
    /// (<https://almanac.httparchive.org/en/2024/markup#top-elements>): `div` 28.7%, `a` 12.6%,
    /// `span` 11.2%, `li` 7.7%, `script` 3.9%, then `img`, `p`, `link`, `path`, `meta`, `i`,
    /// `option`, `ul`, `br`, `td` "ranging from 3.3% to 1.3%" (the chapter gives only the
    /// range: the ten are interpolated linearly in rank order). Everything else (13.1%) is
    /// spread over headings, buttons, forms, `svg`, sectioning elements and the like. (Web
    /// Almanac 2019, Markup: `div` ~25%, `a` ~17%, `span` ~11%.)
    pub const TAG_SHARES: &[(&str, f64)] = &[
        ("div", 0.287),
        ("a", 0.126),
        ("span", 0.112),
        ("li", 0.077),
        ("script", 0.039),
        ("img", 0.033),
        ("p", 0.031),
        ("link", 0.029),
        ("path", 0.026),
        ("meta", 0.024),
        ("i", 0.021),
        ("option", 0.019),
        ("ul", 0.017),
        ("br", 0.015),
        ("td", 0.013),
    ];
    /// `<style>` elements: 0.7% of elements, on 83.8% of mobile pages. Web Almanac 2021,
    /// Markup, "`style`" (<https://almanac.httparchive.org/en/2021/markup#style>).
    pub const STYLE_SHARE: f64 = 0.007;
    /// See [`STYLE_SHARE`].
    pub const STYLE_PAGES: f64 = 0.838;
    /// Pages with an `<svg>` element: 51.6% of mobile pages. Web Almanac 2024, Markup, "Top
    /// elements".
    pub const SVG_PAGES: f64 = 0.516;

    /// Visible words in the served (raw) HTML: median 321 on mobile. Web Almanac 2021, SEO,
    /// "Word count" (<https://almanac.httparchive.org/en/2021/seo#word-count>). Percentiles are
    /// not published: words scale with the page's element count (**assumption**).
    pub const WORDS_P50: f64 = 321.0;

    /// Mean depth of an element in the DOM: 12 (median 11, standard deviation 7.2, maximum 128),
    /// HTTP Archive mobile crawl of 2023-03-01, news home pages, by Brian Grinstead
    /// (<https://briangrinstead.com/blog/httparchive-analysis-of-news-homepages/>). The
    /// Almanac publishes no depth figure; news pages are the only published sample found.
    pub const DEPTH_MEAN: f64 = 12.0;
    /// See [`DEPTH_MEAN`].
    pub const DEPTH_SD: f64 = 7.2;
    /// The nesting walk places content units; their own elements sit one or two levels below
    /// it, so the walk is centred this much above the target mean (fitted on the generated
    /// pages, whose mean depth `pageset_stats.py` prints).
    pub const DEPTH_UNIT_OFFSET: f64 = 1.25;

    /// HTML comments: on 86% of mobile pages (Web Almanac 2024, Markup, "Comments"); 2 per page
    /// at p10 and 73 at p90 (Web Almanac 2020, Markup, "Comments",
    /// <https://almanac.httparchive.org/en/2020/markup#comments>). Median taken as the geometric
    /// mean of p10 and p90 (**assumption**), sigma ln(73/2)/2.563.
    pub const COMMENT_PAGES: f64 = 0.86;
    /// See [`COMMENT_PAGES`].
    pub const COMMENTS_P50: f64 = 12.1;
    /// See [`COMMENT_PAGES`].
    pub const COMMENTS_SIGMA: f64 = 1.40;

    /// Share of pages with each social tag, mobile. Web Almanac 2024, Markup, "Social markup"
    /// (`og:title` 61%, `og:url` 58%, `og:type` 56%, `og:description` 53%, `og:site_name` 49%,
    /// `og:image` 46%, `twitter:card` 45%, then `og:locale`, `twitter:title`,
    /// `twitter:description` down to 24%) and Structured Data, "Open Graph"/"Twitter"
    /// (<https://almanac.httparchive.org/en/2024/structured-data>: `og:image:width`/`height`
    /// 23.8%, `og:image:type` 11.3%, `og:image:alt` 5.8%, `twitter:title` 26.4%,
    /// `twitter:description` 24.5%, `twitter:image` 18.6%, `twitter:site` and label/data pairs
    /// 9.7–13.4%). `og:locale` is between 45% and 26.4% in rank: 35% taken. A page draws one
    /// uniform number and has every tag whose share exceeds it, so pages with rarer tags also
    /// have the common ones.
    pub const SOCIAL_TAGS: &[(&str, f64)] = &[
        ("og:title", 0.61),
        ("og:url", 0.58),
        ("og:type", 0.56),
        ("og:description", 0.53),
        ("og:site_name", 0.49),
        ("og:image", 0.46),
        ("twitter:card", 0.45),
        ("og:locale", 0.35),
        ("twitter:title", 0.264),
        ("twitter:description", 0.245),
        ("og:image:width", 0.238),
        ("og:image:height", 0.238),
        ("twitter:image", 0.186),
        ("twitter:label1", 0.134),
        ("twitter:data1", 0.134),
        ("og:image:type", 0.113),
        ("twitter:site", 0.097),
        ("og:image:alt", 0.058),
    ];
    /// JSON-LD on 41% of mobile pages. Web Almanac 2024, Structured Data, "Comparison of
    /// JSON-LD, Microdata, and RDFa usage". Its size is not published: a Yoast-style `@graph`
    /// (WebPage, WebSite with SearchAction, Organization, BreadcrumbList; the most popular types
    /// per Web Almanac 2021, SEO, "Most popular schema types") of 1–3 kB (**assumption**).
    pub const JSONLD_PAGES: f64 = 0.41;
    /// Images per page: median 19, p10 2, p90 73 (mobile). Web Almanac 2021, SEO, "Images".
    /// Used as a check: `img` is 3.3% of elements, which gives 19.6 at the median element count.
    pub const IMG_P50: f64 = 19.0;
    /// `hreflang` alternates on 8.41% of mobile pages. Web Almanac 2021, SEO,
    /// "Internationalization".
    pub const HREFLANG_PAGES: f64 = 0.0841;
    /// Google Tag Manager's `<noscript><iframe>` snippet on 16.9% of mobile pages. Web Almanac
    /// 2021, Markup, "`script`".
    pub const GTM_PAGES: f64 = 0.169;
    /// Internal links: median 55 per mobile page (Web Almanac 2021, SEO, "Internal and external
    /// links") against ~75 `a` elements (12.6% of 594): ~73% of links stay on the site.
    pub const INTERNAL_LINK_SHARE: f64 = 0.73;
    /// Share of all attributes per name, mobile. Web Almanac 2024, Markup, "Top attributes":
    /// `class` 33%, `href` 8%, `id` 6%, `style` 5%, `src` 3%, then `type`, `rel`, `title`, `alt`,
    /// `value` from 3% to 1%; `data-*` attributes on 90% of pages. Used as a check on the
    /// generated pages (printed by `pageset_stats.py`); per-element attribute counts and
    /// attribute lengths are not published (**assumption**: `class` on ~2/3 of the elements
    /// that usually carry one, 1–4 tokens, framework-style names).
    pub const CLASS_ATTRIBUTE_SHARE: f64 = 0.33;

    /// **Assumptions** (no published rate found): share links (X/Facebook/LinkedIn/Pinterest
    /// intents) on article/product pages, 15% of pages; social profile links in the footer,
    /// 45%; a YouTube embed, 8%; a comment widget (Disqus, Facebook comments), 4%; an inline
    /// JSON data island (`__NEXT_DATA__`-style `application/json`), 15%; inline `<style>` gets
    /// 30% of the inline-code bytes on pages that have one.
    pub const SHARE_LINK_PAGES: f64 = 0.15;
    /// See [`SHARE_LINK_PAGES`].
    pub const PROFILE_LINK_PAGES: f64 = 0.45;
    /// See [`SHARE_LINK_PAGES`].
    pub const YOUTUBE_PAGES: f64 = 0.08;
    /// See [`SHARE_LINK_PAGES`].
    pub const COMMENT_WIDGET_PAGES: f64 = 0.04;
    /// See [`SHARE_LINK_PAGES`].
    pub const JSON_ISLAND_PAGES: f64 = 0.15;
    /// See [`SHARE_LINK_PAGES`].
    pub const STYLE_CODE_SHARE: f64 = 0.30;

    const HOST: &str = "https://www.maison-lin.example.com";

    /// The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9).
    pub fn normal_quantile(p: f64) -> f64 {
        const A: [f64; 6] = [
            -39.696_830_286_65,
            220.946_098_424_5,
            -275.928_510_446_9,
            138.357_751_867_3,
            -30.664_798_066_15,
            2.506_628_277_459,
        ];
        const B: [f64; 5] = [
            -54.476_098_798_22,
            161.585_836_858_0,
            -155.698_979_859_9,
            66.801_311_887_72,
            -13.280_681_552_89,
        ];
        const C: [f64; 6] = [
            -0.007_784_894_002_430,
            -0.322_396_458_041_1,
            -2.400_758_277_162,
            -2.549_732_539_344,
            4.374_664_141_465,
            2.938_163_982_699,
        ];
        const D: [f64; 4] = [
            0.007_784_695_709_041,
            0.322_467_129_070_0,
            2.445_134_137_143,
            3.754_408_661_907,
        ];
        let p = p.clamp(1e-12, 1.0 - 1e-12);
        let tail = |q: f64| {
            (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
        };
        if p < 0.02425 {
            tail((-2.0 * p.ln()).sqrt())
        } else if p > 1.0 - 0.02425 {
            -tail((-2.0 * (1.0 - p).ln()).sqrt())
        } else {
            let q = p - 0.5;
            let r = q * q;
            (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
        }
    }

    fn two_piece(median: f64, low: f64, high: f64, z: f64) -> f64 {
        median * (z * if z < 0.0 { low } else { high }).exp()
    }

    /// The drawn characteristics of page `i` of `n`.
    #[derive(Clone, Copy, Debug)]
    pub struct Plan {
        /// Target size in bytes (uncompressed).
        pub bytes: usize,
        /// Element budget.
        pub elements: usize,
        /// Visible words.
        pub words: usize,
        /// HTML comments.
        pub comments: usize,
    }

    /// The plan of page `i` of `n` (stratified quantile `(i + 0.5) / n`).
    pub fn plan(i: usize, n: usize) -> Plan {
        let z = normal_quantile((i as f64 + 0.5) / n.max(1) as f64);
        let transfer = two_piece(TRANSFER_P50, TRANSFER_SIGMA_LOW, TRANSFER_SIGMA_HIGH, z);
        let elements = two_piece(ELEMENTS_P50, ELEMENTS_SIGMA_LOW, ELEMENTS_SIGMA_HIGH, z);
        Plan {
            bytes: (transfer * UNCOMPRESSED_PER_TRANSFERRED) as usize,
            elements: elements.round() as usize,
            words: (WORDS_P50 * elements / ELEMENTS_P50).round() as usize,
            comments: (COMMENTS_P50 * (z * COMMENTS_SIGMA).exp()).round() as usize,
        }
    }

    /// The calibrated set: (URL, HTML). Pages are interleaved so that sizes do not grow with
    /// the index (the site audit batches pages in order).
    pub fn pages() -> Vec<(String, String)> {
        let order = interleave(PAGES);
        order
            .iter()
            .enumerate()
            .map(|(i, &k)| {
                let url = format!("{HOST}/{}/{i}", PATHS[i % PATHS.len()]);
                (url.clone(), page(0xCA11_B8A7, i, plan(k, PAGES), &url))
            })
            .collect()
    }

    fn interleave(n: usize) -> Vec<usize> {
        // A fixed permutation: walk the quantiles with a stride coprime with n (below n/2, so
        // neighbours in the set are far apart in size).
        let stride = (1..n)
            .rev()
            .find(|s| gcd(*s, n) == 1 && *s < n / 2)
            .unwrap_or(1);
        (0..n).map(|i| (i * stride) % n.max(1)).collect()
    }

    fn gcd(a: usize, b: usize) -> usize {
        if b == 0 { a } else { gcd(b, a % b) }
    }

    const PATHS: &[&str] = &["blog", "produit", "categorie", "a-propos", "journal"];

    const SYLLABLES: &[&str] = &[
        "la", "ma", "son", "ter", "ri", "ble", "con", "de", "tion", "men", "pro", "ven", "ca",
        "li", "na", "ex", "per", "ience", "sto", "ry", "ho", "me", "lin", "en", "tis", "sé", "qua",
        "li", "té", "ar", "ti", "cle", "in", "for", "ma", "ser", "vi", "ce", "ord", "er", "ship",
        "ping", "fa", "bric", "col", "lec", "cou", "leur", "tail", "le",
    ];
    const COMMON: &[&str] = &[
        "the", "and", "of", "to", "a", "in", "for", "is", "on", "with", "de", "la", "et", "le",
        "les", "des", "en", "our", "your", "you", "we", "this", "that", "by", "from", "at",
    ];

    fn word(rng: &mut Rng, out: &mut String) {
        // Zipf-like: a third of the words are function words, the rest 1–4 syllables.
        if rng.below(3) == 0 {
            out.push_str(COMMON[rng.below(COMMON.len())]);
            return;
        }
        for _ in 0..1 + rng.below(3) + usize::from(rng.below(4) == 0) {
            out.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
        }
    }

    fn words_r(rng: &mut Rng, base: usize, spread: usize, out: &mut String) {
        let n = base + rng.below(spread);
        words(rng, n, out);
    }

    fn words(rng: &mut Rng, n: usize, out: &mut String) {
        for k in 0..n {
            if k > 0 {
                out.push_str(match rng.below(40) {
                    0 => ", ",
                    1 => ". ",
                    2 => " &amp; ",
                    3 => "&nbsp;",
                    _ => " ",
                });
            }
            word(rng, out);
        }
    }

    const CLASS_TOKENS: &[&str] = &[
        "container",
        "row",
        "col-md-6",
        "col-lg-4",
        "col-12",
        "d-flex",
        "align-items-center",
        "justify-content-between",
        "btn",
        "btn-primary",
        "active",
        "fa",
        "fa-angle-right",
        "wp-block-group",
        "wp-block-columns",
        "wp-block-column",
        "has-text-align-center",
        "elementor-element",
        "elementor-widget-container",
        "elementor-column",
        "elementor-widget-wrap",
        "menu-item",
        "menu-item-type-post_type",
        "sub-menu",
        "nav-link",
        "card",
        "card-body",
        "title",
        "text-sm",
        "font-semibold",
        "mt-4",
        "px-4",
        "grid",
        "gap-6",
        "md:grid-cols-3",
        "product-card__title",
        "price-item",
        "visually-hidden",
        "sr-only",
        "header__inline-menu",
        "footer-block__details",
        "icon",
        "lazyload",
        "swiper-slide",
        "clearfix",
        "widget",
        "entry-content",
        "post-title",
        "is-layout-flex",
    ];

    fn attr_class(rng: &mut Rng, out: &mut String) {
        out.push_str(" class=\"");
        let n = 1 + rng.below(3) + usize::from(rng.below(3) == 0);
        for k in 0..n {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(CLASS_TOKENS[rng.below(CLASS_TOKENS.len())]);
            if rng.below(6) == 0 {
                out.push_str(&format!("-{:x}", rng.below(0xFF_FFFF)));
            }
        }
        out.push('"');
    }

    /// The usual attributes of a generic element: class on ~2/3, id ~10%, inline style ~14%,
    /// a data-* attribute ~12% (**assumption**, checked against the published attribute mix).
    fn common_attrs(rng: &mut Rng, out: &mut String) {
        if rng.below(3) != 0 {
            attr_class(rng, out);
        }
        if rng.below(10) == 0 {
            out.push_str(&format!(
                " id=\"{}-{}\"",
                CLASS_TOKENS[rng.below(20)],
                rng.below(9999)
            ));
        }
        if rng.below(7) == 0 {
            out.push_str(match rng.below(4) {
                0 => " style=\"display:none\"",
                1 => " style=\"width:100%;height:auto\"",
                2 => " style=\"background-image:url(/wp-content/uploads/2024/05/hero-1920x1080.jpg)\"",
                _ => " style=\"--gap:24px;margin-top:0\"",
            });
        }
        if rng.below(8) == 0 {
            out.push_str(match rng.below(4) {
                0 => " data-id=\"3f2a9c1\"",
                1 => " data-element_type=\"widget\" data-widget_type=\"text-editor.default\"",
                2 => " data-toggle=\"collapse\" data-target=\"#nav\"",
                _ => " data-settings=\"{&quot;background_background&quot;:&quot;classic&quot;,&quot;sticky&quot;:&quot;top&quot;}\"",
            });
        }
    }

    fn href(rng: &mut Rng, out: &mut String) {
        if rng.below(100) < (INTERNAL_LINK_SHARE * 100.0) as usize {
            out.push_str(&format!(
                " href=\"/{}/{}-{}/\"",
                PATHS[rng.below(PATHS.len())],
                SYLLABLES[rng.below(SYLLABLES.len())],
                rng.below(999)
            ));
        } else {
            out.push_str(&format!(
                " href=\"https://{}.example.org/{}?utm_source=site&amp;utm_medium=link\"",
                SYLLABLES[rng.below(SYLLABLES.len())],
                rng.below(99_999)
            ));
            if rng.below(2) == 0 {
                out.push_str(" target=\"_blank\" rel=\"noopener noreferrer\"");
            }
        }
    }

    /// One page being written: the HTML, the element count and the open wrappers.
    struct W {
        html: String,
        elements: usize,
        depth: usize,
        stack: Vec<&'static str>,
        /// Byte offsets where inline code goes, with its kind and weight.
        holes: Vec<(usize, Code, f64)>,
    }

    #[derive(Clone, Copy, PartialEq)]
    enum Code {
        Script,
        Style,
        Json,
    }

    impl W {
        fn open(&mut self, rng: &mut Rng, tag: &'static str, attrs: bool) {
            self.html.push('<');
            self.html.push_str(tag);
            if attrs {
                common_attrs(rng, &mut self.html);
            }
            self.html.push('>');
            self.elements += 1;
            self.depth += 1;
            self.stack.push(tag);
        }
        fn close(&mut self) {
            if let Some(tag) = self.stack.pop() {
                self.html.push_str("</");
                self.html.push_str(tag);
                self.html.push('>');
                self.depth -= 1;
            }
        }
        fn leaf(&mut self, s: &str, elements: usize) {
            self.html.push_str(s);
            self.elements += elements;
        }
        fn hole(&mut self, kind: Code, weight: f64) {
            self.holes.push((self.html.len(), kind, weight));
        }
    }

    /// Builds one page: the element budget and words from its plan, the social and feature
    /// markup by the published (or assumed) page rates, then inline code to reach its size.
    pub fn page(seed: u64, i: usize, plan: Plan, url: &str) -> String {
        let mut rng = Rng::new(seed ^ (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let u = |rng: &mut Rng| (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
        let social = u(&mut rng);
        let has = |rng: &mut Rng, rate: f64| u(rng) < rate;
        let e = plan.elements.max(40) as f64;
        let mut w = W {
            html: String::with_capacity(plan.bytes + 4096),
            elements: 0,
            depth: 0,
            stack: Vec::new(),
            holes: Vec::new(),
        };

        // Head.
        w.html.push_str(if rng.below(100) < 93 {
            "<!DOCTYPE html>\n"
        } else {
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
        });
        w.html.push_str(if rng.below(100) < 87 {
            "<html lang=\"fr-FR\">"
        } else {
            "<html>"
        });
        w.html.push_str("<head>");
        w.elements += 2;
        w.leaf("<meta charset=\"UTF-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", 2);
        let mut title = String::new();
        words_r(&mut rng, 6, 6, &mut title);
        w.leaf(&format!("<title>{title} &#8211; Maison Lin</title>"), 1);
        let mut desc = String::new();
        words(&mut rng, 19, &mut desc);
        w.leaf(
            &format!("<meta name=\"description\" content=\"{desc}\">"),
            1,
        );
        let mut metas = 4usize;
        for &(prop, rate) in SOCIAL_TAGS {
            if social >= rate {
                continue;
            }
            let value = match prop {
                "og:title" | "twitter:title" => title.clone(),
                "og:description" | "twitter:description" => desc.clone(),
                "og:url" => url.to_owned(),
                "og:type" => "article".to_owned(),
                "og:site_name" => "Maison Lin".to_owned(),
                "og:locale" => "fr_FR".to_owned(),
                "og:image" | "twitter:image" => {
                    format!("{HOST}/wp-content/uploads/2024/05/linen-{i}-1200x630.jpg")
                }
                "og:image:width" => "1200".to_owned(),
                "og:image:height" => "630".to_owned(),
                "og:image:type" => "image/jpeg".to_owned(),
                "og:image:alt" => title.clone(),
                "twitter:card" => "summary_large_image".to_owned(),
                "twitter:site" => "@maisonlin".to_owned(),
                "twitter:label1" => "Written by".to_owned(),
                _ => "4 minutes".to_owned(),
            };
            let key = if prop.starts_with("og:") {
                "property"
            } else {
                "name"
            };
            w.leaf(&format!("<meta {key}=\"{prop}\" content=\"{value}\">"), 1);
            metas += 1;
        }
        // The other metas up to the published `meta` share (robots, generator, verification...).
        let meta_target = (e * 0.024).round() as usize;
        while metas < meta_target {
            w.leaf(
                &format!(
                    "<meta name=\"{}\" content=\"{}\">",
                    [
                        "robots",
                        "generator",
                        "theme-color",
                        "google-site-verification",
                        "msapplication-TileColor"
                    ][rng.below(5)],
                    [
                        "max-image-preview:large",
                        "WordPress 6.5.3",
                        "#ffffff",
                        "aZ3kP9xQ2vL7mN1bC4dE",
                        "#da532c"
                    ][rng.below(5)]
                ),
                1,
            );
            metas += 1;
        }
        // Links up to the published `link` share: stylesheets, preloads, icons, canonical.
        let link_target = ((e * 0.029).round() as usize).max(3);
        w.leaf(&format!("<link rel=\"canonical\" href=\"{url}\">"), 1);
        w.leaf("<link rel=\"icon\" href=\"/wp-content/uploads/2023/01/cropped-favicon-32x32.png\" sizes=\"32x32\">", 1);
        let mut links = 2usize;
        if has(&mut rng, HREFLANG_PAGES) {
            for lang in ["fr", "en", "de", "x-default"] {
                w.leaf(
                    &format!(
                        "<link rel=\"alternate\" hreflang=\"{lang}\" href=\"{url}?lang={lang}\">"
                    ),
                    1,
                );
                links += 1;
            }
        }
        w.leaf(&format!("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Maison Lin &raquo; Flux\" href=\"{HOST}/feed/\">"), 1);
        links += 1;
        while links < link_target {
            match rng.below(3) {
                0 => w.leaf(&format!("<link rel=\"stylesheet\" id=\"wp-block-library-{0}-css\" href=\"/wp-includes/css/dist/block-library/style-{0}.min.css?ver=6.5.3\" media=\"all\">", rng.below(999)), 1),
                1 => w.leaf(&format!("<link rel=\"preload\" href=\"/static/chunks/{:x}.js\" as=\"script\">", rng.next() & 0xFFFF_FFFF), 1),
                _ => w.leaf("<link rel=\"preconnect\" href=\"https://fonts.gstatic.com\" crossorigin>", 1),
            }
            links += 1;
        }
        let scripts = ((e * 0.039).round() as usize).max(2);
        let head_scripts = scripts * 2 / 5;
        let styles = if has(&mut rng, STYLE_PAGES) {
            ((e * STYLE_SHARE).round() as usize).max(1)
        } else {
            0
        };
        for s in 0..styles {
            w.leaf(&format!("<style id=\"inline-css-{s}\">"), 1);
            w.hole(Code::Style, 1.0 + (u(&mut rng) * 3.0).exp());
            w.html.push_str("</style>");
        }
        for _ in 0..head_scripts {
            script(&mut w, &mut rng);
        }
        if has(&mut rng, JSONLD_PAGES) {
            w.leaf(
                "<script type=\"application/ld+json\" class=\"yoast-schema-graph\">",
                1,
            );
            jsonld(&mut rng, url, &title, &desc, &mut w.html);
            w.html.push_str("</script>");
        }
        w.html.push_str("</head>");

        // Body.
        w.html.push_str("<body");
        attr_class(&mut rng, &mut w.html);
        w.html.push('>');
        w.elements += 1;
        w.depth = 2;
        if has(&mut rng, GTM_PAGES) {
            w.leaf("<noscript><iframe src=\"https://www.googletagmanager.com/ns.html?id=GTM-5XK2P7Q\" height=\"0\" width=\"0\" style=\"display:none;visibility:hidden\"></iframe></noscript>", 2);
        }
        let svg = has(&mut rng, SVG_PAGES);
        let share = has(&mut rng, SHARE_LINK_PAGES);
        let profiles = has(&mut rng, PROFILE_LINK_PAGES);
        let youtube = has(&mut rng, YOUTUBE_PAGES);
        let widget = has(&mut rng, COMMENT_WIDGET_PAGES);
        let json_island = has(&mut rng, JSON_ISLAND_PAGES);
        let mut comments = if has(&mut rng, COMMENT_PAGES) {
            plan.comments.max(1)
        } else {
            0
        };
        let body_scripts = scripts - head_scripts;
        let budget = plan.elements.max(40);
        // Words per text-bearing unit, so that the page's words are spread over its units.
        let text_units = (budget as f64 * 1.0).max(4.0);
        let words_per_unit = (plan.words as f64 / text_units).max(2.0);
        // The nesting walk: an AR(1) process with the published mean and standard deviation.
        let rho: f64 = 0.97;
        let noise = DEPTH_SD * (1.0 - rho * rho).sqrt();
        let centre = DEPTH_MEAN - DEPTH_UNIT_OFFSET;
        let mut level = centre;
        let mut units = 0usize;
        let mut placed = [false; 5];
        while w.elements < budget {
            units += 1;
            // Box–Muller.
            let g = (-2.0 * u(&mut rng).max(1e-12).ln()).sqrt()
                * (std::f64::consts::TAU * u(&mut rng)).cos();
            level = centre + rho * (level - centre) + noise * g;
            let target = level.round().clamp(3.0, 120.0) as usize;
            while w.depth > target && !w.stack.is_empty() {
                w.close();
            }
            while w.depth < target {
                let tag = match rng.below(20) {
                    0 => "section",
                    1 => "article",
                    2 => "nav",
                    _ => "div",
                };
                w.open(&mut rng, tag, true);
            }
            if comments > 0 && rng.below(6) == 0 {
                let mut c = String::from("<!-- ");
                words_r(&mut rng, 3, 6, &mut c);
                c.push_str(" -->");
                w.html.push_str(&c);
                comments -= 1;
            }
            // Features, each once, at a point spread over the page.
            let at = w.elements * 5 / budget.max(1);
            if at < 5 && !placed[at] {
                placed[at] = true;
                match at {
                    1 if share => share_links(&mut w, &mut rng),
                    2 if youtube => w.leaf("<figure class=\"wp-block-embed is-type-video is-provider-youtube\"><div class=\"wp-block-embed__wrapper\"><iframe title=\"Vidéo\" width=\"560\" height=\"315\" src=\"https://www.youtube.com/embed/aqz-KE-bpKQ?feature=oembed\" frameborder=\"0\" allow=\"accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture\" allowfullscreen></iframe></div></figure>", 3),
                    3 if widget => w.leaf("<div id=\"disqus_thread\"></div>", 1),
                    4 if json_island => {
                        w.leaf("<script id=\"__NEXT_DATA__\" type=\"application/json\">", 1);
                        w.hole(Code::Json, 4.0);
                        w.html.push_str("</script>");
                    }
                    _ => {}
                }
            }
            unit(&mut w, &mut rng, words_per_unit, svg);
            if units.is_multiple_of(15) && w.elements < budget && body_scripts > 0 {
                script(&mut w, &mut rng);
            }
        }
        while !w.stack.is_empty() {
            w.close();
        }
        while comments > 0 {
            w.html.push_str("<!-- /wp:group -->");
            comments -= 1;
        }
        w.html.push_str("<footer class=\"site-footer\">");
        w.elements += 1;
        if profiles {
            w.leaf("<ul class=\"social-links\"><li><a href=\"https://www.facebook.com/maisonlin\" aria-label=\"Facebook\">Facebook</a></li><li><a href=\"https://www.instagram.com/maisonlin/\" aria-label=\"Instagram\">Instagram</a></li><li><a href=\"https://x.com/maisonlin\" aria-label=\"X\">X</a></li><li><a href=\"https://www.pinterest.fr/maisonlin/\" aria-label=\"Pinterest\">Pinterest</a></li></ul>", 9);
        }
        for _ in 0..body_scripts.min(3) {
            script(&mut w, &mut rng);
        }
        w.html.push_str("</footer></body></html>\n");

        fill(&mut rng, w, plan.bytes)
    }

    /// A `<script>`: about half inline (a hole for code), half external (**assumption**: the
    /// median page has ~23 `script` elements and ~22 JavaScript requests, Web Almanac 2024,
    /// JavaScript, of which a share is injected; no published inline/external split).
    fn script(w: &mut W, rng: &mut Rng) {
        if rng.below(2) == 0 {
            w.leaf(&format!(
                "<script src=\"/wp-content/plugins/{}/assets/js/frontend.min.js?ver=3.{}\" id=\"{}-js\"{}></script>",
                CLASS_TOKENS[rng.below(CLASS_TOKENS.len())],
                rng.below(30),
                CLASS_TOKENS[rng.below(CLASS_TOKENS.len())],
                [" async", " defer", ""][rng.below(3)]
            ), 1);
        } else {
            w.leaf(
                if rng.below(3) == 0 {
                    "<script type=\"text/javascript\">"
                } else {
                    "<script>"
                },
                1,
            );
            let weight = (u01(rng) * 4.0).exp();
            w.hole(Code::Script, weight);
            w.html.push_str("</script>");
        }
    }

    fn u01(rng: &mut Rng) -> f64 {
        (rng.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// One content unit at the current depth. The unit kinds and their weights (per mille) are
    /// worked out from the published tag mix ([`TAG_SHARES`]): per 100 elements, 1.7 lists of
    /// ~4.5 linked items (`ul` 1.7, `li` 7.7), 3.1 paragraphs (`p`), 3.3 images, 7.5 span
    /// groups (`span` 11.2, icons: `i` 2.1, or on SVG pages an `svg` with ~1.7 `path`s), 2.5
    /// headings, 1.7 bare links (`a` 12.6 in all), 0.24 forms of ~8 `option`s, 0.22 tables of
    /// ~6 `td`s, and text `div`s that, with the nesting wrappers, make up `div`'s 28.7%. The
    /// generated mix is checked by `pageset_stats.py`.
    fn unit(w: &mut W, rng: &mut Rng, words_per_unit: f64, svg: bool) {
        let wc =
            |rng: &mut Rng| ((words_per_unit * (0.3 + 1.4 * u01(rng))).round() as usize).max(1);
        let kind = rng.below(1000);
        let kind = match kind {
            0..=57 => 3,     // list
            58..=163 => 0,   // paragraph
            164..=276 => 6,  // image
            277..=334 => 15, // bare link
            335..=590 => 8,  // spans and icons
            591..=598 => 13, // form
            599..=606 => 14, // table
            607..=691 => 12, // heading
            _ => 16,         // text div
        };
        match kind {
            // A paragraph with inline links and spans.
            0 => {
                w.open(rng, "p", false);
                let k = wc(rng);
                let mut t = String::new();
                words(rng, k, &mut t);
                w.html.push_str(&t);
                if rng.below(2) == 0 {
                    w.html.push_str("<a");
                    href(rng, &mut w.html);
                    w.html.push('>');
                    words(rng, 2, &mut w.html);
                    w.html.push_str("</a> ");
                    w.elements += 1;
                }
                if rng.below(2) == 0 {
                    w.html.push_str("<br>");
                    w.elements += 1;
                }
                w.close();
            }
            // A menu or list of links.
            3 => {
                w.open(rng, "ul", true);
                for _ in 0..3 + rng.below(4) {
                    w.open(rng, "li", true);
                    w.html.push_str("<a");
                    href(rng, &mut w.html);
                    w.html.push('>');
                    words_r(rng, 1, 2, &mut w.html);
                    w.html.push_str("</a>");
                    w.elements += 1;
                    w.close();
                }
                w.close();
            }
            // An image, often linked.
            6 => {
                let linked = rng.below(2) == 0;
                if linked {
                    w.html.push_str("<a");
                    href(rng, &mut w.html);
                    w.html.push('>');
                    w.elements += 1;
                }
                let id = rng.below(9999);
                let mut alt = String::new();
                words_r(rng, 0, 5, &mut alt);
                w.leaf(&format!("<img src=\"/wp-content/uploads/2024/03/img-{id}-768x512.jpg\" alt=\"{alt}\" width=\"768\" height=\"512\" loading=\"lazy\" decoding=\"async\" srcset=\"/wp-content/uploads/2024/03/img-{id}-768x512.jpg 768w, /wp-content/uploads/2024/03/img-{id}-300x200.jpg 300w\" sizes=\"(max-width: 768px) 100vw, 768px\">"), 1);
                if linked {
                    w.html.push_str("</a>");
                }
            }
            // Spans and icons (Font Awesome `i`, or an inline SVG icon with paths).
            8 => {
                w.open(rng, "span", true);
                let k = wc(rng).min(3);
                words(rng, k, &mut w.html);
                w.close();
                let icon = rng.below(2) == 0;
                if icon && svg && rng.below(5) != 0 {
                    let paths = 1 + rng.below(2) + usize::from(rng.below(5) == 0);
                    w.leaf("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" width=\"24\" height=\"24\" aria-hidden=\"true\">", 1);
                    for _ in 0..paths {
                        let mut d = String::from("<path d=\"M");
                        for _ in 0..6 + rng.below(30) {
                            d.push_str(&format!(
                                "{}.{} {}.{}l",
                                rng.below(24),
                                rng.below(100),
                                rng.below(24),
                                rng.below(100)
                            ));
                        }
                        d.push_str("z\" fill=\"currentColor\"></path>");
                        w.leaf(&d, 1);
                    }
                    w.html.push_str("</svg>");
                } else if icon {
                    w.leaf(
                        &format!(
                            "<i class=\"fa fa-{}\" aria-hidden=\"true\"></i>",
                            CLASS_TOKENS[rng.below(CLASS_TOKENS.len())]
                        ),
                        1,
                    );
                }
                if rng.below(2) == 0 {
                    w.open(rng, "span", true);
                    words(rng, 1, &mut w.html);
                    w.close();
                }
            }
            // A heading.
            12 => {
                let tag = ["h1", "h2", "h2", "h3", "h3", "h4"][rng.below(6)];
                w.open(rng, tag, true);
                let k = wc(rng).min(10);
                words(rng, k, &mut w.html);
                w.close();
            }
            // A form with a select.
            13 => {
                w.open(rng, "form", true);
                w.leaf("<label for=\"qty\">Quantité</label><input type=\"number\" id=\"qty\" name=\"quantity\" value=\"1\" min=\"1\">", 2);
                w.leaf("<select name=\"attribute_taille\" id=\"taille\">", 1);
                for k in 0..4 + rng.below(8) {
                    w.leaf(&format!("<option value=\"{k}\">Taille {k}</option>"), 1);
                }
                w.html.push_str("</select>");
                w.leaf("<button type=\"submit\" class=\"single_add_to_cart_button button alt\">Ajouter au panier</button>", 1);
                w.close();
            }
            // A small table.
            14 => {
                w.leaf("<table class=\"shop_attributes\"><tbody>", 2);
                for _ in 0..2 + rng.below(3) {
                    w.leaf("<tr>", 1);
                    for _ in 0..2 {
                        w.html.push_str("<td>");
                        words_r(rng, 1, 3, &mut w.html);
                        w.html.push_str("</td>");
                        w.elements += 1;
                    }
                    w.html.push_str("</tr>");
                }
                w.html.push_str("</tbody></table>");
            }
            // A button or a bare link.
            15 => {
                w.html.push_str("<a");
                href(rng, &mut w.html);
                attr_class(rng, &mut w.html);
                w.html.push('>');
                words_r(rng, 1, 3, &mut w.html);
                w.html.push_str("</a>");
                w.elements += 1;
            }
            // A wrapper div with text (page builders).
            _ => {
                w.open(rng, "div", true);
                if rng.below(2) == 0 {
                    let k = wc(rng);
                    words(rng, k, &mut w.html);
                }
                w.close();
            }
        }
    }

    fn share_links(w: &mut W, rng: &mut Rng) {
        let t = rng.below(999);
        w.leaf(&format!("<div class=\"share-buttons\"><a href=\"https://x.com/intent/tweet?text=Linen%20{t}&amp;url=https%3A%2F%2Fwww.maison-lin.example.com%2Fblog%2F{t}\" target=\"_blank\" rel=\"noopener\">X</a><a href=\"https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwww.maison-lin.example.com%2Fblog%2F{t}\" target=\"_blank\" rel=\"noopener\">Facebook</a><a href=\"https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fwww.maison-lin.example.com%2Fblog%2F{t}\" target=\"_blank\" rel=\"noopener\">LinkedIn</a><a href=\"https://pinterest.com/pin/create/button/?url=https%3A%2F%2Fwww.maison-lin.example.com%2Fblog%2F{t}\" target=\"_blank\" rel=\"noopener\">Pinterest</a></div>"), 5);
    }

    fn jsonld(rng: &mut Rng, url: &str, title: &str, desc: &str, out: &mut String) {
        let crumbs: String = (1..=2 + rng.below(3))
            .map(|k| format!("{{\"@type\":\"ListItem\",\"position\":{k},\"name\":\"{}\",\"item\":\"{HOST}/{}/\"}}", SYLLABLES[rng.below(SYLLABLES.len())], PATHS[k % PATHS.len()]))
            .collect::<Vec<_>>()
            .join(",");
        out.push_str(&format!(
            "{{\"@context\":\"https://schema.org\",\"@graph\":[{{\"@type\":\"WebPage\",\"@id\":\"{url}\",\"url\":\"{url}\",\"name\":\"{title}\",\"isPartOf\":{{\"@id\":\"{HOST}/#website\"}},\"datePublished\":\"2024-05-0{}T08:00:00+00:00\",\"dateModified\":\"2024-06-1{}T10:30:00+00:00\",\"description\":\"{desc}\",\"breadcrumb\":{{\"@id\":\"{url}#breadcrumb\"}},\"inLanguage\":\"fr-FR\"}},{{\"@type\":\"BreadcrumbList\",\"@id\":\"{url}#breadcrumb\",\"itemListElement\":[{crumbs}]}},{{\"@type\":\"WebSite\",\"@id\":\"{HOST}/#website\",\"url\":\"{HOST}/\",\"name\":\"Maison Lin\",\"publisher\":{{\"@id\":\"{HOST}/#organization\"}},\"potentialAction\":[{{\"@type\":\"SearchAction\",\"target\":{{\"@type\":\"EntryPoint\",\"urlTemplate\":\"{HOST}/?s={{search_term_string}}\"}},\"query-input\":\"required name=search_term_string\"}}],\"inLanguage\":\"fr-FR\"}},{{\"@type\":\"Organization\",\"@id\":\"{HOST}/#organization\",\"name\":\"Maison Lin\",\"url\":\"{HOST}/\",\"logo\":{{\"@type\":\"ImageObject\",\"url\":\"{HOST}/wp-content/uploads/2023/01/logo.png\",\"width\":512,\"height\":512}},\"sameAs\":[\"https://www.facebook.com/maisonlin\",\"https://www.instagram.com/maisonlin/\",\"https://x.com/maisonlin\"]}}]}}",
            1 + rng.below(9),
            rng.below(10)
        ));
    }

    /// Fills the inline-code holes so the page reaches `target` bytes: each hole gets a share of
    /// the missing bytes by its weight (a few large bundles, many small snippets); `<style>`
    /// holes share [`STYLE_CODE_SHARE`] of them, a JSON island a quarter when present.
    fn fill(rng: &mut Rng, w: W, target: usize) -> String {
        let missing = target.saturating_sub(w.html.len()) as f64;
        let sum = |k: Code| {
            w.holes
                .iter()
                .filter(|h| h.1 == k)
                .map(|h| h.2)
                .sum::<f64>()
        };
        let (ss, sj, sc) = (sum(Code::Style), sum(Code::Json), sum(Code::Script));
        let style_part = if ss > 0.0 { STYLE_CODE_SHARE } else { 0.0 };
        let json_part = if sj > 0.0 { 0.25 } else { 0.0 };
        let script_part = if sc > 0.0 {
            1.0 - style_part - json_part
        } else {
            0.0
        };
        let mut out = String::with_capacity(target + 1024);
        let mut last = 0;
        for &(at, kind, weight) in &w.holes {
            out.push_str(&w.html[last..at]);
            last = at;
            let (part, total) = match kind {
                Code::Style => (style_part, ss),
                Code::Json => (json_part, sj),
                Code::Script => (script_part, sc),
            };
            let bytes = if total > 0.0 {
                (missing * part * weight / total) as usize
            } else {
                0
            };
            match kind {
                Code::Style => css(rng, bytes, &mut out),
                Code::Json => json(rng, bytes, &mut out),
                Code::Script => js(rng, bytes.max(40), &mut out),
            }
        }
        out.push_str(&w.html[last..]);
        out
    }

    fn ident(rng: &mut Rng, out: &mut String) {
        const L: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$";
        for _ in 0..1 + rng.below(3) {
            out.push(L[rng.below(L.len())] as char);
        }
    }

    /// Minified-JavaScript-like code: keywords, short identifiers, numbers, string literals
    /// (some holding markup, as real bundles and tag managers do).
    fn js(rng: &mut Rng, bytes: usize, out: &mut String) {
        let end = out.len() + bytes;
        const TOKENS: &[&str] = &[
            "function(",
            "){",
            "return ",
            "var ",
            "const ",
            "let ",
            "=",
            "==",
            ";",
            "}",
            "(",
            ")",
            ",",
            ".",
            "this.",
            "null",
            "!0",
            "!1",
            "void 0",
            "typeof ",
            "&&",
            "||",
            "?",
            ":",
            "new ",
            "window.",
            "document.",
            "push(",
            "length",
            "prototype.",
            "=>",
            "[",
            "]",
            "Object.defineProperty(",
            "addEventListener(\"click\",",
            "JSON.parse(",
            "{",
        ];
        while out.len() < end {
            match rng.below(12) {
                0 | 1 => ident(rng, out),
                2 => out.push_str(&rng.below(100_000).to_string()),
                3 => {
                    out.push('"');
                    match rng.below(8) {
                        0 => out.push_str("<div class=\\\"wp-ad\\\">"),
                        1 => out.push_str("https://www.googletagmanager.com/gtag/js?id=G-8XK2"),
                        _ => {
                            let mut s = String::new();
                            word(rng, &mut s);
                            out.push_str(&s);
                        }
                    }
                    out.push('"');
                }
                _ => out.push_str(TOKENS[rng.below(TOKENS.len())]),
            }
        }
    }

    fn css(rng: &mut Rng, bytes: usize, out: &mut String) {
        let end = out.len() + bytes;
        const PROPS: &[&str] = &[
            "display:flex",
            "margin:0 auto",
            "padding:1rem 2rem",
            "color:var(--wp--preset--color--contrast)",
            "font-size:clamp(1rem,2vw,1.25rem)",
            "line-height:1.6",
            "border-radius:4px",
            "background:#f7f5f2",
            "gap:var(--wp--style--block-gap)",
            "width:100%",
            "max-width:1200px",
            "justify-content:space-between",
            "position:relative",
            "transition:opacity .2s ease",
        ];
        while out.len() < end {
            out.push('.');
            out.push_str(CLASS_TOKENS[rng.below(CLASS_TOKENS.len())]);
            if rng.below(2) == 0 {
                out.push_str(" > .");
                out.push_str(CLASS_TOKENS[rng.below(CLASS_TOKENS.len())]);
            }
            out.push('{');
            for k in 0..1 + rng.below(4) {
                if k > 0 {
                    out.push(';');
                }
                out.push_str(PROPS[rng.below(PROPS.len())]);
            }
            out.push('}');
        }
    }

    fn json(rng: &mut Rng, bytes: usize, out: &mut String) {
        let end = out.len() + bytes;
        out.push_str("{\"props\":{\"pageProps\":{\"items\":[");
        let mut first = true;
        while out.len() < end {
            if !first {
                out.push(',');
            }
            first = false;
            let mut t = String::new();
            words_r(rng, 2, 5, &mut t);
            out.push_str(&format!(
                "{{\"id\":{},\"title\":\"{}\",\"slug\":\"/produit/{}-{}/\",\"price\":{}.{:02},\"inStock\":{}}}",
                rng.below(1_000_000),
                t.replace('"', ""),
                SYLLABLES[rng.below(SYLLABLES.len())],
                rng.below(999),
                rng.below(500),
                rng.below(100),
                rng.below(2) == 0
            ));
        }
        out.push_str("]}},\"page\":\"/produit/[slug]\",\"buildId\":\"b7Xk2Qp\"}");
    }
}
