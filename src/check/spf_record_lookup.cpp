#include "check/spf_record_lookup.h"

#include "check/spf_record.h"
#include "dns/record_data.h"

namespace bg::check {

namespace {

// A DNS message header, and per record a compressed owner name plus type, class, TTL and length.
constexpr std::size_t kHeaderBytes = 12;
constexpr std::size_t kQuestionTailBytes = 4;
constexpr std::size_t kRecordOverheadBytes = 12;

}  // namespace

SpfRecordLookup look_up_spf_record(dns::Resolver& resolver, std::string_view domain) {
  SpfRecordLookup lookup;
  const dns::Answer answer = resolver.resolve(domain, dns::RecordType::txt);
  lookup.dnssec = answer.dnssec;
  if (answer.is_failure()) {
    lookup.status = SpfRecordLookup::Status::failed;
    lookup.detail = answer.detail;
    return lookup;
  }
  lookup.answer_bytes = kHeaderBytes + domain.size() + 2 + kQuestionTailBytes;
  for (const std::string& rdata : answer.records) {
    lookup.answer_bytes += kRecordOverheadBytes + rdata.size();
    std::string text = dns::txt_text(rdata);
    if (!is_spf_record(text)) continue;
    lookup.records.push_back(std::move(text));
    lookup.record_strings.push_back(dns::txt_strings(rdata));
  }
  lookup.status = lookup.records.empty()      ? SpfRecordLookup::Status::none
                  : lookup.records.size() > 1 ? SpfRecordLookup::Status::several
                                              : SpfRecordLookup::Status::found;
  return lookup;
}

}  // namespace bg::check
