#include "report/text_summary.h"

#include <algorithm>
#include <string>
#include <vector>

#include "report/human_number.h"
#include "report/ranking.h"
#include "report/reason_meanings.h"
#include "report/terminal_text.h"

namespace bg::report {

namespace {

constexpr std::size_t kTopDomains = 5;
constexpr std::size_t kProblemsShown = 5;

struct CountLine {
  std::string label;
  std::uint64_t count = 0;
  std::string note;
};

// Labels on the left, numbers aligned on the right of their column, an optional note after.
void write_count_lines(const std::vector<CountLine>& lines, std::ostream& out) {
  std::size_t label_width = 0;
  std::size_t number_width = 0;
  for (const CountLine& line : lines) {
    label_width = std::max(label_width, display_width(line.label));
    number_width = std::max(number_width, human_number(line.count).size());
  }
  for (const CountLine& line : lines) {
    out << pad_right(line.label, label_width) << "  "
        << pad_left(human_number(line.count), number_width);
    if (!line.note.empty()) out << "   " << line.note;
    out << '\n';
  }
}

std::vector<CountLine> count_lines(const scan::ScanSummary& summary) {
  std::vector<CountLine> lines = {{"Messages read", summary.messages_read, {}},
                                  {"Bounces found", summary.bounce_messages, {}}};
  // Rarer kinds only when present, so a plain inbox gets a short block.
  const CountLine optional_lines[] = {{"Delay warnings", summary.delay_messages, {}},
                                      {"Auto-replies", summary.auto_replies, {}},
                                      {"Feedback reports", summary.feedback_reports, {}},
                                      {"Delivery reports", summary.delivery_reports, {}}};
  for (const CountLine& line : optional_lines)
    if (line.count > 0) lines.push_back(line);
  lines.push_back({"Failed recipients", summary.hard + summary.soft,
                   human_number(summary.hard) + " hard (permanent), " + human_number(summary.soft) +
                       " soft (temporary)"});
  lines.push_back({"Malformed, skipped", summary.malformed, {}});
  return lines;
}

bool found_nothing(const scan::ScanSummary& summary) {
  return summary.records == 0 && summary.bounce_messages == 0 && summary.delay_messages == 0 &&
         summary.auto_replies == 0 && summary.feedback_reports == 0 &&
         summary.delivery_reports == 0;
}

// Count, name and (for reasons) meaning, one per line under a heading.
void write_ranking(std::string_view heading, const Ranking& ranking, bool with_meanings,
                   const TextStyle& style, std::size_t width, std::ostream& out) {
  std::size_t number_width = 0;
  std::size_t name_width = 0;
  for (const auto& [name, count] : ranking) {
    number_width = std::max(number_width, human_number(count).size());
    name_width = std::max(name_width, display_width(printable(name)));
  }
  out << '\n' << style.heading(heading) << '\n';
  for (const auto& [name, count] : ranking) {
    const std::string prefix = "  " + pad_left(human_number(count), number_width) + "  ";
    const std::size_t room = width > prefix.size() ? width - prefix.size() : 0;
    if (!with_meanings) {
      out << prefix << fit(printable(name), room) << '\n';
      continue;
    }
    const std::string named = pad_right(printable(name), name_width) + "  ";
    const std::size_t meaning_room = room > named.size() ? room - named.size() : 0;
    out << prefix << named << fit(meaning_of(name), meaning_room) << '\n';
  }
}

void write_problems(const scan::ScanSummary& summary, const TextStyle& style, std::size_t width,
                    std::ostream& out) {
  const std::vector<mailbox::ReadProblem>& problems = summary.problems;
  out << '\n' << style.heading("Problems") << '\n';
  const std::size_t shown = std::min(problems.size(), kProblemsShown);
  // Wrapped rather than cut, since a notice may end in what to do; only a word longer than a
  // line (a long path) is cut.
  const std::size_t room = width > 24 ? width - 4 : 20;
  for (std::size_t i = 0; i < shown; ++i) {
    const std::vector<std::string> lines = wrap_words(printable(problems[i].origin + ": " + problems[i].what), room);
    for (std::size_t k = 0; k < lines.size(); ++k) out << (k == 0 ? "  " : "    ") << fit(lines[k], room) << '\n';
  }
  if (summary.problem_count > shown) {
    const std::string rest = "... and " + human_number(summary.problem_count - shown) + " more";
    out << "  " << style.quiet(rest) << '\n';
  }
}

}  // namespace

void write_text_summary(const scan::ScanSummary& summary, const TextStyle& style,
                        std::size_t width, std::ostream& out) {
  if (found_nothing(summary)) {
    write_count_lines({{"Messages read", summary.messages_read, {}},
                       {"Malformed, skipped", summary.malformed, {}}},
                      out);
    out << '\n' << style.heading("No bounces found.") << '\n';
  } else {
    write_count_lines(count_lines(summary), out);
    if (!summary.by_reason.empty())
      write_ranking("Reasons", rank_by_count(summary.by_reason), true, style, width, out);
    if (!summary.by_destination.empty())
      write_ranking("Top recipient domains", rank_by_count(summary.by_destination, kTopDomains),
                    false, style, width, out);
  }
  if (!summary.problems.empty()) write_problems(summary, style, width, out);
}

}  // namespace bg::report
