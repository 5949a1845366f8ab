#include "diagnose/phrase_list.h"

#include <hs/hs.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace bg::diagnose {

namespace {

// Each thread scans with its own scratch space, as Vectorscan requires. Fitting one to a
// database is costly (microseconds, more than a scan), so each thread keeps one per list.
class ThreadScratch {
 public:
  ~ThreadScratch() {
    for (auto& [database, scratch] : fitted_) hs_free_scratch(scratch);
  }
  // The scratch space this thread keeps for `database`; `refit` grows it after Vectorscan
  // found it too small (a list freed and another made at the same address).
  hs_scratch_t* fitted_to(const hs_database_t* database, bool refit = false) {
    auto kept = std::find_if(fitted_.begin(), fitted_.end(), [&](const auto& entry) { return entry.first == database; });
    if (kept == fitted_.end()) kept = fitted_.insert(fitted_.end(), {database, nullptr});
    if ((kept->second == nullptr || refit) && hs_alloc_scratch(database, &kept->second) != HS_SUCCESS)
      throw std::runtime_error("cannot allocate Vectorscan scratch space");
    return kept->second;
  }

 private:
  std::vector<std::pair<const hs_database_t*, hs_scratch_t*>> fitted_;
};

thread_local ThreadScratch thread_scratch;

int keep_lowest(unsigned int id, unsigned long long, unsigned long long, unsigned int, void* context) {
  auto& lowest = *static_cast<std::optional<std::size_t>*>(context);
  if (!lowest || id < *lowest) lowest = id;
  return 0;
}

}  // namespace

PhraseList::PhraseList(const std::vector<std::string_view>& phrases) {
  std::vector<const char*> texts;
  std::vector<std::size_t> lengths;
  std::vector<unsigned> ids, flags;
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    if (phrases[i].empty()) throw std::runtime_error("an empty phrase in a phrase list");
    texts.push_back(phrases[i].data());
    lengths.push_back(phrases[i].size());
    ids.push_back(static_cast<unsigned>(i));
    flags.push_back(HS_FLAG_CASELESS | HS_FLAG_SINGLEMATCH);
  }
  if (phrases.empty()) return;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_lit_multi(texts.data(), flags.data(), ids.data(), lengths.data(), static_cast<unsigned>(texts.size()),
                           HS_MODE_BLOCK, nullptr, &database_, &error) != HS_SUCCESS) {
    const std::string message = error != nullptr ? error->message : "unknown error";
    hs_free_compile_error(error);
    throw std::runtime_error("cannot compile a phrase list: " + message);
  }
}

PhraseList::~PhraseList() {
  if (database_ != nullptr) hs_free_database(database_);
}

std::optional<std::size_t> PhraseList::first_found(std::string_view text) const {
  std::optional<std::size_t> lowest;
  if (database_ == nullptr || text.empty()) return lowest;
  auto scan = [&](hs_scratch_t* scratch) {
    return hs_scan(database_, text.data(), static_cast<unsigned>(text.size()), 0, scratch, keep_lowest, &lowest);
  };
  if (scan(thread_scratch.fitted_to(database_)) == HS_INVALID) scan(thread_scratch.fitted_to(database_, true));
  return lowest;
}

}  // namespace bg::diagnose
