#pragma once
// The fields of a record, in the one order every output format gives them (Sisimai's names
// first, then bounceguard's own). A writer passes an object with a member for each kind of value
// and is called once per field, so the order lives here alone:
//   string(name, std::string_view), number(name, std::int64_t), boolean(name, bool),
//   maybe_boolean(name, std::optional<bool>), strings(name, a list of strings: the evidence
//   or the DKIM domains, each read as a std::string_view), original(name, const bounce::OriginalMessage&).
#include <cstdint>

#include "bounce/record.h"

namespace bg::report {

template <class Fields>
void each_record_field(const bounce::Record& record, Fields& fields) {
  fields.string("recipient", record.recipient);
  fields.string("addresser", record.addresser);
  fields.string("deliverystatus", record.deliverystatus);
  fields.string("replycode", record.replycode);
  fields.string("action", record.action);
  fields.string("reason", record.reason);
  fields.boolean("hardbounce", record.hardbounce);
  fields.string("diagnosticcode", record.diagnosticcode);
  fields.string("diagnostictype", record.diagnostictype);
  fields.string("smtpcommand", record.smtpcommand);
  fields.string("lhost", record.lhost);
  fields.string("rhost", record.rhost);
  fields.string("destination", record.destination);
  fields.string("senderdomain", record.senderdomain);
  fields.number("timestamp", record.timestamp);
  fields.string("timezoneoffset", record.timezoneoffset);
  fields.string("subject", record.subject());
  fields.string("messageid", record.messageid());
  fields.string("listid", record.listid());
  fields.string("feedbacktype", record.feedbacktype);
  fields.string("decodedby", record.decodedby);
  fields.string("origin", record.origin);
  fields.number("message_index", static_cast<std::int64_t>(record.message_index));
  fields.string("bounce_to", record.bounce_to);
  fields.string("kind", bounce::to_string(record.kind));
  fields.maybe_boolean("sent_by_owner", record.sent_by_owner);
  fields.string("category", record.category);
  fields.strings("evidence", record.evidence);
  fields.original("original", record.original);
}

}  // namespace bg::report
