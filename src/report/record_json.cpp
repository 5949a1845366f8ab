#include "report/record_json.h"

#include "report/ranking.h"

namespace bg::report {

namespace {

using nlohmann::ordered_json;

// The recipient domains listed in the summary: enough to see where mail fails most.
constexpr std::size_t kTopDestinations = 20;

ordered_json ranking_to_json(const Ranking& ranking) {
  ordered_json object = ordered_json::object();
  for (const auto& [name, count] : ranking) object[name] = count;
  return object;
}

}  // namespace

ordered_json summary_to_json(const scan::ScanSummary& summary) {
  ordered_json problems = ordered_json::array();
  for (const mailbox::ReadProblem& problem : summary.problems)
    problems.push_back({{"origin", problem.origin}, {"what", problem.what}, {"unreadable", problem.unreadable}});
  return {{"inputs", summary.inputs},
          {"messages_read", summary.messages_read},
          {"bytes_read", summary.bytes_read},
          {"malformed", summary.malformed},
          {"bounce_messages", summary.bounce_messages},
          {"delay_messages", summary.delay_messages},
          {"delivery_reports", summary.delivery_reports},
          {"auto_replies", summary.auto_replies},
          {"feedback_reports", summary.feedback_reports},
          {"records", summary.records},
          {"hard", summary.hard},
          {"soft", summary.soft},
          {"by_reason", ranking_to_json(rank_by_count(summary.by_reason))},
          {"by_destination",
           ranking_to_json(rank_by_count(summary.by_destination, kTopDestinations))},
          {"problems", std::move(problems)},  // the first ScanSummary::kProblemsKept
          {"problem_count", summary.problem_count},
          {"unreadable", summary.unreadable},
          {"seconds", summary.seconds}};
}

ordered_json owner_to_json(const diagnose::OwnerReport& owner) {
  return {{"domains", owner.domains}, {"relays", owner.relays}, {"learned_from", owner.learned_from}};
}

ordered_json situations_to_json(const std::vector<diagnose::Situation>& situations) {
  ordered_json list = ordered_json::array();
  for (const diagnose::Situation& situation : situations) {
    list.push_back({{"kind", diagnose::to_string(situation.kind)},
                    {"confidence", diagnose::to_string(situation.confidence)},
                    {"bounces", situation.bounces},
                    {"first_seen", situation.first_seen},
                    {"last_seen", situation.last_seen},
                    {"headline", situation.headline},
                    {"evidence", situation.evidence},
                    {"actions", situation.actions}});
  }
  return list;
}

std::string to_json_text(const nlohmann::ordered_json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace bg::report
