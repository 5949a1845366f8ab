#include "bounce/vectorscan_database.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <stdexcept>
#include <string>

#include "bounce/literal_set.h"
#include "bounce/reason/phrase_table.h"

namespace bg::bounce {
namespace {

std::string error_loading(std::string_view serialized) {
  try {
    hs_free_database(load_database(serialized, "the test list"));
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  return "";
}

TEST(LoadDatabase, LoadsWhatTheBuildCompiled) {
  EXPECT_EQ(error_loading(serialized_literal_set("bounce-subjects")), "");
}

TEST(LoadDatabase, AForeignDatabaseAsksForARebuild) {
  std::string damaged(serialized_literal_set("bounce-subjects"));
  ASSERT_GT(damaged.size(), 8u);
  for (std::size_t i = 0; i < 8; ++i) damaged[i] = static_cast<char>(~damaged[i]);  // the version stamp
  EXPECT_EQ(error_loading(damaged), "the test list was compiled for another Vectorscan or processor; rebuild");
  EXPECT_EQ(error_loading(""), "the test list was compiled for another Vectorscan or processor; rebuild");
}

// The processor features a serialized database needs, as Vectorscan describes it
// ("Version: 5.4.9 Features: AVX2 Mode: BLOCK").
std::string features_needed(std::string_view serialized) {
  char* info = nullptr;
  if (hs_serialized_database_info(serialized.data(), serialized.size(), &info) != HS_SUCCESS) return "unreadable";
  std::string text(info);
  std::free(info);
  const std::size_t start = text.find("Features:");
  const std::size_t end = text.find(" Mode:");
  if (start == std::string::npos || end == std::string::npos || end < start) return "unreadable: " + text;
  return text.substr(start + 9, end - start - 9);
}

// A database compiled for the building machine's features would be refused by a machine
// without them, so a binary built here and run elsewhere could not scan.
TEST(LoadDatabase, EveryBuiltDatabaseRunsOnAnyProcessor) {
  for (const char* name : {"bounce-subjects", "spam-subjects", "system-senders"}) {
    EXPECT_EQ(features_needed(serialized_literal_set(name)), " ") << name;
  }
  for (std::size_t scope = 0; scope < phrase_table().scopes.size(); ++scope) {
    EXPECT_EQ(features_needed(phrase_table().scope_databases[scope]), " ") << phrase_table().scopes[scope];
  }
}

void* refuse_memory(std::size_t) { return nullptr; }

TEST(LoadDatabase, TooLittleMemoryIsSaidSo) {
  ASSERT_EQ(hs_set_database_allocator(refuse_memory, std::free), HS_SUCCESS);
  const std::string error = error_loading(serialized_literal_set("bounce-subjects"));
  hs_set_database_allocator(nullptr, nullptr);
  EXPECT_EQ(error, "not enough memory to load the test list");
}

}  // namespace
}  // namespace bg::bounce
