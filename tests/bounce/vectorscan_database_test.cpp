#include "bounce/vectorscan_database.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <stdexcept>
#include <string>

#include "bounce/literal_set.h"

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

void* refuse_memory(std::size_t) { return nullptr; }

TEST(LoadDatabase, TooLittleMemoryIsSaidSo) {
  ASSERT_EQ(hs_set_database_allocator(refuse_memory, std::free), HS_SUCCESS);
  const std::string error = error_loading(serialized_literal_set("bounce-subjects"));
  hs_set_database_allocator(nullptr, nullptr);
  EXPECT_EQ(error, "not enough memory to load the test list");
}

}  // namespace
}  // namespace bg::bounce
