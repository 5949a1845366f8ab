// libarchive and libunbound are loaded by their first use, not by a scan that needs neither.
// Each test runs in a process of its own, which has loaded neither when it starts.

#include <link.h>

#include <gtest/gtest.h>

#include <string>

#include "libraries/libarchive.h"
#include "libraries/libunbound.h"
#include "scan/scanner.h"

namespace bg::libraries {
namespace {

const std::string kData = BOUNCEGUARD_TEST_DATA;

// Whether a library whose file name starts with `prefix` ("libarchive.so") is loaded.
bool loaded(const std::string& prefix) {
  std::pair<const std::string*, bool> search{&prefix, false};
  ::dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* data) {
        auto& [wanted, found] = *static_cast<std::pair<const std::string*, bool>*>(data);
        const std::string path = info->dlpi_name != nullptr ? info->dlpi_name : "";
        const std::string name = path.substr(path.rfind('/') + 1);
        found = found || name.starts_with(*wanted);
        return 0;
      },
      &search);
  return search.second;
}

TEST(OnDemandLibraries, AScanOfAMailboxLoadsNeitherTheArchiveNorTheDnsLibrary) {
  scan::ScanOptions options;
  options.inputs = {kData + "/sisimai/mailbox/mbox-0", kData + "/sisimai/maildir"};
  std::size_t records = 0;
  scan::scan(options, [&](bounce::Record&&) { ++records; });
  EXPECT_GT(records, 10u);
  EXPECT_FALSE(loaded("libarchive.so"));
  EXPECT_FALSE(loaded("libunbound.so"));
}

TEST(OnDemandLibraries, LibarchiveIsLoadedByItsFirstUse) {
  ASSERT_FALSE(loaded("libarchive.so"));
  const LibArchive& archive = libarchive();
  EXPECT_TRUE(loaded("libarchive.so"));
  EXPECT_EQ(&libarchive(), &archive);  // loaded once
  struct archive* reader = archive.read_new();
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(archive.read_support_format_tar(reader), ARCHIVE_OK);
  EXPECT_EQ(archive.read_free(reader), ARCHIVE_OK);
}

TEST(OnDemandLibraries, LibunboundIsLoadedByItsFirstUse) {
  ASSERT_FALSE(loaded("libunbound.so"));
  const LibUnbound& unbound = libunbound();
  EXPECT_TRUE(loaded("libunbound.so"));
  ub_ctx* context = unbound.ctx_create();
  ASSERT_NE(context, nullptr);
  EXPECT_STREQ(unbound.strerror(0), "no error");
  unbound.ctx_delete(context);
}

}  // namespace
}  // namespace bg::libraries
