#include "owner.h"

#include <array>
#include <cctype>

#include <fmt/format.h>

namespace bg::testing::scenarios {

namespace {

// Domains the corpus layouts never mention, so that nothing left of a layout's own text can
// pass for the owner's.
constexpr std::array<std::string_view, 5> kOwnerDomains = {
    "nordhaven.example", "brightwater.example", "kestrel-labs.example", "larkspur-design.example",
    "fjordline.example"};
constexpr std::array<std::string_view, 4> kRelayAddresses = {"203.0.113.10", "198.51.100.23", "192.0.2.45",
                                                             "203.0.113.87"};
constexpr std::array<int, 5> kOffsets = {0, 60, 120, -300, 540};

}  // namespace

std::string Owner::envelope_sender(const std::string& address, std::int64_t when) const {
  if (!batv) return address;
  const int expiry_day = static_cast<int>((when / 86400 + 7) % 1000);
  const std::uint32_t signature = stable_hash(address + std::to_string(expiry_day) + domain) & 0xFFFFFF;
  return fmt::format("prvs=0{:03}{:06x}={}", expiry_day, signature, address);
}

Owner make_owner(ScenarioRandom& random) {
  Owner owner;
  owner.domain = std::string(random.pick(std::span<const std::string_view>(kOwnerDomains)));
  owner.relay_host = "mail." + owner.domain;
  owner.relay_ip = std::string(random.pick(std::span<const std::string_view>(kRelayAddresses)));
  owner.inbound_host = "mx1." + owner.domain;
  owner.batv = random.chance(0.3);
  owner.offset_minutes = random.pick(std::span<const int>(kOffsets));
  const int people = random.between(1, 3);
  for (int i = 0; i < people; ++i) {
    const std::string first = first_name(random);
    const std::string last = last_name(random);
    std::string local = first;
    for (char& c : local) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    owner.people.push_back({first + " " + last, local + "@" + owner.domain});
  }
  return owner;
}

}  // namespace bg::testing::scenarios
