#include "mailbox/page_cache.h"

#include <fcntl.h>
#include <linux/magic.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

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

  // Written back, its pages can be dropped; the last ones are read again. Dropping is a request
  // the kernel may put off while a page is still busy elsewhere (on a processor's list of recent
  // pages, under reclaim), so it is repeated a few times.
  ASSERT_EQ(::fdatasync(fd.get()), 0);
  bool dropped = false;
  for (int attempt = 0; attempt < 50 && !dropped; ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ASSERT_EQ(::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_DONTNEED), 0);
    dropped = !is_cached(fd.get(), 0) && !is_cached(fd.get(), 256 * 1024 - 1);
  }
  if (!dropped) GTEST_SKIP() << "the kernel kept the file's pages despite being asked to drop them";
  char tail[4096];
  ASSERT_EQ(::pread(fd.get(), tail, sizeof tail, 256 * 1024 - sizeof tail), static_cast<ssize_t>(sizeof tail));
  EXPECT_TRUE(is_cached(fd.get(), 256 * 1024 - 1));
  // Past the end there is nothing to read.
  EXPECT_FALSE(is_cached(fd.get(), 256 * 1024));
}

}  // namespace
}  // namespace bg::mailbox
