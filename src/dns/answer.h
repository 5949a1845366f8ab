#pragma once
// What one DNS question got back: the records, or why there are none, and how far DNSSEC
// vouches for it.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bg::dns {

enum class RecordType : std::uint16_t {
  a = 1,
  soa = 6,
  ptr = 12,
  mx = 15,
  txt = 16,
  aaaa = 28,
};

std::string_view to_string(RecordType type);

enum class Outcome {
  answered,        // one or more records
  no_records,      // the name exists but has no records of the type (NODATA)
  no_such_domain,  // NXDOMAIN
  server_failure,  // SERVFAIL, REFUSED or any other failure the resolver reported
  timed_out,       // no answer within the resolver's timeout
  invalid_name,    // no query can be composed for the name
};

std::string_view to_string(Outcome outcome);

enum class Dnssec {
  unchecked,  // validation is off
  secure,     // the answer validated from a trust anchor
  insecure,   // validation ran, but the zone is not signed (or not from a trust anchor)
  bogus,      // the signatures did not validate
};

std::string_view to_string(Dnssec status);

struct Answer {
  Outcome outcome = Outcome::server_failure;
  std::vector<std::string> records;  // the rdata of each record, in wire format
  Dnssec dnssec = Dnssec::unchecked;
  std::string detail;  // why the query failed or the answer is bogus; empty otherwise

  bool answered() const { return outcome == Outcome::answered; }
  // A "void lookup" in the words of RFC 7208 section 4.6.4: the name has nothing of the type.
  bool is_empty() const {
    return outcome == Outcome::no_records || outcome == Outcome::no_such_domain;
  }
  // The answer says nothing about the data: the question should be asked again later.
  bool is_failure() const {
    return outcome == Outcome::server_failure || outcome == Outcome::timed_out;
  }
};

}  // namespace bg::dns
