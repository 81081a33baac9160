// The property of the `text_parse` fuzz target, included by the target and by the stable
// regression test so that both check the same thing.

/// Bytes as text: invalid UTF-8 an error (then UTF-16), every counter, the extractor with its
/// offsets, the post checks and the thread splitter that gives the text back.
fn smo_core_fuzz_text(data: &[u8]) {
    use smo_core::Network;
    use smo_core::post::{Post, check_post};
    use smo_core::text::{self, XConfig};
    use smo_core::thread::{THREAD_NETWORKS, ThreadOptions, split_thread};
    let Ok(t) = text::from_utf8(data) else {
        let units: Vec<u16> = data.chunks_exact(2).map(|p| u16::from_le_bytes([p[0], p[1]])).collect();
        let t = text::from_utf16_lossy(&units);
        let _ = text::extract_entities(&t);
        return;
    };
    for e in text::extract_entities(t) {
        let slice = &t[e.start_byte as usize..e.end_byte as usize];
        assert!(slice.ends_with(&e.text));
        assert_eq!(t[..e.start_byte as usize].encode_utf16().count() as u64, e.start_utf16);
    }
    for c in [XConfig::V1, XConfig::V2, XConfig::V3] {
        let _ = text::parse_x(t, &c);
    }
    for n in Network::ALL {
        let _ = text::count(t, n);
        let _ = check_post(&Post::text(t), n);
    }
    if t.len() < 2000 {
        for n in THREAD_NETWORKS {
            if let Ok(parts) = split_thread(t, n, &ThreadOptions::default()) {
                assert_eq!(parts.iter().map(|p| p.text.as_str()).collect::<String>(), t);
            }
        }
    }
}
