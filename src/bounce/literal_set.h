#pragma once
// A list of phrases from data/literals/, compiled at build time (tools/compile_literals.cpp)
// into one Vectorscan literal database: a text is searched for all of them in one pass,
// without regard to ASCII case.
#include <hs/hs.h>

#include <string_view>

namespace bg::bounce {

class LiteralSet {
 public:
  // The list data/literals/NAME.txt. Throws std::logic_error when the build compiled no such
  // list, std::runtime_error when its database does not suit this machine.
  explicit LiteralSet(std::string_view name);
  ~LiteralSet();
  LiteralSet(const LiteralSet&) = delete;
  LiteralSet& operator=(const LiteralSet&) = delete;

  // Whether a phrase of the list occurs in `text`.
  bool found_in(std::string_view text) const;

 private:
  hs_database_t* database_ = nullptr;
};

// The serialized database of data/literals/NAME.txt, or empty when the build compiled no such
// list. Generated at build time.
std::string_view serialized_literal_set(std::string_view name);

}  // namespace bg::bounce
