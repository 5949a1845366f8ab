#!/usr/bin/env bash
# Builds the Dovecot stores of this folder with Dovecot itself (Debian package dovecot-core), so
# that the dbox reader is tested against files Dovecot wrote: an sdbox and an mdbox store, each
# with an INBOX of corpus bounces and a Sent folder of one ordinary message. The mdbox store
# starts a new file every 16 kB, so that it has several files of several messages.
# Usage: tests/data/dovecot/make-stores.sh (run as root; writes sdbox/ and mdbox/ here, and
# saved.txt, the messages saved in each, named from tests/data/sisimai)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus="$here/../sisimai"
inbox=(lhost-postfix-01 lhost-exim-01 lhost-sendmail-01 lhost-qmail-01 lhost-office365-01 lhost-gmail-01
       lhost-yahoo-01 lhost-amazonses-01 rfc3464-01 arf-01 lhost-exchange2007-01 lhost-googlegroups-01)
sent=$(ls "$corpus/not-bounce" | head -1)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for name in "${inbox[@]}"; do cp "$corpus/maildir/$name.eml" "$work/"; done
cp "$corpus/not-bounce/$sent" "$work/sent.eml"

for format in sdbox mdbox; do
  cat > "$work/$format.conf" <<CONF
log_path = $work/log
mail_location = $format:$work/$format
mdbox_rotate_size = 16k
first_valid_uid = 1
namespace inbox {
  inbox = yes
  separator = /
}
CONF
done
chown -R nobody:nogroup "$work"
runuser -u nobody -- env USER=owner HOME="$work" bash -c '
  set -euo pipefail
  cd "$1"; shift
  for format in sdbox mdbox; do
    for name in "$@"; do doveadm -c "$format.conf" save < "$name.eml"; done
    doveadm -c "$format.conf" mailbox create Sent
    doveadm -c "$format.conf" save -m Sent < sent.eml
  done' _ "$work" "${inbox[@]}"

{
  for name in "${inbox[@]}"; do echo "maildir/$name.eml"; done
  echo "not-bounce/$sent"
} > "$here/saved.txt"
for format in sdbox mdbox; do
  rm -rf "${here:?}/$format"
  cp -r "$work/$format" "$here/$format"
  chown -R root:root "$here/$format"
done
