#pragma once
// The compiled phrase databases and their tables, generated at build time from data/reasons/ by
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
  std::span<const PhraseEntry> entries;  // indexed by Vectorscan pattern id
  std::span<const std::string_view> reasons;
  std::span<const std::string_view> scopes;
  // Each scope's phrases alone, serialized, indexed like `scopes`; the first, of the phrases that
  // hold everywhere, with the decisive ones too.
  std::span<const std::string_view> scope_databases;
};

const PhraseTable& phrase_table();

}  // namespace bg::bounce
