#pragma once
// Conversion of text in any charset named by a message to UTF-8, through iconv.
#include <string>
#include <string_view>

namespace bg::mime {

// Appends `text`, written in `charset`, to `out` as UTF-8. Unknown charsets are read as
// Windows-1252 when the text is not valid UTF-8 (the most common mislabelling); bytes that
// cannot be converted become U+FFFD, so the result is always valid UTF-8.
void append_as_utf8(std::string_view text, std::string_view charset, std::string& out);

std::string to_utf8(std::string_view text, std::string_view charset);

bool is_valid_utf8(std::string_view text);

}  // namespace bg::mime
