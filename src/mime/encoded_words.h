#pragma once
// RFC 2047 encoded words ("=?charset?B?...?=") in header values, decoded to UTF-8.
#include <string>
#include <string_view>

namespace bg::mime {

// Decodes every encoded word in an unfolded header value. White space between two adjacent
// encoded words is dropped, as RFC 2047 section 6.2 asks; raw 8-bit text is kept as UTF-8.
std::string decode_encoded_words(std::string_view value);

// Whether decode_encoded_words() would give `value` back unchanged: plain ASCII with no encoded
// word, as most header values are. Callers that own the value then keep it instead of a copy.
bool needs_no_decoding(std::string_view value);

}  // namespace bg::mime
