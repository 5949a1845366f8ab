#include "bounce/reason/name_index.h"

#include <stdexcept>

namespace bg::bounce {

NameIndex::NameIndex(std::span<const std::string_view> names) {
  if (names.size() * 2 > kCapacity) throw std::logic_error("too many names for a NameIndex");
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::size_t slot = hash(names[i]);
    while (slots_[slot].index >= 0) {
      if (slots_[slot].name == names[i]) break;  // a repeated name keeps its first position
      slot = (slot + 1) & (kCapacity - 1);
    }
    if (slots_[slot].index < 0) slots_[slot] = {names[i], static_cast<int>(i)};
  }
}

}  // namespace bg::bounce
