#include "mailbox/file_claims.h"

namespace bg::mailbox {

const std::string* FileClaims::claim(FileIdentity file, const std::string& input) {
  if (inputs_.empty() || inputs_.back() != input) inputs_.push_back(input);
  const auto [holder, first] = holders_.try_emplace(file, inputs_.size() - 1);
  return first ? nullptr : &inputs_[holder->second];
}

}  // namespace bg::mailbox
