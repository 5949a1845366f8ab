#include "bounce/engines/engine_list.h"

#include "bounce/engines/engines.h"

namespace bg::bounce {

const std::vector<const Engine*>& all_engines() {
  static const std::vector<const Engine*> engines = {
      &postfix_engine(),
      &exchange2003_engine(),
      &exchange2007_engine(),
      &office365_engine(),
      &outlook_engine(),
      &exim_engine(),
      &sendmail_engine(),
      &qmail_engine(),
      &rfc3464_engine(),
      &arf_engine(),
      &rfc3834_engine(),
  };
  return engines;
}

}  // namespace bg::bounce
