#pragma once
// Opens what a stream holds, decompressed first when it is compressed: an archive, read member
// by member, or mail (an mbox, or one message).
#include <cstdint>
#include <memory>
#include <string>

#include "mailbox/byte_stream.h"
#include "mailbox/layout.h"
#include "mailbox/message_source.h"

namespace bg::mailbox {

// `total` is the size of what `raw` reads from, when known (0 when not); `depth` is how many
// archives hold the stream. Throws StreamError when it is named and not mail (binary content,
// or an archive without mail), or an archive held deeper than kDeepestArchive; damage met in its
// first bytes is reported by the reader returned, as damage further on is.
std::unique_ptr<MessageSource> open_stream_source(std::unique_ptr<ByteStream> raw, std::string origin,
                                                  FileRole role, std::uint64_t total, int depth = 0);

}  // namespace bg::mailbox
