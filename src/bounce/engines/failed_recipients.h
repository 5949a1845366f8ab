#pragma once
// The X-Failed-Recipients header that Exim, and the services built on it, add to a bounce:
// "X-Failed-Recipients: kijitora@example.jp, mikeneko@example.jp".
#include <string>
#include <vector>

#include "bounce/bounce_message.h"

namespace bg::bounce {

// The addresses the header lists, in order; empty when it is absent.
std::vector<std::string> failed_recipients(const BounceMessage& message);

}  // namespace bg::bounce
