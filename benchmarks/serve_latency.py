"""Check latency of the bundled example through `govproof serve`'s API, against `govproof check` on the same file.

Starts a real server process on 127.0.0.1 (a free port), posts the example to POST /api/check, and times
`python -m govproof check EXAMPLE --format json` from start to exit, which is what a script pays per document.
Also prints the in-process engine time, so the share of the CLI's time that is start-up is visible.
The bar (issue `govproof serve`): API latency ≤ 1.5 × the CLI's time. Prints figures; asserts nothing.

    python benchmarks/serve_latency.py [--requests 20] [--runs 5] [--ignore S2]
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EXAMPLE = ROOT / "examples" / "关于做好2025年政务公开工作的通知.txt"
ENV = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8", NO_COLOR="1")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def multipart(fields: dict[str, str], name: str, data: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode() for k, v in fields.items()]
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                 f"Content-Type: text/plain\r\n\r\n".encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def post(url: str, body: bytes, content_type: str) -> tuple[float, dict]:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": content_type}, method="POST")
    t = time.perf_counter()
    with urllib.request.urlopen(request, timeout=300) as r:
        payload = json.loads(r.read())
    return time.perf_counter() - t, payload


def start_server(port: int) -> tuple[subprocess.Popen, float]:
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "govproof", "serve", "--port", str(port)], cwd=ROOT, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).close()
            return proc, time.perf_counter() - t
        except OSError:
            if proc.poll() is not None or time.perf_counter() - t > 300:
                raise SystemExit("the server did not start")
            time.sleep(0.2)


def cli_once(ignore: str | None) -> tuple[float, dict]:
    args = [sys.executable, "-m", "govproof", "check", str(EXAMPLE), "--format", "json"]
    if ignore:
        args += ["--ignore", ignore]
    t = time.perf_counter()
    p = subprocess.run(args, cwd=ROOT, env=ENV, capture_output=True)
    return time.perf_counter() - t, json.loads(p.stdout)


def in_process(ignore: str | None, repeat: int) -> float:
    import govproof
    from govproof.config import split_codes

    config = govproof.Config(ignore=split_codes(ignore) if ignore else ())
    text = EXAMPLE.read_text(encoding="utf-8")
    govproof.check_text(text, config)  # build the checks once, as the server does at start
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        govproof.check_text(text, config)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=20, help="API requests to time (after one untimed)")
    ap.add_argument("--runs", type=int, default=5, help="CLI runs to time")
    ap.add_argument("--ignore", help="codes to leave out in both, e.g. S2 (the statistical speller)")
    args = ap.parse_args()
    data = EXAMPLE.read_bytes()
    print(f"text: {EXAMPLE.name} ({len(data.decode('utf-8')):,} characters); ignore: {args.ignore or 'nothing'}")

    port = free_port()
    proc, startup = start_server(port)
    try:
        fields = {"ignore": args.ignore} if args.ignore else {}
        body, content_type = multipart(fields, EXAMPLE.name, data)
        url = f"http://127.0.0.1:{port}/api/check"
        first, api_json = post(url, body, content_type)
        api = [post(url, body, content_type)[0] for _ in range(args.requests)]
    finally:
        proc.terminate()
        proc.wait(timeout=30)

    cli = []
    for _ in range(args.runs):
        seconds, cli_json = cli_once(args.ignore)
        cli.append(seconds)
    engine = in_process(args.ignore, 5)

    api_json["files"][0]["path"] = cli_json["files"][0]["path"]
    same = api_json == cli_json
    api_median, cli_median = statistics.median(api), statistics.median(cli)
    print(f"server start (process start to first page, checks built and warmed up): {startup:.2f} s")
    print(f"API  POST /api/check: first {first * 1000:.0f} ms; median {api_median * 1000:.0f} ms, "
          f"min {min(api) * 1000:.0f} ms, max {max(api) * 1000:.0f} ms over {len(api)} requests")
    print(f"CLI  govproof check --format json (start to exit): median {cli_median:.2f} s, "
          f"min {min(cli):.2f} s, max {max(cli):.2f} s over {len(cli)} runs")
    print(f"in-process check_text, checks built: median {engine * 1000:.0f} ms")
    print(f"API / CLI = {api_median / cli_median:.3f} (bar: ≤ 1.5); API / in-process = {api_median / engine:.2f}")
    print(f"API JSON equals the CLI's JSON (path aside): {same}; findings {api_json['summary']['findings']}")


if __name__ == "__main__":
    main()
