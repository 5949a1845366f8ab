#pragma once
// A list of phrases looked for in a text in one Vectorscan pass, without regard to ASCII case:
// the cost does not grow with the length of the list. A list of data/literals/ is compiled at
// build time (tools/compile_literals.cpp); a list read from a data table, when it is made.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

struct hs_database;

namespace bg::bounce {

class LiteralSet {
 public:
  // The list data/literals/NAME.txt. Throws std::logic_error when the build compiled no such
  // list, std::runtime_error when its database cannot be loaded (see load_database).
  static LiteralSet compiled(std::string_view name);
  // `phrases`, compiled now. Throws std::runtime_error when Vectorscan refuses them.
  explicit LiteralSet(const std::vector<std::string_view>& phrases);
  ~LiteralSet();
  LiteralSet(const LiteralSet&) = delete;
  LiteralSet& operator=(const LiteralSet&) = delete;

  // Whether a phrase of the list occurs in `text`.
  bool found_in(std::string_view text) const;
  // The position in the list of the first phrase, in list order, that occurs in `text`.
  std::optional<std::size_t> first_found(std::string_view text) const;

 private:
  explicit LiteralSet(hs_database* database) : database_(database) {}

  hs_database* database_ = nullptr;  // null for an empty list
};

// The serialized database of data/literals/NAME.txt, or empty when the build compiled no such
// list. Generated at build time.
std::string_view serialized_literal_set(std::string_view name);

}  // namespace bg::bounce
