// Outlook keeps mail in data files (.pst, .ost) of its own format, which is not read; wherever
// one is met, the scan says so and how to read it, and counts the input as not wholly read.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <unistd.h>

#include "mailbox/layout.h"
#include "mailbox/sniff.h"
#include "mailbox/stream_source.h"
#include "mailbox_test_files.h"

namespace bg::mailbox {
namespace {

using testing::archive_of;
using testing::kMbox0;
using testing::read_all;
using testing::read_file;
using testing::ReadAll;

// The start of a Personal Folders file, then `size` bytes of its binary body.
std::string outlook_data(std::size_t size) {
  std::string bytes = "!BDN";
  for (std::size_t i = 0; i < size; ++i) bytes.push_back(static_cast<char>(i * 7 % 251));
  return bytes;
}

void expect_outlook_notices(const ReadAll& read, const std::vector<std::string>& origins) {
  ASSERT_EQ(read.problems.size(), origins.size());
  for (std::size_t i = 0; i < origins.size(); ++i) {
    EXPECT_EQ(read.problems[i].origin, origins[i]);
    EXPECT_EQ(read.problems[i].what, kOutlookDataNotice);
    EXPECT_TRUE(read.problems[i].unreadable) << "the mail it holds was not read";
  }
}

TEST(OutlookData, IsToldFromItsFirstBytes) {
  EXPECT_EQ(sniff(outlook_data(600)), Content::outlook_data);
  EXPECT_EQ(choose_layout(Content::outlook_data, FileRole::in_directory), Layout::not_mail);
}

TEST(OutlookData, NamedAloneIsAnErrorThatSaysHowToReadIt) {
  testing::TempDir dir;
  const std::string path = dir.file("Outlook.pst");
  testing::write_file(path, outlook_data(600));
  EXPECT_EQ(testing::open_error(path), "cannot read " + path + ": " + std::string(kOutlookDataNotice));
}

TEST(OutlookData, InAFolderSmallLargeOrCompressedIsReportedBesideTheMailRead) {
  testing::TempDir dir;
  testing::write_file(dir.file("mail/Inbox"), read_file(kMbox0));
  testing::write_file(dir.file("mail/archive.pst"), outlook_data(3 << 20));  // read by a reader of its own
  testing::write_file(dir.file("mail/backup.pst.gz"), testing::gzip(outlook_data(600)));
  testing::write_file(dir.file("mail/Outlook.pst"), outlook_data(600));
  const ReadAll read = read_all(dir.file("mail"));
  EXPECT_EQ(read.messages.size(), 37u);
  expect_outlook_notices(read,
                         {dir.file("mail/Outlook.pst"), dir.file("mail/archive.pst"), dir.file("mail/backup.pst.gz")});
}

TEST(OutlookData, InAnArchiveOrFromAStreamIsReported) {
  testing::TempDir dir;
  const std::string path = dir.file("backup.zip");
  testing::write_file(path, archive_of("zip", {{"Inbox", read_file(kMbox0)},
                                              {"Outlook.pst", outlook_data(600)},
                                              {"archive.pst", outlook_data(3 << 20)}}));
  const ReadAll read = read_all(path);
  EXPECT_EQ(read.messages.size(), 37u);
  expect_outlook_notices(read, {path + ":Outlook.pst", path + ":archive.pst"});

  const std::string bytes = outlook_data(600);
  FileDescriptor fd(::memfd_create("stdin", MFD_CLOEXEC));
  ASSERT_EQ(::write(fd.get(), bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
  ASSERT_EQ(::lseek(fd.get(), 0, SEEK_SET), 0);
  try {
    open_stream_source(std::make_unique<FdStream>(std::move(fd)), "-", FileRole::named, 0);
    ADD_FAILURE() << "no error";
  } catch (const StreamError& error) {
    EXPECT_EQ(std::string(error.what()), kOutlookDataNotice);
  }
}

}  // namespace
}  // namespace bg::mailbox
