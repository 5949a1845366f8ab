#!/usr/bin/env python3
"""Times bounceguard on the inputs built by make_inputs.py, whole process, warm page cache.

  (a) all-bounce.mbox: bounceguard scan --format jsonl and Sisimai (Debian's libsisimai-perl,
      Sisimai->dump) alternately on the same file, median of each and the ratio.
  (b) mixed.mbox: throughput in MB/s and peak RSS; with --large also a 4x copy, to show that
      peak memory does not grow with the mailbox.
  (c) maildir/: files per second and peak RSS.
  On (a) and (b) it also times the scan with --no-diagnosis, alternately with the full scan, to
  show what the diagnosis costs.
  With --cold, it also times (a), (b) and (c) with the page cache emptied before every run, as
  on the first scan of a mailbox after a reboot (this needs root, to write /proc/sys/vm/drop_caches).

bounceguard runs with --offline: Sisimai makes no DNS look-ups, and the timings should not
depend on the network.

Every run's output goes to /dev/null; the machine is described at the top of the report.
"""
import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SISIMAI = ["perl", "-MSisimai", "-e", "print Sisimai->dump($ARGV[0], delivered => 1, vacation => 1) // ''"]


def timed(command):
    """Runs `command`, returning (seconds, peak RSS in MB); fails if it fails."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(command)}\n{process.stderr.read().decode(errors='replace')}")
    return seconds, usage.ru_maxrss / 1024


def warm(path):
    """Reads a file or folder once so that every timed run finds it in the page cache."""
    if os.path.isdir(path):
        for folder, _, files in os.walk(path):
            for name in files:
                with open(os.path.join(folder, name), "rb") as f:
                    f.read()
    else:
        with open(path, "rb") as f:
            while f.read(1 << 24):
                pass


def drop_page_cache():
    """Empties the page cache, so that the next run reads its input from the disk."""
    os.sync()
    with open("/proc/sys/vm/drop_caches", "w") as f:
        f.write("3\n")


def cold_runs(scan, path, runs):
    """Times `runs` scans of `path`, each from an empty page cache; returns the median seconds."""
    seconds = []
    for _ in range(runs):
        drop_page_cache()
        seconds.append(timed(scan + [path])[0])
    return statistics.median(seconds)


def size_of(path):
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(path) for f in files)
    return os.path.getsize(path)


def diagnosis_cost(scan, path, runs):
    """Times the scan of `path` with and without the diagnosis, alternately, and prints the cost."""
    full, bare = [], []
    for _ in range(runs):
        full.append(timed(scan + [path])[0])
        bare.append(timed(scan + ["--no-diagnosis", path])[0])
    full_median, bare_median = statistics.median(full), statistics.median(bare)
    print(f"    diagnosis on {os.path.basename(path)}: median {full_median:.3f} s with it, {bare_median:.3f} s "
          f"without (+{100 * (full_median / bare_median - 1):.1f}%)")


def machine():
    cpu = "unknown CPU"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores, {cpu}, {memory:.0f} GiB, {platform.system()} {platform.release()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", default=os.path.join(ROOT, "bench", "inputs"))
    parser.add_argument("--bounceguard", default=os.path.join(ROOT, "build", "bounceguard"))
    parser.add_argument("--runs", type=int, default=5, help="runs of bounceguard per input")
    parser.add_argument("--sisimai-runs", type=int, default=3, help="runs of Sisimai on (a)")
    parser.add_argument("--large", action="store_true", help="also time a 4x copy of mixed.mbox")
    parser.add_argument("--cold", action="store_true",
                        help="also time (a), (b) and (c) from an empty page cache (needs root)")
    args = parser.parse_args()
    if args.cold:
        try:
            drop_page_cache()
        except OSError as error:
            sys.exit(f"--cold cannot empty the page cache ({error.strerror}): it needs root")
    scan = [args.bounceguard, "scan", "--quiet", "--offline", "--format", "jsonl"]
    print(f"machine: {machine()}")

    # (a) bounceguard against Sisimai, alternating.
    a = os.path.join(args.inputs, "all-bounce.mbox")
    warm(a)
    ours, theirs = [], []
    for run in range(max(args.runs, args.sisimai_runs)):
        if run < args.runs:
            ours.append(timed(scan + [a]))
        if run < args.sisimai_runs:
            theirs.append(timed(SISIMAI + [a]))
    mb = size_of(a) / 1e6
    ours_median = statistics.median(t for t, _ in ours)
    theirs_median = statistics.median(t for t, _ in theirs)
    print(f"(a) all-bounce.mbox, {mb:.0f} MB: bounceguard median {ours_median:.3f} s ({mb / ours_median:.0f} MB/s, "
          f"peak {max(r for _, r in ours):.0f} MB) | Sisimai median {theirs_median:.2f} s "
          f"({mb / theirs_median:.1f} MB/s) | bounceguard is {theirs_median / ours_median:.0f}x faster")

    diagnosis_cost(scan, a, args.runs)

    # (b) the mixed mailbox, and its 4x copy.
    b = os.path.join(args.inputs, "mixed.mbox")
    targets = [b]
    if args.large:
        large = os.path.join(args.inputs, "mixed-4x.mbox")
        if not os.path.exists(large) or os.path.getsize(large) != 4 * os.path.getsize(b):
            with open(large, "wb") as out:
                for _ in range(4):
                    with open(b, "rb") as f:
                        shutil.copyfileobj(f, out, 1 << 24)
        targets.append(large)
    for path in targets:
        warm(path)
        runs = [timed(scan + [path]) for _ in range(args.runs)]
        median = statistics.median(t for t, _ in runs)
        mb = size_of(path) / 1e6
        print(f"(b) {os.path.basename(path)}, {mb:.0f} MB: median {median:.3f} s, {mb / median:.0f} MB/s, "
              f"peak RSS {max(r for _, r in runs):.0f} MB")
        if path == b:
            diagnosis_cost(scan, b, args.runs)

    # (c) the Maildir.
    c = os.path.join(args.inputs, "maildir")
    warm(c)
    files = len(os.listdir(os.path.join(c, "cur")))
    runs = [timed(scan + [c]) for _ in range(args.runs)]
    median = statistics.median(t for t, _ in runs)
    print(f"(c) maildir, {files} files: median {median:.3f} s, {files / median:,.0f} files/s, "
          f"peak RSS {max(r for _, r in runs):.0f} MB")

    if args.cold:
        cold_a = cold_runs(scan, a, args.runs)
        print(f"cold (a): median {cold_a:.3f} s, {size_of(a) / 1e6 / cold_a:.0f} MB/s")
        cold_b = cold_runs(scan, b, args.runs)
        print(f"cold (b): median {cold_b:.3f} s, {size_of(b) / 1e6 / cold_b:.0f} MB/s")
        cold_c = cold_runs(scan, c, args.runs)
        print(f"cold (c): median {cold_c:.3f} s, {files / cold_c:,.0f} files/s")


if __name__ == "__main__":
    sys.exit(main())
