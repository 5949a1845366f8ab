#pragma once
// Conversion of text in any charset named by a message to UTF-8, through iconv.
#include <string>
#include <string_view>

namespace bg::mime {

// Appends `text`, written in `charset`, to `out` as UTF-8. Unknown charsets are read as
// Windows-1252 when the text is not valid UTF-8 (the most common mislabelling); bytes that
// cannot be converted become U+FFFD, so the result is always valid UTF-8.
void append_as_utf8(std::string_view text, std::string_view charset, std::string& out);
// The same for the bytes of `text` from `start` on, converted where they stand: text decoded
// into its place is left as it is when it is ASCII that reads as itself, as most is.
void make_utf8_from(std::string& text, std::size_t start, std::string_view charset);

std::string to_utf8(std::string_view text, std::string_view charset);

bool is_valid_utf8(std::string_view text);

}  // namespace bg::mime
