#pragma once
// The little DNS wire format the test servers need: a query to send and the question to read.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bg::dns::testing {

constexpr std::uint16_t kClassInternet = 1;
constexpr std::uint16_t kClassChaos = 3;

// A query for `name` (presentation form without escapes, "" for the root) with id `id`.
std::string make_query(std::uint16_t id, std::string_view name, std::uint16_t type,
                       std::uint16_t query_class = kClassInternet);

struct WireQuestion {
  std::uint16_t id = 0;
  std::string name;  // lowercased, without a final dot
  std::uint16_t type = 0;
};

// The id and first question of a DNS message; nullopt when it is too short or malformed.
std::optional<WireQuestion> read_question(std::string_view message);

}  // namespace bg::dns::testing
