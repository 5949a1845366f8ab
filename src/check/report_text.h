#pragma once
// `check` and `spf` for a person: the verdict, the findings with the records to publish, and
// what was found, in plain text.
#include <ostream>

#include "check/domain_check.h"
#include "check/spf_evaluator.h"

namespace bg::check {

void write_text(std::ostream& out, const DomainReport& report);
void write_text(std::ostream& out, const SpfVerdict& verdict);

}  // namespace bg::check
