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

print("# Performance\n")
print(f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {cpu()}, "
      f"{subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, in one session "
      "(these machines are noisy: compare ratios, not absolute figures).\n")
print("Rerun with `mvn -q -DskipTests package && scripts/perf-suite.sh` "
      "(`PERF_REPRODUCE=1` adds the main job's wall time). What the profile means and what was "
      "tried: [performance-notes.md](performance-notes.md).\n")
print("## ResNet-18 training step (forward + backward + update), width 64, 3 channels\n")
print("| batch | size | SameDiff img/s | PyTorch img/s | ratio | SameDiff peak RSS MB | PyTorch peak RSS MB | RSS ratio |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|")
torch = {(r["batch"], r["size"]): r for r in by("torch")}
for s in by("step"):
    t = torch.get((s["batch"], s["size"]))
    ratio = f'{s["img_per_s"] / t["img_per_s"]:.2f}x' if t else "-"
    mem = f'{s["peak_rss_mb"] / t["peak_rss_mb"]:.2f}x' if t else "-"
    print(f'| {s["batch"]} | {s["size"]} | {s["img_per_s"]} | {t["img_per_s"] if t else "-"} | {ratio} | '
          f'{s["peak_rss_mb"]} | {t["peak_rss_mb"] if t else "-"} | {mem} |')
print("\nThe SameDiff figures come from `cobench bench step`, the PyTorch ones from "
      "`../shared/bench/torch_resnet18.py` with the same arguments.\n")
for b in by("step_primitive"):
    f = next((s for s in by("step") if (s["batch"], s["size"]) == (b["batch"], b["size"])), None)
    if f:
        print(f'Batch norm route at batch {b["batch"]}, {b["size"]} px: fused (libnd4j batchnorm/batchnorm_bp, the '
              f'default) {f["img_per_s"]} img/s at {f["peak_rss_mb"]} MB; hand-built from primitive ops '
              f'{b["img_per_s"]} img/s at {b["peak_rss_mb"]} MB.\n')
for p in by("profile"):
    print(f'### Where the step\'s time goes: batch {p["batch"]}, {p["size"]} px\n')
    print(f'`cobench bench step --batch {p["batch"]} --size {p["size"]} --channels 3 --width 64 --profile`: '
          f'median step {p["s_per_step"]} s; time inside ops, mean per step, {p["op_s_per_step"]} s.\n')
    print("| op | ms per step | calls per step | share of op time |")
    print("|---|---:|---:|---:|")
    for o in p["ops"][:10]:
        print(f'| {o["op"]} | {o["ms_per_step"]} | {o["calls_per_step"]} | {o["share"] * 100:.1f}% |')
    print()
print("## Pretraining throughput per method at CPU scale (configs/cpu, fixed random batch)\n")
print("| method | size | width | batch | img/s | s/step | peak RSS MB |")
print("|---|---:|---:|---:|---:|---:|---:|")
for p in by("pretrain"):
    print(f'| {p["method"]} | {p["size"]} | {p["width"]} | {p["batch"]} | {p.get("img_per_s", "n/a (no pretraining)")} | '
          f'{p.get("s_per_step", "-")} | {p.get("peak_rss_mb", "-")} |')
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
    print(f'\n## Main job\n\n`cobench reproduce` on a fresh store: {r["wall_s"]} s wall time.')
