#pragma once
// Reads messages from a stream (standard input, a pipe, a decompressor) into chunk buffers. A
// batch holds the messages that end inside one chunk; the message still open at its end is
// carried over to the next chunk. Whether the stream is an mbox or one message is decided from
// its first bytes. When the stream fails part way (a truncated or corrupt compressed file), the
// messages read so far are kept, the one cut short is dropped, and a problem is reported. A
// message larger than the largest kept is read for its first bytes, with a notice, and the rest
// is passed over, so that memory stays bounded whatever the stream holds.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mailbox/byte_stream.h"
#include "mailbox/large_message.h"
#include "mailbox/layout.h"
#include "mailbox/mbox_splitter.h"
#include "mailbox/message_source.h"

namespace bg::mailbox {

class StreamReader final : public MessageSource {
 public:
  static constexpr std::size_t kDefaultChunkSize = std::size_t{8} << 20;
  // `total_bytes` is the size of what `stream` reads from, when known (0 when not).
  StreamReader(std::unique_ptr<ByteStream> stream, std::string origin, FileRole role,
               std::uint64_t total_bytes = 0, std::size_t chunk_size = kDefaultChunkSize,
               std::size_t largest_message = kLargestMessage);

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
  std::size_t split(Chunk& chunk, bool at_end);
  // Splits `text`, a file read whole, into pieces_, reporting damage.
  void split_read_whole(std::string_view text, CutMessage cut = CutMessage::keep);
  // Hands out the message that fills `chunk` without ending in it, for keep_start() to cut,
  // and starts passing over its rest; returns where the bytes to carry over start.
  std::size_t cut_oversized(Chunk& chunk);
  // A chunk this large that holds no message's end holds the start of one too large to keep:
  // past the largest kept, and past the longest separator line that may yet end it.
  std::size_t cut_size() const { return largest_message_ + kLongestSeparatorLine + 2; }
  // `message`, or its start when it is too large to keep, with a notice naming it by its index.
  // (The start of a message cut short by cut_oversized() is too large too.)
  std::string_view keep_start(std::string_view message, std::uint64_t index);
  // While passing over a message: where the bytes that may start a separator line start.
  std::size_t carry_start(Chunk& chunk) const;

  std::unique_ptr<ByteStream> stream_;
  std::shared_ptr<const std::string> origin_;
  FileRole role_;
  std::uint64_t total_bytes_;
  std::size_t chunk_size_;
  std::size_t largest_message_;
  std::optional<Layout> layout_;  // decided from the first chunk
  char line_break_ = '\n';
  std::optional<MboxSplitter> splitter_;
  bool passing_over_ = false;  // the rest of a message too large to keep
  std::shared_ptr<Chunk> open_message_chunk_;  // holds the start of a message not yet complete
  std::size_t open_message_start_ = 0;
  bool ended_ = false;
  bool failed_ = false;
  std::uint64_t next_index_ = 0;
  std::vector<Piece> pieces_;
  std::vector<ReadProblem> problems_;
};

}  // namespace bg::mailbox
