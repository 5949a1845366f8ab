#pragma once
// Finds, in one pass over a server's reply, every reason whose phrases occur in it. All phrase
// files are one Vectorscan database, so the cost does not grow with the number of phrases.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bg::bounce {

class PhraseHits {
 public:
  // Whether a phrase of `reason` occurs (in `scope`: "" for phrases that hold everywhere), and
  // no veto of that reason in the same scope does.
  bool has(std::string_view reason, std::string_view scope = "") const;
  bool vetoed(std::string_view reason, std::string_view scope = "") const;
  // Whether any reason has a phrase in `scope` that no veto cancels: most scopes have none,
  // and this spares asking reason by reason.
  bool any(std::string_view scope) const;

 private:
  friend class PhraseMatcher;
  std::vector<std::uint64_t> found_;   // per scope, one bit per reason
  std::vector<std::uint64_t> vetoes_;  // per scope, one bit per reason
};

class PhraseMatcher {
 public:
  static const PhraseMatcher& instance();

  // `text` should already be normalized with normalize_reply().
  PhraseHits match(std::string_view text) const;
  const std::vector<std::string>& reasons() const { return reasons_; }

  int reason_index(std::string_view reason) const;
  int scope_index(std::string_view scope) const;

  ~PhraseMatcher();
  PhraseMatcher(const PhraseMatcher&) = delete;
  PhraseMatcher& operator=(const PhraseMatcher&) = delete;

 private:
  PhraseMatcher();
  struct Database;
  Database* database_;
  std::vector<std::string> reasons_;
  std::vector<std::string> scopes_;
  // Name -> index, for the many lookups a reason decision makes.
  std::unordered_map<std::string_view, int> reason_indexes_;
  std::unordered_map<std::string_view, int> scope_indexes_;
};

// Lowercases and squeezes runs of white space into one space: the form phrases are written for.
std::string normalize_reply(std::string_view text);

}  // namespace bg::bounce
