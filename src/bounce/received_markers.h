#pragma once
// The relay signatures format modules look for in a bounce's own Received headers, such as
// "(DragonFly Mail Agent" or ".bigfoot.com ". Each module declares its own beside its code; all
// of them are found in one Vectorscan pass per message rather than one search per module.
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace bg::bounce {

// A set of declared markers, one bit each.
struct ReceivedMarkers {
  std::uint64_t bits = 0;
};

// How a marker's text is compared: exactly, or in any ASCII case.
enum class MarkerCase { kExact, kCaseless };

// Declares `needles` (texts without line breaks, compared as `matching` says) and returns the set
// that stands for them. Declarations belong at namespace scope, so that all are made before the
// first message is read; at most 64 needles may be declared in all.
ReceivedMarkers declare_received_markers(std::initializer_list<std::string_view> needles,
                                         MarkerCase matching = MarkerCase::kExact);

// Sets found[i] to the declared markers that received[i] contains.
void find_received_markers(const std::vector<std::string_view>& received, std::vector<std::uint64_t>& found);

}  // namespace bg::bounce
