"""Upload estimate vs iperf3 on the same tbf-shaped veth (needs root: network namespaces and tc).

Builds the test lab of tests/checks/net_fixtures.py (an 8 Mbit/s `tbf` main line into a namespace that
runs the upload sink and an iperf3 server), then prints, for each measuring time, our estimate (what the
far end received), the sender-side count a naive client would report, the wall time, and the error
against iperf3's receiver-side figure over 10 s.

    sudo .venv/bin/python bench/bench_upload_estimate.py [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests"), str(REPO / "tests" / "checks")]

from net_fixtures import build_netlab, iperf3_server  # noqa: E402

from studio_app.probes.upload_sink import measure_upload  # noqa: E402


def iperf3_mbps(ip: str, seconds: float) -> tuple[float, float]:
    """(receiver Mbit/s, sender Mbit/s) of an iperf3 upload."""
    done = subprocess.run(
        ["iperf3", "-c", ip, "-p", "5201", "-t", f"{seconds:g}", "-J"],
        capture_output=True,
        text=True,
        timeout=seconds + 20,
        check=True,
    )
    end = json.loads(done.stdout)["end"]
    return end["sum_received"]["bits_per_second"] / 1e6, end["sum_sent"]["bits_per_second"] / 1e6


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    if os.geteuid() != 0:
        print("needs root (network namespaces, tc)", file=sys.stderr)
        return 2
    with build_netlab() as lab:
        iperf3_server(lab)
        ref_rx, ref_tx = iperf3_mbps(lab.service_ip, 10)
        rx3, tx3 = iperf3_mbps(lab.service_ip, 3)
        print("link: veth, tc tbf rate 8mbit burst 32kbit latency 400ms")
        print(f"iperf3 10 s: receiver {ref_rx:.3f} Mbit/s, sender {ref_tx:.3f} Mbit/s (reference = receiver)")
        print(f"iperf3  3 s: receiver {rx3:.3f} Mbit/s, sender {tx3:.3f} Mbit/s")
        print()
        print("seconds  estimate_mbps(median,min..max)  error_vs_iperf3  naive_sender_mbps  wall_s(max)")
        for seconds in (1.0, 1.5, 2.0, 3.0, 5.0):
            estimates, naive, walls = [], [], []
            for _ in range(args.repeats):
                m = measure_upload(lab.upload_url, seconds=seconds)
                estimates.append(m.upload_mbps)
                naive.append(m.sent_bytes * 8 / seconds / 1e6)
                walls.append(m.seconds_used)
            med = statistics.median(estimates)
            worst_err = max(abs(e - ref_rx) / ref_rx * 100 for e in estimates)
            print(
                f"{seconds:7.1f}  {med:6.3f} ({min(estimates):.3f}..{max(estimates):.3f})"
                f"        {(med - ref_rx) / ref_rx * 100:+5.1f} % (worst {worst_err:.1f} %)"
                f"      {statistics.median(naive):6.3f}       {max(walls):.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
