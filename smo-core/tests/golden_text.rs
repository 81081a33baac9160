//! Golden vectors of the text engine, shared with the Python and Kotlin suites:
//! `tests/golden/text/*.json` (counting, entities, post checks, threads, share links).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use serde_json::Value;
use smo_core::post::{CheckOptions, Media, MediaKind, Post};
use smo_core::share::{ShareRequest, share_url};
use smo_core::text::{self, CountOptions, XConfig};
use smo_core::thread::{ThreadOptions, split_thread};
use smo_core::{Error, Network, RuleConfig};

fn load(name: &str) -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/golden/text")
        .join(name);
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    doc["cases"].as_array().unwrap().clone()
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn count_options(case: &Value) -> CountOptions {
    CountOptions {
        x_config: XConfig::version(case["x_version"].as_u64().unwrap_or(3) as u32).unwrap(),
        mastodon_max_characters: case["mastodon_max_characters"].as_u64(),
        content_warning: case["content_warning"].as_str().map(str::to_owned),
        ..CountOptions::default()
    }
}

#[test]
fn count() {
    let mut checked = 0;
    for case in load("count.json") {
        let network: Network = s(&case["network"]).parse().unwrap();
        let field = match case["field"].as_str() {
            Some(f) => f.parse().unwrap(),
            None => text::main_field(network).unwrap(),
        };
        let c = text::count_field(s(&case["text"]), network, field, &count_options(&case)).unwrap();
        let got = serde_json::json!({
            "length": c.length, "limit": c.limit, "valid": c.valid, "unit": c.unit.as_str(),
            "remaining": c.remaining, "permillage": c.permillage, "field": c.field.as_str(),
            "graphemes": c.graphemes, "code_points": c.code_points, "utf16": c.utf16, "bytes": c.bytes,
            "overflow": c.overflow.map(|o| o.code_point), "overflow_utf16": c.overflow.map(|o| o.utf16),
            "overflow_byte": c.overflow.map(|o| o.byte),
            "valid_range_end": c.valid_range_end, "display_range_end": c.display_range_end,
        });
        for (k, want) in case["expected"].as_object().unwrap() {
            assert_eq!(&got[k], want, "{}: {k}", s(&case["name"]));
            checked += 1;
        }
    }
    assert!(checked > 50);
}

#[test]
fn entities() {
    for case in load("entities.json") {
        let got = serde_json::to_value(text::extract_entities(s(&case["text"]))).unwrap();
        assert_eq!(got, case["expected"], "{}", s(&case["name"]));
    }
}

fn post_of(case: &Value) -> Post {
    Post {
        text: s(&case["text"]).to_owned(),
        content_type: case["content_type"].as_str().map(|c| c.parse().unwrap()),
        media: case["media"]
            .as_array()
            .map(|m| {
                m.iter()
                    .map(|m| Media {
                        kind: m["kind"].as_str().map(|k| match k {
                            "video" => MediaKind::Video,
                            "gif" => MediaKind::Gif,
                            _ => MediaKind::Image,
                        }),
                        size_bytes: m["size_bytes"].as_u64(),
                        width: m["width"].as_u64().map(|w| w as u32),
                        height: m["height"].as_u64().map(|h| h as u32),
                        alt_text: m["alt_text"].as_str().map(str::to_owned),
                        ..Default::default()
                    })
                    .collect()
            })
            .unwrap_or_default(),
        link: case["link"].as_str().map(str::to_owned),
        content_warning: case["content_warning"].as_str().map(str::to_owned),
    }
}

#[test]
fn check() {
    for case in load("check.json") {
        let mut rules = RuleConfig::default();
        for id in case["disabled"].as_array().into_iter().flatten() {
            rules.disabled.insert(s(id).to_owned());
        }
        for (id, sev) in case["severities"].as_object().into_iter().flatten() {
            rules.severities.insert(id.clone(), s(sev).parse().unwrap());
        }
        let options = CheckOptions {
            rules,
            field: case["field"].as_str().map(|f| f.parse().unwrap()),
            ..Default::default()
        };
        let network: Network = s(&case["network"]).parse().unwrap();
        let found = smo_core::post::check_post_with(&post_of(&case), network, &options).unwrap();
        let got: Vec<Value> = found
            .iter()
            .map(|f| serde_json::json!({"rule": f.rule, "severity": f.severity.as_str()}))
            .collect();
        assert_eq!(Value::Array(got), case["expected"], "{}", s(&case["name"]));
    }
}

fn kind(e: &Error) -> &'static str {
    match e {
        Error::UnknownNetwork { .. } => "unknown_network",
        Error::Argument { .. } => "invalid_argument",
        Error::Invalid { .. } => "invalid_value",
        _ => "other",
    }
}

#[test]
fn share() {
    for case in load("share.json") {
        let r = &case["request"];
        let req = ShareRequest {
            url: r["url"].as_str().map(str::to_owned),
            text: r["text"].as_str().map(str::to_owned),
            title: r["title"].as_str().map(str::to_owned),
            hashtags: r["hashtags"]
                .as_array()
                .map(|h| h.iter().map(|x| s(x).to_owned()).collect())
                .unwrap_or_default(),
            via: r["via"].as_str().map(str::to_owned),
            media: r["media"].as_str().map(str::to_owned),
            instance: r["instance"].as_str().map(str::to_owned),
        };
        match share_url(s(&case["target"]), &req) {
            Ok(link) => assert_eq!(link, s(&case["expected"]), "{}", s(&case["name"])),
            Err(e) => assert_eq!(kind(&e), s(&case["error"]), "{}: {e}", s(&case["name"])),
        }
    }
}

#[test]
fn thread() {
    for case in load("thread.json") {
        let network: Network = s(&case["network"]).parse().unwrap();
        let options = ThreadOptions {
            numbering: case["numbering"].as_bool().unwrap_or(true),
            count: count_options(&case),
        };
        let input = s(&case["text"]);
        let parts = split_thread(input, network, &options).unwrap();
        let joined: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            joined,
            input,
            "{}: parts do not join back",
            s(&case["name"])
        );
        for p in &parts {
            assert!(p.length <= p.limit, "{}: {p:?}", s(&case["name"]));
        }
        let posts: Vec<&str> = parts.iter().map(|p| p.post.as_str()).collect();
        let want: Vec<&str> = case["expected"].as_array().unwrap().iter().map(s).collect();
        assert_eq!(posts, want, "{}", s(&case["name"]));
    }
}
