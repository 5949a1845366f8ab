#include "bounce/vectorscan_scratch.h"

#include <stdexcept>
#include <unordered_set>

namespace bg::bounce {

namespace {

class ThreadScratch {
 public:
  ~ThreadScratch() {
    if (scratch_ != nullptr) hs_free_scratch(scratch_);
  }

  // Allocating is costly (tens of microseconds, far more than a scan), so it happens once per
  // thread and database.
  hs_scratch_t* get(const hs_database_t* database, bool refit) {
    const bool known = sized_for_.contains(database);
    if (!known || refit) {
      if (hs_alloc_scratch(database, &scratch_) != HS_SUCCESS)
        throw std::runtime_error("cannot allocate Vectorscan scratch space");
      if (!known) sized_for_.insert(database);
    }
    return scratch_;
  }

 private:
  hs_scratch_t* scratch_ = nullptr;
  std::unordered_set<const hs_database_t*> sized_for_;
};

thread_local ThreadScratch scratch_of_this_thread;

}  // namespace

hs_scratch_t* thread_scratch(const hs_database_t* database, bool refit) {
  return scratch_of_this_thread.get(database, refit);
}

}  // namespace bg::bounce
