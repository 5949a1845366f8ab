#include "bounce/engines/united_internet_report.h"

#include "bounce/address.h"
#include "bounce/bounce_message.h"
#include "bounce/engines/text_lines.h"
#include "mime/lines.h"

namespace bg::bounce {

namespace {

constexpr std::string_view kOriginalFollows =
    "--- The header of the original message is following. ---";

// "kijitora@example.org", "kijitora@example.org:", "\"kijitora@example.org\":" or
// "<kijitora@example.org>" alone on a line: the address; empty for other lines.
std::string address_line(std::string_view line) {
  line = mime::trim(line);
  if (line.ends_with(":")) line.remove_suffix(1);
  if (line.size() > 2 &&
      ((line.front() == '"' && line.back() == '"') || (line.front() == '<' && line.back() == '>')))
    line = line.substr(1, line.size() - 2);
  return is_address(line) ? std::string(line) : std::string();
}

}  // namespace

UnitedInternetReport read_united_internet_report(std::string_view body) {
  const BodyParts parts = split_at_original(body, {kOriginalFollows});
  UnitedInternetReport report;
  // Exim, whose wording these servers keep, marks the original differently.
  if (parts.notice.size() == body.size()) return report;
  report.original = parts.original;
  bool reading = false;
  for (std::string_view line : TextLines(parts.notice)) {
    if (!reading) {
      reading =
          line.starts_with("This message was created automatically by mail delivery software");
      continue;
    }
    if (mime::trim(line).empty()) continue;
    if (std::string address = address_line(line); !address.empty()) {
      report.recipients.push_back({std::move(address), {}});
    } else if (!report.recipients.empty()) {
      report.recipients.back().lines.emplace_back(mime::trim(line));
    }
  }
  return report;
}

}  // namespace bg::bounce
