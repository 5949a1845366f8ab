#include "mailbox/page_cache.h"

#include <fcntl.h>
#include <linux/magic.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <string>

#include "mailbox/file_descriptor.h"
#include "mailbox_test_files.h"

namespace bg::mailbox {
namespace {

using testing::TempDir;

TEST(PageCache, TellsBytesDroppedFromTheCacheFromBytesReadSince) {
  TempDir dir;
  const std::string path = dir.file("mbox");
  testing::write_file(path, std::string(256 * 1024, 'x'));
  FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  ASSERT_GE(fd.get(), 0);
  struct statfs where {};
  ASSERT_EQ(::fstatfs(fd.get(), &where), 0);
  if (where.f_type == TMPFS_MAGIC) GTEST_SKIP() << "a tmpfs file is never dropped from memory";

  // Written back, its pages can be dropped; the last ones are read again.
  ASSERT_EQ(::fdatasync(fd.get()), 0);
  ASSERT_EQ(::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_DONTNEED), 0);
  EXPECT_FALSE(is_cached(fd.get(), 0));
  EXPECT_FALSE(is_cached(fd.get(), 256 * 1024 - 1));
  char tail[4096];
  ASSERT_EQ(::pread(fd.get(), tail, sizeof tail, 256 * 1024 - sizeof tail), static_cast<ssize_t>(sizeof tail));
  EXPECT_TRUE(is_cached(fd.get(), 256 * 1024 - 1));
  // Past the end there is nothing to read.
  EXPECT_FALSE(is_cached(fd.get(), 256 * 1024));
}

}  // namespace
}  // namespace bg::mailbox
