#pragma once
// Reading the tab-separated tables of data/: one row a line, '#' starts a comment line.
#include <string_view>
#include <vector>

namespace bg::data {

using TsvRow = std::vector<std::string_view>;

// The rows of `text`, skipping comment and blank lines; cells are views into `text`.
std::vector<TsvRow> read_tsv(std::string_view text);

}  // namespace bg::data
