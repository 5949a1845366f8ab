#include "mailbox/mbox_splitter.h"

#include <algorithm>
#include <cstring>

#include "mailbox/from_line_search.h"
#include "mime/lines.h"

namespace bg::mailbox {

namespace {

constexpr std::string_view kFrom = "From ";

// Separator lines are short; a longer line is body text, and bounding the look-ahead keeps a
// mailbox of huge lines from being scanned again and again.

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

LineBreak detect_line_break(std::string_view head) {
  const std::size_t at = head.find_first_of("\r\n");
  if (at == std::string_view::npos || head[at] == '\n') return LineBreak::lf;
  const bool crlf = at + 1 < head.size() && head[at + 1] == '\n';
  return crlf ? LineBreak::lf : LineBreak::cr;
}

bool is_separator_line(std::string_view line) {
  if (!line.starts_with(kFrom)) return false;
  std::string_view rest = line.substr(kFrom.size());
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  // The sender is one word: an address, "MAILER-DAEMON", "<>", or "-" for Thunderbird.
  const std::size_t sender_end = rest.find(' ');
  if (rest.empty() || sender_end == std::string_view::npos) return false;
  const std::string_view date = rest.substr(sender_end + 1);
  for (std::size_t i = 1; i + 1 < date.size(); ++i)
    if (date[i] == ':' && is_digit(date[i - 1]) && is_digit(date[i + 1])) return true;
  return false;
}

bool starts_quoted_from(std::string_view text, std::size_t at) {
  if (text[at - 1] != '>' || !text.substr(at).starts_with(kFrom)) return false;
  std::size_t line_start = at - 1;
  while (line_start > 0 && text[line_start - 1] == '>') --line_start;
  return line_start == 0 || text[line_start - 1] == '\n' || text[line_start - 1] == '\r';
}

std::size_t skip_separator_line(std::string_view text) {
  if (text.empty()) return 0;
  const mime::Line first = mime::line_at(text, 0);
  return is_separator_line(first.text) ? first.next : 0;
}

std::size_t MboxSplitter::split(std::string_view text, bool at_end,
                                std::vector<Piece>& messages) const {
  std::size_t message_start = 0;
  while (true) {
    Separator separator;
    Seen seen;
    switch (find_separator(text, message_start, at_end, separator, seen)) {
      case Search::undecided:
        return message_start;
      case Search::none:
        if (!at_end) return message_start;
        add_message({text.substr(message_start), !seen.quoted_from, !seen.carriage_return}, messages);
        return text.size();
      case Search::found:
        add_message({text.substr(message_start, separator.start - message_start), !seen.quoted_from,
                     !seen.carriage_return},
                    messages);
        message_start = separator.next;
        break;
    }
  }
}

void MboxSplitter::add_message(Piece piece, std::vector<Piece>& messages) const {
  // Writers end each message with an empty line, which belongs to the mailbox.
  std::string_view& message = piece.bytes;
  if (line_break_ == '\r') {
    if (message.ends_with("\r\r")) message.remove_suffix(1);
  } else if (message.ends_with("\r\n\r\n")) {
    message.remove_suffix(2);
  } else if (message.ends_with("\n\n")) {
    message.remove_suffix(1);
  }
  if (!message.empty()) messages.push_back(piece);
}

MboxSplitter::Search MboxSplitter::find_separator(std::string_view text, std::size_t from,
                                                  bool at_end, Separator& separator, Seen& seen) const {
  // The search for candidates starts past `from`, whose byte is seen here.
  if (from < text.size() && text[from] == '\r') seen.carriage_return = true;
  // A "From " at `from` follows a line break: it cannot be quoted.
  std::size_t candidate = text.substr(from).starts_with(kFrom) ? from : next_candidate(text, from, seen);
  for (; candidate != std::string_view::npos; candidate = next_candidate(text, candidate, seen)) {
    const std::size_t look = std::min(text.size() - candidate, kLongestSeparatorLine);
    const char* start = text.data() + candidate;
    const char* found = static_cast<const char*>(std::memchr(start, line_break_, look));
    if (found == nullptr && look == kLongestSeparatorLine) continue;  // too long to be one
    if (found == nullptr && !at_end) return Search::undecided;  // the line goes on past `text`
    const std::size_t line_end =
        found ? static_cast<std::size_t>(found - text.data()) : text.size();
    std::string_view line = text.substr(candidate, line_end - candidate);
    if (line.ends_with('\r')) line.remove_suffix(1);  // CRLF
    if (!is_separator_line(line)) continue;
    separator = {candidate, found ? line_end + 1 : line_end};
    return Search::found;
  }
  return Search::none;
}

// The start of the next line after `from` that begins with "From ". Only a capital F after a line
// break or a '>' can start one or a quoted From line; the search for those notes, in `seen`,
// the carriage returns it passes and each quoted From line, so that normalization need not
// search the message for either again.
std::size_t MboxSplitter::next_candidate(std::string_view text, std::size_t from, Seen& seen) const {
  for (std::size_t at = from + 1;; ++at) {
    at = find_f_after_break_or_quote(text, at, line_break_, seen.carriage_return);
    if (at == std::string_view::npos) return at;
    if (text[at - 1] == line_break_ && text.substr(at).starts_with(kFrom)) return at;
    if (starts_quoted_from(text, at)) seen.quoted_from = true;
  }
}

}  // namespace bg::mailbox
