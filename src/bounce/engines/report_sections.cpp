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
    for (std::string_view opening : openings)
      if (line.text.starts_with(opening)) return text.substr(pos);
  }
  return std::nullopt;
}

std::vector<DeliveryStatus> read_fields_after(std::string_view text,
                                              std::initializer_list<std::string_view> openings) {
  const std::optional<std::string_view> section = text_after_line(text, openings);
  if (!section) return {};
  // The fields end where the returned message begins.
  const std::string_view fields = split_at_original(*section, {kRfc822Part, kRfc822HeadersPart}).notice;
  DsnReport report = read_dsn_report(fields);
  std::erase_if(report.recipients, [](const DeliveryStatus& status) { return status.recipient.empty(); });
  return std::move(report.recipients);
}

}  // namespace bg::bounce
