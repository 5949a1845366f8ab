// The parallel scan gives the same records, in the same order, as a scan in one thread: over
// an mbox of several mapped windows, each cut into many slices for the parsers, and over a
// folder of single-message files.
#include <gtest/gtest.h>
#include <pthread.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "mailbox_test_files.h"
#include "scan/scanner.h"

namespace bg::scan {
namespace {

using mailbox::testing::TempDir;

struct ScanOutput {
  std::vector<std::string> records;  // origin, message index, recipient and reason of each
  ScanSummary summary;
};

ScanOutput scan_with(const std::string& input, unsigned threads) {
  ScanOptions options;
  options.inputs = {input};
  options.threads = threads;
  ScanOutput output;
  output.summary = scan(options, [&](bounce::Record&& record) {
    output.records.push_back(std::string(record.origin) + " #" + std::to_string(record.message_index) + " " + record.recipient +
                             " " + record.reason);
  });
  return output;
}

// Every corpus message, `copies` times over, with a message that is not mail in the middle.
std::string corpus_mbox(int copies) {
  std::vector<std::string> messages;
  for (int copy = 0; copy < copies; ++copy) {
    for (const std::string& path : mailbox::testing::corpus_message_paths())
      messages.push_back(mailbox::testing::read_file(path));
    if (copy == copies / 2) messages.push_back("\x01\x02 not a mail message\n");
  }
  return mailbox::testing::mboxrd_of(messages);
}

void expect_same_scan(const ScanOutput& alone, const ScanOutput& parallel) {
  EXPECT_EQ(parallel.records, alone.records);
  EXPECT_EQ(parallel.summary.messages_read, alone.summary.messages_read);
  EXPECT_EQ(parallel.summary.bytes_read, alone.summary.bytes_read);
  EXPECT_EQ(parallel.summary.bounce_messages, alone.summary.bounce_messages);
  EXPECT_EQ(parallel.summary.malformed, alone.summary.malformed);
  EXPECT_EQ(parallel.summary.by_reason, alone.summary.by_reason);
  ASSERT_EQ(parallel.summary.problems.size(), alone.summary.problems.size());
  for (std::size_t i = 0; i < alone.summary.problems.size(); ++i)
    EXPECT_EQ(parallel.summary.problems[i].what, alone.summary.problems[i].what);
}

TEST(Scanner, ParallelScanOfALargeMboxKeepsInputOrder) {
  TempDir dir;
  const std::string path = dir.file("large.mbox");
  const std::string mbox = corpus_mbox(7);
  ASSERT_GT(mbox.size(), std::size_t{10} << 20);  // more than one mapped window
  mailbox::testing::write_file(path, mbox);

  const ScanOutput alone = scan_with(path, 1);
  ASSERT_GT(alone.records.size(), 2000u);
  EXPECT_EQ(alone.summary.malformed, 1u);
  for (unsigned threads : {2u, 3u, 8u}) {
    SCOPED_TRACE(threads);
    expect_same_scan(alone, scan_with(path, threads));
  }
}

TEST(Scanner, ParallelScanOfAFolderKeepsFileOrder) {
  const std::string folder = std::string(BOUNCEGUARD_TEST_DATA) + "/sisimai/maildir";
  const ScanOutput alone = scan_with(folder, 1);
  ASSERT_GT(alone.records.size(), 400u);
  expect_same_scan(alone, scan_with(folder, 2));
}

// The parsers take turns handing their batches on: the sink is never entered by two threads
// at once, and the progress is shown from the caller's thread.
TEST(Scanner, ParallelScanCallsTheSinkOneThreadAtATime) {
  TempDir dir;
  const std::string path = dir.file("large.mbox");
  mailbox::testing::write_file(path, corpus_mbox(7));
  ScanOptions options;
  options.inputs = {path};
  options.threads = 8;
  const std::thread::id caller = std::this_thread::get_id();
  std::size_t progress_calls = 0;
  bool progress_elsewhere = false;
  options.on_progress = [&](const Progress&) {
    ++progress_calls;
    progress_elsewhere = progress_elsewhere || std::this_thread::get_id() != caller;
  };
  std::atomic<int> inside{0};
  std::atomic<bool> overlapped{false};
  std::size_t batches = 0;
  std::size_t records = 0;
  const ScanSummary summary = scan_batches(options, [&](std::vector<bounce::Record>&& batch) {
    if (inside.fetch_add(1) != 0) overlapped = true;
    // Long enough in the sink for another parser to finish its batch meanwhile.
    std::this_thread::sleep_for(std::chrono::microseconds(200));
    ++batches;
    records += batch.size();
    inside.fetch_sub(1);
  });
  EXPECT_FALSE(overlapped);
  EXPECT_GT(batches, 8u);
  EXPECT_EQ(records, summary.records);
  EXPECT_GE(progress_calls, 1u);
  EXPECT_FALSE(progress_elsewhere);
}

TEST(Scanner, TheInputsLastBatchIsParsedInEverSmallerSlices) {
  TempDir dir;
  const std::string path = dir.file("corpus.mbox");
  const std::string mbox = corpus_mbox(2);
  ASSERT_GT(mbox.size(), std::size_t{2} << 20);  // some whole slices, all of them in the last window
  mailbox::testing::write_file(path, mbox);
  ScanOptions options;
  options.inputs = {path};
  options.threads = 2;
  std::vector<std::size_t> batch_sizes;  // records, a batch per slice
  scan_batches(options, [&](std::vector<bounce::Record>&& batch) { batch_sizes.push_back(batch.size()); });
  ASSERT_GE(batch_sizes.size(), 8u);
  const std::size_t largest = *std::max_element(batch_sizes.begin(), batch_sizes.end());
  // The last slices are a sixteenth of a whole one (64 kB against 1 MB), give or take a message.
  for (std::size_t i = batch_sizes.size() - 3; i < batch_sizes.size(); ++i)
    EXPECT_LT(batch_sizes[i] * 6, largest) << "slice " << i << " of " << batch_sizes.size();
}

// A sink that fails ends the scan with its error, whichever parser was writing, and nothing
// waits forever for the batches it did not take.
TEST(Scanner, ASinkThatFailsStopsTheParallelScan) {
  TempDir dir;
  const std::string path = dir.file("large.mbox");
  mailbox::testing::write_file(path, corpus_mbox(7));
  for (const unsigned threads : {2u, 8u}) {
    SCOPED_TRACE(threads);
    ScanOptions options;
    options.inputs = {path};
    options.threads = threads;
    std::size_t batches = 0;
    try {
      scan_batches(options, [&](std::vector<bounce::Record>&&) {
        if (++batches == 3) throw std::runtime_error("the disk is full");
      });
      ADD_FAILURE() << "the scan did not fail";
    } catch (const std::runtime_error& error) {
      EXPECT_STREQ(error.what(), "the disk is full");
    }
    EXPECT_EQ(batches, 3u);
  }
}

TEST(Scanner, AnInputGivenTwiceIsReadOnce) {
  const std::string mbox = mailbox::testing::kMbox0;
  TempDir dir;
  const std::string link = dir.file("inbox");
  std::filesystem::create_symlink(mbox, link);
  ScanOptions options;
  options.inputs = {mbox, link, mbox};
  std::size_t records = 0;
  const ScanSummary twice = scan(options, [&](bounce::Record&&) { ++records; });
  const ScanOutput once = scan_with(mbox, 1);
  EXPECT_EQ(records, once.records.size());
  EXPECT_EQ(twice.messages_read, once.summary.messages_read);
  ASSERT_EQ(twice.problems.size(), 2u);
  EXPECT_EQ(twice.problems[0].origin, link);
  EXPECT_EQ(twice.problems[0].what, "the same as " + mbox + ", read once");
  EXPECT_EQ(twice.problems[1].origin, mbox);
}

TEST(Scanner, AFileAlsoInsideAFolderGivenIsReadOnce) {
  TempDir dir;
  const std::string inbox = dir.file("mail/inbox.mbox");
  mailbox::testing::write_file(inbox, mailbox::testing::read_file(mailbox::testing::kMbox0));
  mailbox::testing::write_file(dir.file("mail/old/archive.mbox"), mailbox::testing::read_file(mailbox::testing::kMbox0));
  const std::string folder = dir.file("mail");
  const ScanOutput alone = scan_with(folder, 1);
  ASSERT_GT(alone.records.size(), 0u);

  for (const std::vector<std::string>& inputs : {std::vector<std::string>{inbox, folder},
                                                 std::vector<std::string>{folder, folder + "/old", inbox}}) {
    ScanOptions options;
    options.inputs = inputs;
    std::size_t records = 0;
    const ScanSummary summary = scan(options, [&](bounce::Record&&) { ++records; });
    EXPECT_EQ(records, alone.records.size());
    EXPECT_EQ(summary.messages_read, alone.summary.messages_read);
    EXPECT_EQ(summary.problems.size(), inputs.size() - 1);
  }
}

// An archive of a folder gives the folder's records, in the same order, named inside it.
TEST(Scanner, AnArchiveGivesTheRecordsOfTheFolderItHolds) {
  const std::string folder = std::string(BOUNCEGUARD_TEST_DATA) + "/sisimai/maildir";
  std::vector<std::pair<std::string, std::string>> members;
  for (const std::string& path : mailbox::testing::corpus_message_paths())
    members.emplace_back("maildir/" + std::filesystem::path(path).filename().string(), mailbox::testing::read_file(path));
  TempDir dir;
  const std::string zip = dir.file("corpus.zip");
  mailbox::testing::write_file(zip, mailbox::testing::archive_of("zip", members));
  const std::string tgz = dir.file("corpus.tgz");
  mailbox::testing::write_file(tgz, mailbox::testing::gzip(mailbox::testing::archive_of("tar", members)));

  std::vector<std::string> expected = scan_with(folder, 1).records;
  ASSERT_GT(expected.size(), 400u);
  for (std::string& record : expected) record.replace(0, folder.size(), "maildir");
  for (const std::string& archive : {zip, tgz}) {
    for (const unsigned threads : {1u, 2u}) {
      std::vector<std::string> records = scan_with(archive, threads).records;
      for (std::string& record : records) {
        ASSERT_TRUE(record.starts_with(archive + ":")) << record;
        record.erase(0, archive.size() + 1);
      }
      EXPECT_EQ(records, expected) << archive << ", " << threads << " threads";
    }
  }
}

// Records without where they were read: recipient and reason, sorted.
std::vector<std::string> recipients_and_reasons(const ScanOutput& output) {
  std::vector<std::string> found;
  for (const std::string& record : output.records) {
    const std::size_t index = record.find(" #");  // "ORIGIN #INDEX RECIPIENT REASON"
    found.push_back(record.substr(record.find(' ', index + 2) + 1));
  }
  std::sort(found.begin(), found.end());
  return found;
}

TEST(Scanner, ADovecotStoreGivesTheRecordsOfTheMessagesSavedInIt) {
  TempDir dir;
  std::size_t saved = 0;
  for (const std::string& path : mailbox::testing::dovecot_saved_paths())
    mailbox::testing::write_file(dir.file("saved/" + std::to_string(saved++) + ".eml"),
                                 mailbox::testing::read_file(path));
  const ScanOutput expected = scan_with(dir.file("saved"), 1);
  ASSERT_GE(expected.records.size(), 12u);
  for (const std::string store : {"sdbox", "mdbox"}) {
    SCOPED_TRACE(store);
    const ScanOutput output = scan_with(mailbox::testing::kDovecotStores + "/" + store, 2);
    EXPECT_EQ(recipients_and_reasons(output), recipients_and_reasons(expected));
    EXPECT_EQ(output.summary.messages_read, saved);
    EXPECT_EQ(output.summary.bounce_messages, expected.summary.bounce_messages);
    EXPECT_EQ(output.summary.malformed, 0u);
    EXPECT_TRUE(output.summary.problems.empty());
  }
}

TEST(Scanner, ADamagedDboxFileGivesTheMessagesAroundTheDamage) {
  const std::string path = mailbox::testing::kDovecotStores + "/mdbox/storage/m.1";
  const ScanOutput whole = scan_with(path, 1);
  ASSERT_GE(whole.summary.messages_read, 3u);
  std::string mdbox = mailbox::testing::read_file(path);
  // The second message's header loses its magic.
  const std::size_t second = mdbox.find("\x01\x02N", mdbox.find("\x01\x02N") + 1);
  ASSERT_NE(second, std::string::npos);
  mdbox[second + 1] = '?';
  TempDir dir;
  mailbox::testing::write_file(dir.file("m.1"), mdbox);
  const ScanOutput output = scan_with(dir.file("m.1"), 1);
  EXPECT_EQ(output.summary.messages_read, whole.summary.messages_read - 1);
  EXPECT_EQ(output.summary.malformed, 0u);
  ASSERT_EQ(output.summary.problems.size(), 1u);
  EXPECT_TRUE(output.summary.problems[0].what.starts_with("damaged dbox file: "));
  EXPECT_TRUE(output.summary.problems[0].unreadable);
}

TEST(Scanner, MoreThreadsThanUsefulAreCappedNotRefused) {
  const std::string folder = std::string(BOUNCEGUARD_TEST_DATA) + "/sisimai/maildir";
  expect_same_scan(scan_with(folder, 1), scan_with(folder, 100'000));
}

#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
// The address space a process may use, in bytes, as the kernel counts it.
std::uint64_t address_space_in_use() {
  std::ifstream statm("/proc/self/statm");
  std::uint64_t pages = 0;
  statm >> pages;
  return pages * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
}

// Scans the corpus folder with kMaxThreads parsers asked for, in a child process whose address
// space has room for the stacks of `threads` threads only (the reader's included). The exit
// code of the child: 0 when it found `expected`, 1 other records, 2 when the scan failed for
// want of threads, 3 for any other failure.
int scan_with_room_for(std::uint64_t threads, const std::vector<std::string>& expected) {
  const pid_t child = ::fork();
  if (child == -1) return -1;
  if (child == 0) {
    // Stacks so large that they decide how many threads start; the memory left over is ample
    // for the scan itself.
    constexpr std::uint64_t kStack = std::uint64_t{256} << 20;
    pthread_attr_t attributes;
    ::pthread_attr_init(&attributes);
    ::pthread_attr_setstacksize(&attributes, kStack);
    const rlimit limit{address_space_in_use() + threads * kStack + (std::uint64_t{64} << 20), RLIM_INFINITY};
    if (::pthread_setattr_default_np(&attributes) != 0 || ::setrlimit(RLIMIT_AS, &limit) != 0) ::_exit(3);
    try {
      ::_exit(scan_with(std::string(BOUNCEGUARD_TEST_DATA) + "/sisimai/maildir", kMaxThreads).records == expected ? 0 : 1);
    } catch (const std::exception& error) {
      ::_exit(std::string(error.what()).starts_with("cannot start a parser thread: ") ? 2 : 3);
    }
  }
  int status = 0;
  if (::waitpid(child, &status, 0) != child || !WIFEXITED(status)) return -1;  // it crashed
  return WEXITSTATUS(status);
}

// When the system gives fewer threads than asked (here, an address space too small for all
// their stacks), those it gives do the work; with none for parsing, the scan fails cleanly.
TEST(Scanner, FewerThreadsThanAskedStillFinishTheScan) {
  const std::vector<std::string> expected = scan_with(std::string(BOUNCEGUARD_TEST_DATA) + "/sisimai/maildir", 1).records;
  EXPECT_EQ(scan_with_room_for(3, expected), 0);
  EXPECT_EQ(scan_with_room_for(1, expected), 2);
}
#endif

}  // namespace
}  // namespace bg::scan
