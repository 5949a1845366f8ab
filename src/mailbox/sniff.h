#pragma once
// Tells what a file holds from its first bytes, never from its name: mail is often saved
// without an extension, and a compressed mailbox keeps whatever name it was given.
#include <cstddef>
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
  binary,   // holds NUL bytes: an image, an archive, a database...
};

// Sniffing looks at no more than this many bytes, so that every reader decides alike.
inline constexpr std::size_t kSniffSize = 4096;

Content sniff(std::string_view head);

bool is_compressed(Content content);

}  // namespace bg::mailbox
