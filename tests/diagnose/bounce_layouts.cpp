#include "bounce_layouts.h"

#include <regex>
#include <stdexcept>

#include "bounce/address.h"
#include "corpus_scoring.h"
#include "mime/ascii.h"
#include "scenario_files.h"

namespace bg::testing::scenarios {

namespace {

// Placeholders are kept between control characters, which no layout contains, so that a brace
// in a layout's own text (HTML, CSS) is never taken for one.
constexpr char kFieldStart = '\x01';
constexpr char kFieldEnd = '\x02';

std::string field(std::string_view name) { return kFieldStart + std::string(name) + kFieldEnd; }

// "{RCPT} at {RCPT_DOMAIN}" becomes the same text with placeholders.
std::string with_placeholders(std::string_view replacement) {
  std::string out;
  for (std::size_t i = 0; i < replacement.size(); ++i) {
    const std::size_t close = replacement[i] == '{' ? replacement.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += replacement[i];
      continue;
    }
    out += field(replacement.substr(i + 1, close - i - 1));
    i = close;
  }
  return out;
}

std::size_t replace_all(std::string& text, std::string_view needle, std::string_view replacement,
                        bool ignore_case) {
  std::size_t count = 0;
  std::size_t at = 0;
  while (true) {
    at = ignore_case ? mime::ifind(text, needle, at) : text.find(needle, at);
    if (at == std::string::npos) return count;
    text.replace(at, needle.size(), replacement);
    at += replacement.size();
    ++count;
  }
}

// The sample with LF line ends, as the scenarios are written, and without an mbox envelope line.
std::string read_layout(const std::string& path) {
  std::string content;
  for (const char c : read_file(path))
    if (c != '\r') content += c;
  if (content.empty()) throw std::runtime_error("cannot read layout " + path);
  if (content.starts_with("From ")) content.erase(0, content.find('\n') + 1);
  return content;
}

struct ReturnedPart {
  std::size_t delimiter = 0;  // start of the delimiter line that opens the part
  std::size_t content = 0;    // start of the part's content
  std::size_t end = 0;        // the line break before the next delimiter
  bool headers_only = false;
};

std::optional<ReturnedPart> find_returned_part(const std::string& text) {
  static const std::regex kPartType(R"(\n[Cc]ontent-[Tt]ype:[ \t]*(message/rfc822|text/rfc822-headers))",
                                    std::regex::icase);
  std::smatch match;
  if (!std::regex_search(text, match, kPartType)) return std::nullopt;
  ReturnedPart part;
  const std::size_t type_line = static_cast<std::size_t>(match.position(0)) + 1;
  part.headers_only = mime::icontains(match.str(1), "headers");
  const std::size_t opener = text.rfind("\n--", type_line);
  const std::size_t blank = text.find("\n\n", type_line);
  if (opener == std::string::npos || blank == std::string::npos) return std::nullopt;
  part.delimiter = opener + 1;
  part.content = blank + 2;
  std::string boundary = text.substr(part.delimiter + 2, text.find('\n', part.delimiter) - part.delimiter - 2);
  while (!boundary.empty() && (boundary.back() == ' ' || boundary.back() == '\t')) boundary.pop_back();
  part.end = text.find("\n--" + boundary, part.content);
  if (part.end == std::string::npos) part.end = text.size();
  return part;
}

// Rewrites the bounce's own header block: the fields that name its recipient, its date and its
// Message-ID become placeholders. Returns the addresses the recipient fields held.
std::vector<std::string> rewrite_top_headers(std::string& head) {
  static const std::vector<std::pair<std::string_view, std::string_view>> kFields = {
      {"to", "{ENVELOPE}"},           {"delivered-to", "{ENVELOPE}"},   {"x-original-to", "{ENVELOPE}"},
      {"envelope-to", "{ENVELOPE}"},  {"x-envelope-to", "{ENVELOPE}"},  {"date", "{DATE}"},
      {"delivery-date", "{DATE}"},    {"message-id", "<{BOUNCE_ID}>"}};
  std::vector<std::string> recipients;
  std::string out;
  std::size_t at = 0;
  while (at < head.size()) {
    std::size_t line_end = head.find('\n', at);
    if (line_end == std::string::npos) line_end = head.size();
    if (line_end == at) break;  // the blank line that ends the header block
    std::size_t field_end = line_end;  // past continuation lines
    while (field_end + 1 < head.size() && (head[field_end + 1] == ' ' || head[field_end + 1] == '\t'))
      field_end = head.find('\n', field_end + 1) == std::string::npos ? head.size() : head.find('\n', field_end + 1);
    const std::string_view whole(head.data() + at, field_end - at);
    const std::size_t colon = whole.find(':');
    const std::string_view name = colon == std::string_view::npos ? std::string_view{} : whole.substr(0, colon);
    std::string_view replacement;
    for (const auto& [field_name, value] : kFields)
      if (mime::iequals(name, field_name)) replacement = value;
    if (replacement.empty()) {
      out.append(whole);
    } else {
      if (replacement == "{ENVELOPE}") recipients.push_back(bounce::find_address(whole.substr(colon + 1)));
      out.append(name).append(": ").append(with_placeholders(replacement));
    }
    out += '\n';
    at = field_end + 1;
  }
  out.append(head, std::min(at, head.size()), std::string::npos);
  head = std::move(out);
  return recipients;
}

// Every date a server wrote into the bounce: Received lines, DSN fields, the notification text.
void mark_dates(std::string& text) {
  static const std::regex kDate(
      R"(((Mon|Tue|Wed|Thu|Fri|Sat|Sun),?\s+)?\d{1,2}\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+)"
      R"(\d{4}\s+\d{1,2}:\d{2}(:\d{2})?(\s+([+-]\d{4}|UTC|GMT|UT|[A-Z]{3}))?(\s+\([A-Za-z ]{1,20}\))?)");
  text = std::regex_replace(text, kDate, field("DATE"));
}

}  // namespace

Layout::Layout(const LayoutSpec& spec, const std::string& data_dir) : spec_(&spec) {
  const std::string path = data_dir + "/" + std::string(spec.file);
  const std::string text = read_layout(path);
  const auto part = find_returned_part(text);
  if (!part) throw std::runtime_error(path + ": no returned original to replace");
  const std::vector<bounce::Record> records = records_of_file(path);
  if (records.size() != 1) throw std::runtime_error(path + ": not read as one failed recipient");
  const bounce::Record& own = records.front();

  headers_only_ = part->headers_only;
  head_ = text.substr(0, part->delimiter);
  part_headers_ = text.substr(part->delimiter, part->content - part->delimiter);
  tail_ = text.substr(part->end);
  reporting_host_ = own.lhost;

  for (const Mark& mark : spec.marks) {
    const std::string replacement = with_placeholders(mark.replacement);
    const std::size_t found = replace_all(head_, mark.text, replacement, false) +
                              replace_all(part_headers_, mark.text, replacement, false) +
                              replace_all(tail_, mark.text, replacement, false);
    if (found == 0) throw std::runtime_error(path + ": mark not found: " + std::string(mark.text));
    replaceable_reply_ |= mark.replacement.find("{REPLY}") != std::string_view::npos;
  }

  const auto mark_everywhere = [&](std::string_view needle, std::string_view name, bool ignore_case) {
    if (needle.empty()) return;
    for (std::string* text : {&head_, &part_headers_, &tail_}) replace_all(*text, needle, field(name), ignore_case);
  };
  if (own.messageid().size() >= 8) mark_everywhere(own.messageid(), "ORIGINAL_ID", false);
  mark_everywhere(own.recipient, "RCPT", true);
  for (const std::string& envelope : rewrite_top_headers(head_)) mark_everywhere(envelope, "ENVELOPE", true);
  mark_everywhere(own.addresser, "ENVELOPE", true);
  if (!spec.keep_reporting_host && own.lhost.find('.') != std::string::npos)
    mark_everywhere(own.lhost, "LHOST", true);
  if (own.subject().size() >= 5) mark_everywhere(own.subject(), "SUBJECT", false);
  mark_dates(head_);
  mark_dates(tail_);
  names_original_id_ = (head_ + tail_).find(field("ORIGINAL_ID")) != std::string::npos;
}

std::string Layout::render(const std::map<std::string, std::string>& fields, const std::string& original) const {
  std::string text = head_;
  if (!original.empty()) {
    text += part_headers_;
    text += original;
    if (!original.ends_with('\n')) text += '\n';
  }
  text += tail_;

  std::string out;
  out.reserve(text.size() + 256);
  std::size_t at = 0;
  while (true) {
    const std::size_t start = text.find(kFieldStart, at);
    if (start == std::string::npos) break;
    const std::size_t end = text.find(kFieldEnd, start);
    const std::string name = text.substr(start + 1, end - start - 1);
    const auto value = fields.find(name);
    if (value == fields.end()) throw std::runtime_error(std::string(spec_->file) + ": no value for " + name);
    out.append(text, at, start - at);
    out += value->second;
    at = end + 1;
  }
  out.append(text, at, std::string::npos);
  return out;
}

const std::vector<Layout>& layouts() {
  static const std::vector<Layout> loaded = [] {
    std::vector<Layout> all;
    for (const LayoutSpec& spec : layout_catalog()) all.emplace_back(spec, BOUNCEGUARD_TEST_DATA);
    return all;
  }();
  return loaded;
}

}  // namespace bg::testing::scenarios
