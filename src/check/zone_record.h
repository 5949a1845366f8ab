#pragma once
// Records to publish, written as zone-file lines a person can paste into a DNS provider's form
// or a zone file.
#include <string>
#include <string_view>

namespace bg::check {

// `owner. TXT "..."`, with text over 255 bytes split into several strings (RFC 7208 section
// 3.3); the strings are cut after a space where one is near, since they are joined unchanged.
std::string txt_record(std::string_view owner, std::string_view text);

}  // namespace bg::check
