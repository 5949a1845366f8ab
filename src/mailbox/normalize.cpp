#include "mailbox/normalize.h"

#include <cstring>

#include "mailbox/mbox_splitter.h"
#include "mime/lines.h"

namespace bg::mailbox {

namespace {

// Whether `line` is one of ">From ", ">>From "...: a "From " line that mbox quoting protected.
bool is_quoted_from_line(std::string_view line) {
  const std::size_t quotes = line.find_first_not_of('>');
  return quotes != 0 && quotes != std::string_view::npos &&
         line.substr(quotes).starts_with("From ");
}

// What `text` needs before it is parsed: CR line endings made LF, and, in an mbox that quotes,
// ">From " lines unquoted.
struct Needs {
  bool line_endings = false;
  bool unquoting = false;
};

// Both are rare, so each is looked for with memchr, which the C library runs many bytes at a
// time, unless the mbox splitter saw none already: a carriage return anywhere, and the 'F' of
// every "From " (rarer in mail than '>', which quoted replies and HTML are full of), checked for
// quoting before it.
Needs needs_of(const RawMessage& message) {
  const std::string_view text = message.bytes;
  Needs needs;
  needs.line_endings = !message.without_carriage_return && std::memchr(text.data(), '\r', text.size()) != nullptr;
  if (!message.mbox_quoted || message.without_quoted_from) return needs;
  for (std::size_t at = 1; at < text.size(); ++at) {
    const void* found = std::memchr(text.data() + at, 'F', text.size() - at);
    if (found == nullptr) break;
    at = static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
    if (starts_quoted_from(text, at)) {
      needs.unquoting = true;
      break;
    }
  }
  return needs;
}

}  // namespace

std::string_view normalize(const RawMessage& message, std::string& scratch) {
  const std::string_view text = message.bytes;
  const Needs needs = needs_of(message);
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
