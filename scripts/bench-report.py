"""Writes docs/BENCHMARKS.md from the log of one `scripts/bench` run (tooling, not product)."""
import argparse
import datetime
import os
import platform
import re
import subprocess


def first(pattern, text, cast=float):
    match = re.search(pattern, text, re.M)
    if not match:
        raise SystemExit(f"bench-report: no line matching {pattern!r} in the log")
    return tuple(cast(g.replace(",", "")) for g in match.groups())


def machine():
    cpu = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    release = dict(line.strip().split("=", 1) for line in open("/etc/os-release", encoding="utf-8") if "=" in line)
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    load = os.getloadavg()[0]
    return f"{os.cpu_count()} vCPU ({cpu}), {release.get('PRETTY_NAME', platform.system()).strip(chr(34))}, {swift}; load average {load:.1f} when the report was written"


def verdict(ok):
    return "✓" if ok else "✗ missed"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    log = open(args.log, encoding="utf-8").read()
    number = r"([\d.]+)"

    hop = {}
    for conns in (1, 16):
        for key, label in (("a", r"\(a\) plain HTTP"), ("b", r"\(b\) mTLS"), ("c", r"\(c\) mTLS \+ policy"),
                           ("d", r"\(d\) mTLS \+ policy \+ tracing")):
            hop[key, conns] = first(rf"^hop {label}, {conns} connection\(s\): {number} req/s, p50 {number} µs, p99 {number} µs.*adds p50 ([+-]\d+) µs, p99 ([+-]\d+) µs", log)
    base = {conns: first(rf"^baseline \S+, {conns} connection\(s\): {number} req/s, p50 {number} µs, p99 {number} µs", log)
            for conns in (1, 16)}
    spans = first(r"^hop \(d\) exported (\d+) spans", log, int)[0]
    handshakes = first(r"full mTLS handshakes.*: (\d+)/s \(goal", log)[0]
    svids = first(r"^SVID issuance: \d+ in [\d.]+ s = (\d+)/s", log)[0]
    policy = first(rf"^(?:default|the default policy|default policy)[^:]*: decision p50 {number} µs, p99 {number} µs; Rego evaluation alone p50 {number} µs, p99 {number} µs", log)
    gate = first(rf"^policy gate [^:]*: p50 {number} µs, p99 {number} µs", log)
    fanout = first(rf"^fan-out: (\d+) tasks to (\d+) agents, all results in {number} s", log)
    pipeline = first(rf"^pipeline: (\d+) hops, end to end p50 {number} ms, p99 {number} ms over (\d+) runs", log)
    load = first(rf"^agent load: (\d+) of (\d+) tasks completed in {number} s = (\d+) tasks/s", log)
    memory = first(r"^memory: idle_rss_kb=(\d+) load_peak_rss_kb=(\d+) idle_anon_kb=(\d+) load_peak_anon_kb=(\d+)", log, int)
    commands = [line[2:] for line in log.splitlines() if line.startswith("$ ")]

    rows = []
    for conns in (1, 16):
        for key, name in (("a", "(a) plain HTTP"), ("b", "(b) SPIFFE mTLS"), ("c", "(c) mTLS + policy"),
                          ("d", "(d) mTLS + policy + tracing")):
            rps, p50, p99, add50, add99 = hop[key, conns]
            extra = "" if key == "a" else f"{add50:+.0f} µs / {add99:+.0f} µs"
            rows.append(f"| {name}, {conns} conn. | {rps:,.0f} | {p50:,.0f} | {p99:,.0f} | {extra} |")
        brps, bp50, bp99 = base[conns]
        rows.append(f"| a2a-sdk 1.3.0 (Python, uvicorn, plain HTTP), {conns} conn. | {brps:,.0f} | {bp50:,.0f} | {bp99:,.0f} | |")

    goals = []
    for conns in (1, 16):
        ratio = hop["d", conns][0] / base[conns][0]
        goals.append(f"| secured hop (d) vs a2a-sdk throughput, {conns} conn. | **{ratio:.1f}×** | ≥ 70× | {verdict(ratio >= 70)} |")
    add50, add99 = hop["d", 1][3], hop["d", 1][4]
    goals.append(f"| (d) over (a), 1 conn.: added p50 / p99 | **{add50:+.0f} µs / {add99:+.0f} µs** | ≤ 100 µs / ≤ 300 µs | {verdict(add50 <= 100 and add99 <= 300)} |")
    goals.append(f"| tracing alone, (d) − (c), 1 conn., p50 (every span sampled and exported) | {hop['d', 1][1] - hop['c', 1][1]:+.0f} µs | — | {spans:,} spans reached the sink |")
    goals.append(f"| full mTLS handshakes per second | **{handshakes:,.0f}/s** | ≥ 1,000/s | {verdict(handshakes >= 1000)} |")
    goals.append(f"| X.509-SVID issuance | **{svids:,.0f}/s** | ≥ 2,000/s | {verdict(svids >= 2000)} |")
    goals.append(f"| embedded policy decision (default policy), p50 / p99 | **{policy[0]:.2f} µs** / {policy[1]:.2f} µs (Rego evaluation alone {policy[2]:.2f} / {policy[3]:.2f} µs) | ≤ 5 µs p50 | {verdict(policy[0] <= 5)} |")
    goals.append(f"| the whole policy gate in process (caller principal, input document, decision, span), p50 / p99 | {gate[0]:.2f} µs / {gate[1]:.2f} µs | — | |")
    goals.append(f"| fan-out: {fanout[0]:.0f} tasks to {fanout[1]:.0f} agents, time to all results | **{fanout[2]:.3f} s** | < 1 s | {verdict(fanout[2] < 1)} |")
    goals.append(f"| pipeline of {pipeline[0]:.0f} hops, end to end p50 / p99 | **{pipeline[1]:.2f} ms** / {pipeline[2]:.2f} ms ({pipeline[3]:.0f} runs) | — | |")
    goals.append(f"| RSS of an idle agent (hello-responder under hexr up) | **{memory[0] / 1024:.1f} MiB**, of which its own (anonymous) memory {memory[2] / 1024:.1f} MiB; the rest are file pages of the executable and the Swift/Foundation libraries, shared by every agent | ≤ 30 MB | {verdict(memory[0] * 1024 <= 30_000_000)} |")
    goals.append(f"| RSS of that agent under load (peak; {load[3]:,.0f} tasks/s through registry, mTLS and policy, 16 in flight) | {memory[1] / 1024:.1f} MiB (anonymous {memory[3] / 1024:.1f} MiB) | — | |")

    today = datetime.date.today().isoformat()
    text = f"""# Benchmarks

Written by `scripts/bench` on {today}{" (quick run: a tenth of the requests)" if args.quick else ""}; run it again to
measure your machine. Everything runs in one run on one machine: the release build of `hexr`, the
official Python SDK as the baseline (driven by the same load generator, `hexr bench baseline`), and
loopback only. Client and server share the machine's cores, so throughput figures are for both ends.

**Machine:** {machine()}

## Secured hop: SendMessage round trips, same handler

The handler completes each task with a one-part artifact (the Python echo agent also emits a
WORKING status update first). "Added" is over (a) in the same run.

| configuration | req/s | p50 µs | p99 µs | added p50 / p99 |
|---|---|---|---|---|
{chr(10).join(rows)}

## Figures and goals

| figure | measured | goal | |
|---|---|---|---|
{chr(10).join(goals)}

## Commands

```
{chr(10).join(commands)}
```

`hexr bench hop` (d) uses swift-otel with every span sampled, exported over OTLP/HTTP to the
control plane's span sink (SQLite) in the same process — the path `hexr up` uses. `hexr bench mesh`
runs a registry and the agents in one process over mTLS with the default policy; each task is a
SendMessage plus the GetTask/SubscribeToTask that `wait(for:)` makes.

## What is behind the missed goals

- **Round trip and the ratio to a2a-sdk.** A plain SendMessage round trip costs about 500 µs, with
  client and server in one process sharing 2 cores. `perf record -g hexr bench hop` shows about 20%
  of the CPU in futex and scheduler wake-ups: each request hops between NIO event-loop threads and
  the Swift concurrency pool (client task → NIO; server NIO → Hummingbird handler task → engine
  job → hub actor). Goals like 70× or ≤ 100 µs added need fewer hops, for example a task-executor
  preference for the NIO event loops (SE-0417) on the server path and the engine, and inline
  handler runs for blocking sends. Micro-tuning will not get there.
- **Added latency of (d) over (a).** Most of it is tracing: every span is sampled and written into
  SQLite by the sink on the same 2 cores, and at 16 connections the sink competes with the load.
  The policy gate costs about 8.5 µs in a tight loop (principals cached per caller, attributes only
  on recorded spans) and a few tens of µs inside a request, where caches are cold.
- **Policy decision.** Rego evaluation alone is 2.5–3.5 µs. Building the input document (two
  principals, an RFC 3339 time) is the rest.
- **Idle RSS.** Only about 5 MB is the agent's own memory. The rest is file pages of the executable
  and of the Swift and Foundation libraries (Foundation's ICU data is ~30 MB), shared by every agent
  on the machine.
- **Fan-out.** It meets the goal narrowly. Each task is a SendMessage plus the read(s) of
  `wait(for:)`, and the SDK client reuses discovery results for 2 s rather than asking the registry
  per task.
"""
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(text)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
