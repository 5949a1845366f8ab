#pragma once
// The facts of the returned original message that say who really sent it: its Message-ID,
// sender fields, Received chain, DKIM signing domains and originating IP.
#include <string_view>

#include "bounce/record.h"
#include "mime/headers.h"

namespace bg::bounce {

// Reads the original's header block (as a bounce returned it; may be only part of it).
// `parsed`, when given, is that block already parsed, and is taken rather than parsed again.
OriginalMessage read_original(std::string_view header_block, const mime::Headers* parsed = nullptr);
// The same, read into `original`, which is empty: a record's own, so that it is not moved in.
void read_original_into(std::string_view header_block, const mime::Headers* parsed, OriginalMessage& original);

// The message ID without angle brackets or trailing comments.
std::string clean_message_id(std::string_view value);

}  // namespace bg::bounce
