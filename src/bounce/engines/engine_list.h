#pragma once
// Every format module, in the order they are tried: specific formats first, the generic RFC 3464
// reader, then feedback reports and auto-replies last.
#include <vector>

#include "bounce/engine.h"

namespace bg::bounce {

const std::vector<const Engine*>& all_engines();

}  // namespace bg::bounce
