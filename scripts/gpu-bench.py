#!/usr/bin/env python3
"""GPU throughput bench: how many candidates an hour paretone trains on one GPU, and how busy it keeps it.

Runs the quickstart's space with --device gpu four times (1 worker and --workers auto, each with the
generational and the asynchronous NSGA-II), sampling the GPU's utilisation (nvidia-smi, every 0.5 s)
while each search trains, then trains the wavenet and vae genomes of the first run one after the other
with the PyTorch reference (torch_ref.py, one process per candidate), and prints one table:

  run, workers, candidates, search seconds (first trial start to last trial end), candidates per
  GPU-hour, GPU busy % (mean utilisation over that window), mean power, scheduling overhead.

Usage (on the GPU machine, from the checkout, after `. .gpu/setup.sh`):
  python3 scripts/gpu-bench.py [--generations 2] [--auto-workers auto] [--out bench-gpu]
It needs `java -jar "$PARETONE_APP"` (set by .gpu/setup.sh) and nvidia-smi. With --generations 2 the
quickstart trains 16 candidates per run: about 5 to 7 minutes in all on an H200.
"""

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime

HERE = os.path.dirname(os.path.abspath(__file__))
TORCH_REF = os.path.join(os.path.dirname(HERE), ".gpu", "torch_ref.py")


class GpuSampler:
    """nvidia-smi's utilisation and power of GPU 0, twice a second, with the host time of each sample."""

    def __init__(self):
        self.samples = []
        self.proc = subprocess.Popen(
            ["nvidia-smi", "--query-gpu=utilization.gpu,power.draw", "--format=csv,noheader,nounits",
             "-i", "0", "-lms", "500"], stdout=subprocess.PIPE, text=True)
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self):
        for line in self.proc.stdout:
            parts = [p.strip() for p in line.split(",")]
            try:
                self.samples.append((time.time(), float(parts[0]), float(parts[1])))
            except (ValueError, IndexError):
                pass

    def window(self, start, end):
        return [s for s in self.samples if start <= s[0] <= end]

    def stop(self):
        self.proc.terminate()


def epoch(iso):
    """Java's Instant.toString(), such as 2026-12-02T06:03:15.123456789Z, in seconds since 1970."""
    whole, _, fraction = iso.rstrip("Z").partition(".")
    return datetime.fromisoformat(whole + "+00:00").timestamp() + (float("0." + fraction) if fraction else 0.0)


def search(app, out, study, workers, algorithm, a, sampler):
    cmd = ["java", "-jar", app, "quickstart", "--device", a.device, "--workers", str(workers), "--algorithm", algorithm,
           "--generations", str(a.generations), "--population", str(a.population), "--output", out, "--study", study]
    print("$ " + " ".join(cmd), flush=True)
    t0 = time.time()
    run = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.time() - t0
    if run.returncode != 0:
        print(run.stdout[-3000:] + run.stderr[-3000:])
        raise SystemExit("the %s run failed (exit %d)" % (study, run.returncode))
    db = sqlite3.connect(os.path.join(out, "paretone.db"))
    first, last, n = db.execute(
        "SELECT MIN(t.started_at), MAX(t.finished_at), COUNT(*) FROM trials t JOIN studies s ON s.id = t.study_id"
        " WHERE s.name = ? AND t.status IN ('COMPLETE', 'FAILED', 'PRUNED')", (study,)).fetchone()
    start, end = epoch(first), epoch(last)
    samples = sampler.window(start, end)
    summary = json.load(open(os.path.join(out, study, "summary.json")))
    busy = sum(s[1] for s in samples) / len(samples) if samples else float("nan")
    watts = sum(s[2] for s in samples) / len(samples) if samples else float("nan")
    return {"run": "%s, %s workers" % (algorithm, workers), "candidates": n, "search_s": end - start,
            "per_gpu_hour": 3600 * n / (end - start), "busy": busy, "watts": watts, "wall_s": wall,
            "overhead": summary.get("main_process_overhead", float("nan")), "study": study}


def torch_args(trial):
    g = trial["genome"]
    family = trial.get("family")
    common = ["--batch", g["batch_size"], "--lr", g["learning_rate"], "--steps", g["training_steps"],
              "--warmup", "0"]
    if family == "wavenet":
        return ["--family", "wavenet", "--layers", g["wavenet.layers"], "--dilation-cycle", g["wavenet.dilation_cycle"],
                "--residual", g["wavenet.residual_channels"], "--skip", g["wavenet.skip_channels"],
                "--kernel", g["wavenet.kernel_size"]] + common
    if family == "vae":
        return ["--family", "vae", "--layers", g["vae.layers"], "--channels", g["vae.channels"],
                "--kernel", g["vae.kernel_size"], "--latent", g["vae.latent"],
                "--reconstruction", g["vae.reconstruction"], "--kl-weight", g["vae.kl_weight"]] + common
    return None


def torch_loop(out, study):
    trials = json.load(open(os.path.join(out, study, "trials.json")))["trials"]
    done, wall = 0, 0.0
    for t in trials:
        args = torch_args(t)
        if args is None or t["status"] != "COMPLETE":
            continue
        t0 = time.time()
        r = subprocess.run([sys.executable, TORCH_REF] + [str(a) for a in args],
                           capture_output=True, text=True)
        wall += time.time() - t0
        if r.returncode != 0:
            print("torch_ref failed for trial %s: %s" % (t["trial"], r.stderr[-500:]))
            continue
        done += 1
    return {"run": "PyTorch eager, sequential (torch_ref.py per candidate)", "candidates": done, "search_s": wall,
            "per_gpu_hour": 3600 * done / wall if wall else float("nan"), "busy": float("nan"),
            "watts": float("nan"), "wall_s": wall, "overhead": float("nan"), "study": "-"}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--generations", type=int, default=2)
    p.add_argument("--population", type=int, default=8)
    p.add_argument("--device", default="gpu", help="cpu only to try the script itself")
    p.add_argument("--auto-workers", default="auto", help="what --workers gets in the 'auto' runs")
    p.add_argument("--out", default="bench-gpu")
    a = p.parse_args()
    app = os.environ.get("PARETONE_APP")
    if not app:
        raise SystemExit("PARETONE_APP is not set: run `. .gpu/setup.sh` first")
    sampler = GpuSampler()
    rows = []
    tag = time.strftime("%H%M%S")
    try:
        for workers in ["1", a.auto_workers]:
            for algorithm in ["nsga2", "nsga2-async"]:
                study = "bench-%s-%s-%s" % (algorithm, workers, tag)
                rows.append(search(app, a.out, study, workers, algorithm, a, sampler))
                print(json.dumps(rows[-1]), flush=True)
    finally:
        sampler.stop()
    if os.path.exists(TORCH_REF):
        rows.append(torch_loop(a.out, rows[0]["study"]))
    else:
        print("no %s: skipping the PyTorch loop" % TORCH_REF)
    print()
    print("%-50s %10s %9s %14s %7s %7s %9s" % ("run", "candidates", "search s", "cand./GPU-hour", "busy %",
                                              "watts", "overhead"))
    for r in rows:
        print("%-50s %10d %9.1f %14.0f %7.1f %7.0f %8.2f%%" % (r["run"], r["candidates"], r["search_s"],
                                                            r["per_gpu_hour"], r["busy"], r["watts"],
                                                            100 * r["overhead"]))
    json.dump(rows, open(os.path.join(a.out, "gpu-bench.json"), "w"), indent=1)


if __name__ == "__main__":
    main()
