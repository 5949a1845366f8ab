#pragma once
// Content-Transfer-Encoding decoders (RFC 2045). Both are lenient in the way real mail needs:
// stray characters are skipped and truncated input decodes as far as it goes.
#include <string>
#include <string_view>

namespace bg::mime {

void append_base64_decoded(std::string_view encoded, std::string& out);
// `in_header` selects the RFC 2047 "Q" variant, where '_' stands for a space.
void append_quoted_printable_decoded(std::string_view encoded, std::string& out, bool in_header = false);

// Whether a body in `encoding` reads as it stands: anything but base64 and quoted-printable
// (7bit, 8bit, binary, none, or a name nobody knows).
bool is_identity_encoding(std::string_view encoding);

// Decodes `body` according to a Content-Transfer-Encoding value (any case); identity encodings
// (7bit, 8bit, binary, none, unknown) are copied unchanged.
void append_transfer_decoded(std::string_view body, std::string_view encoding, std::string& out);

}  // namespace bg::mime
