#pragma once
// Reading the tab-separated tables of data/: one row a line, '#' starts a comment line.
#include <cstddef>
#include <string_view>
#include <vector>

namespace bg::data {

// The cells of one row, and the line of the text it is on (from 1) for error messages.
struct TsvRow : std::vector<std::string_view> {
  std::size_t line = 0;
};

// The rows of `text`, skipping comment and blank lines; cells are views into `text`.
std::vector<TsvRow> read_tsv(std::string_view text);

// The first cell of each row that has a non-empty one: the tables that are lists.
std::vector<std::string_view> read_first_cells(std::string_view text);

}  // namespace bg::data
