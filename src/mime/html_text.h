#pragma once
// Plain text from an HTML body, for bounces sent only as HTML (Office 365, some webmail).
#include <string>
#include <string_view>

namespace bg::mime {

// Drops tags, scripts and styles, turns block elements and <br> into line breaks and decodes
// the common character entities.
std::string html_to_text(std::string_view html);

}  // namespace bg::mime
