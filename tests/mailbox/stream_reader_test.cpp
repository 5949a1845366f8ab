// Standard input and pipes: the stream reader splits what it reads in chunks exactly as the
// memory-mapped reader splits the file.
#include "mailbox/stream_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <random>
#include <string_view>
#include <thread>

#include "mailbox/decompressor.h"
#include "mailbox_test_files.h"

namespace bg::mailbox {
namespace {

// Writes `bytes` into a pipe from another thread, as a shell would into standard input.
class Pipe {
 public:
  explicit Pipe(std::string bytes) {
    int ends[2];
    if (::pipe(ends) != 0) throw std::runtime_error("pipe");
    read_end_ = FileDescriptor(ends[0]);
    writer_ = std::thread([bytes = std::move(bytes), fd = FileDescriptor(ends[1])] {
      std::size_t done = 0;
      while (done < bytes.size()) {
        const ssize_t wrote = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
        if (wrote <= 0) return;
        done += static_cast<std::size_t>(wrote);
      }
    });
  }
  ~Pipe() { writer_.join(); }

  FileDescriptor take_read_end() { return std::move(read_end_); }

 private:
  FileDescriptor read_end_;
  std::thread writer_;
};

testing::ReadAll read_pipe(std::string bytes, std::size_t chunk_size,
                           std::size_t largest_message = kLargestMessage) {
  Pipe pipe(std::move(bytes));
  StreamReader reader(open_decompressed(pipe.take_read_end()), "-", FileRole::named, 0, chunk_size,
                      largest_message);
  return testing::read_all(reader);
}

TEST(StreamReader, SplitsAPipeLikeTheFileWhateverTheChunkSize) {
  const testing::ReadAll file = testing::read_all(testing::kMbox0);
  ASSERT_EQ(file.messages.size(), 37u);
  for (const std::size_t chunk :
       {std::size_t{1}, std::size_t{100}, std::size_t{4096}, StreamReader::kDefaultChunkSize}) {
    const testing::ReadAll read = read_pipe(testing::read_file(testing::kMbox0), chunk);
    ASSERT_EQ(read.messages.size(), 37u) << "chunk " << chunk;
    for (std::size_t i = 0; i < read.messages.size(); ++i) {
      EXPECT_EQ(read.messages[i].bytes, file.messages[i].bytes) << "chunk " << chunk;
      EXPECT_EQ(read.messages[i].index, i);
      EXPECT_EQ(read.messages[i].origin, "-");
      EXPECT_TRUE(read.messages[i].mbox_quoted);
    }
    EXPECT_TRUE(read.problems.empty());
  }
}

TEST(StreamReader, AMessageWithoutEnvelopeIsOneMessage) {
  const std::string message = testing::read_file(testing::kSisimai + "/maildir/arf-01.eml");
  const testing::ReadAll read = read_pipe(message, 100);
  ASSERT_EQ(read.messages.size(), 1u);
  EXPECT_EQ(read.messages[0].bytes, message);
  EXPECT_FALSE(read.messages[0].mbox_quoted);
}

TEST(StreamReader, AnEmptyStreamHasNoMessages) {
  const testing::ReadAll read = read_pipe("", 100);
  EXPECT_TRUE(read.messages.empty());
  EXPECT_TRUE(read.problems.empty());
}

TEST(StreamReader, BinaryInputIsReportedAsNotMail) {
  const std::string elf_header("\x7f\x45LF\x02\x01\x01\0\0\0", 10);  // \x45 is 'E'
  const testing::ReadAll read = read_pipe(elf_header, 100);
  EXPECT_TRUE(read.messages.empty());
  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_EQ(read.problems[0].origin, "-");
  EXPECT_EQ(read.problems[0].what, "not a mail file");
}

// A message of `body_lines` lines of the given text after its headers, in an mbox.
std::string mbox_message(const std::string& subject, const std::string& body_line, std::size_t body_lines) {
  std::string message = "From alice@example.com Thu Nov  5 10:00:00 2026\nFrom: alice@example.com\nSubject: " +
                        subject + "\n\n";
  for (std::size_t i = 0; i < body_lines; ++i) message += body_line + "\n";
  return message + "\n";
}

TEST(StreamReader, AMessageTooLargeToKeepIsReadForItsStartAndTheRestPassedOver) {
  constexpr std::size_t kLargest = 4096;
  // The body of the large one holds lines that look like separators but are too long to be one,
  // and a line of 1,500 bytes without a break in sight of a chunk's end.
  const std::string small_before = mbox_message("before", "a short line", 3);
  // It is larger than the first chunk (64 kB), so that small chunks meet its end only after
  // passing over most of it.
  const std::string large = mbox_message("large", "From x Thu Nov  5 10:00:00 2026" + std::string(1200, 'y'), 100) +
                            std::string(1500, 'z') + "\n";
  const std::string small_after = mbox_message("after", "the last short line", 2);
  const std::string mbox = small_before + large + small_after;
  const testing::ReadAll whole = read_pipe(mbox, 100);
  ASSERT_EQ(whole.messages.size(), 3u);
  // One chunk holds it all: the large message is complete when it is cut.
  const testing::ReadAll at_once = read_pipe(mbox, std::size_t{1} << 20, kLargest);
  ASSERT_EQ(at_once.messages.size(), 3u);
  EXPECT_TRUE(whole.messages[1].bytes.starts_with(at_once.messages[1].bytes));
  EXPECT_LT(at_once.messages[1].bytes.size(), kLargest);
  EXPECT_TRUE(at_once.messages[1].bytes.ends_with("\n")) << "cut after a line break";

  for (const std::size_t chunk : {std::size_t{1}, std::size_t{7}, std::size_t{100}, std::size_t{999},
                                  std::size_t{1001}, std::size_t{5000}, std::size_t{1} << 20}) {
    SCOPED_TRACE(chunk);
    const testing::ReadAll read = read_pipe(mbox, chunk, kLargest);
    ASSERT_EQ(read.messages.size(), 3u);
    EXPECT_EQ(read.messages[0].bytes, whole.messages[0].bytes);
    EXPECT_EQ(read.messages[1].bytes, at_once.messages[1].bytes);
    EXPECT_EQ(read.messages[1].index, 1u);
    EXPECT_EQ(read.messages[2].bytes, whole.messages[2].bytes);
    EXPECT_EQ(read.messages[2].index, 2u);
    ASSERT_EQ(read.problems.size(), 1u);
    EXPECT_EQ(read.problems[0].what, "message 1 (counted from 0) is larger than 4096 bytes: only its start was read");
    EXPECT_FALSE(read.problems[0].unreadable);
  }
}

// Random mailboxes of messages small and large, read with random chunk sizes: each message is
// the whole file's, or the start of it that is kept, whatever the chunks.
TEST(StreamReader, KeepsTheStartOfEveryLargeMessageWhateverTheChunks) {
  constexpr std::size_t kLargest = 3000;
  std::mt19937 random(20261127);
  for (int round = 0; round < 80; ++round) {
    // Half the rounds put a message right at the limit, to the byte.
    const std::string mbox = testing::mailbox_of_large_messages(random, kLargest, round % 2 == 0, round % 12);
    const testing::ReadAll whole = read_pipe(mbox, std::size_t{1} << 20);
    // Past the first chunk (64 kB) the chunks are small, and messages end or are cut inside them.
    const std::size_t chunk = std::uniform_int_distribution<std::size_t>(1, 9000)(random);
    SCOPED_TRACE("round " + std::to_string(round) + ", chunk " + std::to_string(chunk));
    const testing::ReadAll read = read_pipe(mbox, chunk, kLargest);
    std::size_t cut = 0;
    const std::vector<std::string> expected = testing::starts_kept(whole, kLargest, cut);
    EXPECT_EQ(testing::bytes_of(read), expected);
    EXPECT_EQ(read.problems.size(), cut);
  }
}

TEST(StreamReader, ASingleMessageTooLargeToKeepIsReadForItsStart) {
  const std::string message = testing::read_file(testing::kSisimai + "/maildir/arf-01.eml");
  const std::string large = message + std::string(20000, 'x') + "\n";
  const testing::ReadAll read = read_pipe(large, 100, 8192);
  ASSERT_EQ(read.messages.size(), 1u);
  EXPECT_TRUE(read.messages[0].bytes.starts_with(message));
  EXPECT_LT(read.messages[0].bytes.size(), 8192u);
  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_EQ(read.problems[0].what, "message 0 (counted from 0) is larger than 8192 bytes: only its start was read");
}

TEST(StreamReader, AnAppleMailMessageEndsAtItsLengthHoweverLargeWhatFollows) {
  const std::string message = testing::read_file(testing::kSisimai + "/maildir/arf-01.eml");
  // Larger than a stream's first chunk (64 kB), which then holds no end of the file.
  const std::string emlx = std::to_string(message.size()) + "\n" + message + "<plist>" + std::string(100000, 'x') + "</plist>\n";
  for (const std::size_t chunk : {std::size_t{100}, std::size_t{1} << 20}) {
    const testing::ReadAll read = read_pipe(emlx, chunk, 8192);
    ASSERT_EQ(read.messages.size(), 1u);
    EXPECT_EQ(read.messages[0].bytes, message);
    EXPECT_TRUE(read.problems.empty());
  }
}

}  // namespace
}  // namespace bg::mailbox
