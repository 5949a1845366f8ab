#pragma once
// Finds, in one pass over a server's reply, every reason whose phrases occur in it. All phrase
// files are one Vectorscan database, so the cost does not grow with the number of phrases; the
// phrases that can only match within the reply's first bytes (anchored at its start, of bounded
// length) are a second, small database scanned over those bytes alone.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bounce/reason/name_index.h"

namespace bg::bounce {

class PhraseHits {
 public:
  // Phrase files may name at most this many reasons, and their sections this many scopes.
  static constexpr std::size_t kMaxReasons = 64;
  static constexpr std::size_t kMaxScopes = 64;

  // Whether a phrase of `reason` occurs (in `scope`: "" for phrases that hold everywhere), and
  // no veto of that reason in the same scope does.
  bool has(std::string_view reason, std::string_view scope = "") const;
  bool vetoed(std::string_view reason, std::string_view scope = "") const;
  // Whether any reason has a phrase in `scope` that no veto cancels: most scopes have none,
  // and this spares asking reason by reason.
  bool any(std::string_view scope) const;
  // The reasons with a phrase in `scope` that no veto cancels, as a set of bits, each at its
  // PhraseMatcher::reason_index(): for callers that ask about many reasons.
  std::uint64_t reasons(std::string_view scope = "") const;

 private:
  friend class PhraseMatcher;
  std::array<std::uint64_t, kMaxScopes> found_{};   // per scope, one bit per reason
  std::array<std::uint64_t, kMaxScopes> vetoes_{};  // per scope, one bit per reason
};

class PhraseMatcher {
 public:
  static const PhraseMatcher& instance();

  // `text` should already be normalized with normalize_reply().
  PhraseHits match(std::string_view text) const;
  // What match(text).reasons(scope) says, found by scanning with that scope's phrases alone:
  // for a format module asking about its own phrases, at a fraction of the cost of match().
  std::uint64_t reasons_in_scope(std::string_view text, std::string_view scope) const;
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
  // Name -> index, for the many lookups a reason decision makes.
  NameIndex reason_indexes_;
  NameIndex scope_indexes_;
};

// Lowercases and squeezes runs of white space into one space: the form phrases are written for.
std::string normalize_reply(std::string_view text);

}  // namespace bg::bounce
