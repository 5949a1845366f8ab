#pragma once
// Fetching a domain's SPF record: the TXT records at the name that start with "v=spf1"
// (RFC 7208 section 4.5). Type SPF (99) is no longer consulted.
#include <string>
#include <string_view>
#include <vector>

#include "dns/resolver.h"

namespace bg::check {

struct SpfRecordLookup {
  enum class Status {
    found,    // exactly one record
    none,     // no SPF record (or the name does not exist)
    several,  // more than one: a permerror
    failed,   // the look-up failed: a temperror
  };
  Status status = Status::none;
  std::vector<std::string> records;                      // each SPF record's text, strings joined
  std::vector<std::vector<std::string>> record_strings;  // each SPF record's strings as published
  std::size_t answer_bytes = 0;  // the estimated size of the DNS answer with all TXT records
  dns::Dnssec dnssec = dns::Dnssec::unchecked;
  std::string detail;  // why the look-up failed
};

SpfRecordLookup look_up_spf_record(dns::Resolver& resolver, std::string_view domain);

}  // namespace bg::check
