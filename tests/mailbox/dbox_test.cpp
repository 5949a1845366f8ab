// Dovecot's dbox files are read for the messages Dovecot saved in them: from the stores Dovecot
// wrote in tests/data/dovecot (make-stores.sh), and from files built here to be cut or damaged.
#include "mailbox/dbox.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "mailbox/mbox_reader.h"
#include "mailbox/sniff.h"
#include "mailbox/stream_reader.h"
#include "mailbox_test_files.h"

namespace bg::mailbox {
namespace {

using testing::read_all;
using testing::read_as_standard_input;
using testing::read_file;
using testing::ReadAll;

const std::string& kStores = testing::kDovecotStores;

// The messages make-stores.sh saved, with LF line endings as Dovecot stores them, sorted.
std::vector<std::string> messages_saved() {
  std::vector<std::string> messages;
  for (const std::string& path : testing::dovecot_saved_paths()) messages.push_back(read_file(path));
  for (std::string& message : messages) std::erase(message, '\r');
  std::sort(messages.begin(), messages.end());
  return messages;
}

std::vector<std::string> sorted_bytes(const ReadAll& read) {
  std::vector<std::string> bytes = testing::bytes_of(read);
  std::sort(bytes.begin(), bytes.end());
  return bytes;
}

// A dbox file as Dovecot writes one: the file's header line, then each message with its header
// (no UID, the size in hex) and metadata (a GUID and the size).
std::string dbox_of(const std::vector<std::string>& messages) {
  std::string file = "2 M1e C6b09e928\n";
  for (const std::string& message : messages) {
    char size[17];
    std::snprintf(size, sizeof size, "%016zX", message.size());
    file += std::string("\x01\x02N          ") + size + "\n" + message;
    file += "\n\x01\x03\nR6b09e928\nV" + std::to_string(message.size()) + "\nG31c2ed3428e9096b1455000083ecc375\n\n";
  }
  return file;
}

std::vector<std::string> corpus_messages(std::size_t count) {
  std::vector<std::string> messages;
  for (const std::string& path : testing::corpus_message_paths()) {
    if (messages.size() == count) break;
    messages.push_back(read_file(path));
  }
  return messages;
}

TEST(Dbox, DovecotsStoresGiveTheMessagesSavedInThem) {
  for (const std::string store : {"sdbox", "mdbox"}) {
    SCOPED_TRACE(store);
    const ReadAll read = read_all(kStores + "/" + store);
    EXPECT_EQ(sorted_bytes(read), messages_saved());
    // Dovecot's indexes, logs and UID validity files beside the messages are passed over quietly.
    for (const ReadProblem& problem : read.problems) ADD_FAILURE() << problem.origin << ": " << problem.what;
  }
}

TEST(Dbox, AnMdboxMailboxWithoutMailSaysWhereItsMessagesAre) {
  const std::string sent = kStores + "/mdbox/mailboxes/Sent";
  EXPECT_EQ(testing::open_error(sent),
            "cannot read " + sent + ": no mail found in its 2 files (" + sent +
                "/dbox-Mails/dovecot.index.cache: a mailbox of a Dovecot mdbox store, which holds only indexes; its "
                "messages lie in the store's storage folder, with every other mailbox's)");
  // An sdbox mailbox holds its messages: when it has none, its indexes are only a mail program's.
  testing::TempDir dir;
  testing::write_file(dir.file("sdbox/mailboxes/Trash/dbox-Mails/dovecot.index.log"),
                      read_file(kStores + "/sdbox/mailboxes/Sent/dbox-Mails/dovecot.index.log"));
  const std::string trash = dir.file("sdbox/mailboxes/Trash");
  EXPECT_EQ(testing::open_error(trash), "cannot read " + trash + ": no mail found in its 1 file (" + trash +
                                            "/dbox-Mails/dovecot.index.log: a mail program's own file)");
}

TEST(Dbox, AnMdboxFileHoldsSeveralMessagesNumberedWithinIt) {
  const std::string path = kStores + "/mdbox/storage/m.1";
  const ReadAll read = read_all(path);
  ASSERT_GE(read.messages.size(), 2u);
  for (std::size_t i = 0; i < read.messages.size(); ++i) {
    EXPECT_EQ(read.messages[i].origin, path);
    EXPECT_EQ(read.messages[i].index, i);
    EXPECT_FALSE(read.messages[i].mbox_quoted);
    EXPECT_TRUE(testing::starts_with_header_line(read.messages[i].bytes)) << i;
  }
}

TEST(Dbox, IsToldByItsFirstBytesNotItsName) {
  EXPECT_EQ(sniff(read_file(kStores + "/sdbox/mailboxes/INBOX/dbox-Mails/u.1")), Content::dbox);
  EXPECT_EQ(sniff(read_file(kStores + "/mdbox/storage/m.2")), Content::dbox);
  EXPECT_EQ(sniff(dbox_of({"Subject: hi\n\nbody\n"})), Content::dbox);
  // The header line alone, or one without the size of a message's header, is not enough.
  EXPECT_NE(sniff("2 M1e C6b09e928\nSubject: hi\n\nbody\n"), Content::dbox);
  EXPECT_NE(sniff(std::string("2 C6b09e928\n\x01\x02N          0000000000000004\nhi\n\n")), Content::dbox);
  EXPECT_NE(sniff(std::string("2 M4 C6b09e928\n\x01\x02N\n")), Content::dbox);
}

TEST(Dbox, IsReadTheSameFromAStream) {
  for (const std::string& path : {kStores + "/mdbox/storage/m.1", kStores + "/sdbox/mailboxes/Sent/dbox-Mails/u.1"}) {
    SCOPED_TRACE(path);
    const ReadAll from_file = read_all(path);
    const ReadAll from_stream = read_as_standard_input(read_file(path));
    ASSERT_FALSE(from_file.messages.empty());
    EXPECT_EQ(testing::bytes_of(from_stream), testing::bytes_of(from_file));
    EXPECT_TRUE(from_stream.problems.empty());
  }
}

TEST(Dbox, ACompressedFileCutShortKeepsTheMessagesItGaveWhole) {
  const std::string path = kStores + "/mdbox/storage/m.1";
  const std::vector<std::string> whole = testing::bytes_of(read_all(path));
  ASSERT_GE(whole.size(), 3u);
  const std::string compressed = testing::gzip(read_file(path));
  testing::TempDir dir;
  const std::string cut = dir.file("m.1.gz");
  testing::write_file(cut, compressed.substr(0, compressed.size() / 2));
  const ReadAll read = read_all(cut);
  // What the stream gave before it failed: its whole messages, less the one the failure cut.
  ASSERT_GE(read.messages.size(), 1u);
  ASSERT_LT(read.messages.size(), whole.size());
  for (std::size_t i = 0; i < read.messages.size(); ++i) EXPECT_EQ(read.messages[i].bytes, whole[i]);
  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_EQ(read.problems[0].what, "gzip data is truncated");
  EXPECT_TRUE(read.problems[0].unreadable);
}

TEST(Dbox, IsReadInsideAnArchive) {
  std::vector<std::pair<std::string, std::string>> members;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kStores + "/mdbox"))
    if (entry.is_regular_file())
      members.emplace_back("vmail/owner/" + std::filesystem::relative(entry.path(), kStores).string(),
                           read_file(entry.path().string()));
  testing::TempDir dir;
  const std::string path = dir.file("vmail.tar.gz");
  testing::write_file(path, testing::gzip(testing::archive_of("tar", members)));
  const ReadAll read = read_all(path);
  EXPECT_EQ(sorted_bytes(read), messages_saved());
  EXPECT_TRUE(read.problems.empty());
}

TEST(Dbox, AFileCutShortGivesTheMessagesItHolds) {
  const std::vector<std::string> messages = corpus_messages(3);
  const std::string whole = dbox_of(messages);
  // Cut inside the third message: it is kept as far as it goes.
  const std::size_t cut = whole.find(messages[2].substr(0, 200)) + 150;
  std::vector<Piece> pieces;
  split_dbox(std::string_view(whole).substr(0, cut), pieces);
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0].bytes, messages[0]);
  EXPECT_EQ(pieces[1].bytes, messages[1]);
  EXPECT_EQ(pieces[2].bytes, messages[2].substr(0, 150));
  // Cut inside the metadata after the second: two messages.
  const std::size_t second_metadata = whole.find("\x01\x03\n", whole.find("\x01\x03\n") + 1);
  pieces.clear();
  split_dbox(std::string_view(whole).substr(0, second_metadata + 5), pieces);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[1].bytes, messages[1]);
}

TEST(Dbox, DamageIsPassedOverToTheNextMessage) {
  const std::vector<std::string> messages = corpus_messages(3);
  std::string damaged = dbox_of(messages);
  // The second message's header loses its magic: from there to the third message's header, the
  // bytes cannot be told apart.
  const std::size_t second = damaged.find("\x01\x02N", damaged.find(messages[0]));
  const std::size_t third = damaged.find("\x01\x02N", second + 1);
  damaged[second + 2] = 'X';
  std::vector<Piece> pieces;
  EXPECT_EQ(split_dbox(damaged, pieces), third - second);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[0].bytes, messages[0]);
  EXPECT_EQ(pieces[1].bytes, messages[2]);

  // Read from a file, in a folder, and from a stream, the damage is reported as bytes not read.
  testing::TempDir dir;
  const std::string path = dir.file("storage/m.7");
  testing::write_file(path, damaged);
  for (const ReadAll& read : {read_all(path), read_all(dir.path()), read_as_standard_input(damaged)}) {
    EXPECT_EQ(testing::bytes_of(read), (std::vector<std::string>{messages[0], messages[2]}));
    ASSERT_EQ(read.problems.size(), 1u);
    EXPECT_EQ(read.problems[0].what,
              "damaged dbox file: " + std::to_string(third - second) + " bytes between its messages were passed over");
    EXPECT_TRUE(read.problems[0].unreadable);
  }

  // Damage to the last message leaves nothing to read again from.
  std::string last_damaged = dbox_of(messages);
  last_damaged[third + 1] = 'X';
  pieces.clear();
  EXPECT_EQ(split_dbox(last_damaged, pieces), last_damaged.size() - third);
  EXPECT_EQ(pieces.size(), 2u);

  // A size past the end of the file keeps the message as far as the file goes.
  std::string oversized = dbox_of({messages[0]});
  oversized.replace(oversized.find("\x01\x02N") + 13, 16, "00000000FFFFFFFF");
  pieces.clear();
  EXPECT_EQ(split_dbox(oversized, pieces), 0u);
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_TRUE(pieces[0].bytes.starts_with(messages[0]));
}

TEST(Dbox, AFileLargerThanTheLargestMessageIsReadForItsStartWithANotice) {
  // A file that a stream's first chunk (64 kB) holds whole, and one that it does not.
  for (const auto& [count, largest] : {std::pair<std::size_t, std::size_t>{8, 4096}, {40, 16384}}) {
    SCOPED_TRACE(largest);
    const std::vector<std::string> messages = corpus_messages(count);
    const std::string file = dbox_of(messages);
    ASSERT_GT(file.size(), 2 * largest);
    testing::TempDir dir;
    const std::string path = dir.file("m.1");
    testing::write_file(path, file);

    MboxReader mapped = testing::open_mbox(path, 4096, largest, Layout::dbox);
    const ReadAll from_file = read_all(mapped);
    StreamReader streamed(std::make_unique<BytesStream>(file), path, FileRole::named, 0, 4096, largest);
    const ReadAll from_stream = read_all(streamed);
    for (const ReadAll* read : {&from_file, &from_stream}) {
      // The messages that lie within the largest message kept (and a separator line's length),
      // whole, and the start of the one cut there.
      ASSERT_GE(read->messages.size(), 2u);
      ASSERT_LT(read->messages.size(), messages.size());
      for (std::size_t i = 0; i + 1 < read->messages.size(); ++i) EXPECT_EQ(read->messages[i].bytes, messages[i]);
      EXPECT_TRUE(messages[read->messages.size() - 1].starts_with(read->messages.back().bytes));
      ASSERT_EQ(read->problems.size(), 1u);
      const std::string limit = std::to_string(largest) + " bytes";
      EXPECT_EQ(read->problems[0].what,
                "a dbox file larger than " + limit + ": what follows its first " + limit + " was not read");
    }
    EXPECT_EQ(testing::bytes_of(from_stream), testing::bytes_of(from_file));
  }
}

}  // namespace
}  // namespace bg::mailbox
