#pragma once
// Tells what a file holds from its first bytes, never from its name: mail is often saved
// without an extension, and a compressed mailbox keeps whatever name it was given.
#include <cstddef>
#include <optional>
#include <string_view>

namespace bg::mailbox {

enum class Content {
  empty,
  gzip,
  xz,
  zstd,
  bzip2,
  mbox,     // starts with a separator line "From <sender> <date>"
  message,  // starts with a header field, or with one after an envelope or .emlx length line
  text,     // readable, but the first line is neither of the above
  archive,  // a tar, zip, 7z or rar archive, which may hold mail
  outlook_data,  // an Outlook data file (.pst, .ost), which holds mail in a form not read here
  dbox,     // a Dovecot dbox file: one message (sdbox) or several (mdbox), each with its size
  binary,   // holds NUL bytes: an image, a database...
};

// Sniffing looks at no more than this many bytes, so that every reader decides alike.
inline constexpr std::size_t kSniffSize = 4096;

Content sniff(std::string_view head);

bool is_compressed(Content content);

// Whether a file of `content` within a folder or an archive goes to a reader of its own, which
// reads or reports it, rather than being split where it lies: an archive, a compressed file,
// an Outlook data file.
bool needs_own_reader(Content content);

// What a file of Outlook's data is reported as: the mail it holds is not read, and the scan says
// how to read it.
inline constexpr std::string_view kOutlookDataNotice =
    "an Outlook data file, which is not read: convert it to mbox files with readpst (Debian package "
    "pst-utils) and scan those";

// Of an Apple Mail .emlx file, the first line: the length in bytes of the message that follows
// it (and a property list after the message). Empty unless `text` starts with a line of digits
// and a header field after it.
std::optional<std::size_t> emlx_message_length(std::string_view text);

// The format of the archive that starts with `head`: "tar", "zip", "7z" or "rar" ("" for none).
std::string_view archive_format(std::string_view head);

}  // namespace bg::mailbox
