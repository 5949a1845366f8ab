// The mbox reader on the corpus mailboxes: message boundaries, line endings, windows that cut
// messages anywhere, and files too short to be mail.
#include "mailbox/mbox_reader.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <random>

#include "mailbox/normalize.h"
#include "mailbox/sniff.h"
#include "mailbox_test_files.h"

namespace bg::mailbox {
namespace {

using testing::cut_at_from_lines;
using testing::kMbox0;
using testing::kSisimai;
using testing::open_mbox;
using testing::read_all;
using testing::read_file;
using testing::ReadAll;

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

std::vector<std::string> normalized(const ReadAll& read) {
  std::vector<std::string> messages;
  std::string scratch;
  for (const testing::ReadMessage& message : read.messages)
    messages.emplace_back(normalize(message.raw(), scratch));
  return messages;
}

TEST(MboxReader, Mbox0YieldsItsThirtySevenMessagesInOrder) {
  const ReadAll read = read_all(kMbox0);
  const std::vector<std::string> expected = cut_at_from_lines(read_file(kMbox0));
  ASSERT_EQ(read.messages.size(), 37u);
  ASSERT_EQ(expected.size(), 37u);
  for (std::size_t i = 0; i < read.messages.size(); ++i) {
    const testing::ReadMessage& message = read.messages[i];
    EXPECT_EQ(message.index, i);
    EXPECT_EQ(message.origin, kMbox0);
    EXPECT_TRUE(message.mbox_quoted);
    EXPECT_TRUE(testing::starts_with_header_line(message.bytes)) << "message " << i;
    EXPECT_EQ(message.bytes, expected[i]) << "message " << i;
  }
  EXPECT_TRUE(read.problems.empty());
}

TEST(MboxReader, Mbox1YieldsOneMessage) {
  const ReadAll read = read_all(kSisimai + "/mailbox/mbox-1");
  ASSERT_EQ(read.messages.size(), 1u);
  EXPECT_TRUE(testing::starts_with_header_line(read.messages[0].bytes));
  EXPECT_FALSE(read.messages[0].bytes.starts_with("From "));
}

TEST(MboxReader, WindowsOfAnySizeSplitAlike) {
  const ReadAll whole = read_all(kMbox0);
  for (const std::size_t window : {1u, 7u, 100u, 4096u, 5000u, 65536u}) {
    MboxReader reader = open_mbox(kMbox0, window);
    const ReadAll read = read_all(reader);
    ASSERT_EQ(read.messages.size(), whole.messages.size()) << "window " << window;
    for (std::size_t i = 0; i < read.messages.size(); ++i) {
      EXPECT_EQ(read.messages[i].bytes, whole.messages[i].bytes) << "window " << window;
      EXPECT_EQ(read.messages[i].index, i);
    }
    EXPECT_GT(read.batches, 1u) << "window " << window;
    EXPECT_EQ(reader.bytes_read(), reader.bytes_total());
  }
}

TEST(MboxReader, LfCrlfAndCrOnlyMailboxesSplitIntoTheSameMessages) {
  testing::TempDir dir;
  const std::string crlf = read_file(kMbox0);
  ASSERT_NE(crlf.find("\r\n"), std::string::npos);
  const std::string lf = replace_all(crlf, "\r\n", "\n");
  const std::string cr = replace_all(lf, "\n", "\r");
  testing::write_file(dir.file("lf"), lf);
  testing::write_file(dir.file("cr"), cr);

  const std::vector<std::string> expected = normalized(read_all(dir.file("lf")));
  ASSERT_EQ(expected.size(), 37u);
  EXPECT_EQ(normalized(read_all(kMbox0)), expected);
  EXPECT_EQ(normalized(read_all(dir.file("cr"))), expected);
  MboxReader small_windows = open_mbox(dir.file("cr"), 1000);
  EXPECT_EQ(normalized(read_all(small_windows)), expected);
}

TEST(MboxReader, ThunderbirdSeparatorsSplitButBodyLinesStartingWithFromDoNot) {
  testing::TempDir dir;
  testing::write_file(dir.file("Inbox"),
                      "From - Tue Nov 26 23:18:00 2024\n"
                      "Subject: first\n\n"
                      "From the desk of the postmaster:\n"
                      "From here on, mail is refused.\n\n"
                      "From - Wed Nov 27 08:01:12 2024\n"
                      "Subject: second\n\nbody\n");
  const ReadAll read = read_all(dir.file("Inbox"));
  ASSERT_EQ(read.messages.size(), 2u);
  EXPECT_EQ(read.messages[0].bytes,
            "Subject: first\n\nFrom the desk of the postmaster:\n"
            "From here on, mail is refused.\n");
  EXPECT_EQ(read.messages[1].bytes, "Subject: second\n\nbody\n");
}

TEST(MboxReader, AnMboxrdOfTheCorpusGivesBackEveryMessage) {
  std::vector<std::string> originals;
  for (const std::string& path : testing::corpus_message_paths()) {
    originals.push_back(read_file(path));
    if (!originals.back().ends_with('\n')) originals.back() += '\n';
  }
  testing::TempDir dir;
  testing::write_file(dir.file("corpus.mbox"), testing::mboxrd_of(originals));

  const ReadAll read = read_all(dir.file("corpus.mbox"));
  ASSERT_EQ(read.messages.size(), originals.size());
  std::string scratch;
  std::string original_scratch;
  for (std::size_t i = 0; i < originals.size(); ++i) {
    const testing::ReadMessage& message = read.messages[i];
    EXPECT_EQ(normalize(message.raw(i), scratch),
              normalize({originals[i], "original", 0, false}, original_scratch))
        << "message " << i;
  }
}

TEST(MboxReader, AFileThatStartsWithAnEnvelopeLineIsAnMboxWhateverItsName) {
  // Two delivery reports saved together under one .eml name.
  const std::string path = kSisimai + "/maildir/rfc3464-28.eml";
  const std::vector<std::string> originals = cut_at_from_lines(read_file(path));
  ASSERT_EQ(originals.size(), 2u);
  const ReadAll read = read_all(path);
  ASSERT_EQ(read.messages.size(), 2u);
  for (const auto& message : read.messages) {
    EXPECT_TRUE(message.bytes.starts_with("Return-Path: <>"));
    EXPECT_TRUE(message.mbox_quoted);
  }
}

TEST(MboxReader, EmptyAndTruncatedFilesNeverCrash) {
  const ReadAll empty = read_all(kSisimai + "/mailbox/size-0");
  EXPECT_TRUE(empty.messages.empty());
  EXPECT_TRUE(empty.problems.empty());
  for (const std::string name : {"size-1", "size-2"}) {
    const std::string path = kSisimai + "/mailbox/" + name;
    const ReadAll read = read_all(path);
    ASSERT_EQ(read.messages.size(), 1u) << name;
    EXPECT_EQ(read.messages[0].bytes, read_file(path));
  }
}

// A message too large to keep is mapped for its start and the rest passed over, with the
// windows of a small mailbox, so that a huge message costs no more memory than the largest kept.
// What is kept is what a stream keeps, whatever the windows.
TEST(MboxReader, KeepsTheStartOfAMessageTooLargeToKeepAsAStreamDoes) {
  constexpr std::size_t kLargest = 4096;
  testing::TempDir dir;
  // The large one holds lines that look like separators but are too long to be one, and ends
  // with a line longer than a window, right before the next separator line; the last message
  // ends the file without a line break.
  std::string mbox = "From a@example.com Thu Nov  5 10:00:00 2026\nSubject: before\n\nshort\n\n";
  mbox += "From a@example.com Thu Nov  5 10:00:00 2026\nSubject: large\n\n";
  for (int line = 0; line < 100; ++line) mbox += "From x Thu Nov  5 10:00:00 2026" + std::string(1200, 'y') + "\n";
  mbox += std::string(5000, 'z') + "\n";
  mbox += "From a@example.com Thu Nov  5 10:00:00 2026\nSubject: after\n\nthe end";
  testing::write_file(dir.file("large.mbox"), mbox);
  const ReadAll whole = read_all(dir.file("large.mbox"));
  ASSERT_EQ(whole.messages.size(), 3u);
  std::size_t cut = 0;
  const std::vector<std::string> expected = testing::starts_kept(whole, kLargest, cut);
  ASSERT_EQ(cut, 1u);

  for (const std::size_t window : {std::size_t{1}, std::size_t{7}, std::size_t{999}, std::size_t{4096},
                                   std::size_t{5099}, std::size_t{1} << 20}) {
    SCOPED_TRACE(window);
    MboxReader reader = open_mbox(dir.file("large.mbox"), window, kLargest);
    const ReadAll read = read_all(reader);
    ASSERT_EQ(read.messages.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
      EXPECT_EQ(read.messages[i].bytes, expected[i]);
      EXPECT_EQ(read.messages[i].index, i);
    }
    EXPECT_TRUE(read.messages[1].bytes.ends_with("\n")) << "cut after a line break";
    ASSERT_EQ(read.problems.size(), 1u);
    EXPECT_EQ(read.problems[0].what, "message 1 (counted from 0) is larger than 4096 bytes: only its start was read");
    EXPECT_FALSE(read.problems[0].unreadable);
    EXPECT_EQ(reader.bytes_read(), reader.bytes_total());
  }
}

TEST(MboxReader, AMessageTooLargeToKeepMayRunToTheEndOfTheFile) {
  constexpr std::size_t kLargest = 2048;
  testing::TempDir dir;
  const std::string start = "From a@example.com Thu Nov  5 10:00:00 2026\nSubject: large\n\n";
  for (const std::string& rest : {std::string(10000, 'x'), std::string(10000, 'x') + "\n",
                                  std::string(3000, 'x') + "\nFrom no date\n" + std::string(5000, 'x')}) {
    testing::write_file(dir.file("large.mbox"), start + rest);
    for (const std::size_t window : {std::size_t{1}, std::size_t{100}, std::size_t{3000}}) {
      MboxReader reader = open_mbox(dir.file("large.mbox"), window, kLargest);
      const ReadAll read = read_all(reader);
      ASSERT_EQ(read.messages.size(), 1u) << window;
      EXPECT_EQ(read.messages[0].bytes, "Subject: large\n\n") << "the start ends with the last whole line";
      EXPECT_EQ(read.problems.size(), 1u);
      EXPECT_EQ(reader.bytes_read(), reader.bytes_total());
    }
  }
}

// Random mailboxes of messages small and large, read with random windows: each message is the
// whole file's, or the start of it that is kept.
TEST(MboxReader, KeepsTheStartOfEveryLargeMessageWhateverTheWindows) {
  constexpr std::size_t kLargest = 3000;
  std::mt19937 random(20261128);
  testing::TempDir dir;
  for (int round = 0; round < 80; ++round) {
    testing::write_file(dir.file("random.mbox"),
                        testing::mailbox_of_large_messages(random, kLargest, round % 2 == 0, round % 12));
    const ReadAll whole = read_all(dir.file("random.mbox"));
    const std::size_t window = std::uniform_int_distribution<std::size_t>(1, 9000)(random);
    SCOPED_TRACE("round " + std::to_string(round) + ", window " + std::to_string(window));
    MboxReader reader = open_mbox(dir.file("random.mbox"), window, kLargest);
    const ReadAll read = read_all(reader);
    std::size_t cut = 0;
    const std::vector<std::string> expected = testing::starts_kept(whole, kLargest, cut);
    EXPECT_EQ(testing::bytes_of(read), expected);
    EXPECT_EQ(read.problems.size(), cut);
  }
}

TEST(MboxReader, AFileOfOneMessageTooLargeToKeepIsMappedForItsStart) {
  testing::TempDir dir;
  const std::string message = read_file(kSisimai + "/maildir/arf-01.eml");
  testing::write_file(dir.file("large.eml"), message + std::string(20000, 'x') + "\n");
  MboxReader reader = open_mbox(dir.file("large.eml"), 100, 8192, Layout::single_message);
  const ReadAll read = read_all(reader);
  ASSERT_EQ(read.messages.size(), 1u);
  EXPECT_TRUE(read.messages[0].bytes.starts_with(message));
  EXPECT_LT(read.messages[0].bytes.size(), 8192u);
  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_EQ(read.problems[0].what, "message 0 (counted from 0) is larger than 8192 bytes: only its start was read");
  EXPECT_EQ(reader.bytes_read(), reader.bytes_total());
}

TEST(OpenSource, ErrorsNameThePath) {
  const std::string missing = kSisimai + "/mailbox/no-such-mbox";
  EXPECT_EQ(testing::open_error(missing), "cannot read " + missing + ": No such file or directory");

  testing::TempDir dir;
  testing::write_file(dir.file("picture.png"), std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  EXPECT_EQ(testing::open_error(dir.file("picture.png")),
            "cannot read " + dir.file("picture.png") + ": not a mail file (binary content)");
}

TEST(OpenSource, StrayNulBytesDoNotMakeMailBinary) {
  // A crash can leave a run of NUL bytes inside a mailbox; here, in the first message's body.
  const std::string nuls(16, '\0');
  std::string mbox = read_file(kMbox0);
  const std::size_t body = mbox.find("\r\n\r\n") + 4;  // mbox-0 has CRLF line ends
  ASSERT_GT(body, 4u);
  ASSERT_LT(body, kSniffSize) << "the NULs must be where the file's kind is told";
  mbox.insert(body, nuls);
  testing::TempDir dir;
  testing::write_file(dir.file("inbox"), mbox);
  const ReadAll read = read_all(dir.file("inbox"));
  EXPECT_EQ(read.messages.size(), 37u);
  EXPECT_TRUE(read.problems.empty());
  ASSERT_FALSE(read.messages.empty());
  EXPECT_NE(read.messages[0].bytes.find(nuls), std::string::npos);

  // The same for a single message that starts with its header.
  const std::string message = "Subject: test\n\n" + nuls + "body\n";
  testing::write_file(dir.file("one.eml"), message);
  const ReadAll one = read_all(dir.file("one.eml"));
  ASSERT_EQ(one.messages.size(), 1u);
  EXPECT_EQ(one.messages[0].bytes, message);
}

TEST(OpenSource, AFileWithoutReadPermissionNamesThePath) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every file";
  testing::TempDir dir;
  testing::write_file(dir.file("locked.mbox"), read_file(kMbox0));
  ::chmod(dir.file("locked.mbox").c_str(), 0);
  EXPECT_THROW(
      {
        try {
          open_source(dir.file("locked.mbox"));
        } catch (const InputError& error) {
          EXPECT_EQ(std::string(error.what()),
                    "cannot read " + dir.file("locked.mbox") + ": Permission denied");
          throw;
        }
      },
      InputError);
}

}  // namespace
}  // namespace bg::mailbox
