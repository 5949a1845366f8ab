#include "mailbox/same_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "mailbox_test_files.h"

namespace bg::mailbox {
namespace {

TEST(SameFile, FindsAFileOrFolderByAnyName) {
  testing::TempDir dir;
  testing::write_file(dir.file("inbox"), "From a@b Thu Nov  5 10:00:00 2026\n");
  testing::write_file(dir.file("other"), "From a@b Thu Nov  5 10:00:00 2026\n");
  ASSERT_EQ(::symlink(dir.file("inbox").c_str(), dir.file("link").c_str()), 0);
  const std::vector<std::string> paths = {dir.file("other"), dir.file("inbox"), dir.path()};

  const std::string* found = same_file_among(dir.file("link"), paths);
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(*found, dir.file("inbox"));
  found = same_file_among(dir.path() + "/.", paths);
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(*found, dir.path());
  // Same contents are not the same file, and a path that does not exist names nothing.
  EXPECT_EQ(same_file_among(dir.file("other"), {dir.file("inbox")}), nullptr);
  EXPECT_EQ(same_file_among(dir.file("missing"), paths), nullptr);
  EXPECT_EQ(same_file_among(dir.file("inbox"), {}), nullptr);
}

}  // namespace
}  // namespace bg::mailbox
