#include "mailbox/normalize.h"

#include <cstring>

#include "mime/lines.h"

namespace bg::mailbox {

namespace {

// Whether `line` is one of ">From ", ">>From "...: a "From " line that mbox quoting protected.
bool is_quoted_from_line(std::string_view line) {
  const std::size_t quotes = line.find_first_not_of('>');
  return quotes != 0 && quotes != std::string_view::npos &&
         line.substr(quotes).starts_with("From ");
}

// Whether the ">From " at `at` starts its line, after any further '>'.
bool starts_quoted_from_line(std::string_view text, std::size_t at) {
  std::size_t line_start = at;
  while (line_start > 0 && text[line_start - 1] == '>') --line_start;
  return line_start == 0 || text[line_start - 1] == '\n' || text[line_start - 1] == '\r';
}

// What `text` needs before it is parsed: CR line endings made LF, and, in an mbox that quotes,
// ">From " lines unquoted.
struct Needs {
  bool line_endings = false;
  bool unquoting = false;
};

// Both are rare, so each is looked for with memchr, which the C library runs many bytes at a
// time: a carriage return anywhere, and the 'F' of every "From " (rarer in mail than '>', which
// quoted replies and HTML are full of), checked for quoting before it.
Needs needs_of(std::string_view text, bool mbox_quoted) {
  Needs needs;
  needs.line_endings = std::memchr(text.data(), '\r', text.size()) != nullptr;
  if (!mbox_quoted) return needs;
  constexpr std::string_view kFrom = "From ";
  for (std::size_t at = 1; at < text.size(); ++at) {
    const void* found = std::memchr(text.data() + at, 'F', text.size() - at);
    if (found == nullptr) break;
    at = static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
    if (text[at - 1] == '>' && text.substr(at).starts_with(kFrom) && starts_quoted_from_line(text, at - 1)) {
      needs.unquoting = true;
      break;
    }
  }
  return needs;
}

}  // namespace

std::string_view normalize(const RawMessage& message, std::string& scratch) {
  const std::string_view text = message.bytes;
  const Needs needs = needs_of(text, message.mbox_quoted);
  if (!needs.line_endings && !needs.unquoting) return text;

  scratch.clear();
  scratch.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const mime::Line line = mime::line_at(text, pos);
    std::string_view content = line.text;
    if (needs.unquoting && is_quoted_from_line(content)) content.remove_prefix(1);
    scratch.append(content);
    if (line.next > pos + line.text.size()) scratch.push_back('\n');
    pos = line.next;
  }
  return scratch;
}

}  // namespace bg::mailbox
