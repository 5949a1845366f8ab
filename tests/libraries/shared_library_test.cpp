#include "libraries/shared_library.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

namespace bg::libraries {
namespace {

std::string error_opening(const std::string& name, const std::string& purpose) {
  try {
    SharedLibrary library(name, purpose);
  } catch (const LibraryError& error) {
    return error.what();
  }
  return "";
}

TEST(SharedLibrary, ALibraryThatCannotBeLoadedIsNamedWithWhatItIsNeededFor) {
  const std::string error = error_opening("libbounceguard-absent.so.1", "reads nothing at all");
  EXPECT_NE(error.find("cannot load libbounceguard-absent.so.1"), std::string::npos) << error;
  EXPECT_NE(error.find("reads nothing at all"), std::string::npos) << error;
}

TEST(SharedLibrary, AFunctionTheLibraryLacksIsNamedWithTheLibrary) {
  const SharedLibrary c_library("libc.so.6", "is the C library");
  try {
    c_library.function<void()>("bounceguard_absent_function");
    FAIL() << "an absent function was found";
  } catch (const LibraryError& error) {
    const std::string what = error.what();
    EXPECT_NE(what.find("libc.so.6 has no function bounceguard_absent_function"), std::string::npos) << what;
  }
}

TEST(SharedLibrary, AFunctionFoundIsTheLibrarysOwn) {
  const SharedLibrary c_library("libc.so.6", "is the C library");
  const auto length = BG_LIBRARY_FUNCTION(c_library, strlen);
  EXPECT_EQ(length("bounce"), 6u);
  EXPECT_EQ(length(""), 0u);
}

}  // namespace
}  // namespace bg::libraries
