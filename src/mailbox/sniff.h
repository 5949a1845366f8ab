#pragma once
// Tells what a file holds from its first bytes, never from its name: mail is often saved
// without an extension, and a compressed mailbox keeps whatever name it was given.
#include <cstddef>
#include <string>
#include <string_view>

namespace bg::mailbox {

enum class Content {
  empty,
  gzip,
  xz,
  zstd,
  mbox,     // starts with a separator line "From <sender> <date>"
  message,  // starts with a header field
  text,     // readable, but the first line is neither of the above
  archive,  // a tar, zip, 7z or rar archive, which may hold mail but is not read
  binary,   // holds NUL bytes: an image, a database...
};

// Sniffing looks at no more than this many bytes, so that every reader decides alike.
inline constexpr std::size_t kSniffSize = 4096;

Content sniff(std::string_view head);

bool is_compressed(Content content);

// Why a file that starts with `head`, an archive, is not read, in words that say what to do:
// "a tar archive: unpack it and scan what it holds".
std::string archive_notice(std::string_view head);

}  // namespace bg::mailbox
