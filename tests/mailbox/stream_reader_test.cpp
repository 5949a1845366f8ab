// Standard input and pipes: the stream reader splits what it reads in chunks exactly as the
// memory-mapped reader splits the file.
#include "mailbox/stream_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

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

testing::ReadAll read_pipe(std::string bytes, std::size_t chunk_size) {
  Pipe pipe(std::move(bytes));
  StreamReader reader(open_decompressed(pipe.take_read_end()), "-", FileRole::named, 0, chunk_size);
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

}  // namespace
}  // namespace bg::mailbox
