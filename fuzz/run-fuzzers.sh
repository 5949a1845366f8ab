#!/usr/bin/env bash
# Runs each fuzzer for a while, seeded with the test corpus, and fails on the first crash,
# printing the crash report and where the input that caused it was kept.
# Usage: fuzz/run-fuzzers.sh BUILD_DIR [SECONDS_PER_FUZZER]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: fuzz/run-fuzzers.sh BUILD_DIR [SECONDS]}
seconds=${2:-60}

seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
cp tests/data/sisimai/maildir/*.eml tests/data/sisimai/not-bounce/*.eml tests/data/seed/*.eml "$seeds/"
cp tests/data/sisimai/mailbox/* "$seeds/"
# Dovecot's dbox files: an mdbox file of several messages, plain and compressed, an sdbox file of one.
cp tests/data/dovecot/mdbox/storage/m.1 "$seeds/mdbox-m.1"
gzip -c tests/data/dovecot/mdbox/storage/m.1 > "$seeds/mdbox-m.1.gz"
cp tests/data/dovecot/sdbox/mailboxes/INBOX/dbox-Mails/u.1 "$seeds/sdbox-u.1"
# Archives of mail, which the mailbox reader reads member by member.
tar -C tests/data/seed -cf "$seeds/seed.tar" .
gzip -c "$seeds/seed.tar" > "$seeds/seed.tar.gz"
python3 -c 'import bz2, sys; open(sys.argv[2], "wb").write(bz2.compress(open(sys.argv[1], "rb").read()))' "$seeds/seed.tar" "$seeds/seed.tar.bz2"
(cd tests/data/seed && python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED); [z.write(name) for name in sys.argv[2:]]' "$seeds/seed.zip" *.eml)
# A zip written to a pipe, whose members' sizes follow their data, with a Thunderbird summary
# file beside a mailbox.
python3 - "$seeds/seed-streamed.zip" tests/data/sisimai/mailbox/mbox-0 <<'PYTHON'
import io, sys, zipfile
class Pipe(io.RawIOBase):
    def __init__(self, file): self.file = file
    def writable(self): return True
    def write(self, data): return self.file.write(data)
with open(sys.argv[1], "wb") as out, zipfile.ZipFile(Pipe(out), "w", zipfile.ZIP_STORED) as archive:
    with archive.open("Mail/Inbox.msf", "w") as member: member.write(b'// <!-- <mdb:mork:z v="1.4"/> -->\n')
    with archive.open("Mail/Inbox", "w") as member: member.write(open(sys.argv[2], "rb").read())
PYTHON

for fuzzer in fuzz_mailbox_reader fuzz_mime fuzz_bounce_reader; do
  echo "fuzzing $fuzzer for ${seconds}s"
  work=$(mktemp -d)
  log="$work/log"
  if ! "$build/fuzz/$fuzzer" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$work/" "$work" "$seeds" > "$log" 2>&1; then
    # The report runs from the sanitizer's first line to its summary.
    sed -n '/^==[0-9]*==/,/^SUMMARY/p' "$log"
    grep -E "^(artifact_prefix|Test unit written)" "$log" || true
    echo "$fuzzer found a crash; the input is kept in $work" >&2
    exit 1
  fi
  tail -n 6 "$log"
  rm -rf "$work"
done
