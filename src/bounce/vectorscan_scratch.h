#pragma once
// Vectorscan needs scratch space for each thread that scans, large enough for every database
// the thread scans with.
#include <hs/hs.h>

namespace bg::bounce {

// This thread's scratch space, made large enough for `database` the first time the thread
// scans with it, or again when `refit` (the scan found it too small: a database made where a
// freed one was). Throws std::runtime_error when the space cannot be allocated.
hs_scratch_t* thread_scratch(const hs_database_t* database, bool refit = false);

}  // namespace bg::bounce
