#!/usr/bin/env python3
"""Statistics of a benchmark page set, to compare with the published figures of real pages.

    python smo-core/benches/pageset_stats.py .tools/bench-pages/calibrated [...]

For each folder written by the `audit_bench` example: page sizes (uncompressed and gzip level 6,
p10/p25/p50/p75/p90, against the Web Almanac 2024 transfer sizes 6/13/32/71/147 kB), elements
per page (against 180/342/594/1,010/1,716), bytes per `<`, tag and attribute mix, mean element
depth, visible words, and the share of bytes inside inline `<script>`/`<style>` elements.
Uses only the standard library (html.parser), so it counts what a browser's tokenizer sees in the
served HTML, not the rendered DOM.
"""

import collections
import gzip
import html.parser
import pathlib
import re
import statistics
import sys

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "path"}


class Stats(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements = 0
        self.tags: collections.Counter[str] = collections.Counter()
        self.attrs: collections.Counter[str] = collections.Counter()
        self.depths: list[int] = []
        self.stack: list[str] = []
        self.words = 0
        self.code_bytes = 0
        self.comments = 0
        self.raw = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements += 1
        self.tags[tag] += 1
        for name, _ in attrs:
            self.attrs["data-*" if name.startswith("data-") else name] += 1
        self.depths.append(len(self.stack) + 1)
        if tag not in VOID:
            self.stack.append(tag)
        self.raw = tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack:
                if self.stack.pop() == tag:
                    break
        self.raw = ""

    def handle_data(self, data: str) -> None:
        if self.raw in ("script", "style"):
            self.code_bytes += len(data.encode())
        elif self.stack and self.stack[-1] not in ("title",):
            self.words += len(data.split())

    def handle_comment(self, data: str) -> None:
        self.comments += 1


def q(values: list[float], ps: tuple[int, ...] = (10, 25, 50, 75, 90)) -> str:
    qs = statistics.quantiles(values, n=100, method="inclusive")
    return "/".join(f"{qs[p - 1]:,.0f}" for p in ps)


def main() -> int:
    for folder in map(pathlib.Path, sys.argv[1:]):
        files = sorted(folder.glob("*.html"))
        sizes, gz, elements, words, lt, code, comments = [], [], [], [], 0, 0, []
        tags: collections.Counter[str] = collections.Counter()
        attrs: collections.Counter[str] = collections.Counter()
        depths: list[int] = []
        for f in files:
            data = f.read_bytes()
            sizes.append(len(data))
            gz.append(len(gzip.compress(data, 6)))
            lt += data.count(b"<")
            s = Stats()
            s.feed(data.decode("utf-8", "replace"))
            elements.append(s.elements)
            words.append(s.words)
            tags.update(s.tags)
            attrs.update(s.attrs)
            depths.extend(s.depths)
            code += s.code_bytes
            comments.append(s.comments)
        total = sum(sizes)
        n_el = sum(tags.values())
        n_at = sum(attrs.values())
        print(f"== {folder.name}: {len(files)} pages, {total / 1e6:.1f} MB, mean {statistics.mean(sizes) / 1024:.0f} KiB")
        print(f"size KiB p10/25/50/75/90:        {q([x / 1024 for x in sizes])}")
        print(f"gzip-6 KiB p10/25/50/75/90:      {q([x / 1024 for x in gz])}   (Almanac 2024 transfer: 6/13/32/71/147)")
        print(f"gzip ratio (total):              {total / sum(gz):.2f}")
        print(f"elements p10/25/50/75/90:        {q(elements)}   (Almanac 2024, rendered DOM: 180/342/594/1,010/1,716)")
        print(f"bytes per '<':                   {total / lt:.0f}")
        print(f"bytes per element:               {total / n_el:.0f}")
        print(f"inline script/style bytes:       {100 * code / total:.0f}% of all bytes")
        print(f"visible words p50:               {statistics.median(words):.0f}   (Almanac 2021 SEO, raw: 321)")
        print(f"comments p10/p50/p90:            {q(comments, (10, 50, 90))}   (Almanac 2020: 2/-/73)")
        print(f"element depth mean/median/sd:    {statistics.mean(depths):.1f}/{statistics.median(depths):.0f}/{statistics.pstdev(depths):.1f}   (news home pages 2023: 12.0/11/7.2)")
        print("top tags (% of elements):       " + ", ".join(f"{t} {100 * c / n_el:.1f}" for t, c in tags.most_common(15)))
        print("top attributes (% of attrs):    " + ", ".join(f"{a} {100 * c / n_at:.1f}" for a, c in attrs.most_common(10)))
        print(f"attributes per element:          {n_at / n_el:.2f}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
