#include "bounce/reason/phrase_file.h"

#include <stdexcept>

namespace bg::bounce {

std::string escape_regex(std::string_view literal) {
  std::string out;
  for (char c : literal) {
    if (std::string_view("\\^$.|?*+()[]{}/").find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

namespace {

std::string_view trim_line(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Replies are matched lowercased, so phrases are compiled lowercased too: every letter but an
// escape's (\A, \d), whose case is its meaning.
std::string lowercased(std::string pattern) {
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') ++i;
    else if (pattern[i] >= 'A' && pattern[i] <= 'Z') pattern[i] = static_cast<char>(pattern[i] + 32);
  }
  return pattern;
}

[[noreturn]] void fail(std::string_view reason, int line, std::string_view what) {
  throw std::runtime_error("data/reasons/" + std::string(reason) + ".txt:" + std::to_string(line) +
                           ": " + std::string(what));
}

}  // namespace

std::vector<PhraseRule> parse_phrase_file(std::string_view reason, std::string_view text) {
  std::vector<PhraseRule> rules;
  std::string scope;
  int line_number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = trim_line(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_number;
    if (line.empty() || line.front() == '#') continue;

    if (line.front() == '[') {
      if (line.back() != ']') fail(reason, line_number, "a section line must end with ']'");
      const std::string_view section = trim_line(line.substr(1, line.size() - 2));
      if (section != "all" && section != "decisive" && !section.starts_with("provider ") &&
          !section.starts_with("format "))
        fail(reason, line_number, "sections are [all], [decisive], [provider NAME] or [format NAME]");
      scope = section == "all" ? "" : std::string(section);
      continue;
    }

    PhraseRule rule;
    rule.reason = reason;
    rule.scope = scope;
    rule.line = line_number;
    if (line.front() == '!') {
      rule.veto = true;
      line = trim_line(line.substr(1));
    }
    if (line.starts_with("re:")) {
      rule.pattern = lowercased(std::string(trim_line(line.substr(3))));
    } else {
      if (line.size() >= 2 && line.front() == '"' && line.back() == '"') line = line.substr(1, line.size() - 2);
      rule.pattern = lowercased(escape_regex(line));
    }
    if (rule.pattern.empty()) fail(reason, line_number, "empty phrase");
    rules.push_back(std::move(rule));
  }
  return rules;
}

}  // namespace bg::bounce
