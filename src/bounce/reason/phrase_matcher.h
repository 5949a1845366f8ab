#pragma once
// Finds every reason whose phrases occur in a server's reply. Each section of the phrase files is
// a Vectorscan database of its own, so the cost grows neither with the number of phrases nor
// with the sections that cannot apply to the reply: a reply is scanned for the phrases that hold
// everywhere, with the decisive ones, and for those of the few sections it is asked about.
#include <array>
#include <cstdint>
#include <initializer_list>
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
  // The same for the scope at `scope` (PhraseMatcher::scope_index()); none for -1.
  std::uint64_t reasons(int scope) const;

 private:
  friend class PhraseMatcher;
  std::array<std::uint64_t, kMaxScopes> found_{};   // per scope, one bit per reason
  std::array<std::uint64_t, kMaxScopes> vetoes_{};  // per scope, one bit per reason
  // Whether a phrase of a scope other than "" was found: most replies hold none, and reasons()
  // answers for them without looking the scope's name up.
  bool found_in_named_scope_ = false;
};

class PhraseMatcher {
 public:
  static const PhraseMatcher& instance();

  // The phrases that hold everywhere and the decisive ones found in `text`, and those of `scopes`
  // ("provider google", "format exim"; a name no section has is passed over). The phrases of
  // other sections are not looked for. `text` should already be normalized with normalize_reply().
  PhraseHits match(std::string_view text, std::initializer_list<std::string_view> scopes = {}) const;
  // The phrases of `scopes` alone, and then those that hold everywhere with the decisive ones
  // added: together what match() finds. A caller whose answer a section's phrases may settle
  // spares the costliest scan, of the phrases every reply is asked about, when they do.
  PhraseHits match_sections(std::string_view text, std::initializer_list<std::string_view> scopes) const;
  void add_everywhere(std::string_view text, PhraseHits& hits) const;
  // What match(text, {scope}).reasons(scope) says, found by scanning with that scope's phrases
  // alone: for a format module asking about its own phrases, at a fraction of the cost of match().
  std::uint64_t reasons_in_scope(std::string_view text, std::string_view scope) const;
  std::uint64_t reasons_in_scope(std::string_view text, int scope) const;
  // What match(text).reasons() and match(text).reasons("decisive") say, from the one scan that
  // finds both, without a PhraseHits of every scope to clear first.
  struct EverywhereReasons {
    std::uint64_t everywhere = 0;
    std::uint64_t decisive = 0;
  };
  EverywhereReasons reasons_everywhere(std::string_view text) const;
  const std::vector<std::string>& reasons() const { return reasons_; }

  int reason_index(std::string_view reason) const;
  int scope_index(std::string_view scope) const;
  // The index of the section "format NAME" ("Postfix") or "provider NAME" ("google"), the name
  // in any case, or -1: looked up by the name alone among the sections of its kind, neither
  // joined to the kind nor lowercased first, for a reason decision looks both up for every reply.
  int format_scope(std::string_view name) const { return formats_.find(name); }
  int provider_scope(std::string_view name) const { return providers_.find(name); }

  ~PhraseMatcher();
  PhraseMatcher(const PhraseMatcher&) = delete;
  PhraseMatcher& operator=(const PhraseMatcher&) = delete;

 private:
  PhraseMatcher();
  // Adds to `hits` the phrases of the scope at `scope` found in `text`.
  void scan(std::size_t scope, std::string_view text, PhraseHits& hits) const;
  // The same for a section named by match_sections(): the scope of every reply is not one, and -1 none.
  void scan_section(int scope, std::string_view text, PhraseHits& hits) const;
  // Vectorscan's callback for each phrase found (its match_event_handler).
  using MatchHandler = int (*)(unsigned int id, unsigned long long from, unsigned long long to, unsigned int flags,
                               void* context);
  // Scans `text` with the scope's phrases, `handler` told of each found.
  void scan(std::size_t scope, std::string_view text, MatchHandler handler, void* context) const;
  // The handler that notes each phrase found in the scan's PhraseHits.
  static int on_match(unsigned int id, unsigned long long from, unsigned long long to, unsigned int flags, void* context);
  struct Database;
  Database* database_;
  std::vector<std::string> reasons_;
  // Name -> index, for the many lookups a reason decision makes.
  NameIndex reason_indexes_;
  NameIndex scope_indexes_;
  // The sections of one kind ("format", "provider") by the name that follows the kind.
  struct SectionsOfKind {
    std::vector<std::string_view> names;  // lowercase, as data/reasons writes them
    std::vector<int> scopes;              // the scope index of each
    NameIndex index{names};

    int find(std::string_view name) const {
      const int at = index.find_in_any_case(name);
      return at < 0 ? -1 : scopes[static_cast<std::size_t>(at)];
    }
  };
  static SectionsOfKind sections_of(std::string_view kind);
  SectionsOfKind formats_;
  SectionsOfKind providers_;
};

// Lowercases and squeezes runs of white space into one space: the form phrases are written for.
std::string normalize_reply(std::string_view text);
// The same written over `out` (not `text` itself), whose storage is reused.
void normalize_reply(std::string_view text, std::string& out);

}  // namespace bg::bounce
