#pragma once
// Splits the text of an mbox into messages. A message starts after a separator line
// "From <sender> <date>" at the start of the mailbox or of a line, and ends where the next
// separator line starts; separator lines, and the empty line that writers put at the end of
// each message, belong to no message. Only the shape of the line is
// checked (a sender word, then a time "hh:mm" somewhere after it), so every dialect of the date
// is accepted (asctime with or without a zone, Thunderbird's "From - Tue ...") while a body line
// such as "From the desk of..." is not taken for a separator.
#include <cstddef>
#include <string_view>
#include <vector>

#include "mailbox/message_source.h"

namespace bg::mailbox {

// How lines end in a mailbox. LF stands for CRLF too: both put '\n' before "From ".
enum class LineBreak : char { lf = '\n', cr = '\r' };

// A separator line is shorter than this; a longer line that starts like one is not one.
inline constexpr std::size_t kLongestSeparatorLine = 1000;

// The line break is decided from this many bytes at the start of a mailbox, so that every reader
// decides alike whatever the size of its buffers.
inline constexpr std::size_t kLineBreakProbeSize = 64 * 1024;

// CR when the first line break in `head` is a lone CR (classic Mac OS mailboxes), LF otherwise.
LineBreak detect_line_break(std::string_view head);

// Whether `line`, without its line ending, is a separator line.
bool is_separator_line(std::string_view line);

// Whether the capital F at `at` (past 0) of `text` starts the "From " of a line that mbox quoting
// protected: ">From ", ">>From "... at the start of `text` or after a line break.
bool starts_quoted_from(std::string_view text, std::size_t at);

// Where a message stored with its envelope line starts: just past a leading separator line, or
// 0 when `text` does not start with one.
std::size_t skip_separator_line(std::string_view text);

class MboxSplitter {
 public:
  explicit MboxSplitter(LineBreak line_break) : line_break_(static_cast<char>(line_break)) {}

  // Appends the complete, non-empty messages of `text` to `messages` and returns how much of
  // `text` is done with: the offset where the message still open starts. When `at_end` says that
  // `text` reaches the end of the mailbox, the last message is complete too and everything is
  // consumed. `text` must start at the start of a line. Each message says whether it holds no
  // quoted From line and no carriage return, which the search for separators sees on its way.
  std::size_t split(std::string_view text, bool at_end, std::vector<Piece>& messages) const;

 private:
  struct Separator {
    std::size_t start = 0;
    std::size_t next = 0;  // just past its line break
  };
  enum class Search { found, none, undecided };
  // What the search for the separator after a message saw of the message on its way.
  struct Seen {
    bool quoted_from = false;
    bool carriage_return = false;
  };

  void add_message(Piece piece, std::vector<Piece>& messages) const;
  Search find_separator(std::string_view text, std::size_t from, bool at_end, Separator& separator,
                        Seen& seen) const;
  std::size_t next_candidate(std::string_view text, std::size_t from, Seen& seen) const;

  char line_break_;
};

}  // namespace bg::mailbox
