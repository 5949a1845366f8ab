#include "data/embedded_files.h"

#include <stdexcept>
#include <string>

namespace bg::data {

std::string_view embedded_file(std::string_view name) {
  for (const EmbeddedFile& file : embedded_files())
    if (file.name == name) return file.bytes;
  throw std::out_of_range("no embedded data file " + std::string(name));
}

}  // namespace bg::data
