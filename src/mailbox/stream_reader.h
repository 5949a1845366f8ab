#pragma once
// Reads messages from a stream (standard input, a pipe, a decompressor) into chunk buffers. A
// batch holds the messages that end inside one chunk; the message still open at its end is
// carried over to the next chunk. Whether the stream is an mbox or one message is decided from
// its first bytes. When the stream fails part way (a truncated or corrupt compressed file), the
// messages read so far are kept, the one cut short is dropped, and a problem is reported.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mailbox/byte_stream.h"
#include "mailbox/layout.h"
#include "mailbox/mbox_splitter.h"
#include "mailbox/message_source.h"

namespace bg::mailbox {

class StreamReader final : public MessageSource {
 public:
  static constexpr std::size_t kDefaultChunkSize = std::size_t{8} << 20;

  // `total_bytes` is the size of what `stream` reads from, when known (0 when not).
  StreamReader(std::unique_ptr<ByteStream> stream, std::string origin, FileRole role,
               std::uint64_t total_bytes = 0, std::size_t chunk_size = kDefaultChunkSize);

  bool next(Batch& batch) override;
  std::vector<ReadProblem> take_problems() override { return std::move(problems_); }
  std::uint64_t bytes_read() const override { return stream_->consumed(); }
  std::uint64_t bytes_total() const override { return total_bytes_; }

 private:
  struct Chunk;

  // A new chunk that starts with the bytes of the message left open by the last one.
  std::shared_ptr<Chunk> start_chunk();
  // Reads into the free space of `chunk`; false once the stream has ended or failed.
  bool fill(Chunk& chunk);
  void decide_layout(const Chunk& chunk);
  // Splits `chunk`, and returns how much of it holds complete messages (appended to pieces_).
  std::size_t split(const Chunk& chunk, bool at_end);

  std::unique_ptr<ByteStream> stream_;
  std::shared_ptr<const std::string> origin_;
  FileRole role_;
  std::uint64_t total_bytes_;
  std::size_t chunk_size_;
  std::optional<Layout> layout_;  // decided from the first chunk
  std::optional<MboxSplitter> splitter_;
  std::shared_ptr<Chunk> open_message_chunk_;  // holds the start of a message not yet complete
  std::size_t open_message_start_ = 0;
  bool ended_ = false;
  bool failed_ = false;
  std::uint64_t next_index_ = 0;
  std::vector<std::string_view> pieces_;
  std::vector<ReadProblem> problems_;
};

}  // namespace bg::mailbox
