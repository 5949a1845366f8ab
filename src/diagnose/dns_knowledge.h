#pragma once
// What the DNS adds to a diagnosis: the relays the owner's SPF records authorize (learned when
// the command line names none), and whether the addresses the bounces said were refused are on
// DNS blocklists. A DNS that does not answer only leaves a note: the scan goes on without it.
#include <set>
#include <string>

#include "diagnose/diagnosis_types.h"
#include "diagnose/owner.h"
#include "dns/resolver.h"

namespace bg::diagnose {

class DnsKnowledge {
 public:
  explicit DnsKnowledge(dns::Resolver& resolver) : resolver_(resolver) {}

  // Adds the networks and hosts the SPF records of the owner's domains authorize.
  void learn_relays(Owner& owner);
  // Looks `addresses` up on the blocklists of data/blocklists.tsv and adds each listing, with
  // its removal page, to the report's blocklisted situation.
  void check_refused(const std::set<std::string>& addresses, DiagnosisReport& report);

 private:
  dns::Resolver& resolver_;
};

}  // namespace bg::diagnose
