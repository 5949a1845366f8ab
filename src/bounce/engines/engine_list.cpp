#include "bounce/engines/engine_list.h"

#include "bounce/engines/engines.h"

namespace bg::bounce {

const std::vector<const Engine*>& all_engines() {
  static const std::vector<const Engine*> engines = {
      &rfc3464_engine(),
  };
  return engines;
}

}  // namespace bg::bounce
