#pragma once
// The compiled phrase database and its tables, generated at build time from data/reasons/ by
// tools/compile_phrases.cpp.
#include <span>
#include <string_view>

namespace bg::bounce {

struct PhraseEntry {
  int reason;  // index into PhraseTable::reasons
  int scope;   // index into PhraseTable::scopes; 0 is "every reply"
  bool veto;
};

struct PhraseTable {
  std::string_view serialized_database;
  // The phrases that can only match at the start of a reply, within its first prefix_length
  // bytes: scanned over those bytes alone. Empty when there are none.
  std::string_view serialized_prefix_database;
  std::size_t prefix_length;
  std::span<const PhraseEntry> entries;  // indexed by Vectorscan pattern id
  std::span<const std::string_view> reasons;
  std::span<const std::string_view> scopes;
  // Each scope's phrases alone, indexed like `scopes`; the first (every reply) is empty.
  std::span<const std::string_view> scope_databases;
};

const PhraseTable& phrase_table();

}  // namespace bg::bounce
