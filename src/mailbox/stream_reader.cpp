#include "mailbox/stream_reader.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "mailbox/dbox.h"

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
                           std::uint64_t total_bytes, std::size_t chunk_size, std::size_t largest_message)
    : stream_(std::move(stream)),
      origin_(std::make_shared<const std::string>(std::move(origin))),
      role_(role),
      total_bytes_(total_bytes),
      chunk_size_(std::max<std::size_t>(chunk_size, 1)),
      largest_message_(std::max(largest_message, kLongestSeparatorLine + 2)) {}

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
      // The message is too large however it ends.
      if (chunk->size >= cut_size() && !passing_over_) {
        consumed = cut_oversized(*chunk);
        break;
      }
      chunk->grow();  // a message larger than the chunk
    }
    open_message_chunk_ = chunk;
    open_message_start_ = consumed;
    for (const Piece& piece : pieces_) {
      // Its start holds no quoted From line, nor carriage return, when the whole does not.
      batch.messages.push_back({keep_start(piece.bytes, next_index_), *origin_, next_index_, layout_ == Layout::mailbox,
                                piece.without_quoted_from, piece.without_carriage_return});
      ++next_index_;
    }
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
  if (*layout_ == Layout::mailbox) {
    const LineBreak line_break = detect_line_break(chunk.text().substr(0, kLineBreakProbeSize));
    line_break_ = static_cast<char>(line_break);
    splitter_.emplace(line_break);
  }
  if (*layout_ == Layout::not_mail) {
    // Of a stream that failed early, what was read tells nothing: the failure is the news.
    if (!failed_) problems_.push_back({*origin_, "not a mail file"});
    ended_ = true;
  }
}

std::size_t StreamReader::split(Chunk& chunk, bool at_end) {
  pieces_.clear();
  switch (*layout_) {
    case Layout::mailbox: {
      const std::size_t consumed = splitter_->split(chunk.text(), at_end, pieces_);
      if (!passing_over_) return consumed;
      // The text starts inside the message passed over: its first piece is that message's rest.
      // (The text starts with a line break or a NUL, so that piece is never empty.)
      if (!pieces_.empty()) pieces_.erase(pieces_.begin());
      if (consumed == 0 && !at_end) return carry_start(chunk);
      passing_over_ = false;
      return consumed;
    }
    case Layout::single_message:
    case Layout::dbox:
      if (passing_over_) return chunk.size;  // what is kept of the file was handed out already
      if (!ended_) return 0;  // a file read whole is only complete at the end of the stream
      if (failed_) {
        // Cut short by a failure, it keeps the messages it gave whole, as an mbox does.
        split_read_whole(chunk.text().substr(0, cut_size()), CutMessage::drop);
        return chunk.size;
      }
      // A file that ended within a chunk larger than what is read of one, as the first chunk is.
      if (chunk.size > cut_size()) return cut_oversized(chunk);
      split_read_whole(chunk.text());
      return chunk.size;
    case Layout::not_mail:
      break;
  }
  return chunk.size;
}

std::size_t StreamReader::cut_oversized(Chunk& chunk) {
  pieces_.clear();
  passing_over_ = true;
  switch (*layout_) {
    case Layout::mailbox:
      pieces_.push_back({chunk.text()});  // keep_start() cuts it
      return carry_start(chunk);
    case Layout::single_message:
      split_read_whole(chunk.text());  // keep_start() cuts it
      return chunk.size;
    case Layout::dbox:
      // As much of the file as a mapped file's reader reads, which a chunk may exceed.
      split_read_whole(chunk.text().substr(0, cut_size()));
      problems_.push_back({*origin_, dbox_cut_notice(largest_message_)});
      return chunk.size;
    case Layout::not_mail:
      break;
  }
  return chunk.size;
}

void StreamReader::split_read_whole(std::string_view text, CutMessage cut) {
  if (const std::size_t damaged = split_whole(text, *layout_, pieces_, cut))
    problems_.push_back({*origin_, dbox_damage_notice(damaged), true});
}

std::string_view StreamReader::keep_start(std::string_view message, std::uint64_t index) {
  if (!is_too_large(message, largest_message_)) return message;
  problems_.push_back({*origin_, too_large_notice(index, largest_message_)});
  return kept_start(message, largest_message_, line_break_);
}

std::size_t StreamReader::carry_start(Chunk& chunk) const {
  // A separator line starts after a line break and is short: only the last line may begin
  // one, and only if it is short yet.
  const std::string_view text = chunk.text();
  const std::size_t last_break = text.rfind(line_break_);
  if (last_break != std::string_view::npos && text.size() - last_break <= kLongestSeparatorLine + 1)
    return last_break;
  // Keep one byte of the long last line, made a NUL: the next text must not start like a
  // separator line, which only a line break may precede.
  chunk.bytes[chunk.size - 1] = '\0';
  return chunk.size - 1;
}

}  // namespace bg::mailbox
