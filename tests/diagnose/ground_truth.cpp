#include "ground_truth.h"

#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace bg::testing::scenarios {

namespace {

nlohmann::json bounce_json(const ExpectedBounce& bounce) {
  nlohmann::json json = {{"recipient", bounce.recipient},
                         {"sent_by_owner", nullptr},
                         {"category", bounce.category},
                         {"timestamp", bounce.timestamp},
                         {"layout", bounce.layout},
                         {"writer", bounce.writer},
                         {"reply", bounce.reply},
                         {"trap", bounce.trap},
                         {"original_returned", bounce.original_returned},
                         {"original_message_id", bounce.original_message_id},
                         {"connecting_ip", bounce.connecting_ip},
                         {"owner_evidence", bounce.owner_evidence}};
  if (bounce.sent_by_owner) json["sent_by_owner"] = *bounce.sent_by_owner;
  return json;
}

std::string file_name(const std::filesystem::path& path) { return path.empty() ? "" : path.filename().string(); }

}  // namespace

void write_truth(const Scenario& scenario, const std::filesystem::path& path) {
  nlohmann::json bounces = nlohmann::json::array();
  for (const ExpectedBounce& bounce : scenario.bounces) bounces.push_back(bounce_json(bounce));
  const nlohmann::json truth = {
      {"kind", to_string(scenario.spec.kind)},
      {"variant", to_string(scenario.spec.variant)},
      {"seed", scenario.spec.seed},
      {"owner",
       {{"domains", {scenario.domain}},
        {"relays", scenario.relays},
        {"addresses", scenario.addresses},
        {"batv", scenario.batv}}},
      {"given",
       {{"domains", scenario.given_domains},
        {"relays", scenario.given_relays},
        {"mailbox", file_name(scenario.mailbox)},
        {"sent", file_name(scenario.sent_folder)},
        {"maillog", file_name(scenario.mail_log)}}},
      {"situations", scenario.situations},
      {"messages", scenario.messages},
      {"bounces", bounces}};
  std::ofstream out(path, std::ios::binary);
  out << truth.dump(2) << "\n";
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace bg::testing::scenarios
