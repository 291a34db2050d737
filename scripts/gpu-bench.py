#!/usr/bin/env python3
"""GPU bench of paretone in two parts, each one command that fits the GPU machine's 10-minute limit.

speed    How many candidates an hour paretone trains on one GPU and how busy it keeps it: the quickstart's
         space with 1 worker and with --workers auto, each with the generational (nsga2) and the
         asynchronous (nsga2-async) NSGA-II, while nvidia-smi samples the GPU twice a second; then the
         PyTorch reference (torch_ref.py, one process per candidate) trains the first run's wavenet and
         vae genomes one after the other. Prints, per run: candidates, search seconds (first trial
         start to last trial end), candidates per GPU-hour, GPU busy % (mean nvidia-smi utilisation
         over that window), mean watts, and the scheduling process's overhead (its CPU seconds in the
         search loop over the loop's wall seconds, JIT compiler and GC threads included) with those
         CPU seconds per trial, and apart from them its start-up CPU seconds (JVM start to the first
         trial: start-up, set-up, waiting for the workers). Writes speed.json.

quality  Search quality at equal energy: nsga2, nsga2-async and random on the 7-family space, one seed
         after another, one search at a time (see "Why one at a time"), each seed's searches after a
         1-trial search that trains and caches its quality judge, each stopped by
         --max-trial-joules (energy charged to its trials, overhead excluded) and, as a guard for the
         time limit, --max-wall-minutes. Since trials in flight finish past the budget and a search
         may hit the guard first, every search's hypervolume is then computed at the same energy
         E = min(budget, least energy any search charged): over the trials that finished, in finish
         order, while their summed charged energy stayed within E. Prints one table (hypervolume
         at E per search, median and spread over seeds per algorithm) and writes quality.json.
         The hypervolume is recomputed here from the stored objective values with the study's own
         bounds (study.json), and checked against the study's own figure over all its trials.

table    Prints both tables again from what an --out folder holds (after a partial failure, or after
         quality runs split over several commands with --seeds).

Why one at a time: each study's scheduling process reads the whole GPU's NVML energy counter and
splits every interval's increase among its own running trials (DeviceShares); another process's
kernels on the same GPU would be charged to them. Searches sharing a GPU would over-charge each
other's candidates, so the quality part never runs two at once.

Robust by construction: every step writes its own result under --out as soon as it ends
(results/<step>.json, logs/<step>.log); a failed step is recorded with its reason and the others
go on; the tables read whatever is there. Everything (the store, the run folders, the caches) is
under --out, one folder to copy back.

Usage (on the GPU machine, from the checkout, after `. .gpu/setup.sh`):
  python3 scripts/gpu-bench.py speed   --out bench-gpu
  python3 scripts/gpu-bench.py quality --out bench-gpu
On a CPU, to try the script itself at toy sizes:
  PARETONE_APP=experiments/target/paretone.jar python3 scripts/gpu-bench.py speed --device cpu ...
"""

import argparse
import json
import math
import os
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import traceback
from datetime import datetime

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TORCH_REF = os.path.join(ROOT, ".gpu", "torch_ref.py")
SEVEN_FAMILIES = "wavenet,samplernn,wavegan,vae,sing,gansynth,flow"
ALGORITHMS = ["nsga2", "nsga2-async", "random"]
# Objectives ObjectiveBounds normalises on a log scale (its DEFAULTS); the others are linear.
LOG_SCALED = {"co2e", "parameters", "flops", "inference_energy", "latency"}


class GpuSampler:
    """nvidia-smi's utilisation and power of GPU 0, twice a second, with the host time of each sample."""

    def __init__(self, enabled):
        self.samples = []
        self.proc = None
        if not enabled:
            return
        try:
            self.proc = subprocess.Popen(
                ["nvidia-smi", "--query-gpu=utilization.gpu,power.draw", "--format=csv,noheader,nounits",
                 "-i", "0", "-lms", "500"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        except OSError as e:
            print("no GPU sampling (%s): busy %% and watts stay empty" % e, flush=True)
            return
        threading.Thread(target=self._read, daemon=True).start()

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
        if self.proc:
            self.proc.terminate()


def epoch(iso):
    """Java's Instant.toString(), such as 2026-12-02T06:03:15.123456789Z, in seconds since 1970."""
    whole, _, fraction = iso.rstrip("Z").partition(".")
    return datetime.fromisoformat(whole + "+00:00").timestamp() + (float("0." + fraction) if fraction else 0.0)


def mean(xs):
    return sum(xs) / len(xs) if xs else float("nan")


# ----------------------------------------------------------------------------------------------------------
# Steps: each writes results/<name>.json whatever happens.

def step(out, name, fn):
    """Runs fn() -> dict, stores it (or the failure) as results/<name>.json, never raises."""
    os.makedirs(os.path.join(out, "results"), exist_ok=True)
    t0 = time.time()
    try:
        row = fn()
    except BaseException as e:  # a failed step must not lose the others' results
        if isinstance(e, KeyboardInterrupt):
            raise
        row = {"error": "%s: %s" % (type(e).__name__, e)}
        print("step %s failed: %s" % (name, row["error"]), flush=True)
        traceback.print_exc()
    row["step"] = name
    row["step_wall_s"] = time.time() - t0
    with open(os.path.join(out, "results", name + ".json"), "w") as f:
        json.dump(row, f, indent=1)
    print(json.dumps(row), flush=True)
    return row


def launcher_jvm_flags():
    """The scheduling JVM's flags as the ./paretone launcher sets them (its `exec java ... -jar` line), so the
    bench measures the process users run; the workers get their own flags from it."""
    with open(os.path.join(ROOT, "paretone")) as f:
        for line in f:
            if line.startswith("exec java "):
                flags = line[len("exec java "):].split("${PARETONE_JAVA_OPTS")[0]
                return flags.split()
    raise RuntimeError("no `exec java` line in %s" % os.path.join(ROOT, "paretone"))


class Killed(RuntimeError):
    """The search outlived --search-timeout and was stopped; what it stored stays in the store."""


def paretone(a, out, study, args):
    """Runs one paretone search; its console output goes to logs/<study>.log. Raises on failure;
    raises Killed when it had to be stopped at --search-timeout (its finished trials stay stored)."""
    os.makedirs(os.path.join(out, "logs"), exist_ok=True)
    jfr = []
    if a.jfr:
        os.makedirs(os.path.join(out, "jfr"), exist_ok=True)
        jfr = ["-XX:StartFlightRecording=filename=%s" % os.path.join(out, "jfr", study + ".jfr")]
    flags = launcher_jvm_flags() if a.main_jvm_flags is None else a.main_jvm_flags.split()
    cmd = ["java"] + flags + jfr + ["-jar", a.app] + args + [
        "--device", a.device, "--output", os.path.join(out, "runs"), "--study", study]
    print("$ " + " ".join(cmd), flush=True)
    t0 = time.time()
    with open(os.path.join(out, "logs", study + ".log"), "w") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
        try:
            rc = proc.wait(timeout=getattr(a, "search_timeout_now", a.search_timeout))
        except subprocess.TimeoutExpired:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            raise Killed("stopped by the bench after %.0f s (--search-timeout or --deadline-minutes)" % (time.time() - t0))
    wall = time.time() - t0
    if rc != 0:
        with open(os.path.join(out, "logs", study + ".log")) as f:
            tail = f.read()[-1500:]
        raise RuntimeError("the %s run failed (exit %d): %s" % (study, rc, tail))
    return wall


def trials_of(out, study):
    """The study's finished trials, in finish order: number, status, start, end, charged joules."""
    db = sqlite3.connect(os.path.join(out, "runs", "paretone.db"))
    try:
        rows = db.execute(
            "SELECT t.id, t.number, t.status, t.started_at, t.finished_at, t.total_joules, t.family FROM trials t"
            " JOIN studies s ON s.id = t.study_id WHERE s.name = ? AND t.status IN ('COMPLETE','FAILED','PRUNED')"
            " ORDER BY t.finished_at", (study,)).fetchall()
        values = {}
        for trial_id, objective, value in db.execute(
                "SELECT v.trial_id, v.objective, v.value FROM trial_values v JOIN trials t ON t.id = v.trial_id"
                " JOIN studies s ON s.id = t.study_id WHERE s.name = ? AND v.partial = 0", (study,)):
            values.setdefault(trial_id, {})[objective] = value
    finally:
        db.close()
    return [{"number": r[1], "status": r[2], "start": epoch(r[3]), "end": epoch(r[4]), "joules": r[5] or 0.0,
             "family": r[6], "values": values.get(r[0], {})} for r in rows]


def summary_of(out, study):
    with open(os.path.join(out, "runs", study, "summary.json")) as f:
        return json.load(f)


# ----------------------------------------------------------------------------------------------------------
# Part (a): speed

def speed_run(a, out, sampler, workers, algorithm, population, generations):
    study = "speed-%s-%s-%s" % (algorithm, workers, a.tag)
    wall = paretone(a, out, study, ["quickstart", "--workers", workers, "--algorithm", algorithm,
                                    "--population", str(population), "--generations", str(generations)])
    trials = trials_of(out, study)
    start, end = min(t["start"] for t in trials), max(t["end"] for t in trials)
    samples = sampler.window(start, end)
    s = summary_of(out, study)
    cpu = s.get("main_process_cpu_seconds", float("nan"))
    return {"run": "%s, %s worker(s)" % (algorithm, workers), "study": study, "candidates": len(trials),
            "search_s": end - start, "per_gpu_hour": 3600 * len(trials) / (end - start),
            "busy": mean([x[1] for x in samples]), "watts": mean([x[2] for x in samples]),
            "overhead": s.get("main_process_overhead", float("nan")), "main_cpu_s": cpu,
            "main_cpu_s_per_trial": cpu / len(trials),
            "main_startup_cpu_s": s.get("main_process_startup_cpu_seconds", float("nan")),
            "main_total_cpu_s": s.get("main_process_total_cpu_seconds", float("nan")), "session_s": s.get("session_seconds"), "wall_s": wall,
            "workers": read_workers(out, study)}


def read_workers(out, study):
    try:
        with open(os.path.join(out, "runs", study, "study.json")) as f:
            return json.load(f).get("workers")
    except OSError:
        return None


def torch_args(genome, family):
    g = genome
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


def torch_loop(a, out, study):
    if not os.path.exists(TORCH_REF):
        raise RuntimeError("no %s (run ../shared/gpu/prepare): no PyTorch loop" % TORCH_REF)
    with open(os.path.join(out, "runs", study, "trials.json")) as f:
        trials = json.load(f)["trials"]
    done, wall, skipped = 0, 0.0, 0
    for t in trials:
        args = torch_args(t["genome"], t.get("family")) if t["status"] == "COMPLETE" else None
        if args is None:
            skipped += 1
            continue
        if done >= a.torch_candidates:
            break
        t0 = time.time()
        r = subprocess.run([sys.executable, TORCH_REF] + [str(x) for x in args], capture_output=True, text=True)
        wall += time.time() - t0
        if r.returncode != 0:
            print("torch_ref failed for trial %s: %s" % (t["trial"], r.stderr[-500:]), flush=True)
            continue
        done += 1
    if done == 0:
        raise RuntimeError("no wavenet or vae genome trained with torch_ref")
    return {"run": "PyTorch eager, sequential (torch_ref.py per candidate)", "study": study, "candidates": done,
            "search_s": wall, "per_gpu_hour": 3600 * done / wall, "skipped_other_families": skipped}


def speed(a):
    out = a.out
    sampler = GpuSampler(a.device != "cpu")
    runs = [("1", alg, a.population_one, a.generations_one) for alg in ("nsga2", "nsga2-async")]
    runs += [(a.auto_workers, alg, a.population, a.generations) for alg in ("nsga2", "nsga2-async")]
    try:
        for workers, alg, pop, gens in runs:
            step(out, "speed-%s-%s" % (alg, workers), lambda: speed_run(a, out, sampler, workers, alg, pop, gens))
    finally:
        sampler.stop()
    step(out, "speed-torch", lambda: torch_loop(a, out, "speed-nsga2-1-" + a.tag))
    print_speed(out)


def print_speed(out):
    rows = [r for r in load(out) if r["step"].startswith("speed-")]
    print()
    print("%-50s %8s %10s %9s %14s %7s %6s %9s %12s %13s" % ("run", "workers", "candidates", "search s",
                                                          "cand./GPU-hour", "busy %", "watts", "overhead",
                                                          "CPU s/trial", "start-up CPU s"))
    for r in rows:
        if "error" in r:
            print("%-50s FAILED: %s" % (r["step"], r["error"][:100]))
            continue
        print("%-50s %8s %10d %9.1f %14.0f %7.1f %6.0f %8.2f%% %12.3f %13.2f" % (
            r["run"], r.get("workers") or "-", r["candidates"], r["search_s"], r["per_gpu_hour"],
            r.get("busy", float("nan")), r.get("watts", float("nan")), 100 * r.get("overhead", float("nan")),
            r.get("main_cpu_s_per_trial", float("nan")), r.get("main_startup_cpu_s", float("nan"))))
    torch = [r for r in rows if r["step"] == "speed-torch" and "error" not in r]
    if torch:
        for r in rows:
            if "error" not in r and r is not torch[0]:
                print("  %s: %.1fx the PyTorch loop's candidates per GPU-hour" % (
                    r["run"], r["per_gpu_hour"] / torch[0]["per_gpu_hour"]))
    with open(os.path.join(out, "speed.json"), "w") as f:
        json.dump(rows, f, indent=1)


# ----------------------------------------------------------------------------------------------------------
# Part (b): search quality at equal energy

def quality_run(a, out, algorithm, seed):
    study = "quality-%s-s%d-%s" % (algorithm, seed, a.tag)
    t0 = time.time()
    try:
        wall = paretone(a, out, study, [
            "search", "--families", a.families, "--algorithm", algorithm, "--seed", str(seed), "--workers", a.workers,
            "--population", str(a.population), "--generations", "1000", "--max-trial-joules", repr(a.budget_joules),
            "--max-wall-minutes", repr(a.max_wall_minutes), "--trial-timeout", str(a.trial_timeout)])
        s = summary_of(out, study)
    except Killed as e:
        # Its finished trials are stored: they still count, cut at the equal energy like every search's.
        wall, s = time.time() - t0, {"stop_reason": str(e)}
    trials = trials_of(out, study)
    if not trials:
        raise RuntimeError("no trial finished")
    return {"study": study, "algorithm": algorithm, "seed": seed, "trials": len(trials),
            "charged_joules": sum(t["joules"] for t in trials), "stop_reason": s.get("stop_reason"),
            "study_hypervolume": s.get("hypervolume"), "session_s": s.get("session_seconds"), "wall_s": wall}


def normaliser(out, study):
    """The study's own hypervolume box (study.json), as ObjectiveBounds applies it."""
    with open(os.path.join(out, "runs", study, "study.json")) as f:
        s = json.load(f)
    objectives = s["objectives"].split(",")
    bounds = s["hypervolume_bounds"]
    limits = s.get("constraints") or {}

    def norm(values):
        out_ = []
        for o in objectives:
            v = values.get(o, float("nan"))
            low, high = bounds[o]
            if math.isnan(v):
                x = 1.0
            elif o in LOG_SCALED:
                x = (math.log10(max(v, sys.float_info.min)) - math.log10(low)) / (math.log10(high) - math.log10(low))
            else:
                x = (v - low) / (high - low)
            out_.append(min(1.0, max(0.0, x)))
        return out_

    return objectives, norm, limits


def hypervolume(points):
    """Volume dominated by points in [0, 1]^d, minimised, reference point (1, ..., 1): slicing on the last axis."""
    pts = [p for p in points if all(x < 1.0 for x in p)]
    if not pts:
        return 0.0
    d = len(pts[0])
    if d == 1:
        return 1.0 - min(p[0] for p in pts)
    pts.sort(key=lambda p: p[-1])
    total = 0.0
    for i, p in enumerate(pts):
        upper = pts[i + 1][-1] if i + 1 < len(pts) else 1.0
        if upper > p[-1]:
            total += (upper - p[-1]) * hypervolume([q[:-1] for q in pts[:i + 1]])
    return total


def feasible(values, limits):
    """Within the study's constraints as study.json stores them (0 = no limit), as Constraints.respectedBy reads them."""
    for key, objective in (("max_parameters", "parameters"), ("max_flops", "flops"), ("max_kg_co2e", "co2e")):
        if limits.get(key) and objective in values and values[objective] > limits[key]:
            return False
    if limits.get("min_percent_mos") and "one_minus_pmos" in values and 1 - values["one_minus_pmos"] < limits["min_percent_mos"]:
        return False
    return True


def hypervolume_at(out, study, joules):
    """Hypervolume of the study's complete feasible trials among those finished, in order, within `joules`."""
    objectives, norm, limits = normaliser(out, study)
    spent, kept = 0.0, []
    for t in trials_of(out, study):
        if spent + t["joules"] > joules:
            break
        spent += t["joules"]
        kept.append(t)
    points = [norm(t["values"]) for t in kept if t["status"] == "COMPLETE" and feasible(t["values"], limits)]
    return hypervolume(points), len(kept), spent


def judge_warmup(a, out, seed):
    """The quality judge is trained per dataset and seed, then cached: one 1-trial, 1-family search per seed
    trains it first, so that no compared search spends its wall-time guard training it."""
    study = "quality-judge-s%d-%s" % (seed, a.tag)
    wall = paretone(a, out, study, ["search", "--families", a.families.split(",")[0], "--seed", str(seed),
                                    "--workers", "1", "--population", "2", "--max-trials", "1"])
    return {"study": study, "seed": seed, "wall_s": wall}


def quality(a):
    start = time.time()
    for seed in [int(s) for s in a.seeds.split(",")]:
        a.search_timeout_now = int(max(10, min(a.search_timeout, 60 * a.deadline_minutes - (time.time() - start))))
        step(a.out, "judge-s%d" % seed, lambda: judge_warmup(a, a.out, seed))
        for alg in ALGORITHMS:
            name = "quality-%s-s%d" % (alg, seed)
            left = 60 * a.deadline_minutes - (time.time() - start)
            if left < 60 * a.max_wall_minutes + 10:
                step(a.out, name, lambda: {"error": "skipped: too little time left before --deadline-minutes %.1f;"
                                                    " run it later with --seeds %d" % (a.deadline_minutes, seed)})
                continue
            # A search past the deadline is stopped there; its finished trials still count.
            a.search_timeout_now = int(min(a.search_timeout, left))
            step(a.out, name, lambda: quality_run(a, a.out, alg, seed))
    print_quality(a.out, a.budget_joules)


def print_quality(out, budget):
    rows = [r for r in load(out) if r["step"].startswith("quality-") and "error" not in r]
    failed = [r for r in load(out) if r["step"].startswith("quality-") and "error" in r]
    for r in failed:
        print("%s FAILED: %s" % (r["step"], r["error"][:200]))
    if not rows:
        print("no quality search finished")
        return
    # A search the bench had to stop (deadline) does not set E; if it charged less than E it is left out.
    ended = [r for r in rows if not str(r.get("stop_reason")).startswith("stopped by the bench")] or rows
    equal = min([budget] + [r["charged_joules"] for r in ended])
    short = [r for r in rows if r["charged_joules"] < equal]
    for r in short:
        print("%s: stopped by the bench at %.0f J, short of E = %.0f J: left out" % (r["study"], r["charged_joules"], equal))
    rows = [r for r in rows if r not in short]
    table = []
    for r in rows:
        hv_all, _, _ = hypervolume_at(out, r["study"], float("inf"))
        hv, n, spent = hypervolume_at(out, r["study"], equal)
        table.append(dict(r, hv_at_equal=hv, trials_at_equal=n, joules_at_equal=spent, hv_all_recomputed=hv_all))
    print()
    print("Hypervolume at equal charged energy E = %.0f J (budget %.0f J; least a search that ended by itself charged"
          " %.0f J)" % (equal, budget, min(r["charged_joules"] for r in ended)))
    print("%-28s %6s %7s %10s %7s %10s %12s %12s  %s" % ("study", "seed", "trials", "charged J", "at E", "J at E",
                                                        "HV at E", "HV (study)", "stop"))
    for t in sorted(table, key=lambda t: (t["algorithm"], t["seed"])):
        check = "" if t.get("study_hypervolume") is None or abs(t["hv_all_recomputed"] - t["study_hypervolume"]) <= 1e-9 + 1e-6 * abs(
            t["hv_all_recomputed"]) else "  (recomputed over all trials %.6g: differs!)" % t["hv_all_recomputed"]
        print("%-28s %6d %7d %10.0f %7d %10.0f %12.6g %12.6g  %s%s" % (
            t["study"], t["seed"], t["trials"], t["charged_joules"], t["trials_at_equal"], t["joules_at_equal"],
            t["hv_at_equal"], t["study_hypervolume"] if t.get("study_hypervolume") is not None else float("nan"),
            t["stop_reason"], check))
    print()
    print("%-14s %6s %14s %14s %14s" % ("algorithm", "seeds", "median HV at E", "spread (max-min)", "values"))
    by = {}
    for alg in ALGORITHMS:
        hv = [t["hv_at_equal"] for t in table if t["algorithm"] == alg]
        if hv:
            by[alg] = {"seeds": len(hv), "median": statistics.median(hv), "spread": max(hv) - min(hv), "values": hv}
            print("%-14s %6d %14.6g %14.6g   %s" % (alg, len(hv), by[alg]["median"], by[alg]["spread"],
                                                   ", ".join("%.6g" % x for x in hv)))
    if "nsga2" in by and "random" in by:
        gap = by["nsga2"]["median"] - by["random"]["median"]
        spread = max(by["nsga2"]["spread"], by["random"]["spread"])
        print("nsga2 - random (medians): %.6g; larger seed spread %.6g: %s" % (
            gap, spread, "beats it by more than the spread" if gap > spread else "does NOT beat it by more than the spread"))
    if "nsga2" in by and "nsga2-async" in by:
        print("nsga2-async median %s nsga2's" % (">=" if by["nsga2-async"]["median"] >= by["nsga2"]["median"] else "<"))
    with open(os.path.join(out, "quality.json"), "w") as f:
        json.dump({"equal_joules": equal, "budget_joules": budget, "searches": table, "by_algorithm": by,
                   "left_out_short_of_equal": [r["study"] for r in short]}, f, indent=1)


# ----------------------------------------------------------------------------------------------------------

def load(out):
    folder = os.path.join(out, "results")
    if not os.path.isdir(folder):
        return []
    rows = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            with open(os.path.join(folder, name)) as f:
                rows.append(json.load(f))
    return rows


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("part", choices=["speed", "quality", "table"])
    p.add_argument("--out", default="bench-gpu", help="everything goes under this folder (default %(default)s)")
    p.add_argument("--device", default="gpu", help="cpu only to try the script itself")
    p.add_argument("--main-jvm-flags", default=None,
                   help="JVM flags of the scheduling process only (default: the ./paretone launcher's)")
    p.add_argument("--jfr", action="store_true",
                   help="record each scheduling process with JDK Flight Recorder into jfr/ (adds its own CPU time)")
    speed_ = p.add_argument_group("speed")
    speed_.add_argument("--population", type=int, default=None,
                        help="auto-worker runs' population (default 12 for speed, 4 for quality)")
    speed_.add_argument("--generations", type=int, default=2, help="auto-worker runs' generations (%(default)s)")
    speed_.add_argument("--population-one", type=int, default=6, help="1-worker runs' population (%(default)s)")
    speed_.add_argument("--generations-one", type=int, default=1, help="1-worker runs' generations (%(default)s)")
    speed_.add_argument("--auto-workers", default="auto", help="--workers of the 'auto' runs (%(default)s)")
    speed_.add_argument("--torch-candidates", type=int, default=4,
                        help="wavenet and vae genomes the PyTorch loop trains (%(default)s)")
    quality_ = p.add_argument_group("quality")
    quality_.add_argument("--families", default=SEVEN_FAMILIES)
    quality_.add_argument("--seeds", default="1,2,3", help="comma-separated; runs add to --out (%(default)s)")
    quality_.add_argument("--workers", default="4", help="workers of each search (%(default)s)")
    quality_.add_argument("--budget-joules", type=float, default=1500.0,
                          help="energy charged to a search's trials before it stops (%(default)s J)")
    quality_.add_argument("--max-wall-minutes", type=float, default=0.75,
                          help="guard: a search stops after this long, set-up included (%(default)s)")
    quality_.add_argument("--trial-timeout", type=int, default=30, help="seconds per trial (%(default)s)")
    p.add_argument("--search-timeout", type=int, default=None,
                   help="seconds before one search is stopped (default 150 for quality, 240 for speed)")
    p.add_argument("--deadline-minutes", type=float, default=8.3,
                   help="quality: stop searching after this long; a search cut there keeps its finished trials (%(default)s)")
    p.add_argument("--tag", default=time.strftime("%m%d%H%M"),
                   help="suffix of this invocation's study names, so a rerun into the same --out starts new studies")
    a = p.parse_args()
    if a.search_timeout is None:
        a.search_timeout = 150 if a.part == "quality" else 240
    if a.population is None:
        a.population = 4 if a.part == "quality" else 12
    os.makedirs(a.out, exist_ok=True)
    if a.part == "table":
        print_speed(a.out)
        print_quality(a.out, a.budget_joules)
        return
    a.app = os.environ.get("PARETONE_APP")
    if not a.app:
        raise SystemExit("PARETONE_APP is not set: run `. .gpu/setup.sh` first (or set it to experiments/target/paretone.jar)")
    speed(a) if a.part == "speed" else quality(a)


if __name__ == "__main__":
    main()
