#include "mailbox/mbox_reader.h"

#include <algorithm>
#include <system_error>

namespace bg::mailbox {

namespace {

// What a batch keeps alive: the window its messages lie in, and the name they come from.
struct WindowStorage {
  std::shared_ptr<const MappedWindow> window;
  std::shared_ptr<const std::string> origin;
};

}  // namespace

MboxReader::MboxReader(MappedFile file, std::string origin, Layout layout, std::size_t window_size)
    : file_(std::move(file)),
      origin_(std::make_shared<const std::string>(std::move(origin))),
      layout_(layout),
      window_size_(std::max<std::size_t>(window_size, 1)) {}

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
  const std::uint64_t left = file_.size() - cursor_;
  pieces_.clear();
  if (layout_ == Layout::single_message) {
    auto window = file_.map(cursor_, static_cast<std::size_t>(left));
    split_whole(window->bytes(), layout_, pieces_);
    cursor_ = file_.size();
    append(batch, std::move(window));
    return;
  }
  if (!splitter_) {
    const auto head =
        file_.map(0, static_cast<std::size_t>(std::min<std::uint64_t>(left, kLineBreakProbeSize)));
    splitter_.emplace(detect_line_break(head->bytes()));
  }
  for (std::uint64_t size = window_size_;; size *= 2) {
    const std::size_t length = static_cast<std::size_t>(std::min(size, left));
    const bool at_end = length == left;
    auto window = file_.map(cursor_, length);
    const std::size_t consumed = splitter_->split(window->bytes(), at_end, pieces_);
    if (consumed > 0 || at_end) {
      cursor_ += consumed;
      append(batch, std::move(window));
      return;
    }
  }
}

void MboxReader::append(Batch& batch, std::shared_ptr<const MappedWindow> window) {
  if (pieces_.empty()) return;
  for (const std::string_view piece : pieces_)
    batch.messages.push_back({piece, *origin_, next_index_++, layout_ == Layout::mailbox});
  batch.storage = std::make_shared<const WindowStorage>(WindowStorage{std::move(window), origin_});
}

}  // namespace bg::mailbox
