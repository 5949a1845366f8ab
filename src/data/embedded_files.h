#pragma once
// The data files of data/ (tables of status codes, providers, blocklists...) compiled into the
// library by tools/embed_files.cpp.
#include <string_view>
#include <vector>

namespace bg::data {

struct EmbeddedFile {
  std::string_view name;  // the file name, e.g. "status-codes.tsv"
  std::string_view bytes;
};

const std::vector<EmbeddedFile>& embedded_files();

// The bytes of the embedded file called `name`; throws std::out_of_range when there is none.
std::string_view embedded_file(std::string_view name);

}  // namespace bg::data
