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

// A stream of a kind that is not read (an Outlook data file, a 7z archive, an archive held too
// deep, binary content named alone): refused, not found damaged.
class RefusedStream : public StreamError {
 public:
  using StreamError::StreamError;
};

// `total` is the size of what `raw` reads from, when known (0 when not); `depth` is how many
// archives hold the stream. Throws RefusedStream for a kind that is not read, and StreamError
// for a named archive without mail or for damage in its first bytes that leaves nothing to tell
// its kind by; damage further on is reported by the reader returned.
std::unique_ptr<MessageSource> open_stream_source(std::unique_ptr<ByteStream> raw, std::string origin,
                                                  FileRole role, std::uint64_t total, int depth = 0);

}  // namespace bg::mailbox
