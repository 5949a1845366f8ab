#include "mailbox/mail_program_files.h"

#include <fnmatch.h>

#include <string>
#include <vector>

#include "data/embedded_files.h"
#include "data/tsv.h"

namespace bg::mailbox {

namespace {

// fnmatch() takes strings that end in a null byte, which the table's cells do not.
const std::vector<std::string>& name_patterns() {
  static const std::vector<std::string> patterns = [] {
    const std::vector<std::string_view> cells = data::read_first_cells(data::embedded_file("mail-program-files.tsv"));
    return std::vector<std::string>(cells.begin(), cells.end());
  }();
  return patterns;
}

}  // namespace

bool is_mail_program_file(std::string_view path) {
  const std::string name(path.substr(path.find_last_of('/') + 1));
  for (const std::string& pattern : name_patterns())
    if (::fnmatch(pattern.c_str(), name.c_str(), FNM_CASEFOLD) == 0) return true;
  return false;
}

}  // namespace bg::mailbox
