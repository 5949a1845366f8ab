#include "scenario_random.h"

#include <array>

namespace bg::testing::scenarios {

namespace {

// First octets of networks that send much of the world's unsolicited mail: hosting ranges and
// broadband pools across every region, so a campaign spans many /16 networks.
constexpr std::array<int, 40> kBotnetOctets = {5,   31,  37,  41,  45,  46,  77,  78,  79,  80,
                                               85,  88,  91,  92,  94,  95,  103, 109, 110, 112,
                                               113, 116, 117, 118, 119, 171, 175, 177, 179, 181,
                                               185, 186, 187, 189, 190, 191, 194, 197, 200, 212};
constexpr std::array<int, 8> kBroadbandOctets = {62, 81, 84, 86, 87, 90, 93, 217};

}  // namespace

std::uint32_t stable_hash(std::string_view text) {
  std::uint32_t hash = 2166136261u;
  for (const char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  return hash;
}

std::uint32_t ScenarioRandom::below(std::uint32_t n) {
  return static_cast<std::uint32_t>((static_cast<std::uint64_t>(engine_()) * n) >> 32);
}

int ScenarioRandom::between(int low, int high) {
  return low + static_cast<int>(below(static_cast<std::uint32_t>(high - low + 1)));
}

bool ScenarioRandom::chance(double probability) {
  return static_cast<double>(engine_()) < probability * 4294967296.0;
}

std::string ScenarioRandom::hex(std::size_t digits, bool upper) {
  const char* alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < digits; ++i) out += alphabet[below(16)];
  return out;
}

std::string ScenarioRandom::alphanumeric(std::size_t length, bool upper) {
  const std::string_view alphabet =
      upper ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" : "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string out;
  for (std::size_t i = 0; i < length; ++i)
    out += alphabet[below(static_cast<std::uint32_t>(alphabet.size()))];
  return out;
}

std::string ScenarioRandom::public_ipv4() {
  const int first = pick(std::span<const int>(kBotnetOctets));
  return std::to_string(first) + "." + std::to_string(below(256)) + "." + std::to_string(below(256)) + "." +
         std::to_string(between(2, 254));
}

std::string ScenarioRandom::home_ipv4() {
  const int first = pick(std::span<const int>(kBroadbandOctets));
  return std::to_string(first) + "." + std::to_string(below(256)) + "." + std::to_string(below(256)) + "." +
         std::to_string(between(2, 254));
}

}  // namespace bg::testing::scenarios
