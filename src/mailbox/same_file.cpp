#include "mailbox/same_file.h"

#include <filesystem>
#include <system_error>

namespace bg::mailbox {

const std::string* same_file_among(const std::string& path, const std::vector<std::string>& paths) {
  std::error_code not_there;
  for (const std::string& other : paths)
    if (std::filesystem::equivalent(path, other, not_there)) return &other;
  return nullptr;
}

}  // namespace bg::mailbox
