#include "bounce/engines/report_sections.h"

#include "bounce/bounce_message.h"
#include "bounce/dsn_report.h"
#include "mime/lines.h"

namespace bg::bounce {

std::optional<std::string_view> text_after_line(std::string_view text,
                                                std::initializer_list<std::string_view> openings) {
  for (std::size_t pos = 0; pos < text.size();) {
    const mime::Line line = mime::line_at(text, pos);
    pos = line.next;
    std::string_view unindented = line.text;
    while (!unindented.empty() && mime::is_space_or_tab(unindented.front()))
      unindented.remove_prefix(1);
    // The first bytes are compared in place: few lines go on to the call that compares the rest.
    for (std::string_view opening : openings)
      if (opening.empty() || (!unindented.empty() && unindented.front() == opening.front() &&
                              unindented.starts_with(opening)))
        return text.substr(pos);
  }
  return std::nullopt;
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
  std::vector<DeliveryStatus> recipients = read_fields(parts.notice.substr(section_at));
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
