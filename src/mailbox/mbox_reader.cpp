#include "mailbox/mbox_reader.h"

#include <algorithm>
#include <system_error>

#include "mailbox/dbox.h"

namespace bg::mailbox {

namespace {

// What a batch keeps alive: the window its messages lie in, and the name they come from.
struct WindowStorage {
  std::shared_ptr<const MappedWindow> window;
  std::shared_ptr<const std::string> origin;
};

}  // namespace

MboxReader::MboxReader(MappedFile file, std::string origin, Layout layout, std::size_t window_size,
                       std::size_t largest_message)
    : file_(std::move(file)),
      origin_(std::make_shared<const std::string>(std::move(origin))),
      layout_(layout),
      window_size_(std::max<std::size_t>(window_size, 1)),
      largest_message_(std::max(largest_message, kLongestSeparatorLine + 2)),
      // Past the largest kept, and past the longest separator line that may yet end it: the
      // message is too large however it ends.
      cut_size_(largest_message_ + kLongestSeparatorLine + 2) {}

bool MboxReader::next(Batch& batch) {
  batch.messages.clear();
  batch.storage.reset();
  try {
    while (batch.messages.empty() && cursor_ < file_.size()) read_window(batch);
  } catch (const std::system_error& error) {
    problems_.push_back({*origin_, error.what(), true});
    cursor_ = file_.size();
  }
  return !batch.messages.empty();
}

void MboxReader::read_window(Batch& batch) {
  if (layout_ != Layout::mailbox) return read_whole(batch);
  if (passing_over_) return pass_over(batch);
  const std::uint64_t left = file_.size() - cursor_;
  if (!splitter_) {
    const auto head =
        file_.map(0, static_cast<std::size_t>(std::min<std::uint64_t>(left, kLineBreakProbeSize)));
    const LineBreak line_break = detect_line_break(head->bytes());
    line_break_ = static_cast<char>(line_break);
    splitter_.emplace(line_break);
  }
  for (std::uint64_t size = window_size_;; size = std::min<std::uint64_t>(size * 2, cut_size_)) {
    const std::size_t length = static_cast<std::size_t>(std::min(size, left));
    const bool at_end = length == left;
    auto window = file_.map(cursor_, length);
    pieces_.clear();
    const std::size_t consumed = splitter_->split(window->bytes(), at_end, pieces_);
    if (consumed > 0 || at_end) {
      cursor_ += consumed;
      return append(batch, std::move(window));
    }
    if (length >= cut_size_) return cut_oversized(batch, std::move(window));
  }
}

void MboxReader::read_whole(Batch& batch) {
  const std::uint64_t left = file_.size() - cursor_;
  auto window = file_.map(cursor_, static_cast<std::size_t>(std::min<std::uint64_t>(left, cut_size_)));
  pieces_.clear();
  if (const std::size_t damaged = split_whole(window->bytes(), layout_, pieces_))
    problems_.push_back({*origin_, dbox_damage_notice(damaged), true});
  if (layout_ == Layout::dbox && left > cut_size_) problems_.push_back({*origin_, dbox_cut_notice(largest_message_)});
  cursor_ = file_.size();
  append(batch, std::move(window));
}

void MboxReader::cut_oversized(Batch& batch, std::shared_ptr<const MappedWindow> window) {
  // The window starts where the message does, after its separator line.
  const std::string_view open = window->bytes();
  pieces_.assign({Piece{open}});
  passing_over_ = true;
  // A separator line starts after a line break and is short: only the last line may begin one.
  const std::size_t last_break = open.rfind(line_break_);
  inside_long_line_ = last_break == std::string_view::npos || open.size() - last_break > kLongestSeparatorLine + 1;
  cursor_ += inside_long_line_ ? open.size() : last_break;
  append(batch, std::move(window));
}

void MboxReader::pass_over(Batch& batch) {
  // Large enough that a window starting at a line break always holds a line that decides.
  const std::size_t window_size = std::max(window_size_, 2 * (kLongestSeparatorLine + 2));
  while (cursor_ < file_.size()) {
    const std::uint64_t left = file_.size() - cursor_;
    const std::size_t length = static_cast<std::size_t>(std::min<std::uint64_t>(window_size, left));
    const bool at_end = length == left;
    auto window = file_.map(cursor_, length);
    std::string_view text = window->bytes();
    if (inside_long_line_) {
      const std::size_t line_break = text.find(line_break_);
      if (line_break == std::string_view::npos) {
        cursor_ += length;
        continue;
      }
      text.remove_prefix(line_break);
      cursor_ += line_break;
      inside_long_line_ = false;
    }
    // The text starts with a line break: its first piece, never empty, is the rest of the
    // message passed over.
    pieces_.clear();
    const std::size_t consumed = splitter_->split(text, at_end, pieces_);
    if (consumed > 0 || at_end) {
      pieces_.erase(pieces_.begin());
      passing_over_ = false;
      cursor_ += consumed;
      return append(batch, std::move(window));
    }
    const std::size_t last_break = text.rfind(line_break_);
    inside_long_line_ = text.size() - last_break > kLongestSeparatorLine + 1;
    cursor_ += inside_long_line_ ? text.size() : last_break;
  }
  passing_over_ = false;  // the message ran to the end of the file
}

void MboxReader::append(Batch& batch, std::shared_ptr<const MappedWindow> window) {
  if (pieces_.empty()) return;
  for (Piece piece : pieces_) {
    // Its start holds no quoted From line, nor carriage return, when the whole does not.
    if (is_too_large(piece.bytes, largest_message_)) {
      problems_.push_back({*origin_, too_large_notice(next_index_, largest_message_)});
      piece.bytes = kept_start(piece.bytes, largest_message_, line_break_);
    }
    batch.messages.push_back(
        {piece.bytes, *origin_, next_index_++, layout_ == Layout::mailbox, piece.without_quoted_from,
         piece.without_carriage_return});
  }
  batch.storage = std::make_shared<const WindowStorage>(WindowStorage{std::move(window), origin_});
}

}  // namespace bg::mailbox
