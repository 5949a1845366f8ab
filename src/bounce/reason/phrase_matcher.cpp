#include "bounce/reason/phrase_matcher.h"

#include <hs/hs.h>

#include <array>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "bounce/dsn_report.h"
#include "bounce/reason/phrase_table.h"
#include "bounce/vectorscan_database.h"
#include "bounce/vectorscan_scratch.h"
#include "mime/ascii.h"

namespace bg::bounce {

struct PhraseMatcher::Database {
  // Each scope's phrases, loaded when first asked for: a scan asks for a few of the sections.
  std::vector<hs_database_t*> by_scope;
  std::unique_ptr<std::once_flag[]> scope_loaded;

  hs_database_t* scope(std::size_t at) {
    std::call_once(scope_loaded[at], [&] {
      by_scope[at] = load_database(phrase_table().scope_databases[at], "the reason phrases");
    });
    return by_scope[at];
  }
};

namespace {

struct ScanContext {
  const PhraseTable* table;
  PhraseHits* hits;
};

// The reasons whose phrases of one scope a scan finds, and those vetoed there: all that
// reasons_in_scope() asks, without a PhraseHits of every scope to clear first.
struct ScopeScan {
  const PhraseTable* table;
  int scope;
  std::uint64_t found = 0;
  std::uint64_t vetoes = 0;
};

int on_match_in_scope(unsigned int id, unsigned long long, unsigned long long, unsigned int, void* context) {
  auto* scan = static_cast<ScopeScan*>(context);
  const PhraseEntry& entry = scan->table->entries[id];
  if (entry.scope == scan->scope) (entry.veto ? scan->vetoes : scan->found) |= std::uint64_t{1} << entry.reason;
  return 0;  // keep scanning
}

// The same for the two scopes of the first database: the phrases of every reply, at 0, and the
// decisive ones, at 1.
struct EverywhereScan {
  const PhraseTable* table;
  std::array<std::uint64_t, 2> found{};
  std::array<std::uint64_t, 2> vetoes{};
};

int on_match_everywhere(unsigned int id, unsigned long long, unsigned long long, unsigned int, void* context) {
  auto* scan = static_cast<EverywhereScan*>(context);
  const PhraseEntry& entry = scan->table->entries[id];
  const std::size_t decisive = entry.scope != 0;  // the first database holds no third scope
  (entry.veto ? scan->vetoes : scan->found)[decisive] |= std::uint64_t{1} << entry.reason;
  return 0;  // keep scanning
}

}  // namespace

int PhraseMatcher::on_match(unsigned int id, unsigned long long, unsigned long long, unsigned int, void* context) {
  auto* scan = static_cast<ScanContext*>(context);
  const PhraseEntry& entry = scan->table->entries[id];
  const std::uint64_t bit = std::uint64_t{1} << entry.reason;
  auto& bits = entry.veto ? scan->hits->vetoes_ : scan->hits->found_;
  bits[static_cast<std::size_t>(entry.scope)] |= bit;
  if (!entry.veto && entry.scope != 0) scan->hits->found_in_named_scope_ = true;
  return 0;  // keep scanning
}

PhraseMatcher::PhraseMatcher()
    : database_(new Database),
      reason_indexes_(phrase_table().reasons),
      scope_indexes_(phrase_table().scopes),
      formats_(sections_of("format")),
      providers_(sections_of("provider")) {
  const PhraseTable& table = phrase_table();
  if (table.reasons.size() > PhraseHits::kMaxReasons) throw std::logic_error("too many reasons in data/reasons");
  if (table.scopes.size() > PhraseHits::kMaxScopes) throw std::logic_error("too many scopes in data/reasons");
  for (std::string_view reason : table.reasons) reasons_.emplace_back(reason);
  database_->by_scope.assign(table.scope_databases.size(), nullptr);
  database_->scope_loaded = std::make_unique<std::once_flag[]>(table.scope_databases.size());
  // The phrases that hold everywhere are scanned for in every reply: a database that cannot be
  // loaded is told at once.
  database_->scope(0);
}

PhraseMatcher::~PhraseMatcher() {
  for (hs_database_t* database : database_->by_scope) hs_free_database(database);
  delete database_;
}

const PhraseMatcher& PhraseMatcher::instance() {
  static const PhraseMatcher matcher;
  return matcher;
}

int PhraseMatcher::reason_index(std::string_view reason) const { return reason_indexes_.find(reason); }

int PhraseMatcher::scope_index(std::string_view scope) const { return scope_indexes_.find(scope); }

PhraseMatcher::SectionsOfKind PhraseMatcher::sections_of(std::string_view kind) {
  std::vector<std::string_view> names;
  std::vector<int> scopes;
  const std::span<const std::string_view> all = phrase_table().scopes;
  for (std::size_t scope = 0; scope < all.size(); ++scope) {
    if (!all[scope].starts_with(kind) || all[scope].substr(kind.size(), 1) != " ") continue;
    const std::string_view name = all[scope].substr(kind.size() + 1);
    if (name != mime::lowercase(name)) throw std::logic_error("a section name not in lowercase in data/reasons");
    names.push_back(name);
    scopes.push_back(static_cast<int>(scope));
  }
  return {std::move(names), std::move(scopes)};
}

void PhraseMatcher::scan(std::size_t scope, std::string_view text, PhraseHits& hits) const {
  ScanContext context{&phrase_table(), &hits};
  scan(scope, text, on_match, &context);
}

void PhraseMatcher::scan(std::size_t scope, std::string_view text, MatchHandler handler, void* context) const {
  hs_database_t* database = database_->scope(scope);
  hs_scan(database, text.data(), static_cast<unsigned>(text.size()), 0, thread_scratch(database), handler, context);
}

PhraseHits PhraseMatcher::match(std::string_view text, std::initializer_list<std::string_view> scopes) const {
  PhraseHits hits = match_sections(text, scopes);
  add_everywhere(text, hits);
  return hits;
}

void PhraseMatcher::scan_section(int scope, std::string_view text, PhraseHits& hits) const {
  if (scope > 0 && !text.empty()) scan(static_cast<std::size_t>(scope), text, hits);
}

PhraseHits PhraseMatcher::match_sections(std::string_view text, std::initializer_list<std::string_view> scopes) const {
  PhraseHits hits;
  for (std::string_view scope : scopes) scan_section(scope_index(scope), text, hits);
  return hits;
}

void PhraseMatcher::add_everywhere(std::string_view text, PhraseHits& hits) const {
  if (!text.empty()) scan(0, text, hits);
}

std::uint64_t PhraseMatcher::reasons_in_scope(std::string_view text, std::string_view scope) const {
  return reasons_in_scope(text, scope.empty() ? 0 : scope_index(scope));
}

std::uint64_t PhraseMatcher::reasons_in_scope(std::string_view text, int at) const {
  if (at < 0 || text.empty()) return 0;
  ScopeScan scope{&phrase_table(), at};
  scan(static_cast<std::size_t>(at), text, on_match_in_scope, &scope);
  return scope.found & ~scope.vetoes;
}

PhraseMatcher::EverywhereReasons PhraseMatcher::reasons_everywhere(std::string_view text) const {
  if (text.empty()) return {};
  EverywhereScan scan{&phrase_table()};
  this->scan(0, text, on_match_everywhere, &scan);
  return {scan.found[0] & ~scan.vetoes[0], scan.found[1] & ~scan.vetoes[1]};
}

namespace {

struct BitPosition {
  std::size_t scope;
  std::uint64_t bit;
  bool valid;
};

BitPosition locate(std::string_view reason, std::string_view scope) {
  const PhraseMatcher& matcher = PhraseMatcher::instance();
  const int reason_at = matcher.reason_index(reason);
  // compile_phrases numbers the scope of phrases that hold everywhere, "", first.
  const int scope_at = scope.empty() ? 0 : matcher.scope_index(scope);
  if (reason_at < 0 || scope_at < 0) return {0, 0, false};
  return {static_cast<std::size_t>(scope_at), std::uint64_t{1} << reason_at, true};
}

}  // namespace

bool PhraseHits::has(std::string_view reason, std::string_view scope) const {
  const BitPosition at = locate(reason, scope);
  if (!at.valid) return false;
  return (found_[at.scope] & at.bit) && !(vetoes_[at.scope] & at.bit);
}

bool PhraseHits::vetoed(std::string_view reason, std::string_view scope) const {
  const BitPosition at = locate(reason, scope);
  return at.valid && (vetoes_[at.scope] & at.bit);
}

bool PhraseHits::any(std::string_view scope) const { return reasons(scope) != 0; }

std::uint64_t PhraseHits::reasons(std::string_view scope) const {
  if (!scope.empty() && !found_in_named_scope_) return 0;
  // compile_phrases numbers the scope of phrases that hold everywhere, "", first.
  return reasons(scope.empty() ? 0 : PhraseMatcher::instance().scope_index(scope));
}

std::uint64_t PhraseHits::reasons(int scope) const {
  if (scope < 0 || (scope > 0 && !found_in_named_scope_)) return 0;
  return found_[static_cast<std::size_t>(scope)] & ~vetoes_[static_cast<std::size_t>(scope)];
}

std::string normalize_reply(std::string_view text) { return squeeze_and_lowercase(text); }

void normalize_reply(std::string_view text, std::string& out) { squeeze_and_lowercase_into(text, out); }

}  // namespace bg::bounce
