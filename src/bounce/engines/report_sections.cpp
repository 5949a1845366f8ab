#include "bounce/engines/report_sections.h"

#include "bounce/bounce_message.h"
#include "bounce/dsn_report.h"
#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::bounce {

std::optional<std::string_view> text_after_line(std::string_view text,
                                                std::initializer_list<std::string_view> openings) {
  // Each opening is searched for in the whole text, which skips far faster than a walk over its
  // lines, and an occurrence counts where only spaces and tabs come before it on its line. An
  // opening that starts with either or holds a line break starts no line's unindented text. The
  // search of std::string_view skips with memchr to each occurrence of the opening's first byte
  // (never a space, the commonest byte of text) and compares only there: fewer stops than a test
  // of every position.
  constexpr std::size_t npos = std::string_view::npos;
  std::size_t first = npos;  // the earliest occurrence that opens its line
  for (std::string_view opening : openings) {
    if (opening.empty()) {
      if (!text.empty()) first = 0;
      continue;
    }
    if (mime::is_space_or_tab(opening.front()) || mime::find_any(opening, "\r\n") != npos) continue;
    // Only an occurrence before the earliest one found so far can change the answer.
    const std::string_view searched = text.substr(0, first == npos ? npos : first + opening.size() - 1);
    for (std::size_t at = searched.find(opening); at != npos; at = searched.find(opening, at + 1)) {
      std::size_t start = at;
      while (start > 0 && mime::is_space_or_tab(text[start - 1])) --start;
      if (start == 0 || text[start - 1] == '\n' || text[start - 1] == '\r') {
        first = at;
        break;
      }
    }
  }
  if (first == npos) return std::nullopt;
  return text.substr(mime::line_at(text, first).next);
}

std::vector<DeliveryStatus> read_fields(std::string_view text) {
  // The fields end where the returned message begins.
  const std::string_view fields = split_at_original(text, {kRfc822Part, kRfc822HeadersPart}).notice;
  return read_dsn_recipients(fields);
}

std::vector<DeliveryStatus> read_fields_after(std::string_view text,
                                              std::initializer_list<std::string_view> openings) {
  const std::optional<std::string_view> section = text_after_line(text, openings);
  return section ? read_fields(*section) : std::vector<DeliveryStatus>();
}

bool read_report_after(const BounceMessage& message,
                       std::initializer_list<std::string_view> openings, EngineResult& result) {
  // Most texts a module asks about lack its opening line: the body is split at the original only
  // when the line is there, and it counts only when it comes before the original.
  const std::string_view body = message.body();
  const std::optional<std::string_view> section = text_after_line(body, openings);
  if (!section) return false;
  const BodyParts parts = split_at_original(body, {kRfc822Part, kRfc822HeadersPart});
  const std::size_t section_at = body.size() - section->size();
  if (section_at > parts.notice.size()) return false;
  // The notice ends at the first line the original's markers start, so the fields after a line
  // break are all of it. A lone carriage return ends the opening line but starts no line the
  // split looked at: the fields after one are split on their own.
  const std::string_view fields = parts.notice.substr(section_at);
  std::vector<DeliveryStatus> recipients =
      body[section_at - 1] == '\n' ? read_dsn_recipients(fields) : read_fields(fields);
  if (recipients.empty()) return false;
  result.recipients = std::move(recipients);
  result.original = std::string(parts.original);
  return true;
}

bool keep_named_recipients(EngineResult& result, std::string_view original) {
  drop_unnamed(result.recipients);
  if (result.recipients.empty()) return false;
  result.original = std::string(original);
  return true;
}

}  // namespace bg::bounce
