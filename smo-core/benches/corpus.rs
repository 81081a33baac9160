//! A reproducible corpus of posts in many scripts, shared by the criterion benchmark and the
//! comparison script (through `cargo run --example text_corpus`).
//!
//! Posts are assembled from fixed fragments (Latin, CJK, Arabic, emoji-heavy, URL-heavy,
//! mentions, hashtags, cashtags) by a xorshift generator with a fixed seed, so every run and
//! every language sees the same texts.

/// Fragments by family; a post draws from one or two families.
const LATIN: &[&str] = &[
    "Nouvelle collection en lin lavé, cousue à Lyon.",
    "Our spring drop is live — thanks for the support!",
    "¿Has visto la nueva colección? Está disponible hoy.",
    "Die Herbstkollektion ist da: Wolle, Leinen und Seide.",
    "Atelier ouvert samedi de 10 h à 18 h, café offert.",
];
const CJK: &[&str] = &[
    "新しいコレクションが発売されました。",
    "今天的天气很好，我们去公园散步吧。",
    "여름 신상품이 출시되었습니다. 많은 관심 부탁드립니다.",
    "東京の店舗で限定イベントを開催します！",
];
const ARABIC: &[&str] = &[
    "مجموعة جديدة من الكتان متوفرة الآن في متجرنا.",
    "شكراً لكم على دعمكم المستمر، نراكم قريباً.",
    "برنامه‌نویسی را از امروز شروع کنید.",
];
const EMOJI: &[&str] = &[
    "🎉🎉🎉",
    "👨‍👩‍👧‍👦 en famille",
    "🙋🏽 coucou",
    "❤️🔥✨",
    "🇫🇷🇯🇵🇧🇷",
    "1️⃣ 2️⃣ 3️⃣",
    "😷👾😡🔥💩",
];
const URLS: &[&str] = &[
    "https://maisonlune.fr/collection/printemps-2026?utm_source=x",
    "maisonlune.fr/atelier",
    "http://t.co/abcdEFGH12",
    "https://en.wikipedia.org/wiki/Linen_(fabric)",
    "bit.ly/3xYzAbc",
    "https://例え.jp/パス",
];
const TAGS: &[&str] = &[
    "#MaisonLune",
    "#lin",
    "@maisonlune",
    "@atelier_lyon",
    "$LUNE",
    "#日本語ハッシュタグ",
    "#été2026",
    "@user/list-name",
    "#سیاست",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
}

/// `n` posts, the same for a given `n` on every run.
pub fn corpus(n: usize) -> Vec<String> {
    let mut rng = Rng(0x0005_EED0_F5A0_u64);
    let families: [&[&str]; 6] = [LATIN, CJK, ARABIC, EMOJI, URLS, TAGS];
    (0..n)
        .map(|i| {
            let main = families[i % 4];
            let pieces = 2 + (rng.next() % 6) as usize;
            let mut post = String::new();
            for k in 0..pieces {
                if k > 0 {
                    post.push(' ');
                }
                let family = if rng.next().is_multiple_of(3) {
                    families[(rng.next() % families.len() as u64) as usize]
                } else {
                    main
                };
                post.push_str(rng.pick(family));
            }
            post
        })
        .collect()
}
