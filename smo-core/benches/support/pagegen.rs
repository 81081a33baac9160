//! A reproducible generator of realistic pages for the audit benchmarks: head-heavy and
//! body-heavy pages from 5 KB to 2 MB, with inline scripts, JSON-LD, share and profile links,
//! embeds and deep nesting. Same seed, same pages, on every machine.
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
