#pragma once
// The Vectorscan databases compiled at build time are loaded once, at first use.
#include <hs/hs.h>

#include <string_view>

namespace bg::bounce {

// Loads the database serialized in `serialized`. Throws std::runtime_error naming `what` and
// the cause: too little memory, or a database compiled for another Vectorscan or processor.
hs_database_t* load_database(std::string_view serialized, std::string_view what);

}  // namespace bg::bounce
