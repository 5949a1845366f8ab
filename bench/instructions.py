#!/usr/bin/env python3
"""Counts the instructions `bounceguard scan` spends per message, and in each of its steps, on the
first messages of the all-bounce mailbox (a), under valgrind's callgrind.

An instruction count does not move with the load of a shared machine as a time does: two runs of
the same build give the same count, so a change that saves 1% shows as 1%. It is not a time (a
cache miss costs many instructions' worth), so compare.py stays the measure that counts.

usage: bench/instructions.py [--bounceguard BIN] [--input MBOX] [--messages N]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

# The steps reported, by the function that runs each, outermost first. Each count includes what
# the function calls.
STEPS = [
    ("reading the mailbox into messages", "bg::mailbox::MboxReader::next("),
    ("reading bounces, all of it", "bg::bounce::BounceReader::read_all("),
    ("  MIME tree and flattened text", "bg::bounce::BounceMessage::parse("),
    ("  building records", "bg::bounce::build_records("),
    ("    the returned original", "bg::bounce::read_original_into("),
    ("  deciding their reasons", "bg::bounce::decide_reason("),
    ("    the reason itself", "bg::bounce::resolve_reason["),
    ("diagnosis: judging each record", "bg::diagnose::judge("),
    ("writing JSON", "bg::report::(anonymous namespace)::JsonlWriter::write("),
]


def first_messages(mbox, count, out):
    """Copies the first `count` messages of the mbox at `mbox` to `out`; returns how many it copied."""
    copied = 0
    with open(mbox, "rb") as source:
        previous_blank = True
        for line in source:
            if line.startswith(b"From ") and previous_blank:
                if copied == count:
                    break
                copied += 1
            out.write(line)
            previous_blank = line in (b"\n", b"\r\n")
    return copied


def inclusive_counts(callgrind_file):
    """The program's total and each function's inclusive instruction count, by name."""
    text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", callgrind_file],
                          capture_output=True, text=True, check=True).stdout
    total = int(re.search(r"^([\d,]+) .*PROGRAM TOTALS", text, re.M).group(1).replace(",", ""))
    counts = {}
    for match in re.finditer(r"^\s*([\d,]+) \([ \d.]+%\)\s+\S*?:(.*)$", text, re.M):
        name = match.group(2)
        counts[name] = counts.get(name, 0) + int(match.group(1).replace(",", ""))
    return total, counts


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bounceguard", default=os.path.join(here, "..", "build", "bounceguard"))
    parser.add_argument("--input", default=os.path.join(here, "inputs", "all-bounce.mbox"),
                        help="an mbox; default: (a), made by make_inputs.py")
    parser.add_argument("--messages", type=int, default=5000, help="how many of its first messages (5000)")
    args = parser.parse_args()
    if not os.path.exists(args.input):
        sys.exit(f"instructions.py: {args.input}: no such mailbox (run bench/make_inputs.py first)")

    with tempfile.TemporaryDirectory() as work:
        slice_path = os.path.join(work, "slice.mbox")
        with open(slice_path, "wb") as out:
            messages = first_messages(args.input, args.messages, out)
        callgrind_file = os.path.join(work, "callgrind.out")
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={callgrind_file}", args.bounceguard,
                        "scan", "-j1", "--offline", "--quiet", "--format", "jsonl", slice_path],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        if not os.path.exists(callgrind_file):
            sys.exit("instructions.py: callgrind wrote no profile: is valgrind installed?")
        total, counts = inclusive_counts(callgrind_file)

    # Loading the databases and tables at start and at first use is spread over the messages:
    # thousands of them make it negligible.
    print(f"{messages} messages of {args.input}: {total:,} instructions, {total / max(messages, 1):,.0f} per message")
    missing = []
    for label, function in STEPS:
        count = sum(value for name, value in counts.items() if name.startswith(function))
        print(f"  {label:<36} {count / max(messages, 1):>9,.0f} per message  {100 * count / total:5.1f}%")
        if count == 0:
            missing.append(function)
    # Every step runs on a mailbox of bounces: a step counted as nothing names a function that
    # is no longer there.
    if missing:
        sys.exit(f"instructions.py: no instructions counted in {', '.join(missing)}: is STEPS out of date?")


if __name__ == "__main__":
    main()
