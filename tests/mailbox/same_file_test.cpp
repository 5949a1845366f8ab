#include "mailbox/same_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "mailbox/file_claims.h"
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

TEST(FileClaims, TheFirstInputToClaimAFileHoldsIt) {
  FileClaims claims;
  const FileIdentity inbox{1, 10}, sent{1, 11}, elsewhere{2, 10};
  EXPECT_EQ(claims.claim(inbox, "Mail"), nullptr);
  EXPECT_EQ(claims.claim(sent, "Mail"), nullptr);
  EXPECT_EQ(claims.claim(elsewhere, "Mail"), nullptr);  // another device: another file
  const std::string* holder = claims.claim(inbox, "Mail/inbox");
  ASSERT_NE(holder, nullptr);
  EXPECT_EQ(*holder, "Mail");
  EXPECT_EQ(claims.claim(FileIdentity{3, 1}, "Mail/inbox"), nullptr);
  holder = claims.claim(FileIdentity{3, 1}, "Archive");
  ASSERT_NE(holder, nullptr);
  EXPECT_EQ(*holder, "Mail/inbox");
}

}  // namespace
}  // namespace bg::mailbox
