#include "bounce/literal_set.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

#include "bounce/vectorscan_scratch.h"

namespace bg::bounce {

namespace {

int stop_at_first(unsigned int, unsigned long long, unsigned long long, unsigned int, void*) { return 1; }

}  // namespace

LiteralSet::LiteralSet(std::string_view name) {
  const std::string_view serialized = serialized_literal_set(name);
  if (serialized.empty()) throw std::logic_error("no phrase list data/literals/" + std::string(name) + ".txt was compiled");
  if (hs_deserialize_database(serialized.data(), serialized.size(), &database_) != HS_SUCCESS)
    throw std::runtime_error("the compiled phrase list " + std::string(name) + " does not suit this machine; rebuild");
}

LiteralSet::~LiteralSet() { hs_free_database(database_); }

bool LiteralSet::found_in(std::string_view text) const {
  if (text.empty()) return false;
  // Vectorscan takes at most 4 GiB in one scan; the texts searched here are header values.
  const auto length = static_cast<unsigned>(std::min<std::size_t>(text.size(), std::numeric_limits<unsigned>::max()));
  return hs_scan(database_, text.data(), length, 0, thread_scratch(database_), stop_at_first, nullptr) ==
         HS_SCAN_TERMINATED;
}

}  // namespace bg::bounce
