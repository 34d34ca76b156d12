"""Playground responsiveness: one training step of a 2-layer XOR network plus its heat-map
update, from the page's request to the parsed answer (target: under 50 ms).

A step is what the page's step button does: ``POST /api/<id>/step`` trains one epoch
(TF Playground's 500 XOR points, half for training, batch 10: 25 gradient steps) in the
session's thread, evaluates train and test loss, computes the 100x100 output heat map, every
neuron's 25x25 map and the weights, and sends them as JSON, which the client then parses. The
same is measured for the long poll the page uses while training plays (``GET .../state``,
which answers when the next epoch is done).

    python benchmarks/bench_playground.py [--steps 100]
"""

from __future__ import annotations

import argparse
import base64
import json
import statistics
import threading
import time
import urllib.request

from _common import pin_threads


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", type=int, default=100)
    args = ap.parse_args()
    pin_threads()
    from mitbadak.playground import make_server

    srv = make_server(port=0)
    threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    base = f"http://127.0.0.1:{srv.server_address[1]}"

    def call(method: str, path: str, body: dict | None = None) -> tuple[dict, int]:
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(base + path, data=data, method=method)
        with urllib.request.urlopen(req) as r:
            raw = r.read()
        return json.loads(raw), len(raw)

    setup = {"dataset": "xor", "hidden": "4,2", "samples": "500", "ratio": "50", "batch": "10"}
    r, _ = call("POST", "/api/session", {"kind": "playground", "setup": setup})
    sid = r["session"]
    for _ in range(5):  # warm-up
        call("POST", f"/api/{sid}/step")
    times, size = [], 0
    for _ in range(args.steps):
        t0 = time.perf_counter()
        r, size = call("POST", f"/api/{sid}/step")
        times.append((time.perf_counter() - t0) * 1000)
    assert len(base64.b64decode(r["state"]["heat"])) == 100**2

    # while playing: time between consecutive snapshots reaching the client
    call("POST", f"/api/{sid}/play", {"on": True})
    epoch, version, gaps = r["state"]["epoch"], r["version"], []
    t_prev = time.perf_counter()
    while len(gaps) < args.steps:
        r, _ = call("GET", f"/api/{sid}/state?epoch={epoch}&version={version}")
        now = time.perf_counter()
        if r["state"]["epoch"] != epoch:
            gaps.append((now - t_prev) * 1000 / (r["state"]["epoch"] - epoch))
            epoch, t_prev = r["state"]["epoch"], now
    call("POST", f"/api/{sid}/play", {"on": False})
    srv.shutdown()
    srv.server_close()

    def q(v: list[float], p: float) -> float:
        return sorted(v)[min(len(v) - 1, int(p * len(v)))]

    print(
        f"step + heat map, request to parsed answer ({size / 1024:.0f} KiB JSON), {len(times)} steps:"
    )
    print(
        f"  median {statistics.median(times):.1f} ms, p90 {q(times, 0.9):.1f} ms, max {max(times):.1f} ms"
    )
    print("playing (long poll), time per epoch reaching the client:")
    print(f"  median {statistics.median(gaps):.1f} ms, p90 {q(gaps, 0.9):.1f} ms")
    print(
        f"target: < 50 ms -> {'met' if statistics.median(times) < 50 else 'NOT met'} (median step)"
    )


if __name__ == "__main__":
    main()
