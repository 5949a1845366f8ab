#include "dns/answer.h"

namespace bg::dns {

std::string_view to_string(RecordType type) {
  switch (type) {
    case RecordType::a:
      return "A";
    case RecordType::soa:
      return "SOA";
    case RecordType::ptr:
      return "PTR";
    case RecordType::mx:
      return "MX";
    case RecordType::txt:
      return "TXT";
    case RecordType::aaaa:
      return "AAAA";
  }
  return "?";
}

std::string_view to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::answered:
      return "answered";
    case Outcome::no_records:
      return "no records";
    case Outcome::no_such_domain:
      return "no such domain";
    case Outcome::server_failure:
      return "server failure";
    case Outcome::timed_out:
      return "timed out";
    case Outcome::invalid_name:
      return "invalid name";
  }
  return "?";
}

std::string_view to_string(Dnssec status) {
  switch (status) {
    case Dnssec::unchecked:
      return "unchecked";
    case Dnssec::secure:
      return "secure";
    case Dnssec::insecure:
      return "insecure";
    case Dnssec::bogus:
      return "bogus";
  }
  return "?";
}

}  // namespace bg::dns
