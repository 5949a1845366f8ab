#pragma once
// The generator's only source of chance: a Mersenne Twister with a fixed seed, read through
// arithmetic of our own rather than the standard distributions, whose output differs between
// standard libraries. The same seed gives byte-identical scenarios everywhere.
#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bg::testing::scenarios {

// A hash of `text` that is the same on every platform (FNV-1a), unlike std::hash: for choices
// that must stay the same for one name, such as which blocklist a domain queries.
std::uint32_t stable_hash(std::string_view text);

class ScenarioRandom {
 public:
  explicit ScenarioRandom(std::uint32_t seed) : engine_(seed) {}

  // Uniform in [0, n); n must be positive.
  std::uint32_t below(std::uint32_t n);
  // Uniform in [low, high].
  int between(int low, int high);
  // True with the given probability.
  bool chance(double probability);

  template <typename T>
  const T& pick(std::span<const T> items) {
    return items[below(static_cast<std::uint32_t>(items.size()))];
  }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return pick(std::span<const T>(items));
  }

  std::string hex(std::size_t digits, bool upper = false);
  std::string alphanumeric(std::size_t length, bool upper = false);
  // A public IPv4 address in one of many networks, as spam and botnet traffic comes from.
  std::string public_ipv4();
  // An address in residential broadband space, where a person's laptop connects from.
  std::string home_ipv4();

 private:
  std::mt19937 engine_;
};

}  // namespace bg::testing::scenarios
