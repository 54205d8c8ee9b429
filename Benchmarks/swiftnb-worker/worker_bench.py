#!/usr/bin/env python3
"""Cost of running cells in a worker process, measured side by side with --in-process.

Usage: python3 Benchmarks/swiftnb-worker/worker_bench.py [.build/release/swiftnb] [runs]

Prints, for the worker (the default) and for --in-process, medians of `runs` runs:
  - REPL start to prompt: launch on a pseudo-terminal until `swiftnb> ` shows;
  - a cell's round trip: N entries `1 + 1` piped through `swiftnb repl`, minus the same run
    with no entries, divided by N (each entry is a continuation check plus the cell: send,
    run, receive, print);
  - printed output: `swiftnb run` of a cell printing 200,000 lines, stdout to /dev/null: the
    run's own duration from run.json (start to the last cell's end, every line on stdout
    and in the supervisor's report model; the report files are written after it and are
    the same work in both modes), minus that of a notebook with a one-line cell.
"""
import json, os, pty, select, statistics, subprocess, sys, tempfile, time

swiftnb = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/release/swiftnb")
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 9
modes = {"worker": [], "in-process": ["--in-process"]}
tmp = tempfile.mkdtemp(prefix="worker-bench-")
env = dict(os.environ, HOME=tmp, TERM="xterm")


def start_to_prompt(extra):
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(tmp)
        os.execve(swiftnb, [swiftnb, "repl"] + extra, env)
    start = time.perf_counter()
    seen = b""
    while b"swiftnb> " not in seen:
        r, _, _ = select.select([fd], [], [], 10)
        if not r:
            break
        try:
            seen += os.read(fd, 4096)
        except OSError:
            break
    elapsed = time.perf_counter() - start
    os.write(fd, b"\x04")
    os.waitpid(pid, 0)
    os.close(fd)
    return elapsed


def piped(extra, text):
    start = time.perf_counter()
    subprocess.run([swiftnb, "repl"] + extra, input=text.encode(), stdout=subprocess.DEVNULL, cwd=tmp, env=env, check=True)
    return time.perf_counter() - start


def run_notebook(extra, path):
    out = os.path.join(tmp, "out")
    subprocess.run([swiftnb, "run", path, "--out", out, "--format", "md"] + extra,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp, env=env, check=True)
    with open(os.path.join(out, "run.json")) as f:
        return json.load(f)["durationSeconds"]


lines = 200_000
printing = os.path.join(tmp, "printing.swiftnb")
with open(printing, "w") as f:
    f.write("// %%%%\nfor i in 0..<%d { print(i) }\n" % lines)
empty = os.path.join(tmp, "empty.swiftnb")
with open(empty, "w") as f:
    f.write("// %%\nlet x = 1\n")
entries = 2000

# The modes alternate run by run, so that the machine's changing load falls on both alike.
samples = {name: {"prompt": [], "base": [], "full": [], "nb0": [], "nb1": []} for name in modes}
for i in range(runs):
    for name, extra in modes.items():
        got = samples[name]
        got["prompt"].append(start_to_prompt(extra))
        got["base"].append(piped(extra, ""))
        got["full"].append(piped(extra, "1 + 1\n" * entries))
        if i < 3:
            got["nb0"].append(run_notebook(extra, empty))
            got["nb1"].append(run_notebook(extra, printing))
results = {}
for name, got in samples.items():
    m = {k: statistics.median(v) for k, v in got.items()}
    results[name] = (m["prompt"], (m["full"] - m["base"]) / entries, (m["nb1"] - m["nb0"]) / lines)

cores = os.cpu_count()
load = os.getloadavg()[0]
print(f"swiftnb worker vs --in-process ({swiftnb}; {cores} cores, load {load:.1f}; medians of {runs} runs)")
print(f"{'':28}{'worker':>12}{'in-process':>14}{'ratio':>8}")
labels = ["REPL start to prompt (ms)", "round trip of 1 + 1 (ms)", "one printed line (us)"]
scales = [1e3, 1e3, 1e6]
for i, label in enumerate(labels):
    w, p = results["worker"][i] * scales[i], results["in-process"][i] * scales[i]
    print(f"{label:28}{w:12.3f}{p:14.3f}{(w / p if p > 0 else float('nan')):8.2f}")
