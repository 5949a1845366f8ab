// Archives are read as folders are: tar (plain or compressed), zip, 7z and rar, named, inside a
// folder, on standard input, or inside one another; damage keeps what came before it.
#include "mailbox/archive_reader.h"

#include <gtest/gtest.h>

#include "mailbox_test_files.h"

namespace bg::mailbox {
namespace {

using testing::archive_of;
using testing::kMbox0;
using testing::kMorkSummary;
using testing::kSisimai;
using testing::read_all;
using testing::read_as_standard_input;
using testing::read_file;
using testing::ReadAll;

using Members = std::vector<std::pair<std::string, std::string>>;

// The one problem `read` met: where, what, and whether bytes were left unread.
void expect_one_problem(const ReadAll& read, const std::string& origin, const std::string& what, bool unreadable) {
  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_EQ(read.problems[0].origin, origin);
  EXPECT_EQ(read.problems[0].what, what);
  EXPECT_EQ(read.problems[0].unreadable, unreadable);
}

// A mail export as people find one: an mbox beside files that are not mail, a Maildir with a
// Maildir++ folder, and what archivers add (folders, hidden files, macOS resource forks).
Members mail_export() {
  const std::string message = read_file(kSisimai + "/maildir/lhost-postfix-01.eml");
  return {
      {"Takeout/", ""},
      {"Takeout/Mail/", ""},
      {"Takeout/Mail/All mail.mbox", read_file(kMbox0)},
      {"Takeout/Mail/All mail.msf", std::string(kMorkSummary)},  // a mail program's own file
      {"Takeout/archive_browser.html", "<html><body>Your export</body></html>\n"},
      {"./Maildir/cur/1795000000.1.host:2,S", message},
      {"./Maildir/.Sent/new/1795000001.2.host", message},
      {"./Maildir/.cache/index.mbox", read_file(kMbox0)},
      {"../outside/../Maildir/new/1795000002.3.host", message},
      {"__MACOSX/Takeout/Mail/._All mail.mbox", "resource fork"},
  };
}

// The messages of mail_export(), with their names inside the archive, and its one notice.
void expect_mail_export(const ReadAll& read, const std::string& archive) {
  const ReadAll plain = read_all(kMbox0);
  ASSERT_EQ(plain.messages.size(), 37u);
  ASSERT_EQ(read.messages.size(), 40u);
  for (std::size_t i = 0; i < 37; ++i) {
    EXPECT_EQ(read.messages[i].bytes, plain.messages[i].bytes) << "message " << i;
    EXPECT_EQ(read.messages[i].origin, archive + ":Takeout/Mail/All mail.mbox");
    EXPECT_EQ(read.messages[i].index, i);
    EXPECT_TRUE(read.messages[i].mbox_quoted);
  }
  const std::string message = read_file(kSisimai + "/maildir/lhost-postfix-01.eml");
  EXPECT_EQ(read.messages[37].bytes, message);
  EXPECT_EQ(read.messages[37].origin, archive + ":./Maildir/cur/1795000000.1.host:2,S");
  EXPECT_FALSE(read.messages[37].mbox_quoted);
  EXPECT_EQ(read.messages[38].origin, archive + ":./Maildir/.Sent/new/1795000001.2.host");
  EXPECT_EQ(read.messages[39].origin, archive + ":../outside/../Maildir/new/1795000002.3.host");
  expect_one_problem(read, archive + ":Takeout/archive_browser.html", "not a mail file", false);
}

TEST(Archive, ReadsTheMailOfATarAZipA7zAndARarArchive) {
  testing::TempDir dir;
  for (const std::string format : {"tar", "zip", "7z", "rar"}) {
    SCOPED_TRACE(format);
    const std::string path = dir.file("export." + format);
    testing::write_file(path, archive_of(format, mail_export()));
    auto source = open_source(path);
    expect_mail_export(read_all(*source), path);
    EXPECT_EQ(source->bytes_total(), read_file(path).size());
  }
}

TEST(Archive, ReadsACompressedTar) {
  const std::string tar = archive_of("tar", mail_export());
  testing::TempDir dir;
  for (const auto& [name, compressed] : {std::pair{"export.tar.gz", testing::gzip(tar)},
                                         std::pair{"export.tar.xz", testing::xz(tar)},
                                         std::pair{"export.tar.zst", testing::zstd(tar)},
                                         std::pair{"export.tar.bz2", testing::bzip2(tar)}}) {
    SCOPED_TRACE(name);
    const std::string path = dir.file(name);
    testing::write_file(path, compressed);
    auto source = open_source(path);
    expect_mail_export(read_all(*source), path);
    EXPECT_EQ(source->bytes_read(), compressed.size());
  }
}

TEST(Archive, ReadsAnArchiveFromAStreamAsStandardInputGivesIt) {
  for (const std::string format : {"tar", "zip", "streamed zip", "rar"}) {
    SCOPED_TRACE(format);
    expect_mail_export(read_as_standard_input(archive_of(format, mail_export())), "-");
  }
}

TEST(Archive, A7zArchiveFromAStreamIsReportedAsNotRead) {
  // Inside another archive, it is a member that cannot be read.
  const std::string seven = archive_of("7z", {{"msg.eml", read_file(kSisimai + "/maildir/lhost-postfix-01.eml")}});
  testing::TempDir dir;
  const std::string path = dir.file("outer.tar");
  testing::write_file(path, archive_of("tar", {{"inbox.mbox", read_file(kMbox0)}, {"old.7z", seven}}));
  const ReadAll read = read_all(path);
  EXPECT_EQ(read.messages.size(), 37u);
  expect_one_problem(read, path + ":old.7z",
                     "a 7z archive is read only from a file of its own: unpack it, or save it and scan the file", true);
}

TEST(Archive, AMailProgramsOwnFileOfUnknownSizeIsPassedOverOnlyWhenItHoldsNoMail) {
  // From a stream, a zip written to a pipe tells no member's size before its data, so each is
  // read as a stream of its own, and a mail program's file is sniffed there.
  const std::string bytes = archive_of("streamed zip", {{"Local Folders/Inbox.msf", std::string(kMorkSummary)},
                                                        {"Local Folders/Saved.msf", read_file(kMbox0)},
                                                        {"Local Folders/notes.txt", "Call the registrar.\n"}});
  const ReadAll read = read_as_standard_input(bytes);
  const ReadAll plain = read_all(kMbox0);
  ASSERT_EQ(read.messages.size(), plain.messages.size());
  for (std::size_t i = 0; i < plain.messages.size(); ++i) {
    EXPECT_EQ(read.messages[i].bytes, plain.messages[i].bytes) << "message " << i;
    EXPECT_EQ(read.messages[i].origin, "-:Local Folders/Saved.msf");
  }
  expect_one_problem(read, "-:Local Folders/notes.txt", "not a mail file", false);
}

TEST(Archive, AnArchiveInAFolderIsReadWithTheFolder) {
  testing::TempDir dir;
  testing::write_file(dir.file("mail/Inbox"), read_file(kMbox0));
  testing::write_file(dir.file("mail/old/export.zip"), archive_of("zip", mail_export()));
  const ReadAll read = read_all(dir.file("mail"));
  ASSERT_EQ(read.messages.size(), 37u + 40u);
  EXPECT_EQ(read.messages[0].origin, dir.file("mail/Inbox"));
  ReadAll from_archive;
  from_archive.messages.assign(read.messages.begin() + 37, read.messages.end());
  from_archive.problems = read.problems;
  expect_mail_export(from_archive, dir.file("mail/old/export.zip"));
}

TEST(Archive, ArchivesInsideArchivesAreReadFourDeep) {
  const std::string mail = read_file(kSisimai + "/maildir/lhost-postfix-01.eml");
  // Level 0 is the archive named; each level holds the next and a message of its own.
  std::string inner = archive_of("tar", {{"deepest.eml", mail}});
  for (int level = 4; level >= 0; --level) {
    const std::string inner_name = level == 4 ? "level-5.tar" : "level-" + std::to_string(level + 1) + ".zip.gz";
    inner = archive_of("zip", {{"own-" + std::to_string(level) + ".eml", mail}, {inner_name, inner}});
    if (level > 0) inner = testing::gzip(inner);
  }
  testing::TempDir dir;
  testing::write_file(dir.file("nested.zip"), inner);
  const ReadAll read = read_all(dir.file("nested.zip"));
  ASSERT_EQ(read.messages.size(), 5u);
  EXPECT_EQ(read.messages[0].origin, dir.file("nested.zip") + ":own-0.eml");
  EXPECT_EQ(read.messages[1].origin, dir.file("nested.zip") + ":level-1.zip.gz:own-1.eml");
  EXPECT_EQ(read.messages[4].origin,
            dir.file("nested.zip") + ":level-1.zip.gz:level-2.zip.gz:level-3.zip.gz:level-4.zip.gz:own-4.eml");
  for (const testing::ReadMessage& message : read.messages) EXPECT_EQ(message.bytes, mail);
  expect_one_problem(read,
                     dir.file("nested.zip") + ":level-1.zip.gz:level-2.zip.gz:level-3.zip.gz:level-4.zip.gz:level-5.tar",
                     "a tar archive inside 5 others, which is not read: unpack it and scan what it holds", true);
}

TEST(Archive, AnArchiveNamedWithoutMailIsAnError) {
  testing::TempDir dir;
  const std::string zip = archive_of("zip", {{"notes.txt", "a shopping list\n"}, {"photo.jpg", "\xff\xd8\xff"}});
  const std::string tar = archive_of("tar", {{"notes.txt", "a shopping list\n"}, {"photo.jpg", "\xff\xd8\xff"}});
  for (const auto& [name, bytes] : {std::pair{"photos.zip", zip}, std::pair{"photos.tar.gz", testing::gzip(tar)}}) {
    const std::string path = dir.file(name);
    testing::write_file(path, bytes);
    EXPECT_EQ(testing::open_error(path),
              "cannot read " + path + ": no mail found in the archive's 2 files (" + path +
              ":notes.txt: not a mail file)");
  }
}

TEST(Archive, AnEncryptedMemberIsReportedAsNotRead) {
  testing::TempDir dir;
  const std::string path = dir.file("mail/locked.zip");
  testing::write_file(path, archive_of("encrypted zip", {{"Inbox.mbox", read_file(kMbox0)}}));
  testing::write_file(dir.file("mail/Inbox"), read_file(kMbox0));
  const ReadAll read = read_all(dir.file("mail"));
  EXPECT_EQ(read.messages.size(), 37u);
  expect_one_problem(read, path + ":Inbox.mbox", "encrypted: unpack it with its passphrase and scan what it holds", true);
  // Named alone, it holds no mail that can be read.
  EXPECT_EQ(testing::open_error(path),
            "cannot read " + path + ": no mail found in the archive's 1 file (" + path +
            ":Inbox.mbox: encrypted: unpack it with its passphrase and scan what it holds)");
}

TEST(Archive, DamageKeepsTheMessagesBeforeItAndIsReported) {
  const std::string tar = archive_of("tar", {{"first.mbox", read_file(kMbox0)}, {"second.mbox", read_file(kMbox0)}});
  const std::string compressed = testing::gzip(tar);
  testing::TempDir dir;
  const std::string path = dir.file("cut.tar.gz");
  // Cut within the second member.
  testing::write_file(path, compressed.substr(0, compressed.size() * 3 / 4));
  const ReadAll read = read_all(path);
  EXPECT_GE(read.messages.size(), 37u);
  EXPECT_LT(read.messages.size(), 74u);
  ASSERT_FALSE(read.problems.empty());
  for (const ReadProblem& problem : read.problems) {
    EXPECT_TRUE(problem.unreadable) << problem.what;
    EXPECT_TRUE(problem.origin.starts_with(path)) << problem.origin;
  }
  EXPECT_NE(read.problems[0].what.find("gzip"), std::string::npos) << read.problems[0].what;
}

TEST(Archive, DamageRightAfterAMemberNotReadIsStillReported) {
  // A member refused for its kind (an Outlook data file) was not damaged: damage after it is
  // the archive's own, and is reported as such.
  const std::string mbox = read_file(kMbox0);
  const std::string pst = "!BDN" + std::string(600, '\x01');
  const std::string tar = archive_of("tar", {{"Inbox", mbox}, {"Outlook.pst", pst}, {"Sent", mbox}});
  const auto blocks = [](std::size_t size) { return 512 + (size + 511) / 512 * 512; };  // a header, then the data
  testing::TempDir dir;
  const std::string path = dir.file("cut.tar");
  testing::write_file(path, tar.substr(0, blocks(mbox.size()) + blocks(pst.size()) + 100));  // within Sent's header
  const ReadAll read = read_all(path);
  EXPECT_EQ(read.messages.size(), 37u);
  ASSERT_EQ(read.problems.size(), 2u);
  EXPECT_EQ(read.problems[0].origin, path + ":Outlook.pst");
  EXPECT_EQ(read.problems[1].origin, path);
  EXPECT_TRUE(read.problems[1].what.starts_with("damaged archive: ")) << read.problems[1].what;
  EXPECT_TRUE(read.problems[1].unreadable);
}

TEST(Archive, AnArchiveThatCannotBeReadNamesTheFile) {
  testing::TempDir dir;
  testing::write_file(dir.file("mail/broken.zip"), std::string("PK\x03\x04\x14\0\0\0\x08\0", 10));
  EXPECT_EQ(testing::open_error(dir.file("mail/broken.zip")),
            "cannot read " + dir.file("mail/broken.zip") + ": damaged archive: Truncated ZIP file header");
  // In a folder, its bytes count as not read.
  testing::write_file(dir.file("mail/Inbox"), read_file(kMbox0));
  const ReadAll read = read_all(dir.file("mail"));
  EXPECT_EQ(read.messages.size(), 37u);
  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_EQ(read.problems[0].origin, dir.file("mail/broken.zip"));
  EXPECT_TRUE(read.problems[0].unreadable);
}

}  // namespace
}  // namespace bg::mailbox
