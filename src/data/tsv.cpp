#include "data/tsv.h"

namespace bg::data {

std::vector<TsvRow> read_tsv(std::string_view text) {
  std::vector<TsvRow> rows;
  std::size_t pos = 0;
  std::size_t line_number = 0;
  while (pos < text.size()) {
    ++line_number;
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    TsvRow cells;
    cells.line = line_number;
    std::size_t from = 0;
    while (true) {
      const std::size_t tab = line.find('\t', from);
      cells.push_back(line.substr(from, tab == std::string_view::npos ? tab : tab - from));
      if (tab == std::string_view::npos) break;
      from = tab + 1;
    }
    rows.push_back(std::move(cells));
  }
  return rows;
}

std::vector<std::string_view> read_first_cells(std::string_view text) {
  std::vector<std::string_view> cells;
  for (const TsvRow& row : read_tsv(text))
    if (!row.empty() && !row[0].empty()) cells.push_back(row[0]);
  return cells;
}

}  // namespace bg::data
