#include "mailbox/normalize.h"

#include "mime/ascii.h"
#include "mime/lines.h"

namespace bg::mailbox {

namespace {

// Whether `line` is one of ">From ", ">>From "...: a "From " line that mbox quoting protected.
bool is_quoted_from_line(std::string_view line) {
  const std::size_t quotes = line.find_first_not_of('>');
  return quotes != 0 && quotes != std::string_view::npos &&
         line.substr(quotes).starts_with("From ");
}

bool has_quoted_from_line(std::string_view text) {
  for (std::size_t at = mime::find_text(text, ">From "); at != std::string_view::npos;
       at = mime::find_text(text, ">From ", at + 1)) {
    std::size_t line_start = at;
    while (line_start > 0 && text[line_start - 1] == '>') --line_start;
    if (line_start == 0 || text[line_start - 1] == '\n' || text[line_start - 1] == '\r')
      return true;
  }
  return false;
}

}  // namespace

std::string_view normalize(const RawMessage& message, std::string& scratch) {
  const std::string_view text = message.bytes;
  const bool has_cr = text.find('\r') != std::string_view::npos;
  const bool unquote = message.mbox_quoted && has_quoted_from_line(text);
  if (!has_cr && !unquote) return text;

  scratch.clear();
  scratch.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const mime::Line line = mime::line_at(text, pos);
    std::string_view content = line.text;
    if (unquote && is_quoted_from_line(content)) content.remove_prefix(1);
    scratch.append(content);
    if (line.next > pos + line.text.size()) scratch.push_back('\n');
    pos = line.next;
  }
  return scratch;
}

}  // namespace bg::mailbox
