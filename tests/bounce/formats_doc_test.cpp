// docs/formats.md must list exactly the format modules and the reasons the code has.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "bounce/engines/engine_list.h"
#include "report/reason_meanings.h"

namespace bg::bounce {
namespace {

// The names in backquotes that start the rows of the table under `heading`.
std::set<std::string> table_names(const std::string& document, const std::string& heading) {
  const std::size_t start = document.find("\n## " + heading + "\n");
  EXPECT_NE(start, std::string::npos) << heading;
  const std::size_t end = document.find("\n## ", start + 1);
  const std::string section = document.substr(start, end == std::string::npos ? std::string::npos : end - start);
  std::set<std::string> names;
  const std::regex row(R"(\n\| `([^`]+)` \|)");
  for (auto it = std::sregex_iterator(section.begin(), section.end(), row); it != std::sregex_iterator(); ++it)
    names.insert((*it)[1]);
  return names;
}

std::string formats_document() {
  std::ifstream in(std::string(BOUNCEGUARD_SOURCE_DIR) + "/docs/formats.md");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(FormatsDocument, ListsEveryFormatModuleAndNoOther) {
  std::set<std::string> modules;
  for (const Engine* engine : all_engines()) modules.insert(std::string(engine->name()));
  EXPECT_EQ(table_names(formats_document(), "Formats"), modules);
}

TEST(FormatsDocument, ListsEveryReasonAndNoOther) {
  std::set<std::string> reasons;
  for (const auto& meaning : report::reason_meanings()) reasons.insert(std::string(meaning.reason));
  EXPECT_EQ(table_names(formats_document(), "Reasons"), reasons);
}

}  // namespace
}  // namespace bg::bounce
