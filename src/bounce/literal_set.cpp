#include "bounce/literal_set.h"

#include <hs/hs.h>

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

#include "bounce/vectorscan_database.h"
#include "bounce/vectorscan_scratch.h"

namespace bg::bounce {

namespace {

int stop_at_first(unsigned int, unsigned long long, unsigned long long, unsigned int, void*) { return 1; }

int keep_lowest(unsigned int id, unsigned long long, unsigned long long, unsigned int, void* context) {
  auto& lowest = *static_cast<std::optional<std::size_t>*>(context);
  if (!lowest || id < *lowest) lowest = id;
  return 0;
}

// Scans `text` with `database`; returns whether `on_match` stopped the scan.
bool scan(const hs_database_t* database, std::string_view text, match_event_handler on_match, void* context) {
  // Vectorscan takes at most 4 GiB in one scan; the texts searched here are header values and replies.
  const auto length = static_cast<unsigned>(std::min<std::size_t>(text.size(), std::numeric_limits<unsigned>::max()));
  hs_error_t result = hs_scan(database, text.data(), length, 0, thread_scratch(database), on_match, context);
  // A set made where a freed one was may need more scratch space than was kept for that one.
  if (result == HS_INVALID)
    result = hs_scan(database, text.data(), length, 0, thread_scratch(database, true), on_match, context);
  return result == HS_SCAN_TERMINATED;
}

}  // namespace

LiteralSet LiteralSet::compiled(std::string_view name) {
  const std::string_view serialized = serialized_literal_set(name);
  if (serialized.empty()) throw std::logic_error("no phrase list data/literals/" + std::string(name) + ".txt was compiled");
  return LiteralSet(load_database(serialized, "the phrase list " + std::string(name)));
}

LiteralSet::LiteralSet(const std::vector<std::string_view>& phrases) {
  if (phrases.empty()) return;
  std::vector<const char*> texts;
  std::vector<std::size_t> lengths;
  std::vector<unsigned> ids;
  for (std::string_view phrase : phrases) {
    if (phrase.empty()) throw std::runtime_error("an empty phrase in a phrase list");
    texts.push_back(phrase.data());
    lengths.push_back(phrase.size());
    ids.push_back(static_cast<unsigned>(ids.size()));
  }
  const std::vector<unsigned> flags(phrases.size(), HS_FLAG_CASELESS | HS_FLAG_SINGLEMATCH);
  hs_compile_error_t* error = nullptr;
  if (hs_compile_lit_multi(texts.data(), flags.data(), ids.data(), lengths.data(), static_cast<unsigned>(texts.size()),
                           HS_MODE_BLOCK, nullptr, &database_, &error) != HS_SUCCESS) {
    const std::string message = error != nullptr ? error->message : "unknown error";
    hs_free_compile_error(error);
    throw std::runtime_error("cannot compile a phrase list: " + message);
  }
}

LiteralSet::~LiteralSet() { hs_free_database(database_); }

bool LiteralSet::found_in(std::string_view text) const {
  return database_ != nullptr && !text.empty() && scan(database_, text, stop_at_first, nullptr);
}

std::optional<std::size_t> LiteralSet::first_found(std::string_view text) const {
  std::optional<std::size_t> lowest;
  if (database_ != nullptr && !text.empty()) scan(database_, text, keep_lowest, &lowest);
  return lowest;
}

}  // namespace bg::bounce
