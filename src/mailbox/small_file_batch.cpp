#include "mailbox/small_file_batch.h"

#include "mailbox/dbox.h"

namespace bg::mailbox {

void SmallFileBatch::keep(std::size_t size, std::string origin, Layout layout, Batch& batch,
                          std::vector<ReadProblem>& problems) {
  pieces_.clear();
  if (const std::size_t damaged = split_whole(std::string_view(free_space(), size), layout, pieces_))
    problems.push_back({origin, dbox_damage_notice(damaged), true});
  if (pieces_.empty()) return;
  used_ += size;
  ++files_;
  const std::string_view name = origins_.emplace_back(std::move(origin));
  for (std::size_t i = 0; i < pieces_.size(); ++i)
    batch.messages.push_back({pieces_[i].bytes, name, i, layout == Layout::mailbox, pieces_[i].without_quoted_from,
                              pieces_[i].without_carriage_return});
}

}  // namespace bg::mailbox
