#include "mailbox/stream_reader.h"

#include <algorithm>
#include <cstring>

namespace bg::mailbox {

struct StreamReader::Chunk {
  explicit Chunk(std::size_t capacity, std::shared_ptr<const std::string> origin)
      : bytes(new char[capacity]), capacity(capacity), origin(std::move(origin)) {}

  std::string_view text() const { return {bytes.get(), size}; }
  void grow() {
    std::unique_ptr<char[]> larger(new char[capacity * 2]);
    std::memcpy(larger.get(), bytes.get(), size);
    bytes = std::move(larger);
    capacity *= 2;
  }

  std::unique_ptr<char[]> bytes;
  std::size_t size = 0;
  std::size_t capacity;
  std::shared_ptr<const std::string> origin;  // batches refer to it too
};

StreamReader::StreamReader(std::unique_ptr<ByteStream> stream, std::string origin, FileRole role,
                           std::uint64_t total_bytes, std::size_t chunk_size)
    : stream_(std::move(stream)),
      origin_(std::make_shared<const std::string>(std::move(origin))),
      role_(role),
      total_bytes_(total_bytes),
      chunk_size_(std::max<std::size_t>(chunk_size, 1)) {}

bool StreamReader::next(Batch& batch) {
  batch.messages.clear();
  batch.storage.reset();
  while (batch.messages.empty() && !ended_) {
    std::shared_ptr<Chunk> chunk = start_chunk();
    std::size_t consumed = 0;
    while (true) {
      ended_ = !fill(*chunk);
      if (!layout_) decide_layout(*chunk);
      consumed = split(*chunk, ended_ && !failed_);
      if (consumed > 0 || ended_) break;
      chunk->grow();  // a message larger than the chunk
    }
    open_message_chunk_ = chunk;
    open_message_start_ = consumed;
    for (const std::string_view piece : pieces_)
      batch.messages.push_back({piece, *origin_, next_index_++, layout_ == Layout::mailbox});
    if (!batch.messages.empty()) batch.storage = std::move(chunk);
  }
  return !batch.messages.empty();
}

std::shared_ptr<StreamReader::Chunk> StreamReader::start_chunk() {
  // The first chunk holds at least what decides the line break, so that the split does not
  // depend on the chunk size.
  const std::size_t minimum = open_message_chunk_ ? chunk_size_ : kLineBreakProbeSize;
  const std::size_t carried =
      open_message_chunk_ ? open_message_chunk_->size - open_message_start_ : 0;
  auto chunk = std::make_shared<Chunk>(carried + std::max(chunk_size_, minimum), origin_);
  if (carried > 0)
    std::memcpy(chunk->bytes.get(), open_message_chunk_->bytes.get() + open_message_start_,
                carried);
  chunk->size = carried;
  open_message_chunk_.reset();
  return chunk;
}

bool StreamReader::fill(Chunk& chunk) {
  try {
    while (chunk.size < chunk.capacity) {
      const std::size_t got =
          stream_->read(chunk.bytes.get() + chunk.size, chunk.capacity - chunk.size);
      if (got == 0) return false;
      chunk.size += got;
    }
    return true;
  } catch (const StreamError& error) {
    problems_.push_back({*origin_, error.what(), true});
    failed_ = true;
    return false;
  }
}

void StreamReader::decide_layout(const Chunk& chunk) {
  const Content content = sniff(chunk.text());
  layout_ = choose_layout(content, role_);
  if (*layout_ == Layout::mailbox)
    splitter_.emplace(detect_line_break(chunk.text().substr(0, kLineBreakProbeSize)));
  if (*layout_ == Layout::not_mail) {
    // An archive (a compressed tar) may hold mail that is not read: the results lack it.
    if (content == Content::archive) problems_.push_back({*origin_, archive_notice(chunk.text()), true});
    else problems_.push_back({*origin_, "not a mail file"});
    ended_ = true;
  }
}

std::size_t StreamReader::split(const Chunk& chunk, bool at_end) {
  pieces_.clear();
  switch (*layout_) {
    case Layout::mailbox:
      return splitter_->split(chunk.text(), at_end, pieces_);
    case Layout::single_message:
      if (!at_end) return 0;  // a single message is only complete at the end of the stream
      split_whole(chunk.text(), Layout::single_message, pieces_);
      return chunk.size;
    case Layout::not_mail:
      break;
  }
  return chunk.size;
}

}  // namespace bg::mailbox
