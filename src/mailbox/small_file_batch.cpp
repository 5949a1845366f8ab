#include "mailbox/small_file_batch.h"

namespace bg::mailbox {

void SmallFileBatch::keep(std::size_t size, std::string origin, Layout layout, Batch& batch) {
  pieces_.clear();
  split_whole(std::string_view(free_space(), size), layout, pieces_);
  if (pieces_.empty()) return;
  used_ += size;
  ++files_;
  const std::string_view name = origins_.emplace_back(std::move(origin));
  for (std::size_t i = 0; i < pieces_.size(); ++i)
    batch.messages.push_back({pieces_[i], name, i, layout == Layout::mailbox});
}

}  // namespace bg::mailbox
