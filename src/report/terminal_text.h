#pragma once
// Text from bounces made safe to print on a terminal and measured in columns, so that hostile
// or broken bytes cannot move the cursor or break the alignment of the text report.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bg::report {

// Valid UTF-8 on one line: invalid bytes become U+FFFD, control characters (escape sequences
// included) become spaces, runs of white space collapse to one, and the ends are trimmed.
std::string printable(std::string_view text);

// Columns `text` (valid UTF-8) takes on a terminal: wide East Asian characters count two,
// combining marks none.
std::size_t display_width(std::string_view text);

// Cuts `text` to at most `width` columns, ending it with "…" when something was cut.
std::string fit(std::string_view text, std::size_t width);

// Breaks `text` into lines of at most `width` columns at spaces; a word longer than that keeps a
// line of its own.
std::vector<std::string> wrap_words(std::string_view text, std::size_t width);

// Fills `text` with spaces up to `width` columns, on the right or on the left.
std::string pad_right(std::string_view text, std::size_t width);
std::string pad_left(std::string_view text, std::size_t width);

}  // namespace bg::report
