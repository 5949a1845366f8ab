#pragma once
// A list of phrases from a data table, looked for in a text in one Vectorscan pass, ignoring
// case: the cost does not grow with the length of the list.
#include <optional>
#include <string_view>
#include <vector>

struct hs_database;

namespace bg::diagnose {

class PhraseList {
 public:
  // Compiles the phrases; throws std::runtime_error when Vectorscan refuses them.
  explicit PhraseList(const std::vector<std::string_view>& phrases);
  ~PhraseList();
  PhraseList(const PhraseList&) = delete;
  PhraseList& operator=(const PhraseList&) = delete;

  // The position in the list of the first phrase that occurs in `text`, if any does.
  std::optional<std::size_t> first_found(std::string_view text) const;

 private:
  hs_database* database_ = nullptr;
};

}  // namespace bg::diagnose
