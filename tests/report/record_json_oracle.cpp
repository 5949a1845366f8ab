#include "record_json_oracle.h"

namespace bg::report::oracle {

namespace {

using nlohmann::ordered_json;

ordered_json received_to_json(const bounce::ReceivedHop& hop) {
  return {{"from_host", hop.from_host}, {"from_rdns", hop.from_rdns}, {"from_ip", hop.from_ip},
          {"by_host", hop.by_host},     {"protocol", hop.protocol},
          {"auth_sender", hop.auth_sender}, {"date", hop.date}};
}

ordered_json original_to_json(const bounce::OriginalMessage& original) {
  if (!original.present) return nullptr;
  ordered_json received = ordered_json::array();
  for (const bounce::ReceivedHop& hop : original.received)
    received.push_back(received_to_json(hop));
  return {{"messageid", original.messageid},
          {"from", original.from},
          {"returnpath", original.returnpath},
          {"to", original.to},
          {"subject", original.subject},
          {"date", original.date},
          {"listid", original.listid},
          {"received", std::move(received)},
          {"dkim_domains", original.dkim_domains},
          {"x_originating_ip", original.x_originating_ip},
          {"authentication_results", original.authentication_results}};
}

}  // namespace

ordered_json record_to_json(const bounce::Record& record) {
  ordered_json json = {{"recipient", record.recipient},
          {"addresser", record.addresser},
          {"deliverystatus", record.deliverystatus},
          {"replycode", record.replycode},
          {"action", record.action},
          {"reason", record.reason},
          {"hardbounce", record.hardbounce},
          {"diagnosticcode", record.diagnosticcode},
          {"diagnostictype", record.diagnostictype},
          {"smtpcommand", record.smtpcommand},
          {"lhost", record.lhost},
          {"rhost", record.rhost},
          {"destination", record.destination},
          {"senderdomain", record.senderdomain},
          {"timestamp", record.timestamp},
          {"timezoneoffset", record.timezoneoffset},
          {"subject", record.subject()},
          {"messageid", record.messageid()},
          {"listid", record.listid()},
          {"feedbacktype", record.feedbacktype},
          {"decodedby", record.decodedby},
          {"origin", std::string_view(record.origin)},
          {"message_index", record.message_index},
          {"bounce_to", record.bounce_to},
          {"kind", bounce::to_string(record.kind)}};
  // The diagnosis (see diagnose/): null, "" and [] when the scan ran without it.
  json["sent_by_owner"] = record.sent_by_owner ? ordered_json(*record.sent_by_owner) : ordered_json(nullptr);
  json["category"] = record.category;
  json["evidence"] = std::vector<std::string>(record.evidence.begin(), record.evidence.end());
  json["original"] = original_to_json(record.original);
  return json;
}

}  // namespace bg::report::oracle
