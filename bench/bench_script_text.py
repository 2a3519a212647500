"""Cost of reading and checking a long show script: what the editor pays on each (debounced) keystroke.

A 100,000-character Chinese script (about six hours of reading at 260 字/分) is built from the demo show's
segments; the bench prints the median and worst of several runs for: parsing it, writing it back, the
compliance lint with the built-in word list (and the list load itself), the price check, and the reading-time
estimate. Run:

    .venv/bin/python bench/bench_script_text.py [--chars 100000] [--repeats 7]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from studio_app.paths import resource_path
from studio_app.script.format import format_script, parse_script
from studio_app.script.lint import default_wordlist, lint_text
from studio_app.script.pricing import check_prices
from studio_app.script.reading import estimate_script


def long_script_text(chars: int) -> str:
    """The demo show, its segments repeated (with a few banned phrases mixed in) to about ``chars``."""
    demo = resource_path("demo", "demo_show.md").read_text(encoding="utf-8")
    head, _, rest = demo.partition("\n## ")
    segments_part, _, emergencies = ("## " + rest).partition("\n::: emergency")
    out = [head]
    size = len(head)
    round_no = 0
    while size < chars:
        round_no += 1
        chunk = segments_part + f"\n这是全网最低价，{round_no}天美白，无副作用。\n"
        out.append(chunk)
        size += len(chunk)
    out.append("::: emergency" + emergencies)
    return "\n".join(out)


def _time(label: str, fn: Callable[[], object], repeats: int) -> None:
    times_ms = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times_ms.append((time.perf_counter() - start) * 1000)
    print(f"{label:<44} median {statistics.median(times_ms):8.1f} ms   max {max(times_ms):8.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--chars", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()

    text = long_script_text(args.chars)
    script = parse_script(text)
    wordlist = default_wordlist()
    hits = lint_text(text, wordlist)
    print(
        f"script: {len(text):,} characters, {len(script.segments)} segments, "
        f"{len(script.products)} products; "
        f"word list: {len(wordlist.entries)} entries, {len(wordlist.exceptions)} exceptions; {len(hits)} hits"
    )
    _time("parse_script", lambda: parse_script(text), args.repeats)
    _time("format_script", lambda: format_script(script), args.repeats)
    _time("load built-in word list (compile patterns)", default_wordlist, args.repeats)
    _time("lint_text (whole script)", lambda: lint_text(text, wordlist), args.repeats)
    one_segment = script.segments[2].host_text
    _time(
        f"lint_text (one segment, {len(one_segment)} chars)",
        lambda: lint_text(one_segment, wordlist),
        args.repeats,
    )
    _time("check_prices", lambda: check_prices(script.products), args.repeats)
    _time("estimate_script (reading time)", lambda: estimate_script(script, 260), args.repeats)


if __name__ == "__main__":
    main()
