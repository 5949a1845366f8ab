#include "report/text_diagnosis.h"

#include <chrono>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "report/human_number.h"
#include "report/terminal_text.h"

namespace bg::report {

namespace {

// Writes `text` wrapped to `width`, the first line after `first_prefix`, the others indented as far.
void write_wrapped(std::string_view text, std::string_view first_prefix, std::size_t width, std::ostream& out) {
  const std::string indent(display_width(first_prefix), ' ');
  const std::size_t room = width > indent.size() + 20 ? width - indent.size() : 20;
  bool first = true;
  for (const std::string& line : wrap_words(printable(text), room)) {
    out << (first ? std::string(first_prefix) : indent) << line << '\n';
    first = false;
  }
}

std::string day(std::int64_t timestamp) {
  if (timestamp <= 0) return "?";
  using namespace std::chrono;
  const year_month_day date(floor<days>(sys_seconds(seconds(timestamp))));
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

std::string title_of(diagnose::SituationKind kind) {
  switch (kind) {
    case diagnose::SituationKind::kSpoofing: return "Spoofing (backscatter)";
    case diagnose::SituationKind::kCompromise: return "Compromised account";
    case diagnose::SituationKind::kBlocklisted: return "Blocklisted";
    case diagnose::SituationKind::kAuthentication: return "Authentication failures";
    case diagnose::SituationKind::kDeliveryFailures: return "Delivery failures";
  }
  return "";
}

}  // namespace

void write_text_diagnosis(const diagnose::DiagnosisReport& diagnosis, const scan::ScanSummary& summary,
                          const TextStyle& style, std::size_t width, std::ostream& out) {
  if (diagnosis.situations.empty()) {
    out << style.heading("No bounce problem found") << '\n';
    write_wrapped("bounceguard read " + human_number(summary.messages_read) +
                      " messages and found no failed delivery to worry about.",
                  "  ", width, out);
    out << '\n';
    return;
  }
  int number = 0;
  for (const diagnose::Situation& situation : diagnosis.situations) {
    ++number;
    const std::string when = situation.first_seen > 0 ? ", " + day(situation.first_seen) +
                                                            (day(situation.last_seen) != day(situation.first_seen)
                                                                 ? " to " + day(situation.last_seen)
                                                                 : "")
                                                      : "";
    out << style.heading(std::to_string(number) + ". " + title_of(situation.kind)) << "  "
        << style.quiet(std::string(diagnose::to_string(situation.confidence)) + " confidence, " +
                       human_number(situation.bounces) + (situation.bounces == 1 ? " bounce" : " bounces") + when)
        << '\n';
    write_wrapped(situation.headline, "   ", width, out);
    out << "   What to do:\n";
    char letter = 'a';
    for (const std::string& action : situation.actions) write_wrapped(action, std::string("     ") + letter++ + ". ", width, out);
    out << "   Evidence:\n";
    for (const std::string& fact : situation.evidence) write_wrapped(fact, "     - ", width, out);
    out << '\n';
  }
  if (!diagnosis.owner.domains.empty() || !diagnosis.owner.relays.empty()) {
    std::string who = "You: ";
    for (const std::string& domain : diagnosis.owner.domains) who += (&domain == &diagnosis.owner.domains.front() ? "" : ", ") + domain;
    if (!diagnosis.owner.relays.empty()) {
      who += ", sending through";
      for (const std::string& relay : diagnosis.owner.relays) who += " " + relay;
    }
    write_wrapped(who, "", width, out);
    for (const std::string& fact : diagnosis.owner.learned_from) write_wrapped(fact, "  - ", width, out);
    out << "  (if this is wrong, say so with --domain and --relay)\n\n";
  }
}

}  // namespace bg::report
