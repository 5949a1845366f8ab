#include "bounce/engines/engine_list.h"

#include "bounce/engines/engines.h"

namespace bg::bounce {

const std::vector<const Engine*>& all_engines() {
  static const std::vector<const Engine*> engines = {
      &exim_engine(),
      &postfix_engine(),
      &rfc3464_engine(),
      &arf_engine(),
      &rfc3834_engine(),
  };
  return engines;
}

}  // namespace bg::bounce
