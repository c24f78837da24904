#!/usr/bin/env python3
"""Formats the perf suite's JSON lines as docs/performance.md (no third-party packages)."""
import json, platform, subprocess, sys, datetime

rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
by = lambda k: [r for r in rows if r.get("kind") == k]
def cpu():
    try:
        for l in open("/proc/cpuinfo"):
            if l.startswith("model name"):
                return l.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()

not_publishable = "--not-publishable" in sys.argv[2:]
print("# Performance\n")
if not_publishable:
    print("**NOT PUBLISHABLE: taken with `--allow-busy` while the load average was above 0.3 before at least "
          "one pair; other jobs slow PyTorch more than SameDiff, so these ratios flatter SameDiff.**\n")
print(f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {cpu()}, "
      f"{subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, in one session.\n")
print("Rerun with `mvn -q -DskipTests package && scripts/perf-suite.sh` "
      "(`--reproduce` adds the main job's wall time). The suite waits before each SameDiff/PyTorch pair until the "
      "1-minute load average is at most 0.3 and refuses to write figures otherwise. What the profile means and "
      "what was tried: [performance-notes.md](performance-notes.md).\n")
import os, statistics
print("The launcher sets `DNNL_MAX_CPU_ISA=" + os.environ.get("DNNL_MAX_CPU_ISA", "AVX2") + "` and `OMP_WAIT_POLICY="
      + os.environ.get("OMP_WAIT_POLICY", "PASSIVE") + "` and runs the JVM's serial collector (`-XX:+UseSerialGC`) "
      "for the SameDiff runs (see the ablations below).\n")
print("## ResNet-18 training step (forward + backward + update)\n")
def step_s(r):
    """Seconds per step: the mean over the run where it is known (SameDiff, whose System.gc() every few
    steps makes step times alternate), else the median (PyTorch)."""
    if "s_per_step_mean" in r:
        return r["s_per_step_mean"]
    return r["s_per_step"] if "s_per_step" in r else r["batch"] / r["img_per_s"]
def median_run(runs):
    """The run with the median step time (the lower middle one for an even count)."""
    runs = sorted(runs, key=step_s)
    return runs[(len(runs) - 1) // 2]
def img_s(r):
    return round(r["batch"] / step_s(r), 2)
def key(r):
    return (r["batch"], r["size"], r.get("channels", 3), r.get("width", 64))
# issue 17's targets: SameDiff img/s at least this fraction of PyTorch's
targets = {(64, 32, 1, 8): 0.25, (64, 64, 1, 16): 0.25, (64, 64, 3, 64): 0.5, (32, 224, 3, 64): 0.6}
keys = []
for s in by("step"):
    if key(s) not in keys:
        keys.append(key(s))
print("| batch | size | channels | width | pairs | SameDiff img/s | PyTorch img/s | ratio | target | SameDiff peak RSS MB | PyTorch peak RSS MB | RSS ratio |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for k in keys:
    ss = [r for r in by("step") if key(r) == k]
    ts = [r for r in by("torch") if key(r) == k]
    s = median_run(ss)
    t = median_run(ts) if ts else None
    ratio = f'{img_s(s) / img_s(t):.2f}x' if t else "-"
    mem_s = max(r["peak_rss_mb"] for r in ss)
    mem_t = max(r["peak_rss_mb"] for r in ts) if ts else None
    mem = f'{mem_s / mem_t:.2f}x' if t else "-"
    tgt = f'{targets[k]}x' if k in targets else "-"
    print(f'| {k[0]} | {k[1]} | {k[2]} | {k[3]} | {len(ss)} + {len(ts)} | {img_s(s)} | {img_s(t) if t else "-"} | '
          f'{ratio} | {tgt} | {mem_s} | {mem_t if t else "-"} | {mem} |')
print("\nThe SameDiff figures come from `cobench bench step`, the PyTorch ones from "
      "`../shared/bench/torch_resnet18.py` with the same arguments; the two alternate (which one goes first "
      "alternates too), and each side's img/s is that of its median run (SameDiff's runs by their mean step, which "
      "includes System.gc() as the trainer calls it: at most every 2 steps for the width 8 and 16 networks as in "
      "configs/cpu, at most every step otherwise, and only when resident memory grew by 32 MB since the last "
      "collection), its memory the highest peak of its runs. "
      "Targets are issue 17's; peak memory should be at most 1.5x PyTorch's.\n")
print("All runs, in order (s per step; SameDiff's mean, and min to max within the run; the load average before each pair):\n")
for k in keys:
    ss = [f'{step_s(r)} ({r.get("s_per_step_min", "?")}-{r.get("s_per_step_max", "?")}, GC at most every {r.get("gc_every", "?")})'
          for r in by("step") if key(r) == k]
    ts = [str(r["s_per_step"]) for r in by("torch") if key(r) == k]
    ls = [str(r.get("load_before", "?")) for r in by("step") if key(r) == k]
    print(f'- batch {k[0]}, {k[1]} px, {k[2]} channels, width {k[3]}: SameDiff {", ".join(ss)}; '
          f'PyTorch {", ".join(ts)}; load {", ".join(ls)}')
print()
abl = by("ablation")
if abl:
    print("### What each kept change buys: one undone at a time\n")
    print("| configuration | network (batch, size, channels, width) | img/s | vs. all kept | peak RSS MB |")
    print("|---|---|---:|---:|---:|")
    base = {}
    for r in abl:
        base.setdefault(key(r), r)
    for r in sorted(abl, key=lambda r: list(base).index(key(r))):
        b0 = base[key(r)]
        print(f'| {r["label"]} | {", ".join(map(str, key(r)))} | {img_s(r)} | '
              f'{img_s(r) / img_s(b0):.2f}x | {r["peak_rss_mb"]} |')
    print()
if by("phases"):
    print("### The parts of a step (replayed plan)\n")
    print("`cobench bench step ... --profile`, seconds per step: the graph (forward and backward, replayed), the "
          "gradient norms, the optimiser updates, batch-norm statistics with targets and loss read-out, and "
          "System.gc().\n")
    print("| network (batch, size, channels, width) | step | graph | gradient norms | updates | BN, EMA, losses | System.gc() |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for p in by("phases"):
        ph = p.get("phase_s_per_step", {})
        print(f'| {p["batch"]}, {p["size"]}, {p.get("channels", 3)}, {p.get("width", 64)} | {p["s_per_step"]} | '
              f'{ph.get("graph", "-")} | {ph.get("grad_norms", "-")} | {ph.get("update", "-")} | '
              f'{ph.get("bn_ema_losses", "-")} | {p.get("gc_s_per_step", "-")} |')
    print()
for p in by("profile"):
    print(f'### Op types through SameDiff\'s session: batch {p["batch"]}, {p["size"]} px, {p.get("channels", 3)} channels, width {p.get("width", 64)}\n')
    print(f'`COBENCH_JAVA_OPTS=-Dcobench.plan=false cobench bench step --batch {p["batch"]} --size {p["size"]} --channels {p.get("channels", 3)} '
          f'--width {p.get("width", 64)} --profile`: median step {p["s_per_step"]} s; time inside ops, mean per step, '
          f'{p["op_s_per_step"]} s; CPU time of all threads per step {p.get("cpu_s_per_step", "?")} s, inside ops '
          f'{p.get("op_cpu_s_per_step", "?")} s; from the first op\'s start to the last op\'s end '
          f'{p.get("graph_s_per_step", "?")} s; System.gc() {p.get("gc_s_per_step", "?")} s per step.\n')
    print("| op | ms per step | CPU ms per step | calls per step | share of op time |")
    print("|---|---:|---:|---:|---:|")
    for o in p["ops"][:10]:
        print(f'| {o["op"]} | {o["ms_per_step"]} | {o.get("cpu_ms_per_step", "-")} | {o["calls_per_step"]} | {o["share"] * 100:.1f}% |')
    print()
if not by("pretrain") and not by("data") and not by("memory"):
    parts = ["the step table"] + (["the ablations"] if by("ablation") else []) + (["the profiles"] if by("profile") else [])
    print("This run measured only " + (", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0])
          + " (`--steps-only` or `--quick`); "
          "per-method pretraining, data-pipeline and long-run memory figures come from a full run of the suite.\n")
if by("pretrain"):
    print("## Pretraining throughput per method at CPU scale (configs/cpu, fixed random batch)\n")
    print("| method | size | width | batch | img/s | s/step | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
for p in by("pretrain"):
    print(f'| {p["method"]} | {p["size"]} | {p["width"]} | {p["batch"]} | {p.get("img_per_s", "n/a (no pretraining)")} | '
          f'{p.get("s_per_step", "-")} | {p.get("peak_rss_mb", "-")} |')
if by("data"):
    print("\n## Data pipeline (cached two-view augmentation, `cobench bench data`)\n")
    print("| size | batch | threads | img/s |")
    print("|---:|---:|---:|---:|")
for d in by("data"):
    print(f'| {d.get("size")} | {d.get("batch")} | {d.get("threads")} | {d.get("img_per_s")} |')
for m in by("memory"):
    at = m.get("rss_mb_at_step", {})
    a, b = at.get("50"), at.get("500")
    print("\n## Memory over a long run\n")
    print(f'ResNet-18 width {m["width"]}, {m["size"]} px, batch {m["batch"]}: RSS {a} MB after 50 steps, '
          f'{b} MB after 500 steps' + (f' ({(b - a) / a * 100:+.1f}%).' if a and b else "."))
for r in by("reproduce"):
    print(f'\n## Main job\n\n`cobench reproduce` on a fresh store: {r["wall_s"]} s wall time '
          f'({r["wall_s"] / 60:.1f} min, load average {r.get("load_before", "?")} before it). Issue 17 asked for half of '
          f'the 7.5-9.6 min it took before; those were measured while other work ran, so the factor mixes this '
          f'work with the machine\'s state.')
