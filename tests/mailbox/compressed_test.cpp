// Compressed mailboxes are found by their magic bytes, streamed through the decompressor, and
// split as if they were plain; damage keeps what came before it and is reported.
#include <fcntl.h>
#include <gtest/gtest.h>

#include "mailbox/decompressor.h"
#include "mailbox/stream_reader.h"
#include "mailbox_test_files.h"

namespace bg::mailbox {
namespace {

using testing::kMbox0;
using testing::read_all;
using testing::read_file;
using testing::ReadAll;
using testing::gzip;
using testing::xz;
using testing::zstd;
using testing::bzip2;

struct Format {
  const char* name;
  std::string (*compress)(std::string_view);
};

void PrintTo(const Format& format, std::ostream* out) { *out << format.name; }

class Compressed : public ::testing::TestWithParam<Format> {};

TEST_P(Compressed, YieldsTheMessagesOfThePlainMailbox) {
  const ReadAll plain = read_all(kMbox0);
  ASSERT_EQ(plain.messages.size(), 37u);
  testing::TempDir dir;
  // No telling extension: the content decides.
  const std::string path = dir.file("folder/archive");
  testing::write_file(path, GetParam().compress(read_file(kMbox0)));

  for (const std::string& opened : {path, dir.path()}) {
    const ReadAll read = read_all(opened);
    ASSERT_EQ(read.messages.size(), 37u) << opened;
    for (std::size_t i = 0; i < read.messages.size(); ++i) {
      EXPECT_EQ(read.messages[i].bytes, plain.messages[i].bytes);
      EXPECT_EQ(read.messages[i].index, i);
      EXPECT_EQ(read.messages[i].origin, path);
      EXPECT_TRUE(read.messages[i].mbox_quoted);
    }
    EXPECT_TRUE(read.problems.empty());
  }
}

TEST_P(Compressed, TruncatedKeepsTheMessagesBeforeTheCutAndReportsIt) {
  // A mailbox of every corpus message: long and varied enough for many compressed blocks
  // (zstd and bzip2 decode whole blocks only).
  std::vector<std::string> corpus;
  for (const std::string& path : testing::corpus_message_paths()) corpus.push_back(read_file(path));
  const std::string mbox = testing::mboxrd_of(corpus);
  testing::TempDir dir;
  testing::write_file(dir.file("plain"), mbox);
  const ReadAll plain = read_all(dir.file("plain"));
  ASSERT_EQ(plain.messages.size(), corpus.size());

  const std::string compressed = GetParam().compress(mbox);
  const std::string path = dir.file("cut");
  testing::write_file(path, compressed.substr(0, compressed.size() * 6 / 10));

  const ReadAll read = read_all(path);
  EXPECT_GT(read.messages.size(), corpus.size() / 4);
  EXPECT_LT(read.messages.size(), corpus.size());
  for (std::size_t i = 0; i < read.messages.size(); ++i)
    EXPECT_EQ(read.messages[i].bytes, plain.messages[i].bytes) << "message " << i;
  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_EQ(read.problems[0].origin, path);
  EXPECT_NE(read.problems[0].what.find("truncated"), std::string::npos) << read.problems[0].what;
  EXPECT_TRUE(read.problems[0].unreadable);
}

TEST_P(Compressed, CorruptDataIsReported) {
  std::string compressed = GetParam().compress(read_file(kMbox0));
  for (std::size_t i = compressed.size() / 2; i < compressed.size() / 2 + 64; ++i)
    compressed[i] = static_cast<char>(compressed[i] ^ 0x5a);
  testing::TempDir dir;
  const std::string path = dir.file("corrupt");
  testing::write_file(path, compressed);

  const ReadAll read = read_all(path);
  EXPECT_LT(read.messages.size(), 37u);
  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_EQ(read.problems[0].origin, path);
  EXPECT_NE(read.problems[0].what.find(GetParam().name), std::string::npos)
      << read.problems[0].what;
  EXPECT_TRUE(read.problems[0].unreadable);
}

TEST_P(Compressed, ConcatenatedStreamsAreReadThrough) {
  const std::string mbox = read_file(kMbox0);
  testing::TempDir dir;
  const std::string path = dir.file("twice");
  testing::write_file(path, GetParam().compress(mbox) + GetParam().compress(mbox));
  const ReadAll read = read_all(path);
  EXPECT_EQ(read.messages.size(), 74u);
  EXPECT_TRUE(read.problems.empty());
}

TEST_P(Compressed, BinaryContentNamedAloneIsAnErrorAsWhenPlain) {
  testing::TempDir dir;
  const std::string path = dir.file("picture.png");
  testing::write_file(path, GetParam().compress(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)));
  EXPECT_EQ(testing::open_error(path), "cannot read " + path + ": not a mail file (binary content)");
  // In a folder, it is passed over with a notice.
  testing::write_file(dir.file("Inbox"), read_file(kMbox0));
  const ReadAll read = read_all(dir.path());
  EXPECT_EQ(read.messages.size(), 37u);
  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_EQ(read.problems[0].what, "not a mail file");
  EXPECT_FALSE(read.problems[0].unreadable);
}

INSTANTIATE_TEST_SUITE_P(Formats, Compressed,
                         ::testing::Values(Format{"gzip", gzip}, Format{"xz", xz},
                                           Format{"zstd", zstd}, Format{"bzip2", bzip2}),
                         [](const auto& info) { return std::string(info.param.name); });

// An mbox compressed with zstd and damaged (found by the mailbox fuzzer). zstd decodes a block
// straight into an output large enough for it and drops it when it turns out damaged, so what
// came before the damage must not depend on how much each read asks for: opening the file reads
// its first bytes alone to tell what it holds, a stream reader asks for a whole chunk at once.
TEST(CompressedZstd, DamageGivesTheSameMessagesHoweverTheStreamIsRead) {
  const std::string path = std::string(BOUNCEGUARD_TEST_DATA) + "/fuzz-found/zstd-damaged-block.zst";
  const ReadAll opened = read_all(path);
  StreamReader stream(open_decompressed(FileDescriptor(::open(path.c_str(), O_RDONLY | O_CLOEXEC))), path,
                      FileRole::named, 0, 37);
  const ReadAll streamed = read_all(stream);
  EXPECT_EQ(testing::bytes_of(streamed), testing::bytes_of(opened));
  for (const ReadAll* read : {&opened, &streamed}) {
    ASSERT_EQ(read->problems.size(), 1u);
    EXPECT_EQ(read->problems[0].what, "corrupt zstd data: Data corruption detected");
    EXPECT_TRUE(read->problems[0].unreadable);
  }
}

}  // namespace
}  // namespace bg::mailbox
